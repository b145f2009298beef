#!/usr/bin/env python3
"""Re-lay the page-serialized seed 003 in other layouts and column orders.

Why: chamberdoc has a reader for the two-column layout that `pdftotext -layout`
produces for bilingual Belgian Chamber documents (Dutch column left, French
column right, on the same lines). The seed we have (003_fee3b1f4911676a0.txt) is
instead "page-serialized": per page, the whole Dutch column, then the whole
French column. The tests of the side-by-side reader need a realistic layout
sample that the project can regenerate at any time, so this script builds one
deterministically (stdlib only, no randomness) from the seed.

What it does, per page (see PAGES for the seed line ranges):
  * wraps every seed line of each column to W columns (greedy); a word of >= 12
    letters that does not fit is split as `part-` / `rest` (>= 5 letters each
    side); words with a hyphen are never split;
  * a blank seed line gives one empty column row (paragraph separator);
  * prints rows as `left.ljust(W) + gutter + right` (gutter 4..9 spaces, varies
    per page), trailing spaces stripped;
  * page 2 is the full-width block: party table on the left only, then the
    bilingual abbreviation table, row by row (`CODE  text` on each side);
  * adds a running header (DOC number / page number, alternating sides), a
    centered bilingual footer, and `\\f` page breaks as pdftotext does.
Markdown marks of the seed (`**`, `## `, `- a)`, `<sup>e</sup>`) are kept.

With --layout serialized it writes the page-serialized form instead (each page's
columns one after the other, paragraphs separated by blank lines), and --order
chooses which language comes first on a page, or sits on the left: nl-first (as
the seed), fr-first, or alternate (French first on even pages). The reader must
not assume either.

Regenerate the sample (from the repository root):
    python3 Tools/relay-seed.py
Options: --width W (column width, default 56), --gutter-shift N (adds N to
every gutter), --layout side-by-side|serialized, --order nl-first|fr-first|alternate,
--seed PATH, --output PATH.
"""
import argparse
import sys
from itertools import zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "Samples" / "003_fee3b1f4911676a0.txt"
OUTPUT = ROOT / "Samples" / "003_fee3b1f4911676a0-sidebyside.txt"

DOC = "DOC 56 0000/000"
FOOTER = ("KAMER • 1e ZITTING VAN DE 56e ZITTINGSPERIODE        2026        "
          "CHAMBRE • 1re SESSION DE LA 56e LÉGISLATURE")
PAGE_WIDTH = 118        # the page number / DOC number is right-aligned here
SEPARATORS = {17, 33}   # the `---` lines of the seed, dropped

# page -> (Dutch range, French range), 1-based inclusive seed line numbers.
# Page 2 is the full-width block: (party table range, abbreviation table range).
PAGES = {
    1: ((3, 15), (19, 31)),
    2: ((35, 46), (48, 56)),
    3: ((58, 74), (76, 92)),
    4: ((94, 109), (111, 126)),
    5: ((128, 134), (136, 136)),
    6: ((138, 162), (164, 188)),
    7: ((190, 218), (220, 248)),
    8: ((250, 258), (260, 262)),
}
TABLE_PAGE = 2


def check_ranges(lines):
    """Return a list of problems with PAGES against the seed lines."""
    problems, used = [], set()
    for page, ranges in PAGES.items():
        for start, end in ranges:
            for n in (start, end):
                if not 1 <= n <= len(lines) or not lines[n - 1].strip():
                    problems.append(f"page {page}: range {start}-{end} "
                                    f"starts or ends on blank/missing line {n}")
            used.update(range(start, end + 1))
    for n in SEPARATORS:
        if lines[n - 1].strip() != "---":
            problems.append(f"line {n} is not a `---` separator")
    for n, line in enumerate(lines, 1):
        if line.strip() and n not in used and n not in SEPARATORS:
            problems.append(f"non-blank seed line {n} is not in any page range")
    return problems


def wrap(text, width, head="", hang=""):
    """Greedy word wrap with the deterministic end-of-line hyphenation."""
    words, lines = text.split(), []
    cur, fresh = head, True  # fresh: no word on the current line yet
    while words:
        word = words.pop(0)
        if fresh or len(cur) + 1 + len(word) <= width:
            cur, fresh = cur + ("" if fresh else " ") + word, False
            continue
        part = min(width - len(cur) - 2, len(word) - 5)  # room for " " and "-"
        if len(word) >= 12 and word.isalpha() and part >= 5:
            lines.append(f"{cur} {word[:part]}-")
            words.insert(0, word[part:])
        else:
            lines.append(cur)
            words.insert(0, word)
        cur, fresh = hang, True
    if not fresh or head:
        lines.append(cur)
    return lines


def column(lines, start, end, width):
    """One column: every seed line wrapped on its own, blank line -> empty row."""
    rows = []
    for line in lines[start - 1:end]:
        rows.extend(wrap(line, width) if line.strip() else [""])
    return rows


def cell(code, text, width):
    """`CODE  text` with continuation lines indented under the text."""
    if not text.strip():
        return wrap(code, width)
    head = code.strip() + "  "
    return wrap(text, width, head, " " * len(head))


def table_columns(lines, parties, abbrevs, width):
    """Page 2: party table (left only), blank row, abbreviation table."""
    left, right = [], []
    for line in lines[parties[0] - 1:parties[1]]:
        abbr, name = line.split("\t")
        name = name.strip().removeprefix(":").strip()
        left.extend(wrap(name, width, abbr.strip().ljust(12) + ": ", " " * 14))
    left.append("")
    right = [""] * len(left)
    for line in lines[abbrevs[0] - 1:abbrevs[1]]:
        if not line.strip():
            left.append("")
            right.append("")
            continue
        nl_code, nl_text, fr_code, fr_text = line.split("\t")
        l_rows, r_rows = cell(nl_code, nl_text, width), cell(fr_code, fr_text, width)
        for l, r in zip_longest(l_rows, r_rows, fillvalue=""):
            left.append(l)
            right.append(r)
    return left, right


def render_page(page, left, right, width, gutter, page_width):
    num = str(page)
    if page % 2:
        header = DOC + num.rjust(page_width - len(DOC))
    else:
        header = num + DOC.rjust(page_width - len(num))
    out = [header, ""]
    for l, r in zip_longest(left, right, fillvalue=""):
        out.append((l.ljust(width) + " " * gutter + r).rstrip())
    out += ["", FOOTER.center(page_width).rstrip()]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--width", type=int, default=56, help="column width W")
    ap.add_argument("--gutter-shift", type=int, default=0,
                    help="add N spaces to every gutter")
    ap.add_argument("--layout", choices=["side-by-side", "serialized"], default="side-by-side")
    ap.add_argument("--order", choices=["nl-first", "fr-first", "alternate"], default="nl-first")
    ap.add_argument("--seed", type=Path, default=SEED)
    ap.add_argument("--output", type=Path, default=OUTPUT)
    args = ap.parse_args()

    lines = args.seed.read_text(encoding="utf-8").split("\n")
    problems = check_ranges(lines)
    if problems:
        for p in problems:
            print("warning:", p, file=sys.stderr)
        return 1

    def french_first(page):
        return args.order == "fr-first" or (args.order == "alternate" and page % 2 == 0)

    if args.layout == "serialized":
        out = []
        for page, (nl, fr) in PAGES.items():
            if page == TABLE_PAGE:
                out += lines[nl[0] - 1:fr[1]] + [""]
                continue
            first, second = (fr, nl) if french_first(page) else (nl, fr)
            out += lines[first[0] - 1:first[1]] + [""] + lines[second[0] - 1:second[1]] + [""]
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text("\n".join(out), encoding="utf-8")
        print(f"wrote {args.output} ({len(PAGES)} pages, serialized)")
        return 0

    width = args.width
    page_width = max(PAGE_WIDTH, 2 * width + 9 + args.gutter_shift)
    pages = []
    for page, (nl, fr) in PAGES.items():
        if page == TABLE_PAGE:
            left, right = table_columns(lines, nl, fr, width)
        else:
            left, right = column(lines, *nl, width), column(lines, *fr, width)
        if french_first(page):
            left, right = right, left
        gutter = 4 + (page * 7) % 6 + args.gutter_shift  # 5,6,7,8,9,4,5,6
        pages.append(render_page(page, left, right, width, gutter, page_width))

    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write("\f".join(pages) + "\f")
    print(f"wrote {args.output} ({len(pages)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
