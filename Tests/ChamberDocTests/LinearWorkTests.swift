@testable import ChamberAlign
@testable import ChamberModel
@testable import ChamberRead
import Foundation
import Testing

/// The pieces rewritten so that long inputs cost linear time: what they find must not change.
/// (Their speed is measured by `make bench`, not here.)
@Suite struct LinearWorkTests {
    private func lines(_ texts: [String], end: LineEnd) -> [ColumnLine] {
        texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: end) }
    }

    /// A paragraph counts its letters and capitals as it grows by joins: one that becomes a
    /// heading in capitals through a join no longer takes the next paragraph in.
    @Test func aParagraphJoinedIntoCapitalsTakesNothingMore() {
        var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        let digits = String(repeating: "1234567890", count: 8)
        let fragment = ColumnFragment(language: .nl, lines: lines(["\(digits) AB", "CD", "ef gh"], end: .endsBlock))
        let blocks = assembler.columns(from: [fragment])[.nl]!.blocks.map(\.content.text)
        #expect(blocks == ["\(digits) AB CD", "ef gh"])
    }

    /// Each note takes the first place of its number after the previous note's: glued to a
    /// word or punctuation, or after a four-digit year; a note whose marker is missing, or
    /// stands only before the previous note's, stays unreferenced.
    @Test func footnoteMarkersAreLinkedInOrder() throws {
        var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        let body = lines(["Het verslag over 2023.1 En de cijfers van 19952 tonen",
                          "de dossiers2; en de zaken3, maar niet 3 of x39z"], end: .endsParagraph)
        let notes = lines(["1\tEerste noot", "2\tTweede noot", "2\tNog een noot", "3\tDerde noot",
                           "1\tHerhaalde noot", "9\tNegende noot"], end: .endsParagraph)
        let column = try #require(assembler.columns(from: [ColumnFragment(language: .nl, lines: body + notes)])[.nl])
        #expect(column.footnotes.map(\.referenced) == [true, true, true, true, false, false])
        let texts = column.blocks.map(\.content)
        #expect(texts.map(\.text) == ["Het verslag over 2023. En de cijfers van 1995 tonen",
                                      "de dossiers; en de zaken, maar niet 3 of x39z"])
        func before(_ text: LocatedText) -> [String] {
            text.noteRefs.map { "\($0.number):" + String(decoding: Array(text.text.utf8)[..<$0.offset], as: UTF8.self) }
        }
        #expect(before(texts[0]) == ["1:Het verslag over 2023.", "2:Het verslag over 2023. En de cijfers van 1995"])
        #expect(before(texts[1]) == ["2:de dossiers", "3:de dossiers; en de zaken"])
    }

    /// Removing byte ranges moves a reference back by what was removed before it, in part
    /// when it stood inside a range.
    @Test func removingRangesMovesTheReferences() {
        var text = LocatedText("ab**cd**ef", lines: SourceLines(1),
                               noteRefs: [NoteRef(number: "1", offset: 0), NoteRef(number: "2", offset: 3),
                                          NoteRef(number: "3", offset: 4), NoteRef(number: "4", offset: 10)])
        text.remove(utf8Ranges: [6..<8, 2..<4])
        #expect(text.text == "abcdef")
        #expect(text.noteRefs.map(\.offset) == [0, 2, 2, 6])
        // Replacing puts back what the edit adds (a hyphen): later references move on.
        var word = LocatedText("(MAOCN)1 en", lines: SourceLines(1), noteRefs: [NoteRef(number: "1", offset: 7), NoteRef(number: "2", offset: 1)])
        word.replace([(range: 1..<6, with: "MAOC-N")])
        #expect(word.text == "(MAOC-N)1 en" && word.noteRefs.map(\.offset) == [8, 1])
        // An insertion and a replacement at one offset: the insertion goes first, whatever
        // their order; a reference inside the replaced bytes moves to its start.
        var both = LocatedText("abcdef", lines: SourceLines(1), noteRefs: [NoteRef(number: "1", offset: 3)])
        both.replace([(range: 2..<4, with: "XY"), (range: 2..<2, with: "-")])
        #expect(both.text == "ab-XYef" && both.noteRefs.map(\.offset) == [3])
    }

    /// A text cut at many soft breaks at once gives its lines back, each with its input line,
    /// its note marker and its later soft breaks, as cutting one break at a time does; the
    /// last piece keeps how the text ended.
    @Test func aTextCutAtManySoftBreaksAtOnceGivesItsLines() {
        let lines = (1...40).map { "Zin nummer \($0) eindigt hier." }
        var text = LocatedText(lines[0], lines: SourceLines(1), noteRefs: [NoteRef(number: "1", offset: 4)])
        for (index, line) in lines.enumerated().dropFirst() {
            text.append(afterSoftBreak: LocatedText(line, lines: SourceLines(index + 1), noteRefs: [NoteRef(number: "\(index + 1)", offset: 4)]),
                        lineFill: 0.5)
        }
        text.endIsGuessed = true
        // Before lines 4, 7, 10, …
        let cuts = Array(text.softBreaks.enumerated().filter { ($0.offset + 1).isMultiple(of: 3) }.map(\.element))
        let pieces = text.split(at: cuts)
        var oneByOne: [LocatedText] = [], rest = text
        for cut in cuts {
            let (first, second) = rest.split(at: cut.moved(to: cut.offset - (text.text.utf8.count - rest.text.utf8.count)))
            oneByOne.append(first)
            rest = second
        }
        oneByOne.append(rest)
        #expect(pieces == oneByOne)
        #expect(pieces.count == cuts.count + 1)
        #expect(pieces.map(\.text).joined(separator: " ") == text.text)
        #expect(pieces.map(\.span.lines.description).prefix(2) == ["1-3", "4-6"])
        #expect(pieces[1].noteRefs.map { [$0.number, "\($0.offset)"] } == [["4", "4"], ["5", "31"], ["6", "58"]])
        #expect(pieces[1].softBreaks.map(\.offset) == [27, 54])
        // A line with breaks of its own, appended after a soft break: the breaks stay in order.
        var two = LocatedText("Een.", lines: SourceLines(1))
        var later = LocatedText("Twee.", lines: SourceLines(2))
        later.append(afterSoftBreak: LocatedText("Drie.", lines: SourceLines(3)), lineFill: 0.5)
        two.append(afterSoftBreak: later, lineFill: 0.5)
        #expect(two.softBreaks.map(\.offset) == [5, 11])
        #expect(two.split(at: two.softBreaks).map(\.text) == ["Een.", "Twee.", "Drie."])
        // Only the last piece ends where the text did.
        #expect(pieces.map(\.endIsGuessed) == Array(repeating: false, count: cuts.count) + [true])
    }

    /// Source lines added out of order (a legend row's two cells take turns line by line)
    /// go to their place, merged with the ranges they touch.
    @Test func sourceLinesAddedOutOfOrderGoToTheirPlace() {
        var lines = SourceLines(1...2)
        lines.append(10...12)
        lines.append(5...5)
        #expect(lines.description == "1-2 5 10-12")
        lines.append(3...4)
        #expect(lines.description == "1-5 10-12")
        lines.append(7...9)
        #expect(lines.description == "1-5 7-12")
        lines.append(0...20)
        #expect(lines.description == "0-20")
    }

    /// The side-by-side view cuts a word longer than its column into column-wide pieces
    /// (counted in characters, here two bytes each) and keeps every row within the width.
    @Test func aLongWordIsCutToTheColumn() throws {
        let word = String(repeating: "ß", count: 1000)
        let text = String(decoding: try bytes(Paths.seed), as: UTF8.self).replacingOccurrences(of: "drugskartels", with: word)
        let result = try runCLI(["diff", "--width", "40", "-"], stdin: Array(text.utf8))
        #expect(result.status == 0)
        let rows = result.out.split(separator: "\n").filter { $0.contains(" │ ") }
        #expect(rows.allSatisfy { $0.count <= 40 })
        // Column width (40 - 3) / 2 = 18: 55 full pieces, then the last 10 characters.
        let pieces = rows.map { $0.prefix(18) }.filter { $0.contains("ß") }
        #expect(pieces.count == 56)
        #expect(pieces.prefix(55).allSatisfy { $0 == String(repeating: "ß", count: 18) })
        #expect(pieces.last?.hasPrefix(String(repeating: "ß", count: 10) + " ") == true)
    }

    /// A label printed many times gets the next free suffix each time.
    @Test func repeatedLabelsGetSuccessiveIdentifiers() {
        let unit = TextUnit(kind: .consideration, label: "A", texts: [.nl: LocatedText("overwegende dat", lines: SourceLines(1))])
        var ids = IdentifierAssigner()
        let section = ids.assign(Section(kind: .resolution, units: Array(repeating: unit, count: 4)))
        #expect(section.units.map(\.id) == ["cons-A", "cons-A-2", "cons-A-3", "cons-A-4"])
        #expect(ids.assign(Section(kind: .resolution, units: [unit])).units.map(\.id) == ["cons-A-5"])
    }

    /// Over rows that the aligner keeps only three at a time, the best path and the
    /// posteriors still agree: a long run of translations with one French paragraph left
    /// out gives 1-1 links around one 1-0 link.
    @Test func aLongAlignmentKeepsItsPathAndConfidences() {
        func paragraph(_ length: Int) -> AlignmentFeatures {
            var features = AlignmentFeatures(length: length)
            features.kind = .paragraph
            return features
        }
        // Lengths from 60 to 400 bytes, in no order.
        let dutch = (0..<300).map { 60 + $0 * 7919 % 341 }
        var french = dutch.map { Int((Double($0) * 1.1).rounded()) }
        french.remove(at: 150)
        let beads = SequenceAligner(ratio: 1.1).align(dutch.map(paragraph), french.map(paragraph))
        #expect(beads.count == 300)
        #expect(beads.filter { $0.fr.isEmpty }.map(\.nl) == [150..<151])
        #expect(beads.allSatisfy { $0.nl.count == 1 && $0.fr.count <= 1 })
        // Sure away from the gap; next to it, a neighbour of like length might be the one left out.
        for (index, bead) in beads.enumerated() {
            #expect(bead.confidence > (abs(index - 150) > 1 ? 0.99 : 0.5), "bead \(index): \(bead.confidence)")
        }
    }
}
