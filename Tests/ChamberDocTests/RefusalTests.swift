import ChamberDoc
import Foundation
import Testing

/// Input that is not a bilingual Chamber document is refused with one clear reason.
@Suite struct RefusalTests {
    @Test(arguments: Paths.negativeSeeds)
    func monolingualLettersAreRefused(_ name: String) throws {
        let error = try #require(throws: UnusableInput.self) { try convert(Paths.fixture(name)) }
        #expect(error.reason.hasPrefix("no French column found"))
        #expect(!error.reason.contains("\n"))
    }

    /// Bytes that are not UTF-8 text, and the reason given for each.
    static let badInputs: [(bytes: [UInt8], reason: String)] = [
        ([], "empty input"),
        (Array(" \n\t\n".utf8), "no text, only white space"),
        (Array("DATA-1.7\n".utf8) + [0, 1, 2, 0xFF], "binary data, not text (NUL byte at offset 9)"),
        (Array("Dag\n".utf8) + [0xC3, 0x28] + Array("x".utf8), "invalid UTF-8 at byte offset 4"),
        (Array("%PDF-1.7\n%\u{E2}\u{E3}".utf8), "a damaged PDF (PDF document is damaged)"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image, not text"),
        (Array("Dag ".utf8) + [0xED, 0xA0, 0x80], "invalid UTF-8 at byte offset 4"),  // an encoded lone surrogate
        ([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], "invalid UTF-16 (an unpaired surrogate) at byte offset 4"),
        ([0xFF, 0xFE, 0x41], "UTF-16 text with an odd number of bytes (truncated?)"),
    ]

    @Test(arguments: badInputs.indices)
    func badBytesAreRefused(_ index: Int) throws {
        let (input, reason) = Self.badInputs[index]
        let error = try #require(throws: UnusableInput.self) { try Pipeline.document(from: input, source: "x") }
        #expect(error.reason == reason)
    }

    @Test func aDocumentWithOneLanguageLeftOutIsRefused() throws {
        // The seed's Dutch paragraphs only.
        let dutch = String(decoding: try bytes(Paths.seed), as: UTF8.self).components(separatedBy: "\n\n")
            .filter { !$0.contains("é") && !$0.contains("à") && !$0.contains(" le ") && !$0.contains(" la ") && !$0.contains(" de la ") }
            .joined(separator: "\n\n")
        let error = try #require(throws: UnusableInput.self) { try Pipeline.document(from: Array(dutch.utf8), source: "nl") }
        #expect(error.reason.hasPrefix("no French column found"))
    }

    /// An English report set in two columns (`pdf/english-two-columns.typ`): its columns split
    /// into a "Dutch" and a "French" one by whatever evidence there is, it once came out as a
    /// valid document of 15 units, exit 0 (a warning that 2 were linked). Neither column reads
    /// as its language.
    @Test func aPDFInAnotherLanguageIsRefused() throws {
        let error = try #require(throws: UnusableInput.self) { try convert(Paths.fixture("pdf/english-two-columns.pdf")) }
        #expect(error.reason.hasPrefix("the text does not read as Dutch and French ("))
        #expect(error.reason.hasSuffix("not a bilingual Chamber document"))
    }

    /// The same report as a dump: its paragraphs, a page's "columns" cut by the separator a
    /// clean dump prints between them.
    @Test func aDumpInAnotherLanguageIsRefused() throws {
        let paragraphs = String(decoding: try bytes(Paths.fixture("pdf/english-two-columns.typ")), as: UTF8.self)
            .components(separatedBy: "\n\n").filter { !$0.hasPrefix("//") && !$0.hasPrefix("#") }
        let text = (paragraphs[..<(paragraphs.count / 2)] + ["---"] + paragraphs[(paragraphs.count / 2)...]).joined(separator: "\n\n")
        let error = try #require(throws: UnusableInput.self) { try Pipeline.document(from: Array(text.utf8), source: "en") }
        #expect(error.reason.hasPrefix("the text does not read as Dutch and French (its "), "\(error.reason)")
    }

    /// Figures are no evidence either way: a Chamber document with an annex of 600 rows of
    /// numbers in each column (budget lines) reads as Dutch and French all the same.
    @Test func aDocumentOfFiguresIsNotRefused() throws {
        let name = "typeset/dev/dev-28-t5-deconnectie-fr-left-libertinus.txt"
        var lines = String(decoding: try bytes(Paths.fixture(name)), as: UTF8.self).components(separatedBy: "\n")
        let rows = (1...600).map { i in "\(i % 7).\(i % 89) \(811 - i).\(100 + i % 900) \(i % 50),\(i % 9) \(i * 37 % 1000).\(i % 1000)" }
        for anchor in ["Cet article n’appelle pas de commentaire.", "Dit artikel behoeft geen commentaar."] {
            let at = try #require(lines.firstIndex(of: anchor))
            lines.insert(contentsOf: [""] + rows, at: at + 1)
        }
        let document = try Pipeline.document(from: Array(lines.joined(separator: "\n").utf8), source: "figures.txt")
        #expect(document.sections.contains { $0.kind == .explanation })
    }
}
