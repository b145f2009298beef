import ChamberModel

/// The read stage: from input bytes to one column of text per language, whatever the layout.
public enum Reader {
    /// Why a hyphen at a line end is decided without a spelling rule of Hunspell's
    /// dictionaries, when it is (`Spelling`): a note for the CLI to print once.
    public static var spellingNote: String? {
        let (languages, folders) = Spelling.missing
        guard !languages.isEmpty else { return nil }
        return "no Hunspell dictionary for \(languages.map(\.name).joined(separator: " or ")) in \(folders.joined(separator: ", ")) "
            + "(install hunspell-nl and hunspell-fr): a hyphen at a line end that the document does not explain is dropped"
    }

    /// Opens, on a thread of its own, what the first document read would otherwise wait for:
    /// poppler-glib where PDFs may come (6–8 ms: the forty libraries it brings), then the
    /// parts of the Hunspell dictionaries that the hyphen rules ask (13 ms). A command that
    /// reads calls this as it starts, so that both open while it parses its arguments and its
    /// schema and reads its input; `read` calls it too. Once a process: later calls do nothing.
    public static func prepare(readingPDFs: Bool) {
        Spelling.shared.prepare(first: readingPDFs ? openPoppler : nil)
    }

    /// Opens poppler-glib; a failure is reported by the first PDF read.
    @Sendable private static func openPoppler() {
        do { _ = try Poppler.library() } catch {}
    }

    /// Reads a bilingual Chamber document: a PDF, or a text dump of one.
    ///
    /// - Throws: `UnusableInput` for a damaged or encrypted PDF or one without a text layer,
    ///   for empty, binary or non-UTF-8 input, and for text that
    ///   does not hold both a Dutch and a French column.
    public static func read(_ bytes: [UInt8], source: String) throws(UnusableInput) -> ReadDocument {
        Spelling.shared.prepare()
        var removed: [Furniture] = []
        let layout: InputLayout
        var joiner: LineJoiner
        var reading: LayoutReading
        // Plain `pdftotext` joined the words cut at line ends, dropping their hyphens.
        var hyphensDropped = false
        if bytes.starts(with: Array("%PDF-".utf8)) {
            let pdf = PDFLayoutReader(pages: try PDFText.pages(bytes))
            layout = .pdf
            joiner = LineJoiner(vocabulary: Vocabulary(lines: pdf.lineTexts))
            reading = pdf.read(joiner: joiner)
        } else {
            var lines = try SourceText.lines(from: bytes, removed: &removed)
            layout = detectLayout(lines)
            // `-raw` breaks lines at an apostrophe placed apart; `-layout` sets cells side by side.
            if layout == .pageSerializedRaw || layout == .interleavedRows { SourceText.mendingElisions(&lines) }
            hyphensDropped = (layout == .pageSerializedRaw || layout == .pageSerializedClean) && LostHyphens.wereDropped(lines)
            // Only where blank lines set blocks apart, as plain `pdftotext` sets a column's
            // blocks (few of them where a column runs on over the page): a `-raw` dump that never
            // hyphenated has none, and its long lines are no joins. The hyphens put back are in
            // words the vocabulary holds already: it is read once.
            let vocabulary = Vocabulary(lines: lines.map(\.text))
            let joinsLines = hyphensDropped && (layout == .pageSerializedClean || Self.setsBlocksApart(lines))
            if joinsLines { LostHyphens.restoreAtJoins(&lines, vocabulary: vocabulary) }
            joiner = LineJoiner(vocabulary: vocabulary)
            let reader: any LayoutReader = switch layout {
            case .pageSerializedClean: CleanLayoutReader(joiner: joiner)
            case .pageSerializedRaw: RawLayoutReader(joiner: joiner, joinsLines: joinsLines)
            case .interleavedRows: InterleavedRowsReader(joiner: joiner)
            case .sideBySide, .pdf: SideBySideReader(joiner: joiner)
            }
            reading = reader.read(lines)
        }
        // The layout reader gave the lines in reading order: number them so, for the stages
        // after this one, which order by it.
        var order = 0
        for f in reading.fragments.indices {
            for l in reading.fragments[f].lines.indices {
                reading.fragments[f].lines[l].order = order
                order += 1
            }
        }
        // Whether the typesetter cut words shows in the columns' lines, as read.
        var vocabulary = joiner.vocabulary
        vocabulary.weighLineEnds(of: reading.fragments)
        joiner = LineJoiner(vocabulary: vocabulary)
        var assembler = ColumnAssembler(joiner: joiner, keepsSoftBreaks: !reading.marksParagraphEnds)
        var columns = assembler.columns(from: reading.fragments)
        LabelFiling.refile(&columns, joiner: joiner)
        if hyphensDropped { LostHyphens.restore(in: &columns) }
        var document = ReadDocument(source: source, layout: layout, columns: columns,
                                    parties: reading.tables.parties, legend: BilingualTables.legendRows(reading.tables.legend),
                                    committees: reading.tables.committees)
        document.furniture = (reading.furniture + assembler.furniture + removed).sorted { ($0.span.page ?? 0, $0.span.line ?? 0) < ($1.span.page ?? 0, $1.span.line ?? 0) }
        try requireBothLanguages(document)
        return document
    }

    /// Side by side when most text lines hold two columns; clean when blank lines separate
    /// paragraphs; interleaved rows when the lines change language most of the time; raw
    /// otherwise.
    static func detectLayout(_ lines: [SourceLine]) -> InputLayout {
        let text = lines.filter { !$0.isBlank }
        let twoColumn = text.filter { hasGutter($0.text) }.count
        if twoColumn * 10 >= text.count * 3 { return .sideBySide }
        let blank = lines.count - text.count
        if blank * 4 >= text.count { return .pageSerializedClean }
        return LanguageBoundary.isInterleaved(text.map(\.text)) ? .interleavedRows : .pageSerializedRaw
    }

    /// Whether a blank line stands between two lines of text on a page.
    static func setsBlocksApart(_ lines: [SourceLine]) -> Bool {
        lines.indices.dropFirst().dropLast().contains { i in
            lines[i].isBlank && !lines[i - 1].isBlank && !lines[i + 1].isBlank && !lines[i + 1].startsPage
        }
    }

    /// Text, a run of at least three spaces, and text again past position 30.
    private static func hasGutter(_ line: Substring) -> Bool {
        var spaces = 0
        var sawText = false
        var position = 0
        // Positions count scalars: every byte but a UTF-8 continuation byte starts one.
        for byte in line.utf8 where byte & 0xC0 != 0x80 {
            position += 1
            if byte == 0x20 { spaces += 1; continue }
            if sawText && spaces >= 3 && position > 30 { return true }
            sawText = true
            spaces = 0
        }
        return false
    }

    /// A Chamber document has both languages; a monolingual text is refused, naming the
    /// language that is missing, and so is one whose columns do not read as Dutch and French
    /// (an English manual cut into two columns), naming the one that reads least so.
    private static func requireBothLanguages(_ document: ReadDocument) throws(UnusableInput) {
        let counts = Language.allCases.map { document.columns[$0]?.wordCount ?? 0 }
        let total = counts.reduce(0, +)
        for (language, count) in zip(Language.allCases, counts) where count * 10 < total {
            throw UnusableInput("no \(language.name) column found (\(count) of \(total) words are \(language.name)); not a bilingual Chamber document")
        }
        if let fewest = counts.min(), fewest < 20 {
            throw UnusableInput("too short for a bilingual Chamber document (\(total) words)")
        }
        // Words of letters: figures (a table of numbers, an annex of budget lines) are no
        // evidence either way, and would thin a column's out.
        let evidence = Language.allCases.map { language in
            let blocks = document.columns[language]?.blocks ?? []
            let words = blocks.reduce(0) { $0 + Self.wordsOfLetters(in: $1.content.text) }
            let sum = blocks.reduce(0) { $0 + LanguageEvidence.score(Substring($1.content.text)) }
            return (language: language, perWord: (language == .nl ? 1 : -1) * sum / Double(max(words, 1)))
        }
        if let weakest = evidence.min(by: { $0.perWord < $1.perWord }), weakest.perWord < leastEvidencePerWord {
            throw UnusableInput("the text does not read as Dutch and French (its \(weakest.language.name) column scores "
                + "\(String(format: "%.2f", weakest.perWord)) a word as \(weakest.language.name), a Chamber document's columns 1.5 or more); "
                + "not a bilingual Chamber document")
        }
    }

    /// The words of two letters or more in a text (a letter: an ASCII one, or any byte of a
    /// character beyond ASCII, as `LanguageEvidence` reads them).
    static func wordsOfLetters(in text: String) -> Int {
        var words = 0, run = 0
        for byte in text.utf8 {
            if byte &- 0x41 < 26 || byte &- 0x61 < 26 || byte >= 0x80 {
                run += 1
                if run == 2 { words += 1 }
            } else {
                run = 0
            }
        }
        return words
    }

    /// How much evidence of its language a column has a word of letters, at least
    /// (`LanguageEvidence`: log-odds). The Chamber documents chamberdoc was tried on, every
    /// layout of them, have 1.59 or more on either side (one with 600 rows of figures added
    /// to each column, 1.79); English manuals read as two columns 0.05 to 0.17. Set low: a
    /// Chamber document refused is worse than a foreign one read.
    static let leastEvidencePerWord = 0.25
}
