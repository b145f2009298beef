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
        return Set(words(in: text).lazy.filter { $0.utf8.count <= 8 }.compactMap { table[key($0)] })
    }

    /// A word of up to eight bytes, ASCII capitals in lower case, as one integer: looked up
    /// without making a String of every word.
    private static func key(_ word: Substring) -> UInt64 {
        word.utf8.reduce(0) { $0 << 8 | UInt64($1 &- 0x41 < 26 ? $1 | 0x20 : $1) }
    }

    private static let dutchKeys = Dictionary(uniqueKeysWithValues: dutch.map { (key(Substring($0.key)), $0.value) })
    private static let frenchKeys = Dictionary(uniqueKeysWithValues: french.map { (key(Substring($0.key)), $0.value) })

    /// Runs of letters and digits, split on scalars (not grapheme clusters). Walks the
    /// UTF-8 bytes: ASCII and the accented letters of Latin-1 (`C3 xx`) need no Unicode table.
    public static func words(in text: String) -> [Substring] {
        var result: [Substring] = []
        let bytes = text.utf8
        var start: String.Index?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            var next = bytes.index(after: index)
            let isWordScalar: Bool
            if byte < 0x80 {
                isWordScalar = byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
            } else if byte == 0xC3, next < bytes.endIndex, bytes[next] != 0x97, bytes[next] != 0xB7 {
                isWordScalar = true  // À–ÿ but × and ÷
                next = bytes.index(after: next)
            } else {
                let scalar = text.unicodeScalars[index]
                isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                next = text.unicodeScalars.index(after: index)
            }
            if isWordScalar {
                if start == nil { start = index }
            } else if let first = start {
                result.append(text[first..<index])
                start = nil
            }
            index = next
        }
        if let first = start { result.append(text[first...]) }
        return result
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
