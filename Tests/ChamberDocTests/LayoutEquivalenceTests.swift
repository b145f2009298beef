import ChamberDoc
import Foundation
import Testing

/// The same document in any layout yields the same units with the same texts.
@Suite struct LayoutEquivalenceTests {
    /// Every unit as `id kind label | nl text | fr text`, in document order (lines aside).
    static func units(_ document: Document) -> [String] {
        func flatten(_ unit: TextUnit) -> [String] {
            let texts = Language.allCases.map { unit.texts[$0]?.text ?? "-" }
            return ["\(unit.id) \(unit.kind.rawValue) \(unit.label ?? "") | " + texts.joined(separator: " | ")] + unit.children.flatMap(flatten)
        }
        return document.sections.flatMap { section in section.units.flatMap(flatten) }
    }

    static func assertSameUnits(_ a: Document, _ b: Document) {
        let x = units(a), y = units(b)
        #expect(x.count == y.count)
        for (u, v) in zip(x, y) where u != v {
            Issue.record("units differ:\n  \(u)\n  \(v)")
        }
        #expect(a.facts.parties.map(\.cells) == b.facts.parties.map(\.cells))
        #expect(a.facts.legend.map(\.cells) == b.facts.legend.map(\.cells))
        #expect(a.facts.signatories.map(\.name) == b.facts.signatories.map(\.name))
    }

    @Test func sideBySideSampleGivesTheSeedsUnits() throws {
        let clean = try convert(Paths.seed)
        let sideBySide = try convert(Paths.sideBySide)
        #expect(clean.layout == .pageSerializedClean)
        #expect(sideBySide.layout == .sideBySide)
        Self.assertSameUnits(clean, sideBySide)
        // Page furniture of the side-by-side pages was recorded, not dropped.
        #expect(sideBySide.furniture.filter { $0.kind == .runningHeader }.count >= 8)
    }

    /// Re-lays the seed with Tools/relay-seed.py and converts the result.
    static func relaid(_ arguments: [String]) throws -> Document {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("variant.txt").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.root.appendingPathComponent("Tools/relay-seed.py").path,
                             "--seed", Paths.seed, "--output", output] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try convert(output)
    }

    /// Other widths and gutters: the gutter is found from the text, and hyphenation falls
    /// on other words.
    @Test(arguments: [(48, 0), (62, 3), (56, 12)])
    func relaidVariantsGiveTheSameUnits(width: Int, gutterShift: Int) throws {
        Self.assertSameUnits(try convert(Paths.seed), try Self.relaid(["--width", "\(width)", "--gutter-shift", "\(gutterShift)"]))
    }

    /// French first on every page, or on every other page; French on the left: the reader
    /// assumes no order.
    @Test(arguments: ["side-by-side", "serialized"], ["fr-first", "alternate"])
    func columnOrderDoesNotMatter(layout: String, order: String) throws {
        let variant = try Self.relaid(["--layout", layout, "--order", order])
        #expect(variant.layout == (layout == "serialized" ? .pageSerializedClean : .sideBySide))
        Self.assertSameUnits(try convert(Paths.seed), variant)
    }

    @Test func lineEndingsAndByteOrderMarkDoNotMatter() throws {
        let original = try bytes(Paths.seed)
        let lf = try convert(Paths.seed)
        let crlf = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)
        Self.assertSameUnits(lf, try Pipeline.document(from: withBOM, source: "crlf"))
        let cr = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r")
        Self.assertSameUnits(lf, try Pipeline.document(from: Array(cr.utf8), source: "cr"))
    }
}
