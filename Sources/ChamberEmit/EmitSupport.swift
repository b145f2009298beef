import ChamberModel

/// What the writers share: where a text came from, a text with its footnote markers in
/// place, and the provenance record.

/// Where a text came from: its input lines (a dump), its pages and, when the input had
/// geometry (a PDF), its box on each page. `prefix` qualifies the names (`cd:` in Akoma Ntoso).
func location(_ span: SourceSpan, prefix: String = "") -> [(String, String?)] {
    [(prefix + "lines", span.lines.isEmpty ? nil : span.lines.description), (prefix + "page", span.pageDescription),
     (prefix + "box", span.boxDescription)]
}

extension XMLWriter {
    /// The text of `text`, with `marker` called where each footnote marker stands. Indentation
    /// is off around a marker: white space added there would become part of the text.
    func markedText(_ text: LocatedText, marker: (NoteRef) -> Void) {
        var bytes = Array(text.text.utf8)[...]
        var position = 0
        for ref in text.noteRefs.sorted(by: { $0.offset < $1.offset }) {
            let cut = min(max(ref.offset - position, 0), bytes.count)
            self.text(String(decoding: bytes.prefix(cut), as: UTF8.self))
            bytes = bytes.dropFirst(cut)
            position += cut
            indent(false)
            marker(ref)
            indent(true)
        }
        self.text(String(decoding: bytes, as: UTF8.self))
    }
}

/// The provenance record, in chamberdoc's namespace (`urn:chamberdoc:1`), written by the
/// chamberdoc writer as is and by the Akoma Ntoso writer inside `<proprietary>`.
func writeProvenance(_ provenance: Provenance, to w: XMLWriter, prefix: String = "") {
    w.start(prefix + "provenance")
    w.start(prefix + "source")
    w.attribute("name", provenance.source.name)
    w.attribute("path", provenance.source.path)
    w.attribute("bytes", String(provenance.source.bytes))
    w.attribute("sha256", provenance.source.sha256)
    w.end()
    w.start(prefix + "tool")
    w.attribute("name", provenance.tool)
    w.attribute("version", provenance.version)
    w.end()
    w.start(prefix + "conversion")
    w.attribute("time", provenance.time)
    for option in provenance.options {
        w.start(prefix + "option")
        w.attribute("name", option.name)
        w.attribute("value", option.value)
        w.end()
    }
    w.end()
    w.end()
}

extension Provenance {
    /// One line for a reader, with the options that shaped the output: `From doc.txt (90785
    /// bytes, SHA-256 fd51…), by chamberdoc 0.3.0, 2026-12-03T18:34:55Z; options: to=html; glossary=…`.
    /// The options are separated by `;`, as a value may hold commas (`to=chamberdoc,html`).
    var summary: String {
        let made = "From \(source.name) (\(source.bytes) bytes, SHA-256 \(source.sha256)), by \(tool) \(version), \(time)"
        return options.isEmpty ? made : made + "; options: " + options.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }
}
