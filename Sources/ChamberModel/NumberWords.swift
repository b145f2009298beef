/// Numbers as digits and as words in both languages, so that `1 miljard euro` and
/// `un milliard d'euros` are the same number.
public enum NumberWords {
    /// Digit sequences (`2025`, and `3` and `758` of `3.758`); single digits too.
    public static func digitSequences(in text: String) -> Set<String> {
        Set(text.utf8.split { $0 < 0x30 || $0 > 0x39 }.map { String(decoding: $0, as: UTF8.self) })
    }

    /// Digit sequences and the numbers the text spells out, as digits.
    public static func numbers(in text: String, language: Language) -> Set<String> {
        digitSequences(in: text).union(spelledNumbers(in: text, language: language))
    }

    /// The numbers the text spells out (`twee`, `un`), as digits.
    public static func spelledNumbers(in text: String, language: Language) -> Set<String> {
        let table = language == .nl ? dutch : french
        return Set(words(in: text).lazy.filter { $0.utf8.count <= 8 }.compactMap { table[$0.lowercased()] })
    }

    /// Runs of letters and digits, split on scalars (not grapheme clusters).
    public static func words(in text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.unicodeScalars.startIndex
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWordScalar = value < 0x80
                ? (value >= 0x30 && value <= 0x39) || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar {
                if start == nil { start = index }
            } else if let first = start {
                result.append(text[first..<index])
                start = nil
            }
            index = text.unicodeScalars.index(after: index)
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
