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

    /// The numbers the text spells out (`twee`, `un`), as digits.
    public static func spelledNumbers(in text: String, language: Language) -> Set<String> {
        let table = language == .nl ? dutchKeys : frenchKeys
        var found: Set<String> = []
        forEachWord(in: text) { word, _ in
            if word.count <= 8, let number = table[key(word)] { found.insert(number) }
        }
        return found
    }

    /// A word of up to eight bytes, ASCII capitals in lower case, as one integer: looked up
    /// without making a String of every word.
    private static func key(_ word: some Sequence<UInt8>) -> UInt64 {
        word.reduce(0) { $0 << 8 | UInt64($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
    }

    private static let dutchKeys = Dictionary(uniqueKeysWithValues: dutch.map { (key($0.key.utf8), $0.value) })
    private static let frenchKeys = Dictionary(uniqueKeysWithValues: french.map { (key($0.key.utf8), $0.value) })

    /// Runs of letters and digits, split on scalars (not grapheme clusters).
    public static func words(in text: String) -> [Substring] {
        var result: [Substring] = []
        forEachWord(in: text) { _, range in result.append(substring(text, range)) }
        return result
    }

    /// Calls `body` with the UTF-8 bytes of each word of `words(in:)` and their offsets in
    /// `text`, making no Substring: the checks look at most words only to pass them by.
    /// ASCII and the accented letters of Latin-1 (`C3 xx`) need no Unicode table.
    public static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = -1, i = 0
            while i < bytes.count {
                let (value, width) = decodeScalar(bytes, at: i)
                let isWord = value < 0x80
                    ? value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26
                    : value &- 0xC0 < 0x40 ? value != 0xD7 && value != 0xF7 : isWordScalar(value)  // À–ÿ but × and ÷
                if isWord {
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
        "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6", "zeven": "7",
        "acht": "8", "negen": "9", "tien": "10", "elf": "11", "twaalf": "12", "twintig": "20", "dertig": "30",
        "veertig": "40", "vijftig": "50", "honderd": "100", "duizend": "1000",
    ]
    private static let french: [String: String] = [
        "un": "1", "une": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7",
        "huit": "8", "neuf": "9", "dix": "10", "onze": "11", "douze": "12", "vingt": "20", "trente": "30",
        "quarante": "40", "cinquante": "50", "cent": "100", "mille": "1000",
    ]
}
