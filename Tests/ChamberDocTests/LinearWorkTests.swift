@testable import ChamberModel
@testable import ChamberRead
import Foundation
import Testing

/// The pieces rewritten so that long inputs cost linear time: what they find must not change.
/// (Their speed is measured by `make bench`, not here.)
@Suite struct LinearWorkTests {
    private func lines(_ texts: [String], end: LineEnd) -> [ColumnLine] {
        texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, end: end) }
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
}
