import ChamberModel

/// Links the sentences inside every unit that has both languages, with the unit aligner's
/// dynamic program (1-1, 1-0, 0-1, 2-1, 1-2 links) on sentences: Gale and Church's lengths,
/// digits, names printed in both languages, cognate stems and, when installed, the
/// Dutch-French dictionary (`BilingualDictionary`). What the check stage reports as a
/// sentence without counterpart (P106), and the translation memory's segments, come from here.
public struct SentenceAligner: Sendable {
    let aligner: SequenceAligner

    public init(ratio: Double, names: Set<Substring>, dictionary: BilingualDictionary = .installed) {
        aligner = SequenceAligner(model: .sentences, ratio: ratio, names: names, dictionary: dictionary)
    }

    /// The sentence links of a Dutch and a French text.
    public func align(nl: String, fr: String) -> [SentenceLink] {
        let nlRanges = Sentences.ranges(in: nl), frRanges = Sentences.ranges(in: fr)
        let features = { (text: String, ranges: [Range<Int>], language: Language) in
            ranges.map { AlignmentFeatures(sentence: NumberWords.substring(text, $0), language: language, names: aligner.names) }
        }
        return aligner.align(features(nl, nlRanges, .nl), features(fr, frRanges, .fr)).map { bead in
            SentenceLink(nl: Array(nlRanges[bead.nl]), fr: Array(frRanges[bead.fr]), confidence: bead.confidence)
        }
    }

    /// The unit with the sentence links of its two texts, and its sub-units likewise. A
    /// table's cells are no sentences: it has none.
    public func link(_ unit: TextUnit) -> TextUnit {
        var unit = unit
        let texts = unit.texts
        if unit.kind != .table, let nl = texts[.nl]?.text, let fr = texts[.fr]?.text { unit.sentenceLinks = align(nl: nl, fr: fr) }
        unit.children = unit.children.map(link)
        return unit
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
                      let lone = passages.indices.first(where: { isUnlinked(passage: $0, of: passages, in: unit.sentenceLinks, language) })
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

    /// Whether every sentence of passage `index` (of the passages joined by one space into the
    /// unit's text) is in a link without the other language, with a posterior of one half or more.
    private func isUnlinked(passage index: Int, of passages: [LocatedText], in links: [SentenceLink], _ language: Language) -> Bool {
        let start = passages[..<index].reduce(0) { $0 + $1.text.utf8.count + 1 }
        let span = start..<(start + passages[index].text.utf8.count)
        let touching = links.filter { link in link[language].contains { $0.overlaps(span) } }
        return !touching.isEmpty && touching.allSatisfy { $0[language.other].isEmpty && $0.confidence >= 0.5 }
    }
}
