import ChamberDoc
import Foundation

/// Reads an input file or standard input, turning every failure into one clear reason.
enum InputFile {
    /// Reads at most `limit` bytes; a larger input is refused rather than half-read.
    static func read(_ path: String, limit: Int = .max) throws(UnusableInput) -> [UInt8] {
        func tooLarge(_ size: Int) -> UnusableInput {
            UnusableInput("input is \(size / 1_000_000) MB, over the limit of \(limit / 1_000_000) MB (raise it with --max-input-mb)")
        }
        if path == "-" {
            var bytes: [UInt8] = []
            while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes += chunk
                if bytes.count > limit { throw tooLarge(bytes.count) }
            }
            return bytes
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UnusableInput("no such file")
        }
        if isDirectory.boolValue { throw UnusableInput("is a directory, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > limit { throw tooLarge(size) }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw UnusableInput("cannot read the file (permission denied)")
        }
        return [UInt8](data)
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
