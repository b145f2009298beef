import ChamberModel

/// The emit stage's Akoma Ntoso 3.0 writer (OASIS LegalDocML): one document per language,
/// for archives and legal-informatics tools. chamberdoc XML keeps both languages unit by
/// unit; an Akoma Ntoso document is one expression of the work, so each language gets its
/// own, with the same eIds for the same units (they are made from labels and from the
/// position of a unit in the bilingual sequence, never from its text). Where a text came
/// from is kept in chamberdoc's namespace (`cd:unit`, `cd:lines`, `cd:page`, `cd:box`),
/// which Akoma Ntoso allows on every element.
///
/// A resolution proposal is a `statement`: the front matter in `preface`, the preamble
/// formula and the considerations (`recitals`) in `preamble`, the requests as `paragraph`s
/// and `point`s in `mainBody`, date and signatures in `conclusions`. A bill is a `bill`
/// whose articles are `article`s. The explanatory part is an attachment (`doc`). Parties
/// and signatories are `TLC` references in `meta`; footnotes are `authorialNote`s where
/// their markers stand.
public enum AkomaNtoso {
    public static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    static let chamberdoc = DocumentXML.namespace

    /// ISO 639-2 codes, as Akoma Ntoso names languages.
    public static func code(_ language: Language) -> String { language == .nl ? "nld" : "fra" }

    public static func bytes(_ document: Document, language: Language) -> [UInt8] {
        AkomaNtosoWriter(document: document, language: language).bytes()
    }
}

/// The names of a document after the Akoma Ntoso naming convention.
struct AkomaNtosoNames {
    /// `statement`, `bill` or `doc`; and the subtype (`resolutionProposal`).
    let element: String, subtype: String
    /// The document's date, `2026-02-06`.
    let date: String
    /// `56-0055-001` from `DOC 56 0055/001`; `nn` when the input does not print it.
    let number: String
    /// The language the document was written in, when the first signatory's party tells it.
    let authorLanguage: Language?

    init(_ document: Document) {
        switch document.facts.type {
        case .resolutionProposal: (element, subtype) = ("statement", "resolutionProposal")
        case .billProposal: (element, subtype) = ("bill", "billProposal")
        case .bill: (element, subtype) = ("bill", "bill")
        case .report: (element, subtype) = ("doc", "report")
        case .other: (element, subtype) = ("doc", "document")
        }
        let dates = document.sections.flatMap { section in section.units.filter { $0.kind == .date }.compactMap(\.value) }
        date = dates.first ?? String((document.provenance?.time ?? "1970-01-01").prefix(10))
        let digits = (document.facts.number ?? "").split(whereSeparator: { !$0.isNumber })
        number = digits.isEmpty ? "nn" : digits.joined(separator: "-")
        // The party's name is in the language of the party (Vlaams Belang, Mouvement
        // Réformateur); a bilingual one (PVDA-PTB) tells nothing.
        let party = document.facts.signatories.first?.party
        let name = document.facts.parties.first { $0.cells[0] == party }?.cells[1]
        let evidence = name.map { LanguageEvidence.score(Substring($0)) } ?? 0
        authorLanguage = evidence > 0.5 ? .nl : evidence < -0.5 ? .fr : nil
    }

    var work: String { "/akn/be/\(element)/\(subtype)/chamber/\(date)/\(number)" }
    func expression(_ language: Language) -> String { "\(work)/\(AkomaNtoso.code(language))@\(date)" }
}

/// The eIds of one document, made unique: the second `art_2` is `art_2_inst2` (the naming
/// convention's rule for a number that repeats). Both languages ask for the same ids in the
/// same order, so they get the same answers.
private final class EIds {
    private var used: [String: Int] = [:]

    func unique(_ id: String) -> String {
        guard let count = used[id] else {
            used[id] = 1
            return id
        }
        var n = count + 1
        while used["\(id)_inst\(n)"] != nil { n += 1 }
        used[id] = n
        used["\(id)_inst\(n)"] = 1
        return "\(id)_inst\(n)"
    }
}

/// One language's Akoma Ntoso document, written in one pass over the bilingual sections.
private struct AkomaNtosoWriter {
    let document: Document
    let language: Language
    let names: AkomaNtosoNames
    let w = XMLWriter()
    let eIds = EIds()
    let footnotes: [String: LocatedText]
    /// Each signatory's eId, by name.
    let people: [(name: String, eId: String)]

    init(document: Document, language: Language) {
        self.document = document
        self.language = language
        names = AkomaNtosoNames(document)
        var notes: [String: LocatedText] = [:]
        for note in document.footnotes where note.language == language && notes[note.number] == nil { notes[note.number] = note.content }
        footnotes = notes
        // The fixed ids first, then the people, then (as the document is written) the rest:
        // the same order in both languages.
        for id in ["chamber", "signatory", "chamberdoc"] { _ = eIds.unique(id) }
        var seen = Set<String>()
        people = document.facts.signatories.compactMap { [eIds] person in
            seen.insert(person.name).inserted ? (person.name, eIds.unique(Self.token(person.name))) : nil
        }
    }

    func bytes() -> [UInt8] {
        w.start("akomaNtoso", namespace: AkomaNtoso.namespace)
        w.attribute("xmlns:cd", AkomaNtoso.chamberdoc)
        w.start(names.element)
        w.attribute("name", names.subtype)
        let sections = Dictionary(grouping: document.sections, by: \.kind).mapValues { $0.flatMap(\.units) }
        meta(component: nil)
        preface(sections[.front] ?? [])
        var conclusions: [TextUnit] = []
        switch names.element {
        case "statement":
            let resolution = sections[.resolution] ?? []
            let requestsStart = resolution.firstIndex { $0.kind == .request } ?? resolution.endIndex
            let (preambleUnits, rest) = (Array(resolution[..<requestsStart]), Array(resolution[requestsStart...]))
            preamble(preambleUnits)
            let (dates, body) = split(rest + (sections[.body] ?? []))
            conclusions = dates
            w.start("mainBody")
            requestsAndContainers(body)
            w.end()
        case "bill":
            let (dates, body) = split((sections[.resolution] ?? []) + (sections[.body] ?? []))
            conclusions = dates
            w.start("body")
            if !containers(body, prefix: "") { empty("hcontainer", ("eId", eIds.unique("hcontainer_0")), ("name", "empty")) }
            w.end()
        default:
            let (dates, body) = split((sections[.resolution] ?? []) + (sections[.body] ?? []))
            conclusions = dates
            w.start("mainBody")
            if !containers(body, prefix: "") { w.element("p", "") }
            w.end()
        }
        self.conclusions(conclusions)
        if let explanation = sections[.explanation], explanation.contains(where: { $0.passages[language] != nil }) {
            w.start("attachments")
            w.start("attachment")
            w.attribute("eId", "att_1")
            w.start("doc")
            w.attribute("name", "explanatoryMemorandum")
            meta(component: "att_1")
            w.start("mainBody")
            containers(explanation, prefix: "att_1__")
            w.end()
            w.end()
            w.end()
            w.end()
        }
        w.end()
        w.end()
        return w.finish()
    }

    /// The dates after the operative part (when the document was signed), kept for the
    /// conclusions; the rest in order.
    private func split(_ units: [TextUnit]) -> (dates: [TextUnit], rest: [TextUnit]) {
        (units.filter { $0.kind == .date }, units.filter { $0.kind != .date })
    }

    // MARK: metadata

    private func meta(component: String?) {
        let part = component.map { "/!\($0)" } ?? "/!main"
        let expression = names.expression(language)
        w.start("meta")
        w.start("identification")
        w.attribute("source", "#chamberdoc")
        w.start("FRBRWork")
        empty("FRBRthis", ("value", names.work + part))
        empty("FRBRuri", ("value", names.work))
        empty("FRBRdate", ("date", names.date), ("name", "submission"))
        empty("FRBRauthor", ("href", "#chamber"))
        empty("FRBRcountry", ("value", "be"))
        empty("FRBRsubtype", ("value", names.subtype))
        empty("FRBRnumber", ("value", names.number))
        w.end()
        w.start("FRBRExpression")
        empty("FRBRthis", ("value", expression + part))
        empty("FRBRuri", ("value", expression))
        empty("FRBRdate", ("date", names.date), ("name", "submission"))
        empty("FRBRauthor", ("href", "#chamber"))
        empty("FRBRlanguage", ("language", AkomaNtoso.code(language)))
        if let author = names.authorLanguage, author != language {
            empty("FRBRtranslation", ("href", names.expression(author)), ("fromLanguage", AkomaNtoso.code(author)), ("by", "#chamber"))
        }
        w.end()
        w.start("FRBRManifestation")
        empty("FRBRthis", ("value", expression + part + ".xml"))
        empty("FRBRuri", ("value", expression + ".akn"))
        empty("FRBRdate", ("date", String((document.provenance?.time ?? names.date).prefix(10))), ("name", "transform"))
        empty("FRBRauthor", ("href", "#chamberdoc"))
        empty("FRBRformat", ("value", "application/akn+xml"))
        w.end()
        w.end()
        if component == nil { references() }
        if component == nil, let provenance = document.provenance {
            w.start("proprietary")
            w.attribute("source", "#chamberdoc")
            writeProvenance(provenance, to: w, prefix: "cd:")
            w.end()
        }
        w.end()
    }

    private func references() {
        w.start("references")
        w.attribute("source", "#chamberdoc")
        empty("TLCOrganization", ("eId", "chamber"), ("href", "/ontology/organization/be/chamber"),
              ("showAs", language == .nl ? "Kamer van volksvertegenwoordigers" : "Chambre des représentants"))
        for row in document.facts.parties {
            empty("TLCOrganization", ("eId", eIds.unique("party." + Self.token(row.cells[0]))),
                  ("href", "/ontology/organization/be/" + Self.token(row.cells[0])), ("showAs", row.cells[1]), ("shortForm", row.cells[0]))
        }
        for (name, id) in people {
            empty("TLCPerson", ("eId", id), ("href", "/ontology/person/be/" + Self.token(name)), ("showAs", name))
        }
        empty("TLCRole", ("eId", "signatory"), ("href", "/ontology/role/be/signatory"), ("showAs", language == .nl ? "ondertekenaar" : "signataire"))
        empty("TLCObject", ("eId", "chamberdoc"), ("href", "/ontology/object/chamberdoc"), ("showAs", "chamberdoc"))
        w.end()
    }

    /// A name as an id: lower case, runs of anything but letters and digits as one `-`.
    static func token(_ name: String) -> String {
        var token = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                token.unicodeScalars.append(scalar)
            } else if !token.isEmpty, token.last != "-" {
                token += "-"
            }
        }
        while token.last == "-" { token.removeLast() }
        return token.isEmpty ? "nn" : token
    }

    // MARK: parts

    private func preface(_ units: [TextUnit]) {
        let present = units.filter { $0.passages[language] != nil }
        guard !present.isEmpty || document.facts.number != nil else { return }
        w.start("preface")
        if let number = document.facts.number { inlineParagraph { w.element("docNumber", number) } }
        // One long title: the document type, then the title, where the first of them stands.
        // A resolution has its type just above its title; a bill has it further down, after
        // the submitters.
        let longTitle = present.filter { $0.kind == .documentType } + present.filter { $0.kind == .title }
        var longTitleWritten = false
        for unit in present {
            switch unit.kind {
            case .documentType, .title:
                guard !longTitleWritten else { continue }
                longTitleWritten = true
                w.start("longTitle")
                inlineParagraph {
                    for (position, part) in longTitle.enumerated() {
                        if position > 0 { w.text(" ") }
                        inline(part.kind == .documentType ? "docType" : "docTitle", part)
                    }
                }
                w.end()
            case .date:
                inlineParagraph { inline("docDate", unit, ("date", unit.value)) }
            case .submitters:
                inlineParagraph { inline("docProponent", unit) }
            default:
                paragraphs(unit, class: unit.kind.rawValue)
            }
        }
        w.end()
    }

    /// The part before the requests: what stands before the considerations, the
    /// considerations as recitals, and the operative formula.
    private func preamble(_ units: [TextUnit]) {
        guard units.contains(where: has) else { return }
        w.start("preamble")
        var index = 0, formulas = 0
        while index < units.count {
            let unit = units[index]
            if unit.kind == .consideration {
                let end = units[index...].firstIndex { $0.kind != .consideration } ?? units.endIndex
                let group = units[index..<end]
                let id = eIds.unique("recs")
                let recitals = group.enumerated().map { position, recital in
                    (recital, eIds.unique("\(id)__rec_\(Self.eIdNumber(recital.label) ?? String(position + 1))"))
                }
                if group.contains(where: has) {
                    w.start("recitals")
                    w.attribute("eId", id)
                    for (recital, recitalId) in recitals where has(recital) {
                        w.start("recital")
                        w.attribute("eId", recitalId)
                        num(recital)
                        paragraphs(recital)
                        w.end()
                    }
                    w.end()
                }
                index = end
                continue
            }
            if unit.kind == .formula {
                formulas += 1
                let id = eIds.unique("formula_\(formulas)")
                if has(unit) {
                    w.start("formula")
                    w.attribute("eId", id)
                    w.attribute("name", "enactingFormula")
                    paragraphs(unit)
                    w.end()
                }
            } else {
                paragraphs(unit, class: unit.kind.rawValue)
            }
            index += 1
        }
        w.end()
    }

    /// Requests as numbered paragraphs with their sub-requests as points; other units in
    /// containers. A main body is never empty: the schema wants one element at least.
    private func requestsAndContainers(_ units: [TextUnit]) {
        let requests = units.prefix { $0.kind == .request }
        for request in requests { self.request(request, element: "paragraph", prefix: "") }
        let wroteContainers = containers(Array(units.dropFirst(requests.count)), prefix: "")
        if !requests.contains(where: has) && !wroteContainers { w.element("p", "") }
    }

    /// A request and its sub-requests. Their eIds are taken even where this language lacks
    /// them, so that both languages take the same ones.
    private func request(_ unit: TextUnit, element: String, prefix: String) {
        let id = eIds.unique(prefix + (element == "paragraph" ? "para_" : "point_") + (Self.eIdNumber(unit.label) ?? unit.id))
        let shown = has(unit)
        if shown {
            w.start(element)
            w.attribute("eId", id)
            attributes(of: unit)
            num(unit)
            if unit.children.isEmpty {
                w.start("content")
                paragraphs(unit, orEmpty: true)
                w.end()
            } else if unit.passages[language] != nil {
                w.start("intro")
                paragraphs(unit)
                w.end()
            }
        }
        for child in unit.children { request(child, element: "point", prefix: id + "__") }
        if shown { w.end() }
    }

    /// Units under headings: each heading opens a container (an `article` when it names
    /// one, else an `hcontainer`) that holds the units up to the next heading; units before
    /// the first heading get a container of their own. Returns whether it wrote any.
    @discardableResult
    private func containers(_ units: [TextUnit], prefix: String) -> Bool {
        var groups: [(heading: TextUnit?, ordinal: Int, units: [TextUnit])] = []
        for (position, unit) in units.enumerated() {
            if unit.kind == .heading || groups.isEmpty {
                groups.append((unit.kind == .heading ? unit : nil, position + 1, []))
            }
            if unit.kind != .heading { groups[groups.count - 1].units.append(unit) }
        }
        var wrote = false
        for group in groups {
            let article = group.heading.flatMap { Self.isArticle($0) ? Self.eIdNumber($0.label) : nil }
            let id = eIds.unique(prefix + (article.map { "art_\($0)" } ?? "hcontainer_\(group.ordinal)"))
            let present = group.units.filter(has)
            guard group.heading.map(has) == true || !present.isEmpty else { continue }
            wrote = true
            w.start(article == nil ? "hcontainer" : "article")
            w.attribute("eId", id)
            if article == nil { w.attribute("name", group.heading == nil ? "untitled" : "heading") }
            if let heading = group.heading, has(heading) {
                attributes(of: heading)
                inline(article == nil ? "heading" : "num", heading)
            }
            w.start("content")
            blocks(present)
            w.end()
            w.end()
        }
        return wrote
    }

    /// Whether this language has the unit's text, or one of its sub-requests'.
    private func has(_ unit: TextUnit) -> Bool {
        unit.passages[language] != nil || unit.children.contains(where: has)
    }

    /// Paragraphs as `p`, runs of lettered items as a `blockList`.
    private func blocks(_ units: [TextUnit]) {
        var index = 0
        while index < units.count {
            guard units[index].kind == .item else {
                paragraphs(units[index], class: units[index].kind == .paragraph ? nil : units[index].kind.rawValue)
                index += 1
                continue
            }
            w.start("blockList")
            while index < units.count, units[index].kind == .item {
                w.start("item")
                num(units[index])
                paragraphs(units[index])
                w.end()
                index += 1
            }
            w.end()
        }
    }

    private func conclusions(_ dates: [TextUnit]) {
        let present = dates.filter { $0.passages[language] != nil }
        guard !present.isEmpty || !document.facts.signatories.isEmpty else { return }
        w.start("conclusions")
        for date in present {
            inlineParagraph { inline("date", date, ("date", date.value), ("refersTo", "#signature")) }
        }
        for person in document.facts.signatories {
            inlineParagraph(location(person.span, prefix: "cd:")) {
                w.start("signature")
                w.start("person")
                w.attribute("refersTo", "#" + Self.token(person.name))
                w.attribute("as", "#signatory")
                w.text(person.name)
                w.end()
                if let party = person.party { w.text(" (\(party))") }
                w.end()
            }
        }
        w.end()
    }

    // MARK: texts

    /// The unit's passages in this language, one `p` each (two for one side of a 2-1 link).
    private func paragraphs(_ unit: TextUnit, class className: String? = nil, orEmpty: Bool = false) {
        let passages = unit.passages[language] ?? []
        if passages.isEmpty, orEmpty { w.element("p", "") }
        for passage in passages {
            w.start("p")
            w.attribute("class", className)
            w.attribute("cd:unit", unit.id)
            location(passage.span, prefix: "cd:").forEach(w.attribute)
            text(passage)
            w.end()
        }
    }

    /// The unit's text in this language inside an inline element (`docTitle`, `num`).
    private func inline(_ element: String, _ unit: TextUnit, _ attributes: (String, String?)...) {
        guard let text = unit.texts[language] else { return }
        w.start(element)
        for (name, value) in attributes { w.attribute(name, value) }
        if element != "num" && element != "heading" {
            w.attribute("cd:unit", unit.id)
            location(text.span, prefix: "cd:").forEach(w.attribute)
        }
        self.text(text)
        w.end()
    }

    private func attributes(of unit: TextUnit) {
        w.attribute("cd:unit", unit.id)
        if let text = unit.texts[language] { location(text.span, prefix: "cd:").forEach(w.attribute) }
    }

    /// `A.`, `3.1.`: a labelled unit's number as printed.
    private func num(_ unit: TextUnit) {
        guard let label = unit.label else { return }
        w.element("num", unit.kind == .item ? "\(label))" : "\(label).")
    }

    /// A text with its footnotes as authorial notes where their markers stand.
    private func text(_ text: LocatedText) {
        w.markedText(text) { ref in
            w.start("authorialNote")
            w.attribute("marker", ref.number)
            w.attribute("placement", "bottom")
            w.start("p")
            if let note = footnotes[ref.number] {
                location(note.span, prefix: "cd:").forEach(w.attribute)
                w.text(note.text)
            }
            w.end()
            w.end()
        }
    }

    /// A `p` of inline elements, without the indentation that would become part of its text.
    private func inlineParagraph(_ attributes: [(String, String?)] = [], _ body: () -> Void) {
        w.start("p")
        for (name, value) in attributes { w.attribute(name, value) }
        w.indent(false)
        body()
        w.end()
        w.indent(true)
        w.raw("\n")  // the line end the writer leaves out after an element written unindented
    }

    private func empty(_ element: String, _ attributes: (String, String?)...) {
        w.start(element)
        for (name, value) in attributes { w.attribute(name, value) }
        w.end()
    }

    // MARK: eIds


    /// A label as the number part of an eId: letters, digits, `-` and `.` kept, anything
    /// else made `.`, trailing dots dropped (`3.1`, `A`, `1er` → `1er`).
    static func eIdNumber(_ label: String?) -> String? {
        guard let label, !label.isEmpty else { return nil }
        var number = String(String.UnicodeScalarView(label.unicodeScalars.filter { $0 != " " }.map {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" ? $0 : "."
        }))
        while number.last == "." { number.removeLast() }
        return number.isEmpty ? nil : number
    }

    /// A heading that names an article (`Artikel 1`, `Art. 2`, `Article 1er`) in either
    /// language, so that both expressions agree: not one whose first word only begins like
    /// one (`III. ARTIKELSGEWIJZE BESPREKING`).
    static func isArticle(_ heading: TextUnit) -> Bool {
        heading.label != nil && heading.texts.values.contains { located in
            located.text.split(separator: " ", maxSplits: 1).first.map { Lexicon.articleWords.contains($0.lowercased()) } ?? false
        }
    }
}
