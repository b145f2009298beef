/// The words of Chamber documents that the stages look for, in both languages, in one place.
public enum Lexicon {
    /// `DOC 56 0123/001`, a cover's document number on a line of its own: the number, or
    /// nil. A unit of its own, as a date alone is.
    public static func documentNumber(_ text: some StringProtocol) -> String? {
        // Most lines are none: the cheap test first.
        guard text.utf8.count == 15, text.hasPrefix("DOC ") else { return nil }
        let parts = text.split(separator: " ")
        guard parts.count == 3, parts[0] == "DOC", parts[1].count == 2, parts[1].allSatisfy(\.isNumber) else { return nil }
        let base = parts[2].split(separator: "/")
        guard base.count == 2, base[0].count == 4, base[1].count == 3, base.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        return String(text)
    }

    /// A text printed once for both languages: a document number alone (`DOC 56 0123/001`, a
    /// cover's), or one whose halves, on either side of a dash, read as the two languages
    /// (`Imprimerie centrale – Centrale drukkerij`).
    public static func holdsBothLanguages(_ text: String) -> Bool {
        if Lexicon.documentNumber(text) != nil { return true }
        guard text.utf8.count <= 200, let dash = text.range(of: " – ") ?? text.range(of: " - ") ?? text.range(of: " / ") else { return false }
        let before = LanguageEvidence.score(text[..<dash.lowerBound]), after = LanguageEvidence.score(text[dash.upperBound...])
        return min(abs(before), abs(after)) >= 1 && (before > 0) != (after > 0)
    }

    /// A document number with nothing but punctuation after it (`DOC 55 0437/001.`, a
    /// reference that a line wrap set at a line's start): no heading in capitals
    /// (`isInCapitals`).
    public static func isDocumentReference(_ text: some StringProtocol) -> Bool {
        guard text.utf8.count >= 15, text.hasPrefix("DOC ") else { return false }
        // After the number, ASCII punctuation and spaces only: no letter, digit or other script.
        let isWordByte = { (byte: UInt8) in (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- 0x30 < 10 || byte >= 0x80 }
        return !text.utf8.dropFirst(15).contains(where: isWordByte) && documentNumber(String(decoding: text.utf8.prefix(15), as: UTF8.self)) != nil
    }

    /// Courtesy titles before a name (`mevrouw Barbara Pas`, `Mme Barbara Pas`). `M.` is
    /// left out: in Dutch it is as likely an initial.
    public static let courtesyTitles: [Language: [String]] = [
        .nl: ["mevrouw", "Mevrouw", "mevr.", "Mevr.", "de heer", "De heer", "dhr.", "Dhr."],
        .fr: ["Mme", "Mmes", "Mlle", "Madame", "Monsieur", "Mesdames", "Messieurs", "MM."],
    ]

    /// The conjunctions after a suspended hyphen (`lucht- en observatiecapaciteiten`,
    /// `pré- ou post-`): the hyphen stands for the rest of a compound, and no word is cut.
    public static let suspendingConjunctions: Set<String> = ["en", "of", "et", "ou"]

    /// Abbreviations that a number follows (`p. 11`, `blz. 55`, `n° 118`, `art. 3`), lower
    /// case, without their dot.
    public static let numberAbbreviations: Set<String> = ["p", "pp", "blz", "nr", "nrs", "n°", "no", "nos", "art", "artt"]

    /// Articles and common prepositions and conjunctions, lower case, both languages: the
    /// words that an acronym skips (`lois coordonnées sur l’emploi des langues`: L, C, E, L;
    /// not `sans` or `zonder`, which `ASBL` and `VZW` spell).
    public static let functionWords: Set<String> = [
        "de", "het", "een", "van", "der", "den", "op", "in", "en", "voor", "met", "te", "tot", "bij", "om", "aan",
        "le", "la", "les", "l", "d", "des", "du", "sur", "et", "à", "au", "aux", "pour", "par", "dans", "en", "ou", "of",
    ]

    /// The words on which no text ends, lower case, both languages, so that a line ending on
    /// one goes on: the function words and more prepositions and conjunctions. Some Dutch
    /// ones also end a clause as a verb's particle (`komt … tussen`), but then a full stop
    /// or a comma follows them, and a line's last word keeps its punctuation.
    public static let leavesTextOpen: Set<String> = functionWords.union([
        "tegen", "tussen", "zonder", "tijdens", "volgens", "naar", "zoals", "waarbij", "dat",
        "contre", "avec", "entre", "sans", "sous", "vers", "chez", "selon", "que", "dont", "lors",
    ])

    /// Adverbs that stand for a place or topic named before (`gelden ook hier`, `s’appliquent
    /// ici`), lower case. Left out: `daar` (also "since"), `là` (`là où`), French `y` (`il y a`);
    /// `d’ici` ("by") is no pro-form either (`Mentions.hasProForm`).
    public static let proForms: [Language: Set<String>] = [
        .nl: ["hier"],
        .fr: ["ici"],
    ]

    /// Whether a line opens a committee report's cover line that names the committee or the
    /// rapporteur, set in capitals under `VERSLAG` / `RAPPORT` (`NAMENS DE COMMISSIE VOOR …`,
    /// `FAIT AU NOM DE LA COMMISSION …`, `UITGEBRACHT DOOR MEVROUW …`, `PAR MME …`, and
    /// `UITGEBRACHT` or `PAR` alone above the name): each is a paragraph of its own.
    public static func opensReportCoverLine(_ line: some StringProtocol) -> Bool { reportCoverLineLanguage(line) != nil }

    /// Whether a report's cover line stops before the rapporteur it names (`UITGEBRACHT`,
    /// `UITGEBRACHT DOOR` or `PAR` alone): the name on the next line goes on in it.
    public static func awaitsRapporteur(_ line: some StringProtocol) -> Bool {
        ["UITGEBRACHT", "UITGEBRACHT DOOR", "PAR"].contains { line.elementsEqual($0) }
    }

    /// The language of a report's cover line (`opensReportCoverLine`), which its opening
    /// words tell (`PAR MME Sarah LAMBERT` is French, though a name is most of it); nil for
    /// any other line.
    static func reportCoverLineLanguage(_ line: some StringProtocol) -> Language? {
        guard let first = line.utf8.first, first == UInt8(ascii: "N") || first == UInt8(ascii: "F") || first == UInt8(ascii: "U") || first == UInt8(ascii: "P")
        else { return nil }
        // `NAMENS DE BIJZONDERE COMMISSIE`, `FAIT AU NOM DE LA COMMISSION SPÉCIALE`.
        if line.hasPrefix("NAMENS DE ") && line.split(separator: " ").prefix(4).contains("COMMISSIE") { return .nl }
        if line.hasPrefix("UITGEBRACHT DOOR") || line.elementsEqual("UITGEBRACHT") { return .nl }
        if line.hasPrefix("FAIT AU NOM DE LA COMMISSION") { return .fr }
        guard line.hasPrefix("PAR") else { return nil }
        let rest = line.dropFirst(3)
        return rest.isEmpty || ["M. ", "MM. ", "MME ", "MMES ", "MADAME ", "MONSIEUR "].contains { rest.dropFirst().hasPrefix($0) } && rest.first == " " ? .fr : nil
    }

    /// Whether a line opens a cover's document history (`Zie:` / `Voir:`, alone or before the
    /// first entry): the documents of the file before this one, a line each
    /// (`isDocumentHistoryEntry`), under a report's or an amendment's cover.
    public static func opensDocumentHistory(_ line: some StringProtocol) -> Bool {
        for opening in ["Zie:", "Voir:"] where line.hasPrefix(opening) {
            let rest = line.dropFirst(opening.count)
            return rest.allSatisfy(\.isWhitespace) || rest.first == " " && isDocumentHistoryEntry(rest.drop { $0 == " " })
        }
        return false
    }

    /// Whether a line is an entry of a document history: the file's number and session
    /// (`Doc 56 1342/ (2025/2026):`), or numbers of three digits (`004-006` a range), listed
    /// (`002, 003 en 004`, `002 et 003`, `004 tot 006`, `004 à 006`), then a colon and what
    /// they are (`001: Wetsvoorstel van …`).
    public static func isDocumentHistoryEntry(_ line: some StringProtocol) -> Bool {
        let words = line.split(separator: " ")
        guard let first = words.first else { return false }
        if first == "Doc" || first == "DOC" {
            return words.count >= 3 && words[1].allSatisfy(\.isNumber) && words[2].last == "/" && words[2].dropLast().allSatisfy(\.isNumber)
        }
        func isNumbers(_ word: some StringProtocol) -> Bool {
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            return parts.count <= 2 && parts.allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
        }
        var index = 0
        while index < words.count {
            let word = words[index]
            guard isNumbers(word.last == ":" || word.last == "," ? word.dropLast() : word[...]) else { return false }
            if word.last == ":" { return true }
            index += 1
            // After a comma, the next number; else a word that joins two.
            if word.last != "," {
                guard index < words.count, ["en", "et", "tot", "à"].contains(words[index]) else { return false }
                index += 1
            }
        }
        return false
    }

    /// The words that open the submitters' line of a cover.
    public static let submitterOpenings = ["(ingediend door", "(déposée par", "(déposé par"]

    /// Whether a line opens the submitters' line of a cover: its opening words, and nothing
    /// after the bracket that closes it (`(ingediend door mevrouw Barbara Pas c.s.)`), not
    /// the same words in running text (`(ingediend door …) dat in de vorige …`).
    public static func opensSubmitters(_ line: some StringProtocol) -> Bool {
        guard startsWithSubmitters(line) else { return false }
        // Its bracket left open, the next line closes it.
        guard let close = closingBracket(in: line, open: 0) else { return true }
        return endsAt(close, line)
    }

    /// Whether a line opens a submitters' bracket that it leaves open (`(déposée par Mme
    /// Barbara Pas et` / `consorts)`).
    public static func leavesSubmittersOpen(_ line: some StringProtocol) -> Bool {
        startsWithSubmitters(line) && closingBracket(in: line, open: 0) == nil
    }

    /// Whether a text opens with a submitters' opening, `(ingediend door`, `(déposée par`.
    private static func startsWithSubmitters(_ text: some StringProtocol) -> Bool {
        text.hasPrefix("(") && submitterOpenings.contains { text.hasPrefix($0) }
    }

    /// The two languages' submitters' lines run together, as a cover's two cells on one line
    /// (`(ingediend door mevrouw Barbara Pas c.s.) (déposée par Mme Barbara Pas et`): cut
    /// after the first one's bracket, where the second opens.
    private static func submittersPair(_ text: Substring) -> (Substring, Substring)? {
        guard startsWithSubmitters(text), let close = closingBracket(in: text, open: 0) else { return nil }
        let second = text[text.index(after: close)...].trimmed
        guard startsWithSubmitters(second) else { return nil }
        return (text[...close], second)
    }

    /// Whether a line closes a submitters' bracket opened on the line before, with nothing
    /// after it (`Verbelen c.s.)`, not `mevrouw An Claes) stelde …`); a party's bracket
    /// inside it is passed over (`de heer X (N-VA) en mevrouw Y)`).
    public static func closesSubmitters(_ line: some StringProtocol) -> Bool {
        closingBracket(in: line, open: 1).map { endsAt($0, line) } ?? false
    }

    /// The bracket that closes the `open` brackets before the line and those it opens first.
    private static func closingBracket<S: StringProtocol>(in line: S, open: Int) -> S.Index? {
        var depth = open
        for index in line.indices {
            if line[index] == "(" { depth += 1 } else if line[index] == ")" { depth -= 1 }
            if depth == 0 && line[index] == ")" { return index }
        }
        return nil
    }

    /// Whether nothing but spaces and a full stop follows `index`.
    private static func endsAt<S: StringProtocol>(_ index: S.Index, _ line: S) -> Bool {
        line[line.index(after: index)...].allSatisfy { $0 == " " || $0 == "." }
    }

    /// Whether a text names the Chamber (`BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS`,
    /// `Chambre des représentants de Belgique`).
    public static func namesChamber(_ text: some StringProtocol) -> Bool {
        guard text.utf8.count < 120 else { return false }
        return (text.containsBytes("kamer", ignoringCase: true) && text.containsBytes("volksvertegenwoordigers", ignoringCase: true))
            || text.containsBytes("chambre des représentants", ignoringCase: true)
    }

    /// Whether `next` goes on with the Chamber's name that `text` begins: a cover's narrow
    /// cell breaks it anywhere (`BELGISCHE KAMER` / `VAN` / `VOLKSVERTEGENWOORDIGERS`,
    /// `CHAMBRE DES REPRÉSENTANTS` / `DE BELGIQUE`).
    /// `text` may come in its lines, which are joined only when short enough to be a name.
    public static func goesOnWithChamberName(_ text: some Collection<some StringProtocol>, next: some StringProtocol) -> Bool {
        // A line without words (a blank row) goes on with nothing.
        guard next.utf8.contains(where: { $0 != 0x20 }) else { return false }
        let lines: [String] = text.map { String($0) } + [String(next)]
        return matchesChamberName(lines, .openingOrWhole)
    }

    /// Whether a text opens the Chamber's name and stops short of its end (`Belgische Kamer
    /// van`): a cover's cell that goes on in the next line.
    public static func opensChamberName(_ text: some StringProtocol) -> Bool { matchesChamberName([text], .opening) }

    /// Whether lines make up one of the Chamber's names, whole (`CHAMBRE DES REPRÉSENTANTS
    /// DE` / `BELGIQUE`): a cover's line of its own, which the next does not go on.
    public static func isChamberName(_ lines: some Collection<some StringProtocol>) -> Bool { matchesChamberName(lines, .whole) }

    /// How much of a Chamber's name a text must be.
    private enum NamePart { case opening, openingOrWhole, whole }

    /// Whether lines, joined and short enough to be a name (most lines fail there), are part
    /// of one of the Chamber's names as `part` says.
    private static func matchesChamberName(_ lines: some Collection<some StringProtocol>, _ part: NamePart) -> Bool {
        guard lines.reduce(0, { $0 + $1.utf8.count }) < 60 else { return false }
        // A word cut over two lines is whole again (`VOLKSVERTEGENWOORDI-` / `GERS`).
        let words = LineHyphen.joining(lines).lowercased().split(separator: " ")
        return !words.isEmpty && chamberNames.contains { name in
            switch part {
            case .opening: name.count > words.count && name.starts(with: words)
            case .openingOrWhole: name.starts(with: words)
            case .whole: name == words
            }
        }
    }

    /// The Chamber's names: the Dutch ones first, then the French one.
    private static let chamberNames = ["belgische kamer van volksvertegenwoordigers", "kamer van volksvertegenwoordigers van belgië",
                                       "chambre des représentants de belgique"].map { $0.split(separator: " ") }

    /// Whether a word, in any case, is a word of one of the Chamber's names (`BELGIQUE`,
    /// `VOLKSVERTEGENWOORDIGERS`): a cover cuts them as it cuts any word.
    public static func isChamberNameWord(_ word: some StringProtocol) -> Bool { chamberNameWords.contains(word.lowercased()) }
    private static let chamberNameWords = Set(chamberNames.joined().map(String.init))

    /// The words that open a table or figure caption (`Tabel 9.`, `Tableau 10.`).
    public static let captionWords: Set<Substring> = ["Tabel", "Tableau", "Figuur", "Figure", "Grafiek", "Graphique"]
    private static let captionFirstBytes = Set(captionWords.compactMap(\.utf8.first))

    /// Whether a line opens a caption: a caption word, a number, then `.`, `:` or a space.
    public static func opensCaption(_ line: some StringProtocol) -> Bool {
        // Every line is asked: most fail on their first byte.
        guard let byte = line.utf8.first, captionFirstBytes.contains(byte),
              let space = line.firstIndex(of: " "), captionWords.contains(Substring(line[..<space])) else { return false }
        let rest = line[line.index(after: space)...].utf8
        let digits = rest.prefix { $0 &- 0x30 < 10 }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        return rest.dropFirst(digits.count).first.map { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || $0 == 0x20 } ?? true
    }

    /// The marks that close a list item, request or consideration, compared between the
    /// languages (P303).
    public static let listClosings: Set<Character> = [";", ".", ":", ","]

    /// Month names in each language, January first.
    public static let monthNames: [Language: [String]] = [
        .nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        .fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    ]
    /// Month names and their numbers, both languages (dates: `6 februari 2026`, `1er janvier`).
    public static let months: [String: Int] = Dictionary(uniqueKeysWithValues:
        monthNames.values.flatMap { names in names.enumerated().map { ($1, $0 + 1) } })
    /// The language of each month's name.
    public static let monthLanguages: [String: Language] = Dictionary(uniqueKeysWithValues:
        monthNames.flatMap { language, names in names.map { ($0, language) } })

    /// The names of document types, lower case: as a heading (`WETSVOORSTEL`, the parse
    /// stage, compared in capitals), in running text (`voorstel van wet`, the check stage,
    /// P208), or both.
    public struct DocumentTypeName: Sendable {
        public var name: String
        public var type: DocumentType
        public var language: Language
        public var asHeading: Bool
        public var inText: Bool
    }

    public static let documentTypeNames: [DocumentTypeName] = [
        .init(name: "voorstel van resolutie", type: .resolutionProposal, language: .nl, asHeading: true, inText: true),
        .init(name: "proposition de résolution", type: .resolutionProposal, language: .fr, asHeading: true, inText: true),
        .init(name: "wetsvoorstel", type: .billProposal, language: .nl, asHeading: true, inText: true),
        .init(name: "voorstel van wet", type: .billProposal, language: .nl, asHeading: false, inText: true),
        .init(name: "proposition de loi", type: .billProposal, language: .fr, asHeading: true, inText: true),
        .init(name: "voorstel van bijzondere wet", type: .billProposal, language: .nl, asHeading: true, inText: false),
        .init(name: "proposition de loi spéciale", type: .billProposal, language: .fr, asHeading: true, inText: false),
        .init(name: "wetsontwerp", type: .bill, language: .nl, asHeading: true, inText: true),
        .init(name: "ontwerp van wet", type: .bill, language: .nl, asHeading: false, inText: true),
        .init(name: "projet de loi", type: .bill, language: .fr, asHeading: true, inText: true),
        .init(name: "verslag", type: .report, language: .nl, asHeading: true, inText: false),
        .init(name: "rapport", type: .report, language: .fr, asHeading: true, inText: false),
    ]

    /// Headings that open the explanatory part, in capitals.
    public static let explanationHeadings = Set(explanationHeadingLanguages.keys)
    private static let explanationHeadingLanguages: [String: Language] = ["TOELICHTING": .nl, "DÉVELOPPEMENTS": .fr, "SAMENVATTING": .nl, "RÉSUMÉ": .fr]
    /// The salutations that open an explanatory part, in capitals.
    public static let salutations = Set(salutationLanguages.keys)
    private static let salutationLanguages: [String: Language] = ["DAMES EN HEREN,": .nl, "MESDAMES, MESSIEURS,": .fr, "MESDAMES ET MESSIEURS,": .fr]

    /// A line that is a whole heading or salutation of its own (`TOELICHTING`, `VOORSTEL VAN
    /// RESOLUTIE`, `DAMES EN HEREN,`): the read stage ends a block there, where a layout
    /// without weights or blank lines runs it into the next line (`TOELICHTING` / `DAMES…`).
    public static func isWholeHeading(_ line: some StringProtocol) -> Bool { wholeHeadingLanguage(line) != nil }

    /// The language of a whole heading or salutation (`TOELICHTING` is Dutch); nil for any
    /// other line.
    public static func wholeHeadingLanguage(_ line: some StringProtocol) -> Language? {
        line.utf8.count <= 40 ? wholeHeadings[line.uppercased()] : nil
    }

    /// The language of a cover's session line (`BUITENGEWONE ZITTING 2024`, `SESSION
    /// EXTRAORDINAIRE 2024`), which its word names; nil for any other line.
    public static func sessionLanguage(_ line: some StringProtocol) -> Language? {
        guard line.utf8.count < 80 else { return nil }
        let (dutch, french) = sessionWords(line)
        return dutch == french ? nil : dutch ? .nl : .fr
    }

    /// Whether a text holds the Dutch and the French word for a session.
    private static func sessionWords(_ text: some StringProtocol) -> (dutch: Bool, french: Bool) {
        (text.containsBytes("zitting", ignoringCase: true), text.containsBytes("session", ignoringCase: true))
    }

    /// The language of a cover cell that the lexicon names: a whole heading, a session line,
    /// the Chamber's whole name or a report's cover line; a cell of one word set in capitals,
    /// as a cover sets it (`RAPPORT`, not the Dutch word `rapport` alone on a line of running
    /// text).
    public static func cellLanguage(_ line: some StringProtocol) -> Language? {
        guard line.utf8.contains(0x20) || isMostlyCapitals(line.letterCase) else { return nil }
        // Every line of a dump is asked: only one that opens as a name may be one.
        return (mayOpenName(line) ? nameLanguage(line) : nil) ?? sessionLanguage(line) ?? reportCoverLineLanguage(line)
    }

    /// The language of a text that is, whole, a heading or the Chamber's name the lexicon
    /// knows (`VOORSTEL VAN RESOLUTIE`, `CHAMBRE DES REPRÉSENTANTS DE BELGIQUE`).
    public static func nameLanguage(_ text: some StringProtocol) -> Language? {
        wholeHeadingLanguage(text) ?? chamberNameLanguage(text)
    }

    /// Whether a line may open such a name: its first word is a name's first word (a cheap
    /// test before joining lines to try them).
    public static func mayOpenName(_ line: some StringProtocol) -> Bool {
        // Every line of a dump is asked: most fail on their first byte, with no String made.
        guard let byte = line.utf8.first, nameFirstBytes.contains(byte &- 0x61 < 26 ? byte - 0x20 : byte) else { return false }
        let first = line.prefix { $0 != " " }
        return first.utf8.count <= 16 && nameFirstWords.contains(first.uppercased())
    }
    private static let nameFirstWords = wholeHeadingFirstWords.union(chamberNames.map { $0[0].uppercased() })
    /// The first bytes of those words (an accented capital's first byte is its small letter's).
    private static let nameFirstBytes = Set(nameFirstWords.compactMap(\.utf8.first))

    /// The language of the Chamber's whole name (`CHAMBRE DES REPRÉSENTANTS DE BELGIQUE`).
    private static func chamberNameLanguage(_ text: some StringProtocol) -> Language? {
        guard text.utf8.count < 60 else { return nil }
        let words = text.lowercased().split(separator: " ")
        return chamberNames.firstIndex { $0 == words }.map { $0 < 2 ? .nl : .fr }
    }

    /// Whether a line opens a report's list of the committee's members (`Samenstelling van de
    /// commissie op de datum van indiening van het verslag/`, `Composition de la commission …`).
    public static func opensCommitteeComposition(_ line: some StringProtocol) -> Bool {
        line.hasPrefix("Samenstelling van de commissie") || line.hasPrefix("Composition de la commission")
    }

    /// The language of a line that captions a report's signature (`De rapporteur,`, `La
    /// rapporteure,`, `Le président,`): the rapporteurs and the chair sign under such lines,
    /// a name each; nil for any other line.
    public static func signingCaptionLanguage(_ line: some StringProtocol) -> Language? {
        guard line.utf8.count <= 30, line.hasSuffix(",") else { return nil }
        return signingCaptions[line.dropLast().lowercased()]
    }
    private static let signingCaptions: [String: Language] = [
        "de rapporteur": .nl, "de rapporteurs": .nl, "de rapportrice": .nl, "de voorzitter": .nl, "de voorzitster": .nl,
        "le rapporteur": .fr, "la rapporteure": .fr, "la rapportrice": .fr, "les rapporteurs": .fr, "le président": .fr, "la présidente": .fr,
    ]

    /// Whether a line is an entry of a table of contents: a title, dot leaders, a page number
    /// (`III. Discussion des articles et vote…………6`).
    public static func isContentsEntry(_ text: some StringProtocol) -> Bool {
        let reversed = text.utf8.reversed()
        let digits = reversed.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        guard digits > 0 else { return false }
        let leaders = reversed.dropFirst(digits).drop { $0 == 0x20 }.prefix(4)
        return leaders.count == 4 && leaders.allSatisfy { $0 == UInt8(ascii: ".") }
    }

    /// The particles of Dutch and French names, lower case (`Van Belleghem`, `de Donnea`): a
    /// name that ends on one goes on.
    public static let nameParticles: Set<String> = ["van", "de", "der", "den", "ter", "ten", "vanden", "vander", "le", "la", "du", "des", "d’", "d'", "von"]

    /// Whether the words before a colon name a committee's chair (`Voorzitter/Président`).
    public static func namesChair(_ words: some StringProtocol) -> Bool {
        words.hasPrefix("Voorzitter") || words.hasPrefix("Président") || words.hasPrefix("Voorzitster") || words.hasPrefix("Présidente")
    }

    /// The language of each of two cover lines that translate each other, one set under the
    /// other (`Verslag` / `Rapport`, `Inhoud` / `Sommaire`, `Blz.` / `Pages`): a document
    /// type's two names, the words of a report's table of contents, or the printer's line that
    /// closes a document (`Centrale drukkerij - Imprimerie centrale`). Either alone, in
    /// title case, is no evidence (`rapport` is a Dutch word too); the pair is. Nil for any
    /// other two lines.
    public static func coverPairLanguages(_ first: some StringProtocol, _ second: some StringProtocol) -> (Language, Language)? {
        guard first.utf8.count <= 30, second.utf8.count <= 30 else { return nil }
        // Without the colon of a heading or the dash that parts two cells on one line.
        func key(_ text: some StringProtocol) -> String { text.lowercased().trimmingSuffix(":").trimmingSuffix("-").trimmingSuffix("–").trimmed.description }
        let a = key(first), b = key(second)
        if coverPairs.contains([a, b]) { return (.nl, .fr) }
        if coverPairs.contains([b, a]) { return (.fr, .nl) }
        return nil
    }

    /// Dutch and French words that a document sets as a pair, lower case.
    private static let coverPairs: Set<[String]> = {
        var pairs: Set<[String]> = [["inhoud", "sommaire"], ["blz.", "pages"], ["centrale drukkerij", "imprimerie centrale"]]
        let headings = documentTypeNames.filter(\.asHeading)
        for dutch in headings where dutch.language == .nl {
            for french in headings where french.language == .fr && french.type == dutch.type { pairs.insert([dutch.name, french.name]) }
        }
        return pairs
    }()

    /// A line of two cover cells run together, one a language (`PROPOSITION DE RÉSOLUTION
    /// VOORSTEL VAN RESOLUTIE`, `SESSION EXTRAORDINAIRE 2024 BUITENGEWONE ZITTING 2024`), or of
    /// two submitters' lines or two article headings: the two, else nil. Of the cuts that leave
    /// a cell of each language, the one whose halves are nearest in length, as a cell and its
    /// translation are (not `SESSION` / `EXTRAORDINAIRE 2024 BUITENGEWONE ZITTING 2024`).
    public static func cellPair(_ line: Substring) -> (Substring, Substring)? {
        let text = line.trimmed
        if let pair = submittersPair(text) ?? articlePair(text) ?? reportCoverPair(text) ?? dashedPair(text) { return pair }
        // Most lines fail at once: a pair opens with a heading's first word or names a session.
        guard text.utf8.count <= 80, wholeHeadingFirstWords.contains(text.prefix { $0 != " " }.uppercased())
                || sessionWords(text) != (false, false) else { return nil }
        var best: (first: Substring, second: Substring, difference: Int)?
        for space in text.indices where text[space] == " " {
            let first = text[..<space].trimmed, second = text[text.index(after: space)...].trimmed
            guard let a = cellLanguage(first), let b = cellLanguage(second), a != b else { continue }
            let difference = abs(first.unicodeScalars.count - second.unicodeScalars.count)
            if best.map({ difference < $0.difference }) ?? true { best = (first, second, difference) }
        }
        return best.map { ($0.first, $0.second) }
    }

    /// Two cells that translate each other on one line, a dash between them (`Centrale
    /// drukkerij - Imprimerie centrale`, the printer's line that closes a document): the two,
    /// the dash kept with the first; only a pair the lexicon knows (`coverPairLanguages`), so
    /// that running text with a dash in it is never cut.
    private static func dashedPair(_ text: Substring) -> (Substring, Substring)? {
        // Every short line is asked: its bytes are scanned for ` - ` or ` – ` (E2 80 93).
        guard text.utf8.count <= 80 else { return nil }
        let bytes = Array(text.utf8)
        var found: (space: Substring.Index, end: Substring.Index)?
        for i in bytes.indices where bytes[i] == 0x20 {
            let rest = bytes[(i + 1)...]
            guard let dash = rest.starts(with: [UInt8(ascii: "-"), 0x20]) ? 1 : rest.starts(with: [0xE2, 0x80, 0x93, 0x20]) ? 3 : nil else { continue }
            let space = text.utf8.index(text.startIndex, offsetBy: i + 1 + dash)
            found = (space, text.utf8.index(after: space))
            break
        }
        // The dash stays with the first cell, the spaces around it with neither.
        guard let found else { return nil }
        let first = text[..<found.space], second = text[found.end...]
        return coverPairLanguages(first, second) != nil ? (first, second) : nil
    }

    /// Two of a report's cover lines run together, one a language (`UITGEBRACHT DOOR MEVROUW
    /// Sarah LAMBERT PAR MME Sarah LAMBERT`, as `-raw` gives a row of the cover): the two.
    private static func reportCoverPair(_ text: Substring) -> (Substring, Substring)? {
        guard let language = reportCoverLineLanguage(text) else { return nil }
        for space in text.indices.dropFirst() where text[space] == " " {
            let second = text[text.index(after: space)...]
            if let other = reportCoverLineLanguage(second), other != language { return (text[..<space], second) }
        }
        return nil
    }

    /// Two headings of one article run together (`Article 1er Artikel 1`, `Art. 2 Art. 2`):
    /// the two; not a text that names two articles (`art. 3, art. 4`).
    private static func articlePair(_ text: Substring) -> (Substring, Substring)? {
        // Every line is asked, most of them paragraphs: those whose first word is none of
        // an article's are not split into words.
        guard let space = text.utf8.firstIndex(of: 0x20), articleWords.contains(text[..<space].lowercased()) else { return nil }
        let words = text.split(separator: " ")
        // The number's digits, then letters at most (`1er`, `2bis`): no punctuation.
        func number(_ word: Substring) -> Substring? {
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            return !digits.isEmpty && word.dropFirst(digits.count).allSatisfy(\.isLetter) ? digits : nil
        }
        guard words.count == 4, let first = number(words[1]), first == number(words[3]),
              articleWords.contains(words[0].lowercased()), articleWords.contains(words[2].lowercased()) else { return nil }
        return (text[words[0].startIndex..<words[1].endIndex], text[words[2].startIndex..<words[3].endIndex])
    }

    private static let wholeHeadingFirstWords = Set(wholeHeadings.keys.map { String($0.prefix { $0 != " " }) })

    private static let wholeHeadings: [String: Language] = explanationHeadingLanguages.merging(salutationLanguages) { a, _ in a }
        .merging(documentTypeNames.filter(\.asHeading).map { ($0.name.uppercased(), $0.language) }) { a, _ in a }

    /// The words that name an article before its number (`artikel 32`, `l’article 32`,
    /// `Art. 2`), lower case; an article heading uses the singular ones.
    public static let articleWords: Set<String> = ["artikel", "art.", "article"]
    public static let articlePlurals: Set<String> = ["artikelen", "articles"]

    /// The marks that end a sentence or a clause: a text ending in one is no heading, no
    /// table cell, no header row.
    public static let sentenceClosings: Set<Character> = [".", ";", ":", "!", "?", ","]

    /// The marks after which a paragraph cut by a page end does not go on (the closing
    /// quotes and bracket too).
    public static let paragraphClosings: Set<Character> = [".", ";", ":", "!", "?", "”", "\"", "’", ")"]

    /// The two capitals tests, on a text's count of letters and capitals: every letter a
    /// capital (the read stage's headings, which must not join a paragraph), and nine in ten
    /// (headings, formulas and preambles with a lower-case word: `I. — DE TWEETALIGHEID…`).
    /// Three letters at least.
    public static func isAllCapitals(_ count: (letters: Int, capitals: Int)) -> Bool {
        count.letters >= 3 && count.capitals == count.letters
    }

    /// Set wholly in capitals, as headings are (`TOELICHTING`, `VOORSTEL VAN RESOLUTIE`); a
    /// document reference (`DOC 55 0437/001.`), whose only letters are `DOC`, is none.
    /// `letterCase` spares a text that knows it the count.
    public static func isInCapitals(_ text: some StringProtocol, letterCase: (letters: Int, capitals: Int)? = nil) -> Bool {
        isAllCapitals(letterCase ?? text.letterCase) && !isDocumentReference(text)
    }

    public static func isMostlyCapitals(_ count: (letters: Int, capitals: Int)) -> Bool {
        count.letters >= 3 && count.capitals * 10 >= count.letters * 9
    }
}
