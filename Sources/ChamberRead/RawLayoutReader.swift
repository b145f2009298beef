import ChamberModel

/// Reads plain `pdftotext` output: page-serialized like the clean layout, but with no blank
/// lines between paragraphs, running headers and footers on every page, and footnotes at the
/// foot of each column.
///
/// Page furniture is removed by `PageFurniture`. Paragraph ends come from `pdftotext`
/// itself, which leaves a trailing space on every wrapped line; without that signal, line
/// length against the column width and closing punctuation decide.
struct RawLayoutReader: LayoutReader {
    let joiner: LineJoiner
    /// Whether the dump's maker joined each cut word's line with the next: where the dump
    /// shows it (`showsJoins`), its long lines are judged by their last line of print
    /// (`lastPrintedLength`).
    var joinsLines = false

    func read(_ lines: [SourceLine]) -> LayoutReading {
        var reading = LayoutReading()
        let (pages, removed) = PageFurniture.split(lines)
        reading.furniture = removed
        let hasWrapSignal = Self.hasTrailingSpaceSignal(lines)
        reading.marksParagraphEnds = hasWrapSignal
        let joined = Self.joinedLength(lines.map(\.text))
        let width = Self.columnWidth(lines.map(\.text), joined: joined)
        let joinsLines = joinsLines && Self.showsJoins(lines, joined: joined)
        // Plain `pdftotext` sets a column's blocks apart by blank lines (fewer than the clean
        // layout's, for a block may hold several paragraphs): a block is in one language.
        let blankLines = lines.filter { $0.text.utf8.allSatisfy { $0 == 0x20 } }.count
        let keepsBlocks = blankLines * 10 >= lines.count - blankLines
        let pageTables = pages.map { page in BilingualTables.find(in: page.map { ($0.text, $0.number) }, joiner: joiner) }
        for tables in pageTables { reading.tables.add(tables) }
        // Each line is measured against its block's width, or, where a line's number has one,
        // its column's (`columns`). The segments hold the same lines whatever the widths, so
        // the switch cost, measured on all of them, is measured once.
        var switchCost: Double? = nil
        func fragments(columns: [Int: Int]) -> [ColumnFragment] {
            var pageSegments: [[[ColumnLine]]] = []
            var pageWidths: [[Int: Int]] = []
            for (page, tables) in zip(pages, pageTables) {
                // A line of a TAB alone is kept: pdftotext writes it where a footnote goes on with a
                // new paragraph (`§ 3. …` of a quoted article), and the note goes on after it.
                let pageLines = page.filter { (!$0.isBlank || $0.text == "\t") && !tables.used.contains($0.number) }
                let stretched = hasWrapSignal ? [] : Self.stretchedLines(pageLines.map(\.text))
                let blocks = Self.blocks(page, fallbackWidth: width, joined: joined)
                let widths = Dictionary(uniqueKeysWithValues: pageLines.map { ($0.number, columns[$0.number] ?? blocks[$0.number]?.width ?? width) })
                var segments: [[ColumnLine]] = []
                var afterPair = false
                // A line of print that a raised marker broke (`breaksAtMarker`) goes on in the line
                // right below it, which is measured with it.
                let brokenAtMarker = pageLines.indices.map { k in
                    !hasWrapSignal && k + 1 < pageLines.count && pageLines[k + 1].number == pageLines[k].number + 1
                        && Self.breaksAtMarker(pageLines[k].text, next: pageLines[k + 1].text, width: widths[pageLines[k].number]!)
                }
                for (index, line) in pageLines.enumerated() {
                    let next = index + 1 < pageLines.count ? pageLines[index + 1].text : nil
                    let block = blocks[line.number]
                    var end = stretched.contains(index) || brokenAtMarker[index] ? .continues
                        : Self.lineEnd(line.text, next: next, wrapSignal: hasWrapSignal, width: widths[line.number]!,
                                       previous: index > 0 ? pageLines[index - 1].text : nil,
                                       brokenAtMarker: index > 0 && brokenAtMarker[index - 1], joinsLines: joinsLines)
                    // The last line of a block goes on only where the text is open across the
                    // blank line (`PageCut`), as a cut paragraph's does.
                    if keepsBlocks, end == .continues, index + 1 == pageLines.count || blocks[pageLines[index + 1].number]?.index != block?.index {
                        end = .endsBlock
                    }
                    if let cells = ColumnLine.cellPair(line, after: index == 0 || afterPair ? nil : pageLines[index - 1].text) {
                        segments += cells
                        afterPair = true
                        continue
                    }
                    let column = ColumnLine(line, end: end)
                    if keepsBlocks, index > 0, !afterPair, let block, blocks[pageLines[index - 1].number]?.index == block.index {
                        segments[segments.count - 1].append(column)
                    } else {
                        segments.append([column])
                    }
                    afterPair = false
                }
                pageSegments.append(segments)
                pageWidths.append(widths)
            }
            let cost = switchCost ?? FragmentSplitter.switchCost(pageSegments.flatMap { $0 }, ceiling: 6)
            switchCost = cost
            var result: [ColumnFragment] = []
            for (segments, widths) in zip(pageSegments, pageWidths) {
                // A table printed across both columns gives each language its cells.
                let (segments, tables) = BilingualGrid.serialized(segments, width: width, joiner: joiner)
                var fragments = FragmentSplitter.fragments(segments, switchCost: cost, tables: tables)
                // Where the other language follows, a line's end was judged by a line of the other
                // column (`… sanctionering, waarbij` before `I. considérant …`): it is judged
                // again by itself, and whether its text goes on is the page-cut rule's.
                for index in fragments.indices.dropLast()
                where fragments[index + 1].language != fragments[index].language && !fragments[index].isTable {
                    let lines = fragments[index].lines
                    guard let last = lines.last, let number = last.number, [.endsParagraph, .mayEndParagraph].contains(last.end) else { continue }
                    fragments[index].lines[lines.count - 1].end = Self.lineEnd(last.text, next: nil, wrapSignal: hasWrapSignal,
                                                                               width: widths[number] ?? width,
                                                                               previous: lines.dropLast().last?.text, joinsLines: joinsLines)
                }
                result += fragments
            }
            return result
        }
        reading.fragments = fragments(columns: [:])
        // Columns of unequal widths (a page's lines measured as one block, without blank
        // lines): each language's lines, as the first reading gave them, are measured again
        // against their own column's width, so that the narrower column's full lines do not
        // seem to end paragraphs.
        if !hasWrapSignal, !keepsBlocks {
            let text = reading.fragments.filter { !$0.isTable }
            let widths = Dictionary(grouping: text, by: \.language).mapValues { Self.columnWidth($0.flatMap(\.lines).map(\.text), joined: joined) }
            if let nl = widths[.nl], let fr = widths[.fr], min(nl, fr) > 0, max(nl, fr) * 10 > min(nl, fr) * 11 {
                var columns: [Int: Int] = [:]
                for fragment in text { for line in fragment.lines { if let number = line.number { columns[number] = widths[fragment.language] } } }
                reading.fragments = fragments(columns: columns)
            }
        }
        return reading
    }

    // MARK: Paragraph ends

    /// Without the trailing-space signal, the lines that are pieces of one justified line
    /// which `pdftotext` cut at its widened spaces, a word a line (`in` / `toenemende` /
    /// `mate`; a dash is a word too: `satellietbeelden` / `–` / `die`): in a run of two or
    /// more lone words, every word but the last goes on, and so does the last one unless it
    /// closes a sentence, since a stretched line is a full one.
    static func stretchedLines(_ texts: [Substring]) -> Set<Int> {
        func isLoneWord(_ index: Int) -> Bool {
            let t = texts[index].trimmed
            guard !t.isEmpty, !t.contains(" "), !t.contains("\t"), t.contains(where: \.isLetter) || t == "–" || t == "—" else { return false }
            // A label alone is none (`c)`, `3.1.`, `I.` before `considérant …`), but a capital
            // before a capitalised word is a name's initial (`van` / `M.` / `Dupont`).
            if let label = Labels.alone(t) {
                guard [.upperLetter, .roman].contains(label.form), index + 1 < texts.count,
                      texts[index + 1].trimmed.first?.isUppercase == true else { return false }
            }
            return !t.opensBlock && Labels.footnoteNumber(t) == nil && !ColumnAssembler.isCapitals(String(t))
        }
        var result = Set<Int>()
        var start = 0
        while start < texts.count {
            guard isLoneWord(start) else { start += 1; continue }
            var end = start + 1
            while end < texts.count, isLoneWord(end) { end += 1 }
            if end - start >= 2 {
                result.formUnion(start..<(end - 1))
                if let last = texts[end - 1].trimmed.last, !".:;!?".contains(last) { result.insert(end - 1) }
            }
            start = end
        }
        return result
    }

    /// Whether wrapped lines carry `pdftotext`'s trailing space.
    static func hasTrailingSpaceSignal(_ lines: [SourceLine]) -> Bool {
        let text = lines.filter { !$0.isBlank }
        let trailing = text.filter { $0.text.last == " " }.count
        return !text.isEmpty && trailing * 6 >= text.count
    }

    /// The column width: the length most full lines reach (the 90th percentile, since
    /// headings, table cells and last lines are shorter), not counting lines of `joined`
    /// characters or more (`joinedLength`): two lines of print that plain `pdftotext` joined
    /// where a word was cut, a tenth of its lines or more (the percentile of all read twice
    /// the width, and lines of open text as short ones).
    static func columnWidth(_ lines: [Substring], joined: Int? = nil) -> Int {
        let lengths = lineLengths(lines)
        let limit = joined ?? joinedLength(lengths)
        let kept = lengths.filter { $0 < limit }, measured = kept.isEmpty ? lengths : kept
        return measured.isEmpty ? 0 : measured[measured.count * 9 / 10]
    }

    /// Whether a dump shows that lines were joined: lines of two of print, one in thirty or
    /// more (a typesetter that seldom cuts words gives next to none, and its lines over the
    /// width are full ones).
    private static func showsJoins(_ lines: [SourceLine], joined: Int) -> Bool {
        let text = lines.filter { !$0.isBlank }
        return !text.isEmpty && text.filter { $0.text.trimmed.unicodeScalars.count >= joined }.count * 30 >= text.count
    }

    /// The length from which a line of a document's text holds two lines of print: three
    /// quarters again as long as its full lines, the densest cluster of lengths (the window of
    /// lengths within a fifth of its top that holds the most lines; of equal ones, the one
    /// with the highest top). Measured on a whole document: a block's few lines may have more
    /// short ones together than full. No length (`Int.max`) where that would leave out more
    /// than a quarter of the lines: joins are fewer, and such a cluster is a table's short
    /// cells that outnumber the text's full lines.
    static func joinedLength(_ lines: [Substring]) -> Int {
        joinedLength(lineLengths(lines))
    }

    private static func joinedLength(_ sortedLengths: [Int]) -> Int {
        var full = (count: 0, top: 0), low = 0
        for high in sortedLengths.indices {
            while sortedLengths[low] * 5 <= sortedLengths[high] * 4 { low += 1 }
            if high - low + 1 >= full.count { full = (high - low + 1, sortedLengths[high]) }
        }
        let length = full.top * 7 / 4 + 1
        let over = sortedLengths.count - (sortedLengths.firstIndex { $0 >= length } ?? sortedLengths.count)
        return over * 4 > sortedLengths.count ? .max : length
    }

    private static func lineLengths(_ lines: [Substring]) -> [Int] {
        lines.map { $0.trimmed.unicodeScalars.count }.filter { $0 > 0 }.sorted()
    }

    /// The length of a line's last line of print: plain `pdftotext` joins a line that ends in
    /// a cut word with the whole next one, so a line a quarter or more over its column's
    /// width holds two or more lines of print, those before the last full (a cut word's line
    /// is seldom short). Its end is judged by the last (`joinsLines`: the dump was made so).
    private static func lastPrintedLength(_ length: Int, width: Int, joinsLines: Bool) -> Int {
        guard joinsLines, width > 0 else { return length }
        var rest = length
        while rest * 4 >= width * 5 { rest -= width }
        return rest
    }

    /// Each line's block (its lines between blank ones) and the block's width, measured as
    /// the document's is when the block has lines enough to show it (columns of unequal
    /// widths), else `fallbackWidth`.
    static func blocks(_ page: [SourceLine], fallbackWidth: Int, joined: Int) -> [Int: (index: Int, width: Int)] {
        var result: [Int: (index: Int, width: Int)] = [:]
        var block: [SourceLine] = []
        var index = 0
        func close() {
            let width = block.count >= 4 ? columnWidth(block.map(\.text), joined: joined) : fallbackWidth
            for line in block { result[line.number] = (index, width) }
            block = []
            index += 1
        }
        for line in page {
            if line.isBlank { close() } else { block.append(line) }
        }
        close()
        return result
    }

    /// `previous` is the line before, which tells more of the text's language and whether it
    /// names the Chamber than a line of one word can (`Belgische Kamer van` / `volksvertegenwoordigers`);
    /// `brokenAtMarker`, whether this line is the rest of the line before (`breaksAtMarker`).
    static func lineEnd(_ text: Substring, next: Substring?, wrapSignal: Bool, width: Int, previous: Substring? = nil,
                        brokenAtMarker: Bool = false, joinsLines: Bool = false) -> LineEnd {
        if next?.startsWithBullet == true { return .endsParagraph }
        // A date alone on its line (`10 juli 2024`, before the signatures) is a unit of its own,
        // as a cover's document number is.
        if PageCut.isUnitOfItsOwn(text.trimmed) { return .endsParagraph }
        // A caption (`Tabel 9. …`) opens a block even after a wrapped line, which the caption
        // may interrupt, in the other language (`… au profit des francophones, de` / `Tabel 9.`):
        // whether the text goes on after it is left to the page-cut rule.
        if let next, Lexicon.opensCaption(next) { return .endsBlock }
        if text.last == "\u{AD}" || LineHyphen.endsWord(text) { return .continues }
        // So does the line before one, unless open text goes on in it.
        if let next, PageCut.standsAlone(next.trimmed, after: String(text.trimmed)) || PageCut.opensAmendment(after: text.trimmed, next: next.trimmed) {
            return .endsParagraph
        }
        // pdftotext's own signal: a wrapped line ends with a space.
        if wrapSignal { return text.last == " " || text.last == "\t" ? .continues : .endsParagraph }
        return heuristicEnd(text, next: next, width: width, previous: previous, brokenAtMarker: brokenAtMarker, joinsLines: joinsLines)
    }

    /// Whether a line that ends with a note's marker glued to its word (`… binnen.6`,
    /// `dossiers6`) and the line after it are one line of print: `pdftotext -raw` breaks a
    /// line after a raised marker, and the two together fit the column, the second going on
    /// in words or punctuation.
    static func breaksAtMarker(_ text: Substring, next: Substring, width: Int) -> Bool {
        let t = text.trimmed, rest = next.trimmed
        // One or two digits after a letter (`dossiers6`), a full stop (`binnen.6`), or another
        // mark after a word (`verzekeren”.7`, `retiré,11`).
        guard let marker = PageCut.trailingDigits(t), marker.digits <= 2 else { return false }
        let before = marker.before ?? " "
        guard marker.after.isLetter || marker.after == "." || ",;:”’)".contains(marker.after) && (before.isLetter || "”’)".contains(before)),
              // The rest is text, not a note's number below the marker's line (`1`, `1 Verslag …`).
              rest.first.map({ $0.isLetter || ",;:.".contains($0) }) == true, Labels.footnoteNumber(rest) == nil else { return false }
        let length = t.unicodeScalars.count + 1 + rest.unicodeScalars.count
        // After a number's full stop the digits may be the number's (`punt 2.1` / `Globaal
        // beeld`, a heading): a marker there (`het jaar 2023.1` / `En voici les princi-`) breaks
        // a line that the rest fills.
        if marker.after == ".", before.isNumber, Double(length) < SoftBreak.shortLine * Double(width) { return false }
        return length <= width
    }

    /// Without the trailing-space signal: a line well short of the column width, or one that
    /// closes a sentence short of it, ends its paragraph; so does a line before a label. The
    /// rest of a line of print that a marker broke (`brokenAtMarker`: `breaksAtMarker` of
    /// `previous`) is measured with it.
    private static func heuristicEnd(_ text: Substring, next: Substring?, width: Int, previous: Substring?, brokenAtMarker: Bool,
                                     joinsLines: Bool) -> LineEnd {
        let t = text.trimmed
        var length = t.unicodeScalars.count
        if brokenAtMarker, let previous { length += previous.trimmed.unicodeScalars.count + 1 }
        length = Self.lastPrintedLength(length, width: width, joinsLines: joinsLines)
        // A page's last line: whether its text goes on at the next page is the page-cut rule's.
        guard let next = next?.trimmed else { return .endsBlock }
        // Before a TAB alone, a footnote's new paragraph.
        guard !next.isEmpty else { return .endsParagraph }
        // A label, or a label alone after a closed clause (`… distribution;` / `c)`), opens an item.
        if next.opensBlock || Labels.isAlone(next) && t.last.map({ ".:;".contains($0) }) == true { return .endsParagraph }
        // Notes at the foot of a column may cut a paragraph that goes on after them.
        if Labels.footnoteNumber(next) != nil { return .endsBlock }
        // A text does not end on an article or a preposition (`… bedreiging voor de`,
        // `BELGISCHE KAMER VAN` / `VOLKSVERTEGENWOORDIGERS`).
        let lastWord = t.lastWord.lowercased()
        if Lexicon.leavesTextOpen.contains(lastWord) { return .continues }
        // Nor inside brackets, nor before a line in lower case that the sentence goes on in
        // (`… drugshandel in ons` / `defensiebeleid`, `… mogen bestaan:` / `wordt men …`),
        // however short the line; unless it is a heading in capitals (`VOORSTEL VAN RESOLUTIE`
        // / `tot structurele integratie …`), the Chamber's name, a signature or tag in brackets
        // (`Kurt Ravyts (VB)`), or the next line reads as the other language (the Dutch title's
        // end, then the French title).
        if t.utf8.count(where: { $0 == UInt8(ascii: "(") }) > t.utf8.count(where: { $0 == UInt8(ascii: ")") }) { return .continues }
        let lines = previous.map { $0.trimmed + " " + t } ?? String(t)
        if next.first?.isLowercase == true, t.last == ":" || !PageCut.closesSentence(String(t)), !ColumnAssembler.isCapitals(String(t)), t.last != ")",
           !Lexicon.namesChamber(lines), !LanguageEvidence.changes(from: lines, to: next) {
            return .continues
        }
        if Lexicon.goesOnWithChamberName([t], next: next) { return .continues }
        // Capitals go on in capitals that close the text (`VERZOEKT DE FEDERALE` / `REGERING:`).
        if ColumnAssembler.isCapitals(String(t)), ColumnAssembler.isCapitals(String(next)), PageCut.continuesCapitals(String(t), String(next)) {
            return .continues
        }
        // A report's cover line goes on in the capitals of its next line or two, unless they
        // open the next cover line (`NAMENS DE COMMISSIE VOOR SOCIALE ZAKEN,` / `WERK EN
        // PENSIOENEN`, not `UITGEBRACHT` under it).
        if Lexicon.opensReportCoverLine(t) || previous.map({ Lexicon.opensReportCoverLine($0.trimmed) }) == true,
           ColumnAssembler.isCapitals(String(t)), ColumnAssembler.isCapitals(String(next)), t.last != ".",
           !Lexicon.opensReportCoverLine(next), !Lexicon.isWholeHeading(next) {
            return .continues
        }
        if ColumnAssembler.isCapitals(String(next)) { return .endsParagraph }
        if Double(length) < SoftBreak.shortLine * Double(width) { return .endsParagraph }
        // A line that closes a sentence (`PageCut.closesSentence`: not a bracket alone, `(ISR)`)
        // short of its column's full lines only seems to end its paragraph, however little
        // short: a justified paragraph's last line may nearly fill the column, and the align
        // stage joins the two again where the other language has one.
        // So does one over the column's width in a dump that joined lines: its last line of
        // print may be a cut word's few letters (`vernie-` / `tigt.`).
        if PageCut.closesSentence(String(t)), length < width || joinsLines && length > width { return .mayEndParagraph }
        return .continues
    }
}
