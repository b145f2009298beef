import Foundation
import Testing

/// `convert` runs each document in a worker process: a document whose worker dies, hangs or
/// grows past the memory limit fails alone, named in one line, and the batch goes on.
@Suite(.serialized) struct IsolationTests {
    /// A FIFO with a writer that never writes: the worker reading it waits until stopped.
    private func silentFIFO(in dir: URL) throws -> (path: String, writer: Int32) {
        let path = dir.appendingPathComponent("silent.txt").path
        #expect(mkfifo(path, 0o600) == 0)
        let writer = open(path, O_RDWR)  // a reader and writer of its own: opens without waiting
        #expect(writer >= 0)
        return (path, writer)
    }

    private func batch(around input: String) -> [String] { [Paths.seed, input, Paths.realBill, Paths.sideBySide] }

    private func expectOthersWritten(in out: URL) throws {
        let written = ["003_fee3b1f4911676a0.xml", "56K0055001.xml", "003_fee3b1f4911676a0-sidebyside.xml"].map { out.appendingPathComponent($0).path }
        let validated = try runCLI(["validate", "--schema", Paths.schema] + written)
        #expect(validated.status == 0, "\(validated.err)")
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasSuffix(".xml") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func aDocumentOverTheTimeLimitFailsAloneAndTheBatchGoesOn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = try silentFIFO(in: dir)
        defer { close(fifo.writer) }
        let out = dir.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // Five seconds: the other inputs, the real bill among them, must convert in time in a
        // debug build on a loaded machine (about one second each).
        let result = try runCLI(["convert", "--schema", Paths.schema, "--timeout", "5"] + batch(around: fifo.path) + ["-o", out])
        #expect(result.status == 3)
        #expect(result.err.contains("\(fifo.path): not converted: stopped after 5 s (raise the limit with --timeout)\n"), "\(result.err)")
        #expect(result.err.hasSuffix("chamberdoc: 1 of 4 inputs failed\n"))
        try expectOthersWritten(in: URL(fileURLWithPath: out))
    }

    /// The worker converting one input is killed by a signal, as a trap would end it.
    @Test func aWorkerThatDiesFailsItsDocumentOnly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = try silentFIFO(in: dir)
        defer { close(fifo.writer) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.binary)
        process.arguments = ["convert", "--schema", Paths.schema, "--jobs", "1"] + batch(around: fifo.path) + ["-o", out.path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        // With one job, the worker that wrote the seed's XML then waits on the FIFO.
        let seedXML = out.appendingPathComponent("003_fee3b1f4911676a0.xml").path
        var worker: pid_t?
        for _ in 0..<1000 where worker == nil {
            usleep(10_000)
            if FileManager.default.fileExists(atPath: seedXML) { worker = children(of: process.processIdentifier).first }
        }
        let pid = try #require(worker)
        usleep(200_000)  // let it reach the FIFO
        kill(pid, SIGSEGV)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(message.contains("\(fifo.path): not converted: the conversion crashed (Segmentation fault)"), "\(message)")
        #expect(message.hasSuffix("chamberdoc: 1 of 4 inputs failed\n"))
        try expectOthersWritten(in: out)
    }

    @Test func aDocumentOverTheMemoryLimitFailsAlone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let large = dir.appendingPathComponent("large.txt")
        try Data(Array(repeating: try bytes(Paths.seed), count: 200).joined()).write(to: large)
        let out = dir.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let result = try runCLI(["convert", "--schema", Paths.schema, "--memory-limit-mb", "64"] + batch(around: large.path) + ["-o", out])
        #expect(result.status == 3)
        #expect(result.err.contains("\(large.path): not converted: stopped at 64 MB of memory (raise the limit with --memory-limit-mb)\n"), "\(result.err)")
        try expectOthersWritten(in: URL(fileURLWithPath: out))
    }

    /// Worker processes and in-process conversion give the same files and messages.
    @Test func workersAndInProcessConversionAgree() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var results: [(status: Int32, err: String, files: [String: Data])] = []
        for mode in [[], ["--in-process"]] {
            let out = dir.appendingPathComponent("out\(results.count)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let inputs = [Paths.seed, Paths.realBill, Paths.fixture(Paths.negativeSeeds[0]), Paths.sideBySide]
            let result = try runCLI(["convert", "--schema", Paths.schema] + mode + inputs + ["-o", out.path], environment: ArchivalOutputTests.epoch)
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
            results.append((result.status, result.err, try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: out.appendingPathComponent($0))) })))
        }
        #expect(results[0].status == 2 && results[1].status == 2)
        #expect(results[0].err == results[1].err)
        #expect(results[0].files.count == 3)
        #expect(results[0].files == results[1].files)
        let piped = try [[], ["--in-process"]].map { try runCLI(["convert", "--schema", Paths.schema, "-"] + $0, stdin: try bytes(Paths.seed), environment: ArchivalOutputTests.epoch) }
        #expect(piped[0].status == 0)
        #expect(piped[0].out.hasPrefix("<?xml") && piped[0].out == piped[1].out)
        // A glossary read from standard input reaches the workers as convert read it: the seed
        // with NAVO and OTAN renamed has two P203 findings, which the pair QQQ/ZZZ silences.
        let renamed = dir.appendingPathComponent("renamed.txt")
        try String(decoding: try bytes(Paths.seed), as: UTF8.self).replacingOccurrences(of: "NAVO", with: "QQQ")
            .replacingOccurrences(of: "OTAN", with: "ZZZ").write(to: renamed, atomically: true, encoding: .utf8)
        let glossed = try [[], ["--in-process"]].map { mode -> String in
            let out = dir.appendingPathComponent("glossed\(mode.count)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let result = try runCLI(["convert", "--schema", Paths.schema, "--glossary", "-", renamed.path, "-o", out.path] + mode,
                                    stdin: Array("QQQ\tZZZ\n".utf8), environment: ArchivalOutputTests.epoch)
            #expect(result.status == 0)
            return String(decoding: try bytes(out.appendingPathComponent("renamed.xml").path), as: UTF8.self)
        }
        #expect(!glossed[0].contains("code=\"P203\""))
        #expect(glossed[0] == glossed[1])
    }

    /// The processes started by `parent`, from /proc.
    private func children(of parent: pid_t) -> [pid_t] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(parent)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(parent)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { pid_t($0) }
        }
    }
}
