import Foundation
import Testing

/// The `chamberdoc` command as users run it: exit codes, messages, files written or not.
@Suite(.serialized) struct CLITests {
    @Test func convertWritesValidXMLAndNothingElse() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runCLI(["convert", "--schema", Paths.schema, Paths.seed, Paths.sideBySide, "-o", out.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["003_fee3b1f4911676a0-sidebyside.xml", "003_fee3b1f4911676a0.xml"])
        let validated = try runCLI(["validate", "--schema", Paths.schema] + files.map { out.appendingPathComponent($0).path })
        #expect(validated.status == 0)
        #expect(validated.out.components(separatedBy: "\n").filter { $0.hasSuffix(": valid") }.count == 2)
    }

    /// Without Hunspell's dictionaries the documents still convert, and one note says what
    /// is done without them, before the first document only.
    @Test func missingSpellingDictionariesAreNotedOnce() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let nowhere = out.appendingPathComponent("no-hunspell").path
        let result = try runCLI(["convert", "--schema", Paths.schema, Paths.seed, Paths.sideBySide, "-o", out.path],
                                environment: ["CHAMBERDOC_HUNSPELL": nowhere])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "chamberdoc: note: no Hunspell dictionary for Dutch or French in \(nowhere) (install hunspell-nl and hunspell-fr): "
            + "a hyphen at a line end that the document does not explain is dropped\n")
    }

    @Test func standardInputToStandardOutput() throws {
        let result = try runCLI(["convert", "--schema", Paths.schema, "-"], stdin: try bytes(Paths.sideBySide))
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(result.out.contains("<consideration id=\"cons-I\" label=\"I\" link=\"1-1\" confidence=\""))
        #expect(result.out.contains("source=\"&lt;stdin&gt;\""))
    }

    @Test func refusedInputsSayWhyAndWriteNothing() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let letter = Paths.fixture("004_1811b1c708fc6230.txt")
        let missing = out.appendingPathComponent("absent.txt").path
        let result = try runCLI(["convert", "--schema", Paths.schema, letter, Paths.seed, missing, out.path, "-o", out.path])
        #expect(result.status == 2)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[3] == "chamberdoc: 3 of 4 inputs failed")
        #expect(lines[0].hasPrefix("\(letter): no French column found (0 of "))
        #expect(lines[0].hasSuffix(" words are French); not a bilingual Chamber document"))
        #expect(lines[1] == "\(missing): no such file")
        #expect(lines[2] == "\(out.path): is a directory, not a file")
        // One bad file does not stop the others; the refused ones leave nothing behind.
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files == ["003_fee3b1f4911676a0.xml"])
    }

    /// The self-check: a Dutch consideration printed in French (untranslated, or put in the
    /// wrong column) is a warning naming the unit, and its link's confidence drops to 0.5.
    @Test func aTextInTheOtherLanguageIsAWarningAndLowersConfidence() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = String(decoding: try bytes(Paths.seed), as: UTF8.self)
        let dutch = "A. overwegende dat internationale drugskartels gebruikmaken van maritieme routes, commerciële scheepvaart en afgelegen zeegebieden om cocaïne en andere drugs Europa binnen te brengen;"
        let french = "A. considérant que les cartels internationaux de la drogue utilisent les routes maritimes, la navigation commerciale et les zones maritimes isolées pour faire entrer de la cocaïne et d'autres drogues en Europe;"
        let input = dir.appendingPathComponent("untranslated.txt")
        try Data(seed.replacingOccurrences(of: dutch, with: french).utf8).write(to: input)
        let result = try runCLI(["convert", "--schema", Paths.schema, input.path, "-o", dir.path])
        #expect(result.status == 0)
        #expect(result.err.contains(": warning: 1 unit(s) with a text that reads as the other language (cons-A)"), "\(result.err)")
        #expect(!result.err.contains("units are linked in both languages"))
        let tree = try XMLTree.parse([UInt8](try Data(contentsOf: dir.appendingPathComponent("untranslated.xml"))))
        let consideration = try #require(tree.root.all("consideration").first { $0.attribute("id") == "cons-A" })
        #expect(consideration.attribute("confidence") == "0.500")
        // The seed itself gives no such warning.
        let clean = try runCLI(["convert", "--schema", Paths.schema, Paths.seed, "-o", dir.path])
        #expect(!clean.err.contains("warning"))
    }

    @Test func inputsOfTheSameNameDoNotOverwriteEachOther() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Three inputs that would write out/doc.xml (`c/doc` has no .txt to drop), with an
        // input of another name between them: the first one wins, the others name it.
        for name in ["a/doc.txt", "b/doc.txt", "c/doc"] {
            let file = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(try bytes(name.hasPrefix("a") ? Paths.seed : Paths.sideBySide)).write(to: file)
        }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let (a, b, c) = (dir.appendingPathComponent("a/doc.txt").path, dir.appendingPathComponent("b/doc.txt").path, dir.appendingPathComponent("c/doc").path)
        let result = try runCLI(["convert", "--schema", Paths.schema, a, b, Paths.sideBySide, c, "-o", out.path])
        #expect(result.status == 2)
        #expect(result.err == """
            \(b): not converted: \(out.path)/doc.xml is already written from \(a)
            \(c): not converted: \(out.path)/doc.xml is already written from \(a)
            chamberdoc: 2 of 4 inputs failed

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["003_fee3b1f4911676a0-sidebyside.xml", "doc.xml"])
        let xml = String(decoding: try bytes(out.appendingPathComponent("doc.xml").path), as: UTF8.self)
        #expect(xml.contains("layout=\"page-serialized-clean\""))
    }

    @Test func validateReportsFileLineMessage() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.xml")
        try Data("""
            <?xml version="1.0"?>
            <document xmlns="urn:chamberdoc:1" type="resolution-proposal" source="x" layout="side-by-side">
              <resolution>
                <consideration id="cons-A" label="A"/>
              </resolution>
            </document>
            """.utf8).write(to: bad)
        let result = try runCLI(["validate", "--schema", Paths.schema, bad.path])
        #expect(result.status == 1)
        let first = try #require(result.err.split(separator: "\n").first)
        #expect(first.hasPrefix("\(bad.path):4: "))
        #expect(first.contains("consideration"))
        let broken = dir.appendingPathComponent("broken.xml")
        try Data("<document>".utf8).write(to: broken)
        let parse = try runCLI(["validate", "--schema", Paths.schema, broken.path])
        #expect(parse.status == 1)
        #expect(parse.err.hasPrefix("\(broken.path):1: "))
    }

    @Test func usageErrorsExit64() throws {
        let noOutput = try runCLI(["convert", Paths.seed])
        #expect(noOutput.status == 64)
        #expect(noOutput.err.contains("missing -o OUTDIR"))
        let unknown = try runCLI(["frobnicate"])
        #expect(unknown.status == 64)
        let help = try runCLI(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("Exit codes: 0 success"))
    }

    @Test func columnsShowsTheReadStage() throws {
        let result = try runCLI(["columns", Paths.seed])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n")
        #expect(lines.first == "layout: page-serialized-clean")
        #expect(lines.contains("fr 260 7.3. les incidents liés à la drogue et la prévention au sein de la Défense."))
    }
}

/// Batches: parallel conversion with messages in input order, input lists, stage timings.
@Suite(.serialized) struct BatchTests {
    @Test func parallelAndSerialRunsGiveTheSameOutputAndMessages() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var inputs: [String] = []
        for index in 0..<12 {
            // Good and refused inputs interleaved, so that messages could come out of order.
            let source = index % 3 == 2 ? Paths.fixture("001_3592a387cf08d80b.txt") : index % 2 == 0 ? Paths.realBill : Paths.seed
            let path = dir.appendingPathComponent("in\(index).txt").path
            try FileManager.default.copyItem(atPath: source, toPath: path)
            inputs.append(path)
        }
        var runs: [(err: String, files: [String: [UInt8]])] = []
        for jobs in ["1", "4"] {
            let out = dir.appendingPathComponent("out\(jobs)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let result = try runCLI(["convert", "--schema", Paths.schema, "--jobs", jobs] + inputs + ["-o", out.path], environment: ArchivalOutputTests.epoch)
            #expect(result.status == 2)
            var files: [String: [UInt8]] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                files[name] = try bytes(out.appendingPathComponent(name).path)
            }
            runs.append((result.err, files))
        }
        #expect(runs[0].err == runs[1].err)
        #expect(runs[0].files == runs[1].files)
        #expect(runs[0].files.count == 8)
        let refused = runs[0].err.split(separator: "\n").filter { $0.contains("no French column found") }
        #expect(refused.map { $0.split(separator: ":")[0] } == [2, 5, 8, 11].map { Substring(inputs[$0]) })
    }

    @Test func inputListAndTimings() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = dir.appendingPathComponent("inputs.txt")
        try Data("\(Paths.seed)\n\(Paths.realBill)\n".utf8).write(to: list)
        let timings = dir.appendingPathComponent("timings.json")
        let result = try runCLI(["convert", "--schema", Paths.schema, "--input-list", list.path, "--timings", timings.path, "-o", dir.path])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(try bytes(timings.path))) as? [String: Any])
        #expect(report["documents"] as? Int == 2)
        #expect(report["inputBytes"] as? Int == (try bytes(Paths.seed).count + bytes(Paths.realBill).count))
        let stages = try #require(report["stages"] as? [String: Double])
        #expect(Set(stages.keys) == ["read", "parse", "align", "check", "emit", "validate", "write"])
        #expect(stages.values.allSatisfy { $0 > 0 })
        // The converting process's own peak memory: more than the binary's few MB, far less
        // than the test process that started it may hold.
        let peak = try #require(report["peakResidentBytes"] as? Int)
        #expect(peak > 4_000_000 && peak < 500_000_000)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("56K0055001.xml").path))
        // The list may come on standard input.
        let out = dir.appendingPathComponent("fromStdin")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let piped = try runCLI(["convert", "--schema", Paths.schema, "--input-list", "-", "-o", out.path], stdin: try bytes(list.path))
        #expect(piped.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["003_fee3b1f4911676a0.xml", "56K0055001.xml"])
        // CRLF and CR line ends, blank lines and a last line without one; the list counts
        // after the command line's inputs, and a name repeated in it is refused, naming the first.
        let windows = dir.appendingPathComponent("windows.txt"), again = dir.appendingPathComponent("again")
        try Data("\r\n\(Paths.realBill)\r\n\r\n\(Paths.seed)\r\(Paths.seed)".utf8).write(to: windows)
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        let mixed = try runCLI(["convert", "--schema", Paths.schema, Paths.sideBySide, "--input-list", windows.path, "-o", again.path])
        #expect(mixed.status == 2)
        #expect(mixed.err.hasSuffix("\(Paths.seed): not converted: \(again.path)/003_fee3b1f4911676a0.xml is already written from \(Paths.seed)\nchamberdoc: 1 of 4 inputs failed\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: again.path).sorted()
                == ["003_fee3b1f4911676a0-sidebyside.xml", "003_fee3b1f4911676a0.xml", "56K0055001.xml"])
    }
}

/// `chamberdoc check`: compiler-style findings, JSON, and exit codes.
@Suite struct CheckCommandTests {
    @Test func compilerStyleLinesAndExitCodes() throws {
        let clean = try runCLI(["check", Paths.seed])
        #expect(clean.status == 0)
        #expect(clean.out.isEmpty)

        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let variant = dir.appendingPathComponent("variant.txt")
        let text = String(decoding: try bytes(Paths.seed), as: UTF8.self).replacingOccurrences(of: "Strategische Visie 2025", with: "Strategische Visie 2026")
        try Data(text.utf8).write(to: variant)
        let result = try runCLI(["check", variant.path])
        #expect(result.status == 1)
        #expect(result.out == """
            \(variant.path):100: error: [P201] 2025 is in the French text, not in the Dutch one (expl-p8)
            \(variant.path):100: error: [P201] 2026 is in the Dutch text, not in the French one (expl-p8)

            """)
        let json = try runCLI(["check", "--format", "json", variant.path])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(findings.map { $0["code"] as? String } == ["P201", "P201"])
        #expect(findings.first?["line"] as? Int == 100)
    }

    @Test func warningsFailOnlyWithWerror() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let glossary = dir.appendingPathComponent("empty.tsv")
        try Data("# nothing\n".utf8).write(to: glossary)
        let variant = dir.appendingPathComponent("variant.txt")
        let text = String(decoding: try bytes(Paths.seed), as: UTF8.self).replacingOccurrences(of: "aan MAOC-N aanzienlijk", with: "aan EMCDDA aanzienlijk")
        try Data(text.utf8).write(to: variant)
        #expect(try runCLI(["check", variant.path]).status == 0)
        #expect(try runCLI(["check", "--werror", variant.path]).status == 1)
        let bad = dir.appendingPathComponent("bad.tsv")
        try Data("MIK CIM\n".utf8).write(to: bad)
        let refused = try runCLI(["check", "--glossary", bad.path, variant.path])
        #expect(refused.status == 64)
        #expect(refused.err.contains("\(bad.path):1: a glossary line is Dutch<TAB>French"))
    }

    /// A baseline records the findings of a run; with it, only new findings print and count.
    @Test func aBaselineSilencesKnownFindingsOnly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = String(decoding: try bytes(Paths.seed), as: UTF8.self)
        let variant = dir.appendingPathComponent("variant.txt"), baseline = dir.appendingPathComponent("known.tsv")
        try Data(seed.replacingOccurrences(of: "Strategische Visie 2025", with: "Strategische Visie 2026").utf8).write(to: variant)
        let written = try runCLI(["check", variant.path, "--write-baseline", baseline.path])
        #expect(written.status == 0)
        #expect(written.out.split(separator: "\n").count == 2)
        let lines = String(decoding: try bytes(baseline.path), as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == ["\(variant.path)\tP201\texpl-p8\t2025 is in the French text, not in the Dutch one",
                          "\(variant.path)\tP201\texpl-p8\t2026 is in the Dutch text, not in the French one"])
        let known = try runCLI(["check", variant.path, "--baseline", baseline.path])
        #expect(known.status == 0)
        #expect(known.out.isEmpty)
        #expect(known.err == "\(baseline.path): 2 known finding(s) not shown\n")
        // A new error fails, on its own; a known finding that no longer occurs is counted.
        let edited = seed.replacingOccurrences(of: "Strategische Visie 2025", with: "Strategische Visie 2026")
            .replacingOccurrences(of: "1 miljard euro", with: "2 miljard euro")
        try Data(edited.utf8).write(to: variant)
        let new = try runCLI(["check", variant.path, "--baseline", baseline.path])
        #expect(new.status == 1)
        #expect(new.out.split(separator: "\n").map { $0.contains("[P201] 2 is in the Dutch text") } == [true])
        let fixed = try runCLI(["check", Paths.seed, "--baseline", baseline.path])
        #expect(fixed.status == 0)
        #expect(fixed.err.contains("0 known finding(s) not shown; 2 known finding(s) no longer occur"))
        let bad = dir.appendingPathComponent("bad.tsv")
        try Data("P201 expl-p8\n".utf8).write(to: bad)
        let refused = try runCLI(["check", variant.path, "--baseline", bad.path])
        #expect(refused.status == 2)
        #expect(refused.err == "\(bad.path):1: a baseline line is input<TAB>code<TAB>unit<TAB>message\n")
    }
}
