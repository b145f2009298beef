import ChamberModel

/// Numbers as digits and as words in both languages, so that `1 miljard euro` and
/// `un milliard d'euros` are the same number.
enum NumberWords {
    /// Digit sequences (`2025`, and `3` and `758` of `3.758`); single digits too.
    static func digitSequences(in text: String) -> Set<String> {
        Set(text.split { !$0.isNumber }.map(String.init))
    }

    /// Digit sequences and the numbers the text spells out, as digits.
    static func numbers(in text: String, language: Language) -> Set<String> {
        var numbers = digitSequences(in: text)
        let words = language == .nl ? dutch : french
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if let value = words[String(word)] { numbers.insert(value) }
        }
        return numbers
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
