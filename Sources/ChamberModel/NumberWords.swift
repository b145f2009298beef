/// Numbers as digits and as words in both languages, so that `1 miljard euro` and
/// `un milliard d'euros` are the same number.
public enum NumberWords {
    /// Digit sequences (`2025`, and `3` and `758` of `3.758`); single digits too.
    public static func digitSequences(in text: String) -> Set<String> {
        var found: Set<String> = []
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                guard bytes[i] &- 0x30 < 10 else { i += 1; continue }
                let start = i
                while i < bytes.count && bytes[i] &- 0x30 < 10 { i += 1 }
                found.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            }
        }
        return found
    }

    /// Digit sequences and the numbers the text spells out, as digits.
    public static func numbers(in text: String, language: Language) -> Set<String> {
        digitSequences(in: text).union(spelledNumbers(in: text, language: language))
    }

    /// The numbers the text spells out, as digits: cardinals (`twee`, `un`, `nul`, `zéro`),
    /// compounds (`eenentwintig`, `honderdvijftig`, `dix-neuf`, `vingt et un`,
    /// `quatre-vingt-dix`), ordinals (`tweede`, `derde`, `premier`, `deuxième`) and Roman
    /// numerals after a word that numbers a part (`titre II`, `hoofdstuk III`). Words joined
    /// by a space also count alone (`een twintigtal` is no 21), those joined by a hyphen not.
    public static func spelledNumbers(in text: String, language: Language) -> Set<String> {
        var found: Set<String> = []
        var run = NumberRun()
        var previousEnd = -1, afterPartWord = false, connector = false
        var copy = text
        copy.withUTF8 { bytes in
            forEachWord(in: text) { word, range in
                let gap = previousEnd >= 0 ? bytes[previousEnd..<range.lowerBound] : bytes[0..<0]
                let joined = gap.count == 1 && (gap.first == 0x20 || gap.first == 0x2D)
                previousEnd = range.upperBound
                if afterPartWord, let roman = romanValue(word) { found.insert(String(roman)) }
                afterPartWord = word.count <= 13 && partWords[key(lowercased: word)] != nil
                if language == .fr, joined, !run.isEmpty, !connector, equals(word, "et") { connector = true; return }
                let values = language == .nl ? dutchValues(word) : frenchValues(word)
                // `vingt et un`: `et` joins only a ten and a unit.
                let continues = joined && !run.isEmpty && (!connector || values.map { $0 == [1] || $0 == [11] } == true)
                connector = false
                if let values, continues, !run.isOrdinal {
                    run.append(values, spaced: gap.first == 0x20)
                } else {
                    run.flush(into: &found, language)
                    if let values { run.append(values, spaced: false) }
                }
                run.isOrdinal = run.isOrdinal || (values != nil && isOrdinal(word))
            }
        }
        run.flush(into: &found, language)
        return found
    }

    /// The words of one spelled-out number, evaluated once the number ends.
    private struct NumberRun {
        private var words: [[Int]] = []
        private var spaced = false
        var isOrdinal = false
        var isEmpty: Bool { words.isEmpty }

        mutating func append(_ values: [Int], spaced: Bool) {
            words.append(values)
            self.spaced = self.spaced || spaced
        }

        mutating func flush(into found: inout Set<String>, _ language: Language) {
            guard !words.isEmpty else { return }
            found.insert(String(NumberWords.value(of: words.flatMap { $0 }, language: language)))
            if spaced, words.count > 1 { for word in words { found.insert(String(NumberWords.value(of: word, language: language))) } }
            words = []
            spaced = false
            isOrdinal = false
        }
    }

    /// The value of number words in order: units and tens add up, `honderd`/`cent` multiply
    /// what comes before, `duizend`/`mille` close a group; in French `quatre vingt` is 80.
    static func value(of parts: [Int], language: Language) -> Int {
        var total = 0, current = 0, previous = 0
        for part in parts {
            switch part {
            case 100: current = max(current, 1) * 100
            case 1000: total += max(current, 1) * 1000; current = 0
            case 20 where previous == 4 && language == .fr: current += 76  // quatre-vingt(s): 4 × 20
            default: current += part
            }
            previous = part
        }
        return total + current
    }

    /// A Dutch word as the values of its parts (`eenentwintig` → 1, 20), with an ordinal
    /// ending (`tweede`, `twintigste`); nil when the word is no number.
    static func dutchValues(_ word: UnsafeBufferPointer<UInt8>) -> [Int]? {
        if let value = dutchKeys[key(lowercased: word)] { return [value] }
        // Most words fail on their first letters: no array is made for them.
        guard (6...48).contains(word.count), longestPart(word, at: 0) != nil else { return nil }
        var parts: [Int] = [], i = 0
        while i < word.count {
            if !parts.isEmpty, ["ste", "de"].contains(where: { matches(word, at: i, $0) && i + $0.utf8.count == word.count }) { return parts }
            // `en` / `ën` between a unit and a ten (`eenentwintig`, `drieëndertig`).
            if let last = parts.last, last < 10, let connector = ["en", "ën"].first(where: { matches(word, at: i, $0) }),
               let (next, _) = longestPart(word, at: i + connector.utf8.count), (20...90).contains(next) {
                i += connector.utf8.count
                continue
            }
            guard let (value, length) = longestPart(word, at: i) else { return nil }
            parts.append(value)
            i += length
        }
        return parts
    }

    /// Whether `part` (in lower case) stands in `word` at `i`, ASCII capitals aside.
    private static func matches(_ word: UnsafeBufferPointer<UInt8>, at i: Int, _ part: String) -> Bool {
        let bytes = part.utf8
        guard i >= 0, i + bytes.count <= word.count else { return false }
        return zip(word[i..<(i + bytes.count)], bytes).allSatisfy { ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == $1 }
    }

    private static func longestPart(_ word: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        guard i < word.count else { return nil }
        let first = word[i] &- 0x41 < 26 ? word[i] | 0x20 : word[i]
        return dutchParts[Int(first)].first { matches(word, at: i, $0.text) }.map { ($0.value, $0.text.utf8.count) }
    }

    /// The parts Dutch writes together, by their first byte, longest first so that
    /// `zeventien` is not `zeven`: most words have no part at their start.
    private static let dutchParts: [[(text: String, value: Int)]] = {
        var parts = [[(text: String, value: Int)]](repeating: [], count: 256)
        for (text, value) in dutch where text != "nul" { parts[Int(text.utf8.first!)].append((text, Int(value)!)) }
        return parts.map { $0.sorted { $0.text.utf8.count > $1.text.utf8.count } }
    }()

    /// A French word as its value (`dix`, `vingts`, `deuxième`, `premier`); nil when the word
    /// is no number.
    static func frenchValues(_ word: UnsafeBufferPointer<UInt8>) -> [Int]? {
        if let value = frenchKeys[key(lowercased: word)] { return [value] }
        // The plural of `vingt` and `cent`; `-ième` on a cardinal's stem (`quatr`, `cinqu`, `neuv`).
        guard (4...20).contains(word.count), ["ts", "ième", "ièmes"].contains(where: { matches(word, at: word.count - $0.utf8.count, $0) }) else { return nil }
        var lower = word.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        if lower.last == 0x73 { lower.removeLast() }
        let ieme = Array("ième".utf8)
        if lower.count > ieme.count, lower.suffix(ieme.count).elementsEqual(ieme) {
            lower.removeLast(ieme.count)
            if lower.last == 0x75 { lower.removeLast() }             // cinqu → cinq
            if lower.last == 0x76 { lower[lower.count - 1] = 0x66 }  // neuv → neuf
        }
        for candidate in [lower, lower + [0x65]] {
            if let value = frenchKeys[key(lowercased: candidate)] { return [value] }
        }
        return nil
    }

    /// Whether a number word is an ordinal (`tweede`, `troisième`), which ends its number.
    private static func isOrdinal(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let lower = word.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        return ["ste", "de", "ième", "ièmes", "premier", "première", "second", "seconde"].contains { lower.suffix($0.utf8.count).elementsEqual($0.utf8) }
    }

    /// `II`, `XIV`: the value of a Roman numeral in capitals (I to MMMCMXCIX).
    static func romanValue(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let digits: [UInt8: Int] = [0x49: 1, 0x56: 5, 0x58: 10, 0x4C: 50, 0x43: 100, 0x44: 500, 0x4D: 1000]
        guard (1...15).contains(word.count) else { return nil }
        var total = 0, previous = 0
        for byte in word.reversed() {
            guard let digit = digits[byte] else { return nil }
            total += digit < previous ? -digit : digit
            previous = max(previous, digit)
        }
        // Only the canonical spelling: `IIII` and `IC` are no numerals.
        return String(decoding: word, as: UTF8.self) == roman(total) ? total : nil
    }

    private static func roman(_ value: Int) -> String {
        let table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                     (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, result = ""
        for (amount, letters) in table { while rest >= amount { result += letters; rest -= amount } }
        return result
    }

    /// Words after which a Roman numeral numbers a part: `titel II`, `chapitre III`.
    private static let partWords = ScoreTable(["titel", "titre", "hoofdstuk", "chapitre", "afdeling", "section", "deel",
                                               "partie", "boek", "livre", "bijlage", "annexe"].map { (key(lowercased: Array($0.utf8)), true) })

    private static func equals(_ word: UnsafeBufferPointer<UInt8>, _ other: StaticString) -> Bool {
        word.count == other.utf8CodeUnitCount && zip(word, UnsafeBufferPointer(start: other.utf8Start, count: other.utf8CodeUnitCount)).allSatisfy { $0 | 0x20 == $1 }
    }

    /// A word's hash (FNV-1a), ASCII capitals in lower case: looked up without making a
    /// String of every word. Over the few words of these tables, 64 bits do not collide.
    private static func key(lowercased word: some Sequence<UInt8>) -> UInt64 {
        word.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1 &- 0x41 < 26 ? $1 | 0x20 : $1)) &* 1_099_511_628_211 }
    }

    private static let dutchKeys = ScoreTable((dutch.merging(dutchOrdinals) { a, _ in a }).map { (key(lowercased: $0.key.utf8), Int($0.value)!) })
    private static let frenchKeys = ScoreTable((french.merging(frenchOrdinals) { a, _ in a }).map { (key(lowercased: $0.key.utf8), Int($0.value)!) })

    /// Runs of letters and digits, split on scalars (not grapheme clusters).
    public static func words(in text: String) -> [Substring] {
        var result: [Substring] = []
        forEachWord(in: text) { _, range in result.append(substring(text, range)) }
        return result
    }

    /// Calls `body` with the UTF-8 bytes of each word of `words(in:)` and their offsets in
    /// `text`, making no Substring: the checks look at most words only to pass them by.
    /// ASCII and the accented letters of Latin-1 (`C3 xx`) need no Unicode table. With
    /// `hyphenated`, a hyphen between two word characters is inside the word (`MAOC-N`).
    public static func forEachWord(in text: String, hyphenated: Bool = false, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            func isWord(_ value: UInt32) -> Bool {
                value < 0x80
                    ? value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26
                    : value &- 0xC0 < 0x40 ? value != 0xD7 && value != 0xF7 : isWordScalar(value)  // À–ÿ but × and ÷
            }
            var start = -1, i = 0
            while i < bytes.count {
                let (value, width) = decodeScalar(bytes, at: i)
                if isWord(value) || hyphenated && value == 0x2D && start >= 0 && i + 1 < bytes.count && isWord(decodeScalar(bytes, at: i + 1).value) {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<i]), start..<i)
                    start = -1
                }
                i += width
            }
            if start >= 0 { body(UnsafeBufferPointer(rebasing: bytes[start...]), start..<bytes.count) }
        }
    }

    private static func isWordScalar(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The part of `text` at these UTF-8 offsets (which fall on scalar boundaries).
    public static func substring(_ text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    private static let dutch: [String: String] = [
        "nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6", "zeven": "7",
        "acht": "8", "negen": "9", "tien": "10", "elf": "11", "twaalf": "12", "dertien": "13", "veertien": "14",
        "vijftien": "15", "zestien": "16", "zeventien": "17", "achttien": "18", "negentien": "19", "twintig": "20",
        "dertig": "30", "veertig": "40", "vijftig": "50", "zestig": "60", "zeventig": "70", "tachtig": "80",
        "negentig": "90", "honderd": "100", "duizend": "1000",
    ]
    /// The ordinals that are not a cardinal and `de` or `ste`.
    private static let dutchOrdinals: [String: String] = ["eerste": "1", "derde": "3"]
    private static let french: [String: String] = [
        "zéro": "0", "un": "1", "une": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7",
        "huit": "8", "neuf": "9", "dix": "10", "onze": "11", "douze": "12", "treize": "13", "quatorze": "14",
        "quinze": "15", "seize": "16", "vingt": "20", "trente": "30", "quarante": "40", "cinquante": "50",
        "soixante": "60", "septante": "70", "huitante": "80", "octante": "80", "nonante": "90", "cent": "100", "mille": "1000",
    ]
    /// The ordinals that are not a cardinal and `-ième`.
    private static let frenchOrdinals: [String: String] = ["premier": "1", "première": "1", "unième": "1", "second": "2", "seconde": "2"]
}
