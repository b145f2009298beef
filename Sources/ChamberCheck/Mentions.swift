import ChamberModel
import Foundation

/// What a text mentions that its translation must mention too, in a form that is the same in
/// both languages: document and article references, percentages, document types, names.
enum Mentions {
    /// `DOC 56 1234/001` and `article 32` (from `artikel 32`, `art. 32`, `l’article 32`, `Article 1er`).
    static func references(in text: String) -> Set<String> {
        // Most texts name neither: a byte search settles that before any word is split.
        guard text.containsBytes("DOC") || ["rtikel", "rticle", "art."].contains(where: { text.containsBytes($0, ignoringCase: true) }) else {
            return []
        }
        var found: Set<String> = []
        let words = text.split(separator: " ").map { $0.drop { $0 == "(" || $0 == "[" } }
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let next = words[index + 1]
            if word == "DOC" {
                // `DOC 56 1234/001`: the legislature, then the number.
                guard index + 2 < words.count, next.allSatisfy(\.isNumber) else { continue }
                let number = words[index + 2].prefix { $0.isNumber || $0 == "/" }
                if !number.isEmpty { found.insert("DOC \(next) \(number)") }
            } else if case let word = lowercasedAfterApostrophe(word), Lexicon.articleWords.contains(word) || Lexicon.articlePlurals.contains(word) {
                let digits = next.prefix(while: \.isNumber)
                if !digits.isEmpty { found.insert("article \(digits)") }
            }
        }
        return found
    }

    /// `l’article` → `article`.
    private static func lowercasedAfterApostrophe(_ word: Substring) -> String {
        let tail = word.lastIndex { $0 == "’" || $0 == "'" }.map { word[word.index(after: $0)...] } ?? word
        return tail.lowercased()
    }

    /// The numbers given as percentages (`28,1 %`, `28,1%`, `28,1 procent`, `28,1 pour cent`),
    /// with a decimal point.
    static func percentages(in text: String) -> Set<String> {
        guard text.containsBytes("%") || text.containsBytes("procent") || text.containsBytes("pour cent") else { return [] }
        var found: Set<String> = []
        // Words without the punctuation that follows them (`%,`, `%.`, `%).”`: bytes above
        // ASCII end a word only as whole quotation marks), compared as bytes.
        let words = text.spaceSeparatedWords.map { $0.trimmingASCII(leading: false) { $0 >= 0x80 || ",.;:)]\"'".utf8.contains($0) }.utf8 }
        let isDigit = { (byte: UInt8) in byte &- 0x30 < 10 }
        for (index, word) in words.enumerated() {
            let number: Substring.UTF8View
            if word.last == 0x25, word.count > 1 {
                number = word.dropLast()
            } else if index > 0, word.elementsEqual("%".utf8) || word.elementsEqual("procent".utf8)
                        || (word.elementsEqual("pour".utf8) && index + 1 < words.count && words[index + 1].starts(with: "cent".utf8)) {
                number = words[index - 1]
            } else {
                continue
            }
            let digits = number.drop { !isDigit($0) }.prefix { isDigit($0) || $0 == 0x2C || $0 == 0x2E }
            guard !digits.isEmpty else { continue }
            // A decimal comma becomes a point; a point that ends the number is not part of it.
            var value = digits.map { $0 == 0x2C ? 0x2E : $0 }
            if value.last == 0x2E { value.removeLast() }
            found.insert(String(decoding: value, as: UTF8.self))
        }
        return found
    }

    /// The document types a text names (`voorstel van resolutie`, `proposition de loi`).
    static func documentTypes(in text: String, language: Language) -> Set<DocumentType> {
        Set(Lexicon.documentTypeNames.filter { $0.inText && $0.language == language && text.containsBytes($0.name, ignoringCase: true) }.map(\.type))
    }

    /// Whether `text` has a word of `language` that stands for a place or topic named before
    /// (`Lexicon.proForms`).
    static func hasProForm(_ text: String, language: Language) -> Bool {
        let forms = Lexicon.proForms[language]!
        return NumberWords.words(in: text).contains { word in
            guard forms.contains(word.lowercased()) else { return false }
            let before = text[..<word.startIndex]
            return !(before.hasSuffix("d'") || before.hasSuffix("d’") || before.hasSuffix("D'") || before.hasSuffix("D’"))
        }
    }

    /// Capitalised words of five letters or more that are no acronym (`Harmegnies`).
    static func names(in text: String) -> Set<Substring> {
        Set(NumberWords.words(in: text).filter { word in
            guard word.utf8.count >= 5, word.startsWithCapital else { return false }
            let (letters, capitals) = word.letterCase
            return letters >= 5 && capitals == 1
        })
    }

    /// Whether two names are one name spelled differently: one letter added, dropped or
    /// changed, accents and case aside (`Hamegnies` / `Harmegnies`).
    static func nearMiss(_ a: Substring, _ b: Substring) -> Bool {
        let x = fold(a), y = fold(b)
        guard x != y else { return false }
        if x.count == y.count { return zip(x, y).filter { $0 != $1 }.count == 1 }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        guard long.count == short.count + 1 else { return false }
        let same = zip(long, short).prefix { $0 == $1 }.count
        return long[(same + 1)...].elementsEqual(short[same...])
    }

    /// Lower case without accents, as scalars.
    private static func fold(_ word: Substring) -> [Unicode.Scalar] {
        word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter { !$0.properties.isDiacritic }
    }

    /// The courtesy titles of `language` that stand before a name in `text` (`Mme Barbara Pas`).
    static func titles(in text: String, language: Language) -> [String] {
        Lexicon.courtesyTitles[language]!.filter { title in
            // Most texts name nobody: a byte search first, Foundation's search only on a hit.
            guard text.containsBytes(title + " ") else { return false }
            var rest = Substring(text)
            while let range = rest.range(of: title + " ") {
                let before = rest[..<range.lowerBound].last, after = rest[range.upperBound...].first
                if (before == nil || before == " " || before == "("), after?.isUppercase == true { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
    }

    /// Whether `text` writes `acronym` as a name in running text, its first capital followed
    /// by small letters (`IRIS`: `de Iris-structuur`, a word or a compound's part): one name
    /// set in capitals in one language only. Only after a word, a comma or a semicolon: not a
    /// sentence's first word, nor one after a bracket, a quote or a list marker (`Via de
    /// begroting`, `a) Via` are no `VIA`); nor a surname, after a first name or a courtesy
    /// title (`mevrouw Pas` is no `PAS`). Three letters or more (`DE` is no name in `De …`).
    static func writesAsName(_ acronym: String, _ text: String) -> Bool {
        guard acronym.count >= 3 else { return false }
        let name = String(acronym.prefix(1)) + acronym.dropFirst().lowercased()
        return NumberWords.words(in: text).contains { word in
            guard word == name else { return false }
            let before = text[..<word.startIndex].trimmed
            guard let last = before.last, last.isLetter || last.isNumber || last == "," || last == ";" else { return false }
            let previous = before.lastWord.drop { !$0.isLetter }
            return !previous.startsWithCapital && !titleWords.contains(previous.lowercased())
        }
    }

    /// The last words of the courtesy titles, in lower case (`mevrouw`, `heer`, `mme`).
    private static let titleWords = Set(Lexicon.courtesyTitles.values.joined().map { String($0.split(separator: " ").last ?? "").lowercased() })

    /// Whether `text` spells out `acronym`: a run of its content words (function words
    /// skipped) that starts with the acronym's first letter and whose initials hold all its
    /// letters, in any order (`LLC`: `lois coordonnées sur l’emploi des langues`, whose
    /// French word order differs from the acronym's). At most two content words more than
    /// the acronym has letters, and three letters or more: shorter ones are too easily met.
    static func spellsOut(_ acronym: String, _ text: String) -> Bool {
        let letters = Array(fold(Substring(acronym)).filter { $0.properties.isAlphabetic })
        guard letters.count >= 3 else { return false }
        let initials = NumberWords.words(in: text).compactMap { word -> Unicode.Scalar? in
            let folded = fold(word)
            return Lexicon.functionWords.contains(String(String.UnicodeScalarView(folded))) || folded.count < 2 ? nil : folded.first
        }
        let width = letters.count + 2
        for start in initials.indices where initials[start] == letters[0] {
            var window = Array(initials[start..<min(start + width, initials.count)])
            let all = letters.allSatisfy { letter in
                guard let index = window.firstIndex(of: letter) else { return false }
                window.remove(at: index)
                return true
            }
            if all { return true }
        }
        return false
    }
}
