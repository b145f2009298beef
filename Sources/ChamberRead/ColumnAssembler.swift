import Foundation
import ChamberModel

/// Turns the column fragments of a document into one `LanguageColumn` per language:
/// re-flows lines into paragraphs (undoing end-of-line hyphenation), splits footnotes off
/// the foot of each fragment's page and links them to their markers, removes markdown
/// marks, and re-joins the paragraphs that a page end cut between two fragments of the same
/// language.
struct ColumnAssembler {
    let joiner: LineJoiner
    /// Whether a joined line that closes a sentence before a capital is kept as a `SoftBreak`:
    /// in a layout that does not show where paragraphs end.
    let keepsSoftBreaks: Bool
    var furniture: [Furniture] = []

    init(joiner: LineJoiner, keepsSoftBreaks: Bool = false) {
        self.joiner = joiner
        self.keepsSoftBreaks = keepsSoftBreaks
    }

    /// A paragraph under construction, with how its last line ended.
    private struct Paragraph {
        var content: LocatedText
        var end: LineEnd
        /// A cell of a table printed apart from the running text, where no note marker stands.
        var isTableCell = false
        /// Letters and capitals of the text, added up as lines join (a join adds no letter
        /// and drops none), so that testing a growing paragraph for capitals does not
        /// read it again: a page of short cut lines would make that quadratic.
        private var letterCase: (letters: Int, capitals: Int)

        init(content: LocatedText, end: LineEnd) {
            self.content = content
            self.end = end
            letterCase = content.text.letterCase
        }

        var isCapitals: Bool { Lexicon.isInCapitals(content.text, letterCase: letterCase) }

        /// Appends the next line, as after a soft break when `softBreak` gives how full the
        /// line before it is and whether the next line's first word would have fit in it.
        mutating func append(_ next: Paragraph, joiner: LineJoiner, softBreak: (fill: Double, roomForNextWord: Bool)? = nil) {
            if let softBreak {
                content.append(afterSoftBreak: next.content, lineFill: softBreak.fill, roomForNextWord: softBreak.roomForNextWord)
            } else {
                joiner.join(&content, next.content)
            }
            letterCase.letters += next.letterCase.letters
            letterCase.capitals += next.letterCase.capitals
            end = next.end
        }
    }

    mutating func columns(from fragments: [ColumnFragment]) -> [Language: LanguageColumn] {
        var paragraphs: [Language: [Paragraph]] = [:]
        var footnotes: [Language: [Footnote]] = [:]
        // Per language: the marker numbers met in the text and not yet taken by a note, with
        // the page they were last met on; and for each note opened on its marker's word, the
        // number of paragraphs before it (its marker stands in one of the last of them).
        var markers: [Language: [String: Int]] = [:]
        var notesAfter: [Language: [Int?]] = [:]
        // Per language, page and marker number, the last fragment whose text sets it there:
        // plain `pdftotext` may give a page's notes before the column's text that holds their
        // markers.
        var lastMarking: [Language: [Int: [String: Int]]] = [:]
        for (index, fragment) in fragments.enumerated() where !fragment.isTable {
            for line in fragment.lines {
                for number in Self.markerNumbers(line) { lastMarking[fragment.language, default: [:]][line.page, default: [:]][number] = index }
            }
        }
        // Per language: the tables read since its last paragraph of running text, which goes
        // on past them or ends before them.
        var tables: [Language: [Paragraph]] = [:]
        for (index, fragment) in fragments.enumerated() {
            let language = fragment.language
            if fragment.isTable {
                tables[language, default: []] += reflow(fragment.lines).map { cell in
                    var cell = cell
                    cell.isTableCell = true
                    return cell
                }
                continue
            }
            // A marker of a later fragment on the note's page that no note of its page has taken.
            let markedAhead = { (number: String, page: Int) in
                (lastMarking[language]?[page]?[number] ?? index) > index
                    && footnotes[language]?.contains { $0.number == number && $0.content.span.page == page } != true
            }
            var (bodyLines, noteLines, trailingLines, byMarker, others) = splitFootnotes(fragment.lines, markers: &markers[language, default: [:]],
                                                                                         markedAhead: markedAhead)
            // The other language's note numbers, set in this language's run: its notes, without
            // a text until its own run gives them one; their markers stand before.
            for line in others {
                footnotes[language.other, default: []].append(Footnote(number: String(line.text.trimmed), language: language.other, content: LocatedText("", span: line.span)))
                notesAfter[language.other, default: []].append(paragraphs[language.other]?.count ?? 0)
            }
            // The text's last line above the notes ends as a column does: whether it goes on
            // is for the page cut to tell (`Art. 2`, then the notes, then `In artikel 58 …`).
            if !noteLines.isEmpty, bodyLines.last?.end == .continues { bodyLines[bodyLines.count - 1].end = .endsBlock }
            // Notes of this page still without a text: their numbers may stand apart from the
            // rest (`1` after the text, then `6`, `7` and three texts).
            let untexted = footnotes[language, default: []].reversed().prefix { $0.content.text.isEmpty && $0.content.span.page == noteLines.first?.page }.count
            var (carried, notes, filled) = footnotesFrom(noteLines, language: fragment.language, waiting: footnotes[language, default: []].suffix(untexted))
            if !filled.isEmpty { footnotes[language]!.replaceSubrange((footnotes[language]!.count - filled.count)..., with: filled) }
            // A note whose text a page end cut goes on at the next page's foot: before the
            // notes there (a PDF's small print above the first note number), or with whatever
            // its text does (`… l’arrêt n°` / `118 134 du 8 avril 2003`): a note whose number
            // neither follows the note before it, still open, nor stands as a marker in the
            // text, and whose text goes on in lower case or digits, is that note's rest. A rest
            // with no note before it is text.
            var kept: [Footnote] = []
            if let last = footnotes[language]?.last, let first = carried.first, Self.mayGoOn(last, onPage: first.page) {
                footnotes[language]![footnotes[language]!.count - 1].content.append(noteText(carried))
            } else {
                bodyLines += carried
            }
            for note in notes {
                let before = kept.last ?? footnotes[language]?.last
                guard let before, Self.mayGoOn(before, onPage: note.content.span.page ?? 0), Int(note.number) != Int(before.number).map({ $0 + 1 }),
                      markers[language]?[note.number] == nil, note.content.text.first.map({ $0.isLowercase || $0.isNumber }) == true
                else { kept.append(note); continue }
                var rest = LocatedText(note.number, span: note.content.span)
                rest.append(note.content)
                if kept.isEmpty { footnotes[language]![footnotes[language]!.count - 1].content.append(rest) } else { kept[kept.count - 1].content.append(rest) }
            }
            notes = kept
            if !noteLines.isEmpty,
               let rest = Self.restAboveNotes(bodyLines, after: footnotes[language]?.last, textBefore: paragraphs[language]?.last?.content.text) {
                bodyLines.removeLast()
                joiner.join(&footnotes[language]![footnotes[language]!.count - 1].content, noteText([rest]))
                if bodyLines.last?.end == .continues { bodyLines[bodyLines.count - 1].end = .endsBlock }
            }
            // A marker found a note: the same number later (a table's cell) needs a new one.
            for note in notes { markers[language]?[note.number] = nil }
            for line in trailingLines { Self.remember(line, in: &markers[language, default: [:]]) }
            var body = reflow(bodyLines)
            link(&notes, into: &body)
            footnotes[fragment.language, default: []] += notes
            // Any block boundary may be a page cut: the first paragraph of a fragment may
            // continue the last one of the language, and so may a paragraph after a blank
            // line (pages in alternating language order put two cut halves side by side).
            // The list is changed in place: copying it per fragment would be quadratic.
            // A paragraph that a page end cut goes on past the tables read meanwhile, which are
            // then placed (`place`), where it surely goes on: its line goes on, or it ends on
            // an article, a preposition or a cut word (`… au profit des francophones, de` /
            // table / `dizaines d’emplois …`); a caption never does.
            func goesOnPastTable(_ last: Paragraph) -> Bool {
                let text = last.content.text
                return !Lexicon.opensCaption(text) && (last.end == .continues || LineHyphen.ends(text)
                    || Lexicon.leavesTextOpen.contains(text.lastWord.lowercased()))
            }
            func placeTables() {
                place(tables.removeValue(forKey: language), in: &paragraphs[language, default: []], notesAfter: &notesAfter[language, default: []])
            }
            var atCut = true
            func add(_ paragraph: Paragraph) {
                defer { atCut = false }
                if let last = paragraphs[language]?.last, tables[language] == nil || goesOnPastTable(last), continuesAcrossCut(last, paragraph) {
                    paragraphs[language]![paragraphs[language]!.count - 1].append(paragraph, joiner: joiner)
                    placeTables()
                } else {
                    // A page or column end right after a sentence: whether the paragraph went on
                    // in the running text after it is unknown, as at a guessed end.
                    if atCut, let last = paragraphs[language]?.indices.last, Self.mayGoOnAfterCut(paragraphs[language]![last], paragraph) {
                        paragraphs[language]![last].content.endIsGuessed = true
                    }
                    placeTables()
                    paragraphs[language, default: []].append(paragraph)
                }
            }
            let afterTable = tables[language] != nil
            body.forEach(add)
            // Notes opened on their marker's word may find it in an earlier fragment; a note
            // opened by `N<TAB>` is a note whatever the text, and its marker stands in its own,
            // or before the table that cut it off (a caption's).
            notesAfter[language, default: []] += Array(repeating: byMarker || afterTable ? paragraphs[language]?.count ?? 0 : nil, count: notes.count)
            reflow(trailingLines).forEach(add)
        }
        for (language, rest) in tables { place(rest, in: &paragraphs[language, default: []], notesAfter: &notesAfter[language, default: []]) }
        var result: [Language: LanguageColumn] = [:]
        for language in Language.allCases {
            if var notes = footnotes[language], notes.contains(where: { !$0.referenced }) {
                linkAcrossFragments(&notes, after: notesAfter[language] ?? [], into: &paragraphs[language, default: []])
                footnotes[language] = notes
            }
            let blocks = (paragraphs[language] ?? []).compactMap { block(from: $0.content) }
            result[language] = LanguageColumn(language: language, blocks: blocks, footnotes: footnotes[language] ?? [])
        }
        return result
    }

    /// A table's paragraphs placed after its caption (`Tableau 9. …`), one of the last few
    /// paragraphs, which a page-serialized dump may give before some of the column's text;
    /// else after the last paragraph. The notes' counts of paragraphs before them
    /// (`notesAfter`) that the table passes move on by its length.
    private func place(_ table: [Paragraph]?, in paragraphs: inout [Paragraph], notesAfter: inout [Int?]) {
        guard let table else { return }
        let recent = paragraphs.indices.suffix(4)
        let at = recent.last { Lexicon.opensCaption(paragraphs[$0].content.text) }.map { $0 + 1 } ?? paragraphs.endIndex
        paragraphs.insert(contentsOf: table, at: at)
        for k in notesAfter.indices { if let count = notesAfter[k], count > at { notesAfter[k] = count + table.count } }
    }

    // MARK: Paragraphs

    /// Joins lines into paragraphs: a line that `continues` is joined to the next one.
    private func reflow(_ lines: [ColumnLine]) -> [Paragraph] {
        let texts = lines.map { LocatedText(collapse($0.text), span: $0.span) }
        let widths = keepsSoftBreaks ? Self.widths(texts, lines) : nil
        var result: [Paragraph] = []
        var current: Paragraph?
        var before = 0
        for (index, line) in lines.enumerated() {
            let text = texts[index]
            if text.text.isEmpty { continue }
            let next = Paragraph(content: text, end: line.end)
            // Appended in place: a copy of `current` would copy its text for every line.
            if current == nil {
                current = next
            } else if text.text.first?.isUppercase == true, PageCut.closesSentence(current!.content.text),
                      Signatory.names(in: text.text[...]) != nil, texts[(index + 1)...].first?.text.first?.isLowercase != true {
                // A signature under the text's last sentence is no part of it, where no gap
                // shows the end (`… des forces armées belges.` / `Kristien Verbelen (VB)`); a
                // name whose sentence goes on below is (`De heer Peter De Roover (N-VA)` /
                // `vraagt …`).
                current!.end = .endsParagraph
                result.append(current!)
                current = next
            } else {
                // The cheap tests first: most lines are no soft break.
                let softBreak = widths.flatMap { widths -> (fill: Double, roomForNextWord: Bool)? in
                    guard text.text.first?.isUppercase == true, PageCut.closesSentence(current!.content.text) else { return nil }
                    // Only where the next line is no short piece itself (the rest of a line of print
                    // that `-raw` broke at a raised note marker: `vernietigd.12` / `De`).
                    let width = widths.block[index], word = Self.scalarCount(text.text.utf8.prefix { $0 != UInt8(ascii: " ") })
                    let room = widths.line[before] + 1 + word <= width && Double(widths.line[index]) >= SoftBreak.shortLine * Double(width)
                    return (Double(widths.line[before]) / Double(max(1, width)), room)
                }
                current!.append(next, joiner: joiner, softBreak: softBreak)
            }
            before = index
            if line.end != .continues, var done = current {
                done.content.endIsGuessed = line.end == .mayEndParagraph
                result.append(done)
                current = nil
            }
        }
        if let done = current { result.append(done) }
        return result
    }

    /// Each line's width in characters, and the width of the run of lines it is joined
    /// with (up to one that does not `continue`: the paragraph as the layout reader ended
    /// it; `ColumnLine.width(ofBlock:)`).
    private static func widths(_ texts: [LocatedText], _ lines: [ColumnLine]) -> (line: [Int], block: [Int]) {
        let line = texts.map { scalarCount($0.text.utf8) }
        var block = line, start = 0
        for index in lines.indices where lines[index].end != .continues || index == lines.count - 1 {
            let width = ColumnLine.width(ofBlock: Array(line[start...index]))
            for k in start...index { block[k] = width }
            start = index + 1
        }
        return (line, block)
    }

    /// How many characters (scalars) UTF-8 bytes hold: the bytes that open one.
    private static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// White space collapsed to single spaces, trimmed; a soft hyphen kept only at the end.
    /// On bytes: spaces, tabs and the soft hyphen (`C2 AD`) are found without decoding.
    private func collapse(_ text: Substring) -> String {
        let bytes = text.utf8
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte)
        }
        // Soft hyphens inside a line are invisible in print: drop them.
        var kept = 0, i = 0
        while i < out.count {
            if out[i] == 0xC2, i + 1 < out.count, out[i + 1] == 0xAD, i + 2 < out.count {
                i += 2
                continue
            }
            out[kept] = out[i]
            kept += 1
            i += 1
        }
        return String(decoding: out[..<kept], as: UTF8.self)
    }

    // MARK: Page cuts

    /// Whether a paragraph is the rest of the one before it in its language, which a page
    /// end cut.
    private func continuesAcrossCut(_ last: Paragraph, _ next: Paragraph) -> Bool {
        let opening = next.content.text
        // A cover's document history is one list (`Zie:` / `Doc 56 1342/ (2025/2026):` /
        // `001: Wetsvoorstel van …` / `002 en 003: Amendementen.`), though each of its lines
        // stops short, as a paragraph's last line does; it goes on in its entries alone,
        // whatever the rules below say of its lines.
        if Lexicon.opensDocumentHistory(last.content.text) { return Lexicon.isDocumentHistoryEntry(opening) }
        // A heading in capitals or a label opens a block whatever the previous line said,
        // unless it is the rest of an open text in capitals (the operative formula).
        if opening.opensBlock || opening.hasPrefix("#") { return false }
        if Signatory.names(in: Substring(opening)) != nil {
            // A word cut at a line end does not go on in a signature block (`… opvol-` /
            // `Kristien Verbelen (VB)`: the word's rest is elsewhere).
            if LineHyphen.ends(last.content.text) { return false }
            // Where the layout does not say the line goes on, open text goes on in a name so
            // written only after an article, a preposition or a courtesy title (`… bevestigd
            // door het` / `Vast Comité van Toezicht (Comité I)`, `… gesteld door mevrouw` /
            // `Barbara Pas (VB)`); a signature block follows the other column's text (`… naar
            // de strijd` / `Kristien Verbelen (VB)` in a `-raw` dump).
            if last.end != .continues, !Self.introducesName(last.content.text) { return false }
        }
        if next.isCapitals {
            return last.end == .endsBlock && last.isCapitals && PageCut.continuesCapitals(last.content.text, opening)
        }
        switch last.end {
        case .continues: return true
        case .endsParagraph, .mayEndParagraph: return false
        case .endsBlock: return PageCut.continuesOpenText(last.content.text, opening, closingIsCapitals: last.isCapitals)
        }
    }

    /// Whether a paragraph that a page or column end closed after a sentence may go on in the
    /// next one: running text, opening with a capital (no label, heading, capitals or
    /// signature).
    private static func mayGoOnAfterCut(_ last: Paragraph, _ next: Paragraph) -> Bool {
        let opening = next.content.text
        guard last.end == .endsBlock, PageCut.closesSentence(last.content.text), opening.first?.isUppercase == true,
              !opening.opensBlock, !next.isCapitals, !Lexicon.isWholeHeading(opening) else { return false }
        return Signatory.names(in: Substring(opening)) == nil
    }

    /// Whether a text ends with an article, a preposition or a courtesy title (`door het`,
    /// `de heer`, `par Mme`), which a name may follow.
    private static func introducesName(_ text: String) -> Bool {
        if Lexicon.leavesTextOpen.contains(text.lastWord.lowercased()) { return true }
        return courtesyTitleEndings.contains { text.hasSuffix($0) || text == $0.dropFirst() }
    }

    /// The courtesy titles as a text's last words, a space before each.
    private static let courtesyTitleEndings = Lexicon.courtesyTitles.values.joined().map { " " + $0 }

    /// Set wholly in capitals, as headings are (`Lexicon.isInCapitals`).
    static func isCapitals(_ text: String) -> Bool { Lexicon.isInCapitals(text) }

    // MARK: Footnotes

    /// Footnotes close a column. They start at the first line `N<TAB>`, or at a line `N` or
    /// `N Text` whose marker stands in the language's text above it, on this page or the one
    /// before, in this fragment or an earlier one (plain `pdftotext` moves blocks about); or
    /// at a line `N Text` whose marker a later fragment sets on this page and no note there
    /// has taken (`markedAhead`: plain `pdftotext` may give the notes before their text).
    /// They go on while the lines are note numbers, `<TAB>` lines (a new paragraph of the
    /// same note), or continue a wrapped line. A note opened on its marker's word goes on to
    /// the end of its page or to a line in capitals (a note's own lines may open with a
    /// letter and a dot: `p. 11.`); a number on its page that does not follow the notes
    /// before it shows the run was text (`19 Brusselse gemeenten …` after `nr.19`, then note
    /// `4`). What follows the notes is text again (a line the language detection put in the
    /// wrong column, say): kept, as paragraphs of its own after the body. A number alone
    /// before the same number that opens notes is the other language's (plain `pdftotext`
    /// may run both languages' numbers together: `11`, `11`, `12`): one of `others`.
    /// `markers` learns the marker numbers of the body lines.
    private func splitFootnotes(_ lines: [ColumnLine], markers: inout [String: Int], markedAhead: (_ number: String, _ page: Int) -> Bool)
        -> (body: [ColumnLine], notes: [ColumnLine], trailing: [ColumnLine], byMarker: Bool, others: [ColumnLine]) {
        var start = 0
        var others: [Int] = []
        func body(before end: Int) -> [ColumnLine] { lines.indices[..<end].filter { !others.contains($0) }.map { lines[$0] } }
        while start < lines.count {
            let line = lines[start]
            // A note's rest from the page before, set apart by the PDF reader (`\tText`).
            if line.box != nil, line.text.first == "\t", line.text.dropFirst().first.map({ $0 != "\t" }) == true {
                let end = notesEnd(lines, from: start, byMarker: false).end
                return (body(before: start), Array(lines[start..<end]), Array(lines[end...]), false, others.map { lines[$0] })
            }
            if let note = Labels.footnoteNumber(line.text),
               note.certain || markers[note.number].map({ line.page - $0 <= 1 }) == true
                || line.text.trimmed != note.number && markedAhead(note.number, line.page) {
                let (end, outOfSequence) = notesEnd(lines, from: start, byMarker: !note.certain)
                if !outOfSequence {
                    return (body(before: start), Array(lines[start..<end]), Array(lines[end...]), !note.certain, others.map { lines[$0] })
                }
                if end == start + 1, line.text.trimmed == note.number, Labels.footnoteNumber(lines[end].text)?.number == note.number,
                   !notesEnd(lines, from: end, byMarker: !note.certain).outOfSequence {
                    others.append(start)
                    start = end
                    continue
                }
                // Text: no note opens before where it stopped (which keeps this linear).
                for text in lines[start..<end] { Self.remember(text, in: &markers) }
                start = end
                continue
            }
            Self.remember(line, in: &markers)
            start += 1
        }
        return (body(before: lines.count), [], [], false, others.map { lines[$0] })
    }

    /// Where the notes that open at `start` end, and whether a number that does not follow
    /// the ones before it ended them (on their page: the run was text).
    private func notesEnd(_ lines: [ColumnLine], from start: Int, byMarker: Bool) -> (end: Int, outOfSequence: Bool) {
        var end = start + 1
        var lastNumber = Labels.footnoteNumber(lines[start].text).flatMap { Int($0.number) } ?? 0
        while end < lines.count {
            let line = lines[end], previous = lines[end - 1]
            let number = Labels.footnoteNumber(line.text)
            if byMarker {
                guard line.page == lines[start].page, !Self.isCapitals(String(line.text)) else { break }
                if let number {
                    guard let value = Int(number.number), value > lastNumber else { return (end, true) }
                    lastNumber = value
                }
            } else {
                let isNoteLine = number != nil || line.text.trimmed.isEmpty || previous.end == .continues
                    || Labels.footnoteNumber(previous.text) != nil || previous.text.trimmed.isEmpty
                guard isNoteLine else { break }
            }
            end += 1
        }
        return (end, false)
    }

    /// The rest of a note that the page before cut, where a dump sets it: the text's last line
    /// just above the page's first note (`… n° 118 134 du 8 avril` / `2003, p. 11.`). Only
    /// where the text cannot end there and the note must go on: the line closes the open note's
    /// sentence, opening in lower case or a digit unless the note ends on an article or a
    /// preposition (`… arrest van de Raad van` / `State nr. …`), and the text's line above it
    /// ends on one (`… déposés par les`; `textBefore`, the language's text so far, where the
    /// line opens the fragment), its paragraph going on at the next page. The note must have
    /// ended on the page before: a rest found among this page's notes (`footnotesFrom`'s)
    /// moved its end here, and then no line is taken. A PDF marks such small print itself
    /// (`splitFootnotes`).
    private static func restAboveNotes(_ body: [ColumnLine], after note: Footnote?, textBefore: String?) -> ColumnLine? {
        guard let rest = body.last, rest.box == nil, let note, let above = body.dropLast().last.map({ String($0.text.trimmed) }) ?? textBefore,
              note.content.span.regions.last?.page == rest.page - 1, !PageCut.closesSentence(note.content.text) else { return nil }
        let text = rest.text.trimmed, noteOpen = Lexicon.leavesTextOpen.contains(note.content.text.lastWord.lowercased())
        guard PageCut.closesSentence(text), noteOpen || text.first.map({ $0.isLowercase || $0.isNumber }) == true,
              Lexicon.leavesTextOpen.contains(above.lastWord.lowercased()) else { return nil }
        return rest
    }

    /// Records the marker numbers of a line, with its page.
    private static func remember(_ line: ColumnLine, in markers: inout [String: Int]) {
        for number in markerNumbers(line) { markers[number] = line.page }
    }

    /// The numbers of the markers a line may set.
    private static func markerNumbers(_ line: ColumnLine) -> [String] {
        let bytes = Array(line.text.utf8)
        return markerPlaces(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Whether a note may go on at the foot of `page`: it is open, and it ended on that page
    /// or the one before.
    private static func mayGoOn(_ note: Footnote, onPage page: Int) -> Bool {
        guard !PageCut.closesSentence(note.content.text) else { return false }
        guard let end = note.content.span.regions.last?.page else { return true }
        return page == end || page == end + 1
    }

    /// The notes of a column's foot, and the lines before the first note number: the rest of
    /// a note that the page end cut (`\tText`, from a PDF's small print). A run of numbers
    /// with one text after them (plain `pdftotext` sets a page's note numbers apart from their
    /// texts: `1`, `6`, `7`, then the three texts) shares the text out (`share`). The notes
    /// `waiting` without a text, whose numbers it set apart from the others (`1` after the
    /// text, then `6`, `7`), take theirs first where the texts have a cut for each: `filled`.
    private func footnotesFrom(_ lines: [ColumnLine], language: Language, waiting: ArraySlice<Footnote>)
        -> (carried: [ColumnLine], notes: [Footnote], filled: [Footnote]) {
        // The number lines and the text lines after them; a number after text opens a group.
        var groups: [(numbers: [(number: String, span: SourceSpan)], texts: [ColumnLine])] = []
        var carried: [ColumnLine] = []
        for line in lines {
            if let (number, _) = Labels.footnoteNumber(line.text) {
                if groups.last?.texts.contains(where: { !$0.text.trimmed.isEmpty }) != false { groups.append(([], [])) }
                var rest = line
                rest.text = line.text.drop { $0 == " " }.drop(while: \.isNumber).drop { $0 == "\t" || $0 == " " }
                groups[groups.count - 1].numbers.append((number, line.span))
                if !rest.text.isEmpty { groups[groups.count - 1].texts.append(rest) }
            } else if !groups.isEmpty {
                groups[groups.count - 1].texts.append(line)
            } else {
                carried.append(line)
            }
        }
        let takesWaiting = !waiting.isEmpty && groups.first.map { first in
            waiting.allSatisfy { Int($0.number) ?? .max < Int(first.numbers[0].number) ?? 0 }
                && Self.share(first.texts, among: first.numbers.count + waiting.count).allSatisfy { !$0.isEmpty }
        } == true
        if takesWaiting { groups[0].numbers.insert(contentsOf: waiting.map { ($0.number, $0.content.span) }, at: 0) }
        let notes = groups.flatMap { group in
            zip(group.numbers, Self.share(group.texts, among: group.numbers.count)).map { numbered, texts in
                Footnote(number: numbered.number, language: language, content: noteText(texts, span: numbered.span))
            }
        }
        guard takesWaiting else { return (carried, notes, []) }
        let filled = zip(waiting, notes).map { note, withText in
            var note = note
            note.content = withText.content
            return note
        }
        return (carried, Array(notes.dropFirst(waiting.count)), filled)
    }

    /// A note's lines joined into its text; blank lines add their span only.
    private func noteText(_ lines: [ColumnLine], span: SourceSpan = SourceSpan()) -> LocatedText {
        var content = LocatedText("", span: span)
        for line in lines {
            let text = LocatedText(collapse(line.text), span: line.span)
            if text.text.isEmpty { content.span.append(line.span) } else { joiner.join(&content, text) }
        }
        return content
    }

    /// The text lines of `count` notes, cut where a line closes a sentence and the next one
    /// opens with a capital: the shortest such lines first, since a note's last line is
    /// seldom full. Notes left without such a place get no text.
    private static func share(_ lines: [ColumnLine], among count: Int) -> [[ColumnLine]] {
        guard count > 1 else { return [lines] }
        let text = lines.indices.filter { !lines[$0].text.trimmed.isEmpty }
        let cuts = zip(text, text.dropFirst()).filter { line, next in
            guard let last = lines[line].text.trimmed.last, ".)”\"".contains(last) else { return false }
            return lines[next].text.trimmed.first?.isUppercase == true
        }
        .sorted { lines[$0.0].text.trimmed.count < lines[$1.0].text.trimmed.count }
        .prefix(count - 1).map(\.1).sorted()
        var parts: [[ColumnLine]] = []
        var start = 0
        for cut in cuts + [lines.count] {
            parts.append(Array(lines[start..<cut]))
            start = cut
        }
        return parts + Array(repeating: [], count: count - parts.count)
    }

    /// Finds each note's marker, in order, glued to the text (`2023.1 En`, `dossiers6;`),
    /// removes the digits and records a `NoteRef` in their place. The places a marker can
    /// stand are listed once, by number, in text order; each note takes the first place of
    /// its number after the previous note's, so a note whose marker is missing does not
    /// search the rest of the text again.
    private func link(_ notes: inout [Footnote], into paragraphs: inout [Paragraph]) {
        guard !notes.isEmpty else { return }
        let numbers = Set(notes.map(\.number))
        var places: [String: [(paragraph: Int, range: Range<Int>)]] = [:]
        for p in paragraphs.indices {
            let bytes = Array(paragraphs[p].content.text.utf8)
            for range in Self.markerPlaces(bytes) {
                let number = String(decoding: bytes[range], as: UTF8.self)
                if numbers.contains(number) { places[number, default: []].append((p, range)) }
            }
        }
        // Offsets are those of the texts as they are now; the markers found are removed at the
        // end, which moves the references after them. Removing a marker makes or unmakes no
        // place after it, so this finds what removing each one before the next search would.
        var next: [String: Int] = [:]
        var from = (paragraph: 0, offset: 0)
        var found: [Int: [Range<Int>]] = [:]
        for n in notes.indices {
            let number = notes[n].number
            guard let list = places[number] else { continue }
            var k = next[number, default: 0]
            while k < list.count, (list[k].paragraph, list[k].range.lowerBound) < from { k += 1 }
            next[number] = k + 1
            guard k < list.count else { continue }
            let place = list[k]
            paragraphs[place.paragraph].content.noteRefs.append(NoteRef(number: number, offset: place.range.lowerBound))
            found[place.paragraph, default: []].append(markerWithSpace(place.range, in: paragraphs[place.paragraph].content.text.utf8))
            notes[n].referenced = true
            from = (place.paragraph, place.range.upperBound)
        }
        for (p, ranges) in found { paragraphs[p].content.remove(utf8Ranges: ranges) }
    }

    /// Links the notes opened on their marker's word that found no marker in their own
    /// fragment (plain `pdftotext` may have moved the text that holds it): each takes the
    /// last free place of its number in the twenty paragraphs before it (`after[n]` of them,
    /// nil for a note that does not look further), about a page; else the first on its own
    /// page after it (plain `pdftotext` may give a page's notes before the column's text).
    private func linkAcrossFragments(_ notes: inout [Footnote], after: [Int?], into paragraphs: inout [Paragraph]) {
        var places: [Int: [Range<Int>]] = [:]    // per paragraph, the free places, found once
        var found: [Int: [Range<Int>]] = [:]
        let text = paragraphs.indices.filter { !paragraphs[$0].isTableCell }
        for n in notes.indices where !notes[n].referenced {
            guard let before = after[n].map({ min($0, paragraphs.count) }) else { continue }
            let number = Array(notes[n].number.utf8)
            /// Links the note to a free place of its number in paragraph `p`, the last or the
            /// first; whether there was one.
            func link(to p: Int, last: Bool) -> Bool {
                let bytes = Array(paragraphs[p].content.text.utf8)
                if places[p] == nil { places[p] = Self.markerPlaces(bytes) }
                let matching = places[p]!.indices.filter { bytes[places[p]![$0]].elementsEqual(number) }
                guard let k = last ? matching.last : matching.first else { return false }
                let range = places[p]!.remove(at: k)
                paragraphs[p].content.noteRefs.append(NoteRef(number: notes[n].number, offset: range.lowerBound))
                found[p, default: []].append(markerWithSpace(range, in: paragraphs[p].content.text.utf8))
                notes[n].referenced = true
                return true
            }
            let page = notes[n].content.span.page
            let candidates = text.filter { $0 < before }.suffix(20).reversed().map { ($0, true) }
                + text.filter { $0 >= before && page != nil && paragraphs[$0].content.span.page == page }.map { ($0, false) }
            for (p, last) in candidates where link(to: p, last: last) { break }
        }
        for (p, ranges) in found { paragraphs[p].content.remove(utf8Ranges: ranges) }
    }

    /// A marker's digits, with the space after them where the space only stands for the
    /// raised marker (`dossiers6 ; parmi`, `CPAS15 , ce`: `pdftotext` breaks a word where
    /// the marker's size changes): no comma, full stop or bracket follows a space, and a
    /// semicolon or a colon only in a document that sets them so.
    private func markerWithSpace(_ range: Range<Int>, in text: String.UTF8View) -> Range<Int> {
        guard range.upperBound + 1 < text.count else { return range }
        let space = text.index(text.startIndex, offsetBy: range.upperBound)
        guard text[space] == 0x20 else { return range }
        let next = text[text.index(after: space)]
        let glued = ",.)".utf8.contains(next) || ";:".utf8.contains(next) && !joiner.vocabulary.spacesHighPunctuation
        return glued ? range.lowerBound..<(range.upperBound + 1) : range
    }

    /// Where a footnote marker can stand: a run of one to three digits glued to what
    /// precedes it (a letter, closing punctuation), or the digits after a year (`1995-20238`),
    /// followed by a space, punctuation or the end of the text.
    private static func markerPlaces(_ bytes: [UInt8]) -> [Range<Int>] {
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        var places: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            guard isDigit(bytes[i]) else { i += 1; continue }
            let start = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            if i < bytes.count, !" ,;:.)".utf8.contains(bytes[i]) { continue }
            // Not the decimals of a number (`85,3 %`, `3.1`); a year's full stop may be a
            // sentence's (`2023.1 En`).
            var isDecimals = false
            if start >= 2, ",.".utf8.contains(bytes[start - 1]), isDigit(bytes[start - 2]) {
                var digitsBefore = 1
                while digitsBefore < start - 1, isDigit(bytes[start - 2 - digitsBefore]) { digitsBefore += 1 }
                isDecimals = bytes[start - 1] == UInt8(ascii: ",") || digitsBefore < 4
            }
            if start > 0, !isDecimals, i - start <= 3 {
                let previous = bytes[start - 1], lower = previous | 0x20
                // A letter, or the last byte of a multi-byte character (an accented letter, `”`, `’`).
                if ".,;:)\"".utf8.contains(previous) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                    || (previous >= 0x80 && previous < 0xC0) {
                    places.append(start..<i)
                }
            }
            if (5...7).contains(i - start), let year = Int(String(decoding: bytes[start..<(start + 4)], as: UTF8.self)),
               (1800...2099).contains(year) {
                places.append((start + 4)..<i)
            }
        }
        return places
    }

    // MARK: Markdown

    /// The block for a finished paragraph: markdown marks become structure, not text
    /// (`## ` a heading, `- ` a list bullet, `**` emphasis, `<sup>e</sup>` a superscript).
    private mutating func block(from content: LocatedText) -> TextBlock? {
        var content = content
        let text = content.text
        // A rule (`---`, `***`), or asterisks set apart (`* * *`, a line each in a report's
        // dump: `*` / `* *`), which part a text and hold no words.
        // (Not `**`, emphasis around nothing: markup.)
        let stars = text.utf8.allSatisfy { $0 == UInt8(ascii: "*") || $0 == 0x20 } && text.utf8.contains(UInt8(ascii: "*")) && !text.contains("**")
        if stars || text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) && text.utf8.count >= 3 {
            furniture.append(Furniture(kind: .separator, text: text, span: content.span))
            return nil
        }
        // Most paragraphs carry no markup: no heading or bullet mark at the start, no `*` or
        // `<` anywhere, no space at either end.
        if let first = text.utf8.first, let last = text.utf8.last, ![UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "*"), 0xE2, 0x20].contains(first),
           last != 0x20, !text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "<") }) {
            return TextBlock(role: .paragraph, content: content)
        }
        var role = TextBlock.Role.paragraph
        var markup: [Range<Int>] = []
        let bytes = Array(text.utf8)
        var start = 0
        let hashes = bytes.prefix { $0 == UInt8(ascii: "#") }.count
        if hashes > 0, hashes < bytes.count, bytes[hashes] == 0x20 {
            role = .heading
            start = hashes + 1
        }
        if Substring(decoding: bytes[start...], as: UTF8.self).startsWithBullet { start += 2 }
        if start > 0 { markup.append(0..<start) }
        for token in ["**", "</sup>"] { markup += Self.occurrences(of: token, in: bytes, from: start) }
        for open in Self.occurrences(of: "<sup>", in: bytes, from: start) {
            // `56 <sup>e</sup>` is `56e`: the space before the superscript goes too.
            let space = open.lowerBound > start && bytes[open.lowerBound - 1] == 0x20 ? 1 : 0
            markup.append((open.lowerBound - space)..<open.upperBound)
        }
        content.remove(utf8Ranges: markup)
        // The marks may leave a space at either end (`** a **`), or only spaces (`** **`,
        // `<sup> </sup>`): those count once, as leading, so the two cuts cannot overlap.
        let kept = content.text.utf8
        let leading = kept.prefix { $0 == 0x20 }.count
        let trailing = kept.dropFirst(leading).reversed().prefix { $0 == 0x20 }.count
        content.remove(utf8Ranges: [0..<leading, (kept.count - trailing)..<kept.count].filter { !$0.isEmpty })
        guard !content.text.isEmpty else {
            // Marks around no words: no block, but recorded, so that nothing goes silently.
            furniture.append(Furniture(kind: .markup, text: text, span: content.span))
            return nil
        }
        return TextBlock(role: role, content: content)
    }

    private static func occurrences(of token: String, in bytes: [UInt8], from start: Int) -> [Range<Int>] {
        let pattern = Array(token.utf8)
        var result: [Range<Int>] = []
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                result.append(i..<(i + pattern.count))
                i += pattern.count
            } else {
                i += 1
            }
        }
        return result
    }

    /// `56 <sup>e</sup>` → `56e`.
    static func removingSuperscriptTags(_ text: String) -> String {
        guard text.containsBytes("<sup>") else { return text }
        var out = text.replacingOccurrences(of: " <sup>", with: "<sup>")
        out = out.replacingOccurrences(of: "<sup>", with: "").replacingOccurrences(of: "</sup>", with: "")
        return out
    }
}
