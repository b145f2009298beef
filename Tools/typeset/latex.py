#!/usr/bin/env python3
"""Engine 4: a bilingual source laid out by pdfLaTeX with paracol.

    python3 Tools/typeset/latex.py corpus [--out DIR]
    python3 Tools/typeset/latex.py tex --name NAME       # prints a document's LaTeX

Each document is a LaTeX file: a cover, then one pair of synchronised paracol columns,
a unit's two languages starting side by side (`\\switchcolumn*`), as bilingual editions
are set in TeX. TeX breaks the paragraphs as a whole (Knuth and Plass), hyphenates with
babel's Dutch and French patterns, sets ligatures (fi, fl) and, with microtype, stretches
fonts and lets punctuation hang into the margin. Footnotes go to the foot of their own
column (`\\footnotelayout{c}`), numbered as in the source. The Type 1 fonts of TeX Live
carry their glyph names, so `\\pdfgentounicode` gives the text its Unicode.

The gold is the source's units, footnotes, signatories and type; no cover tables (the
cover is the front units only).

Needs pdflatex and the TeX Live packages named in Tools/typeset/README.md. Writes
NAME.pdf, NAME.txt, NAME.layout.txt, NAME.raw.txt and NAME.gold.json into DIR/dev and
DIR/test, and MANIFEST.latex.tsv in each. Every file is the same on every run
(SOURCE_DATE_EPOCH, no trailer id).
"""
import os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from side_by_side import label_of, main  # noqa: E402

# name, set, source, settings. The development variants are the ones to diagnose on;
# the held-out ones are only scored.
CORPUS = [
    ('dev-18-l4-seed-nl-lmodern', 'dev', 'seed-003',
     dict(left='nl', font='lmodern', size=10, paper='a4paper', margin=22, gutter=16, justify=True, microtype=True, parindent=0, parskip=4, centre=True)),
    ('dev-19-l4-seed-fr-left-times-ragged', 'dev', 'seed-003',
     dict(left='fr', font='mathptmx', size=11, paper='a4paper', margin=25, gutter=20, justify=False, microtype=False, parindent=0, parskip=6, centre=False)),
    ('dev-20-l4-bill-nl-pagella', 'dev', 'bill-56K0055001',
     dict(left='nl', font='tgpagella', size=10, paper='a4paper', margin=20, gutter=14, justify=True, microtype=True, parindent=12, parskip=0, centre=True)),
    ('dev-21-l4-bill-fr-left-helvet', 'dev', 'bill-56K0055001',
     dict(left='fr', font='helvet', size=9, paper='letterpaper', margin=30, gutter=12, justify=True, microtype=False, parindent=0, parskip=3, centre=False)),
    ('test-15-l4-seed-nl-charter', 'test', 'seed-003',
     dict(left='nl', font='charter', size=10.5, paper='a4paper', margin=24, gutter=18, justify=True, microtype=True, parindent=10, parskip=2, centre=False)),
    ('test-16-l4-seed-fr-left-heros-ragged', 'test', 'seed-003',
     dict(left='fr', font='tgheros', size=9, paper='letterpaper', margin=28, gutter=15, justify=False, microtype=False, parindent=0, parskip=5, centre=True)),
    ('test-17-l4-bill-nl-termes', 'test', 'bill-56K0055001',
     dict(left='nl', font='tgtermes', size=11, paper='a4paper', margin=18, gutter=22, justify=True, microtype=False, parindent=0, parskip=4, centre=True)),
    ('test-18-l4-bill-fr-left-schola-ragged', 'test', 'bill-56K0055001',
     dict(left='fr', font='tgschola', size=10, paper='a4paper', margin=26, gutter=16, justify=False, microtype=True, parindent=8, parskip=3, centre=False)),
]

BABEL = {'nl': 'dutch', 'fr': 'french'}
SPECIAL = {'\\': r'\textbackslash{}', '{': r'\{', '}': r'\}', '$': r'\$', '&': r'\&', '#': r'\#',
           '%': r'\%', '_': r'\_', '~': r'\textasciitilde{}', '^': r'\textasciicircum{}',
           # TeX would print ' as ’ and " as ”: the source's own characters are printed.
           "'": r'\textquotesingle{}', '`': r'\textasciigrave{}', '"': r'\textquotedbl{}'}
# Pairs that T1 fonts turn into one glyph (`--` a dash, `<<` a guillemet): kept apart.
LIGATURE_PAIRS = re.compile(r"(?<=-)(?=-)|(?<=<)(?=<)|(?<=>)(?=>)|(?<=,)(?=,)")


def tex(text):
    escaped = ''.join(SPECIAL.get(ch, ch) for ch in text)
    return LIGATURE_PAIRS.sub('{}', escaped)


def with_notes(text, refs, notes):
    """The text, escaped, with `\\footnote[n]{…}` where the source puts marker n."""
    out, at = [], 0
    for n, offset in sorted(refs or [], key=lambda r: r[1]):
        out.append(tex(text[at:offset]) + '\\footnote[%d]{%s}' % (n, tex(notes[n])))
        at = offset
    return ''.join(out) + tex(text[at:])


def latex_of(src, st):
    left = st['left']
    right = 'fr' if left == 'nl' else 'nl'
    chamber = {'nl': 'KAMER', 'fr': 'CHAMBRE'}
    notes = {lang: {f['n']: f[lang] for f in src.get('footnotes', [])} for lang in ('nl', 'fr')}
    align = r'\justifying' if st['justify'] else r'\RaggedRight'
    heading_align = r'\centering' if st['centre'] else r'\RaggedRight'
    out = [
        r'\documentclass[%spt,%s]{article}' % (st['size'] if st['size'] in (10, 11, 12) else 10, st['paper']),
        r'\pdfinfoomitdate=1 \pdftrailerid{} \pdfsuppressptexinfo=-1',
        r'\input{glyphtounicode}\pdfgentounicode=1',
        r'\usepackage[T1]{fontenc}', r'\usepackage[utf8]{inputenc}',
        r'\usepackage[shorthands=off,french,dutch]{babel}',
        r'\frenchsetup{AutoSpacePunctuation=false}',
        r'\usepackage{%s}' % st['font'],
        r'\renewcommand{\familydefault}{\sfdefault}' if st['font'] in ('helvet', 'tgheros') else '',
        r'\usepackage[margin=%dmm,top=25mm,bottom=25mm]{geometry}' % st['margin'],
        r'\usepackage{microtype}' if st['microtype'] else '',
        r'\usepackage{ragged2e,paracol,fancyhdr}',
        r'\setlength{\columnsep}{%dpt}' % st['gutter'],
        r'\setlength{\parindent}{%dpt}\setlength{\parskip}{%dpt}' % (st['parindent'], st['parskip']),
        r'\emergencystretch=1em',
        r'\footnotelayout{c}',
        r'\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}',
        r'\fancyhead[L]{\footnotesize %s}\fancyhead[R]{\footnotesize\thepage}' % tex(src['number']),
        r'\fancyfoot[L]{\tiny %s}\fancyfoot[R]{\tiny %s}' % tuple(
            tex(f"{chamber[lang]} • {src['session'][lang]}") for lang in (left, right)),
    ]
    if st['size'] not in (10, 11, 12):
        out.append(r'\AtBeginDocument{\fontsize{%s}{%s}\selectfont}' % (st['size'], round(st['size'] * 1.2, 1)))
    out.append(r'\begin{document}\thispagestyle{empty}')

    def cell(lang, unit, style):
        body = with_notes(label_of(unit) + unit[lang], (unit.get('refs') or {}).get(lang), notes[lang])
        # A group per cell: a heading's bold ends with it. French high punctuation gets
        # no space from babel, so that the print keeps the source's `dossiers;`.
        spacing = r'\shorthandoff{;:!?}' if lang == 'fr' else ''
        return r'{\selectlanguage{%s}%s%s %s\par}' % (BABEL[lang], spacing, style, body)

    def row(unit, style):
        out.append(cell(left, unit, style) + '\n\\switchcolumn\n' + cell(right, unit, style) + '\n\\switchcolumn*')

    out.append(r'\begin{paracol}{2}')
    for unit in src['units']:
        if unit['section'] == 'front':
            bold = r'\bfseries' if unit['kind'] in ('chamber', 'docType') else ''
            row(unit, r'\centering' + bold)
    out.append(r'\end{paracol}\newpage' + '\n' + r'\begin{paracol}{2}')
    after = set(src.get('signature_after', []))

    def walk(units, sub=False):
        for unit in units:
            if unit['section'] == 'front':
                continue
            if unit['kind'] in ('heading', 'formula', 'preamble', 'salutation'):
                row(unit, heading_align + r'\bfseries')
            else:
                row(unit, align + (r'\leftskip=14pt' if sub else ''))
            walk(unit.get('children') or [], True)
            if unit['id'] in after:
                names = [f"{s['name']} ({s['party']})" for s in src['signatories']]
                out.append('\n\n'.join(r'\RaggedRight ' + tex(n) for n in names) + '\\par\n\\switchcolumn\n'
                           + '\n\n'.join(r'\RaggedRight ' + tex(n) for n in names) + '\\par\n\\switchcolumn*')
    walk(src['units'])
    out.append(r'\end{paracol}\end{document}')
    return '\n'.join(line for line in out if line) + '\n'


def render(src, st, pdf):
    """Runs pdflatex twice on the document's LaTeX in a scratch folder; returns the page count."""
    source_text = latex_of(src, st)
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, 'doc.tex'), 'w', encoding='utf-8') as f:
            f.write(source_text)
        env = dict(os.environ, SOURCE_DATE_EPOCH='1767225600', FORCE_SOURCE_DATE='1')
        for _ in range(2):
            run = subprocess.run(['pdflatex', '-interaction=nonstopmode', '-halt-on-error', 'doc.tex'],
                                 cwd=work, env=env, capture_output=True, encoding='latin-1')
            if run.returncode != 0:
                sys.exit(f'pdflatex failed on {pdf}:\n' + run.stdout[-3000:])
        pages = int(re.search(r'Output written on doc\.pdf \((\d+) pages?', run.stdout).group(1))
        shutil.copyfile(os.path.join(work, 'doc.pdf'), pdf)
    return pages


if __name__ == '__main__':
    main(__doc__, CORPUS, '4', 'MANIFEST.latex.tsv', render, True, 'tex', latex_of)
