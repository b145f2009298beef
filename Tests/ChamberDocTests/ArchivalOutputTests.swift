import ChamberDoc
import Foundation
import Testing

/// What an archive needs: Akoma Ntoso that validates against the OASIS schema with the same
/// eIds in both languages, provenance that identifies the source and the tool, reproducible
/// output, a fixity check, and a schema that says what every element means.
@Suite(.serialized) struct ArchivalOutputTests {
    /// 2026-02-06T00:00:00Z.
    static let epoch = ["SOURCE_DATE_EPOCH": "1770336000"]

    private func convert(_ input: String, to formats: String, in dir: URL) throws -> (status: Int32, err: String) {
        let result = try runCLI(["convert", "--schema", Paths.schema, "--to", formats, input, "-o", dir.path], environment: Self.epoch)
        return (result.status, result.err)
    }

    private func tree(_ dir: URL, _ name: String) throws -> XMLTree {
        try XMLTree.parse(bytes(dir.appendingPathComponent(name).path))
    }

    /// The eIds of a document; each must occur once.
    private func eIds(_ tree: XMLTree) -> [String] {
        let ids = tree.root.descendants.compactMap { $0.attribute("eId") }
        #expect(Set(ids).count == ids.count, "duplicate eIds: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        return ids
    }

    @Test func theResolutionAsAkomaNtosoInBothLanguages() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try convert(Paths.seed, to: "akn", in: dir)
        #expect(result.status == 0, "\(result.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["003_fee3b1f4911676a0.fra.akn.xml", "003_fee3b1f4911676a0.nld.akn.xml"])
        let validator = try SchemaValidator(schemaPath: Paths.akomaNtosoSchema)
        for file in files {
            #expect(validator.problems(in: try bytes(dir.appendingPathComponent(file).path), name: file).isEmpty)
        }
        let nl = try tree(dir, files[1]), fr = try tree(dir, files[0])
        // The same units in both languages, under the same eIds.
        #expect(eIds(nl) == eIds(fr))
        for expression in [nl, fr] {
            let statement = try #require(expression.root.child("statement").first)
            #expect(statement.attribute("name") == "resolutionProposal")
            #expect(statement.all("recital").map { $0.attribute("eId") } == "ABCDEFGHI".map { "recs__rec_\($0)" })
            #expect(statement.all("formula").count == 1)
            let requests = try #require(statement.child("mainBody").first).child("paragraph")
            #expect(requests.map { $0.attribute("eId") } == (1...7).map { "para_\($0)" })
            #expect(requests[2].child("point").map { $0.attribute("eId") } == ["para_3__point_3.1", "para_3__point_3.2", "para_3__point_3.3"])
            #expect(statement.all("point").count == 10)
            #expect(statement.all("docDate").first?.attribute("date") == "2026-02-06")
            #expect(statement.all("signature").count == 5)
            #expect(statement.all("attachment").count == 1)
            // Every paragraph says which chamberdoc unit and which input lines it came from.
            for p in statement.child("preamble").first?.all("p") ?? [] {
                #expect(p.attribute("cd:unit") != nil && p.attribute("cd:lines") != nil)
            }
        }
        let considerationA = try #require(nl.root.all("recital").first).text
        #expect(considerationA.contains("overwegende dat internationale drugskartels"))
        #expect(try #require(fr.root.all("recital").first).text.contains("considérant que les cartels internationaux"))
        // The Dutch expression is the original (its first signatory's party is Vlaams
        // Belang); the French one says it is a translation of it.
        let work = "/akn/be/statement/resolutionProposal/chamber/2026-02-06/nn"
        #expect(nl.root.all("FRBRExpression").first?.child("FRBRuri").first?.attribute("value") == "\(work)/nld@2026-02-06")
        #expect(nl.root.all("FRBRtranslation").isEmpty)
        let translation = try #require(fr.root.all("FRBRtranslation").first)
        #expect(translation.attribute("href") == "\(work)/nld@2026-02-06")
        #expect(translation.attribute("fromLanguage") == "nld")
    }

    @Test func theBillAsAkomaNtosoWithArticlesAndNotes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try convert(Paths.realBill, to: "chamberdoc,akn", in: dir).status == 0)
        let nl = try tree(dir, "56K0055001.nld.akn.xml"), fr = try tree(dir, "56K0055001.fra.akn.xml")
        let bill = try #require(nl.root.child("bill").first)
        #expect(bill.attribute("name") == "billProposal")
        #expect(bill.all("article").map { $0.attribute("eId") } == ["art_1", "art_2", "art_3"])
        #expect(bill.all("FRBRWork").first?.child("FRBRthis").first?.attribute("value") == "/akn/be/bill/billProposal/chamber/2024-07-18/56-0055-001/!main")
        #expect(bill.all("docNumber").first?.text == "DOC 56 0055/001")
        // The same eIds in both languages, naming the same units.
        let ids = eIds(nl)
        #expect(ids == eIds(fr))
        #expect(ids.count > 20)
        func unitOf(_ tree: XMLTree) -> [String: String] {
            Dictionary(tree.root.descendants.compactMap { e in e.attribute("eId").map { ($0, e.attribute("cd:unit") ?? "") } }) { a, _ in a }
        }
        let nlUnits = unitOf(nl), frUnits = unitOf(fr)
        for id in ids { #expect(nlUnits[id] == frUnits[id], "\(id)") }
        // The type and the title make one long title, although the bill prints its type
        // after the submitters.
        for expression in [nl, fr] {
            let preface = try #require(expression.root.all("preface").first)
            let longTitles = preface.child("longTitle")
            #expect(longTitles.count == 1)
            #expect(longTitles.first?.all("docType").count == 1 && longTitles.first?.all("docTitle").count == 1)
        }
        // Footnotes stand where their markers are, as authorial notes, in both languages.
        let chamberdoc = try tree(dir, "56K0055001.xml")
        for (language, expression) in [("nl", nl), ("fr", fr)] {
            let markers = chamberdoc.root.descendants.filter { $0.name == "text" && $0.attribute("xml:lang") == language }.flatMap { $0.child("noteRef") }
            #expect(expression.root.all("authorialNote").count == markers.count)
            #expect(expression.root.all("authorialNote").allSatisfy { !$0.text.isEmpty })
        }
    }

    /// A report's part heading that only begins like an article's (`III. ARTIKELSGEWIJZE
    /// BESPREKING EN STEMMINGEN`) is a heading in both expressions, its articles articles. The
    /// decision once looked at whichever text of the heading came first, so it changed from
    /// one process to the next.
    @Test func aReportsHeadingsAreArticlesOnlyWhereTheyNameOne() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Paths.fixture("typeset/dev/dev-29-t5-report-nl-libertinus.txt")
        #expect(try convert(input, to: "akn", in: dir).status == 0)
        for language in ["nld", "fra"] {
            let expression = try tree(dir, "dev-29-t5-report-nl-libertinus.\(language).akn.xml")
            #expect(expression.root.all("article").map { $0.attribute("eId") } == ["art_1", "art_2"], "\(language)")
            let part = expression.root.all("hcontainer").filter { $0.attribute("cd:unit") == "body-h5" }
            #expect(part.count == 1 && part.first?.attribute("name") == "heading", "\(language)")
        }
    }

    @Test func provenanceIdentifiesTheSourceAndTheOutputIsReproducible() throws {
        let dir = try temporaryDirectory(), again = try temporaryDirectory()
        defer { [dir, again].forEach { try? FileManager.default.removeItem(at: $0) } }
        #expect(try convert(Paths.realBill, to: "chamberdoc,akn,tmx,html", in: dir).status == 0)
        #expect(try convert(Paths.realBill, to: "chamberdoc,akn,tmx,html", in: again).status == 0)
        for name in ["56K0055001.xml", "56K0055001.nld.akn.xml", "56K0055001.fra.akn.xml", "56K0055001.tmx", "56K0055001.html"] {
            #expect(try bytes(dir.appendingPathComponent(name).path) == bytes(again.appendingPathComponent(name).path), "\(name) differs")
        }
        let root = try tree(dir, "56K0055001.xml").root
        #expect(root.attribute("source") == "56K0055001.txt")
        let provenance = try #require(root.child("provenance").first)
        let source = try #require(provenance.child("source").first)
        #expect(source.attribute("path") == Paths.realBill)
        #expect(source.attribute("bytes") == String(try bytes(Paths.realBill).count))
        // The checksum agrees with coreutils' own.
        let sha256sum = Process()
        sha256sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sha256sum.arguments = [Paths.realBill]
        let pipe = Pipe()
        sha256sum.standardOutput = pipe
        try sha256sum.run()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        sha256sum.waitUntilExit()
        #expect(source.attribute("sha256") == String(expected))
        #expect(provenance.child("tool").first?.attribute("version") == Tool.version)
        let conversion = try #require(provenance.child("conversion").first)
        #expect(conversion.attribute("time") == "2026-02-06T00:00:00Z")
        #expect(conversion.child("option").first.map { [$0.attribute("name"), $0.attribute("value")] } == ["to", "chamberdoc,akn,tmx,html"])
        let options = conversion.child("option").map { ($0.attribute("name") ?? "", $0.attribute("value") ?? "") }
        #expect(options.map(\.0) == ["to", "glossary"])
        // The Akoma Ntoso expressions carry the same record.
        let recorded = try tree(dir, "56K0055001.nld.akn.xml").root.all("provenance").first?.child("source").first
        #expect(recorded?.attribute("sha256") == String(expected))
        // So do the TMX's header (its dates in TMX's basic ISO 8601 form) and the HTML report.
        let header = try #require(try tree(dir, "56K0055001.tmx").root.child("header").first)
        #expect(header.attribute("creationdate") == "20260206T000000Z")
        #expect(header.child("prop").first { $0.attribute("type") == "x-source-sha256" }?.text == String(expected))
        // Both record the options as the chamberdoc XML does.
        let optionProps = header.child("prop").filter { $0.attribute("type")?.hasPrefix("x-option-") == true }
        #expect(optionProps.map { ($0.attribute("type") ?? "", $0.text) }.elementsEqual(options) { $0 == ("x-option-" + $1.0, $1.1) })
        let converted = String(decoding: try bytes(dir.appendingPathComponent("56K0055001.html").path), as: UTF8.self)
        #expect(converted.contains("2026-02-06T00:00:00Z; options: " + options.map { "\($0)=\($1)" }.joined(separator: "; ") + "<"))
        let html = try runCLI(["diff", Paths.realBill, "--html", dir.appendingPathComponent("bill.html").path], environment: Self.epoch)
        #expect(html.status == 0)
        let report = String(decoding: try bytes(dir.appendingPathComponent("bill.html").path), as: UTF8.self)
        #expect(report.contains("by chamberdoc \(Tool.version), 2026-02-06T00:00:00Z"))
        #expect(report.contains("SHA-256 \(expected)"))
        // The TMX is valid against the TMX 1.4b DTD.
        let dtd = try DTDValidator(dtdPath: Paths.root.appendingPathComponent("Schemas/tmx14.dtd").path)
        #expect(dtd.problems(in: try bytes(dir.appendingPathComponent("56K0055001.tmx").path), name: "tmx").isEmpty)
    }

    @Test func badSourceDateEpochAndUnknownWritersAreUsageErrors() throws {
        let epoch = try runCLI(["convert", Paths.seed, "-o", "/tmp"], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(epoch.status == 64)
        #expect(epoch.err.contains("SOURCE_DATE_EPOCH must be a whole number of seconds"))
        let writer = try runCLI(["convert", "--to", "docx", Paths.seed, "-o", "/tmp"])
        #expect(writer.status == 64)
        #expect(writer.err.contains("unknown output \"docx\"; choose from chamberdoc, akn, tmx, html"))
        let twoFiles = try runCLI(["convert", "--to", "akn", "-"], stdin: try bytes(Paths.seed))
        #expect(twoFiles.status == 64)
        let version = try runCLI(["--version"])
        #expect(version.status == 0)
        #expect(version.out == "chamberdoc \(Tool.version)\n")
    }

    @Test func fixityFindsAChangedMovedOrMissingSource() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("bill.txt")
        try Data(try bytes(Paths.realBill)).write(to: source)
        #expect(try convert(source.path, to: "chamberdoc,akn", in: dir).status == 0)
        let xml = dir.appendingPathComponent("bill.xml").path, akn = dir.appendingPathComponent("bill.fra.akn.xml").path
        let unchanged = try runCLI(["validate", "--schema", Paths.schema, "--fixity", xml, akn])
        #expect(unchanged.status == 0, "\(unchanged.err)")
        #expect(unchanged.out.split(separator: "\n").allSatisfy { $0.contains(": valid; source \(source.path) unchanged") })
        // One byte more: the document no longer describes its source.
        let handle = try FileHandle(forWritingTo: source)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        let changed = try runCLI(["validate", "--schema", Paths.schema, "--fixity", xml])
        #expect(changed.status == 1)
        #expect(changed.err.hasPrefix("\(xml):4: fixity: the source \(source.path) has changed: SHA-256 "))
        // The archive moved: the source is found by name in --source-dir.
        let moved = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: moved) }
        try FileManager.default.copyItem(atPath: Paths.realBill, toPath: moved.appendingPathComponent("bill.txt").path)
        #expect(try runCLI(["validate", "--schema", Paths.schema, "--fixity", "--source-dir", moved.path, xml]).status == 0)
        try FileManager.default.removeItem(at: source)
        let missing = try runCLI(["validate", "--schema", Paths.schema, "--fixity", xml])
        #expect(missing.status == 2)
        #expect(missing.err == "\(xml):4: fixity: cannot read the source \(source.path): no such file\n")
    }

    /// What the schema refuses, and what `validate` refuses beyond it.
    @Test func validateRefusesWhatTheArchiveMustNotTake() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func validate(_ body: String) throws -> (status: Int32, err: String) {
            let file = dir.appendingPathComponent("doc.xml")
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <document xmlns="urn:chamberdoc:1" type="other" source="x" layout="side-by-side">
                  <body>
                \(body)
                  </body>
                </document>
                """
            try Data(xml.utf8).write(to: file)
            let result = try runCLI(["validate", "--schema", Paths.schema, file.path])
            return (result.status, result.err)
        }
        let good = try validate(#"<paragraph id="p1" link="1-1"><text xml:lang="nl">a</text><text xml:lang="fr">b</text></paragraph>"#)
        #expect(good.status == 0, "\(good.err)")
        let german = try validate(#"<paragraph id="p1" link="1-1"><text xml:lang="nl">a</text><text xml:lang="de">b</text></paragraph>"#)
        #expect(german.status == 1)
        #expect(german.err.contains("doc.xml:4: ") && german.err.contains("'de'"))
        // Not libxml2's follow-on warning about the same invalid value.
        #expect(!german.err.contains("No precomputed value"), "\(german.err)")
        let oneSided = try validate(#"<paragraph id="p1" link="1-1"><text xml:lang="nl">a</text></paragraph>"#)
        #expect(oneSided.status == 1)
        #expect(oneSided.err.contains("doc.xml:4: unit p1: link=\"1-1\" but it has 1 Dutch and 0 French text(s)"))
        #expect(oneSided.err.contains("doc.xml:4: unit p1: no French text, and missing does not say \"fr\""))
        let wrongMissing = try validate(#"<paragraph id="p1" missing="fr" link="1-1"><text xml:lang="nl">a</text><text xml:lang="fr">b</text></paragraph>"#)
        #expect(wrongMissing.err.contains("unit p1: missing=\"fr\" but it has a French text"))
        let twice = try validate(#"<paragraph id="p1" missing="fr" link="1-0"><text xml:lang="nl">a</text></paragraph><paragraph id="p1" missing="fr" link="1-0"><text xml:lang="nl">b</text></paragraph>"#)
        #expect(twice.status == 1)
        #expect(twice.err.contains("'p1' is not a valid value of the atomic type 'xs:ID'"))
        // A document of another vocabulary: the expected namespace is named.
        let foreign = dir.appendingPathComponent("foreign.xml")
        try Data(#"<?xml version="1.0"?><document type="other" source="x" layout="pdf"/>"#.utf8).write(to: foreign)
        let wrongNamespace = try runCLI(["validate", "--schema", Paths.schema, foreign.path])
        #expect(wrongNamespace.status == 1)
        #expect(wrongNamespace.err == "\(foreign.path):1: the root element <document> is in no namespace; this schema expects the namespace urn:chamberdoc:1\n")
    }

    /// Every element and attribute the schema declares says what it is.
    @Test func theSchemaDocumentsEveryElementAndAttribute() throws {
        let schema = try XMLTree.parse(bytes(Paths.schema)).root
        let declared = schema.descendants.filter { ($0.name == "element" || $0.name == "attribute") && $0.attribute("name") != nil }
        #expect(declared.count > 60)
        let undocumented = declared.filter { declaration in
            !declaration.child("annotation").contains { !$0.child("documentation").isEmpty && !$0.text.isEmpty }
        }
        #expect(undocumented.isEmpty, "undocumented: \(undocumented.compactMap { $0.attribute("name") })")
    }
}
