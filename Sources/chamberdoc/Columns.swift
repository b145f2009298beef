import ArgumentParser
import ChamberDoc
import Foundation

/// Shows what the read stage made of an input: each language's paragraphs with their input
/// lines. For checking a new layout, or why two paragraphs were (not) joined.
struct Columns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "columns",
        abstract: "Print the paragraphs of each language as the read stage re-joined them.",
        discussion: "Each line: LANG LINES [heading] text. Footnotes follow each language as NOTE lines."
    )

    @Argument(help: ArgumentHelp("A PDF or a text dump, or - for standard input.", valueName: "input"))
    var input: String

    @OptionGroup var inputLimit: InputLimitOption

    func run() throws { try StandardOutput.finishing(show) }

    private func show() throws {
        do {
            let read = try Pipeline.read(try InputFile.read(input, limit: inputLimit.bytes), source: input)
            emit("layout: \(read.layout.rawValue)")
            for language in Language.allCases {
                guard let column = read.columns[language] else { continue }
                for block in column.blocks {
                    let role = block.role == .heading ? "[heading] " : ""
                    emit("\(language.rawValue) \(block.content.span.lines) \(role)\(block.content.text)")
                }
                for note in column.footnotes {
                    emit("\(language.rawValue) \(note.content.span.lines) NOTE \(note.number): \(note.content.text)")
                }
            }
        } catch {
            report("\(input): \(error.reason)")
            throw ExitCode(Exit.unusableInput)
        }
    }
}
