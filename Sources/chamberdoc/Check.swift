import ArgumentParser
import ChamberDoc
import Foundation

/// The glossary of terms that differ between the languages on purpose.
struct GlossaryOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("More Dutch<TAB>French pairs for the parity checks, added to Schemas/glossary.tsv.", valueName: "file.tsv"))
    var glossary: String?

    func load() throws -> Glossary { try GlossaryFile.glossary(of: files()) }

    /// The glossary files as a provenance records them.
    var recorded: [Provenance.Option] {
        [SchemaLocator.defaultGlossaryPath(), glossary].compactMap { $0 }.map { Provenance.Option("glossary", $0) }
    }

    /// The glossary files in use, read: `Schemas/glossary.tsv`, then `--glossary`.
    func files() throws -> [GlossaryFile] {
        var files: [GlossaryFile] = []
        for path in [SchemaLocator.defaultGlossaryPath(), glossary].compactMap({ $0 }) {
            do { files.append(GlossaryFile(path: path, text: String(decoding: try InputFile.read(path), as: UTF8.self))) } catch {
                throw ValidationError("\(path): \(error.reason)")
            }
        }
        return files
    }
}

/// A glossary file as read, so that a worker process gets the very text `convert` read
/// (`--glossary -` cannot be read twice).
struct GlossaryFile: Codable, Sendable {
    var path: String
    var text: String

    static func glossary(of files: [GlossaryFile]) throws -> Glossary {
        var result = Glossary()
        for file in files {
            do { result.merge(try Glossary(tsv: file.text, source: file.path)) } catch {
                throw ValidationError(error.reason.hasPrefix(file.path) ? error.reason : "\(file.path): \(error.reason)")
            }
        }
        return result
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare the Dutch and French texts unit by unit and report what differs.",
        discussion: """
            One line per finding: INPUT:LINE: error|warning|note: [CODE] message (unit id).
            Exit status 1 when there is an error (with --werror, a warning too), counting
            only the findings that --baseline does not list; 2 for an unusable input or
            baseline. --write-baseline FILE records this run's findings (exit 0). The codes
            are listed in the README.
            """
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: ArgumentHelp("PDFs or text dumps to check.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: "text (compiler style) or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Treat warnings as errors for the exit status.")
    var werror = false

    @Option(name: .long, help: ArgumentHelp("Known findings (written by --write-baseline): they are not printed, and the exit status counts only the others.", valueName: "file.tsv"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Write the findings of this run to this file, as a baseline for --baseline; the exit status is then 0 unless an input is unusable.", valueName: "file.tsv"))
    var writeBaseline: String?

    @OptionGroup var glossaryOption: GlossaryOption
    @OptionGroup var inputLimit: InputLimitOption

    func run() throws { try StandardOutput.finishing(check) }

    private func check() throws {
        let glossary = try glossaryOption.load()
        noteMissingDictionary()
        var known = try baseline.map { path in
            let text: String
            do throws(UnusableInput) { text = String(decoding: try InputFile.read(path), as: UTF8.self) } catch {
                chamberdoc.report("\(path): \(error.reason)")
                throw ExitCode(Exit.unusableInput)
            }
            do throws(UnusableInput) { return try Baseline(tsv: text, source: path) } catch {
                chamberdoc.report(error.reason)
                throw ExitCode(Exit.unusableInput)
            }
        }
        var failed = false, unusable = false, silenced = 0
        var report: [[String: Any]] = []
        var written: [(input: String, finding: Finding)] = []
        for input in inputs {
            do {
                let document = try Pipeline.document(from: try InputFile.read(input, limit: inputLimit.bytes), source: input, glossary: glossary)
                for finding in document.findings {
                    written.append((input, finding))
                    if known?.contains(input: input, finding) == true { silenced += 1; continue }
                    if finding.severity == .error || (werror && finding.severity == .warning) { failed = true }
                    if format == .text {
                        emit("\(position(input, finding.span)): \(finding.severity.rawValue): [\(finding.code.rawValue)] \(finding.message) (\(finding.unit))")
                    } else {
                        report.append(["file": input, "line": finding.line, "page": finding.span.page ?? 0, "severity": finding.severity.rawValue,
                                       "code": finding.code.rawValue, "message": finding.message, "unit": finding.unit])
                    }
                }
            } catch {
                chamberdoc.report("\(input): \(error.reason)")
                unusable = true
            }
        }
        if format == .json {
            let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
            emit(String(decoding: data, as: UTF8.self))
        }
        if let known, let baseline {
            let stale = known.stale > 0 ? "; \(known.stale) known finding(s) no longer occur (refresh it with --write-baseline)" : ""
            chamberdoc.report("\(baseline): \(silenced) known finding(s) not shown\(stale)")
        }
        if let writeBaseline {
            do throws(OutputFile.Failure) { try OutputFile.write(Array(Baseline.tsv(written).utf8), to: writeBaseline) } catch {
                chamberdoc.report("\(writeBaseline): \(error.description)")
                throw ExitCode(Exit.unusableInput)
            }
        }
        if unusable { throw ExitCode(Exit.unusableInput) }
        if failed && writeBaseline == nil { throw ExitCode(Exit.invalidDocument) }
    }
}
