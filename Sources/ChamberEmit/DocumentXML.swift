import ChamberModel
import Foundation

/// The emit stage: a `Document` as chamberdoc XML (see `Schemas/chamberdoc.xsd`).
public enum DocumentXML {
    public static let namespace = "urn:chamberdoc:1"

    public static func bytes(_ document: Document) -> [UInt8] {
        let w = XMLWriter()
        w.start("document", namespace: namespace)
        w.attribute("type", document.facts.type.rawValue)
        w.attribute("number", document.facts.number)
        w.attribute("legislature", document.facts.legislature)
        w.attribute("source", document.provenance?.source.name ?? document.source)
        w.attribute("layout", document.layout.rawValue)
        if let provenance = document.provenance { writeProvenance(provenance, to: w) }
        // The party table, the legend and a committee live in the front matter, even when no
        // front-matter text was found.
        let hasTables = !document.facts.parties.isEmpty || !document.facts.legend.isEmpty || !document.facts.committees.isEmpty
        let sections = hasTables && document.sections.first?.kind != .front
            ? [Section(kind: .front)] + document.sections : document.sections
        for section in sections {
            w.start(section.kind.rawValue)
            for unit in section.units { write(unit, to: w) }
            if section.kind == .front { writeTables(document.facts, to: w) }
            w.end()
        }
        if !document.facts.signatories.isEmpty {
            w.start("signatories")
            for person in document.facts.signatories {
                w.element("signatory", person.name, attributes: [("party", person.party)] + location(person.span))
            }
            w.end()
        }
        if !document.findings.isEmpty {
            w.start("findings")
            for finding in document.findings {
                w.element("finding", finding.message, attributes: [
                    ("code", finding.code.rawValue), ("severity", finding.severity.rawValue),
                    ("unit", finding.unit),
                ] + point(finding.span))
            }
            w.end()
        }
        if !document.footnotes.isEmpty {
            w.start("footnotes")
            for note in document.footnotes {
                w.start("footnote")
                w.attribute("n", note.number)
                w.attribute("xml:lang", note.language.rawValue)
                location(note.content.span).forEach(w.attribute)
                w.attribute("referenced", note.referenced ? "true" : "false")
                w.text(note.content.text)
                w.end()
            }
            w.end()
        }
        if !document.furniture.isEmpty {
            w.start("furniture")
            for item in document.furniture {
                w.element("removed", item.text, attributes: [("kind", item.kind.rawValue)] + point(item.span))
            }
            w.end()
        }
        w.end()
        return w.finish()
    }

    private static func write(_ unit: TextUnit, to w: XMLWriter) {
        w.start(unit.kind.rawValue)
        w.attribute("id", unit.id)
        w.attribute("label", unit.label)
        w.attribute("value", unit.value)
        if !unit.missing.isEmpty { w.attribute("missing", unit.missing.map(\.rawValue).joined(separator: " ")) }
        w.attribute("link", unit.link)
        w.attribute("confidence", unit.confidence.map { String(format: "%.3f", $0) })
        for language in Language.allCases {
            for passage in unit.passages[language] ?? [] { write(passage, language: language, to: w) }
        }
        for child in unit.children { write(child, to: w) }
        w.end()
    }

    /// A text in one language; footnote markers become `noteRef` elements in place.
    private static func write(_ text: LocatedText, language: Language, to w: XMLWriter) {
        w.start("text")
        w.attribute("xml:lang", language.rawValue)
        location(text.span).forEach(w.attribute)
        w.markedText(text) { ref in
            w.start("noteRef")
            w.attribute("n", ref.number)
            w.end()
        }
        w.end()
    }

    /// Where a finding or a removed piece of furniture points: its first line and page.
    private static func point(_ span: SourceSpan) -> [(String, String?)] {
        [("line", span.line.map(String.init)), ("page", span.page.map(String.init)), ("box", span.regions.first?.box?.description)]
    }

    private static func writeTables(_ facts: DocumentFacts, to w: XMLWriter) {
        if !facts.parties.isEmpty {
            w.start("parties")
            for row in facts.parties {
                w.element("party", row.cells[1], attributes: [("abbr", row.cells[0])] + location(row.span))
            }
            w.end()
        }
        if !facts.legend.isEmpty {
            w.start("legend")
            for row in facts.legend {
                w.start("entry")
                w.attribute("code", row.cells[0].isEmpty ? nil : row.cells[0])
                location(row.span).forEach(w.attribute)
                for (index, language) in Language.allCases.enumerated() where !row.cells[index + 1].isEmpty {
                    w.element("text", row.cells[index + 1], attributes: [("xml:lang", language.rawValue)])
                }
                w.end()
            }
            w.end()
        }
        for committee in facts.committees {
            w.start("committee")
            for caption in committee.captions { w.element("caption", caption.cells[0], attributes: location(caption.span)) }
            if let chair = committee.chair {
                w.element("chair", chair.cells[1], attributes: [("caption", chair.cells[0])] + location(chair.span))
            }
            for group in committee.groups {
                w.start("group")
                w.attribute("party", group.cells[0])
                location(group.span).forEach(w.attribute)
                if !group.cells[1].isEmpty { w.element("members", group.cells[1]) }
                if !group.cells[2].isEmpty { w.element("substitutes", group.cells[2]) }
                w.end()
            }
            w.end()
        }
    }
}
