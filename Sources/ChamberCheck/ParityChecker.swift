import ChamberModel
import ChamberParse
import Foundation

/// The check stage: compares the two languages of an aligned document unit by unit and
/// reports what one language has that the other lacks. Mechanical checks only: labels,
/// numbers, dates, acronyms, party tags, language, emptiness, closing punctuation. Each
/// finding code has one check, and the checks are listed in `ParityCheck.all`.
public struct ParityChecker: Sendable {
    public var glossary: Glossary

    public init(glossary: Glossary = Glossary()) { self.glossary = glossary }

    public func findings(_ document: Document) -> [Finding] {
        let context = CheckContext(document, glossary: glossary)
        let findings = ParityCheck.all.flatMap { $0.findings(context) }
        // A total order, so that the output does not depend on hashing.
        return findings.sorted { ($0.span.order, $0.code.rawValue, $0.unit, $0.message) < ($1.span.order, $1.code.rawValue, $1.unit, $1.message) }
    }

    /// The codes the registered checks report, one check each, in their order.
    public static var codes: [Finding.Code] { ParityCheck.all.map(\.code) }
}

/// What the checks see of a document, worked out once for all of them.
struct CheckContext: Sendable {
    struct Entry: Sendable {
        var unit: TextUnit
        /// The texts as compared (`UnitTexts`: a labelled unit merged into its neighbour cut out).
        var texts: [Language: String]
        /// The headings the unit stands under, the nearest first (`HeadingOutline`).
        var headings: [TextUnit]
    }

    let document: Document
    let glossary: Glossary
    /// The abbreviations of the party table, `VB`.
    let parties: Set<String>
    let texts: UnitTexts
    /// Every unit, a parent before its children, in document order.
    let entries: [Entry]
    /// Every level of siblings: the units of each section, the children of each unit.
    let levels: [[TextUnit]]

    init(_ document: Document, glossary: Glossary) {
        self.document = document
        self.glossary = glossary
        parties = Set(document.facts.parties.map { $0.cells[0] })
        let texts = UnitTexts(document)
        self.texts = texts
        var entries: [Entry] = [], levels: [[TextUnit]] = []
        var outline = HeadingOutline()
        func walk(_ units: [TextUnit]) {
            levels.append(units)
            for unit in units {
                entries.append(Entry(unit: unit, texts: texts[unit], headings: outline.enclosing))
                if unit.kind == .heading { outline.open(unit) }
                if !unit.children.isEmpty { walk(unit.children) }
            }
        }
        for section in document.sections {
            outline = HeadingOutline()
            walk(section.units)
        }
        self.entries = entries
        self.levels = levels
    }
}

/// One check: the code it reports and how it finds them.
struct ParityCheck: Sendable {
    let code: Finding.Code
    let findings: @Sendable (CheckContext) -> [Finding]

    /// What a check says of a unit: the message, and what it is about where it names a token.
    struct Said: Sendable, ExpressibleByStringInterpolation {
        var message: String
        var subject: Finding.Subject?

        init(_ message: String, about subject: Finding.Subject? = nil) {
            self.message = message
            self.subject = subject
        }

        init(stringLiteral message: String) { self.init(message) }
        init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }
    }

    /// A check of each unit on its own; what it says is reported at the unit.
    static func eachUnit(_ code: Finding.Code, _ messages: @escaping @Sendable (CheckContext.Entry, CheckContext) -> [Said]) -> ParityCheck {
        ParityCheck(code: code) { context in
            context.entries.flatMap { entry in
                messages(entry, context).map { Finding(code: code, message: $0.message, unit: entry.unit.id, span: entry.unit.span, subject: $0.subject) }
            }
        }
    }

    /// A check of the two texts of each unit that has both, except the kinds in `skipping`
    /// (tables, whose cells do not translate one by one, and dates, which P202 compares whole).
    static func eachPair(_ code: Finding.Code, skipping skipped: Set<UnitKind> = [.table, .date],
                         _ messages: @escaping @Sendable (_ nl: String, _ fr: String, CheckContext.Entry, CheckContext) -> [Said]) -> ParityCheck {
        eachUnit(code) { entry, context in
            guard !skipped.contains(entry.unit.kind), let nl = entry.texts[.nl], let fr = entry.texts[.fr] else { return [] }
            return messages(nl, fr, entry, context)
        }
    }
}

/// The headings of a section as an outline: a heading closes the open ones of its own rank
/// or deeper. Ranks are the label forms in the order the section first uses them (`I.`,
/// `A.`, `1.`, `a)` in the bill), so no convention is assumed, and within the numbers their
/// depth (`1.1.` under `2.`); an unlabelled heading is a form of its own.
struct HeadingOutline {
    private var forms: [Labels.Form?: Int] = [:]
    private var open: [(rank: (form: Int, depth: Int), heading: TextUnit)] = []
    private var lastLetter: String?

    /// The open headings, the nearest first.
    var enclosing: [TextUnit] { open.reversed().map(\.heading) }

    mutating func open(_ heading: TextUnit) {
        var form: Labels.Form?, depth = 0
        if let label = heading.label {
            (form, depth) = Labels.outlineForm(of: label, previousLetter: lastLetter)
            if form == .upperLetter { lastLetter = label }
        }
        let order = forms[form] ?? forms.count
        forms[form] = order
        let rank = (form: order, depth: depth)
        while let last = open.last, last.rank >= rank { open.removeLast() }
        open.append((rank, heading))
    }
}
