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
        var ids = IdentifierAssigner()
        var versions = document.versions
        LabelRepair.repair(&versions)
        let sections = pairSections(versions[.nl] ?? [], versions[.fr] ?? []).map { nl, fr in
            switch (nl, fr) {
            case let (nl?, fr?): Section(kind: nl.kind, units: alignUnits(nl.units, fr.units))
            case let (one?, nil), let (nil, one?): one
            case (nil, nil): Section(kind: .body)
            }
        }
        result.sections = inputOrder(sections).map { ids.assign($0) }
        result.versions = [:]
        return result
    }

    /// Sections in the order their text starts in the input, the front matter first: a
    /// section found in one language only takes its place among the others.
    static func inputOrder(_ sections: [Section]) -> [Section] {
        func firstLine(_ section: Section) -> Int {
            section.units.lazy.flatMap { $0.texts.values.compactMap(\.lines.first) }.min() ?? .max
        }
        let ordered = sections.enumerated().sorted { a, b in
            let (x, y) = (firstLine(a.element), firstLine(b.element))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        return ordered.filter { $0.kind == .front } + ordered.filter { $0.kind != .front }
    }

    /// The sections of both languages in document order: the k-th section of a kind in one
    /// language pairs with the k-th of that kind in the other; a section of one language
    /// only keeps its place among the others.
    static func pairSections(_ nl: [Section], _ fr: [Section]) -> [(Section?, Section?)] {
        func rank(_ sections: [Section], _ index: Int) -> Int {
            sections[..<index].filter { $0.kind == sections[index].kind }.count
        }
        var partner: [Int: Int] = [:]
        for i in nl.indices {
            partner[i] = fr.indices.first { fr[$0].kind == nl[i].kind && rank(fr, $0) == rank(nl, i) }
        }
        let matched = Set(partner.values)
        var result: [(Section?, Section?)] = []
        var next = 0
        for i in nl.indices {
            if let j = partner[i] {
                while next < j {
                    if !matched.contains(next) { result.append((nil, fr[next])) }
                    next += 1
                }
                next = max(next, j + 1)
                result.append((nl[i], fr[j]))
            } else {
                result.append((nl[i], nil))
            }
        }
        for j in next..<fr.count where !matched.contains(j) { result.append((nil, fr[j])) }
        return result
    }

    /// Minimum-cost alignment of two unit sequences allowing 1-1, 1-0 and 0-1 links.
    ///
    /// Long sequences are aligned in a band around the diagonal (`bandWidth` units either
    /// side), so time and memory grow linearly; short ones in full.
    static func alignUnits(_ a: [TextUnit], _ b: [TextUnit]) -> [TextUnit] {
        let n = a.count, m = b.count
        let fa = a.map(Features.init), fb = b.map(Features.init)
        // The band must also be wider than the diagonal's step, so that rows connect.
        let band = n * m <= 4_000_000 ? max(n, m) : max(bandWidth, m / max(n, 1) + 2)
        // Row i holds the columns lo[i]...hi[i]; cells are stored row after row.
        let lo = (0...n).map { i in max(0, (n == 0 ? 0 : i * m / n) - band) }
        let hi = (0...n).map { i in min(m, (n == 0 ? m : i * m / n) + band) }
        var start = [Int](repeating: 0, count: n + 2)
        for i in 0...n { start[i + 1] = start[i] + hi[i] - lo[i] + 1 }
        func cell(_ i: Int, _ j: Int) -> Int? { j >= lo[i] && j <= hi[i] ? start[i] + j - lo[i] : nil }

        let skip = 3.0
        var cost = [Double](repeating: .infinity, count: start[n + 1])
        var move = [UInt8](repeating: 0, count: start[n + 1])  // 1: pair, 2: a only, 3: b only
        for i in 0...n {
            for j in lo[i]...hi[i] {
                let here = cell(i, j)!
                if i == 0 && j == 0 { cost[here] = 0; continue }
                if i > 0, j > 0, let from = cell(i - 1, j - 1) {
                    let c = cost[from] + pairCost(fa[i - 1], fb[j - 1])
                    if c < cost[here] { cost[here] = c; move[here] = 1 }
                }
                if i > 0, let from = cell(i - 1, j), cost[from] + skip < cost[here] {
                    cost[here] = cost[from] + skip; move[here] = 2
                }
                if j > 0, let from = cell(i, j - 1), cost[from] + skip < cost[here] {
                    cost[here] = cost[from] + skip; move[here] = 3
                }
            }
        }
        var result: [TextUnit] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            switch move[cell(i, j)!] {
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

    /// How far from the diagonal a long alignment may stray, in units.
    static let bandWidth = 250

    /// What the alignment compares of a unit, computed once.
    struct Features {
        var kind: UnitKind
        var label: String?
        var length: Int
        /// The digit sequences of its text (`2023`, `3` and `758` of `3.758`).
        var numbers: Set<Substring>

        init(_ unit: TextUnit) {
            kind = unit.kind
            label = unit.label
            let text = unit.texts.values.first?.text ?? ""
            length = text.utf8.count
            numbers = Set(text.utf8.split { $0 < 0x30 || $0 > 0x39 }.map { Substring($0) })
        }
    }

    /// How unlikely it is that two units translate each other: infinite across kinds or
    /// labels; otherwise the difference of their lengths (French runs somewhat longer), and
    /// the numbers one has and the other lacks (numbers survive translation).
    static func pairCost(_ x: Features, _ y: Features) -> Double {
        guard x.kind == y.kind, x.label == y.label else { return .infinity }
        if x.label != nil { return 0 }
        let length = 1.5 * abs(log(Double(x.length + 20) / Double(y.length + 20)))
        let union = x.numbers.union(y.numbers)
        guard !union.isEmpty else { return length }
        return length + 4 * Double(union.count - x.numbers.intersection(y.numbers).count) / Double(union.count)
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
