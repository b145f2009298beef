import ChamberModel

/// Reads `pdftotext -layout` output: every line holds the left column, a gutter of spaces
/// and the right column. The gutter is found per page from the text itself (the band of
/// character positions that no line of the page writes into), since it moves from page to
/// page and a column line may be empty. Running headers and footers are the first and last
/// lines of a page that recur on most pages (digits aside) or are bare page numbers.
struct SideBySideReader {
    let joiner: LineJoiner
    var parties: [TableRow] = []
    var legend: [TableRow] = []
    var furniture: [Furniture] = []

    private typealias Row = (left: Substring, right: Substring, number: Int)

    mutating func fragments(_ lines: [SourceLine]) -> [ColumnFragment] {
        let pages = removeFurniture(splitPages(lines))
        var split: [[Row]?] = []
        var leftScore = 0.0, rightScore = 0.0
        for page in pages {
            let rows = Self.columns(page)
            split.append(rows)
            for row in rows ?? [] {
                leftScore += LanguageEvidence.score(row.left)
                rightScore += LanguageEvidence.score(row.right)
            }
        }
        // The language of each side is the document's verdict, not a per-page guess.
        let leftLanguage: Language = leftScore >= rightScore ? .nl : .fr
        var fragments: [ColumnFragment] = []
        var legendEntries: [BilingualTables.LegendEntry] = []
        for (page, rows) in zip(pages, split) {
            guard let rows else {
                // No gutter on this page: one column of text, split by language like raw text.
                let lines = page.filter { !$0.isBlank }.map { ColumnLine(text: $0.text.trimmed, number: $0.number, end: .endsBlock) }
                fragments += FragmentSplitter.fragments(lines.map { [$0] }, switchCost: 6)
                continue
            }
            for (side, language) in [(\Row.left, leftLanguage), (\Row.right, leftLanguage.other)] {
                var column: [BilingualTables.Line] = rows.map { ($0[keyPath: side], $0.number) }
                let party = BilingualTables.partyRows(column.filter { !$0.text.trimmed.isEmpty }, joiner: joiner)
                if !party.rows.isEmpty {
                    parties += party.rows
                    let used = Set(party.used.map { column.filter { !$0.text.trimmed.isEmpty }[$0].number })
                    column = column.map { used.contains($0.number) ? ("", $0.number) : $0 }
                }
                if let header = BilingualTables.legendStart(column) {
                    legendEntries += BilingualTables.legendEntries(Array(column[header...]), joiner: joiner)
                    column.removeSubrange(header...)
                }
                fragments.append(ColumnFragment(language: language, lines: Self.columnLines(column)))
            }
        }
        legend = BilingualTables.legendRows(legendEntries)
        return fragments.filter { !$0.lines.isEmpty }
    }

    private func splitPages(_ lines: [SourceLine]) -> [[SourceLine]] {
        var pages: [[SourceLine]] = [[]]
        for line in lines {
            if line.startsPage { pages.append([]) }
            pages[pages.count - 1].append(line)
        }
        return pages.filter { page in page.contains { !$0.isBlank } }
    }

    /// Drops the first and last lines of each page that are running headers or footers.
    private mutating func removeFurniture(_ pages: [[SourceLine]]) -> [[SourceLine]] {
        func shape(_ line: SourceLine) -> String {
            String(line.text.split(separator: " ").joined(separator: " ").map { $0.isNumber ? "#" : $0 })
        }
        var counts: [String: Int] = [:]
        for page in pages {
            let text = page.filter { !$0.isBlank }
            for line in Set([text.first, text.last].compactMap { $0 }.map(shape)) { counts[line, default: 0] += 1 }
        }
        let threshold = max(2, (pages.count + 1) / 2)
        return pages.map { page in
            var page = page
            for fromEnd in [false, true] {
                guard let index = fromEnd ? page.lastIndex(where: { !$0.isBlank }) : page.firstIndex(where: { !$0.isBlank }) else { continue }
                let line = page[index]
                let isNumber = RawLayoutReader.isPageNumber(line.text)
                if isNumber || (counts[shape(line)] ?? 0) >= threshold {
                    furniture.append(Furniture(kind: isNumber ? .pageNumber : .runningHeader, text: String(line.text.trimmed), line: line.number))
                    page.remove(at: index)
                }
            }
            return page
        }
    }

    /// The page's lines cut at its gutter, or nil when no gutter runs through the page.
    private static func columns(_ page: [SourceLine]) -> [Row]? {
        let scalars = page.map { Array($0.text.unicodeScalars) }
        let width = scalars.map(\.count).max() ?? 0
        guard width >= 20 else { return nil }
        var occupied = [Int](repeating: 0, count: width)
        for line in scalars {
            for (i, s) in line.enumerated() where s != " " { occupied[i] += 1 }
        }
        // The widest empty band in the middle half of the page.
        var best: Range<Int>? = nil
        var start: Int? = nil
        for c in (width / 4)...(3 * width / 4) {
            if c < width, occupied[c] == 0 {
                if start == nil { start = c }
            } else if let s = start {
                if c - s >= 2, c - s > (best?.count ?? 0) { best = s..<c }
                start = nil
            }
        }
        guard let gutter = best else { return nil }
        return zip(page, scalars).map { line, chars in
            let cut = min(gutter.upperBound, chars.count)
            let left = String(String.UnicodeScalarView(chars[..<min(gutter.lowerBound, chars.count)]))
            let right = String(String.UnicodeScalarView(chars[cut...]))
            return (Substring(left), Substring(right), line.number)
        }
    }

    /// A column's rows as lines: a blank row ends a block; without one, a line that closes a
    /// sentence well short of the column width ends its paragraph.
    private static func columnLines(_ column: [BilingualTables.Line]) -> [ColumnLine] {
        let width = column.map { $0.text.trimmed.count }.max() ?? 0
        var result: [ColumnLine] = []
        for (index, row) in column.enumerated() {
            let text = row.text.trimmed
            guard !text.isEmpty else { continue }
            let next = index + 1 < column.count ? column[index + 1].text.trimmed : ""
            var end = LineEnd.continues
            if next.isEmpty || next.opensBlock {
                end = .endsBlock
            } else if let last = text.last, ".:;!?".contains(last), text.count * 100 < width * 80, next.first?.isUppercase == true {
                end = .endsBlock
            }
            result.append(ColumnLine(text: text, number: row.number, end: end))
        }
        return result
    }
}
