import ChamberModel

/// The fixed phrases of Chamber documents in both languages: what opens a part, what a
/// front-matter line is. Kept apart from the parser so that the grammar reads as a list.
enum ChamberGrammar {
    /// Headings that open the explanatory part.
    static let explanationHeadings = Lexicon.explanationHeadings
    /// Document types, which open the operative part when they follow the explanatory part.
    static let documentTypes: [String: DocumentType] = Dictionary(uniqueKeysWithValues:
        Lexicon.documentTypeNames.filter(\.asHeading).map { ($0.name.uppercased(), $0.type) })
    static let salutations = Lexicon.salutations
    static let submitterOpenings = Lexicon.submitterOpenings
    /// Verbs of the operative formula (`VERZOEKT DE FEDERALE REGERING:`).
    static let formulaVerbs = ["VERZOEKT", "VRAAGT", "BEVEELT", "ROEPT", "DRINGT", "DEMANDE", "RECOMMANDE", "INVITE", "PRIE", "EXHORTE"]

    /// Upper-cased, without the punctuation that closes a heading; empty for a text too
    /// long to be a heading (which spares upper-casing every paragraph).
    static func key(_ text: String) -> String {
        guard text.utf8.count <= 80 else { return "" }
        return text.uppercased().trimmingSuffix(":").trimmingSuffix(".").trimmed.description
    }

    static func isChamber(_ text: String) -> Bool { Lexicon.namesChamber(text) }

    static func isSession(_ text: String) -> Bool {
        guard text.utf8.count < 80 else { return false }
        return text.containsBytes("zitting", ignoringCase: true) || text.containsBytes("session", ignoringCase: true)
    }
}
