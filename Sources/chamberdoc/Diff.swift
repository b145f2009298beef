import ArgumentParser
import ChamberDoc
import Foundation

/// The two languages side by side in the terminal, unit by unit, with the parity findings
/// under the unit they concern; `--tmx` exports the aligned units for CAT tools.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the Dutch and French texts side by side, unit by unit, with the findings.",
        discussion: """
            Fitted to the terminal width (or --width). Colours only on a terminal, and never \
            when NO_COLOR is set. --tmx writes the aligned units as TMX 1.4b (nl-BE / fr-BE).
            """
    )

    @Argument(help: ArgumentHelp("A PDF or a text dump, or - for standard input.", valueName: "input"))
    var input: String

    @Flag(name: .long, help: "Show only the units with findings.")
    var onlyProblems = false

    @Option(name: .long, help: "Line width (default: the terminal's, else 100).")
    var width: Int?

    @Option(name: .long, help: ArgumentHelp("Also write the aligned units as TMX 1.4b.", valueName: "file.tmx"))
    var tmx: String?

    @Option(name: .long, help: ArgumentHelp("Also write a self-contained HTML report.", valueName: "report.html"))
    var html: String?

    @OptionGroup var glossaryOption: GlossaryOption
    @OptionGroup var inputLimit: InputLimitOption

    func validate() throws {
        if let width, width < 40 { throw ValidationError("--width must be at least 40") }
    }

    func run() throws { try StandardOutput.finishing(show) }

    private func show() throws {
        let glossary = try glossaryOption.load()
        noteMissingDictionary()
        Interruption.install()
        var document: Document
        do {
            let bytes = try InputFile.read(input, limit: inputLimit.bytes)
            document = try Pipeline.document(from: bytes, source: input, glossary: glossary)
            document.provenance = Provenance(input: input, bytes: bytes, options: glossaryOption.recorded)
        } catch {
            report("\(input): \(error.reason)")
            throw ExitCode(Exit.unusableInput)
        }
        let view = SideBySide(width: width ?? Terminal.width ?? 100, colour: Terminal.wantsColour)
        var findingsByUnit: [String: [Finding]] = [:]
        for finding in document.findings { findingsByUnit[finding.unit, default: []].append(finding) }
        func show(_ unit: TextUnit) {
            let findings = findingsByUnit[unit.id] ?? []
            if !onlyProblems || !findings.isEmpty { StandardOutput.shared.write(view.render(unit, findings: findings)) }
            unit.children.forEach(show)
        }
        for section in document.sections { section.units.forEach(show) }
        for (path, bytes) in [(tmx, Pipeline.tmx), (html, Pipeline.html)] {
            guard let path else { continue }
            do { try OutputFile.write(bytes(document), to: path) } catch {
                report(error.description)
                throw ExitCode(Exit.unusableInput)
            }
        }
    }
}

/// Lays out one unit as two columns of wrapped text under a rule with its id.
struct SideBySide {
    var width: Int
    var colour: Bool

    private var column: Int { (width - 3) / 2 }

    func render(_ unit: TextUnit, findings: [Finding]) -> String {
        let title = "\(unit.id)" + (unit.label.map { " (\(unit.kind.rawValue) \($0))" } ?? " (\(unit.kind.rawValue))")
            + " · \(unit.linkSummary)"
        var out = paint("── \(title) " + String(repeating: "─", count: max(0, width - title.count - 4)), "2") + "\n"
        let left = wrap(unit.texts[.nl]?.text ?? "— no Dutch text —")
        let right = wrap(unit.texts[.fr]?.text ?? "— no French text —")
        let subjects = findings.compactMap(\.subject)
        for row in 0..<max(left.count, right.count) {
            let l = row < left.count ? left[row] : "", r = row < right.count ? right[row] : ""
            out += marked(l, subjects) + String(repeating: " ", count: column - l.count) + " │ " + marked(r, subjects) + "\n"
        }
        for finding in findings {
            let mark = finding.severity == .error ? "31" : finding.severity == .warning ? "33" : "36"
            out += paint("  \(finding.severity.rawValue): [\(finding.code.rawValue)] \(finding.message)", mark) + "\n"
        }
        return out
    }

    /// The text in lines of at most `column` characters, broken at spaces; a word longer than
    /// the column is cut. Each word's characters are counted once and a long word is cut as
    /// it is walked, so a word of any length costs linear time.
    private func wrap(_ text: String) -> [String] {
        var lines: [String] = [], current = "", currentCount = 0
        for piece in text.split(separator: " ") {
            var word = piece, count = word.count
            while count > column {
                if !current.isEmpty { lines.append(current); current = ""; currentCount = 0 }
                let cut = word.index(word.startIndex, offsetBy: column)
                lines.append(String(word[..<cut]))
                word = word[cut...]
                count -= column
            }
            if current.isEmpty {
                current = String(word)
                currentCount = count
            } else if currentCount + 1 + count <= column {
                current += " " + word
                currentCount += 1 + count
            } else {
                lines.append(current)
                current = String(word)
                currentCount = count
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A line with what the unit's findings are about in reverse video (the number whole:
    /// `2,4 %`), on a colour terminal only; a subject cut by the wrap is marked where it is whole.
    private func marked(_ line: String, _ subjects: [Finding.Subject]) -> String {
        guard colour, !subjects.isEmpty else { return line }
        var ranges: [Range<String.Index>] = []
        for subject in subjects {
            for range in subject.ranges(in: line) where !ranges.contains(where: { $0.overlaps(range) }) { ranges.append(range) }
        }
        var out = "", rest = line.startIndex
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            out += line[rest..<range.lowerBound] + paint(String(line[range]), "7")
            rest = range.upperBound
        }
        return out + line[rest...]
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

enum Terminal {
    /// The width of the terminal on standard output, if it is one.
    static var width: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        var size = winsize()
        guard isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 else { return nil }
        return Int(size.ws_col)
    }

    /// Colours on a terminal only, and not when NO_COLOR is set (no-color.org).
    static var wantsColour: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }
}
