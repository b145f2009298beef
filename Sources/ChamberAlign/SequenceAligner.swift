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
    /// Digit runs, web addresses and names printed alike in both languages, which
    /// translation keeps, hashed into 64 bits.
    public var anchors: UInt64
    /// Numbers the text spells out (`twee`, `un`), hashed likewise: they stand for digits
    /// on the other side, but are no anchor themselves (`un` is mostly an article).
    public var spelled: UInt64 = 0
    /// The first four letters (lower case, accents dropped) of its words of five letters or
    /// more, in a 256-bit set: cognates (`maritieme` / `maritime`, `capaciteiten` / `capacités`)
    /// share them across the languages (Simard, Foster and Isabelle 1992).
    public var stems = Stems()
    /// Its words as the bilingual dictionary sees them (sentences only; see `SentenceWords`).
    public var words = SentenceWords()
    /// Whether the unit may join a neighbour in a 2-1 link: unlabelled prose without sub-units.
    public var mayJoin: Bool

    /// A unit as the length-only model sees it.
    public init(length: Int) {
        self.length = length
        anchors = 0
        mayJoin = true
    }

    /// A unit as the chamberdoc model sees it; `names` are the capitalised words that the
    /// document prints in both languages (`Amay`, `MAOC`), found by `sharedNames`.
    public init(_ unit: TextUnit, names: Set<Substring>) {
        let (language, text) = unit.texts.first.map { ($0.key, $0.value.text) } ?? (.nl, "")
        self.init(text: text, language: language, names: names)
        kind = unit.kind
        label = unit.label
        mayJoin = SentenceAligner.isMendable(unit)
    }

    /// A sentence as the sentence aligner sees it: the unit's features, and its words' keys in
    /// the bilingual dictionary, which `SequenceAligner.placingWords` places before the
    /// sentences are aligned (internal: unplaced, the dictionary would say nothing).
    init(sentence: Substring, language: Language, names: Set<Substring>) {
        let text = String(sentence)
        self.init(text: text, language: language, names: names)
        kind = .paragraph
        words = SentenceWords(keys: BilingualDictionary.keys(text))
    }

    private init(text: String, language: Language, names: Set<Substring>) {
        length = text.utf8.count
        anchors = Self.anchors(text)
        stems = Stems(text)
        if !names.isEmpty {
            for word in Self.capitalised(text) where names.contains(word) { anchors |= 1 << (Self.fnv(word.utf8) & 63) }
        }
        spelled = NumberWords.spelledNumbers(in: text, language: language).reduce(0) { $0 | 1 << (Self.fnv($1.utf8) & 63) }
        mayJoin = true
    }

    /// The capitalised words that both languages print somewhere in these texts: names that
    /// translation leaves alone. (`Defensie` and `Défense` are not among them.)
    public static func sharedNames(nl: [String], fr: [String]) -> Set<Substring> {
        Set(nl.lazy.flatMap(capitalised)).intersection(fr.lazy.flatMap(capitalised))
    }

    private static func capitalised(_ text: String) -> [Substring] {
        var result: [Substring] = []
        NumberWords.forEachWord(in: text) { word, range in
            // Most words start with a small ASCII letter or a digit: no Substring for those.
            guard word.count >= 3, word[0] >= 0x80 || word[0] &- 0x41 < 26 else { return }
            let substring = NumberWords.substring(text, range)
            if substring.startsWithCapital { result.append(substring) }
        }
        return result
    }

    /// Each digit run (`3.758` gives 3 and 758) and each `www.`/`http` word sets one of 64 bits.
    static func anchors(_ text: String) -> UInt64 {
        var mask: UInt64 = 0
        for number in NumberWords.digitSequences(in: text) { mask |= 1 << (fnv(number.utf8) & 63) }
        guard text.containsBytes("http") || text.containsBytes("www.") else { return mask }
        for word in text.utf8.split(separator: 0x20) where word.starts(with: "http".utf8) || word.starts(with: "www.".utf8) {
            mask |= 1 << (fnv(word) & 63)
        }
        return mask
    }

    static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(14_695_981_039_346_656_037 as UInt64) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

/// A set of word stems as 256 bits, for a cheap overlap measure.
public struct Stems: Sendable {
    var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    public init() {}

    init(_ text: String) {
        Self.forEachWord(text, prefix: 4) { stem, letters in
            if letters >= 5 { insert(UInt32(stem)) }
        }
    }

    static func forEachWord(_ text: String, prefix: Int, _ body: (UInt64, Int) -> Void) {
        var text = text
        text.withUTF8 { forEachWord($0, prefix: prefix, body) }
    }

    /// Calls `body` with each word's first `prefix` letters (lower case, accents dropped, one
    /// byte each, packed into an integer) and its number of letters: the word form that
    /// cognates and the dictionary compare.
    static func forEachWord(_ bytes: UnsafeBufferPointer<UInt8>, prefix: Int, _ body: (UInt64, Int) -> Void) {
        var stem: UInt64 = 0, letters = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            var letter = byte
            if byte == 0xC3, i + 1 < bytes.count {
                // Latin-1 letters with accents: their base letter.
                i += 1
                letter = latin1Base[Int(bytes[i] & 0x3F)]
            } else if byte >= 0x80 {
                letter = 0
            }
            i += 1
            letter |= 0x20
            guard letter >= 0x61 && letter <= 0x7A else {
                if letters > 0 { body(stem, letters) }
                stem = 0
                letters = 0
                continue
            }
            if letters < prefix { stem = stem << 8 | UInt64(letter) }
            letters += 1
        }
        if letters > 0 { body(stem, letters) }
    }

    /// `À`…`ÿ` (the second byte of `C3 xx`, less 0x80) to a base letter, or 0.
    private static let latin1Base: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo ouuuuy  aaaaaaaceeeeiiiidnooooo ouuuuy y".utf8).map { $0 == 0x20 ? 0 : $0 }

    private mutating func insert(_ stem: UInt32) {
        let hash = (UInt64(stem) &* 0x9E37_79B9_7F4A_7C15) >> 56
        let bit = UInt64(1) << (hash & 63)
        switch hash >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    var count: Int { bits.0.nonzeroBitCount + bits.1.nonzeroBitCount + bits.2.nonzeroBitCount + bits.3.nonzeroBitCount }

    func union(_ other: Stems) -> Stems {
        var result = self
        result.bits = (bits.0 | other.bits.0, bits.1 | other.bits.1, bits.2 | other.bits.2, bits.3 | other.bits.3)
        return result
    }

    /// Dice's coefficient of two sets.
    func overlap(_ other: Stems) -> Double {
        let shared = (bits.0 & other.bits.0).nonzeroBitCount + (bits.1 & other.bits.1).nonzeroBitCount
            + (bits.2 & other.bits.2).nonzeroBitCount + (bits.3 & other.bits.3).nonzeroBitCount
        return 2 * Double(shared) / Double(max(1, count + other.count))
    }
}

/// A sentence's words as the bilingual dictionary sees them (`BilingualDictionary.keys`),
/// placed in the vocabularies of the two texts being aligned: its own words and the other
/// language's words they translate are sets of bits, so that what the dictionary says of a
/// link is a few population counts, not a look-up for every pair of its words.
public struct SentenceWords: Sendable {
    /// The words' keys, sorted and without repeats.
    public private(set) var keys: [UInt64] = []
    /// The words, in the vocabulary of the sentence's language.
    var own = WordBits()
    /// The other language's words that one of its words translates.
    var translated = WordBits()
    /// Per key, the other language's words that it translates (single sentences only).
    var rows: [WordBits] = []

    public init() {}

    init(keys: [UInt64]) { self.keys = keys }

    /// How many different words.
    var count: Int { own.count }

    /// Places the words in their language's vocabulary (`index`, `size` words), whose words
    /// translate the words of the other language's vocabulary (`otherSize` words) that `rows`
    /// gives.
    mutating func place(in index: [UInt64: Int], size: Int, rows table: [WordBits], otherSize: Int) {
        own = WordBits(size: size)
        rows = keys.map { table[index[$0]!] }
        translated = rows.reduce(into: WordBits(size: otherSize)) { $0.formUnion($1) }
        for key in keys { own.insert(index[key]!) }
    }

    /// The words of one or two sentences of a language together.
    init(joining sentences: ArraySlice<AlignmentFeatures>) {
        guard sentences.count > 1 else {
            self = sentences.first?.words ?? SentenceWords()
            return
        }
        own = sentences.dropFirst().reduce(sentences.first!.words.own) { $0.union($1.words.own) }
        translated = sentences.dropFirst().reduce(sentences.first!.words.translated) { $0.union($1.words.translated) }
    }

    /// The share of the words of both that have a translation on the other side.
    func coverage(with other: SentenceWords) -> Double {
        Double(own.intersectionCount(other.translated) + other.own.intersectionCount(translated)) / Double(count + other.count)
    }

    /// The share of its words translated by words of `other` (the other language) that
    /// `partner`, of its language, does not translate: what a sentence adds to a link beside
    /// its partner. One half for a sentence of fewer than three words, which does not tell.
    func exclusiveShare(beside partner: SentenceWords, in other: SentenceWords) -> Double {
        guard count >= 3 else { return 0.5 }
        let untaken = other.own.subtracting(partner.translated)
        return Double(rows.count { $0.intersects(untaken) }) / Double(count)
    }
}

/// A set of small integers (words of a vocabulary) as bits.
struct WordBits: Sendable {
    private var words: [UInt64] = []

    init() {}

    /// An empty set that can hold the integers below `size`.
    init(size: Int) {
        words = [UInt64](repeating: 0, count: (size + 63) / 64)
    }

    /// `rows` empty sets, each of `columns` integers.
    static func table(rows: Int, columns: Int) -> [WordBits] {
        [WordBits](repeating: WordBits(size: columns), count: rows)
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }

    mutating func formUnion(_ other: WordBits) {
        for k in words.indices { words[k] |= other.words[k] }
    }

    func union(_ other: WordBits) -> WordBits {
        var result = self
        result.formUnion(other)
        return result
    }

    func subtracting(_ other: WordBits) -> WordBits {
        var result = self
        for k in words.indices { result.words[k] &= ~other.words[k] }
        return result
    }

    func intersectionCount(_ other: WordBits) -> Int {
        var count = 0
        for k in words.indices { count += (words[k] & other.words[k]).nonzeroBitCount }
        return count
    }

    func intersects(_ other: WordBits) -> Bool {
        words.indices.contains { words[$0] & other.words[$0] != 0 }
    }
}

/// Aligns two sequences of units with 1-1, 1-0, 0-1, 2-1 and 1-2 links by dynamic
/// programming over the costs (negative log probabilities) of the links.
///
/// The length part is Gale and Church's (1993): the French length of a link is normal around
/// `ratio` times the Dutch one, with a variance growing with length. `lengthOnly` is their
/// model as published, the evaluation's baseline; `chamber` adds what survives translation
/// (unit kinds, labels, digits and web addresses), lets a unit go unlinked at the cost of
/// its prior alone, where the published model also charges its length and so prefers to fold
/// a deleted paragraph into a 2-1 link, and caps what lengths can cost a link.
///
/// Long sequences are searched in a band around the diagonal, so time and memory grow
/// linearly. Each link's confidence is its posterior probability (forward-backward).
public struct SequenceAligner: Sendable {
    /// `chamber` links units, `sentences` the sentences of a linked unit (any sentence may
    /// join its neighbour, and the bilingual dictionary scores the words), `lengthOnly` is
    /// the evaluation's baseline.
    public enum Model: Sendable { case chamber, sentences, lengthOnly }

    public var model: Model
    /// French bytes per Dutch byte in this document.
    public var ratio: Double

    /// Capitalised words both languages print: anchors of the `chamber` model.
    public var names: Set<Substring>

    /// Dutch-French word pairs: evidence of the `sentences` model.
    public var dictionary: BilingualDictionary

    public init(model: Model = .chamber, ratio: Double = 1.1, names: Set<Substring> = [], dictionary: BilingualDictionary = BilingualDictionary()) {
        self.model = model
        self.ratio = ratio
        self.names = names
        self.dictionary = dictionary
    }

    /// What this aligner compares of a unit.
    public func features(_ unit: TextUnit) -> AlignmentFeatures { AlignmentFeatures(unit, names: names) }

    /// How far from the diagonal a long alignment may stray, in units.
    public static let bandWidth = 200

    /// The link shapes and their priors: Gale and Church's estimates for units; between the
    /// sentences of two paragraphs that translate each other, a merge or a split is rarer and
    /// a sentence left alone likelier than between units, so that a sentence left out is
    /// not folded into its neighbour's link.
    private var shapes: [(nl: Int, fr: Int, cost: Double)] {
        model == .sentences ? Self.sentenceShapes : Self.unitShapes
    }

    private static let unitShapes: [(nl: Int, fr: Int, cost: Double)] = [
        (1, 1, -log(0.89)), (1, 0, -log(0.005)), (0, 1, -log(0.005)), (2, 1, -log(0.0445)), (1, 2, -log(0.0445)),
    ]
    private static let sentenceShapes: [(nl: Int, fr: Int, cost: Double)] = [
        (1, 1, -log(0.94)), (1, 0, -log(0.01)), (0, 1, -log(0.01)), (2, 1, -log(0.02)), (1, 2, -log(0.02)),
    ]

    public func align(_ nl: [AlignmentFeatures], _ fr: [AlignmentFeatures]) -> [Bead] {
        let n = nl.count, m = fr.count
        let lattice = Lattice(n: n, m: m)
        // Kept for every cell: the shape of the best link into it and the total (soft-min)
        // cost of reaching it, 9 bytes. The best cost of reaching a cell and the total cost of
        // finishing from it are kept only for the three rows a link spans.
        var shape = [UInt8](repeating: 0, count: lattice.count)
        var forward = [Double](repeating: .infinity, count: lattice.count)
        var best = LatticeRows(lattice)
        let shapes = self.shapes
        // The cost of the link of shape `s` that ends in cell (i, j), which the forward pass, the
        // backward pass and the posteriors each need. Between sentences the dictionary makes it
        // dear and the lattice is small: it is worked out once. Between units (long lattices,
        // cheap costs) it is worked out each time, so as to keep memory linear in the band.
        var cached = model == .sentences ? [Double](repeating: .nan, count: lattice.count * shapes.count) : []
        func linkCost(_ i: Int, _ j: Int, _ s: Int) -> Double {
            let link = shapes[s]
            guard !cached.isEmpty else { return cost(nl[(i - link.nl)..<i], fr[(j - link.fr)..<j], prior: link.cost) }
            let k = lattice.cell(i, j)! * shapes.count + s
            if cached[k].isNaN { cached[k] = cost(nl[(i - link.nl)..<i], fr[(j - link.fr)..<j], prior: link.cost) }
            return cached[k]
        }
        forward[0] = 0
        for i in 0...n {
            best.clear(row: i)
            if i == 0 { best[0, 0] = 0 }
            for j in lattice.columns(i) where i + j > 0 {
                let here = lattice.cell(i, j)!
                for (s, link) in shapes.enumerated() {
                    guard i >= link.nl, j >= link.fr, let from = lattice.cell(i - link.nl, j - link.fr) else { continue }
                    let c = linkCost(i, j, s)
                    guard c < .infinity else { continue }
                    let through = best[i - link.nl, j - link.fr] + c
                    if through < best[i, j] { best[i, j] = through; shape[here] = UInt8(s) }
                    forward[here] = softMin(forward[here], forward[from] + c)
                }
            }
        }
        // The best path, from the end: each bead's last cell and shape.
        var path: [(i: Int, j: Int, shape: Int)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let s = Int(shape[lattice.cell(i, j)!])
            path.append((i, j, s))
            i -= shapes[s].nl
            j -= shapes[s].fr
        }
        // The cost of finishing from each cell, taken where the path passes: the cells come in
        // the path's order, rows from the last and columns from the right.
        var backward = LatticeRows(lattice)
        var finishing = [Double](repeating: .infinity, count: path.count)
        var next = 0
        for i in stride(from: n, through: 0, by: -1) {
            backward.clear(row: i)
            if i == n { backward[n, m] = 0 }
            for j in lattice.columns(i).reversed() {
                for (s, link) in shapes.enumerated() {
                    guard i + link.nl <= n, j + link.fr <= m, lattice.cell(i + link.nl, j + link.fr) != nil else { continue }
                    let c = linkCost(i + link.nl, j + link.fr, s)
                    if c < .infinity { backward[i, j] = softMin(backward[i, j], c + backward[i + link.nl, j + link.fr]) }
                }
                if next < path.count, path[next].i == i, path[next].j == j {
                    finishing[next] = backward[i, j]
                    next += 1
                }
            }
        }
        let total = forward[lattice.count - 1]
        return zip(path, finishing).reversed().map { step, finish in
            let link = shapes[step.shape]
            let (i, j) = (step.i, step.j)
            let from = lattice.cell(i - link.nl, j - link.fr)!
            let posterior = exp(-(forward[from] + linkCost(i, j, step.shape) + finish - total))
            return Bead(nl: (i - link.nl)..<i, fr: (j - link.fr)..<j, confidence: min(1, max(0, posterior)))
        }
    }

    /// The probability that two units translate each other, from their lengths and anchors
    /// alone (no prior): what a pair matched by its label gets as evidence of its content. The
    /// `sentences` model weighs the dictionary too.
    public func matchProbability(_ nl: AlignmentFeatures, _ fr: AlignmentFeatures) -> Double {
        matchProbability([nl][...], [fr][...])
    }

    /// The same for a link of one or two units on each side.
    func matchProbability(_ a: ArraySlice<AlignmentFeatures>, _ b: ArraySlice<AlignmentFeatures>) -> Double {
        let x = a.reduce(a.count - 1) { $0 + $1.length }, y = b.reduce(b.count - 1) { $0 + $1.length }
        let lexical = model == .sentences ? dictionaryCost(a, b) : 0
        return min(1, exp(-(lengthCost(x, y) + anchorCost(a, b) + stemCost(a, b) + lexical)))
    }

    /// The cost of linking the units `a` and `b` (at most two on one side).
    private func cost(_ a: ArraySlice<AlignmentFeatures>, _ b: ArraySlice<AlignmentFeatures>, prior: Double) -> Double {
        if model != .lengthOnly, a.isEmpty || b.isEmpty { return prior }
        if model == .chamber {
            guard let kind = a.first!.kind, a.allSatisfy({ $0.kind == kind }), b.allSatisfy({ $0.kind == kind }) else { return .infinity }
            if a.count + b.count > 2 {
                guard a.allSatisfy(\.mayJoin), b.allSatisfy(\.mayJoin) else { return .infinity }
            } else if a.first!.label != b.first!.label {
                return .infinity
            }
        }
        // Two units joined in a language count the space between them.
        let x = a.reduce(a.count - 1) { $0 + $1.length }, y = b.reduce(b.count - 1) { $0 + $1.length }
        var total = prior
        switch model {
        case .chamber: total += robustLengthCost(max(x, 0), max(y, 0)) + anchorCost(a, b) + stemCost(a, b)
        case .sentences: total += robustLengthCost(max(x, 0), max(y, 0), uninformative: 0.001) + anchorCost(a, b) + stemCost(a, b) + dictionaryCost(a, b)
        case .lengthOnly: total += lengthCost(max(x, 0), max(y, 0))
        }
        return total
    }

    /// The length cost when one link in a hundred may have lengths that say nothing (a
    /// translation that left sentences out): such a pair stays a 1-1 link, which the check
    /// stage reports (P304), rather than two units without counterparts.
    /// Between sentences, lengths say more: one link in a thousand may have lengths that say
    /// nothing, so that a sentence merged with an unrelated one costs more than one left alone.
    private func robustLengthCost(_ x: Int, _ y: Int, uninformative: Double = 0.01) -> Double {
        -log((1 - uninformative) * exp(-lengthCost(x, y)) + uninformative)
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

    /// Anchors one side has and the other lacks (as an anchor, or a digit as a spelled-out
    /// number), as a share of all anchors, costed up to 4.
    private func anchorCost(_ a: ArraySlice<AlignmentFeatures>, _ b: ArraySlice<AlignmentFeatures>) -> Double {
        let (x, y) = (a.reduce(0) { $0 | $1.anchors }, b.reduce(0) { $0 | $1.anchors })
        let union = (x | y).nonzeroBitCount
        guard union > 0 else { return 0 }
        let (xs, ys) = (a.reduce(0) { $0 | $1.spelled }, b.reduce(0) { $0 | $1.spelled })
        let lacking = (x & ~(y | ys)) | (y & ~(x | xs))
        return 4 * Double(lacking.nonzeroBitCount) / Double(union)
    }

    /// Shared stems make a link likelier, few make it less likely: about +1.2 for unrelated
    /// paragraphs (a Dice overlap near 0.05), −1.2 for translations (near 0.35). Texts with
    /// fewer than four stems do not tell.
    private func stemCost(_ a: ArraySlice<AlignmentFeatures>, _ b: ArraySlice<AlignmentFeatures>) -> Double {
        let x = a.dropFirst().reduce(a.first!.stems) { $0.union($1.stems) }
        let y = b.dropFirst().reduce(b.first!.stems) { $0.union($1.stems) }
        guard x.count >= 4, y.count >= 4 else { return 0 }
        return 8 * (0.2 - x.overlap(y))
    }

    /// Words of one side whose translation (by the dictionary) the other side has, as a
    /// share of the words of both: a median of about 0.1 for neighbouring sentences that do
    /// not translate each other, 0.45 for translations (the seed and the real bill), so about
    /// +2.4 and −3; costed like the stems. Sentences of fewer than three words do not tell.
    private func dictionaryCost(_ a: ArraySlice<AlignmentFeatures>, _ b: ArraySlice<AlignmentFeatures>) -> Double {
        guard !dictionary.isEmpty else { return 0 }
        let (x, y) = (SentenceWords(joining: a), SentenceWords(joining: b))
        guard x.count >= 3, y.count >= 3 else { return 0 }
        var cost = Self.dictionaryWeight * (Self.dictionaryMidpoint - x.coverage(with: y))
        // In a 2-1 link each of the two sentences must translate a part of the one that the
        // other does not: a sentence left out, folded in beside its neighbour, translates
        // nothing of it but the words of the subject they share.
        for (side, other) in [(a, y), (b, x)] where side.count == 2 {
            let (first, second) = (side[side.startIndex].words, side[side.startIndex + 1].words)
            let weakest = min(first.exclusiveShare(beside: second, in: other), second.exclusiveShare(beside: first, in: other))
            cost += max(0, Self.dictionaryWeight * (Self.dictionaryMidpoint - weakest))
        }
        return cost
    }

    /// The share of the words of the sentence `lone`, which the alignment leaves alone, that
    /// the link of `partners` (its language) and `others` (the other language) beside it
    /// translates and `partners` does not (`SentenceWords.exclusiveShare`). Nil where the words
    /// cannot tell: fewer than three on either side, or no lexicon.
    func shareTranslated(_ lone: AlignmentFeatures, beside partners: ArraySlice<AlignmentFeatures>, _ others: ArraySlice<AlignmentFeatures>) -> Double? {
        let other = SentenceWords(joining: others)
        guard dictionary.hasLexicon, lone.words.count >= 3, other.count >= 3 else { return nil }
        return lone.words.exclusiveShare(beside: SentenceWords(joining: partners), in: other)
    }

    static let dictionaryWeight = 12.0, dictionaryMidpoint = 0.2

    /// The sentences with their words placed in the two texts' vocabularies (see
    /// `SentenceWords`): each Dutch word of the texts is looked up with each French word once,
    /// where the alignment would look up every pair of words of every link it weighs.
    func placingWords(_ nl: [AlignmentFeatures], _ fr: [AlignmentFeatures]) -> ([AlignmentFeatures], [AlignmentFeatures]) {
        func vocabulary(_ sentences: [AlignmentFeatures]) -> (keys: [UInt64], index: [UInt64: Int]) {
            var keys: [UInt64] = [], index: [UInt64: Int] = [:]
            for sentence in sentences {
                for key in sentence.words.keys where index[key] == nil {
                    index[key] = keys.count
                    keys.append(key)
                }
            }
            return (keys, index)
        }
        let (dutch, french) = (vocabulary(nl), vocabulary(fr))
        // The other language's words that each word translates, one row of bits per word.
        var nlRows = WordBits.table(rows: dutch.keys.count, columns: french.keys.count)
        var frRows = WordBits.table(rows: french.keys.count, columns: dutch.keys.count)
        if !dictionary.isEmpty {
            for (u, a) in dutch.keys.enumerated() {
                for (v, b) in french.keys.enumerated() where dictionary.translates(a, b) {
                    nlRows[u].insert(v)
                    frRows[v].insert(u)
                }
            }
        }
        func placed(_ sentences: [AlignmentFeatures], _ index: [UInt64: Int], _ rows: [WordBits], size: Int, otherSize: Int) -> [AlignmentFeatures] {
            sentences.map { sentence in
                var sentence = sentence
                sentence.words.place(in: index, size: size, rows: rows, otherSize: otherSize)
                return sentence
            }
        }
        return (placed(nl, dutch.index, nlRows, size: dutch.keys.count, otherSize: french.keys.count),
                placed(fr, french.index, frRows, size: french.keys.count, otherSize: dutch.keys.count))
    }

    private func softMin(_ a: Double, _ b: Double) -> Double {
        let low = min(a, b)
        return low == .infinity ? low : low - log1p(exp(-abs(a - b)))
    }
}

/// The cells of the alignment lattice, rows 0...n, each row holding the columns within the
/// band around the diagonal (all of them for sequences shorter than the band), stored row
/// after row.
private struct Lattice {
    let lo: [Int], hi: [Int], start: [Int]

    init(n: Int, m: Int) {
        // The band covers short sequences whole; it must be wider than the diagonal's step,
        // so that rows connect.
        let band = max(SequenceAligner.bandWidth, m / max(n, 1) + 2)
        lo = (0...n).map { i in max(0, (n == 0 ? 0 : i * m / n) - band) }
        hi = (0...n).map { i in min(m, (n == 0 ? m : i * m / n) + band) }
        var start = [0]
        for i in 0...n { start.append(start[i] + hi[i] - lo[i] + 1) }
        self.start = start
    }

    var count: Int { start.last! }
    var widestRow: Int { zip(lo, hi).map { $1 - $0 + 1 }.max()! }
    func columns(_ i: Int) -> ClosedRange<Int> { lo[i]...hi[i] }
    func cell(_ i: Int, _ j: Int) -> Int? { j >= lo[i] && j <= hi[i] ? start[i] + j - lo[i] : nil }
}

/// One value per cell for the last three rows of the lattice, in a ring: enough for a pass
/// whose links span at most two rows, in memory that does not grow with the sequences.
private struct LatticeRows {
    let lattice: Lattice
    private var values: [Double]
    private let width: Int

    init(_ lattice: Lattice) {
        self.lattice = lattice
        width = lattice.widestRow
        values = [Double](repeating: .infinity, count: 3 * width)
    }

    /// Makes row `i` the current one, every cell at infinity; it takes the place of row `i ± 3`.
    mutating func clear(row i: Int) {
        let base = i % 3 * width
        for k in base..<(base + width) { values[k] = .infinity }
    }

    /// Cell `(i, j)`, which must be in the band of one of the three rows held.
    subscript(i: Int, j: Int) -> Double {
        get { values[i % 3 * width + j - lattice.columns(i).lowerBound] }
        set { values[i % 3 * width + j - lattice.columns(i).lowerBound] = newValue }
    }
}
