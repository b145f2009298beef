import ChamberDoc
import Foundation
import Testing

/// What translators use: the side-by-side view and the TMX export.
@Suite struct TranslatorViewTests {
    @Test func tmxIsValidTMX14bWithOneUnitPerAlignedPair() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmx = dir.appendingPathComponent("seed.tmx").path
        let result = try runCLI(["diff", Paths.seed, "--tmx", tmx])
        #expect(result.status == 0)
        // Schemas/tmx14.dtd: the TMX 1.4b DTD (LISA OSCAR), as in shared/standards.
        let dtd = try DTDValidator(dtdPath: Paths.root.appendingPathComponent("Schemas/tmx14.dtd").path)
        #expect(dtd.problems(in: try bytes(tmx), name: tmx).isEmpty)
        let tree = try XMLTree.parse(try bytes(tmx))
        let segments = tree.root.all("tu")
        func unitID(_ tu: XMLTree.Element) -> String? { tu.all("prop").first { $0.attribute("type") == "x-unit-id" }?.text }
        // Every unit of the seed is aligned: 54, sub-requests included, each in one or more segments.
        #expect(Set(segments.compactMap(unitID)).count == 54)
        let consideration = try #require(segments.first { $0.attribute("tuid") == "cons-C" })
        let texts = consideration.all("seg").map(\.text)
        #expect(texts.first?.hasPrefix("overwegende dat Defensie beschikt over maritieme, lucht- en") == true)
        #expect(texts.last?.hasPrefix("considérant que la Défense dispose") == true)
        #expect(consideration.all("tuv").map { $0.attribute("xml:lang") } == ["nl-BE", "fr-BE"])
        // A paragraph whose sentences align surely is one segment per sentence: expl-p4's three.
        let sentences = segments.filter { unitID($0) == "expl-p4" }
        #expect(sentences.map { $0.attribute("tuid") } == ["expl-p4.1", "expl-p4.2", "expl-p4.3"])
        #expect(sentences.last?.all("seg").first?.text.hasPrefix("Zo bleek ook uit het schandaal in Amay") == true)
        #expect(sentences.allSatisfy { $0.attribute("segtype") == nil })
        // Each segment carries its unit's findings.
        let bill = dir.appendingPathComponent("bill.tmx").path
        #expect(try runCLI(["diff", Paths.realBill, "--tmx", bill]).status == 0)
        #expect(dtd.problems(in: try bytes(bill), name: bill).isEmpty)
        let billSegments = try XMLTree.parse(try bytes(bill)).root.all("tu")
        let flagged = billSegments.filter { unitID($0) == "expl-p11" }
        #expect(!flagged.isEmpty && flagged.allSatisfy { tu in
            tu.all("prop").contains { $0.attribute("type") == "x-finding" && $0.text == "P206 error: 2.4 % is only in the Dutch text" }
        })
    }

    @Test func sideBySideViewShowsOnlyProblemsWhenAsked() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let variant = dir.appendingPathComponent("variant.txt")
        let text = String(decoding: try bytes(Paths.seed), as: UTF8.self).replacingOccurrences(of: "5.3. des procédures claires;", with: "5.3. des procédures claires.")
        try Data(text.utf8).write(to: variant)
        let result = try runCLI(["diff", "--width", "80", "--only-problems", variant.path])
        #expect(result.status == 0)
        let unit = try #require(try Pipeline.document(from: Array(text.utf8), source: "variant").sections
            .flatMap { $0.units.flatMap { [$0] + $0.children } }.first { $0.id == "req-5.3" })
        #expect(unit.linkSummary.hasPrefix("1-1 link, confidence "))
        let title = "req-5.3 (request 5.3) · \(unit.linkSummary)"
        let rule = "── \(title) " + String(repeating: "─", count: 80 - title.count - 4)
        let row = "duidelijke procedures;".padding(toLength: (80 - 3) / 2, withPad: " ", startingAt: 0) + " │ des procédures claires."
        #expect(result.out == [rule, row, "  note: [P303] ends with \";\" in Dutch and \".\" in French", ""].joined(separator: "\n"))
        #expect(!result.out.contains("\u{1B}["))  // not a terminal: no colours
        let full = try runCLI(["diff", "--width", "80", Paths.seed])
        #expect(full.out.split(separator: "\n").filter { $0.hasPrefix("── ") }.count == 54)
        #expect(full.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}

/// The HTML report: self-contained, with a summary and every unit, loadable as a document.
@Suite struct HTMLReportTests {
    @Test func reportIsSelfContainedAndComplete() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("bill.html").path
        let result = try runCLI(["diff", Paths.realBill, "--html", html])
        #expect(result.status == 0)
        let text = String(decoding: try bytes(html), as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        // Nothing fetched from elsewhere: no external script, style sheet, image or link (links
        // go to units of the page only).
        #expect(!text.contains("src=") && !text.contains("@import"))
        #expect(text.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") })
        let tree = try XMLTree.parse(try bytes(html))
        let document = try Pipeline.document(from: try bytes(Paths.realBill), source: Paths.realBill, glossary: CheckTests.glossary)
        func count(_ units: [TextUnit]) -> Int { units.count + units.map { count($0.children) }.reduce(0, +) }
        let rows = tree.root.all("tr").filter { $0.attribute("id") != nil }
        #expect(rows.count == count(document.sections.flatMap(\.units)))
        #expect(rows.filter { $0.attribute("class") != "ok" }.count == Set(document.findings.map(\.unit)).count)
        let summaryTotal = tree.root.all("table").first { $0.attribute("class") == "summary" }?.child("tr").last?.child("td").last?.text
        #expect(summaryTotal == String(document.findings.count))
        #expect(tree.root.all("input").first?.attribute("id") == "only-problems")
        // A missing language is shown as such, in its column: a row for each unit without one.
        func all(_ units: [TextUnit]) -> [TextUnit] { units + units.flatMap { all($0.children) } }
        let oneSided = all(document.sections.flatMap(\.units)).filter { $0.texts.count < 2 }.count
        #expect(rows.filter { row in row.child("td").contains { $0.attribute("class") == "missing" } }.count == oneSided)
        // The real bill has none now: the seed without its French consideration C shows one.
        let lacking = dir.appendingPathComponent("seed-without-C.txt")
        try Data(try VariantTests.seed(replacing: [("C. considérant que la Défense dispose de capacités maritimes, aériennes et d'observation qui sont essentielles pour la détection et le suivi des mouvements suspects en mer;\n", "")])).write(to: lacking)
        let lackingHTML = dir.appendingPathComponent("seed-without-C.html").path
        #expect(try runCLI(["diff", lacking.path, "--html", lackingHTML]).status == 0)
        let lackingRows = try XMLTree.parse(try bytes(lackingHTML)).root.all("tr").filter { $0.attribute("id") != nil }
        #expect(lackingRows.contains { row in row.child("td").contains { $0.attribute("class") == "missing" } })
        // The percentage that differs is marked whole in both texts; the legend explains each
        // code found; the summary links to the first unit with each code; every unit with
        // findings links to the previous and next one.
        let marks = tree.root.all("mark").map(\.text)
        #expect(marks.contains("2,4 %") && marks.contains("5 %") && marks.contains("Mme") && marks.contains("mevrouw"))
        let legend = tree.root.all("dl").first { $0.attribute("class") == "legend" }
        #expect(legend?.child("dt").count == Set(document.findings.map(\.code)).count)
        let ids = Set(rows.compactMap { $0.attribute("id") })
        let links = tree.root.all("a").compactMap { $0.attribute("href") }
        #expect(!links.isEmpty && links.allSatisfy { ids.contains(String($0.dropFirst())) })
        let navigated = rows.filter { $0.attribute("class") != "ok" }.map { row in row.all("a").filter { $0.text.contains("next") || $0.text.contains("previous") }.count }
        #expect(navigated.first == 1 && navigated.last == 1 && navigated.dropFirst().dropLast().allSatisfy { $0 == 2 })
    }
}
