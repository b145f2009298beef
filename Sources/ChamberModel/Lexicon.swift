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
}
