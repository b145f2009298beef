import ChamberDoc
import ChamberModel
import Foundation
import Testing

/// The real plain-pdftotext dump of DOC 56 0055/002, the committee's report on the real bill:
/// a document type the corpus knows only typeset (see `Samples/README.md`).
@Suite struct RealReportTests {
    let document: Document
    let xml: XMLTree.Element

    init() throws {
        (document, xml) = try convertedWithXML(Paths.realReport)
    }

    /// Its cover names the bill first (`WETSVOORSTEL`), then `Verslag` / `Rapport`, in title
    /// case, one under the other: a report, and the two words each in its language.
    @Test func recognisedAsAReportWithItsCoverWordsPaired() throws {
        #expect(document.layout == .pageSerializedRaw)
        #expect(document.facts.type == .report)
        #expect(xml.attribute("type") == "report")
        #expect(document.facts.number == "DOC 56 0055/002")
        let front = try #require(xml.child("front").first)
        let pairs = front.children.map { ($0.texts("nl"), $0.texts("fr")) }
        for (dutch, french) in [("Verslag", "Rapport"), ("Inhoud", "Sommaire"), ("Blz.", "Pages"), ("WETSVOORSTEL", "PROPOSITION DE LOI")] {
            #expect(pairs.contains { $0.0 == [dutch] && $0.1 == [french] }, "\(dutch) / \(french)")
        }
    }

    /// The cover's table of contents (`I. Exposé introductif……3`) is front matter: the body
    /// opens at the salutation, and each part's heading is there once.
    @Test func theTableOfContentsStaysOnTheCover() throws {
        let front = try #require(xml.child("front").first), body = try #require(xml.child("body").first)
        #expect(front.child("paragraph").contains { $0.texts("fr").first?.hasPrefix("III. Discussion des articles et vote....") == true })
        #expect(body.children.first?.name == "salutation")
        #expect(body.child("heading").compactMap { $0.attribute("label") }.prefix(3) == ["I", "II", "III"])
        #expect(body.child("heading").filter { $0.attribute("label") == "I" }.count == 1)
    }

    /// The issue's bar: four units in five linked in both languages at least (measured: all
    /// 39), and no text whose words lean to the other language.
    @Test func mostUnitsAreLinkedAndNoTextIsInTheWrongLanguage() {
        let units = xml.descendants.filter { $0.attribute("link") != nil }
        let linked = units.filter { !$0.texts("nl").isEmpty && !$0.texts("fr").isEmpty }
        #expect(linked.count * 10 >= units.count * 9, "\(linked.count) of \(units.count) linked")
        for unit in units {
            for language in ["nl", "fr"] {
                for text in unit.texts(language) where text.split(separator: " ").count >= 5 {
                    let score = LanguageEvidence.score(Substring(text))
                    #expect(language == "nl" ? score > 0 : score < 0, "\(unit.attribute("id") ?? "") \(language): \(text.prefix(60))")
                }
            }
        }
        #expect(!document.findings.contains { $0.code == .wrongLanguage })
        // The printer's line, both languages on one line after a dash: a text each.
        #expect(units.contains { $0.texts("nl") == ["Centrale drukkerij -"] && $0.texts("fr") == ["Imprimerie centrale"] })
    }

    /// The committee's members on the cover's second page, printed once for both languages,
    /// are a table of their own, not units of either language: its chair, and each party's
    /// members, then substitutes (`Eva` / `Demesmaeker` one name across a line end).
    @Test func theCommitteeIsATableOfItsOwn() throws {
        #expect(document.facts.committees.count == 1)
        let committee = try #require(document.facts.committees.first)
        #expect(committee.chair?.cells == ["Voorzitter/Président:", "Ortwin Depoortere"])
        #expect(committee.groups.map { $0.cells[0] } == ["N-VA", "VB", "MR", "PS", "PVDA-PTB", "Les Engagés", "Vooruit", "cd&v", "Ecolo-Groen", "Open Vld"])
        #expect(committee.groups[0].cells[1] == "Mireille Colson, Maaike De Vreese, Eva Demesmaeker")
        #expect(committee.groups[0].cells[2] == "Christoph D'Haese, Theo Francken, Lotte Peeters, Darya Safai")
        #expect(committee.groups[6].cells[1...] == ["Brent Meuleman", "Jinnih Beels, Anja Vanrobaeys"])
        #expect(committee.captions.map { $0.cells[0] }.first == "Samenstelling van de commissie op de datum van indiening van het verslag/")
        let group = try #require(xml.all("group").first)
        #expect(group.attribute("party") == "N-VA" && group.attribute("lines") == "143-146")
        for unit in xml.descendants where unit.attribute("link") != nil {
            for text in unit.texts("nl") + unit.texts("fr") { #expect(!text.contains("Maaike De Vreese") && !text.contains("Titulaires")) }
        }
    }

    /// The signatures under each column: the captions (`La rapporteure,` / `Le président,`),
    /// then a name under each, which says nothing of its language: the French chair's name,
    /// the French column's last line, stays French though the Dutch column follows it.
    @Test func aReportsSignatureNamesStayWithTheirCaptions() throws {
        let units = xml.descendants.filter { $0.attribute("link") != nil }
        let chair = try #require(units.first { $0.texts("nl") == ["Ortwin Depoortere"] })
        #expect(chair.texts("fr") == ["Ortwin Depoortere"])
        #expect(chair.child("text").map { $0.attribute("lines") } == ["511", "496"])
        #expect(units.contains { $0.texts("nl") == ["De voorzitter,"] && $0.texts("fr") == ["Le président,"] })
    }

    /// The report with a page of its own more: another party table and two committee lists
    /// (three committees, all kept), a member's name cut after its particle (`Francesca Van` /
    /// `Belleghem`), a dash inside a Dutch paragraph's full line, which does not cut it (only
    /// the printer's line, a pair the lexicon knows, is cut at its dash), and a Dutch heading
    /// right under the French signatures.
    @Test func variantsOfTheReportKeepEveryCommitteeAndTheirRunningText() throws {
        var text = String(decoding: try bytes(Paths.realReport), as: UTF8.self)
        text = text.replacingOccurrences(of: "Ortwin Depoortere, Francesca Van Belleghem\n", with: "Ortwin Depoortere, Francesca Van\nBelleghem\n")
        text = text.replacingOccurrences(of: "Gewest weigeren toe te passen, toe te kennen aan de \n", with: "Gewest weigeren toe te passen – Région de Bruxelles-Capitale \n")
        text = text.replacingOccurrences(of: "Ortwin Depoortere\nIII. — ARTIKELSGEWIJZE", with: "Ortwin Depoortere\nAlgemene Verklaring\nIII. — ARTIKELSGEWIJZE")
        text += "0055/002\nDOC 56\n8\nGroen\n:\nGroen Partij\nAnders\n:\nAnders Partij\nTeam F\n:\nTeam Fouad Ahidar\n"
            + "Samenstelling van de commissie op de datum van indiening van het verslag/\nComposition de la commission à la date de dépôt du rapport\n"
            + "Voorzitter/Président: Zora Zwaan\nGroen\nZora Zwaan, Xavier Xylo\nWalter Wouters\nAnders\nYannick Ypers\nVictor Verdi, Ursula Umbra\nTeam F\nTom Tamtam\nSimon Sorel\n"
            + "Samenstelling van de commissie voor Justitie/\nComposition de la commission de la Justice\n"
            + "Voorzitter/Président: Quinten Quist\nGroen\nQuinten Quist\nRita Rots, Piet Pot\nAnders\nOscar Oost\nNina Noord\nTeam F\nMia Mol\nLeo Lam\n"
        let document = try Pipeline.document(from: Array(text.utf8), source: "variant.txt", glossary: CheckTests.glossary)
        #expect(document.facts.committees.map { $0.chair?.cells[1] } == ["Ortwin Depoortere", "Zora Zwaan", "Quinten Quist"])
        #expect(document.facts.committees.last?.groups.map { $0.cells[0] } == ["Groen", "Anders", "Team F"])
        #expect(document.facts.committees[1].groups.map(\.cells) == [["Groen", "Zora Zwaan, Xavier Xylo", "Walter Wouters"],
                                                                     ["Anders", "Yannick Ypers", "Victor Verdi, Ursula Umbra"], ["Team F", "Tom Tamtam", "Simon Sorel"]])
        #expect(document.facts.committees.first?.groups[1].cells == ["VB", "Ortwin Depoortere, Francesca Van Belleghem", "Werner Somers, Frank Troosters, Sam Van Rooy"])
        func all(_ units: [TextUnit]) -> [TextUnit] { units + units.flatMap { all($0.children) } }
        // A name under each caption, no more: a Dutch heading of two capitalised words right
        // after the French signatures keeps its own language.
        #expect(all(document.sections.flatMap(\.units)).contains { $0.texts[.nl]?.text == "Algemene Verklaring" })
        let paragraph = try #require(all(document.sections.flatMap(\.units)).first { $0.texts[.nl]?.text.hasPrefix("Het opzet van het voorstel") == true })
        #expect(paragraph.texts[.nl]?.text.contains("toe te passen – Région de Bruxelles-Capitale vicegouverneur.") == true)
        #expect(paragraph.texts[.fr]?.text.hasPrefix("La proposition à l’examen vise") == true)
    }

    /// `*` / `* ` / `*` under the last vote set the signatures apart: furniture, not units of
    /// no words that the checks call empty.
    @Test func asterisksSetApartAreSeparators() {
        #expect(document.furniture.filter { $0.kind == .separator }.count >= 2)
        #expect(!document.findings.contains { $0.code == .emptyText })
    }
}
