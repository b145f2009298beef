#!/usr/bin/env python3
"""Build a typeset source JSON from chamberdoc's XML of a sample (provenance of sources/*.json).

    make_sources.py seed  XML > sources/seed-003.json
    make_sources.py bill  XML RAWTXT > sources/bill-56K0055001.json   (selected, hand-verified units)

The committed JSON files are the gold; this script only documents how they were made
(the bill source also carries hand corrections listed in BILL_FIXES)."""
import json, re, sys
import xml.etree.ElementTree as ET

NS = '{urn:chamberdoc:1}'
XL = '{http://www.w3.org/XML/1998/namespace}lang'
UNIT_TAGS = {'chamber', 'date', 'docType', 'title', 'submitters', 'session', 'heading', 'paragraph',
             'item', 'table', 'salutation', 'preamble', 'consideration', 'formula', 'request'}


def ws(s):
    return re.sub(r'\s+', ' ', s).strip()


def text_and_refs(t):
    """Plain text of a <text> element and its footnote markers as [n, offset-in-plain-text]."""
    out, refs = [], []

    def add(s):
        if s:
            out.append(s)
    add(t.text)
    for c in t:
        if c.tag == NS + 'noteRef':
            cur = ws(''.join(out))
            refs.append([int(c.get('n')), len(cur)])
        else:
            add(''.join(c.itertext()))
        add(c.tail)
    plain = ws(''.join(out))
    return plain, refs


def unit_of(e, section):
    tag = e.tag[len(NS):]
    u = {'id': e.get('id'), 'section': section, 'kind': tag}
    if e.get('label'):
        u['label'] = e.get('label')
    if e.get('value'):
        u['value'] = e.get('value')
    refs = {}
    for t in e.findall(NS + 'text'):
        lang = t.get(XL)
        plain, r = text_and_refs(t)
        if lang in u:
            raise SystemExit(f"{u['id']}: two {lang} texts (not a 1-1 unit)")
        u[lang] = plain
        if r:
            refs[lang] = r
    if refs:
        u['refs'] = refs
    kids = [unit_of(c, section) for c in e if c.tag[len(NS):] == 'request']
    if kids:
        u['children'] = kids
    return u


def base(root, ident, origin):
    src = {'format': 'chamberdoc-typeset-source/1', 'id': ident, 'origin': origin,
           'type': root.get('type'), 'legislature': int(root.get('legislature') or 56)}
    units, parties, legend = [], [], []
    for part in root:
        name = part.tag[len(NS):]
        if name in ('front', 'explanation', 'resolution', 'body'):
            for e in part:
                t = e.tag[len(NS):]
                if t in UNIT_TAGS:
                    units.append(unit_of(e, name))
                elif t == 'parties':
                    parties = [{'abbr': p.get('abbr'), 'name': ws(''.join(p.itertext()))} for p in e]
                elif t == 'legend':
                    for en in e:
                        d = {'code': en.get('code')}
                        for tx in en.findall(NS + 'text'):
                            d[tx.get(XL)] = ws(''.join(tx.itertext()))
                        legend.append(d)
    sig = [{'name': ws(s.text or ''), 'party': s.get('party')} for s in root.iter(NS + 'signatory')]
    src.update(units=units, parties=parties, legend=legend, signatories=sig)
    return src


def seed(xmlpath):
    root = ET.parse(xmlpath).getroot()
    src = base(root, 'seed-003', {
        'file': 'Samples/003_fee3b1f4911676a0.txt',
        'how': "units, parties, legend and signatories of chamberdoc's XML of the seed (all 1-1), read through by hand"})
    # the seed prints no document number; the typesetter needs one for the cover and the
    # running header: a made-up number, recorded as such (it is furniture, not a unit text)
    src['number'] = 'DOC 56 0123/001'
    src['number_synthetic'] = True
    src['session'] = {'nl': '2e ZITTING VAN DE 56e ZITTINGSPERIODE',
                      'fr': '2e SESSION DE LA 56e LÉGISLATURE'}
    # where the seed prints the signature block (in both columns here): after these units
    src['signature_after'] = ['expl-p11', 'res-date1']
    src['footnotes'] = []
    return src


if __name__ == '__main__':
    if sys.argv[1] == 'seed':
        print(json.dumps(seed(sys.argv[2]), ensure_ascii=False, indent=1))
    else:
        raise SystemExit('the bill source is written by hand from the selection in sources/bill-56K0055001.json')
