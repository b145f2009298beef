import ChamberModel

/// Reads the cleaned page-serialized layout: paragraphs separated by blank lines, each page
/// one language's column then the other's with no marker between them. Tables sit on lines
/// of tab-separated cells. The language of each paragraph is decided with its neighbours.
struct CleanLayoutReader {
    let joiner: LineJoiner
    var parties: [TableRow] = []
    var legend: [TableRow] = []

    mutating func fragments(_ lines: [SourceLine]) -> [ColumnFragment] {
        var paragraphs: [[ColumnLine]] = []
        var current: [ColumnLine] = []
        var tableLines: [BilingualTables.Line] = []
        var legendEntries: [BilingualTables.LegendEntry] = []

        func closeParagraph() {
            guard !current.isEmpty else { return }
            current[current.count - 1].end = .endsBlock
            paragraphs.append(current)
            current = []
        }
        for line in lines {
            if line.isBlank { closeParagraph(); continue }
            if line.text.contains("\t") {
                closeParagraph()
                let cells = line.text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmed }
                if cells.count >= 3 {
                    // A legend row: Dutch code and text, French code and text (or the two headers).
                    for (code, text) in [(cells[0], cells[1]), (cells[2], cells.count > 3 ? cells[3] : "")] {
                        let header = BilingualTables.isLegendHeader(code)
                        legendEntries.append(.init(code: header ? "" : String(code), text: String(header ? code : text),
                                                   lines: SourceLines(line.number)))
                    }
                } else {
                    // Perhaps a party row; kept as a paragraph of its own if it is not one.
                    tableLines.append((line.text, line.number))
                    paragraphs.append([ColumnLine(text: line.text, number: line.number, end: .endsParagraph)])
                }
                continue
            }
            // A markdown list item starts a paragraph of its own.
            if !current.isEmpty, line.text.hasPrefix("- ") || line.text.hasPrefix("* ") || line.text.hasPrefix("• ") {
                current[current.count - 1].end = .endsParagraph
                paragraphs.append(current)
                current = []
            }
            // A markdown hard break (two trailing spaces) or a plain line break inside a
            // paragraph: the paragraph goes on.
            current.append(ColumnLine(text: line.text, number: line.number, end: .continues))
        }
        closeParagraph()

        let party = BilingualTables.partyRows(tableLines, joiner: joiner)
        parties = party.rows
        let usedLines = Set(party.used.map { tableLines[$0].number })
        paragraphs.removeAll { $0.count == 1 && usedLines.contains($0[0].number) }
        legend = BilingualTables.legendRows(legendEntries.map { entry in
            var entry = entry
            entry.text = ColumnAssembler.removingSuperscriptTags(entry.text)
            return entry
        })
        return FragmentSplitter.fragments(paragraphs, switchCost: 3)
    }
}
