import ChamberDoc
import Foundation
import Testing

/// Input that is damaged, partial or odd is converted as far as it goes, with nothing
/// dropped silently; what cannot be converted is refused clearly.
@Suite struct HardeningTests {
    static var seed: String { get throws { String(decoding: try bytes(Paths.seed), as: UTF8.self) } }

    static func units(_ document: Document) -> [TextUnit] {
        func walk(_ unit: TextUnit) -> [TextUnit] { [unit] + unit.children.flatMap(walk) }
        return document.sections.flatMap { $0.units.flatMap(walk) }
    }

    static func isValid(_ document: Document) throws -> Bool {
        try SchemaValidator(schemaPath: Paths.schema).problems(in: Pipeline.xml(document), name: "t").isEmpty
    }

    @Test(arguments: [true, false])
    func utf16WithAByteOrderMarkIsConverted(littleEndian: Bool) throws {
        let units = Array(try Self.seed.utf16)
        let bytes = (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + units.flatMap { unit -> [UInt8] in
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            return littleEndian ? [low, high] : [high, low]
        }
        LayoutEquivalenceTests.assertSameUnits(try convert(Paths.seed), try Pipeline.document(from: bytes, source: "utf16"))
    }

    @Test func controlCharactersAreRemovedAndRecorded() throws {
        let text = try Self.seed.replacingOccurrences(of: "VERZOEKT DE FEDERALE REGERING:", with: "VERZOEKT\u{08} DE FEDERALE\u{0C} REGERING:\u{1B}")
        let document = try Pipeline.document(from: Array(text.utf8), source: "ctl")
        let record = try #require(document.furniture.first { $0.kind == .controlCharacter })
        #expect(record.text == "U+0008 U+000C U+001B")
        #expect(record.span.line == 160)
        #expect(Self.units(document).contains { $0.kind == .formula && $0.texts[.nl]?.text == "VERZOEKT DE FEDERALE REGERING:" })
        #expect(try Self.isValid(document))
    }

    @Test func onlyTheExplanatoryPart() throws {
        let text = try Self.seed
        let cut = try #require(text.range(of: "## VOORSTEL VAN RESOLUTIE"))
        let document = try Pipeline.document(from: Array(text[..<cut.lowerBound].utf8), source: "explanation")
        #expect(document.sections.map(\.kind) == [.front, .explanation])
        #expect(try Self.isValid(document))
    }

    @Test func onlyTheResolutionPart() throws {
        let text = try Self.seed
        let cut = try #require(text.range(of: "## VOORSTEL VAN RESOLUTIE"))
        let document = try Pipeline.document(from: Array(text[cut.lowerBound...].utf8), source: "resolution")
        #expect(document.sections.map(\.kind) == [.resolution])
        #expect(document.facts.type == .resolutionProposal)
        #expect(Self.units(document).filter { $0.kind == .consideration }.count == 9)
        #expect(Self.units(document).filter { $0.kind == .request }.count == 17)
        #expect(try Self.isValid(document))
    }

    /// A dump that lost its part headings, `TOELICHTING` and the second `VOORSTEL VAN
    /// RESOLUTIE`: the salutation opens the explanation and the preamble (`DE KAMER VAN
    /// VOLKSVERTEGENWOORDIGERS,`) the resolution, its considerations and requests kept (the
    /// review found them read as 37 paragraphs of the explanation once the salutation ended
    /// the front matter).
    @Test func partHeadingsLost() throws {
        let headings: Set<String> = ["## TOELICHTING", "## DÉVELOPPEMENTS", "## VOORSTEL VAN RESOLUTIE", "## PROPOSITION DE RÉSOLUTION"]
        let kept = try Self.seed.components(separatedBy: "\n").filter { !headings.contains($0) }
        let document = try Pipeline.document(from: Array(kept.joined(separator: "\n").utf8), source: "no-headings")
        #expect(document.sections.map(\.kind) == [.front, .explanation, .resolution])
        #expect(Self.units(document).filter { $0.kind == .consideration }.count == 9)
        #expect(Self.units(document).filter { $0.kind == .request }.count == 17)
    }

    /// A truncated dump: the French text stops after the considerations.
    @Test func secondLanguageStopsHalfWay() throws {
        let lines = try Self.seed.components(separatedBy: "\n")
        // Drop the French formula and requests (seed lines 186-188, 220-248 and 260-262).
        let dropped = [185..<188, 219..<248, 259..<262]
        let kept = lines.enumerated().filter { line in !dropped.contains { $0.contains(line.offset) } }.map(\.element)
        let document = try Pipeline.document(from: Array(kept.joined(separator: "\n").utf8), source: "truncated")
        let requests = Self.units(document).filter { $0.kind == .request }
        #expect(requests.count == 17)
        #expect(requests.allSatisfy { $0.missing == [.fr] })
        #expect(Self.units(document).filter { $0.kind == .consideration }.allSatisfy { $0.missing.isEmpty })
        // `convert` notes them: the units a language lacks.
        #expect(Set(document.unitsLacking(.fr).compactMap(\.label)).isSuperset(of: requests.compactMap(\.label)))
        #expect(try Self.isValid(document))
    }

    /// Labels out of order, duplicated and skipped are kept as they are, with unique ids.
    @Test func oddLabelsAreKept() throws {
        let text = try Self.seed
            .replacingOccurrences(of: "\nB. gelet op", with: "\nA. gelet op")        // A twice in Dutch
            .replacingOccurrences(of: "\n4. Defensie nauwer", with: "\n9. Defensie nauwer")  // 4 skipped
            .replacingOccurrences(of: "\n4. de renforcer la", with: "\n9. de renforcer la")
        let document = try Pipeline.document(from: Array(text.utf8), source: "labels")
        let ids = Self.units(document).map(\.id)
        #expect(Set(ids).count == ids.count)
        let considerations = Self.units(document).filter { $0.kind == .consideration }
        #expect(considerations.contains { $0.label == "A" && $0.id == "cons-A-2" })
        #expect(Self.units(document).contains { $0.kind == .request && $0.label == "9" && $0.missing.isEmpty })
        #expect(try Self.isValid(document))
    }

    /// A long section is aligned in a band around the diagonal, and still pairs every
    /// paragraph of an input whose languages match.
    @Test func longSectionsAreAlignedInABand() throws {
        let text = try Self.seed
        let nl = text.components(separatedBy: "\n\n").filter { $0.hasPrefix("De internationale drugshandel") || $0.hasPrefix("Maar de internationale") }
        let fr = text.components(separatedBy: "\n\n").filter { $0.hasPrefix("Le trafic international de stupéfiants représente") || $0.hasPrefix("Mais le trafic") }
        try #require(nl.count == 2 && fr.count == 2)
        let repeats = 1200  // 2,400 paragraphs a side: beyond the full alignment's 4 million cells
        let long = "## TOELICHTING\n\n" + Array(repeating: nl.joined(separator: "\n\n"), count: repeats).joined(separator: "\n\n")
            + "\n\n## DÉVELOPPEMENTS\n\n" + Array(repeating: fr.joined(separator: "\n\n"), count: repeats).joined(separator: "\n\n")
        let document = try Pipeline.document(from: Array(long.utf8), source: "long")
        let paragraphs = Self.units(document).filter { $0.kind == .paragraph }
        #expect(paragraphs.count == 2 * repeats)
        #expect(paragraphs.allSatisfy { $0.missing.isEmpty })
        #expect(paragraphs.enumerated().allSatisfy { index, unit in
            unit.texts[.fr]?.text.hasPrefix(index % 2 == 0 ? "Le trafic" : "Mais le trafic") == true
        })
    }
}
