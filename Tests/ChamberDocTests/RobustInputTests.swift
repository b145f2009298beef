@testable import ChamberAlign
@testable import ChamberRead
import ChamberDoc
import Foundation
import Testing

/// Inputs a little off the samples, as other extractors and other documents give them.
@Suite struct RobustInputTests {
    static func text(_ path: String) throws -> String { String(decoding: try bytes(path), as: UTF8.self) }

    static func document(_ text: String, source: String = "variant") throws -> Document {
        try Pipeline.document(from: Array(text.utf8), source: source)
    }

    static func allTexts(_ document: Document) -> [String] {
        func walk(_ unit: TextUnit) -> [String] { unit.texts.values.map(\.text) + unit.children.flatMap(walk) }
        return document.sections.flatMap { $0.units.flatMap(walk) }
    }

    static func explanationHeadings(_ document: Document) -> [TextUnit] {
        document.sections.first { $0.kind == .explanation }?.units.filter { $0.kind == .heading } ?? []
    }

    /// Raw text as an extractor without pdftotext's trailing spaces gives it (PyMuPDF):
    /// paragraph ends come from line length and punctuation.
    @Test func rawDumpWithoutTrailingSpaces() throws {
        let stripped = try Self.text(Paths.realBill).components(separatedBy: "\n")
            .map { String($0.trimmed) }.joined(separator: "\n")
        let document = try Self.document(stripped)
        #expect(document.layout == .pageSerializedRaw)
        let first = try #require(Self.explanationHeadings(document).first)
        #expect(first.texts[.nl]?.text == "TOELICHTING")
        #expect(first.texts[.fr]?.text == "DÉVELOPPEMENTS")
        #expect(document.facts.signatories.count == 4)
        let texts = Self.allTexts(document)
        #expect(!texts.contains { $0.contains("K A M E R") || $0.contains("0055/001") })
        // Without the TAB after their numbers, the notes are found from their markers: all
        // 44 of them, as in the dump itself, and none is left in the body as a paragraph.
        #expect(document.footnotes.count == 44)
        #expect(document.footnotes.allSatisfy { $0.referenced })
        #expect(!texts.contains { $0.hasPrefix("Verslag van de vice-gouverneur") || $0.hasPrefix("Rapport du vice-gouverneur") })
        // The tables' rows, read as text, stay one-sided: 56 of 78 paragraphs pair up.
        let paragraphs = document.sections.first { $0.kind == .explanation }?.units.filter { $0.kind == .paragraph } ?? []
        let paired = paragraphs.filter { $0.missing.isEmpty }
        #expect(paired.count * 10 >= paragraphs.count * 7, "\(paired.count) of \(paragraphs.count) paired")
        #expect(texts.contains { $0.contains("over zijn elementaire of voldoende kennis") })
    }

    /// A raw dump with blank lines between paragraphs reads as the clean layout; its page
    /// furniture and tables must still be found.
    @Test func rawDumpWithBlankLines() throws {
        let lines = try Self.text(Paths.realBill).components(separatedBy: "\n")
        let spaced = lines.flatMap { line in line.hasSuffix(" ") || line.isEmpty ? [line] : [line, ""] }.joined(separator: "\n")
        let document = try Self.document(spaced)
        #expect(document.layout == .pageSerializedClean)
        #expect(!Self.allTexts(document).contains { $0.contains("K A M E R") || $0.contains("C H A M B R E") || $0 == "DOC 56" })
        #expect(document.furniture.filter { $0.text == "DOC 56" }.count >= 26)
        #expect(document.facts.parties.count == 11)
        #expect(document.facts.legend.count >= 9)
        #expect(Self.explanationHeadings(document).first?.texts[.nl]?.text == "TOELICHTING")
    }

    /// A page cut whose continuation starts with a capital (`…binnen de strategische` /
    /// `Defensie en …`) is joined after a long open paragraph.
    @Test func cutContinuingWithACapital() throws {
        let seed = try Self.text(Paths.seed)
        let variant = seed.replacingOccurrences(of: "\nplanning, capaciteitsontwikkeling", with: "\nDefensie en de capaciteitsontwikkeling")
        #expect(variant != seed)
        let texts = Self.allTexts(try Self.document(variant))
        #expect(texts.contains { $0.hasSuffix("binnen de strategische Defensie en de capaciteitsontwikkeling en integriteitscultuur van de Belgische krijgsmacht.") })
    }

    /// Short cells before a part heading form a table; the heading still opens the part.
    @Test func tableBeforeThePartHeading() throws {
        let variant = try Self.text(Paths.seed)
            .replacingOccurrences(of: "## VOORSTEL VAN RESOLUTIE", with: "Jaar\n\n2024\n\nAantal\n\n12\n\nVOORSTEL VAN RESOLUTIE")
            .replacingOccurrences(of: "## PROPOSITION DE RÉSOLUTION", with: "Année\n\n2024\n\nNombre\n\n12\n\nPROPOSITION DE RÉSOLUTION")
        let document = try Self.document(variant)
        let resolution = try #require(document.sections.first { $0.kind == .resolution })
        #expect(resolution.units.filter { $0.kind == .consideration }.count == 9)
        let table = document.sections.first { $0.kind == .explanation }?.units.last { $0.kind == .table }
        #expect(table?.texts[.nl]?.text == "Jaar 2024 Aantal 12")
        #expect(table?.texts[.fr]?.text == "Année 2024 Nombre 12")
    }

    /// Rows of a tab-separated table that is not the legend keep all their cells.
    @Test func tabSeparatedTableKeepsEveryCell() throws {
        let variant = try Self.text(Paths.seed).replacingOccurrences(
            of: "- c) een discrepantie tussen het formele nultolerantiebeleid en de praktijk;\n",
            with: "- c) een discrepantie tussen het formele nultolerantiebeleid en de praktijk;\nJaar\tKazerne\tIncidenten\tSancties\tOntslagen\tVerwijzingen\n2023\tLeopoldsburg\t12\t7\t3\t1\n")
        let texts = Self.allTexts(try Self.document(variant)).joined(separator: " ")
        for word in ["Ontslagen", "Verwijzingen", "Leopoldsburg"] { #expect(texts.contains(word)) }
    }

    /// Sub-requests nest as deep as their labels go.
    @Test func subSubRequestsNestUnderTheirParent() throws {
        let variant = try Self.text(Paths.seed)
            .replacingOccurrences(of: "3.1. extra personeel en expertise;", with: "3.1. extra personeel en expertise;\n\n3.1.1. voor de analyse;")
            .replacingOccurrences(of: "3.1. d'un apport supplémentaire de personnel et d'expertise;", with: "3.1. d'un apport supplémentaire de personnel et d'expertise;\n\n3.1.1. pour l'analyse;")
        let document = try Self.document(variant)
        let request3 = document.sections.flatMap(\.units).first { $0.kind == .request && $0.label == "3" }
        let request31 = request3?.children.first { $0.label == "3.1" }
        #expect(request31?.children.map(\.label) == ["3.1.1"])
        #expect(request31?.children.first?.id == "req-3.1.1")
        #expect(request31?.children.first?.texts[.fr]?.text == "pour l'analyse;")
    }

    /// A date that does not exist stays text; the XML stays valid.
    @Test func impossibleDateIsNotADate() throws {
        let variant = try Self.text(Paths.seed).replacingOccurrences(of: "19 januari 2026", with: "31 februari 2026")
        let document = try Self.document(variant)
        let units = document.sections.flatMap(\.units)
        #expect(units.compactMap(\.value) == ["2026-02-06", "2026-01-19"])
        // The French closing date has no Dutch counterpart now; the Dutch text is kept.
        #expect(units.first { $0.value == "2026-01-19" }?.missing == [.nl])
        #expect(units.contains { $0.kind == .paragraph && $0.texts[.nl]?.text == "31 februari 2026" })
        let problems = try SchemaValidator(schemaPath: Paths.schema).problems(in: Pipeline.xml(document), name: "date")
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Only the French cover page: the front matter is one-sided and comes first; the
    /// party table is still in it.
    @Test func frontMatterInOneLanguageOnly() throws {
        var lines = try Self.text(Paths.seed).components(separatedBy: "\n")
        lines.removeSubrange(1..<17)   // the Dutch cover (seed lines 2-17)
        let document = try Self.document(lines.joined(separator: "\n"))
        #expect(document.sections.first?.kind == .front)
        #expect(document.sections.first?.units.allSatisfy { $0.missing == [.nl] } == true)
        let xml = Pipeline.xml(document)
        #expect(try SchemaValidator(schemaPath: Paths.schema).problems(in: xml, name: "front").isEmpty)
        #expect(try XMLTree.parse(xml).root.child("front").first?.all("party").count == 12)
    }

    /// Control characters in a file name do not make the XML ill-formed.
    @Test func controlCharactersInTheSourceName() throws {
        let document = try Self.document(try Self.text(Paths.seed), source: "odd\u{01}name\u{0C}.txt")
        let xml = Pipeline.xml(document)
        #expect(try SchemaValidator(schemaPath: Paths.schema).problems(in: xml, name: "name").isEmpty)
        #expect(try XMLTree.parse(xml).root.attribute("source") == "odd\u{FFFD}name\u{FFFD}.txt")
    }
}

/// A Dutch line that the language decision takes for French (weak evidence, between French
/// lines) shows in the labels: French has request 3.1 twice, Dutch none. The read stage
/// files it back.
@Suite struct LabelRepairTests {
    /// The seed with the Dutch `3.1.` line moved after the French line that starts with
    /// `prefix`, written to a file so that its words can be accounted for.
    static func seedWithDutch31After(_ prefix: String, in dir: URL) throws -> String {
        var lines = String(decoding: try bytes(Paths.seed), as: UTF8.self).components(separatedBy: "\n")
        let dutch = try #require(lines.firstIndex(of: "3.1. extra personeel en expertise;"))
        lines.removeSubrange(dutch...(dutch + 1))
        let french = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        lines.insert(contentsOf: ["", "3.1. extra personeel en expertise;"], at: french + 1)
        let path = dir.appendingPathComponent("moved.txt").path
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Right after the French request 3, the line joins the French sub-requests.
    @Test func aSubRequestReadAsTheOtherLanguageIsMovedBack() throws {
        try check(after: "3. de renforcer considérablement")
    }

    /// After the French request 4, it lands at the top level of the French requests and
    /// still goes back under the Dutch request 3.
    @Test func aStraySubRequestGoesUnderItsParent() throws {
        try check(after: "4. de renforcer la coopération")
    }

    /// Several labels to move at one level: each copy is chosen before any moves. A first
    /// version moved one, then indexed the shifted list for the next, and crashed on a
    /// generated corpus document (Fixtures/fuzz/two-labels-moved-at-one-level.txt).
    @Test func severalLabelsMoveAtOneLevel() {
        func block(_ label: Int, _ text: String, order: Int) -> TextBlock {
            TextBlock(content: LocatedText("\(label). \(text)", span: SourceSpan(lines: SourceLines(order + 1), page: 1, order: order)))
        }
        let dutch = ["een verhoogde operationele bijdrage van het leger", "extra personeel en expertise voor de diensten",
                     "structurele informatie-uitwisseling tussen de diensten", "duidelijke procedures voor de samenwerking"]
        let french = ["d'une augmentation de la contribution opérationnelle", "d'un apport supplémentaire de personnel et d'expertise",
                      "de l'organisation d'un échange d'informations structurel", "des procédures claires pour la coopération"]
        let mixed = (0..<4).flatMap { i in [block(i + 1, dutch[i], order: 2 * i), block(i + 1, french[i], order: 2 * i + 1)] }
        var columns: [Language: LanguageColumn] = [.nl: LanguageColumn(language: .nl), .fr: LanguageColumn(language: .fr, blocks: mixed)]
        LabelFiling.refile(&columns, joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        #expect(columns[.nl]?.blocks.map(\.content.text) == dutch.indices.map { "\($0 + 1). \(dutch[$0])" })
        #expect(columns[.fr]?.blocks.map(\.content.text) == french.indices.map { "\($0 + 1). \(french[$0])" })
    }

    /// One language printing a label twice and the other not at all is no misfiling when
    /// both copies read clearly as their language: two lists, each lettered from `a)`, whose
    /// Dutch labels a plain dump set apart from their texts.
    @Test func aClearlyFrenchItemStaysFrench() {
        let french = ["a) des cas de trafic et de consommation de stupéfiants dans certaines casernes;",
                      "a) la Défense est un instrument stratégique inexploité dans la lutte internationale contre les stupéfiants;"]
        let blocks = french.enumerated().map { TextBlock(content: LocatedText($1, span: SourceSpan(lines: SourceLines($0 + 1), page: 1, order: $0))) }
        var columns: [Language: LanguageColumn] = [.nl: LanguageColumn(language: .nl, blocks: [TextBlock(content: LocatedText("De feiten wijzen op:", lines: SourceLines(9)))]),
                                                   .fr: LanguageColumn(language: .fr, blocks: blocks)]
        LabelFiling.refile(&columns, joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        #expect(columns[.fr]?.blocks.map(\.content.text) == french)
        #expect(columns[.nl]?.blocks.count == 1)
    }

    /// A layout that sets labels apart from their texts (a narrow plain dump): the Dutch
    /// `3.1.` and its text, read as French after the French `3.3.`, move to Dutch together,
    /// before `3.2.`, and each label then opens its text, in both languages; a run of labels
    /// alone (`4.`, `5.`) stays where it is, since nothing tells whose labels they are.
    @Test func aLabelSetApartMovesWithItsText() {
        func blocks(_ texts: [String], from order: Int) -> [TextBlock] {
            texts.enumerated().map { TextBlock(content: LocatedText($1, span: SourceSpan(lines: SourceLines(order + $0), page: 1, order: order + $0))) }
        }
        let french = blocks(["3.1.", "d'un apport supplémentaire de personnel et d'expertise;", "3.2.", "d'une augmentation de la contribution opérationnelle;",
                             "3.3.", "de l'organisation d'un échange d'informations structurel;", "3.1.", "extra personeel en expertise;",
                             "4.", "5."], from: 0)
        let dutch = blocks(["3.2.", "een verhoogde operationele bijdrage;", "3.3.", "structurele informatie-uitwisseling;"], from: 10)
        var columns: [Language: LanguageColumn] = [.nl: LanguageColumn(language: .nl, blocks: dutch), .fr: LanguageColumn(language: .fr, blocks: french)]
        LabelFiling.refile(&columns, joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        #expect(columns[.nl]?.blocks.map(\.content.text) == ["3.1. extra personeel en expertise;", "3.2. een verhoogde operationele bijdrage;",
                                                             "3.3. structurele informatie-uitwisseling;"])
        #expect(columns[.fr]?.blocks.map(\.content.text) == ["3.1. d'un apport supplémentaire de personnel et d'expertise;",
                                                             "3.2. d'une augmentation de la contribution opérationnelle;",
                                                             "3.3. de l'organisation d'un échange d'informations structurel;", "4.", "5."])
        #expect(columns[.nl]?.blocks.first?.content.span.lines == SourceLines(6...7))
    }

    /// A label alone opens the paragraph after it only where each language then labels one
    /// unit so: the Dutch `C.` and `D.` open their texts, as the French ones do; the French
    /// copy of `E.` stands before the Dutch text's own (both in Dutch, the French text left
    /// unlabelled), so `E.` stays apart in both languages, and both texts are aligned as
    /// paragraphs rather than a consideration with a paragraph.
    @Test func labelsAloneOpenTheirTextsOnlyWhereBothLanguagesAgree() {
        func blocks(_ texts: [String], from order: Int) -> [TextBlock] {
            texts.enumerated().map { TextBlock(content: LocatedText($1, span: SourceSpan(lines: SourceLines(order + $0), page: 1, order: order + $0))) }
        }
        let dutch = blocks(["C.", "overwegende dat Defensie beschikt over maritieme capaciteiten;", "D.", "gezien België reeds participeert;",
                            "E.", "E.", "gelet op het feit dat de huidige Strategische Visie niets zegt;"], from: 0)
        let french = blocks(["C.", "considérant que la Défense dispose de capacités maritimes;", "D. considérant que la Belgique participe déjà;",
                             "considérant que l'actuelle Vision stratégique ne dit rien;"], from: 10)
        var columns: [Language: LanguageColumn] = [.nl: LanguageColumn(language: .nl, blocks: dutch), .fr: LanguageColumn(language: .fr, blocks: french)]
        LabelFiling.refile(&columns, joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        #expect(columns[.nl]?.blocks.map(\.content.text) == ["C. overwegende dat Defensie beschikt over maritieme capaciteiten;",
                                                             "D. gezien België reeds participeert;", "E.", "E.",
                                                             "gelet op het feit dat de huidige Strategische Visie niets zegt;"])
        #expect(columns[.fr]?.blocks.map(\.content.text) == ["C. considérant que la Défense dispose de capacités maritimes;",
                                                             "D. considérant que la Belgique participe déjà;",
                                                             "considérant que l'actuelle Vision stratégique ne dit rien;"])
    }

    /// Two lists lettered from `a)`, whose labels a narrow plain dump set apart from their
    /// texts in both languages: each language prints `a)` twice, and each copy opens its
    /// text, matched with the other language's copy of the same rank.
    @Test func labelsAloneOfTwoListsOpenTheirTexts() {
        func blocks(_ texts: [String], from order: Int) -> [TextBlock] {
            texts.enumerated().map { TextBlock(content: LocatedText($1, span: SourceSpan(lines: SourceLines(order + $0), page: 1, order: order + $0))) }
        }
        let dutch = ["a)", "handel en gebruik van verdovende middelen in kazernes;", "De tekst gaat verder.",
                     "a)", "Defensie een onbenut strategisch instrument is;"]
        let french = ["a)", "des cas de trafic et de consommation de stupéfiants;", "Le texte continue.",
                      "a)", "la Défense est un instrument stratégique inexploité;"]
        var columns: [Language: LanguageColumn] = [.nl: LanguageColumn(language: .nl, blocks: blocks(dutch, from: 0)),
                                                   .fr: LanguageColumn(language: .fr, blocks: blocks(french, from: 20))]
        LabelFiling.refile(&columns, joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        #expect(columns[.nl]?.blocks.map(\.content.text) == ["a) handel en gebruik van verdovende middelen in kazernes;", "De tekst gaat verder.",
                                                             "a) Defensie een onbenut strategisch instrument is;"])
        #expect(columns[.fr]?.blocks.map(\.content.text) == ["a) des cas de trafic et de consommation de stupéfiants;", "Le texte continue.",
                                                             "a) la Défense est un instrument stratégique inexploité;"])
    }

    /// In a run of labels alone (`4.`, `5.`, then both texts; a table's column of numbers;
    /// `E.` / `E.`, both languages' copies) nothing tells whose text follows: no label opens
    /// one, even where the other language prints those labels with their texts, and no
    /// label joins another. A label that opens its text in one language but stands in such a
    /// run in the other (`J.`) stays apart in both; one alone before its text in each (`L.`)
    /// opens it in both.
    @Test func aRunOfLabelsAloneOpensNoText() {
        func blocks(_ texts: [String], from order: Int) -> [TextBlock] {
            texts.enumerated().map { TextBlock(content: LocatedText($1, span: SourceSpan(lines: SourceLines(order + $0), page: 1, order: order + $0))) }
        }
        let dutch = ["4.", "5.", "tekst van punt vier;", "tekst van punt vijf.", "E.", "E.", "gelet op de tekst van punt E;",
                     "J.", "gelet op de tekst van punt J;", "L.", "gelet op de tekst van punt L;"]
        let french = ["4. texte du point quatre;", "5. texte du point cinq.", "considérant le texte du point E;",
                      "J.", "K.", "considérant le texte du point J;", "L.", "considérant le texte du point L;"]
        var columns: [Language: LanguageColumn] = [.nl: LanguageColumn(language: .nl, blocks: blocks(dutch, from: 0)),
                                                   .fr: LanguageColumn(language: .fr, blocks: blocks(french, from: 20))]
        LabelFiling.refile(&columns, joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        #expect(columns[.nl]?.blocks.map(\.content.text) == dutch.dropLast(2) + ["L. gelet op de tekst van punt L;"])
        #expect(columns[.fr]?.blocks.map(\.content.text) == french.dropLast(2) + ["L. considérant le texte du point L;"])
    }

    private func check(after prefix: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.seedWithDutch31After(prefix, in: dir)
        let document = try convert(path)
        let request3 = try #require(document.sections.flatMap(\.units).first { $0.kind == .request && $0.label == "3" })
        #expect(request3.children.map(\.label) == ["3.1", "3.2", "3.3"])
        #expect(request3.children.first?.texts[.nl]?.text == "extra personeel en expertise;")
        #expect(request3.children.first?.texts[.fr]?.text == "d'un apport supplémentaire de personnel et d'expertise;")
        #expect(document.unitsLacking(.nl).isEmpty && document.unitsLacking(.fr).isEmpty)
        let (input, output) = try WordAccountingTests.unaccounted(path)
        #expect(input.isEmpty && output.isEmpty, "\(input) \(output)")
    }
}
