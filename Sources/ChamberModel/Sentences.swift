/// The sentences of a text: UTF-8 byte ranges of the text, so that a finding can quote a
/// sentence and the align stage can compare sentences without copying them.
///
/// A sentence ends at `.`, `!` or `?` (and the quotes or brackets that close after it)
/// followed by a space and a capital, a digit or an opening quote or bracket; not after an
/// abbreviation (`art.`, `nr.`, `bijv.`, `M.`, `o.a.`), an initial (`J. Janssens`), a label
/// (`3.1.`), nor at an ellipsis (`…`, `...`), which stays inside its sentence. A decimal
/// (`2,4`, `3.758`) has no space after its mark and never ends one.
public enum Sentences {
    public static func ranges(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { ranges(in: $0) }
    }

    /// The sentences as views of the text.
    public static func split(_ text: String) -> [Substring] {
        ranges(in: text).map { NumberWords.substring(text, $0) }
    }

    public static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { i += 1; continue }
            let mark = i
            // `...` (and `..`): an ellipsis, not an end.
            if byte == 0x2E, (mark + 1 < bytes.count && bytes[mark + 1] == 0x2E) || (mark > 0 && bytes[mark - 1] == 0x2E) {
                i += 1
                continue
            }
            var end = mark + 1
            while end < bytes.count, let width = closingWidth(bytes, at: end) { end += width }
            guard end < bytes.count, bytes[end] == 0x20 else { i = end; continue }
            var next = end
            while next < bytes.count && bytes[next] == 0x20 { next += 1 }
            guard next < bytes.count, opensSentence(bytes, at: next),
                  byte != 0x2E || !isAbbreviation(bytes, wordBefore: mark, sentenceStart: start) else { i = end; continue }
            if hasWord(bytes, start..<end) {
                result.append(start..<end)
                start = next
            }
            i = next
        }
        var last = bytes.count
        while last > start && bytes[last - 1] == 0x20 { last -= 1 }
        if last > start {
            // A trailing piece without a word (a stray mark) belongs to the sentence before.
            if hasWord(bytes, start..<last) || result.isEmpty { result.append(start..<last) } else { result[result.count - 1] = result[result.count - 1].lowerBound..<last }
        }
        return result
    }

    /// Closing quotes and brackets that may follow the final mark: `"`, `'`, `)`, `]`, `»`, `’`, `”`.
    private static func closingWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        switch bytes[i] {
        case 0x22, 0x27, 0x29, 0x5D: return 1
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xBB: return 2
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x9D): return 3
        default: return nil
        }
    }

    /// A capital (ASCII or Latin-1 `À`–`Þ`), a digit, or an opening quote or bracket.
    private static func opensSentence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let byte = bytes[i]
        if byte &- 0x41 < 26 || byte &- 0x30 < 10 || byte == 0x22 || byte == 0x28 || byte == 0x27 { return true }
        if byte == 0xC3, i + 1 < bytes.count { return bytes[i + 1] &- 0x80 < 0x1F && bytes[i + 1] != 0x97 }
        if byte == 0xC2, i + 1 < bytes.count { return bytes[i + 1] == 0xAB }  // «
        if byte == 0xE2, i + 2 < bytes.count { return bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x98 || bytes[i + 2] == 0x9C) }
        return false
    }

    /// Whether the word that ends at the dot `mark` is an abbreviation, an initial, or a
    /// label (`A.`, `3.1.`, `IV.`) that opens the text so far.
    private static func isAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, wordBefore mark: Int, sentenceStart: Int) -> Bool {
        var first = mark
        while first > sentenceStart, bytes[first - 1] != 0x20, bytes[first - 1] != 0x28 { first -= 1 }
        // Without the quotes that open it: `“Art.`, `«M.`, `"p.`
        while first < mark {
            if bytes[first] == 0x22 || bytes[first] == 0x27 || bytes[first] == 0x5B { first += 1 }
            else if bytes[first] == 0xC2, first + 1 < mark, bytes[first + 1] == 0xAB { first += 2 }
            else if bytes[first] == 0xE2, first + 2 < mark, bytes[first + 1] == 0x80 { first += 3 }
            else { break }
        }
        let word = UnsafeBufferPointer(rebasing: bytes[first..<mark])
        guard !word.isEmpty else { return false }
        // A label that is all the sentence has so far: `3.1.`, `A.`, `IV.`
        if first == sentenceStart, word.allSatisfy({ $0 &- 0x30 < 10 || $0 == 0x2E || $0 &- 0x41 < 26 }), word.count <= 5 { return true }
        // A number after `§` or an abbreviation: `§ 2.`, `Art. 21.`, `blz. 71.` (the paragraph
        // or the page goes on).
        if word.allSatisfy({ $0 &- 0x30 < 10 }), first >= 2, bytes[first - 1] == 0x20 {
            var before = first - 1
            while before > sentenceStart, bytes[before - 1] != 0x20 { before -= 1 }
            let previous = UnsafeBufferPointer(rebasing: bytes[before..<(first - 1)])
            if previous.elementsEqual([0xC2, 0xA7]) { return true }
            if previous.count >= 2, previous.last == 0x2E, isAbbreviationWord(UnsafeBufferPointer(rebasing: previous.dropLast())) { return true }
        }
        // One letter: an initial or `p.`; dotted runs of letters: `o.a.`, `d.w.z.`, `e.a.`
        if word.count == 1, word[0] &- 0x41 < 26 || word[0] &- 0x61 < 26 { return true }
        if word.contains(0x2E), word.allSatisfy({ $0 == 0x2E || $0 &- 0x61 < 26 || $0 &- 0x41 < 26 }) { return true }
        return isAbbreviationWord(word)
    }

    /// Whether the word (without its dot) is one of `abbreviations`, in any case.
    private static func isAbbreviationWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var key: UInt64 = 0
        guard word.count <= 8 else { return false }
        for byte in word { key = key << 8 | UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
        return abbreviationKeys.contains(key)
    }

    private static func hasWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var letters = 0
        for i in range where bytes[i] &- 0x41 < 26 || bytes[i] &- 0x61 < 26 || bytes[i] >= 0xC3 {
            letters += 1
            if letters >= 2 { return true }
        }
        return false
    }

    /// Abbreviations of Dutch and French Chamber texts that take a dot inside a sentence,
    /// in lower case: those of articles, numbers and pages (but `p`, which `isAbbreviation`
    /// takes as one letter), titles, months, Latin.
    static let abbreviations = Lexicon.numberAbbreviations.filter { $0.count > 1 }.sorted() + [
        "cf", "vgl", "bijv", "bv", "bvb", "par", "al", "vol",
        "hfdst", "chap", "fig", "mme", "mmes", "mlle", "mm", "dhr", "mevr", "mr", "dr", "prof", "ir", "st",
        "enz", "etc", "resp", "ca", "vs", "jl", "ibid", "cit", "sv", "suiv", "approx", "env",
        "jan", "febr", "feb", "aug", "sept", "sep", "okt", "oct", "nov", "dec", "janv", "févr", "avr", "juil",
        "stuk", "parl", "sén", "inz", "incl", "excl", "tél",
    ]
    private static let abbreviationKeys: Set<UInt64> = Set(abbreviations.map { word in
        word.utf8.reduce(0 as UInt64) { $0 << 8 | UInt64($1) }
    })

    /// How many words (runs of letters and digits) the sentence has.
    public static func wordCount(_ sentence: Substring) -> Int {
        var count = 0, inWord = false
        for byte in sentence.utf8 {
            let isWord = byte &- 0x30 < 10 || byte &- 0x41 < 26 || byte &- 0x61 < 26 || byte >= 0x80
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}

/// One link between the sentences of a unit's two texts: the Dutch sentences `nl` translate
/// the French `fr`, each a UTF-8 byte range of its language's text (the unit's passages
/// joined, `TextUnit.texts`). One side is empty for a sentence without a counterpart.
public struct SentenceLink: Sendable, Hashable {
    public var nl: [Range<Int>]
    public var fr: [Range<Int>]
    /// The posterior probability of this link among all alignments of the two texts' sentences.
    public var confidence: Double
    /// For a sentence alone: the share of its dictionary words that a neighbouring link
    /// translates and that link's own sentences in the same language do not, as when a
    /// translator folds a sentence into the next one rather than leaving it out. Nil where the
    /// dictionary cannot tell (fewer than three dictionary words, or no installed dictionary).
    public var shareTranslatedBeside: Double?

    public init(nl: [Range<Int>], fr: [Range<Int>], confidence: Double, shareTranslatedBeside: Double? = nil) {
        self.nl = nl
        self.fr = fr
        self.confidence = confidence
        self.shareTranslatedBeside = shareTranslatedBeside
    }

    public subscript(language: Language) -> [Range<Int>] { language == .nl ? nl : fr }
}
