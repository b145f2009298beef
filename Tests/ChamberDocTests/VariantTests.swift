import ChamberDoc
import Foundation
import Testing

/// The seed with real-world variations: other operative formulas, text hostile to XML.
@Suite struct VariantTests {
    static func seed(replacing pairs: [(String, String)]) throws -> [UInt8] {
        var text = String(decoding: try bytes(Paths.seed), as: UTF8.self)
        for (old, new) in pairs {
            #expect(text.contains(old), "seed lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Array(text.utf8)
    }

    static func units(_ document: Document, _ kind: UnitKind) -> [TextUnit] {
        func walk(_ unit: TextUnit) -> [TextUnit] { (unit.kind == kind ? [unit] : []) + unit.children.flatMap(walk) }
        return document.sections.flatMap { $0.units.flatMap(walk) }
    }

    @Test(arguments: [
        ("BEVEELT DE FEDERALE REGERING AAN:", "RECOMMANDE AU GOUVERNEMENT FÉDÉRAL:"),
        ("VRAAGT DE REGERING:", "DEMANDE AU GOUVERNEMENT:"),
    ])
    func otherOperativeFormulas(_ dutch: String, _ french: String) throws {
        let input = try Self.seed(replacing: [("VERZOEKT DE FEDERALE REGERING:", dutch), ("DEMANDE AU GOUVERNEMENT FÉDÉRAL:", french)])
        let document = try Pipeline.document(from: input, source: "variant")
        let formulas = Self.units(document, .formula)
        #expect(formulas.count == 1)
        #expect(formulas.first?.texts[.nl]?.text == dutch)
        #expect(formulas.first?.texts[.fr]?.text == french)
        #expect(Self.units(document, .request).count == 17)
        #expect(Self.units(document, .consideration).count == 9)
    }

    @Test func textHostileToXMLStaysWellFormedAndValid() throws {
        let input = try Self.seed(replacing: [
            ("capaciteiten – zoals", "capaciteiten & <zoals> ]]> \u{0C}zo\u{01}als\u{0B}"),
            ("Defensie tegen drugs wordt gegarandeerd.", "Defensie tegen drugs wordt gegarandeerd \u{FFFE}& \"zeker\"."),
        ])
        let document = try Pipeline.document(from: input, source: "hostile & <file>")
        let xml = Pipeline.xml(document)
        let problems = try SchemaValidator(schemaPath: Paths.schema).problems(in: xml, name: "hostile")
        #expect(problems.isEmpty, "\(problems)")
        let tree = try XMLTree.parse(xml)
        #expect(tree.root.attribute("source") == "hostile & <file>")
        let texts = tree.root.all("text").map(\.text)
        #expect(texts.contains { $0.contains("capaciteiten & <zoals> ]]> zoals") })
        #expect(texts.contains { $0.contains("gegarandeerd & \"zeker\".") })
    }
}
