import ChamberModel
import Foundation

/// The align stage: links the units of the two languages, section by section.
///
/// Labelled units printed once in each language pair by kind and label first (consideration
/// C with C, request 3.1 with 3.1), wherever they stand; the units between those anchors are
/// aligned by `SequenceAligner`, which may link two paragraphs of one language to one of the
/// other, or leave a unit without a counterpart. Such a unit keeps its one text, never dropped.
public enum Aligner {
    public static func align(_ document: Document) -> Document {
        var result = document
        var ids = IdentifierAssigner()
        let versions = document.versions
        let aligner = SequenceAligner(model: .chamber, ratio: lengthRatio(versions), names: sharedNames(versions))
        let sections = pairSections(versions[.nl] ?? [], versions[.fr] ?? []).map { nl, fr in
            Section(kind: (nl ?? fr)?.kind ?? .body, units: alignUnits(nl?.units ?? [], fr?.units ?? [], aligner))
        }
        // The sentences are aligned twice: the second time with the word pairs the first shows.
        let sentences = SentenceAligner(ratio: aligner.ratio, names: aligner.names)
            .learning(from: sections.flatMap(\.units))
        result.sections = inputOrder(sections).map { section in
            var section = section
            let relinked = sentences.relinkingUnsureRuns(section.units.map(sentences.link))
            section.units = sentences.mendingParagraphs(relinked)
            return ids.assign(section)
        }
        result.versions = [:]
        return result
    }

    /// The capitalised words printed in both languages (see `AlignmentFeatures.sharedNames`).
    static func sharedNames(_ versions: [Language: [Section]]) -> Set<Substring> {
        func texts(_ language: Language) -> [String] {
            func walk(_ unit: TextUnit) -> [String] { unit.passages.values.joined().map(\.text) + unit.children.flatMap(walk) }
            return (versions[language] ?? []).flatMap { $0.units.flatMap(walk) }
        }
        return AlignmentFeatures.sharedNames(nl: texts(.nl), fr: texts(.fr))
    }

    /// French bytes per Dutch byte over the whole document, within the range translations keep.
    public static func lengthRatio(_ versions: [Language: [Section]]) -> Double {
        func bytes(_ language: Language) -> Int {
            func size(_ unit: TextUnit) -> Int {
                unit.passages.values.joined().reduce(0) { $0 + $1.text.utf8.count } + unit.children.reduce(0) { $0 + size($1) }
            }
            return (versions[language] ?? []).reduce(0) { $0 + $1.units.reduce(0) { $0 + size($1) } }
        }
        let (nl, fr) = (bytes(.nl), bytes(.fr))
        return nl == 0 || fr == 0 ? 1.1 : min(max(Double(fr) / Double(nl), 0.7), 1.6)
    }

    /// Sections in the order their text starts in the input, the front matter first: a
    /// section found in one language only takes its place among the others.
    static func inputOrder(_ sections: [Section]) -> [Section] {
        // Each section's first place in reading order, found once rather than at every comparison.
        let firstLines = sections.map { section in
            section.units.lazy.map(\.span.order).min() ?? .max
        }
        let ordered = sections.indices.sorted { a, b in
            firstLines[a] != firstLines[b] ? firstLines[a] < firstLines[b] : a < b
        }.map { sections[$0] }
        return ordered.filter { $0.kind == .front } + ordered.filter { $0.kind != .front }
    }

    /// The sections of both languages in document order: the k-th section of a kind in one
    /// language pairs with the k-th of that kind in the other; a section of one language
    /// only keeps its place among the others.
    public static func pairSections(_ nl: [Section], _ fr: [Section]) -> [(Section?, Section?)] {
        // Each section's kind and rank among the sections of its kind, counted in one pass.
        struct Place: Hashable { var kind: SectionKind, rank: Int }
        func places(_ sections: [Section]) -> [Place] {
            var counts: [SectionKind: Int] = [:]
            return sections.map { section in
                defer { counts[section.kind, default: 0] += 1 }
                return Place(kind: section.kind, rank: counts[section.kind] ?? 0)
            }
        }
        let french = Dictionary(uniqueKeysWithValues: places(fr).enumerated().map { ($1, $0) })
        var partner: [Int: Int] = [:]
        for (i, place) in places(nl).enumerated() { partner[i] = french[place] }
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

    /// Links one level of Dutch and French units (a section's, or a request's sub-requests),
    /// then the level below, in Dutch order with French-only units in their place.
    static func alignUnits(_ nl: [TextUnit], _ fr: [TextUnit], _ aligner: SequenceAligner) -> [TextUnit] {
        let (anchors, moved) = labelAnchors(nl, fr)
        // Each link names its units one by one: the two units of a 2-1 link need not be
        // neighbours, since a moved unit between them is left out of the alignment.
        var links: [(nl: [Int], fr: [Int], confidence: Double)] = []
        var previous = (nl: 0, fr: 0)
        let movedNL = Set(moved.map(\.nl)), movedFR = Set(moved.map(\.fr))
        for anchor in anchors + [(nl.count, fr.count)] {
            // The units between two anchors, less those whose label pairs them elsewhere.
            let a = (previous.nl..<anchor.0).filter { !movedNL.contains($0) }
            let b = (previous.fr..<anchor.1).filter { !movedFR.contains($0) }
            for bead in aligner.align(a.map { aligner.features(nl[$0]) }, b.map { aligner.features(fr[$0]) }) {
                links.append((bead.nl.map { a[$0] }, bead.fr.map { b[$0] }, bead.confidence))
            }
            if anchor.0 < nl.count { links.append(([anchor.0], [anchor.1], labelConfidence(nl[anchor.0], fr[anchor.1], aligner))) }
            previous = (anchor.0 + 1, anchor.1 + 1)
        }
        // A moved unit goes where its Dutch text stands: before the first link of a later Dutch
        // unit. Both lists are in Dutch order, so they are merged in one pass.
        var placed: [(nl: [Int], fr: [Int], confidence: Double)] = []
        placed.reserveCapacity(links.count + moved.count)
        var waiting = moved[...]
        func placeMoved(before bound: Int) {
            while let pair = waiting.first, pair.nl < bound {
                placed.append(([pair.nl], [pair.fr], labelConfidence(nl[pair.nl], fr[pair.fr], aligner)))
                waiting.removeFirst()
            }
        }
        for link in links {
            if let first = link.nl.first { placeMoved(before: first) }
            placed.append(link)
        }
        placeMoved(before: .max)
        return placed.map { link in
            var unit = link.nl.first.map { nl[$0] } ?? fr[link.fr[0]]
            let nlUnits = link.nl.map { nl[$0] }, frUnits = link.fr.map { fr[$0] }
            unit.passages = [:]
            for (language, units) in [(Language.nl, nlUnits), (.fr, frUnits)] where !units.isEmpty {
                unit.passages[language] = units.flatMap { $0.passages.values.joined() }
            }
            unit.value = unit.value ?? frUnits.first?.value
            // A passage that reads as the other language makes the link doubtful, however well
            // the lengths and labels agree: the reading may have put it in the wrong column.
            let contradicted = unit.passages.contains { language, passages in
                passages.contains { LanguageEvidence.contradicts($0.text, language) }
            }
            unit.confidence = contradicted ? min(link.confidence, 0.5) : link.confidence
            unit.children = alignUnits(nlUnits.count == 1 ? nlUnits.first!.children : [],
                                       frUnits.count == 1 ? frUnits.first!.children : [], aligner)
            return unit
        }
    }

    /// Units whose kind and label each language prints exactly once pair by label. The
    /// longest run of such pairs in the same order in both languages anchors the alignment;
    /// the other pairs are units one language moved.
    static func labelAnchors(_ nl: [TextUnit], _ fr: [TextUnit]) -> (anchors: [(Int, Int)], moved: [(nl: Int, fr: Int)]) {
        func keys(_ units: [TextUnit]) -> [String: Int] {
            var first: [String: Int] = [:], repeated: Set<String> = []
            for (index, unit) in units.enumerated() {
                guard let label = unit.label else { continue }
                let key = "\(unit.kind.rawValue) \(label)"
                if first[key] == nil { first[key] = index } else { repeated.insert(key) }
            }
            return first.filter { !repeated.contains($0.key) }
        }
        let frKeys = keys(fr)
        let pairs = keys(nl).compactMap { key, i in frKeys[key].map { (i, $0) } }.sorted { $0.0 < $1.0 }
        // Longest increasing run of French positions (patience sorting, O(n log n)).
        var tails: [Int] = [], parent = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[tails[mid]].1 < pair.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { parent[k] = tails[low - 1] }
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var chain: [Int] = []
        var k = tails.last ?? -1
        while k >= 0 { chain.append(k); k = parent[k] }
        let inChain = Set(chain)
        return (chain.reversed().map { pairs[$0] },
                pairs.indices.filter { !inChain.contains($0) }.map { (pairs[$0].0, pairs[$0].1) })
    }

    /// A pair matched by its label is at least an even bet; its content makes it surer.
    static func labelConfidence(_ nl: TextUnit, _ fr: TextUnit, _ aligner: SequenceAligner) -> Double {
        0.5 + 0.5 * aligner.matchProbability(aligner.features(nl), aligner.features(fr))
    }
}

/// Gives every unit a stable, unique identifier: `cons-A` and `req-3.1` for the labelled
/// units of the resolution, `expl-p3` (the third paragraph of the explanatory part) and the
/// like for the rest. The same units in any input layout get the same identifiers.
struct IdentifierAssigner {
    private var taken: Set<String> = []
    /// The last suffix given to each identifier that repeats (`cons-A-7`): the next one is
    /// searched from there, not from 2, so a label printed k times costs k, not k².
    private var lastSuffix: [String: Int] = [:]

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
            var id = base
            if taken.contains(id) {
                var n = lastSuffix[base] ?? 1
                repeat { n += 1; id = "\(base)-\(n)" } while taken.contains(id)
                lastSuffix[base] = n
            }
            taken.insert(id)
            unit.id = id
            for c in unit.children.indices { visit(&unit.children[c]) }
        }
        for u in section.units.indices { visit(&section.units[u]) }
        return section
    }
}
