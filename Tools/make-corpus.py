#!/usr/bin/env python3
"""Build a deterministic corpus of Chamber document dumps from Samples/ for benchmarks.

Why: the benchmark of issue 5 times `chamberdoc convert` over about 1,000, 10,000
and 100,000 documents, but the project has only three real inputs. This script
builds any number of realistic inputs from them, the same ones for the same seed
value (random.Random(SEED); stdlib only), so that figures can be compared
between commits.

What each document is (one random draw per document, in document order, so a
corpus of C documents is a prefix of the corpus of 10*C with the same seed):
  * ~15 % the raw pdftotext dump of a bill (Samples/56K0055001.txt), as is;
  * ~10 % the `pdftotext -layout` sample (Samples/003_…-sidebyside.txt), as is;
  * ~75 % the clean page-serialized resolution (Samples/003_fee3b1f4911676a0.txt)
    re-laid by Tools/relay-seed.py (imported, not copied): layout side-by-side
    or serialized, column order nl-first, fr-first or alternate, column width
    44..64, gutter shift 0..8. A third of these are made longer first: the
    resolution's considerations and requests are repeated k times (k in 1..6)
    with labels renumbered so that they stay unique and in order (A..Z, AA..;
    1..n with sub-requests n.1..), identically in Dutch and French, and the
    resolution is cut into new pages of random length, half of the page ends
    cutting a paragraph in two in both languages.

Every document is listed with the settings that made it in DIR/MANIFEST.tsv, so
a document that does not convert can be traced back and rebuilt.

Usage (from anywhere):
    python3 Tools/make-corpus.py --seed 1 --count 1000 --out .bench/corpus-1
Existing DIR/doc-*.txt files are removed first; one summary line is printed.
"""
import argparse
import contextlib
import importlib.util
import io
import random
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "Samples" / "003_fee3b1f4911676a0.txt"
SIDE_BY_SIDE = ROOT / "Samples" / "003_fee3b1f4911676a0-sidebyside.txt"
BILL = ROOT / "Samples" / "56K0055001.txt"

# Seed lines 1..137 (front matter, explanation, page 5) are kept as they are; the
# resolution is on seed pages 6-8 (relay-seed's PAGES), Dutch then French per page.
RESOLUTION_FIRST_LINE = 138

CONSIDERATION = re.compile(r"^([A-Z]+)\. ")
REQUEST = re.compile(r"^(\d+)\.(?:(\d+)\.)? ")


def load_relay_seed():
    """Tools/relay-seed.py as a module (its name has a hyphen, so not a plain import)."""
    spec = importlib.util.spec_from_file_location("relay_seed", ROOT / "Tools" / "relay-seed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


relay_seed = load_relay_seed()


def relay(seed_path, pages, output, layout, order, width, gutter_shift):
    """Run relay-seed's main() on `seed_path` cut into `pages`, writing `output`."""
    argv = ["relay-seed.py", "--seed", str(seed_path), "--output", str(output),
            "--layout", layout, "--order", order,
            "--width", str(width), "--gutter-shift", str(gutter_shift)]
    saved = relay_seed.PAGES, sys.argv
    relay_seed.PAGES, sys.argv = pages, argv
    messages = io.StringIO()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(messages):
            status = relay_seed.main()
    finally:
        relay_seed.PAGES, sys.argv = saved
    if status:
        raise RuntimeError(f"relay-seed.py failed for {output}: {messages.getvalue().strip()}")


# ---------------------------------------------------------------------------
# Longer resolutions: repeat considerations and requests with renumbered labels.

def letters(n):
    """0 -> A, 25 -> Z, 26 -> AA, 27 -> AB, … (spreadsheet column names)."""
    name = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def paragraphs(lines):
    """Split lines into paragraphs (lists of lines) at blank lines."""
    result, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def resolution_parts(paras):
    """Split one language's resolution into (head, considerations, formula, requests, tail)."""
    kinds = ["c" if CONSIDERATION.match(p[0]) else "r" if REQUEST.match(p[0]) else "-"
             for p in paras]
    first_c, last_c = kinds.index("c"), len(kinds) - 1 - kinds[::-1].index("c")
    first_r, last_r = kinds.index("r"), len(kinds) - 1 - kinds[::-1].index("r")
    return (paras[:first_c], paras[first_c:last_c + 1], paras[last_c + 1:first_r],
            paras[first_r:last_r + 1], paras[last_r + 1:])


def repeat_considerations(considerations, k):
    out = []
    for copy in range(k):
        for i, para in enumerate(considerations):
            label = letters(copy * len(considerations) + i)
            out.append([CONSIDERATION.sub(label + ". ", para[0], count=1)] + para[1:])
    return out


def repeat_requests(requests, k):
    top = max(int(REQUEST.match(p[0]).group(1)) for p in requests)
    out = []
    for copy in range(k):
        for para in requests:
            main, sub = REQUEST.match(para[0]).groups()
            label = str(int(main) + copy * top) + (f".{sub}" if sub else "")
            out.append([REQUEST.sub(label + ". ", para[0], count=1)] + para[1:])
        if copy < k - 1 and out[-1][-1].endswith("."):
            # The seed's last request closes the list; inside the list it ends with `;`.
            out[-1] = out[-1][:-1] + [out[-1][-1][:-1] + ";"]
    return out


def cut_in_two(nl, fr):
    """Cut a Dutch/French paragraph pair mid-sentence, as a page end does; None if too short.

    The cut falls before a word in lower case near the middle, so that the second half
    reads as the continuation it is."""
    halves = []
    for para in (nl, fr):
        if len(para) != 1:
            return None
        words = para[0].split(" ")
        if len(words) < 16:
            return None
        middle = len(words) // 2
        cuts = [i for i in range(middle - 4, middle + 5)
                if words[i][:1].islower() and not re.fullmatch(r"[a-z][.)]", words[i])
                and not words[i - 1].endswith((".", ";", ":", ","))]
        if not cuts:
            return None
        halves.append(([" ".join(words[:cuts[0]])], [" ".join(words[cuts[0]:])]))
    return halves


def longer_seed(seed_lines, k, rng):
    """The seed with its resolution repeated k times and re-paginated: (lines, PAGES)."""
    pages = {n: relay_seed.PAGES[n] for n in relay_seed.PAGES
             if relay_seed.PAGES[n][0][0] < RESOLUTION_FIRST_LINE}
    nl_lines, fr_lines = [], []
    for n, (nl, fr) in relay_seed.PAGES.items():
        if nl[0] >= RESOLUTION_FIRST_LINE:
            nl_lines += seed_lines[nl[0] - 1:nl[1]] + [""]
            fr_lines += seed_lines[fr[0] - 1:fr[1]] + [""]
    sides = []
    for paras in (paragraphs(nl_lines), paragraphs(fr_lines)):
        head, cons, formula, reqs, tail = resolution_parts(paras)
        sides.append((head + repeat_considerations(cons, k) + formula
                      + repeat_requests(reqs, k), tail))
    (nl_body, nl_tail), (fr_body, fr_tail) = sides
    assert len(nl_body) == len(fr_body), "Dutch and French resolutions must run in parallel"

    # New pages of 10..18 paragraph pairs; the closing date and signatures go on the last.
    page_nl, page_fr = [], []
    i = 0
    while i < len(nl_body):
        size = rng.randint(10, 18)
        nl_page, fr_page = nl_body[i:i + size], fr_body[i:i + size]
        i += size
        if i < len(nl_body) and rng.random() < 0.5:
            halves = cut_in_two(nl_page[-1], fr_page[-1])
            if halves:
                (nl_page[-1], nl_rest), (fr_page[-1], fr_rest) = halves
                nl_body.insert(i, nl_rest)
                fr_body.insert(i, fr_rest)
        page_nl.append(nl_page)
        page_fr.append(fr_page)
    page_nl[-1] += nl_tail
    page_fr[-1] += fr_tail

    lines = seed_lines[:RESOLUTION_FIRST_LINE - 1]
    for number, (nl_page, fr_page) in enumerate(zip(page_nl, page_fr), start=len(pages) + 1):
        ranges = []
        for column in (nl_page, fr_page):
            start = len(lines) + 1
            for para in column:
                lines += para + [""]
            ranges.append((start, len(lines) - 1))
        pages[number] = tuple(ranges)
    return lines, pages


# ---------------------------------------------------------------------------

def draw(rng):
    """The settings of one document."""
    r = rng.random()
    if r < 0.15:
        return {"source": BILL.name}
    if r < 0.25:
        return {"source": SIDE_BY_SIDE.name}
    settings = {
        "source": SEED.name,
        "layout": rng.choice(["side-by-side", "serialized"]),
        "order": rng.choice(["nl-first", "fr-first", "alternate"]),
        "width": rng.randint(44, 64),
        "gutter_shift": rng.randint(0, 8),
        "repeat": rng.randint(1, 6) if rng.random() < 1 / 3 else 0,
    }
    if settings["repeat"]:
        settings["pagination_seed"] = rng.getrandbits(32)
    return settings


def build(settings, output, seed_lines, scratch, cache):
    """Write the document that `settings` describe to `output`."""
    if settings["source"] != SEED.name:
        data = cache.setdefault(settings["source"], (ROOT / "Samples" / settings["source"]).read_bytes())
        output.write_bytes(data)
        return
    relaid = (settings["layout"], settings["order"], settings["width"], settings["gutter_shift"])
    if not settings["repeat"]:
        key = ("seed",) + relaid
        if key not in cache:
            relay(SEED, relay_seed.PAGES, output, *relaid)
            cache[key] = output.read_bytes()
        else:
            output.write_bytes(cache[key])
        return
    lines, pages = longer_seed(seed_lines, settings["repeat"],
                               random.Random(settings["pagination_seed"]))
    longer = scratch / "seed.txt"
    longer.write_text("\n".join(lines), encoding="utf-8")
    relay(longer, pages, output, *relaid)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True, help="seed value N of random.Random(N)")
    ap.add_argument("--count", type=int, required=True, help="number of documents C")
    ap.add_argument("--out", type=Path, required=True, help="output directory DIR")
    args = ap.parse_args()
    if args.count < 1:
        ap.error("--count must be at least 1")

    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("doc-*.txt"):
        old.unlink()
    rng = random.Random(args.seed)
    seed_lines = SEED.read_text(encoding="utf-8").split("\n")
    columns = ["document", "source", "layout", "order", "width", "gutter_shift",
               "repeat", "pagination_seed"]
    total, cache = 0, {}
    with tempfile.TemporaryDirectory() as scratch, \
            open(args.out / "MANIFEST.tsv", "w", encoding="utf-8") as manifest:
        manifest.write("\t".join(columns) + "\n")
        for n in range(1, args.count + 1):
            settings = draw(rng)
            output = args.out / f"doc-{n:06d}.txt"
            build(settings, output, seed_lines, Path(scratch), cache)
            total += output.stat().st_size
            settings["document"] = output.name
            manifest.write("\t".join(str(settings.get(c, "")) for c in columns) + "\n")
    print(f"make-corpus: {args.count} documents, {total / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
