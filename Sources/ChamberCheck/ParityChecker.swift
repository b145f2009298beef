import ChamberModel
import ChamberParse
import Foundation

/// The check stage: compares the two languages of an aligned document unit by unit and
/// reports what one language has that the other lacks. Mechanical checks only: labels,
/// numbers, dates, acronyms, party tags, language, emptiness, closing punctuation.
public struct ParityChecker: Sendable {
    public var glossary: Glossary

    public init(glossary: Glossary = Glossary()) { self.glossary = glossary }

    public func findings(_ document: Document) -> [Finding] {
        let parties = Set(document.facts.parties.map { $0.cells[0] })
        let texts = UnitTexts(document)
        var findings = texts.merges
        for section in document.sections {
            findings += labelSequences(section.units)
            for unit in section.units { findings += check(unit, texts, parties: parties) }
        }
        findings += lengthRatios(document, texts)
        // A total order, so that the output does not depend on hashing.
        return findings.sorted { ($0.span.order, $0.code.rawValue, $0.unit, $0.message) < ($1.span.order, $1.code.rawValue, $1.unit, $1.message) }
    }

    private func check(_ unit: TextUnit, _ texts: UnitTexts, parties: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        func report(_ code: Finding.Code, _ message: String, _ severity: Finding.Severity? = nil) {
            findings.append(Finding(code: code, severity: severity, message: message, unit: unit.id, span: unit.span))
        }
        let text = texts[unit]
        for language in Language.allCases {
            if let text = text[language], !text.contains(where: { $0.isLetter || $0.isNumber }) {
                report(.emptyText, "the \(language.name) text has no words")
            }
        }
        if let only = text.keys.first, text.count == 1 {
            let missing = only.other.name
            if let label = unit.label {
                report(.labelInOneLanguage, "\(unit.kind.rawValue) \(label) has no \(missing) text")
            } else if unit.kind != .table, !Self.holdsBothLanguages(text[only]!) {
                report(.unitInOneLanguage, "\(unit.kind.rawValue) has no \(missing) text: \"\(excerpt(text[only]!))\"")
            }
        }
        if let nl = unit.passages[.nl]?.count, let fr = unit.passages[.fr]?.count, nl != fr {
            let (many, one) = nl > fr ? (Language.nl, Language.fr) : (.fr, .nl)
            report(.joinedParagraphs, "\(max(nl, fr)) \(many.name) paragraphs translate one \(one.name) paragraph", nil)
        }
        if let nl = text[.nl], let fr = text[.fr] {
            compare(nl, fr, unit: unit, parties: parties, report: report)
        }
        for child in unit.children { findings += check(child, texts, parties: parties) }
        return findings
    }

    /// A text printed once for both languages (`Imprimerie centrale – Centrale drukkerij`):
    /// its halves, on either side of a dash, read as the two languages.
    static func holdsBothLanguages(_ text: String) -> Bool {
        guard text.utf8.count <= 200, let dash = text.range(of: " – ") ?? text.range(of: " - ") ?? text.range(of: " / ") else { return false }
        let before = LanguageEvidence.score(text[..<dash.lowerBound]), after = LanguageEvidence.score(text[dash.upperBound...])
        return min(abs(before), abs(after)) >= 1 && (before > 0) != (after > 0)
    }

    /// The checks between the two texts of one aligned unit.
    private func compare(_ nl: String, _ fr: String, unit: TextUnit, parties: Set<String>,
                         report: (Finding.Code, String, Finding.Severity?) -> Void) {
        // Text in the other language: an untranslated paragraph.
        for (language, text) in [(Language.nl, nl), (.fr, fr)] where LanguageEvidence.contradicts(text, language) {
            report(.wrongLanguage, "the \(language.name) text reads as \(language.other.name): \"\(excerpt(text))\"", nil)
        }
        if unit.kind == .table { return }
        if unit.kind == .date {
            if let nlDate = Dates.isoDate(nl), nlDate != Dates.isoDate(fr) { report(.dateMismatch, "the dates differ: \(nl) / \(fr)", nil) }
            return
        }
        // Numbers: as digits on one side, as digits or words on the other. The digits of a
        // percentage are the percentage check's (`2,4 %` is one finding, not `2` and `4`).
        for (language, this, other) in [(Language.nl, nl, fr), (.fr, fr, nl)] {
            let otherNumbers = NumberWords.numbers(in: other, language: language.other)
            let percentageDigits = Mentions.percentages(in: this).reduce(into: Set<String>()) { $0.formUnion(NumberWords.digitSequences(in: $1)) }
            for number in NumberWords.digitSequences(in: this).subtracting(otherNumbers).subtracting(percentageDigits).sorted() {
                report(.numberMismatch, "\(number) is in the \(language.name) text, not in the \(language.other.name) one", nil)
            }
        }
        // References, percentages and document types, which translation keeps.
        let nlReferences = Mentions.references(in: nl), frReferences = Mentions.references(in: fr)
        for reference in nlReferences.symmetricDifference(frReferences).sorted() {
            report(.referenceMismatch, "\(reference) is only in the \(nlReferences.contains(reference) ? "Dutch" : "French") text", nil)
        }
        let nlPercentages = Mentions.percentages(in: nl), frPercentages = Mentions.percentages(in: fr)
        for percentage in nlPercentages.symmetricDifference(frPercentages).sorted() {
            report(.percentageMismatch, "\(percentage) % is only in the \(nlPercentages.contains(percentage) ? "Dutch" : "French") text", nil)
        }
        let nlTypes = Mentions.documentTypes(in: nl, language: .nl), frTypes = Mentions.documentTypes(in: fr, language: .fr)
        if !nlTypes.isEmpty, !frTypes.isEmpty, nlTypes != frTypes {
            let names = { (types: Set<DocumentType>) in types.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.sorted().joined(separator: ", ") }
            report(.documentTypeMismatch, "the Dutch text names a \(names(nlTypes)), the French one a \(names(frTypes))", nil)
        }
        // Dates written out in the text.
        let nlDates = Set(Dates.mentions(in: nl)), frDates = Set(Dates.mentions(in: fr))
        for date in nlDates.symmetricDifference(frDates).sorted() {
            report(.dateMismatch, "the date \(date) is only in the \(nlDates.contains(date) ? "Dutch" : "French") text", nil)
        }
        // Acronyms and the document's party tags, except in texts set in capitals
        // (headings, formulas); an acronym the glossary pairs with one on the other side passes,
        // and a party tag, `(VB)`, is reported as one, not as an acronym too.
        if !nl.isSetInCapitals && !fr.isSetInCapitals {
            let nlParties = partyTags(nl).intersection(parties), frParties = partyTags(fr).intersection(parties)
            for (language, this, other) in [(Language.nl, nl, fr), (.fr, fr, nl)] {
                let theirs = acronyms(other)
                for acronym in acronyms(this).subtracting(theirs).subtracting(nlParties).subtracting(frParties).sorted() {
                    // Paired by the glossary, or spelled out (`SWT`, in the glossary `LLC`: `lois coordonnées sur l’emploi des langues`).
                    let counterparts = glossary.counterparts(of: acronym, in: language)
                    guard counterparts.isDisjoint(with: theirs), !counterparts.union([acronym]).contains(where: { Mentions.spellsOut($0, other) }) else { continue }
                    report(.acronymMismatch, "\(acronym) is in the \(language.name) text, not in the \(language.other.name) one", nil)
                }
            }
            for tag in nlParties.symmetricDifference(frParties).sorted() {
                report(.partyMismatch, "(\(tag)) is only in the \(nlParties.contains(tag) ? "Dutch" : "French") text", nil)
            }
        }
        // A courtesy title of the other language before a name: left untranslated, or swapped.
        for (language, text) in [(Language.nl, nl), (.fr, fr)] {
            for title in Mentions.titles(in: text, language: language.other) {
                report(.foreignTitle, "\(title) in the \(language.name) text is a \(language.other.name) courtesy title", nil)
            }
        }
        // List items and requests close with the same mark in both languages.
        if [.item, .request, .consideration].contains(unit.kind), let a = nl.last, let b = fr.last,
           ";.:,".contains(a), ";.:,".contains(b), a != b {
            report(.closingPunctuation, "ends with \"\(a)\" in Dutch and \"\(b)\" in French", nil)
        }
        // Names in the front matter spelled differently, unless the glossary pairs them. (In
        // running text, one-letter differences are mostly cognates: `Europa` / `Europe`.)
        guard [.submitters, .title].contains(unit.kind) else { return }
        let nlNames = Mentions.names(in: nl), frNames = Mentions.names(in: fr)
        for name in nlNames.subtracting(frNames).sorted() {
            let counterparts = glossary.counterparts(of: String(name), in: .nl)
            for other in frNames.subtracting(nlNames).sorted() where Mentions.nearMiss(name, other) && !counterparts.contains(String(other)) {
                report(.nameSpelling, "\(name) in Dutch, \(other) in French", nil)
            }
        }
    }

    /// French/Dutch length ratios of the paired texts of some length, on a log scale; a pair
    /// more than four median deviations from the document's median ratio is reported.
    private func lengthRatios(_ document: Document, _ texts: UnitTexts) -> [Finding] {
        func pairs(_ unit: TextUnit) -> [(TextUnit, Double)] {
            var result = unit.children.flatMap(pairs)
            if unit.kind != .table, let nl = texts[unit][.nl]?.utf8.count, let fr = texts[unit][.fr]?.utf8.count,
               nl + fr >= 240 {
                result.append((unit, log(Double(fr) / Double(nl))))
            }
            return result
        }
        let all = document.sections.flatMap { $0.units.flatMap(pairs) }
        guard all.count >= 8 else { return [] }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let center = median(all.map(\.1))
        let spread = max(median(all.map { abs($0.1 - center) }), 0.05)
        return all.filter { abs($0.1 - center) > 4 * spread }.map { unit, ratio in
            let percent = Int((exp(ratio) * 100).rounded())
            let usual = Int((exp(center) * 100).rounded())
            return Finding(code: .lengthRatio, message: "the French text is \(percent)% of the Dutch one's length; \(usual)% is usual in this document",
                           unit: unit.id, span: unit.span)
        }
    }

    /// Labels of each kind, per language, must not repeat and must follow each other, among
    /// the units of one level: the considerations and requests of a section, the
    /// sub-requests of a request (`3.1`, `3.2`, `3.3`), and so on down.
    private func labelSequences(_ units: [TextUnit]) -> [Finding] {
        var findings: [Finding] = []
        for kind in [UnitKind.consideration, .request] {
            for language in Language.allCases {
                // In input order: a unit moved in one language stands at its Dutch place.
                let labelled = units.filter { $0.kind == kind && $0.label != nil && $0.passages[language] != nil }
                    .sorted { $0.passages[language]![0].span.order < $1.passages[language]![0].span.order }
                var seen: Set<String> = []
                for (previous, unit) in zip([nil] + labelled.map(Optional.some), labelled) {
                    let label = unit.label!
                    let span = unit.passages[language]![0].span
                    if !seen.insert(label).inserted {
                        findings.append(Finding(code: .duplicateLabel, message: "\(kind.rawValue) \(label) appears twice in the \(language.name) text", unit: unit.id, span: span))
                    } else if let previous, let before = previous.label, !Labels.follows(label, before) {
                        findings.append(Finding(code: .labelOutOfOrder, message: "\(kind.rawValue) \(label) follows \(before) in the \(language.name) text", unit: unit.id, span: span))
                    }
                }
            }
        }
        for unit in units where !unit.children.isEmpty { findings += labelSequences(unit.children) }
        return findings
    }

    /// Words in capitals (`MAOC`, `ISR`), but not a phrase set in capitals: a capital word
    /// next to another is a heading's words, not an acronym.
    private func acronyms(_ text: String) -> Set<String> {
        // Each word's offsets and whether it is in capitals; most start with a small letter
        // or a digit, which settles it.
        var words: [(range: Range<Int>, capital: Bool)] = []
        NumberWords.forEachWord(in: text) { word, range in
            guard word.count <= 12, word[0] >= 0x80 || word[0] &- 0x41 < 26 else { words.append((range, false)); return }
            let (letters, capitals) = NumberWords.substring(text, range).letterCase
            words.append((range, letters >= 2 && capitals == letters))
        }
        return Set(words.indices.filter { i in
            words[i].capital && !(i > 0 && words[i - 1].capital) && !(i + 1 < words.count && words[i + 1].capital)
        }.map { String(NumberWords.substring(text, words[$0].range)) })
    }

    /// `(VB)`, `(N-VA)`: what stands in brackets, to be matched against the party table.
    private func partyTags(_ text: String) -> Set<String> {
        var tags: Set<String> = []
        var rest = Substring(text)
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "(")),
              let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: ")")) {
            let tag = rest[rest.utf8.index(after: open)..<close]
            if (1...16).contains(tag.count) { tags.insert(String(tag)) }
            rest = rest[rest.utf8.index(after: close)...]
        }
        return tags
    }

    private func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
