import ArgumentParser
import ChamberAlign
import ChamberCheck
import ChamberDoc
import ChamberEvaluation
import ChamberModel
import ChamberParse
import ChamberRead
import Foundation

/// Measures the align and check stages on the evaluation set (`links`) and the align
/// stage's time and memory on long documents (`scaling`). `make bench` runs both and puts
/// the figures in BENCHMARKS.md.
@main
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chamberdoc-evaluate",
        abstract: "Measure chamberdoc's alignment and parity checks.",
        subcommands: [Links.self, Omissions.self, Scaling.self], defaultSubcommand: Links.self)
}

struct Options: ParsableArguments {
    @Option(help: "The seed the variants are made from.")
    var seed = "Samples/003_fee3b1f4911676a0.txt"

    func parsedSeed() throws -> (text: String, document: Document) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: seed)))
        return (String(decoding: bytes, as: UTF8.self), Parser.parse(try Reader.read(bytes, source: seed)))
    }
}

/// Link precision and recall against the Gale-Church baseline, and defects found.
struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Score the evaluation set; print Markdown.")

    @OptionGroup var options: Options
    @Option(help: "The variants file.")
    var variants = "Tests/Evaluation/variants.json"
    @Option(help: "The glossary the checks use.")
    var glossary = "Schemas/glossary.tsv"
    @Flag(help: "Also list each variant's wrong and missing links, and the findings it does not expect.")
    var verbose = false

    func run() throws {
        let set = try JSONDecoder().decode([Variant].self, from: Data(contentsOf: URL(fileURLWithPath: variants)))
        let terms = try Glossary(tsv: String(contentsOfFile: glossary, encoding: .utf8), source: glossary)
        let evaluation = Evaluation(seed: try options.parsedSeed().text, glossary: terms)
        let report = EvaluationReport(results: try set.map(evaluation.run))
        print(report.markdown)
        guard verbose else { return }
        for result in report.results where !result.wrongLinks.isEmpty || !result.lackingLinks.isEmpty || !result.unexpected.isEmpty {
            print("\n\(result.variant.name):")
            for link in result.wrongLinks { print("  wrong   \(link)") }
            for link in result.lackingLinks { print("  lacking \(link)") }
            for finding in result.unexpected {
                print("  unexpected \(finding.severity.rawValue) [\(finding.code.rawValue)] \(finding.message) (\(finding.unit))")
            }
        }
    }
}

/// Recall on omissions injected one at a time into real documents, and false P106 findings
/// on the clean ones (see `OmissionEvaluation`).
struct Omissions: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Inject sentence and unit omissions into documents; print Markdown.")

    @Argument(help: "The documents to inject omissions into.")
    var documents: [String]
    @Option(help: "Clean documents whose P106 findings are counted only.")
    var clean: [String] = []
    @Option(help: "The glossary the checks use.")
    var glossary = "Schemas/glossary.tsv"
    @Option(help: "Sentences and units of fewer words are not deleted.")
    var minWords = 6
    @Flag(help: "Also list each omission missed, with what was reported instead, and the false findings.")
    var verbose = false

    func run() throws {
        let terms = try Glossary(tsv: String(contentsOfFile: glossary, encoding: .utf8), source: glossary)
        func parse(_ path: String) throws -> Document {
            Parser.parse(try Reader.read([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), source: path))
        }
        if BilingualDictionary.installed.isEmpty {
            print("(no Dutch-French dictionary in \(BilingualDictionary.directory): measured without it)\n")
        }
        var lines = ["| document | omission | subset | found / injected | recall | Dutch | French | P106 in the unit |", "|---|---|---|---:|---:|---:|---:|---:|"]
        var missed: [String] = []
        var falseLines = ["", "| document | P106 on the clean document |", "|---|---:|"]
        for path in documents + clean {
            let evaluation = OmissionEvaluation(parsed: try parse(path), glossary: terms, minimumWords: minWords)
            let name = URL(fileURLWithPath: path).lastPathComponent
            falseLines.append("| \(name) | \(evaluation.falseFindings.count) |")
            if verbose { missed += evaluation.falseFindings.map { "\(name): false \($0.unit): \($0.message)" } }
            guard documents.contains(path) else { continue }
            let report = OmissionReport(document: name, evaluation: evaluation)
            for (kind, trials) in [("sentence", report.sentences), ("whole unit", report.units)] {
                for subset in OmissionEvaluation.Subset.allCases {
                    let all = OmissionReport.tally(trials, subset)
                    let nl = OmissionReport.tally(trials, subset, .nl), fr = OmissionReport.tally(trials, subset, .fr)
                    let recall = all.trials == 0 ? "—" : String(format: "%.0f %%", 100 * Double(all.found) / Double(all.trials))
                    let flagged = trials.filter { $0.subset == subset && $0.flagged }.count
                    lines.append("| \(name) | \(kind) | \(subset.rawValue) | \(all.found) / \(all.trials) | \(recall) | \(nl.found) / \(nl.trials) | \(fr.found) / \(fr.trials) | \(flagged) |")
                }
                if verbose {
                    for trial in trials where !trial.found {
                        missed.append("\(name): missed \(kind) (\(trial.subset.rawValue), \(trial.language.rawValue), \(trial.unit)): \(trial.deleted.prefix(90))")
                        missed += trial.instead.map { "    instead: \($0.prefix(140))" }
                    }
                }
            }
        }
        print((lines + falseLines).joined(separator: "\n"))
        if verbose { print("\n" + missed.joined(separator: "\n")) }
    }
}

/// Time and peak memory of the align stage on the seed repeated to a given length.
struct Scaling: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time the align stage on a long document; print one tab-separated line.")

    @OptionGroup var options: Options
    @Option(help: "Paragraphs per language, about.")
    var paragraphs = 9000
    @Option(help: "Runs; the median is printed.")
    var runs = 3

    func run() throws {
        let seed = try options.parsedSeed().document
        let repeats = max(1, paragraphs / max(1, LongDocument.passages(seed, .nl)))
        let long = LongDocument.make(from: seed, repeats: repeats)
        var seconds: [Double] = []
        var linked = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let aligned = Aligner.align(long)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            linked = aligned.sections.reduce(0) { $0 + $1.units.count }
        }
        let peak = (StageTimings.peakResidentBytes() ?? 0) / 1_048_576
        // paragraphs per language, top-level units after alignment, median seconds, peak RSS in MB
        print("\(LongDocument.passages(long, .nl))\t\(linked)\t\(seconds.sorted()[runs / 2])\t\(peak)")
    }
}
