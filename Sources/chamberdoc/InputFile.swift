import ArgumentParser
import ChamberDoc
import Foundation

/// The largest input a command reads (`--max-input-mb`), one option group for every command
/// that reads inputs, so that none of them can be made to hold gigabytes.
struct InputLimitOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Refuse inputs larger than this many megabytes.", valueName: "MB"))
    var maxInputMb = 64

    func validate() throws {
        if maxInputMb < 1 { throw ValidationError("--max-input-mb must be at least 1") }
    }

    /// The limit in bytes (MB = 10^6 bytes); a limit past what an `Int` holds is none.
    var bytes: Int {
        let (product, overflow) = maxInputMb.multipliedReportingOverflow(by: 1_000_000)
        return overflow ? .max : product
    }
}

/// Reads an input file or standard input, turning every failure into one clear reason.
enum InputFile {
    /// Reads at most `limit` bytes; a larger input is refused rather than half-read. A pipe
    /// (standard input, or a FIFO such as bash's `<(pdftotext …)`) is read as a stream; a
    /// device or a socket is refused.
    static func read(_ path: String, limit: Int = .max) throws(UnusableInput) -> [UInt8] {
        if path == "-" { return try readAll(STDIN_FILENO, limit: limit) }
        // Non-blocking, so that opening a FIFO with no writer does not wait for one.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw UnusableInput(code == ENOENT ? "no such file" : "cannot read the file (\(SystemError.describe(code)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw UnusableInput("cannot read the file (\(SystemError.describe(errno)))") }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            if Int(status.st_size) > limit { throw tooLarge(Int(status.st_size), limit: limit) }
        case S_IFIFO:
            // Opened without waiting for a writer; now wait for one to write or close.
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while poll(&ready, 1, -1) < 0, errno == EINTR {}
        case S_IFDIR: throw UnusableInput("is a directory, not a file")
        case S_IFCHR, S_IFBLK: throw UnusableInput("is a device, not a file")
        default: throw UnusableInput("is a socket or other special file, not a file")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return try readAll(descriptor, limit: limit, expected: Int(status.st_size))
    }

    /// Reads to the end, refusing more than `limit` bytes (a file may grow while it is read).
    private static func readAll(_ descriptor: Int32, limit: Int, expected: Int = 0) throws(UnusableInput) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expected, limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw UnusableInput("cannot read the file (\(SystemError.describe(errno)))")
            }
            bytes += chunk[..<count]
            if bytes.count > limit { throw tooLarge(nil, limit: limit) }
        }
    }

    /// `size` is nil for a stream, which is not read further than the limit.
    private static func tooLarge(_ size: Int?, limit: Int) -> UnusableInput {
        let measure = size.map { "\($0 / 1_000_000) MB, " } ?? ""
        return UnusableInput("input is \(measure)over the limit of \(limit / 1_000_000) MB (raise it with --max-input-mb)")
    }
}

/// Finds the shipped schema (and the glossary beside it) when no option names them.
enum SchemaLocator {
    /// `Schemas/glossary.tsv` beside the schema in use.
    static func defaultGlossaryPath() -> String? {
        guard let schema = defaultPath() else { return nil }
        let path = URL(fileURLWithPath: schema).deletingLastPathComponent().appendingPathComponent("glossary.tsv").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func defaultPath() -> String? {
        if let path = ProcessInfo.processInfo.environment["CHAMBERDOC_SCHEMA"] { return path }
        // From .build/<config>/chamberdoc up to the package root.
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = directory.appendingPathComponent("Schemas/chamberdoc.xsd").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        let installed = "/usr/local/share/chamberdoc/chamberdoc.xsd"
        return FileManager.default.fileExists(atPath: installed) ? installed : nil
    }
}
