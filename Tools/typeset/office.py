#!/usr/bin/env python3
"""Engine 6: a bilingual source laid out by LibreOffice Writer, as an office would.

    python3 Tools/typeset/office.py corpus [--out DIR]
    python3 Tools/typeset/office.py fodt --name NAME     # prints a document's flat ODT

Each document is a flat OpenDocument text (`.fodt`): a cover table, then a borderless
table of two columns, one language each, converted to PDF by `soffice --headless
--convert-to pdf`. With `sync: row` every unit is a row, its two languages starting side
by side; with `sync: section` a section is one row whose two cells run on over as many
pages as they need (Writer lets a row break across pages), so the languages drift apart.
Writer breaks the lines itself, hyphenates with the system's Hunspell patterns
(`hyphen-nl`, `hyphen-fr`; the hyphen it adds is a hyphen-minus, like the words' own),
and uses fonts no other engine of the corpus uses (Carlito, Caladea: metric twins of the
office fonts Calibri and Cambria). The running header (document number, page number) and
the footer (both languages' session) are in the page margins; the cover has none. Writer
sets footnotes across the page, not per column: the notes are left out, as in engines 3
and 5.

The gold is the source's units, signatories and type; no footnotes, no cover tables.
Writes NAME.pdf, NAME.txt, NAME.layout.txt, NAME.raw.txt and NAME.gold.json into
DIR/dev and DIR/test, and MANIFEST.office.tsv in each. The dumps and the gold are the same
on every run; the PDFs carry their creation date.

Needs `apt-get install -y --no-install-recommends libreoffice-writer-nogui hyphen-nl
hyphen-fr fonts-crosextra-carlito fonts-crosextra-caladea poppler-utils` (LibreOffice 7.4,
Debian 12).
"""
import os, shutil, subprocess, sys, tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from side_by_side import body_rows, label_of, main, page_count  # noqa: E402

# name, set, source, settings. All scored before any reader change; the development
# documents use Carlito and Liberation Serif, the held-out ones Caladea and DejaVu Serif,
# with other widths and settings. `spacing: 0` sets paragraphs without a gap or an indent,
# as many office documents are: only a short last line shows where one ends.
CORPUS = [
    ('dev-31-o6-seed-nl-carlito', 'dev', 'seed-003',
     dict(left='nl', font='Carlito', size=10.5, paper='a4', margin=22, gutter=14, justify=True, hyphenate=True,
          leading=115, spacing=4, sync='row', centre=True, hang=True)),
    ('dev-32-o6-bill-fr-left-liberation-ragged', 'dev', 'bill-56K0055001',
     dict(left='fr', font='Liberation Serif', size=10, paper='letter', margin=25, gutter=18, justify=False, hyphenate=False,
          leading=100, spacing=6, sync='section', centre=False, hang=False)),
    ('dev-33-o6-stations-fr-left-carlito', 'dev', 'res-stations',
     dict(left='fr', font='Carlito', size=11, paper='a4', margin=20, gutter=12, justify=True, hyphenate=True,
          leading=100, spacing=0, sync='section', centre=True, hang=False)),
    ('dev-34-o6-report-nl-liberation-ragged', 'dev', 'report-deconnectie',
     dict(left='nl', font='Liberation Serif', size=10.5, paper='a4', margin=24, gutter=16, justify=False, hyphenate=True,
          leading=110, spacing=5, sync='row', centre=False, hang=True)),
    ('test-30-o6-seed-fr-left-caladea', 'test', 'seed-003',
     dict(left='fr', font='Caladea', size=10, paper='a4', margin=20, gutter=13, justify=True, hyphenate=True,
          leading=105, spacing=0, sync='section', centre=False, hang=True)),
    ('test-31-o6-bill-nl-caladea-ragged', 'test', 'bill-56K0055001',
     dict(left='nl', font='Caladea', size=10.5, paper='letter', margin=22, gutter=16, justify=False, hyphenate=True,
          leading=115, spacing=5, sync='row', centre=True, hang=False)),
    ('test-32-o6-deconnectie-fr-left-dejavu', 'test', 'bill-deconnectie',
     dict(left='fr', font='DejaVu Serif', size=9, paper='a4', margin=24, gutter=15, justify=True, hyphenate=False,
          leading=110, spacing=4, sync='row', centre=True, hang=True)),
    ('test-33-o6-report-fr-left-caladea', 'test', 'report-deconnectie',
     dict(left='fr', font='Caladea', size=11, paper='a4', margin=18, gutter=14, justify=True, hyphenate=True,
          leading=100, spacing=3, sync='section', centre=False, hang=False)),
]

PAPER = {'a4': (210, 297), 'letter': (215.9, 279.4)}


def fodt_of(src, st):
    left = st['left']
    right = 'fr' if left == 'nl' else 'nl'
    width, height = PAPER[st['paper']]
    body = width - 2 * st['margin']
    chamber = {'nl': 'KAMER', 'fr': 'CHAMBRE'}
    align = 'justify' if st['justify'] else 'start'
    hyphenate = 'true' if st['hyphenate'] else 'false'
    space = st['spacing']

    def para_style(name, lang, text_align, bold=False, margin_left=0.0, indent=0.0, size=None, top=0):
        weight = ' fo:font-weight="bold"' if bold else ''
        font_size = f' fo:font-size="{size}pt"' if size else ''
        return (f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Body">'
                f'<style:paragraph-properties fo:text-align="{text_align}" fo:margin-left="{margin_left}pt"'
                f' fo:text-indent="{indent}pt" fo:margin-top="{top}pt"'
                f' fo:margin-bottom="{space}pt"/>'
                f'<style:text-properties fo:language="{lang}" fo:country="BE"'
                f' fo:hyphenate="{hyphenate}" fo:hyphenation-remain-char-count="2"'
                f' fo:hyphenation-push-char-count="2"{weight}{font_size}/></style:style>')

    hang = 14 if st['hang'] else 0
    heading_align = 'center' if st['centre'] else 'start'
    styles = []
    for lang in ('nl', 'fr'):
        styles += [para_style(f'text-{lang}', lang, align),
                   para_style(f'label-{lang}', lang, align, margin_left=hang, indent=-hang),
                   para_style(f'sub-{lang}', lang, align, margin_left=14 + hang, indent=-hang),
                   para_style(f'heading-{lang}', lang, heading_align, bold=True, top=6),
                   para_style(f'cover-{lang}', lang, 'center'),
                   para_style(f'coverbold-{lang}', lang, 'center', bold=True, size=st['size'] + 2),
                   para_style(f'coverblock-{lang}', lang, 'start', size=round(st['size'] * 0.85, 1)),
                   para_style(f'sign-{lang}', lang, 'start')]

    def p(style, text):
        return f'<text:p text:style-name="{style}">{text}</text:p>'

    def paragraph(lang, unit, kind):
        text = escape(label_of(unit) + unit[lang])
        if kind == 'cover':
            if '\n' in unit[lang]:
                return p(f'coverblock-{lang}', '<text:line-break/>'.join(escape(line) for line in unit[lang].split('\n')))
            return p(f"{'coverbold' if unit['kind'] in ('chamber', 'docType') else 'cover'}-{lang}", text)
        if kind == 'heading':
            return p(f'heading-{lang}', text)
        if kind == 'sub':
            return p(f'sub-{lang}', text)
        return p(f"{'label' if label_of(unit) else 'text'}-{lang}", text)

    def table(name, style, rows):
        out = [f'<table:table table:name="{name}" table:style-name="{style}">',
               '<table:table-column table:style-name="column" table:number-columns-repeated="2"/>']
        for a, b in rows:
            out.append('<table:table-row table:style-name="row">'
                       f'<table:table-cell table:style-name="leftcell" office:value-type="string">{"".join(a)}</table:table-cell>'
                       f'<table:table-cell table:style-name="rightcell" office:value-type="string">{"".join(b)}</table:table-cell>'
                       '</table:table-row>')
        out.append('</table:table>')
        return '\n'.join(out)

    cover = table('cover', 'covertable', [([paragraph(left, u, 'cover')], [paragraph(right, u, 'cover')])
                                          for u in src['units'] if u['section'] == 'front'])
    text = table('text', 'texttable', body_rows(src, st, paragraph, lambda lang, name: p(f'sign-{lang}', escape(name))))

    half = st['gutter'] / 2
    header = (f'{escape(src["number"])}<text:tab/><text:page-number text:select-page="current"/>')
    footer = (f'{escape(chamber[left] + " • " + src["session"][left])}<text:tab/>'
              f'{escape(chamber[right] + " • " + src["session"][right])}')
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="body" svg:font-family="'{st['font']}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="body" fo:font-size="{st['size']}pt" fo:language="{left}" fo:country="BE"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:line-height="{st['leading']}%"/></style:style>
{''.join(styles)}
<style:style style:name="running" style:family="paragraph"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="{body}mm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="7.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="page"><style:page-layout-properties fo:page-width="{width}mm" fo:page-height="{height}mm" fo:margin-left="{st['margin']}mm" fo:margin-right="{st['margin']}mm" fo:margin-top="12mm" fo:margin-bottom="12mm"/>
<style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="6mm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="6mm"/></style:footer-style></style:page-layout>
<style:style style:name="covertable" style:family="table" style:master-page-name="first"><style:table-properties style:width="{body}mm" table:align="margins"/></style:style>
<style:style style:name="texttable" style:family="table" style:master-page-name="running"><style:table-properties style:width="{body}mm" table:align="margins" fo:break-before="page" style:may-break-between-rows="true"/></style:style>
<style:style style:name="column" style:family="table-column"><style:table-column-properties style:column-width="{body / 2}mm"/></style:style>
<style:style style:name="row" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>
<style:style style:name="leftcell" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding-left="0pt" fo:padding-right="{half}pt" fo:padding-top="0pt" fo:padding-bottom="0pt"/></style:style>
<style:style style:name="rightcell" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding-left="{half}pt" fo:padding-right="0pt" fo:padding-top="0pt" fo:padding-bottom="0pt"/></style:style>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="first" style:page-layout-name="page" style:next-style-name="running"/>
<style:master-page style:name="running" style:page-layout-name="page">
<style:header><text:p text:style-name="running">{header}</text:p></style:header>
<style:footer><text:p text:style-name="running">{footer}</text:p></style:footer>
</style:master-page>
</office:master-styles>
<office:body><office:text>
{cover}
{text}
</office:text></office:body>
</office:document>
'''


def render(src, st, pdf):
    """Converts the document's flat ODT with LibreOffice; returns the page count."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = os.path.basename(pdf)[:-len('.pdf')]
        source = os.path.join(tmp, stem + '.fodt')
        with open(source, 'w', encoding='utf-8') as f:
            f.write(fodt_of(src, st))
        # A profile of its own, so that no user's settings (nor a running office) interfere.
        subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp}/profile', '--headless',
                        '--convert-to', 'pdf', '--outdir', tmp, source], check=True, capture_output=True)
        shutil.move(os.path.join(tmp, stem + '.pdf'), pdf)
    return page_count(pdf)


if __name__ == '__main__':
    main(__doc__, CORPUS, '6', 'MANIFEST.office.tsv', render, False, 'fodt', fodt_of)
