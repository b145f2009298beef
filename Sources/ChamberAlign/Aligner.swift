import ChamberModel
import Foundation

/// The align stage: pairs the units of the two languages, section by section.
///
/// Labelled units pair by kind and label (consideration C with C, request 3.1 with 3.1);
/// unlabelled ones in order, by kind and length, through a minimum-cost alignment that may
/// leave a unit without a counterpart. Such a unit is kept with its one text, never dropped.
public enum Aligner {
    public static func align(_ document: Document) -> Document {
        var result = document
        let nl = document.versions[.nl] ?? []
        let fr = document.versions[.fr] ?? []
        var sections: [Section] = []
        var used = Set<Int>()
        for section in nl {
            // The k-th section of a kind pairs with the k-th of the same kind.
            let rank = nl.prefix { $0 != section }.filter { $0.kind == section.kind }.count
            let matches = fr.indices.filter { fr[$0].kind == section.kind }
            if rank < matches.count {
                used.insert(matches[rank])
                sections.append(Section(kind: section.kind, units: alignUnits(section.units, fr[matches[rank]].units)))
            } else {
                sections.append(section)
            }
        }
        for index in fr.indices where !used.contains(index) { sections.append(fr[index]) }
        var ids = IdentifierAssigner()
        result.sections = sections.map { ids.assign($0) }
        result.versions = [:]
        return result
    }

    /// Minimum-cost alignment of two unit sequences allowing 1-1, 1-0 and 0-1 links.
    static func alignUnits(_ a: [TextUnit], _ b: [TextUnit]) -> [TextUnit] {
        let n = a.count, m = b.count
        let skip = 3.0
        // cost[i][j]: best cost of aligning a[..<i] with b[..<j]. Flat storage.
        var cost = [Double](repeating: .infinity, count: (n + 1) * (m + 1))
        var move = [UInt8](repeating: 0, count: (n + 1) * (m + 1))  // 1: pair, 2: a only, 3: b only
        let w = m + 1
        cost[0] = 0
        for i in 0...n {
            for j in 0...m where !(i == 0 && j == 0) {
                var best = Double.infinity, how: UInt8 = 0
                if i > 0, j > 0 {
                    let c = cost[(i - 1) * w + j - 1] + pairCost(a[i - 1], b[j - 1])
                    if c < best { best = c; how = 1 }
                }
                if i > 0, cost[(i - 1) * w + j] + skip < best { best = cost[(i - 1) * w + j] + skip; how = 2 }
                if j > 0, cost[i * w + j - 1] + skip < best { best = cost[i * w + j - 1] + skip; how = 3 }
                cost[i * w + j] = best
                move[i * w + j] = how
            }
        }
        var result: [TextUnit] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            switch move[i * w + j] {
            case 1:
                var unit = a[i - 1]
                for (language, text) in b[j - 1].texts { unit.texts[language] = text }
                unit.children = alignUnits(a[i - 1].children, b[j - 1].children)
                if unit.value == nil { unit.value = b[j - 1].value }
                result.append(unit)
                i -= 1; j -= 1
            case 2: result.append(a[i - 1]); i -= 1
            default: result.append(b[j - 1]); j -= 1
            }
        }
        return result.reversed()
    }

    /// How unlikely it is that two units translate each other: infinite across kinds or
    /// labels; otherwise the difference of their lengths (French runs somewhat longer).
    static func pairCost(_ x: TextUnit, _ y: TextUnit) -> Double {
        guard x.kind == y.kind, x.label == y.label else { return .infinity }
        if x.label != nil { return 0 }
        let lx = Double(x.texts.values.first?.text.utf8.count ?? 0)
        let ly = Double(y.texts.values.first?.text.utf8.count ?? 0)
        return min(5, 1.5 * abs(log((lx + 20) / (ly + 20))))
    }
}

/// Gives every unit a stable, unique identifier: `cons-A` and `req-3.1` for the labelled
/// units of the resolution, `expl-p3` (the third paragraph of the explanatory part) and the
/// like for the rest. The same units in any input layout get the same identifiers.
struct IdentifierAssigner {
    private var taken: Set<String> = []

    mutating func assign(_ section: Section) -> Section {
        var section = section
        var ordinals: [UnitKind: Int] = [:]
        let prefix = ["front": "front", "explanation": "expl", "resolution": "res", "body": "body"][section.kind.rawValue] ?? "u"
        func visit(_ unit: inout TextUnit) {
            let base: String
            switch (unit.kind, unit.label) {
            case (.consideration, let label?): base = "cons-\(label)"
            case (.request, let label?): base = "req-\(label)"
            default:
                ordinals[unit.kind, default: 0] += 1
                let short = ["paragraph": "p", "heading": "h"][unit.kind.rawValue] ?? unit.kind.rawValue
                base = "\(prefix)-\(short)\(ordinals[unit.kind]!)"
            }
            var id = base, n = 1
            while taken.contains(id) { n += 1; id = "\(base)-\(n)" }
            taken.insert(id)
            unit.id = id
            for c in unit.children.indices { visit(&unit.children[c]) }
        }
        for u in section.units.indices { visit(&section.units[u]) }
        return section
    }
}
