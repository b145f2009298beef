import ChamberAlign
import ChamberCheck
import ChamberModel
import Foundation

/// Omissions injected into a real document, one at a time, and whether the check stage
/// reports them: each sentence of `minimumWords` words or more that the clean document links
/// 1-1, with a counterpart of as many words, is deleted from its language (a P106 must then
/// quote the counterpart; on whichever unit, since relinking may give the paragraph a new
/// one, and the clean document has none), and each unit
/// with both languages is deleted whole from one language (its counterpart must then stand
/// alone, reported as P101 or P102). Deletions are made in the parsed document, so that the
/// read stage's own mistakes do not count.
///
/// Trials fall into a development half and a held-out half by a hash of the deleted text,
/// the same for every run: tune on the first, report both.
public struct OmissionEvaluation: Sendable {
    public let parsed: Document
    public let glossary: Glossary
    public let minimumWords: Int
    /// The clean document, aligned and checked.
    public let clean: Document

    public init(parsed: Document, glossary: Glossary, minimumWords: Int = 6) {
        self.parsed = parsed
        self.glossary = glossary
        self.minimumWords = minimumWords
        var clean = Aligner.align(parsed)
        clean.findings = ParityChecker(glossary: glossary).findings(clean)
        self.clean = clean
    }

    public enum Subset: String, Sendable, CaseIterable { case development, heldOut = "held-out" }

    public struct Trial: Sendable {
        public var subset: Subset
        /// Whether the unit got a P106 at all (for a sentence: perhaps quoting another sentence).
        public var flagged = false
        public var language: Language
        public var unit: String
        /// The text deleted (the sentence, or the unit's text).
        public var deleted: String
        public var found: Bool
        /// What the check stage reported on that unit instead, when not found.
        public var instead: [String]
    }

    /// P106 findings of the clean document: false findings, if the translation is faithful.
    public var falseFindings: [Finding] { clean.findings.filter { $0.code == .sentenceWithoutCounterpart } }

    /// Every sentence deletion.
    public func sentenceTrials() -> [Trial] {
        var trials: [Trial] = []
        for unit in Self.units(clean) {
            let texts = unit.texts
            guard let nl = texts[.nl]?.text, let fr = texts[.fr]?.text else { continue }
            for link in unit.sentenceLinks where link.nl.count == 1 && link.fr.count == 1 {
                for language in Language.allCases {
                    let text = language == .nl ? nl : fr, range = link[language][0]
                    let sentence = NumberWords.substring(text, range)
                    let counterpart = NumberWords.substring(language == .nl ? fr : nl, link[language.other][0])
                    guard Sentences.wordCount(sentence) >= minimumWords, Sentences.wordCount(counterpart) >= minimumWords,
                          let variant = deleting(range, in: unit, language) else { continue }
                    let checked = check(variant)
                    let findings = checked.findings.filter { $0.unit == unit.id }
                    let links = Self.units(checked).first { $0.id == unit.id }?.sentenceLinks ?? []
                    let variantUnit = Self.units(checked).first { $0.id == unit.id }
                    let shapes = links.map { link in
                        var shape = "\(link.nl.count)-\(link.fr.count):" + String(Int(link.confidence * 100))
                        if link.nl.isEmpty != link.fr.isEmpty, let lone = link.nl.first ?? link.fr.first,
                           let text = variantUnit?.texts[link.nl.isEmpty ? .fr : .nl]?.text {
                            shape += "[" + NumberWords.substring(text, lone).prefix(30) + "]"
                        }
                        return shape
                    }.joined(separator: " ")
                    let found = checked.findings.contains {
                        $0.code == .sentenceWithoutCounterpart && $0.message.contains("\"\(Self.quotePrefix(counterpart))")
                    }
                    trials.append(Trial(subset: Self.subset(sentence), flagged: findings.contains { $0.code == .sentenceWithoutCounterpart },
                                        language: language, unit: unit.id, deleted: String(sentence), found: found, instead: found ? [] : ["links " + shapes] + findings.map { "\($0.code.rawValue) \($0.message)" }))
                }
            }
        }
        return trials
    }

    /// Every deletion of a whole unit with both languages (top level, of `minimumWords` words
    /// or more) from one language.
    public func unitTrials() -> [Trial] {
        var trials: [Trial] = []
        for section in clean.sections {
            // Tables are left out: one printed once for both languages is no omission, so a
            // table in one language is not reported.
            for unit in section.units where unit.kind != .table && unit.passages[.nl]?.count == 1 && unit.passages[.fr]?.count == 1 {
                for language in Language.allCases {
                    let passage = unit.passages[language]![0], counterpart = unit.passages[language.other]![0]
                    guard Sentences.wordCount(passage.text[...]) >= minimumWords else { continue }
                    var variant = parsed
                    var removed = false
                    for s in variant.versions[language, default: []].indices {
                        variant.versions[language]![s].units.removeAll { candidate in
                            let match = !removed && candidate.passages[language]?.first == passage
                            removed = removed || match
                            return match
                        }
                    }
                    guard removed else { continue }
                    let checked = check(variant)
                    let alone = Self.units(checked).filter { $0.passages[language] == nil && $0.passages[language.other] == [counterpart] }
                    let found = alone.contains { lone in
                        checked.findings.contains { $0.unit == lone.id && [.labelInOneLanguage, .unitInOneLanguage].contains($0.code) }
                    }
                    let instead = checked.findings.filter { finding in
                        Self.units(checked).contains { $0.id == finding.unit && $0.passages[language.other]?.contains(counterpart) == true }
                    }
                    trials.append(Trial(subset: Self.subset(passage.text[...]), language: language, unit: unit.id, deleted: passage.text,
                                        found: found, instead: found ? [] : instead.map { "\($0.code.rawValue) \($0.message)" }))
                }
            }
        }
        return trials
    }

    private func check(_ parsed: Document) -> Document {
        var document = Aligner.align(parsed)
        document.findings = ParityChecker(glossary: glossary).findings(document)
        return document
    }

    /// The parsed document with the sentence at `range` of the unit's text in `language`
    /// deleted from the passage that holds it (with the space after it); nil when it spans
    /// two passages or the passage is not found.
    private func deleting(_ range: Range<Int>, in unit: TextUnit, _ language: Language) -> Document? {
        for (passage, place) in zip(unit.passages[language] ?? [], unit.passageRanges(language)) {
            guard range.lowerBound >= place.lowerBound, range.upperBound <= place.upperBound else { continue }
            var local = (range.lowerBound - place.lowerBound)..<(range.upperBound - place.lowerBound)
            let bytes = Array(passage.text.utf8)
            // The spaces that follow, or at the end the ones before.
            if local.upperBound < bytes.count {
                var upper = local.upperBound
                while upper < bytes.count && bytes[upper] == 0x20 { upper += 1 }
                local = local.lowerBound..<upper
            } else {
                var lower = local.lowerBound
                while lower > 0 && bytes[lower - 1] == 0x20 { lower -= 1 }
                local = lower..<local.upperBound
            }
            var edited = passage
            edited.remove(utf8Ranges: [local])
            // A passage of that one sentence: deleting it is a unit's deletion.
            guard !edited.text.isEmpty else { return nil }
            var document = parsed
            var replaced = false
            func visit(_ unit: inout TextUnit) {
                guard !replaced else { return }
                if let k = unit.passages[language]?.firstIndex(of: passage) {
                    unit.passages[language]![k] = edited
                    replaced = true
                    return
                }
                for c in unit.children.indices { visit(&unit.children[c]) }
            }
            for s in document.versions[language, default: []].indices {
                for u in document.versions[language]![s].units.indices { visit(&document.versions[language]![s].units[u]) }
            }
            return replaced ? document : nil
        }
        return nil
    }

    /// Every unit of an aligned document, sub-units included.
    static func units(_ document: Document) -> [TextUnit] {
        func walk(_ unit: TextUnit) -> [TextUnit] { [unit] + unit.children.flatMap(walk) }
        return document.sections.flatMap { $0.units.flatMap(walk) }
    }

    /// How a P106 message starts its quote of the sentence: its first 40 characters.
    static func quotePrefix(_ sentence: Substring) -> String { String(sentence.prefix(40)) }

    /// Development or held-out, by a hash of the text (FNV-1a): the same on every run.
    static func subset(_ text: Substring) -> Subset {
        let hash = text.utf8.reduce(14_695_981_039_346_656_037 as UInt64) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        return hash >> 32 & 1 == 0 ? .development : .heldOut
    }
}

/// The figures of one document's omission trials, for BENCHMARKS.md.
public struct OmissionReport: Sendable {
    public var document: String
    public var sentences: [OmissionEvaluation.Trial]
    public var units: [OmissionEvaluation.Trial]
    public var falseFindings: Int

    public init(document: String, evaluation: OmissionEvaluation) {
        self.document = document
        sentences = evaluation.sentenceTrials()
        units = evaluation.unitTrials()
        falseFindings = evaluation.falseFindings.count
    }

    /// `found / trials` of a kind, a subset and a language (nil: both).
    public static func tally(_ trials: [OmissionEvaluation.Trial], _ subset: OmissionEvaluation.Subset, _ language: Language? = nil) -> (found: Int, trials: Int) {
        let chosen = trials.filter { $0.subset == subset && (language == nil || $0.language == language) }
        return (chosen.filter(\.found).count, chosen.count)
    }
}
