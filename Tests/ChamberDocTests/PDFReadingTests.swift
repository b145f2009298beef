import ChamberDoc
import Foundation
import Testing

/// The PDF reader on the held-out half of the typeset corpus (`Fixtures/typeset/test`, made
/// by another engine with other fonts than the development half it was built on, and by a
/// third, WeasyPrint, a fourth, pdfLaTeX, a fifth, Typst, and a sixth, LibreOffice Writer,
/// with other settings than their development documents), and its refusals.
@Suite struct PDFReadingTests {
    static let folder = Paths.fixture("typeset/test")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    }

    /// `(nl, fr)` of every gold unit (of one section, if given), sub-requests included, white
    /// space collapsed.
    static func goldPairs(_ name: String, section: String? = nil) throws -> [[String]] {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name.replacingOccurrences(of: ".pdf", with: ".gold.json"))
        let gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        func walk(_ unit: [String: Any]) -> [[String]] {
            let pair = [unit["nl"] as? String ?? "", unit["fr"] as? String ?? ""].map(collapsed)
            return [pair] + ((unit["children"] as? [[String: Any]]) ?? []).flatMap(walk)
        }
        return ((gold["units"] as? [[String: Any]]) ?? []).filter { section == nil || $0["section"] as? String == section }.flatMap(walk)
    }

    /// `[abbr, name]` of the gold's party table, and `[code, Dutch, French]` of its legend.
    static func goldTables(_ name: String) throws -> (parties: [[String]], legend: [[String]]) {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name.replacingOccurrences(of: ".pdf", with: ".gold.json"))
        let gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return (((gold["parties"] as? [[String: String]]) ?? []).map { [$0["abbr"] ?? "", $0["name"] ?? ""] },
                ((gold["legend"] as? [[String: Any]]) ?? []).map { entry in ["code", "nl", "fr"].map { entry[$0] as? String ?? "" } })
    }

    /// `[n, language, text]` of the gold's footnotes, in both languages.
    static func goldNotes(_ name: String) throws -> Set<[String]> {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name.replacingOccurrences(of: ".pdf", with: ".gold.json"))
        let gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let notes = (gold["footnotes"] as? [[String: Any]]) ?? []
        return Set(notes.flatMap { note in ["nl", "fr"].map { ["\(note["n"] as? Int ?? 0)", $0, collapsed(note[$0] as? String ?? "")] } })
    }

    static func collapsed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    static func pairs(_ sections: [Section]) -> Set<[String]> {
        func walk(_ unit: TextUnit) -> [[String]] {
            [[unit.texts[.nl]?.text ?? "", unit.texts[.fr]?.text ?? ""].map(collapsed)] + unit.children.flatMap(walk)
        }
        return Set(sections.flatMap { $0.units.flatMap(walk) })
    }

    /// poppler-glib is opened when a process reads its first PDF, not loaded with every
    /// process: converting a text dump loads none of it (the dynamic loader's own record of
    /// the files it opens, `LD_DEBUG=files`, written to a file), converting a PDF does.
    @Test func onlyReadingAPDFLoadsPoppler() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func loadsPoppler(_ input: String) throws -> Bool {
            let record = dir.appendingPathComponent("loader-\(UUID().uuidString)")
            let result = try runCLI(["convert", "--in-process", "--schema", Paths.schema, input, "-o", dir.path],
                                    environment: ["LD_DEBUG": "files", "LD_DEBUG_OUTPUT": record.path])
            #expect(result.status == 0, "\(result.err.suffix(300))")
            // The loader appends the process id to the name.
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(record.lastPathComponent) }
            let loaded = try files.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }.joined()
            #expect(loaded.contains("file=libxml2.so.2"), "the loader's record is missing")
            return loaded.contains("file=libpoppler-glib.so")
        }
        #expect(try !loadsPoppler(Paths.seed))
        #expect(try loadsPoppler(Paths.fixture("typeset/dev/dev-01-seed-nl.pdf")))
    }

    @Test func theHeldOutPDFsAreRead() throws {
        #expect(Self.names.count >= 8)
        var right = 0, total = 0, parties = 0, goldParties = 0, legend = 0, goldLegend = 0, front = 0, goldFront = 0
        for name in Self.names {
            let bytes = try bytes(Self.folder + "/" + name)
            let document = try Pipeline.document(from: bytes, source: name)
            #expect(document.layout == .pdf)
            let gold = try Self.goldPairs(name), found = Self.pairs(document.sections)
            let matched = gold.filter { found.contains($0) }.count
            right += matched
            total += gold.count
            // The front matter, in the front section.
            let frontGold = try Self.goldPairs(name, section: "front"), frontFound = Self.pairs(document.sections.filter { $0.kind == .front })
            goldFront += frontGold.count
            front += frontGold.filter { frontFound.contains($0) }.count
            // The party table and the legend, found on the cover, with their pages and boxes.
            let expected = try Self.goldTables(name)
            goldParties += expected.parties.count
            parties += document.facts.parties.filter { expected.parties.contains($0.cells) }.count
            goldLegend += expected.legend.count
            legend += document.facts.legend.filter { expected.legend.contains($0.cells) }.count
            #expect(document.facts.parties.allSatisfy { $0.span.boxDescription != nil }, "\(name)")
            // Every text points at its page and its box there; none has input lines.
            for section in document.sections {
                for unit in section.units {
                    for text in unit.passages.values.joined() {
                        #expect(text.span.page != nil && text.span.boxDescription != nil && text.span.lines.isEmpty, "\(name) \(unit.id)")
                    }
                }
            }
            #expect(try SchemaValidator(schemaPath: Paths.schema).problems(in: Pipeline.xml(document), name: name).isEmpty)
        }
        // Floors against regressions, below what the reader gives today (1,334 of 1,350 pairs,
        // 69 of 80 party rows, 50 of 63 legend entries: test-09's cover is misread); the
        // issue's aim is all of them.
        #expect(right * 100 >= total * 98, "\(right) of \(total) gold pairs")
        #expect(goldParties >= 50 && parties * 100 >= goldParties * 85, "\(parties) of \(goldParties) parties")
        #expect(goldLegend >= 40 && legend * 100 >= goldLegend * 75, "\(legend) of \(goldLegend) legend entries")
        #expect(goldFront >= 40 && front * 100 >= goldFront * 80, "\(front) of \(goldFront) front units")
    }

    /// Paragraphs that a page end cuts go on over the page: one whose column ends in the page's
    /// footnotes (the gap above the notes is no paragraph end), and one whose last line ends
    /// on a preposition (`…dat de inzet van` / `Defensie tegen…`), a capital after it or not.
    /// (Development PDFs: the behaviour, not the score.)
    @Test(arguments: [
        ("dev-07-bill-nl.pdf", "aanstellingen in de Brusselse OCMW’s, en in 2023 opnieuw piekt", "pour culminer une nouvelle fois en 2023"),
        ("dev-04-seed-ragged.pdf", "in rekening genomen dat de inzet van Defensie tegen", "considérant que l'engagement de la Défense dans la lutte"),
    ])
    func paragraphsCutByAPageEndAreWholeAgain(_ name: String, _ nl: String, _ fr: String) throws {
        let document = try Self.development(name)
        func walk(_ unit: TextUnit) -> [TextUnit] { [unit] + unit.children.flatMap(walk) }
        let units = document.sections.flatMap { $0.units.flatMap(walk) }
        #expect(units.contains { $0.texts[.nl]?.text.contains(nl) == true && $0.texts[.fr]?.text.contains(fr) == true })
    }

    /// `pdftotext -layout` keeps a paragraph's first-line indent: a line before a more indented
    /// one ends its paragraph (`Dames en Heren,` / `   Dit wetsvoorstel neemt, …`), but not a
    /// label whose next lines hang under its text (`a) handel en …` / `   middelen in …`). So
    /// does a centred heading, set in deeper than the first line after it (`Intrekking van
    /// beslissingen` / `    Wanneer de …` / `van een …`). Without indents or blank lines, a
    /// short line before a capital ends a heading (`Schorsingen door de vicegouverneur` /
    /// `Totalen 2023. …`, also right under another heading, `Globaal beeld`), a change to or
    /// from capitals ends a block, and so does a whole heading, though set on two lines
    /// (`VOORSTEL VAN` / `RESOLUTIE` / `DE KAMER VAN` / …).
    /// Notes whose number stands before their text (`1   Verslag …`) leave the text, and
    /// their markers with them.
    /// A cover has no gutter through the page, but bands of lines with one of their own: the
    /// chamber's name on two lines and the date, each language's cell apart; a centred line
    /// set in after one that ends on an article or a preposition goes on in it
    /// (`CHAMBRE DES REPRÉSENTANTS DE` / `BELGIQUE`), and so does a short line before a
    /// capital (`uitwisseling tussen` / `Defensie, federale`). A heading right above a page's
    /// notes (`Art. 2`) does not run into the next page's text.
    /// (Development dumps: the behaviour, not the score.)
    @Test(arguments: [
        ("dev-07-bill-nl.layout.txt", "Dit wetsvoorstel neemt, met een aantal aanpassingen, de tekst over van het voorstel DOC 55 0437/001.",
         "La présente proposition reprend, en les adaptant, les textes de la proposition de résolution DOC 55 0437/001."),
        ("dev-05-seed-narrow.layout.txt", "handel en gebruik van verdovende middelen in kazernes;",
         "des cas de trafic et de consommation de stupéfiants dans certaines casernes;"),
        ("dev-01-seed-nl.layout.txt", "BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS", "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE"),
        ("dev-01-seed-nl.layout.txt", "6 februari 2026", "6 février 2026"),
        ("dev-07-bill-nl.layout.txt", "Intrekking van beslissingen", "Retrait des décisions"),
        ("dev-10-bill-rows-fr-left.layout.txt", "TOELICHTING", "DÉVELOPPEMENTS"),
        ("dev-10-bill-rows-fr-left.layout.txt", "Dames en Heren,", "Mesdames, Messieurs,"),
        ("dev-10-bill-rows-fr-left.layout.txt", "Schorsingen door de vicegouverneur", "Suspensions par le vice-gouverneur"),
        ("dev-23-t5-bill-fr-left-sans-ragged.layout.txt", "Schorsingen door de vicegouverneur", "Suspensions par le vice-gouverneur"),
        ("dev-11-seed-rows-narrow.layout.txt", "DE KAMER VAN VOLKSVERTEGENWOORDIGERS,", "LA CHAMBRE DES REPRÉSENTANTS,"),
        ("dev-19-l4-seed-fr-left-times-ragged.layout.txt", "BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS", "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE"),
        ("dev-20-l4-bill-nl-pagella.layout.txt", "Art. 2", "Art. 2"),
        ("dev-05-seed-narrow.layout.txt", "structurele informatie-uitwisseling tussen Defensie, federale politie en douane;",
         "de l'organisation d'un échange d'informations structurel entre la Défense, la Police fédérale et les services de la douane;"),
        ("dev-03-bill-fn-cross.layout.txt",
         "Elk jaar brengt de vicegouverneur van het administratief arrondissement Brussel-hoofdstad een verslag uit over de toepassing van de taalwetgeving in de Brusselse plaatselijke besturen. Het jongste verslag handelt over het jaar 2023. In hetgeen hieronder volgt geven we de voornaamste resultaten uit dit jaarverslag weer.",
         "Chaque année, le vice-gouverneur de l’arrondissement administratif de Bruxelles-Capitale rédige un rapport sur l’application de la législation linguistique au sein des administrations locales bruxelloises. Le dernier rapport en date concerne l’année 2023. En voici les principaux résultats:"),
    ])
    func sideBySideDumpsKeepParagraphsAndCover(_ name: String, _ nl: String, _ fr: String) throws {
        let document = try Self.development(name)
        #expect(document.layout == .sideBySide)
        #expect(Self.pairs(document.sections).contains([nl, fr]))
    }

    /// A cover prints the document number once, for both languages: no paragraph without a
    /// French text (P102) for it, while it stays the front matter's unit. (A development PDF.)
    @Test func aCoversDocumentNumberIsNoTextOfOneLanguage() throws {
        let document = try Self.development("dev-01-seed-nl.pdf")
        let number = try #require(document.sections.flatMap(\.units).first { $0.texts[.nl]?.text == "DOC 56 0123/001" })
        #expect(number.texts[.fr] == nil)
        #expect(!document.findings.contains { $0.code == .unitInOneLanguage })
    }

    /// Plain `pdftotext` of columns of unequal widths, whose justified lines it often cuts
    /// into single words, has too few blank lines for the clean layout. Its blocks (lines
    /// between blank ones) are still one column's: each is read in one language (the short
    /// `DÉVELOPPEMENTS` between two Dutch headings stays French), and its lines are measured
    /// against its own width, not the wider French column's. (A development dump.)
    @Test func plainDumpBlocksKeepOneLanguageAndTheirWidth() throws {
        let document = try Self.development("dev-08-seed-letter-unequal.txt")
        #expect(document.layout == .pageSerializedRaw)
        let pairs = Self.pairs(document.sections)
        #expect(pairs.contains(["TOELICHTING", "DÉVELOPPEMENTS"]))
        #expect(pairs.contains(["DAMES EN HEREN,", "MESDAMES, MESSIEURS,"]))
        #expect(pairs.contains { $0[0].hasPrefix("Tegelijk is drugshandel") && $0[0].hasSuffix("in bepaalde legereenheden.") })
    }

    /// A PDF laid out by an engine that shapes text (WeasyPrint, engine 3) sets the hyphen it
    /// adds at a line end as U+2010 (`volksgezond‐` / `heid`), apart from the words' own
    /// hyphen-minus (`lucht- en observatieca‐` / `paciteiten`): the PDF and every dump of it join
    /// the cut words and keep the suspended compound's hyphen. Before, each such paragraph
    /// kept `volksgezond‐ heid` and found no counterpart. A hyphen-minus at a line end is then
    /// the author's, which stays (but plain `pdftotext` joins such a word itself, dropping
    /// its hyphen). (Development PDF dev-14.)
    @Test(arguments: [".pdf", ".txt", ".layout.txt", ".raw.txt"])
    func aShapingEnginesLineEndHyphenJoinsItsWord(suffix: String) throws {
        let pairs = Self.pairs(try Self.development("dev-14-w3-seed-nl-serif" + suffix).sections)
        #expect(pairs.contains { $0[0].hasPrefix("De internationale drugshandel vormt een ernstige bedreiging voor de volksgezondheid en de interne veiligheid.")
                                 && $0[1].hasPrefix("Le trafic international de stupéfiants représente une menace sérieuse") })
        #expect(pairs.contains(["overwegende dat Defensie beschikt over maritieme, lucht- en observatiecapaciteiten die essentieel zijn voor het detecteren en volgen van verdachte bewegingen op zee;",
                                "considérant que la Défense dispose de capacités maritimes, aériennes et d'observation qui sont essentielles pour la détection et le suivi des mouvements suspects en mer;"]))
        #expect(!pairs.joined().contains { $0.unicodeScalars.contains("\u{2010}") || $0.unicodeScalars.contains("\u{AD}") })
        // A hyphen-minus at a line end is then the word's own (`extern-` / `operationeel`).
        if suffix != ".txt" {
            #expect(pairs.contains { $0[0].contains("zowel extern-operationeel als intern-preventief") })
        }
    }

    /// Rows set close together hide a paragraph end that closes a sentence before a capital
    /// (`… dus helemaal in gebreke.` / `Totalen in historisch perspectief.`): the PDF keeps it
    /// as a soft break, and the align stage cuts there where the other language has two
    /// paragraphs. A page end after a bracket goes on in lower case (`… commune (COCOM)` /
    /// `ne lui a fait part …`). (Development PDF dev-16.)
    @Test func aTightPDFsHiddenParagraphEndIsCutWhereTheOtherLanguageShowsIt() throws {
        let pairs = Self.pairs(try Self.development("dev-16-w3-bill-nl.pdf").sections)
        #expect(pairs.contains([
            "Totalen 2023. De vicegouverneur geeft in zijn jaarverslag te kennen dat hij van geen enkele vernietiging door de twee collegeleden van de Gemeenschappelijke Gemeenschapscommissie (GGC) kennis heeft. Ook hier blijft de toezichthoudende overheid dus helemaal in gebreke.",
            "Totaux 2023. Dans son rapport annuel, le vice-gouverneur souligne que le Collège de la Commission communautaire commune (COCOM) ne lui a fait part d’aucune annulation. L’autorité de contrôle est donc totalement en défaut.",
        ]))
        #expect(pairs.contains([
            "Totalen in historisch perspectief. Net zoals bij de gemeenten kan worden vastgesteld dat het vernietigingsbeleid van onwettige aanstellingen door de collegeleden van de GGC nagenoeg onbestaande is.",
            "Les totaux, d’un point de vue historique. Tout comme pour les communes, on peut constater que la politique d’annulation des désignations illégales par les membres du collège réuni de la COCOM est pratiquement inexistante.",
        ]))
    }

    /// A page end right after a sentence (`… om deze beslissingen te vernietigen.` / next page
    /// `Zoals eerder gesteld …`) may or may not end its paragraph: a guessed end, joined again
    /// where the other language runs on over the page in one paragraph. (Development PDF
    /// dev-16, and its `-layout` dump.)
    @Test(arguments: [".pdf", ".layout.txt"])
    func aPageEndAfterASentenceIsAGuessedEnd(suffix: String) throws {
        let units = try Self.development("dev-16-w3-bill-nl" + suffix).sections.flatMap(\.units)
        let unit = try #require(units.first { $0.texts[.nl]?.text.hasPrefix("Totalen 2018. Vervolgens is het aan de voogdijoverheid") == true })
        #expect(unit.passages[.nl]?.count == 1 && unit.passages[.fr]?.count == 1 && unit.link == "1-1")
        #expect(unit.passages[.nl]?.first?.text.contains("te vernietigen. Zoals eerder gesteld") == true)
    }

    /// A cover set in one weight, its cells close together: the Chamber's whole name (wrapped
    /// at a cut word) is a paragraph of its own, not run into the session line, and a title
    /// does not end on a preposition (`… drugshandel in` / `ons defensiebeleid`).
    /// (Development PDFs dev-16 and dev-15, engine 3.)
    @Test func aCoverInOneWeightKeepsItsCellsApart() throws {
        let bill = Self.pairs(try Self.development("dev-16-w3-bill-nl.pdf").sections)
        #expect(bill.contains(["Belgische Kamer van volksvertegenwoordigers", "Chambre des représentants de Belgique"]))
        #expect(bill.contains(["BUITENGEWONE ZITTING 2024", "SESSION EXTRAORDINAIRE 2024"]))
        #expect(bill.contains(["WETSVOORSTEL", "PROPOSITION DE LOI"]))
        #expect(bill.contains { $0[1].hasPrefix("modifiant les lois du 18 juillet 1966") })
        let seed = Self.pairs(try Self.development("dev-15-w3-seed-fr-left-ragged.pdf").sections)
        #expect(seed.contains([Self.title.nl, Self.title.fr]))
    }

    /// Typst (engine 5) sets paragraphs apart by a quarter of a line more than its line pitch
    /// (16.3 points against 13.2: `spacing` 0.9 em, `leading` 0.6 em), which is a paragraph
    /// end; a heading set larger than the body keeps its own, larger pitch, which is none
    /// (`VOORSTEL VAN` / `RESOLUTIE`). (Development PDFs dev-22, engine 5, and dev-11.)
    @Test func aParagraphSpaceOfAQuarterLineEndsAParagraph() throws {
        let pairs = Self.pairs(try Self.development("dev-22-t5-seed-nl-libertinus.pdf").sections)
        #expect(pairs.contains { $0[0].hasPrefix("Maar de internationale drugshandel") && $0[0].hasSuffix("geavanceerder worden.") })
        #expect(pairs.contains { $0[0].hasPrefix("België beschikt via Defensie") && $0[1].hasSuffix("en particulier en mer.") })
        #expect(pairs.contains(["VERZOEKT DE FEDERALE REGERING:", "DEMANDE AU GOUVERNEMENT FÉDÉRAL:"]))
        let rows = try Self.development("dev-11-seed-rows-narrow.pdf")
        #expect(Self.pairs(rows.sections).contains(["VOORSTEL VAN RESOLUTIE", "PROPOSITION DE RÉSOLUTION"]))
        // The heading cut in two would have broken the document's structure: its
        // considerations and requests are all linked by their labels.
        func walk(_ unit: TextUnit) -> [TextUnit] { [unit] + unit.children.flatMap(walk) }
        let labelled = rows.sections.flatMap { $0.units.flatMap(walk) }.filter { $0.label != nil && $0.link == "1-1" }
        #expect(labelled.count >= 30, "\(labelled.count) labelled units linked")
    }

    /// TeX (engine 4) sets its PDFs in ways the other engines did not: it breaks a ragged
    /// paragraph as a whole, so a line may stop short of a word that fits (`Les trafiquants` /
    /// `de drogues se montrent`, `… sensornetwerken` / `– actief en …`), or run past the
    /// column into the gutter (`… d'informations` beside `3.3. structurele …`); it sets headings centred one under the other with no gap
    /// (`De gemeenten` / `Globaal beeld`), a centred title whose first line is full (`… en ce
    /// qui concerne` / `la surveillance …`) or ends on a preposition (`… la lutte contre` / `le
    /// trafic …`); it hyphenates capitals (`FÉDÉ-` / `RAL:`, written `fédéral` elsewhere);
    /// its raised note marker before a semicolon comes out as `dossiers6 ;`; a note's line
    /// may open as a label would (`p. 71 (ci-après: Rapport).`); and a gap too narrow to
    /// show sets the signatures under the last paragraph (`… armées belges.` / `Kristien
    /// Verbelen (VB)`). (Development PDFs dev-18 to dev-21.)
    @Test func aTeXSetPDFIsReadWhole() throws {
        let ragged = Self.pairs(try Self.development("dev-19-l4-seed-fr-left-times-ragged.pdf").sections)
        #expect(ragged.contains { $0[1].hasPrefix("Le trafic international de stupéfiants représente une menace sérieuse pour la santé publique et la sécurité intérieure. Les trafiquants de drogues se montrent") })
        #expect(ragged.contains(["VERZOEKT DE FEDERALE REGERING:", "DEMANDE AU GOUVERNEMENT FÉDÉRAL:"]))
        #expect(ragged.contains { $0[0].contains("radar- en sensornetwerken – actief en structureel ter beschikking te stellen") })
        #expect(ragged.contains(["structurele informatie-uitwisseling tussen Defensie, federale politie en douane;",
                                 "de l'organisation d'un échange d'informations structurel entre la Défense, la Police fédérale et les services de la douane;"]))
        let headings = Self.pairs(try Self.development("dev-20-l4-bill-nl-pagella.pdf").sections)
        #expect(headings.contains(["De gemeenten", "Les communes"]) && headings.contains(["Globaal beeld", "Aperçu global"]))
        let seed = Self.pairs(try Self.development("dev-18-l4-seed-nl-lmodern.pdf").sections)
        #expect(seed.contains([Self.title.nl, Self.title.fr]))
        #expect(seed.contains { $0[0].hasSuffix("integriteitscultuur van de Belgische krijgsmacht.") && $0[1].hasSuffix("la culture d'intégrité des forces armées belges.") })
        let bill = try Self.development("dev-21-l4-bill-fr-left-helvet.pdf")
        let pairs = Self.pairs(bill.sections)
        #expect(pairs.contains { $0[1] == "modifiant les lois du 18 juillet 1966 sur l’emploi des langues en matière administrative en ce qui concerne la surveillance de l’exécution de ces lois" })
        #expect(pairs.contains { $0[1].contains("un total de 3.758 dossiers; parmi ceux-ci") })
        let notes = Set(bill.footnotes.map { [$0.number, $0.language.rawValue, $0.content.text] })
        #expect(bill.footnotes.count == 12)
        #expect(notes.contains(["1", "fr", "Rapport du vice-gouverneur de l'arrondissement administratif de Bruxelles-Capitale pour l'année 2023, rapport inédit, p. 71 (ci-après: Rapport)."]))
    }

    /// `pdftotext -raw` glues a TeX note's raised number to its text (`6Il s'agit …`): the
    /// notes are found all the same, and their markers in the text. (Development dump dev-21.)
    @Test func aRawDumpsGluedNoteNumbersOpenTheirNotes() throws {
        let document = try Self.development("dev-21-l4-bill-fr-left-helvet.raw.txt")
        let notes = Set(document.footnotes.map { [$0.number, $0.language.rawValue, $0.content.text] })
        #expect(document.footnotes.count == 12 && document.footnotes.allSatisfy(\.referenced))
        #expect(notes.contains(["11", "fr", "Rapport, p. 55."]) && notes.contains(["11", "nl", "Verslag, blz. 55."]))
        #expect(notes.contains { $0[0] == "6" && $0[1] == "fr" && $0[2].hasPrefix("Il s'agit ici de dossiers, et non de personnes recrutées.") })
    }

    /// A note that a page end cut goes on just above the next page's first note, where a
    /// dump gives it as the column's last line of text (`-layout`: `2003, p. 11.` under `…
    /// déposés par les`): the line ends the note, and the text goes on at the next page
    /// (`CPAS auprès du vice-gouverneur …`). (Development dump dev-03.)
    @Test func aNotesRestAboveTheNextPagesNotesEndsTheNote() throws {
        let document = try Self.development("dev-03-bill-fn-cross.layout.txt")
        let notes = Dictionary(document.footnotes.map { ("\($0.number) \($0.language.rawValue)", $0.content.text) }) { first, _ in first }
        #expect(notes["7 fr"]?.hasSuffix("n° 118 134 du 8 avril 2003, p. 11.") == true, "\(notes["7 fr"] ?? "")")
        #expect(notes["7 nl"]?.hasSuffix("Raad van State nr. 118 134 van 8 april 2003, blz. 11.") == true, "\(notes["7 nl"] ?? "")")
        let texts = document.sections.flatMap(\.units).compactMap { $0.texts[.fr]?.text }
        #expect(texts.contains { $0.hasPrefix("Totaux 2023. En 2023, 1.899 dossiers de désignations ont été déposés par les CPAS auprès du vice-gouverneur.") })
    }

    /// `pdftotext -raw` of a PDF that sets each unit's two languages as one table row
    /// (WeasyPrint, engine 3) puts the two columns' short cells on one line: the headings
    /// are cut between their languages. (Development dump dev-16.)
    @Test func aRawDumpsHeadingRowsAreCutBetweenTheirLanguages() throws {
        let pairs = Self.pairs(try Self.development("dev-16-w3-bill-nl.raw.txt").sections)
        #expect(pairs.contains(["De gemeenten", "Les communes"]) && pairs.contains(["Globaal beeld", "Aperçu global"]))
        #expect(pairs.contains(["Intrekking van beslissingen", "Retrait des décisions"]))
    }

    /// `-layout` of a list whose items hang no indent: an item whose sentence closes with a
    /// full stop before a capital seems to end there (a guessed end), and the text after the
    /// list is a paragraph of its own (`b) … wordt gegarandeerd.` / `Daarom bepleit …`).
    /// An abbreviation or an initial before a capital ends no sentence (a full line `… van
    /// Defensie M.` / `Francken, …`, after a sentence that ends inside it, set into the
    /// development dump's item); and a consideration, whose two sentences may end a line
    /// in both languages alike, is no such item (set into the side-by-side sample).
    @Test func aListItemsFullStopBeforeACapitalEndsTheItem() throws {
        func units(_ document: Document) -> [TextUnit] { document.sections.flatMap { $0.units.flatMap { [$0] + $0.children } } }
        let name = "dev-19-l4-seed-fr-left-times-ragged.layout.txt"
        let all = units(try Self.development(name))
        let item = try #require(all.first { $0.label == "b" && $0.texts[.nl]?.text.hasPrefix("een geloofwaardige externe rol") == true })
        #expect(item.texts[.nl]?.text.hasSuffix("wordt gegarandeerd.") == true && item.texts[.fr]?.text.hasSuffix("sont garanties en interne.") == true)
        #expect(all.contains { $0.texts[.nl]?.text.hasPrefix("Daarom bepleit deze resolutie") == true && $0.texts[.fr]?.text.hasPrefix("C'est pourquoi nous préconisons") == true })
        var lines = String(decoding: try bytes(Paths.fixture("typeset/dev/\(name)")), as: UTF8.self).components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasSuffix("is indien de interne weerbaarheid en integriteit") })
        lines[at] = lines[at].replacingOccurrences(of: "is indien de interne weerbaarheid en integriteit", with: "is indien. Volgens minister van Defensie M.")
        lines[at + 1] = lines[at + 1].replacingOccurrences(of: "van Defensie tegen drugs wordt gegarandeerd.", with: "Francken, de integriteit wordt gegarandeerd.")
        let named = units(try Pipeline.document(from: Array(lines.joined(separator: "\n").utf8), source: "named.layout.txt"))
        let edited = try #require(named.first { $0.label == "b" && $0.texts[.nl]?.text.hasPrefix("een geloofwaardige externe rol") == true })
        #expect(edited.texts[.nl]?.text.hasSuffix("Defensie M. Francken, de integriteit wordt gegarandeerd.") == true)
        var sample = String(decoding: try bytes(Paths.sideBySide), as: UTF8.self).components(separatedBy: "\n")
        let row = try #require(sample.firstIndex { $0.hasPrefix("maken van maritieme routes, commerciële scheepvaart en") })
        sample[row] = "maken van maritieme routes en van de commerciële vaart.     drogue utilisent les routes maritimes et la navigation."
        sample[row + 1] = "Zij gebruiken ook afgelegen zeegebieden om drugs Europa     Ils utilisent aussi les zones isolées pour faire"
        let twoSentences = units(try Pipeline.document(from: Array(sample.joined(separator: "\n").utf8), source: "two-sentences.txt"))
        let consideration = try #require(twoSentences.first { $0.kind == .consideration && $0.label == "A" })
        #expect(consideration.texts[.nl]?.text.hasSuffix("Zij gebruiken ook afgelegen zeegebieden om drugs Europa binnen te brengen;") == true)
        #expect(consideration.texts[.fr]?.text.hasSuffix("d'autres drogues en Europe;") == true && consideration.link == "1-1")
    }

    /// `-raw` gives a cover's two submitters' lines on one line (`(ingediend door mevrouw
    /// Barbara Pas c.s.) (déposée par Mme Barbara Pas et`): cut after the first bracket, and
    /// the second, its bracket open, goes on in the next line (`consorts)`). (Development
    /// dumps.)
    @Test func aRawDumpsSubmittersRowIsCutBetweenItsLanguages() throws {
        let submitters = ["(ingediend door mevrouw Barbara Pas c.s.)", "(déposée par Mme Barbara Pas et consorts)"]
        for name in ["dev-16-w3-bill-nl.raw.txt", "dev-12-bill-tables.raw.txt"] {
            let front = try #require(try Self.development(name).sections.first { $0.kind == .front })
            #expect(Self.pairs([front]).contains(submitters), "\(name)")
        }
    }

    /// A development dump converted (development dumps show the behaviour, not the score).
    static func development(_ name: String) throws -> Document {
        try Pipeline.document(from: bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
    }

    /// A cover's document number, centred in a large font across the gutter of columns of
    /// unequal widths (dev-08), leaves a word space between `56` and `0123/001` where the
    /// gutter is: a word space covers the gap (`gutter`), so the number stays whole (it was
    /// read as a title `DOC 56` / `0123/001`, with three P201 errors). Printed once for both
    /// languages, it is no unit that a language lacks (`convert` noted one on every PDF).
    @Test func aCentredDocumentNumberIsNeitherCutNorLacking() throws {
        let document = try Self.development("dev-08-seed-letter-unequal.pdf")
        let front = document.sections.filter { $0.kind == .front }.flatMap(\.units)
        #expect(front.contains { $0.texts.values.map(\.text) == ["DOC 56 0123/001"] })
        #expect(!document.findings.contains { $0.code == .numberMismatch })
        #expect(document.unitsLacking(.nl).isEmpty && document.unitsLacking(.fr).isEmpty)
    }

    static let title = (nl: "tot structurele integratie van de strijd tegen internationale drugshandel in ons defensiebeleid",
                        fr: "relative à l'intégration structurelle de la lutte contre le trafic international de stupéfiants dans notre politique de défense")

    /// What the dumps keep though their layout does not show it:
    /// - plain `pdftotext` sets a cover's title and its submitters' line in one block, and
    ///   the cover's date under the document number: the submitters' line opens a paragraph,
    ///   and a date alone on its line is one;
    /// - it runs a list into the clause that opens it (`… vaststelling dat:` / `a) Defensie
    ///   …`): a label after a line that closes a clause opens a paragraph;
    /// - read line by line (`.pageSerializedRaw`: blocks of several paragraphs), a block's
    ///   last line goes on past its blank line only where the text is open, however long the
    ///   line (`… in een militaire context.` / `Hoewel Defensie …`);
    /// - a row-by-row `-raw` dump of a PDF that seldom hyphenates has too few hyphen-cut lines
    ///   to measure its columns by: the first cut's parts that stop mid-sentence measure them,
    ///   and the cover's lines are cut where they should be;
    /// - a cover's two headings run together on one line (`PROPOSITION DE RÉSOLUTION VOORSTEL
    ///   VAN RESOLUTIE`) are cut in two, each in the language the lexicon gives it;
    /// - `-layout` sets the date right under the last request: a date alone is a unit; and
    ///   a line that ends on a preposition goes on in capitals (`bijdrage aan` / `MAOC-N;`);
    /// - plain `pdftotext` sets a bill's headings one after the other, the languages taking
    ///   turns (`De gemeenten`, `Les communes`, `Globaal beeld`, `Aperçu global`, …): a `ç` is
    ///   French enough for a short heading, and short blocks without a figure are headings,
    ///   not a table's cells;
    /// - it sets a label alone on its line in the block of the item before (`… bijdrage;` /
    ///   `3.3.`, `… onder meer door:` / `3.1.`): after a closed clause, a label alone opens the
    ///   next item, in blocks of one paragraph or of several, and is no piece of a justified
    ///   line cut at its widened spaces (`distribution;` / `c)`);
    /// - it runs paragraphs into each other where neither column leaves a blank line, each
    ///   language at other places (`… besturen.` / `Totalen in historisch perspectief. Zoals
    ///   …` in Dutch, `… des langues.` / `Totaux 2023. …` in French): both are cut where the
    ///   sentences cross, and the pieces between make a unit; where both languages run the
    ///   same two paragraphs together, a sentence that ends a line in both, one of the lines
    ///   joined from several at a cut word (its last line unseen), ends the first; a
    ///   footnote's marker after a sentence's end (`… verzekeren”.7`) closes the paragraph as
    ///   the mark does;
    /// - read line by line, a line that closes a sentence a little short of its column may
    ///   end its paragraph or not (a guessed end): a piece left alone beside the rest of its
    ///   paragraph, linked to the whole other one, joins it (`… de interne veiligheid.` /
    ///   `Drugscriminelen gaan …`);
    /// - it gives a bill's article headings in turns, too short to tell their language
    ///   (`Art. 2`, `Art. 2`): a language that has an article's heading twice, the other none,
    ///   gives one copy to the other, the copy that reads most like it (`Article 1er`).
    @Test(arguments: [
        ("dev-01-seed-nl.txt", title.nl, title.fr),
        ("dev-05-seed-narrow.txt", title.nl, title.fr),
        ("dev-09-seed-rows.txt", title.nl, title.fr),
        ("dev-05-seed-narrow.txt", "(ingediend door mevrouw Kristien Verbelen c.s.)", "(déposée par Mme Kristien Verbelen et consorts)"),
        ("dev-09-seed-rows.txt", "6 februari 2026", "6 février 2026"),
        ("dev-02-seed-fr-left.txt", "Deze resolutie vertrekt van de dubbele vaststelling dat:", "Elle se fonde sur un double constat:"),
        ("dev-09-seed-rows.txt", "Defensie een onbenut strategisch instrument is in de internationale strijd tegen drugs;",
         "la Défense est un instrument stratégique inexploité dans la lutte internationale contre les stupéfiants;"),
        ("dev-09-seed-rows.txt", "extra personeel en expertise;", "d'un apport supplémentaire de personnel et d'expertise;"),
        ("dev-04-seed-ragged.txt", "en ernstige veiligheidsincidenten en intimidaties in een militaire context.",
         "des incidents graves en matière de sécurité ainsi que des cas d'intimidation dans un contexte militaire."),
        ("dev-04-seed-ragged.txt", "een geloofwaardige externe rol enkel mogelijk is indien de interne weerbaarheid en integriteit van Defensie tegen drugs wordt gegarandeerd.",
         "la Défense ne pourra jouer un rôle externe crédible que si sa résilience et son intégrité en matière de stupéfiants sont garanties en interne."),
        ("dev-10-bill-rows-fr-left.raw.txt", "Belgische Kamer van volksvertegenwoordigers", "Chambre des représentants de Belgique"),
        ("dev-10-bill-rows-fr-left.raw.txt",
         "tot wijziging van de wetten van 18 juli 1966 op het gebruik van de talen in bestuurszaken wat betreft het toezicht op de uitvoering van deze wetten",
         "modifiant les lois du 18 juillet 1966 sur l’emploi des langues en matière administrative en ce qui concerne la surveillance de l’exécution de ces lois"),
        ("dev-02-seed-fr-left.raw.txt", "VOORSTEL VAN RESOLUTIE", "PROPOSITION DE RÉSOLUTION"),
        ("dev-02-seed-fr-left.raw.txt", title.nl, title.fr),
        ("dev-04-seed-ragged.layout.txt", "19 januari 2026", "19 janvier 2026"),
        ("dev-04-seed-ragged.layout.txt", "de Belgische bijdrage aan MAOC-N;", "la contribution belge au MAOC-N;"),
        ("dev-04-seed-ragged.layout.txt", "en de stand van zaken inzake drugsincidenten en preventie binnen Defensie.",
         "les incidents liés à la drogue et la prévention au sein de la Défense."),
        ("dev-07-bill-nl.txt", "Globaal beeld", "Aperçu global"),
        ("dev-07-bill-nl.txt", "Schorsingen door de vicegouverneur", "Suspensions par le vice-gouverneur"),
        ("dev-07-bill-nl.txt",
         "Totalen in historisch perspectief. Zoals onder meer uit onderstaande tabel blijkt, is het een historisch gegeven dat de voogdijoverheid zo goed als geen enkel benoemingsdossier dat in strijd is met de taalwet vernietigt.",
         "Les totaux d’un point de vue historique. Ainsi qu’il ressort, entre autres, du tableau ci-dessous, il est avéré que l’autorité de tutelle n’annule pour ainsi dire jamais un dossier de nomination contraire à la législation sur l’emploi des langues."),
        ("dev-07-bill-nl.txt",
         "Totalen in historisch perspectief. In historisch perspectief betekent dit dat het aantal illegale benoemingen ongeveer op dezelfde hoogte als de twee voorgaande jaren blijft (tabel 1).",
         "Les totaux d’un point de vue historique. D’un point de vue historique, cela signifie que le nombre de nominations illégales est demeuré plus ou moins au même niveau que les deux années précédentes (tableau 1)."),
        ("dev-09-seed-rows.txt",
         "Maar de internationale drugshandel is in toenemende mate ook een strategische en hybride dreiging die raakt aan defensie, maritieme veiligheid en geopolitieke stabiliteit. Drugskartels opereren transnationaal, maken gebruik van maritieme routes, corruptie, geweld en logistieke netwerken die steeds professioneler en technologisch geavanceerder worden.",
         "Mais le trafic international de stupéfiants constitue également une menace stratégique hybride de plus en plus sérieuse pour la défense, la sécurité maritime et la stabilité géopolitique. Les cartels de la drogue opèrent à l'échelle transnationale, utilisant les routes maritimes, recourant à la corruption et à la violence et s'appuyant sur des réseaux logistiques de plus en plus professionnels et technologiquement avancés."),
        ("dev-08-seed-letter-unequal.raw.txt",
         "De internationale drugshandel vormt een ernstige bedreiging voor de volksgezondheid en de interne veiligheid. Drugscriminelen gaan in onze eigen straten steeds drierter te werk in hun strijd om territorium, waarbij niet zelden ook onschuldige burgers het slachtoffer worden. De kosten voor onze volksgezondheid lopen op tot 1 miljard euro per jaar, nog los van alle indirecte kosten die de drugsproblematiek met zich meebrengt.",
         "Le trafic international de stupéfiants représente une menace sérieuse pour la santé publique et la sécurité intérieure. Les trafiquants de drogues se montrent de plus en plus téméraires. Ils s'affrontent dans nos rues pour s'assurer le contrôle du territoire, faisant régulièrement des victimes parmi les citoyens innocents. Le coût pour notre santé publique atteint un milliard d'euros par an, sans compter tous les coûts indirects liés à la problématique des stupéfiants."),
        ("dev-07-bill-nl.txt", "Artikel 1", "Article 1er"),
        ("dev-07-bill-nl.txt", "Art. 2", "Art. 2"),
        ("dev-09-seed-rows.txt", "een verhoogde operationele bijdrage;", "d'une augmentation de la contribution opérationnelle;"),
        ("dev-11-seed-rows-narrow.txt", "de Belgische deelname aan MAOC-N aanzienlijk te versterken, onder meer door:",
         "de renforcer considérablement la participation belge au MAOC-N, notamment au travers:"),
        ("dev-11-seed-rows-narrow.txt", "een discrepantie tussen het formele nultolerantiebeleid en de praktijk;",
         "un décalage entre la politique officielle de tolérance zéro et la pratique;"),
    ])
    func dumpsKeepWhatTheirLayoutDoesNotShow(_ name: String, _ nl: String, _ fr: String) throws {
        #expect(Self.pairs(try Self.development(name).sections).contains([nl, fr]))
    }

    /// Plain `pdftotext` gives a bill's article headings in turns, Dutch first where the Dutch
    /// column is the left one (`Art. 2` at line 317, then at 319): the copy that moves to
    /// French is the one in the French turn. (A development dump.)
    @Test func anArticleHeadingTwiceInOneLanguageGivesTheCopyInTheOtherLanguagesTurn() throws {
        let document = try Self.development("dev-07-bill-nl.txt")
        let heading = try #require(document.sections.flatMap(\.units).first { $0.kind == .heading && $0.label == "2" })
        #expect(heading.texts[.nl]?.span.lines.description == "317" && heading.texts[.fr]?.span.lines.description == "319")
    }

    /// `-layout` gives a column a blank row where a row of the other column falls between two
    /// of its lines (a different leading): where a column shows such rows inside its running
    /// text, a blank row after a sentence's end is only a guessed paragraph end (`… in onze
    /// Defensie.` / `Getuigenissen …`), which the French paragraph, whole, undoes: one
    /// passage in each language. (A development dump.)
    @Test func aBlankRowAmongTheOtherColumnsRowsIsAGuessedEnd() throws {
        let document = try Self.development("dev-06-seed-nocover.layout.txt")
        let unit = try #require(document.sections.flatMap(\.units).first { $0.texts[.nl]?.text.hasPrefix("Tegelijk is drugshandel") == true })
        #expect(unit.link == "1-1")
        #expect(unit.texts[.nl]?.text.hasSuffix("in onze Defensie. Getuigenissen en vastgestelde feiten wijzen op recurrente drugsincidenten binnen onze krijgsmacht. Zo bleek ook uit het schandaal in Amay, dat druggebruik en zelfs drugsverkoop kon plaatsvinden en onder de radar blijven in bepaalde legereenheden.") == true)
    }

    /// `-layout` gives a heading set in bold as a plain line: a block's first line without
    /// closing punctuation that left room for the next line's first word, before a capital,
    /// is a unit of its own, a heading (`Schorsingen door de vicegouverneur` / `Totalen 2023. …`);
    /// one that ends on a conjunction goes on (`Onze tekst wil benadrukken dat` / `Defensie
    /// een sleutelrol …`), and so does one that stops near the column's width. (Development
    /// dumps.)
    @Test func aBlocksShortFirstLineBeforeACapitalIsAUnitOfItsOwn() throws {
        let units = try Self.development("dev-16-w3-bill-nl.layout.txt").sections.flatMap(\.units)
        let heading = try #require(units.first { $0.texts[.nl]?.text == "Schorsingen door de vicegouverneur" })
        #expect(heading.link == "1-1" && heading.texts[.fr]?.text == "Suspensions par le vice-gouverneur")
        #expect(units.contains { $0.texts[.nl]?.text.hasPrefix("Totalen 2023. De vicegouverneur kreeg") == true && $0.link == "1-1" })
        let seed = try Self.development("dev-11-seed-rows-narrow.layout.txt").sections.flatMap(\.units)
        #expect(seed.contains { $0.texts[.nl]?.text.hasPrefix("Onze tekst wil benadrukken dat Defensie een sleutelrol") == true && $0.link == "1-1" })
        // A paragraph's first line that stops near the column's width, before a name, goes on
        // (`… antwoordde staatssecretaris` / `De Moor op een vraag …`): a block set into the
        // same dump, before `Intrekking van beslissingen`.
        var lines = try String(contentsOfFile: Paths.fixture("typeset/dev/dev-16-w3-bill-nl.layout.txt"), encoding: .utf8)
            .components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.contains("Intrekking van beslissingen") })
        let rows = [("Op 12 maart 2024 antwoordde staatssecretaris", "Le 12 mars 2024, le secrétaire d’État De Moor"),
                    ("De Moor op een vraag over de schorsingen door", "a répondu à une question sur les suspensions"),
                    ("de vicegouverneur dat de voogdij zal optreden.", "du vice-gouverneur que la tutelle agira.")]
        lines.insert(contentsOf: rows.map { "     " + $0.0.padding(toLength: 53, withPad: " ", startingAt: 0) + $0.1 } + [""], at: at)
        let document = try Pipeline.document(from: Array(lines.joined(separator: "\n").utf8), source: "inserted.layout.txt")
        #expect(document.sections.flatMap(\.units).contains {
            $0.link == "1-1" && $0.texts[.nl]?.text == "Op 12 maart 2024 antwoordde staatssecretaris De Moor op een vraag over de schorsingen door de vicegouverneur dat de voogdij zal optreden."
        })
    }

    /// Plain `pdftotext` sets two letter-spaced footers over each other and loses letters
    /// to lines of their own (`… KLAÉM` / `GE` / `I SRL A` / `• T2Ue RZEI …`): the scraps
    /// between the footer lines are furniture too, and no text carries the footers.
    @Test func footerScrapsAreFurniture() throws {
        let document = try Self.development("dev-05-seed-narrow.txt")
        #expect(document.furniture.contains { $0.text == "GE" } && !document.furniture.contains { $0.text == "GE" && $0.kind != .runningHeader })
        let texts = Self.pairs(document.sections).flatMap { $0 }
        #expect(!texts.contains { $0.contains("C H A M B R E") || $0.contains("KLAÉM") })
    }

    /// Plain `pdftotext` may give a page's number between its two columns, away from the
    /// running lines: a line of the page's number alone, between blank lines, is furniture,
    /// and the French paragraph cut by that page end reads on (`… du Carrefour` / `5` /
    /// `d'information maritime (CIM).`).
    @Test func aPageNumberBetweenTheColumnsIsFurniture() throws {
        let document = try Self.development("dev-09-seed-rows.txt")
        #expect(document.furniture.contains { $0.kind == .pageNumber && $0.text == "5" && $0.span.page == 5 })
        let french = Self.pairs(document.sections).map { $0[1] }
        #expect(french.contains { $0.hasSuffix("fait partie des missions du Carrefour d'information maritime (CIM). La présente proposition de résolution vise à y remédier expressément.") })
    }

    /// The layouts those dumps read as: plain `pdftotext` of unequal or ragged columns line
    /// by line, a row-by-row `-raw` dump as interleaved rows.
    @Test func dumpsReadInTheirLayouts() throws {
        #expect(try Self.development("dev-04-seed-ragged.txt").layout == .pageSerializedRaw)
        #expect(try Self.development("dev-10-bill-rows-fr-left.raw.txt").layout == .interleavedRows)
    }

    /// The lexicon's cover cells: two on one line are cut where a cell of each language
    /// stands on either side, the halves nearest in length; each has its language.
    @Test func twoCoverCellsOnOneLineAreCutInTwo() {
        #expect(Lexicon.cellPair("TOELICHTING DÉVELOPPEMENTS").map { [$0.0, $0.1] } == ["TOELICHTING", "DÉVELOPPEMENTS"])
        #expect(Lexicon.cellPair("SESSION EXTRAORDINAIRE 2024 BUITENGEWONE ZITTING 2024").map { [$0.0, $0.1] }
                == ["SESSION EXTRAORDINAIRE 2024", "BUITENGEWONE ZITTING 2024"])
        #expect(Lexicon.cellPair("VOORSTEL VAN RESOLUTIE over de") == nil && Lexicon.cellPair("VERSLAG VERSLAG") == nil)
        #expect(Lexicon.wholeHeadingLanguage("Proposition de résolution") == .fr && Lexicon.wholeHeadingLanguage("Dames en Heren,") == .nl)
    }

    /// A `-raw` dump of a cover and a bill's articles, set side by side (development dump
    /// dev-23, engine 5): the Chamber's name cut short in its cell goes on in the next line
    /// (`Chambre des représentants de Belgique Belgische Kamer van` / `volksvertegenwoordigers`);
    /// two headings of one article on one line are cut into their columns, each language
    /// one, though they read alike (`Art. 2 Art. 2`); a text that names two articles is no
    /// such pair.
    @Test func aRawDumpCutsTheCellsOfItsCoverAndItsArticles() throws {
        #expect(Lexicon.cellPair("Article 1er Artikel 1").map { [$0.0, $0.1] } == ["Article 1er", "Artikel 1"])
        #expect(Lexicon.cellPair("Art. 2 Art. 2").map { [$0.0, $0.1] } == ["Art. 2", "Art. 2"])
        #expect(Lexicon.cellPair("Art. 2 van de wet") == nil && Lexicon.cellPair("artikel 3 en artikel 5 zijn") == nil)
        #expect(Lexicon.cellPair("art. 3, art. 4") == nil && Lexicon.cellPair("Art. 2 Art. 3") == nil && Lexicon.cellPair("art. 3, art. 3") == nil)
        #expect(Lexicon.opensChamberName("Belgische Kamer van") && !Lexicon.opensChamberName("Belgische Kamer van volksvertegenwoordigers"))
        let pairs = Self.pairs(try Self.development("dev-23-t5-bill-fr-left-sans-ragged.raw.txt").sections)
        #expect(pairs.contains(["Belgische Kamer van volksvertegenwoordigers", "Chambre des représentants de Belgique"]))
        #expect(pairs.contains(["Artikel 1", "Article 1er"]) && pairs.contains(["Art. 2", "Art. 2"]))
    }

    /// A line that ends with a word cut by a hyphen goes on, though the next line is set in
    /// from the left, as a centred title's is (`… strijd tegen inter-` / `nationale
    /// drugshandel …`). (A development PDF: the behaviour, not the score.)
    @Test func aCutWordJoinsTheLinesOfACentredTitle() throws {
        let name = "dev-05-seed-narrow.pdf"
        let read = try Pipeline.read(bytes(Paths.fixture("typeset/dev/\(name)")), source: name)
        let title = "tot structurele integratie van de strijd tegen internationale drugshandel in ons defensiebeleid"
        #expect(read.columns[.nl]?.blocks.contains { $0.content.text == title } == true)
    }

    /// Under a list whose items hang under their labels, a line set further left where the
    /// item's sentence closed starts a unit of its own: the date above the signatures, the
    /// paragraph after the list, though its first line is indented (by less than the items'
    /// lines in one PDF, by a little more in the other); the operative formula in capitals,
    /// cut by a page end (`VERZOEKT DE FEDERALE` / `REGERING:`), is joined again, while
    /// headings in capitals stay apart. (Development PDFs: the behaviour, not the score.)
    @Test func aLineLeftOfAListStartsAUnitAndTheFormulaCrossesItsPage() throws {
        let narrow = Self.pairs(try Self.development("dev-05-seed-narrow.pdf").sections)
        #expect(narrow.contains(["en ernstige veiligheidsincidenten en intimidaties in een militaire context.",
                                 "des incidents graves en matière de sécurité ainsi que des cas d'intimidation dans un contexte militaire."]))
        let pairs = Self.pairs(try Self.development("dev-11-seed-rows-narrow.pdf").sections)
        #expect(pairs.contains(["een geloofwaardige externe rol enkel mogelijk is indien de interne weerbaarheid en integriteit van Defensie tegen drugs wordt gegarandeerd.",
                                "la Défense ne pourra jouer un rôle externe crédible que si sa résilience et son intégrité en matière de stupéfiants sont garanties en interne."]))
        #expect(pairs.contains(["VERZOEKT DE FEDERALE REGERING:", "DEMANDE AU GOUVERNEMENT FÉDÉRAL:"]))
        #expect(pairs.contains(["19 januari 2026", "19 janvier 2026"]))
        #expect(pairs.contains(["en de stand van zaken inzake drugsincidenten en preventie binnen Defensie.",
                                "les incidents liés à la drogue et la prévention au sein de la Défense."]))
        #expect(PageCut.continuesCapitals("VERZOEKT DE FEDERALE", "REGERING:"))
        #expect(!PageCut.continuesCapitals("TOELICHTING", "DAMES EN HEREN,") && !PageCut.continuesCapitals("## VOORSTEL VAN RESOLUTIE", "DE KAMER VAN VOLKSVERTEGENWOORDIGERS,"))
        #expect(!PageCut.continuesCapitals("BUITENGEWONE ZITTING 2024", "DOC 56") && !PageCut.continuesCapitals("HOOFDSTUK 2", "ALGEMENE BEPALINGEN."))
    }

    /// A PDF set without cutting words breaks its lines at the hyphens of its words only, and
    /// they stay, in the PDF and every dump of it, though the document writes one word joined
    /// elsewhere (`veiligheids-` / `machtigingen`) and the dictionary the other (`zee-` /
    /// `routes`); a PDF that cuts words joins the same breaks. (Development PDFs dev-11,
    /// engine 1, and dev-15, engine 3, against dev-05.)
    @Test(arguments: [".pdf", ".layout.txt", ".raw.txt"])
    func aPDFThatCutsNoWordsKeepsTheHyphensAtItsLineEnds(suffix: String) throws {
        for name in ["dev-11-seed-rows-narrow", "dev-15-w3-seed-fr-left-ragged"] {
            let dutch = Self.pairs(try Self.development(name + suffix).sections).map { $0[0] }
            #expect(dutch.contains { $0.contains("Atlantische zee-routes en") }, "\(name)")
            #expect(dutch.contains { $0.contains("paraatheid, veiligheids-machtigingen en") }, "\(name)")
        }
        let cutting = Self.pairs(try Self.development("dev-05-seed-narrow" + suffix).sections).map { $0[0] }
        #expect(cutting.contains { $0.contains("Atlantische zeeroutes en") })
    }

    /// Plain `pdftotext` may read a column's blocks out of order where each language of a
    /// section runs on as a column of its own (`3.`, `5.`, `3.1.`, `3.2.`, `3.3.`, `4.`): a
    /// sub-request goes under its request all the same, and each pairs with its counterpart.
    /// (Development dump dev-24, engine 5.)
    @Test func subRequestsReadOutOfOrderGoUnderTheirRequest() throws {
        let document = try Self.development("dev-24-t5-seed-fr-left-newcm-ragged.txt")
        let requests = document.sections.flatMap(\.units).filter { $0.kind == .request }
        let three = try #require(requests.first { $0.label == "3" })
        #expect(three.children.map(\.label) == ["3.1", "3.2", "3.3"] && three.children.allSatisfy { $0.link == "1-1" })
        #expect(requests.first { $0.label == "5" }?.children.map(\.label) == ["5.1", "5.2", "5.3", "5.4"])
    }

    /// A cover's narrow cell breaks the Chamber's name anywhere (`BELGISCHE KAMER` / `VAN` /
    /// `VOLKSVERTEGENWOORDIGERS`), and a title larger than the body is centred on the page,
    /// its widest line at the text's edge: each is one text still; in `-layout`, the name's
    /// centred second line, though more indented, goes on with it (`CHAMBRE DES
    /// REPRÉSENTANTS` / `DE BELGIQUE`). (Development PDFs and dump: the behaviour, not the
    /// score.)
    @Test func aCoversNameAndCentredTitleStayWhole() throws {
        let narrow = Self.pairs(try Self.development("dev-05-seed-narrow.pdf").sections)
        #expect(narrow.contains(["BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS", "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE"]))
        #expect(narrow.contains([Self.title.nl, Self.title.fr]))
        #expect(Self.pairs(try Self.development("dev-11-seed-rows-narrow.pdf").sections).contains([Self.title.nl, Self.title.fr]))
        #expect(Lexicon.goesOnWithChamberName(["BELGISCHE KAMER", "VAN"], next: "VOLKSVERTEGENWOORDIGERS"))
        #expect(Lexicon.goesOnWithChamberName(["CHAMBRE DES REPRÉSENTANTS"], next: "DE BELGIQUE"))
        #expect(!Lexicon.goesOnWithChamberName(["BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS"], next: "DOC 56 0123/001"))
        #expect(!Lexicon.goesOnWithChamberName(["CHAMBRE DES REPRÉSENTANTS DE BELGIQUE"], next: "   "))
        #expect(Self.pairs(try Self.development("dev-14-w3-seed-nl-serif.layout.txt").sections)
            .contains(["BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS", "CHAMBRE DES REPRÉSENTANTS DE BELGIQUE"]))
    }

    /// A footnote at the page's foot whose text recurs (`12 Verslag, blz. 55.`, then `15
    /// Verslag, blz. 53.` on the next page) is numbered on from the notes before it: a note,
    /// not a running footer. (A development PDF: the behaviour, not the score.)
    @Test func aRecurringFootnoteIsNoRunningFooter() throws {
        let name = "dev-07-bill-nl.pdf"
        let document = try Self.development(name)
        let notes = Set(document.footnotes.map { [$0.number, $0.language.rawValue, $0.content.text] })
        for note in [["12", "nl", "Verslag, blz. 55."], ["12", "fr", "Rapport, p. 55."], ["15", "nl", "Verslag, blz. 53."], ["15", "fr", "Rapport, p. 53."]] {
            #expect(notes.contains(note), "\(note)")
        }
        #expect(!document.furniture.contains { $0.text.contains("Verslag") })
        // The running footers are furniture still.
        #expect(document.furniture.contains { $0.kind == .runningHeader })
    }

    /// A note that a page end cut goes on at the foot of the next page: with its text's own
    /// number (`… l'arrêt du Conseil d'État n°` / `118 134 du 8 avril 2003, p. 11.`), the rest
    /// of note 7, not a note 118; or in small print above the first note number there (`State
    /// nr. 118 134 …`). A number out of sequence after a note that closed its sentence is a
    /// note still (11 after 7). (Development PDFs: the behaviour, not the score.)
    @Test func aNoteCutByAPageEndGoesOn() throws {
        func notes(_ name: String, _ language: Language) throws -> [Footnote] {
            try Self.development(name).footnotes.filter { $0.language == language }
        }
        let french = try notes("dev-07-bill-nl.pdf", .fr)
        #expect(french.first { $0.number == "7" }?.content.text.hasSuffix("l'arrêt du Conseil d'État n° 118 134 du 8 avril 2003, p. 11.") == true)
        #expect(!french.contains { $0.number == "118" })
        #expect(french.map(\.number).contains("11"))
        let dutch = try notes("dev-03-bill-fn-cross.pdf", .nl)
        #expect(dutch.first { $0.number == "7" }?.content.text.hasSuffix("Bvb. arrest van de Raad van State nr. 118 134 van 8 april 2003, blz. 11.") == true)
    }

    /// A row-by-row `-raw` dump runs the two columns' notes together on one line, each opened
    /// by the same number (`11 Rapport, p. 55. 11 Verslag, blz. 55.`, and `… rapport 1
    /// Verslag van de vice-gouverneur …` inside the French note 1): the number of the note the
    /// left part is in, again before a capital or at the line's end (`Rapport, p. 55. 11`,
    /// then `Verslag, blz. 55.`), opens the right column's note. (Development dumps.)
    @Test func aRowsDumpCutsItsNotesAtTheirSharedNumbers() throws {
        let notes = Set(try Self.development("dev-10-bill-rows-fr-left.raw.txt").footnotes.map { [$0.number, $0.language.rawValue, $0.content.text] })
        let shared: Set<[String]> = [["11", "nl", "Verslag, blz. 55."], ["11", "fr", "Rapport, p. 55."], ["15", "nl", "Verslag, blz. 53."], ["15", "fr", "Rapport, p. 53."]]
        #expect(notes.isSuperset(of: shared))
        let atEnd = Set(try Self.development("dev-13-bill-tables-rows-fr-left.raw.txt").footnotes.map { [$0.number, $0.language.rawValue, $0.content.text] })
        #expect(atEnd.isSuperset(of: shared.union([["12", "nl", "Verslag, blz. 55."], ["12", "fr", "Rapport, p. 55."]])))
        #expect(notes.contains { $0[0] == "1" && $0[1] == "nl" && $0[2].hasPrefix("Verslag van de vice-gouverneur van het administratief arrondissement") })
    }

    /// `pdftotext` dumps of the held-out PDFs. Engine 2 draws the columns row by row: the
    /// plain dump alternates languages paragraph by paragraph, so the readers' switch cost
    /// must follow the document; the raw dump (`-raw`) of half of them interleaves the two
    /// columns line by line, often on one line, and is cut where the words change language.
    /// The `-layout` dumps are cut at their gutter, and a cover into bands. The legend of
    /// publications, whose rows each dump sets its own way (cells side by side, both on one
    /// line with the code again, or one after the other), is read whole in each. Engine 3
    /// (WeasyPrint) draws a table row per unit and hyphenates with U+2010; engine 4 (pdfLaTeX)
    /// breaks whole paragraphs and raises its note numbers; engine 5 (Typst) runs each
    /// language of a section on as a column of its own in two of its three; eight more
    /// (test-22 to test-29) set a resolution, a bill and a committee report whose texts the
    /// reader had never seen; engine 6 (LibreOffice Writer) sets four more (test-30 to
    /// test-33) as an office would. Floors below today's: plain 1,215, raw 1,177, layout 1,320
    /// of 1,350 pairs (counted as here; the plain dump of test-20, added held out with engine
    /// 5, gives 23 of 54); 59 of 63 legend rows in each dump; texts that read as the other
    /// language: one in a hundred at most.
    @Test(arguments: [(".txt", 88, 100), (".raw.txt", 86, 100), (".layout.txt", 97, 100)])
    func theDumpsOfTheHeldOutPDFsKeepTheirLanguages(suffix: String, pairsPercent: Int, textsPerContradiction: Int) throws {
        var right = 0, total = 0, texts = 0, contradicted = 0, legend = 0, goldLegend = 0
        for name in Self.names {
            let dump = Self.folder + "/" + name.replacingOccurrences(of: ".pdf", with: suffix)
            let document = try Pipeline.document(from: bytes(dump), source: dump)
            let gold = try Self.goldPairs(name), found = Self.pairs(document.sections)
            right += gold.filter { found.contains($0) }.count
            total += gold.count
            let expected = try Self.goldTables(name).legend
            goldLegend += expected.count
            legend += document.facts.legend.filter { expected.contains($0.cells) }.count
            func walk(_ unit: TextUnit) -> [(Language, String)] {
                unit.passages.flatMap { language, passages in passages.map { (language, $0.text) } } + unit.children.flatMap(walk)
            }
            for (language, text) in document.sections.flatMap({ $0.units.flatMap(walk) }) {
                texts += 1
                if LanguageEvidence.contradicts(text, language) { contradicted += 1 }
            }
        }
        #expect(right * 100 >= total * pairsPercent, "\(right) of \(total) gold pairs")
        #expect(goldLegend >= 40 && legend * 100 >= goldLegend * 80, "\(legend) of \(goldLegend) legend rows")
        #expect(contradicted * textsPerContradiction <= texts, "\(contradicted) of \(texts) texts read as the other language")
    }

    /// The footnotes of the held-out PDFs' dumps, where no TAB follows a note's number (the
    /// Chamber's own PDFs give one): found from their markers, with the gold's number,
    /// language and text. Floors below today's: plain 63, raw 61, layout 71 of 72.
    @Test(arguments: [(".txt", 59), (".raw.txt", 57), (".layout.txt", 67)])
    func theFootnotesOfTheHeldOutDumpsAreFound(suffix: String, floor: Int) throws {
        var found = 0, total = 0
        for name in Self.names {
            let dump = Self.folder + "/" + name.replacingOccurrences(of: ".pdf", with: suffix)
            let document = try Pipeline.document(from: bytes(dump), source: dump)
            let gold = try Self.goldNotes(name)
            found += Set(document.footnotes.map { [$0.number, $0.language.rawValue, Self.collapsed($0.content.text)] }).intersection(gold).count
            total += gold.count
        }
        #expect(total == 72)
        #expect(found >= floor, "\(found) of \(total) footnotes")
    }

    /// `convert doc.pdf -o out` writes `out/doc.xml` (through a worker process, as every
    /// conversion), valid, with the PDF layout; a damaged PDF is refused with exit 2.
    @Test func convertWritesTheXMLOfAPDF() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = try #require(Self.names.first)
        let cut = dir.appendingPathComponent("cut.pdf")
        try Data(try bytes(Self.folder + "/" + name).prefix(600)).write(to: cut)
        let result = try runCLI(["convert", "--schema", Paths.schema, Self.folder + "/" + name, cut.path, "-o", dir.path])
        #expect(result.status == 2)
        #expect(result.err.contains("\(cut.path): a damaged PDF") || result.err.contains("\(cut.path): a PDF without a text layer"), "\(result.err)")
        let xml = dir.appendingPathComponent(name.replacingOccurrences(of: ".pdf", with: ".xml"))
        let tree = try XMLTree.parse([UInt8](try Data(contentsOf: xml)))
        #expect(tree.root.attribute("layout") == "pdf")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("cut.xml").path))
    }

    @Test func aDamagedPDFIsRefused() throws {
        let whole = try bytes(Self.folder + "/" + (Self.names.first ?? ""))
        do {
            _ = try Pipeline.document(from: Array(whole.prefix(600)), source: "cut.pdf")
            Issue.record("a damaged PDF was converted")
        } catch {
            #expect(error.reason.hasPrefix("a damaged PDF") || error.reason.hasPrefix("a PDF without a text layer"), "\(error.reason)")
        }
    }

    /// A PDF that needs a password to open is refused in one line, and nothing is written;
    /// one encrypted with an owner password only opens for anyone, and reads like its original.
    @Test func encryptedPDFs() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let locked = Paths.fixture("pdf/encrypted-user-password.pdf"), open = Paths.fixture("pdf/encrypted-owner-password-only.pdf")
        let result = try runCLI(["convert", "--schema", Paths.schema, locked, open, "-o", dir.path])
        #expect(result.status == 2)
        #expect(result.err.contains("\(locked): an encrypted PDF; chamberdoc cannot read it without its password\n"), "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["encrypted-owner-password-only.xml"])
        let original = try Pipeline.document(from: bytes(Self.folder + "/test-06-seed-nocover.pdf"), source: "original.pdf")
        let reopened = try Pipeline.document(from: bytes(open), source: "open.pdf")
        #expect(reopened.sections.map { $0.units.map(\.texts) } == original.sections.map { $0.units.map(\.texts) })
    }

    /// A page with no text at all: what a scan without OCR gives.
    @Test func aPDFWithoutTextIsRefused() throws {
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(repeating: "0", count: 10 - String($0).count) + "\($0) 00000 n \n" }.joined()
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        do {
            _ = try Pipeline.document(from: Array(pdf.utf8), source: "scan.pdf")
            Issue.record("a PDF without text was converted")
        } catch {
            #expect(error.reason == "a PDF without a text layer (a scan?); run OCR on it first")
        }
    }
}
