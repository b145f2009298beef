import ChamberDoc
import Foundation
import Testing

/// The reference resolution (Samples/003_…, the seed): what its README promises.
@Suite struct SeedTests {
    let xml: XMLTree.Element
    /// The seed's lines, to compare the output with the source words.
    let source: [String]

    init() throws {
        xml = try convertedXML(Paths.seed).root
        source = String(decoding: try bytes(Paths.seed), as: UTF8.self).components(separatedBy: "\n")
    }

    /// The source paragraphs that open with `label` + ". ", in input order, without the
    /// label: the Dutch one comes first in this page-serialized input, then the French one.
    func sourceTexts(label: String) -> [String] {
        source.filter { $0.hasPrefix(label + ". ") }.map { String($0.dropFirst(label.count + 2)) }
    }

    @Test func nineConsiderationsWithTheSourceWords() throws {
        let considerations = xml.all("consideration")
        #expect(considerations.map { $0.attribute("label") ?? "" } == ["A", "B", "C", "D", "E", "F", "G", "H", "I"])
        for unit in considerations {
            let label = unit.attribute("label")!
            #expect(unit.attribute("id") == "cons-\(label)")
            let expected = sourceTexts(label: label)
            #expect(expected.count == 2)
            #expect(unit.texts("nl") == [expected[0]])
            #expect(unit.texts("fr") == [expected[1]])
        }
        #expect(xml.all("consideration")[0].texts("nl")[0].hasPrefix("overwegende dat"))
        #expect(xml.all("consideration")[8].texts("nl")[0].hasPrefix("in rekening genomen dat"))
    }

    @Test func seventeenRequestsNestedWithTheSourceWords() throws {
        let all = xml.all("request")
        #expect(all.map { $0.attribute("label") ?? "" } ==
            ["1", "2", "3", "3.1", "3.2", "3.3", "4", "5", "5.1", "5.2", "5.3", "5.4", "6", "7", "7.1", "7.2", "7.3"])
        let topLevel = xml.child("resolution").flatMap { $0.child("request") }.map { $0.attribute("label") ?? "" }
        #expect(topLevel == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(xml.all("request").filter { $0.attribute("label") == "3" }.flatMap { $0.child("request") }.map { $0.attribute("label") ?? "" } == ["3.1", "3.2", "3.3"])
        for unit in all {
            let label = unit.attribute("label")!
            #expect(unit.attribute("id") == "req-\(label)")
            let expected = sourceTexts(label: label)
            #expect(expected.count == 2, "label \(label)")
            // Exactly one text per language, equal to the source; a parent's text stops
            // before its sub-requests.
            #expect(unit.texts("nl") == [expected[0]], "request \(label)")
            #expect(unit.texts("fr") == [expected[1]], "request \(label)")
        }
    }

    @Test func datesTitleSignatoriesAndParties() throws {
        let dates = xml.all("date").map { $0.attribute("value") ?? "" }
        #expect(dates == ["2026-02-06", "2026-01-19"])
        let title = xml.child("front").flatMap { $0.child("title") }
        #expect(title.count == 1)
        #expect(title.first?.texts("nl") == ["tot structurele integratie van de strijd tegen internationale drugshandel in ons defensiebeleid"])
        #expect(title.first?.texts("fr") == ["relative à l'intégration structurelle de la lutte contre le trafic international de stupéfiants dans notre politique de défense"])
        #expect(xml.all("party").count == 12)
        #expect(xml.all("party").first { $0.attribute("abbr") == "cd&v" }?.text == "Christen-Democratisch en Vlaams")
        let signatories = xml.all("signatory")
        #expect(signatories.map { $0.text } == ["Kristien Verbelen", "Annick Ponthier", "Ellen Samyn", "Katleen Bury", "Kurt Ravyts"])
        #expect(signatories.allSatisfy { $0.attribute("party") == "VB" })
        #expect(xml.attribute("type") == "resolution-proposal")
    }

    @Test func pageCutsAreJoined() throws {
        // `…verdient binnen de strategische` + (French page) + `planning, …krijgsmacht.`
        let joined = xml.child("explanation").flatMap { $0.child("paragraph") }.flatMap { $0.texts("nl") }
            .filter { $0.contains("binnen de strategische planning, capaciteitsontwikkeling") }
        #expect(joined.count == 1)
        #expect(joined.first?.hasSuffix("van de Belgische krijgsmacht.") == true)
        let french = xml.child("explanation").flatMap { $0.child("paragraph") }.flatMap { $0.texts("fr") }
        #expect(french.contains { $0.hasSuffix("dans la planification stratégique, le développement des capacités et la culture d'intégrité des forces armées belges.") })
        // `d) en ernstige…` after the French block is item d) of the Dutch list a)–c).
        let items = xml.child("explanation").flatMap { $0.child("item") }
        #expect(items.map { $0.attribute("label") ?? "" } == ["a", "b", "c", "d", "a", "b"])
        #expect(items[3].texts("nl") == ["en ernstige veiligheidsincidenten en intimidaties in een militaire context."])
        #expect(items[3].texts("fr") == ["des incidents graves en matière de sécurité ainsi que des cas d'intimidation dans un contexte militaire."])
    }

    @Test func everyUnitHasOneTextPerLanguage() throws {
        for unit in xml.descendants.filter({ $0.attribute("id") != nil }) {
            #expect(unit.texts("nl").count == 1 && unit.texts("fr").count == 1, "\(unit.attribute("id") ?? "")")
            #expect(unit.attribute("missing") == nil)
        }
    }

    @Test func textsCarryTheirInputLines() throws {
        let a = try #require(xml.all("consideration").first { $0.attribute("label") == "A" }?.child("text").first)
        #expect(a.attribute("lines") == "142")
        #expect(source[141].hasPrefix("A. overwegende dat"))
        let cut = xml.child("explanation").flatMap { $0.child("paragraph") }.flatMap { $0.child("text") }.first { $0.text.contains("strategische planning") }
        #expect(cut?.attribute("lines") == "109 128")
    }
}
