import ChamberModel

/// Reads `pdftotext -layout` output: every line holds the left column, a gutter of spaces
/// and the right column. The gutter is found per page from the text itself (the band of
/// character positions that no line of the page writes into), since it moves from page to
/// page and a column line may be empty. Running headers and footers are the first and last
/// lines of a page that recur on most pages (digits aside) or are bare page numbers.
struct SideBySideReader: LayoutReader {
    let joiner: LineJoiner

    /// A line cut at the gutter; a line that crosses the gutter stays whole.
    private enum Row {
        case split(left: Substring, right: Substring, number: Int)
        case whole(Substring, number: Int)

        /// What this row gives the column on one side holding `language`.
        func text(left: Bool, language: Language) -> BilingualTables.Line {
            switch self {
            case .split(let l, let r, let number): return (left ? l : r, number)
            case .whole(let text, let number):
                let reads: Language = LanguageEvidence.score(text) >= 0 ? .nl : .fr
                return (reads == language ? text : "", number)
            }
        }
    }

    func read(_ lines: [SourceLine]) -> LayoutReading {
        var reading = LayoutReading()
        let pages: [[SourceLine]]
        (pages, reading.furniture) = removeFurniture(splitPages(lines))
        // A table printed across both columns for both languages cuts its page in two: the
        // text above it and the text below it are read as pages of their own.
        let parts = pages.flatMap(tableParts)
        let split = parts.map { part in
            guard case .text(let lines) = part else { return nil as [Row]? }
            return Self.columns(lines)
        }
        // Each page says which language sits on its left; a page with little text to go by
        // follows the document as a whole.
        let leaning = split.map { Self.leaning($0 ?? []) }
        let documentLeft: Language = leaning.reduce(0, +) >= 0 ? .nl : .fr
        func leftLanguage(_ leaning: Double) -> Language { abs(leaning) < 10 ? documentLeft : leaning > 0 ? .nl : .fr }
        var fragments: [ColumnFragment] = []
        for (index, (part, gutter)) in zip(parts, split).enumerated() {
            guard case .text(let whole) = part else {
                if case .table(let table) = part { fragments += table }
                continue
            }
            let number = whole.first?.page ?? 1
            var (page, rows, left) = (whole, gutter, leftLanguage(leaning[index]))
            // The legend of publications sets four columns (code, Dutch, code, French), whose
            // widest gap may be the one after the second code: it is read from whole lines,
            // and the page's other lines then find their own gutter.
            if rows != nil, BilingualTables.legendStart(page.map { ($0.text, $0.number) }) != nil {
                let tables = BilingualTables.find(in: page.map { ($0.text, $0.number) }, joiner: joiner)
                reading.tables.add(tables)
                page = page.filter { !tables.used.contains($0.number) }
                rows = Self.columns(page)
                left = leftLanguage(Self.leaning(rows ?? []))
            }
            if let rows {
                fragments += columnFragments(rows, left: left, page: number, tables: &reading.tables)
                continue
            }
            // No gutter through the page (a cover): the party table from whole lines, since its
            // column of colons would pass for a gutter; then bands of lines with a gutter of
            // their own (the chamber's name and the date in two columns), each read as two
            // columns, and full-width lines between them (a centred title), each line split
            // by language like raw text.
            let tables = BilingualTables.find(in: page.map { ($0.text, $0.number) }, joiner: joiner)
            reading.tables.add(tables)
            for band in Self.bands(page.filter { !tables.used.contains($0.number) }) {
                if let rows = band.rows {
                    fragments += columnFragments(rows, left: leftLanguage(Self.leaning(rows)), page: number, tables: &reading.tables)
                } else {
                    let lines = band.lines.filter { !$0.isBlank }.map { ColumnLine($0, text: $0.text.trimmed, end: .endsBlock) }
                    fragments += FragmentSplitter.fragments(lines.map { [$0] }, switchCost: 6)
                }
            }
        }
        reading.fragments = fragments.filter { !$0.lines.isEmpty }
        return reading
    }

    /// A page's text, or a table of it printed across both columns for both languages, as
    /// one fragment per language.
    private enum PagePart {
        case text([SourceLine])
        case table([ColumnFragment])
    }

    /// A page cut at its tables printed across both columns (`BilingualGrid`): cells are
    /// what two spaces or more set apart, and a blank row ends a table.
    private func tableParts(_ page: [SourceLine]) -> [PagePart] {
        let lineCells = page.map { Self.cells($0.text) }
        let width = page.map { $0.text.unicodeScalars.count }.max() ?? 0
        // `-layout` may set two cells one space apart (`… (cijfers 2017) Woluwe-Saint-Pierre`):
        // a line with a wide cell is a row while three of its cells are narrow.
        let runs = BilingualGrid.runs(lineCells.map { cells in
            let narrow = cells.filter { $0.text.unicodeScalars.count * 3 < width }.count
            let endsTables = cells.isEmpty || narrow < cells.count && narrow < 3 || cells.contains { BilingualGrid.isProse($0.text) }
            return BilingualGrid.LineShape(cells: cells.count, endsTables: endsTables, apart: false)
        })
        guard !runs.isEmpty else { return [.text(page)] }
        // The gutter of the text around the runs tells a table across both columns from two
        // tables side by side, one in each.
        var inRun = [Bool](repeating: false, count: page.count)
        for run in runs { for index in run { inRun[index] = true } }
        var occupied: [Int] = []
        for (index, line) in page.enumerated() where !inRun[index] { Self.mark(line, in: &occupied) }
        let gutter = Self.widestEmptyBand(occupied, tolerance: 0).map { Double($0.lowerBound)...Double($0.upperBound) }
        var parts: [PagePart] = []
        var start = 0
        for run in runs {
            let cells = run.map { index in
                lineCells[index].map { cell in
                    BilingualGrid.Cell(line: ColumnLine(page[index], text: cell.text, end: .endsParagraph), start: Double(cell.start))
                }
            }
            let starts = BilingualGrid.columnStarts(cells, tolerance: 1)
            let rows = cells.map { $0.flatMap { Self.cut($0, at: starts) } }
            guard let table = BilingualGrid.split(rows, tolerance: 1, gutter: gutter, joiner: joiner) else { continue }
            if start < run.lowerBound { parts.append(.text(Array(page[start..<run.lowerBound]))) }
            parts.append(.table(table))
            start = run.upperBound
        }
        if start < page.count { parts.append(.text(Array(page[start...]))) }
        return parts
    }

    /// A line's cells: its runs of text that two spaces or more set apart, each starting at
    /// its character position.
    private static func cells(_ text: Substring) -> [(text: Substring, start: Int)] {
        // On the bytes; a position counts scalars, as `columns` does.
        let bytes = text.utf8
        var cells: [(text: Substring, start: Int)] = []
        var position = 0, spaces = 0
        var cellStart: (index: Substring.Index, position: Int)? = nil
        var end = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            // A continuation byte belongs to the scalar before it, no space.
            guard byte & 0xC0 != 0x80 else {
                end = bytes.index(after: index)
                continue
            }
            if byte == 0x20 {
                spaces += 1
                if spaces == 2, let start = cellStart {
                    cells.append((text[start.index..<end], start.position))
                    cellStart = nil
                }
            } else {
                if cellStart == nil { cellStart = (index, position) }
                spaces = 0
            }
            position += 1
            if byte != 0x20 { end = bytes.index(after: index) }
        }
        if let start = cellStart { cells.append((text[start.index..<end], start.position)) }
        return cells
    }

    /// The rows of a table in one column (each language's own table, printed in its column):
    /// three lines or more in a row, each of two cells or more that start where the first
    /// row's do, most with a figure cell (not a list's label: `3.1.`). Their rows are not one
    /// paragraph.
    private static func tableRows(_ column: [BilingualTables.Line]) -> Set<Int> {
        let lineCells = column.map { Self.cells($0.text) }
        var rows: Set<Int> = []
        var start = 0
        while start < column.count {
            let starts = lineCells[start].map(\.start)
            var end = start
            while end < column.count, lineCells[end].count >= 2, lineCells[end].count == starts.count,
                  zip(lineCells[end], starts).allSatisfy({ abs($0.start - $1) <= 1 }) { end += 1 }
            let figures = lineCells[start..<end].filter { row in row.contains { BilingualGrid.isFigure($0.text) } }
            if end - start >= 3, figures.count * 2 > end - start { rows.formUnion(start..<end) }
            start = max(end, start + 1)
        }
        return rows
    }

    /// A cell cut where a column of its table starts at a space of it: two cells that
    /// `-layout` set one space apart.
    private static func cut(_ cell: BilingualGrid.Cell, at starts: [Double]) -> [BilingualGrid.Cell] {
        let line = cell.lines[0], text = line.text
        var position = cell.start
        for index in text.unicodeScalars.indices {
            defer { position += 1 }
            guard position > cell.start, text.unicodeScalars[index] == " ", starts.contains(where: { abs($0 - position - 1) <= 1 }) else { continue }
            var head = line, tail = line
            head.text = text[..<index]
            tail.text = text[text.unicodeScalars.index(after: index)...]
            return [BilingualGrid.Cell(line: head, start: cell.start)] + cut(BilingualGrid.Cell(line: tail, start: position + 1), at: starts)
        }
        return [cell]
    }

    /// How much more Dutch the left column reads than the right one.
    private static func leaning(_ rows: [Row]) -> Double {
        rows.reduce(0.0) { total, row in
            guard case .split(let left, let right, _) = row else { return total }
            return total + LanguageEvidence.score(left) - LanguageEvidence.score(right)
        }
    }

    /// The two column fragments of rows cut at a gutter, after the tables each column holds.
    private func columnFragments(_ rows: [Row], left: Language, page: Int, tables: inout BilingualTables.Found) -> [ColumnFragment] {
        [(true, left), (false, left.other)].map { isLeft, language in
            var column = rows.map { $0.text(left: isLeft, language: language) }
            let found = BilingualTables.find(in: column, joiner: joiner)
            tables.add(found)
            column = column.map { found.used.contains($0.number) ? ("", $0.number) : $0 }
            return ColumnFragment(language: language, lines: Self.columnLines(column, page: page))
        }
    }

    /// A page without a gutter, cut into runs of lines: a band is a run of lines without a
    /// blank one that has a gutter of its own, which no line crosses, with text on both sides
    /// of it (`rows`); a line that is not in one stands alone.
    private static func bands(_ page: [SourceLine]) -> [(lines: [SourceLine], rows: [Row]?)] {
        func twoSided(_ rows: [Row]) -> Bool {
            rows.contains { row in
                guard case .split(let left, let right, _) = row else { return false }
                return !left.trimmed.isEmpty && !right.trimmed.isEmpty
            }
        }
        var result: [(lines: [SourceLine], rows: [Row]?)] = []
        var start = 0
        while start < page.count {
            guard !page[start].isBlank, let first = columns([page[start]], crossing: false), twoSided(first) else {
                result.append(([page[start]], nil))
                start += 1
                continue
            }
            // Grown a line at a time on its positions, so that a long band costs its length.
            var occupied: [Int] = []
            mark(page[start], in: &occupied)
            var end = start + 1
            while end < page.count, !page[end].isBlank {
                var longer = occupied
                mark(page[end], in: &longer)
                guard longer.count >= 20, widestEmptyBand(longer, tolerance: 0) != nil else { break }
                occupied = longer
                end += 1
            }
            let lines = Array(page[start..<end])
            result.append((lines, columns(lines, crossing: false) ?? first))
            start = end
        }
        return result
    }

    private func splitPages(_ lines: [SourceLine]) -> [[SourceLine]] {
        var pages: [[SourceLine]] = [[]]
        for line in lines {
            if line.startsPage { pages.append([]) }
            pages[pages.count - 1].append(line)
        }
        return pages.filter { page in page.contains { !$0.isBlank } }
    }

    /// Drops the running headers and footers: up to three lines at the top and at the
    /// bottom of each page that are page numbers or recur (digits aside) on most pages.
    private func removeFurniture(_ pages: [[SourceLine]]) -> (pages: [[SourceLine]], removed: [Furniture]) {
        func shape(_ text: Substring) -> String { String(PageFurniture.shape(text.trimmed)) }
        /// What a line recurs as: its shape, and, for a header that carries its page's number
        /// at the start on even pages and at the end on odd ones (`2 … DOC 56 0055/001`,
        /// `DOC 56 0055/001 … 3`), the shape of the header without it; a cover's
        /// `DOC 56 0055/001`, which carries none, is no such header.
        enum Recurring: Hashable {
            case line(String)
            case numberedHeader(String)
        }
        func forms(_ line: SourceLine) -> [Recurring] {
            let whole = Recurring.line(shape(line.text))
            guard let (header, _) = PageFurniture.withoutPageNumber(line.text.trimmed, line.page) else { return [whole] }
            return [whole, .numberedHeader(shape(header))]
        }
        func edges(_ page: [SourceLine]) -> [SourceLine] {
            let text = page.filter { !$0.isBlank }
            return Array(text.prefix(3)) + Array(text.suffix(3))
        }
        var counts: [Recurring: Int] = [:]
        for page in pages {
            for form in Set(edges(page).flatMap(forms)) { counts[form, default: 0] += 1 }
        }
        // Headers alternate between odd and even pages: each form is on about half of them.
        // A three-page document's header carries its number on the two pages after the
        // cover, which has none (`DOC 56 1187/001 … 2`): all pages but one will do for it, and
        // two pages (both of a two-page document).
        let threshold = max(3, pages.count / 3), numberedThreshold = max(2, min(threshold, pages.count - 1))
        func isFurniture(_ line: SourceLine) -> Bool {
            PageFurniture.isPageNumber(line.text) || forms(line).contains { form in
                if case .numberedHeader = form { return (counts[form] ?? 0) >= numberedThreshold }
                return (counts[form] ?? 0) >= threshold
            }
        }
        var removed: [Furniture] = []
        let kept = pages.map { page in
            var page = page
            for fromEnd in [false, true] {
                for _ in 0..<3 {
                    guard let index = fromEnd ? page.lastIndex(where: { !$0.isBlank }) : page.firstIndex(where: { !$0.isBlank }),
                          isFurniture(page[index]) else { break }
                    let line = page[index]
                    let kind: Furniture.Kind = PageFurniture.isPageNumber(line.text) ? .pageNumber : .runningHeader
                    removed.append(Furniture(kind, line: line))
                    page.remove(at: index)
                }
            }
            return page
        }
        return (kept, removed)
    }

    /// The page's lines cut at its gutter, or nil when no gutter runs through the page.
    /// A line that crosses the gutter (a full-width heading or table row) goes whole to the
    /// side whose language it reads as; `crossing: false` allows none.
    private static func columns(_ page: [SourceLine], crossing: Bool = true) -> [Row]? {
        // Positions count scalars, one per printed character, on the UTF-8 bytes: every
        // byte but a continuation byte (10xxxxxx) starts one.
        func starts(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
        var occupied: [Int] = []
        for line in page { mark(line, in: &occupied) }
        guard occupied.count >= 20 else { return nil }
        let textLines = page.filter { !$0.isBlank }.count
        guard let gutter = widestEmptyBand(occupied, tolerance: 0) ?? (crossing ? widestEmptyBand(occupied, tolerance: max(1, textLines / 25)) : nil)
        else { return nil }
        return page.map { line in
            let bytes = line.text.utf8
            var left = bytes.endIndex, right = bytes.endIndex
            var position = 0, index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                if starts(byte) {
                    if position == gutter.lowerBound { left = index }
                    if position == gutter.upperBound { right = index }
                    if gutter.contains(position) && byte != 0x20 { return .whole(line.text, number: line.number) }
                    position += 1
                }
                index = bytes.index(after: index)
            }
            return .split(left: line.text[..<left], right: line.text[right...], number: line.number)
        }
    }

    /// Counts, per character position (a scalar), the lines that write into it: `occupied`
    /// grows to the longest line's width.
    private static func mark(_ line: SourceLine, in occupied: inout [Int]) {
        var position = 0
        for byte in line.text.utf8 where byte & 0xC0 != 0x80 {
            if position == occupied.count { occupied.append(0) }
            if byte != 0x20 { occupied[position] += 1 }
            position += 1
        }
    }

    /// The widest band of at least two positions that starts in the middle half of the page
    /// and that at most `tolerance` lines write into.
    private static func widestEmptyBand(_ occupied: [Int], tolerance: Int) -> Range<Int>? {
        let width = occupied.count
        var best: Range<Int>? = nil
        var start: Int? = nil
        var c = width / 4
        // A band may end past the middle half (the date's two cells, far apart on one line),
        // but not at the lines' end: the space right of short lines is no gutter.
        while c < width && (c <= 3 * width / 4 || start != nil) {
            if occupied[c] <= tolerance {
                if start == nil { start = c }
            } else if let s = start {
                if c - s >= 2, c - s > (best?.count ?? 0) { best = s..<c }
                start = nil
            }
            c += 1
        }
        return best
    }

    /// A column's rows as lines: a date or a document number alone is a paragraph of its own
    /// (`PageCut.standsAlone`) and a blank row ends a block; without one, a line that closes a
    /// sentence well short of the column width seems to end its paragraph (a guess, which the
    /// align stage undoes where the other language has one paragraph: a justified line of long
    /// words is short in characters), and so does a lettered list item's line that closes its
    /// sentence with a full stop before a capital; a change to or from capitals ends it (not
    /// after an article or a preposition: `bijdrage aan` / `MAOC-N;`), and so do a whole
    /// heading or salutation (`TOELICHTING`, `VOORSTEL VAN` / `RESOLUTIE`, before `Dames en
    /// Heren,`), a short line ending with a comma (a salutation), a short line without closing
    /// punctuation before a capital (a heading, unless it ends on an article, a preposition or
    /// a conjunction; a paragraph's first line under four fifths of the column is short when
    /// the next line's first word would have fitted on it), and a line before a first-line
    /// indent: a line more indented than this one, or, after a centred heading (whose own
    /// indent is deeper), than the line after it; unless a label's hanging indent explains the
    /// step. The Chamber's centred name goes on whatever its indent.
    private static func columnLines(_ column: [BilingualTables.Line], page: Int) -> [ColumnLine] {
        let width = column.map { $0.text.trimmed.unicodeScalars.count }.max() ?? 0
        func indent(_ text: Substring) -> Int { text.prefix { $0 == " " }.count }
        func row(_ index: Int) -> Substring { index < column.count ? column[index].text : "" }
        // Rows of the other column may fall between this one's (a different leading): a blank
        // row inside running text (after a line that goes on, before one in lower case) shows
        // it, and then a blank row after a line that closes a sentence, before a capital, is
        // only a guessed end (`… in onze Defensie.` / `Getuigenissen …`).
        let blankInsideText = column.indices.dropFirst().dropLast().contains { i in
            column[i].text.trimmed.isEmpty && LanguageBoundary.goesOn(column[i - 1].text.trimmed)
                && column[i + 1].text.trimmed.first?.isLowercase == true
        }
        let tableRows = Self.tableRows(column)
        var result: [ColumnLine] = []
        var heading = ""    // the lines in capitals that go on into this one
        var paragraph: [Substring] = []    // the lines that go on into this one
        for (index, current) in column.enumerated() {
            let text = current.text.trimmed
            guard !text.isEmpty else { continue }
            let nextRow = row(index + 1), afterNext = row(index + 2)
            let next = nextRow.trimmed
            let capitals = ColumnAssembler.isCapitals(String(text))
            let endsOnFunctionWord = Lexicon.leavesTextOpen.contains(text.lastWord.lowercased())
            var end = LineEnd.continues
            // A date alone (the date above the signatures) is a unit of its own, and so is a
            // cover's document number; a table's row, and the line above its first, end theirs.
            if PageCut.standsAlone(next, after: String(text)) || PageCut.standsAlone(text, after: result.last.map { String($0.text) })
                || tableRows.contains(index) || tableRows.contains(index + 1) {
                end = .endsParagraph
            } else if LineHyphen.endsWord(text), next.first?.isLetter == true {
                // A word cut at the line end goes on in the next line, capitals or not (`BELGISCHE
                // KAMER VAN VOLKS‐` / `VERTEGENWOORDIGERS`).
                end = .continues
            } else if paragraph.count < 4, text.utf8.count < 60, Lexicon.goesOnWithChamberName(paragraph + [text], next: next) {
                // The Chamber's name, centred, goes on in its next line whatever its indent
                // (`CHAMBRE DES REPRÉSENTANTS` / `DE BELGIQUE`).
                end = .continues
            } else if paragraph.count < 4, Lexicon.isChamberName(paragraph + [text]) {
                // And ends there (`CHAMBRE DES REPRÉSENTANTS DE` / `BELGIQUE` / `SESSION …`).
                end = .endsBlock
            } else if next.isEmpty, blankInsideText, PageCut.closesSentence(text), afterNext.trimmed.first?.isUppercase == true {
                end = .mayEndParagraph
            } else if next.isEmpty || next.opensBlock {
                end = .endsBlock
            } else if capitals != ColumnAssembler.isCapitals(String(next)) && !endsOnFunctionWord
                        || Lexicon.isWholeHeading(heading + text) || Lexicon.isWholeHeading(next) {
                end = .endsBlock
            } else if text.last == ",", text.unicodeScalars.count * 2 < width, next.first?.isUppercase == true {
                end = .endsBlock
            } else if PageCut.opensAmendment(after: text, next: next) {
                end = .endsBlock
            } else if Self.mayBeHeading(text, before: next, after: paragraph.last), text.unicodeScalars.count * 10 < width * 6
                        || paragraph.isEmpty && text.unicodeScalars.count * 10 < width * 8
                            && Self.leavesRoom(text, for: next, width: width) {
                // A paragraph's first line (after a blank row, or a heading: `Globaal beeld`) that
                // left room for the next line's first word and stops well short of the column is
                // a whole heading too (`Schorsingen door de vicegouverneur` / `Totalen 2023. …`);
                // characters of proportional type measure a full line only roughly.
                end = .endsBlock
            } else if PageCut.closesSentence(text), next.first?.isUppercase == true, Self.mayBeHeading(next, before: afterNext.trimmed),
                      next.unicodeScalars.count * 10 < width * 6 {
                // A sentence closed before a heading (`… pour y parvenir.` / `Proposition` / `Par
                // la présente …`), in a ragged column that set the line as long as any.
                end = .endsBlock
            } else if endsOnFunctionWord {
                // Nor does an indent end a text on an article or a preposition (a centred title's
                // `CHAMBRE DES REPRÉSENTANTS DE` / `BELGIQUE`).
            } else if indent(nextRow) >= indent(current.text) + 2, !text.opensBlock {
                end = .endsBlock
            } else if !afterNext.trimmed.isEmpty, !afterNext.trimmed.opensBlock, !text.opensBlock,
                      indent(current.text) > indent(nextRow), indent(nextRow) >= indent(afterNext) + 2 {
                end = .endsBlock
            } else if text.last == ".", next.first?.isUppercase == true, Labels.leading(paragraph.first ?? text)?.form == .lowerLetter,
                      Self.endsSentence(text, before: next) {
                // A list item's sentence closed before a capital: the item ends there (the
                // last item, before the text goes on: `b) … wordt gegarandeerd.` / `Daarom …`);
                // not at an abbreviation or an initial (`M.` / `Francken`). Only a lettered
                // item: a consideration or a request of two sentences would be cut in both
                // languages alike, which no stage mends.
                end = .mayEndParagraph
            } else if let last = text.last, ".:;!?".contains(last), text.unicodeScalars.count * 100 < width * 80, next.first?.isUppercase == true {
                // Only a guess, where nothing surer spoke (capitals, an indent).
                end = .mayEndParagraph
            }
            result.append(ColumnLine(text: text, number: current.number, page: page, end: end))
            // Only a name's first few lines are asked about.
            if end != .continues { paragraph = [] } else if paragraph.count < 4 { paragraph.append(text) }
            // A heading set on two lines (`VOORSTEL VAN` / `RESOLUTIE`) is whole at its second.
            heading = capitals && end == .continues && heading.utf8.count < 40 ? heading + text + " " : ""
        }
        return result
    }

    /// Whether a line's last sentence ends with it, before the next line's first word: its
    /// closing mark is no abbreviation's or initial's (`Sentences`).
    private static func endsSentence(_ text: Substring, before next: Substring) -> Bool {
        let word = next.prefix { $0 != " " }
        let probe = String(text) + " " + word
        return Sentences.ranges(in: probe).last?.lowerBound == probe.utf8.count - word.utf8.count
    }

    /// Whether a line may be a heading of its own, as its words go (its length is for the
    /// caller): not in capitals, open (no closing mark, not ending on an article or a
    /// preposition), before a capital (`Globaal beeld` / `Schorsingen …`). The end of a word
    /// cut at the line before is no article (`A. Vragen en opmerkingen van de le-` / `den`).
    private static func mayBeHeading(_ text: Substring, before next: Substring, after previous: Substring? = nil) -> Bool {
        guard let last = text.last, last.isLetter || last.isNumber, next.first?.isUppercase == true else { return false }
        let endsCutWord = previous.map(LineHyphen.endsWord) == true && !text.contains(" ")
        return !ColumnAssembler.isCapitals(String(text)) && (endsCutWord || !Lexicon.leavesTextOpen.contains(text.lastWord.lowercased()))
    }

    /// Whether the next line's first word would have fitted at the end of this one, in a
    /// column `width` characters wide.
    private static func leavesRoom(_ text: Substring, for next: Substring, width: Int) -> Bool {
        text.unicodeScalars.count + 1 + next.prefix { $0 != " " }.unicodeScalars.count < width
    }
}
