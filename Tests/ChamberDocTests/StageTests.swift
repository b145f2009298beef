@testable import ChamberCheck
@testable import ChamberParse
@testable import ChamberRead
import ChamberDoc
import Foundation
import Testing

/// The small pieces each stage is built from, on real phrases of Chamber documents.
@Suite struct StageTests {
    @Test(arguments: [
        ("3.1. extra personeel en expertise;", Labels.Form.number, "3.1", 4),
        ("12. de strijd", .number, "12", 3),
        ("A. overwegende dat", .upperLetter, "A", 2),
        ("I. in rekening genomen dat", .upperLetter, "I", 2),
        ("AB. overwegende dat", .upperLetter, "AB", 3),
        ("II. — DE HOGERE BETREKKINGEN", .roman, "II", 3),
        ("d) en ernstige veiligheidsincidenten", .lowerLetter, "d", 2),
        ("a. Schorsingen door de vicegouverneur", .lowerLetter, "a", 2),
    ])
    func labels(_ text: String, _ form: Labels.Form, _ label: String, _ length: Int) {
        #expect(Labels.leading(text) == Labels.Leading(form: form, label: label, length: length))
    }

    /// A note marker raised above the text comes out of `pdftotext` as a word of its own
    /// (`dossiers6 ; parmi`, `CPAS15 , ce`): the space goes with the marker, before a comma
    /// or a full stop always, before a semicolon or a colon where the document glues them to
    /// the word elsewhere, not where it sets a space before them (French typography).
    @Test(arguments: [(false, "de dossiers; en de zaken, maar"), (true, "de dossiers ; en de zaken, maar")])
    func aSpaceAfterARaisedMarkerGoesWithIt(spacedDocument: Bool, expected: String) throws {
        let elsewhere = spacedDocument ? "les cas suivants : un ; deux" : "les cas suivants: un; deux"
        var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [Substring(elsewhere)])))
        let lines = ["de dossiers2 ; en de zaken3 , maar", "2\tTweede noot", "3\tDerde noot"].enumerated().map {
            ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .endsParagraph)
        }
        let column = try #require(assembler.columns(from: [ColumnFragment(language: .nl, lines: lines)])[.nl])
        #expect(column.footnotes.map(\.referenced) == [true, true])
        #expect(column.blocks.map(\.content.text) == [expected])
    }

    /// Plain `pdftotext` may give a page's notes before the column's text that holds their
    /// markers (a development dump, `dev-20`): they are notes still, linked to the markers
    /// after them on their page, not on a later one. A number line whose marker the page
    /// does not set later is text: a numbered heading above its marker in the same text, a
    /// number alone (a page's number, a table's cell), a number whose note the page has.
    @Test func notesBeforeTheirMarkersOnTheirPage() throws {
        var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        func fragment(_ texts: [String], from number: Int, page: Int = 2) -> ColumnFragment {
            ColumnFragment(language: .nl, lines: texts.enumerated().map {
                ColumnLine(text: Substring($1), number: number + $0, page: page, end: .endsParagraph)
            })
        }
        let fragments = [fragment(["6 Het gaat hier over dossiers, niet over personen.", "7 De Raad van State heeft meermaals gesteld dat."], from: 1),
                         fragment(["De vicegouverneur kreeg 3.758 dossiers binnen.6 Hiervan waren er 552 legaal.7",
                                   "19 Brusselse gemeenten hebben het verslag gelezen."], from: 10)]
        let column = try #require(assembler.columns(from: fragments)[.nl])
        #expect(column.footnotes.map { [$0.number, String($0.content.text)] } == [["6", "Het gaat hier over dossiers, niet over personen."],
                                                                                   ["7", "De Raad van State heeft meermaals gesteld dat."]])
        #expect(column.footnotes.allSatisfy { $0.referenced })
        #expect(column.blocks.map(\.content.text) == ["De vicegouverneur kreeg 3.758 dossiers binnen. Hiervan waren er 552 legaal.",
                                                      "19 Brusselse gemeenten hebben het verslag gelezen."])
        // A note whose marker stands more than twenty paragraphs before it takes none on the
        // next page.
        let far = [fragment(["Het verslag over het jaar 2023.8 Elk jaar"] + (1...21).map { "Paragraaf \($0)." }, from: 1),
                   fragment(["8 Verslag, blz. 71."], from: 30), fragment(["De dossiers van het jaar 2024.8 Hiervan"], from: 40, page: 3)]
        let farColumn = try #require(assembler.columns(from: far)[.nl])
        #expect(farColumn.footnotes.map(\.number) == ["8"] && farColumn.blocks.last?.content.text == "De dossiers van het jaar 2024.8 Hiervan")
        #expect(farColumn.footnotes.allSatisfy { !$0.referenced })
        for (texts, notes) in [([["1 Inleiding", "Het verslag over het jaar 2023.1 Elk jaar."]], [String]()),
                               ([["4"], ["De dossiers van het jaar 2024.4 Hiervan."]], []),
                               ([["1 Verslag, blz. 71."], ["1 Verslag, blz. 72."], ["Het verslag over het jaar 2023.1 Elk jaar."]], ["1"])] {
            let column = try #require(assembler.columns(from: texts.enumerated().map { fragment($1, from: 10 * $0) })[.nl])
            #expect(column.footnotes.map(\.number) == notes)
            #expect(column.blocks.count == texts.joined().count - notes.count, "\(column.blocks.map(\.content.text))")
        }
        let notes = try PDFReadingTests.development("dev-20-l4-bill-nl-pagella.txt").footnotes.filter { $0.language == .nl }
        #expect(notes.filter(\.referenced).map(\.number) == ["1", "6", "7", "11", "12", "15"])
    }

    /// Plain `pdftotext` may set a note's number apart from the other numbers of its page
    /// (`1` after the text, then `6`, `7` and three texts): the note without a text takes the
    /// first, where the texts have a cut for each; else the run keeps its texts, as it does
    /// for a note of the page before or one numbered after the run. (And in a development
    /// dump.)
    @Test func aNoteNumberSetApartTakesTheFirstText() throws {
        func column(_ texts: [String], apart: String = "1", page: Int = 2) throws -> LanguageColumn {
            var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
            let text = ["De vicegouverneur kreeg het verslag over 2023.\(apart) Hij kreeg 3.758 dossiers binnen.6 Tegen de wet in.7", apart]
            let fragments = [(text, page), (["6", "7"] + texts, 2)].enumerated().map { k, fragment in
                ColumnFragment(language: .nl, lines: fragment.0.enumerated().map {
                    ColumnLine(text: Substring($1), number: 10 * k + $0 + 1, page: fragment.1, end: .endsParagraph)
                })
            }
            return try #require(assembler.columns(from: fragments)[.nl])
        }
        let three = ["Verslag van de vice-gouverneur, blz. 71.", "Het gaat hier over dossiers.", "De Raad van State heeft het gesteld."]
        let shared = try column(three)
        #expect(shared.footnotes.map { [$0.number, String($0.content.text)] } == zip(["1", "6", "7"], three).map { [$0, $1] })
        #expect(shared.footnotes.allSatisfy { $0.referenced } && shared.blocks.map(\.content.text) == ["De vicegouverneur kreeg het verslag over 2023. Hij kreeg 3.758 dossiers binnen. Tegen de wet in."])
        let two = try column(["Verslag van de vice-gouverneur, blz. 71.", "Het gaat hier over dossiers"])
        #expect(two.footnotes.map { [$0.number, String($0.content.text)] } == [["1", ""], ["6", "Verslag van de vice-gouverneur, blz. 71."], ["7", "Het gaat hier over dossiers"]])
        for kept in [try column(three, apart: "9"), try column(three, page: 1)] {
            #expect(kept.footnotes.filter { $0.number != "6" && $0.number != "7" }.map(\.content.text) == [""])
        }
        let notes = try PDFReadingTests.development("dev-03-bill-fn-cross.txt").footnotes.filter { $0.language == .nl }
        #expect(notes.first { $0.number == "1" }?.content.text.hasPrefix("Verslag van de vice-gouverneur") == true)
        #expect(notes.first { $0.number == "6" }?.content.text.hasPrefix("Het gaat hier over dossiers") == true)
    }

    /// Plain `pdftotext` may run both languages' note numbers together (`11`, `11`, `12`, then
    /// the Dutch texts; `12` and the French ones): a number alone before the same number that
    /// opens notes is the other language's, whose own run gives it its text, and not a word of
    /// the text before it (`… en in` / `11` / `2023 opnieuw …` in a development dump).
    @Test func noteNumbersOfBothLanguagesInOneRun() throws {
        var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        func fragment(_ language: Language, _ texts: [String], from number: Int) -> ColumnFragment {
            ColumnFragment(language: language, lines: texts.enumerated().map {
                ColumnLine(text: Substring($1), number: number + $0, page: 3, end: .endsParagraph)
            })
        }
        let fragments = [fragment(.fr, ["Aucun n’a été retiré.11 Celles-ci considèrent donc le contraire.12"], from: 1),
                         fragment(.nl, ["Er werd er geen enkele ingetrokken.11 De gemeenten beschouwen het zo.12",
                                        "11", "11", "12", "Verslag, blz. 55.", "Verslag, blz. 56."], from: 10),
                         fragment(.fr, ["12", "Rapport, p. 55.", "Rapport, p. 56."], from: 20)]
        let columns = assembler.columns(from: fragments)
        for (language, texts) in [(Language.nl, ["Verslag, blz. 55.", "Verslag, blz. 56."]), (.fr, ["Rapport, p. 55.", "Rapport, p. 56."])] {
            let column = try #require(columns[language])
            #expect(column.footnotes.map { [$0.number, String($0.content.text)] } == zip(["11", "12"], texts).map { [$0, $1] })
            #expect(column.footnotes.allSatisfy { $0.referenced } && column.blocks.count == 1)
        }
        // Not where the run goes on out of sequence: a table's column (`11`, `11`, `12`, `9`).
        var again = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        let table = again.columns(from: [fragments[0], fragment(.nl, ["Er werd er geen enkele ingetrokken.11", "11", "11", "12", "9"], from: 10)])
        #expect(table[.fr]?.footnotes.isEmpty == true && table[.nl]?.footnotes.isEmpty == true && table[.nl]?.blocks.count == 5)
        let document = try PDFReadingTests.development("dev-07-bill-nl.txt")
        #expect(document.footnotes.contains { $0.language == .fr && $0.number == "11" && $0.content.text == "Rapport, p. 55." })
        #expect(PDFReadingTests.pairs(document.sections).contains { $0[0].contains("Brusselse OCMW’s, en in 2023 opnieuw piekt") })
    }

    /// A note number that `pdftotext -raw` glued to its note's text (`6Il s'agit …`) opens a
    /// note, as `6 Il s'agit …` does; a number glued to anything else does not (`5G-netwerk`,
    /// `1er`, `3D`).
    @Test func aNoteNumberGluedToItsTextOpensANote() {
        #expect(Labels.footnoteNumber("6Il s'agit ici de dossiers")?.number == "6")
        #expect(Labels.footnoteNumber("11Rapport, p. 55.")?.number == "11")
        #expect(Labels.footnoteNumber("6 Il s'agit ici de dossiers")?.number == "6")
        #expect(["5G-netwerk", "1er janvier", "3D", "12ABC", "4Ü"].allSatisfy { Labels.footnoteNumber($0) == nil })
    }

    /// A centred title is set to a measure of its own: a line of it ends its paragraph only
    /// where the next line's first word would have fitted beside it within the title's widest
    /// line, not within the column (`tot wijziging van de taalwet` / `Brussel-Hoofdstad en de
    /// gemeenten` is one title); lines that would have fitted so are apart (`De gemeenten` /
    /// `Globaal beeld` / `Schorsingen door de vicegouverneur`, three headings).
    @Test func aCentredTitleIsMeasuredByItsWidestLine() {
        func centred(_ text: String, row: Int) -> PDFLayoutReader.Line { Self.pdfLine(text, x: (400 - Double(text.count) * 5) / 2, row: row) }
        func ends(_ texts: [String]) -> [LineEnd] {
            PDFLayoutReader.columnLines(texts.enumerated().map { centred($1, row: $0) }, bodySize: 10, edges: 0...400).map(\.end)
        }
        #expect(ends(["tot wijziging van de taalwet", "Brussel-Hoofdstad en de gemeenten"]) == [.continues, .endsBlock])
        #expect(ends(["De gemeenten", "Globaal beeld", "Schorsingen door de vicegouverneur"]) == [.endsParagraph, .endsParagraph, .endsBlock])
    }

    /// A PDF line of words 5 points a letter (at 10 points; scaled to `size`), 2.5 apart.
    static func pdfLine(_ text: String, x: Double, row: Int, size: Double = 10) -> PDFLayoutReader.Line {
        let letter = size / 2
        var x = x
        let words = text.split(separator: " ").map { word -> PDFWord in
            defer { x += Double(word.count + 1) * letter }
            return PDFWord(text: String(word), box: PageBox(x0: x, y0: Double(row) * 12, x1: x + Double(word.count) * letter, y1: Double(row) * 12 + size),
                           fontSize: size, bold: false)
        }
        return PDFLayoutReader.Line(words: words, page: 1)
    }

    /// Small print at a column's foot is a run of notes from the first note number on, each
    /// going on to the next number; small print before any number (a cover's legend) is
    /// read as text is, its short lines apart.
    @Test func smallPrintIsANoteOnlyFromANotesNumber() {
        let body = (0..<4).map { Self.pdfLine("het verslag van de vicegouverneur over het jaar drie", x: 0, row: $0) }
        func ends(_ small: [String]) -> [LineEnd] {
            let lines = body + small.enumerated().map { Self.pdfLine($1, x: 0, row: 5 + $0, size: 8) }
            return PDFLayoutReader.columnLines(lines, bodySize: 10, edges: 0...260).suffix(small.count).map(\.end)
        }
        #expect(ends(["N-VA : Nieuw-Vlaamse Alliantie", "VB : Vlaams Belang", "PS : Parti Socialiste"]) == [.endsParagraph, .endsParagraph, .endsBlock])
        #expect(ends(["1 Verslag van de vice-gouverneur, onuitgegeven", "p. 71.", "6 Verslag, blz. 55."]) == [.continues, .endsParagraph, .endsBlock])
    }

    /// A signature under a text's last sentence, with no gap to show it, ends the text; a
    /// name so written whose sentence goes on below does not.
    @Test func aSignatureUnderTheLastSentenceEndsTheText() throws {
        func blocks(_ texts: [String]) throws -> [String] {
            var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
            let lines = texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .continues) }
            return try #require(assembler.columns(from: [ColumnFragment(language: .nl, lines: lines)])[.nl]).blocks.map(\.content.text)
        }
        #expect(try blocks(["integriteitscultuur van de Belgische krijgsmacht.", "Kristien Verbelen (VB)"])
                == ["integriteitscultuur van de Belgische krijgsmacht.", "Kristien Verbelen (VB)"])
        #expect(try blocks(["Het wetsontwerp wordt aangenomen.", "De heer Peter De Roover (N-VA)", "vraagt of de regering"]).count == 1)
    }

    /// A document sets a space before `;` and `:` (French typography) or glues them to the
    /// word; a no-break space is a space. Acronyms skip only articles and the commonest
    /// prepositions (`ASBL`: `association sans but lucratif`).
    @Test func theDocumentsPunctuationAndAcronymsAreReadAsWritten() {
        #expect(Vocabulary(lines: ["les cas suivants\u{A0}: un\u{A0}; deux ; trois"]).spacesHighPunctuation)
        #expect(!Vocabulary(lines: ["de volgende gevallen: een; twee; drie ; vier"]).spacesHighPunctuation)
        #expect(Mentions.spellsOut("ASBL", "une association sans but lucratif.") && Mentions.spellsOut("VZW", "een vereniging zonder winstoogmerk."))
    }

    /// A line of two short cells, one a language, is cut between them (`pdftotext -raw` of
    /// a PDF that sets each unit's two languages as a table row gives two headings on one
    /// line), where no open text goes on in it; a line of running text is not, nor one that
    /// ends its first part on a preposition, a cell without a real word, or a labelled
    /// unit's first line with a foreign name in it.
    @Test func aLineOfTwoCellsIsCutBetweenItsLanguages() {
        func cells(_ text: String, after previous: Substring? = nil) -> [String]? {
            ColumnLine.cellPair(SourceLine(number: 1, page: 1, text: Substring(text), startsPage: false), after: previous)?.map { String($0[0].text) }
        }
        #expect(cells("De gemeenten Les communes") == ["De gemeenten", "Les communes"])
        #expect(cells("Schorsingen door de vicegouverneur Suspensions par le vice-gouverneur")
                == ["Schorsingen door de vicegouverneur", "Suspensions par le vice-gouverneur"])
        #expect(cells("Intrekking van beslissingen Retrait des décisions", after: "taalvoorschriften (tabel 1).")
                == ["Intrekking van beslissingen", "Retrait des décisions"])
        #expect(cells("Intrekking van beslissingen Retrait des décisions", after: "de twee voorgaande jaren blijft") == nil)
        #expect(cells("de Belgische deelname aan MAOC-N") == nil && cells("De Belgische deelname aan MAOC-N") == nil)
        #expect(cells("Article 1er") == nil)
        #expect(cells("(ingediend door mevrouw Barbara Pas c.s.) (déposée par Mme Barbara Pas et consorts)")
                == ["(ingediend door mevrouw Barbara Pas c.s.)", "(déposée par Mme Barbara Pas et consorts)"])
        #expect(cells("D. gezien België reeds participeert in het Maritime Analysis and Operations Centre – Narcotics") == nil)
        #expect(cells("Totalen 2023. De vicegouverneur kreeg in totaal") == nil)
        // The printer's line, its dash kept with the first cell, an en dash (three bytes) too.
        #expect(cells("Centrale drukkerij - Imprimerie centrale") == ["Centrale drukkerij -", "Imprimerie centrale"])
        #expect(cells("Imprimerie centrale – Centrale drukkerij") == ["Imprimerie centrale –", "Centrale drukkerij"])
        #expect(cells("Gewest weigeren toe te passen – Région de Bruxelles-Capitale", after: "de taalwetten in het Brussels Hoofdstedelijk") == nil)
    }

    /// The byte searches find what a search by characters would, on a view that does not
    /// start at its string's start and after accented letters.
    @Test func byteSearchesOnAViewOfALine() throws {
        let line = "§ Blz. één 3 – DOC 56 3 0123/001"
        let view = line.dropFirst(2)
        let range = try #require(view.rangeOfBytes(" 3 "))
        #expect(view[..<range.lowerBound] == "Blz. één" && view[range.upperBound...] == "– DOC 56 3 0123/001")
        #expect(view.rangeOfBytes(" 4 ") == nil && view.lastWord == "0123/001" && Substring("één").lastWord == "één")
        #expect(PageFurniture.withoutPageNumber(Substring("DOC 56 3 0123/001"), 3).map { String($0.header) } == "DOC 56 0123/001")
    }

    /// The weight of a PDF's font comes from its name: URW's clones of Times and Palatino
    /// call their bold `Medi`; `Medium` is a weight of its own; Typst names the encoding
    /// after the style (`-Bold-Identity-H`).
    @Test func aFontsWeightComesFromItsName() {
        let bold = ["NimbusRomNo9L-Medi", "NimbusRomNo9L-MediItal", "ABCDEF+Helvetica-Bold", "Arial,BoldItalic", "TimesBold",
                    "TeXGyrePagella-Bold", "MyriadPro-Semibold", "Lato-Black", "ISWHHD+LibertinusSerif-Bold-Identity-H"]
        let regular = ["NimbusRomNo9L-Regu", "LMRoman10-Regular", "CharterBT-Roman", "Arial", "MediaevalSans-Regular", "Roboto-Medium",
                       "IPWJDO+LibertinusSerif-Regular-Identity-H", "BlackadderITC-Regular"]
        #expect(bold.allSatisfy { PDFText.isBold(fontName: $0) })
        #expect(!regular.contains { PDFText.isBold(fontName: $0) })
    }

    /// The byte-level UTF-8 check agrees with the standard library's decoder, on edge cases
    /// (overlong forms, surrogates, code points past U+10FFFF, cut sequences) and on random
    /// bytes drawn mostly from those that make up real text.
    @Test func utf8ValidationAgreesWithTheDecoder() {
        func decoderOffset(_ bytes: [UInt8]) -> Int? {
            var iterator = bytes.makeIterator(), decoder = UTF8(), offset = 0
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
        var cases: [[UInt8]] = [
            Array("Défense – ‘€’ 𝄞".utf8), [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF0, 0x9F, 0x98], [0x41, 0xC3], [0xFF], [0x80], [0xE2, 0x28, 0xA1], [0xF5, 0x80, 0x80, 0x80],
        ]
        // Seeded (SplitMix64), so that a failure repeats.
        struct SplitMix: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
        var random = SplitMix(state: 2026)
        let alphabet: [UInt8] = [0x20, 0x41, 0x61, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<5000 {
            cases.append((0..<Int.random(in: 1...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        for bytes in cases {
            #expect(SourceText.firstInvalidUTF8Offset(bytes[...]) == decoderOffset(bytes), "\(bytes)")
        }
    }

    @Test(arguments: ["2024 was een jaar", "3.758 dossiers", "A.B.C. is", "De strijd", "1.5 miljard", "MAOC-N"])
    func notLabels(_ text: String) {
        #expect(Labels.leading(text) == nil)
    }

    @Test(arguments: [
        ("6 februari 2026", "2026-02-06"), ("19 janvier 2026", "2026-01-19"), ("1er août 2024", "2024-08-01"),
        ("vrijdag 6 februari 2026", "2026-02-06"), ("10 juli 2024", "2024-07-10"),
    ])
    func dates(_ text: String, _ iso: String) {
        #expect(Dates.isoDate(text) == iso)
    }

    @Test(arguments: ["32 februari 2026", "6 februari", "in februari 2026 werd", "2026-02-06"])
    func notDates(_ text: String) {
        #expect(Dates.isoDate(text) == nil)
    }

    @Test(arguments: [
        ("de wet van 18 juli 1966 (BS, 2 augustus 1966), gewijzigd", ["1966-07-18", "1966-08-02"]),
        ("l’arrêté du 1er août 2024; et du (6 février 2026).", ["2024-08-01", "2026-02-06"]),
        ("in 2024, op 32 februari 2026 of in februari 2026", []),
    ])
    func datesInRunningText(_ text: String, _ isos: [String]) {
        #expect(Dates.mentions(in: text) == isos)
    }

    @Test(arguments: [
        ("een stijging van 28,1 % tegenover 3%, en (12,5%).", ["28.1", "3", "12.5"]),
        ("soit 28,1 pour cent, puis 4 procent en 7. %", ["28.1", "4", "7"]),
        ("het % van de stemmen; pour de rien; 50 procentpunt", []),
        ("€ 1.250 of 1,5 miljard", []),
    ])
    func percentages(_ text: String, _ values: [String]) {
        #expect(Mentions.percentages(in: text) == Set(values))
    }

    @Test(arguments: [
        ("5.3. duidelijke procedures;", Language.nl),
        ("5.3. des procédures claires;", .fr),
        ("d) en ernstige veiligheidsincidenten en intimidaties in een militaire context.", .nl),
        ("planning, capaciteitsontwikkeling en integriteitscultuur van de Belgische krijgsmacht.", .nl),
        ("le développement des capacités et la culture d'intégrité des forces armées belges.", .fr),
        ("19 januari 2026", .nl),
        ("19 janvier 2026", .fr),
    ])
    func languageEvidence(_ text: String, _ language: Language) {
        let score = LanguageEvidence.score(Substring(text))
        #expect(language == .nl ? score > 0 : score < 0, "score \(score)")
    }

    /// Short segments with little or misleading evidence (`3.1. extra personeel en
    /// expertise;`, a list of names) take the language of their neighbours.
    @Test func aShortSegmentTakesItsLanguageFromItsNeighbours() {
        let segments = [
            "3. de Belgische deelname aan MAOC-N aanzienlijk te versterken, onder meer door:",
            "3.1. extra personeel en expertise;",
            "Kristien Verbelen (VB) Annick Ponthier (VB)",
            "3.2. een verhoogde operationele bijdrage;",
            "3. de renforcer considérablement la participation belge au MAOC-N, notamment au travers:",
            "3.1. d'un apport supplémentaire de personnel et d'expertise;",
        ]
        let scores = segments.map { LanguageEvidence.score(Substring($0)) }
        let labels = LanguageSequence.label(scores: scores, switchCosts: Array(repeating: 3, count: scores.count))
        #expect(labels == [.nl, .nl, .nl, .nl, .fr, .fr])
    }

    @Test func hyphenationFollowsTheDocumentsOwnSpelling() {
        let joiner = LineJoiner(vocabulary: Vocabulary(lines: ["de Atlantische zee-routes", "het beleid"]))
        #expect(joiner.joined("drugscri-", "minaliteit binnen") == "drugscriminaliteit binnen")
        #expect(joiner.joined("Atlantische zee-", "routes en") == "Atlantische zee-routes en")
        #expect(joiner.joined("maritieme, lucht-", "en observatiecapaciteiten") == "maritieme, lucht- en observatiecapaciteiten")
        #expect(joiner.joined("de NAVO-", "context") == "de NAVO-context")
        #expect(joiner.joined("en 2004-", "2008. Le") == "en 2004-2008. Le" && joiner.joined("artikel 3-", "5 bis") == "artikel 3-5 bis")
        #expect(joiner.joined("Brussel-", "Hoofdstad") == "Brussel-Hoofdstad")
        #expect(joiner.joined("werklieden\u{AD}", "personeel") == "werkliedenpersoneel")
        #expect(joiner.joined("een strijd -", "zo blijkt") == "een strijd - zo blijkt")
        // A compound written with hyphens keeps one more, unless the document joins it so.
        #expect(joiner.joined("een lik-", "op-stukbeleid voeren") == "een lik-op-stukbeleid voeren")
        #expect(joiner.joined("een lik-op-", "stukbeleid voeren") == "een lik-op-stukbeleid voeren")
        // Hyphenators split between vowels too (`co-or-di-na-tion`, `in-ge-ni-eur`).
        #expect(joiner.joined("le co-", "ordination des") == "le coordination des")
        #expect(joiner.joined("de ingeni-", "eur van") == "de ingenieur van")
        // Vowels that would read as one sound keep the hyphen Dutch writes between them.
        #expect(joiner.joined("structurele informatie-", "uitwisseling tussen") == "structurele informatie-uitwisseling tussen")
        #expect(joiner.joined("de zee-", "eend") == "de zee-eend")
        #expect(joiner.joined("nog mooi-", "er dan") == "nog mooier dan")
        #expect(joiner.joined("een groei-", "ende bezorgdheid") == "een groeiende bezorgdheid")
        #expect(joiner.joined("de uitbrei-", "ende taken") == "de uitbreiende taken")
        #expect(joiner.joined("de politie-", "agenten") == "de politieagenten")
        let bill = LineJoiner(vocabulary: Vocabulary(lines: ["arrondissement Brussel-Hoofdstad voor"]))
        #expect(bill.joined("het arrondissement Brussel-Hoofd-", "stad voor") == "het arrondissement Brussel-Hoofdstad voor")
        // Where the document is silent, the dictionaries' spelling rules: French compounds
        // listed with a hyphen keep it (`Celles-` / `ci`, `ci-` / `après`), though `ci-` and
        // `-ci` may cut a word too (`ci-` / `toyens`, `mer-` / `ci`); Dutch coordinated
        // adjectives keep theirs (`extern-` / `operationeel`), a noun's compound does not.
        #expect(joiner.joined("a été retiré. Celles-", "ci considèrent") == "a été retiré. Celles-ci considèrent")
        #expect(joiner.joined("(ci-", "après: Rapport)") == "(ci-après: Rapport)")
        let french = "Le vice-gouverneur a transmis son rapport à la commune, qui a répondu à"
        #expect(joiner.joined(french + " celui-", "là.") == french + " celui-là.")
        #expect(joiner.joined(french + " la demande venue de là-", "bas.") == french + " la demande venue de là-bas.")
        // A text too short to tell its language asks no rule.
        #expect(joiner.joined("de celui-", "là.") == "de celuilà.")
        #expect(joiner.joined("les ci-", "toyens belges") == "les citoyens belges")
        #expect(joiner.joined("le ministre dit mer-", "ci aux députés") == "le ministre dit merci aux députés")
        #expect(joiner.joined("le porte-", "parole du gouvernement") == "le porte-parole du gouvernement")
        #expect(joiner.joined("voor Defensie, zowel extern-", "operationeel als intern") == "voor Defensie, zowel extern-operationeel als intern")
        #expect(joiner.joined("met maritieme drone-", "vloten, luchtverkenning") == "met maritieme dronevloten, luchtverkenning")
        // A word in capitals is cut as running text is, where the document writes it whole
        // elsewhere, in any case and perhaps with an ending (`FÉDÉ-` / `RAL:`, `la Police
        // fédérale`); not otherwise.
        let formula = LineJoiner(vocabulary: Vocabulary(lines: ["DEMANDE AU GOUVERNEMENT FÉDÉ-", "la Police fédérale et"]))
        #expect(formula.joined("DEMANDE AU GOUVERNEMENT FÉDÉ-", "RAL:") == "DEMANDE AU GOUVERNEMENT FÉDÉRAL:")
        #expect(formula.joined("BRUSSEL-", "HOOFDSTAD") == "BRUSSEL-HOOFDSTAD")
    }

    /// Where the typesetter marked the hyphens it added (soft line ends outnumber line ends in a
    /// hyphen-minus), a hyphen-minus at a line end is the word's own: it stays (`extern-` /
    /// `operationeel`). Elsewhere the same cut is undone.
    @Test func aTypesetterThatMarksItsHyphensLeavesTheWordsOwn() {
        let marked = LineJoiner(vocabulary: Vocabulary(lines: ["voor de volksgezond\u{AD}", "lopen op tot 1 mil\u{AD}", "in de Strategische Visie voor Defensie, zowel extern-"]))
        #expect(marked.joined("zowel extern-", "operationeel als") == "zowel extern-operationeel als")
        #expect(marked.joined("voor de volksgezond\u{AD}", "heid en") == "voor de volksgezondheid en")
        let unmarked = LineJoiner(vocabulary: Vocabulary(lines: ["voor de volksgezond-", "in de Strategische Visie voor Defensie, zowel extern-"]))
        #expect(unmarked.joined("via de zee-", "routes die") == "via de zeeroutes die")
    }

    /// A typesetter that cuts no words ends few lines with a hyphen, no more than the
    /// hyphenated words inside its lines, and the document's spelling calls some of them the
    /// word's own (`cocaïne-transporten` written so elsewhere) and no more of them cuts: a
    /// hyphen at a line end is then the word's own, though the dictionary writes the word
    /// joined (`zee-` / `routes`). One that cuts words ends more lines with a hyphen, writes
    /// whole elsewhere more of the words it cut (`stra-` / `ten`), or leaves no word of the
    /// dictionary after a hyphen (`drugscri-` / `minaliteit`); where the document says nothing
    /// either way, it is taken to cut them.
    @Test func aTypesetterThatCutsNoWordsLeavesTheWordsOwn() {
        func joined(_ column: [String], elsewhere: [String]) -> String {
            var vocabulary = Vocabulary(lines: (column + elsewhere).map { Substring($0) })
            let lines = column.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .continues) }
            vocabulary.weighLineEnds(of: [ColumnFragment(language: .nl, lines: lines)])
            return LineJoiner(vocabulary: vocabulary).joined("Atlantische zee-", "routes en")
        }
        let routes = ["gelet op het feit dat de Noordzee, Atlantische zee-", "routes en trans-Atlantische verbindingen een rol spelen;"]
        let cocaine = ["en de opsporing van internationale cocaïne-", "transporten, met name op zee."]
        let written = ["in een militaire of NAVO-context, tegen de cocaïne-transporten"]
        #expect(joined(routes + cocaine, elsewhere: written) == "Atlantische zee-routes en")
        #expect(joined(routes, elsewhere: written) == "Atlantische zeeroutes en")
        let cut = ["Drugscriminelen gaan in onze eigen stra-", "ten steeds brutaler te werk, en het slacht-", "offer is onschuldig."]
        let whole = ["in de straten van Antwerpen valt een slachtoffer", "in Brussel-Hoofdstad, met een lik-op-stukbeleid"]
        #expect(joined(routes + cocaine + cut, elsewhere: written + whole) == "Atlantische zeeroutes en")
        #expect(joined(routes + cocaine + cut, elsewhere: written) == "Atlantische zeeroutes en")
        // What it leaves after a hyphen may be no word (`minaliteit`), where the rest says
        // nothing; a word the document writes elsewhere is one, whatever the dictionary says.
        #expect(joined(routes + cocaine + ["de strijd tegen de drugscri-", "minaliteit in het land"], elsewhere: written) == "Atlantische zeeroutes en")
        let coined = ["met de nieuwe zee-", "blorptes van de marine"]
        #expect(joined(coined + cocaine, elsewhere: written + ["de blorptes varen uit"]).hasPrefix("Atlantische zee-routes"))
        #expect(joined(coined + cocaine, elsewhere: written).hasPrefix("Atlantische zeeroutes"))
    }

    /// A raised note marker, set smaller above its line, makes the gap under that line no
    /// wider: a line's top is its text's, so the paragraph goes on (a marker raised half an em
    /// would otherwise open a paragraph under every line that holds one).
    @Test func aRaisedNoteMarkerOpensNoParagraph() {
        func word(_ text: String, x: Double, top: Double, size: Double = 10) -> PDFWord {
            PDFWord(text: text, box: PageBox(x0: x, y0: top, x1: x + 4 * Double(text.count), y1: top + size), fontSize: size, bold: false)
        }
        let lines = (0..<4).map { i in
            let top = 100 + 13 * Double(i)
            var words = [word("tekst", x: 50, top: top), word("loopt", x: 95, top: top), word("verder", x: 140, top: top)]
            if i == 1 { words.insert(word("6", x: 71, top: top - 5, size: 6), at: 1) }
            return PDFLayoutReader.Line(words: words, page: 1)
        }
        #expect(PDFLayoutReader.columnLines(lines, bodySize: 10).dropLast().map(\.end) == [.continues, .continues, .continues])
    }

    @Test func signatureBlocks() throws {
        let text = LocatedText("Kristien Verbelen (VB) Annick Ponthier (VB) Francesca Van Belleghem (VB)", lines: SourceLines(130...132))
        let people = try #require(Signatures.signatories(in: text))
        #expect(people.map(\.name) == ["Kristien Verbelen", "Annick Ponthier", "Francesca Van Belleghem"])
        #expect(Signatures.signatories(in: LocatedText("De feiten wijzen op (zie bijlage) dat", lines: SourceLines(1))) == nil)
        #expect(Signatures.signatories(in: LocatedText("Maritiem Informatiekruispunt (MIK).", lines: SourceLines(1))) == nil)
    }

    @Test func sourceLinesMergeAdjacentRanges() {
        var lines = SourceLines(109)
        lines.append(110...112)
        lines.append(line: 128)
        #expect(lines.description == "109-112 128")
    }

    /// Lines of two columns drawn row by row and run together by `pdftotext -raw` (the
    /// development dump `dev-09-seed-rows.raw.txt`) are cut where the words change language,
    /// after a line-end hyphen that has words after it (other than a suspended compound's
    /// conjunction), and before a label; a name alone
    /// stays whole; a cover's two dates are cut between them.
    @Test(arguments: [
        ("hun strijd om territorium, waarbij niet zelden plus téméraires. Ils s'affrontent dans nos rues",
         "hun strijd om territorium, waarbij niet zelden", "plus téméraires. Ils s'affrontent dans nos rues"),
        ("van alle indirecte kosten die de drugsproble- atteint un milliard d'euros par an, sans comp-",
         "van alle indirecte kosten die de drugsproble-", "atteint un milliard d'euros par an, sans comp-"),
        ("daties in een militaire context. tolérance zéro et la pratique;", "daties in een militaire context.", "tolérance zéro et la pratique;"),
        ("C. overwegende dat Defensie beschikt over C. considérant que la Défense dispose de",
         "C. overwegende dat Defensie beschikt over", "C. considérant que la Défense dispose de"),
        ("3.2. een verhoogde operationele bijdrage; 3. de renforcer considérablement la participa-",
         "3.2. een verhoogde operationele bijdrage;", "3. de renforcer considérablement la participa-"),
        ("Kristien Verbelen (VB)", "Kristien Verbelen (VB)", ""),
        ("6 februari 2026 6 février 2026", "6 februari 2026", "6 février 2026"),
        // A conjunction after a line-end hyphen is the other column's where the word after it is
        // (`drug-` / `dealers`, then French `en établissant`), not a suspended compound's.
        ("5.2. strengere sanctionering, waarbij drug- en établissant des cadres juridiques et des",
         "5.2. strengere sanctionering, waarbij drug-", "en établissant des cadres juridiques et des"),
    ])
    func linesOfTwoColumnsRunTogetherAreCutWhereTheLanguageChanges(_ line: String, _ left: String, _ right: String) throws {
        let dump = Paths.fixture("typeset/dev/dev-09-seed-rows.raw.txt")
        let lines = try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains(Substring(line)))
        let boundary = LanguageBoundary(lines: lines)
        #expect(boundary.left == .nl)
        let cut = boundary.cut(Substring(line), after: LanguageBoundary.Context())
        #expect(String(cut.left) == left && String(cut.right) == right)
    }

    /// The right column's word cut at the line before goes on where a word ends it as the
    /// document writes it elsewhere (`de capa-` / `cités uniques`), not after a Dutch `een`
    /// that the first cut's counts lean French. (The development dump `dev-09-seed-rows.raw.txt`.)
    @Test func theRestOfACutWordStartsItsColumnsPart() throws {
        let dump = Paths.fixture("typeset/dev/dev-09-seed-rows.raw.txt")
        let boundary = LanguageBoundary(lines: try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n"))
        var context = LanguageBoundary.Context()
        let before = boundary.cut("verkenning, drones en satellietbeelden – die La Belgique dispose, via la Défense, de capa-", after: context)
        #expect(before.right == "La Belgique dispose, via la Défense, de capa-")
        context.advance(before)
        let cut = boundary.cut("vandaag hoofdzakelijk worden ingezet in een cités uniques – notamment en matière", after: context)
        #expect(cut.left == "vandaag hoofdzakelijk worden ingezet in een" && cut.right == "cités uniques – notamment en matière")
    }

    /// How the boundary of a development `-raw` dump (`NAME.raw.txt`) cuts lines read one
    /// after the other, each after the cuts of the ones before, as the reader reads them.
    static func cuts(in name: String) throws -> ([Substring]) -> [LanguageBoundary.Cut] {
        let dump = Paths.fixture("typeset/dev/\(name).raw.txt")
        let boundary = LanguageBoundary(lines: try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n"))
        return { lines in
            var context = LanguageBoundary.Context()
            return lines.map { line in
                let cut = boundary.cut(line, after: context)
                context.advance(cut)
                return cut
            }
        }
    }

    /// Drawn row by row, the columns take turns: a line of one column alone, with too little
    /// evidence of its own (`kazernes;`, which the word model leans French), goes to the column
    /// the line before did not take while that column's text goes on; and a short line
    /// alone (`Defensie moet als`, before a word too long for a narrow column) is no column's
    /// misfit. (The development dump `dev-11-seed-rows-narrow.raw.txt`.)
    @Test func linesOfOneColumnAloneTakeTurns() throws {
        let cuts = try Self.cuts(in: "dev-11-seed-rows-narrow")
        let list = cuts(["a) handel en gebruik van", "avérés que des incidents liés à la", "verdovende middelen in",
                         "drogue se produisent régulièrement", "kazernes;", "au sein de nos forces armées. C'est"])
        #expect(list.map { $0.left.isEmpty ? "fr" : "nl" } == ["nl", "fr", "nl", "fr", "nl", "fr"])
        let short = cuts(["logische volgende stap.", "tolérance zéro, il apparaît que le", "Defensie moet als"])
        #expect(short.last.map { $0.left == "Defensie moet als" && $0.right.isEmpty } == true)
    }

    /// A column's part reads on from its text before: no capital article in a sentence that
    /// goes on (`… s'assurer le` / `De contrôle`: the `De` closes the Dutch line), while a
    /// heading in capitals ending in a comma (`MESDAMES, MESSIEURS,`) is no sentence that goes
    /// on; a line-end hyphen before an article (`ern- Le trafic`) is no suspended one; and
    /// the rest of a cut word starts its column's part. (The development dumps `dev-11-seed-rows-narrow.raw.txt` and `dev-09-seed-rows.raw.txt`.)
    @Test func aColumnsPartReadsOnFromItsTextBefore() throws {
        func cuts(_ name: String, _ lines: [Substring]) throws -> [LanguageBoundary.Cut] { try Self.cuts(in: name)(lines) }
        let narrow = try cuts("dev-11-seed-rows-narrow", ["waarbij niet zelden ook onschuldige dans nos rues pour s'assurer le",
                                                          "burgers het slachtoffer worden. De contrôle du territoire, faisant"])
        #expect(narrow.last.map { $0.left == "burgers het slachtoffer worden. De" && $0.right == "contrôle du territoire, faisant" } == true)
        let heading = try cuts("dev-09-seed-rows", ["DAMES EN HEREN, MESDAMES, MESSIEURS,",
                                                    "De internationale drugshandel vormt een ern- Le trafic international de stupéfiants repré-"])
        #expect(heading.last.map { $0.left == "De internationale drugshandel vormt een ern-" } == true)
        // Nor is a salutation (`Dames en Heren,`), though its comma is in a mixed-case line.
        let salutation = try cuts("dev-10-bill-rows-fr-left", ["Mesdames, Messieurs, Dames en Heren,",
                                                               "La présente proposition reprend, en les adaptant, Het voorstel neemt de tekst"])
        #expect(salutation.last.map { $0.right == "Het voorstel neemt de tekst" } == true)
        // The rest of a word cut at the column's last line (`Verbe-` / `len`, as the document
        // writes `Verbelen` elsewhere) goes on in that column, though the other's text goes on.
        let name = try cuts("dev-09-seed-rows", ["notre politique de défense", "(ingediend door mevrouw Kristien Verbe-", "len c.s.)"])
        #expect(name.map(\.left) == ["", "(ingediend door mevrouw Kristien Verbe-", "len c.s.)"])
        // Lines of one column alone take turns: the other column's word cut at its last line
        // (`bete-`) goes on at its next turn, not in the line between; and a part as short as
        // `inter-` is no line a hyphenator cut.
        let turns = try cuts("dev-10-bill-rows-fr-left", [
            "vice-gouverneur n’a toutefois suspendu que 2.315",
            "Totalen in historisch perspectief. In historisch perspectief bete-",
            "des 3.206 désignations illégales. Contrairement au",
            "kent dit dat het aantal illegale benoemingen ongeveer op",
            "prescrit légal, le vice-gouverneur n’est pas inter-",
        ])
        #expect(turns.map { $0.left.isEmpty ? "nl" : $0.right.isEmpty ? "fr" : "both" } == ["fr", "nl", "fr", "nl", "fr"])
    }

    /// A part longer than its column's lines holds the other column's words: words both
    /// languages write (`de interne`, `hybride`), which the document's counts lean French,
    /// stay in the Dutch line rather than make a French one of 48 letters in a column of about
    /// 35; and a line of French alone, while the Dutch sentence goes on, is cut. A title
    /// across the page (`tot structurele integratie van de strijd tegen`) is no such part.
    /// (The development dump `dev-11-seed-rows-narrow.raw.txt`.)
    @Test func aPartLongerThanItsColumnHoldsTheOtherColumnsWords() throws {
        let cuts = try Self.cuts(in: "dev-11-seed-rows-narrow")
        let interne = cuts(["vormt een ernstige bedreiging voor stupéfiants représente une menace",
                            "de volksgezondheid en de interne sérieuse pour la santé publique et la"])
        #expect(interne.last.map { $0.left == "de volksgezondheid en de interne" } == true)
        let hybride = cuts(["Maar de internationale à la problématique des stupéfiants.",
                            "drugshandel is in toenemende mate Mais le trafic international de",
                            "ook een strategische en hybride stupéfiants constitue également une"])
        #expect(hybride.last.map { $0.left == "ook een strategische en hybride" } == true)
        let routes = cuts(["A. overwegende dat internationale A. considérant que les cartels",
                           "drugskartels gebruikmaken van internationaux de la drogue",
                           "maritieme routes, commerciële utilisent les routes maritimes, la"])
        #expect(routes.last.map { $0.left == "maritieme routes, commerciële" } == true)
        // Nor is its last line cut where a Dutch part would overrun the column (`c.s.)`, which
        // the word model leans French).
        let title = cuts(["VOORSTEL VAN RESOLUTIE", "tot structurele integratie van de strijd tegen",
                          "internationale drugshandel in ons defensiebeleid", "(ingediend door mevrouw Kristien Verbelen c.s.)"])
        #expect(title.dropFirst().allSatisfy { $0.right.isEmpty })
    }

    /// An abbreviation that a number follows keeps it: in the row of a `-raw` dump of a PDF
    /// drawn row by row, and where the right column's line before ended with it (`… 2003,
    /// blz.` / `11.`, a development dump's notes).
    @Test func anAbbreviationKeepsItsNumber() throws {
        let cuts = try Self.cuts(in: "dev-10-bill-rows-fr-left")
        let rows: [Substring] = ["ignore la loi. Cf. par exemple l'arrêt du Conseil d'État n° 118 leggen. Bvb. arrest van de Raad van State nr. 118 134 van 8 april 2003, blz.",
                    "134 du 8 avril 2003, p. 11. 11."]
        #expect(cuts(rows).last.map { $0.left == "134 du 8 avril 2003, p. 11." && $0.right == "11." } == true)
        let inRow = cuts(["ignore la loi. Cf. par exemple l'arrêt du Conseil d'État n° 118 leggen. Bvb. arrest van de Raad van State nr. 118 134 van 8 april",
                          "134 du 8 avril 2003, p. 11. 2003, blz. 11."])
        #expect(inRow.last.map { $0.left == "134 du 8 avril 2003, p. 11." } == true)
    }

    /// Only dumps drawn row by row read as interleaved: the other dumps of the development
    /// PDFs and the real bill change language once a column, or have blank lines between
    /// paragraphs.
    @Test func onlyRowByRowDumpsReadAsInterleaved() throws {
        let folder = Paths.fixture("typeset/dev")
        let dumps = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }
        #expect(dumps.count >= 30)
        for path in dumps.map({ folder + "/" + $0 }) + [Paths.realBill] {
            var removed: [Furniture] = []
            let lines = try SourceText.lines(from: bytes(path), removed: &removed)
            let rows = path.contains("-rows") && path.hasSuffix(".raw.txt")
            #expect((Reader.detectLayout(lines) == .interleavedRows) == rows, "\(path)")
        }
    }

    /// A running header that carries the page number (`DOC 56 0123/001 3` in the raw dump of
    /// a development PDF) recurs digits aside: it is furniture, and no text of a page.
    @Test func aHeaderWithItsPageNumberIsFurniture() throws {
        var removed: [Furniture] = []
        let lines = try SourceText.lines(from: bytes(Paths.fixture("typeset/dev/dev-05-seed-narrow.raw.txt")), removed: &removed)
        let headers = lines.filter { $0.text.hasPrefix("DOC 56 0123/001 ") }
        #expect(headers.count >= 5)
        let (pages, furniture) = PageFurniture.split(lines)
        #expect(Set(headers.map(\.number)).isSubset(of: Set(furniture.compactMap(\.span.line))))
        #expect(!pages.joined().contains { $0.text.hasPrefix("DOC 56 0123/001 ") })
        // The cover's number, without a page number, is the document's, not furniture.
        #expect(pages.joined().contains { $0.text == "DOC 56 0123/001" })
    }

    /// A `-raw` dump of a page drawn row by row runs both columns' letter-spaced session lines
    /// together (`K A M E R • 2 e Z I T T I N G … L É G I S L A T U R E`), longer than any
    /// text line with its spaces: it recurs on every page, and is furniture. (A development
    /// dump.)
    @Test func aLetterSpacedFooterOfBothColumnsIsFurniture() throws {
        var removed: [Furniture] = []
        let lines = try SourceText.lines(from: bytes(Paths.fixture("typeset/dev/dev-09-seed-rows.raw.txt")), removed: &removed)
        let footers = lines.filter { $0.text.hasPrefix("K A M E R") }
        #expect(footers.count >= 5 && footers.allSatisfy { $0.text.unicodeScalars.count > 120 })
        let (pages, furniture) = PageFurniture.split(lines)
        #expect(Set(footers.map(\.number)).isSubset(of: Set(furniture.compactMap(\.span.line))))
        #expect(!pages.joined().contains { $0.text.contains("Z I T T I N G") })
    }

    /// A side-by-side dump of a bill whose header carries the page number at the outer
    /// margin, first on even pages and last on odd ones (`2 … DOC 56 0055/001`, `DOC 56
    /// 0055/001 … 3`): both forms are one running header, though each recurs on two pages
    /// only. The cover's own `DOC 56 0055/001`, centred above the session line, carries no
    /// page number: it is the document's number, a line of its own. (A development dump.)
    @Test func aSideBySideHeaderWithThePageNumberOnEitherSide() throws {
        let name = "dev-07-bill-nl.layout.txt"
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
        #expect(document.furniture.filter { $0.text.contains("DOC 56 0055/001") }.compactMap(\.span.line) == [20, 81, 137, 191])
        let front = document.sections.first { $0.kind == .front }?.units ?? []
        #expect(front.contains { $0.texts.values.contains { $0.text == "DOC 56 0055/001" } })
        #expect(front.contains { $0.texts[.nl]?.text == "BUITENGEWONE ZITTING 2024" && $0.texts[.fr]?.text == "SESSION EXTRAORDINAIRE 2024" })
        #expect(!front.contains { $0.texts.values.contains { $0.text == "2" } })
    }

    /// In a `-layout` dump without blank rows or indents, a line that closes a sentence short
    /// of the column (`zondheid en de interne veiligheid.`: long words, justified) only seems
    /// to end its paragraph: where the other language has one paragraph there, the two are
    /// one. (A development dump.)
    @Test func aShortSideBySideLineOnlySeemsToEndItsParagraph() throws {
        let name = "dev-01-seed-nl.layout.txt"
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
        let dutch = document.sections.flatMap(\.units).compactMap { $0.passages[.nl] }
        #expect(dutch.contains { $0.count == 1 && $0[0].text.contains("de interne veiligheid. Drugscriminelen gaan in onze eigen straten") })
    }

    /// A side-by-side dump whose printed page numbers are not its pages' (two documents in
    /// one file, the second numbered from 1 again): each header line still counts under its
    /// own shape, so the headers of the second copy are furniture too. (A development dump,
    /// twice.)
    @Test func aHeaderIsFurnitureWhereItsNumberIsNotItsPage() throws {
        let dump = try bytes(Paths.fixture("typeset/dev/dev-07-bill-nl.layout.txt"))
        let twice = dump + Array("\u{0C}".utf8) + dump
        let document = try Pipeline.document(from: twice, source: "dev-07-twice")
        let headers = document.furniture.filter { $0.text.contains("DOC 56 0055/001") }
        #expect(headers.count == 8)
        let texts = document.sections.flatMap(\.units).flatMap { $0.texts.values.map(\.text) }
        #expect(!texts.contains { $0.contains("DOC 56 0055/001") && $0.count > 15 })
    }

    /// A document reference that a line wrap set at a line's start (`… de la proposition de
    /// résolution` / `DOC 55 0437/001.`) is no line in capitals, which would end the
    /// paragraph as a heading does: the paragraph goes on in it. (A development dump.)
    @Test func aWrappedDocumentReferenceIsNoHeading() throws {
        #expect(Lexicon.isDocumentReference("DOC 55 0437/001.") && Lexicon.isDocumentReference("DOC 55 0437/001"))
        #expect(!Lexicon.isDocumentReference("DOC 55 0437/001 en") && !Lexicon.isDocumentReference("DOC 55 0437/0012"))
        #expect(!ColumnAssembler.isCapitals("DOC 55 0437/001.") && ColumnAssembler.isCapitals("TOELICHTING"))
        // Across a page cut too, and a document number alone goes on a text open to any word.
        let open = "La présente proposition reprend, en les adaptant, les textes de la proposition de résolution"
        #expect(PageCut.continuesOpenText(open, "DOC 55 0437/001."))
        #expect(!PageCut.standsAlone("DOC 56 0055/001", after: "de interne veiligheid, zoals het voorstel van"))
        #expect(PageCut.standsAlone("DOC 56 0055/001", after: "(ingediend door mevrouw Barbara Pas c.s.)"))
        #expect(PageCut.standsAlone("DOC 56 0055/001", after: nil) && !PageCut.standsAlone("DOC 56 0055/0012", after: nil))
        let name = "dev-07-bill-nl.layout.txt"
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
        let french = document.sections.flatMap(\.units).compactMap { $0.passages[.fr] }.joined().map(\.text)
        #expect(french.contains("La présente proposition reprend, en les adaptant, les textes de la proposition de résolution DOC 55 0437/001."))
    }

    /// Without the wrap signal, a page's last line is no paragraph end of itself: a paragraph
    /// that stops mid-sentence at the foot of a page goes on at the next page's top (`… ont pu
    /// avoir lieu dans` / `certaines unités de l'armée …`, a `-raw` dump read row by row).
    @Test func aRawParagraphGoesOnAcrossAPageEnd() throws {
        let name = "dev-09-seed-rows.raw.txt"
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
        let french = document.sections.flatMap(\.units).compactMap { $0.passages[.fr] }.joined().map(\.text)
        #expect(french.contains { $0.contains("ont pu avoir lieu dans certaines unités de l'armée sans être détectées.") })
        #expect(!french.contains { $0.hasPrefix("certaines unités") })
    }

    /// Plain `pdftotext` may set a column's footer where that column ends, mid-page and alone:
    /// the clusters of the other pages prove it furniture. Between one language's text and
    /// the other's it ends the stretch of text as they do; elsewhere (inside a run of lines)
    /// it leaves the page whole.
    @Test func aFooterAloneMidPageIsFurnitureWhereClustersProveIt() {
        var texts: [String] = []
        for page in 1...4 {
            texts += [(page > 1 ? "\u{0C}" : "") + "DOC 56 0123/001 \(page)", "", "KAMER • 2e ZITTING", "", "tekst van bladzijde \(page)", ""]
        }
        texts += ["de laatste regel van links", "", "KAMER • 2e ZITTING", "", "le texte de droite", "N-VA", "KAMER • 2e ZITTING", "VB", ""]
        let (pages, furniture) = PageFurniture.split(Self.pagedLines(texts))
        #expect(furniture.filter { $0.text == "KAMER • 2e ZITTING" }.count == 6)
        #expect(!pages.joined().contains { $0.text.contains("KAMER") })
        let page = { (text: String) in pages.firstIndex { $0.contains { $0.text == text } } }
        #expect(page("de laatste regel van links")! < page("le texte de droite")!)
        #expect(page("N-VA") == page("VB"))
    }

    /// The same in a development dump: the Dutch column's footer stands between its
    /// consideration I., cut by the page end, and the French column; the consideration is
    /// whole again. (Development dumps.)
    @Test func aDutchFooterAloneDoesNotEndItsConsideration() throws {
        let name = "dev-04-seed-ragged.txt"
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
        let texts = document.sections.flatMap(\.units).compactMap { $0.texts[.nl]?.text }
        #expect(texts.contains { $0.hasPrefix("in rekening genomen dat de inzet van Defensie tegen internationale drugshandel") })
        #expect(!texts.contains { $0.contains("ZITTING") })
        // The header's number alone between the colons and the names of a cover's party
        // table, no language on either side, leaves the table whole.
        #expect(try PDFReadingTests.development("dev-13-bill-tables-rows-fr-left.txt").facts.parties.count == 11)
    }

    /// In a `-raw` dump a column's last line is followed by the other column's first: its end
    /// is judged again by itself (`… sanctionering, waarbij` before `I. considérant …` does
    /// not end its request, which goes on after the page end), and a signature block stays in
    /// one column (`Kurt Ravyts (VB)`, the last Dutch name, does not go on the French
    /// request cut by the page end, `… comprenant le`), the column whose text it ends, though
    /// its names read as Dutch (the French column's block before the Dutch `ging niet altijd
    /// …`, the rest of `opvol-`). (Development dumps.)
    @Test func aColumnsLastLineIsJudgedByItselfAndSignaturesStayTogether() throws {
        let pairs = PDFReadingTests.pairs(try PDFReadingTests.development("dev-01-seed-nl.raw.txt").sections)
        #expect(pairs.contains { $0[0].hasPrefix("strengere sanctionering, waarbij drugdealers op staande voet") })
        #expect(pairs.contains { $0[1].hasPrefix("des sanctions plus fermes, comprenant le licenciement immédiat") })
        #expect(!pairs.contains { $0.contains { $0.contains("Ravyts") } })
        let frenchLeft = PDFReadingTests.pairs(try PDFReadingTests.development("dev-02-seed-fr-left.raw.txt").sections)
        #expect(frenchLeft.contains { $0[0].contains("detectie en opvolging niet altijd volstaan") })
    }

    /// A `-raw` dump of columns of unequal widths: each language's lines are measured against
    /// their own column, so that the narrower column's full lines do not seem to end their
    /// paragraphs (`… het verhandelen van drugs binnen` / `Defensie, dan moet ontslag …`).
    /// (A development dump.)
    @Test func eachColumnOfARawDumpIsMeasuredByItsOwnWidth() throws {
        let pairs = PDFReadingTests.pairs(try PDFReadingTests.development("dev-08-seed-letter-unequal.raw.txt").sections)
        #expect(pairs.contains { $0[0].contains("het verhandelen van drugs binnen Defensie, dan moet ontslag op staande voet volgen.") })
        #expect(pairs.contains { $0[0].hasPrefix("Onze tekst wil benadrukken dat Defensie een sleutelrol speelt") })
    }

    /// A page's number alone between blank lines is furniture only on a page whose running
    /// lines held no number (a header may carry it: `DOC 56 0123/001 3`), and only where it
    /// is the one such line (a second may be a table's cell).
    @Test func aLonePageNumberIsFurnitureOnlyWhereItIsTheOne() {
        var texts: [String] = []
        for page in 1...5 {
            let words = ["een", "twee", "drie", "vier", "vijf"][page - 1]
            texts += [(page > 1 ? "\u{0C}" : "") + "DOC 56 0123/001" + (page >= 3 ? " \(page)" : ""), "", "KAMER • 2e ZITTING", "", "De tekst van bladzijde \(words) loopt door", ""]
            texts += page == 2 ? ["Tabel 2. Aantal", "", "2", "", "en meer tekst", "", "2", ""] : ["\(page)", "", "meer tekst op \(words)", ""]
            texts += ["de laatste regel van \(words)", "", "KAMER • 2e ZITTING", ""]
        }
        let (pages, furniture) = PageFurniture.split(Self.pagedLines(texts))
        #expect(furniture.filter { $0.kind == .pageNumber }.map(\.text) == ["1"])
        #expect(pages.joined().filter { ["2", "3", "4", "5"].contains($0.text) }.map(\.text) == ["2", "2", "3", "4", "5"])
    }

    /// A number alone beside the running lines is a page's number only where it follows the
    /// pages as the others do: plain `pdftotext` sets note markers alone under a column's
    /// footer (`6`, `7`, their texts after them; development dumps dev-03 and dev-10). Pages
    /// may be numbered from other than the first sheet. A table's many `0` cells on one page
    /// are one page's vote.
    @Test(arguments: [0, 10])
    func aNumberBesideTheRunningLinesFollowsThePages(offset: Int) {
        var texts: [String] = []
        for page in 1...5 {
            let words = ["een", "twee", "drie", "vier", "vijf"][page - 1]
            texts += [(page > 1 ? "\u{0C}" : "") + "De tekst van bladzijde \(words) loopt door", "", "KAMER • 2e ZITTING", ""]
            texts += page == 3 ? ["6", "", "7", "", "Verslag van de vicegouverneur.", "Het gaat over dossiers."] : ["\(page + offset)", ""]
            texts += page == 4 ? Array(repeating: ["0", ""], count: 6).flatMap { $0 } : []
            texts += ["de laatste regel van \(words)", "", "DOC 56 0123/001", ""]
        }
        let (pages, furniture) = PageFurniture.split(Self.pagedLines(texts))
        #expect(furniture.filter { $0.kind == .pageNumber }.map(\.text) == [1, 2, 4, 5].map { String($0 + offset) })
        #expect(pages.joined().filter { $0.text.allSatisfy(\.isNumber) && !$0.text.isEmpty }.map(\.text) == ["6", "7"] + Array(repeating: "0", count: 6))
    }

    /// A dump's lines, a form feed (`\u{0C}`) starting a page.
    static func pagedLines(_ texts: [String]) -> [SourceLine] {
        texts.enumerated().map { index, text in
            SourceLine(number: index + 1, page: 1 + texts[...index].filter { $0.hasPrefix("\u{0C}") }.count,
                       text: Substring(text.replacingOccurrences(of: "\u{0C}", with: "")), startsPage: text.hasPrefix("\u{0C}"))
        }
    }

    /// A header carries the page number at the outer margin: first on even pages (`2 DOC 56
    /// 0123/001`), last on odd ones (`DOC 56 0123/001 3`); both are one running header, so
    /// the session line below it is furniture with it. A text line that starts with its
    /// page's number stays, though it recurs so on every page.
    @Test func aHeaderCarriesThePageNumberOnEitherSide() {
        var texts: [String] = []
        for page in 1...6 {
            texts += page == 1 ? ["VOORSTEL VAN RESOLUTIE"] : ["\u{0C}" + (page.isMultiple(of: 2) ? "\(page) DOC 56 0123/001" : "DOC 56 0123/001 \(page)"),
                                                              "CHAMBRE • 1e SESSION DE LA 56e LÉGISLATURE KAMER • 1e ZITTING VAN DE 56e ZITTINGSPERIODE"]
            let word = ["een", "twee", "drie", "vier", "vijf", "zes"][page - 1]
            texts += ["\(page) dossiers werden ingediend", "en de tekst van bladzijde \(word) loopt door"]
        }
        let (pages, furniture) = PageFurniture.split(Self.pagedLines(texts))
        #expect(furniture.count == 10)
        #expect(furniture.allSatisfy { $0.text.contains("DOC 56") || $0.text.hasPrefix("CHAMBRE") })
        // On every page, with the same words after the number: still no header, since no
        // page carries it at the end.
        #expect(pages.joined().filter { $0.text.hasSuffix("dossiers werden ingediend") }.count == 6)
    }

    /// A header set at both margins, its page's number in the middle (`DOC 56 2 0123/001`, as
    /// a `-raw` dump of a PDF drawn row by row gives it: development dumps dev-11 and dev-13),
    /// is a running header; a text line that holds its page's number once stays.
    @Test func aHeaderMayCarryThePageNumberInTheMiddle() {
        var texts: [String] = []
        for page in 1...5 {
            let word = ["een", "twee", "drie", "vier", "vijf"][page - 1]
            texts += [(page > 1 ? "\u{0C}" : "") + (page == 1 ? "DOC 56 0123/001" : "DOC 56 \(page) 0123/001"),
                      "de tekst van bladzijde \(word) loopt door", page == 3 ? "op bladzijde 3 staat een tabel" : "en meer tekst op \(word)"]
        }
        let (pages, furniture) = PageFurniture.split(Self.pagedLines(texts))
        #expect(furniture.map(\.text) == (2...5).map { "DOC 56 \($0) 0123/001" })
        #expect(pages.joined().contains { $0.text == "op bladzijde 3 staat een tabel" })
    }

    /// A line that recurs on three pages or more beside the running lines is no header when it
    /// is text: a signature (`Kristien Verbelen (VB)`, set at a column's foot by a narrow
    /// layout) or a column's line of a phrase the text repeats, stopping on a preposition
    /// (`contre le trafic international de`); a header set in capitals may stop on one, its
    /// ordinals aside (`KAMER • 2e ZITTING VAN DE`).
    @Test func recurringTextBesideTheRunningLinesStays() {
        var texts: [String] = []
        for page in 1...6 {
            texts += [(page > 1 ? "\u{0C}" : "") + "DOC 56 0123/001 \(page)", "", "KAMER • 2e ZITTING VAN DE", ""]
            texts += ["De tekst van bladzijde \(page) loopt door", ""]
            texts += page <= 3 ? ["Kristien Verbelen (VB)", ""] : ["la lutte contre le trafic international de", ""]
        }
        let (pages, furniture) = PageFurniture.split(Self.pagedLines(texts))
        #expect(furniture.count == 12)
        #expect(pages.joined().filter { $0.text == "Kristien Verbelen (VB)" }.count == 3)
        #expect(pages.joined().filter { $0.text.hasSuffix("trafic international de") }.count == 3)
    }

    /// Plain `pdftotext` may part a header's pieces: `DOC 56` opens the page, its number and
    /// `0123/001` come after the first column. A repeated line that opens a page is furniture
    /// alone, as the other pieces are beside the page number.
    @Test func aRepeatedLineOpeningAPageIsFurniture() {
        var texts = ["DOC 56 0123/001", "", "De eerste bladzijde", ""]
        for (page, word) in zip(2...5, ["twee", "drie", "vier", "vijf"]) {
            texts += ["\u{0C}DOC 56", "", "de tekst van bladzijde \(word)", "", "\(page)", "", "0123/001", "", "en meer tekst op \(word)", ""]
        }
        let (pages, furniture) = PageFurniture.split(Self.pagedLines(texts))
        #expect(furniture.filter { $0.text == "DOC 56" }.count == 4 && furniture.count == 12)
        #expect(pages.joined().filter { $0.text.contains("tekst") }.count == 8)
        // A line of text that recurs and opens pages, with no figure and not in capitals, stays.
        let text = ["een", "twee", "drie", "vier", "vijf"].enumerated().flatMap { page, word in
            [(page > 0 ? "\u{0C}" : "") + "de tekst gaat verder", "", "op bladzijde \(word)", ""]
        }
        #expect(PageFurniture.split(Self.pagedLines(text)).furniture.isEmpty)
    }

    /// A signature block printed in both columns, after the explanation and after the
    /// resolution, recurs four times on two pages: no running header, which recurs once a
    /// page. The date above the block is a unit of its own, not the names' first line.
    /// (Plain `pdftotext` dumps of development PDFs.)
    @Test func aSignatureBlockIsNoRunningHeader() throws {
        var removed: [Furniture] = []
        let lines = try SourceText.lines(from: bytes(Paths.fixture("typeset/dev/dev-01-seed-nl.txt")), removed: &removed)
        let (pages, furniture) = PageFurniture.split(lines)
        #expect(!furniture.contains { $0.text.contains("(VB)") })
        #expect(pages.joined().filter { $0.text == "Kristien Verbelen (VB)" }.count == 4)
        #expect(furniture.contains { $0.kind == .runningHeader })
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/dev-10-bill-rows-fr-left.txt")), source: "dev-10")
        #expect(document.facts.signatories.map(\.name) == ["Barbara Pas", "Francesca Van Belleghem", "Frank Troosters", "Werner Somers"])
    }

    /// Plain `pdftotext` gives the party table as three blocks: every tag, every colon, every
    /// name (the plain dump of a development PDF).
    @Test func aPartyTableInColumnBlocks() throws {
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/dev-01-seed-nl.txt")), source: "dev-01")
        let parties = document.facts.parties.map(\.cells)
        #expect(parties.count == 12)
        #expect(parties.first == ["N-VA", "Nieuw-Vlaamse Alliantie"] && parties.last == ["ONAFH/INDÉP", "Onafhankelijk-Indépendant"])
    }

    /// Without pdftotext's wrap signal, a line that ends on an article or a preposition goes
    /// on, even before a line in capitals, and so do the Chamber's name before its country
    /// and the operative formula before the capitals that close it; a heading before one
    /// ends, and a full line before a date alone. A line that
    /// closes a sentence well short of the column ends its paragraph; one a little short
    /// (over 70 % of the 45-character column), however little, seems to (`mayEndParagraph`).
    @Test(arguments: [
        ("de zeeroutes en de commandostructuren.", "Tegelijk is drugshandel niet louter een", LineEnd.mayEndParagraph),
        // However little short of the column (44 of 45 characters).
        ("in de Strategische Visie voor Defensie werd.", "Tegelijk is drugshandel niet louter een", .mayEndParagraph),
        ("in de Strategische Visie voor Defensie, zowel", "Tegelijk is drugshandel niet louter een", .continues),
        // A closing bracket closes no sentence, unless after its end (`… (VB).`).
        ("2. Defensie-observatiecapaciteiten (ISR)", "– waaronder maritieme dronevloten,", .continues),
        ("zoals ook het Comité I heeft bevestigd (VB).", "Tegelijk is drugshandel niet louter een", .mayEndParagraph),
        ("BELGISCHE KAMER VAN", "VOLKSVERTEGENWOORDIGERS", LineEnd.continues),
        ("een ernstige bedreiging voor de", "volksgezondheid en de interne", .continues),
        ("TOELICHTING", "DAMES EN HEREN,", .endsParagraph),
        // The Chamber's name goes on in its country, another heading does not.
        ("CHAMBRE DES REPRÉSENTANTS", "DE BELGIQUE", .continues),
        ("CHAMBRE DES REPRÉSENTANTS DE BELGIQUE", "DE BELGIQUE", .endsParagraph),
        // The operative formula goes on in the capitals that close it; a heading does not.
        ("VERZOEKT DE FEDERALE", "REGERING:", .continues),
        ("TOELICHTING", "DAMES EN HEREN:", .endsParagraph),
        ("ALGEMENE BESCHOUWINGEN", "De indieners stellen het volgende vast:", .endsParagraph),
        ("met name op zee.", "Tegelijk is drugshandel niet louter een", .endsParagraph),
        // A short line goes on inside brackets and before lower case, but not after a heading,
        // nor before the submitters' line.
        ("drugshandel in ons", "defensiebeleid", .continues),
        // A colon before lower case introduces what goes on (dev-06: `… mogen bestaan:` / `wordt men …`).
        ("Er zouden geen uitzonderingen mogen bestaan:", "wordt men betrap op het verhandelen van drugs", .continues),
        ("(ingediend door mevrouw Kristien", "Verbelen c.s.)", .continues),
        ("VOORSTEL VAN RESOLUTIE", "tot structurele integratie van de", .endsParagraph),
        ("international de stupéfiants dans notre politique de défense", "(déposée par Mme Kristien Verbelen et consorts)", .endsParagraph),
        // A signature ends before the other column's text goes on in lower case.
        ("Kurt Ravyts (VB)", "nemen in de strategische visie", .endsParagraph),
        // A full line ends before a date alone, which open text would go on in.
        ("van de taalwetgeving binnen de diensten van het Gewest", "18 juli 2024", .endsParagraph),
        ("dat werd vastgelegd in de wet van", "18 juli 1966", .continues),
    ])
    func rawLineEnds(_ text: String, _ next: String, _ end: LineEnd) {
        #expect(RawLayoutReader.lineEnd(Substring(text), next: Substring(next), wrapSignal: false, width: 45) == end)
    }

    /// With the line before, a one-word line tells its language and whether it ends the
    /// Chamber's name: the Dutch title does not run into the French one, nor the name into
    /// the title. (The reviewer's cover dumps.)
    @Test(arguments: [
        ("drugshandel in ons", "defensiebeleid", "relative à l'intégration structurelle de la lutte contre le"),
        ("Belgische Kamer van", "volksvertegenwoordigers", "tot wijziging van de wetten van 18 juli 1966"),
    ])
    func rawLineEndsSeeTheLineBefore(_ previous: String, _ text: String, _ next: String) {
        #expect(RawLayoutReader.lineEnd(Substring(text), next: Substring(next), wrapSignal: false, width: 45, previous: Substring(previous)) == .endsParagraph)
    }

    /// Plain `pdftotext` joins a line that ends in a cut word with the whole next one: a
    /// tenth of its lines or more hold two lines of print (dev-20). They do not widen the
    /// column (the percentile of all lines read twice its width, and `… kreeg in totaal` /
    /// `3.758 dossiers …` as a short line that ends a paragraph), and in a dump that joined
    /// lines a long line is judged by its last line of print: a short one that closes a
    /// sentence ends the paragraph; one a little over the width may be a cut word's last
    /// letters (`… taalwet vernie-` / `tigt.`) and seems to. Elsewhere both are full lines.
    @Test func plainDumpsJoinedLinesAreJudgedByTheirLastLineOfPrint() {
        let full = "orde met de taalvoorschriften, de betrokkenen be", joined = full + "schikten dus over het vereiste taalattest) en niet"
        let lines = Array(repeating: Substring(full), count: 14) + Array(repeating: Substring(joined), count: 3)
            + ["Totalen 2023. De vicegouverneur kreeg in totaal", "Intrekking van beslissingen", "Globaal beeld"]
        #expect(full.count == 48 && RawLayoutReader.columnWidth(lines) == 48)
        // A table's short cells that outnumber the text's full lines are no full lines: no
        // line is taken for a join, and the width is the text's (the review's dump with 130
        // cells of `1.093.086` was read with a width of 15, its headings run together).
        let table = Array(repeating: Substring("1.093.086"), count: 30) + lines
        #expect(RawLayoutReader.joinedLength(table) == .max && RawLayoutReader.columnWidth(table) > 40)
        #expect(RawLayoutReader.lineEnd("Totalen 2023. De vicegouverneur kreeg in totaal", next: "3.758 dossiers binnen. Hiervan waren er 552 legaal (in",
                                        wrapSignal: false, width: 48) == .continues)
        let shortEnd = full + "schikten dus over.", overWidth = "benoemingsdossier dat in strijd is met de taalwet."
        for (text, joinedEnd) in [(shortEnd, LineEnd.endsParagraph), (overWidth, .mayEndParagraph)] {
            #expect(RawLayoutReader.lineEnd(Substring(text), next: "Totalen 2023. In 2023 kwamen er 1.899 dossiers", wrapSignal: false, width: 48,
                                            joinsLines: true) == joinedEnd)
            #expect(RawLayoutReader.lineEnd(Substring(text), next: "Totalen 2023. In 2023 kwamen er 1.899 dossiers", wrapSignal: false, width: 48) == .continues)
        }
    }

    /// Inside a block of plain `pdftotext`, a list item opens a paragraph after the clause
    /// before it, a name's initial does not (`M. Dupont`); the submitters' line opens one when
    /// its bracket closes it, not a bracket that running text goes on after. The Chamber's
    /// name goes on in its country after the Dutch name on one line; a one-word cover cell
    /// counts only in capitals (`RAPPORT`, not the Dutch word `rapport`).
    @Test func plainBlocksEndParagraphsAtListsAndCoversOnly() {
        func ends(_ texts: [String]) -> [Bool] {
            var block = texts.map { ColumnLine(text: Substring($0), number: nil, page: 1, box: nil, end: .continues) }
            CleanLayoutReader.endParagraphsInside(&block)
            return block.dropLast().map { $0.end == .endsParagraph }
        }
        #expect(ends(["Deze resolutie vertrekt van de dubbele vaststelling dat:", "a) Defensie een onbenut strategisch instrument is"]) == [true])
        #expect(ends(["Ils se montrent de plus en plus téméraires.", "M. Dupont le confirme. Ils s'affrontent"]) == [false])
        #expect(ends(["tot structurele integratie van de strijd", "(ingediend door mevrouw Kristien", "Verbelen c.s.)"]) == [true, false])
        #expect(ends(["Het vorige voorstel", "(ingediend door de heer Jan Peeters en", "mevrouw An Claes) stelde dat"]) == [false, false])
        #expect(RawLayoutReader.lineEnd("CHAMBRE DES REPRÉSENTANTS", next: "DE BELGIQUE", wrapSignal: false, width: 45,
                                       previous: "BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS") == .continues)
        #expect(Lexicon.cellLanguage("RAPPORT") == .fr && Lexicon.cellLanguage("rapport") == nil && Lexicon.cellLanguage("Dames en Heren,") == .nl)
    }

    /// The submitters' line opens a block on a cover, not in running text; a pro-form is an
    /// adverb (`hier`, `ici`), not `daar` ("since") nor `d’ici` ("by"); the numbers of an
    /// outline rank by depth, whatever came first.
    @Test func coverLinesProFormsAndOutlineDepth() {
        #expect(Lexicon.opensSubmitters("(ingediend door mevrouw Barbara Pas c.s.)") && Lexicon.opensSubmitters("(déposée par Mme Kristien"))
        #expect(!Lexicon.opensSubmitters("(ingediend door mevrouw Kristien Verbelen) dat in de vorige zittingsperiode niet"))
        // A party's bracket inside the submitters' is passed over, on their line or the next.
        #expect(Lexicon.opensSubmitters("(ingediend door de heer Jan Peeters (N-VA) en mevrouw An Claes)"))
        #expect(Lexicon.opensSubmitters("(ingediend door de heer Jan Peeters (N-VA) en"))
        #expect(Lexicon.closesSubmitters("mevrouw An Claes (VB))") && !Lexicon.closesSubmitters("mevrouw An Claes (VB)) stelde dat"))
        #expect(Mentions.hasProForm("Dezelfde opmerkingen gelden ook hier.", language: .nl))
        #expect(!Mentions.hasProForm("daar de gemeenten in gebreke blijven", language: .nl))
        #expect(Mentions.hasProForm("Les remarques s’appliquent ici aussi.", language: .fr))
        #expect(!Mentions.hasProForm("d’ici 2030, les communes", language: .fr))
        let heading = { (label: String) in TextUnit(kind: .heading, label: label, texts: [.nl: LocatedText(label, span: SourceSpan())]) }
        var outline = HeadingOutline()
        for label in ["1.1", "2"] { outline.open(heading(label)) }
        #expect(outline.enclosing.map(\.label) == ["2"])
        #expect(PageCut.closesSentence("… naar Europa.3") && !PageCut.closesSentence("… artikel 3"))
        #expect(!PageCut.closesSentence("in totaal 1.318") && !PageCut.closesSentence("artikel 3.1"))
        // A marker after the mark closes the text as the mark does: what follows is no rest of it.
        #expect(PageCut.closesSentence("de dienst te verzekeren”.7"))
        #expect(!PageCut.continuesOpenText(String(repeating: "een lange paragraaf die ", count: 4) + "te verzekeren”.7", "Totalen in historisch perspectief."))
        #expect(PageCut.continuesOpenText(String(repeating: "een lange paragraaf die ", count: 4) + "in artikel 7", "Totalen in historisch perspectief."))
    }

    /// A PDF's small print above a foot's first note number goes on the language's last note
    /// only while that note is open and ended on the page before; after a closed note it is
    /// text (a caption, a note printed without its number).
    @Test func smallPrintGoesOnOnlyAnOpenNote() throws {
        func column(_ first: String) throws -> LanguageColumn {
            var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
            let box = PageBox(x0: 50, y0: 700, x1: 290, y1: 710)
            let page3 = [ColumnLine(text: "De tekst van bladzijde drie.7", number: nil, page: 3, box: box, end: .endsParagraph),
                         ColumnLine(text: Substring(first), number: nil, page: 3, box: box, end: .endsParagraph)]
            let page4 = [ColumnLine(text: "De tekst van bladzijde vier.", number: nil, page: 4, box: box, end: .endsParagraph),
                         ColumnLine(text: "\tvan 8 april 2003, blz. 11.", number: nil, page: 4, box: box, end: .endsParagraph)]
            return try #require(assembler.columns(from: [ColumnFragment(language: .nl, lines: page3), ColumnFragment(language: .nl, lines: page4)])[.nl])
        }
        let open = try column("7\tBvb. arrest nr. 118 134")
        #expect(open.footnotes.map(\.content.text) == ["Bvb. arrest nr. 118 134 van 8 april 2003, blz. 11."])
        let closed = try column("7\tBvb. arrest nr. 118 134.")
        #expect(closed.footnotes.map(\.content.text) == ["Bvb. arrest nr. 118 134."])
        #expect(closed.blocks.contains { $0.content.text.contains("van 8 april 2003, blz. 11.") })
    }

    /// Plain `pdftotext` sets apart a label that hangs in its margin, and gives it between
    /// the other language's text and its own (`… pour les stupéfiants;` / `D.` / `gezien
    /// België …`): the label opens the text after it and takes its language, even after a
    /// word cut at a line end, which a label never goes on.
    @Test func aLabelAloneTakesTheLanguageOfTheTextAfterIt() {
        func segment(_ number: Int, _ text: String, _ end: LineEnd = .endsParagraph) -> [ColumnLine] {
            [ColumnLine(text: Substring(text), number: number, page: 1, end: end)]
        }
        for french in ["considérant que la Belgique participe déjà au Centre opérationnel d'analyse du renseignement maritime;",
                       "considérant que la Belgique participe déjà au Centre opérationnel d'analyse du renseigne-"] {
            let segments = [segment(1, french, french.hasSuffix("-") ? .continues : .endsParagraph), segment(3, "D."),
                            segment(5, "gezien België reeds participeert in het Maritime Analysis and Operations Centre, maar dat deze deelname versterkt kan worden;")]
            let fragments = FragmentSplitter.fragments(segments, switchCost: 3)
            #expect(fragments.map(\.language) == [.fr, .nl])
            #expect(fragments.last?.lines.map(\.text) == ["D.", segments[2][0].text])
        }
    }

    /// A page that cut open text and opens with a name and its tag: the text goes on in the
    /// name only after an article, a preposition or a courtesy title (`… bevestigd door het`
    /// / `Vast Comité van Toezicht (Comité I)`, `… gesteld door mevrouw` / `Barbara Pas (VB)`),
    /// or where the layout says the line goes on; after any other word the name is a
    /// signature block's, apart (`… naar de strijd` / `Kristien Verbelen (VB)`, the other
    /// column's signatory in a `-raw` dump), and so it is after a word cut at a line end.
    @Test func openTextGoesOnInANameOnlyAfterAFunctionWord() throws {
        func blocks(_ last: String, _ first: String, end: LineEnd = .endsBlock) throws -> [String] {
            var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
            let page1 = [ColumnLine(text: Substring(last), number: 1, page: 1, end: end)]
            let page2 = [ColumnLine(text: Substring(first), number: 2, page: 2, end: .endsParagraph)]
            let fragments = [page1, page2].map { ColumnFragment(language: .nl, lines: $0) }
            return try #require(assembler.columns(from: fragments)[.nl]).blocks.map(\.content.text)
        }
        #expect(try blocks("De beslissing werd bevestigd door het", "Vast Comité van Toezicht (Comité I)")
                == ["De beslissing werd bevestigd door het Vast Comité van Toezicht (Comité I)"])
        // Text this long is open after any word: a cut goes on in what opens the next page.
        let open = "En ook al is het duidelijk dat de drugsproblematiek steeds schrijnender wordt, maakt de tekst"
        #expect(try blocks(open + " nauwelijks een verwijzing naar de strijd", "Kristien Verbelen (VB)")
                == [open + " nauwelijks een verwijzing naar de strijd", "Kristien Verbelen (VB)"])
        #expect(try blocks(open + " nauwelijks een verwijzing naar de strijd", "tegen drugs.").count == 1)
        #expect(try blocks(open + " een ontslag op staande voet opvol-", "Kristien Verbelen (VB)").count == 2)
        #expect(try blocks(open + " een ontslag op staande voet opvol-", "Kristien Verbelen (VB)", end: .continues).count == 2)
        #expect(try blocks(open + " en de vraag werd gesteld door mevrouw", "Barbara Pas (VB)").count == 1)
        #expect(try blocks(open + " en de vraag werd gesteld door de heer", "Kurt Ravyts (VB)").count == 1)
        #expect(try blocks(open + " nauwelijks een verwijzing naar de strijd", "Kristien Verbelen (VB)", end: .continues).count == 1)
    }

    /// A heading whose number happens to equal its page's (`Art. 1` on page 1) is no header
    /// that carries the page number: that needs its shape to end with the page's number on
    /// most pages.
    @Test func anArticleHeadingIsNoFurniture() throws {
        let pages = (1...8).map { p in "Art. \(2 * p - 1)\nDe tekst van artikel \(2 * p - 1).\nArt. \(2 * p)\nLe texte de l'article \(2 * p)." }
        var removed: [Furniture] = []
        let lines = try SourceText.lines(from: Array(pages.joined(separator: "\n\u{0C}").utf8), removed: &removed)
        let (kept, furniture) = PageFurniture.split(lines)
        #expect(kept.joined().contains { $0.text == "Art. 1" })
        #expect(!furniture.contains { $0.text.hasPrefix("Art.") })
    }

    /// Notes without pdftotext's TAB after their number, as other typesetters' come out:
    /// `6` alone or `7 Verslag …` opens a note only where its marker stands in the text above,
    /// once (a table's `12` after the marker 12 was taken is a cell); decimals (`85,3 %`,
    /// `3.1`) are no markers; a note opened so goes on to the end of its page.
    @Test func footnotesOpenedByTheirMarkers() throws {
        var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        var number = 0
        func lines(page: Int, _ texts: String...) -> [ColumnLine] {
            texts.map { number += 1; return ColumnLine(text: Substring($0), number: number, page: page, end: .endsParagraph) }
        }
        let first = lines(page: 1, "Dat is 85,3 % van de dossiers.6 Zie punt 3.1 hierboven en", "6", "Het gaat over dossiers.", "Een persoon telt eenmaal.")
        let second = lines(page: 2, "Zo bleef het verslag12 stil.", "12", "Verslag, blz. 55.")
        let third = lines(page: 3, "Tabel 3", "12", "Schaarbeek", "De voogdij13 en 3 gemeenten.", "13 Verslag, blz. 60.")
        let column = try #require(assembler.columns(from: [first, second, third].map { ColumnFragment(language: .nl, lines: $0) })[.nl])
        #expect(column.footnotes.map { [$0.number, $0.content.text] }
                == [["6", "Het gaat over dossiers. Een persoon telt eenmaal."], ["12", "Verslag, blz. 55."], ["13", "Verslag, blz. 60."]])
        #expect(column.footnotes.allSatisfy { $0.referenced })
        #expect(column.blocks.map(\.content.text) == ["Dat is 85,3 % van de dossiers. Zie punt 3.1 hierboven en",
                                                       "Zo bleef het verslag stil.", "Tabel 3", "12", "Schaarbeek", "De voogdij en 3 gemeenten."])
    }

    /// A line that opens like a note on a marker's word but is text: a run of lines that a
    /// number out of sequence ends on its page (`19 Brusselse …` after `nr.19`, then the real
    /// note `4`; a table's cells after `CO2`) is text, and the notes after it are found.
    @Test func runsBrokenByANumberOutOfSequenceAreText() throws {
        func read(_ texts: [String]) throws -> LanguageColumn {
            var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
            let lines = texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .endsParagraph) }
            return try #require(assembler.columns(from: [ColumnFragment(language: .nl, lines: lines)])[.nl])
        }
        let bill = try read(["die strijdig zijn schorsen (nr.19 SWT). Om", "19 Brusselse gemeenten geschorste besluiten",
                             "kunnen worden ingetrokken.4 Dat gebeurt.", "4", "Bijvoorbeeld arrest nr. 28 387."])
        #expect(bill.footnotes.map { [$0.number, $0.content.text] } == [["4", "Bijvoorbeeld arrest nr. 28 387."]])
        #expect(bill.blocks.map(\.content.text).contains("19 Brusselse gemeenten geschorste besluiten"))
        let table = try read(["zoals de CO2 cijfers tonen.", "60,1-70 %", "2", "70,1-80 %", "3", "80,1-90 %", "3"])
        #expect(table.footnotes.isEmpty)
        #expect(table.blocks.map(\.content.text).contains("zoals de CO2 cijfers tonen."))
    }

    /// In a layout that does not mark paragraph ends, a joined line that closes a sentence
    /// before a capital is kept as a soft break of its paragraph, with the span of the line
    /// after it; where the layout marks them, or the sentence goes on, there is none.
    @Test func softBreaksWhereTheLayoutDoesNotMarkParagraphEnds() throws {
        let texts = ["geweld en logistieke netwerken die steeds", "professioneler en technologisch geavanceerder worden.",
                     "België beschikt via Defensie over unieke", "capaciteiten (zoals drones).", "Tegelijk is drugshandel"]
        let lines = texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 2, end: .continues) }
        func breaks(keeping: Bool) throws -> [SoftBreak] {
            var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])), keepsSoftBreaks: keeping)
            let column = try #require(assembler.columns(from: [ColumnFragment(language: .nl, lines: lines)])[.nl])
            #expect(column.blocks.count == 1)
            return column.blocks.first?.content.softBreaks ?? []
        }
        let kept = try breaks(keeping: true)
        #expect(kept.map(\.offset) == [96, 167])
        // A paragraph that ends at a guessed end says so; one that ends for sure does not.
        for (end, guessed) in [(LineEnd.mayEndParagraph, true), (.endsParagraph, false)] {
            var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])), keepsSoftBreaks: true)
            var ended = lines
            ended[1].end = end
            let column = try #require(assembler.columns(from: [ColumnFragment(language: .nl, lines: ended)])[.nl])
            #expect(column.blocks.map(\.content.endIsGuessed) == [guessed, false])
        }
        // How full the line before each break is: `capaciteiten (zoals drones).` stops short.
        #expect(kept.map(\.afterShortLine) == [false, true])
        // A line longer than its block's width is several joined at a cut word: its last may be short.
        #expect([0.5, 0.9, 1, 2.3].map { SoftBreak(offset: 1, span: SourceSpan(), lineFill: $0).mayFollowShortLine } == [true, false, false, true])
        #expect(kept.map(\.span.lines.description) == ["3", "5"])
        #expect(try breaks(keeping: false).isEmpty)
    }

    /// Plain `pdftotext` sets a page's note numbers apart from their texts (`1`, `6`, then both
    /// texts): the text is shared out where a line closes a sentence before a capital.
    @Test func noteNumbersSetApartShareTheirTexts() throws {
        var assembler = ColumnAssembler(joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        let texts = ["In 2023.1 En de dossiers6 tellen.", "1", "", "6", "", "Verslag van de vice-gouverneur,",
                     "blz. 71.", "Het gaat over dossiers, niet over personen."]
        let lines = texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .endsParagraph) }
        let column = try #require(assembler.columns(from: [ColumnFragment(language: .nl, lines: lines)])[.nl])
        #expect(column.footnotes.map { [$0.number, $0.content.text] }
                == [["1", "Verslag van de vice-gouverneur, blz. 71."], ["6", "Het gaat over dossiers, niet over personen."]])
        #expect(column.blocks.map(\.content.text) == ["In 2023. En de dossiers tellen."])
    }

    /// Plain `pdftotext` runs paragraphs that follow each other closely into one block: a
    /// line that closes a sentence well short of the block's width, before a capital, ends
    /// its paragraph (`met name op zee.`). The lines that `pdftotext` made by joining the
    /// lines of a cut word do not count for the width: beside them, a full line that closes
    /// a sentence (`… maritime (CIM).`) is no paragraph end. A salutation ends its own, in a
    /// block of any size; the last consideration ends before the operative formula in
    /// capitals, and the last paragraph before the signatures. A short open line that opens
    /// its block before a capital is a heading; inside a paragraph it is not. (Development
    /// dumps.)
    @Test func plainDumpParagraphsInsideABlock() {
        func ends(_ texts: [String]) -> [Int] {
            var block = texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .continues) }
            CleanLayoutReader.endParagraphsInside(&block)
            return block.indices.filter { block[$0].end == .endsParagraph }
        }
        #expect(ends(["Dames en Heren,", "Dit wetsvoorstel neemt, met een aantal aanpassingen, de tekst over van het voorstel DOC",
                      "55 0437/001."]) == [0])
        #expect(ends(["plaats verdient binnen de strategische planning van de Belgische krijgsmacht.", "Kristien Verbelen (VB)",
                      "Annick Ponthier (VB)"]) == [0])
        #expect(ends(["Intrekking van beslissingen", "Wanneer de vicegouverneur een beslissing van een gemeente wegens niet-conformiteit",
                      "met de taalwet schorst, kan deze gemeente deze beslissing intrekken."]) == [0])
        // A short line closes its sentence behind a quote and a note's marker too.
        #expect(ends(["Tegen de wet in liet de vicegouverneur 891 dossiers (27,8 %) passeren voor",
                      "“tewerkstellingen van zeer korte duur om de continuïteit van de",
                      "dienst te verzekeren”.7", "Les totaux d’un point de vue historique. D’un"]) == [2])
        #expect(ends(["Maar de internationale drugshandel is in toenemende mate ook een strategische en hybride",
                      "dreiging voor onze eigen", "Defensie en voor de NAVO."]) == [])
        #expect(ends(["crédible que si sa propre organisation est exempte de criminalité liée aux stupéfiants;",
                      "DEMANDE AU GOUVERNEMENT FÉDÉRAL:", "1. d'inclure explicitement la lutte contre le trafic"]) == [0, 1])
        #expect(ends([
            "Maar de internationale drugshandel is in toenemende mate ook een strategische en",
            "hybride dreiging die raakt aan defensie, maritieme veiligheid en geopolitieke stabiliteit.",
            "Drugskartels opereren transnationaal, maken",
            "gebruik van maritieme routes, corruptie,",
            "geweld en logistieke netwerken die steeds",
            "professioneler en technologisch geavanceerder worden.",
            "België beschikt via Defensie over unieke capaciteiten – zoals maritieme observatie, luchtverkenning, drones en satellietbeelden – die",
            "vandaag hoofdzakelijk worden ingezet in een",
            "klassieke militaire of NAVO-context, maar die",
            "ook relevant zijn voor de opsporing en versterking van internationale cocaïne-transporten,",
            "met name op zee.",
            "Tegelijk is drugshandel niet louter een externe",
            "dreiging, maar vormt ze ook een toenemende",
            "interne problematiek in onze Defensie. Getuigenissen en vastgestelde feiten wijzen op",
            "recurrente drugsincidenten binnen onze krijgsmacht. Zo bleek ook uit het schandaal in",
            "Amay, dat druggebruik en zelfs drugsverkoop",
            "kon plaatsvinden en onder de radar blijven in",
            "bepaalde legereenheden.",
        ]) == [10])
        #expect(ends([
            "Par ailleurs, bien qu'il soit évident que la problématique des stupéfiants ne cesse de croître tant",
            "au niveau international qu'au niveau national, la",
            "Vision stratégique 2025 ne consacre guère",
            "d'attention à ce sujet. Le texte ne contient quasiment aucune référence à la lutte contre les stupéfiants, si ce n'est pour mentionner que la lutte",
            "contre le trafic de stupéfiants fait partie des missions du Carrefour d'information maritime (CIM).",
            "La présente proposition de résolution vise à y",
            "remédier expressément.",
        ]) == [])
    }

    /// Inside a block of plain `pdftotext`, a line that closes a sentence a little short of
    /// the block's width, before a capital, seems to end its paragraph (`mayEndParagraph`):
    /// the align stage joins it again where the other language has one paragraph. A full
    /// line that closes a sentence goes on. (Development dump dev-10.)
    @Test func plainBlocksGuessParagraphEndsShortOfTheWidth() {
        var block = [
            "1.356 van de 1.456 illegale dossiers, dat is zo’n 77 % van alle",
            "dossiers. Tegen de wet in liet hij niet minder dan 405 illegale",
            "dossiers (23 %) ongemoeid voor “tewerkstellingen van zeer korte",
            "duur om de continuïteit van de dienst te verzekeren”.",
            "Totalen in historisch perspectief. In historisch perspectief (tabel",
            "5) blijkt dat na een licht dalende trend van 2008 tot 2012, er terug",
        ].enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .continues) }
        CleanLayoutReader.endParagraphsInside(&block)
        #expect(block.map(\.end) == [.continues, .continues, .continues, .mayEndParagraph, .continues, .continues])
    }

    /// A plain dump of a PDF drawn row by row gives the two columns' headings one after the
    /// other in one block: the block is cut where its paragraphs change language, each with
    /// some evidence. A paragraph without evidence (a signature) stays in its block.
    /// (Development dump dev-13.)
    @Test func aPlainBlockIsCutWhereItsParagraphsChangeLanguage() {
        func runs(_ texts: [String]) -> [[String]] {
            var block = texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .continues) }
            CleanLayoutReader.endParagraphsInside(&block)
            return CleanLayoutReader.languageRuns(block).map { $0.map { String($0.text) } }
        }
        #expect(runs(["Aperçu global", "Globaal beeld", "Suspensions par le vice-gouverneur",
                      "Totaux 2023. Le vice-gouverneur a reçu un total de 3.758", "dossiers; parmi ceux-ci, 552 dossiers étaient légaux"])
                == [["Aperçu global"], ["Globaal beeld"], ["Suspensions par le vice-gouverneur",
                    "Totaux 2023. Le vice-gouverneur a reçu un total de 3.758", "dossiers; parmi ceux-ci, 552 dossiers étaient légaux"]])
        #expect(runs(["la culture d'intégrité des forces armées belges.", "Kristien Verbelen (VB)", "Annick Ponthier (VB)"]).count == 1)
    }

    /// A closing bracket or quote closes no sentence: a page end after it goes on in lower
    /// case (`… commune (COCOM)` / `ne lui a fait part …`); not after a sentence's end inside
    /// it, nor after a signature or a heading in capitals, nor before a capital.
    @Test func aBracketLeavesItsTextOpenToLowerCase() {
        #expect(PageCut.continuesOpenText("le Collège de la Commission communautaire commune (COCOM)", "ne lui a fait part d’aucune annulation."))
        #expect(!PageCut.continuesOpenText("le Collège de la Commission communautaire commune (COCOM)", "Les totaux, d’un point de vue historique."))
        #expect(!PageCut.continuesOpenText("pour assurer la continuité du service.”", "les totaux d’un point de vue historique"))
        #expect(!PageCut.continuesOpenText("Kurt Ravyts (VB)", "nemen in de strategische visie"))
        #expect(!PageCut.continuesOpenText("PROGRAMMAWET (I)", "portant des dispositions diverses"))
    }

    /// A text that opens with a bracketed aside, its sentence going on after it in lower
    /// case, is a sentence's middle: an open text a page end cut goes on in it (`… absolument
    /// aucune` / `(zéro) n’a fait l’objet …`, `… Gemeenschapscommissie` / `(GGC) kennis
    /// heeft`). A bracket that closes its line (the submitters under a title, a party's
    /// bracket inside theirs), a capital after it or a list's label is no middle.
    @Test func aBracketedAsideBeforeLowerCaseGoesOnAnOpenText() {
        let open = "Sur les 1.318 décisions suspendues par le vice-gouverneur, absolument aucune"
        #expect(PageCut.continuesOpenText(open, "(zéro) n’a fait l’objet d’un retrait par les CPAS."))
        #expect(!PageCut.continuesOpenText("tot structurele integratie van de strijd tegen drugshandel", "(ingediend door mevrouw Kristien Verbelen c.s.)"))
        #expect(!PageCut.continuesOpenText(open, "(zie tabel 5) De OCMW’s trekken niets in."))
        #expect(PageCut.continuesOpenText("van de Gemeenschappelijke Gemeenschapscommissie", "(GGC) kennis heeft. Ook hier blijft de overheid in gebreke."))
        let title = "tot wijziging van de wet van 14 juli 1991 betreffende de handelspraktijken"
        #expect(!PageCut.continuesOpenText(title, "(ingediend door de heer Jan Peeters (N-VA) en mevrouw An Claes)"))
        #expect(!PageCut.continuesOpenText(title, "(déposée par M. Jan Peeters (N-VA) et Mme An Claes)"))
        #expect(!PageCut.continuesOpenText("(i) het eerste punt", "(ii) het tweede punt"))
        #expect(!PageCut.continuesOpenText("de regering verzoekt maatregelen te nemen", "(a) de invoering van een register"))
        #expect(!PageCut.continuesOpenText("de regering verzoekt maatregelen te nemen", "(3) de invoering van een register"))
    }

    /// U+2010 HYPHEN after a letter that ends a line (a shaping engine's line-end hyphen: at the
    /// end, or before a `-layout` dump's gutter) becomes a soft hyphen; inside a word, after a
    /// figure, before one space (an author's suspended compound), or a hyphen-minus, it stays.
    @Test func aShapingEnginesHyphenBeforeWhiteSpaceIsSoft() {
        #expect(LineHyphen.markingSoftHyphens("ernstige bedreiging voor de volksgezond\u{2010}") == "ernstige bedreiging voor de volksgezond\u{AD}")
        #expect(LineHyphen.markingSoftHyphens("een ernstige be\u{2010}      Le trafic international") == "een ernstige be\u{AD}      Le trafic international")
        #expect(LineHyphen.markingSoftHyphens("de Noord\u{2010}Atlantische Verdragsorganisatie") == "de Noord\u{2010}Atlantische Verdragsorganisatie")
        #expect(LineHyphen.markingSoftHyphens("in de jaren 2004\u{2010}") == "in de jaren 2004\u{2010}")
        #expect(LineHyphen.markingSoftHyphens("maritieme, lucht- en") == "maritieme, lucht- en")
        #expect(LineHyphen.markingSoftHyphens("maritieme, lucht\u{2010} en zeemacht") == "maritieme, lucht\u{2010} en zeemacht")
        #expect(LineHyphen.markingSoftHyphens("de volksgezond\u{2010}  ") == "de volksgezond\u{AD}  ")
        #expect(LineHyphen.endsWord("volksgezond\u{AD}") && LineHyphen.endsWord("zee-") && !LineHyphen.endsWord("2004-"))
    }

    /// Plain `pdftotext` drops the hyphen of a word cut at a line end even where the word
    /// has one (`MAOCN`, `vicegouverneur` in French): the language's own spelling, more
    /// often hyphenated, puts it back; one used as often both ways, or a number, stays.
    @Test func lostHyphensComeBackFromTheDocumentsSpelling() throws {
        let spellings = LostHyphens.spellings(["au MAOC-N et au MAOC-N", "la contribution au MAOCN; (MAOC-N)", "1-10 et 110",
                                               "n°1-10 et n°1-10 et n°110", "veiligheids-machtigingen, veiligheidsmachtigingen"])
        #expect(spellings.values.map { [$0.word, $0.form] } == [["MAOCN", "MAOC-N"]])
        let document = try PDFReadingTests.development("dev-07-bill-nl.txt")
        let french = PDFReadingTests.pairs(document.sections).map { $0[1] }
        #expect(french.contains { $0.contains("vice-gouverneur") } && !french.contains { $0.contains("vicegouverneur") })
    }

    /// A word joined before a capital (`transAtlantische`) gets its hyphen back where its
    /// capitalised part stands alone inside a sentence or the text also writes it
    /// hyphenated; a name so spelt whose part stands alone only at a sentence's start
    /// (`PowerPoint`, `Point de départ`) or never (`McKinsey`) stays; and in a development
    /// dump, `BruxellesCapitale` comes back as `Bruxelles-Capitale`.
    @Test func aWordJoinedBeforeACapitalGetsItsHyphenBack() throws {
        let joins = LostHyphens.caseJoins(["Atlantische zee-routes en transAtlantische verbindingen, de Atlantische",
                                              "Bruxelles-Capitale et BruxellesCapitale", "McKinsey en PowerPoint. Point de départ"])
        #expect(Set(joins.values.map(\.form)) == ["trans-Atlantische", "Bruxelles-Capitale"])
        let document = try PDFReadingTests.development("dev-07-bill-nl.txt")
        let french = PDFReadingTests.pairs(document.sections).map { $0[1] }
        #expect(french.contains { $0.contains("de Bruxelles-Capitale rédige") } && !french.contains { $0.contains("BruxellesCapitale") })
    }

    /// `pdftotext -raw` breaks a line of print after a raised note marker (`… binnen.6` /
    /// `Hiervan waren er`): the two are one line when they fit the column together and the
    /// rest goes on in words or punctuation, which joins the marker's word without a space;
    /// not a note's number below, nor a number's last digits, nor two lines too long for one. And in
    /// a development dump, the paragraph so broken is whole.
    @Test func aLineBrokenAtANoteMarkerIsOneLineOfPrint() throws {
        #expect(RawLayoutReader.breaksAtMarker("totaal 3.758 dossiers binnen.6", next: "Hiervan waren er", width: 48))
        #expect(RawLayoutReader.breaksAtMarker("total de 3.758 dossiers6", next: "; parmi ceux-ci, 552 dos-", width: 50))
        #expect(!RawLayoutReader.breaksAtMarker("van de dienst te verzekeren”.7", next: "1", width: 48))
        #expect(RawLayoutReader.breaksAtMarker("handelt over het jaar 2023.1", next: "In hetgeen", width: 48))
        #expect(!RawLayoutReader.breaksAtMarker("beslissingen, in totaal 1.318", next: "dossiers", width: 48))
        #expect(!RawLayoutReader.breaksAtMarker("Zie punt 2.1", next: "Globaal beeld", width: 48))
        // The rest of the line of print is measured with the marker's line: no short line.
        let rest = { (broken: Bool) in
            RawLayoutReader.lineEnd("Hiervan waren er", next: "552 legaal (in orde met de taalvoorschriften, de", wrapSignal: false, width: 48,
                                    previous: "totaal 3.758 dossiers binnen.6", brokenAtMarker: broken)
        }
        #expect(rest(true) == .continues && rest(false) == .endsParagraph)
        #expect(!RawLayoutReader.breaksAtMarker("totaal 3.758 dossiers binnen.6", next: "Hiervan waren er 552 legaal", width: 48))
        let joiner = LineJoiner(vocabulary: Vocabulary(lines: []))
        #expect(joiner.joined("total de 3.758 dossiers6", "; parmi ceux-ci") == "total de 3.758 dossiers6; parmi ceux-ci")
        #expect(joiner.joined("le nombre de dossiers", ": parmi ceux-ci") == "le nombre de dossiers : parmi ceux-ci")
        let document = try PDFReadingTests.development("dev-07-bill-nl.raw.txt")
        #expect(PDFReadingTests.pairs(document.sections).contains([
            "Wanneer de vicegouverneur een beslissing van een gemeente wegens niet-conformiteit met de taalwet schorst, kan deze gemeente deze beslissing intrekken. Dat gebeurt echter nooit. Van alle geschorste dossiers werden er door de gemeenten geen enkele ingetrokken. De gemeenten beschouwen het dus als de normaalste zaak dat zij de taalwet kunnen en mogen overtreden.",
            "Lorsque le vice-gouverneur suspend une décision prise par une commune pour violation de la législation sur l’emploi des langues, cette commune peut retirer cette décision. Elle ne le fait toutefois jamais. Sur tous les dossiers suspendus, aucun a été retiré. Celles-ci considèrent donc qu’il est parfaitement normal et autorisé d’enfreindre la législation sur l’emploi des langues.",
        ]))
    }

    /// A word joined after an acronym (`NAVOcontext`) gets its hyphen back; a Dutch word that
    /// opens with `IJ` and an acronym's plural stay; and in a development dump, the Dutch
    /// `NAVO-context` comes back.
    @Test func aWordJoinedAfterAnAcronymGetsItsHyphenBack() throws {
        let joins = LostHyphens.caseJoins(["in een NAVOcontext en een MAOCNstructuur", "de IJzer en de NGOs", "NAVO-context, CPAS15"])
        #expect(Set(joins.values.map(\.form)) == ["NAVO-context", "MAOCN-structuur"])
        let document = try PDFReadingTests.development("dev-06-seed-nocover.txt")
        let dutch = PDFReadingTests.pairs(document.sections).map { $0[0] }
        #expect(dutch.contains { $0.contains("militaire of NAVO-context, maar") } && !dutch.contains { $0.contains("NAVOcontext") })
    }

    /// Plain `pdftotext` joins a line that ends in a cut word with the whole next one: the
    /// word where the first line of print ended gets its hyphen back where the document
    /// writes it so elsewhere, unless its language's lines of print write it whole (French
    /// `vice-gouverneur`, Dutch `vicegouverneur`); a word far from that place stays. And in
    /// a development dump, the operative request's `cocaïne-transporten` comes back; in
    /// another, where the document writes it nowhere else, Dutch coordinated adjectives get
    /// theirs by the dictionary's rule (`extern-operationeel`), and so do French compounds
    /// (`Celles-ci`), also in dumps with so few blank lines that they read as `-raw` ones
    /// (a column run on over the page); not in a `-raw` dump, which has none between its
    /// lines, and whose long lines are two columns'.
    @Test func aWordJoinedWherePdftotextJoinedTwoLinesGetsItsHyphenBack() throws {
        let texts = ["in samenwerking met de douane en met de", "internationale cocaïne-transporten, met",
                     "de partners van de vicegouverneur van het", "arrondissement en de hoofdstad Brussel",
                     "cocaïnetransporten: opsporen van de cocaïnetransporten op zee, en met de politie",
                     "verder de taak van de federale politie en", "het verslag van de vicegouverneur en van",
                     "de vicegouverneur van het arrondissement", "voor het jaar met de internationale vicegouverneur van het verslag",
                     "", "Le rapport du vice-gouverneur de la région"]
        var lines = StageTests.pagedLines(texts)
        LostHyphens.restoreAtJoins(&lines, vocabulary: Vocabulary(lines: lines.map(\.text)))
        #expect(lines[4].text == "cocaïnetransporten: opsporen van de cocaïne-transporten op zee, en met de politie")
        #expect(lines[8].text == texts[8])
        // A paragraph of two lines of print and one joined is too short to tell its own
        // typical line: it takes the other blocks' (`zowel extern-operationeel` in a development
        // dump, whose paragraph fills a line and a half).
        let short = ["in samenwerking met de douane en met de", "internationale cocaïne-transporten, met",
                     "de partners van de vicegouverneur van het", "arrondissement en de hoofdstad Brussel", "",
                     "de opsporing van internationale cocaïnetransporten op zee, met de", "douane;"]
        var shortLines = StageTests.pagedLines(short)
        LostHyphens.restoreAtJoins(&shortLines, vocabulary: Vocabulary(lines: shortLines.map(\.text)))
        #expect(shortLines[5].text == "de opsporing van internationale cocaïne-transporten op zee, met de")
        let twoLines = try PDFReadingTests.development("dev-02-seed-fr-left.txt")
        #expect(PDFReadingTests.pairs(twoLines.sections).map { $0[0] }.contains { $0.contains("zowel extern-operationeel als intern-preventief") })
        let document = try PDFReadingTests.development("dev-01-seed-nl.txt")
        let dutch = PDFReadingTests.pairs(document.sections).map { $0[0] }
        #expect(dutch.contains { $0.contains("versterking van internationale cocaïne-transporten op zee") })
        let serif = try PDFReadingTests.development("dev-14-w3-seed-nl-serif.txt")
        #expect(PDFReadingTests.pairs(serif.sections).map { $0[0] }.contains { $0.contains("zowel extern-operationeel als intern-preventief") })
        let runOn = try PDFReadingTests.development("dev-22-t5-seed-nl-libertinus.txt")
        #expect(runOn.layout == .pageSerializedRaw)
        #expect(PDFReadingTests.pairs(runOn.sections).map { $0[0] }.contains { $0.contains("zowel extern-operationeel als intern-preventief") })
        let bill = try PDFReadingTests.development("dev-25-t5-bill-nl-libertinus-unhyphenated.txt")
        #expect(PDFReadingTests.pairs(bill.sections).map { $0[1] }.contains { $0.contains("Celles-ci considèrent donc") })
        func setsBlocksApart(_ name: String) throws -> Bool {
            var removed: [Furniture] = []
            return Reader.setsBlocksApart(try SourceText.lines(from: bytes(Paths.fixture("typeset/dev/" + name)), removed: &removed))
        }
        #expect(try setsBlocksApart("dev-22-t5-seed-nl-libertinus.txt") && !setsBlocksApart("dev-22-t5-seed-nl-libertinus.raw.txt"))
    }

    /// Elisions broken before their apostrophe are whole again, in a line and across a line
    /// break right after the elided word, a line of it alone too; Dutch `’s`, which stands
    /// apart after a whole word, and an apostrophe that opens a page stay as they are.
    @Test func elisionsAreMended() throws {
        var removed: [Furniture] = []
        let text = "FAIT AU NOM DE L ’EMPLOI\nArtikel 1 wordt aangenomen. L\n’article 1er est adopté.\nvan ’s morgens tot d ’avond\nqu\n’ensemble\nsur l\n\u{0C}’ensemble\ntot c\n’s avonds\n"
        var lines = try SourceText.lines(from: Array(text.utf8), removed: &removed)
        SourceText.mendingElisions(&lines)
        #expect(lines.map { String($0.text) } == ["FAIT AU NOM DE L’EMPLOI", "Artikel 1 wordt aangenomen. L’article 1er est adopté.",
                                                  "van ’s morgens tot d’avond", "qu’ensemble", "sur l", "’ensemble", "tot c", "’s avonds", ""])
        #expect(lines.map(\.number).prefix(4) == [1, 2, 4, 5])
    }

    /// Plain `pdftotext`'s block of a ragged column: a first line under four fifths of the
    /// block before a capital is a heading where the next line's first word would have fitted
    /// on it, and goes on where it would not have (`… Brusselse Gewestelijke` /
    /// `Ontwikkelingsmaatschappij …`).
    @Test func aBlocksFirstLineIsAHeadingWhereTheNextWordWouldHaveFitted() {
        let rest = ["en daarbij werd vastgesteld dat de termijnen niet", "werden gehaald door de verschillende betrokken partijen."]
        func firstEnd(_ texts: [String]) -> LineEnd? {
            var block = texts.enumerated().map { ColumnLine(text: Substring($1), number: $0 + 1, page: 1, end: .continues) }
            CleanLayoutReader.endParagraphsInside(&block)
            return block.first?.end
        }
        #expect(firstEnd(["Schorsingen door de vicegouverneur in 2023", "Totalen 2023. De vicegouverneur kreeg in totaal"] + rest) == .endsParagraph)
        #expect(firstEnd(["De commissie voor de Brusselse Gewestelijke", "Ontwikkelingsmaatschappij heeft het plan grondig besproken"] + rest) == .continues)
    }

    /// A word cut in capitals that the document writes nowhere else (an office's typesetter
    /// cuts a cover's lines too) is whole again where it is a word of the Chamber's name
    /// (`BEL-` / `GIQUE`) or the dictionary of the text's language knows it whole and not
    /// hyphenated (`L’EM-` / `PLOI`), and keeps its hyphen where the dictionary knows both
    /// (`ZEE-` / `ROUTES`) or neither (`NAVO-` / `CONTEXT`).
    @Test func wordsCutInCapitalsAskTheDictionary() {
        let joiner = LineJoiner(vocabulary: Vocabulary(lines: []))
        #expect(joiner.joined("CHAMBRE DES REPRÉSENTANTS DE BEL-", "GIQUE") == "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE")
        #expect(joiner.joined("FAIT AU NOM DE LA COMMISSION DES AFFAIRES SOCIALES, DE L’EM-", "PLOI ET DES PENSIONS")
            == "FAIT AU NOM DE LA COMMISSION DES AFFAIRES SOCIALES, DE L’EMPLOI ET DES PENSIONS")
        #expect(joiner.joined("DE NOORDZEE EN DE ATLANTISCHE ZEE-", "ROUTES") == "DE NOORDZEE EN DE ATLANTISCHE ZEE-ROUTES")
        #expect(joiner.joined("IN EEN KLASSIEKE MILITAIRE OF NAVO-", "CONTEXT") == "IN EEN KLASSIEKE MILITAIRE OF NAVO-CONTEXT")
    }

    /// Plain `pdftotext` drops the hyphen of a range of years cut at a line end (`2004-` /
    /// `2008`): two years run together where a line of print ended, the second the later, get
    /// it back, not where a line of print ended inside the second; other numbers stay as
    /// written (`1-10` and `110` would read alike). In a development dump, the French text
    /// that cites the period of record years does.
    @Test func yearsRunTogetherAtAJoinGetTheirHyphenBack() throws {
        let texts = ["in samenwerking met de douane en met de", "internationale partners van de federale",
                     "de partners van de vicegouverneur van het", "arrondissement en de hoofdstad Brussel",
                     "het aantal illegale benoemingen van 20042008 en het aantal dossiers",
                     "het aantal illegale benoemingen van 20082004 en het aantal dossiers",
                     "het aantal illegale benoemingen van 12345678 en het aantal dossiers",
                     "het aantal zaken van 20042008 en de aantallen illegale benoemingen",
                     "verder de taak van de federale politie en", "het verslag van de vicegouverneur en van"]
        var lines = StageTests.pagedLines(texts)
        LostHyphens.restoreAtJoins(&lines, vocabulary: Vocabulary(lines: lines.map(\.text)))
        #expect(lines[4...7].map { String($0.text) } == ["het aantal illegale benoemingen van 2004-2008 en het aantal dossiers"] + texts[5...7])
        let document = try PDFReadingTests.development("dev-10-bill-rows-fr-left.txt")
        let french = PDFReadingTests.pairs(document.sections).map { $0[1] }.joined(separator: " ")
        #expect(french.contains("enregistrés en 2004-2008.") && !french.contains("20042008"))
    }

    /// Plain `pdftotext` gives the party table as three column blocks (tags, colons, names),
    /// and may set the page's number before the tags and its running header between the
    /// tags and the colons: the rows are whole, and those two lines stay out of them.
    @Test func partyColumnBlocksAroundARunningHeader() {
        let texts = ["2", "N-VA", "VB", "MR", "DOC 56 0123/001", ":", ":", ":", "Nieuw-Vlaamse Alliantie", "Vlaams Belang", "Mouvement Réformateur"]
        let (rows, used) = BilingualTables.partyRows(texts.enumerated().map { (Substring($1), $0 + 1) }, joiner: LineJoiner(vocabulary: Vocabulary(lines: [])))
        #expect(rows.map(\.cells) == [["N-VA", "Nieuw-Vlaamse Alliantie"], ["VB", "Vlaams Belang"], ["MR", "Mouvement Réformateur"]])
        #expect(used == Set(1...10).subtracting([4]))
    }

    /// The legend's rows as the dumps set them: both cells on one line, the code again
    /// before the second, the two headers on one line, and a cell's wrapped line right under
    /// it (`pdftotext -raw`); the cells side by side at a gap, each wrapped line shared at the
    /// second code's column, and that code brought by a wrapped line (`-layout`).
    @Test func legendRowsInEveryDumpForm() {
        let side = { (left: String, right: String) in left.padding(toLength: 56, withPad: " ", startingAt: 0) + right }
        let raw = ["Afkorting bij de nummering van de publicaties: Abréviations dans la numérotation des publications:",
                   "QRVA Schriftelijke Vragen en Antwoorden QRVA Questions et Réponses écrites",
                   "CRIV Voorlopige versie van het Integraal", "Verslag", "CRIV Version provisoire du Compte Rendu", "Intégral"]
        let layout = [side("Afkorting bij de nummering van de publicaties:", "Abréviations dans la numérotation des publications:"),
                      side("QRVA  Schriftelijke Vragen en Antwoorden", "QRVA   Questions et Réponses écrites"),
                      side("CRIV  Voorlopige versie van het Integraal", "CRIV   Version provisoire du Compte Rendu"),
                      side("      Verslag", "       Intégral")]
        let rows = [["", "Afkorting bij de nummering van de publicaties:", "Abréviations dans la numérotation des publications:"],
                    ["QRVA", "Schriftelijke Vragen en Antwoorden", "Questions et Réponses écrites"],
                    ["CRIV", "Voorlopige versie van het Integraal Verslag", "Version provisoire du Compte Rendu Intégral"]]
        let joiner = LineJoiner(vocabulary: Vocabulary(lines: []))
        func read(_ lines: [String]) -> [[String]] {
            BilingualTables.legendRows(BilingualTables.legendEntries(lines.enumerated().map { (Substring($1), $0 + 1) }, joiner: joiner).entries).map(\.cells)
        }
        #expect(read(raw) == rows)
        #expect(read(layout) == rows)
        // The lines under the legend (the publisher's address) are no cell's.
        let address = ["Officiële publicatie, uitgegeven door de Kamer", "Natieplein 2"]
        let rawMOT = ["MOT Moties tot besluit van interpellaties", "(beigekleurig papier)", "MOT Motions déposées en conclusion",
                      "d'interpellations (papier beige)"]
        for (lines, legendLines) in [(raw + rawMOT + address, raw.count + rawMOT.count), (layout + [side(address[0], address[1])], layout.count)] {
            let (entries, consumed) = BilingualTables.legendEntries(lines.enumerated().map { (Substring($1), $0 + 1) }, joiner: joiner)
            #expect(consumed == legendLines)
            #expect(!entries.contains { $0.text.contains("Officiële") || $0.text.contains("Natieplein") })
        }
        let code = [layout[0], side("DOC 56 0000/000", ""), side("      Parlementair document van de 56e", "DOC 56 0000/000"),
                    side("", "       Document de la 56e législature,"), side("      zittingsperiode", "       suivi")]
        #expect(read(code) == [rows[0], ["DOC 56 0000/000", "Parlementair document van de 56e zittingsperiode", "Document de la 56e législature, suivi"]])
    }

    /// Plain `pdftotext` cuts a widely spaced justified line at its spaces, a word a line,
    /// a dash among them (a development dump): every piece goes on, the last too, since it
    /// closes no sentence; so does a name's initial among them (`M.` before `Dupont`), but a
    /// label alone (`c)`, `I.` before `considérant`) is no piece of a line.
    @Test func aStretchedLineGoesOnAcrossItsDash() {
        let texts: [Substring] = ["observatie, luchtverkenning, drones en", "satellietbeelden", "–", "die", "vandaag",
                                  "hoofdzakelijk worden ingezet in een"]
        #expect(RawLayoutReader.stretchedLines(texts) == [1, 2, 3, 4])
        #expect(RawLayoutReader.stretchedLines(["de vraag werd gesteld door", "de", "heer", "M.", "Dupont", "en beantwoord"]) == [1, 2, 3, 4])
        #expect(RawLayoutReader.stretchedLines(["l'existence de formes", "organisées", "distribution;", "c)", "un décalage entre la"]) == [1])
        #expect(RawLayoutReader.stretchedLines(["interne et la crédibilité de la", "Défense;", "I.", "considérant que l'engagement"]).isEmpty)
    }

    /// A date's month names its language; a cover's two dates run together on one line (a
    /// `-raw` dump) are cut into the two, and only a pair of languages is a pair.
    @Test func datesTellTheirLanguageAndPairsAreCut() throws {
        #expect(Dates.language("6 februari 2026") == .nl)
        #expect(Dates.language("vendredi 1er mars 2024") == .fr)
        #expect(Dates.language("februari 2026") == nil)
        let pair = try #require(Dates.pair("6 februari 2026 6 février 2026"))
        #expect(pair.0 == "6 februari 2026" && pair.1 == "6 février 2026")
        #expect(Dates.pair("maandag 10 juli 2024 lundi 10 juillet 2024").map { [String($0.0), String($0.1)] }
                == ["maandag 10 juli 2024", "lundi 10 juillet 2024"])
        #expect(Dates.pair("6 februari 2026 7 februari 2026") == nil)
        #expect(Dates.pair("op 6 februari 2026 en 6 février 2026") == nil)
    }

    /// A `-raw` dump gives a cover's cells line by line, the Chamber's name and the document
    /// type wrapped (`VOORSTEL VAN` / `RESOLUTIE`, `Chambre des représentants de Bel-` /
    /// `gique`), too short for their words to tell their language: the lexicon knows them
    /// whole, and each lands in its language. (Development dumps.)
    @Test(arguments: [("dev-08-seed-letter-unequal.raw.txt", ["BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS", "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE"],
                       ["VOORSTEL VAN RESOLUTIE", "PROPOSITION DE RÉSOLUTION"]),
                      ("dev-07-bill-nl.raw.txt", ["Belgische Kamer van volksvertegenwoordigers", "Chambre des représentants de Belgique"],
                       ["WETSVOORSTEL", "PROPOSITION DE LOI"])])
    func aRawCoversWrappedCellsKeepTheirLanguages(_ name: String, chamber: [String], docType: [String]) throws {
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
        let front = document.sections.first { $0.kind == .front }?.units ?? []
        func texts(_ kind: UnitKind) -> [String]? {
            front.first { $0.kind == kind }.map { unit in Language.allCases.map { unit.texts[$0]?.text ?? "" } }
        }
        #expect(texts(.chamber) == chamber)
        #expect(texts(.documentType) == docType)
    }

    /// One list of signatories from both languages' blocks: a name one language lost takes
    /// its place from the other's list (`Kristien Verbelen`, first in French), and a name
    /// that only the other column holds takes its place from where it stands (`Annick
    /// Ponthier`, line 208, between the Dutch names of lines 206 and 210).
    @Test func signatoriesKeepEachLanguagesOrder() {
        func signatory(_ name: String, line: Int) -> Signatory { Signatory(name: name, party: "VB", span: SourceSpan(lines: SourceLines(line))) }
        let lost = Signatures.merged([["Annick Ponthier", "Ellen Samyn", "Katleen Bury"].map { signatory($0, line: 10) },
                                      ["Kristien Verbelen", "Annick Ponthier", "Ellen Samyn"].map { signatory($0, line: 30) }])
        #expect(lost.map(\.name) == ["Kristien Verbelen", "Annick Ponthier", "Ellen Samyn", "Katleen Bury"])
        let rows = Signatures.merged([[signatory("Kristien Verbelen", line: 206), signatory("Ellen Samyn", line: 210), signatory("Katleen Bury", line: 212)],
                                      [signatory("Annick Ponthier", line: 208)]])
        #expect(rows.map(\.name) == ["Kristien Verbelen", "Annick Ponthier", "Ellen Samyn", "Katleen Bury"])
    }

    /// In `-raw` dumps the signature blocks are cut by page ends, glued to a word cut at a
    /// page end (`… opvol-` / `Kristien Verbelen (VB)`) or to open text the other column
    /// goes on with (`… naar de strijd` / `Kristien Verbelen (VB)`), or read row by row, a
    /// name in the other column: the signatories come out in the gold's order. (Development
    /// dumps.)
    @Test(arguments: ["dev-02-seed-fr-left", "dev-05-seed-narrow", "dev-10-bill-rows-fr-left", "dev-11-seed-rows-narrow"])
    func rawSignatureBlocksGiveTheSignatoriesInOrder(_ name: String) throws {
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name).raw.txt")), source: name)
        let url = URL(fileURLWithPath: Paths.fixture("typeset/dev/\(name).gold.json"))
        let gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let names = try #require(gold["signatories"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names.count >= 4)
        #expect(document.facts.signatories.map(\.name) == names)
    }

    /// In a `-raw` dump the cover's two dates share a line: each is read in its language, so
    /// the document's date is found. (A development dump.)
    @Test func aRawCoverDateLineIsCut() throws {
        let name = "dev-01-seed-nl.raw.txt"
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
        let front = document.sections.first { $0.kind == .front }?.units ?? []
        #expect(front.contains { $0.texts[.nl]?.text == "6 februari 2026" && $0.texts[.fr]?.text == "6 février 2026" })
    }
}
