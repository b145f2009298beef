import ChamberModel
import ChamberParse
import Foundation

extension ParityCheck {
    /// Every check, one per finding code (README, "Parity checks").
    static let all: [ParityCheck] = [
        labelInOneLanguage, unitInOneLanguage, duplicateLabel, labelOutOfOrder, joinedParagraphs, sentenceWithoutCounterpart,
        numberMismatch, dateMismatch, acronymMismatch, partyMismatch, referenceMismatch, percentageMismatch,
        nameSpelling, documentTypeMismatch, foreignTitle,
        wrongLanguage, emptyText, closingPunctuation, lengthRatio,
    ]

    // MARK: Units in one language, labels

    static let labelInOneLanguage = eachUnit(.labelInOneLanguage) { entry, _ in
        guard let only = entry.texts.keys.first, entry.texts.count == 1, let label = entry.unit.label else { return [] }
        return ["\(entry.unit.kind.rawValue) \(label) has no \(only.other.name) text"]
    }

    /// Tables aside (printed once for both languages, or cells the languages order
    /// differently), and texts printed once for both languages.
    static let unitInOneLanguage = eachUnit(.unitInOneLanguage) { entry, _ in
        guard let only = entry.texts.keys.first, entry.texts.count == 1, entry.unit.label == nil, entry.unit.kind != .table,
              let text = entry.texts[only], !Lexicon.holdsBothLanguages(text) else { return [] }
        return ["\(entry.unit.kind.rawValue) has no \(only.other.name) text: \"\(excerpt(text))\""]
    }

    static let duplicateLabel = ParityCheck(code: .duplicateLabel) { context in
        labelledInOrder(context).flatMap { kind, language, units in
            var seen: Set<String> = []
            return units.compactMap { unit in
                seen.insert(unit.label!).inserted ? nil
                    : Finding(code: .duplicateLabel, message: "\(kind.rawValue) \(unit.label!) appears twice in the \(language.name) text",
                              unit: unit.id, span: unit.passages[language]![0].span)
            }
        }
    }

    /// A label that repeats is P103's, not an order problem too.
    static let labelOutOfOrder = ParityCheck(code: .labelOutOfOrder) { context in
        labelledInOrder(context).flatMap { kind, language, units in
            var seen: Set<String> = []
            return zip([nil] + units.map(Optional.some), units).compactMap { (previous: TextUnit?, unit: TextUnit) -> Finding? in
                guard seen.insert(unit.label!).inserted, let before = previous?.label, !Labels.follows(unit.label!, before) else { return nil }
                return Finding(code: .labelOutOfOrder, message: "\(kind.rawValue) \(unit.label!) follows \(before) in the \(language.name) text",
                               unit: unit.id, span: unit.passages[language]![0].span)
            }
        }
    }

    /// The considerations and requests of each level, per language, in input order (a unit
    /// moved in one language stands at its Dutch place): the considerations and requests of
    /// a section, the sub-requests of a request (`3.1`, `3.2`, `3.3`), and so on down.
    private static func labelledInOrder(_ context: CheckContext) -> [(UnitKind, Language, [TextUnit])] {
        context.levels.flatMap { units in
            [UnitKind.consideration, .request].flatMap { kind in
                Language.allCases.map { language in
                    (kind, language, units.filter { $0.kind == kind && $0.label != nil && $0.passages[language] != nil }
                        .sorted { $0.passages[language]![0].span.order < $1.passages[language]![0].span.order })
                }
            }
        }
    }

    /// Two passages of one language linked to one of the other, and the labelled units one
    /// language merged into their neighbour (`UnitTexts`).
    static let joinedParagraphs = ParityCheck(code: .joinedParagraphs) { context in
        context.texts.merges + context.entries.compactMap { entry in
            guard let nl = entry.unit.passages[.nl]?.count, let fr = entry.unit.passages[.fr]?.count, nl != fr else { return nil }
            let (many, one) = nl > fr ? (Language.nl, Language.fr) : (.fr, .nl)
            return Finding(code: .joinedParagraphs, message: "\(max(nl, fr)) \(many.name) paragraphs translate one \(one.name) paragraph",
                           unit: entry.unit.id, span: entry.unit.span)
        }
    }

    /// A sentence the other language does not translate, from the align stage's sentence links.
    static let sentenceWithoutCounterpart = ParityCheck(code: .sentenceWithoutCounterpart) { context in
        let omissions = SentenceOmissions(context.document)
        return context.entries.flatMap { omissions.findings($0.unit) }
    }

    // MARK: What translation keeps

    /// Numbers: as digits on one side, as digits or words on the other. The digits of a
    /// percentage are the percentage check's (`2,4 %` is one finding, not `2` and `4`).
    static let numberMismatch = eachPair(.numberMismatch) { nl, fr, _, _ in
        [(Language.nl, nl, fr), (.fr, fr, nl)].flatMap { language, this, other in
            let otherNumbers = NumberWords.numbers(in: other, language: language.other)
            let percentageDigits = Mentions.percentages(in: this).reduce(into: Set<String>()) { $0.formUnion(NumberWords.digitSequences(in: $1)) }
            return NumberWords.digitSequences(in: this).subtracting(otherNumbers).subtracting(percentageDigits).sorted().map {
                Said("\($0) is in the \(language.name) text, not in the \(language.other.name) one", about: .number($0))
            }
        }
    }

    /// A date unit's two dates, and the dates written out in running text.
    static let dateMismatch = eachUnit(.dateMismatch) { entry, _ in
        guard let nl = entry.texts[.nl], let fr = entry.texts[.fr], entry.unit.kind != .table else { return [] }
        if entry.unit.kind == .date {
            guard let nlDate = Dates.isoDate(nl), nlDate != Dates.isoDate(fr) else { return [] }
            return ["the dates differ: \(nl) / \(fr)"]
        }
        let nlDates = Set(Dates.mentions(in: nl)), frDates = Set(Dates.mentions(in: fr))
        return onlyIn(nlDates, frDates) { Said("the date \($0) is only in the \($1) text") }
    }

    /// Acronyms, except in texts set in capitals (headings, formulas). An acronym passes that
    /// the glossary pairs with one on the other side, or that the other side spells out
    /// (`SWT`, in the glossary `LLC`: `lois coordonnées sur l’emploi des langues`); a party
    /// tag, `(VB)`, is P204's, not an acronym too. So does one that the other side refers to
    /// with a pro-form (`gelden ook hier` / `s’appliquent également aux CPAS`) in a section
    /// whose heading names it in that language (`B. De OCMW’s`): the section says what `hier` is.
    static let acronymMismatch = eachPair(.acronymMismatch) { nl, fr, entry, context in
        guard !nl.isSetInCapitals, !fr.isSetInCapitals else { return [] }
        let tags = partyTags(nl).union(partyTags(fr)).intersection(context.parties)
        return [(Language.nl, nl, fr), (.fr, fr, nl)].flatMap { language, this, other -> [Said] in
            let theirs = acronyms(other)
            let missing = acronyms(this).subtracting(theirs).subtracting(tags)
            guard !missing.isEmpty else { return [] }
            let referring = Mentions.hasProForm(other, language: language.other)
            return missing.sorted().filter { acronym in
                let counterparts = context.glossary.counterparts(of: acronym, in: language)
                let named = { (heading: TextUnit) in heading.texts[language.other].map { !acronyms($0.text).isDisjoint(with: counterparts.union([acronym])) } ?? false }
                return counterparts.isDisjoint(with: theirs) && !counterparts.union([acronym]).contains { Mentions.spellsOut($0, other) }
                    && !Mentions.writesAsName(acronym, other) && !(referring && entry.headings.contains(where: named))
            }.map { Said("\($0) is in the \(language.name) text, not in the \(language.other.name) one", about: .text($0)) }
        }
    }

    static let partyMismatch = eachPair(.partyMismatch) { nl, fr, _, context in
        guard !nl.isSetInCapitals, !fr.isSetInCapitals else { return [] }
        return onlyIn(partyTags(nl).intersection(context.parties), partyTags(fr).intersection(context.parties)) { Said("(\($0)) is only in the \($1) text", about: .text("(\($0))")) }
    }

    static let referenceMismatch = eachPair(.referenceMismatch) { nl, fr, _, _ in
        onlyIn(Mentions.references(in: nl), Mentions.references(in: fr)) { Said("\($0) is only in the \($1) text") }
    }

    static let percentageMismatch = eachPair(.percentageMismatch) { nl, fr, _, _ in
        onlyIn(Mentions.percentages(in: nl), Mentions.percentages(in: fr)) { Said("\($0) % is only in the \($1) text", about: .percentage($0)) }
    }

    /// Names in the front matter spelled differently, unless the glossary pairs them. (In
    /// running text, one-letter differences are mostly cognates: `Europa` / `Europe`.)
    static let nameSpelling = eachPair(.nameSpelling) { nl, fr, entry, context in
        guard [.submitters, .title].contains(entry.unit.kind) else { return [] }
        let nlNames = Mentions.names(in: nl), frNames = Mentions.names(in: fr)
        return nlNames.subtracting(frNames).sorted().flatMap { name in
            let counterparts = context.glossary.counterparts(of: String(name), in: .nl)
            return frNames.subtracting(nlNames).sorted().filter { Mentions.nearMiss(name, $0) && !counterparts.contains(String($0)) }
                .map { Said("\(name) in Dutch, \($0) in French") }
        }
    }

    static let documentTypeMismatch = eachPair(.documentTypeMismatch) { nl, fr, _, _ in
        let nlTypes = Mentions.documentTypes(in: nl, language: .nl), frTypes = Mentions.documentTypes(in: fr, language: .fr)
        guard !nlTypes.isEmpty, !frTypes.isEmpty, nlTypes != frTypes else { return [] }
        let names = { (types: Set<DocumentType>) in types.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.sorted().joined(separator: ", ") }
        return ["the Dutch text names a \(names(nlTypes)), the French one a \(names(frTypes))"]
    }

    /// A courtesy title of the other language before a name: left untranslated, or swapped.
    static let foreignTitle = eachPair(.foreignTitle) { nl, fr, _, _ in
        [(Language.nl, nl), (.fr, fr)].flatMap { language, text in
            Mentions.titles(in: text, language: language.other).map { Said("\($0) in the \(language.name) text is a \(language.other.name) courtesy title", about: .text($0)) }
        }
    }

    // MARK: The texts themselves

    /// Text in the other language: an untranslated paragraph (tables and dates too).
    static let wrongLanguage = eachPair(.wrongLanguage, skipping: []) { nl, fr, _, _ in
        [(Language.nl, nl), (.fr, fr)].filter { LanguageEvidence.contradicts($1, $0) }.map { language, text in
            Said("the \(language.name) text reads as \(language.other.name): \"\(excerpt(text))\"")
        }
    }

    static let emptyText = eachUnit(.emptyText) { entry, _ in
        Language.allCases.filter { entry.texts[$0].map { !$0.contains { $0.isLetter || $0.isNumber } } ?? false }
            .map { Said("the \($0.name) text has no words") }
    }

    /// List items and requests close with the same mark in both languages.
    static let closingPunctuation = eachPair(.closingPunctuation) { nl, fr, entry, _ in
        guard [.item, .request, .consideration].contains(entry.unit.kind), let a = nl.last, let b = fr.last,
              Lexicon.listClosings.contains(a), Lexicon.listClosings.contains(b), a != b else { return [] }
        return ["ends with \"\(a)\" in Dutch and \"\(b)\" in French"]
    }

    /// French/Dutch length ratios of the paired texts of some length, on a log scale; a pair
    /// more than four median deviations from the document's median ratio is reported.
    static let lengthRatio = ParityCheck(code: .lengthRatio) { context in
        // Children before their parent, as the ratios were first gathered (the output is
        // sorted anyway).
        let all = context.entries.compactMap { entry -> (TextUnit, Double)? in
            guard entry.unit.kind != .table, let nl = entry.texts[.nl]?.utf8.count, let fr = entry.texts[.fr]?.utf8.count, nl + fr >= 240 else { return nil }
            return (entry.unit, log(Double(fr) / Double(nl)))
        }
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

    // MARK: Shared by the checks

    /// What one side has and the other lacks, sorted, as `message(item, "Dutch"|"French")`.
    private static func onlyIn<T: Comparable>(_ nl: Set<T>, _ fr: Set<T>, _ message: (T, String) -> Said) -> [Said] {
        nl.symmetricDifference(fr).sorted().map { message($0, nl.contains($0) ? "Dutch" : "French") }
    }

    /// Words in capitals (`MAOC`, `ISR`), but not a phrase set in capitals: a capital word
    /// next to another is a heading's words, not an acronym.
    private static func acronyms(_ text: String) -> Set<String> {
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
    private static func partyTags(_ text: String) -> Set<String> {
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

    private static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
