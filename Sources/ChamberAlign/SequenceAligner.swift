import ChamberModel
import Foundation

/// One link of an alignment: the Dutch units `nl` translate the French units `fr` (positions
/// in the two sequences). One side is empty for a unit without a counterpart.
public struct Bead: Sendable, Hashable {
    public var nl: Range<Int>
    public var fr: Range<Int>
    /// The posterior probability of this link among all alignments of the two sequences.
    public var confidence: Double

    public init(nl: Range<Int>, fr: Range<Int>, confidence: Double) {
        self.nl = nl
        self.fr = fr
        self.confidence = confidence
    }
}

/// What the aligner compares of a unit, computed once per unit.
public struct AlignmentFeatures: Sendable {
    /// `nil` for units the length-only model compares (any kind pairs with any kind).
    public var kind: UnitKind?
    public var label: String?
    /// UTF-8 bytes of the text.
    public var length: Int
    /// Digit runs and web addresses, which translation leaves alone, hashed into 64 bits.
    public var anchors: UInt64
    /// Whether the unit may join a neighbour in a 2-1 link: unlabelled prose without sub-units.
    public var mayJoin: Bool

    /// A unit as the length-only model sees it.
    public init(length: Int) {
        self.length = length
        anchors = 0
        mayJoin = true
    }

    /// A unit as the chamberdoc model sees it.
    public init(_ unit: TextUnit) {
        kind = unit.kind
        label = unit.label
        let text = unit.texts.values.first?.text ?? ""
        length = text.utf8.count
        anchors = Self.anchors(text)
        mayJoin = unit.label == nil && unit.children.isEmpty && [.paragraph, .item].contains(unit.kind)
    }

    /// Each digit run and each `www.`/`http` word sets one of 64 bits.
    static func anchors(_ text: String) -> UInt64 {
        var mask: UInt64 = 0
        for word in text.utf8.split(separator: 0x20) {
            if word.starts(with: "http".utf8) || word.starts(with: "www.".utf8) {
                mask |= 1 << (fnv(word) & 63)
                continue
            }
            for run in word.split(whereSeparator: { $0 < 0x30 || $0 > 0x39 }) { mask |= 1 << (fnv(run) & 63) }
        }
        return mask
    }

    private static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(14_695_981_039_346_656_037 as UInt64) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

/// Aligns two sequences of units with 1-1, 1-0, 0-1, 2-1 and 1-2 links by dynamic
/// programming over the costs (negative log probabilities) of the links.
///
/// The length part is Gale and Church's (1993): the French length of a link is normal around
/// `ratio` times the Dutch one, with a variance growing with length. `lengthOnly` is their
/// model as published, the evaluation's baseline; `chamber` adds what survives translation
/// (unit kinds, labels, digits and web addresses) and lets a unit go unlinked at the cost of
/// its prior alone, where the published model also charges its length and so prefers to fold
/// a deleted paragraph into a 2-1 link.
///
/// Long sequences are searched in a band around the diagonal, so time and memory grow
/// linearly. Each link's confidence is its posterior probability (forward-backward).
public struct SequenceAligner: Sendable {
    public enum Model: Sendable { case chamber, lengthOnly }

    public var model: Model
    /// French bytes per Dutch byte in this document.
    public var ratio: Double

    public init(model: Model = .chamber, ratio: Double = 1.1) {
        self.model = model
        self.ratio = ratio
    }

    /// How far from the diagonal a long alignment may stray, in units.
    public static let bandWidth = 200

    /// The link shapes and their priors (Gale and Church's estimates).
    private static let shapes: [(nl: Int, fr: Int, cost: Double)] = [
        (1, 1, -log(0.89)), (1, 0, -log(0.005)), (0, 1, -log(0.005)), (2, 1, -log(0.0445)), (1, 2, -log(0.0445)),
    ]

    public func align(_ nl: [AlignmentFeatures], _ fr: [AlignmentFeatures]) -> [Bead] {
        let n = nl.count, m = fr.count
        let lattice = Lattice(n: n, m: m)
        // Best cost and total (soft-min) cost of reaching each cell, and of finishing from it.
        var best = [Double](repeating: .infinity, count: lattice.count)
        var shape = [UInt8](repeating: 0, count: lattice.count)
        var forward = [Double](repeating: .infinity, count: lattice.count)
        var backward = [Double](repeating: .infinity, count: lattice.count)
        best[0] = 0
        forward[0] = 0
        for i in 0...n {
            for j in lattice.columns(i) where i + j > 0 {
                let here = lattice.cell(i, j)!
                for (s, link) in Self.shapes.enumerated() {
                    guard i >= link.nl, j >= link.fr, let from = lattice.cell(i - link.nl, j - link.fr) else { continue }
                    let c = cost(nl[(i - link.nl)..<i], fr[(j - link.fr)..<j], prior: link.cost)
                    guard c < .infinity else { continue }
                    if best[from] + c < best[here] { best[here] = best[from] + c; shape[here] = UInt8(s) }
                    forward[here] = softMin(forward[here], forward[from] + c)
                }
            }
        }
        backward[lattice.count - 1] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in lattice.columns(i).reversed() {
                let here = lattice.cell(i, j)!
                for link in Self.shapes {
                    guard i + link.nl <= n, j + link.fr <= m, let to = lattice.cell(i + link.nl, j + link.fr) else { continue }
                    let c = cost(nl[i..<(i + link.nl)], fr[j..<(j + link.fr)], prior: link.cost)
                    if c < .infinity { backward[here] = softMin(backward[here], c + backward[to]) }
                }
            }
        }
        let total = forward[lattice.count - 1]
        var beads: [Bead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let here = lattice.cell(i, j)!
            let link = Self.shapes[Int(shape[here])]
            let from = lattice.cell(i - link.nl, j - link.fr)!
            let c = cost(nl[(i - link.nl)..<i], fr[(j - link.fr)..<j], prior: link.cost)
            let posterior = exp(-(forward[from] + c + backward[here] - total))
            beads.append(Bead(nl: (i - link.nl)..<i, fr: (j - link.fr)..<j, confidence: min(1, max(0, posterior))))
            i -= link.nl
            j -= link.fr
        }
        return beads.reversed()
    }

    /// The probability that two units translate each other, from their lengths and anchors
    /// alone (no prior): what a pair matched by its label gets as evidence of its content.
    public func matchProbability(_ nl: AlignmentFeatures, _ fr: AlignmentFeatures) -> Double {
        exp(-(lengthCost(nl.length, fr.length) + anchorCost(nl.anchors, fr.anchors)))
    }

    /// The cost of linking the units `a` and `b` (at most two on one side).
    private func cost(_ a: ArraySlice<AlignmentFeatures>, _ b: ArraySlice<AlignmentFeatures>, prior: Double) -> Double {
        if model == .chamber {
            if a.isEmpty || b.isEmpty { return prior }
            guard let kind = a.first!.kind, a.allSatisfy({ $0.kind == kind }), b.allSatisfy({ $0.kind == kind }) else { return .infinity }
            if a.count + b.count > 2 {
                guard a.allSatisfy(\.mayJoin), b.allSatisfy(\.mayJoin) else { return .infinity }
            } else if a.first!.label != b.first!.label {
                return .infinity
            }
        }
        // Two units joined in a language count the space between them.
        let x = a.reduce(a.count - 1) { $0 + $1.length }, y = b.reduce(b.count - 1) { $0 + $1.length }
        var total = prior + lengthCost(max(x, 0), max(y, 0))
        if model == .chamber {
            total += anchorCost(a.reduce(0) { $0 | $1.anchors }, b.reduce(0) { $0 | $1.anchors })
        }
        return total
    }

    /// Gale and Church's length cost: −log of the two-sided tail probability of the length
    /// difference, normalised by its expected spread (variance 6.8 per byte).
    private func lengthCost(_ x: Int, _ y: Int) -> Double {
        if x == 0 && y == 0 { return 0 }
        let mean = (Double(x) + Double(y) / ratio) / 2
        let z = abs(ratio * Double(x) - Double(y)) / (6.8 * mean).squareRoot() / 2.0.squareRoot()
        // −log erfc(z), with its asymptote where erfc underflows.
        return z < 20 ? -log(erfc(z)) : z * z + log(z * Double.pi.squareRoot())
    }

    /// Anchors one side has and the other lacks, as a share of all anchors, costed up to 4.
    private func anchorCost(_ a: UInt64, _ b: UInt64) -> Double {
        let union = (a | b).nonzeroBitCount
        return union == 0 ? 0 : 4 * Double((a ^ b).nonzeroBitCount) / Double(union)
    }

    private func softMin(_ a: Double, _ b: Double) -> Double {
        let low = min(a, b)
        return low == .infinity ? low : low - log1p(exp(-abs(a - b)))
    }
}

/// The cells of the alignment lattice, rows 0...n, each row holding the columns within the
/// band around the diagonal (all of them for short sequences), stored row after row.
private struct Lattice {
    let lo: [Int], hi: [Int], start: [Int]

    init(n: Int, m: Int) {
        // The band must be wider than the diagonal's step, so that rows connect.
        let band = n * m <= 4_000_000 ? max(n, m) : max(SequenceAligner.bandWidth, m / max(n, 1) + 2)
        lo = (0...n).map { i in max(0, (n == 0 ? 0 : i * m / n) - band) }
        hi = (0...n).map { i in min(m, (n == 0 ? m : i * m / n) + band) }
        var start = [0]
        for i in 0...n { start.append(start[i] + hi[i] - lo[i] + 1) }
        self.start = start
    }

    var count: Int { start.last! }
    func columns(_ i: Int) -> ClosedRange<Int> { lo[i]...hi[i] }
    func cell(_ i: Int, _ j: Int) -> Int? { j >= lo[i] && j <= hi[i] ? start[i] + j - lo[i] : nil }
}
