import ChamberModel
import Foundation

/// P106: a sentence of one text that no sentence of the other translates, from the align
/// stage's sentence links (`TextUnit.sentenceLinks`). Omissions are what revisers look for
/// first, so the finding quotes the sentence and points at its passage.
///
/// Only what the alignment is sure of is reported: a sentence in a link of confidence
/// `minimumConfidence` or more that, unless the link's confidence is `sureAlone`, would not
/// make a neighbouring link's lengths fit better if it joined it, where the aligner could not
/// weigh that join itself: a neighbour of two sentences (the other language may have put
/// three into one, which the aligner's 2-1 links do not cover), or one whose sentence in the
/// other language has a clause after a semicolon that the lone sentence may render. It must have
/// `minimumWords` words, or `minimumShortWords` if the alignment is sure of it and the
/// dictionary shows that no neighbouring link translates it: a short sentence is often a
/// phrase the other language folded into a neighbour, and its length tells too little. A unit
/// of one language has no sentence links: it is reported once, as P101 or P102.
struct SentenceOmissions {
    static let minimumWords = 8, minimumShortWords = 5
    static let minimumConfidence = 0.5, sureAlone = 0.9
    /// The share of a sentence's words that a neighbouring link translates (beyond its own
    /// sentences) from which the sentence is taken as folded into it: the dictionary
    /// evidence's midpoint between sentences that translate each other and those that do not.
    static let mergedShare = 0.2

    /// French bytes per Dutch byte in the document's linked units.
    var ratio: Double

    init(_ document: Document) {
        var nl = 0, fr = 0
        func add(_ unit: TextUnit) {
            let texts = unit.texts
            if let a = texts[.nl]?.text.utf8.count, let b = texts[.fr]?.text.utf8.count { nl += a; fr += b }
            unit.children.forEach(add)
        }
        document.sections.forEach { $0.units.forEach(add) }
        ratio = nl == 0 || fr == 0 ? 1.1 : Double(fr) / Double(nl)
    }

    /// The unit's own findings (its sub-units have theirs).
    func findings(_ unit: TextUnit) -> [Finding] {
        let links = unit.sentenceLinks
        let texts = unit.texts
        guard let nl = texts[.nl]?.text, let fr = texts[.fr]?.text else { return [] }
        var findings: [Finding] = []
        for (index, link) in links.enumerated() where link.nl.isEmpty != link.fr.isEmpty && link.confidence >= Self.minimumConfidence {
            let language: Language = link.nl.isEmpty ? .fr : .nl
            let text = language == .nl ? nl : fr
            let range = link[language][0]
            let sentence = NumberWords.substring(text, range)
            // Joining a neighbour of one sentence a side the aligner weighed itself (a 2-1 link),
            // unless the other language's sentence there has a clause the sentence may render
            // (`…; de toezichthoudende overheid kan er dus niet aan verzaken`); a neighbour of
            // more sentences it could not.
            let otherText = language == .nl ? fr : nl
            let neighbours = [index - 1, index + 1].filter { links.indices.contains($0) }.map { links[$0] }
                .filter { !$0.nl.isEmpty && !$0.fr.isEmpty }
                .filter { $0.nl.count + $0.fr.count > 2 || $0[language.other].contains { NumberWords.substring(otherText, $0).contains(";") } }
            guard isReported(link, words: Sentences.wordCount(sentence),
                             fitting: neighbours.contains { fitsBetter($0, joining: range.count, in: language) }) else { continue }
            findings.append(Finding(
                code: .sentenceWithoutCounterpart,
                message: "the \(language.name) sentence \"\(Self.quote(sentence))\" has no \(language.other.name) counterpart",
                unit: unit.id, span: Self.span(of: range, in: unit, language)))
        }
        return findings
    }

    /// Whether a sentence alone, of `words` words, is reported; `fitting` when it would make a
    /// neighbouring link's lengths fit better.
    private func isReported(_ link: SentenceLink, words: Int, fitting: Bool) -> Bool {
        // Lengths say "merged" against an alignment that is unsure.
        if fitting && link.confidence < Self.sureAlone { return false }
        if words >= Self.minimumWords { return true }
        // A short sentence barely changes lengths: the words must say it is not merged.
        guard words >= Self.minimumShortWords, link.confidence >= Self.sureAlone, let share = link.shareTranslatedBeside else { return false }
        return share < Self.mergedShare
    }

    /// Whether a link's lengths would be nearer the document's ratio with `bytes` more on the
    /// side of `language`.
    private func fitsBetter(_ link: SentenceLink, joining bytes: Int, in language: Language) -> Bool {
        let nl = Double(link.nl.reduce(0) { $0 + $1.count }), fr = Double(link.fr.reduce(0) { $0 + $1.count })
        func deviation(_ nl: Double, _ fr: Double) -> Double { abs(log(fr / (ratio * nl))) }
        let joined = language == .nl ? deviation(nl + Double(bytes), fr) : deviation(nl, fr + Double(bytes))
        return joined < deviation(nl, fr)
    }

    /// The span of the passage the sentence starts in.
    static func span(of range: Range<Int>, in unit: TextUnit, _ language: Language) -> SourceSpan {
        let passages = unit.passages[language] ?? []
        let index = unit.passageRanges(language).firstIndex { range.lowerBound < $0.upperBound } ?? passages.count - 1
        return passages.indices.contains(index) ? passages[index].span : SourceSpan()
    }

    /// The sentence itself, or its first 200 characters.
    static func quote(_ sentence: Substring) -> String {
        sentence.count <= 200 ? String(sentence) : String(sentence.prefix(199)) + "…"
    }
}
