import ChamberDoc
import ChamberRead
import Foundation
import Testing

/// The real plain-pdftotext dump of DOC 56 0055/001 (a bill, not a resolution).
@Suite struct RealBillTests {
    let document: Document
    let xml: XMLTree.Element

    init() throws {
        (document, xml) = try convertedWithXML(Paths.realBill)
    }

    var allTexts: [LocatedText] {
        func walk(_ unit: TextUnit) -> [LocatedText] { Array(unit.texts.values) + unit.children.flatMap(walk) }
        return document.sections.flatMap { $0.units.flatMap(walk) }
    }

    @Test func recognisedAsABillWithItsNumber() {
        #expect(document.layout == .pageSerializedRaw)
        #expect(document.facts.type == .billProposal)
        #expect(document.facts.number == "DOC 56 0055/001")
        #expect(document.facts.legislature == "56")
        #expect(xml.attribute("type") == "bill-proposal")
    }

    @Test func explanatoryParagraphsArePairedInOrder() throws {
        let explanation = try #require(xml.child("explanation").first)
        let paragraphs = explanation.child("paragraph")
        let paired = paragraphs.filter { $0.texts("nl").count == 1 && $0.texts("fr").count == 1 }
        // Tables serialized cell by cell make some one-sided cells; prose pairs.
        #expect(paired.count * 10 >= paragraphs.count * 8, "\(paired.count) of \(paragraphs.count) paired")
        // Every unit has at least one text and says how many of each language it links; only
        // paragraphs and items join two passages; a one-sided unit says which language is missing.
        for unit in xml.descendants where unit.attribute("id") != nil {
            let nl = unit.texts("nl").count, fr = unit.texts("fr").count
            #expect(unit.attribute("link") == "\(nl)-\(fr)")
            #expect(["1-1", "1-0", "0-1", "2-1", "1-2"].contains("\(nl)-\(fr)"))
            if nl + fr == 3 { #expect(["paragraph", "item"].contains(unit.name)) }
            if nl == 0 { #expect(unit.attribute("missing") == "nl") }
            if fr == 0 { #expect(unit.attribute("missing") == "fr") }
        }
        // The first paragraphs translate each other.
        let first = try #require(paragraphs.first)
        #expect(first.texts("nl").first?.hasPrefix("Dit wetsvoorstel neemt") == true)
        #expect(first.texts("fr").first?.hasPrefix("La présente proposition reprend") == true)
        let headings = explanation.child("heading").filter { $0.attribute("label") == "A" }
        #expect(headings.first?.texts("nl") == ["De gemeenten"])
        #expect(headings.first?.texts("fr") == ["Les communes"])
    }

    @Test func noPageFurnitureInsideAnyText() {
        let furnitureLines = Set(document.furniture.compactMap(\.span.line))
        #expect(furnitureLines.count >= 26 * 5)
        for text in allTexts {
            let lines = Set(text.span.lines.ranges.flatMap { Array($0) })
            #expect(lines.isDisjoint(with: furnitureLines), "furniture line inside: \(text.text.prefix(80))")
            #expect(!text.text.contains("K A M E R") && !text.text.contains("C H A M B R E") && !text.text.contains("0055/001"))
        }
        // The page numbers and running headers were recorded.
        #expect(document.furniture.contains { $0.kind == .pageNumber && $0.text == "26" })
        #expect(document.furniture.filter { $0.text == "DOC 56" }.count >= 26)
    }

    /// The printer's line closes the last page in both languages, a dash between them
    /// (`Imprimerie centrale – Centrale drukkerij`): a text each, not one mixed text.
    @Test func thePrintersLineIsATextInEachLanguage() throws {
        let units = xml.descendants.filter { $0.attribute("link") != nil }
        let printer = try #require(units.first { $0.texts("nl") == ["Centrale drukkerij"] })
        #expect(printer.texts("fr") == ["Imprimerie centrale –"])
    }

    @Test func footnotesAreSplitOffAndLinked() throws {
        for language in Language.allCases {
            let notes = document.footnotes.filter { $0.language == language }
            #expect(notes.map(\.number) == (1...22).map(String.init), "\(language)")
            #expect(notes.filter(\.referenced).count >= 20, "\(language): \(notes.filter { !$0.referenced }.map(\.number))")
        }
        let first = try #require(document.footnotes.first { $0.language == .fr && $0.number == "1" })
        #expect(first.content.text.hasPrefix("Rapport du vice-gouverneur de l'arrondissement administratif de Bruxelles-Capitale pour l'année 2023"))
        // `l’année 2023.1 En voici`: the marker is gone from the text and linked in its place.
        let paragraph = try #require(allTexts.first { $0.text.contains("Le dernier rapport en date concerne l’année 2023.") })
        #expect(paragraph.text.contains("l’année 2023. En voici les principaux résultats:"))
        #expect(paragraph.noteRefs.map(\.number) == ["1"])
        let offset = try #require(paragraph.noteRefs.first?.offset)
        #expect(String(decoding: Array(paragraph.text.utf8)[..<offset], as: UTF8.self).hasSuffix("2023."))
        // No footnote text leaks into the body.
        #expect(!allTexts.contains { $0.text.contains("Rapport du vice-gouverneur de l'arrondissement") })
    }

    @Test func hyphenationIsUndoneAndRealHyphensKept() {
        let all = allTexts.map(\.text).joined(separator: "\n")
        #expect(all.contains("over zijn elementaire of voldoende kennis"))   // elemen- / taire
        #expect(all.contains("Contrairement au prescrit légal"))            // pres- / crit
        #expect(all.contains("vak- en werkliedenpersoneel"))                 // suspended compound
        #expect(all.contains("Brussel-Hoofdstad"))                           // hyphen before a capital
        #expect(!all.contains("elemen-"))
        #expect(!all.contains("\u{AD}"))
    }

    @Test func signatoriesOnceAndTheArticlesAligned() throws {
        #expect(document.facts.signatories.map(\.name) == ["Barbara Pas", "Francesca Van Belleghem", "Frank Troosters", "Werner Somers"])
        let body = try #require(xml.child("body").first)
        let articles = body.child("heading").compactMap { $0.attribute("label") }
        #expect(articles == ["1", "2", "3"])
        #expect(body.child("heading").first { $0.attribute("label") == "1" }?.texts("fr") == ["Article 1er"])
        #expect(body.child("date").first?.attribute("value") == "2024-07-10")
    }

    /// Note 3 quotes an article over several paragraphs, each after a line of a TAB alone:
    /// all of it stays in the note, and the paragraph that the note interrupted is joined.
    @Test func aFootnoteOfSeveralParagraphsStaysWhole() throws {
        let note = try #require(document.footnotes.first { $0.language == .nl && $0.number == "3" })
        #expect(note.content.text.contains("§ 3. De §§ 1 en 2 zijn niet toepasselijk"))
        #expect(note.content.text.hasSuffix("aangepaste voldoende of elementaire kennis bezit van de tweede taal.”"))
        #expect(!allTexts.contains { $0.text.hasPrefix("§ 4.") || $0.text.hasPrefix("§ 5.") })
        #expect(allTexts.contains { $0.text.contains("in stage of in vast verband”, kortom voor alle personeelsleden") })
    }

    /// A caption of the other language that interrupts a wrapped line (`… de` / `Tabel 9.`)
    /// opens a text of its language, and the interrupted paragraph goes on after the table.
    @Test func aCaptionInTheOtherLanguageDoesNotJoinTheParagraph() throws {
        let dutch = allTexts.filter { $0.text.hasPrefix("Tabel 9. Verdeling van de hogere betrekkingen") }
        #expect(dutch.count == 1)
        #expect(allTexts.contains { $0.text.contains("au profit des francophones, de dizaines d’emplois supérieurs auxquels ils ont pourtant légalement droit.") })
        #expect(!allTexts.contains { $0.text.contains("de Tabel 9") })
    }

    /// `B. De OCMW’s` of the second part, read as French, goes back to Dutch although both
    /// languages print a `B.` in the first part; the French paragraph it cut is whole again.
    @Test func aLabelPrintedInSeveralPartsIsFiledBack() throws {
        let headings = document.sections.flatMap(\.units).filter { $0.kind == .heading && $0.label == "B" }
        #expect(headings.count == 2)
        #expect(headings.allSatisfy { $0.texts.count == 2 })
        #expect(allTexts.contains { $0.text.contains("une proportion de 158 F pour 28 N, soit une nette distorsion.") })
    }

    /// A header row too long for a cell is the table's first row, not a paragraph.
    @Test func aTableHeaderRowBelongsToItsTable() throws {
        let tables = document.sections.flatMap(\.units).filter { $0.kind == .table }
        #expect(tables.contains { $0.texts[.fr]?.text.hasPrefix("% de désignations illégales Nombre de CPAS") == true })
    }

    /// The rows of Tableau 4 tell no language (`0-10 %`, `0`, …); they lie between the French
    /// header row and the Dutch heading `2. De afzonderlijke gemeenten`. They stay with the
    /// French table, whose rows they are, rather than follow the heading into Dutch (where
    /// they were appended to Tabel 2, and the header row was left a paragraph of its own).
    @Test func neutralTableRowsStayWithTheHeaderRowBeforeThem() throws {
        let tables = document.sections.flatMap(\.units).filter { $0.kind == .table }
        let french = try #require(tables.first { $0.texts[.fr]?.text.hasPrefix("% de nominations illégales Nombre de communes") == true })
        #expect(french.texts[.fr]?.text.hasSuffix("80,1-90 % 3 90,1-100 % 8") == true)
        #expect(french.texts[.nl]?.text.hasPrefix("% illegale benoemingen Aantal gemeenten") == true)
        let second = try #require(tables.first { $0.texts[.nl]?.text.hasPrefix("Jaar % vernietigingen") == true })
        #expect(second.texts[.nl]?.text.hasSuffix("2023 0 %") == true)
        #expect(!document.findings.contains { $0.code == .unitInOneLanguage && $0.message.contains("% de nominations illégales") })
    }

    /// Tables 9, 10, 12 and 13 are printed once for both languages: each municipality's
    /// Dutch and French name side by side, the figures once. Each language gets its table,
    /// linked to the other's: the Dutch names and header cells in Dutch, the French ones in
    /// French, the figures and the neutral columns (`NL %`) in both, from the same input
    /// lines.
    @Test func aTablePrintedForBothLanguagesIsSplitByLanguage() throws {
        let tables = document.sections.flatMap(\.units).filter { $0.kind == .table }
        let bilingual = tables.filter { $0.texts[.nl]?.text.contains("NL (absolute cijfers)") == true }
        #expect(bilingual.count == 4)
        for table in bilingual {
            let nl = try #require(table.texts[.nl]), fr = try #require(table.texts[.fr])
            #expect(nl.text.contains("Brussel ") && !nl.text.contains("Bruxelles") && !nl.text.contains("chiffres"), "\(nl.text.prefix(80))")
            #expect(fr.text.hasPrefix("Commune") && fr.text.contains("Bruxelles") && !fr.text.contains("Brussel ") && !fr.text.contains("cijfers"),
                    "\(fr.text.prefix(80))")
            #expect(!LanguageEvidence.contradicts(nl.text, .nl) && !LanguageEvidence.contradicts(fr.text, .fr))
            // The figures are read once and given to both.
            let shared = Set(nl.span.lines.ranges.flatMap { Array($0) }).intersection(fr.span.lines.ranges.flatMap { Array($0) })
            #expect(shared.count >= 60)
        }
        let nine = try #require(bilingual.first)
        #expect(nine.texts[.nl]?.text.hasPrefix("Gemeente NL (absolute cijfers) NL % FR % Anderlecht 12 15 44.4 % 55.6 % Brussel 16 50") == true)
        #expect(nine.texts[.fr]?.text.hasPrefix("Commune FR (chiffres absolus) NL % FR % Anderlecht 12 15 44.4 % 55.6 % Bruxelles 16 50") == true)
        #expect(nine.texts[.nl]?.text.hasSuffix("TOTAAL 78 218 26.4 % 73.6 %") == true)
        #expect(nine.texts[.fr]?.text.hasSuffix("TOTAL 78 218 26.4 % 73.6 %") == true)
        #expect(xml.all("table").allSatisfy { $0.attribute("missing") == nil })
        // Two names of a row stay two cells though the first line ends in a space (`Evere ` / `Evere`).
        let thirteen = try #require(bilingual.last)
        #expect(thirteen.texts[.nl]?.text.contains("Evere 12 70") == true && thirteen.texts[.fr]?.text.contains("Evere 12 70") == true)
        // The read stage goes on with the French paragraph the table cut, past it (`… de` /
        // `dizaines …`), and sets the table after its caption.
        let read = try Reader.read(bytes(Paths.realBill), source: Paths.realBill)
        let french = try #require(read.columns[.fr]?.blocks.map(\.content.text))
        #expect(french.contains { $0.contains("au profit des francophones, de dizaines d’emplois supérieurs") })
        let caption = try #require(french.firstIndex { $0.hasPrefix("Tableau 9.") })
        #expect(french[caption + 1] == "Commune")
    }

    /// The note marker of a caption above a table (`Tabel 12. … OCMW’s20`) is found though
    /// the table stands between it and the note.
    @Test func aCaptionKeepsItsNoteAcrossItsTable() throws {
        let caption = try #require(allTexts.first { $0.text.hasPrefix("Tabel 12. Verdeling van de hogere betrekkingen") })
        #expect(caption.noteRefs.map(\.number) == ["20"])
        #expect(!caption.text.hasSuffix("20"))
    }
}
