import ChamberModel

/// Files back into its language a labelled block that the language decision gave to the
/// other one: the labels are a constraint on that decision, applied here so that no later
/// stage moves text between languages.
///
/// At a column change, a short line with little language evidence (`3.1. extra personeel
/// en expertise;` right after the French column) can be read as the wrong language. The
/// labels show it: one language then has `3.1.` twice and the other none. The copy that
/// reads most like the language lacking it moves there, before the block with the next
/// label (`3.2.`), or after the one with the label before it. Only labels that one
/// language prints twice more than the other are touched, and only a copy that does not
/// read clearly as the language it is in, or that is the text of another copy (an
/// untranslated one): two lists lettered from `a)` in French, whose Dutch labels stood
/// apart from their texts, stay French. Where both print the label
/// already (parts that each letter their headings: `B. Les CPAS` in two parts, and a
/// Dutch `B. De OCMW’s` read as French), the block moves to its place in reading order, and
/// the two halves of a paragraph it stood between are joined again.
enum LabelFiling {
    /// A label as printed: its form and its text (`.number`, `3.1`); no form for an
    /// article's heading (`Artikel 2` / `Art. 2`), its number the label.
    private struct Key: Hashable {
        var form: Labels.Form?
        var label: String
    }

    static func refile(_ columns: inout [Language: LanguageColumn], joiner: LineJoiner) {
        guard var nl = columns[.nl]?.blocks, var fr = columns[.fr]?.blocks else { return }
        for (from, to) in [(Language.fr, Language.nl), (.nl, .fr)] {
            var source = from == .nl ? nl : fr
            var target = to == .nl ? nl : fr
            var copies: [Key: [Range<Int>]] = [:]
            for (key, blocks) in labelled(source) { copies[key, default: []].append(blocks) }
            var printed: [Key: Int] = [:]
            for (key, _) in labelled(target) { printed[key, default: 0] += 1 }
            let targetKeys = target.map { Self.articleKey($0) ?? key($0) }
            // Which language the document gives first (its left column, or its first block).
            let sourceFirst = (source.first?.content.span.order ?? .max) < (target.first?.content.span.order ?? .max)
            // The copies to move are chosen among the blocks as they stand, then moved, so that
            // no choice sees indices an earlier move shifted.
            let sign = to == .nl ? 1.0 : -1.0
            var moving: [(key: Key, blocks: Range<Int>)] = []
            for (key, units) in copies where units.count == (printed[key] ?? 0) + 2 {
                // The copy that reads most like the language that lacks the label; of two that
                // read alike (an untranslated copy, `Art. 2` twice), the one nearest that
                // language's own blocks of the form, else the one in that language's turn: the
                // later where the source language comes first.
                func order(_ blocks: Range<Int>) -> Int { source[blocks.lowerBound].content.span.order }
                func distance(_ blocks: Range<Int>) -> Int {
                    target.indices.filter { targetKeys[$0].map { $0.form == key.form } == true }
                        .map { abs(target[$0].content.span.order - order(blocks)) }.min() ?? 0
                }
                let texts = units.map { source[$0].map(\.content.text).joined(separator: " ") }
                let scores = texts.map { LanguageEvidence.score(Substring($0)) * sign }
                func rank(_ i: Int) -> (Double, Int, Int) {
                    (scores[i], -distance(units[i]), sourceFirst ? order(units[i]) : -order(units[i]))
                }
                let copy = units.indices.max { rank($0) < rank($1) }!
                // A text that reads clearly as its language stays (two lists, each `a)`, `b)`),
                // unless another copy is the same text (untranslated).
                if scores[copy] > -Self.clearEvidence || texts.indices.contains(where: { $0 != copy && texts[$0] == texts[copy] }) {
                    moving.append((key, units[copy]))
                }
            }
            for (key, blocks) in moving.sorted(by: { $0.blocks.lowerBound > $1.blocks.lowerBound }) {
                let unit = Array(source[blocks])
                source.removeSubrange(blocks)
                let order = unit[0].content.span.order
                // A heading goes where it was read: the text of its article follows it.
                target.insert(contentsOf: unit, at: printed[key] == nil && key.form != nil ? place(for: key, order: order, in: target)
                                                                         : target.firstIndex { $0.content.span.order > order } ?? target.endIndex)
                let index = blocks.lowerBound
                if index > 0, index < source.count, source[index - 1].role == .paragraph, source[index].role == .paragraph,
                   PageCut.continuesOpenText(source[index - 1].content.text, source[index].content.text) {
                    let rest = source.remove(at: index)
                    joiner.join(&source[index - 1].content, rest.content)
                }
            }
            if from == .nl { nl = source; fr = target } else { fr = source; nl = target }
        }
        (nl, fr) = attachingLabelsAlone(nl, fr, joiner: joiner)
        columns[.nl]?.blocks = nl
        columns[.fr]?.blocks = fr
    }

    /// A label alone before a paragraph without one opens that paragraph (`C.` / `gelet op
    /// het feit dat …`): the layout set it apart in the label's margin. A label is attached
    /// only where each language prints it as many times (once, or twice for two lists
    /// lettered from `a)`) and the other language's copy of the same rank is no stray (in a
    /// run of labels alone): otherwise both stay apart, and their paragraphs are aligned as
    /// paragraphs rather than a labelled unit with an unlabelled one.
    private static func attachingLabelsAlone(_ nl: [TextBlock], _ fr: [TextBlock], joiner: LineJoiner) -> ([TextBlock], [TextBlock]) {
        /// How a block prints its label.
        enum Printed {
            /// The block opens with its label and text.
            case withText
            /// Alone, before the paragraph (at the index after it) that it opens.
            case opening(Int)
            /// Alone, in a run of labels alone (`4.`, `5.`, then their texts; `E.`, `E.`, both
            /// languages' copies), or before no paragraph: nothing tells whose text follows.
            case stray
        }
        func census(_ blocks: [TextBlock]) -> [Key: [Printed]] {
            // Each block's label once: whether it has one, and whether it stands alone.
            let keys = blocks.map(key)
            let alone = blocks.indices.map { keys[$0] != nil && Labels.leading(blocks[$0].content.text) == nil }
            var labels: [Key: [Printed]] = [:]
            for i in blocks.indices {
                guard let key = keys[i] else { continue }
                let printed: Printed
                if !alone[i] {
                    printed = .withText
                } else if i + 1 < blocks.count, blocks[i + 1].role == .paragraph, keys[i + 1] == nil, i == 0 || !alone[i - 1] {
                    printed = .opening(i)
                } else {
                    printed = .stray
                }
                labels[key, default: []].append(printed)
            }
            return labels
        }
        let nlLabels = census(nl), frLabels = census(fr)
        /// The blocks with each label alone that opens a paragraph joined to it, where the
        /// other language prints that label as many times (two lists lettered `a)`, `b)`), and
        /// its copy of the same rank not as a stray.
        func attached(_ blocks: [TextBlock], _ labels: [Key: [Printed]], other: [Key: [Printed]]) -> [TextBlock] {
            var attaching = Set<Int>()
            for (key, copies) in labels {
                guard let theirs = other[key], theirs.count == copies.count else { continue }
                for (mine, their) in zip(copies, theirs) {
                    guard case .opening(let index) = mine else { continue }
                    if case .stray = their { continue }
                    attaching.insert(index)
                }
            }
            guard !attaching.isEmpty else { return blocks }
            var result: [TextBlock] = []
            result.reserveCapacity(blocks.count)
            var i = 0
            while i < blocks.count {
                var block = blocks[i]
                if attaching.contains(i) {
                    joiner.join(&block.content, blocks[i + 1].content)
                    i += 1
                }
                result.append(block)
                i += 1
            }
            return result
        }
        return (attached(nl, nlLabels, other: frLabels), attached(fr, frLabels, other: nlLabels))
    }

    /// The labelled units of a language's blocks, each with its label and blocks: a block
    /// that opens with its label, or a label alone (`3.1.`, which a layout set apart from its
    /// text) with the paragraph after it, and an article's heading. A label alone before
    /// another label (a run of labels that a layout set apart from their texts) is no unit:
    /// nothing tells whose it is.
    private static func labelled(_ blocks: [TextBlock]) -> [(key: Key, blocks: Range<Int>)] {
        blocks.indices.compactMap { i in
            if let article = articleKey(blocks[i]) { return (article, i..<(i + 1)) }
            guard let label = key(blocks[i]) else { return nil }
            if Labels.leading(blocks[i].content.text) != nil { return (label, i..<(i + 1)) }
            guard i + 1 < blocks.count, blocks[i + 1].role == .paragraph, key(blocks[i + 1]) == nil else { return nil }
            return (label, i..<(i + 2))
        }
    }

    /// Where a block labelled `key` goes among `blocks`: before the block with the closest
    /// label after it (`3.2.` for `3.1.`), else after the one with the closest label before
    /// it; among blocks with that label, the one nearest in reading order. A numbered list
    /// elsewhere (`4.` in the explanatory part) is farther in label order than `3.2.`.
    private static func place(for key: Key, order: Int, in blocks: [TextBlock]) -> Int {
        let keyed = blocks.indices.compactMap { i in self.key(blocks[i]).flatMap { $0.form == key.form ? (i, $0.label) : nil } }
        func nearest(_ candidates: [(Int, String)]) -> Int? {
            candidates.min { abs(blocks[$0.0].content.span.order - order) < abs(blocks[$1.0].content.span.order - order) }?.0
        }
        let after = keyed.filter { Labels.precedes(key.label, $0.1) }
        if let next = after.map(\.1).min(by: Labels.precedes), let index = nearest(after.filter { $0.1 == next }) { return index }
        let before = keyed.filter { Labels.precedes($0.1, key.label) }
        if let previous = before.map(\.1).max(by: Labels.precedes), let index = nearest(before.filter { $0.1 == previous }) {
            return index + 1
        }
        return blocks.firstIndex { $0.content.span.order > order } ?? blocks.endIndex
    }

    /// Numbers, capital letters and small letters: the labels of requests, considerations
    /// and list items, opening a block or standing alone in one. Roman numerals number
    /// headings, which each language prints once.
    private static func key(_ block: TextBlock) -> Key? {
        guard block.role == .paragraph else { return nil }
        let text = block.content.text
        guard let leading = Labels.leading(text) ?? Labels.alone(Substring(text)), leading.form != .roman else { return nil }
        return Key(form: leading.form, label: leading.label)
    }

    /// An article's heading, keyed by its number (`Artikel 2`, `Art. 2`).
    private static func articleKey(_ block: TextBlock) -> Key? {
        Labels.articleNumber(block.content.text).map { Key(form: nil, label: $0) }
    }

    /// Evidence as strong as a contradiction's.
    static let clearEvidence = 8.0
}
