/// The label forms that open numbered and lettered units, shared by the read stage (a
/// label never continues a cut paragraph) and the parse stage (which gives them meaning).
public enum Labels {
    public enum Form: Sendable, Hashable {
        /// `1.`, `3.1.`, `5.4.`: requests, articles, numbered headings.
        case number
        /// `A.`, `AB.`: considerations, lettered headings.
        case upperLetter
        /// `II.`: roman-numbered headings.
        case roman
        /// `a)` or `a.`: list items.
        case lowerLetter
    }

    public struct Leading: Sendable, Equatable {
        public var form: Form
        /// The label without its punctuation: `3.1`, `A`, `a`.
        public var label: String
        /// UTF-8 length of the label with its punctuation, before the following space.
        public var length: Int

        public init(form: Form, label: String, length: Int) {
            self.form = form
            self.label = label
            self.length = length
        }
    }

    /// The label that opens `text`, if any. A label is followed by a space.
    public static func leading(_ text: some StringProtocol) -> Leading? {
        let b = Array(text.utf8.prefix(24))
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        func isUpper(_ i: Int) -> Bool { i < b.count && b[i] >= 0x41 && b[i] <= 0x5A }
        func isLower(_ i: Int) -> Bool { i < b.count && b[i] >= 0x61 && b[i] <= 0x7A }
        func byte(_ i: Int) -> UInt8? { i < b.count ? b[i] : nil }
        func spaceAt(_ i: Int) -> Bool { byte(i) == 0x20 }
        let dot = UInt8(ascii: "."), paren = UInt8(ascii: ")")
        if isDigit(0) {
            var i = 0
            while true {
                let start = i
                while isDigit(i) { i += 1 }
                guard i > start, i - start <= 3, byte(i) == dot else { return nil }
                i += 1
                if spaceAt(i) {
                    return Leading(form: .number, label: String(decoding: b[0..<(i - 1)], as: UTF8.self), length: i)
                }
                guard isDigit(i) else { return nil }
            }
        }
        if isUpper(0) {
            var i = 0
            while i < 5 && [UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X")].contains(byte(i) ?? 0) { i += 1 }
            if i >= 2, byte(i) == dot, spaceAt(i + 1) {
                return Leading(form: .roman, label: String(decoding: b[0..<i], as: UTF8.self), length: i + 1)
            }
            if byte(1) == dot, spaceAt(2) {
                return Leading(form: .upperLetter, label: String(decoding: b[0..<1], as: UTF8.self), length: 2)
            }
            // After Z come AA., AB., …
            if isUpper(1), byte(2) == dot, spaceAt(3) {
                return Leading(form: .upperLetter, label: String(decoding: b[0..<2], as: UTF8.self), length: 3)
            }
            return nil
        }
        if isLower(0), byte(1) == paren || byte(1) == dot, spaceAt(2) {
            return Leading(form: .lowerLetter, label: String(decoding: b[0..<1], as: UTF8.self), length: 2)
        }
        return nil
    }

    public static func startsWithLabel(_ text: some StringProtocol) -> Bool { leading(text) != nil }

    /// Whether a text opens with a point of a law's article (`1° in het eerste lid …`, `12°
    /// les mots …`): a number of three digits at most, a degree sign (or the ordinal `º` a
    /// word processor puts there), a space, a no-break one too. Not a label: such points stay
    /// in their article's text.
    public static func startsWithPoint(_ text: some StringProtocol) -> Bool {
        let scalars = text.unicodeScalars.prefix(6)
        let digits = scalars.prefix { ("0"..."9").contains($0) }.count
        let after = Array(scalars.dropFirst(digits).prefix(2))
        return (1...3).contains(digits) && after.count == 2 && (after[0] == "°" || after[0] == "º") && after[1].properties.isWhitespace
    }

    /// The label that is the whole text (`E.`, `a)`, `3.1.`, `II.`), as a layout that hangs
    /// labels in a margin sets it apart from its text; nil for any other text. Short: no
    /// longer text is copied to test it.
    public static func alone(_ text: Substring) -> Leading? {
        guard text.utf8.count <= 12, let label = leading(text + " "), label.length == text.utf8.count else { return nil }
        return label
    }

    /// The number of an article's heading, the whole text (`Article 1er`, `Artikel 1`,
    /// `Art. 2`, `Art. 2bis`): each language numbers its articles alike.
    public static func articleNumber(_ text: String) -> String? {
        guard text.hasPrefix("Art"), text.utf8.count <= 20 else { return nil }
        let words = text.split(separator: " ")
        guard words.count == 2, words[0].startsWithCapital, Lexicon.articleWords.contains(words[0].lowercased()) else { return nil }
        let number = words[1].trimmingSuffix("er").trimmingSuffix(".")
        return number.first?.isNumber == true ? String(number) : nil
    }

    /// A label alone that opens a unit's text: not a roman numeral, which numbers a heading
    /// (`II.`; a lone `I.` reads as the letter).
    public static func isAlone(_ text: Substring) -> Bool { alone(text).map { $0.form != .roman } ?? false }

    /// The form of a label as a unit keeps it (`3.1`, `B`, `II`, `b`), and for numbers their
    /// depth (`3` is 1, `3.1` is 2): what makes two labels siblings in an outline. `I`, `V`
    /// and `X` alone are roman numerals, unless they follow `previousLetter`, the last
    /// capital-letter label of the outline (`I` after `H`).
    public static func outlineForm(of label: String, previousLetter: String?) -> (form: Form, depth: Int) {
        if label.first?.isNumber == true { return (.number, label.split(separator: ".").count) }
        if label.first?.isLowercase == true { return (.lowerLetter, 1) }
        let roman = !label.isEmpty && label.allSatisfy { "IVX".contains($0) }
        if roman && (label.count >= 2 || previousLetter.map { !follows(label, $0) } ?? true) { return (.roman, 1) }
        return (.upperLetter, 1)
    }

    /// Whether `label` comes right after `previous` among the labels of one level: B after
    /// A, AA after Z, b after a, 4 after 3, 3.3 after 3.2 (not 3.9, nor 4.3). True for labels
    /// that do not compare (a letter after a number).
    public static func follows(_ label: String, _ previous: String) -> Bool {
        let a = label.split(separator: "."), b = previous.split(separator: ".")
        if let x = a.last.flatMap({ Int($0) }), let y = b.last.flatMap({ Int($0) }) {
            return a.count == b.count && a.dropLast() == b.dropLast() && x == y + 1
        }
        if let x = letterIndex(label), let y = letterIndex(previous), label.first!.isUppercase == previous.first!.isUppercase {
            return x == y + 1
        }
        return true
    }

    /// `A` = 1, `Z` = 26, `AA` = 27 (and the same in lower case): the place of a letter label.
    private static func letterIndex(_ label: String) -> Int? {
        guard !label.isEmpty, label.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }),
              label == label.uppercased() || label == label.lowercased() else { return nil }
        return label.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }

    /// Label order: `3.1` < `3.2` < `10`, `B` < `AA`.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "."), y = b.split(separator: ".")
        for (p, q) in zip(x, y) where p != q {
            if let m = Int(p), let n = Int(q) { return m < n }
            return p.count != q.count ? p.count < q.count : p < q
        }
        return x.count < y.count
    }

    /// A line that may open footnote 12 at the foot of a column: `12<TAB>…`, as `pdftotext`
    /// writes the notes of the Chamber's PDFs (`certain`); or, as other typesetters' notes come
    /// out, `12` alone or `12 Verslag …` (a capital or a quote after the number), or `12Verslag …`
    /// (a raised number that `pdftotext -raw` glued to its text: a capital, then lower case,
    /// right after it). Those may as
    /// well be a table cell or a line of text: whether they open a note is for its marker in
    /// the text above to tell (`ColumnAssembler`).
    public static func footnoteNumber(_ line: some StringProtocol) -> (number: String, certain: Bool)? {
        let bytes = line.utf8.drop { $0 == 0x20 }
        let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard (1...3).contains(digits.count), digits.first != 0x30 else { return nil }
        let number = String(decoding: digits, as: UTF8.self)
        let after = bytes.dropFirst(digits.count)
        if after.first == 0x09, bytes.count == line.utf8.count { return (number, true) }
        let rest = after.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if rest.isEmpty { return (number, false) }
        let opening = String(decoding: rest.prefix(8), as: UTF8.self).unicodeScalars.prefix(2)
        guard let first = opening.first else { return nil }
        if rest.count == after.count {
            return first.properties.isUppercase && opening.dropFirst().first?.properties.isLowercase == true ? (number, false) : nil
        }
        return first.properties.isUppercase || "“\"‘'«".unicodeScalars.contains(first) ? (number, false) : nil
    }
}
