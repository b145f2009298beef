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
        w.element("prop", document.source, attributes: [("type", "x-source")])
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
