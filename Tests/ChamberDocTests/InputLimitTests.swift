import Foundation
import Testing

/// Every command that reads inputs refuses one over `--max-input-mb` (64 by default), before
/// reading it when its size is known, as soon as the limit is passed when it is not (a stream).
@Suite struct InputLimitTests {
    static let readingCommands: [[String]] = [["validate", "--schema", Paths.schema], ["check"], ["diff"], ["columns"]]

    @Test(arguments: readingCommands)
    func aFileOverTheDefaultLimitIsRefusedUnread(_ command: [String]) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 100 MB of holes: refused by its size, so nothing of it is read.
        let big = dir.appendingPathComponent("big.txt")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        let result = try runCLI(command + [big.path])
        #expect(result.status == 2)
        #expect(result.err == "\(big.path): input is 100 MB, over the limit of 64 MB (raise it with --max-input-mb)\n")
    }

    @Test(arguments: readingCommands)
    func standardInputStopsAtTheLimitAndDevicesAreNotRead(_ command: [String]) throws {
        // A stream has no size to check first: it is read up to the limit, not to the end.
        let stdin = try runCLI(command + ["--max-input-mb", "1", "-"], stdin: Array(repeating: 0x61, count: 3_000_000))
        #expect(stdin.status == 2)
        #expect(stdin.err == "-: input is over the limit of 1 MB (raise it with --max-input-mb)\n")
        let device = try runCLI(command + ["/dev/zero"])
        #expect(device.status == 2)
        #expect(device.err == "/dev/zero: is a device, not a file\n")
    }

    @Test(arguments: readingCommands)
    func theLimitIsAtLeastOneMegabyte(_ command: [String]) throws {
        let result = try runCLI(command + ["--max-input-mb", "0", Paths.seed])
        #expect(result.status == 64)
        #expect(result.err.contains("--max-input-mb must be at least 1"))
    }
}
