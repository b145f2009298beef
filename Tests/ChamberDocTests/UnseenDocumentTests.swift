import ChamberDoc
import Foundation
import Testing

/// What a resolution the reader had never seen showed (`Tools/typeset/sources/res-stations.json`,
/// written for the corpus: another subject, `VRAAGT DE FEDERALE REGERING:`, considerations
/// that cite an article and a regulation, headings in the explanation, French quotes), on its
/// two development PDFs and their dumps; its three held-out PDFs are scored, never read.
@Suite struct UnseenResolutionTests {
    static let justified = "dev-26-t5-stations-nl-libertinus", ragged = "dev-27-t5-stations-fr-left-sans-ragged"

    static func pairs(_ name: String) throws -> Set<[String]> {
        PDFReadingTests.pairs(try PDFReadingTests.development(name).sections)
    }

    static func units(_ name: String) throws -> [TextUnit] {
        try PDFReadingTests.development(name).sections.flatMap { $0.units.flatMap { [$0] + $0.children } }
    }

    static let preamble = ["DE KAMER VAN VOLKSVERTEGENWOORDIGERS,", "LA CHAMBRE DES REPRÉSENTANTS,"]

    /// Plain `pdftotext` ran the resolution's blocks together: the preamble wrapped at a cut
    /// word (`VOLKSVERTEGENWOORDI-` / `GERS,`) before `A. gelet op …`, and the French column's
    /// page opening with the last signature, the heading and the preamble (`Koen Maes
    /// (Vooruit)` / `PROPOSITION DE RÉSOLUTION` / `LA CHAMBRE DES REPRÉSENTANTS,` / `A. vu
    /// …`). Each is a paragraph of its own: 17 of 40 pairs were right, now all but the
    /// explanation's first, cut where both columns close a sentence alike.
    @Test func aPlainDumpsPreambleAndSignaturesEndTheirParagraphs() throws {
        let name = Self.justified + ".txt"
        #expect(try Self.pairs(name).contains(Self.preamble))
        let units = try Self.units(name)
        let considerations = units.filter { $0.kind == .consideration && $0.link == "1-1" }
        #expect(considerations.map { $0.label ?? "" } == ["A", "B", "C", "D", "E", "F", "G"])
        #expect(considerations.first?.texts[.nl]?.text.hasPrefix("gelet op het Verdrag") == true)
        #expect(considerations.first?.texts[.fr]?.text.hasPrefix("vu la Convention") == true)
        let document = try PDFReadingTests.development(name)
        #expect(document.facts.signatories.map(\.name) == ["Pieter De Smet", "Leen Vermeulen", "Nathalie Dubois", "Koen Maes"])
    }

    /// French sets a space before `»`, which no line opens with: `d'ici` ends a line because
    /// `2032 ».` went to the next one whole, though `2032` alone would have fitted. The
    /// paragraph goes on (the PDF reader's test of the next word).
    @Test(arguments: [".pdf", ".layout.txt"])
    func aClosingQuoteMovesWithTheWordBeforeIt(_ suffix: String) throws {
        let unit = try #require(try Self.units(Self.ragged + suffix).first { $0.texts[.nl]?.text.hasPrefix("De NMBS kondigde") == true })
        #expect(unit.link == "1-1", "\(unit.passages)")
        #expect(unit.texts[.fr]?.text == "La SNCB a annoncé dans son plan pluriannuel que « toutes les gares seraient accessibles d'ici 2032 ». "
            + "Le rythme actuel d'une dizaine de gares par an ne suffit toutefois pas pour y parvenir.")
    }

    /// A three-page document heads the two pages after the cover with its number and the
    /// page's (`DOC 56 1187/001 … 2`), and its footer recurs on all three: the header is
    /// furniture too, not a front unit `DOC 56 1187/001` / `2` (four P201 and a P205 errors)
    /// nor a paragraph `3` in the resolution. The translation parities it holds are real:
    /// `NMBS` and `SNCB` are one company (the glossary pairs them), so no finding is left.
    @Test func aThreePageDocumentsNumberedHeaderIsFurniture() throws {
        let name = Self.justified + ".layout.txt"
        let document = try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name, glossary: CheckTests.glossary)
        let texts = document.sections.flatMap { $0.units.flatMap { [$0] + $0.children } }.flatMap { $0.texts.values.map(\.text) }
        #expect(!texts.contains("DOC 56 1187/001") && !texts.contains("2") && !texts.contains("3"))
        #expect(document.furniture.filter { $0.text.hasPrefix("DOC 56 1187/001") }.map(\.kind) == [.runningHeader, .runningHeader])
        #expect(document.findings.isEmpty, "\(document.findings.map(\.message))")
    }

    /// In a ragged `-layout` column a paragraph's last line is as long as any: the sentence it
    /// closes ends the paragraph before a heading (`… pour y parvenir.` / `Proposition` / `Par
    /// la présente …`), which was read into the text.
    @Test func aRaggedSentenceBeforeAHeadingEndsItsParagraph() throws {
        let pairs = try Self.pairs(Self.ragged + ".layout.txt")
        #expect(pairs.contains(["Voorstel", "Proposition"]))
        #expect(pairs.contains { $0[1].hasPrefix("Par la présente résolution") && $0[0].hasPrefix("Met deze resolutie") })
    }

    /// `-raw` of a PDF that sets each row's two cells as blocks of their own gives a
    /// paragraph of one language, then the other's: read page-serialized (not cut line by
    /// line as a dump drawn row by row); two short cells on one line are cut, those of one
    /// labelled unit before the label's second copy (`2. de réduire … 2. de termijn …`),
    /// others after the first's closing mark though open text came before (`Difficultés
    /// Knelpunten` / `Les principales … suivantes: De knelpunten … volgende:`), which gave a
    /// French text with a Dutch sentence in it.
    @Test func aRawDumpOfCellsReadsItsCellsApart() throws {
        let french = try PDFReadingTests.development(Self.ragged + ".raw.txt").sections
            .flatMap { $0.units.flatMap { [$0] + $0.children } }.compactMap { $0.texts[.fr]?.text }
        #expect(french.contains("Les principales difficultés sont les suivantes:"))
        let request = try #require(try Self.units(Self.ragged + ".raw.txt").first { $0.label == "2" })
        #expect(request.texts[.nl]?.text == "de termijn voor het aanvragen van assistentie:")
        #expect(request.texts[.fr]?.text == "de réduire le délai de demande d'assistance:")
        #expect(request.children.map { $0.label ?? "" } == ["2.1", "2.2"])
    }

    /// A three-page document's running header carries its number on two pages only (the
    /// cover has none); beside the footer that every page repeats, it marks the page's end,
    /// and the cover's footer is no text of the submitters' line before it.
    @Test func aThreePageDumpsFooterIsFurniture() throws {
        let name = Self.justified + ".raw.txt"
        #expect(try Self.pairs(name).contains(["(ingediend door de heer Pieter De Smet en mevrouw Leen Vermeulen)", "(déposée par M. Pieter De Smet et Mme Leen Vermeulen)"]))
        let furniture = try PDFReadingTests.development(name).furniture
        #expect(furniture.filter { $0.text.hasPrefix("KAMER • 2e ZITTING") }.count == 3)
    }
}

/// What a bill the reader had never seen showed (`Tools/typeset/sources/bill-deconnectie.json`,
/// written for the corpus: the commentary on the articles under a heading of its own, and an
/// article that amends a law in points, `1°` and `2°`, the second announcing the new wording
/// in quotes), on its development PDF and its dumps; its two held-out PDFs are scored, never
/// read.
@Suite struct UnseenBillTests {
    static let name = "dev-28-t5-deconnectie-fr-left-libertinus"

    /// A law's points and an article's heading open their paragraphs, whatever the line
    /// before them (`… aangebracht:` filled its line; `Commentaar bij de artikelen` /
    /// `Artikel 1`, two headings in one weight), and so does the wording that an amending
    /// formula announces (`…, luidende:` / `“De werknemer …”.`). Every pair, from the PDF and
    /// from each dump.
    @Test(arguments: [".pdf", ".txt", ".layout.txt", ".raw.txt"])
    func pointsArticlesAndQuotedWordingAreParagraphs(_ suffix: String) throws {
        let pairs = try UnseenResolutionTests.pairs(Self.name + suffix)
        #expect(pairs.contains(["Commentaar bij de artikelen", "Commentaire des articles"]))
        #expect(pairs.contains(["Artikel 1", "Article 1er"]))
        #expect(pairs.contains(["1° in het eerste lid worden de woorden “50 werknemers” vervangen door de woorden “20 werknemers”;",
                                "1° dans l’alinéa 1er, les mots « 50 travailleurs » sont remplacés par les mots « 20 travailleurs »;"]))
        #expect(pairs.contains(["2° het artikel wordt aangevuld met een lid, luidende:", "2° l’article est complété par un alinéa rédigé comme suit:"]))
        #expect(pairs.contains(["“De werknemer die buiten zijn werktijd niet reageert op berichten van de werkgever, mag daarvoor geen nadeel ondervinden.”.",
                                "« Le travailleur qui ne réagit pas aux messages de l’employeur en dehors de son temps de travail ne peut subir aucun préjudice pour cette raison. »."]))
    }

    /// What opens a paragraph, line by line: an article's heading alone on its line; a point
    /// after a clause that closed, not in running text (`… in het eerste lid,` / `1°
    /// bedoelde …`), nor a temperature or a year; the wording an amending formula announces
    /// (however the colon is spaced), not a citation after any colon (the real bill: `… niet
    /// bewezen:` / `“De belangrijkste …`).
    @Test func whatOpensAParagraph() {
        #expect("Artikel 1".opensBlock && "Art. 2".opensBlock && "Article 1er".opensBlock && !"Artikel 1 van de wet".opensBlock)
        #expect(!"1° in het eerste lid".opensBlock)
        #expect(PageCut.opensAmendment(after: "de volgende wijzigingen aangebracht:", next: "1° in het eerste lid"))
        #expect(PageCut.opensAmendment(after: "« 20 travailleurs »;", next: "12º l’article est complété"))
        #expect(PageCut.opensAmendment(after: "aangebracht:", next: "2°\u{A0}het artikel"))
        #expect(!PageCut.opensAmendment(after: "De werkgevers die in het eerste lid,", next: "1° bedoelde overlegplicht"))
        #expect(!PageCut.opensAmendment(after: "aangebracht:", next: "20°C warmer") && !PageCut.opensAmendment(after: "in", next: "2024° jaar"))
        #expect(PageCut.opensAmendment(after: "aangevuld met een lid, luidende:", next: "“De werknemer"))
        #expect(PageCut.opensAmendment(after: "un alinéa rédigé comme suit:", next: "« Le travailleur"))
        #expect(PageCut.opensAmendment(after: "un alinéa rédigé comme suit :", next: "« Le travailleur"))
        #expect(PageCut.opensAmendment(after: "un alinéa rédigé comme suit\u{202F}:", next: "« Le travailleur"))
        #expect(!PageCut.opensAmendment(after: "niet bewezen:", next: "“De belangrijkste"))
        #expect(!PageCut.opensAmendment(after: "aangevuld met een lid, luidende:", next: "De werknemer"))
    }

    /// A point that running text wraps before stays in its sentence (`… in het eerste lid,` /
    /// `1° bedoelde overlegplicht …`), in both languages: set into the development dump.
    @Test func aPointInRunningTextStaysInItsSentence() throws {
        var lines = String(decoding: try bytes(Paths.fixture("typeset/dev/\(Self.name).txt")), as: UTF8.self).components(separatedBy: "\n")
        let french = try #require(lines.firstIndex(of: "Cet article n’appelle pas de commentaire."))
        lines[french] += " Les employeurs visés au"
        lines.insert("1° restent tenus à la concertation prévue par la loi.", at: french + 1)
        let dutch = try #require(lines.firstIndex(of: "Dit artikel behoeft geen commentaar."))
        lines[dutch] += " De werkgevers die in het eerste lid,"
        lines.insert("1° bedoelde overlegplicht hebben, blijven eraan gebonden.", at: dutch + 1)
        let document = try Pipeline.document(from: Array(lines.joined(separator: "\n").utf8), source: "points.txt")
        let pairs = PDFReadingTests.pairs(document.sections)
        #expect(pairs.contains(["Dit artikel behoeft geen commentaar. De werkgevers die in het eerste lid, 1° bedoelde overlegplicht hebben, blijven eraan gebonden.",
                                "Cet article n’appelle pas de commentaire. Les employeurs visés au 1° restent tenus à la concertation prévue par la loi."]))
    }
}

/// What a committee report the reader had never seen showed (`Tools/typeset/sources/
/// report-deconnectie.json`, written for the corpus: the reported bill's type, then `VERSLAG`
/// / `RAPPORT` on the cover, the committee and the rapporteur in capitals, a salutation and
/// no `TOELICHTING`, parts `I.` to `IV.` with lettered headings, amendments and votes), on
/// its two development PDFs and their dumps. Before: every one of the twenty PDFs and dumps
/// typed `bill-proposal`, its cover's salutation in the front matter, no document number.
/// Its cover's document history was added later (`theDocumentsHistoryIsOneUnit`).
@Suite struct UnseenReportTests {
    static let names = ["dev-29-t5-report-nl-libertinus", "dev-30-t5-report-fr-left-sans-ragged"]
    static let inputs = names.flatMap { name in [".pdf", ".txt", ".layout.txt", ".raw.txt"].map { name + $0 } }

    /// A cover that names a report after the bill it reports on is a report's; its
    /// salutation opens the body, and the number its running headers carry before their
    /// page's (`DOC 56 1342/004 2`) is the document's.
    @Test(arguments: inputs)
    func aReportIsTypedSoInEveryLayout(_ name: String) throws {
        let document = try PDFReadingTests.development(name)
        #expect(document.facts.type == .report)
        #expect(document.facts.number == "DOC 56 1342/004")
        // A number on the cover comes first (the review's variant: another on the cover).
        if name.hasSuffix(".layout.txt") {
            var lines = String(decoding: try bytes(Paths.fixture("typeset/dev/\(name)")), as: UTF8.self).components(separatedBy: "\n")
            let title = try #require(lines.firstIndex { $0.contains("UITGEBRACHT DOOR") })
            lines.insert(String(repeating: " ", count: 30) + "DOC 56 1342/005", at: title + 1)
            #expect(try Pipeline.document(from: Array(lines.joined(separator: "\n").utf8), source: name).facts.number == "DOC 56 1342/005")
        }
        #expect(document.sections.map(\.kind) == [.front, .body])
        let first = try #require(document.sections.last?.units.first)
        #expect(first.kind == .salutation && first.texts[.nl]?.text == "DAMES EN HEREN,", "\(first.texts)")
    }

    /// The committee's line and the rapporteur's are paragraphs of their own: the PDF ran
    /// the Dutch two together and cut the French committee's where its centred second line
    /// is set in (`FAIT AU NOM DE LA COMMISSION DES AFFAIRES` / `SOCIALES, …`); plain
    /// `pdftotext` ran `VERSLAG` into the title above it; `-raw` gave the two rapporteur's
    /// lines as one (`UITGEBRACHT DOOR MEVROUW Sarah LAMBERT PAR MME Sarah LAMBERT`) and filed
    /// the Dutch committee's, an island between French lines, as French.
    @Test(arguments: [names[0] + ".pdf", names[0] + ".txt", names[0] + ".layout.txt", names[0] + ".raw.txt", names[1] + ".pdf", names[1] + ".raw.txt"])
    func theCoverNamesTheCommitteeAndTheRapporteur(_ name: String) throws {
        // Each a 1-1 link: a unit's passages joined would hide a line cut in two.
        let front = try #require(try PDFReadingTests.development(name).sections.first { $0.kind == .front })
        let links = Dictionary(front.units.map { ($0.passages.mapValues { $0.map(\.text) }, $0.link) }, uniquingKeysWith: { a, _ in a })
        for (nl, fr) in [("VERSLAG", "RAPPORT"),
                         ("NAMENS DE COMMISSIE VOOR SOCIALE ZAKEN, WERK EN PENSIOENEN",
                          "FAIT AU NOM DE LA COMMISSION DES AFFAIRES SOCIALES, DE L’EMPLOI ET DES PENSIONS"),
                         ("UITGEBRACHT DOOR MEVROUW Sarah LAMBERT", "PAR MME Sarah LAMBERT")] {
            #expect(links[[.nl: [nl], .fr: [fr]]] == "1-1", "\(nl)")
        }
    }

    /// A speaker opens a paragraph with a courtesy title, a name and a party (`Mevrouw
    /// Nathalie Dubois (Les Engagés) dient amende-`): plain `pdftotext` gave that block's
    /// first line alone, and it was cut as two cells of a row (`Mevrouw` / `Nathalie Dubois
    /// (Les Engagés) dient amende-`, whose party and cut word lean French; `… dient` alone in
    /// the other). No cut falls after a courtesy title or inside the name after it.
    /// So after the two words of `De heer` (the review's variant).
    @Test(arguments: [(names[0] + ".txt", "Mevrouw Nathalie"), (names[1] + ".txt", "Mevrouw Nathalie"), (names[0] + ".txt", "De heer Nathan")])
    func aSpeakersNameIsNoRowOfTwoCells(_ name: String, _ speaker: String) throws {
        let text = String(decoding: try bytes(Paths.fixture("typeset/dev/\(name)")), as: UTF8.self)
        #expect(text.contains("\nMevrouw Nathalie Dubois (Les Engagés) dient"))
        let variant = text.replacingOccurrences(of: "\nMevrouw Nathalie Dubois (Les Engagés) dient", with: "\n" + speaker + " Dubois (Les Engagés) dient")
        let units = try Pipeline.document(from: Array(variant.utf8), source: name).sections.flatMap(\.units)
        let unit = try #require(units.first { $0.texts[.nl]?.text.hasPrefix(speaker + " Dubois (Les Engagés) dient amendement nr. 1") == true })
        #expect(unit.link == "1-1" && unit.texts[.fr]?.text.hasPrefix("Mme Nathalie Dubois (Les Engagés) présente l’amendement n° 1") == true)
    }

    /// Under the cover, the document's history (`Zie:` / `Voir:`, the file's number and
    /// session, then the documents before this one, a line each) is one unit: each of its
    /// lines stops short, and the PDF and the dumps made a unit of each line (`Zie:` /
    /// `Voir:` alone the first). Added to the report after it was first read.
    @Test(arguments: [names[0] + ".pdf", names[0] + ".txt", names[0] + ".layout.txt", names[1] + ".pdf", names[1] + ".txt"])
    func theDocumentsHistoryIsOneUnit(_ name: String) throws {
        let front = try #require(try PDFReadingTests.development(name).sections.first { $0.kind == .front })
        let history = front.units.filter { unit in unit.passages.values.contains { $0.contains { $0.text.hasPrefix("Zie:") || $0.text.hasPrefix("Voir:") } } }
        #expect(history.count == 1)
        #expect(history.first?.link == "1-1")
        #expect(history.first?.texts[.nl]?.text == "Zie: Doc 56 1342/ (2025/2026): 001: Wetsvoorstel van mevrouw Els Van Damme c.s. 002 en 003: Amendementen.")
        #expect(history.first?.texts[.fr]?.text == "Voir: Doc 56 1342/ (2025/2026): 001: Proposition de loi de Mme Els Van Damme et consorts. 002 et 003: Amendements.")
    }

    /// A history's lines as Chamber covers write them; not a sentence that opens with `Zie`,
    /// a reference in running text, a list's item or a year.
    @Test func documentHistoryLines() {
        for line in ["Zie:", "Voir:", "Zie: Doc 56 1342/ (2025/2026):", "Voir: DOC 55 0123/ (2019/2020):"] {
            #expect(Lexicon.opensDocumentHistory(line), "\(line)")
        }
        for line in ["Zie: het verslag", "Zie ook DOC 56 1342/001.", "Voir: la note 3", "Zien:"] {
            #expect(!Lexicon.opensDocumentHistory(line), "\(line)")
        }
        for line in ["Doc 56 1342/ (2025/2026):", "001: Wetsvoorstel van mevrouw Els Van Damme c.s.", "002 en 003: Amendementen.",
                     "002 et 003: Amendements.", "004 tot 006: Amendementen.", "004 à 006: Amendements.", "002, 003 en 004: Amendementen.",
                     "004-006: Amendements."] {
            #expect(Lexicon.isDocumentHistoryEntry(line), "\(line)")
        }
        for line in ["1. de federale regering", "2023: een jaar", "Doc 56 1342/001", "001 Wetsvoorstel", "002 en de rest:", "Amendementen.",
                     "002, en 003:", "004-06: Amendementen.", "002,"] {
            #expect(!Lexicon.isDocumentHistoryEntry(line), "\(line)")
        }
    }

    /// A committee's line goes on in the capitals under it, but not into the rapporteur's
    /// line, which a dump may break after its first word (`UITGEBRACHT` alone, as a held-out
    /// plain dump gave it: the review's variant of a development one); that line goes on in
    /// the name under it.
    @Test func aCommitteesLineEndsBeforeTheRapporteurs() throws {
        let name = Self.names[1] + ".txt"
        let text = String(decoding: try bytes(Paths.fixture("typeset/dev/\(name)")), as: UTF8.self)
        let cover = "NAMENS DE COMMISSIE VOOR SOCIALE ZAKEN,\nWERK EN PENSIOENEN\n\nPAR MME Sarah LAMBERT\n\nUITGEBRACHT DOOR MEVROUW Sarah LAMBERT\n"
        #expect(text.contains(cover))
        let variant = text.replacingOccurrences(of: cover, with: "NAMENS DE COMMISSIE VOOR SOCIALE ZA\u{AD}\nKEN, WERK EN PENSIOENEN\nUITGEBRACHT\nDOOR MEVROUW Sarah LAMBERT\n\nPAR MME Sarah LAMBERT\n")
        let units = try Pipeline.document(from: Array(variant.utf8), source: name).sections.flatMap(\.units)
        // Each a passage of its own, the rapporteur's line whole again.
        let dutch = units.flatMap { (unit: TextUnit) in unit.passages[.nl]?.map(\.text) ?? [] }
        #expect(dutch.contains("NAMENS DE COMMISSIE VOOR SOCIALE ZAKEN, WERK EN PENSIOENEN"))
        #expect(dutch.contains("UITGEBRACHT DOOR MEVROUW Sarah LAMBERT"))
    }

    /// The Chamber's name, whole on a `-layout` cover's two lines (`CHAMBRE DES REPRÉSENTANTS
    /// DE` / `BELGIQUE`), stops there: the session's line under it is a unit of its own (a
    /// development dump).
    @Test func theChambersNameEndsWhereItIsWhole() throws {
        let document = try PDFReadingTests.development("dev-30-t5-report-fr-left-sans-ragged.layout.txt")
        let french = document.sections.flatMap(\.units).compactMap { $0.passages[.fr]?.first?.text }
        #expect(french.prefix(2) == ["CHAMBRE DES REPRÉSENTANTS DE BELGIQUE", "SESSION ORDINAIRE 2025-2026"])
        #expect(Lexicon.isChamberName(["CHAMBRE DES REPRÉSENTANTS DE", "BELGIQUE"]) && Lexicon.isChamberName(["Belgische Kamer van", "volksvertegenwoordigers"]))
        #expect(!Lexicon.isChamberName(["CHAMBRE DES REPRÉSENTANTS DE"]) && !Lexicon.isChamberName(["CHAMBRE DES REPRÉSENTANTS DE BELGIQUE SESSION"]))
    }

    /// In capitals only: running text may open a line with the same words.
    @Test func reportCoverLines() {
        for line in ["NAMENS DE COMMISSIE VOOR DE MOBILITEIT", "FAIT AU NOM DE LA COMMISSION", "UITGEBRACHT DOOR DE HEER Jan PEETERS",
                     "UITGEBRACHT", "PAR", "PAR M. Jan PEETERS", "PAR MME Sarah LAMBERT"] {
            #expect(Lexicon.opensReportCoverLine(line), "\(line)")
        }
        for line in ["PARLEMENT", "PARTIJ", "Par M. Dupont", "namens de commissie", "PAR AILLEURS"] {
            #expect(!Lexicon.opensReportCoverLine(line), "\(line)")
        }
        // Each line's language is its opening words', and two lines run together are cut.
        #expect(Lexicon.cellLanguage("PAR MME Sarah LAMBERT") == .fr && Lexicon.cellLanguage("NAMENS DE COMMISSIE VOOR SOCIALE ZAKEN,") == .nl)
        for (first, second) in [("UITGEBRACHT DOOR MEVROUW Sarah LAMBERT", "PAR MME Sarah LAMBERT"), ("PAR MME Sarah LAMBERT", "UITGEBRACHT DOOR MEVROUW Sarah LAMBERT")] {
            let pair = Lexicon.cellPair(Substring(first + " " + second))
            #expect(pair.map { String($0.0) == first && String($0.1) == second } == true)
        }
        #expect(Lexicon.cellPair("UITGEBRACHT DOOR DE HEER Jan PEETERS") == nil)
    }
}

/// Engine 6's development documents (LibreOffice Writer, `Tools/typeset/office.py`): an
/// office's typesetter cuts words in capitals too, sets no hyphen of its own apart from the
/// words', and gives a three-page document running lines on two pages only.
@Suite struct OfficeDocumentTests {
    static func pairs(_ name: String) throws -> Set<[String]> {
        PDFReadingTests.pairs(try PDFReadingTests.development(name).sections)
    }

    /// Words cut in capitals (`BEL-` / `GIQUE`, `VOLKSVERTEGENWOORDI-` / `GERS`, `DE L’EM-` /
    /// `PLOI`) are whole again where the document writes them nowhere else: the dictionary
    /// knows them whole and not hyphenated.
    @Test(arguments: [
        ("dev-33-o6-stations-fr-left-carlito.pdf", "BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS", "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE"),
        ("dev-34-o6-report-nl-liberation-ragged.pdf", "BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS", "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE"),
        ("dev-34-o6-report-nl-liberation-ragged.pdf", "NAMENS DE COMMISSIE VOOR SOCIALE ZAKEN, WERK EN PENSIOENEN",
         "FAIT AU NOM DE LA COMMISSION DES AFFAIRES SOCIALES, DE L’EMPLOI ET DES PENSIONS"),
    ])
    func wordsCutInCapitalsAreWholeAgain(_ name: String, _ nl: String, _ fr: String) throws {
        #expect(try Self.pairs(name).contains([nl, fr]))
    }

    /// The Chamber's name cut in capitals needs no dictionary: its words are the lexicon's;
    /// nor does a word the document writes after an elision (`DE L’EM-` / `PLOI`, where the
    /// text writes `l’Emploi`). A dictionary opened whole costs 50 to 80 ms a process.
    @Test(arguments: [("dev-33-o6-stations-fr-left-carlito.pdf", ">CHAMBRE DES REPRÉSENTANTS DE BELGIQUE</text>"),
                      ("dev-34-o6-report-nl-liberation-ragged.raw.txt", ">FAIT AU NOM DE LA COMMISSION DES AFFAIRES SOCIALES, DE L’EMPLOI ET DES PENSIONS</text>")])
    func capitalsCutNeedNoDictionaryWhereTheDocumentOrTheLexiconSpeaks(_ name: String, _ text: String) throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try runCLI(["convert", "--in-process", "--schema", Paths.schema, Paths.fixture("typeset/dev/\(name)"), "-o", out.path],
                                environment: ["CHAMBERDOC_HUNSPELL": out.appendingPathComponent("no-hunspell").path])
        #expect(result.status == 0, "\(result.err)")
        let stem = name.replacingOccurrences(of: ".raw.txt", with: ".raw").replacingOccurrences(of: ".pdf", with: "")
        let xml = try String(contentsOf: out.appendingPathComponent("\(stem).xml"), encoding: .utf8)
        #expect(xml.contains(text))
    }

    /// The Chamber's name on a `-layout` cover, a word of it cut over two lines
    /// (`VOLKSVERTEGENWOORDI-` / `GERS`), ends where it is whole, before the session's line.
    @Test func theChambersNameEndsWhereItIsWholeThoughCut() throws {
        let document = try PDFReadingTests.development("dev-34-o6-report-nl-liberation-ragged.layout.txt")
        let dutch = document.sections.flatMap(\.units).compactMap { $0.passages[.nl]?.first?.text }
        #expect(dutch.prefix(2) == ["BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS", "GEWONE ZITTING 2025-2026"])
        #expect(Lexicon.isChamberName(["BELGISCHE KAMER VAN", "VOLKSVERTEGENWOORDI-", "GERS"]))
    }

    /// A heading ends before the capital of the text under it: in `-layout`, though its last
    /// line is the end of a word the column cut (`A. Vragen en opmerkingen van de le-` /
    /// `den`: no article); in plain `pdftotext` of a ragged column, though it opens its block
    /// and stops short of the column by less than a paragraph's last line does, since the next
    /// line's first word would have fitted on it (`Schorsingen door de vicegouverneur` /
    /// `Totalen 2023. De …`).
    @Test(arguments: [
        ("dev-34-o6-report-nl-liberation-ragged.layout.txt", "Vragen en opmerkingen van de leden", "Questions et observations des membres",
         "De heer Tom Claeys (PVDA-PTB) steunt het wetsvoorstel."),
        ("dev-32-o6-bill-fr-left-liberation-ragged.txt", "Schorsingen door de vicegouverneur", "Suspensions par le vice-gouverneur",
         "Totalen 2023. De vicegouverneur kreeg in totaal 3.758 dossiers binnen."),
    ])
    func aHeadingEndsBeforeTheTextUnderIt(_ name: String, _ nl: String, _ fr: String, _ text: String) throws {
        let pairs = try Self.pairs(name)
        #expect(pairs.contains([nl, fr]))
        #expect(pairs.contains { $0[0].hasPrefix(text) })
    }

    /// `pdftotext -raw` breaks a line of print before an apostrophe that the typesetter placed
    /// apart (`… aangenomen. L` / `’article 1er …`, `DE L ’EMPLOI`): the elisions are whole
    /// again, and the row's two languages are cut as one line.
    @Test func elisionsThatARawDumpBrokeAreWhole() throws {
        let pairs = try Self.pairs("dev-34-o6-report-nl-liberation-ragged.raw.txt")
        #expect(pairs.contains(["Artikel 1 wordt eenparig aangenomen.", "L’article 1er est adopté à l’unanimité."]))
        #expect(pairs.contains(["NAMENS DE COMMISSIE VOOR SOCIALE ZAKEN, WERK EN PENSIOENEN",
                                "FAIT AU NOM DE LA COMMISSION DES AFFAIRES SOCIALES, DE L’EMPLOI ET DES PENSIONS"]))
    }

    /// Paragraphs set without a gap or an indent: a paragraph that runs into a list item's
    /// full last line (`c) … kunnen volgen.` / `De NMBS kondigde …`) is cut from it where the
    /// other language has the two apart, and stays a paragraph of its own, the item keeping
    /// its label.
    @Test func aParagraphThatRanIntoAnItemIsCutFromIt() throws {
        let document = try PDFReadingTests.development("dev-33-o6-stations-fr-left-carlito.pdf")
        func walk(_ unit: TextUnit) -> [TextUnit] { [unit] + unit.children.flatMap(walk) }
        let units = document.sections.flatMap { $0.units.flatMap(walk) }
        let item = units.first { $0.texts[.nl]?.text.hasPrefix("de reizigersinformatie is zelden beschikbaar") == true }
        #expect(item?.label == "c" && item?.texts[.nl]?.text.hasSuffix("kunnen volgen.") == true
                && item?.texts[.fr]?.text.hasSuffix("aveugles et sourds.") == true)
        let paragraph = units.first { $0.texts[.nl]?.text.hasPrefix("De NMBS kondigde in haar meerjarenplan") == true }
        #expect(paragraph?.label == nil && paragraph?.kind == .paragraph && paragraph?.texts[.fr]?.text.hasPrefix("La SNCB a annoncé") == true)
    }

    /// A typesetter that cuts no words ends a line with a hyphen only where a hyphenated word
    /// happens to reach it, one line in two hundred and fifty here: that hyphen is the word's
    /// own (`Brussel-` / `hoofdstad`), though the document writes the word nowhere else and no
    /// dictionary knows it.
    @Test func aRareLineEndHyphenIsTheWordsOwn() throws {
        let pairs = try Self.pairs("dev-32-o6-bill-fr-left-liberation-ragged.pdf")
        #expect(pairs.contains { $0[0].hasPrefix("Elk jaar brengt de vicegouverneur van het administratief arrondissement Brussel-hoofdstad een verslag uit") })
    }

    /// Plain `pdftotext` of a report: a speaker's name that the next line goes on in lower case
    /// is no signature (`Mevrouw Nathalie Dubois (Les Engagés)` / `vraagt hoe …`); a line in
    /// capitals before another is a wrapped heading, not a heading of its own (`FAIT AU NOM DE
    /// LA COMMISSION` / `DES AFFAIRES SOCIALES, …`); and the running lines of a three-page
    /// document, on the two pages after the cover, are furniture, while the document type
    /// that a cover and the resolution both print stays text.
    @Test func aThreePageReportInAPlainDump() throws {
        let name = "dev-34-o6-report-nl-liberation-ragged.txt"
        let document = try PDFReadingTests.development(name)
        let pairs = PDFReadingTests.pairs(document.sections)
        #expect(pairs.contains(["Mevrouw Nathalie Dubois (Les Engagés) vraagt hoe de regeling zal worden toegepast in ondernemingen die in ploegen werken of die een permanentie moeten verzekeren.",
                                "Mme Nathalie Dubois (Les Engagés) demande comment le régime sera appliqué dans les entreprises qui travaillent en équipes ou qui doivent assurer une permanence."]))
        let committee = document.sections.flatMap(\.units).first { $0.texts[.nl]?.text == "NAMENS DE COMMISSIE VOOR SOCIALE ZAKEN, WERK EN PENSIOENEN" }
        #expect(committee?.passages[.fr]?.map(\.text) == ["FAIT AU NOM DE LA COMMISSION DES AFFAIRES SOCIALES, DE L’EMPLOI ET DES PENSIONS"])
        #expect(!pairs.joined().contains { $0.contains("GEWONE ZITTING 2025-2026") && $0.contains("KAMER •") })
        #expect(document.furniture.filter { $0.text == "KAMER • GEWONE ZITTING 2025-2026" }.count == 2)
        // Nor are an article's two headings, printed by a bill's commentary and again by its
        // text, mid-page both times (a variant of the dump: the two set on page 2 as well).
        let text = String(decoding: try bytes(Paths.fixture("typeset/dev/\(name)")), as: UTF8.self)
        let speaker = "\nMevrouw Nathalie Dubois (Les Engagés)\nvraagt"
        #expect(text.components(separatedBy: speaker).count == 2 && text.contains("\nArtikel 1\n\nArticle 1er\n"))
        let variant = try Pipeline.document(from: Array(text.replacingOccurrences(of: speaker, with: "\nArtikel 1\n\nArticle 1er\n" + speaker).utf8), source: name)
        #expect(!variant.furniture.contains { $0.text.hasPrefix("Artikel 1") || $0.text.hasPrefix("Article 1er") })
        #expect(variant.furniture.filter { $0.text == "KAMER • GEWONE ZITTING 2025-2026" }.count == 2)
        // Nor is a line of the cover that the last page sets again at its top (the type of a
        // bill's text, the Chamber's name), nor an article's heading set mid-page and at the
        // next page's top.
        // Nor is text that both pages after the cover happen to open with (a stock sentence, an
        // article's heading).
        let top = "\u{0C}DOC 56 1342/004\n\n3\n\n", top2 = "\u{0C}DOC 56 1342/004\n\n2\n\n"
        #expect(text.components(separatedBy: top).count == 2 && text.components(separatedBy: top2).count == 2)
        for (insert, afters) in [("WETSVOORSTEL\n\nPROPOSITION DE LOI\n\n", [top]), ("CHAMBRE DES REPRÉSENTANTS DE BELGIQUE\n\n", [top]),
                                 ("Art. 2\n\nArt. 2\n\n", [top, speaker]), ("Over dit artikel worden geen opmerkingen gemaakt.\n\n", [top, top2]),
                                 ("Art. 3\n\n", [top, top2])] {
            var moved = text
            for after in afters { moved = moved.replacingOccurrences(of: after, with: after == speaker ? "\n" + insert + speaker : after + insert) }
            let document = try Pipeline.document(from: Array(moved.utf8), source: name)
            let inserted = Set(insert.split(separator: "\n").map(String.init))
            #expect(!document.furniture.contains { inserted.contains($0.text) }, "\(insert)")
        }
        let resolution = try PDFReadingTests.development("dev-33-o6-stations-fr-left-carlito.txt").sections.flatMap(\.units)
        #expect(resolution.filter { $0.texts[.nl]?.text == "VOORSTEL VAN RESOLUTIE" && $0.texts[.fr]?.text == "PROPOSITION DE RÉSOLUTION" }.count == 2)
        // A column's footer that plain `pdftotext` set mid-page, above the page's number, is
        // at that page's bottom: furniture, not a piece of the French text.
        #expect(!resolution.contains { $0.texts[.fr]?.text.contains("SESSION DE LA 56e LÉGISLATURE") == true })
    }
}
