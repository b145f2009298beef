import ChamberDoc
import Foundation

/// Reads an input file or standard input, turning every failure into one clear reason.
enum InputFile {
    static func read(_ path: String) throws(UnusableInput) -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UnusableInput("no such file")
        }
        if isDirectory.boolValue { throw UnusableInput("is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw UnusableInput("cannot read the file (permission denied)")
        }
        return [UInt8](data)
    }
}

/// Finds the shipped schema when no --schema is given.
enum SchemaLocator {
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
