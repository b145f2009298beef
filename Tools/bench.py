#!/usr/bin/env python3
"""Benchmark `chamberdoc convert` on generated corpora and write BENCHMARKS.md.

Why: issue 5 asks for figures that any later change can be compared against,
reproducible from a fresh clone without network: throughput, peak memory and
time per stage of `convert` over 1x, 10x and 100x a base corpus, the speed-up
from one core to all, and how converting compares with merely validating the
output with xmllint (the same libxml2).

What it does (from the repository root, whatever the current directory):
  1. builds the release binaries once, as `make` does
     (`swift build -c release --static-swift-stdlib --product chamberdoc`);
  2. per scale S, generates BASE*S documents with Tools/make-corpus.py into
     .bench/corpus-S/ (reused when the seed, count, generator and samples are
     unchanged; see .bench/corpus-S/.settings.json);
  3. per scale and run: one `chamberdoc convert --input-list … --timings …`
     process over the whole corpus (all cores), timed for wall and CPU time,
     peak RSS taken from the child's own rusage (os.wait4); the per-stage
     seconds come from the tool's TIMINGS.json; then
     `xmllint --noout --schema Schemas/chamberdoc.xsd` over the XML just written,
     in batches of 2,000 files per process (ARG_MAX), one process at a time;
  4. once per scale up to --serial-up-to (10), the same conversion with `--jobs 1`
     for the speed-up;
  5. converts each sample alone in a fresh process, five times, for the
     process time of a single document (start-up and schema included);
  6. scores the align and check stages on the evaluation set
     (`chamberdoc-evaluate links`: Tests/Evaluation/variants.json, against a
     length-only Gale-Church baseline in the same run) and times the align stage
     on the seed repeated to 1,000, 3,000, 9,000 and 27,000 paragraphs per
     language (`chamberdoc-evaluate scaling`, one process per size);
  7. writes medians over the runs to BENCHMARKS.md, with the date, core count,
     git commit and the command that reproduces them.
Steps 2 to 6 are the `corpus` part. The `size-scaling` part shows whether time and
memory grow linearly with the size of one document: the seed and the side-by-side
sample (Tools/relay-seed.py's output) each repeated to 1, 10 and 60 MB (--sizes),
and for each of them convert, check, diff, columns and validate (of the XML that
convert wrote) in a fresh process each, under /usr/bin/time for the child's own
peak RSS; it writes the `## Size scaling` section of BENCHMARKS.md and leaves the
rest of the file as it is when run alone (--only size-scaling). The `isolation`
part measures what converting in worker processes costs against `--in-process`:
the 1x corpus converted both ways, the runs interleaved, and each sample alone
in a fresh process both ways; it writes the `## Worker isolation` section. The
`pdf` part converts the typeset corpus's PDFs (Tests/ChamberDocTests/Fixtures/
typeset, both sets) to validated XML, one process per PDF as `pdftotext -layout`
(poppler-utils) runs on the same PDFs, and in one batch; per page, medians, and
the ratios to pdftotext and to the route without the PDF reader (pdftotext -layout,
then convert of its dump); it writes the `## PDF reading` section. The `findings` part runs
`chamberdoc check` on every document reviewed in Tests/ChamberDocTests/Fixtures/findings
(Samples/NAME.txt against NAME.reviewed.tsv) and counts its findings as the review marked
them: real, noise, or not reviewed; and the real differences check misses; it writes the
`## Findings on real documents` section.
The `omissions` part (`chamberdoc-evaluate omissions`, about a minute) deletes, one at a time, each
sentence of six words or more (with a counterpart as long) from one language of the
seed and the real bill, and each unit with both languages, and counts how often the
check stage reports it (P106; P101/P102), on a development and a held-out half, with
and without the Dutch-French dictionary, and for sentences of eight words or more (what
P106 reports); and counts P106 on the clean samples; it writes the `## Omissions` section.
Corpora, outputs, timings and logs stay under .bench/ (tens of GB at 100x:
the 100x corpus alone is about 4 GB of input).

Usage:
    python3 Tools/bench.py                    # base 1000, scales 1,10,100, 3 runs; sizes 1,10,60
    python3 Tools/bench.py --quick            # base 100, scales 1,10, sizes 1,10: a fast check
    python3 Tools/bench.py --base 500 --scales 1,10 --runs 5 --seed 7
    python3 Tools/bench.py --only size-scaling # one document of 1, 10 and 60 MB per layout
    python3 Tools/bench.py --only isolation    # worker processes against --in-process
    python3 Tools/bench.py --only pdf          # PDF to validated XML against pdftotext -layout
    python3 Tools/bench.py --only findings     # the share of real findings on reviewed documents
    python3 Tools/bench.py --only omissions    # sentences and paragraphs left out: found or not
Needs xmllint (Debian/Ubuntu: apt-get install libxml2-utils), /usr/bin/time (time)
and Swift.
"""
import argparse
import concurrent.futures
import datetime
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
SCHEMA = ROOT / "Schemas" / "chamberdoc.xsd"
MAKE_CORPUS = ROOT / "Tools" / "make-corpus.py"
XMLLINT_BATCH = 2000
STAGES = ["read", "parse", "align", "check", "emit", "validate", "write"]
MB = 1e6
SINGLE_RUNS = 5
PARTS = ("corpus", "size-scaling", "isolation", "pdf", "writers", "findings", "omissions")
SCALING_SOURCES = {"clean": ROOT / "Samples" / "003_fee3b1f4911676a0.txt",
                   "side-by-side": ROOT / "Samples" / "003_fee3b1f4911676a0-sidebyside.txt"}
SCALING_COMMANDS = ("convert", "check", "diff", "columns", "validate")
SCALING_HEADING = "## Size scaling"
ISOLATION_HEADING = "## Worker isolation"
PDF_HEADING = "## PDF reading"
WRITERS_HEADING = "## Writers"
WRITER_SETS = ("chamberdoc", "chamberdoc,akn", "chamberdoc,akn,tmx,html")
FINDINGS_HEADING = "## Findings on real documents"
REVIEWED = ROOT / "Tests" / "ChamberDocTests" / "Fixtures" / "findings"
TYPESET = ROOT / "Tests" / "ChamberDocTests" / "Fixtures" / "typeset"
OMISSIONS_HEADING = "## Omissions"
OMISSION_DOCUMENTS = ["Samples/003_fee3b1f4911676a0.txt", "Samples/56K0055001.txt"]
OMISSION_CLEAN = ["Samples/003_fee3b1f4911676a0-sidebyside.txt"]
SECTION_HEADINGS = (SCALING_HEADING, ISOLATION_HEADING, PDF_HEADING, WRITERS_HEADING, FINDINGS_HEADING, OMISSIONS_HEADING)


def fail(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def run(cmd, log):
    """Run cmd with stdout and stderr appended to log; (exit code, wall s, CPU s, peak RSS MB)."""
    with open(log, "ab") as out:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux. It is not the child's own peak: exec keeps the peak of the
    # process image it replaces, this script's, which holds 100,000 paths at 100x. The
    # conversion and the align-stage scaling therefore report their own peak (VmHWM); this
    # value is only the fallback of a binary without `peakResidentBytes` in its timings.
    return child.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024 / MB


def build(flags):
    print(f"bench: building chamberdoc and chamberdoc-evaluate ({' '.join(flags)})", flush=True)
    for product in ("chamberdoc", "chamberdoc-evaluate"):
        subprocess.run(["swift", "build", *flags, "--product", product], cwd=ROOT, check=True)
    bin_dir = subprocess.run(["swift", "build", *flags, "--show-bin-path"], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout.strip()
    binary = Path(bin_dir) / "chamberdoc"
    usage = subprocess.run([binary, "convert", "--help"], capture_output=True, text=True).stdout
    missing = [o for o in ("--input-list", "--timings", "--jobs") if o not in usage]
    if missing:
        fail(f"{binary} convert has no {', '.join(missing)} option; the benchmark needs them")
    return binary


def generator_digest():
    """What the corpus depends on: the generator, the re-layer and the samples."""
    digest = hashlib.sha256()
    for path in [MAKE_CORPUS, ROOT / "Tools" / "relay-seed.py", *sorted((ROOT / "Samples").glob("*.txt"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def corpus(scale, count, seed):
    """The input list of the corpus of one scale, generated unless already there."""
    directory = BENCH / f"corpus-{scale}"
    stamp = directory / ".settings.json"
    settings = {"seed": seed, "count": count, "generator": generator_digest()}
    if not (stamp.exists() and json.loads(stamp.read_text()) == settings):
        if stamp.exists():
            stamp.unlink()
        subprocess.run([sys.executable, MAKE_CORPUS, "--seed", str(seed), "--count", str(count),
                        "--out", directory], check=True)
        stamp.write_text(json.dumps(settings) + "\n")
    else:
        print(f"bench: reusing {directory.relative_to(ROOT)} ({count} documents)")
    inputs = sorted(directory.glob("doc-*.txt"))
    if len(inputs) != count:
        fail(f"{directory} holds {len(inputs)} documents, expected {count}")
    listing = BENCH / f"inputs-{scale}.txt"
    listing.write_text("".join(f"{p}\n" for p in inputs))
    return listing, sum(p.stat().st_size for p in inputs)


def convert(binary, listing, scale, tag, jobs=None, flags=()):
    """One timed conversion of a whole corpus into a fresh .bench/out-SCALE/."""
    out = BENCH / f"out-{scale}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    timings, log = BENCH / f"timings-{scale}-{tag}.json", BENCH / f"convert-{scale}-{tag}.log"
    log.unlink(missing_ok=True)
    cmd = [str(binary), "convert", "--schema", str(SCHEMA), "--input-list", str(listing),
           "-o", str(out), "--timings", str(timings)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    code, wall, cpu, rss = run(cmd + list(flags), log)
    if code != 0:
        fail(f"convert exited with {code} on scale {scale} ({tag}); see {log}")
    report = json.loads(timings.read_text())
    rss = report.get("peakResidentBytes", rss * MB) / MB
    result = {"wall": wall, "cpu": cpu, "rss": rss, **report}
    print(f"bench: scale {scale} {tag}: convert {result['documents']} documents "
          f"in {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {rss:.0f} MB", flush=True)
    return result, out


def xmllint(out, scale, tag):
    """Validate every XML file of out with xmllint, batch by batch; (wall s, CPU s)."""
    files = sorted(str(p) for p in out.glob("*.xml"))
    log = BENCH / f"xmllint-{scale}-{tag}.log"
    log.unlink(missing_ok=True)
    wall = cpu = 0.0
    for i in range(0, len(files), XMLLINT_BATCH):
        code, w, c, _ = run(["xmllint", "--noout", "--schema", str(SCHEMA), *files[i:i + XMLLINT_BATCH]], log)
        if code != 0:
            fail(f"xmllint exited with {code} on scale {scale} ({tag}); see {log}")
        wall, cpu = wall + w, cpu + c
    print(f"bench: scale {scale} {tag}: xmllint {len(files)} files in {wall:.2f} s", flush=True)
    return wall, cpu


def measure(binary, scale, count, seed, runs, serial):
    listing, input_bytes = corpus(scale, count, seed)
    rows = []
    for n in range(1, runs + 1):
        result, out = convert(binary, listing, scale, f"run{n}")
        result["xmllint_wall"], result["xmllint_cpu"] = xmllint(out, scale, f"run{n}")
        rows.append(result)
    single = convert(binary, listing, scale, "jobs1", jobs=1)[0] if serial else None

    def med(key):
        return statistics.median(r[key] for r in rows)
    stages = {s: statistics.median(r["stages"].get(s, 0.0) for r in rows)
              for s in STAGES + sorted({k for r in rows for k in r["stages"]} - set(STAGES))}
    wall = med("wall")
    return {
        "scale": scale, "documents": rows[0]["documents"], "mb": input_bytes / MB,
        "jobs": rows[0].get("jobs"), "wall": wall, "cpu": med("cpu"), "rss": med("rss"),
        "docs_per_s": statistics.median(r["documents"] / r["wall"] for r in rows),
        "mb_per_s": statistics.median(input_bytes / MB / r["wall"] for r in rows),
        "xmllint_wall": med("xmllint_wall"), "xmllint_cpu": med("xmllint_cpu"),
        "ratio": statistics.median(r["wall"] / r["xmllint_wall"] for r in rows),
        "cpu_ratio": statistics.median(r["cpu"] / r["xmllint_cpu"] for r in rows),
        "jobs1_wall": single and single["wall"], "jobs1_cpu": single and single["cpu"],
        "speedup": single and single["wall"] / wall, "stages": stages,
    }


def single_documents(binary, flags=()):
    """Median wall and CPU ms of one process converting one sample, per sample."""
    out = BENCH / "out-single"
    out.mkdir(parents=True, exist_ok=True)
    log = BENCH / "convert-single.log"
    log.unlink(missing_ok=True)
    rows = []
    for sample in sorted((ROOT / "Samples").glob("*.txt")):
        walls, cpus = [], []
        for _ in range(SINGLE_RUNS):
            code, wall, cpu, _ = run([str(binary), "convert", "--schema", str(SCHEMA), *flags, str(sample),
                                      "-o", str(out)], log)
            if code != 0:
                fail(f"convert exited with {code} on {sample.name}; see {log}")
            walls.append(wall)
            cpus.append(cpu)
        rows.append({"name": sample.name, "kb": sample.stat().st_size / 1000,
                     "wall_ms": 1000 * statistics.median(walls), "cpu_ms": 1000 * statistics.median(cpus)})
    return rows


ALIGNMENT_SIZES = (1000, 3000, 9000, 27000)


def alignment(binary):
    """The evaluation set's Markdown tables, and the align stage's time and memory per size."""
    evaluate = binary.parent / "chamberdoc-evaluate"
    print("bench: evaluation set and align-stage scaling", flush=True)
    tables = subprocess.run([evaluate, "links"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    sizes = []
    for size in ALIGNMENT_SIZES:
        line = subprocess.run([evaluate, "scaling", "--paragraphs", str(size)], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.split()
        sizes.append(dict(paragraphs=int(line[0]), units=int(line[1]), seconds=float(line[2]), rss=int(line[3])))
    return tables, sizes


def scaling_document(layout, mb):
    """The sample of `layout` repeated to at least `mb` MB, written under .bench/scaling/."""
    data = SCALING_SOURCES[layout].read_bytes()
    path = BENCH / "scaling" / f"{layout}-{mb}mb.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data * -(-int(mb * MB) // len(data)))
    return path


def timed(cmd, log, codes=(0,)):
    """Run cmd under /usr/bin/time, its output discarded; (wall s, the child's peak RSS MB)."""
    report = BENCH / "scaling" / "time.txt"
    with open(log, "ab") as err:
        start = time.perf_counter()
        code = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(report), *map(str, cmd)], cwd=ROOT,
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err).returncode
        wall = time.perf_counter() - start
    if code not in codes:
        fail(f"{cmd[1]} exited with {code} on {cmd[-1]}; see {log}")
    # The last line is the peak in KiB (a line before it says so when the command failed).
    return wall, int(report.read_text().split()[-1]) * 1024 / MB


def size_scaling(binary, sizes, runs):
    """Median wall time and peak RSS of each command on one document per layout and size."""
    out = BENCH / "scaling" / "out"
    out.mkdir(parents=True, exist_ok=True)
    log = BENCH / "scaling" / "commands.log"
    log.unlink(missing_ok=True)
    rows = []
    for layout in SCALING_SOURCES:
        for mb in sizes:
            document = scaling_document(layout, mb)
            xml = out / (document.stem + ".xml")
            # Every command takes --max-input-mb; the XML is about twice the input.
            limit = ["--max-input-mb", str(max(64, 3 * mb))]
            commands = {
                "convert": ([binary, "convert", "--schema", SCHEMA, *limit, document, "-o", out], (0,)),
                "check": ([binary, "check", *limit, document], (0, 1)),
                "diff": ([binary, "diff", "--width", "100", *limit, document], (0,)),
                "columns": ([binary, "columns", *limit, document], (0,)),
                "validate": ([binary, "validate", "--schema", SCHEMA, *limit, xml], (0,)),
            }
            for command in SCALING_COMMANDS:
                cmd, codes = commands[command]
                walls, peaks = zip(*(timed(cmd, log, codes) for _ in range(runs)))
                row = {"layout": layout, "command": command, "mb": document.stat().st_size / MB,
                       "wall": statistics.median(walls), "rss": statistics.median(peaks)}
                rows.append(row)
                print(f"bench: {layout} {row['mb']:.1f} MB: {command} {row['wall']:.2f} s, "
                      f"peak RSS {row['rss']:.0f} MB", flush=True)
    return rows


def scaling_section(rows, runs, command):
    """The `## Size scaling` section of BENCHMARKS.md."""
    commit = measured_commit()
    lines = [
        SCALING_HEADING,
        "",
        f"One document per layout, the seed (`clean`) or the side-by-side sample repeated to each size; "
        f"each command in a fresh process, median of {runs} runs; peak RSS of the child (`/usr/bin/time`); "
        "validate reads the XML that convert wrote from that input (about twice its size). Per MB: the figure divided by "
        "the input size; growth per MB: the difference from the next smaller size divided by the "
        "difference in size, which stays flat when time and memory grow linearly (the first size also "
        "holds the process's start-up, about 20 MB and 10 ms). "
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
        f"at commit {commit}; reproduce: `{command}`.",
        "",
        "| layout | command | MB in | wall s | s per MB | s growth per MB | peak RSS MB | RSS MB per MB | RSS growth per MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    previous = {}
    for r in rows:
        before = previous.get((r["layout"], r["command"]))

        def growth(key, digits):
            return f"{(r[key] - before[key]) / (r['mb'] - before['mb']):.{digits}f}" if before else "—"
        lines.append(f"| {r['layout']} | {r['command']} | {r['mb']:.1f} | {r['wall']:.2f} | {r['wall'] / r['mb']:.3f} "
                     f"| {growth('wall', 3)} | {r['rss']:.0f} | {r['rss'] / r['mb']:.1f} | {growth('rss', 1)} |")
        previous[(r["layout"], r["command"])] = r
    return "\n".join(lines) + "\n"


def isolation(binary, count, seed, runs):
    """The 1x corpus and each sample converted with worker processes and --in-process."""
    listing, _ = corpus(1, count, seed)
    modes = {"workers": (), "in-process": ("--in-process",)}
    batches = {mode: [] for mode in modes}
    for n in range(1, runs + 1):
        for mode, flags in modes.items():
            batches[mode].append(convert(binary, listing, 1, f"{mode}-run{n}", flags=flags)[0])
    singles = {mode: single_documents(binary, flags) for mode, flags in modes.items()}
    return batches, singles


def isolation_section(figures, runs, command):
    """The `## Worker isolation` section of BENCHMARKS.md."""
    batches, singles = figures
    def median(mode, key):
        return statistics.median(r[key] for r in batches[mode])
    documents = batches["workers"][0]["documents"]
    lines = [
        ISOLATION_HEADING,
        "",
        "What running each document in a worker process costs, against `convert --in-process` (no isolation). "
        f"The 1x corpus ({documents} documents, all cores) converted both ways, {runs} interleaved runs, medians; "
        f"then each sample alone in a fresh process, median of {SINGLE_RUNS}. "
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
        f"at commit {measured_commit()}; reproduce: `{command}`.",
        "",
        "| batch | wall s | CPU s | peak RSS MB |",
        "|---|---:|---:|---:|",
    ]
    for mode in batches:
        lines.append(f"| {mode} | {median(mode, 'wall'):.2f} | {median(mode, 'cpu'):.2f} | {median(mode, 'rss'):.0f} |")
    wall = median("workers", "wall") / median("in-process", "wall")
    cpu = median("workers", "cpu") / median("in-process", "cpu")
    lines += ["", f"Cost of isolation in a batch: {100 * (wall - 1):+.1f} % wall, {100 * (cpu - 1):+.1f} % CPU.", "",
              "| one document | workers wall ms | in-process wall ms | cost |", "|---|---:|---:|---:|"]
    for worker, local in zip(singles["workers"], singles["in-process"]):
        lines.append(f"| {worker['name']} | {worker['wall_ms']:.1f} | {local['wall_ms']:.1f} "
                     f"| {100 * (worker['wall_ms'] / local['wall_ms'] - 1):+.0f} % |")
    return "\n".join(lines) + "\n"


def write_benchmarks(text, sections):
    """Writes BENCHMARKS.md: `text` (None: the file as it is) with the given sections put in;
    the sections this run did not measure stay as an earlier run wrote them."""
    path = ROOT / "BENCHMARKS.md"
    earlier = path.read_text() if path.exists() else ""
    result = text if text is not None else (earlier or "# Benchmarks\n")
    for heading in SECTION_HEADINGS:
        section = sections.get(heading)
        span = section_span(earlier, heading)
        if section is None and span and text is not None:
            section = earlier[span[0]:span[1]]
        if section:
            result = with_section(result, heading, section)
    path.write_text(result)


def section_span(text, heading):
    """Where the section under `heading` starts and ends in Markdown `text` (None: it has none)."""
    start = text.find(heading + "\n")
    if start < 0:
        return None
    end = text.find("\n## ", start)
    return start, len(text) if end < 0 else end


def with_section(text, heading, section):
    """`text` with its `heading` section replaced by `section`, or `section` appended."""
    span = section_span(text, heading)
    if span is None:
        return text.rstrip("\n") + "\n\n" + section
    return text[:span[0]] + section + text[span[1]:]


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def measured_commit():
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + " (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else commit


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def report(results, singles, alignment_figures, args, command, load, sections):
    commit = measured_commit()
    xmllint_version = subprocess.run(["xmllint", "--version"], capture_output=True,
                                     text=True).stderr.splitlines()[0]
    base_rss = results[0]["rss"]
    lines = [
        "# Benchmarks",
        "",
        f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()}; "
        f"load average {load[0]:.2f} when the benchmark started",
        f"- commit: {commit}",
        f"- corpus: Tools/make-corpus.py --seed {args.seed}, base {args.base} documents, "
        f"scales {','.join(str(r['scale']) for r in results)}",
        f"- {xmllint_version}",
        f"- reproduce: `{command}`",
        "",
        f"Medians over {args.runs} runs. MB = 10^6 bytes. `convert` runs as one process over the "
        "whole corpus with its default number of jobs; `xmllint --noout --schema "
        "Schemas/chamberdoc.xsd` validates the XML that run wrote, "
        f"{XMLLINT_BATCH} files per process, one process at a time (one core). "
        "The jobs=1 conversion is run once per scale, up to "
        f"{args.serial_up_to}× (`--serial-up-to`); documents/s vs 1× is the throughput "
        "relative to the smallest corpus (1.00: linear in the corpus size).",
        "",
        "## Throughput and memory",
        "",
        "| scale | documents | MB in | jobs | convert wall s | documents/s | MB/s | peak RSS MB "
        "| RSS vs 1× | documents/s vs 1× | xmllint wall s | convert/xmllint (wall) | convert/xmllint (CPU) "
        "| jobs=1 wall s | CPU ms/document (jobs=1) | speed-up jobs=1 → default |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base_rate = results[0]["docs_per_s"]
    for r in results:
        serial = (f"| {r['jobs1_wall']:.2f} | {1000 * r['jobs1_cpu'] / r['documents']:.1f} | {r['speedup']:.2f} |"
                  if r["jobs1_wall"] else "| — | — | — |")
        lines.append(
            f"| {r['scale']}× | {r['documents']} | {r['mb']:.1f} | {r['jobs']} | {r['wall']:.2f} "
            f"| {r['docs_per_s']:.1f} | {r['mb_per_s']:.2f} | {r['rss']:.0f} | {r['rss'] / base_rss:.2f} "
            f"| {r['docs_per_s'] / base_rate:.2f} | {r['xmllint_wall']:.2f} | {r['ratio']:.2f} | {r['cpu_ratio']:.2f} "
            + serial)
    stages = list(results[0]["stages"])
    lines += [
        "",
        "## Time per stage",
        "",
        "CPU seconds summed over all documents, from `convert --timings` (each stage is "
        "measured on the thread that converts the document); the rest of the process's CPU "
        "time is start-up, reading the inputs and scheduling.",
        "",
        "| scale | " + " | ".join(stages) + " | sum | convert CPU s |",
        "|---:|" + "---:|" * (len(stages) + 2),
    ]
    for r in results:
        cells = [f"{r['stages'][s]:.2f}" for s in stages]
        lines.append(f"| {r['scale']}× | " + " | ".join(cells)
                     + f" | {sum(r['stages'].values()):.2f} | {r['cpu']:.2f} |")
    lines += [
        "",
        "## One document, one process",
        "",
        f"`chamberdoc convert SAMPLE -o DIR`, median of {SINGLE_RUNS} runs; the process's CPU "
        "time (user + system) includes start-up and parsing the schema.",
        "",
        "| sample | KB | wall ms | CPU ms |",
        "|---|---:|---:|---:|",
    ]
    for s in singles:
        lines.append(f"| {s['name']} | {s['kb']:.1f} | {s['wall_ms']:.1f} | {s['cpu_ms']:.1f} |")
    tables, sizes = alignment_figures
    lines += [
        "",
        "## Alignment and parity checks",
        "",
        "`chamberdoc-evaluate links`: the variants of the seed in `Tests/Evaluation/variants.json`, "
        "each with one injected defect, the findings it must give and its expected links. A link is "
        "the Dutch and French passages of one unit (1-1, 2-1, 1-2, or 1-0/0-1 for a passage without "
        "counterpart); a found link is correct when it is exactly an expected one. The baseline is "
        "Gale and Church's length-only model (1993) run by the same code on the same passages.",
        "",
        tables,
        "",
        "## Align stage on long documents",
        "",
        "`chamberdoc-evaluate scaling --paragraphs N`: the parsed seed repeated, labels renumbered, "
        "aligned in a fresh process; median of 3 runs; peak RSS of the whole process.",
        "",
        "| paragraphs per language | aligned units | align s | µs per paragraph | peak RSS MB |",
        "|---:|---:|---:|---:|---:|",
    ]
    for z in sizes:
        lines.append(f"| {z['paragraphs']} | {z['units']} | {z['seconds']:.3f} "
                     f"| {1e6 * z['seconds'] / z['paragraphs']:.0f} | {z['rss']} |")
    write_benchmarks("\n".join(lines) + "\n", sections)


def pdf_reading(binary, runs):
    """Wall seconds of PDF -> validated XML and of pdftotext -layout on the typeset PDFs."""
    pdfs = sorted(TYPESET.glob("*/*.pdf"))
    pages = sum(json.loads(p.with_name(p.stem + ".gold.json").read_text())["pages"] for p in pdfs)
    out = BENCH / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    log = out / "commands.log"
    log.unlink(missing_ok=True)

    def each(make):
        """Runs the commands `make` gives for each PDF, one after the other."""
        start = time.perf_counter()
        for pdf in pdfs:
            for command in make(pdf):
                with open(log, "ab") as err:
                    if subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err).returncode != 0:
                        fail(f"{command[0]} failed on {pdf}; see {log}")
        return time.perf_counter() - start

    def each_at_once(make):
        """Runs the commands `make` gives for each PDF, as many at once as there are cores."""
        def run(pdf):
            for command in make(pdf):
                with open(log, "ab") as err:
                    if subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err).returncode != 0:
                        return f"{command[0]} failed on {pdf}; see {log}"
            return None
        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=CORES) as pool:
            failures = [f for f in pool.map(run, pdfs) if f]
        if failures:
            fail(failures[0])
        return time.perf_counter() - start

    def batch(jobs):
        start = time.perf_counter()
        with open(log, "ab") as err:
            if subprocess.run([binary, "convert", "--schema", SCHEMA, "--jobs", str(jobs), *pdfs, "-o", out], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=err).returncode != 0:
                fail(f"convert failed on the typeset PDFs; see {log}")
        return time.perf_counter() - start

    def convert(path):
        return [str(binary), "convert", "--schema", str(SCHEMA), str(path), "-o", str(out)]

    def dump(pdf):
        return ["pdftotext", "-layout", str(pdf), str(out / (pdf.stem + ".layout.txt"))]

    figures = {name: [] for name in (PDF_ROUTE, "chamberdoc, one batch (--jobs 1)", PDFTOTEXT, DUMP_ROUTE, ALL_CORES, TEXT_ALL_CORES)}
    for _ in range(runs):
        figures[PDF_ROUTE].append(each(lambda pdf: [convert(pdf)]))
        figures["chamberdoc, one batch (--jobs 1)"].append(batch(1))
        figures[PDFTOTEXT].append(each(lambda pdf: [dump(pdf)]))
        figures[DUMP_ROUTE].append(each(lambda pdf: [dump(pdf), convert(out / (pdf.stem + ".layout.txt"))]))
        figures[ALL_CORES].append(batch(CORES))
        figures[TEXT_ALL_CORES].append(each_at_once(lambda pdf: [dump(pdf)]))
    return {name: statistics.median(walls) for name, walls in figures.items()}, len(pdfs), pages


PDF_ROUTE = "chamberdoc, a process per PDF"
PDFTOTEXT = "pdftotext -layout, a process per PDF"
DUMP_ROUTE = "pdftotext -layout, then chamberdoc on its dump, a process each per PDF"
CORES = os.cpu_count() or 1
ALL_CORES = f"chamberdoc, one batch on every core (--jobs {CORES})"
TEXT_ALL_CORES = f"pdftotext -layout, a process per PDF, {CORES} at once"


def pdf_section(figures, runs, command):
    """The `## PDF reading` section of BENCHMARKS.md."""
    medians, count, pages = figures
    text_only, route = medians[PDFTOTEXT], medians[DUMP_ROUTE]
    lines = [
        PDF_HEADING,
        "",
        f"The {count} PDFs of the typeset corpus ({pages} pages, `Tests/ChamberDocTests/Fixtures/typeset`, both sets) "
        "converted to XML validated against the schema, against `pdftotext -layout` on the same PDFs (which writes "
        "text only) and against the route without the PDF reader (`pdftotext -layout`, then `chamberdoc convert` of "
        f"its dump); wall time, median of {runs} runs. The last two rows use every core, the batch its "
        "worker processes and `pdftotext` as many processes at once: compare them with each other "
        f"({medians[ALL_CORES]:.3f} s against {medians[TEXT_ALL_CORES]:.3f} s, "
        f"{medians[ALL_CORES] / medians[TEXT_ALL_CORES]:.2f} ×). "
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
        f"at commit {measured_commit()}; reproduce: `{command}`.",
        "",
        "| command | wall s | ms per page | ratio to pdftotext -layout | ratio to the dump route |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, wall in medians.items():
        lines.append(f"| {name} | {wall:.3f} | {1000 * wall / pages:.2f} | {wall / text_only:.2f} | {wall / route:.2f} |")
    return "\n".join(lines) + "\n"


def reviewed_findings(binary):
    """Per reviewed document: its findings counted by their review (real, noise, not
    reviewed) and the real differences the review says check misses."""
    rows = []
    for review in sorted(REVIEWED.glob("*.reviewed.tsv")):
        name = review.name[: -len(".reviewed.tsv")]
        verdicts = {}
        for line in review.read_text().splitlines():
            if line and not line.startswith("#"):
                code, unit, message, verdict, _ = line.split("\t")
                verdicts[(code, unit, message)] = verdict
        result = subprocess.run([binary, "check", "--format", "json", ROOT / "Samples" / f"{name}.txt"],
                                cwd=ROOT, capture_output=True, text=True)
        if result.returncode not in (0, 1):
            fail(f"check failed on Samples/{name}.txt: {result.stderr.strip()}")
        found = [verdicts.get((f["code"], f["unit"], f["message"]), "not reviewed") for f in json.loads(result.stdout)]
        rows.append({"document": name, "findings": len(found), "real": found.count("real"), "noise": found.count("noise"),
                     "unreviewed": found.count("not reviewed"),
                     "missed": sum(v == "missed" for v in verdicts.values())})
    return rows


def findings_section(rows, command):
    """The `## Findings on real documents` section of BENCHMARKS.md."""
    def share(real, total):
        return f"{100 * real / total:.0f} %" if total else "—"
    lines = [
        FINDINGS_HEADING,
        "",
        "`chamberdoc check` on the real documents whose findings a person reviewed "
        "(`Tests/ChamberDocTests/Fixtures/findings/NAME.reviewed.tsv`: each finding read against both texts and "
        "marked real or noise, with a reason; `missed`: a real difference check does not report). "
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC at commit {measured_commit()}; "
        f"reproduce: `{command}`.",
        "",
        "| document | findings | real | noise | not reviewed | missed | real share |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['document']} | {r['findings']} | {r['real']} | {r['noise']} | {r['unreviewed']} "
                     f"| {r['missed']} | {share(r['real'], r['findings'])} |")
    total = {k: sum(r[k] for r in rows) for k in ("findings", "real", "noise", "unreviewed", "missed")}
    lines.append(f"| all | {total['findings']} | {total['real']} | {total['noise']} | {total['unreviewed']} "
                 f"| {total['missed']} | {share(total['real'], total['findings'])} |")
    return "\n".join(lines) + "\n"


def writers(binary, count, seed, runs):
    """The 1x corpus converted with each set of writers (`--to`), runs interleaved; then each
    sample alone in a fresh process."""
    listing, _ = corpus(1, count, seed)
    batches = {to: [] for to in WRITER_SETS}
    for n in range(1, runs + 1):
        for to in WRITER_SETS:
            batches[to].append(convert(binary, listing, 1, f"to-{to.replace(',', '+')}-run{n}", flags=("--to", to))[0])
    singles = {to: single_documents(binary, ("--to", to)) for to in WRITER_SETS}
    return batches, singles


def writers_section(figures, runs, command):
    """The `## Writers` section of BENCHMARKS.md."""
    batches, singles = figures
    def median(to, key):
        return statistics.median(r[key] if key in r else r["stages"][key] for r in batches[to])
    documents = batches[WRITER_SETS[0]][0]["documents"]
    base = median(WRITER_SETS[0], "wall")
    lines = [
        WRITERS_HEADING,
        "",
        "What each writer costs (`convert --to`), every XML output validated in process before it is written "
        "(Akoma Ntoso against the OASIS schema, TMX against its DTD). "
        f"The 1x corpus ({documents} documents, all cores), {runs} interleaved runs, medians; emit and validate are "
        f"CPU seconds summed over the documents; then each sample alone in a fresh process, median of {SINGLE_RUNS}. "
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
        f"at commit {measured_commit()}; reproduce: `{command}`.",
        "",
        "| --to | batch wall s | ms per document | ratio | emit s | validate s | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for to in WRITER_SETS:
        wall = median(to, "wall")
        lines.append(f"| {to} | {wall:.2f} | {1000 * wall / documents:.1f} | {wall / base:.2f} "
                     f"| {median(to, 'emit'):.2f} | {median(to, 'validate'):.2f} | {median(to, 'rss'):.0f} |")
    lines += ["", "| sample | " + " | ".join(f"{to} ms" for to in WRITER_SETS) + " |",
              "|---|" + "---:|" * len(WRITER_SETS)]
    for index, row in enumerate(singles[WRITER_SETS[0]]):
        lines.append(f"| {row['name']} | " + " | ".join(f"{singles[to][index]['wall_ms']:.0f}" for to in WRITER_SETS) + " |")
    return "\n".join(lines) + "\n"
def omissions(binary):
    """`chamberdoc-evaluate omissions` on the samples, with the dictionary and without it;
    the wall time of the first."""
    evaluate = binary.parent / "chamberdoc-evaluate"
    cmd = [evaluate, "omissions", *OMISSION_DOCUMENTS, *[arg for path in OMISSION_CLEAN for arg in ("--clean", path)]]
    start = time.monotonic()
    tables = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    seconds = time.monotonic() - start
    without = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True,
                             env={**os.environ, "CHAMBERDOC_DICTD": str(BENCH / "no-dictionary")}).stdout.strip()
    reportable = subprocess.run([*cmd[:2 + len(OMISSION_DOCUMENTS)], "--min-words", "8"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.strip()
    return tables, without, reportable, seconds


def omissions_section(figures, command):
    """The `## Omissions` section of BENCHMARKS.md."""
    tables, without, reportable, seconds = figures
    recall = lambda text: text.split("\n\n")[0]
    lines = [
        OMISSIONS_HEADING,
        "",
        "Omissions injected one at a time into the parsed seed and real bill (`chamberdoc-evaluate omissions`, "
        "`Sources/ChamberEvaluation/Omissions.swift`): each sentence of six words or more whose counterpart (a 1-1 "
        "sentence link of the clean document) has six or more, deleted from its language, is found when a P106 quotes "
        "that counterpart; each unit with both languages but tables, deleted whole from one language, is found when "
        "its counterpart stands alone with a P101 or P102. Trials fall in the development or the held-out half by a "
        "hash of the deleted text; the constants of the sentence aligner and of P106 were set on the development "
        "half. `P106 in the unit` counts the trials with any P106 on that unit (the omission flagged, perhaps with "
        "another sentence quoted). Then the P106 findings of the clean samples, which should have none. "
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC at commit {measured_commit()} "
        f"({seconds:.0f} s with the dictionary); reproduce: `{command}`.",
        "",
        tables,
        "",
        "Without the Dutch-French dictionary (`CHAMBERDOC_DICTD` pointing at an empty folder):",
        "",
        "\n".join(line for line in without.splitlines() if not line.startswith("(")).strip(),
        "",
        "With the dictionary, sentences (and units) of eight words or more only (`--min-words 8`), whose "
        "counterpart P106 is long enough to report:",
        "",
        recall(reportable),
        "",
    ]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, help="documents in the 1x corpus (default 1000, 100 with --quick)")
    ap.add_argument("--scales", help="comma-separated multiples of the base (default 1,10,100; 1,10 with --quick)")
    ap.add_argument("--runs", type=int, default=3, help="runs per scale; medians are reported (default 3)")
    ap.add_argument("--seed", type=int, default=1, help="seed value of the corpus generator (default 1)")
    ap.add_argument("--quick", action="store_true", help="base 100, scales 1,10: a fast check")
    ap.add_argument("--serial-up-to", type=int, default=10,
                    help="run the jobs=1 conversion (for the speed-up) on scales up to this one (default 10)")
    ap.add_argument("--build-flags", default="-c release --static-swift-stdlib",
                    help="swift build flags of the measured binaries (default: the Makefile's release build)")
    ap.add_argument("--only", help=f"comma-separated parts to run: {', '.join(PARTS)} (default: all)")
    ap.add_argument("--sizes", help="MB of the documents of the size-scaling part (default 1,10,60; 1,10 with --quick)")
    args = ap.parse_args()
    args.base = args.base or (100 if args.quick else 1000)
    parts = (args.only or ",".join(PARTS)).split(",")
    if any(part not in PARTS for part in parts):
        ap.error(f"--only takes {', '.join(PARTS)}, comma-separated")
    try:
        sizes = [int(s) for s in (args.sizes or ("1,10" if args.quick else "1,10,60")).split(",")]
    except ValueError:
        ap.error("--sizes takes comma-separated integers, such as 1,10,60")
    try:
        scales = [int(s) for s in (args.scales or ("1,10" if args.quick else "1,10,100")).split(",")]
    except ValueError:
        ap.error("--scales takes comma-separated integers, such as 1,10,100")
    if args.base < 1 or args.runs < 1 or min(scales) < 1 or min(sizes) < 1:
        ap.error("--base, --runs, every scale and every size must be at least 1")

    if "corpus" in parts and not shutil.which("xmllint"):
        print("bench: xmllint is missing; install it with: apt-get install libxml2-utils", file=sys.stderr)
        return 1
    if "size-scaling" in parts and not os.access("/usr/bin/time", os.X_OK):
        print("bench: /usr/bin/time is missing; install it with: apt-get install time", file=sys.stderr)
        return 1
    command = shlex.join(["python3", "Tools/bench.py", *sys.argv[1:]])
    BENCH.mkdir(exist_ok=True)
    load = os.getloadavg()
    binary = build(shlex.split(args.build_flags))
    sections = {}
    if "size-scaling" in parts:
        sections[SCALING_HEADING] = scaling_section(size_scaling(binary, sizes, args.runs), args.runs, command)
    if "pdf" in parts:
        if not shutil.which("pdftotext"):
            print("bench: pdftotext is missing; install it with: apt-get install poppler-utils", file=sys.stderr)
            return 1
        sections[PDF_HEADING] = pdf_section(pdf_reading(binary, args.runs), args.runs, command)
    if "findings" in parts:
        sections[FINDINGS_HEADING] = findings_section(reviewed_findings(binary), command)
    if "writers" in parts:
        sections[WRITERS_HEADING] = writers_section(writers(binary, args.base, args.seed, args.runs), args.runs, command)
    if "omissions" in parts:
        sections[OMISSIONS_HEADING] = omissions_section(omissions(binary), command)
    if "isolation" in parts:
        sections[ISOLATION_HEADING] = isolation_section(isolation(binary, args.base, args.seed, args.runs), args.runs, command)
    if "corpus" in parts:
        results = [measure(binary, scale, args.base * scale, args.seed, args.runs, scale <= args.serial_up_to)
                   for scale in scales]
        singles = single_documents(binary)
        report(results, singles, alignment(binary), args, command, load, sections)
    else:
        write_benchmarks(None, sections)
        print("".join(sections.values()), end="")
    print(f"bench: wrote {ROOT / 'BENCHMARKS.md'}")
    tracked = git("ls-files", ".bench")
    if tracked:
        print(f"bench: note: {len(tracked.splitlines())} files under .bench/ are tracked by git; "
              "untrack them with: git rm -r --cached .bench", file=sys.stderr)
    elif subprocess.run(["git", "check-ignore", "-q", "--no-index", ".bench/"], cwd=ROOT).returncode != 0:
        print("bench: note: .bench/ is not git-ignored", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
