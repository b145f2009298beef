import ChamberModel

/// Hyphens that plain `pdftotext` took out: it joins a word cut at a line end and drops the
/// hyphen even where the hyphen belongs to the word (`MAOC-` / `N` gives `MAOCN`, `vice-` /
/// `gouverneur` gives `vicegouverneur` in French). The document's own spelling, in the same
/// language, tells: a word it writes with a hyphen more often than without gets the hyphen
/// back. A spelling used as often both ways is left alone (`veiligheidsmachtigingen` and
/// `veiligheids-machtigingen` in one text), and so is a number (`110`, `1-10`), but for two
/// years run together (`20042008`).
/// Only a dump made so is touched: one with pages (form feeds) and no word cut inside a
/// block (`pdftotext -raw` keeps them; plain `pdftotext` only at a block's last line, where
/// the next is blank or on another page; a hand-made text has no pages). A word joined
/// before a capital or after an acronym gets its hyphen back too (`caseJoins`).
enum LostHyphens {
    /// Whether a dump's maker joined its cut words: pages, and no line that ends in a letter
    /// and a hyphen before a line of text on its page.
    static func wereDropped(_ lines: [SourceLine]) -> Bool {
        guard lines.contains(where: \.startsPage) else { return false }
        return !zip(lines, lines.dropFirst()).contains { line, next in
            line.text.utf8.last == UInt8(ascii: "-") && line.text.dropLast().last?.isLetter == true && !next.isBlank && !next.startsPage
        }
    }

    /// Plain `pdftotext` joins a word cut at a line end with the whole next line, so a line
    /// well longer than its block's typical line holds several lines of print, each about
    /// that typical length. A word that straddles the end of the first or the second gets
    /// its hyphen back where the document writes it so elsewhere (`cocaïne-transporten`,
    /// written so once and joined once), or where it is two years (`2004-2008`), unless a
    /// line of print of the same language writes it whole (Dutch `vicegouverneur`, French
    /// `vice-gouverneur`); where one word and one place in it fit. (Where its parts' vowels
    /// collide, any place in a long word would do: `hernie-uwbare`.)
    /// `vocabulary` is the document's: restoring writes no hyphenated word it lacks but for
    /// a range of years.
    static func restoreAtJoins(_ lines: inout [SourceLine], vocabulary: Vocabulary) {
        // The blocks (runs of lines on a page) and their typical line; a block of a word or
        // two a line (justified lines that `pdftotext` broke up) has none. A block of fewer
        // than four lines is too short to tell its own (a paragraph of two lines of print, one
        // joined): it takes the median of the others'.
        var blocks: [(lines: Range<Int>, typical: Int?)] = []
        var start = 0
        while start < lines.count {
            guard !lines[start].isBlank else { start += 1; continue }
            var end = start
            while end < lines.count, !lines[end].isBlank, end == start || !lines[end].startsPage { end += 1 }
            let lengths = lines[start..<end].map { $0.text.unicodeScalars.count }.sorted()
            blocks.append((start..<end, lengths.count >= 4 ? lengths[lengths.count / 2] : nil))
            start = end
        }
        let typicals = blocks.compactMap(\.typical).filter { $0 >= 15 }.sorted()
        let usual = typicals.isEmpty ? nil : typicals[typicals.count / 2]
        var joined: [(index: Int, typical: Int)] = []
        for block in blocks {
            guard let typical = block.typical ?? (block.lines.count < 4 ? usual : nil), typical >= 15 else { continue }
            joined += block.lines.filter { lines[$0].text.unicodeScalars.count * 4 > typical * 5 }.map { ($0, typical) }
        }
        guard !joined.isEmpty else { return }
        let cuts = joined.map { cutsAtJoins(lines[$0.index].text, typical: $0.typical, vocabulary: vocabulary) }
        // Those of their words that a line of print (not a joined one) writes whole, by the
        // line's language: only lines that hold one are read word by word.
        let words = Set(cuts.joined().joined().map(\.word))
        guard !words.isEmpty else { return }
        let joinedLines = Set(joined.map(\.index))
        // Compared by `hash` of their bytes, ASCII capitals lowered.
        func key(_ bytes: some Sequence<UInt8>) -> UInt64 { hash(bytes.lazy.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }) }
        let keys = Set(words.map { key($0.utf8) })
        var whole: [Language: Set<String>] = [.nl: [], .fr: []]
        for (index, line) in lines.enumerated() where !joinedLines.contains(index) {
            var found: [String] = []
            forEachWord(in: String(line.text)) { word, _ in
                if word.count >= 4, keys.contains(key(word)) { found.append(String(decoding: word, as: UTF8.self).lowercased()) }
            }
            guard !found.isEmpty else { continue }
            let language: Language = LanguageEvidence.score(line.text) >= 0 ? .nl : .fr
            whole[language]!.formUnion(found)
        }
        for ((index, _), joins) in zip(joined, cuts) {
            let evidence = LanguageEvidence.score(lines[index].text)
            let written = evidence > 1 ? whole[.nl]! : evidence < -1 ? whole[.fr]! : whole[.nl]!.union(whole[.fr]!)
            // One word and one place in it at each join, once the words written whole are left out.
            let places = joins.compactMap { join in
                let kept = join.filter { !written.contains($0.word) }
                return kept.count == 1 ? kept[0].cut : nil
            }
            guard !places.isEmpty else { continue }
            let line = lines[index].text
            var text = "", from = line.startIndex
            for cut in places.sorted() {
                text += line[from..<cut] + "-"
                from = cut
            }
            lines[index].text = (text + line[from...])[...]
        }
    }

    /// The places in a line, about one and two times `typical` characters in, where a word
    /// may have lost its hyphen (written so elsewhere, or by a spelling rule: `Spelling`), with
    /// the word in lower case; one list for each join.
    private static func cutsAtJoins(_ line: Substring, typical: Int, vocabulary: Vocabulary) -> [[(cut: Substring.Index, word: String)]] {
        // Read only where a spelling rule is asked.
        lazy var language = Spelling.language(of: line)
        // Each word with the scalars before it.
        var words: [(word: Substring, before: Int)] = []
        var offset = 0, index = line.startIndex
        for word in line.split(separator: " ") {
            offset += line.unicodeScalars[index..<word.startIndex].count
            words.append((word, offset))
            index = word.startIndex
        }
        let length = line.unicodeScalars.count
        // The lines of print before a join, the hyphen counted, are each between 70 % (ragged
        // text) and 110 % of the typical one, and a join leaves a few letters after it: the
        // places of the first two joins do not overlap, those of later ones would.
        return (1...2).map { join in
            let shortest = typical * join * 7 / 10, longest = typical * join * 11 / 10
            var found: [(cut: Substring.Index, word: String)] = []
            guard length > shortest + 2 else { return found }
            for (word, before) in words where before < longest && before + word.unicodeScalars.count >= shortest {
                let letters = word.trimmingPunctuation
                let scalars = Array(letters.unicodeScalars)
                let lead = line.unicodeScalars[word.startIndex..<letters.startIndex].count
                // The word's first part, two letters or more, ends the first line of print, its
                // hyphen counted; two letters or more go on the next.
                let first = max(2, shortest - before - lead - 1), last = min(scalars.count - 2, longest - before - lead - 1)
                guard scalars.count >= 4, first <= last else { continue }
                if let years = yearRange(scalars) {
                    if (first...last).contains(years) { found.append((letters.unicodeScalars.index(letters.startIndex, offsetBy: years), String(letters))) }
                    continue
                }
                guard scalars.allSatisfy(\.properties.isAlphabetic) else { continue }
                for part in first...last {
                    let cut = letters.unicodeScalars.index(letters.startIndex, offsetBy: part)
                    let left = letters[..<cut], right = letters[cut...]
                    // Where the document is silent, a spelling rule of the line's language.
                    if vocabulary.contains(String(left + "-" + right)) || Spelling.shared.keepsHyphen(left, right, in: language) {
                        found.append((cut, letters.lowercased()))
                    }
                }
            }
            return found
        }
    }

    /// Where two years run together (`20042008`: `2004-` / `2008` joined), the second the
    /// later: no number of prose is written so, and no other number tells a range from one.
    private static func yearRange(_ scalars: [Unicode.Scalar]) -> Int? {
        guard scalars.count == 8, scalars.allSatisfy({ $0.value &- 0x30 < 10 }) else { return nil }
        let year = { (digits: ArraySlice<Unicode.Scalar>) in digits.reduce(0) { $0 * 10 + Int($1.value - 0x30) } }
        let from = year(scalars[..<4]), to = year(scalars[4...])
        return 1800 <= from && from < to && to < 2200 ? 4 : nil
    }

    /// Puts the hyphens back in each language's texts and notes.
    static func restore(in columns: inout [Language: LanguageColumn]) {
        for language in Array(columns.keys) {
            guard var column = columns[language] else { continue }
            let texts = column.blocks.map(\.content.text) + column.footnotes.map(\.content.text)
            let spellings = spellings(texts).merging(caseJoins(texts)) { hyphenated, _ in hyphenated }
            guard !spellings.isEmpty else { continue }
            for i in column.blocks.indices { respell(&column.blocks[i].content, spellings) }
            for i in column.footnotes.indices { respell(&column.footnotes[i].content, spellings) }
            columns[language] = column
        }
    }

    /// Each word written without its hyphens less often than with them, with its most
    /// frequent hyphenated form; keyed by `hash` of the word so written, for the scans of
    /// every word not to make a string of each.
    static func spellings(_ texts: [String]) -> [UInt64: (word: String, form: String)] {
        let hyphen = UInt8(ascii: "-")
        var forms: [UInt64: (word: [UInt8], forms: [String: Int], written: Int)] = [:]
        for text in texts where text.utf8.contains(hyphen) {
            forEachWord(in: text) { word, _ in
                guard word.contains(hyphen) else { return }
                let joined = word.filter { $0 != hyphen }
                forms[hash(joined), default: (joined, [:], 0)].forms[String(decoding: word, as: UTF8.self), default: 0] += 1
            }
        }
        guard !forms.isEmpty else { return [:] }
        for text in texts {
            forEachWord(in: text) { word, _ in
                let key = hash(word)
                if forms[key]?.word.elementsEqual(word) == true { forms[key]!.written += 1 }
            }
        }
        var result: [UInt64: (word: String, form: String)] = [:]
        for (key, entry) in forms where entry.written > 0 && entry.forms.values.reduce(0, +) > entry.written {
            guard let form = entry.forms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { continue }
            result[key] = (String(decoding: entry.word, as: UTF8.self), form)
        }
        return result
    }

    /// Each word joined where its case shows the cut, with the hyphen put back there: before
    /// a capital (`transAtlantische`, `BruxellesCapitale`) whose capitalised part stands as a
    /// word of its own inside a sentence of the texts, or that the texts also write with the
    /// hyphen: no word of either language is so spelt, but a name may be (`McKinsey`,
    /// `PowerPoint`), and its second part seldom stands alone with its capital but at a
    /// sentence's start (`Point de départ`), which does not count; and after an acronym
    /// (`NAVOcontext`), which no word or name is (`caseCut`).
    static func caseJoins(_ texts: [String]) -> [UInt64: (word: String, form: String)] {
        // Evidence that a cut before a capital needs (nil after an acronym: none).
        var joined: [UInt64: (word: String, form: String, evidence: [UInt64]?)] = [:]
        var words = Set<UInt64>()
        for text in texts {
            let bytes = Array(text.utf8)
            forEachWord(in: text) { word, range in
                let key = hash(word)
                // A word at a sentence's start is capitalised whatever it is; a hyphenated
                // spelling counts wherever it stands.
                let before = bytes[..<range.lowerBound].last { $0 != UInt8(ascii: " ") }
                if word.contains(UInt8(ascii: "-")) || before.map({ !".!?:".utf8.contains($0) }) == true { words.insert(key) }
                guard word.count >= 5, !word.contains(UInt8(ascii: "-")), let (cut, afterAcronym) = caseCut(word) else { return }
                let first = String(decoding: word[..<cut], as: UTF8.self), second = String(decoding: word[cut...], as: UTF8.self)
                let form = first + "-" + second
                joined[key] = (first + second, form, afterAcronym ? nil : [hash(word[cut...]), hash(form.utf8)])
            }
        }
        return joined.filter { $0.value.evidence?.contains(where: words.contains) ?? true }.mapValues { ($0.word, $0.form) }
    }

    /// Where a word's case cuts it: after an acronym (two capitals or more, then three small
    /// letters or more; `IJ` opens Dutch words, `IJzer`, and an acronym's plural is shorter,
    /// `NGOs`), or before a capital after a small letter.
    private static func caseCut(_ word: UnsafeBufferPointer<UInt8>) -> (cut: Int, afterAcronym: Bool)? {
        let capitals = word.prefix(while: isUpper).count
        if capitals >= 2, word.count - capitals >= 3, word[capitals...].allSatisfy(isLower),
           !(capitals == 2 && word[0] == UInt8(ascii: "I") && word[1] == UInt8(ascii: "J")) {
            return (capitals, true)
        }
        return (2..<(word.count - 2)).first { isLower(word[$0 - 1]) && isUpper(word[$0]) }.map { ($0, false) }
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }
    private static func isUpper(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }

    private static func respell(_ text: inout LocatedText, _ spellings: [UInt64: (word: String, form: String)]) {
        var edits: [(range: Range<Int>, with: String)] = []
        forEachWord(in: text.text) { word, range in
            if let entry = spellings[hash(word)], entry.word.utf8.elementsEqual(word) { edits.append((range, entry.form)) }
        }
        text.replace(edits)
    }

    /// The words of a text with their inner hyphens (`NumberWords.forEachWord`), but those
    /// without a letter (`110`, `1-10`).
    private static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        NumberWords.forEachWord(in: text, hyphenated: true) { word, range in
            if word.contains(where: { $0 &- 0x30 >= 10 && $0 != UInt8(ascii: "-") }) { body(word, range) }
        }
    }

    /// FNV-1a of a word's bytes.
    private static func hash(_ word: some Sequence<UInt8>) -> UInt64 {
        word.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
