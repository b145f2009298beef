import ChamberDoc
import Foundation
import Testing

/// What the inputs under Fixtures/found/ must give beyond the oracle that
/// `ReplayedInputTests` holds every replayed input to.
@Suite struct FoundInputTests {
    /// A paragraph of markup and spaces only (`** **`, `<sup> </sup>`, `<sup>` and `</sup>`
    /// on two lines) trapped the read stage. Alone, it is a text without words.
    @Test(arguments: ["markup-only-bold-paragraph.txt", "markup-only-sup-paragraph.txt", "sup-with-line-break.txt"])
    func markupAloneHasNoWords(_ name: String) throws {
        #expect(throws: UnusableInput("too short for a bilingual Chamber document (0 words)")) {
            try Pipeline.read(try bytes(Paths.fixture("found/\(name)")), source: name)
        }
    }

    /// In the seed, such a paragraph gives no unit: the document is the seed's, and the
    /// markup is recorded where it stood.
    @Test(arguments: [("seed-with-markup-only-bold-paragraph.txt", "** **"), ("seed-with-markup-only-sup-paragraph.txt", "<sup> </sup>")])
    func markupOnlyParagraphInTheSeed(_ name: String, _ markup: String) throws {
        let document = try #require(try ReplayedInputTests.replay("found/\(name)"))
        LayoutEquivalenceTests.assertSameUnits(try convert(Paths.seed), document)
        for (kind, count) in [(UnitKind.consideration, 9), (.request, 17)] {
            let units = VariantTests.units(document, kind)
            #expect(units.count == count)
            #expect(units.allSatisfy { $0.link == "1-1" }, "\(kind)")
        }
        #expect(document.furniture.contains { $0.kind == .markup && $0.text == markup && $0.span.line == 58 })
        let (input, output) = try WordAccountingTests.unaccounted(Paths.fixture("found/\(name)"))
        #expect(input.isEmpty && output.isEmpty, "\(input) \(output)")
    }

    /// Closing tags alone (`</sup>` on two lines) make a markup-only paragraph too; the
    /// list item after it keeps its own text.
    @Test func closingTagsOnly() throws {
        let document = try #require(try ReplayedInputTests.replay("found/closing-sup-tags-only-paragraph.txt"))
        #expect(document.furniture.contains { $0.kind == .markup && $0.text == "</sup> </sup>" && $0.span.line == 179 })
        let french = HardeningTests.units(document).compactMap { $0.texts[.fr] }
        #expect(french.contains { $0.span.lines.description == "181" && $0.text.hasPrefix("a) la Défense est un instrument stratégique") })
    }

    /// A legend row `DOC 56Hier 0000/000` made the legislature `56Hier`, which the schema's
    /// positive integer refuses (the output did not validate). A legislature is a number.
    @Test func aLegislatureThatIsNoNumberIsLeftOut() throws {
        let document = try #require(try ReplayedInputTests.replay("found/legend-legislature-not-a-number.txt"))
        #expect(document.facts.legislature == nil || document.facts.legislature?.allSatisfy(\.isNumber) == true)
    }

    /// A unit that one language moved is left out of the alignment of the units around it.
    /// A 2-1 link over its two neighbours took it in too (a `3-1` link the schema forbids, with
    /// the moved unit's text a second time). Each link now holds just its own units.
    @Test(arguments: ["three-dutch-passages-in-one-link.txt", "three-french-passages-in-one-link.txt"])
    func linksAroundAMovedUnit(_ name: String) throws {
        let document = try #require(try ReplayedInputTests.replay("found/\(name)"))
        let links = Set(HardeningTests.units(document).map(\.link))
        #expect(links.isSubset(of: ["1-1", "1-0", "0-1", "2-1", "1-2"]), "\(links)")
        #expect(links.contains("2-1") || links.contains("1-2"))
        let (input, output) = try WordAccountingTests.unaccounted(Paths.fixture("found/\(name)"))
        #expect(input.isEmpty && output.isEmpty, "\(input) \(output)")
    }

    /// The smallest such input: Dutch has request 6 between two paragraphs that link to one
    /// French paragraph; French prints request 6 after consideration Z.
    @Test func theMovedRequestKeepsItsOwnLink() throws {
        let document = try #require(try ReplayedInputTests.replay("found/three-dutch-passages-in-one-link.txt"))
        let units = HardeningTests.units(document)
        #expect(units.filter { $0.passages[.nl]?.contains { $0.text == "e s u ;" } == true }.map(\.id) == ["req-6"])
        #expect(units.first { $0.id == "req-6" }?.link == "1-1")
        #expect(units.first { $0.link == "2-1" }?.passages[.nl]?.map(\.text) == ["t", "1"])
    }
}
