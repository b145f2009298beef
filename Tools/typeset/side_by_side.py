"""What engines 3, 4 and 5 share: a document is the source's units in two languages side
by side, laid out by a typesetter that breaks the lines itself, so the gold is the source's
units, signatories and type (and footnotes, where the engine sets them), the corpus is
written the same way (`write_corpus`), and so is the command line (`main`)."""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from typeset import load_source, write_dumps  # noqa: E402


def label_of(unit):
    """The label as printed before the text: `a) `, `A. `, `3.1. `, and a heading's where the
    source prints it (`label_printed`: a report's parts, `II. `, `A. `); other headings print
    none (`Artikel 1` names its own)."""
    label = unit.get('label')
    if not label:
        return ''
    if unit['kind'] == 'item':
        return label + ') '
    if unit['kind'] == 'heading':
        return label + '. ' if unit.get('label_printed') else ''
    return label + '. ' if unit['kind'] in ('consideration', 'request') else ''


# The unit kinds an engine sets as headings.
HEADINGS = ('heading', 'formula', 'preamble', 'salutation')


def body_rows(src, st, paragraph, signature):
    """The body after the cover as rows of (left paragraphs, right paragraphs): a unit a row,
    or, with `sync: section`, a section a row, so that each language runs on as a column of
    its own; the signatories' names after the units that `signature_after` names.
    `paragraph(lang, unit, kind)` sets a unit (`heading`, `sub` for a sub-unit, `text`),
    `signature(lang, name)` a name."""
    left = st['left']
    right = 'fr' if left == 'nl' else 'nl'
    after = set(src.get('signature_after', []))
    names = [f"{s['name']} ({s['party']})" for s in src['signatories']]
    units = []

    def walk(children, sub=False):
        for unit in children:
            if unit['section'] == 'front':
                continue
            kind = 'heading' if unit['kind'] in HEADINGS else 'sub' if sub else 'text'
            units.append((unit['section'], [paragraph(left, unit, kind)], [paragraph(right, unit, kind)]))
            walk(unit.get('children') or [], True)
            if unit['id'] in after:
                units.append((unit['section'], [signature(left, n) for n in names], [signature(right, n) for n in names]))
    walk(src['units'])
    rows = []
    for section, a, b in units:
        if st['sync'] == 'section' and rows and rows[-1][0] == section:
            rows[-1][1].extend(a)
            rows[-1][2].extend(b)
        else:
            rows.append((section, list(a), list(b)))
    return [(a, b) for _, a, b in rows]


def gold_of(src, name, engine, st, pages, footnotes):
    """The gold of one document: the source's units (with the notes they mark, if the
    engine sets footnotes), signatories and type; no cover tables."""
    def unit(u):
        d = {k: u[k] for k in ('id', 'section', 'kind', 'label', 'value', 'nl', 'fr') if k in u}
        if footnotes and u.get('refs'):
            d['notes'] = sorted({r[0] for rs in u['refs'].values() for r in rs})
        if u.get('children'):
            d['children'] = [unit(c) for c in u['children']]
        return d
    return {'format': 'chamberdoc-typeset-gold/1', 'name': name, 'source': src['id'], 'engine': engine,
            'type': src['type'], 'number': src['number'], 'left': st['left'], 'right': 'fr' if st['left'] == 'nl' else 'nl', 'pages': pages,
            'units': [unit(u) for u in src['units']], 'footnotes': src.get('footnotes', []) if footnotes else [],
            'signatories': src['signatories'], 'parties': [], 'legend': [], 'settings': st}


def page_count(pdf):
    """A PDF's number of pages, as `pdfinfo` reads it."""
    info = subprocess.run(['pdfinfo', pdf], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith('Pages:')))


def write_corpus(out, corpus, engine, manifest, render, footnotes):
    """Writes each `(name, set, source, settings)` of `corpus` into OUT/set: the PDF that
    `render(src, settings, pdf)` makes (it returns the page count), its dumps and its gold;
    and, per set, the manifest `manifest`."""
    rows = {'dev': [], 'test': []}
    keys = sorted(corpus[0][3])
    for name, sset, sid, st in corpus:
        src = load_source(sid)
        d = os.path.join(out, sset)
        os.makedirs(d, exist_ok=True)
        pdf = os.path.join(d, name + '.pdf')
        pages = render(src, st, pdf)
        write_dumps(pdf)
        with open(os.path.join(d, name + '.gold.json'), 'w', encoding='utf-8') as f:
            json.dump(gold_of(src, name, engine, st, pages, footnotes), f, ensure_ascii=False, indent=1)
            f.write('\n')
        rows[sset].append([name, engine, sid, str(pages)] + [json.dumps(st[k], ensure_ascii=False) for k in keys])
        print(f'{sset}/{name}.pdf: {pages} pages, {os.path.getsize(pdf)} bytes', file=sys.stderr)
    for sset, lines in rows.items():
        with open(os.path.join(out, sset, manifest), 'w', encoding='utf-8') as f:
            f.write('\t'.join(['name', 'engine', 'source', 'pages'] + keys) + '\n')
            for line in lines:
                f.write('\t'.join(line) + '\n')


def main(doc, corpus, engine, manifest, render, footnotes, show, source_of):
    """An engine's command line: `corpus [--out DIR]` writes its corpus (`write_corpus`),
    `SHOW --name NAME` prints one document's source, which `source_of(src, settings)` makes."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('command', choices=['corpus', show])
    ap.add_argument('--out', default=os.path.join(ROOT, 'Tests/ChamberDocTests/Fixtures/typeset'))
    ap.add_argument('--name', help=f'with `{show}`: the corpus document whose source to print')
    a = ap.parse_args()
    if a.command == show:
        match = [c for c in corpus if c[0] == a.name]
        if not match:
            ap.error(f'no corpus document named {a.name!r}; one of: ' + ', '.join(c[0] for c in corpus))
        sys.stdout.write(source_of(load_source(match[0][2]), match[0][3]))
    else:
        write_corpus(a.out, corpus, engine, manifest, render, footnotes)
