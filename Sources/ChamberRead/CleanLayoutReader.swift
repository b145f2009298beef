import ChamberModel

/// Reads the cleaned page-serialized layout: paragraphs separated by blank lines, each page
/// one language's column then the other's with no marker between them. The language of each
/// paragraph is decided with its neighbours. Tables sit on lines of tab-separated cells: the
/// party table (`ABBR<TAB>: name`) and the legend (`CODE<TAB>Dutch<TAB>CODE<TAB>French`).
/// A raw dump with blank lines between paragraphs reads as this layout too, so running
/// headers are removed here as well, and so does plain `pdftotext`, whose blocks may hold
/// several paragraphs (`endParagraphsInside`).
struct CleanLayoutReader: LayoutReader {
    let joiner: LineJoiner

    func read(_ lines: [SourceLine]) -> LayoutReading {
        var reading = LayoutReading()
        let (pages, removed) = PageFurniture.split(lines)
        reading.furniture = removed
        var paragraphs: [[ColumnLine]] = []
        var current: [ColumnLine] = []

        // Blank lines mark the paragraphs unless some block is found to hold several (plain
        // `pdftotext`): then a line may end a paragraph unseen (`SoftBreak`).
        reading.marksParagraphEnds = true
        func close(_ end: LineEnd = .endsBlock) {
            guard !current.isEmpty else { return }
            current[current.count - 1].end = end
            if Self.endParagraphsInside(&current) { reading.marksParagraphEnds = false }
            paragraphs += Self.languageRuns(current)
            current = []
        }
        for page in pages {
            let tables = BilingualTables.find(in: page.map { ($0.text, $0.number) }, joiner: joiner)
            reading.tables.add(tables)
            close()
            for line in page {
                if line.isBlank || tables.used.contains(line.number) { close(); continue }
                // A cover's two cells run together (dates, headings): each is a paragraph of its language.
                if let cells = ColumnLine.cellPair(line, after: current.last?.text) {
                    close()
                    paragraphs += cells
                    continue
                }
                // A list item, or a row of some table, starts a paragraph; a row ends it too.
                // So does a date or a document number alone (`10 juli 2024`, a cover's date, the
                // date before the signatures; `DOC 56 0055/001`), a unit of its own, unless the
                // text before goes on in it (`… De wet van` / `15 juni 2024` / `bepaalt …`).
                let isRow = line.text.utf8.contains(0x09)
                let standsAlone = PageCut.standsAlone(line.text.trimmed, after: current.last.map { String($0.text.trimmed) })
                if line.text.startsWithBullet || isRow || standsAlone { close(.endsParagraph) }
                // A markdown hard break (two trailing spaces) or a plain line break inside a
                // paragraph: the paragraph goes on.
                current.append(ColumnLine(line, end: .continues))
                if isRow || standsAlone { close(.endsParagraph) }
            }
        }
        close()
        // A block is one language's: it stays one segment, its paragraphs with it, unless they
        // change language (`languageRuns`); a table printed across both columns gives each
        // language its cells.
        let (segments, tables) = BilingualGrid.serialized(paragraphs, width: RawLayoutReader.columnWidth(lines.map(\.text)), joiner: joiner)
        reading.fragments = FragmentSplitter.fragments(segments, switchCost: FragmentSplitter.switchCost(segments, ceiling: 3), tables: tables)
        return reading
    }

    /// Plain `pdftotext` leaves no blank line between paragraphs that follow each other
    /// closely: inside a block, a whole heading or salutation (`Dames en Heren,`) ends its
    /// paragraph, so does a short open line that opens the block before a capital (a
    /// heading: `Intrekking van beslissingen` / `Wanneer …`), the line before the submitters'
    /// (`(ingediend door …)`), and a line that closes a clause before a label, a bullet (`dat:`
    /// / `a) …`), a line in capitals (`DEMANDE AU GOUVERNEMENT FÉDÉRAL:`) or a signature
    /// (`Kristien Verbelen (VB)`: the signatures follow the last paragraph in its block);
    /// and, in a block of four lines or more, so does a line that closes a sentence well
    /// short of the block's width (`ColumnLine.width(ofBlock:)`), before a capital. One that
    /// closes a sentence a little short of it seems to (`mayEndParagraph`), as in a `-raw`
    /// dump: a sentence that ends a paragraph fills its line as often as not.
    /// Returns whether it surely ended one: then blocks hold several paragraphs in this dump.
    @discardableResult
    static func endParagraphsInside(_ block: inout [ColumnLine]) -> Bool {
        let lengths = block.map { $0.text.trimmed.unicodeScalars.count }
        let width = ColumnLine.width(ofBlock: lengths)
        var ended = false
        // The first line of the paragraph that `index` is in.
        var start = block.startIndex
        for index in block.indices.dropLast() {
            let text = block[index].text.trimmed
            // A word cut at the line's end goes on in the next.
            if LineHyphen.endsWord(text) { continue }
            // The submitters' line of a cover follows the title in the same block, its bracket
            // closing the line or the next one (not `(ingediend door … en` / `mevrouw An Claes)
            // stelde …`); a list's items follow the clause that opens them (`… vaststelling
            // dat:` / `a) Defensie …`), but a capital letter before a name is no label (`M. Dupont`).
            let next = block[index + 1].text.trimmed
            let submitters = Lexicon.opensSubmitters(next)
                && (next.contains(")") || index + 2 < block.count && Lexicon.closesSubmitters(block[index + 2].text.trimmed))
            let closes = text.last.map { ".:;".contains($0) } == true
            let capitals = next.contains(" ") && Lexicon.isAllCapitals(next.letterCase)
            // A heading opens its paragraph (its block, or after an end, a guessed one too),
            // short, open, before a capital (`Intrekking van beslissingen` / `Wanneer de
            // vicegouverneur …`; `… dans la gare d'arrivée.` / `Difficultés` / `Les …`); a line
            // in capitals before another is a heading's too, wrapped (`FAIT AU NOM DE LA
            // COMMISSION` / `DES AFFAIRES SOCIALES, …`).
            let opens = index == 0 || block[index - 1].end != .continues
            // A block's first line is short enough under four fifths of the block where the
            // next line's first word would have fitted on it (a ragged column's heading:
            // `Schorsingen door de vicegouverneur` / `Totalen 2023. De …`), as in `-layout`.
            let short = Double(lengths[index]) < SoftBreak.shortLine * Double(width)
                || index == 0 && lengths[index] * 5 < width * 4 && lengths[index] + 1 + next.prefix { $0 != " " }.unicodeScalars.count < width
            let heading = opens && short && text.first?.isUppercase == true && next.first?.isUppercase == true
                && !(capitals && Lexicon.isInCapitals(text))
                && text.last.map { !Lexicon.paragraphClosings.contains($0) && $0 != "," } == true
                && !Lexicon.leavesTextOpen.contains(text.lastWord.lowercased()) && !Lexicon.awaitsRapporteur(text)
            // So does the line before a whole heading in capitals (`… deconnectie betreft` /
            // `VERSLAG`; not the word `rapport` in running text), an article's heading or a
            // report cover's committee or rapporteur.
            let beforeOwnBlock = Lexicon.isWholeHeading(next) && Lexicon.isInCapitals(next) || next.opensBlockWhateverBefore
            if Lexicon.isWholeHeading(text) || Self.endsHeading(block[start...index]) || Self.endsSignatures(block[start...index], before: next) || submitters || heading
                || beforeOwnBlock
                || closes && (Self.opensListItem(next) || Signatory.names(in: next) != nil || capitals) || PageCut.opensAmendment(after: text, next: next) {
                block[index].end = .endsParagraph
                ended = true
                start = index + 1
                continue
            }
            guard block.count >= 4, PageCut.closesSentence(text), lengths[index] < width, next.first?.isUppercase == true else { continue }
            if Double(lengths[index]) < SoftBreak.shortLine * Double(width) {
                block[index].end = .endsParagraph
                ended = true
                start = index + 1
            } else {
                // A guessed end: what follows may open a paragraph (a heading, signatures).
                block[index].end = .mayEndParagraph
                start = index + 1
            }
        }
        return ended
    }

    /// Whether a paragraph's lines so far, a few, make a whole heading or salutation, on one
    /// line or wrapped over them (`MESDAMES, MES-` / `SIEURS,`), or the preamble in capitals
    /// (`LA CHAMBRE DES REPRÉSENTANTS,`; `DE KAMER VAN VOLKSVERTEGENWOORDI-` / `GERS,`), which
    /// its comma does not close as a sentence.
    private static func endsHeading(_ lines: ArraySlice<ColumnLine>) -> Bool {
        guard lines.count <= 3 else { return false }
        let text = LineHyphen.joining(lines.map(\.text.trimmed))
        guard text.utf8.count <= 80 else { return false }
        return Lexicon.isWholeHeading(text) || text.hasSuffix(",") && Lexicon.namesChamber(text) && Lexicon.isInCapitals(text)
    }

    /// Whether a paragraph's lines so far are all signatures and the next line is none
    /// (`Koen Maes (Vooruit)` / `PROPOSITION DE RÉSOLUTION`): the signatures stand together,
    /// a paragraph of their own. A line of text that reads like one (`Vaste Commissie voor
    /// Taaltoezicht (VCT)`) goes on with the lines before it, and so does a speaker's name
    /// that the next line goes on in lower case (a report's `Mevrouw Nathalie Dubois (Les
    /// Engagés)` / `vraagt hoe …`).
    private static func endsSignatures(_ lines: ArraySlice<ColumnLine>, before next: Substring) -> Bool {
        Signatory.names(in: next) == nil && next.first?.isLowercase != true && lines.allSatisfy { Signatory.names(in: $0.text.trimmed) != nil }
    }

    /// A block cut where its paragraphs change language: a dump of a PDF drawn row by row
    /// gives the two columns' headings one after the other in one block (`Aperçu global` /
    /// `Globaal beeld`). Elsewhere a block stays whole, one language's.
    static func languageRuns(_ block: [ColumnLine]) -> [[ColumnLine]] {
        // Most blocks are one paragraph: nothing to read.
        guard block.dropLast().contains(where: { $0.end != .continues }) else { return [block] }
        var runs: [[ColumnLine]] = []
        var start = block.startIndex, previous: String?
        for index in block.indices where block[index].end != .continues || index == block.endIndex - 1 {
            // A paragraph's first lines tell its language as well as the whole.
            let paragraph = block[start...min(index, start + 2)].map { String($0.text.trimmed) }.joined(separator: " ")
            if let previous, LanguageEvidence.changes(from: previous, to: paragraph) {
                runs.append([])
            }
            if runs.isEmpty { runs.append([]) }
            runs[runs.count - 1] += block[start...index]
            previous = paragraph
            start = index + 1
        }
        return runs
    }

    /// Whether a line opens a list item: a bullet, a label alone (its text in the next block),
    /// or a label but a capital letter's before a capitalised word (`M. Dupont`, `J. Peeters`:
    /// a name's initial).
    private static func opensListItem(_ line: Substring) -> Bool {
        if line.startsWithBullet || Labels.isAlone(line) { return true }
        guard let label = Labels.leading(line) else { return false }
        let word = line.utf8.dropFirst(label.length + 1)
        return label.form != .upperLetter || !(word.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false)
    }
}
