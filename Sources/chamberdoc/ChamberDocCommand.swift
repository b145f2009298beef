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

            Exit codes: 0 success; 1 invalid document (XML that does not validate);
            2 unusable input or output (unreadable, not UTF-8 text, not a bilingual Chamber
            document; an output that cannot be written); 3 a document whose conversion crashed
            or exceeded its time or memory limit; 64 usage error.
            """,
        subcommands: [Convert.self, Check.self, Diff.self, Validate.self, Columns.self, Worker.self]
    )
}

struct SchemaOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The XSD to validate against.", discussion: "Default: $CHAMBERDOC_SCHEMA, else Schemas/chamberdoc.xsd next to the executable's package, else /usr/local/share/chamberdoc/chamberdoc.xsd.", valueName: "file.xsd"))
    var schema: String?

    func validator() throws -> SchemaValidator { try Self.validator(at: path()) }

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
        abstract: "Validate XML files against the chamberdoc schema.",
        discussion: "Problems are printed as FILE:LINE: message. No network access, no external entities."
    )

    @Argument(help: ArgumentHelp("XML files to validate.", valueName: "file.xml"))
    var files: [String]

    @OptionGroup var schemaOption: SchemaOption
    @OptionGroup var inputLimit: InputLimitOption

    func run() throws { try StandardOutput.finishing(validateAll) }

    private func validateAll() throws {
        let validator = try schemaOption.validator()
        var worst: Int32 = 0
        for file in files {
            do {
                let problems = validator.problems(in: try InputFile.read(file, limit: inputLimit.bytes), name: file)
                for problem in problems { report("\(file):\(problem.line): \(problem.message)") }
                if problems.isEmpty { emit("\(file): valid") } else { worst = max(worst, Exit.invalidDocument) }
            } catch {
                report("\(file): \(error.reason)")
                worst = max(worst, Exit.unusableInput)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}

/// One line on standard error.
func report(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// `FILE:12` for a text dump's line, `FILE:page 3` for a PDF's page: where a diagnostic
/// points, in the `FILE:LINE:` form editors follow.
func position(_ file: String, _ span: SourceSpan) -> String {
    if let line = span.line { return "\(file):\(line)" }
    return span.page.map { "\(file):page \($0)" } ?? file
}
