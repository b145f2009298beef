#!/usr/bin/env python3
"""Engine 3: a bilingual source laid out by WeasyPrint rather than by typeset.py.

    python3 Tools/typeset/weasy.py corpus [--out DIR]
    python3 Tools/typeset/weasy.py html --name NAME      # prints a document's HTML

Each document is HTML and CSS: a cover table, then one table row per unit, the two
languages side by side, the running header and the two footers in the page margins.
WeasyPrint breaks the lines itself (pango shapes the text, with kerning and ligatures;
pyphen hyphenates), and sets the hyphen it adds at a line end as U+2010, apart from the
words' own hyphen-minus. Nothing of the layout is computed here, so the gold is the
source's units, signatories and type only: no footnotes (WeasyPrint sets notes across the
page, not per column, so the notes are left out), no cover tables.

Writes NAME.pdf, NAME.txt, NAME.layout.txt, NAME.raw.txt and NAME.gold.json into
DIR/dev and DIR/test, and MANIFEST.weasy.tsv in each. The dumps and the gold are the
same on every run; the PDFs' embedded font subsets are not byte for byte.
"""
import html, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from side_by_side import label_of, main  # noqa: E402

# name, set, source, settings. The development variants are the ones the readers were
# mended on (U+2010 line-end hyphens); the held-out ones are only scored.
CORPUS = [
    ('dev-14-w3-seed-nl-serif', 'dev', 'seed-003',
     dict(left='nl', family='DejaVu Serif', size=10, leading=1.3, gutter=16, margin=56, page='A4', justify=True, hyphenate=True, centre=True, para_space=6)),
    ('dev-15-w3-seed-fr-left-ragged', 'dev', 'seed-003',
     dict(left='fr', family='Liberation Sans', size=10.5, leading=1.25, gutter=22, margin=60, page='A4', justify=False, hyphenate=False, centre=False, para_space=8)),
    ('dev-16-w3-bill-nl', 'dev', 'bill-56K0055001',
     dict(left='nl', family='Liberation Serif', size=11, leading=1.2, gutter=18, margin=52, page='A4', justify=True, hyphenate=True, centre=False, para_space=4)),
    ('dev-17-w3-bill-fr-left-narrow', 'dev', 'bill-56K0055001',
     dict(left='fr', family='DejaVu Sans Condensed', size=9, leading=1.3, gutter=12, margin=110, page='letter', justify=True, hyphenate=True, centre=True, para_space=5)),
    ('test-11-w3-seed-nl-sans', 'test', 'seed-003',
     dict(left='nl', family='Liberation Sans', size=10, leading=1.25, gutter=18, margin=58, page='A4', justify=True, hyphenate=True, centre=True, para_space=5)),
    ('test-12-w3-seed-fr-left-narrow', 'test', 'seed-003',
     dict(left='fr', family='FreeSerif', size=9.5, leading=1.2, gutter=13, margin=95, page='letter', justify=True, hyphenate=True, centre=False, para_space=3)),
    ('test-13-w3-bill-nl-ragged', 'test', 'bill-56K0055001',
     dict(left='nl', family='DejaVu Sans', size=9.5, leading=1.35, gutter=20, margin=54, page='A4', justify=False, hyphenate=True, centre=False, para_space=7)),
    ('test-14-w3-bill-fr-left', 'test', 'bill-56K0055001',
     dict(left='fr', family='Liberation Serif', size=10.5, leading=1.2, gutter=30, margin=50, page='A4', justify=True, hyphenate=True, centre=True, para_space=4)),
]


def html_of(src, st):
    left = st['left']
    right = 'fr' if left == 'nl' else 'nl'
    chamber = {'nl': 'KAMER', 'fr': 'CHAMBRE'}
    css = f"""
    @page {{ size: {st['page']}; margin: 62pt {st['margin']}pt 58pt {st['margin']}pt;
      @top-left {{ content: "{src['number']}"; font-size: 8pt }}
      @top-right {{ content: counter(page); font-size: 8pt }}
      @bottom-left {{ content: "{chamber[left]} • {src['session'][left]}"; font-size: 6.5pt }}
      @bottom-right {{ content: "{chamber[right]} • {src['session'][right]}"; font-size: 6.5pt }} }}
    @page :first {{ @top-left {{ content: none }} @top-right {{ content: none }} }}
    body {{ font-family: "{st['family']}"; font-size: {st['size']}pt; line-height: {st['leading']} }}
    table {{ width: 100%; table-layout: fixed; border-collapse: separate; border-spacing: {st['gutter']}pt 0 }}
    td {{ vertical-align: top; padding: 0 0 {st['para_space']}pt 0; text-align: {'justify' if st['justify'] else 'left'};
          hyphens: {'auto' if st['hyphenate'] else 'manual'} }}
    td.h {{ font-weight: bold; text-align: {'center' if st['centre'] else 'left'}; padding-top: 8pt }}
    td.sub {{ padding-left: 14pt }}
    .cover td {{ text-align: center; font-weight: bold }}
    tr.sign td {{ text-align: left }}
    """

    def cell(lang, text, cls):
        return f'<td class="{cls}" lang="{lang}">{html.escape(text, quote=False)}</td>'

    def row(unit, cls=''):
        return '<tr>' + ''.join(cell(lang, label_of(unit) + unit[lang], cls) for lang in (left, right)) + '</tr>'

    out = [f'<html><head><meta charset="utf-8"><style>{css}</style></head><body><table class="cover">']
    for unit in src['units']:
        if unit['section'] == 'front':
            out.append(row(unit, 'h' if unit['kind'] in ('chamber', 'docType') else ''))
    out.append('</table><div style="break-before: page"></div><table>')
    after = set(src.get('signature_after', []))

    def walk(units, sub=False):
        for unit in units:
            if unit['section'] == 'front':
                continue
            heading = unit['kind'] in ('heading', 'formula', 'preamble', 'salutation')
            out.append(row(unit, 'h' if heading else 'sub' if sub else ''))
            walk(unit.get('children') or [], True)
            if unit['id'] in after:
                for s in src['signatories']:
                    name = f"{s['name']} ({s['party']})"
                    out.append(f'<tr class="sign">{cell(left, name, "")}{cell(right, name, "")}</tr>')
    walk(src['units'])
    out.append('</table></body></html>')
    return '\n'.join(out)


def render(src, st, pdf):
    import weasyprint
    document = weasyprint.HTML(string=html_of(src, st)).render()
    document.write_pdf(pdf)
    return len(document.pages)


if __name__ == '__main__':
    main(__doc__, CORPUS, '3', 'MANIFEST.weasy.tsv', render, False, 'html', html_of)
