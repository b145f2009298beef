import ChamberModel

/// Reads plain `pdftotext` output: page-serialized like the clean layout, but with no blank
/// lines between paragraphs, running headers and footers on every page, and footnotes at the
/// foot of each column.
///
/// Page furniture is found by repetition: the lines that recur on most pages (`DOC 56`,
/// `0055/001`, the letter-spaced session line) and the page numbers next to them form a
/// cluster that marks a page boundary. Paragraph ends come from `pdftotext` itself, which
/// leaves a trailing space on every wrapped line; without that signal, line length and
/// closing punctuation decide.
struct RawLayoutReader {
    let joiner: LineJoiner
    var parties: [TableRow] = []
    var legend: [TableRow] = []
    var furniture: [Furniture] = []

    mutating func fragments(_ lines: [SourceLine]) -> [ColumnFragment] {
        let pages = splitPages(lines)
        let hasWrapSignal = Self.hasTrailingSpaceSignal(lines)
        let medianLength = Self.medianLength(lines)
        var fragments: [ColumnFragment] = []
        var legendEntries: [BilingualTables.LegendEntry] = []
        for page in pages {
            var pageLines = page.filter { !$0.isBlank }
            let party = BilingualTables.partyRows(pageLines.map { ($0.text, $0.number) }, joiner: joiner)
            parties += party.rows
            pageLines = pageLines.enumerated().filter { !party.used.contains($0.offset) }.map(\.element)
            if let header = BilingualTables.legendStart(pageLines.map { ($0.text, $0.number) }) {
                legendEntries += BilingualTables.legendEntries(pageLines[header...].map { ($0.text, $0.number) }, joiner: joiner)
                pageLines.removeSubrange(header...)
            }
            let columnLines = pageLines.enumerated().map { index, line in
                let next = index + 1 < pageLines.count ? pageLines[index + 1].text : nil
                return ColumnLine(text: line.text, number: line.number,
                                  end: Self.lineEnd(line.text, next: next, wrapSignal: hasWrapSignal, medianLength: medianLength))
            }
            fragments += FragmentSplitter.fragments(columnLines.map { [$0] }, switchCost: 6)
        }
        legend = BilingualTables.legendRows(legendEntries)
        return fragments
    }

    // MARK: Pages and furniture

    /// Cuts the lines into pages at furniture clusters and form feeds, recording the
    /// furniture it removes.
    private mutating func splitPages(_ lines: [SourceLine]) -> [[SourceLine]] {
        var counts: [Substring: Int] = [:]
        for line in lines where !line.isBlank { counts[Self.normalized(line.text), default: 0] += 1 }
        let most = counts.values.max() ?? 0
        let repeated = { (line: SourceLine) -> Bool in
            let count = counts[Self.normalized(line.text)] ?? 0
            return count >= 3 && count * 2 >= most && (4...120).contains(line.text.trimmed.count)
        }
        var pages: [[SourceLine]] = [[]]
        var i = 0
        while i < lines.count {
            if lines[i].startsPage && !pages[pages.count - 1].isEmpty { pages.append([]) }
            // A cluster: consecutive repeated lines and at most one page number.
            var j = i
            var numbers = 0
            var hasRepeated = false
            while j < lines.count {
                if repeated(lines[j]) { hasRepeated = true } else if Self.isPageNumber(lines[j].text), numbers < 1 { numbers += 1 } else { break }
                j += 1
            }
            if hasRepeated {
                for line in lines[i..<j] {
                    furniture.append(Furniture(kind: Self.isPageNumber(line.text) ? .pageNumber : .runningHeader,
                                               text: String(line.text.trimmed), line: line.number))
                }
                if !pages[pages.count - 1].isEmpty { pages.append([]) }
                i = j
            } else {
                pages[pages.count - 1].append(lines[i])
                i += 1
            }
        }
        return pages.filter { !$0.isEmpty }
    }

    static func normalized(_ text: Substring) -> Substring { text.trimmed }

    static func isPageNumber(_ text: Substring) -> Bool {
        let t = text.trimmed
        return !t.isEmpty && t.count <= 5 && !text.contains("\t") && t.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: Paragraph ends

    /// Whether wrapped lines carry `pdftotext`'s trailing space.
    static func hasTrailingSpaceSignal(_ lines: [SourceLine]) -> Bool {
        let text = lines.filter { !$0.isBlank }
        let trailing = text.filter { $0.text.last == " " }.count
        return !text.isEmpty && trailing * 6 >= text.count
    }

    static func medianLength(_ lines: [SourceLine]) -> Int {
        let lengths = lines.filter { !$0.isBlank }.map { $0.text.trimmed.count }.sorted()
        return lengths.isEmpty ? 0 : lengths[lengths.count / 2]
    }

    static func lineEnd(_ text: Substring, next: Substring?, wrapSignal: Bool, medianLength: Int) -> LineEnd {
        if text.last == "\u{AD}" { return .continues }
        if let last = text.last, last == " " || last == "\t" { return wrapSignal ? .continues : heuristicEnd(text, next: next, medianLength: medianLength) }
        if text.hasSuffix("-"), text.dropLast().last?.isLetter == true { return .continues }
        return wrapSignal ? .endsParagraph : heuristicEnd(text, next: next, medianLength: medianLength)
    }

    /// Without the trailing-space signal: a short line, or one that closes a sentence before
    /// a line that opens one, ends its paragraph.
    private static func heuristicEnd(_ text: Substring, next: Substring?, medianLength: Int) -> LineEnd {
        let t = text.trimmed
        guard let next = next?.trimmed, !next.isEmpty else { return .endsParagraph }
        if next.opensBlock || Labels.footnoteNumber(next) != nil { return .endsParagraph }
        if t.count * 10 < medianLength * 6 { return .endsParagraph }
        if let last = t.last, ".:;!?”".contains(last), t.count * 100 < medianLength * 85,
           next.first?.isUppercase == true { return .endsParagraph }
        return .continues
    }
}
