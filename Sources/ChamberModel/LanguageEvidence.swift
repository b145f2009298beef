/// Tells Dutch from French by evidence that survives short, cut and noisy text: function
/// words (the most frequent words of each language, which the other language lacks),
/// words of the Chamber's own vocabulary, and spelling (é/è/ç… against ij/aa/sch…).
///
/// A score is a log-odds: positive means Dutch, negative French, zero no evidence
/// (numbers, names, party tags). Scores of neighbouring segments are combined by
/// `LanguageSequence`, so a short segment takes its language from its context.
public enum LanguageEvidence {
    static let dutchWords: Set<String> = [
        "het", "een", "van", "voor", "met", "op", "te", "is", "zijn", "niet", "dat", "die", "deze", "dit",
        "wordt", "worden", "werd", "ook", "aan", "bij", "om", "tot", "uit", "naar", "door", "als", "maar",
        "of", "hun", "wij", "zij", "er", "nog", "wel", "geen", "kan", "kunnen", "moet", "moeten", "over",
        "tegen", "binnen", "tussen", "onze", "ons", "hij", "zich", "heeft", "hebben", "zal", "zou", "zouden",
        "mevrouw", "heer", "heren", "dames", "januari", "februari", "maart", "mei", "juni", "juli",
        "augustus", "oktober", "overwegende", "gelet", "gezien", "verzoekt", "vraagt", "beveelt",
        "regering", "kamer", "artikel", "wet", "wetten", "waarbij", "wanneer", "hoe", "alle", "meer",
        "dan", "zo", "zoals", "ingediend", "toelichting", "voorstel", "resolutie", "wetsvoorstel",
        "volksvertegenwoordigers", "zittingsperiode", "zitting", "wat", "waar", "hier", "daar",
        "reeds", "enkel", "zeer", "jaar", "elke", "iedere", "geen", "bepalingen", "betreft", "federale",
        "ze", "men", "al", "mag", "wil", "willen", "gaan", "daarom", "omdat", "indien", "zonder", "sinds",
    ]
    static let frenchWords: Set<String> = [
        "le", "la", "les", "des", "du", "un", "une", "et", "est", "que", "qui", "pour", "dans", "par",
        "sur", "au", "aux", "ce", "cette", "ces", "il", "elle", "ils", "elles", "sont", "pas", "ne", "plus",
        "avec", "son", "sa", "ses", "leur", "leurs", "nous", "notre", "nos", "être", "avoir", "entre",
        "mais", "ou", "où", "d", "l", "qu", "n", "j", "janvier", "février", "mars", "avril",
        "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "considérant", "demande",
        "gouvernement", "chambre", "loi", "lois", "article", "articles", "madame", "mme", "mesdames", "messieurs", "déposée",
        "déposé", "développements", "proposition", "résolution", "représentants", "législature", "session",
        "fait", "peut", "doit", "été", "ont", "été", "sans", "tout", "tous", "toute", "toutes", "même",
        "comme", "si", "aussi", "donc", "ainsi", "selon", "chaque", "afin", "lorsque", "dont", "y",
        "concernant", "relative", "relatif", "recommande", "prie", "fédéral", "belge", "belges", "année",
    ]

    /// Log-odds of character trigrams (space marks a word boundary), from a large corpus,
    /// keyed by the three scalars packed into one integer.
    static let trigramWeights: ScoreTable<Double> = {
        // Parsed from bytes: `Double(String)` and `split` per line cost more than the rest
        // of a small document's conversion.
        var entries: [(UInt64, Double)] = []
        entries.reserveCapacity(2048)
        for line in trigramWeightTable.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let scalars = Array(Substring(line[..<tab]).unicodeScalars)
            guard scalars.count == 3 else { continue }
            entries.append((pack(scalars[0].value, scalars[1].value, scalars[2].value), decimal(line[line.index(after: tab)...])))
        }
        return ScoreTable(entries)
    }()

    /// `-2.78` → -2.78: the table's number format, no exponent.
    private static func decimal(_ bytes: Substring.UTF8View.SubSequence) -> Double {
        var value = 0.0, scale = 0.0, negative = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): scale = 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value * 10 + Double(byte - UInt8(ascii: "0"))
                if scale > 0 { scale *= 10 }
            default: break
            }
        }
        let result = scale > 0 ? value / scale : value
        return negative ? -result : result
    }

    private static func pack(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c)
    }

    /// Words that settle the language of a line on their own: month names and the fixed
    /// headings of Chamber documents (a cover page interleaves the languages line by line).
    static let decisiveWords: [String: Double] = {
        var table: [String: Double] = [:]
        for word in ["januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
                     "toelichting", "wetsvoorstel", "wetsontwerp", "resolutie", "volksvertegenwoordigers",
                     "zittingsperiode", "buitengewone", "ingediend", "verslag"] { table[word] = 6 }
        for word in ["janvier", "février", "mars", "avril", "juin", "juillet", "août", "décembre",
                     "développements", "proposition", "projet", "résolution", "représentants",
                     "législature", "extraordinaire", "déposée", "déposé", "rapport"] { table[word] = -6 }
        return table
    }()

    /// Trigram evidence counts for less than a word's: neighbouring trigrams overlap.
    static let trigramScale = 0.15

    /// Whether a text tagged `language` reads as the other one: long enough to tell (eight
    /// words or more), and strong evidence from its opening (the first 400 bytes tell as
    /// well as the whole). An untranslated paragraph, or text the reading put in the wrong
    /// column: the check stage reports it (P301), the align stage trusts its link less.
    public static func contradicts(_ text: String, _ language: Language) -> Bool {
        guard text.utf8.reduce(0, { $0 + ($1 == 0x20 ? 1 : 0) }) >= 7 else { return false }
        var opening = Substring(text)
        if text.utf8.count > 400 {
            let end = text.utf8.index(text.utf8.startIndex, offsetBy: 400)
            opening = text[..<(text[..<end].lastIndex(of: " ") ?? end)]
        }
        let evidence = score(opening)
        return language == .nl ? evidence < -8 : evidence > 8
    }

    /// Whether two texts read as different languages, each with some evidence (odds of
    /// about 7 to 1 or more): where a column ends and the other language's begins.
    public static func changes(from text: some StringProtocol, to next: some StringProtocol) -> Bool {
        let a = score(Substring(text)), b = score(Substring(next))
        return a * b < 0 && min(abs(a), abs(b)) >= 3
    }

    /// Evidence of one text: positive for Dutch, negative for French. On the UTF-8 bytes:
    /// the read stage scores every line, the check stage every text.
    public static func score(_ text: Substring) -> Double {
        func evidence(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
            wordEvidence(bytes) + trigramScale * trigramEvidence(bytes)
        }
        if let score = text.utf8.withContiguousStorageIfAvailable(evidence) { return score }
        var copy = String(text)
        return copy.withUTF8(evidence)
    }

    static func trigramEvidence(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        var total = 0.0
        var first: UInt32 = 0x20, second: UInt32 = 0x20
        var previousWasSpace = true
        var i = 0
        while i < bytes.count {
            let (value, width) = decodeScalar(bytes, at: i)
            i += width
            // Letters in lower case: ASCII by a bit, Latin-1 (`À`–`Þ`) by an offset, others
            // through Unicode's tables; anything else is a word boundary.
            var letter: UInt32 = 0
            if value < 0x80 {
                if (value | 0x20) &- 0x61 < 26 { letter = value | 0x20 }
            } else if value == 0xD7 || value == 0xF7 {
                letter = 0
            } else if value &- 0xC0 < 0x1F {
                letter = value + 0x20
            } else if value &- 0xDF < 0x21 {
                letter = value
            } else if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                letter = (scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar).value
            }
            if letter == 0 {
                if previousWasSpace { continue }
                letter = 0x20
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
            total += trigramWeights[pack(first, second, letter)] ?? 0
            first = second
            second = letter
        }
        if !previousWasSpace { total += trigramWeights[pack(first, second, 0x20)] ?? 0 }
        return total
    }

    /// Function words, decisive words and spelling, word by word.
    static func wordEvidence(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        var total = 0.0
        var start = -1
        var hash = hashSeed
        for i in 0..<bytes.count {
            let byte = bytes[i]
            // Letters: ASCII letters and any byte of a multi-byte UTF-8 sequence (accents).
            if byte &- 0x41 < 26 || byte &- 0x61 < 26 || byte >= 0x80 {
                if start < 0 { start = i }
                hash = (hash ^ UInt64(lower(byte))) &* 0x100_0000_01b3
            } else if start >= 0 {
                total += wordScore(UnsafeBufferPointer(rebasing: bytes[start..<i]), hash: hash)
                start = -1
                hash = hashSeed
            }
        }
        if start >= 0 { total += wordScore(UnsafeBufferPointer(rebasing: bytes[start...]), hash: hash) }
        return total
    }

    /// An ASCII capital in lower case; any other byte as it is.
    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// FNV-1a over the bytes of a word.
    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(hashSeed) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// The scores of the listed words, keyed by a hash of their bytes, so that scoring a word
    /// needs no String: decisive words ±6, function words ±1.5, words in both lists 0.
    private static let listedWords: ScoreTable<Double> = {
        var table: [UInt64: Double] = [:]
        for word in dutchWords { table[hash(Array(word.utf8))] = frenchWords.contains(word) ? 0 : 1.5 }
        for word in frenchWords where !dutchWords.contains(word) { table[hash(Array(word.utf8))] = -1.5 }
        for (word, score) in decisiveWords { table[hash(Array(word.utf8))] = score }
        return ScoreTable(table.map { ($0.key, $0.value) })
    }()

    /// A word's spelling evidence, in one pass over its bytes (capitals folded): French accents
    /// (`é è ê à â ô û ù î`, `œ`, and capitals `É È À`; `ç`, `Ç` count more) against Dutch
    /// letter pairs (`ij aa uu oo oe`, `sch`), then the endings of each language.
    private static func wordScore(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Double {
        if let listed = listedWords[hash] { return listed }
        if word.count < 3 { return 0 }
        var french = false, dutch = false, cedilla = false
        for i in 0..<(word.count - 1) {
            let (a, b) = (lower(word[i]), lower(word[i + 1]))
            switch (a, b) {
            case (0xC3, 0xA7), (0xC3, 0x87):
                cedilla = true
            case (0xC3, 0xA9), (0xC3, 0xA8), (0xC3, 0xAA), (0xC3, 0xA0), (0xC3, 0xA2), (0xC3, 0xB4),
                 (0xC3, 0xBB), (0xC3, 0xB9), (0xC3, 0xAE), (0xC5, 0x93), (0xC3, 0x89), (0xC3, 0x88), (0xC3, 0x80):
                french = true
            case (0x69, 0x6A), (0x61, 0x61), (0x75, 0x75), (0x6F, 0x6F), (0x6F, 0x65):
                dutch = true
            case (0x73, 0x63) where i + 2 < word.count && lower(word[i + 2]) == 0x68:
                dutch = true
            default: break
            }
        }
        var s = 0.0
        // Dutch borrows é and è (`één`, `crème`), hardly ever ç (`façade`).
        if cedilla { s -= 3 } else if french { s -= 0.8 }
        if dutch { s += 0.6 }
        if ends(word, "tion") || ends(word, "ique") || ends(word, "eux") || ends(word, "aire") || ends(word, "ment") && !ends(word, "ement") { s -= 0.4 }
        if ends(word, "heid") || ends(word, "lijk") || ends(word, "ing") || ends(word, "tie") || ends(word, "isch") { s += 0.4 }
        return s
    }

    private static func ends(_ word: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard word.count > count + 1 else { return false }
        let start = suffix.utf8Start
        for i in 0..<count where lower(word[word.count - count + i]) != start[i] { return false }
        return true
    }
}

/// Values (scores, numbers) keyed by 64-bit integers (packed trigrams, word hashes), in an open-addressing
/// table with a multiplicative hash: the read stage looks one up per letter, and
/// `Dictionary`'s seeded SipHash cost more than the rest of the scoring.
struct ScoreTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private var occupied: [Bool]
    private let shift: UInt64

    init(_ entries: [(UInt64, Value)]) {
        var bits = 4
        while 1 << bits < entries.count * 2 { bits += 1 }
        shift = UInt64(64 - bits)
        keys = [UInt64](repeating: 0, count: 1 << bits)
        // Unoccupied slots hold a copy of the first value, never read.
        values = entries.first.map { [Value](repeating: $0.1, count: 1 << bits) } ?? []
        occupied = [Bool](repeating: false, count: 1 << bits)
        for (key, value) in entries {
            var slot = self.slot(key)
            while occupied[slot] && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            (keys[slot], values[slot], occupied[slot]) = (key, value, true)
        }
    }

    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    subscript(key: UInt64) -> Value? {
        var slot = slot(key)
        while occupied[slot] {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }
}
