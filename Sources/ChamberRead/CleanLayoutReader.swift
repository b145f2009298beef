import ChamberModel

/// Reads the cleaned page-serialized layout: paragraphs separated by blank lines, each page
/// one language's column then the other's with no marker between them. The language of each
/// paragraph is decided with its neighbours. Tables sit on lines of tab-separated cells: the
/// party table (`ABBR<TAB>: name`) and the legend (`CODE<TAB>Dutch<TAB>CODE<TAB>French`).
/// A raw dump with blank lines between paragraphs reads as this layout too, so running
/// headers are removed here as well.
struct CleanLayoutReader: LayoutReader {
    let joiner: LineJoiner

    func read(_ lines: [SourceLine]) -> LayoutReading {
        var reading = LayoutReading()
        let (pages, removed) = PageFurniture.split(lines)
        reading.furniture = removed
        var paragraphs: [[ColumnLine]] = []
        var current: [ColumnLine] = []

        func close(_ end: LineEnd = .endsBlock) {
            guard !current.isEmpty else { return }
            current[current.count - 1].end = end
            paragraphs.append(current)
            current = []
        }
        for page in pages {
            let tables = BilingualTables.find(in: page.map { ($0.text, $0.number) }, joiner: joiner)
            reading.tables.add(tables)
            close()
            for line in page {
                if line.isBlank || tables.used.contains(line.number) { close(); continue }
                // A list item, or a row of some table, starts a paragraph; a row ends it too.
                let isRow = line.text.utf8.contains(0x09)
                if line.text.startsWithBullet || isRow { close(.endsParagraph) }
                // A markdown hard break (two trailing spaces) or a plain line break inside a
                // paragraph: the paragraph goes on, unless the line is a date alone (`10 juli
                // 2024`, before the signatures), a unit of its own.
                current.append(ColumnLine(line, end: .continues))
                if isRow || Dates.isoDate(line.text.trimmed) != nil { close(.endsParagraph) }
            }
        }
        close()
        reading.fragments = FragmentSplitter.fragments(paragraphs, switchCost: FragmentSplitter.switchCost(paragraphs, ceiling: 3))
        return reading
    }
}
