import ChamberDoc
import Foundation
import Testing

/// Paths and helpers shared by the tests. Inputs are the project's real samples and the
/// negative seeds under Fixtures/.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = root.appendingPathComponent("Samples/003_fee3b1f4911676a0.txt").path
    static let sideBySide = root.appendingPathComponent("Samples/003_fee3b1f4911676a0-sidebyside.txt").path
    static let realBill = root.appendingPathComponent("Samples/56K0055001.txt").path
    /// The committee's report on that bill (DOC 56 0055/002), from the same source.
    static let realReport = root.appendingPathComponent("Samples/56K0055002.txt").path
    static let schema = root.appendingPathComponent("Schemas/chamberdoc.xsd").path
    static let akomaNtosoSchema = root.appendingPathComponent("Schemas/akn/akomantoso30.xsd").path
    static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/ChamberDocTests/Fixtures/\(name)").path }
    static let negativeSeeds = ["000_6edae5a7b902e177.txt", "001_3592a387cf08d80b.txt", "002_442d78671943ec6b.txt", "004_1811b1c708fc6230.txt"]

    /// The CLI built by `swift build` (make test builds it first), or $CHAMBERDOC_BIN.
    static var binary: String {
        ProcessInfo.processInfo.environment["CHAMBERDOC_BIN"] ?? root.appendingPathComponent(".build/debug/chamberdoc").path
    }
}

func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

func convert(_ path: String) throws -> Document {
    try Pipeline.document(from: bytes(path), source: path)
}

/// Converts, checks the XML against the shipped schema, and parses it into a tree.
func convertedXML(_ path: String) throws -> XMLTree {
    try validatedTree(Pipeline.xml(try convert(path)), name: path)
}

/// Converts once: the document, and the root of its XML checked against the shipped schema.
func convertedWithXML(_ path: String) throws -> (document: Document, xml: XMLTree.Element) {
    let document = try convert(path)
    return (document, try validatedTree(Pipeline.xml(document), name: path).root)
}

private func validatedTree(_ xml: [UInt8], name: String) throws -> XMLTree {
    let problems = try SchemaValidator(schemaPath: Paths.schema).problems(in: xml, name: name)
    #expect(problems.isEmpty, "schema problems: \(problems)")
    return try XMLTree.parse(xml)
}

/// Runs the CLI; returns exit status, standard output and standard error. With `stdout`,
/// standard output goes to that file instead (`out` is then empty). `environment` is added
/// to this process's.
@discardableResult
func runCLI(_ arguments: [String], stdin: [UInt8]? = nil, stdout: String? = nil,
            environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Paths.binary)
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = try stdout.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) } ?? out
    process.standardError = err
    process.standardInput = input
    // A child that stops reading early (an input over the size limit) must not kill the
    // tests with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin)) }
    try? input.fileHandleForWriting.close()
    let outData = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("chamberdoc-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
