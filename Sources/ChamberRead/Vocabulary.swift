import ChamberModel
import Foundation

/// What the whole input writes, for the joins and cuts that a line end leaves open: its
/// hyphenated words, to decide whether a hyphen at a line end splits a word (`drugscri-` /
/// `minaliteit`) or belongs to it (`zee-routes`), the form the document uses elsewhere
/// winning; its other words, for a word cut in capitals; and how it sets `;` and `:`.
struct Vocabulary: Sendable {
    private var hyphenated: Set<String> = []
    /// Whether the typesetter marked the hyphens it added at line ends (a soft hyphen, or
    /// U+2010 made one: `LineHyphen`) on more lines than a hyphen-minus ends: then a
    /// hyphen-minus at a line end is the word's own (`Brussel-` / `hoofdstad`).
    private(set) var marksLineEndHyphens = false
    /// Whether the typesetter cut words at line ends at all (`weighLineEnds`): where it did
    /// not, a hyphen at a line end is the word's own (`zee-` / `routes`) even where a
    /// dictionary writes the word joined.
    private(set) var cutsWords = true
    /// A hyphen-minus at a line end may cut a word: the typesetter cut words, and not with a
    /// mark of its own.
    var lineEndHyphenMayCut: Bool { cutsWords && !marksLineEndHyphens }
    /// Hyphenated words written inside a line, each time they are (`weighLineEnds`).
    private var hyphenatedInLines = 0
    /// Whether the document sets a space before a semicolon or a colon after a word
    /// (French typography: `dossiers ; parmi`) more often than it glues them to it.
    private(set) var spacesHighPunctuation = false
    /// The document's words, for the rare word cut in capitals (`writesWhole`) and the words
    /// that line ends cut (`weighLineEnds`).
    private let words: Words

    init<S: Sequence>(lines: S) where S.Element == Substring {
        let lines = Array(lines)
        words = Words(lines: lines)
        var soft = 0, minus = 0, spaced = 0, glued = 0
        for line in lines {
            let text = line.utf8.reversed().drop { $0 == 0x20 }
            if text.starts(with: [0xAD, 0xC2]) { soft += 1 }
            // The two bytes before: a space after a letter, or a no-break space (C2 A0, the
            // narrow one's last bytes 80 AF), is a space; a letter's byte is a glued mark.
            var before: (UInt8, UInt8) = (0, 0)
            for byte in line.utf8 {
                if byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") {
                    if before.1 == 0x20 && before.0.isLetterByte || before == (0xC2, 0xA0) || before == (0x80, 0xAF) {
                        spaced += 1
                    } else if before.1.isLetterByte {
                        glued += 1
                    }
                }
                before = (before.1, byte)
            }
            guard line.utf8.contains(UInt8(ascii: "-")) else { continue }
            if text.first == UInt8(ascii: "-") { minus += 1 }
            for token in line.utf8.split(separator: 0x20) where token.contains(UInt8(ascii: "-")) {
                let word = Substring(token).trimmingPunctuation
                if word.utf8.count > 2 { hyphenated.insert(word.lowercased()) }
                if word.contains("-") { hyphenatedInLines += 1 }
            }
        }
        marksLineEndHyphens = soft > minus
        spacesHighPunctuation = spaced > glued
    }

    /// Decides `cutsWords` from the lines of the columns, in reading order. A typesetter that
    /// does not cut words breaks a line at a hyphen only where a hyphenated word happens to
    /// reach the line's end, so its line-end hyphens are no more than the hyphenated words
    /// inside its lines, and the document's own spelling calls some of them the word's own
    /// (written hyphenated elsewhere) and no more of them cuts (written joined elsewhere).
    /// One that cuts words ends many lines with a hyphen, the words it cut recur whole, and
    /// what it leaves after a hyphen is often no word of the dictionary; without the
    /// document's word on either, it is taken to cut them, unless its line ends are too few
    /// for a typesetter that cuts words (fewer than one line in thirty: those of the corpus end
    /// one line in ten or more with a cut, the real bill's plain dump one in twenty-eight;
    /// those that cut none at most one in forty-one with a hyphen), and then the dictionary is
    /// asked of what follows them, as where the document spells one of them hyphenated.
    mutating func weighLineEnds(of fragments: [ColumnFragment]) {
        var ends: [(left: Substring, right: Substring, language: Language)] = []
        var lineCount = 0
        for fragment in fragments {
            lineCount += fragment.lines.count
            for (line, next) in zip(fragment.lines, fragment.lines.dropFirst()) where line.text.trimmed.utf8.last == UInt8(ascii: "-") {
                guard let (left, right) = LineJoiner.cutPieces(LineJoiner.lastWord(line.text.trimmed), String(next.text.trimmed)),
                      right.first?.isLowercase == true, !left.isEmpty, !left.contains("-"), !right.contains("-") else { continue }
                ends.append((left, right, fragment.language))
            }
        }
        guard !ends.isEmpty, ends.count <= hyphenatedInLines else { return }
        // The words the cuts make and their second parts, counted in one pass.
        let keys = ends.map { (joined: ($0.left + $0.right).lowercased(), right: $0.right.lowercased()) }
        let written = words.occurrences(of: Set(keys.flatMap { [$0.joined, $0.right] }))
        var own = 0, cut = 0
        var unexplained: [(right: Substring, key: String, language: Language)] = []
        for ((left, right, language), key) in zip(ends, keys) {
            if contains(left + "-" + right) {
                own += 1
            } else if written[key.joined] != nil {
                cut += 1
            } else {
                unexplained.append((right, key.right, language))
            }
        }
        // Only on the document's evidence: one of them the word's own at least, or all too
        // few to be a cutting typesetter's and none of them a cut.
        guard cut <= own, own > 0 || ends.count * 30 < lineCount else { return }
        // The rest of a word that a typesetter cut is often no word (`administra-` / `tive`);
        // a hyphenated word's second part is one (`zee-` / `routes`): the document's, written
        // more often than line ends start with it, or else the dictionary's, asked last
        // (opening it takes 50 to 80 ms); without the dictionary, it counts as no word.
        let starts = Dictionary(unexplained.map { ($0.key, 1) }, uniquingKeysWith: +)
        cutsWords = unexplained.contains { end in
            written[end.key, default: 0] <= starts[end.key, default: 0] && Spelling.shared.isWord(end.right, in: end.language) != true
        }
    }

    /// Whether the document writes this hyphenated word somewhere.
    func contains(_ word: String) -> Bool { hyphenated.contains(word.lowercased()) }

    /// Whether the document writes a word given in capitals whole somewhere, in any case and
    /// perhaps with an ending (`FÉDÉRAL`: `Police fédérale`).
    func writesWhole(_ capitals: String) -> Bool { words.hasWord(startingWith: capitals.lowercased()) }

    /// The document's words: indexed, lower case and sorted, the first time a prefix is asked
    /// for (most documents never cut a word in capitals), or counted for a few candidates in
    /// one pass. One reader asks at a time; the lock keeps the index whole should two ever
    /// share it.
    private final class Words: @unchecked Sendable {
        private let lines: [Substring]
        private let lock = NSLock()
        private var sorted: [String]?

        init(lines: [Substring]) { self.lines = lines }

        func hasWord(startingWith prefix: String) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if sorted == nil {
                var words = Set<String>()
                for line in lines {
                    for token in line.spaceSeparatedWords {
                        let word = token.trimmingPunctuation.lowercased()
                        words.insert(word)
                        // A word after an elision is a word too (`l’Emploi`: `emploi`); only a
                        // word with `'` or the last byte of `’` (E2 80 99) is split to see.
                        guard word.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == 0x99 }),
                              let elided = word.split(whereSeparator: \.isApostrophe).last, elided.count < word.count else { continue }
                        words.insert(String(elided))
                    }
                }
                // Compared as Unicode compares them, not byte for byte: a document may write
                // `é` composed in one place and `e` with its accent in another.
                sorted = words.sorted()
            }
            let words = sorted!
            // The first word not before the prefix: the one that starts with it, if any does.
            var low = 0, high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle] < prefix { low = middle + 1 } else { high = middle }
            }
            return low < words.count && words[low].hasPrefix(prefix)
        }

        /// How often the document writes each of `candidates` (lower case) as a word, those it
        /// writes; in one pass over its bytes that trims and lowers only the tokens long enough.
        func occurrences(of candidates: Set<String>) -> [String: Int] {
            guard let shortest = candidates.map(\.utf8.count).min() else { return [:] }
            var found: [String: Int] = [:]
            for line in lines {
                for token in line.utf8.split(separator: 0x20) where token.count >= shortest {
                    let word = Substring(token).trimmingPunctuation.lowercased()
                    if candidates.contains(word) { found[word, default: 0] += 1 }
                }
            }
            return found
        }
    }
}

private extension Character {
    /// The apostrophe of an elision, typographic or typed (`l’Emploi`, `l'emploi`).
    var isApostrophe: Bool { self == "’" || self == "'" }
}

private extension UInt8 {
    /// An ASCII letter, or a byte of a multi-byte character (an accented letter).
    var isLetterByte: Bool { self >= 0x80 || (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
}

extension Substring {
    /// The token without the punctuation around it (keeping inner hyphens and apostrophes).
    var trimmingPunctuation: Substring {
        var s = self
        while let c = s.first, !(c.isLetter || c.isNumber) { s = s.dropFirst() }
        while let c = s.last, !(c.isLetter || c.isNumber) { s = s.dropLast() }
        return s
    }
}

/// Joins a line to the text before it, undoing end-of-line hyphenation where the hyphen
/// only split a word (`drugscri-` / `minaliteit`) and keeping it where it belongs to the
/// word (`zee-routes` written so elsewhere or set by a typesetter that cuts no words,
/// `NAVO-context`, a capital after it, a spelling rule of the dictionaries:
/// `extern-operationeel`, `celles-ci`) or is a suspended compound
/// (`lucht- en observatiecapaciteiten`).
struct LineJoiner: Sendable {
    let vocabulary: Vocabulary

    /// Appends a line to a paragraph, undoing hyphenation where the hyphen splits a word; a
    /// line that opens with a comma, a semicolon, a colon or a full stop after a paragraph
    /// that ends in a digit goes on the word before it (a line of print that a raised marker
    /// broke: `dossiers6` / `; parmi …`; French sets a space before `;` and `:` elsewhere).
    /// Looks only at the end of the paragraph, so joining many lines stays linear.
    func join(_ paragraph: inout LocatedText, _ next: LocatedText) {
        let last = Self.lastWord(paragraph.text)
        if paragraph.text.hasSuffix("\u{AD}") || dropsHyphen(last, next.text, after: paragraph.text) {
            paragraph.text.removeLast()
            paragraph.append(next, joinWithoutSpace: true)
        } else {
            let afterMarker = last.last?.isNumber == true && next.text.first.map { ",;:.".contains($0) } == true
            paragraph.append(next, joinWithoutSpace: Self.joinsWithoutSpace(last, next.text) || afterMarker)
        }
    }

    /// The last word of a text, with what is glued to it (`drugscri-`, `“elke`).
    static func lastWord<S: StringProtocol>(_ text: S) -> S.SubSequence {
        let start = text.lastIndex(of: " ").map(text.index(after:)) ?? text.startIndex
        return text[start...]
    }

    /// The two pieces of a word that a line end cut at a hyphen (`drugscri-` / `minaliteit`),
    /// punctuation trimmed: the last word before the hyphen and the next line's first; nil
    /// where the line does not end so (a suspended compound: `lucht-` / `en`).
    static func cutPieces(_ last: Substring, _ next: String) -> (left: Substring, right: Substring)? {
        guard joinsWithoutSpace(last, next), !next.hasPrefix("<sup>") else { return nil }
        return (last.dropLast().trimmingPunctuation, Substring(next.prefix { $0 != " " }).trimmingPunctuation)
    }

    /// A line ending in a hyphen glued to a word continues that word on the next line, a
    /// number's in a range of numbers (`2004-` / `2008`); a `<sup>` tag goes on the same
    /// word too.
    private static func joinsWithoutSpace(_ last: Substring, _ next: String) -> Bool {
        if next.hasPrefix("<sup>") { return true }
        guard last.hasSuffix("-"), let before = last.dropLast().last, before.isLetter || before.isNumber else { return false }
        guard let first = next.first, first.isLetter || first.isNumber && before.isNumber else { return false }
        // `lucht- en observatiecapaciteiten`: a suspended compound keeps its hyphen and space.
        let nextWord = next.prefix { $0.isLetter }
        return !Lexicon.suspendingConjunctions.contains(String(nextWord))
    }

    /// Whether the hyphen at the end of `last`, the last word of `text`, only split a word
    /// across lines.
    private func dropsHyphen(_ last: Substring, _ next: String, after text: String) -> Bool {
        guard let (left, right) = Self.cutPieces(last, next), let r = right.first, vocabulary.lineEndHyphenMayCut else { return false }
        // A text in capitals is cut as running text is (`FÉDÉ-` / `RAL:`): the hyphen goes
        // where the document writes the word whole elsewhere, in any case, perhaps with an
        // ending (`Police fédérale`), or is a word of the Chamber's name (`VOLKSVERTEGENWOORDI-`
        // / `GERS`), or else where the dictionary of the text's language knows the word whole
        // and not hyphenated (`DE L’EM-` / `PLOI`): an office's typesetter cuts a heading or a
        // cover's line. Opening the dictionary whole costs 50 to 80 ms, once a process, and
        // only for such a cut.
        if r.isUppercase {
            let stem = left.split(whereSeparator: \.isApostrophe).last ?? left
            let word = String(stem + right)
            guard stem.count >= 2, right.count >= 2, word.allSatisfy(\.isUppercase) else { return false }
            if vocabulary.writesWhole(word) || Lexicon.isChamberNameWord(word) { return true }
            guard let language = Spelling.language(of: text.suffix(200) + " " + next) else { return false }
            return Spelling.shared.isWord(word, in: language) == true && Spelling.shared.isWord(stem + "-" + right, in: language) == false
        }
        guard r.isLowercase else { return false }
        // An acronym or number before the hyphen (`NAVO-context`, `2024-2025`) keeps it.
        if let piece = left.split(separator: "-").last, piece.allSatisfy({ $0.isUppercase || $0.isNumber }) { return false }
        // A compound written with hyphens keeps one more (`lik-` / `op-stukbeleid`, `lik-op-` /
        // `stukbeleid`), unless the document writes the word so joined (`Brussel-Hoofd-` / `stad`).
        if left.contains("-") || right.contains("-") { return vocabulary.contains(String(left) + right) }
        if vocabulary.contains(left + "-" + right) || Self.vowelsCollide(left, right) { return false }
        // Where the document is silent, the dictionary of the text's language.
        return !Spelling.shared.keepsHyphen(left, right, in: Spelling.language(of: text.suffix(200) + " " + next))
    }

    /// The sounds two vowels make together when written side by side (`eu`, `ie`, `oo`).
    private static let vowelPairs: Set<[UInt8]> =
        Set(["aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "oe", "oi", "oo", "ou", "ui", "uu"].map { Array($0.utf8) })

    /// Whether joining would make two parts' vowels read as one sound: Dutch then writes a
    /// hyphen (`informatie-uitwisseling`, `zee-eend`, `politie-inzet`). A hyphenator never
    /// cuts a double vowel, so a left part ending in one, after a consonant, is a whole part;
    /// three vowels may be cut after the double one (`groei-ende`, `bemoei-enis`), a right
    /// part that opens with an ending is one (`uitbrei-ende`, `mooi-er`), and a single vowel
    /// before the cut may be a syllable of one word (`ingeni-eur`, `co-ordination`).
    private static func vowelsCollide(_ left: Substring, _ right: Substring) -> Bool {
        let isVowel: (UInt8) -> Bool = { "aeiou".utf8.contains($0) }
        let end = Array(left.utf8.suffix(3)), start = right.utf8.first
        guard right.utf8.count >= 4, !right.hasPrefix("en"), !right.hasPrefix("er"), end.count == 3, !isVowel(end[0]),
              isVowel(end[1]), isVowel(end[2]), vowelPairs.contains([end[1], end[2]]), let start, isVowel(start) else { return false }
        return vowelPairs.contains([end[2], start])
    }

    /// The same for plain text (table cells, legend entries).
    func joined(_ text: String, _ next: String) -> String {
        var located = LocatedText(text, span: SourceSpan())
        join(&located, LocatedText(next, span: SourceSpan()))
        return located.text
    }
}
