import ArgumentParser
import ChamberDoc
import Foundation

/// `chamberdoc worker`: the process `convert` runs its documents in, so that a document that
/// traps, hangs or exhausts memory fails alone and the batch goes on. It reads jobs from the
/// socket on file descriptor 3 and answers each with its outcome; it exits when the socket
/// closes. Not for direct use.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Convert the documents sent by `convert` (internal).",
        shouldDisplay: false
    )

    /// The descriptor `WorkerProcess` puts the worker's end of the socket on.
    static let socket: Int32 = 3

    @OptionGroup var inputLimit: InputLimitOption
    @OptionGroup var schemaOption: SchemaOption
    @OptionGroup var glossaryOption: GlossaryOption

    func run() throws {
        let settings = Convert.Settings(validator: try schemaOption.validator(), glossary: try glossaryOption.load(),
                                        limit: inputLimit.bytes)
        Interruption.install()
        var frames = FrameBuffer()
        while let frame = frames.next(from: Self.socket) {
            guard let job = try? JSONDecoder().decode(Convert.Job.self, from: Data(frame.header)) else { return }
            var outcome = Convert.convert(job, text: job.input == "-" ? frame.payload : nil, settings: settings)
            outcome.peakResidentBytes = StageTimings.peakResidentBytes()
            let xml = outcome.standardOutput ?? []
            outcome.standardOutput = nil
            guard let reply = try? Frame.encode(outcome, payload: xml), FileDescriptor.writeAll(Self.socket, reply) == 0 else { return }
        }
    }
}

/// One worker process as `convert` sees it: started for the first document, given one at a
/// time, watched for its time and memory limits, replaced after it fails.
final class WorkerProcess: DocumentConverter {
    struct Limits {
        var seconds: Double
        var memoryBytes: Int
    }

    private let arguments: [String]
    private let limits: Limits
    private let inputLimit: Int
    private var process: pid_t = 0
    private var socket: Int32 = -1
    /// Where the worker's standard error is read: a trap leaves its message there.
    private var errors: Int32 = -1
    private var slot: Int?

    init(settings arguments: [String], limits: Limits, inputLimit: Int) {
        self.arguments = arguments
        self.limits = limits
        self.inputLimit = inputLimit
    }

    func convert(_ job: Convert.Job) -> Convert.Outcome {
        var text: [UInt8] = []
        if job.input == "-" {
            do { text = try InputFile.read("-", limit: inputLimit) } catch {
                return Convert.Outcome(messages: ["\(job.name): \(error.reason)"], failure: Exit.unusableInput)
            }
        }
        if process == 0 {
            let code = start()
            if code != 0 { return failed(job, "cannot start a worker process (\(SystemError.describe(code)))") }
        }
        let frame: [UInt8]
        do { frame = try Frame.encode(job, payload: text) } catch { return failed(job, "cannot send it to the worker (\(error))") }
        guard sendAll(frame) else { return failed(job, stop(describing: job)) }
        let started = DispatchTime.now().uptimeNanoseconds
        var replies = FrameBuffer()
        while true {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready > 0 {
                guard replies.receive(from: socket) else { return failed(job, stop(describing: job)) }
                if let reply = replies.take() {
                    guard var outcome = try? JSONDecoder().decode(Convert.Outcome.self, from: Data(reply.header)) else {
                        return failed(job, stop(describing: job))
                    }
                    if job.target == nil { outcome.standardOutput = reply.payload }
                    return outcome
                }
            } else if ready < 0, errno != EINTR {
                return failed(job, stop(describing: job))
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if seconds > limits.seconds {
                kill(process, SIGKILL)
                _ = stop(describing: job)
                return failed(job, "stopped after \(Int(limits.seconds)) s (raise the limit with --timeout)")
            }
            if let resident = residentBytes(), resident > limits.memoryBytes {
                kill(process, SIGKILL)
                _ = stop(describing: job)
                return failed(job, "stopped at \(limits.memoryBytes / 1_000_000) MB of memory (raise the limit with --memory-limit-mb)")
            }
        }
    }

    /// Ends the worker: closing its socket makes it exit; then it is waited for.
    func finish() {
        guard process != 0 else { return }
        close(socket)
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0, errno == EINTR {}
        release()
    }

    private func failed(_ job: Convert.Job, _ reason: String) -> Convert.Outcome {
        Convert.Outcome(messages: ["\(job.name): not converted: \(reason)"], failure: Exit.conversionFailed)
    }

    /// Waits for a worker that has died or was killed, removes the temporary file it may
    /// have left, and says how it ended.
    private func stop(describing job: Convert.Job) -> String {
        close(socket)
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0, errno == EINTR {}
        if let target = job.target {
            OutputFile.removeStaleTemporaryFiles(in: URL(fileURLWithPath: target).deletingLastPathComponent().path, of: process)
        }
        let message = lastError()
        release()
        let signalled = status & 0x7f
        guard signalled != 0 else { return "the worker process exited with status \((status >> 8) & 0xff)" }
        let name = strsignal(signalled).map { String(cString: $0) } ?? "signal \(signalled)"
        return "the conversion crashed (\(name)\(message.map { ": \($0)" } ?? "")); this is a bug in chamberdoc, please report the input"
    }

    private func release() {
        close(errors)
        Interruption.release(child: slot)
        process = 0
        slot = nil
    }

    /// The worker's first line of standard error that says what went wrong (Swift's
    /// `Fatal error: …`), if it wrote one.
    private func lastError() -> String? {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(errors, &bytes, bytes.count)
        guard count > 0 else { return nil }
        let lines = String(decoding: bytes[..<count], as: UTF8.self).split(separator: "\n")
        return (lines.first { $0.contains("Fatal error") } ?? lines.first).map { String($0.prefix(200)) }
    }

    private func residentBytes() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/\(process)/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private func sendAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += sent
            }
            return true
        }
    }

    /// Starts `chamberdoc worker` (this executable) with the socket on descriptor 3, its
    /// standard input and output on /dev/null and its standard error on another socket. Returns 0 or
    /// the `errno` of the failure.
    private func start() -> Int32 {
        // Socket pairs, not pipes, for both: they are created close-on-exec in one call, so
        // a worker started at the same time by another thread inherits neither.
        var pair: [Int32] = [-1, -1], pipe: [Int32] = [-1, -1]
        let kind = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, kind, 0, &pair) == 0 else { return errno }
        guard socketpair(AF_UNIX, kind | Int32(SOCK_NONBLOCK.rawValue), 0, &pipe) == 0 else {
            let code = errno
            close(pair[0]); close(pair[1])
            return code
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_adddup2(&actions, pair[1], Worker.socket)
        // A trap then prints one line, not a symbolicated backtrace that takes seconds.
        let environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { _, new in new }
        let argv = ([CommandLine.arguments[0], "worker"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let code = posix_spawn(&child, "/proc/self/exe", &actions, nil, argv, envp)
        close(pair[1]); close(pipe[1])
        guard code == 0 else {
            close(pair[0]); close(pipe[0])
            return code
        }
        process = child
        socket = pair[0]
        errors = pipe[0]
        slot = Interruption.track(child: child)
        return 0
    }
}

/// The messages between `convert` and a worker: a header (JSON) and a payload (raw bytes:
/// the text of standard input going out, the XML for standard output coming back), framed
/// by their lengths (4 and 8 bytes, little-endian).
enum Frame {
    static func encode<Header: Encodable>(_ header: Header, payload: [UInt8]) throws -> [UInt8] {
        let json = [UInt8](try JSONEncoder().encode(header))
        var frame = withUnsafeBytes(of: UInt32(json.count).littleEndian, Array.init)
        frame += withUnsafeBytes(of: UInt64(payload.count).littleEndian, Array.init)
        return frame + json + payload
    }
}

/// Bytes received from a socket until they make whole frames.
struct FrameBuffer {
    private var bytes: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// Reads what the socket has; false at its end or on an error.
    mutating func receive(from socket: Int32) -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                bytes += chunk[..<count]
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    /// The first whole frame, removed from the buffer.
    mutating func take() -> (header: [UInt8], payload: [UInt8])? {
        guard bytes.count >= 12 else { return nil }
        let headerLength = bytes[0..<4].reversed().reduce(0) { $0 << 8 | Int($1) }
        let payloadLength = bytes[4..<12].reversed().reduce(0) { $0 << 8 | Int($1) }
        let end = 12 + headerLength + payloadLength
        guard bytes.count >= end else { return nil }
        defer { bytes.removeSubrange(..<end) }
        return (Array(bytes[12..<12 + headerLength]), Array(bytes[(12 + headerLength)..<end]))
    }

    /// The next frame, waiting for it (the worker's side); nil when the socket closes.
    mutating func next(from socket: Int32) -> (header: [UInt8], payload: [UInt8])? {
        while true {
            if let frame = take() { return frame }
            guard receive(from: socket) else { return nil }
        }
    }
}
