import ArgumentParser
import ChamberDoc
import Foundation

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert Chamber documents (PDFs or text dumps) to chamberdoc XML, Akoma Ntoso, TMX or HTML.",
        discussion: """
            Each INPUT.txt (or INPUT.pdf) becomes OUTDIR/INPUT.xml, validated against the \
            schema before it is written; a file is written whole or not at all. --to chooses \
            the writers: chamberdoc (INPUT.xml), akn (INPUT.nld.akn.xml and INPUT.fra.akn.xml, \
            Akoma Ntoso 3.0), tmx (INPUT.tmx), html (INPUT.html); XML outputs are validated \
            first. With `-` the text is read from standard input and the output written to \
            standard output.

            The input layout (a PDF; clean page-serialized, plain pdftotext, pdftotext -raw \
            drawn row by row, pdftotext -layout) is detected.

            Inputs are converted in parallel (--jobs), each in a worker process: a document \
            that crashes the converter or exceeds --timeout or --memory-limit-mb fails alone. \
            Messages come in input order.
            """
    )

    @Argument(help: ArgumentHelp("PDFs or text dumps to convert, or - for standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Directory for the XML files.", valueName: "outdir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The outputs to write, comma-separated: chamberdoc, akn, tmx, html.", valueName: "formats"))
    var to = "chamberdoc"

    @Option(name: .long, help: ArgumentHelp("A file listing more inputs, one path per line (- for standard input).", valueName: "file"))
    var inputList: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("How many inputs to convert at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Write the time spent in each stage, summed over the inputs, as JSON.", valueName: "file.json"))
    var timings: String?

    @OptionGroup var inputLimit: InputLimitOption

    @Option(name: .long, help: ArgumentHelp("Stop converting a document after this many seconds.", valueName: "seconds"))
    var timeout = 300.0

    @Option(name: .long, help: ArgumentHelp("Stop converting a document that uses more memory than this.", valueName: "MB"))
    var memoryLimitMb = 4096

    @Flag(name: .long, help: "Convert in this process, without worker processes: slightly faster, but a document that crashes ends the batch, and --timeout and --memory-limit-mb do not apply.")
    var inProcess = false

    @OptionGroup var schemaOption: SchemaOption
    @OptionGroup var glossaryOption: GlossaryOption

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        // Each job's worker takes one slot of the table that signals reach them by.
        if jobs > Interruption.slotCount / 2 { throw ValidationError("--jobs must be at most \(Interruption.slotCount / 2)") }
        if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
        if memoryLimitMb < 64 { throw ValidationError("--memory-limit-mb must be at least 64") }
        if inputs.isEmpty && inputList == nil { throw ValidationError("no input: give files, - or --input-list") }
        if inputs.contains("-") && (inputs.count > 1 || inputList != nil) {
            throw ValidationError("`-` (standard input) cannot be mixed with files")
        }
        if !inputs.contains("-") && output == nil { throw ValidationError("missing -o OUTDIR") }
        let formats = try formats()
        if inputs.contains("-"), formats.count > 1 || formats == [.akn] {
            throw ValidationError("--to \(to) writes more than one file a document; standard input needs one (or -o OUTDIR)")
        }
        do { _ = try Provenance.sourceDateEpoch() } catch { throw ValidationError(error.description) }
    }

    /// `--to`, parsed: the writers in the order given, each once.
    func formats() throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for name in to.split(separator: ",", omittingEmptySubsequences: false) {
            guard let format = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--to: unknown output \"\(name)\"; choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    /// What `convert` and its workers need for every document.
    struct Settings: Sendable {
        var validator: SchemaValidator
        var glossary: Glossary
        var limit: Int
        var formats: [OutputFormat] = [.chamberdoc]
        /// The Akoma Ntoso schema and the TMX DTD, when those writers are chosen.
        var akomaNtoso: SchemaValidator?
        var tmx: DTDValidator?
        /// The options that shape the output, recorded in its provenance.
        var options: [Provenance.Option] = []

        /// Reads the schemas `setup` names. Without `writerSchemas`, the Akoma Ntoso schema
        /// and the TMX DTD are only looked for: the worker processes, which validate, read them
        /// (the Akoma Ntoso schema takes a tenth of a second to parse).
        init(_ setup: Worker.Setup, writerSchemas: Bool = true) throws {
            validator = try SchemaOption.validator(at: setup.schema)
            glossary = try GlossaryFile.glossary(of: setup.glossaries)
            limit = setup.inputLimit
            formats = setup.formats
            let schemas = URL(fileURLWithPath: setup.schema).deletingLastPathComponent()
            let akn = schemas.appendingPathComponent("akn/akomantoso30.xsd").path, dtd = schemas.appendingPathComponent("tmx14.dtd").path
            for (format, path) in [(OutputFormat.akn, akn), (.tmx, dtd)] where formats.contains(format) {
                guard FileManager.default.isReadableFile(atPath: path) else { throw ValidationError("cannot read \(path), which --to \(format.rawValue) validates against") }
            }
            if writerSchemas, formats.contains(.akn) { akomaNtoso = try SchemaOption.validator(at: akn) }
            if writerSchemas, formats.contains(.tmx) {
                do { tmx = try DTDValidator(dtdPath: dtd) } catch { throw ValidationError("\(error)") }
            }
            options = [Provenance.Option("to", formats.map(\.rawValue).joined(separator: ","))]
                + setup.glossaries.map { Provenance.Option("glossary", $0.path) }
        }

        /// The problems of one output against its schema or DTD (HTML is not validated).
        func problems(_ rendition: OutputFormat.Rendition, of format: OutputFormat, name: String) -> [SchemaValidator.Problem] {
            switch format {
            case .chamberdoc: validator.problems(in: rendition.bytes, name: name)
            case .akn: akomaNtoso?.problems(in: rendition.bytes, name: name) ?? []
            case .tmx: tmx?.problems(in: rendition.bytes, name: name) ?? []
            case .html: []
            }
        }
    }

    /// What became of one input: the lines to print, the exit code of a failure, and the XML
    /// when it goes to standard output.
    struct Outcome: Sendable, Codable {
        var messages: [String] = []
        var failure: Int32?
        var timings = StageTimings()
        var inputBytes = 0
        var standardOutput: [UInt8]?
    }

    /// One input and where its XML goes (nil: standard output); or why it is not converted.
    struct Job: Sendable, Codable {
        var input: String
        var target: String?
        var refusal: String?
        var name: String { input == "-" ? "<stdin>" : input }

        /// The outcome of a job refused before any conversion.
        var refused: Outcome? { refusal.map { Outcome(messages: ["\(name): \($0)"], failure: Exit.unusableInput) } }
    }

    func run() throws {
        // A list or standard input may hold PDFs too.
        let readsPDFs = inputList != nil || inputs.contains { $0 == "-" || $0.lowercased().hasSuffix(".pdf") }
        if inProcess { Pipeline.prepare(readingPDFs: readsPDFs) }
        let setup = Worker.Setup(schema: try schemaOption.path(), glossaries: try glossaryOption.files(), inputLimit: inputLimit.bytes,
                                 formats: try formats(), readsPDFs: readsPDFs)
        let settings = try Settings(setup, writerSchemas: inProcess)
        if let problem = Pipeline.digestProblem {
            report("chamberdoc: " + problem)
            throw ExitCode(Exit.unusableInput)
        }
        Interruption.install()
        noteMissingDictionary()
        if let timings { try Self.checked { () throws(OutputFile.Failure) in try OutputFile.checkWritable(timings) } }
        if let output {
            let removed = OutputFile.removeStaleTemporaryFiles(in: output)
            if removed > 0 { report("chamberdoc: note: removed \(removed) temporary file(s) that an interrupted run left in \(output)") }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let run = BatchRun(Batch(inputs: try InputList(arguments: inputs, list: inputList), output: output))
        run.convert(jobs: jobs) { [self] () -> DocumentConverter in
            inProcess ? InProcessConverter(settings: settings) : WorkerProcess(setup: setup, limits: limits)
        }
        try StandardOutput.finishing {
            if let timings {
                let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                try Self.checked { () throws(OutputFile.Failure) in try writeTimings(run, wall: wall, to: timings) }
            }
            guard run.failed > 0 else { return }
            if run.count > 1 { report("chamberdoc: \(run.failed) of \(run.count) inputs failed") }
            throw ExitCode(run.worst)
        }
    }

    private var limits: WorkerProcess.Limits { .init(seconds: timeout, memoryBytes: min(memoryLimitMb, Int.max / 1_000_000) * 1_000_000) }

    /// An output file that cannot be written is a failure of its own (exit 2), not a usage error.
    private static func checked(_ body: () throws(OutputFile.Failure) -> Void) throws {
        do { try body() } catch {
            report(error.description)
            throw ExitCode(Exit.unusableInput)
        }
    }

    /// One input: read (unless `text` is given), converted, validated, then written whole (or
    /// kept for standard output). Every output of the input is validated before any is written.
    static func convert(_ job: Job, text: [UInt8]? = nil, settings: Settings) -> Outcome {
        var outcome = Outcome()
        let name = job.name
        do {
            let bytes = try text ?? InputFile.read(job.input, limit: settings.limit)
            outcome.inputBytes = bytes.count
            var document = try Pipeline.document(from: bytes, source: name, glossary: settings.glossary, timings: &outcome.timings)
            document.provenance = Provenance(input: job.input, bytes: bytes, options: settings.options)
            let outputs = StageTimings.measure(&outcome.timings.emit) {
                settings.formats.flatMap { format in format.renditions(document).map { (format, $0) } }
            }
            for (format, rendition) in outputs {
                let problems = StageTimings.measure(&outcome.timings.validate) { settings.problems(rendition, of: format, name: name) }
                if let first = problems.first {
                    let what = format == .chamberdoc ? "output" : "\(format.rawValue) output (\(rendition.suffix))"
                    outcome.messages.append("\(name): \(what) does not validate: line \(first.line): \(first.message)")
                    outcome.failure = Exit.invalidDocument
                    return outcome
                }
            }
            outcome.messages += notes(document, name: name)
            if let target = job.target {
                let base = target.hasSuffix(".xml") ? String(target.dropLast(4)) : target
                for (_, rendition) in outputs {
                    try StageTimings.measure(&outcome.timings.write) { () throws(OutputFile.Failure) in
                        try OutputFile.write(rendition.bytes, to: base + rendition.suffix)
                    }
                }
            } else {
                outcome.standardOutput = outputs.first?.1.bytes
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
        if let span = controls.first?.span {
            notes.append("\(position(name, span)): note: removed control characters on \(controls.count) line(s); see <furniture>")
        }
        notes += selfCheck(document, name: name)
        for language in Language.allCases {
            let oneSided = document.unitsLacking(language)
            if let span = oneSided.map(\.span).min(by: { $0.order < $1.order }) {
                notes.append("\(position(name, span)): note: \(oneSided.count) unit(s) without a \(language.name) text (missing=\"\(language.rawValue)\")")
            }
        }
        return notes
    }

    /// Warnings that the reading itself may be wrong, naming the units: texts whose language
    /// evidence contradicts their tag (their links' confidence is lowered too), and a low
    /// share of units linked in both languages.
    private static func selfCheck(_ document: Document, name: String) -> [String] {
        func walk(_ unit: TextUnit) -> [TextUnit] { [unit] + unit.children.flatMap(walk) }
        let units = document.sections.flatMap { $0.units.flatMap(walk) }
        func named(_ units: [TextUnit]) -> String {
            units.prefix(5).map(\.id).joined(separator: ", ") + (units.count > 5 ? ", …" : "")
        }
        var warnings: [String] = []
        let contradicted = units.filter { unit in
            unit.passages.contains { language, passages in passages.contains { LanguageEvidence.contradicts($0.text, language) } }
        }
        if let first = contradicted.first {
            warnings.append("\(position(name, first.span)): warning: \(contradicted.count) unit(s) with a text that reads as the other language (\(named(contradicted)))")
        }
        let oneSided = units.filter { !$0.missing.isEmpty }
        if units.count >= 10, oneSided.count * 5 > units.count, let first = oneSided.first {
            warnings.append("\(position(name, first.span)): warning: only \(units.count - oneSided.count) of \(units.count) units are linked in both languages; the layout may have been misread (\(named(oneSided)))")
        }
        return warnings
    }

    private func writeTimings(_ run: BatchRun, wall: Double, to path: String) throws(OutputFile.Failure) {
        struct Report: Encodable {
            var documents: Int, inputBytes: Int, wallSeconds: Double, jobs: Int, stages: StageTimings
            var peakResidentBytes: Int?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let peak = [run.peakResidentBytes, StageTimings.peakResidentBytes()].compactMap { $0 }.max()
        let report = Report(documents: run.count, inputBytes: run.inputBytes, wallSeconds: wall, jobs: jobs, stages: run.timings,
                            peakResidentBytes: peak)
        try OutputFile.write([UInt8]((try? encoder.encode(report)) ?? Data()), to: path)
    }
}
