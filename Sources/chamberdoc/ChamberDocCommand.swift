import ArgumentParser
import ChamberDoc
import Foundation

/// Exit codes, documented in the README ("Errors and exit codes").
enum Exit {
    static let invalidDocument: Int32 = 1
    static let unusableInput: Int32 = 2
    // Usage errors exit with ArgumentParser's 64 (EX_USAGE).
}

@main
struct ChamberDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chamberdoc",
        abstract: "Turn bilingual (Dutch/French) Belgian Chamber documents into validated XML.",
        discussion: """
            Examples:
              chamberdoc convert Samples/*.txt -o out
              pdftotext -layout doc.pdf - | chamberdoc convert - > doc.xml
              chamberdoc validate out/*.xml

            Exit codes: 0 success; 1 invalid document (XML that does not validate);
            2 unusable input (unreadable, not UTF-8 text, not a bilingual Chamber document);
            64 usage error.
            """,
        subcommands: [Convert.self, Validate.self, Columns.self]
    )
}

struct SchemaOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The XSD to validate against.", discussion: "Default: $CHAMBERDOC_SCHEMA, else Schemas/chamberdoc.xsd next to the executable's package, else /usr/local/share/chamberdoc/chamberdoc.xsd.", valueName: "file.xsd"))
    var schema: String?

    func validator() throws -> SchemaValidator {
        guard let path = schema ?? SchemaLocator.defaultPath() else {
            throw ValidationError("cannot find Schemas/chamberdoc.xsd; pass --schema or set CHAMBERDOC_SCHEMA")
        }
        do { return try SchemaValidator(schemaPath: path) } catch {
            throw ValidationError("\(error)")
        }
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert text dumps of Chamber documents to chamberdoc XML.",
        discussion: """
            Each INPUT.txt becomes OUTDIR/INPUT.xml, validated against the schema before it is
            written; a file is written whole or not at all. With `-` the text is read from
            standard input and the XML written to standard output.
            The input layout (clean page-serialized, raw pdftotext, pdftotext -layout) is detected.
            """
    )

    @Argument(help: ArgumentHelp("Text files to convert, or - for standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory for the XML files.", valueName: "outdir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Refuse inputs larger than this many megabytes.", valueName: "MB"))
    var maxInputMb = 64

    @OptionGroup var schemaOption: SchemaOption

    func validate() throws {
        if maxInputMb < 1 { throw ValidationError("--max-input-mb must be at least 1") }
        if inputs.contains("-") && inputs.count > 1 { throw ValidationError("`-` (standard input) cannot be mixed with files") }
        if !inputs.contains("-") && output == nil { throw ValidationError("missing -o OUTDIR") }
    }

    func run() throws {
        let validator = try schemaOption.validator()
        OutputFile.removeTemporaryFileOnSignals()
        let inputPaths = Set(inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var writtenFrom: [String: String] = [:]
        var failures: [Int32] = []
        for input in inputs {
            let name = input == "-" ? "<stdin>" : input
            do {
                var target: String?
                if input != "-" {
                    let path = outputPath(for: input)
                    // Never overwrite an input, nor what another input of the same name wrote.
                    if inputPaths.contains(URL(fileURLWithPath: path).standardizedFileURL.path) {
                        throw UnusableInput("not converted: \(path) is an input and would be overwritten")
                    }
                    if let earlier = writtenFrom[path] {
                        throw UnusableInput("not converted: \(path) is already written from \(earlier)")
                    }
                    writtenFrom[path] = input
                    target = path
                }
                try convert(input, name: name, to: target, validator: validator)
            } catch let error as UnusableInput {
                report("\(name): \(error.reason)")
                failures.append(Exit.unusableInput)
            } catch let error as OutputFile.Failure {
                report(error.description)
                failures.append(Exit.unusableInput)
            } catch {
                report("\(name): output does not validate: \(error)")
                failures.append(Exit.invalidDocument)
            }
        }
        guard let worst = failures.max() else { return }
        if inputs.count > 1 { report("chamberdoc: \(failures.count) of \(inputs.count) inputs failed") }
        throw ExitCode(worst)
    }

    /// One input: converted, validated, then written whole (or to standard output).
    private func convert(_ input: String, name: String, to target: String?, validator: SchemaValidator) throws {
        let bytes = try InputFile.read(input, limit: maxInputMb * 1_000_000)
        let document = try Pipeline.document(from: bytes, source: name)
        let xml = Pipeline.xml(document)
        if let first = validator.problems(in: xml, name: name).first {
            throw InvalidOutput(description: "line \(first.line): \(first.message)")
        }
        let controls = document.furniture.filter { $0.kind == .controlCharacter }
        if let line = controls.first?.line {
            report("\(name):\(line): note: removed control characters on \(controls.count) line(s); see <furniture>")
        }
        for language in Language.allCases {
            let oneSided = document.unitsLacking(language)
            if let line = oneSided.compactMap(\.firstLine).min() {
                report("\(name):\(line): note: \(oneSided.count) unit(s) without a \(language.name) text (missing=\"\(language.rawValue)\")")
            }
        }
        if let target {
            try OutputFile.write(xml, to: target)
        } else {
            FileHandle.standardOutput.write(Data(xml))
        }
    }

    private func outputPath(for input: String) -> String {
        var name = URL(fileURLWithPath: input).lastPathComponent
        if name.hasSuffix(".txt") { name.removeLast(4) }
        return URL(fileURLWithPath: output ?? ".").appendingPathComponent(name + ".xml").path
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate XML files against the chamberdoc schema.",
        discussion: "Problems are printed as FILE:LINE: message. No network access, no external entities."
    )

    @Argument(help: ArgumentHelp("XML files to validate.", valueName: "file.xml"))
    var files: [String]

    @OptionGroup var schemaOption: SchemaOption

    func run() throws {
        let validator = try schemaOption.validator()
        var worst: Int32 = 0
        for file in files {
            do {
                let problems = validator.problems(in: try InputFile.read(file), name: file)
                for problem in problems { report("\(file):\(problem.line): \(problem.message)") }
                if problems.isEmpty { print("\(file): valid") } else { worst = max(worst, Exit.invalidDocument) }
            } catch {
                report("\(file): \(error.reason)")
                worst = max(worst, Exit.unusableInput)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}

/// chamberdoc's own output failed the schema: a bug, reported as an invalid document.
struct InvalidOutput: Error, CustomStringConvertible {
    var description: String
}

/// One line on standard error.
func report(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
