/// Dates as the Chamber prints them in both languages: `6 februari 2026`, `1er janvier 2026`,
/// `vendredi 6 février 2026`.
public enum Dates {
    static var months: [String: Int] { Lexicon.months }
    static let weekdays: Set<String> = [
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]

    /// The ISO 8601 date when `text` is a date and nothing else.
    public static func isoDate(_ text: some StringProtocol) -> String? {
        // `vendredi 19 septembre 2026,` is the longest a date gets; most texts are not dates.
        guard text.utf8.count <= 40, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Three words, or four with the weekday: counted before any String is made.
        guard (3...4).contains(text.spaceSeparatedWordCount) else { return nil }
        var words = text.lowercased().split(separator: " ").map(String.init)
        if let first = words.first, weekdays.contains(String(first.trimmingSuffix(","))) { words.removeFirst() }
        guard words.count == 3 else { return nil }
        var dayText = words[0]
        if dayText.hasSuffix("er") { dayText.removeLast(2) }
        guard let day = Int(dayText), let month = months[words[1]],
              let year = Int(words[2]), (1830...2999).contains(year), (1...daysIn(month, year)).contains(day) else { return nil }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// The language of a date alone on its line, which its month's name tells
    /// (`6 februari 2026`, `6 février 2026`).
    public static func language(_ text: some StringProtocol) -> Language? {
        guard isoDate(text) != nil else { return nil }
        return text.lowercased().split(separator: " ").lazy.compactMap { Lexicon.monthLanguages[String($0)] }.first
    }

    /// A line of two dates, one a language (`6 februari 2026 6 février 2026`, a cover's
    /// two cells run together): the two dates.
    public static func pair(_ text: Substring) -> (Substring, Substring)? {
        guard text.utf8.count <= 80, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let words = text.split(separator: " ")
        guard (6...8).contains(words.count) else { return nil }
        for cut in 3...(words.count - 3) {
            let first = text[words[0].startIndex..<words[cut - 1].endIndex]
            let second = text[words[cut].startIndex..<words[words.count - 1].endIndex]
            if let a = language(first), let b = language(second), a != b { return (first, second) }
        }
        return nil
    }
}

extension Dates {
    /// The dates mentioned in running text (`… van 18 juli 1966 op …`), as ISO 8601.
    public static func mentions(in text: String) -> [String] {
        // A date has a year: no four digits in a row, no date.
        var run = 0, hasYear = false
        for byte in text.utf8 {
            run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
            if run == 4 { hasYear = true; break }
        }
        guard hasYear else { return [] }
        let words = text.spaceSeparatedWords.map { $0.trimmingASCII { $0 < 0x80 && Self.punctuation[Int($0)] } }
        var result: [String] = []
        // `day month year`: a month name stands between two words that start with a digit.
        func startsWithDigit(_ word: Substring) -> Bool { word.utf8.first.map { $0 &- 0x30 < 10 } ?? false }
        for i in words.indices.dropFirst().dropLast()
        where startsWithDigit(words[i + 1]) && startsWithDigit(words[i - 1]) && months[words[i].lowercased()] != nil {
            if let iso = isoDate("\(words[i - 1]) \(words[i]) \(words[i + 1])") { result.append(iso) }
        }
        return result
    }

    /// `,.;:()`, which may stick to the words of a date, by byte.
    private static let punctuation: [Bool] = (0..<128).map { ",.;:()".utf8.contains(UInt8($0)) }
}

/// Days in a month of the Gregorian calendar.
func daysIn(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}
