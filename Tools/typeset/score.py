#!/usr/bin/env python3
"""Score chamberdoc on a typeset corpus folder against its gold.

    python3 Tools/typeset/score.py Tests/ChamberDocTests/Fixtures/typeset/dev --bin .build/release/chamberdoc [--json]

For every NAME.pdf of the folder, the PDF itself and its three dumps (NAME.txt,
NAME.layout.txt, NAME.raw.txt) are converted with `chamberdoc convert INPUT -o DIR`; an
input chamberdoc refuses is reported as refused. The XML is compared with
NAME.gold.json:

  pairs      gold units (children too) found as one output unit whose only Dutch text and
             only French text equal the gold texts (white space collapsed)
  labelled   the gold considerations, requests and list items found as units with their
             labels: the structure, where pairs count texts only
  front      the same for the front units (chamber, date, docType, title, submitters, session)
  wrong      output texts whose words are mostly words that only the other language's gold has
  mixed      output texts with many words of both languages' gold vocabularies
  dates      the ISO values of the gold date units all present among the output's dates
  sign       the signatory names equal the gold's, in order
  notes      gold footnotes (n, language, text) found among the output's footnotes
  legend     gold legend rows (code, Dutch, French) found among the output's legend entries
Only the Python standard library is used."""
import argparse, glob, json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

NS = '{urn:chamberdoc:1}'
XL = '{http://www.w3.org/XML/1998/namespace}lang'
KINDS = [('pdf', '.pdf'), ('txt', '.txt'), ('layout', '.layout.txt'), ('raw', '.raw.txt')]


def ws(s):
    return re.sub(r'\s+', ' ', s or '').strip()


def words(s):
    return re.findall(r"[^\W\d_]+", s.lower())


def flatten(units):
    for u in units:
        yield u
        yield from flatten(u.get('children', []))


def read_xml(path):
    root = ET.parse(path).getroot()
    units = []
    for e in root.iter():
        texts = [t for t in e if t.tag == NS + 'text']
        if not texts or e.tag in (NS + 'entry',):
            continue
        d = {'nl': [], 'fr': [], 'id': e.get('id'), 'kind': e.tag[len(NS):], 'label': e.get('label')}
        for t in texts:
            d.setdefault(t.get(XL), []).append(ws(''.join(t.itertext())))
        units.append(d)
    dates = [e.get('value') for e in root.iter(NS + 'date') if e.get('value')]
    sign = [ws(''.join(s.itertext())) for s in root.iter(NS + 'signatory')]
    notes = {(int(f.get('n')), f.get(XL), ws(''.join(f.itertext()))) for f in root.iter(NS + 'footnote')}
    parties = [p.get('abbr') for p in root.iter(NS + 'party')]
    legend = set()
    for e in root.iter(NS + 'entry'):
        cells = {t.get(XL): ws(''.join(t.itertext())) for t in e if t.tag == NS + 'text'}
        legend.add((e.get('code') or '', cells.get('nl', ''), cells.get('fr', '')))
    return units, dates, sign, notes, parties, legend


def labelled_units(gold):
    """The gold considerations, requests and list items: headings too carry their source's
    label, which the typesetter does not always print."""
    return [u for u in flatten(gold['units']) if u.get('label') and u['kind'] != 'heading']


def score(gold, xmlpath):
    units, dates, sign, notes, parties, legend = read_xml(xmlpath)
    got = {(u['nl'][0], u['fr'][0]) for u in units if len(u['nl']) == 1 and len(u['fr']) == 1}
    gl = list(flatten(gold['units']))
    ok = [u for u in gl if (ws(u['nl']), ws(u['fr'])) in got]
    got_labelled = {(u['label'], u['nl'][0], u['fr'][0]) for u in units if u['label'] and len(u['nl']) == 1 and len(u['fr']) == 1}
    labelled = labelled_units(gold)
    labelled_ok = [u for u in labelled if (u['label'], ws(u['nl']), ws(u['fr'])) in got_labelled]
    front = [u for u in gl if u['section'] == 'front']
    front_ok = [u for u in front if u in ok]
    nlv, frv = set(), set()
    for u in gl:
        nlv |= set(words(u['nl'])); frv |= set(words(u['fr']))
    for f in gold.get('footnotes', []):
        nlv |= set(words(f['nl'])); frv |= set(words(f['fr']))
    nl_only, fr_only = nlv - frv, frv - nlv
    wrong = mixed = 0
    for u in units:
        for lang in ('nl', 'fr'):
            for t in u.get(lang, []):
                w = words(t)
                a = sum(1 for x in w if x in nl_only)
                b = sum(1 for x in w if x in fr_only)
                own, other = (a, b) if lang == 'nl' else (b, a)
                if other >= 2 and other > own * 2:
                    wrong += 1
                elif own >= 3 and other >= 3 and min(own, other) >= 0.2 * (own + other):
                    mixed += 1
    gdates = [u['value'] for u in gl if u['kind'] == 'date' and u.get('value')]
    gnotes = {(f['n'], lang, ws(f[lang])) for f in gold.get('footnotes', []) for lang in ('nl', 'fr')}
    gsign = [s['name'] for s in gold['signatories']]
    glegend = {(e.get('code') or '', ws(e.get('nl') or ''), ws(e.get('fr') or '')) for e in gold.get('legend', [])}
    return {
        'pairs': len(ok), 'pairs_total': len(gl),
        'labelled': len(labelled_ok), 'labelled_total': len(labelled),
        'front': len(front_ok), 'front_total': len(front),
        'wrong_language': wrong, 'mixed': mixed, 'output_units': len(units),
        'dates_ok': all(d in dates for d in gdates),
        'signatories_ok': sign == gsign,
        'notes': len(gnotes & notes), 'notes_total': len(gnotes),
        'parties_ok': (parties == [p['abbr'] for p in gold['parties']]) if gold.get('parties') else None,
        'legend': len(glegend & legend), 'legend_total': len(glegend),
        'missing_pairs': [u['id'] for u in gl if u not in ok],
    }


def run(binary, inp, tmp):
    out = tempfile.mkdtemp(dir=tmp)
    p = subprocess.run([binary, 'convert', inp, '-o', out], capture_output=True, text=True, timeout=600)
    xmls = glob.glob(os.path.join(out, '*.xml'))
    if p.returncode != 0 or not xmls:
        msg = (p.stderr.strip().splitlines() or ['exit status %d' % p.returncode])[-1]
        return None, p.returncode, msg
    return xmls[0], p.returncode, ''


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('folder')
    ap.add_argument('--bin', required=True, help='the chamberdoc binary')
    ap.add_argument('--json', action='store_true', help='machine output')
    a = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in sorted(glob.glob(os.path.join(a.folder, '*.pdf'))):
            name = os.path.basename(pdf)[:-4]
            with open(os.path.join(a.folder, name + '.gold.json'), encoding='utf-8') as f:
                gold = json.load(f)
            for kind, suffix in KINDS:
                inp = os.path.join(a.folder, name + suffix)
                r = {'name': name, 'input': os.path.basename(inp), 'kind': kind,
                     'pairs_total': len(list(flatten(gold['units']))), 'labelled_total': len(labelled_units(gold))}
                xml, rc, msg = run(a.bin, inp, tmp)
                if xml is None:
                    r.update(status='refused', exit=rc, message=msg)
                else:
                    try:
                        r.update(status='converted', **score(gold, xml))
                    except ET.ParseError as e:
                        r.update(status='bad-xml', message=str(e))
                results.append(r)
    summary = {}
    for kind, _ in KINDS:
        rs = [r for r in results if r['kind'] == kind]
        conv = [r for r in rs if r['status'] == 'converted']
        summary[kind] = {
            'inputs': len(rs), 'converted': len(conv), 'refused': sum(r['status'] == 'refused' for r in rs),
            'pairs': sum(r['pairs'] for r in conv), 'pairs_total': sum(r['pairs_total'] for r in rs) if rs else 0,
            'labelled': sum(r['labelled'] for r in conv), 'labelled_total': sum(r['labelled_total'] for r in rs),
            'wrong_language': sum(r['wrong_language'] for r in conv), 'mixed': sum(r['mixed'] for r in conv),
            'front': sum(r['front'] for r in conv), 'front_total': sum(r['front_total'] for r in conv),
            'dates_ok': sum(bool(r['dates_ok']) for r in conv), 'signatories_ok': sum(bool(r['signatories_ok']) for r in conv),
            'notes': sum(r['notes'] for r in conv), 'notes_total': sum(r['notes_total'] for r in conv),
            'legend': sum(r['legend'] for r in conv), 'legend_total': sum(r['legend_total'] for r in conv),
        }
    if a.json:
        json.dump({'folder': a.folder, 'binary': a.bin, 'inputs': results, 'summary': summary}, sys.stdout,
                  ensure_ascii=False, indent=1)
        print()
        return
    for r in results:
        if r['status'] != 'converted':
            print(f"{r['input']:42} {r['status']}: {r.get('message', '')}")
            continue
        notes = f"  notes {r['notes']}/{r['notes_total']}" if r['notes_total'] else ''
        print(f"{r['input']:42} pairs {r['pairs']:2}/{r['pairs_total']}  labelled {r['labelled']:2}/{r['labelled_total']}"
              f"  front {r['front']}/{r['front_total']}"
              f"  wrong-lang {r['wrong_language']:2}  mixed {r['mixed']:2}  dates {'ok' if r['dates_ok'] else 'NO'}"
              f"  sign {'ok' if r['signatories_ok'] else 'NO'}{notes}")
    print('summary:')
    for kind, s in summary.items():
        print(f"  {kind:7} {s['converted']}/{s['inputs']} converted ({s['refused']} refused)  pairs {s['pairs']}/{s['pairs_total']}"
              f"  labelled {s['labelled']}/{s['labelled_total']}"
              f"  front {s['front']}/{s['front_total']}  wrong-lang {s['wrong_language']}  mixed {s['mixed']}"
              f"  dates ok {s['dates_ok']}  sign ok {s['signatories_ok']}  notes {s['notes']}/{s['notes_total']}"
              f"  legend {s['legend']}/{s['legend_total']}")


if __name__ == '__main__':
    main()
