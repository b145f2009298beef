import ChamberModel

/// A table printed once for both languages, across both columns: each municipality's Dutch
/// and French name side by side, the figures once (the real bill's tables 9, 10, 12 and 13).
/// Its columns are found from where its cells start, each column's language from all of its
/// cells' words; a column's words go to its language, figures and language-neutral columns
/// (`NL %`) to both, with the lines they were read from. Each language then gets the table
/// as its own, a cell a paragraph, the form the parse stage reads as a table. Layouts give
/// cells with their horizontal extent: points in a PDF, character columns in a `-layout`
/// dump, the place in its row in a page-serialized dump (`serialized`).
enum BilingualGrid {
    /// One cell of a printed line: its text where it was read (a wrapped cell's lines), and
    /// where it starts across the page.
    struct Cell {
        var lines: [ColumnLine]
        var start: Double

        init(line: ColumnLine, start: Double) {
            lines = [line]
            self.start = start
        }

        /// The cell's text, its lines joined by spaces: for its shape.
        var text: String { lines.map { String($0.text.trimmed) }.joined(separator: " ") }

        /// The cell's text as its paragraph will read, a word cut at a line end whole again:
        /// for its evidence (`abso-` / `lus)` is no word).
        func text(joinedBy joiner: LineJoiner) -> Substring {
            Substring(lines.dropFirst().reduce(String(lines[0].text.trimmed)) { joiner.joined($0, String($1.text.trimmed)) })
        }
    }

    /// A line as a table's row may be: its number of cells; whether no table goes on over it
    /// (prose, with a cell as wide as a third of the text, such as a caption; a blank row);
    /// whether the layout sets it apart from the line above (a table ends above it).
    struct LineShape {
        var cells: Int
        var endsTables: Bool
        var apart: Bool
    }

    /// A figure cell, what most of a table's rows hold: digits and no letter (`44.4 %`,
    /// `10,1-20 %`), but not a list's label (`3.1.`).
    static func isFigure(_ text: some StringProtocol) -> Bool {
        !text.contains(where: \.isLetter) && text.containsFigure && !Labels.isAlone(Substring(text))
    }

    /// A cell of prose, not a table's: more than five words (a caption's line). Counted on
    /// the bytes: every line's cells are tested.
    static func isProse(_ text: some StringProtocol) -> Bool {
        var spaces = 0
        for byte in text.utf8 where byte == 0x20 {
            spaces += 1
            if spaces >= 5 { return true }
        }
        return false
    }

    /// The runs of lines that may be a table: three rows or more of three cells or more,
    /// with up to two lines between two of them (a wrapped cell's rest).
    static func runs(_ shapes: [LineShape]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var rows: [Int] = []
        func close() {
            if rows.count >= 3 { runs.append(rows[0]..<(rows[rows.count - 1] + 1)) }
            rows = []
        }
        for (index, shape) in shapes.enumerated() {
            if shape.endsTables || shape.apart { close() }
            guard !shape.endsTables, shape.cells >= 3 else { continue }
            if let last = rows.last, index - last > 3 { close() }
            rows.append(index)
        }
        close()
        return runs
    }

    /// How much more one language a column's words must read than its neighbour's, for the
    /// two to show the table's order of languages (a contradiction's evidence).
    static let columnEvidence = 8.0

    /// The two languages' tables (a fragment each), when `lines` are one table (three rows or
    /// more, three columns or more) whose columns hold both languages; nil otherwise.
    /// `tolerance` is how far a cell may start from its column's start. A table that `gutter`
    /// cuts into a left half in one language and a right half in the other is two tables,
    /// one per column, set side by side: the columns read them.
    static func split(_ lines: [[Cell]], tolerance: Double, gutter: ClosedRange<Double>?,
                      joiner: LineJoiner) -> [ColumnFragment]? {
        let starts = columnStarts(lines, tolerance: tolerance)
        // Nearly every cell starts at a column's start: words that a justified line spread
        // start anywhere.
        let cells = lines.joined()
        let aligned = cells.filter { cell in starts.contains { abs($0 - cell.start) <= tolerance } }.count
        guard starts.count >= 3, aligned * 5 >= cells.count * 4 else { return nil }
        func column(_ cell: Cell) -> Int { starts.lastIndex { $0 <= cell.start + tolerance } ?? 0 }
        // A line opens a row when it fills its first column and half the others; any other
        // line is a wrapped cell's rest and joins the cells above it.
        var rows: [[Cell?]] = []
        for line in lines {
            let columns = line.map(column)
            if rows.isEmpty || columns.contains(0) && Set(columns).count * 2 >= starts.count {
                rows.append(Array(repeating: nil, count: starts.count))
            }
            for (cell, index) in zip(line, columns) {
                if let above = rows[rows.count - 1][index] {
                    rows[rows.count - 1][index]!.lines = above.lines + cell.lines
                } else {
                    rows[rows.count - 1][index] = cell
                }
            }
        }
        // Most rows hold a figure cell (a count, a share; not a list's label): the party list
        // and the legend, whose rows are words, are read as the tables they are.
        let figureRows = rows.filter { row in row.contains { $0.map { isFigure($0.text) } ?? false } }
        guard rows.count >= 3, figureRows.count * 2 > rows.count else { return nil }
        let scores = starts.indices.map { index in
            rows.reduce(0.0) { sum, row in sum + (row[index].map { LanguageEvidence.score($0.text(joinedBy: joiner)) } ?? 0) }
        }
        // Two columns that translate each other hold words in the same rows (names beside
        // names, a header beside a header over figures).
        let hasWords = rows.map { row in row.map { $0?.text.contains(where: \.isLetter) ?? false } }
        let twins = starts.indices.dropLast().map { index in
            hasWords.filter { $0[index] == $0[index + 1] }.count * 5 >= rows.count * 4
        }
        let languages = columnLanguages(scores, twins: twins)
        guard languages.contains(.nl), languages.contains(.fr) else { return nil }
        // Two tables side by side, one in each column: the gutter parts a half that reads
        // as one language from one that reads as the other, by their columns or their words.
        if let gutter {
            func decided(left: Bool) -> Set<Language> {
                Set(starts.indices.filter { (starts[$0] < gutter.lowerBound) == left }.compactMap { languages[$0] })
            }
            let left = decided(left: true), right = decided(left: false)
            if left.count == 1, right.count == 1, left != right { return nil }
            let halves = [true, false].map { left in
                starts.indices.filter { (starts[$0] < gutter.lowerBound) == left }.reduce(0.0) { $0 + scores[$1] }
            }
            if abs(halves[0]) >= columnEvidence, abs(halves[1]) >= columnEvidence, (halves[0] > 0) != (halves[1] > 0) { return nil }
        }
        // A cell is a paragraph: its lines go on into each other, its last one ends it.
        var tables: [Language: [ColumnLine]] = [.nl: [], .fr: []]
        for row in rows {
            for (cell, language) in zip(row, languages) {
                guard let cell else { continue }
                var lines = cell.lines
                for k in lines.indices { lines[k].end = k + 1 < lines.count ? .continues : .endsParagraph }
                let shared = language == nil || !cell.text.contains(where: \.isLetter)
                for target in [Language.nl, .fr] where shared || target == language { tables[target]! += lines }
            }
        }
        return [.nl, .fr].map { ColumnFragment(language: $0, lines: tables[$0]!, isTable: true) }
    }

    /// Each column's language from its words' evidence (`scores`, positive for Dutch). A
    /// language's column stands beside the other language's (`twins[i]`: columns `i` and
    /// `i + 1` may be such a pair), in one order through the table; names spelled alike in
    /// both (`Anderlecht`, `Etterbeek`) leave either column's evidence weak, but the two
    /// differ. So the possible pair whose evidence differs most, by a contradiction's worth
    /// at least, gives the order; then each possible pair whose evidence differs that way by
    /// a word's worth (`NL (absolute cijfers)` beside `FR (chiffres absolus)`) is a pair, and
    /// the columns of no pair (`NL %`, figures) are shared.
    static func columnLanguages(_ scores: [Double], twins: [Bool]) -> [Language?] {
        var languages = [Language?](repeating: nil, count: scores.count)
        let gaps = zip(scores, scores.dropFirst()).map { $0 - $1 }
        guard let widest = zip(gaps, twins).filter(\.1).map(\.0).max(by: { abs($0) < abs($1) }),
              abs(widest) >= columnEvidence else { return languages }
        let first: Language = widest > 0 ? .nl : .fr
        var index = 0
        while index + 1 < scores.count {
            if twins[index], gaps[index] * widest > 0, abs(gaps[index]) >= 1 {
                languages[index] = first
                languages[index + 1] = first == .nl ? .fr : .nl
                index += 2
            } else {
                index += 1
            }
        }
        return languages
    }

    /// Where the table's columns start: the starts that cells of a third of its lines (two at
    /// least) share, to `tolerance`.
    static func columnStarts(_ lines: [[Cell]], tolerance: Double) -> [Double] {
        let starts = lines.flatMap { $0.map(\.start) }.sorted()
        var groups: [(start: Double, count: Int)] = []
        for start in starts {
            if let last = groups.last, start - last.start <= tolerance {
                groups[groups.count - 1].count += 1
            } else {
                groups.append((start, 1))
            }
        }
        let needed = max(2, lines.count / 3)
        return groups.filter { $0.count >= needed }.map(\.start)
    }

    /// A page-serialized dump's segments (a block or a line each) with the tables printed
    /// across both columns put in each language's: such a dump gives a table a cell at a time,
    /// row after row. A segment is one cell with the next where that is a wrapped cell's rest:
    /// its line ends with `/` or a cut word's hyphen (`Totaal /` / `Total`), or it goes on
    /// (ends in a space) and the rest opens in lower case or with a bracket (`NL ` /
    /// `(absolute ` / `cijfers)`; not `Evere ` / `Evere`, two names, nor `0-10 % ` / `0`).
    /// A run of six cells or more, each shorter than two thirds of a column (`width`, in
    /// characters), open (no sentence end), unlabelled and neither a date nor a signature, is
    /// cut into rows: a row opens at words after a figure and is as long as most rows; the
    /// header is that many cells before the first row's words, which are as many as most
    /// rows'; the table ends with its last row that holds a figure. A cell's place in its row
    /// is its column. Returns the segments with each table's two languages in place of its
    /// cells, and the languages of those.
    static func serialized(_ segments: [[ColumnLine]], width: Int, joiner: LineJoiner) -> (segments: [[ColumnLine]], languages: [Int: Language]) {
        func goesOnInto(_ line: ColumnLine, _ next: [ColumnLine]) -> Bool {
            guard let first = next.first?.text.trimmed.first else { return false }
            let text = line.text.trimmed
            let cut = text.count > 1 && (text.hasSuffix("/") || LineHyphen.endsWord(text))
            return cut || line.end == .continues && (first.isLowercase || first == "(")
        }
        // Most pages hold no six short segments in a row: nothing to look at.
        var short = 0
        guard segments.contains(where: { segment in
            short = (segment.first.map { $0.text.trimmed.unicodeScalars.count * 3 < width * 2 } ?? false) ? short + 1 : 0
            return short >= 6
        }) else { return (segments, [:]) }
        // The cells, each with the segments it joins.
        var cells: [(segments: Range<Int>, cell: Cell)] = []
        var index = 0
        while index < segments.count {
            var end = index
            while end + 1 < segments.count, let last = segments[end].last, goesOnInto(last, segments[end + 1]) { end += 1 }
            let lines = Array(segments[index...end].joined())
            if let first = lines.first {
                var cell = Cell(line: first, start: 0)
                cell.lines = lines
                cells.append((index..<(end + 1), cell))
            }
            index = end + 1
        }
        // Each cell's text, whether it may be a table's cell and whether it holds words: made once.
        let texts = cells.map { $0.cell.lines.count == 1 ? $0.cell.lines[0].text.trimmed : Substring($0.cell.text) }
        func isCell(_ text: Substring) -> Bool {
            !text.isEmpty && text.unicodeScalars.count * 3 < width * 2 && !Labels.startsWithLabel(text)
                && !(text.last.map { ".:;!?".contains($0) } ?? false) && Dates.isoDate(text) == nil
                && Signatory.names(in: text) == nil
        }
        let mayBeCell = texts.map(isCell)
        let holdsWords = texts.map { $0.contains(where: \.isLetter) }
        // The commonest of some counts, the smallest of equals: the same input, the same rows.
        func commonest(_ counts: [Int]) -> Int? {
            Dictionary(grouping: counts, by: { $0 }).max { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }?.key
        }
        var result: [[ColumnLine]] = []
        var languages: [Int: Language] = [:]
        var done = 0    // the segments already in `result`
        var start = 0
        while start < cells.count {
            guard mayBeCell[start] else { start += 1; continue }
            var end = start
            while end < cells.count, mayBeCell[end] { end += 1 }
            defer { start = end }
            let run = cells[start..<end].map(\.cell)
            let hasWords = Array(holdsWords[start..<end])
            guard run.count >= 6, let firstFigure = hasWords.firstIndex(of: false) else { continue }
            // Rows from the first figure on open at words after a figure; the last that holds
            // a figure ends the table.
            var opens = [firstFigure]
            for i in (firstFigure + 1)..<run.count where hasWords[i] && !hasWords[i - 1] { opens.append(i) }
            let rowEnds = Array(opens.dropFirst()) + [run.count]
            let leading = opens.dropFirst().map { open in hasWords[open...].prefix { $0 }.count }
            let lengths = zip(opens.dropFirst(), rowEnds.dropFirst()).map { $1 - $0 }
            guard let words = commonest(leading), let length = commonest(lengths),
                  let lastRow = opens.indices.last(where: { k in hasWords[opens[k]..<rowEnds[k]].contains(false) }) else { continue }
            let firstRow = max(0, firstFigure - words)
            let header = max(0, firstRow - length)
            let bounds = (header < firstRow ? [header] : []) + [firstRow] + opens.dropFirst().prefix(lastRow) + [rowEnds[lastRow]]
            let rows = zip(bounds, bounds.dropFirst()).map { from, to in
                run[from..<to].enumerated().map { place, cell in
                    var cell = cell
                    cell.start = Double(place)
                    return cell
                }
            }
            guard let table = split(rows, tolerance: 0.5, gutter: nil, joiner: joiner) else { continue }
            result += segments[done..<cells[start + header].segments.lowerBound]
            for fragment in table {
                languages[result.count] = fragment.language
                result.append(fragment.lines)
            }
            done = cells[start + rowEnds[lastRow] - 1].segments.upperBound
        }
        result += segments[done...]
        return (result, languages)
    }
}
