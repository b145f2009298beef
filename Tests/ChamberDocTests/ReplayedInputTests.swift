import ChamberDoc
import Foundation
import Testing

/// Inputs found to break chamberdoc, kept with a name that says what went wrong: under
/// Fixtures/fuzz/ what `make fuzz` found, under Fixtures/found/ what fuzzing the CLI from
/// outside found. Each is refused with a one-line reason or converts to valid XML, and no
/// command traps on it.
@Suite struct ReplayedInputTests {
    static let folders = ["fuzz", "found"]

    /// Every input to replay, as `folder/name`.
    static let inputs: [String] = folders.flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: Paths.fixture(folder))) ?? []).sorted().map { "\(folder)/\($0)" }
    }

    /// The document an input converts to, its XML checked against the schema; nil when the
    /// input is refused, its reason checked to be one line.
    @discardableResult
    static func replay(_ input: String) throws -> Document? {
        let bytes = try bytes(Paths.fixture(input))
        let document: Document
        do {
            document = try Pipeline.document(from: bytes, source: input)
        } catch {
            #expect(!error.reason.isEmpty && !error.reason.contains("\n"), "\(input): \(error.reason)")
            return nil
        }
        let problems = try SchemaValidator(schemaPath: Paths.schema).problems(in: Pipeline.xml(document), name: input)
        #expect(problems.isEmpty, "\(input): \(problems)")
        return document
    }

    @Test(arguments: folders)
    func thereAreInputsToReplay(_ folder: String) {
        #expect(Self.inputs.contains { $0.hasPrefix("\(folder)/") })
    }

    @Test(arguments: inputs)
    func inputConvertsOrIsRefused(_ input: String) throws {
        try Self.replay(input)
    }

    /// `columns` (the read stage alone), `check` (with the glossary) and `diff` (the
    /// side-by-side view, TMX) go their own ways through the pipeline: they may refuse an
    /// input (2) or report errors in it (1), never trap.
    @Test(arguments: inputs)
    func commandsDoNotTrap(_ input: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Paths.fixture(input)
        for arguments in [["columns", path], ["check", path], ["diff", path, "--tmx", dir.appendingPathComponent("units.tmx").path]] {
            let result = try runCLI(arguments)
            #expect([0, 1, 2].contains(result.status), "\(arguments[0]) \(input): status \(result.status), \(result.err.suffix(500))")
        }
    }
}
