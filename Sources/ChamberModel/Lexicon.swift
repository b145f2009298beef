/// The words of Chamber documents that the stages look for, in both languages, in one place.
public enum Lexicon {
    /// Courtesy titles before a name (`mevrouw Barbara Pas`, `Mme Barbara Pas`). `M.` is
    /// left out: in Dutch it is as likely an initial.
    public static let courtesyTitles: [Language: [String]] = [
        .nl: ["mevrouw", "Mevrouw", "mevr.", "Mevr.", "de heer", "De heer", "dhr.", "Dhr."],
        .fr: ["Mme", "Mmes", "Mlle", "Madame", "Monsieur", "Mesdames", "Messieurs", "MM."],
    ]

    /// Words that an acronym skips (`lois coordonnées sur l’emploi des langues`: L, C, E, L),
    /// lower case, both languages.
    public static let functionWords: Set<String> = [
        "de", "het", "een", "van", "der", "den", "op", "in", "en", "voor", "met", "te", "tot", "bij", "om", "aan",
        "le", "la", "les", "l", "d", "des", "du", "sur", "et", "à", "au", "aux", "pour", "par", "dans", "en", "ou", "of",
    ]

    /// The words that open a table or figure caption (`Tabel 9.`, `Tableau 10.`).
    public static let captionWords: Set<Substring> = ["Tabel", "Tableau", "Figuur", "Figure", "Grafiek", "Graphique"]

    /// Whether a line opens a caption: a caption word, a number, then `.`, `:` or a space.
    public static func opensCaption(_ line: some StringProtocol) -> Bool {
        guard let space = line.firstIndex(of: " "), captionWords.contains(Substring(line[..<space])) else { return false }
        let rest = line[line.index(after: space)...].utf8
        let digits = rest.prefix { $0 &- 0x30 < 10 }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        return rest.dropFirst(digits.count).first.map { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || $0 == 0x20 } ?? true
    }

    /// The marks that close a list item, request or consideration, compared between the
    /// languages (P303).
    public static let listClosings: Set<Character> = [";", ".", ":", ","]
}
