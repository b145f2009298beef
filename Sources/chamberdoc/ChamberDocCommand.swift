import ArgumentParser
import ChamberDoc
import Foundation

/// Exit codes, documented in the README ("Errors and exit codes").
enum Exit {
    static let invalidDocument: Int32 = 1
    static let unusableInput: Int32 = 2
    /// A document whose conversion crashed or exceeded --timeout or --memory-limit-mb.
    static let conversionFailed: Int32 = 3
    // Usage errors exit with ArgumentParser's 64 (EX_USAGE).
}

/// Every command names itself in its configuration: a name derived from the type costs a
/// `String(describing:)` per lookup, about 1.5 ms of each start-up (callgrind).
@main
struct ChamberDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chamberdoc",
        abstract: "Turn bilingual (Dutch/French) Belgian Chamber documents into validated XML.",
        discussion: """
            Examples:
              chamberdoc convert Samples/*.txt -o out
              pdftotext -layout doc.pdf - | chamberdoc convert - > doc.xml
              chamberdoc check doc.txt             # Dutch/French parity findings
              chamberdoc diff doc.txt --tmx doc.tmx  # side by side; a translation memory
              chamberdoc validate out/*.xml

            Exit codes: 0 success; 1 invalid document (XML that does not validate); \
            2 unusable input or output (unreadable, not UTF-8 text, not a bilingual Chamber \
            document; an output that cannot be written); 3 a document whose conversion \
            crashed or exceeded its time or memory limit; 64 usage error.
            """,
        version: "\(Tool.name) \(Tool.version)",
        subcommands: [Convert.self, Check.self, Diff.self, Validate.self, Columns.self, Worker.self]
    )
}

struct SchemaOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The XSD to validate against.", discussion: "Default: $CHAMBERDOC_SCHEMA, else Schemas/chamberdoc.xsd next to the executable's package, else /usr/local/share/chamberdoc/chamberdoc.xsd.", valueName: "file.xsd"))
    var schema: String?

    func validator() throws -> SchemaValidator { try Self.validator(at: path()) }

    /// A schema shipped beside the chamberdoc schema (`akn/akomantoso30.xsd`).
    func path(of sibling: String) throws -> String {
        URL(fileURLWithPath: try path()).deletingLastPathComponent().appendingPathComponent(sibling).path
    }

    /// The schema in use, as an absolute path.
    func path() throws -> String {
        guard let path = schema ?? SchemaLocator.defaultPath() else {
            throw ValidationError("cannot find Schemas/chamberdoc.xsd; pass --schema or set CHAMBERDOC_SCHEMA")
        }
        return URL(fileURLWithPath: path).path
    }

    static func validator(at path: String) throws -> SchemaValidator {
        do { return try SchemaValidator(schemaPath: path) } catch {
            throw ValidationError("\(error)")
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate chamberdoc XML (or Akoma Ntoso written by chamberdoc) before it enters an archive.",
        discussion: """
            Each file is checked against its schema (chamberdoc's, or the OASIS Akoma Ntoso 3.0 \
            schema for a document in the Akoma Ntoso namespace), then against the rules XSD 1.0 \
            cannot state (a unit's link counts its texts; missing names the language it lacks). \
            With --fixity, the source recorded in the provenance is read again and its SHA-256 \
            compared.

            Problems are printed as FILE:LINE: message. No network access, no external entities.
            """
    )

    @Argument(help: ArgumentHelp("XML files to validate.", valueName: "file.xml"))
    var files: [String]

    @Flag(name: .long, help: "Also check that each document's source is still the one converted (its SHA-256 and size).")
    var fixity = false

    @Option(name: .long, help: ArgumentHelp("Look for the sources here, by name, instead of at the paths the documents record (an archive that moved).", valueName: "dir"))
    var sourceDir: String?

    @OptionGroup var schemaOption: SchemaOption
    @OptionGroup var inputLimit: InputLimitOption

    func run() throws { try StandardOutput.finishing(validateAll) }

    private func validateAll() throws {
        let validator = try schemaOption.validator()
        // The Akoma Ntoso schema beside the chamberdoc one, read when a document needs it.
        var akomaNtoso: SchemaValidator?
        var worst: Int32 = 0
        for file in files {
            do {
                let bytes = try InputFile.read(file, limit: inputLimit.bytes)
                var schema = validator
                if SchemaValidator.rootNamespace(of: bytes, name: file) == AkomaNtoso.namespace {
                    if akomaNtoso == nil { akomaNtoso = try SchemaOption.validator(at: try schemaOption.path(of: "akn/akomantoso30.xsd")) }
                    schema = akomaNtoso!
                }
                var problems = schema.problems(in: bytes, name: file)
                if problems.isEmpty, schema === validator { problems = DocumentRules.problems(in: bytes, name: file) }
                for problem in problems { report("\(file):\(problem.line): \(problem.message)") }
                if !problems.isEmpty { worst = max(worst, Exit.invalidDocument) }
                var verdict = problems.isEmpty ? "valid" : nil
                if fixity {
                    let (message, code) = checkFixity(bytes, file: file)
                    if code == 0 {
                        verdict = verdict.map { "\($0); \(message)" }
                    } else {
                        report(message)
                        verdict = nil
                    }
                    worst = max(worst, code)
                }
                if let verdict { emit("\(file): \(verdict)") }
            } catch let error as UnusableInput {
                report("\(file): \(error.reason)")
                worst = max(worst, Exit.unusableInput)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    /// Whether the source a document records is still the one converted: a line to print,
    /// and 0, or the exit code of the failure (1: changed or unrecorded; 2: unreadable).
    private func checkFixity(_ bytes: [UInt8], file: String) -> (String, Int32) {
        guard let recorded = RecordedSource.find(in: bytes, name: file) else {
            return ("\(file): fixity: the document records no source (provenance/source); it was not written by convert, or by a version before 0.2.0", Exit.invalidDocument)
        }
        let where_ = "\(file):\(recorded.line)"
        guard let path = sourceDir.map({ URL(fileURLWithPath: $0).appendingPathComponent(recorded.name).path }) ?? recorded.path else {
            return ("\(where_): fixity: the source was standard input; give --source-dir DIR with a file named \(recorded.name)", Exit.unusableInput)
        }
        let source: [UInt8]
        do { source = try InputFile.read(path, limit: Int.max) } catch {
            return ("\(where_): fixity: cannot read the source \(path): \(error.reason)", Exit.unusableInput)
        }
        if let problem = Pipeline.digestProblem { return ("\(where_): fixity: \(problem)", Exit.unusableInput) }
        let digest = Pipeline.sha256(source)
        guard digest == recorded.sha256, recorded.bytes == nil || recorded.bytes == source.count else {
            return ("\(where_): fixity: the source \(path) has changed: SHA-256 \(digest) (\(source.count) bytes), recorded \(recorded.sha256) (\(recorded.bytes.map(String.init) ?? "?") bytes)", Exit.invalidDocument)
        }
        return ("source \(path) unchanged (SHA-256 \(digest.prefix(12))…)", 0)
    }
}

/// One line on standard error.
func report(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Says once, before the first document, what is done without a missing dictionary.
func noteMissingDictionary() {
    for note in Pipeline.dictionaryNotes { report("chamberdoc: note: " + note) }
}

/// `FILE:12` for a text dump's line, `FILE:page 3` for a PDF's page: where a diagnostic
/// points, in the `FILE:LINE:` form editors follow.
func position(_ file: String, _ span: SourceSpan) -> String {
    if let line = span.line { return "\(file):\(line)" }
    return span.page.map { "\(file):page \($0)" } ?? file
}
