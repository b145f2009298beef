/// What a unit of a Chamber document is. The raw values are the XML element names.
public enum UnitKind: String, Sendable, Hashable, CaseIterable {
    // Front matter
    case chamber, date, documentType = "docType", title, submitters, session
    // Any part
    case heading, paragraph, item
    /// A table that the input serialized cell by cell: its cells' words, in reading order.
    case table
    case salutation
    // Resolution part
    case preamble, consideration, formula, request
}

/// One unit of text (a consideration, a request, a paragraph…) with its text in each
/// language. The parse stage makes units with one language; the align stage links two of
/// them into one unit with both. A unit without a counterpart keeps its single text.
public struct TextUnit: Sendable, Hashable {
    public var kind: UnitKind
    /// `A`, `3.1`, `b`: the label as printed, without its punctuation.
    public var label: String?
    /// A language-neutral value: the ISO 8601 form of a date.
    public var value: String?
    /// The unit's passages in each language, in input order: one per language, except when
    /// the align stage found two paragraphs of one language translating one of the other
    /// (a 2-1 or 1-2 link), which it keeps as two passages of one unit.
    public var passages: [Language: [LocatedText]]
    /// Sub-requests of a request.
    public var children: [TextUnit]
    /// Stable identifier (`cons-A`, `req-3.1`), given by the align stage.
    public var id: String
    /// How sure the align stage is of the link between the two languages (or of a unit
    /// having no counterpart), from 0 to 1; `nil` before alignment.
    public var confidence: Double?
    /// How the sentences of its two texts translate each other, given by the align stage to
    /// a unit with both languages; empty otherwise.
    public var sentenceLinks: [SentenceLink] = []

    public init(kind: UnitKind, label: String? = nil, value: String? = nil, texts: [Language: LocatedText],
                children: [TextUnit] = [], id: String = "") {
        self.kind = kind
        self.label = label
        self.value = value
        self.passages = texts.mapValues { [$0] }
        self.children = children
        self.id = id
    }

    /// The text in each language: its passages joined by a space.
    public var texts: [Language: LocatedText] {
        passages.compactMapValues { passages in
            guard var text = passages.first else { return nil }
            for next in passages.dropFirst() { text.append(next) }
            return text
        }
    }

    /// Where each passage of `language` lies in its text (`texts`, the passages joined by a
    /// space): UTF-8 byte ranges, in passage order.
    public func passageRanges(_ language: Language) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var end = 0
        for passage in passages[language] ?? [] {
            let count = passage.text.utf8.count
            let start = end > 0 && count > 0 ? end + 1 : end
            ranges.append(start..<(start + count))
            end = start + count
        }
        return ranges
    }

    /// `1-1`, `2-1`, `1-0`: how many Dutch and French passages the unit links.
    public var link: String { "\(passages[.nl]?.count ?? 0)-\(passages[.fr]?.count ?? 0)" }

    /// `2-1 link, confidence 0.87`: for the translators' views.
    public var linkSummary: String {
        "\(link) link" + (confidence.map { ", confidence " + String(Int(($0 * 100).rounded())) + "%" } ?? "")
    }

    /// The languages this unit lacks (empty when it is aligned).
    public var missing: [Language] { Language.allCases.filter { passages[$0] == nil } }

    /// Where its text starts: the span of its passage first in reading order.
    public var span: SourceSpan {
        passages.values.compactMap(\.first?.span).min { $0.order < $1.order } ?? SourceSpan()
    }
}

/// The parts of a Chamber document. The raw values are the XML element names.
public enum SectionKind: String, Sendable, Hashable {
    /// Chamber, date, document type, title, submitters.
    case front
    /// Toelichting / Développements (or a summary).
    case explanation
    /// The resolution itself: preamble, considerations, formula, requests.
    case resolution
    /// What the model does not know in detail yet (a bill's articles, a report's sections):
    /// headings and paragraphs.
    case body
}

public struct Section: Sendable, Hashable {
    public var kind: SectionKind
    public var units: [TextUnit]

    public init(kind: SectionKind, units: [TextUnit] = []) {
        self.kind = kind
        self.units = units
    }
}

/// A member who signed the document. Names and party tags are the same in both languages,
/// so there is one list, whichever column printed it.
public struct Signatory: Sendable, Hashable {
    public var name: String
    public var party: String?
    public var span: SourceSpan

    public init(name: String, party: String?, span: SourceSpan) {
        self.name = name
        self.party = party
        self.span = span
    }

    /// The names and parties of a signature block: one or more `Name Surname (PARTY)` in a
    /// row, nothing else; nil for any other text. The read stage tells a signature line by
    /// it, the parse stage the signatories.
    public static func names(in text: Substring) -> [(name: Substring, party: Substring)]? {
        guard text.utf8.last == UInt8(ascii: ")") else { return nil }
        var result: [(name: Substring, party: Substring)] = []
        var rest = text
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") else { return nil }
            let name = rest[..<open].trimmed
            let party = rest[rest.index(after: open)..<close].trimmed
            let words = name.split(separator: " ")
            guard (2...6).contains(words.count), words.first?.first?.isUppercase == true, words.last?.first?.isUppercase == true,
                  words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "’" || $0 == "'" || $0 == "." } }),
                  !party.isEmpty, party.count <= 16, !party.contains(" ") || party.split(separator: " ").count <= 2
            else { return nil }
            result.append((name, party))
            rest = rest[rest.index(after: close)...].trimmed
        }
        return result.isEmpty ? nil : result
    }

    /// Whether a text is a name alone, without a party (`Ortwin Depoortere`, `Jean-François
    /// Gatelier`): two to four words of letters, the first and the last a capital's, not a
    /// heading in capitals (`ARTIKELSGEWIJZE BESPREKING`).
    public static func isBareName(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        return (2...4).contains(words.count) && words.first?.first?.isUppercase == true && words.last?.first?.isUppercase == true
            && words.allSatisfy { $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "’" || $0 == "'" } }
            && !words.allSatisfy { $0.allSatisfy { !$0.isLowercase } }
    }
}

/// Facts of the document that belong to no single language.
public struct DocumentFacts: Sendable {
    /// `resolution-proposal`, `bill-proposal`, …: see `DocumentType`.
    public var type: DocumentType
    /// `DOC 56 0055/001`, when the input prints it.
    public var number: String?
    /// `56`.
    public var legislature: String?
    public var parties: [TableRow]
    public var legend: [TableRow]
    /// A report's committee (or committees), from its cover.
    public var committees: [Committee]
    public var signatories: [Signatory]

    public init(type: DocumentType = .other, number: String? = nil, legislature: String? = nil,
                parties: [TableRow] = [], legend: [TableRow] = [], committees: [Committee] = [], signatories: [Signatory] = []) {
        self.type = type
        self.number = number
        self.legislature = legislature
        self.parties = parties
        self.legend = legend
        self.committees = committees
        self.signatories = signatories
    }
}

public enum DocumentType: String, Sendable {
    case resolutionProposal = "resolution-proposal"
    case billProposal = "bill-proposal"
    case bill
    case report
    case other
}

/// A whole document: what the parse stage makes (sections per language) and what the
/// align stage makes of it (one list of bilingual sections).
public struct Document: Sendable {
    public var source: String
    public var layout: InputLayout
    public var facts: DocumentFacts
    /// Per language, before alignment; empty after.
    public var versions: [Language: [Section]]
    /// Bilingual sections, after alignment.
    public var sections: [Section]
    public var footnotes: [Footnote]
    public var furniture: [Furniture]
    /// Parity findings, from the check stage.
    public var findings: [Finding] = []
    /// What was converted, by what and when; set by the caller that read the source.
    public var provenance: Provenance?

    /// The units, sub-requests included, that have no text in `language`; not tables, nor
    /// a text printed once for both languages (`Lexicon.holdsBothLanguages`): as the check
    /// stage, which reports neither.
    public func unitsLacking(_ language: Language) -> [TextUnit] {
        func lacks(_ unit: TextUnit) -> Bool {
            guard unit.passages[language] == nil, unit.kind != .table else { return false }
            return !(unit.texts[language.other].map { Lexicon.holdsBothLanguages($0.text) } ?? false)
        }
        func walk(_ unit: TextUnit) -> [TextUnit] { (lacks(unit) ? [unit] : []) + unit.children.flatMap(walk) }
        return sections.flatMap { $0.units.flatMap(walk) }
    }

    public init(source: String, layout: InputLayout, facts: DocumentFacts, versions: [Language: [Section]] = [:],
                sections: [Section] = [], footnotes: [Footnote] = [], furniture: [Furniture] = []) {
        self.source = source
        self.layout = layout
        self.facts = facts
        self.versions = versions
        self.sections = sections
        self.footnotes = footnotes
        self.furniture = furniture
    }
}
