# chamberdoc: `make` sets up, builds in release, converts Samples/*.txt into out/*.xml and
# validates them; `make test` runs the test suite. See README.md.

SWIFT    ?= swift
BIN      := .build/release/chamberdoc
SOURCES  := Package.swift $(shell find Sources -type f)
SAMPLES  := $(wildcard Samples/*.txt)
OUTPUTS  := $(patsubst Samples/%.txt,out/%.xml,$(SAMPLES))
SCHEMA   := Schemas/chamberdoc.xsd
# The writers `make` runs (convert --to): e.g. make TO=chamberdoc,akn adds Akoma Ntoso.
TO       ?= chamberdoc

.PHONY: all setup build test validate check fuzz bench profile clean
.DELETE_ON_ERROR:

all: out/.validated

# The headers and pkg-config entries of libxml2, poppler-glib, zlib and Hunspell; the
# Dutch-French dictionaries of the sentence aligner (read at run time from /usr/share/dictd)
# and Hunspell's Dutch and French ones (/usr/share/hunspell, for hyphens at line ends):
# installed when we can (root with apt-get), otherwise one line saying how. Done again when
# this Makefile changes, so that a new dependency reaches an existing checkout.
LIBRARIES    = libxml-2.0 poppler-glib zlib hunspell
PACKAGES     = libxml2-dev libpoppler-glib-dev zlib1g-dev libhunspell-dev pkg-config \
               dict-freedict-nld-fra dict-freedict-fra-nld hunspell-nl hunspell-fr
DICTIONARIES = /usr/share/dictd/freedict-nld-fra.dict.dz /usr/share/dictd/freedict-fra-nld.dict.dz \
               /usr/share/hunspell/nl.dic /usr/share/hunspell/fr.dic
setup: .build/.setup
.build/.setup: Makefile
	@if ! pkg-config --exists $(LIBRARIES) 2>/dev/null || ! ls $(DICTIONARIES) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq $(PACKAGES); \
	  elif ! pkg-config --exists $(LIBRARIES) 2>/dev/null; then \
	    echo "chamberdoc needs libxml2, poppler-glib, zlib and Hunspell: run 'sudo apt-get install $(PACKAGES)' (Debian/Ubuntu) and make again" >&2; exit 1; \
	  else \
	    echo "note: without dict-freedict-nld-fra and dict-freedict-fra-nld, sentences are aligned without a dictionary; without hunspell-nl and hunspell-fr, a hyphen at a line end that the document does not explain is dropped" >&2; \
	  fi; \
	fi
	@mkdir -p .build && touch $@

# The Swift runtime and Foundation linked in (--static-swift-stdlib): a process starts in
# half the time, which is most of the cost of converting one document.
RELEASE  := -c release --static-swift-stdlib
build: $(BIN)
$(BIN): $(SOURCES) | .build/.setup
	$(SWIFT) build $(RELEASE) --product chamberdoc
	@touch $@

out:
	@mkdir -p out

# One conversion per input, so that only changed inputs are converted again and -j works.
# A bad input does not stop the others: its messages are kept in out/NAME.failed, and the
# last step lists them and fails. (Its XML is absent, so the next make tries it again.)
out/%.xml: Samples/%.txt $(BIN) $(SCHEMA) Schemas/glossary.tsv | out
	@rm -f out/$*.failed
	@$(BIN) convert --schema $(SCHEMA) --to $(TO) $< -o out 2> out/$*.log; status=$$?; cat out/$*.log >&2; \
	  if [ $$status -eq 0 ]; then rm out/$*.log; else mv out/$*.log out/$*.failed; fi

out/.validated: $(OUTPUTS) $(SCHEMA)
	@written=$$(for f in $(OUTPUTS); do [ -f $$f ] && echo $$f; done); \
	  [ -z "$$written" ] || $(BIN) validate --schema $(SCHEMA) $$written || exit 1; \
	  failed=$$(for f in $(OUTPUTS:.xml=.failed); do [ -f $$f ] && echo $$f; done); \
	  if [ -n "$$failed" ]; then \
	    echo "make: $$(echo $$failed | wc -w) of $(words $(OUTPUTS)) inputs failed (messages in out/NAME.failed):" >&2; \
	    for f in $$failed; do sed 's/^/  /' $$f >&2; done; exit 1; \
	  fi
	@touch $@

validate: out/.validated

# Parity findings (out/NAME.check.txt) and an HTML report (out/NAME.html) per sample. Findings
# do not fail the target (check exits 1 for them); an unusable input does.
CHECKS := $(patsubst Samples/%.txt,out/%.check.txt,$(SAMPLES))
check: $(CHECKS)
out/%.check.txt: Samples/%.txt $(BIN) Schemas/glossary.tsv | out
	$(BIN) check $< > $@.tmp || [ $$? -eq 1 ]
	$(BIN) diff $< --html out/$*.html > /dev/null
	@mv $@.tmp $@
	@echo "$@: $$(grep -c . $@ || true) finding(s); report in out/$*.html"

test: | .build/.setup
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Fuzzing with libFuzzer and AddressSanitizer over read → parse → align → emit, the schema as
# oracle. FUZZ_SECONDS sets the time; the run goes on past a finding (each input in its own
# child process), so a long unattended run collects them all in .fuzz/findings/ (replay one
# with `swift run chamberdoc-fuzz FILE`); the growing corpus is kept in .fuzz/corpus/.
FUZZ_SECONDS ?= 300
FUZZ_BIN = $(shell $(SWIFT) build -c release --scratch-path .build-fuzz --show-bin-path)/chamberdoc-fuzz
fuzz: | .build/.setup
	$(SWIFT) build -c release --product chamberdoc-fuzz --scratch-path .build-fuzz --toolset Tools/fuzz-toolset.json
	@mkdir -p .fuzz/corpus .fuzz/findings
	$(FUZZ_BIN) .fuzz/corpus Samples Tests/ChamberDocTests/Fixtures -dict=Tools/fuzz.dict \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
	  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
	  -artifact_prefix=.fuzz/findings/ -print_final_stats=1

# Throughput, memory and time per stage over generated corpora, against xmllint validating
# the same output; every command's time and memory on one document of 1, 10 and 60 MB; the
# cost of worker processes against --in-process; writes BENCHMARKS.md. The full run (1x, 10x, 100x of 1,000 documents, three runs) takes
# about 85 minutes; BENCH_ARGS=--quick takes three; BENCH_ARGS="--only size-scaling" ten.
BENCH_ARGS ?=
bench: | .build/.setup
	@{ command -v xmllint && command -v pdftotext; } >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get update -qq && apt-get install -y -qq libxml2-utils poppler-utils; \
	  else echo "make bench needs xmllint and pdftotext: run 'sudo apt-get install libxml2-utils poppler-utils'" >&2; exit 1; fi; }
	python3 Tools/bench.py --build-flags="$(RELEASE)" $(BENCH_ARGS)

# Where the instructions go: callgrind (which counts instructions, so runs compare on a busy
# machine) over the synchronous pipeline (chamberdoc-fuzz replaying PROFILE_DOCS generated
# documents), built with debug information in .build-prof; prints the costliest functions.
PROFILE_DOCS ?= 20
profile: | .build/.setup
	@command -v valgrind >/dev/null || { echo "make profile needs valgrind: apt-get install valgrind" >&2; exit 1; }
	$(SWIFT) build -c release --product chamberdoc-fuzz --scratch-path .build-prof -Xswiftc -g
	python3 Tools/make-corpus.py --seed 1 --count $(PROFILE_DOCS) --out .bench/profile-corpus
	valgrind --tool=callgrind --callgrind-out-file=.bench/callgrind.out .build-prof/release/chamberdoc-fuzz .bench/profile-corpus/doc-*.txt
	callgrind_annotate --inclusive=yes .bench/callgrind.out | grep -E '^ *[0-9,]+ .*(Sources|PROGRAM)' | head -40

clean:
	rm -rf out .build/release/chamberdoc .build/.setup
