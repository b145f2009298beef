import ChamberModel

/// Links the sentences inside every unit that has both languages, with the unit aligner's
/// dynamic program (1-1, 1-0, 0-1, 2-1, 1-2 links) on sentences: Gale and Church's lengths,
/// digits, names printed in both languages, cognate stems and, when installed, the
/// Dutch-French dictionary (`BilingualDictionary`). What the check stage reports as a
/// sentence without counterpart (P106), and the translation memory's segments, come from here.
public struct SentenceAligner: Sendable {
    var aligner: SequenceAligner

    /// The word pairs it weighs: the installed dictionaries, and what `learning(from:)` added.
    public var dictionary: BilingualDictionary { aligner.dictionary }

    public init(ratio: Double, names: Set<Substring>, dictionary: BilingualDictionary = .installed) {
        aligner = SequenceAligner(model: .sentences, ratio: ratio, names: names, dictionary: dictionary)
    }

    /// This aligner with the word pairs that the surest sentence links of `units` show
    /// (`BilingualDictionary.adding(associationsIn:)`): the document's own terms, learnt from
    /// its first `learningPairs` 1-1 links of posterior `sureLink` or more. The units'
    /// sentences are aligned (by this aligner) only until that many are found, so that a long
    /// document is not aligned twice over.
    public func learning(from units: [TextUnit]) -> SentenceAligner {
        var pairs: [(nl: [UInt64], fr: [UInt64])] = []
        func collect(_ linked: TextUnit) {
            let texts = linked.texts
            if let nl = texts[.nl]?.text, let fr = texts[.fr]?.text {
                for link in linked.sentenceLinks where pairs.count < Self.learningPairs && link.nl.count == 1 && link.fr.count == 1 && link.confidence >= Self.sureLink {
                    pairs.append((BilingualDictionary.keys(NumberWords.substring(nl, link.nl[0])), BilingualDictionary.keys(NumberWords.substring(fr, link.fr[0]))))
                }
            }
            linked.children.forEach(collect)
        }
        for unit in units where pairs.count < Self.learningPairs { collect(link(unit)) }
        var learnt = self
        learnt.aligner.dictionary = aligner.dictionary.adding(associationsIn: pairs)
        return learnt
    }

    static let learningPairs = 2_000

    /// The sentence links of a Dutch and a French text, each split into sentences.
    public func align(nl: String, fr: String) -> [SentenceLink] {
        align(nl: nl, Sentences.ranges(in: nl), fr: fr, Sentences.ranges(in: fr))
    }

    /// The sentence links of a Dutch and a French text whose sentences are given.
    func align(nl: String, _ nlRanges: [Range<Int>], fr: String, _ frRanges: [Range<Int>]) -> [SentenceLink] {
        aligned(nl: nl, nlRanges, fr: fr, frRanges).map(\.link)
    }

    /// The sentence links, each with the probability that its sentences translate each other
    /// on their own evidence (`SequenceAligner.matchProbability`; nil for a sentence alone).
    func aligned(nl: String, _ nlRanges: [Range<Int>], fr: String, _ frRanges: [Range<Int>]) -> [(link: SentenceLink, match: Double?)] {
        let features = { (text: String, ranges: [Range<Int>], language: Language) in
            ranges.map { AlignmentFeatures(sentence: NumberWords.substring(text, $0), language: language, names: aligner.names) }
        }
        let (a, b) = aligner.placingWords(features(nl, nlRanges, .nl), features(fr, frRanges, .fr))
        let beads = aligner.align(a, b)
        return beads.indices.map { k in
            let bead = beads[k]
            var link = SentenceLink(nl: Array(nlRanges[bead.nl]), fr: Array(frRanges[bead.fr]), confidence: bead.confidence)
            guard bead.nl.isEmpty != bead.fr.isEmpty else { return (link, aligner.matchProbability(a[bead.nl], b[bead.fr])) }
            // A sentence alone: how much of it a linked neighbour translates.
            let dutch = bead.fr.isEmpty
            let neighbours = [k - 1, k + 1].filter { beads.indices.contains($0) && !beads[$0].nl.isEmpty && !beads[$0].fr.isEmpty }
            link.shareTranslatedBeside = neighbours.compactMap { n in
                dutch ? aligner.shareTranslated(a[bead.nl.lowerBound], beside: a[beads[n].nl], b[beads[n].fr])
                    : aligner.shareTranslated(b[bead.fr.lowerBound], beside: b[beads[n].fr], a[beads[n].nl])
            }.max()
            return (link, nil)
        }
    }

    /// The unit with the sentence links of its two texts, and its sub-units likewise. A
    /// table's cells are no sentences: it has none.
    public func link(_ unit: TextUnit) -> TextUnit {
        var unit = unit
        let texts = unit.texts
        if unit.kind != .table, let nl = texts[.nl]?.text, let fr = texts[.fr]?.text {
            unit.sentenceLinks = align(nl: nl, Self.sentences(of: unit, .nl), fr: fr, Self.sentences(of: unit, .fr))
        }
        unit.children = unit.children.map(link)
        return unit
    }

    /// The sentences of a unit's text in one language: a sentence ends with its passage (a
    /// paragraph, or a table row the reading joined to one), whatever its last mark.
    static func sentences(of unit: TextUnit, _ language: Language) -> [Range<Int>] {
        let text = unit.texts[language]?.text ?? ""
        return unit.passageRanges(language).flatMap { passage in
            Sentences.ranges(in: String(NumberWords.substring(text, passage))).map { ($0.lowerBound + passage.lowerBound)..<($0.upperBound + passage.lowerBound) }
        }
    }

    /// Runs of neighbouring paragraphs whose unit links are unsure (a unit of one language, a
    /// 2-1 or 1-2 link, or a confidence under `sureLink`) linked again from their sentences:
    /// the sentences of the run are aligned across its paragraphs, and paragraphs joined by a
    /// sentence link whose sentences translate each other on their own evidence
    /// (`matchProbability` of `minimumMatch` or more) make one unit. A paragraph that lost a
    /// sentence in one language can be too short for the unit aligner to link, which then
    /// folds it into its neighbour's link and leaves its counterpart alone; its sentences tell
    /// which paragraphs translate which, and which sentence is missing (P106). The new grouping
    /// is taken only when it leaves fewer passages without a counterpart and every unit links
    /// at most two passages to one; each new unit's confidence is the lowest posterior of the
    /// sentence links that made it.
    public func relinkingUnsureRuns(_ units: [TextUnit]) -> [TextUnit] {
        var result: [TextUnit] = []
        var run: [TextUnit] = []
        func flush() {
            result += run.count >= 2 ? (relinked(run) ?? run) : run
            run = []
        }
        for unit in units {
            if isUnsure(unit), run.last.map({ $0.kind == unit.kind }) ?? true {
                run.append(unit)
            } else {
                flush()
                if isUnsure(unit) { run.append(unit) } else { result.append(unit) }
            }
        }
        flush()
        return result
    }

    static let sureLink = 0.9, minimumMatch = 0.1
    /// A match probability (`matchProbability`) at which two sentences more likely translate
    /// each other than not.
    static let likelyMatch = 0.5

    private func isUnsure(_ unit: TextUnit) -> Bool {
        Self.isMendable(unit)
            && (unit.passages.count < 2 || unit.passages.values.contains { $0.count > 1 } || (unit.confidence ?? 0) < Self.sureLink)
    }

    /// The run's paragraphs grouped by their sentence links, or nil to keep the run as it is.
    private func relinked(_ run: [TextUnit]) -> [TextUnit]? {
        // The run as one unit: each language's passages in reading order, their sentences, and
        // the passage of each sentence (by where it starts).
        var whole = run[0]
        whole.passages = [:]
        for language in Language.allCases {
            whole.passages[language] = run.flatMap { $0.passages[language] ?? [] }.sorted { $0.span.order < $1.span.order }
        }
        let texts = whole.texts
        guard let nl = texts[.nl]?.text, let fr = texts[.fr]?.text else { return nil }
        var sentences: [Language: [Range<Int>]] = [:], passageAt: [Language: [Int: Int]] = [:]
        for language in Language.allCases {
            let ranges = Self.sentences(of: whole, language), places = whole.passageRanges(language)
            sentences[language] = ranges
            var passage = 0
            passageAt[language] = Dictionary(uniqueKeysWithValues: ranges.map { range in
                while places[passage].upperBound <= range.lowerBound { passage += 1 }
                return (range.lowerBound, passage)
            })
        }
        let passages = whole.passages
        // Passages joined by a sentence link that translates: one unit each (union-find, the
        // French passages numbered after the Dutch). A passage most of whose text no such link
        // covers joins nothing: one sentence that happens to match a neighbour's does not make
        // a paragraph left out of the other language a translation.
        let nlCount = passages[.nl]!.count
        let translating = aligned(nl: nl, sentences[.nl]!, fr: fr, sentences[.fr]!).filter { ($0.match ?? 0) >= Self.minimumMatch }.map { link, _ in
            (link: link, members: link.nl.map { passageAt[.nl]![$0.lowerBound]! } + link.fr.map { nlCount + passageAt[.fr]![$0.lowerBound]! })
        }
        var covered = [Int](repeating: 0, count: nlCount + passages[.fr]!.count)
        for (link, members) in translating {
            for (member, range) in zip(members, link.nl + link.fr) { covered[member] += range.count }
        }
        let length = passages[.nl]!.map(\.text.utf8.count) + passages[.fr]!.map(\.text.utf8.count)
        var parent = Array(covered.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { (parent[i], i) = (parent[parent[i]], parent[i]) }
            return i
        }
        // Two passages whose only translating links join each other are a pair all the same:
        // a paragraph that lost one of its two sentences, and its counterpart.
        var partners = [Set<Int>](repeating: [], count: covered.count)
        for (_, members) in translating {
            for member in members { partners[member].formUnion(members.filter { $0 != member }) }
        }
        func isPair(_ members: [Int]) -> Bool {
            members.count == 2 && partners[members[0]] == [members[1]] && partners[members[1]] == [members[0]]
        }
        var posterior: [Int: Double] = [:]
        for (link, members) in translating where isPair(members) || members.allSatisfy({ 2 * covered[$0] >= length[$0] }) {
            for member in members.dropFirst() { parent[root(member)] = root(members[0]) }
            for member in members { posterior[member] = min(posterior[member] ?? 1, link.confidence) }
        }
        var groups: [Int: [Int]] = [:]
        for i in parent.indices { groups[root(i), default: []].append(i) }
        let lone = groups.values.filter { $0.count == 1 }.count
        let loneBefore = run.filter { $0.passages.count < 2 }.count
        guard lone < loneBefore, groups.values.allSatisfy({ group in
            let dutch = group.filter { $0 < nlCount }.count
            return group.count - dutch <= 2 && dutch <= 2 && group.count <= 3
        }) else { return nil }
        let units = groups.values.map { group -> TextUnit in
            var unit = run[0]
            unit.passages = [:]
            for member in group.sorted() {
                let (language, index) = member < nlCount ? (Language.nl, member) : (.fr, member - nlCount)
                unit.passages[language, default: []].append(passages[language]![index])
            }
            unit.confidence = group.compactMap { posterior[$0] }.min() ?? run.compactMap(\.confidence).min()
            return link(unit)
        }
        return units.sorted { $0.span.order < $1.span.order }
    }

    /// Units whose 2-1 or 1-2 link holds a passage none of whose sentences translates a
    /// sentence of the other language, split in two: that passage alone, in one language, and
    /// the rest of the link. The unit aligner may fold a paragraph left out of one language into
    /// its neighbour's link when their lengths allow; the sentences tell the two apart, so
    /// that the paragraph is reported as one-sided (P101, P102) rather than as a merge (P105).
    public func separatingUnlinkedPassages(_ units: [TextUnit]) -> [TextUnit] {
        units.flatMap { unit -> [TextUnit] in
            var unit = unit
            unit.children = separatingUnlinkedPassages(unit.children)
            for language in Language.allCases {
                guard let passages = unit.passages[language], passages.count == 2, unit.passages[language.other] != nil,
                      let lone = passages.indices.first(where: { isUnlinked(passage: $0, of: unit, language) })
                else { continue }
                var alone = unit, rest = unit
                alone.passages = [language: [passages[lone]]]
                alone.sentenceLinks = []
                alone.confidence = unit.sentenceLinks.filter { !$0[language].isEmpty && $0[language.other].isEmpty }.map(\.confidence).min()
                alone.children = []
                rest.passages[language] = [passages[1 - lone]]
                rest = link(rest)
                return lone == 0 ? [alone, rest] : [rest, alone]
            }
            return [unit]
        }
    }

    /// Whether every sentence of passage `index` of the unit's text in `language` is in a link
    /// without the other language, with a posterior of one half or more.
    func isUnlinked(passage index: Int, of unit: TextUnit, _ language: Language) -> Bool {
        let span = unit.passageRanges(language)[index]
        let touching = unit.sentenceLinks.filter { link in link[language].contains { $0.overlaps(span) } }
        return !touching.isEmpty && touching.allSatisfy { $0[language.other].isEmpty && $0.confidence >= 0.5 }
    }
}
