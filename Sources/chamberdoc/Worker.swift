import ArgumentParser
import ChamberDoc
import Foundation

/// `chamberdoc worker`: the process `convert` runs its documents in, so that a document that
/// traps, hangs or exhausts memory fails alone and the batch goes on. It reads its `Setup`,
/// then jobs, from the socket on file descriptor 3 and answers each with its outcome; it
/// exits when the socket closes, or as soon as `convert` is gone. Not for direct use.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Convert the documents sent by `convert` (internal).",
        shouldDisplay: false
    )

    /// The descriptor `WorkerProcess` puts the worker's end of the socket on.
    static let socket: Int32 = 3

    /// What `convert` resolved and read once, so that the worker converts exactly as it would.
    struct Setup: Codable {
        var schema: String
        var glossaries: [GlossaryFile]
        var inputLimit: Int
        var formats: [OutputFormat]
        /// Whether PDFs may come, so that the worker opens poppler-glib as it starts.
        var readsPDFs = false
    }

    func run() throws {
        Interruption.install()
        watchParent()
        var frames = FrameBuffer()
        guard let first = frames.next(from: Self.socket) else { return }
        let setup = try JSONDecoder().decode(Setup.self, from: Data(first.header))
        Pipeline.prepare(readingPDFs: setup.readsPDFs)
        let settings = try Convert.Settings(setup)
        while let frame = frames.next(from: Self.socket) {
            let job = try JSONDecoder().decode(Convert.Job.self, from: Data(frame.header))
            var outcome = Convert.convert(job, text: job.input == "-" ? frame.payload : nil, settings: settings)
            let xml = outcome.standardOutput ?? []
            outcome.standardOutput = nil
            guard FileDescriptor.writeAll(Self.socket, try Frame.encode(outcome, payload: xml), socket: true) == 0 else { return }
        }
    }

    /// A worker whose `convert` was killed outright (SIGKILL, the OOM killer) would go on
    /// unwatched and might still rename a file over a newer run's: when the parent changes,
    /// the worker ends as on SIGTERM, removing its temporary file.
    private func watchParent() {
        let parent = getppid()
        Thread.detachNewThread {
            while getppid() == parent { usleep(100_000) }
            kill(getpid(), SIGTERM)
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

    private let setup: Worker.Setup
    private let limits: Limits
    private var process: pid_t = 0
    private var socket: Int32 = -1
    /// Where the worker's standard error is read: a trap leaves its message there.
    private var errors: Int32 = -1
    private var slot: Int?

    init(setup: Worker.Setup, limits: Limits) {
        self.setup = setup
        self.limits = limits
    }

    func convert(_ job: Convert.Job) -> Convert.Outcome {
        var text: [UInt8] = []
        if job.input == "-" {
            do { text = try InputFile.read("-", limit: setup.inputLimit) } catch {
                return Convert.Outcome(messages: ["\(job.name): \(error.reason)"], failure: Exit.unusableInput)
            }
        }
        if process == 0 {
            let code = start()
            if code != 0 {
                if process != 0 { _ = stop(describing: job) }
                return failed(job, "cannot start a worker process (\(SystemError.describe(code)))")
            }
        }
        guard let frame = try? Frame.encode(job, payload: text), FileDescriptor.writeAll(socket, frame, socket: true) == 0 else {
            return failed(job, stop(describing: job))
        }
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
                    _ = readErrors()  // so that the worker never blocks on a full standard error
                    return outcome
                }
                continue
            } else if ready < 0 {
                if errno == EINTR { continue }
                return failed(job, stop(describing: job))
            }
            // A quiet tenth of a second: time to check the limits.
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if seconds > limits.seconds {
                _ = stop(describing: job)
                let shown = limits.seconds.rounded() == limits.seconds ? String(Int(limits.seconds)) : String(limits.seconds)
                return failed(job, "stopped after \(shown) s (raise the limit with --timeout)")
            }
            if let resident = residentBytes(), resident > limits.memoryBytes {
                _ = stop(describing: job)
                return failed(job, "stopped at \(limits.memoryBytes / 1_000_000) MB of memory (raise the limit with --memory-limit-mb)")
            }
        }
    }

    /// Ends the worker: closing its socket makes it exit; then it is waited for.
    func finish() -> Int? {
        if process != 0 {
            notePeak()
            close(socket)
            _ = reap()
        }
        return peak
    }

    /// The largest peak resident memory of the worker processes so far.
    private var peak: Int?

    private func notePeak() {
        if let bytes = StageTimings.peakResidentBytes(of: process) { peak = max(peak ?? 0, bytes) }
    }

    private func failed(_ job: Convert.Job, _ reason: String) -> Convert.Outcome {
        Convert.Outcome(messages: ["\(job.name): not converted: \(reason)"], failure: Exit.conversionFailed)
    }

    /// Stops a worker that failed, was found dead, or is over a limit: kills it, removes the
    /// temporary file it may have left, and says how it ended.
    private func stop(describing job: Convert.Job) -> String {
        notePeak()
        kill(process, SIGKILL)
        close(socket)
        // Its temporary file is removed while the process id is still ours (a zombie), so
        // that the id cannot name a new process yet.
        var info = siginfo_t()
        while waitid(P_PID, id_t(process), &info, WEXITED | WNOWAIT) < 0, errno == EINTR {}
        if let target = job.target {
            OutputFile.removeStaleTemporaryFiles(in: URL(fileURLWithPath: target).deletingLastPathComponent().path, of: process)
        }
        let message = lastError().map { ": \($0)" } ?? ""
        let status = reap()
        let signalled = status & 0x7f
        guard signalled != 0 else { return "the worker process exited with status \((status >> 8) & 0xff)\(message)" }
        let name = strsignal(signalled).map { String(cString: $0) } ?? "signal \(signalled)"
        if signalled == SIGKILL { return "the worker process was killed (\(name)), perhaps by the system for lack of memory" }
        return "the conversion crashed (\(name)\(message)); this is a bug in chamberdoc, please report the input"
    }

    /// Waits for the worker to end and forgets it; returns its wait status.
    private func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0, errno == EINTR {}
        close(errors)
        Interruption.release(child: slot)
        process = 0
        slot = nil
        return status
    }

    /// The line of the worker's standard error that says what went wrong (Swift's
    /// `Fatal error: …`, else its last line), if it wrote one.
    private func lastError() -> String? {
        let lines = String(decoding: readErrors(), as: UTF8.self).split(separator: "\n")
        return (lines.last { $0.contains("Fatal error") } ?? lines.last).map { String($0.prefix(200)) }
    }

    /// What the worker wrote to standard error since the last call (its last 64 KB).
    private func readErrors() -> [UInt8] {
        var text: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 4096)
        while case let count = read(errors, &chunk, chunk.count), count > 0 {
            text = (text + chunk[..<count]).suffix(1 << 16)
        }
        return text
    }

    private func residentBytes() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/\(process)/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Starts `chamberdoc worker` (this executable) with the socket on descriptor 3, its
    /// standard output on /dev/null and its standard error on another socket, and sends it
    /// its setup. Standard input stays this process's, so that an input named `/dev/stdin`
    /// reads what it would here. Returns 0 or the `errno` of the failure.
    private func start() -> Int32 {
        // Socket pairs, not pipes, for both: they are created close-on-exec in one call, so
        // a worker started at the same time by another thread inherits neither.
        var pair: [Int32] = [-1, -1], pipe: [Int32] = [-1, -1]
        let kind = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, kind, 0, &pair) == 0 else { return errno }
        guard socketpair(AF_UNIX, kind, 0, &pipe) == 0 else {
            let code = errno
            close(pair[0]); close(pair[1])
            return code
        }
        _ = fcntl(pipe[0], F_SETFL, O_NONBLOCK)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_adddup2(&actions, pair[1], Worker.socket)
        // A trap then prints one line, not a symbolicated backtrace that takes seconds.
        let environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { _, new in new }
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(CommandLine.arguments[0]), strdup("worker"), nil]
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
        guard let frame = try? Frame.encode(setup, payload: []) else { return EINVAL }
        return FileDescriptor.writeAll(socket, frame, socket: true)
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
