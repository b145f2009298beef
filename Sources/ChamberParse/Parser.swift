import ChamberModel

/// The parse stage: each language column becomes the sections of a Chamber document.
///
/// Parts are recognised by their headings (`TOELICHTING`, then the document type again
/// before the operative part); inside a part, a block's label and wording say what it is.
/// Both languages go through the same rules, so a difference in the output is a difference
/// in the input.
public enum Parser {
    public static func parse(_ read: ReadDocument) -> Document {
        var facts = DocumentFacts(parties: read.parties, legend: read.legend, committees: read.committees)
        var versions: [Language: [Section]] = [:]
        var footnotes: [Footnote] = []
        var coverNumber: String?
        var signatories: [[Signatory]] = []
        for language in Language.allCases {
            guard let column = read.columns[language] else { continue }
            var parser = ColumnParser(language: language)
            for block in column.blocks { parser.take(block) }
            parser.finish()
            versions[language] = parser.sections.filter { !$0.units.isEmpty }
            footnotes += column.footnotes
            signatories.append(parser.signatories)
            if facts.type == .other, let type = parser.documentType { facts.type = type }
            coverNumber = coverNumber ?? parser.documentNumber
        }
        facts.signatories = Signatures.merged(signatories)
        (facts.number, facts.legislature) = documentNumber(read)
        // Else the cover's, else one that a header carries whole (`DOC 56 1342/004 2`).
        if facts.number == nil, let number = coverNumber ?? Self.wholeNumberInHeaders(read) {
            facts.number = number
            facts.legislature = facts.legislature ?? Self.legislature(number.split(separator: " ")[1])
        }
        return Document(source: read.source, layout: read.layout, facts: facts, versions: versions,
                        footnotes: footnotes, furniture: read.furniture)
    }

    /// `DOC 56 0055/001` from the running headers (`DOC 56` and `0055/001` on lines of
    /// their own), and the legislature from it or from the legend (`DOC 56 0000/000`).
    static func documentNumber(_ read: ReadDocument) -> (String?, String?) {
        let headers = read.furniture.map { $0.text.split(separator: " ") }
        let legislature = headers.lazy.compactMap { $0.count == 2 && $0[0] == "DOC" ? Self.legislature($0[1]) : nil }.first
            ?? read.legend.lazy.compactMap { row -> String? in
                let parts = row.cells[0].split(separator: " ")
                return parts.count == 3 && parts[0] == "DOC" ? Self.legislature(parts[1]) : nil
            }.first
        let number = headers.first { $0.count == 1 && $0[0].count == 8 && $0[0].contains("/") && $0[0].filter(\.isNumber).count == 7 }?[0]
        guard let legislature else { return (nil, nil) }
        return (number.map { "DOC \(legislature) \($0)" }, legislature)
    }

    /// A number that a running header carries whole, beside its page's (`DOC 56 1342/004 2`,
    /// `2 DOC 56 1342/004`); not the legend's pattern, `DOC 56 0000/000`, which a made-up
    /// header may carry. Asked after the cover, whose number comes first.
    static func wholeNumberInHeaders(_ read: ReadDocument) -> String? {
        read.furniture.lazy.compactMap { furniture -> String? in
            let words = furniture.text.split(separator: " ")
            guard let doc = words.firstIndex(of: "DOC"), doc + 2 < words.count, words[doc + 2] != "0000/000" else { return nil }
            return Lexicon.documentNumber(words[doc...(doc + 2)].joined(separator: " "))
        }.first
    }

    /// A legislature's number (`56`): ASCII digits, more than zero; nil for anything else
    /// (`56Hier` in a damaged legend).
    static func legislature(_ text: Substring) -> String? {
        guard !text.isEmpty, text.utf8.count <= 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text), value > 0 else { return nil }
        return String(value)
    }
}

/// Parses one language's blocks, in order, into sections.
struct ColumnParser {
    let language: Language
    var sections: [Section] = [Section(kind: .front)]
    var signatories: [Signatory] = []
    var documentType: DocumentType?
    /// The document number a cover prints on a line of its own (`DOC 56 0123/001`).
    var documentNumber: String?

    init(language: Language) { self.language = language }

    private var current: SectionKind { sections[sections.count - 1].kind }
    /// The first front-matter block that is nothing else is the title.
    private var hasTitle = false

    /// Short blocks that may be cells of a table serialized cell by cell.
    private var pendingCells: [TextBlock] = []

    mutating func take(_ block: TextBlock) {
        if current != .front, isCell(block) {
            pendingCells.append(block)
            return
        }
        flushCells()
        classify(block)
    }

    /// Ends the input: what is still held is classified.
    mutating func finish() { flushCells() }

    /// A table cell: short, no label, no sentence punctuation at its end (`Anderlecht`,
    /// `136`, `59.6 %`, `Jaar`).
    private func isCell(_ block: TextBlock) -> Bool {
        let text = block.content.text
        guard block.role == .paragraph, text.utf8.count <= 80, text.count <= 40 else { return false }
        let key = ChamberGrammar.key(text)
        guard !Labels.startsWithLabel(text), block.content.noteRefs.isEmpty,
              ChamberGrammar.documentTypes[key] == nil, !ChamberGrammar.explanationHeadings.contains(key),
              Dates.isoDate(text) == nil, Signatures.signatories(in: block.content) == nil else { return false }
        return !(text.last.map(Lexicon.sentenceClosings.contains) ?? true)
    }

    /// Four or more cells in a row, one with a figure, are a table; fewer, or headings in a
    /// row (`De gemeenten`, `Globaal beeld`, `Schorsingen door de vicegouverneur`), are
    /// ordinary blocks.
    private mutating func flushCells() {
        let cells = pendingCells
        pendingCells = []
        guard cells.count >= 4, cells.contains(where: \.content.text.containsFigure) else {
            for cell in cells { classify(cell) }
            return
        }
        var content = cells[0].content
        for cell in cells.dropFirst() { content.append(cell.content) }
        // A header row too long for a cell (`% de nominations illégales Nombre de communes`)
        // stands just before the cells: short, open, no caption, no label.
        let s = sections.count - 1
        if let last = sections[s].units.last, last.kind == .paragraph, let header = last.texts[language],
           header.text.utf8.count <= 80, !(header.text.last.map(Lexicon.sentenceClosings.contains) ?? true),
           !Lexicon.opensCaption(header.text), header.noteRefs.isEmpty {
            sections[s].units.removeLast()
            var joined = header
            joined.append(content)
            content = joined
        }
        add(TextUnit(kind: .table, texts: [language: content]))
    }

    private mutating func classify(_ block: TextBlock) {
        let content = block.content
        let text = content.text
        let key = ChamberGrammar.key(text)

        // Part headings.
        if ChamberGrammar.explanationHeadings.contains(key) {
            open(.explanation, heading: content)
            return
        }
        if let type = ChamberGrammar.documentTypes[key] {
            // On the cover it is the document type; after it (or marked as a heading) it
            // opens the operative part. A report's cover names what it reports on first
            // (`WETSVOORSTEL` … `VERSLAG`): the document is the report.
            documentType = current == .front && type == .report ? .report : documentType ?? type
            if current == .front && block.role != .heading {
                add(TextUnit(kind: .documentType, texts: [language: content]))
            } else {
                open(type == .resolutionProposal ? .resolution : .body, heading: content)
            }
            return
        }
        // A salutation ends the cover: a report's body opens with it, and a proposal's
        // explanation where no `TOELICHTING` heads it.
        if current == .front, block.role == .paragraph, text.utf8.count <= 24, ChamberGrammar.salutations.contains(text.uppercased()) {
            sections.append(Section(kind: documentType == .report ? .body : .explanation))
        }
        // The preamble opens the operative part after an explanation whose heading before it
        // is lost too (a dump without `VOORSTEL VAN RESOLUTIE`; in front matter, `opensOperativePart`).
        // (Not a cover's table of contents, whose entries are labelled as the parts are:
        // `I. Exposé introductif…….3`.)
        if current == .front && opensOperativePart(text) && !Lexicon.isContentsEntry(text) || current == .explanation && opensResolutionAfterExplanation(text) {
            // No heading before it (a dump that starts at the resolution): the preamble or a
            // first consideration or article opens the part.
            sections.append(Section(kind: documentType == .resolutionProposal || documentType == nil ? .resolution : .body))
        }
        if let people = Signatures.signatories(in: content) {
            signatories += people
            return
        }
        if let iso = Dates.isoDate(text) {
            add(TextUnit(kind: .date, value: iso, texts: [language: content]))
            return
        }
        switch current {
        case .front:
            let unit = frontUnit(block)
            hasTitle = hasTitle || unit.kind == .title
            documentNumber = documentNumber ?? Lexicon.documentNumber(text)
            add(unit)
        case .explanation, .body: add(bodyUnit(block))
        case .resolution: add(resolutionUnit(block))
        }
    }

    /// The preamble (`DE KAMER VAN VOLKSVERTEGENWOORDIGERS,`), a consideration (`A. …`) or
    /// a first request: text that belongs to no cover page.
    private func opensOperativePart(_ text: String) -> Bool {
        if ChamberGrammar.isChamber(text) && text.hasSuffix(",") { return true }
        guard let leading = Labels.leading(text) else { return false }
        return leading.form == .upperLetter || (leading.form == .number && leading.label == "1")
    }

    /// The preamble in capitals alone: after an explanation, whose own text may open with a
    /// letter or a number as a consideration or a request does.
    private func opensResolutionAfterExplanation(_ text: String) -> Bool {
        ChamberGrammar.isChamber(text) && text.hasSuffix(",") && Lexicon.isInCapitals(text)
    }

    private mutating func open(_ kind: SectionKind, heading: LocatedText) {
        sections.append(Section(kind: kind, units: [TextUnit(kind: .heading, texts: [language: heading])]))
    }

    /// Adds a unit to the current section; a sub-request goes under its parent request
    /// (`3.1` under `3`, `3.1.2` under `3.1`).
    private mutating func add(_ unit: TextUnit) {
        let s = sections.count - 1
        if unit.kind == .request, let label = unit.label, Self.nest(unit, label: label, into: &sections[s].units) { return }
        sections[s].units.append(unit)
    }

    /// Puts a sub-request under the last request whose label prefixes its own, as deep as
    /// that goes, though other requests stand between them (a dump that read a column's
    /// blocks out of order: `3.`, `5.`, `3.1.`). False when it has no parent.
    private static func nest(_ unit: TextUnit, label: String, into units: inout [TextUnit]) -> Bool {
        guard let parent = units.lastIndex(where: { $0.kind == .request && $0.label.map { label.hasPrefix($0 + ".") } == true })
        else { return false }
        if !nest(unit, label: label, into: &units[parent].children) { units[parent].children.append(unit) }
        return true
    }

    private func frontUnit(_ block: TextBlock) -> TextUnit {
        let text = block.content.text
        let kind: UnitKind
        if ChamberGrammar.isChamber(text) {
            kind = .chamber
        } else if ChamberGrammar.submitterOpenings.contains(where: { text.hasPrefix($0) }) {
            kind = .submitters
        } else if ChamberGrammar.isSession(text) {
            kind = .session
        } else if Lexicon.documentNumber(text) != nil {
            // Printed once, for both languages: a paragraph of whichever column it fell in.
            kind = .paragraph
        } else if !hasTitle {
            kind = .title
        } else {
            kind = .paragraph
        }
        return TextUnit(kind: kind, texts: [language: block.content])
    }

    /// Explanatory part and generic body: salutation, headings, list items, paragraphs.
    private func bodyUnit(_ block: TextBlock) -> TextUnit {
        let content = block.content
        let text = content.text
        if text.utf8.count <= 24, ChamberGrammar.salutations.contains(text.uppercased()) {
            return TextUnit(kind: .salutation, texts: [language: content])
        }
        if let number = Labels.articleNumber(text) {
            return TextUnit(kind: .heading, label: number, texts: [language: content])
        }
        if let leading = Labels.leading(text) {
            let rest = content.droppingPrefix(utf8Count: leading.length)
            let closesSentence = text.last.map(Lexicon.sentenceClosings.contains) ?? false
            if leading.form == .lowerLetter, text.utf8.dropFirst().first == UInt8(ascii: ")") {
                return TextUnit(kind: .item, label: leading.label, texts: [language: rest])
            }
            if !closesSentence, text.utf8.count <= 160, text.count <= 120 {
                return TextUnit(kind: .heading, label: leading.label, texts: [language: rest])
            }
        }
        if block.role == .heading || (text.utf8.count <= 160 && !text.hasSuffix(".") && text.isSetInCapitals) {
            return TextUnit(kind: .heading, texts: [language: content])
        }
        return TextUnit(kind: .paragraph, texts: [language: content])
    }

    /// Operative part: preamble, considerations, formula, requests.
    private func resolutionUnit(_ block: TextBlock) -> TextUnit {
        let content = block.content
        let text = content.text
        if let leading = Labels.leading(text) {
            let rest = content.droppingPrefix(utf8Count: leading.length)
            switch leading.form {
            case .upperLetter: return TextUnit(kind: .consideration, label: leading.label, texts: [language: rest])
            case .number: return TextUnit(kind: .request, label: leading.label, texts: [language: rest])
            case .lowerLetter: return TextUnit(kind: .item, label: leading.label, texts: [language: rest])
            case .roman: return TextUnit(kind: .heading, label: leading.label, texts: [language: rest])
            }
        }
        if text.isSetInCapitals {
            if text.hasSuffix(":") || ChamberGrammar.formulaVerbs.contains(where: { text.hasPrefix($0) }) {
                return TextUnit(kind: .formula, texts: [language: content])
            }
            if ChamberGrammar.isChamber(text) { return TextUnit(kind: .preamble, texts: [language: content]) }
            return TextUnit(kind: .heading, texts: [language: content])
        }
        return TextUnit(kind: .paragraph, texts: [language: content])
    }
}
