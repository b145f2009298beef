import ChamberDoc
import Foundation
import Testing

/// Parity checks: the clean seed has no findings; each defect injected into it is found,
/// with its code, at the unit where it was injected.
@Suite struct CheckTests {
    static let glossary: Glossary = {
        let path = Paths.root.appendingPathComponent("Schemas/glossary.tsv").path
        return try! Glossary(tsv: String(decoding: try! bytes(path), as: UTF8.self), source: path)
    }()

    static func findings(in path: String = Paths.seed, replacing pairs: [(String, String)]) throws -> [Finding] {
        var text = String(decoding: try bytes(path), as: UTF8.self)
        for (old, new) in pairs {
            #expect(text.contains(old), "\(path) lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try Pipeline.document(from: Array(text.utf8), source: "variant", glossary: glossary).findings
    }

    @Test func theSeedHasNoFindings() throws {
        #expect(try Self.findings(replacing: []) == [])
    }

    @Test func withoutTheGlossaryTheAcronymsDiffer() throws {
        let document = try Pipeline.document(from: try bytes(Paths.seed), source: "seed")
        #expect(document.findings.map(\.message) == [
            "NAVO is in the Dutch text, not in the French one", "OTAN is in the French text, not in the Dutch one",
            "CIM is in the French text, not in the Dutch one", "MIK is in the Dutch text, not in the French one",
        ])
        #expect(document.findings.map(\.unit) == ["expl-p3", "expl-p3", "expl-p8", "expl-p8"])
    }

    @Test func aConsiderationMissingInOneLanguage() throws {
        let found = try Self.findings(replacing: [("\n\nH. considérant qu'un manque de cohérence dans le contrôle du respect des règles et dans la prévention sape la sécurité interne et la crédibilité de la Défense;", "")])
        #expect(found.map(\.code) == [.labelInOneLanguage, .labelOutOfOrder])
        #expect(found.map(\.unit) == ["cons-H", "cons-I"])
        #expect(found.map(\.message) == ["consideration H has no French text", "consideration I follows G in the French text"])
    }

    @Test func aChangedNumber() throws {
        let found = try Self.findings(replacing: [("Strategische Visie 2025", "Strategische Visie 2026")])
        #expect(Set(found.map(\.code)) == [.numberMismatch])
        #expect(found.map(\.message).sorted() == ["2025 is in the French text, not in the Dutch one", "2026 is in the Dutch text, not in the French one"])
        #expect(found.allSatisfy { $0.unit == "expl-p8" && $0.severity == .error })
    }

    @Test func numberWordsCountAsNumbers() throws {
        // `1 miljard euro` / `un milliard d'euros` in the seed; `twee` for `deux` here.
        #expect(try Self.findings(replacing: [("een ernstige bedreiging", "2 ernstige bedreigingen"), ("une menace sérieuse", "deux menaces sérieuses")]) == [])
    }

    @Test func aChangedDate() throws {
        let found = try Self.findings(replacing: [("19 janvier 2026", "20 janvier 2026")])
        #expect(found.map(\.code) == [.dateMismatch])
        #expect(found.first?.message == "the dates differ: 19 januari 2026 / 20 janvier 2026")
    }

    @Test func aSkippedAndADuplicatedLabel() throws {
        let skipped = try Self.findings(replacing: [("\nE. gelet op het feit dat de huidige", "\nF. gelet op het feit dat de huidige")])
        #expect(skipped.contains { $0.code == .duplicateLabel && $0.message == "consideration F appears twice in the Dutch text" })
        #expect(skipped.contains { $0.code == .labelOutOfOrder && $0.message == "consideration F follows D in the Dutch text" })
    }

    /// In a side-by-side layout the French column holds the Dutch paragraph; in a serialized
    /// one the reader takes it for Dutch, and it is a paragraph without French.
    @Test func anUntranslatedParagraph() throws {
        let french = "En sa qualité de département de sécurité par excellence, la Défense doit mener une politique de sanction immédiate en matière de stupéfiants. Les lacunes de cette politique sont d'autant plus problématiques que les militaires manient des armes, détiennent des habilitations de sécurité et exercent des responsabilités opérationnelles, et qu'une charge psychologique pèse sur bon nombre d'entre eux."
        let dutch = "Defensie moet als veiligheidsdepartement bij uitstek een lik-op-stukbeleid voeren tegen drugs. Dat er sprake is van lacunes in het beleid is des te problematischer gezien de combinatie van wapens, veiligheidsmachtigingen, operationele verantwoordelijkheid en psychologische belasting van veel van onze militairen."
        let serialized = try Self.findings(replacing: [(french, dutch)])
        #expect(serialized.contains { $0.code == .unitInOneLanguage && $0.message.contains("Defensie moet als veiligheidsdepartement") })

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = directory.appendingPathComponent("seed.txt"), laid = directory.appendingPathComponent("laid.txt")
        try Data(String(decoding: try bytes(Paths.seed), as: UTF8.self).replacingOccurrences(of: french, with: dutch).utf8).write(to: seed)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.root.appendingPathComponent("Tools/relay-seed.py").path, "--seed", seed.path, "--output", laid.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let found = try Pipeline.document(from: try bytes(laid.path), source: "laid", glossary: Self.glossary).findings
        #expect(found.map(\.code) == [.wrongLanguage])
        #expect(found.first?.message.hasPrefix("the French text reads as Dutch") == true)
        #expect(found.first?.unit == "expl-p7")
    }

    /// Two French paragraphs merged into one: the two Dutch paragraphs link to it (2-1).
    @Test func twoParagraphsMergedInOneLanguage() throws {
        let found = try Self.findings(replacing: [("sans compter tous les coûts indirects liés à la problématique des stupéfiants.\n\nMais le trafic", "sans compter tous les coûts indirects liés à la problématique des stupéfiants. Mais le trafic")])
        #expect(found.map(\.code) == [.joinedParagraphs])
        #expect(found.map(\.unit) == ["expl-p1"])
        #expect(found.first?.message == "2 Dutch paragraphs translate one French paragraph")
    }

    /// One French paragraph split in two: one Dutch paragraph links to both (1-2).
    @Test func aParagraphSplitInOneLanguage() throws {
        let found = try Self.findings(replacing: [("téméraires. Ils s'affrontent", "téméraires.\n\nIls s'affrontent")])
        #expect(found.map(\.code) == [.joinedParagraphs])
        #expect(found.first?.message == "2 French paragraphs translate one Dutch paragraph")
    }

    @Test func differentClosingPunctuation() throws {
        let found = try Self.findings(replacing: [("5.3. des procédures claires;", "5.3. des procédures claires.")])
        #expect(found.map(\.code) == [.closingPunctuation])
        #expect(found.first?.severity == .note)
        #expect(found.first?.unit == "req-5.3")
    }

    @Test func anAcronymThatTheGlossaryDoesNotPair() throws {
        let found = try Self.findings(replacing: [("Belgische deelname aan MAOC-N", "Belgische deelname aan EMCDDA")])
        #expect(found.map(\.code) == [.acronymMismatch, .acronymMismatch])
        #expect(found.map(\.message) == ["EMCDDA is in the Dutch text, not in the French one", "MAOC is in the French text, not in the Dutch one"])
        #expect(found.allSatisfy { $0.unit == "req-3" && $0.severity == .warning })
    }

    @Test(arguments: [
        ("0 (nul)", Language.nl, "0"), ("aucune (zéro)", .fr, "0"), ("de dix-neuf communes", .fr, "19"),
        ("vingt-et-un", .fr, "21"), ("vingt et un", .fr, "21"), ("quatre-vingt-dix", .fr, "90"), ("quatre-vingts", .fr, "80"),
        ("soixante-dix-sept", .fr, "77"), ("deux cents", .fr, "200"), ("deux mille vingt-quatre", .fr, "2024"),
        ("eenentwintig", .nl, "21"), ("drieëndertig", .nl, "33"), ("honderdvijftig", .nl, "150"), ("negentien", .nl, "19"),
        ("tweeduizendvierentwintig", .nl, "2024"), ("het tweede lid", .nl, "2"), ("de twintigste", .nl, "20"), ("eerste", .nl, "1"),
        ("la troisième", .fr, "3"), ("la cinquième", .fr, "5"), ("neuvième", .fr, "9"), ("Article premier", .fr, "1"),
        ("titre II", .fr, "2"), ("hoofdstuk III", .nl, "3"), ("Titel XIV", .nl, "14"),
    ])
    func spelledOutNumbers(_ text: String, _ language: Language, _ number: String) {
        #expect(NumberWords.spelledNumbers(in: text, language: language).contains(number), "\(text)")
    }

    @Test func wordsThatAreNoNumbers() {
        #expect(NumberWords.spelledNumbers(in: "de eenheid van de achtergrond, met z'n tweeën; honderden vieren", language: .nl).isEmpty)
        #expect(NumberWords.spelledNumbers(in: "les communes et le IIIe Reich, un IIII", language: .fr) == ["1"])
        // A Roman numeral counts only after a word that numbers a part.
        #expect(NumberWords.spelledNumbers(in: "de MIK", language: .nl).isEmpty)
        // Joined by a space, the words count alone too: `een twintigtal` has a 1, no 21.
        #expect(NumberWords.spelledNumbers(in: "een twintig", language: .nl) == ["21", "1", "20"])
        #expect(NumberWords.spelledNumbers(in: "dix-neuf", language: .fr) == ["19"])
    }

    /// Zero, a compound and an ordinal in words on one side, digits on the other; a percentage
    /// changed is one finding (P206), not one per digit (P201).
    @Test func numbersInWordsAndAChangedPercentage() throws {
        #expect(try Self.findings(replacing: [("1 miljard euro", "19 miljard euro"), ("un milliard d'euros", "dix-neuf milliards d'euros")]) == [])
        let found = try Self.findings(replacing: [("1 miljard euro per jaar", "1 miljard euro per jaar (2,4 %)"), ("un milliard d'euros par an", "un milliard d'euros par an (5 %)")])
        #expect(found.map(\.message) == ["2.4 % is only in the Dutch text", "5 % is only in the French text"])
    }

    /// The submitters' titles swapped, as on the real bill's cover: each text has the other's.
    @Test func aCourtesyTitleOfTheOtherLanguage() throws {
        let found = try Self.findings(replacing: [("mevrouw Kristien Verbelen c.s.", "Mme Kristien Verbelen c.s.")])
        #expect(found.map(\.code) == [.foreignTitle])
        #expect(found.map(\.message) == ["Mme in the Dutch text is a French courtesy title"])
        #expect(found.map(\.unit) == ["front-submitters1"])
    }

    /// An acronym on one side is met by its spelled-out form on the other, the glossary's
    /// counterpart's too; not by a run of words that merely starts with its letter.
    @Test func anAcronymSpelledOutOnTheOtherSide() throws {
        #expect(try Self.findings(replacing: [("renforcer considérablement la participation belge au MAOC-N", "renforcer considérablement la participation belge au Maritime Analysis and Operations Centre")]) == [])
        let found = try Self.findings(replacing: [("renforcer considérablement la participation belge au MAOC-N", "renforcer considérablement la participation belge au Maritime Centre")])
        #expect(found.map(\.message) == ["MAOC is in the Dutch text, not in the French one"])
    }

    /// A name set in capitals in one language only (`la structure IRIS` / `de Iris-structuur`,
    /// in the real report) is no missing acronym; named otherwise, it is one, and so is one
    /// whose letters the other text has only as a surname or a sentence's or a list item's
    /// first word.
    @Test func anAcronymWrittenAsANameOnTheOtherSide() throws {
        let dutch = "deelname aan MAOC-N aanzienlijk te versterken, onder meer door:"
        #expect(try Self.findings(replacing: [(dutch, "deelname aan het Maoc-centrum sterk te verhogen, bijvoorbeeld door:")]) == [])
        for other in ["deelname aan het centrum sterk te verhogen, bijvoorbeeld door:",
                      "deelname aan het centrum, zoals mevrouw Maoc vroeg, sterk te verhogen, bijvoorbeeld door:",
                      "deelname aan het centrum sterk te verhogen. Maoc bijvoorbeeld door:",
                      "deelname aan het centrum sterk te verhogen (a) Maoc bijvoorbeeld) door:",
                      "deelname aan het centrum, zoals (mevrouw Maoc) vroeg, sterk te verhogen, bijvoorbeeld door:"] {
            let found = try Self.findings(replacing: [(dutch, other)])
            #expect(found.map(\.message) == ["MAOC is in the French text, not in the Dutch one"], "\(other)")
        }
    }

    /// On the real bill: French names the CPAS where Dutch says `gelden ook hier`, in the
    /// section `B. De OCMW’s` (expl-p46): no difference. Without the pro-form, or under a
    /// Dutch heading that does not name the OCMW (itself a finding then, expl-h18), it is one
    /// again; the heading expl-h13, whose Dutch names other authorities, stays one.
    @Test func anAcronymThatTheSectionHeadingNames() throws {
        let bill = Paths.root.appendingPathComponent("Samples/56K0055001.txt").path
        func acronymFindings(_ pairs: [(String, String)]) throws -> [String] {
            try Self.findings(in: bill, replacing: pairs).filter { $0.code == .acronymMismatch }.map(\.unit)
        }
        #expect(try acronymFindings([]) == ["expl-h13"])
        #expect(try acronymFindings([("gelden ook hier.", "gelden ook voor hen.")]) == ["expl-h13", "expl-p46"])
        #expect(try acronymFindings([("B.\u{202F}De\u{00A0}OCMW’s\n1.\u{202F}De hogere", "B.\u{202F}De\u{00A0}besturen\n1.\u{202F}De hogere")])
                == ["expl-h13", "expl-h18", "expl-p46"])
    }

    /// The forms that make headings siblings in an outline: `I` is roman, unless it follows `H`.
    @Test func outlineFormsOfLabels() {
        #expect(Labels.outlineForm(of: "I", previousLetter: nil) == (.roman, 1))
        #expect(Labels.outlineForm(of: "I", previousLetter: "B") == (.roman, 1))
        #expect(Labels.outlineForm(of: "I", previousLetter: "H") == (.upperLetter, 1))
        #expect(Labels.outlineForm(of: "IV", previousLetter: "C") == (.roman, 1))
        #expect(Labels.outlineForm(of: "B", previousLetter: "A") == (.upperLetter, 1))
        #expect(Labels.outlineForm(of: "3.1", previousLetter: nil) == (.number, 2))
        #expect(Labels.outlineForm(of: "b", previousLetter: nil) == (.lowerLetter, 1))
    }

    /// Sub-requests are held to the same label rules as requests, within their parent.
    @Test func subRequestLabelsThatSkipOrRepeat() throws {
        let skipped = try Self.findings(replacing: [("5.4. versterkte detectie", "5.9. versterkte detectie"), ("5.4. des mécanismes", "5.9. des mécanismes")])
        #expect(skipped.map(\.message) == ["request 5.9 follows 5.3 in the Dutch text", "request 5.9 follows 5.3 in the French text"])
        #expect(skipped.allSatisfy { $0.code == .labelOutOfOrder && $0.unit == "req-5.9" })
        let repeated = try Self.findings(replacing: [("3.3. structurele", "3.2. structurele"), ("3.3. de l'organisation", "3.2. de l'organisation")])
        #expect(repeated.filter { $0.code == .duplicateLabel }.map(\.message) == ["request 3.2 appears twice in the Dutch text", "request 3.2 appears twice in the French text"])
    }

    @Test(arguments: [("B", "A", true), ("AA", "Z", true), ("b", "a", true), ("4", "3", true), ("3.3", "3.2", true),
                      ("3.9", "3.2", false), ("4.3", "3.2", false), ("C", "A", false), ("a", "A", true), ("2", "2", false)])
    func labelArithmetic(_ label: String, _ previous: String, _ follows: Bool) {
        #expect(Labels.follows(label, previous) == follows)
    }

    /// A sub-request merged with its parent in one language, and an item with the paragraph
    /// that opens its list: reported as a merge (P105), not as a unit missing (P101).
    @Test func aLabelledUnitMergedWithItsNeighbour() throws {
        let found = try Self.findings(replacing: [("notamment au travers:\n\n3.1. d'un apport", "notamment au travers: 3.1. d'un apport")])
        #expect(found.map(\.code).contains(.joinedParagraphs), "\(found)")
        #expect(!found.map(\.code).contains(.labelInOneLanguage), "\(found)")
        #expect(found.first { $0.code == .joinedParagraphs }?.message == "request 3.1 is part of the French text of request 3")
    }

    /// One registered check per finding code, every code checked.
    @Test func oneCheckPerCode() {
        #expect(ParityChecker.codes.count == Finding.Code.allCases.count)
        #expect(Set(ParityChecker.codes) == Set(Finding.Code.allCases))
    }

    /// What a finding is about, found in a text as printed: numbers whole, percentages with
    /// their sign, words as words.
    @Test func subjectsAreFoundWholeInTheText() {
        func found(_ subject: Finding.Subject, _ text: String) -> [String] { subject.ranges(in: text).map { String(text[$0]) } }
        #expect(found(.percentage("2.4"), "in 2009 slechts 8 (2,4 %).” en 12,4 %") == ["2,4 %"])
        #expect(found(.percentage("28.1"), "91 (soit 28,1 pour cent)") == ["28,1 pour cent"])
        #expect(found(.number("318"), "Sur les 1.318 décisions, 318 fois") == ["1.318", "318"])
        #expect(found(.number("19"), "de 19 gemeenten, 2019, 19,5") == ["19", "19,5"])
        #expect(found(.text("CPAS"), "les CPAS bruxellois, CPASx") == ["CPAS"])
    }
}
