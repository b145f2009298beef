import ChamberModel

/// A self-contained HTML page for translators: a summary of the findings by severity and
/// code, then every unit in two aligned columns with its findings, and a switch to show
/// only the units with findings (on from the start with `#problems` in the address). No network, no external file: the style and the few lines
/// of script are inline. Written with libxml2's writer, which does the escaping.
public enum HTMLReport {
    public static func bytes(_ document: Document) -> [UInt8] {
        let w = XMLWriter(declaration: false)
        w.raw("<!DOCTYPE html>\n")
        w.start("html")
        w.attribute("lang", "en")
        w.start("head")
        w.start("meta"); w.attribute("charset", "utf-8"); w.end()
        if let provenance = document.provenance {
            w.start("meta"); w.attribute("name", "generator"); w.attribute("content", "\(provenance.tool) \(provenance.version)"); w.end()
        }
        w.element("title", "chamberdoc: \(document.source)")
        w.element("style", style)
        w.end()
        w.start("body")
        w.element("h1", document.source)
        if let provenance = document.provenance { w.element("p", provenance.summary, attributes: [("class", "provenance")]) }
        summary(document.findings, to: w)
        legend(document.findings, to: w)
        w.start("label")
        w.start("input"); w.attribute("type", "checkbox"); w.attribute("id", "only-problems"); w.end()
        w.text(" show only the units with findings")
        w.end()
        var byUnit: [String: [Finding]] = [:]
        for finding in document.findings { byUnit[finding.unit, default: []].append(finding) }
        // The units with findings in page order, for the previous / next links.
        var problems: [String] = []
        func collect(_ unit: TextUnit) {
            if byUnit[unit.id] != nil { problems.append(unit.id) }
            unit.children.forEach(collect)
        }
        document.sections.forEach { $0.units.forEach(collect) }
        let place = Dictionary(uniqueKeysWithValues: problems.enumerated().map { ($1, $0) })
        w.start("table")
        w.attribute("class", "units")
        w.start("tr"); w.element("th", "unit"); w.element("th", "Nederlands"); w.element("th", "Français"); w.end()
        func write(_ unit: TextUnit) {
            let findings = byUnit[unit.id] ?? []
            w.start("tr")
            w.attribute("id", unit.id)
            w.attribute("class", findings.isEmpty ? "ok" : "problem " + findings.map(\.severity).max()!.rawValue)
            w.start("td")
            w.attribute("class", "id")
            w.text(unit.id)
            w.element("div", unit.linkSummary, attributes: [("class", "link")])
            for finding in findings {
                w.start("div")
                w.attribute("class", "finding " + finding.severity.rawValue)
                w.text("\(finding.severity.rawValue) [\(finding.code.rawValue)] \(finding.message)")
                w.end()
            }
            if let index = place[unit.id] {
                w.start("div")
                w.attribute("class", "nav")
                if index > 0 { w.element("a", "◀ previous", attributes: [("href", "#" + problems[index - 1])]) }
                if index + 1 < problems.count { w.element("a", "next ▶", attributes: [("href", "#" + problems[index + 1])]) }
                w.end()
            }
            w.end()
            let subjects = findings.compactMap { finding in finding.subject.map { ($0, finding.severity) } }
            for language in Language.allCases {
                w.start("td")
                w.attribute("lang", language.rawValue)
                if let passages = unit.passages[language] {
                    for passage in passages { paragraph(passage.text, marking: subjects, to: w) }
                } else {
                    w.attribute("class", "missing")
                    w.text("—")
                }
                w.end()
            }
            w.end()
            unit.children.forEach(write)
        }
        document.sections.forEach { $0.units.forEach(write) }
        w.end()
        w.element("script", script)
        w.end()
        w.end()
        return w.finish()
    }

    /// A passage with what its unit's findings are about marked (`<mark>`), in both texts:
    /// the number whole (`2,4 %`), the acronym, the title.
    private static func paragraph(_ text: String, marking subjects: [(Finding.Subject, Finding.Severity)], to w: XMLWriter) {
        var marks: [(Range<String.Index>, Finding.Severity)] = []
        for (subject, severity) in subjects {
            for range in subject.ranges(in: text) where !marks.contains(where: { $0.0.overlaps(range) }) { marks.append((range, severity)) }
        }
        w.start("p")
        var rest = text.startIndex
        for (range, severity) in marks.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            w.text(String(text[rest..<range.lowerBound]))
            w.element("mark", String(text[range]), attributes: [("class", severity.rawValue)])
            rest = range.upperBound
        }
        w.text(String(text[rest...]))
        w.end()
    }

    /// What each code found in this document means.
    private static func legend(_ findings: [Finding], to w: XMLWriter) {
        let codes = Set(findings.map(\.code))
        guard !codes.isEmpty else { return }
        w.start("dl")
        w.attribute("class", "legend")
        for code in Finding.Code.allCases where codes.contains(code) {
            w.element("dt", "\(code.rawValue) (\(code.severity.rawValue))")
            w.element("dd", code.summary)
        }
        w.end()
    }

    private static func summary(_ findings: [Finding], to w: XMLWriter) {
        w.start("table")
        w.attribute("class", "summary")
        w.start("tr"); w.element("th", "severity"); w.element("th", "code"); w.element("th", "findings"); w.end()
        var counts: [String: Int] = [:]
        for finding in findings { counts["\(finding.severity.rawValue) \(finding.code.rawValue)", default: 0] += 1 }
        for key in counts.keys.sorted() {
            let parts = key.split(separator: " ")
            // The count links to the first unit with such a finding.
            let first = findings.first { $0.severity.rawValue == parts[0] && $0.code.rawValue == parts[1] }!
            w.start("tr"); w.element("td", String(parts[0])); w.element("td", String(parts[1]))
            w.start("td"); w.element("a", String(counts[key]!), attributes: [("href", "#" + first.unit)]); w.end()
            w.end()
        }
        w.start("tr"); w.element("td", "total"); w.element("td", ""); w.element("td", String(findings.count)); w.end()
        w.end()
    }

    private static let style = """
        body { font-family: sans-serif; margin: 1.5em; }
        table.units { border-collapse: collapse; width: 100%; table-layout: fixed; }
        table.units td, table.units th { border-top: 1px solid #ccc; padding: .4em; vertical-align: top; text-align: left; }
        table.units th:first-child { width: 14em; }
        table.units td.id { font-family: monospace; font-size: .85em; }
        table.summary td, table.summary th { padding: .2em .8em; text-align: left; }
        tr.error td { background: #fde8e8; } tr.warning td { background: #fff6dd; } tr.note td { background: #eef5ff; }
        td.missing { color: #a00; font-style: italic; }
        div.finding { margin-top: .3em; font-family: sans-serif; }
        div.link { color: #666; } td p { margin: 0 0 .5em 0; }
        div.error { color: #a00; } div.warning { color: #8a5a00; } div.note { color: #245; }
        body.only-problems tr.ok { display: none; }
        mark.error { background: #f7b3b3; } mark.warning { background: #ffe08a; } mark.note { background: #cfe3ff; }
        div.nav a { margin-right: 1em; font-size: .85em; } dl.legend dt { font-family: monospace; float: left; width: 9em; }
        dl.legend dd { margin-left: 10em; }
        """

    /// The switch; `report.html#problems` opens with it on, for links and screenshots.
    private static let script = """
        var box = document.getElementById('only-problems');
        function apply() { document.body.classList.toggle('only-problems', box.checked); }
        box.addEventListener('change', apply);
        if (location.hash === '#problems') { box.checked = true; apply(); }
        """
}
