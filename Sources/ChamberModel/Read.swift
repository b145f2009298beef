/// The layouts a Chamber document arrives in: a PDF, or one of four text dumps. See the README for examples.
public enum InputLayout: String, Sendable {
    /// Cleaned page-serialized dump: per page one language's column then the other's,
    /// paragraphs separated by blank lines, light markdown.
    case pageSerializedClean = "page-serialized-clean"
    /// Plain `pdftotext` output: page-serialized, no blank lines, running headers and
    /// footers, footnotes at the end of each column.
    case pageSerializedRaw = "page-serialized-raw"
    /// `pdftotext -raw` output of a PDF drawn row by row: a line holds the left column's line,
    /// the right one's, or both run together.
    case interleavedRows = "interleaved-rows"
    /// `pdftotext -layout` output: both columns on one line, separated by a gutter.
    case sideBySide = "side-by-side"
    /// A PDF, read from its glyph boxes.
    case pdf
}

/// One paragraph-level block of one language, as the read stage re-joined it.
public struct TextBlock: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        case paragraph
        /// A heading the input marked as one (markdown `##`).
        case heading
    }

    public var role: Role
    public var content: LocatedText

    public init(role: Role = .paragraph, content: LocatedText) {
        self.role = role
        self.content = content
    }
}

/// A footnote split off the end of a column.
public struct Footnote: Sendable, Hashable {
    public var number: String
    public var language: Language
    public var content: LocatedText
    /// Whether the marker was found in the text (and so is a `NoteRef` there).
    public var referenced: Bool

    public init(number: String, language: Language, content: LocatedText, referenced: Bool = false) {
        self.number = number
        self.language = language
        self.content = content
        self.referenced = referenced
    }
}

/// Everything of one language, in reading order, with page cuts already re-joined.
public struct LanguageColumn: Sendable {
    public var language: Language
    public var blocks: [TextBlock]
    public var footnotes: [Footnote]

    public init(language: Language, blocks: [TextBlock] = [], footnotes: [Footnote] = []) {
        self.language = language
        self.blocks = blocks
        self.footnotes = footnotes
    }

    /// Number of words, to tell a real column from stray lines.
    public var wordCount: Int {
        // Texts are white-space collapsed: words are spaces plus one.
        blocks.reduce(0) { total, block in
            let text = block.content.text.utf8
            return text.isEmpty ? total : total + 1 + text.lazy.filter { $0 == 0x20 }.count
        }
    }
}

/// A row of a table that holds both languages or none (party list, publication legend).
public struct TableRow: Sendable, Hashable {
    public var cells: [String]
    public var span: SourceSpan

    public init(cells: [String], span: SourceSpan) {
        self.cells = cells
        self.span = span
    }
}

/// The committee's composition on a report's cover, printed once for both languages: the
/// lines that caption it (`Samenstelling van de commissie … verslag/`, `Composition de la
/// commission …`, `A. — Vaste leden / Titulaires:`), its chair, and each party's members and
/// substitutes.
public struct Committee: Sendable, Hashable {
    /// One cell each: a caption line as printed.
    public var captions: [TableRow]
    /// `[caption, name]`: `Voorzitter/Président:`, `Ortwin Depoortere`.
    public var chair: TableRow?
    /// `[party, members, substitutes]`, the names as printed, comma-separated.
    public var groups: [TableRow]

    public init(captions: [TableRow], chair: TableRow?, groups: [TableRow]) {
        self.captions = captions
        self.chair = chair
        self.groups = groups
    }
}

/// Text the read stage removed as page furniture, kept so that nothing is lost silently.
public struct Furniture: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case runningHeader = "running-header"
        case pageNumber = "page-number"
        case separator
        /// A paragraph of markup around no words (`** **`, `<sup> </sup>`).
        case markup
        /// A control character (backspace, form feed inside a line…), which XML cannot carry.
        case controlCharacter = "control-character"
    }

    public var kind: Kind
    public var text: String
    public var span: SourceSpan

    public init(kind: Kind, text: String, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }
}

/// What the read stage hands to the parse stage.
public struct ReadDocument: Sendable {
    public var source: String
    public var layout: InputLayout
    public var columns: [Language: LanguageColumn]
    /// `ABBR : name` rows of the party table.
    public var parties: [TableRow]
    /// Rows of the bilingual publication legend (`QRVA | Schriftelijke… | QRVA | Questions…`).
    public var legend: [TableRow]
    /// A report's committee (or committees), from its cover.
    public var committees: [Committee]
    public var furniture: [Furniture]

    public init(source: String, layout: InputLayout, columns: [Language: LanguageColumn],
                parties: [TableRow] = [], legend: [TableRow] = [], committees: [Committee] = [], furniture: [Furniture] = []) {
        self.source = source
        self.layout = layout
        self.columns = columns
        self.parties = parties
        self.legend = legend
        self.committees = committees
        self.furniture = furniture
    }
}
