import ChamberModel

/// The aligned units of a document as TMX 1.4b (Translation Memory eXchange), for CAT
/// tools, Dutch as `nl-BE`, French as `fr-BE`. Units with one language only are left out: a
/// memory pairs translations.
///
/// A unit whose sentence alignment is sure gives one `tu` per sentence link (`segtype`
/// `sentence`, `tuid` the unit's id and the link's number: `expl-p4.2`; a unit of one sentence
/// keeps its id); any other gives one `tu` for the whole unit (`segtype` `paragraph`). Sure
/// means: no sentence left alone, and every link with a posterior of `sureConfidence` or more. Every `tu`
/// carries its unit's id (`prop type="x-unit-id"`), kind and label (`x-unit`) and each of
/// the unit's findings (`x-finding`: `P201 error: …`), so that a reviser who looks a segment
/// up sees what the checks said of its unit.
public enum TMX {
    public static let sureConfidence = 0.9

    public static func bytes(_ document: Document, toolVersion: String = "1") -> [UInt8] {
        let w = XMLWriter()
        w.start("tmx")
        w.attribute("version", "1.4")
        w.start("header")
        for (name, value) in [("creationtool", "chamberdoc"), ("creationtoolversion", toolVersion), ("segtype", "sentence"),
                              ("o-tmf", "chamberdoc"), ("adminlang", "en"), ("srclang", "nl-BE"), ("datatype", "plaintext")] {
            w.attribute(name, value)
        }
        // TMX dates are ISO 8601 in their basic form: 20260206T000000Z.
        w.attribute("creationdate", document.provenance.map { $0.time.filter { $0 != "-" && $0 != ":" } })
        w.element("prop", document.provenance?.source.name ?? document.source, attributes: [("type", "x-source")])
        if let provenance = document.provenance {
            w.element("prop", provenance.source.sha256, attributes: [("type", "x-source-sha256")])
            w.element("prop", String(provenance.source.bytes), attributes: [("type", "x-source-bytes")])
            // The options that shaped the memory, one property each: `x-option-to`, `x-option-glossary`.
            for option in provenance.options {
                w.element("prop", option.value, attributes: [("type", "x-option-" + option.name)])
            }
        }
        w.end()
        w.start("body")
        let findings = Dictionary(grouping: document.findings, by: \.unit)
        func segment(id: String, unit: TextUnit, segtype: String?, nl: String, fr: String) {
            w.start("tu")
            w.attribute("tuid", id)
            if let segtype { w.attribute("segtype", segtype) }
            w.element("prop", unit.id, attributes: [("type", "x-unit-id")])
            w.element("prop", unit.kind.rawValue + (unit.label.map { " " + $0 } ?? ""), attributes: [("type", "x-unit")])
            for finding in findings[unit.id] ?? [] {
                w.element("prop", "\(finding.code.rawValue) \(finding.severity.rawValue): \(finding.message)", attributes: [("type", "x-finding")])
            }
            for (language, text) in [("nl-BE", nl), ("fr-BE", fr)] {
                w.start("tuv")
                w.attribute("xml:lang", language)
                w.element("seg", text)
                w.end()
            }
            w.end()
        }
        func write(_ unit: TextUnit) {
            if let nl = unit.texts[.nl]?.text, let fr = unit.texts[.fr]?.text {
                if isSure(unit.sentenceLinks) {
                    func joined(_ text: String, _ ranges: [Range<Int>]) -> String {
                        ranges.map { String(NumberWords.substring(text, $0)) }.joined(separator: " ")
                    }
                    let links = unit.sentenceLinks
                    for (k, link) in links.enumerated() {
                        segment(id: links.count == 1 ? unit.id : "\(unit.id).\(k + 1)", unit: unit, segtype: nil, nl: joined(nl, link.nl), fr: joined(fr, link.fr))
                    }
                } else {
                    segment(id: unit.id, unit: unit, segtype: "paragraph", nl: nl, fr: fr)
                }
            }
            unit.children.forEach(write)
        }
        document.sections.forEach { $0.units.forEach(write) }
        w.end()
        w.end()
        return w.finish()
    }

    /// Whether a unit's sentence links are sure enough to be segments of their own.
    public static func isSure(_ links: [SentenceLink]) -> Bool {
        !links.isEmpty && links.allSatisfy { !$0.nl.isEmpty && !$0.fr.isEmpty && $0.confidence >= sureConfidence }
    }
}
