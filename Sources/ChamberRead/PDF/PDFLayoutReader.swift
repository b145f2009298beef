import ChamberModel

/// Reads a PDF from its words' geometry: lines from the words' baselines; per page the
/// gutter from the x-distribution of the words (a page with none, such as the cover, is
/// read as full-width lines); each column's language from its text, never from its side;
/// paragraph ends from line pitch, indentation, line length and weight; running headers,
/// footers and page numbers from their place at a page's edge and their repetition;
/// footnotes from their smaller font at the foot of a column.
struct PDFLayoutReader {
    let pages: [PDFPage]
    /// Each page's lines, made once for the vocabulary and the reading.
    let pageLines: [[Line]]

    init(pages: [PDFPage]) {
        self.pages = pages
        pageLines = pages.map { Self.lines($0.words, page: $0.number) }
    }

    /// One printed line (or, on a page with a gutter, one column's part of it).
    /// Words of one line, with what the reading asks of them, worked out once.
    struct Line {
        let words: [PDFWord]
        let page: Int
        let box: PageBox
        /// The words, a shaping engine's hyphen that ends the line made soft (`LineHyphen`).
        let text: String
        let fontSize: Double
        var bold: Bool { words.allSatisfy(\.bold) }

        /// `words` must not be empty.
        init(words: [PDFWord], page: Int) {
            self.words = words
            self.page = page
            box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
            text = String(LineHyphen.markingSoftHyphens(Substring(words.map(\.text).joined(separator: " "))))
            fontSize = words.map(\.fontSize).max() ?? 0
        }
    }

    /// Every line's text, for the vocabulary that undoes line-end hyphens.
    var lineTexts: [Substring] { pageLines.joined().map { Substring($0.text) } }

    func read(joiner: LineJoiner) -> LayoutReading {
        var reading = LayoutReading()
        // Gaps and indents do not show every paragraph end (rows set close together): where a
        // line closes a sentence before a capital, the align stage may still cut where the
        // other language has two paragraphs (`SoftBreak`).
        reading.marksParagraphEnds = false
        let bodySize = Self.median(pages.flatMap { $0.words.map(\.fontSize) })
        let furniture = Self.furnitureLines(pageLines, pages: pages, bodySize: bodySize)
        for (page, lines) in zip(pages, pageLines) {
            var kept: [Line] = []
            for (index, line) in lines.enumerated() {
                if furniture.contains(FurnitureKey(page: page.number, index: index)) {
                    let kind: Furniture.Kind = PageFurniture.isPageNumber(Substring(line.text)) ? .pageNumber : .runningHeader
                    reading.furniture.append(Furniture(kind: kind, text: line.text, span: SourceSpan(lines: SourceLines(), page: page.number, box: line.box)))
                } else {
                    kept.append(line)
                }
            }
            reading.fragments += pageFragments(kept, page: page, bodySize: bodySize, joiner: joiner, tables: &reading.tables)
        }
        return reading
    }

    // MARK: Lines

    /// Words grouped into lines: a word whose vertical middle falls within the current
    /// line's height joins it; lines in top-to-bottom order, words left to right.
    static func lines(_ words: [PDFWord], page: Int) -> [Line] {
        let sorted = words.sorted { ($0.box.y0 + $0.box.y1, $0.box.x0) < ($1.box.y0 + $1.box.y1, $1.box.x0) }
        var lines: [[PDFWord]] = []
        var top = 0.0, bottom = 0.0
        for word in sorted {
            let middle = (word.box.y0 + word.box.y1) / 2
            if !lines.isEmpty, middle >= top, middle <= bottom {
                lines[lines.count - 1].append(word)
            } else {
                lines.append([word])
                top = word.box.y0
                bottom = word.box.y1
            }
        }
        return lines.map { Line(words: $0.sorted { $0.box.x0 < $1.box.x0 }, page: page) }
    }

    // MARK: Columns

    /// The widest band of x, in the middle half of the text's width, that no word of the
    /// page's lines covers (or, when `tolerant`, only a few lines: a full-width heading); nil
    /// when there is none `minimum` points wide. The middle of the text, not of the page:
    /// narrow columns leave a wider empty band beside them than between them.
    static func gutter<Lines: Collection<Line>>(_ lines: Lines, width: Double, minimum: Double = 6,
                                                tolerant: Bool = true) -> ClosedRange<Double>? {
        // A page of at most 200 inches: a damaged PDF may give any size.
        let bins = Int(min(max(width, 0), 14_400).rounded(.up)) + 1
        var covered = [Int](repeating: 0, count: bins)
        var left = bins, right = 0
        for line in lines {
            for (index, word) in line.words.enumerated() {
                var end = word.box.x1
                // A word space (under half an em) covers the gap to the next word: a centred
                // line in a large font (`DOC 56 0123/001`) leaves no gutter between its words.
                if index + 1 < line.words.count, case let next = line.words[index + 1],
                   next.box.x0 - end < 0.5 * min(word.fontSize, next.fontSize) {
                    end = max(end, next.box.x0)
                }
                let from = max(0, Int(word.box.x0)), to = min(bins - 1, Int(end))
                if from <= to { for x in from...to { covered[x] += 1 } }
                left = min(left, from)
                right = max(right, to)
            }
        }
        guard right > left else { return nil }
        let quarter = (right - left) / 4
        for tolerance in tolerant ? [0, max(1, lines.count / 25)] : [0] {
            var best: ClosedRange<Int>? = nil
            var start: Int? = nil
            for x in (left + quarter)...(right - quarter + 1) {
                if x < bins, covered[x] <= tolerance {
                    if start == nil { start = x }
                } else if let s = start {
                    if Double(x - s) >= minimum, x - s > (best.map { $0.count } ?? 0) { best = s...(x - 1) }
                    start = nil
                }
            }
            if let best { return Double(best.lowerBound)...Double(best.upperBound) }
        }
        return nil
    }

    /// A page without one gutter (a cover) cut into bands from top to bottom: runs of lines
    /// that share a gutter of their own (the chamber's name and the date in two columns, the
    /// two halves of the legend), and full-width lines (a centred title, the party table)
    /// between them. A band's gutter is wider than an em of the body text, wider than any
    /// space between words, so that the gaps of a table's columns (`N-VA  :  Nieuw-Vlaamse
    /// Alliantie`) do not cut it.
    static func bands(_ lines: [Line], width: Double, bodySize: Double) -> [(lines: ArraySlice<Line>, gutter: ClosedRange<Double>?)] {
        var bands: [(lines: ArraySlice<Line>, gutter: ClosedRange<Double>?)] = []
        let minimum = max(6, bodySize)
        var start = lines.startIndex
        while start < lines.endIndex {
            var end = start + 1
            guard var gutter = gutter(lines[start..<end], width: width, minimum: minimum, tolerant: false),
                  lines[start].words.count > 1 else {
                if let last = bands.last, last.gutter == nil {
                    bands[bands.count - 1].lines = lines[last.lines.startIndex..<end]
                } else {
                    bands.append((lines[start..<end], nil))
                }
                start = end
                continue
            }
            // A line joins the band while no part of it starts left of where the band's
            // columns start (an em of play; set in, as a table's wrapped cell, is fine): a
            // centred line under a two-column row leaves a gap beside it too, but starts
            // inside the left column's text or across the gutter.
            func starts(_ line: Line, _ gutter: ClosedRange<Double>) -> (left: Double?, right: Double?) {
                (line.words.filter { $0.box.x1 <= gutter.lowerBound }.map(\.box.x0).min(),
                 line.words.filter { $0.box.x0 >= gutter.upperBound }.map(\.box.x0).min())
            }
            let columns = starts(lines[start], gutter)
            func aligned(_ x: Double?, _ column: Double?) -> Bool {
                guard let x else { return true }
                return column.map { x >= $0 - max(bodySize, 1) } ?? false
            }
            while end < lines.endIndex, let next = Self.gutter(lines[start...end], width: width, minimum: minimum, tolerant: false),
                  case let line = starts(lines[end], next), aligned(line.left, columns.left), aligned(line.right, columns.right) {
                gutter = next
                end += 1
            }
            bands.append((lines[start..<end], gutter))
            start = end
        }
        return bands
    }

    /// The page's fragments in reading order: the text above a table printed across both
    /// columns for both languages, the table's two languages, the text below it.
    private func pageFragments(_ lines: [Line], page: PDFPage, bodySize: Double, joiner: LineJoiner,
                               tables: inout BilingualTables.Found) -> [ColumnFragment] {
        let runs = Self.tableRuns(lines, width: lines.map(\.box.x1).max().map { $0 - (lines.map(\.box.x0).min() ?? 0) } ?? 0)
        // The gutter of the text around the runs tells a table across both columns from two
        // tables side by side, one in each.
        func outside(_ ranges: [Range<Int>]) -> [Line] {
            var inside = [Bool](repeating: false, count: lines.count)
            for range in ranges { for index in range { inside[index] = true } }
            return lines.indices.filter { !inside[$0] }.map { lines[$0] }
        }
        let aroundRuns = Self.gutter(outside(runs), width: page.width)
        let found: [(run: Range<Int>, fragments: [ColumnFragment])] = runs.compactMap { run in
            let cells = lines[run].map { line in
                Self.tableCells(line).map { cell in
                    let read = ColumnLine(text: Substring(cell.text), number: nil, page: page.number, box: cell.box, end: .endsParagraph)
                    return BilingualGrid.Cell(line: read, start: cell.box.x0)
                }
            }
            return BilingualGrid.split(cells, tolerance: 0.5 * bodySize, gutter: aroundRuns, joiner: joiner).map { (run, $0) }
        }
        let gutter = Self.gutter(outside(found.map(\.run)), width: page.width)
        var result: [ColumnFragment] = []
        var start = lines.startIndex
        for table in found {
            if start < table.run.lowerBound {
                result += fragments(lines[start..<table.run.lowerBound], gutter: gutter, page: page, bodySize: bodySize, joiner: joiner,
                                    tables: &tables)
            }
            result += table.fragments
            start = table.run.upperBound
        }
        if start < lines.endIndex {
            result += fragments(lines[start...], gutter: gutter, page: page, bodySize: bodySize, joiner: joiner, tables: &tables)
        }
        return result
    }

    /// Runs of lines that may be a table's rows (`BilingualGrid.runs`): cells as
    /// `tableCells` cuts them; a change of font size or a gap of more than two and a half
    /// lines (the footnotes below a table) sets a line apart.
    static func tableRuns(_ lines: [Line], width: Double) -> [Range<Int>] {
        BilingualGrid.runs(lines.indices.map { index in
            let line = lines[index], cells = tableCells(line)
            let apart = index > 0 && (abs(lines[index - 1].fontSize - line.fontSize) > 0.1 * line.fontSize
                                      || line.box.y0 - lines[index - 1].box.y0 > 2.5 * line.fontSize)
            let prose = cells.contains { $0.box.width * 3 >= width || BilingualGrid.isProse($0.text) }
            return BilingualGrid.LineShape(cells: cells.count, endsTables: prose, apart: apart)
        })
    }

    /// A line cut into a table's cells: where the space between two words is wider than
    /// seven tenths of the font size, wider than a justified line stretches its spaces but
    /// for a few words.
    static func tableCells(_ line: Line) -> [Line] {
        cells(line, gap: 0.7)
    }

    /// The fragments of some lines of a page: full-width lines as they come, each run of
    /// column lines as its left column, then its right one, each with the language its
    /// text reads as.
    private func fragments(_ someLines: ArraySlice<Line>, gutter pageGutter: ClosedRange<Double>?, page: PDFPage, bodySize: Double,
                           joiner: LineJoiner, tables: inout BilingualTables.Found) -> [ColumnFragment] {
        var lines = Array(someLines)
        if pageGutter == nil {
            // The party table first, on the cells of whole lines: its column of colons would
            // pass for a gutter.
            let texts = lines.map { Substring(Self.cells($0).map(\.text).joined(separator: "\t")) }
            let party = BilingualTables.partyRows(texts.enumerated().map { ($1, $0) }, joiner: joiner)
            tables.parties += party.rows.map { TableRow(cells: $0.cells, span: Self.located($0.span, in: lines)) }
            lines = lines.indices.filter { !party.used.contains($0) }.map { lines[$0] }
        }
        let bands = pageGutter.map { [(lines[...], $0)] } ?? Self.bands(lines, width: page.width, bodySize: bodySize)
        // The text's edges on a page cut into bands, whose columns are too short to show theirs.
        let text = lines.dropFirst().reduce(lines.first?.box) { box, line in box?.union(line.box) }
        var edges: (left: ClosedRange<Double>, right: ClosedRange<Double>)?
        var wholeEdges: ClosedRange<Double>? { pageGutter == nil ? text.map { $0.x0...$0.x1 } : nil }
        var result: [ColumnFragment] = []
        var left: [Line] = [], right: [Line] = [], whole: [Line] = []
        /// The party table, the legend and a committee, found on some lines (cells joined by
        /// tabs, the form a cleaned dump gives them, or a column's lines): their spans, which
        /// name positions among these lines, become pages and boxes. Returns the lines they did
        /// not take.
        func takeTables(_ lines: [Line], texts: [Substring]) -> [Int] {
            var found = BilingualTables.find(in: texts.enumerated().map { ($1, $0) }, joiner: joiner)
            func located(_ row: TableRow) -> TableRow {
                var row = row
                row.span = Self.located(row.span, in: lines)
                return row
            }
            found.parties = found.parties.map(located)
            for i in found.legend.indices { found.legend[i].span = Self.located(found.legend[i].span, in: lines) }
            found.committees = found.committees.map { Committee(captions: $0.captions.map(located), chair: $0.chair.map(located), groups: $0.groups.map(located)) }
            let rest = lines.indices.filter { !found.used.contains($0) }
            found.used = []
            tables.add(found)
            return rest
        }
        /// How a band's last lines end: a band with another below it on the page ends its
        /// paragraphs; the page's last may go on over the page end.
        var bandEnd = LineEnd.endsBlock
        func flushColumns(withTables: Bool) {
            var columns: [(lines: [ColumnLine], score: Double)] = []
            for (column, columnEdges) in [(left, edges?.left), (right, edges?.right)] where !column.isEmpty {
                // A cover's columns may hold half of the legend each; a line set in from the
                // column's edge is marked by a space, as a dump shows it (a wrapped entry).
                let indent = (columnEdges?.lowerBound ?? 0) + bodySize
                let texts = column.map { Substring(($0.box.x0 > indent ? " " : "") + $0.text) }
                let kept = withTables ? takeTables(column, texts: texts).map { column[$0] } : column
                guard !kept.isEmpty else { continue }
                let columnLines = Self.columnLines(kept, bodySize: bodySize, edges: columnEdges, last: bandEnd)
                columns.append((columnLines, columnLines.reduce(0.0) { $0 + LanguageEvidence.score($1.text) }))
            }
            // A cover's band of two short columns (`6 februari 2026`, `6 février 2026`) holds
            // both languages: the column that reads more Dutch is the Dutch one.
            let paired = pageGutter == nil && columns.count == 2
            for (index, column) in columns.enumerated() {
                let dutch = paired ? column.score >= columns[1 - index].score : column.score >= 0
                result.append(ColumnFragment(language: dutch ? .nl : .fr, lines: column.lines))
            }
            left = []
            right = []
        }
        func flushWhole() {
            guard !whole.isEmpty else { return }
            // A line of a page without a gutter may still hold cells side by side (a party or
            // legend row); each cell that is not a table's has its language decided alone.
            let cellLines = whole.map { Self.cells($0) }
            let cells = takeTables(whole, texts: cellLines.map { Substring($0.map(\.text).joined(separator: "\t")) }).flatMap { cellLines[$0] }
            result += FragmentSplitter.fragments(Self.columnLines(cells, bodySize: bodySize, edges: wholeEdges, last: bandEnd).map { [$0] },
                                                 switchCost: 6)
            whole = []
        }
        for (index, (bandLines, gutter)) in bands.enumerated() {
            // The left column is as wide as the right one, whose right edge is the text's:
            // its short lines do not show how far it reaches.
            if pageGutter == nil, let gutter, let text {
                edges = (text.x0...max(gutter.lowerBound, text.x0 + text.x1 - gutter.upperBound), gutter.upperBound...text.x1)
            }
            bandEnd = index + 1 < bands.count ? .endsParagraph : .endsBlock
            for line in bandLines {
                guard let gutter, let first = Self.split(line, at: gutter, bodySize: bodySize) else {
                    flushColumns(withTables: pageGutter == nil)
                    whole.append(line)
                    continue
                }
                flushWhole()
                if first > 0 { left.append(Line(words: Array(line.words[..<first]), page: line.page)) }
                if first < line.words.count { right.append(Line(words: Array(line.words[first...]), page: line.page)) }
            }
            flushColumns(withTables: pageGutter == nil)
        }
        flushWhole()
        return result
    }

    /// The index of a line's first word in the right column (its words are in x order): past
    /// the gutter, or after a word that overhangs into it (an overfull line of a narrow
    /// column, `… échange d'informations` / `3.3. structurele …`) where a space wider than an
    /// em of text crosses it. Nil for a line across the gutter (a full-width heading).
    static func split(_ line: Line, at gutter: ClosedRange<Double>, bodySize: Double) -> Int? {
        let words = line.words
        let left = words.prefix { $0.box.x1 <= gutter.lowerBound }.count
        if words[left...].allSatisfy({ $0.box.x0 >= gutter.upperBound }) { return left }
        return words.indices.dropFirst().first { k in
            let before = words[k - 1].box, after = words[k].box
            return after.x0 - before.x1 >= max(6, bodySize) && before.x1 < gutter.upperBound && after.x0 > gutter.lowerBound
        }
    }

    /// A table's span, which names positions among `lines`, as their pages and boxes.
    static func located(_ span: SourceSpan, in lines: [Line]) -> SourceSpan {
        var result = SourceSpan()
        for index in span.lines.ranges.joined() where index < lines.count {
            result.append(SourceSpan(lines: SourceLines(), page: lines[index].page, box: lines[index].box))
        }
        return result
    }

    /// A line cut where the space between two words is wider than `gap` times its font size
    /// (three: a cover's cells).
    static func cells(_ line: Line, gap: Double = 3) -> [Line] {
        var cells: [[PDFWord]] = []
        for word in line.words {
            if let last = cells.last?.last, word.box.x0 - last.box.x1 <= gap * max(word.fontSize, 1) {
                cells[cells.count - 1].append(word)
            } else {
                cells.append([word])
            }
        }
        return cells.map { Line(words: $0, page: line.page) }
    }

    // MARK: Paragraphs

    /// A column's lines with how each ends. A paragraph ends at a gap wider than the usual line
    /// pitch (by a fifth of an em), before or after a date or a document number alone, before a
    /// label, a line indented by up to four ems or one set left of a list item's hanging lines,
    /// after a line that had room for the next line's first word (a centred text's room
    /// measured by its widest line), and where the weight changes; but not inside the Chamber's
    /// name, which a cover's narrow cell breaks anywhere, nor where the open text goes on in
    /// lower case (indent and room aside). A column's last body line (above its footnotes, if
    /// any) `endsBlock`, for the assembler to join what the column end cut. Footnote lines (a
    /// smaller font at the column's foot) start with their number and a tab, the form the
    /// assembler splits off, and go on to the next number; those above the first number, a
    /// note's rest, with a tab alone. `edges` are the column's own, when its lines are too few
    /// to show them (a cover's band); `last` is how its last line ends (a band above another
    /// ends its paragraphs).
    static func columnLines(_ lines: [Line], bodySize: Double, edges: ClosedRange<Double>? = nil,
                            last: LineEnd = .endsBlock) -> [ColumnLine] {
        let boxes = lines.map(\.box)
        // A line's text is its words joined: made once.
        let texts = lines.map(\.text)
        let leftEdge = edges?.lowerBound ?? median(boxes.map(\.x0)), rightEdge = edges?.upperBound ?? boxes.map(\.x1).max() ?? 0
        // A line's top is its text's, not a raised note marker's, set smaller above it.
        let tops = lines.map { line in line.words.lazy.filter { $0.fontSize >= 0.9 * line.fontSize }.map(\.box.y0).min() ?? line.box.y0 }
        let pitch = median(zip(tops, tops.dropFirst()).map { $1 - $0 }.filter { $0 > 0 })
        // Footnotes: from the first line below the last body-size line that starts with a number.
        let lastBody = lines.lastIndex { $0.fontSize >= bodySize * 0.9 } ?? -1
        // Two lines of a centred text: equal margins on both sides of each, and not none (a
        // full line). A title set larger than the body may be centred on the page, not on the
        // text, its widest line at the text's edge: its lines share one centre, to a
        // typesetter's precision, and not one left edge.
        func centred(_ one: Line, _ other: Line) -> Bool {
            func even(_ box: PageBox) -> Bool {
                box.x0 > leftEdge + 0.5 * bodySize && abs((box.x0 - leftEdge) - (rightEdge - box.x1)) < 2 * bodySize
            }
            if even(one.box) && even(other.box) { return true }
            return min(one.fontSize, other.fontSize) > 1.1 * bodySize && abs(one.box.x0 - other.box.x0) > 0.5 * bodySize
                && abs((one.box.x0 + one.box.x1) - (other.box.x0 + other.box.x1)) < 0.2 * bodySize
        }
        // An inner line of a paragraph that hangs under its label: set as the line above
        // it, or right of a label's line.
        func hangs(_ index: Int) -> Bool {
            guard index > 0 else { return false }
            let above = boxes[index - 1].x0, x0 = boxes[index].x0
            return abs(above - x0) < 0.1 * bodySize || x0 > above && Labels.startsWithLabel(texts[index - 1])
        }
        var result: [ColumnLine] = []
        var numbered = false, paragraphStart = 0
        // The next line goes on the open text in lower case, perhaps after a dash that opens
        // an aside (`… radar- en sensornetwerken` / `– actief en structureel …`) in a paragraph
        // that is no dash's list item.
        func goesOnInLowerCase(_ index: Int) -> Bool {
            var next = texts[index + 1][...]
            let dash = next.prefix(2)
            if dash == "– " || dash == "— ", !texts[paragraphStart].hasPrefix(dash) { next = next.dropFirst(2) }
            return next.first?.isLowercase == true && PageCut.continuesOpenText(texts[index], String(next))
        }
        for (index, line) in lines.enumerated() {
            var text = texts[index]
            let isNote = index > lastBody && line.fontSize < bodySize * 0.9
            if isNote, noteNumber(line) != nil {
                text = line.words[0].text + "\t" + line.text.dropFirst(line.words[0].text.count + 1)
                numbered = true
            } else if isNote, !numbered {
                // Small print above the first note number: the rest of a note the page end cut.
                text = "\t" + text
            }
            var end = LineEnd.continues
            // The body's last line, above the footnotes or not, ends as the column does.
            if index + 1 == lines.count || index == lastBody {
                end = last
            } else if isNote, numbered {
                // A note goes on to the next note's number: a line of it may open as a label
                // would (`p. 71 (ci-après: Rapport).`). Small print before any number (a
                // cover's legend) is read as text is.
                end = noteNumber(lines[index + 1]) != nil ? .endsParagraph : .continues
            } else {
                let next = lines[index + 1], box = boxes[index], nextBox = boxes[index + 1]
                let goesOn = result.last?.end == .continues
                let em = max(line.fontSize, 1)
                // The typesetter would have set the next line's first word on this line, had the
                // paragraph gone on: true of justified and ragged text alike. A centred text
                // is set to a measure of its own, which its widest line shows (`De gemeenten` /
                // `Globaal beeld` / `Schorsingen door de vicegouverneur`: three headings).
                // The first word with the marks after it that no line opens with (French sets a
                // space before `»`, `:`, `;`, `?`, `!`): the line breaker moves them together
                // (`d'ici` / `2032 ».`).
                let marks = next.words.dropFirst().prefix { $0.text.unicodeScalars.allSatisfy(Self.closingMarks.contains) }
                let firstWord = (marks.last ?? next.words[0]).box.x1 - next.words[0].box.x0
                let nextWordFits: Bool
                if centred(line, next) {
                    var widest = max(box.width, nextBox.width)
                    if index + 2 < lines.count, centred(next, lines[index + 2]) { widest = max(widest, boxes[index + 2].width) }
                    nextWordFits = box.width + 0.3 * em + firstWord < widest - 0.2 * em
                } else {
                    nextWordFits = box.x1 + 0.3 * em + firstWord < rightEdge - 0.2 * em
                }
                // A gap a fifth of an em wider than the pitch (Typst sets paragraphs a quarter of
                // a line apart); a line set larger than the body has a pitch as much larger.
                if pitch > 0 && tops[index + 1] - tops[index] > pitch * max(1, em / bodySize) + 0.2 * em { end = .endsParagraph }
                // A change of weight or of size is a change of element (a heading, a title).
                else if texts[index + 1].opensBlock || next.bold != line.bold || abs(next.fontSize - line.fontSize) > 0.1 * em
                            || PageCut.opensAmendment(after: text, next: texts[index + 1]) { end = .endsParagraph }
                // The Chamber's whole name is a paragraph of its own, wrapped or not (a cover set
                // in one weight: `Belgische Kamer van volksvertegen‐` / `woordigers` /
                // `BUITENGEWONE ZITTING 2024`).
                else if index - paragraphStart < 4, Lexicon.mayOpenName(texts[paragraphStart]),
                        Lexicon.nameLanguage(LineHyphen.joining(texts[paragraphStart...index])) != nil {
                    end = .endsParagraph
                }
                // A cover's narrow cell breaks the Chamber's name anywhere.
                else if index - paragraphStart < 4, Lexicon.goesOnWithChamberName(texts[paragraphStart...index], next: texts[index + 1]) {}
                // A date or a document number alone is a unit of its own (the date above the signatures).
                else if PageCut.standsAlone(texts[index + 1], after: text) || PageCut.standsAlone(text, after: goesOn ? texts[index - 1] : nil) {
                    end = .endsParagraph
                }
                // A line set left of a list item's hanging lines starts another paragraph, where
                // the item's sentence closed: what follows a list (a date, the formula).
                else if goesOn, hangs(index), box.x0 - nextBox.x0 >= 0.2 * em, PageCut.closesSentence(text) { end = .endsParagraph }
                // Nor does a text end on an article or a preposition (`… drugshandel in` / `ons
                // defensiebeleid`, a cover's title).
                else if Lexicon.leavesTextOpen.contains(text.lastWord.lowercased()) {}
                // A line indented by up to four ems opens a paragraph, unless a word cut at the
                // line's end goes on in it, the two lines are a centred title's, or the text
                // is open and goes on in lower case (a centred title whose first line is full),
                // or in capitals on the same centre (a cover's line: `FAIT AU NOM DE LA
                // COMMISSION DES AFFAIRES` / `SOCIALES, DE L’EMPLOI ET DES PENSIONS`, whose
                // column's edges a cover's few lines do not show).
                else if (0.8 * em...4 * em).contains(nextBox.x0 - box.x0), box.x0 <= leftEdge + 0.5 * em, !Labels.startsWithLabel(texts[index]),
                        !LineHyphen.ends(text), !centred(line, next), !goesOnInLowerCase(index),
                        !(abs((box.x0 + box.x1) - (nextBox.x0 + nextBox.x1)) < 0.4 * em && Lexicon.isInCapitals(text)
                          && Lexicon.isInCapitals(texts[index + 1]) && !PageCut.closesSentence(text)) {
                    end = .endsParagraph
                }
                // Not where the text is open and goes on in lower case: a line breaker that
                // weighs whole paragraphs (TeX's) may stop a ragged line short of a word that
                // fits (`Les trafiquants` / `de drogues se montrent`).
                else if nextWordFits && !LineHyphen.ends(text) && !goesOnInLowerCase(index) { end = .endsParagraph }
            }
            result.append(ColumnLine(text: Substring(text), number: nil, page: line.page, box: line.box, end: end))
            if end != .continues { paragraphStart = index + 1 }
        }
        return result
    }

    /// Punctuation that closes what comes before it, which no line opens with.
    private static let closingMarks = Set("»”’:;!?.,)]".unicodeScalars)

    // MARK: Furniture

    private struct FurnitureKey: Hashable { var page: Int, index: Int }

    /// Lines within the top or bottom tenth of their page that are page numbers, or whose
    /// text (digits aside) recurs at the edge of a third of the pages or more; but not a
    /// footnote numbered on from the notes before it (`12 Verslag, blz. 55.` after note 11
    /// recurs as `15 Verslag, blz. 53.` on the next page).
    private static func furnitureLines(_ pageLines: [[Line]], pages: [PDFPage], bodySize: Double) -> Set<FurnitureKey> {
        func shape(_ text: String) -> String {
            String(text.unicodeScalars.filter { !($0.value >= 0x30 && $0.value <= 0x39) && $0 != " " }.map(Character.init))
        }
        func atEdge(_ line: Line, _ page: PDFPage) -> Bool {
            line.box.y1 < page.height * 0.1 || line.box.y0 > page.height * 0.9
        }
        var counts: [String: Int] = [:]
        for (lines, page) in zip(pageLines, pages) {
            for text in Set(lines.filter { atEdge($0, page) }.map { shape($0.text) }) { counts[text, default: 0] += 1 }
        }
        let threshold = max(2, pages.count / 3)
        var result: Set<FurnitureKey> = []
        var lastNote = 0
        for (lines, page) in zip(pageLines, pages) {
            for (index, line) in lines.enumerated() {
                // A note (a number, then its text, in a smaller font, in the lower half of the
                // page) numbered on from the ones before it; a footer that opens with the page
                // number is numbered on too, but recurs on most pages.
                if line.words.count > 1, line.fontSize < bodySize * 0.9, line.box.y0 > page.height / 2,
                   let number = noteNumber(line), number > lastNote, (counts[shape(line.text)] ?? 0) * 2 < pages.count {
                    lastNote = number
                    continue
                }
                guard atEdge(line, page) else { continue }
                if PageFurniture.isPageNumber(Substring(line.text)) || (counts[shape(line.text)] ?? 0) >= threshold {
                    result.insert(FurnitureKey(page: page.number, index: index))
                }
            }
        }
        return result
    }

    /// The number a footnote line opens with (`12` of `12 Verslag, blz. 55.`; a number set
    /// above its note's first line is a line of its own).
    static func noteNumber(_ line: Line) -> Int? {
        guard let first = line.words.first, first.text.utf8.count <= 3,
              first.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(first.text)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[values.count / 2]
    }
}
