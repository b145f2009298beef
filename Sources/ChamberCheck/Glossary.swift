import ChamberModel

/// Terms that legitimately differ between the languages (`MIK` ↔ `CIM`), from tab-separated
/// `Dutch<TAB>French` lines; `#` starts a comment line.
public struct Glossary: Sendable {
    private var frenchFor: [String: Set<String>] = [:]
    private var dutchFor: [String: Set<String>] = [:]

    public init() {}

    /// Parses the file's text; a line that is not two cells is named in the error.
    public init(tsv text: String, source: String) throws(UnusableInput) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmed
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = trimmed.split(separator: "\t").map { String($0.trimmed) }
            guard cells.count == 2, !cells[0].isEmpty, !cells[1].isEmpty else {
                throw UnusableInput("\(source):\(index + 1): a glossary line is Dutch<TAB>French")
            }
            add(dutch: cells[0], french: cells[1])
        }
    }

    public mutating func add(dutch: String, french: String) {
        frenchFor[dutch, default: []].insert(french)
        dutchFor[french, default: []].insert(dutch)
    }

    public mutating func merge(_ other: Glossary) {
        for (dutch, frenchTerms) in other.frenchFor { for french in frenchTerms { add(dutch: dutch, french: french) } }
    }

    /// The terms that stand for `term` in the other language.
    func counterparts(of term: String, in language: Language) -> Set<String> {
        (language == .nl ? frenchFor[term] : dutchFor[term]) ?? []
    }
}
