import ChamberModel

/// The texts the checks compare, unit by unit: each unit's own, except where one language
/// merged a labelled unit into its neighbour (`3.` and `3.1.` as one paragraph, `On constate
/// ainsi: a) …`). There the neighbour's text is cut at the label, and the part after it is
/// the labelled unit's text in that language: a 2-1 link (P105), not a unit missing (P101),
/// and no numbers or closing marks of the one compared against the other.
struct UnitTexts {
    private var cut: [String: [Language: String]] = [:]
    /// One P105 finding per labelled unit found merged.
    private(set) var merges: [Finding] = []

    init(_ document: Document) {
        for section in document.sections { split(section.units, parent: nil) }
    }

    subscript(unit: TextUnit) -> [Language: String] {
        var texts = unit.texts.mapValues(\.text)
        for (language, text) in cut[unit.id] ?? [:] { texts[language] = text }
        return texts
    }

    /// Finds, level by level, the labelled units of one language whose other language's
    /// text stands inside the unit before them or inside their parent.
    private mutating func split(_ units: [TextUnit], parent: TextUnit?) {
        for (index, unit) in units.enumerated() {
            if let label = unit.label, unit.texts.count == 1, let missing = unit.texts.keys.first?.other {
                for host in [index > 0 ? units[index - 1] : nil, parent].compactMap({ $0 }) {
                    guard let text = self[host][missing], let range = Self.labelRange(label, in: text) else { continue }
                    cut[host.id, default: [:]][missing] = String(text[..<range.lowerBound])
                    cut[unit.id, default: [:]][missing] = String(text[range.upperBound...])
                    let name = host.label.map { "\(host.kind.rawValue) \($0)" } ?? "the \(host.kind.rawValue) before it"
                    merges.append(Finding(code: .joinedParagraphs, message: "\(unit.kind.rawValue) \(label) is part of the \(missing.name) text of \(name)",
                                          unit: unit.id, span: unit.span))
                    break
                }
            }
            split(unit.children, parent: unit)
        }
    }

    /// Where `label` stands as a label inside a text (` 3.1. `, ` a) `), with its spaces.
    static func labelRange(_ label: String, in text: String) -> Range<String.Index>? {
        [".", ")"].lazy.compactMap { text.range(of: " \(label)\($0) ") }.first
    }
}
