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
    /// Reads at most `limit` bytes; a larger input is refused rather than half-read. A file's
    /// size is checked before anything is read; standard input, and files whose size says
    /// nothing (a pipe, a device), are refused as soon as what was read passes the limit.
    static func read(_ path: String, limit: Int = .max) throws(UnusableInput) -> [UInt8] {
        func tooLarge(_ size: Int) -> UnusableInput {
            UnusableInput("input is \(size / 1_000_000) MB, over the limit of \(limit / 1_000_000) MB (raise it with --max-input-mb)")
        }
        let handle: FileHandle
        var bytes: [UInt8] = []
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UnusableInput("no such file")
            }
            if isDirectory.boolValue { throw UnusableInput("is a directory, not a file") }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size > limit { throw tooLarge(size) }
            guard FileManager.default.isReadableFile(atPath: path), let file = FileHandle(forReadingAtPath: path) else {
                throw UnusableInput("cannot read the file (permission denied)")
            }
            handle = file
            bytes.reserveCapacity(size)
        }
        defer { if path != "-" { try? handle.close() } }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw UnusableInput("cannot read \(path == "-" ? "standard input" : "the file") (\(error.localizedDescription))")
            }
            if chunk.isEmpty { return bytes }
            bytes += chunk
            if bytes.count > limit { throw tooLarge(bytes.count) }
        }
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
