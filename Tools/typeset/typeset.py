#!/usr/bin/env python3
"""Deterministic two-column typesetter for bilingual Chamber documents, and its corpus.

    python3 Tools/typeset/typeset.py corpus [--out Tests/ChamberDocTests/Fixtures/typeset]
    python3 Tools/typeset/typeset.py one SOURCE.json OUT.pdf [--engine 1|2] [--seed N] [--set key=value ...]

Engine 1 draws with reportlab (one text object per word, no space glyphs); engine 2 with
fpdf2 (one TJ array per line, with space glyphs and justification offsets), other fonts and
another content-stream order. The layout (line breaking, columns, footnotes, pages) is
computed here, in points, y downwards from the top of the page; the engines only draw it.
See README.md in this folder."""
import argparse, copy, datetime, json, os, random, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FONTDIR = '/usr/share/fonts/truetype'

FAMILIES = {
    # name: (regular, bold)
    'dejavu-serif': ('dejavu/DejaVuSerif.ttf', 'dejavu/DejaVuSerif-Bold.ttf'),
    'dejavu-sans': ('dejavu/DejaVuSans.ttf', 'dejavu/DejaVuSans-Bold.ttf'),
    'dejavu-serif-condensed': ('dejavu/DejaVuSerifCondensed.ttf', 'dejavu/DejaVuSerifCondensed-Bold.ttf'),
    'liberation-serif': ('liberation/LiberationSerif-Regular.ttf', 'liberation/LiberationSerif-Bold.ttf'),
    'liberation-sans': ('liberation/LiberationSans-Regular.ttf', 'liberation/LiberationSans-Bold.ttf'),
    # engine 2 only
    'free-serif': ('freefont/FreeSerif.ttf', 'freefont/FreeSerifBold.ttf'),
    'free-sans': ('freefont/FreeSans.ttf', 'freefont/FreeSansBold.ttf'),
    'liberation-sans-narrow': ('liberation/LiberationSansNarrow-Regular.ttf', 'liberation/LiberationSansNarrow-Bold.ttf'),
    'dejavu-sans-condensed': ('dejavu/DejaVuSansCondensed.ttf', 'dejavu/DejaVuSansCondensed-Bold.ttf'),
}
ENGINE_FAMILIES = {1: ['dejavu-serif', 'dejavu-sans', 'dejavu-serif-condensed', 'liberation-serif', 'liberation-sans'],
                   2: ['free-serif', 'free-sans', 'liberation-sans-narrow', 'dejavu-sans-condensed']}
PAGES = {'A4': (595.2756, 841.8898), 'Letter': (612.0, 792.0)}
EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)

# ---------------------------------------------------------------- metrics

_metrics = {}


def font_key(family, bold):
    return f'{family}-{"b" if bold else "r"}'


def _rl_font(key):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if key not in _metrics:
        family, style = key.rsplit('-', 1)
        path = os.path.join(FONTDIR, FAMILIES[family][1 if style == 'b' else 0])
        pdfmetrics.registerFont(TTFont(key, path))
        _metrics[key] = True
    return key


def width(text, key, size):
    from reportlab.pdfbase import pdfmetrics
    return pdfmetrics.stringWidth(text, _rl_font(key), size)


# ---------------------------------------------------------------- words and lines

class Word:
    """A word as segments (text, style) with style 'r', 'b' or ('sup', n)."""
    __slots__ = ('segs', 'w')

    def __init__(self, segs, lay):
        self.segs = segs
        self.w = sum(lay.seg_width(s) for s in segs)

    def plain(self):
        return ''.join(t for t, st in self.segs if not isinstance(st, tuple))

    def notes(self):
        return [st[1] for t, st in self.segs if isinstance(st, tuple)]


def split_words(text, refs, bold):
    """Words of a text; footnote markers (n, offset) are attached where they stand."""
    style = 'b' if bold else 'r'
    marks = sorted(refs or [], key=lambda r: r[1])
    words, cur, pos = [], [], 0
    mi = 0

    def flush_char_run(run):
        if run:
            cur.append((run, style))
    run = ''
    for i, ch in enumerate(text + ' '):
        while mi < len(marks) and marks[mi][1] == i:
            flush_char_run(run); run = ''
            cur.append((str(marks[mi][0]), ('sup', marks[mi][0])))
            mi += 1
        if ch == ' ' or i == len(text):
            flush_char_run(run); run = ''
            if cur:
                words.append(cur)
            cur = []
        else:
            run += ch
    return words


class Layout:
    def __init__(self, st):
        self.st = st
        self.size = st['size']

    def seg_width(self, seg, size=None):
        t, style = seg
        size = size or self.cur_size
        if isinstance(style, tuple):
            return width(t, font_key(self.st['family'], False), size * 0.62)
        return width(t, font_key(self.st['family'], style == 'b'), size)


HYPH = {}


def hyph_positions(word, lang):
    import pyphen
    if lang not in HYPH:
        HYPH[lang] = pyphen.Pyphen(lang={'nl': 'nl_NL', 'fr': 'fr_FR'}[lang])
    m = re.match(r'^([(“"‘\']*)(.*?)([.,;:!?)”"’\']*)$', word)
    pre, core, post = m.groups()
    if len(core) < 7 or not core.isalpha() or core.isupper() or any(c.isupper() for c in core[1:]):
        return []
    return [len(pre) + p for p in HYPH[lang].positions(core) if 3 <= p <= len(core) - 3]


def break_lines(words, lay, lang, avail_first, avail_rest, size):
    """Greedy line breaking with optional hyphenation. Returns lists of Word per line and
    whether the line ends in an added hyphen."""
    st = lay.st
    lay.cur_size = size
    space = width(' ', font_key(st['family'], False), size)
    queue = [Word(w, lay) for w in words]
    lines, cur, curw = [], [], 0.0
    hyph_flags = []
    while queue:
        w = queue.pop(0)
        avail = avail_first if not lines else avail_rest
        need = curw + (space if cur else 0) + w.w
        if need <= avail + 0.01:
            cur.append(w); curw = need
            continue
        split = None
        if len(w.segs) == 1 and not isinstance(w.segs[0][1], tuple):
            t, style = w.segs[0]
            cands = []
            if st['break_at_hyphens']:
                cands += [(i + 1, False) for i, c in enumerate(t) if c == '-' and 2 <= i < len(t) - 3]
            if st['hyphenate']:
                cands += [(p, True) for p in hyph_positions(t, lang)]
            for p, add in sorted(cands, reverse=True):
                left = t[:p] + ('-' if add else '')
                lw = Word([(left, style)], lay)
                if curw + (space if cur else 0) + lw.w <= avail + 0.01:
                    split = (lw, Word([(t[p:], style)], lay), add)
                    break
        if split:
            cur.append(split[0]); lines.append(cur); hyph_flags.append(split[2])
            cur, curw = [], 0.0
            queue.insert(0, split[1])
        elif cur:
            lines.append(cur); hyph_flags.append(False)
            cur, curw = [], 0.0
            queue.insert(0, w)
        else:  # a word wider than the column: it overflows
            lines.append([w]); hyph_flags.append(False)
    if cur:
        lines.append(cur); hyph_flags.append(False)
    return lines, hyph_flags


# ---------------------------------------------------------------- pages

class Col:
    def __init__(self):
        self.items = []      # drawn things: dict(kind='line'...)
        self.fn = []         # footnote lines (as line dicts without y)
        self.fnh = 0.0


class Page:
    def __init__(self, kind):
        self.kind = kind     # 'cover', 'parties', 'body'
        self.cols = [Col(), Col()]
        self.full = []       # full-width items (cover, furniture)
        self.band = []       # full-width items between the columns' text (a bilingual table)


class Flow:
    def __init__(self, lang, col, geo):
        self.lang, self.col, self.geo = lang, col, geo
        self.page = None
        self.y = 0.0
        self.pending = []    # footnote lines carried to the next page
        self.pending_fresh = False


class Typesetter:
    def __init__(self, src, st):
        self.src, self.st = src, st
        self.lay = Layout(st)
        W, H = PAGES[st['page']]
        self.W, self.H = W, H
        m = st['margins']
        self.top = m[0] + st['header_space']
        self.bottom = H - m[2] - st['footer_space']
        inner = W - m[1] - m[3] - st['gutter']
        wl = inner * st['col_ratio']
        self.cx = [m[3], m[3] + wl + st['gutter']]
        self.cw = [wl, inner - wl]
        self.pages = []
        self.body_start = None
        self.order = [st['left'], 'fr' if st['left'] == 'nl' else 'nl']
        self.flows = {lang: Flow(lang, i, None) for i, lang in enumerate(self.order)}
        self.unit_pages = {}
        self.fn_placed = {'nl': set(), 'fr': set()}
        self.notes = {(f['n']): f for f in src.get('footnotes', [])}
        self.fn_log = []

    # -- pages
    def new_page(self, kind='body'):
        p = Page(kind)
        self.pages.append(p)
        return len(self.pages) - 1

    def body_page(self, i):
        while len(self.pages) <= i:
            self.new_page('body')
        return self.pages[i]

    def goto(self, fl, page, y=None):
        fl.page = page
        self.body_page(page)
        fl.y = self.top if y is None else y
        if fl.pending:
            col = self.pages[page].cols[fl.col]
            self.add_fn_lines(col, fl.pending, continued=True)
            fl.pending = []

    def pos(self, fl):
        return (fl.page, fl.y)

    # -- footnotes
    def fn_layout(self, n, lang, colw):
        st = self.st
        size = st['fn_size']
        text = self.notes[n][lang]
        num = str(n)
        numw = st['fn_indent']
        words = split_words(text, [], False)
        lines, hy = break_lines(words, self.lay, lang, colw - numw, colw - numw, size)
        out = []
        for i, ws in enumerate(lines):
            out.append({'kind': 'line', 'words': ws, 'size': size, 'x': numw, 'w': colw - numw,
                        'justify': st['justify'] and i < len(lines) - 1, 'lead': size * 1.2,
                        'label': num if i == 0 else None, 'label_x': 0, 'label_sup': st['fn_num_sup']})
        return out

    def fn_needed(self, col, lines):
        return sum(l['lead'] for l in lines) + (self.st['fn_sep'] if not col.fn else 0)

    def add_fn_lines(self, col, lines, continued=False):
        if not col.fn:
            col.fnh += self.st['fn_sep']
        col.fn.extend(lines)
        col.fnh += sum(l['lead'] for l in lines)

    # -- placing lines of a column flow
    def place_lines(self, fl, lines, uid, keep_first=1):
        """Place line dicts (x relative to the column, 'lead' height) in flow fl."""
        st = self.st
        for li, line in enumerate(lines):
            while True:
                page = self.pages[fl.page]
                col = page.cols[fl.col]
                lead = line['lead']
                notes = [n for wd in line['words'] for n in wd.notes() if n not in self.fn_placed[fl.lang]]
                if notes and fl.pending:
                    self.goto(fl, fl.page + 1); continue
                fnl = []
                for n in notes:
                    fnl += self.fn_layout(n, fl.lang, self.cw[fl.col])
                room = self.bottom - col.fnh - fl.y - lead
                need = self.fn_needed(col, fnl) if fnl else 0
                if room >= need - 0.01:
                    break
                if fnl and st['fn_split'] and len(fnl) >= 3:
                    # place the line and as much of the note as fits; the rest goes on
                    fit = 0
                    sep = st['fn_sep'] if not col.fn else 0
                    h = sep
                    while fit < len(fnl) and h + fnl[fit]['lead'] <= room + 0.01:
                        h += fnl[fit]['lead']; fit += 1
                    if fit >= 2 and room >= 0:
                        self.add_fn_lines(col, fnl[:fit])
                        fl.pending = fnl[fit:]
                        self.fn_log.append({'n': notes[-1], 'lang': fl.lang, 'page': fl.page + 1,
                                            'continued_on': fl.page + 2})
                        for n in notes:
                            self.fn_placed[fl.lang].add(n)
                        fnl = None
                        break
                if fl.y <= self.top + 0.01 and not col.items:
                    break  # a fresh column takes the line whatever it costs (an overlong note overflows)
                self.goto(fl, fl.page + 1)
            if fnl:
                self.add_fn_lines(col, fnl)
                for n in notes:
                    self.fn_log.append({'n': n, 'lang': fl.lang, 'page': fl.page + 1})
                for n in notes:
                    self.fn_placed[fl.lang].add(n)
            item = dict(line)
            item['y'] = fl.y + lead * 0.78
            item['x'] = self.cx[fl.col] + line['x']
            item['uid'] = uid
            col.items.append(item)
            self.unit_pages.setdefault(uid, {}).setdefault(fl.lang, [])
            if fl.page + 1 not in self.unit_pages[uid][fl.lang]:
                self.unit_pages[uid][fl.lang].append(fl.page + 1)
            fl.y += lead

    def para_lines(self, fl, text, refs, *, bold=False, label=None, indent=0.0, first_indent=0.0,
                   hang=0.0, align=None, size=None):
        st = self.st
        size = size or st['size']
        colw = self.cw[fl.col]
        words = split_words(text, refs, bold)
        label_word = None
        if label and st['label_style'] == 'inline':
            words = [[(label, 'b' if bold else 'r')]] + words
            label = None
        lines, hy = break_lines(words, self.lay, fl.lang, colw - indent - first_indent - hang,
                                colw - indent - hang, size)
        out = []
        for i, ws in enumerate(lines):
            x = indent + hang + (first_indent if i == 0 else 0)
            out.append({'kind': 'line', 'words': ws, 'size': size, 'x': x, 'w': colw - x,
                        'justify': (align is None and st['justify'] and i < len(lines) - 1),
                        'align': align, 'lead': st['leading'] * size / st['size'],
                        'label': label if i == 0 else None, 'label_x': indent - x, 'label_sup': False,
                        'label_bold': bold})
        return out

    def space(self, fl, h):
        if fl.y > self.top + 0.01:
            fl.y += h

    # -- units
    LABEL_FMT = {'consideration': '{}.', 'request': '{}.', 'item': '{})'}

    def unit_lines(self, fl, u, depth=0):
        st = self.st
        lang = fl.lang
        kind = u['kind']
        text = u[lang]
        refs = (u.get('refs') or {}).get(lang)
        sz = st['size']
        if kind in ('heading', 'docType') or (kind == 'title' and not st['cover']):
            self.space(fl, st['leading'] * 1.2)
            hs = sz * st['heading_scale']
            lines = self.para_lines(fl, text, refs, bold=True, size=hs,
                                    align='C' if st['heading_centre'] else 'L')
            self.place_lines(fl, lines, u['id'])
            fl.y += st['leading'] * 0.5
            return
        if kind == 'table':
            self.space(fl, st['para_space'] + st['leading'] * 0.3)
            for row in self.table_rows(u['rows'][lang], self.cw[fl.col], lang):
                self.place_row(fl, row, u['id'])
            fl.y += st['leading'] * 0.3
            return
        if kind in ('salutation', 'preamble', 'formula', 'chamber', 'submitters', 'date', 'session'):
            self.space(fl, st['para_space'])
            lines = self.para_lines(fl, text, refs, bold=(kind in ('formula', 'preamble') and st['formula_bold']),
                                    align='L')
            self.place_lines(fl, lines, u['id'])
            return
        label = None
        hang = 0.0
        indent = 0.0
        if kind in self.LABEL_FMT and u.get('label'):
            label = self.LABEL_FMT[kind].format(u['label'])
            if st['label_style'] == 'hanging':
                hang = st['hang'] * (1.6 if '.' in u['label'] else 1.0)
            indent = st['sub_indent'] * depth
        first = st['first_indent'] if (st['para_sep'] == 'indent' and kind == 'paragraph') else 0.0
        sep = st['para_space'] if st['para_sep'] == 'space' or kind != 'paragraph' else 0.0
        self.space(fl, sep)
        lines = self.para_lines(fl, text, refs, label=label, indent=indent, first_indent=first, hang=hang)
        self.place_lines(fl, lines, u['id'])
        for c in u.get('children', []):
            self.unit_lines(fl, c, depth + 1)

    # -- tables: a row's cells side by side, each wrapped in its column of the table
    def table_rows(self, rows, avail, lang):
        """Rows of cells (a cell: a string, or {lang: string} for one language's cell of a
        bilingual table) as lists of item dicts with x relative to the table and y relative to
        the row, and each row's height. The header row is bold."""
        st = self.st
        size = st['size'] * 0.85
        lead = size * 1.25
        pad = size * 0.9
        def text(c):
            return c if isinstance(c, str) else next(iter(c.values()))
        def cell_lang(c):
            return lang if isinstance(c, str) else next(iter(c))
        ncol = max(len(r) for r in rows)
        self.lay_at(size)
        space = width(' ', font_key(st['family'], False), size)
        # as wide as the widest cell, at least as the longest word (HTML's automatic layout)
        natural, least = [pad] * ncol, [pad] * ncol
        for r in rows:
            for i, c in enumerate(r):
                ws = [Word(w, self.lay).w for w in split_words(text(c), [], False)] or [0.0]
                whole = sum(ws) + space * (len(ws) - 1) + pad
                natural[i] = max(natural[i], whole)
                # a figure (`44.4 %`) is not broken
                least[i] = max(least[i], max(ws) + pad if any(ch.isalpha() for ch in text(c)) else whole)
        if sum(natural) <= avail:
            spare = (avail - sum(natural)) / ncol
            widths = [n + spare for n in natural]
        else:  # too wide: every column at least its longest word, what is left shared out
            t = max(0.0, (avail - sum(least)) / (sum(natural) - sum(least))) if sum(natural) > sum(least) else 0.0
            widths = [m + (n - m) * t for m, n in zip(least, natural)]
        out = []
        for ri, r in enumerate(rows):
            items, h = [], 0.0
            x = 0.0
            for i, c in enumerate(r):
                lines, _ = break_lines(split_words(text(c), [], ri == 0), self.lay, cell_lang(c), widths[i] - pad,
                                       widths[i] - pad, size)
                for k, ws in enumerate(lines):
                    items.append({'kind': 'line', 'words': ws, 'size': size, 'x': x, 'w': widths[i] - pad,
                                  'justify': False, 'align': 'L', 'dy': k * lead + lead * 0.78, 'label': None,
                                  'lead': lead})
                h = max(h, len(lines) * lead)
                x += widths[i]
            out.append((items, h + size * 0.35))
        return out

    def place_row(self, fl, row, uid):
        """Place a table row in flow fl, on the next page when it does not fit."""
        items, h = row
        col = self.pages[fl.page].cols[fl.col]
        if fl.y + h > self.bottom - col.fnh + 0.01 and not (fl.y <= self.top + 0.01 and not col.items):
            self.goto(fl, fl.page + 1)
            col = self.pages[fl.page].cols[fl.col]
        for it in items:
            it = dict(it, x=self.cx[fl.col] + it['x'], y=fl.y + it.pop('dy'), uid=uid)
            col.items.append(it)
        pages = self.unit_pages.setdefault(uid, {}).setdefault(fl.lang, [])
        if fl.page + 1 not in pages:
            pages.append(fl.page + 1)
        fl.y += h

    def full_table(self, u):
        """A bilingual table across both columns, below where both columns have reached:
        the language cells of a pair in the order of the columns."""
        st = self.st
        self.sync('row')
        rows = []
        for r in u['rows']:
            r = list(r)
            if self.order[0] == 'fr':
                for i in range(len(r) - 1):
                    if isinstance(r[i], dict) and 'nl' in r[i] and isinstance(r[i + 1], dict) and 'fr' in r[i + 1]:
                        r[i], r[i + 1] = r[i + 1], r[i]
            rows.append(r)
        a, b = self.flows['nl'], self.flows['fr']
        x0, w = self.cx[0], self.cx[1] + self.cw[1] - self.cx[0]
        y = a.y + st['para_space'] + st['leading'] * 0.3
        for items, h in self.table_rows(rows, w, self.order[0]):
            page = self.pages[a.page]
            room = self.bottom - max(c.fnh for c in page.cols)
            if y + h > room + 0.01:
                for fl in (a, b):
                    self.goto(fl, fl.page + 1)
                page, y = self.pages[a.page], self.top
            for it in items:
                page.band.append(dict(it, x=x0 + it['x'], y=y + it.pop('dy'), uid=u['id']))
            for fl in (a, b):
                pages = self.unit_pages.setdefault(u['id'], {}).setdefault(fl.lang, [])
                if fl.page + 1 not in pages:
                    pages.append(fl.page + 1)
            y += h
        for fl in (a, b):
            fl.y = y + st['leading'] * 0.3

    def signature(self, fl, tag):
        self.space(fl, self.st['leading'] * 1.5)
        lines = []
        for s in self.src['signatories']:
            name = s['name'] + (f" ({s['party']})" if s.get('party') else '')
            lines += self.para_lines(fl, name, None, align='L')
        self.place_lines(fl, lines, 'signatories')

    def sync(self, mode):
        a, b = self.flows['nl'], self.flows['fr']
        if mode == 'row':
            t = max(self.pos(a), self.pos(b))
            for fl in (a, b):
                if self.pos(fl) < t:
                    if fl.page != t[0]:
                        self.goto(fl, t[0], t[1])
                    else:
                        fl.y = t[1]
        elif mode == 'page':
            t = max(a.page, b.page)
            for fl in (a, b):
                if fl.page < t:
                    self.goto(fl, t)
        elif mode == 'newpage':
            t = max(a.page, b.page) + 1
            if all(fl.y <= self.top + 0.01 for fl in (a, b)) and a.page == b.page:
                return
            for fl in (a, b):
                self.goto(fl, t)

    # -- cover and party table (full width)
    def full_text(self, page, x, y, w, text, size, bold=False, align='L', lang='nl'):
        words = split_words(text, [], bold)
        lines, hy = break_lines(words, self.lay, lang, w, w, size)
        for ws in lines:
            y += size * 1.25
            page.full.append({'kind': 'line', 'words': ws, 'size': size, 'x': x, 'w': w, 'justify': False,
                              'align': align, 'y': y, 'label': None, 'lead': size * 1.25})
        return y

    def cover(self):
        st, src = self.st, self.src
        p = self.pages[self.new_page('cover')]
        front = {u['kind']: u for u in src['units'] if u['section'] == 'front'}
        m = st['margins']
        W = self.W
        x0, wfull = m[3], W - m[1] - m[3]
        sz = st['size'] * 1.15
        y = m[0]
        half = (wfull - 30) / 2
        xs = [x0, x0 + half + 30]
        L = self.order
        # chamber, side by side
        ys = [self.full_text(p, xs[i], y, half, front['chamber'][lang], sz, True, 'L', lang) for i, lang in enumerate(L)]
        y = max(ys) + sz
        y = self.full_text(p, x0, y, wfull, src['number'], sz * 1.6, True, 'C')
        y += sz
        if 'session' in front:
            ys = [self.full_text(p, xs[i], y, half, front['session'][lang], sz, False, 'L', lang) for i, lang in enumerate(L)]
            y = max(ys) + sz
        ys = [self.full_text(p, xs[i], y, half, front['date'][lang], sz, False, 'L', lang) for i, lang in enumerate(L)]
        y = max(ys) + sz * 2
        if st['cover_style'] == 'side':
            for k, bold, scale in (('docType', True, 1.3), ('title', True, 1.1), ('submitters', False, 1.0)):
                ys = [self.full_text(p, xs[i], y, half, front[k][lang], sz * scale, bold, 'L', lang) for i, lang in enumerate(L)]
                y = max(ys) + sz * 1.5
        else:
            for lang in L:
                for k, bold, scale in (('docType', True, 1.3), ('title', True, 1.1), ('submitters', False, 1.0)):
                    y = self.full_text(p, x0, y, wfull, front[k][lang], sz * scale, bold, 'C', lang) + sz * 0.8
                y += sz * 1.5
        self.cover_y = y

    def parties(self, new_page):
        st, src = self.st, self.src
        if new_page or not self.pages:
            p = self.pages[self.new_page('parties')]
            y = self.top
        else:
            p = self.pages[-1]
            y = self.cover_y + st['size'] * 2
        m = st['margins']
        x0 = m[3]
        sz = st['size'] * 0.85
        for row in src['parties']:
            y += sz * 1.3
            for x, t in ((x0, row['abbr']), (x0 + 70, ':'), (x0 + 80, row['name'])):
                p.full.append({'kind': 'line', 'words': [Word([(t, 'r')], self.lay_at(sz))], 'size': sz, 'x': x,
                               'w': 400, 'justify': False, 'align': 'L', 'y': y, 'label': None, 'lead': sz * 1.3})
        y += sz * 2
        wfull = self.W - m[1] - m[3]
        half = (wfull - 20) / 2
        for e in src['legend']:
            ys = []
            for i, lang in enumerate(self.order):
                xb = x0 + i * (half + 20)
                if e.get('code'):
                    p.full.append({'kind': 'line', 'words': [Word([(e['code'], 'b')], self.lay_at(sz))], 'size': sz,
                                   'x': xb, 'w': 80, 'justify': False, 'align': 'L', 'y': y + sz * 1.2,
                                   'label': None, 'lead': sz * 1.2})
                    ys.append(self.full_text(p, xb + 70, y, half - 70, e[lang], sz, False, 'L', lang))
                else:
                    ys.append(self.full_text(p, xb, y, half, e[lang], sz, True, 'L', lang))
            y = max(ys) + sz * 0.5

    def lay_at(self, size):
        self.lay.cur_size = size
        return self.lay

    # -- the whole document
    def run(self):
        st, src = self.st, self.src
        if st['cover']:
            self.cover()
            if st['parties']:
                self.parties(new_page=st['parties_own_page'])
        first_body = len(self.pages)
        self.new_page('body')
        for fl in self.flows.values():
            self.goto(fl, first_body)
        prev_section = None
        sig_after = set(src.get('signature_after', []))
        for u in src['units']:
            if u['section'] == 'front' and st['cover']:
                continue
            if u['section'] != prev_section:
                if u['section'] == 'resolution' and st['resolution_new_page']:
                    self.sync('newpage')
                else:
                    self.sync('row')
                prev_section = u['section']
            elif st['sync'] != 'section':
                self.sync(st['sync'])
            if u.get('span') == 'full':
                self.full_table(u)
                continue
            for lang in ('nl', 'fr'):
                fl = self.flows[lang]
                self.unit_lines(fl, u)
                if u['id'] in sig_after:
                    self.signature(fl, u['id'])
        for fl in self.flows.values():
            while fl.pending:
                self.goto(fl, fl.page + 1)
        self.furniture()
        return self.pages

    def furniture(self):
        st, src = self.st, self.src
        self.furn = []
        n = len(self.pages)
        m = st['margins']
        for i, p in enumerate(self.pages):
            if p.kind == 'cover':
                continue
            pno = str(i + 1)
            sz = st['size'] * 0.85
            y = m[0] + sz
            left, right = m[3], self.W - m[1]
            if st['header'] == 'doc-left':
                items = [(left, src['number'], 'L'), (right, pno, 'R')]
            elif st['header'] == 'alternate':
                items = [(left, pno, 'L'), (right, src['number'], 'R')] if i % 2 else \
                        [(left, src['number'], 'L'), (right, pno, 'R')]
            else:  # 'split': number split in two like the real ones (DOC 56 | 0123/001), page centred
                a, b = src['number'].rsplit(' ', 1)
                items = [(left, a, 'L'), (self.W / 2, pno, 'C'), (right, b, 'R')]
            for x, t, al in items:
                p.full.append(self.furn_item(t, x, y, sz, al))
                self.furn.append({'page': i + 1, 'kind': 'page-number' if t == pno else 'running-header', 'text': t})
            if st['footer'] != 'none' and src.get('session'):
                yb = self.H - m[2] + sz
                for ci, lang in enumerate(self.order):
                    t = ('KAMER' if lang == 'nl' else 'CHAMBRE') + ' • ' + src['session'][lang]
                    x = self.cx[ci]
                    p.full.append(self.furn_item(t, x, yb, sz * 0.9, 'L', spaced=st['footer'] == 'session-spaced'))
                    self.furn.append({'page': i + 1, 'kind': 'running-footer', 'text': t})

    def furn_item(self, t, x, y, sz, al, spaced=False):
        w = Word([(t, 'r')], self.lay_at(sz))
        return {'kind': 'line', 'words': [w], 'size': sz, 'x': x if al == 'L' else (x - w.w if al == 'R' else x - w.w / 2),
                'w': w.w + 1, 'justify': False, 'align': 'L', 'y': y, 'label': None, 'lead': sz,
                'charspace': 1.2 if spaced else 0}


# ---------------------------------------------------------------- drawing

def positions(line, lay, st):
    """x of each word of a line and the space used."""
    fam = st['family']
    size = line['size']
    lay.cur_size = size
    ws = line['words']
    natural = width(' ', font_key(fam, False), size)
    total = sum(w.w for w in ws)
    gap = natural
    x = line['x']
    if line.get('justify') and len(ws) > 1:
        gap = max(natural * 0.6, (line['w'] - total) / (len(ws) - 1))
    elif line.get('align') == 'C':
        x += (line['w'] - total - natural * (len(ws) - 1)) / 2
    xs = []
    for w in ws:
        xs.append(x)
        x += w.w + gap
    return xs, gap


def seg_draws(word, x, lay, st, size):
    """(x, text, fontkey, size, rise) for the segments of a word."""
    out = []
    for t, style in word.segs:
        if isinstance(style, tuple):
            s2 = size * 0.62
            out.append((x, t, font_key(st['family'], False), s2, size * 0.36))
            x += width(t, font_key(st['family'], False), s2)
        else:
            k = font_key(st['family'], style == 'b')
            out.append((x, t, k, size, 0.0))
            x += width(t, k, size)
    return out


def page_items(ts, p, order):
    """Items of a page in drawing order, with absolute coordinates. Footnote lines get their y."""
    st = ts.st
    cols = []
    for ci, col in enumerate(p.cols):
        items = list(col.items)
        if col.fn:
            y = ts.bottom - col.fnh
            rule = {'kind': 'rule', 'x': ts.cx[ci], 'y': y + st['fn_sep'] * 0.45, 'w': ts.cw[ci] * 0.3}
            items.append(rule)
            y += st['fn_sep']
            for l in col.fn:
                it = dict(l)
                it['x'] = ts.cx[ci] + l['x']
                it['label_x'] = -l['x']
                it['y'] = y + l['lead'] * 0.8
                y += l['lead']
                items.append(it)
        cols.append(items)
    if order == 'columns':
        return p.full + cols[0] + p.band + cols[1]
    if order == 'right-first':
        return cols[1] + p.band + cols[0] + p.full
    # 'rows': interleave by y, as some producers do
    allc = cols[0] + cols[1] + p.band
    allc.sort(key=lambda it: (round(it['y'], 1), it['x']))
    return allc + p.full


def draw_reportlab(ts, path):
    from reportlab.pdfgen import canvas
    from reportlab import rl_config
    rl_config.invariant = 1
    st = ts.st
    W, H = ts.W, ts.H
    c = canvas.Canvas(path, pagesize=(W, H), invariant=1, pageCompression=1)
    c.setCreator('chamberdoc typeset engine 1 (reportlab)')
    c.setProducer('reportlab')
    c.setTitle(ts.src['number'])
    for p in ts.pages:
        for it in page_items(ts, p, st['emit_order']):
            if it['kind'] == 'rule':
                c.setLineWidth(0.5); c.line(it['x'], H - it['y'], it['x'] + it['w'], H - it['y'])
                continue
            xs, gap = positions(it, ts.lay, st)
            if it.get('label'):
                lsz = it['size'] * (0.62 if it.get('label_sup') else 1)
                rise = it['size'] * 0.36 if it.get('label_sup') else 0
                k = font_key(st['family'], bool(it.get('label_bold')))
                c.setFont(_rl_font(k), lsz)
                c.drawString(it['x'] + it['label_x'], H - it['y'] + rise, it['label'])
            if it.get('charspace'):
                c.saveState()  # Tc belongs to the graphics state: keep it to this item
            for w, x in zip(it['words'], xs):
                for (sx, t, k, sz, rise) in seg_draws(w, x, ts.lay, st, it['size']):
                    t_ = c.beginText(sx, H - it['y'] + rise)
                    t_.setFont(_rl_font(k), sz)
                    if it.get('charspace'):
                        t_.setCharSpace(it['charspace'])
                    t_.textOut(t)
                    c.drawText(t_)
            if it.get('charspace'):
                c.restoreState()
        c.showPage()
    c.save()


def draw_fpdf(ts, path):
    from fpdf import FPDF
    from fpdf.enums import Align
    from fpdf.line_break import MultiLineBreak
    st = ts.st
    pdf = FPDF(unit='pt', format=(ts.W, ts.H))
    pdf.set_creation_date(EPOCH)
    pdf.set_creator('chamberdoc typeset engine 2 (fpdf2)')
    pdf.set_producer('fpdf2')
    pdf.set_title(ts.src['number'])
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0
    fam = st['family']
    for b in (False, True):
        pdf.add_font(font_key(fam, b), '', os.path.join(FONTDIR, FAMILIES[fam][1 if b else 0]))

    def put(x, y, text, key, size, charspace=0):
        pdf.set_font(key, '', size)
        pdf.set_char_spacing(charspace)
        pdf.text(x, y, text)
        if charspace:
            pdf.set_char_spacing(0)

    for p in ts.pages:
        pdf.add_page()
        for it in page_items(ts, p, st['emit_order']):
            if it['kind'] == 'rule':
                pdf.set_line_width(0.5); pdf.line(it['x'], it['y'], it['x'] + it['w'], it['y'])
                continue
            size = it['size']
            if it.get('label'):
                lsz = size * (0.62 if it.get('label_sup') else 1)
                rise = size * 0.36 if it.get('label_sup') else 0
                put(it['x'] + it['label_x'], it['y'] - rise, it['label'], font_key(fam, bool(it.get('label_bold'))), lsz)
            xs, gap = positions(it, ts.lay, st)
            ws = it['words']
            simple = all(len(w.segs) == 1 and not isinstance(w.segs[0][1], tuple) for w in ws) and \
                len({w.segs[0][1] for w in ws}) == 1 and not it.get('charspace')
            if simple:
                # one TJ array per line, real space glyphs; fpdf2 justifies itself
                key = font_key(fam, ws[0].segs[0][1] == 'b')
                pdf.set_font(key, '', size)
                text = ' '.join(w.segs[0][0] for w in ws)
                frags = pdf._preload_font_styles(text, False)
                tl = MultiLineBreak(frags, 1e9, [0, 0]).get_line()
                if it.get('justify') and len(ws) > 1:
                    wline = xs[-1] + ws[-1].w - xs[0]
                    tl = tl._replace(align=Align.J, max_width=wline)
                    pdf.set_xy(xs[0], it['y'] - size * 0.8)
                    pdf._render_styled_text_line(tl, h=size)
                else:
                    put(xs[0], it['y'], text, key, size)
                continue
            for w, x in zip(ws, xs):
                for (sx, t, k, sz, rise) in seg_draws(w, x, ts.lay, st, size):
                    put(sx, it['y'] - rise, t, k, sz, it.get('charspace', 0))
    pdf.output(path)


# ---------------------------------------------------------------- variants

def draw_settings(rng, engine, forced):
    s = {}
    s['left'] = rng.choice(['nl', 'nl', 'fr'])
    s['family'] = rng.choice(ENGINE_FAMILIES[engine])
    s['size'] = rng.choice([8.5, 9, 9.5, 10, 10.5, 11])
    s['page'] = 'A4' if rng.random() < 0.8 else 'Letter'
    s['margins'] = [round(rng.uniform(40, 70), 1), round(rng.uniform(36, 64), 1),
                    round(rng.uniform(40, 70), 1), round(rng.uniform(36, 64), 1)]
    s['gutter'] = round(rng.uniform(12, 40), 1)
    s['col_ratio'] = 0.5 if rng.random() < 0.6 else round(rng.uniform(0.42, 0.58), 3)
    s['justify'] = rng.random() < 0.75
    s['hyphenate'] = rng.random() < 0.6
    s['break_at_hyphens'] = rng.random() < 0.8
    s['para_sep'] = rng.choice(['space', 'indent'])
    s['label_style'] = rng.choice(['hanging', 'inline'])
    s['heading_scale'] = rng.choice([1.0, 1.1, 1.25])
    s['heading_centre'] = rng.random() < 0.3
    s['formula_bold'] = rng.random() < 0.5
    s['cover'] = True
    s['cover_style'] = rng.choice(['side', 'stacked'])
    s['parties'] = rng.random() < 0.7
    s['parties_own_page'] = rng.random() < 0.7
    s['header'] = rng.choice(['doc-left', 'alternate', 'split'])
    s['footer'] = rng.choice(['none', 'session', 'session-spaced'])
    s['sync'] = rng.choice(['row', 'page', 'section'])
    s['resolution_new_page'] = rng.random() < 0.6
    s['fn_split'] = rng.random() < 0.5
    s['fn_num_sup'] = rng.random() < 0.5
    s['emit_order'] = 'columns' if engine == 1 else rng.choice(['rows', 'right-first'])
    s.update(forced)
    s['leading'] = round(s['size'] * forced.get('leading_factor', rng.uniform(1.15, 1.4)), 2)
    s['fn_size'] = round(s['size'] * 0.8, 2)
    s['fn_sep'] = round(s['size'] * 0.9, 2)
    s['fn_indent'] = round(s['size'] * 1.4, 2)
    s['para_space'] = round(s['leading'] * rng.uniform(0.4, 0.9), 2) if s['para_sep'] == 'space' else round(s['leading'] * 0.25, 2)
    s['first_indent'] = round(s['size'] * rng.uniform(1.2, 2.5), 2)
    s['hang'] = round(s['size'] * rng.uniform(1.6, 2.4), 2)
    s['sub_indent'] = round(s['size'] * rng.uniform(0.0, 1.5), 2)
    s['header_space'] = round(s['size'] * 2.5, 2)
    s['footer_space'] = round(s['size'] * (2.5 if s['footer'] != 'none' else 1.0), 2)
    s.pop('leading_factor', None)
    return s


# name, set, engine, source, seed, forced settings
CORPUS = [
    ('dev-01-seed-nl', 'dev', 1, 'seed-003', 101, {'left': 'nl', 'page': 'A4'}),
    ('dev-02-seed-fr-left', 'dev', 1, 'seed-003', 102, {'left': 'fr', 'justify': True, 'hyphenate': True}),
    ('dev-03-bill-fn-cross', 'dev', 1, 'bill-56K0055001', 117, {'left': 'fr', 'fn_split': True, 'size': 10.5, 'page': 'A4'}),
    ('dev-04-seed-ragged', 'dev', 1, 'seed-003', 104, {'justify': False, 'hyphenate': False, 'break_at_hyphens': False}),
    ('dev-05-seed-narrow', 'dev', 1, 'seed-003', 105, {'size': 9, 'margins': [60, 150, 60, 150], 'gutter': 14, 'hyphenate': True}),
    ('dev-06-seed-nocover', 'dev', 1, 'seed-003', 106, {'cover': False, 'parties': False}),
    ('dev-07-bill-nl', 'dev', 1, 'bill-56K0055001', 107, {'left': 'nl', 'fn_split': False}),
    ('dev-08-seed-letter-unequal', 'dev', 1, 'seed-003', 108, {'page': 'Letter', 'col_ratio': 0.44, 'sync': 'section'}),
    ('dev-09-seed-rows', 'dev', 1, 'seed-003', 109, {'emit_order': 'rows', 'justify': True}),
    ('dev-10-bill-rows-fr-left', 'dev', 1, 'bill-56K0055001', 110, {'emit_order': 'rows', 'left': 'fr'}),
    ('dev-11-seed-rows-narrow', 'dev', 1, 'seed-003', 111, {'emit_order': 'rows', 'size': 8.5, 'margins': [60, 150, 60, 150], 'gutter': 12, 'justify': False}),
    ('dev-12-bill-tables', 'dev', 1, 'bill-56K0055001-tables', 112, {'left': 'nl'}),
    ('dev-13-bill-tables-rows-fr-left', 'dev', 1, 'bill-56K0055001-tables', 113, {'emit_order': 'rows', 'left': 'fr'}),
    ('test-01-seed-nl', 'test', 2, 'seed-003', 301, {'left': 'nl'}),
    ('test-02-seed-fr-left', 'test', 2, 'seed-003', 302, {'left': 'fr'}),
    ('test-03-bill-fn-cross', 'test', 2, 'bill-56K0055001', 305, {'left': 'nl', 'fn_split': True, 'size': 11, 'page': 'Letter'}),
    ('test-04-seed-ragged', 'test', 2, 'seed-003', 304, {'justify': False, 'hyphenate': False, 'break_at_hyphens': False}),
    ('test-05-seed-narrow', 'test', 2, 'seed-003', 309, {'size': 8.5, 'margins': [55, 160, 55, 160], 'gutter': 12, 'hyphenate': True}),
    ('test-06-seed-nocover', 'test', 2, 'seed-003', 306, {'cover': False, 'parties': False, 'left': 'fr'}),
    ('test-07-bill-fr-left', 'test', 2, 'bill-56K0055001', 307, {'left': 'fr', 'fn_split': False}),
    ('test-08-seed-unequal', 'test', 2, 'seed-003', 308, {'col_ratio': 0.56, 'sync': 'page', 'justify': True, 'hyphenate': True}),
    ('test-09-bill-tables', 'test', 2, 'bill-56K0055001-tables', 310, {'left': 'nl'}),
    ('test-10-bill-tables-fr-left', 'test', 2, 'bill-56K0055001-tables', 311, {'left': 'fr'}),
]


def gold_of(src, ts, name, engine):
    def unit(u):
        d = {k: u[k] for k in ('id', 'section', 'kind', 'label', 'value', 'span', 'nl', 'fr') if k in u}
        if u.get('refs'):
            d['notes'] = sorted({r[0] for rs in u['refs'].values() for r in rs})
        d['pages'] = ts.unit_pages.get(u['id'], {})
        if u.get('children'):
            d['children'] = [unit(c) for c in u['children']]
        return d
    st = ts.st
    units = []
    for u in src['units']:
        gu = unit(u)
        if u['section'] == 'front' and st['cover']:
            gu['pages'] = {'nl': [1], 'fr': [1]}
            gu['on_cover'] = True
        units.append(gu)
    return {
        'format': 'chamberdoc-typeset-gold/1', 'name': name, 'source': src['id'], 'engine': engine,
        'type': src['type'], 'number': src['number'],
        'left': st['left'], 'right': ts.order[1], 'pages': len(ts.pages),
        'units': units,
        'footnotes': src.get('footnotes', []),
        'footnote_placement': ts.fn_log,
        'signatories': src['signatories'],
        'parties': src['parties'] if st['cover'] and st['parties'] else [],
        'legend': src['legend'] if st['cover'] and st['parties'] else [],
        'furniture': ts.furn,
        'settings': st,
    }


def load_source(ident):
    with open(os.path.join(HERE, 'sources', ident + '.json'), encoding='utf-8') as f:
        return json.load(f)


def typeset(src, st, engine, path):
    ts = Typesetter(src, st)
    ts.run()
    (draw_reportlab if engine == 1 else draw_fpdf)(ts, path)
    return ts


def write_dumps(pdf):
    """NAME.txt, NAME.layout.txt and NAME.raw.txt beside NAME.pdf: its three pdftotext dumps."""
    stem = pdf[:-len('.pdf')]
    for suffix, opts in (('.txt', []), ('.layout.txt', ['-layout']), ('.raw.txt', ['-raw'])):
        subprocess.run(['pdftotext', *opts, '-enc', 'UTF-8', pdf, stem + suffix], check=True)


def build_corpus(out):
    rows = []
    keys = None
    for name, sset, engine, sid, seed, forced in CORPUS:
        src = load_source(sid)
        rng = random.Random(seed)
        st = draw_settings(rng, engine, forced)
        d = os.path.join(out, sset)
        os.makedirs(d, exist_ok=True)
        pdf = os.path.join(d, name + '.pdf')
        ts = typeset(src, st, engine, pdf)
        write_dumps(pdf)
        with open(os.path.join(d, name + '.gold.json'), 'w', encoding='utf-8') as f:
            json.dump(gold_of(src, ts, name, engine), f, ensure_ascii=False, indent=1)
            f.write('\n')
        keys = keys or sorted(st)
        rows.append((sset, [name, str(engine), sid, str(seed), str(len(ts.pages))] + [json.dumps(st[k], ensure_ascii=False) for k in keys]))
        print(f'{sset}/{name}.pdf: {len(ts.pages)} pages, {os.path.getsize(pdf)} bytes', file=sys.stderr)
    for sset in ('dev', 'test'):
        with open(os.path.join(out, sset, 'MANIFEST.tsv'), 'w', encoding='utf-8') as f:
            f.write('\t'.join(['name', 'engine', 'source', 'seed', 'pages'] + keys) + '\n')
            for s, r in rows:
                if s == sset:
                    f.write('\t'.join(r) + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    c = sub.add_parser('corpus')
    c.add_argument('--out', default=os.path.join(ROOT, 'Tests/ChamberDocTests/Fixtures/typeset'))
    o = sub.add_parser('one')
    o.add_argument('source'); o.add_argument('pdf')
    o.add_argument('--engine', type=int, default=1); o.add_argument('--seed', type=int, default=1)
    o.add_argument('--set', action='append', default=[], help='key=JSON value')
    a = ap.parse_args()
    if a.cmd == 'corpus':
        build_corpus(a.out)
    else:
        with open(a.source, encoding='utf-8') as f:
            src = json.load(f)
        forced = {}
        for kv in a.set:
            k, v = kv.split('=', 1)
            forced[k] = json.loads(v)
        st = draw_settings(random.Random(a.seed), a.engine, forced)
        ts = typeset(src, st, a.engine, a.pdf)
        print(json.dumps(st), file=sys.stderr)


if __name__ == '__main__':
    main()
