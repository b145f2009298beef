import ChamberModel

/// Puts back into its language a labelled unit that the read stage gave to the other one.
///
/// At a column change, a short line with little language evidence (`3.1. extra personeel
/// en expertise;` right after the French column) can be read as the wrong language. The
/// labels show it: one language then has request 3.1 twice and the other none. The copy
/// that reads most like the language lacking it moves there, to the place its label gives
/// it. Only labels that one language repeats and the other lacks are touched.
enum LabelRepair {
    static func repair(_ versions: inout [Language: [Section]]) {
        for kind in [SectionKind.resolution, .body, .explanation] {
            guard var nl = versions[.nl]?.firstIndex(where: { $0.kind == kind }).map({ (versions[.nl]!, $0) }),
                  var fr = versions[.fr]?.firstIndex(where: { $0.kind == kind }).map({ (versions[.fr]!, $0) }) else { continue }
            var nlUnits = nl.0[nl.1].units, frUnits = fr.0[fr.1].units
            repair(&nlUnits, &frUnits)
            nl.0[nl.1].units = nlUnits
            fr.0[fr.1].units = frUnits
            versions[.nl] = nl.0
            versions[.fr] = fr.0
        }
    }

    /// A unit's kind and label, by which units are looked up in tables made once per level:
    /// searching the level for every label would make a long document whose labels repeat
    /// quadratic.
    private struct Key: Hashable {
        var kind: UnitKind
        var label: String
    }

    /// The position of the first unit of each kind and label.
    private static func firstPositions(_ units: [TextUnit], where include: (TextUnit) -> Bool = { _ in true }) -> [Key: Int] {
        var first: [Key: Int] = [:]
        for (index, unit) in units.enumerated() where include(unit) {
            if let label = unit.label, first[Key(kind: unit.kind, label: label)] == nil { first[Key(kind: unit.kind, label: label)] = index }
        }
        return first
    }

    /// One level of units (a section's, or a request's sub-requests), then the level below.
    static func repair(_ nl: inout [TextUnit], _ fr: inout [TextUnit]) {
        rehomeStrays(&nl, &fr)
        for (from, to) in [(Language.fr, Language.nl), (.nl, .fr)] {
            var source = from == .nl ? nl : fr
            var target = to == .nl ? nl : fr
            let labels = Dictionary(grouping: source.indices.filter { source[$0].label != nil && source[$0].kind != .heading }) { source[$0].label! }
            let inTarget = firstPositions(target)
            // First the copies to move, chosen among the units as they stand; then the moves,
            // so that no choice sees indices that an earlier move shifted.
            var moving: [Int] = []
            for (label, indices) in labels where indices.count == 2 && inTarget[Key(kind: source[indices[0]].kind, label: label)] == nil {
                // The copy that reads most like the language that lacks the label; of two that
                // read alike (an untranslated copy), the one printed among that language's units.
                let sign = to == .nl ? 1.0 : -1.0
                func distance(_ index: Int) -> Int {
                    let order = source[index].span.order
                    return target.filter { $0.kind == source[index].kind }.map { abs($0.span.order - order) }.min() ?? 0
                }
                moving.append(indices.max { a, b in
                    (score(source[a]) * sign, -distance(a)) < (score(source[b]) * sign, -distance(b))
                }!)
            }
            // Removed from the last up, inserted in input order.
            let moved = moving.sorted(by: >).map { relabelled(source.remove(at: $0), as: to) }
            for unit in moved.reversed() {
                // Its place among the labels of its kind (`3.1` before `3.2`), else by input line.
                let place = target.firstIndex { $0.kind == unit.kind && $0.label.map { precedes(unit.label!, $0) } == true }
                    ?? target.firstIndex { $0.span.order > unit.span.order }
                target.insert(unit, at: place ?? target.endIndex)
            }
            if from == .nl { nl = source; fr = target } else { fr = source; nl = target }
        }
        // Sub-requests of requests present in both languages (the first French one of a label).
        let french = firstPositions(fr)
        for i in nl.indices where !nl[i].children.isEmpty || nl[i].kind == .request {
            guard let label = nl[i].label, let j = french[Key(kind: nl[i].kind, label: label)] else { continue }
            repair(&nl[i].children, &fr[j].children)
        }
    }

    /// A sub-request read in the wrong column can land at the top level of the other
    /// language, when that language's last request is another one (`3.1` after `4`). It goes
    /// under its parent in the language whose parent lacks it, if its own language has that
    /// label under the parent already.
    private static func rehomeStrays(_ nl: inout [TextUnit], _ fr: inout [TextUnit]) {
        for (from, to) in [(Language.fr, Language.nl), (.nl, .fr)] {
            var source = from == .nl ? nl : fr
            var target = to == .nl ? nl : fr
            // The source's requests by label, in order; strays leave it only after the pass,
            // so a parent is the first request of its label not yet moved.
            var requests: [String: [Int]] = [:]
            for (index, unit) in source.enumerated() where unit.kind == .request {
                if let label = unit.label { requests[label, default: []].append(index) }
            }
            let targetRequests = firstPositions(target) { $0.kind == .request }
            var moved: Set<Int> = []
            for index in source.indices.reversed() where source[index].kind == .request {
                guard let label = source[index].label, let dot = label.lastIndex(of: ".") else { continue }
                let parentLabel = String(label[..<dot])
                guard let sourceParent = requests[parentLabel]?.first(where: { !moved.contains($0) }),
                      source[sourceParent].children.contains(where: { $0.label == label }),
                      let targetParent = targetRequests[Key(kind: .request, label: parentLabel)],
                      !target[targetParent].children.contains(where: { $0.label == label }) else { continue }
                moved.insert(index)
                let unit = relabelled(source[index], as: to)
                let children = target[targetParent].children
                target[targetParent].children.insert(unit, at: children.firstIndex { $0.label.map { precedes(label, $0) } == true } ?? children.endIndex)
            }
            if !moved.isEmpty { source = source.indices.filter { !moved.contains($0) }.map { source[$0] } }
            if from == .nl { nl = source; fr = target } else { fr = source; nl = target }
        }
    }

    /// Label order: `3.1` < `3.2` < `10`, `B` < `AA`.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "."), y = b.split(separator: ".")
        for (p, q) in zip(x, y) where p != q {
            if let m = Int(p), let n = Int(q) { return m < n }
            return p.count != q.count ? p.count < q.count : p < q
        }
        return x.count < y.count
    }

    /// The unit (and its sub-units) with its text filed under `language`.
    private static func relabelled(_ unit: TextUnit, as language: Language) -> TextUnit {
        var unit = unit
        unit.passages = unit.passages.values.first.map { [language: $0] } ?? [:]
        unit.children = unit.children.map { relabelled($0, as: language) }
        return unit
    }

    private static func score(_ unit: TextUnit) -> Double {
        unit.texts.values.reduce(0) { $0 + LanguageEvidence.score(Substring($1.text)) }
    }
}
