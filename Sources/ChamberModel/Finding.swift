/// One parity problem between the Dutch and the French text, with a stable code so that
/// editors, CI and translators can filter on it.
public struct Finding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            [Severity.note, .warning, .error].firstIndex(of: a)! < [Severity.note, .warning, .error].firstIndex(of: b)!
        }
    }

    public var code: Code
    public var severity: Severity
    public var message: String
    /// The unit concerned (`cons-C`, `expl-p4`).
    public var unit: String
    /// Where the text concerned starts.
    public var span: SourceSpan

    public init(code: Code, severity: Severity? = nil, message: String, unit: String, span: SourceSpan) {
        self.code = code
        self.severity = severity ?? code.severity
        self.message = message
        self.unit = unit
        self.span = span
    }

    /// What identifies the finding from one run to the next, for a baseline: its code, unit
    /// and message, without line numbers, white space collapsed, and without the figures of
    /// a measured finding (P304's ratios move with any edit of the document).
    public var stableKey: String {
        var words = message.split { $0 == " " || $0 == "\t" || $0 == "\n" }.map(String.init)
        if code == .lengthRatio { words = words.map { $0.contains(where: \.isNumber) ? "#" : $0 } }
        return "\(code.rawValue)\t\(unit)\t\(words.joined(separator: " "))"
    }

    /// The first input line, 0 when the input has no lines (a PDF).
    public var line: Int { span.line ?? 0 }

    /// The checks, each with a stable code and a default severity. Documented in the README.
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// A labelled unit (consideration, request, list item) in one language only.
        case labelInOneLanguage = "P101"
        /// Another unit in one language only.
        case unitInOneLanguage = "P102"
        /// A label that repeats within its list.
        case duplicateLabel = "P103"
        /// Labels that do not follow each other (A, C; 3, 5; 2, 1).
        case labelOutOfOrder = "P104"
        /// Two paragraphs of one language translate one of the other (a 2-1 link): merged
        /// on one side, or split on the other.
        case joinedParagraphs = "P105"
        /// A number in one text that the other text has neither as digits nor as words.
        case numberMismatch = "P201"
        /// A date in one text that the other does not have.
        case dateMismatch = "P202"
        /// An acronym in one text the other lacks, and that the glossary does not pair.
        case acronymMismatch = "P203"
        /// A party tag, `(VB)`, in one text only.
        case partyMismatch = "P204"
        /// A document or article reference (`DOC 56 1234/001`, `artikel 32`) in one text only.
        case referenceMismatch = "P205"
        /// A percentage in one text that the other does not give as a percentage.
        case percentageMismatch = "P206"
        /// A name spelled differently in the two texts (`Hamegnies` / `Harmegnies`).
        case nameSpelling = "P207"
        /// The texts name different document types (`voorstel van resolutie` / `proposition de loi`).
        case documentTypeMismatch = "P208"
        /// A courtesy title of the other language before a name (`Mme` in the Dutch text).
        case foreignTitle = "P209"
        /// A text that reads as the other language: an untranslated paragraph.
        case wrongLanguage = "P301"
        /// A text with no words.
        case emptyText = "P302"
        /// List items or requests that end with different punctuation (`;` and `.`).
        case closingPunctuation = "P303"
        /// A pair of texts whose length ratio is far outside the document's own: a sentence
        /// added or left out, or two paragraphs merged on one side.
        case lengthRatio = "P304"

        public var severity: Severity {
            switch self {
            case .labelInOneLanguage, .duplicateLabel, .numberMismatch, .dateMismatch, .referenceMismatch,
                 .percentageMismatch, .wrongLanguage, .emptyText: .error
            case .unitInOneLanguage, .labelOutOfOrder, .joinedParagraphs, .acronymMismatch, .partyMismatch, .nameSpelling,
                 .documentTypeMismatch, .foreignTitle, .lengthRatio: .warning
            case .closingPunctuation: .note
            }
        }
    }
}
