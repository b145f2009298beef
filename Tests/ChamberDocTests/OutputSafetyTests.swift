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

    /// The reproducer from outside review: symlinks planted where the temporary file (once
    /// named after the process id) would be opened, and at the target itself. Neither is
    /// written through; the target becomes a file of its own.
    @Test func plantedSymlinksAreNotWrittenThrough() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let victim = dir.appendingPathComponent("victim.conf")
        try Data("VICTIM".utf8).write(to: victim)
        let next = Int(try String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
        for pid in next..<next + 300 {
            try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent(".003_fee3b1f4911676a0.xml.\(pid).tmp").path, withDestinationPath: victim.path)
        }
        let target = out.appendingPathComponent("003_fee3b1f4911676a0.xml")
        try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: victim.path)
        let result = try runCLI(["convert", "--schema", Paths.schema, Paths.seed, "-o", out.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(String(decoding: try bytes(victim.path), as: UTF8.self) == "VICTIM")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: target.path)) == nil)
        #expect(try runCLI(["validate", "--schema", Paths.schema, target.path]).status == 0)
    }

    /// A 254-byte target name is legal; the temporary name is cut to fit beside it.
    @Test func aLongTargetNameIsWritten() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(String(repeating: "d", count: 250) + ".txt")
        try FileManager.default.copyItem(atPath: Paths.seed, toPath: input.path)
        let result = try runCLI(["convert", "--schema", Paths.schema, input.path, "-o", dir.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(String(repeating: "d", count: 250) + ".xml").path))
        let tooLong = dir.appendingPathComponent(String(repeating: "e", count: 252))
        try FileManager.default.copyItem(atPath: Paths.seed, toPath: tooLong.path)
        let refused = try runCLI(["convert", "--schema", Paths.schema, tooLong.path, "-o", dir.path])
        #expect(refused.status == 2)
        #expect(refused.err.hasSuffix(": cannot write: the name is too long for the file system (256 bytes)\n"), "\(refused.err)")
    }

    /// Temporary files of a process that is gone (SIGKILL leaves them) are removed by the next
    /// batch into the directory; those of a running process, anything not a regular file, and
    /// files not named as chamberdoc names its temporary files are kept.
    @Test func staleTemporaryFilesAreRemoved() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = dir.appendingPathComponent(".doc.xml.chamberdoc.\(gone.processIdentifier).0badcafe.tmp")
        let live = dir.appendingPathComponent(".doc.xml.chamberdoc.\(getpid()).12345678.tmp")
        let link = dir.appendingPathComponent(".link.xml.chamberdoc.\(gone.processIdentifier).87654321.tmp")
        let others = [".notes.\(gone.processIdentifier).12.tmp", ".doc.xml.\(gone.processIdentifier).0badcafe.tmp"].map { dir.appendingPathComponent($0) }
        for file in [stale, live] + others { try Data("half".utf8).write(to: file) }
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        let result = try runCLI(["convert", "--schema", Paths.schema, Paths.seed, "-o", dir.path])
        #expect(result.status == 0)
        #expect(result.err == "chamberdoc: note: removed 1 temporary file(s) that an interrupted run left in \(dir.path)\n")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(others.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == "/etc/passwd")
    }

    /// A full disk and a read-only file system are named as such (needs a small tmpfs, so
    /// root where mounting is allowed; skipped elsewhere).
    @Test(.enabled(if: canMountSmallFileSystem(), "needs to mount a tmpfs")) func fullAndReadOnlyFileSystemsAreNamed() throws {
        let dir = try #require(smallFileSystem())
        defer { unmount(dir) }
        let full = try runCLI(["convert", "--schema", Paths.schema, Paths.realBill, "-o", dir.path])
        #expect(full.status == 2)
        #expect(full.err.hasSuffix("\(dir.path)/56K0055001.xml: cannot write (no space left on the device)\n"), "\(full.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        try runTool("/bin/mount", ["-o", "remount,ro", dir.path])
        let readOnly = try runCLI(["convert", "--schema", Paths.schema, Paths.seed, "-o", dir.path])
        #expect(readOnly.status == 2)
        #expect(readOnly.err == "\(dir.path)/003_fee3b1f4911676a0.xml: cannot write (read-only file system)\n")
    }

    /// Standard output that cannot be written fails every command, with exit 2 and one line.
    @Test func unwritableStandardOutputFails() throws {
        let xml = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: xml) }
        #expect(try runCLI(["convert", "--schema", Paths.schema, Paths.seed, "-o", xml.path]).status == 0)
        let commands = [["check", Paths.realBill], ["diff", Paths.seed], ["columns", Paths.seed],
                        ["validate", "--schema", Paths.schema, xml.appendingPathComponent("003_fee3b1f4911676a0.xml").path],
                        ["convert", "--schema", Paths.schema, "-"]]
        for command in commands {
            let result = try runCLI(command, stdin: try bytes(Paths.seed), stdout: "/dev/full")
            #expect(result.status == 2, "\(command)")
            #expect(result.err.hasSuffix("chamberdoc: cannot write to standard output (no space left on the device)\n"), "\(command): \(result.err)")
        }
    }

    /// A FIFO is read as a stream (bash's `<(…)`), also when its writer comes later, and so is
    /// `/dev/stdin`; a device is refused for what it is.
    @Test func pipesAreReadAndDevicesRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("seed.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let seed = try bytes(Paths.seed)
        let writer = Thread {
            usleep(300_000)
            let handle = FileHandle(forWritingAtPath: fifo)
            try? handle?.write(contentsOf: Data(seed))
            try? handle?.close()
        }
        writer.start()
        let piped = try runCLI(["columns", fifo])
        #expect(piped.status == 0)
        #expect(piped.out == (try runCLI(["columns", Paths.seed])).out.replacingOccurrences(of: Paths.seed, with: fifo))
        let named = try runCLI(["convert", "--schema", Paths.schema, "/dev/stdin", "-o", dir.path], stdin: seed)
        #expect(named.status == 0, "\(named.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("stdin.xml").path))
        let device = try runCLI(["convert", "--schema", Paths.schema, "/dev/zero", "-o", dir.path])
        #expect(device.status == 2)
        #expect(device.err == "/dev/zero: is a device, not a file\n")
    }

    /// An output named on the command line that cannot be written fails before the work.
    @Test func timingsToAMissingDirectoryFailBeforeConverting() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let timings = dir.appendingPathComponent("absent/t.json").path
        let result = try runCLI(["convert", "--schema", Paths.schema, "--timings", timings, Paths.seed, "-o", dir.path])
        #expect(result.status == 2)
        #expect(result.err == "\(timings): directory \(dir.path)/absent does not exist\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
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
             "this schema expects the namespace urn:chamberdoc:1"),
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

/// A new directory with a 16 KB tmpfs mounted on it, or nil where mounting is not allowed.
private func smallFileSystem() -> URL? {
    guard getuid() == 0, let dir = try? temporaryDirectory() else { return nil }
    if (try? runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", dir.path], quiet: true)) == 0 { return dir }
    try? FileManager.default.removeItem(at: dir)
    return nil
}

private func canMountSmallFileSystem() -> Bool {
    guard let dir = smallFileSystem() else { return false }
    unmount(dir)
    return true
}

private func unmount(_ dir: URL) {
    _ = try? runTool("/bin/umount", [dir.path])
    try? FileManager.default.removeItem(at: dir)
}

@discardableResult
private func runTool(_ path: String, _ arguments: [String], quiet: Bool = false) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if quiet { process.standardError = FileHandle.nullDevice }
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
