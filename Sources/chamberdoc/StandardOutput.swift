import ArgumentParser
import ChamberDoc
import Foundation

/// Standard output, buffered and checked. A command whose output cannot be written (a full
/// disk, `/dev/full`) fails with exit 2 and one line, instead of exiting 0 with an empty or
/// truncated file. (A closed pipe ends the process by SIGPIPE, as for any Unix filter.)
final class StandardOutput: @unchecked Sendable {
    static let shared = StandardOutput()

    private let lock = NSLock()
    private var buffer: [UInt8] = []
    /// The `errno` of the first failed write; nothing more is written after it.
    private var failure: Int32 = 0

    func write(_ text: String) { write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        buffer += bytes
        if buffer.count >= 1 << 16 { flushLocked() }
    }

    private func flushLocked() {
        if failure == 0 { failure = FileDescriptor.writeAll(STDOUT_FILENO, buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Runs a command's body, then writes what it printed and closes standard output. A
    /// failed write or close replaces the body's own outcome with exit 2.
    static func finishing(_ body: () throws -> Void) throws {
        var outcome: Error?
        do { try body() } catch { outcome = error }
        try shared.finish()
        if let outcome { throw outcome }
    }

    private func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        flushLocked()
        if close(STDOUT_FILENO) != 0, errno != EBADF, failure == 0 { failure = errno }
        guard failure != 0 else { return }
        report("chamberdoc: cannot write to standard output (\(SystemError.describe(failure)))")
        throw ExitCode(Exit.unusableInput)
    }
}

/// One line on standard output (see `StandardOutput`).
func emit(_ line: String) { StandardOutput.shared.write(line + "\n") }
