import Foundation
import Testing

/// Outputs are whole or absent, inputs are never overwritten, an interrupted run leaves no
/// partial file, and untrusted XML is validated without reading files or the network.
@Suite(.serialized) struct OutputSafetyTests {
    @Test func missingOutputDirectoryIsAClearError() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("absent").path
        let result = try runCLI(["convert", "--schema", Paths.schema, Paths.seed, "-o", missing])
        #expect(result.status == 2)
        #expect(result.err == "\(missing)/003_fee3b1f4911676a0.xml: directory \(missing) does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func anInputIsNeverOverwritten() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("doc.txt"), xml = dir.appendingPathComponent("doc.xml")
        try Data(try bytes(Paths.seed)).write(to: text)
        try Data("<keep/>".utf8).write(to: xml)
        let result = try runCLI(["convert", "--schema", Paths.schema, text.path, xml.path, "-o", dir.path])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("\(text.path): not converted: \(xml.path) is an input and would be overwritten\n"))
        #expect(String(decoding: try bytes(xml.path), as: UTF8.self) == "<keep/>")
    }

    @Test func inputsOverTheSizeLimitAreRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.txt")
        try Data(Array(repeating: try bytes(Paths.seed), count: 120).joined()).write(to: big)
        let result = try runCLI(["convert", "--schema", Paths.schema, "--max-input-mb", "1", big.path, "-o", dir.path])
        #expect(result.status == 2)
        #expect(result.err == "\(big.path): input is 2 MB, over the limit of 1 MB (raise it with --max-input-mb)\n")
        let stdin = try runCLI(["convert", "--schema", Paths.schema, "--max-input-mb", "1", "-"], stdin: try bytes(big.path))
        #expect(stdin.status == 2)
        #expect(stdin.out.isEmpty)
    }

    /// SIGTERM in the middle of a batch: no temporary file stays, and every XML file that
    /// exists is whole.
    @Test func interruptedBatchLeavesNoPartialFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var inputs: [String] = []
        for index in 0..<150 {
            let path = dir.appendingPathComponent("bill\(index).txt").path
            try FileManager.default.copyItem(atPath: Paths.realBill, toPath: path)
            inputs.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.binary)
        process.arguments = ["convert", "--schema", Paths.schema] + inputs + ["-o", out.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some files are written, then interrupt.
        while (try FileManager.default.contentsOfDirectory(atPath: out.path)).filter({ $0.hasSuffix(".xml") }).count < 3 {
            usleep(10_000)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.count < inputs.count)
        #expect(!files.contains { !$0.hasSuffix(".xml") }, "left behind: \(files.filter { !$0.hasSuffix(".xml") })")
        let validated = try runCLI(["validate", "--schema", Paths.schema] + files.map { out.appendingPathComponent($0).path })
        #expect(validated.status == 0)
    }

    /// Attack files for `validate`: they are reported, never acted on.
    @Test func untrustedXMLIsValidatedSafely() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = #"<document xmlns="urn:chamberdoc:1" type="other" source="x" layout="side-by-side">"#
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE document [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            laughs += "<!ENTITY lol\(level) \"\(String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10))\">\n"
        }
        laughs += "]>\n\(root)<resolution><paragraph id=\"p\"><text xml:lang=\"nl\">&lol9;</text></paragraph></resolution></document>\n"
        let attacks: [(name: String, content: String, message: String)] = [
            ("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\(root)<resolution><paragraph id=\"p\"><text xml:lang=\"nl\">&xxe;</text></paragraph></resolution></document>\n",
             "a document type declaration (DTD) is not allowed in chamberdoc XML"),
            ("laughs.xml", laughs, "entity"),
            ("external-dtd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE document SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n\(root)</document>\n",
             "a document type declaration (DTD) is not allowed in chamberdoc XML"),
            ("deep.xml", "<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000) + "\n",
             "Excessive depth in document"),
            ("foreign.xml", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Hallo</p></body></html>\n",
             "No matching global declaration available for the validation root"),
        ]
        for attack in attacks {
            let path = dir.appendingPathComponent(attack.name).path
            try Data(attack.content.utf8).write(to: URL(fileURLWithPath: path))
            let result = try runCLI(["validate", "--schema", Paths.schema, path])
            #expect(result.status == 1, "\(attack.name)")
            #expect(result.err.hasPrefix("\(path):"), "\(attack.name): \(result.err)")
            #expect(result.err.contains(attack.message), "\(attack.name): \(result.err)")
            #expect(!result.err.contains("root:") && !result.out.contains("root:"), "\(attack.name) read /etc/passwd")
        }
    }
}
