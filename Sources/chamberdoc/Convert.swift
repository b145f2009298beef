import ArgumentParser
import ChamberDoc
import Foundation

struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert text dumps of Chamber documents to chamberdoc XML.",
        discussion: """
            Each INPUT.txt becomes OUTDIR/INPUT.xml, validated against the schema before it is
            written; a file is written whole or not at all. With `-` the text is read from
            standard input and the XML written to standard output.
            The input layout (clean page-serialized, raw pdftotext, pdftotext -layout) is detected.
            Inputs are converted in parallel (--jobs); messages come in input order.
            """
    )

    @Argument(help: ArgumentHelp("Text files to convert, or - for standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory for the XML files.", valueName: "outdir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A file listing more inputs, one path per line (- for standard input).", valueName: "file"))
    var inputList: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("How many inputs to convert at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Write the time spent in each stage, summed over the inputs, as JSON.", valueName: "file.json"))
    var timings: String?

    @Option(name: .long, help: ArgumentHelp("Refuse inputs larger than this many megabytes.", valueName: "MB"))
    var maxInputMb = 64

    @OptionGroup var schemaOption: SchemaOption
    @OptionGroup var glossaryOption: GlossaryOption

    func validate() throws {
        if maxInputMb < 1 { throw ValidationError("--max-input-mb must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if inputs.isEmpty && inputList == nil { throw ValidationError("no input: give files, - or --input-list") }
        if inputs.contains("-") && (inputs.count > 1 || inputList != nil) {
            throw ValidationError("`-` (standard input) cannot be mixed with files")
        }
        if !inputs.contains("-") && output == nil { throw ValidationError("missing -o OUTDIR") }
    }

    /// What became of one input: the lines to print, and the exit code of a failure.
    struct Outcome: Sendable {
        var messages: [String] = []
        var failure: Int32?
        var timings = StageTimings()
        var inputBytes = 0
    }

    /// One input and where its XML goes (nil: standard output); or why it is not converted.
    struct Job: Sendable {
        var input: String
        var target: String?
        var refusal: String?
        var name: String { input == "-" ? "<stdin>" : input }
    }

    func run() async throws {
        let validator = try schemaOption.validator()
        let glossary = try glossaryOption.load()
        OutputFile.removeTemporaryFilesOnSignals()
        let start = DispatchTime.now().uptimeNanoseconds
        let batch = Batch(inputs: try InputList(arguments: inputs, list: inputList), output: output)
        var outcomes: [Int: Outcome] = [:], count = 0
        var next = 0, failed = 0, worst: Int32 = 0, total = StageTimings(), inputBytes = 0
        // Print each input's messages in input order, as soon as all before it are done.
        func take(_ done: Int, _ outcome: Outcome) {
            outcomes[done] = outcome
            while let outcome = outcomes.removeValue(forKey: next) {
                for message in outcome.messages { report(message) }
                if let failure = outcome.failure { failed += 1; worst = max(worst, failure) }
                total.add(outcome.timings)
                inputBytes += outcome.inputBytes
                next += 1
            }
        }
        let limit = maxInputMb * 1_000_000
        // At most `jobs` inputs in flight: a document is released before the next is read, and
        // the next job is made only then.
        await withTaskGroup(of: (Int, Outcome).self) { group in
            for (index, job) in batch.enumerated() {
                if index >= self.jobs, let (done, outcome) = await group.next() { take(done, outcome) }
                group.addTask { (index, Self.convert(job, validator: validator, glossary: glossary, limit: limit)) }
                count = index + 1
            }
            for await (done, outcome) in group { take(done, outcome) }
        }
        if let timings {
            let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            try writeTimings(total, documents: count, inputBytes: inputBytes, wall: wall, to: timings)
        }
        guard failed > 0 else { return }
        if count > 1 { report("chamberdoc: \(failed) of \(count) inputs failed") }
        throw ExitCode(worst)
    }

    /// One input: read, converted, validated, then written whole (or to standard output).
    private static func convert(_ job: Job, validator: SchemaValidator, glossary: Glossary, limit: Int) -> Outcome {
        var outcome = Outcome()
        let name = job.name
        if let refusal = job.refusal {
            return Outcome(messages: ["\(name): \(refusal)"], failure: Exit.unusableInput)
        }
        do {
            let bytes = try InputFile.read(job.input, limit: limit)
            outcome.inputBytes = bytes.count
            let document = try Pipeline.document(from: bytes, source: name, glossary: glossary, timings: &outcome.timings)
            let xml = StageTimings.measure(&outcome.timings.emit) { Pipeline.xml(document) }
            let problems = StageTimings.measure(&outcome.timings.validate) { validator.problems(in: xml, name: name) }
            if let first = problems.first {
                outcome.messages.append("\(name): output does not validate: line \(first.line): \(first.message)")
                outcome.failure = Exit.invalidDocument
                return outcome
            }
            outcome.messages += notes(document, name: name)
            if let target = job.target {
                try StageTimings.measure(&outcome.timings.write) { () throws(OutputFile.Failure) in try OutputFile.write(xml, to: target) }
            } else {
                FileHandle.standardOutput.write(Data(xml))
            }
        } catch let error as UnusableInput {
            outcome.messages.append("\(name): \(error.reason)")
            outcome.failure = Exit.unusableInput
        } catch let error as OutputFile.Failure {
            outcome.messages.append(error.description)
            outcome.failure = Exit.unusableInput
        } catch {
            outcome.messages.append("\(name): \(error)")
            outcome.failure = Exit.unusableInput
        }
        return outcome
    }

    /// What was accepted but not kept as it was: removed control characters, one-sided units.
    private static func notes(_ document: Document, name: String) -> [String] {
        var notes: [String] = []
        let controls = document.furniture.filter { $0.kind == .controlCharacter }
        if let line = controls.first?.line {
            notes.append("\(name):\(line): note: removed control characters on \(controls.count) line(s); see <furniture>")
        }
        for language in Language.allCases {
            let oneSided = document.unitsLacking(language)
            if let line = oneSided.compactMap(\.firstLine).min() {
                notes.append("\(name):\(line): note: \(oneSided.count) unit(s) without a \(language.name) text (missing=\"\(language.rawValue)\")")
            }
        }
        return notes
    }

    private func writeTimings(_ stages: StageTimings, documents: Int, inputBytes: Int, wall: Double, to path: String) throws {
        struct Report: Encodable {
            var documents: Int, inputBytes: Int, wallSeconds: Double, jobs: Int, stages: StageTimings
            var peakResidentBytes: Int?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Report(documents: documents, inputBytes: inputBytes, wallSeconds: wall, jobs: jobs,
                                             stages: stages, peakResidentBytes: StageTimings.peakResidentBytes()))
        do { try OutputFile.write([UInt8](data), to: path) } catch { throw ValidationError(error.description) }
    }
}
