import ChamberDoc
import Foundation
import Testing

/// Nothing is lost silently: every word of an input is in the XML, as text, as an attribute
/// that holds source words (labels, party tags, legend codes, note numbers, a committee
/// chair's caption), or in the
/// record of removed page furniture. And the XML holds no word the input lacks, but for the
/// cells of a table printed for both languages that both languages' tables hold: their
/// input lines are in both texts' `lines`.
@Suite struct WordAccountingTests {
    /// Maximal runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The words of a text that may hold markup: `<sup>e</sup>` is markup, not words, in the
    /// input and in the record of a paragraph of markup only (`<sup> </sup>`).
    static func markedUpWords(_ text: String) -> [String] {
        words(text.replacingOccurrences(of: "<sup>", with: "").replacingOccurrences(of: "</sup>", with: ""))
    }

    /// The words of a text input; of a PDF, those of its plain `pdftotext` dump kept beside it
    /// (poppler's words, independent of chamberdoc's reading).
    static func inputWords(_ path: String) throws -> [String] {
        let text = path.hasSuffix(".pdf") ? String(path.dropLast(4)) + ".txt" : path
        return markedUpWords(String(decoding: try bytes(text), as: UTF8.self))
    }

    static func outputWords(_ path: String) throws -> [String] {
        let root = try convertedXML(path).root
        let inputLines = String(decoding: try bytes(path), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // Records of removed control characters name them (`U+0008`), and findings are
        // chamberdoc's own messages: neither holds words of the input.
        let generated = root.all("removed").filter { $0.attribute("kind") == "control-character" } + root.all("finding")
        var result = markedUpWords(root.text)
        for record in generated {
            for word in words(record.text) { result.remove(at: result.lastIndex(of: word)!) }
        }
        for element in root.descendants where element.name != "finding" {
            // A label or legend code is printed once per language; the unit holds it once.
            // Article headings keep their number in the text too (`Art. 2`, label 2).
            let printed = max(1, element.child("text").count)
            for key in ["label", "code"] {
                let value = words(element.attribute(key) ?? "")
                if key == "label", let text = element.child("text").first, words(text.text).starts(with: ["Art"]) || words(text.text).starts(with: ["Article"]) || words(text.text).starts(with: ["Artikel"]) { continue }
                for _ in 0..<printed { result += value }
            }
            for key in ["abbr", "party", "n", "caption"] { result += words(element.attribute(key) ?? "") }
            // A cell given to both languages' tables was printed once.
            if element.name == "table", !path.hasSuffix(".pdf") {
                let lines = element.child("text").map { Set(lineNumbers($0.attribute("lines") ?? "")) }
                for number in lines.dropFirst().reduce(lines.first ?? [], { $0.intersection($1) }) {
                    for word in markedUpWords(String(inputLines[number - 1])) { result.remove(at: result.lastIndex(of: word)!) }
                }
            }
            // A signatory listed once stands for every signature block that names them: a run
            // of lines in a dump, a box in a PDF.
            if element.name == "signatory",
               let blocks = element.attribute("lines")?.split(separator: " ") ?? element.attribute("box")?.split(separator: ";") {
                let extra = blocks.count - 1
                for _ in 0..<max(0, extra) {
                    result += words(element.text) + words(element.attribute("party") ?? "")
                }
            }
        }
        return result
    }

    /// The line numbers of a `lines` attribute (`12 14-16`).
    static func lineNumbers(_ attribute: String) -> [Int] {
        attribute.split(separator: " ").flatMap { range -> [Int] in
            let bounds = range.split(separator: "-").compactMap { Int($0) }
            guard let first = bounds.first else { return [] }
            return Array(first...(bounds.last ?? first))
        }
    }

    /// Input and output words, less what they share. An output word made of two leftover
    /// input words is a hyphenated word joined again (`elemen-` + `taire`, `56` + `e`); an
    /// input word made of two leftover output words held a footnote marker (`dossiers6`).
    static func unaccounted(_ path: String) throws -> (input: [String: Int], output: [String: Int]) {
        var input: [String: Int] = [:]
        for word in try inputWords(path) { input[word, default: 0] += 1 }
        var output: [String: Int] = [:]
        for word in try outputWords(path) {
            if let count = input[word], count > 0 { input[word] = count - 1 } else { output[word, default: 0] += 1 }
        }
        pairUp(joined: &output, parts: &input)
        pairUp(joined: &input, parts: &output)
        return (input.filter { $0.value != 0 }, output.filter { $0.value != 0 })
    }

    /// Removes each word of `joined` that splits into two words left in `parts`.
    static func pairUp(joined: inout [String: Int], parts: inout [String: Int]) {
        for (word, count) in joined {
            for _ in 0..<count {
                let characters = Array(word)
                let split = (1..<max(1, characters.count)).first { i in
                    (parts[String(characters[..<i])] ?? 0) > 0 && (parts[String(characters[i...])] ?? 0) > 0
                }
                guard let split else { continue }
                parts[String(characters[..<split])]! -= 1
                parts[String(characters[split...])]! -= 1
                joined[word]! -= 1
            }
        }
    }

    @Test(arguments: [Paths.seed, Paths.sideBySide, Paths.realBill, Paths.realReport])
    func everyWordIsAccountedFor(_ path: String) throws {
        let (input, output) = try Self.unaccounted(path)
        #expect(input.isEmpty, "input words missing from the XML: \(input.sorted { $0.key < $1.key }.prefix(40))")
        #expect(output.isEmpty, "XML words not in the input: \(output.sorted { $0.key < $1.key }.prefix(40))")
    }

    /// The same of the PDFs read from their glyph boxes (test-05: the legend's cells of a
    /// very narrow layout, which a reading by whole lines fused, `ver-` + `compte`).
    @Test(arguments: ["dev-01-seed-nl", "dev-03-bill-fn-cross", "test-02-seed-fr-left", "test-04-seed-ragged", "test-05-seed-narrow",
                      "test-07-bill-fr-left"])
    func everyWordOfAPDFIsAccountedFor(_ name: String) throws {
        let (input, output) = try Self.unaccounted(Self.typesetPDF(name))
        #expect(input.isEmpty, "input words missing from the XML: \(input.sorted { $0.key < $1.key }.prefix(40))")
        #expect(output.isEmpty, "XML words not in the input: \(output.sorted { $0.key < $1.key }.prefix(40))")
    }

    static func typesetPDF(_ name: String) -> String {
        Paths.fixture("typeset/\(name.hasPrefix("dev") ? "dev" : "test")/\(name).pdf")
    }
}
