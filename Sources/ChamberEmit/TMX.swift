import ChamberModel

/// The aligned units of a document as TMX 1.4b (Translation Memory eXchange), for CAT
/// tools: one `tu` per unit that has both languages, Dutch as `nl-BE`, French as `fr-BE`.
/// Units with one language only are left out: a memory pairs translations.
public enum TMX {
    public static func bytes(_ document: Document, toolVersion: String = "1") -> [UInt8] {
        let w = XMLWriter()
        w.start("tmx")
        w.attribute("version", "1.4")
        w.start("header")
        for (name, value) in [("creationtool", "chamberdoc"), ("creationtoolversion", toolVersion), ("segtype", "paragraph"),
                              ("o-tmf", "chamberdoc"), ("adminlang", "en"), ("srclang", "nl-BE"), ("datatype", "plaintext")] {
            w.attribute(name, value)
        }
        // TMX dates are ISO 8601 in their basic form: 20260206T000000Z.
        w.attribute("creationdate", document.provenance.map { $0.time.filter { $0 != "-" && $0 != ":" } })
        w.element("prop", document.provenance?.source.name ?? document.source, attributes: [("type", "x-source")])
        if let provenance = document.provenance {
            w.element("prop", provenance.source.sha256, attributes: [("type", "x-source-sha256")])
            w.element("prop", String(provenance.source.bytes), attributes: [("type", "x-source-bytes")])
        }
        w.end()
        w.start("body")
        func write(_ unit: TextUnit) {
            if let nl = unit.texts[.nl], let fr = unit.texts[.fr] {
                w.start("tu")
                w.attribute("tuid", unit.id)
                w.element("prop", unit.kind.rawValue + (unit.label.map { " " + $0 } ?? ""), attributes: [("type", "x-unit")])
                for (language, text) in [("nl-BE", nl), ("fr-BE", fr)] {
                    w.start("tuv")
                    w.attribute("xml:lang", language)
                    w.element("seg", text.text)
                    w.end()
                }
                w.end()
            }
            unit.children.forEach(write)
        }
        document.sections.forEach { $0.units.forEach(write) }
        w.end()
        w.end()
        return w.finish()
    }
}
