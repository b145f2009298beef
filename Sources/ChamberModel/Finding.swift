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
    /// What the finding is about, as the texts may print it: a number (`19`), a percentage
    /// (`2.4`, printed `2,4 %`), an acronym, a party tag, a title; views mark it in both texts.
    public var subject: Subject?

    public enum Subject: Sendable, Hashable, Codable {
        /// Digits printed as a whole number, not inside a longer one.
        case number(String)
        /// A percentage's value, decimal point normalised, printed with `%`, `procent` or `pour cent`.
        case percentage(String)
        /// A word or phrase printed as it is.
        case text(String)
    }

    public init(code: Code, severity: Severity? = nil, message: String, unit: String, span: SourceSpan, subject: Subject? = nil) {
        self.code = code
        self.severity = severity ?? code.severity
        self.message = message
        self.unit = unit
        self.span = span
        self.subject = subject
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
        /// A sentence of one text that no sentence of the other translates: left out of one
        /// language (or added to the other).
        case sentenceWithoutCounterpart = "P106"
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

        /// One line on what the code reports, for legends (the README's table has more).
        public var summary: String {
            switch self {
            case .labelInOneLanguage: "a labelled unit (consideration, request, item) in one language only"
            case .unitInOneLanguage: "another unit (paragraph, heading) in one language only"
            case .duplicateLabel: "a label that repeats in one language"
            case .labelOutOfOrder: "labels that do not follow each other: a unit moved or skipped in one language"
            case .joinedParagraphs: "two passages of one language translate one of the other: merged or split"
            case .sentenceWithoutCounterpart: "a sentence of one text that no sentence of the other translates: left out"
            case .numberMismatch: "a number in one text that the other has neither as digits nor as words"
            case .dateMismatch: "a date in one text that the other lacks, or dates that differ"
            case .acronymMismatch: "an acronym in one text that the other neither has, pairs nor spells out"
            case .partyMismatch: "a party tag in one text only"
            case .referenceMismatch: "a document or article reference in one text only"
            case .percentageMismatch: "a percentage in one text that the other does not give"
            case .nameSpelling: "a name in the title or the submitters spelled differently"
            case .documentTypeMismatch: "the two texts name different document types"
            case .foreignTitle: "a courtesy title of the other language before a name"
            case .wrongLanguage: "a text that reads as the other language: untranslated"
            case .emptyText: "a text with no words"
            case .closingPunctuation: "list items or requests that end with different punctuation"
            case .lengthRatio: "a pair whose length ratio is far from the document's usual one"
            }
        }

        public var severity: Severity {
            switch self {
            case .labelInOneLanguage, .duplicateLabel, .numberMismatch, .dateMismatch, .referenceMismatch,
                 .percentageMismatch, .wrongLanguage, .emptyText: .error
            case .unitInOneLanguage, .labelOutOfOrder, .joinedParagraphs, .sentenceWithoutCounterpart, .acronymMismatch, .partyMismatch,
                 .nameSpelling, .documentTypeMismatch, .foreignTitle, .lengthRatio: .warning
            case .closingPunctuation: .note
            }
        }
    }
}

extension Finding.Subject {
    /// Where a text prints the subject: a number whole (`1.318`, `2,4`), a percentage with its
    /// sign (`2,4 %`, `28,1 procent`), a word as a word; in text order, not overlapping.
    public func ranges(in text: String) -> [Range<String.Index>] {
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && scalars[i].isASCII && scalars[i].properties.numericType != nil }
        func isSeparator(_ i: Int) -> Bool { i >= 0 && i < scalars.count && (scalars[i] == "." || scalars[i] == ",") }
        func isWord(_ i: Int) -> Bool { i >= 0 && i < scalars.count && (scalars[i].properties.isAlphabetic || isDigit(i)) }
        /// A digit, or a separator with a digit beyond it: the number goes on there.
        func inNumber(_ i: Int, step: Int) -> Bool { isDigit(i) || (isSeparator(i) && isDigit(i + step)) }
        func occurrences(_ needle: String, before: (Int) -> Bool, after: (Int) -> Bool) -> [Range<Int>] {
            let n = Array(needle.unicodeScalars)
            guard !n.isEmpty, n.count <= scalars.count else { return [] }
            return (0...(scalars.count - n.count)).filter { i in
                scalars[i..<(i + n.count)].elementsEqual(n) && !before(i - 1) && !after(i + n.count)
            }.map { $0..<($0 + n.count) }
        }
        var found: [Range<Int>] = []
        switch self {
        case .number(let digits):
            // Found as digits alone, then widened to the number it is part of (`318` of `1.318`).
            for range in occurrences(digits, before: isDigit, after: isDigit) {
                var lower = range.lowerBound, upper = range.upperBound
                while inNumber(lower - 1, step: -1) { lower -= 1 }
                while inNumber(upper, step: 1) { upper += 1 }
                found.append(lower..<upper)
            }
        case .percentage(let value):
            for form in Set([value, String(value.map { $0 == "." ? "," : $0 })]) {
                for range in occurrences(form, before: { inNumber($0, step: -1) }, after: { inNumber($0, step: 1) }) {
                    var end = range.upperBound
                    let spaces: [Unicode.Scalar] = [" ", "\u{A0}", "\u{202F}"]
                    while end < scalars.count, spaces.contains(scalars[end]) { end += 1 }
                    for sign in ["%", "procent", "pour cent"] where scalars[end..<scalars.count].starts(with: sign.unicodeScalars) {
                        found.append(range.lowerBound..<(end + sign.unicodeScalars.count))
                    }
                }
            }
        case .text(let word):
            found = occurrences(word, before: isWord, after: isWord)
        }
        var result: [Range<Int>] = []
        for range in found.sorted(by: { $0.lowerBound < $1.lowerBound }) where result.last.map({ $0.upperBound <= range.lowerBound }) ?? true {
            result.append(range)
        }
        let indices = Array(text.unicodeScalars.indices) + [text.endIndex]
        return result.map { indices[$0.lowerBound]..<indices[$0.upperBound] }
    }
}
