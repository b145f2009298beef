import ChamberAlign
import ChamberCheck
import ChamberDoc
import ChamberEvaluation
import ChamberParse
import ChamberRead
import Foundation
import Testing

/// Sentences: the splitter on the real texts, their alignment inside a linked pair, and the
/// sentences without counterpart that P106 reports.
@Suite struct SentenceTests {
    static let seed = try! Pipeline.document(from: bytes(Paths.seed), source: Paths.seed, glossary: CheckTests.glossary)
    static let bill = try! Pipeline.document(from: bytes(Paths.realBill), source: Paths.realBill, glossary: CheckTests.glossary)

    static func texts(_ document: Document, _ language: Language) -> [String] {
        func walk(_ unit: TextUnit) -> [String] { (unit.texts[language].map { [$0.text] } ?? []) + unit.children.flatMap(walk) }
        return document.sections.flatMap { $0.units.flatMap(walk) }
    }

    static func unit(_ document: Document, _ id: String) -> TextUnit? {
        func walk(_ unit: TextUnit) -> [TextUnit] { [unit] + unit.children.flatMap(walk) }
        return document.sections.flatMap { $0.units.flatMap(walk) }.first { $0.id == id }
    }

    @Test func splitterCutsTheSeedsSentencesWhereTheyEnd() throws {
        let text = try #require(Self.texts(Self.seed, .nl).first { $0.hasPrefix("Hoewel Defensie formeel een nultolerantiebeleid") })
        #expect(Sentences.split(text).map { String($0.prefix(30)) } == [
            "Hoewel Defensie formeel een nu", "Zo is de bestraffing voor drug", "Er zouden geen uitzonderingen ",
            "Strafrechtelijke vervolging is",
        ])
        // The ranges cover the text but the spaces between sentences.
        let ranges = Sentences.ranges(in: text)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == text.utf8.count)
        #expect(Sentences.split(text)[1] == "Zo is de bestraffing voor drugshandel te laks.")
    }

    @Test func splitterKeepsAbbreviationsDecimalsAndEllipsesOfTheBillInside() throws {
        let texts = Self.texts(Self.bill, .nl) + Self.texts(Self.bill, .fr) + Self.bill.footnotes.map(\.content.text)
        let sentences = texts.flatMap(Sentences.split)
        // `Bvb.` (bijvoorbeeld) opens a sentence and does not end one (a footnote).
        #expect(sentences.contains { $0.hasPrefix("Bvb. arrest van de Raad van State") })
        #expect(!sentences.contains { $0.hasPrefix("arrest van de Raad") })
        // `Art. 21. […] § 2. S'il est imposé`: an article and its paragraph number.
        #expect(sentences.contains { $0.hasPrefix("“Art. 21. […] § 2. S'il est imposé") })
        #expect(!sentences.contains { $0.hasPrefix("S'il est imposé") })
        // Pages (`p. 71`, `blz. 71`), decimals (`12,4 %`, `2.315`) and an ellipsis stay inside.
        #expect(!sentences.contains { $0.hasPrefix("71") || $0.hasPrefix("4 %") || $0.hasPrefix("315") })
        let decimal = try #require(sentences.first { $0.contains("ce pourcentage s’élève à peine à 12,4 %") })
        #expect(decimal.hasSuffix("12,4 %."))
        // Labels are not sentences: `A.`, `3.1.` open the one that follows.
        #expect(Sentences.split("3.1. De regering verzoekt. A. Een tweede zin.") == ["3.1. De regering verzoekt.", "A. Een tweede zin."])
        #expect(Sentences.split("Zoals M. Dupont zei... Mme Leroy en o.a. de heer Peeters (cf. nr. 3) waren er.") == [
            "Zoals M. Dupont zei... Mme Leroy en o.a. de heer Peeters (cf. nr. 3) waren er.",
        ])
    }

    @Test func alignerLinksTheSentencesOfARealPair() throws {
        let unit = try #require(Self.unit(Self.seed, "expl-p4"))
        let nl = try #require(unit.texts[.nl]?.text), fr = try #require(unit.texts[.fr]?.text)
        #expect(unit.sentenceLinks.count == 3)
        for link in unit.sentenceLinks {
            #expect(link.nl.count == 1 && link.fr.count == 1 && link.confidence > 0.9)
        }
        let last = try #require(unit.sentenceLinks.last)
        #expect(NumberWords.substring(nl, last.nl[0]).hasPrefix("Zo bleek ook uit het schandaal in Amay"))
        #expect(NumberWords.substring(fr, last.fr[0]).hasPrefix("C'est ce qu'a également révélé le scandale d'Amay"))
    }

    @Test func dictionaryIsReadFromDebiansDictdFilesAndOptional() throws {
        let installed = BilingualDictionary.installed
        try #require(!installed.isEmpty, "install dict-freedict-nld-fra and dict-freedict-fra-nld (make setup)")
        func translates(_ nl: String, _ fr: String) -> Bool {
            installed.translates(BilingualDictionary.keys(nl)[0], BilingualDictionary.keys(fr)[0])
        }
        // `vervolgen` → `poursuivre` (nld-fra), inflected forms by their first five letters.
        #expect(translates("vervolging", "poursuites"))
        #expect(translates("gemeenten", "communes"))
        #expect(!translates("gemeenten", "drogue"))
        #expect(throws: (any Error).self) { try BilingualDictionary.load(directory: "/nonexistent") }
        // Without it, the sentences of a real pair still align, on the other evidence.
        let unit = try #require(Self.unit(Self.seed, "expl-p4"))
        let plain = SentenceAligner(ratio: 1.2, names: [], dictionary: BilingualDictionary())
        let links = plain.align(nl: unit.texts[.nl]!.text, fr: unit.texts[.fr]!.text)
        #expect(links.map { "\($0.nl.count)-\($0.fr.count)" } == ["1-1", "1-1", "1-1"])
    }

    /// A damaged dictionary (`CHAMBERDOC_DICTD` may name any folder) is read as far as it
    /// makes sense: entries whose offsets overflow or point past the data are skipped.
    @Test func aDamagedDictionaryIsReadWithoutTrapping() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeDamagedDictionary(in: dir)
        let dictionary = try BilingualDictionary.load(directory: dir.path)
        #expect(dictionary.translates(BilingualDictionary.keys("huis")[0], BilingualDictionary.keys("maison")[0]))
        #expect(dictionary.count == 1)
    }

    /// The pairs read from the dictionaries are kept between processes, in a file named after
    /// them: a second load reads it and gives the same pairs; a damaged one is read again
    /// from the dictionaries and written anew.
    @Test func theDictionaryIsKeptInACache() throws {
        let dir = try temporaryDirectory(), cache = try temporaryDirectory()
        defer { for folder in [dir, cache] { try? FileManager.default.removeItem(at: folder) } }
        try Self.writeDamagedDictionary(in: dir)
        let (huis, maison) = (BilingualDictionary.keys("huis")[0], BilingualDictionary.keys("maison")[0])
        let first = try BilingualDictionary.load(directory: dir.path, cache: cache.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        try #require(files.count == 1 && files[0].hasPrefix("freedict-") && files[0].hasSuffix(".pairs"))
        let file = cache.appendingPathComponent(files[0])
        let size = try Data(contentsOf: file).count
        let second = try BilingualDictionary.load(directory: dir.path, cache: cache.path)
        #expect(first.count == 1 && second.count == 1 && second.translates(huis, maison) && second.hasLexicon)
        try Data(contentsOf: file).prefix(size - 8).write(to: file)
        let third = try BilingualDictionary.load(directory: dir.path, cache: cache.path)
        #expect(third.count == 1 && third.translates(huis, maison))
        #expect(try Data(contentsOf: file).count == size)
        // A hostile file: the right first line, then numbers no set has (a count and a shift
        // beyond any Int).
        try (Data("chamberdoc pairs 1\n".utf8) + Data(repeating: 0xFF, count: 8 * 18)).write(to: file)
        let fourth = try BilingualDictionary.load(directory: dir.path, cache: cache.path)
        #expect(fourth.count == 1 && fourth.translates(huis, maison))
    }

    /// A dictd dictionary of one good entry (`huis` → `maison`, at offset 0, length 20 = `U`),
    /// one whose offset has more digits than an Int holds, one past the end of the data.
    static func writeDamagedDictionary(in dir: URL) throws {
        let data = "huis /hœys/\nmaison\n"
        try "huis\tA\tU\nkapot\t//////////////////\tB\nweg\tZZZ\tB\n".write(to: dir.appendingPathComponent("freedict-nld-fra.index"), atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["python3", "-c", "import gzip,sys; sys.stdout.buffer.write(gzip.compress(sys.stdin.buffer.read()))"]
        let input = Pipe(), output = Pipe()
        (gzip.standardInput, gzip.standardOutput) = (input, output)
        try gzip.run()
        input.fileHandleForWriting.write(Data(data.utf8))
        try input.fileHandleForWriting.close()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        try compressed.write(to: dir.appendingPathComponent("freedict-nld-fra.dict.dz"))
    }

    @Test func cleanSeedHasNoSentenceWithoutCounterpart() throws {
        #expect(Self.seed.findings.filter { $0.code == .sentenceWithoutCounterpart }.isEmpty)
        let sideBySide = try Pipeline.document(from: bytes(Paths.sideBySide), source: Paths.sideBySide, glossary: CheckTests.glossary)
        #expect(sideBySide.findings.filter { $0.code == .sentenceWithoutCounterpart }.isEmpty)
    }

    @Test func sentenceLeftOutOfTheFrenchIsReportedWithTheDutchSentenceQuoted() throws {
        let omitted = "On a pu constater sur la base de témoignages et à la suite de faits avérés que des incidents liés à la drogue se produisent régulièrement au sein de nos forces armées. "
        let seed = String(decoding: try bytes(Paths.seed), as: UTF8.self)
        let text = seed.replacingOccurrences(of: omitted, with: "")
        try #require(text != seed)
        let document = try Pipeline.document(from: Array(text.utf8), source: "variant", glossary: CheckTests.glossary)
        let findings = document.findings.filter { $0.code == .sentenceWithoutCounterpart }
        #expect(findings.map(\.message) == [
            "the Dutch sentence \"Getuigenissen en vastgestelde feiten wijzen op recurrente drugsincidenten binnen onze krijgsmacht.\" has no French counterpart",
        ])
        #expect(findings.first?.unit == "expl-p4" && findings.first?.severity == .warning)
        // The span is the Dutch passage's: the line that holds the sentence.
        let line = try #require(findings.first?.line)
        #expect(seed.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].contains("Getuigenissen en vastgestelde feiten"))
    }

    /// The parsed bill with the sentence that starts with `prefix` deleted from its passage,
    /// aligned and checked.
    static func billWithout(_ prefix: String, in language: Language) throws -> Document {
        var parsed = Parser.parse(try Reader.read(bytes(Paths.realBill), source: Paths.realBill))
        var deleted = 0
        for s in parsed.versions[language, default: []].indices {
            for u in parsed.versions[language]![s].units.indices {
                for (k, passage) in (parsed.versions[language]![s].units[u].passages[language] ?? []).enumerated() {
                    for range in Sentences.ranges(in: passage.text) where NumberWords.substring(passage.text, range).hasPrefix(prefix) {
                        var edited = passage
                        edited.remove(utf8Ranges: [range])
                        parsed.versions[language]![s].units[u].passages[language]![k] = edited
                        deleted += 1
                    }
                }
            }
        }
        try #require(deleted == 1)
        var document = Aligner.align(parsed)
        document.findings = ParityChecker(glossary: CheckTests.glossary).findings(document)
        return document
    }

    /// A paragraph that lost one of its four sentences is too short for the unit aligner,
    /// which folds what is left into the paragraph before; the sentences of the two link them
    /// again, and the missing one is reported, quoted, in its own paragraph.
    @Test func aParagraphThatLostASentenceStaysLinkedToItsCounterpart() throws {
        let document = try Self.billWithout("Slechts 181 (14,8 %) van de 1.223", in: .nl)
        let findings = document.findings.filter { $0.code == .sentenceWithoutCounterpart }
        #expect(findings.map(\.message) == ["the French sentence \"Seules 181 des 1.223 désignations (soit 14,8 %) sont légales.\" has no Dutch counterpart"])
        let id = try #require(findings.first?.unit)
        let unit = try #require(Self.unit(document, id))
        #expect(unit.link == "1-1")
        #expect(unit.texts[.nl]?.text.hasPrefix("Voor wat de contractuelen betreft") == true)
        #expect(unit.texts[.fr]?.text.hasPrefix("En ce qui concerne les agents contractuels") == true)
        // Neither paragraph is reported alone, nor as a merge.
        let neighbours = Self.unit(document, "expl-p11").map { [$0.id, id] } ?? []
        #expect(neighbours.count == 2)
        #expect(!document.findings.contains { [.unitInOneLanguage, .joinedParagraphs].contains($0.code) && neighbours.contains($0.unit) })
    }

    /// A sentence left out next to one on the same subject is not folded into its
    /// neighbour's 2-1 link: the two would share the subject's words, not translate two parts.
    @Test func aSentenceLeftOutIsNotFoldedIntoItsNeighboursLink() throws {
        let document = try Self.billWithout("Dans les deux groupes, ce pourcentage", in: .fr)
        #expect(document.findings.filter { $0.code == .sentenceWithoutCounterpart }.map(\.message) == [
            "the Dutch sentence \"Voor beide groepen ligt dat hoger dan voor de gemeenten.\" has no French counterpart",
        ])
    }

    /// A short sentence (seven words) whose counterpart is left out is reported when the
    /// alignment is sure it is alone and the dictionary finds its words in no neighbouring link.
    @Test func aShortSentenceLeftAloneIsReportedWhenNoNeighbourTranslatesIt() throws {
        let document = try Self.billWithout("Ook in 2023 blijft deze trend dus aanwezig.", in: .nl)
        #expect(document.findings.filter { $0.code == .sentenceWithoutCounterpart }.map(\.message) == [
            "the French sentence \"On note toujours cette tendance en 2023.\" has no Dutch counterpart",
        ])
    }

    /// A sentence whose counterpart is left out, beside a 1-1 link whose lengths it would
    /// suit a little better joined: the aligner weighed that 1-2 link itself and found the
    /// sentence alone likelier, so it is reported. Beside a sentence of the other language
    /// with a clause it may render (`…; de toezichthoudende overheid kan er dus niet aan
    /// verzaken`), lengths still say "merged": the clean bill's `L’autorité de tutelle ne peut
    /// donc pas y renoncer.` is no omission.
    @Test func aSentenceLeftOutBesideAOneToOneLinkIsReported() throws {
        let seed = String(decoding: try bytes(Paths.seed), as: UTF8.self)
        let text = seed.replacingOccurrences(of: " Met deze resolutietekst willen wij hier uitdrukkelijk verandering in brengen.", with: "")
        try #require(text != seed)
        let document = try Pipeline.document(from: Array(text.utf8), source: "variant", glossary: CheckTests.glossary)
        #expect(document.findings.filter { $0.code == .sentenceWithoutCounterpart }.map(\.message) == [
            "the French sentence \"La présente proposition de résolution vise à y remédier expressément.\" has no Dutch counterpart",
        ])
        let bill = try Pipeline.document(from: bytes(Paths.realBill), source: Paths.realBill, glossary: CheckTests.glossary)
        #expect(!bill.findings.contains { $0.code == .sentenceWithoutCounterpart })
    }

    /// The seed's French folds `Strafrechtelijke vervolging is de logische volgende stap.`
    /// into its sentence before (`… et faire l'objet de poursuites pénales.`): the words tell
    /// the merge, and the short sentence left alone is not reported.
    @Test func aShortSentenceMergedByTheTranslatorIsTranslatedBeside() throws {
        let unit = try #require(Self.unit(Self.seed, "expl-p6"))
        let nl = try #require(unit.texts[.nl]?.text)
        let lone = try #require(unit.sentenceLinks.first { $0.fr.isEmpty })
        #expect(NumberWords.substring(nl, lone.nl[0]) == "Strafrechtelijke vervolging is de logische volgende stap.")
        #expect(try #require(lone.shareTranslatedBeside) >= 0.2)
        #expect(!Self.seed.findings.contains { $0.code == .sentenceWithoutCounterpart })
    }

    /// A paragraph that lost one of its two sentences (`De cijfers zijn de volgende:` is left)
    /// is too short for the unit aligner; its one sentence translates only the French
    /// paragraph's second, and that French paragraph's sentences link only to it: the two are
    /// a pair, and the French sentence alone is reported.
    @Test func aParagraphThatLostOneOfTwoSentencesIsPairedByItsSentences() throws {
        let document = try Self.billWithout("Dezelfde opmerkingen die voor de gemeenten", in: .nl)
        let findings = document.findings.filter { $0.code == .sentenceWithoutCounterpart }
        #expect(findings.map(\.message) == [
            "the French sentence \"Les remarques formulées à propos des communes s’appliquent également aux CPAS.\" has no Dutch counterpart",
        ])
        let id = try #require(findings.first?.unit)
        let unit = try #require(Self.unit(document, id))
        #expect(unit.texts[.nl]?.text.trimmingCharacters(in: .whitespaces) == "De cijfers zijn de volgende:")
        #expect(unit.link == "1-1")
    }

    /// Sentences end with their passage: a table's header row joined to a paragraph is a
    /// sentence of its own, not the start of the paragraph's first.
    @Test func sentencesDoNotRunOnFromOnePassageIntoTheNext() throws {
        let located = { (text: String) in LocatedText(text, span: SourceSpan()) }
        var unit = TextUnit(kind: .paragraph, texts: [.nl: located("Totaal per jaar"), .fr: located("Total par an Une phrase. Une autre.")])
        unit.passages[.nl]!.append(located("Een zin. Nog een."))
        #expect(unit.passageRanges(.nl) == [0..<15, 16..<33])
        let linked = SentenceAligner(ratio: 1.1, names: []).link(unit)
        let dutch = linked.sentenceLinks.flatMap(\.nl).map { NumberWords.substring(unit.texts[.nl]!.text, $0) }
        #expect(dutch == ["Totaal per jaar", "Een zin.", "Nog een."])
    }

    /// Paragraph ends the layout did not show, set where the other language shows them: two
    /// Dutch paragraphs that plain `pdftotext` ran into one are cut at the soft break where
    /// the French second paragraph begins, each half keeping its lines; a Dutch paragraph
    /// that a page end cut is joined again. A soft break where the French paragraphs do not
    /// end is left alone. Three paragraphs run into one are cut twice.
    @Test func paragraphsAreMendedWhereTheOtherLanguageShowsTheirEnds() throws {
        let line = { (text: String, number: Int) in LocatedText(text, lines: SourceLines(number)) }
        var dutch = line("Drugskartels opereren transnationaal en werken steeds professioneler.", 10)
        dutch.append(afterSoftBreak: line("België beschikt via Defensie over unieke capaciteiten.", 11), lineFill: 1)
        dutch.append(line("Die worden vandaag vooral militair ingezet.", 12))
        #expect(dutch.softBreaks.map(\.offset) == [70])
        let cartels = line("Les cartels de la drogue opèrent à l'échelle transnationale et sont de plus en plus professionnels.", 20)
        let belgium = line("La Belgique dispose, via la Défense, de capacités uniques.", 22)
        let military = line("Elles sont aujourd'hui surtout utilisées dans un contexte militaire.", 23)
        var unit = TextUnit(kind: .paragraph, texts: [.nl: dutch, .fr: cartels])
        unit.passages[.fr]!.append(belgium)
        unit.passages[.fr]![1].append(military)
        let aligner = SentenceAligner(ratio: 1.2, names: [])
        let cut = aligner.mendingParagraphs([aligner.link(unit)])
        #expect(cut.map { $0.passages[.nl]!.map(\.text) } == [["Drugskartels opereren transnationaal en werken steeds professioneler."],
                                                             ["België beschikt via Defensie over unieke capaciteiten. Die worden vandaag vooral militair ingezet."]])
        #expect(cut.map { $0.passages[.nl]![0].span.lines.description } == ["10", "11-12"])
        #expect(cut.map(\.link) == ["1-1", "1-1"])

        // The French paragraphs end after the second sentence, where Dutch has no soft break.
        var late = TextUnit(kind: .paragraph, texts: [.nl: dutch, .fr: cartels])
        late.passages[.fr]![0].append(belgium)
        late.passages[.fr]!.append(military)
        #expect(aligner.mendingParagraphs([aligner.link(late)]).count == 1)

        // Three Dutch paragraphs run into one: the unit aligner links two French ones to it
        // and leaves the third alone; the second cut gives that one its Dutch half.
        var three = line("Drugskartels opereren transnationaal en werken steeds professioneler.", 10)
        three.append(afterSoftBreak: line("België beschikt via Defensie over unieke capaciteiten.", 11), lineFill: 1)
        three.append(afterSoftBreak: line("Die worden vandaag vooral militair ingezet.", 12), lineFill: 1)
        var linkedTwo = TextUnit(kind: .paragraph, texts: [.nl: three, .fr: cartels])
        linkedTwo.passages[.fr]!.append(belgium)
        let alone = TextUnit(kind: .paragraph, texts: [.fr: military])
        let thrice = aligner.mendingParagraphs([aligner.link(linkedTwo), aligner.link(alone)])
        #expect(thrice.map { $0.passages[.nl]?.map(\.text) ?? [] } == [["Drugskartels opereren transnationaal en werken steeds professioneler."],
                                                                   ["België beschikt via Defensie over unieke capaciteiten."],
                                                                   ["Die worden vandaag vooral militair ingezet."]])
        #expect(thrice.map(\.link) == ["1-1", "1-1", "1-1"])

        // A paragraph cut by a page end is joined; two items on one page (their bullets gone) are not.
        let onPage = { (text: String, number: Int, page: Int) in LocatedText(text, span: SourceSpan(lines: SourceLines(number), page: page)) }
        let costs = onPage("Les coûts pour notre santé publique s'élèvent à 1 milliard d'euros par an.", 40, 1)
        for (page, joins) in [(2, true), (1, false)] {
            var split = TextUnit(kind: .paragraph, texts: [.nl: onPage("De kosten voor onze", 30, 1), .fr: costs])
            split.passages[.nl]!.append(onPage("volksgezondheid lopen op tot 1 miljard euro per jaar.", 34, page))
            let mended = aligner.mendingParagraphs([aligner.link(split)])
            #expect(mended.map { $0.passages[.nl]!.count } == [joins ? 1 : 2], "page \(page)")
            if joins { #expect(mended[0].passages[.nl]![0].text == "De kosten voor onze volksgezondheid lopen op tot 1 miljard euro per jaar.") }
        }
    }

    /// A paragraph that the read stage parted at a guessed end (a line that closed a
    /// sentence a little short of its column) is joined again where the other language has
    /// it as one; parted at a sure end, the two stay a merge the other language made (P105).
    @Test func aParagraphPartedAtAGuessedEndIsJoinedAgain() {
        let line = { (text: String, number: Int) in LocatedText(text, lines: SourceLines(number)) }
        let aligner = SentenceAligner(ratio: 1.2, names: [])
        for guessed in [true, false] {
            var first = line("Drugskartels opereren transnationaal en werken steeds professioneler.", 10)
            first.endIsGuessed = guessed
            var unit = TextUnit(kind: .paragraph, texts: [.nl: first, .fr: line("Les cartels de la drogue opèrent à l'échelle transnationale et sont de plus en plus professionnels. La Belgique dispose, via la Défense, de capacités uniques.", 20)])
            unit.passages[.nl]!.append(line("België beschikt via Defensie over unieke capaciteiten.", 11))
            let mended = aligner.mendingParagraphs([aligner.link(unit)])
            #expect(mended.map { $0.passages[.nl]!.count } == [guessed ? 1 : 2], "guessed: \(guessed)")
            if guessed {
                #expect(mended[0].passages[.nl]![0].text == "Drugskartels opereren transnationaal en werken steeds professioneler. België beschikt via Defensie over unieke capaciteiten.")
                #expect(mended[0].passages[.nl]![0].span.lines.description == "10-11")
            }
        }
        // A second passage that nothing in French translates stands alone, guessed end or not.
        var first = line("Drugskartels opereren transnationaal en werken steeds professioneler.", 10)
        first.endIsGuessed = true
        var lone = TextUnit(kind: .paragraph, texts: [.nl: first, .fr: line("Les cartels de la drogue opèrent à l'échelle transnationale et sont de plus en plus professionnels.", 20)])
        lone.passages[.nl]!.append(line("Deze tekst werd aangenomen door de commissie voor de Landsverdediging op de vergadering van dinsdag.", 11))
        let mended = aligner.mendingParagraphs([aligner.link(lone)])
        #expect(mended.map(\.link) == ["1-1", "1-0"])
    }

    /// Plain `pdftotext` ran two paragraphs into one block in both columns: where a sentence
    /// that ends a line in both languages is followed by the same link's sentences, and one
    /// of the two lines stops short, both are cut there; two full lines that happen to close
    /// a sentence together are no paragraph end, unless the next line's first word would
    /// have fit at the end of both (a typesetter breaks a paragraph's line where it does not).
    @Test func paragraphsRunTogetherInBothLanguagesAreCutWhereALineStopsShort() throws {
        let line = { (text: String, number: Int) in LocatedText(text, lines: SourceLines(number)) }
        let aligner = SentenceAligner(ratio: 1.2, names: [])
        func mended(dutchFill: Double, frenchFill: Double, room: (nl: Bool, fr: Bool) = (false, false)) -> [[String]] {
            var dutch = line("Drugskartels opereren transnationaal en werken steeds professioneler.", 10)
            dutch.append(afterSoftBreak: line("België beschikt via Defensie over unieke capaciteiten.", 11), lineFill: dutchFill, roomForNextWord: room.nl)
            var french = line("Les cartels de la drogue opèrent à l'échelle transnationale et sont de plus en plus professionnels.", 20)
            french.append(afterSoftBreak: line("La Belgique dispose, via la Défense, de capacités uniques.", 21), lineFill: frenchFill, roomForNextWord: room.fr)
            let unit = TextUnit(kind: .paragraph, texts: [.nl: dutch, .fr: french])
            return aligner.mendingParagraphs([aligner.link(unit)]).map { unit in Language.allCases.flatMap { unit.passages[$0]!.map(\.text) } }
        }
        #expect(mended(dutchFill: 1, frenchFill: 0.4) == [
            ["Drugskartels opereren transnationaal en werken steeds professioneler.",
             "Les cartels de la drogue opèrent à l'échelle transnationale et sont de plus en plus professionnels."],
            ["België beschikt via Defensie over unieke capaciteiten.", "La Belgique dispose, via la Défense, de capacités uniques."],
        ])
        #expect(mended(dutchFill: 0.95, frenchFill: 0.9).count == 1)
        #expect(mended(dutchFill: 0.8, frenchFill: 0.87, room: (true, true)).count == 2)
        #expect(mended(dutchFill: 0.8, frenchFill: 0.87, room: (true, false)).count == 1)
        // As a development dump sets them: a Typst column marks no paragraph end, and
        // `geavanceerder worden.` (44 characters of 55) left room for `België`, `avancés.` (49
        // of 56) for `La`.
        let document = try PDFReadingTests.development("dev-22-t5-seed-nl-libertinus.layout.txt")
        let pairs = PDFReadingTests.pairs(document.sections)
        #expect(pairs.contains { $0[0].hasPrefix("België beschikt via Defensie") && $0[1].hasPrefix("La Belgique dispose") })
        // Nor where the next word would not have fit: a ragged column's first sentence fills
        // its line in both languages (`… de interne veiligheid.` / `Drugscriminelen …`).
        let ragged = try PDFReadingTests.development("dev-15-w3-seed-fr-left-ragged.layout.txt")
        #expect(PDFReadingTests.pairs(ragged.sections).contains { $0[0].contains("de interne veiligheid. Drugscriminelen gaan") })
        // Not where the next line is a short piece: `-raw` breaks a line of print after a raised
        // note marker (`… vernietigd.12` / `De`, `… suspendues.12` / `Il ajoute`).
        let raw = try PDFReadingTests.development("dev-20-l4-bill-nl-pagella.raw.txt")
        let whole = raw.sections.flatMap(\.units).filter { (unit: TextUnit) -> Bool in
            guard let dutch = unit.passages[.nl], let french = unit.passages[.fr], dutch.count == 1, french.count == 1 else { return false }
            return dutch[0].text.contains("werd vernietigd. De vicegouverneur voegt er wel aan toe")
                && french[0].text.contains("avait suspendues. Il ajoute toutefois")
        }
        #expect(whole.count == 1)

        // Three paragraphs run together in both: cut twice, each piece with its own lines.
        var dutch = line("Drugskartels opereren transnationaal en werken steeds professioneler.", 10)
        dutch.append(afterSoftBreak: line("België beschikt via Defensie over unieke capaciteiten.", 11), lineFill: 0.5)
        dutch.append(afterSoftBreak: line("Die worden vandaag vooral militair ingezet.", 12), lineFill: 0.5)
        var french = line("Les cartels de la drogue opèrent à l'échelle transnationale et sont de plus en plus professionnels.", 20)
        french.append(afterSoftBreak: line("La Belgique dispose, via la Défense, de capacités uniques.", 21), lineFill: 1)
        french.append(afterSoftBreak: line("Elles sont aujourd'hui surtout utilisées dans un contexte militaire.", 22), lineFill: 1)
        let three = aligner.mendingParagraphs([aligner.link(TextUnit(kind: .paragraph, texts: [.nl: dutch, .fr: french]))])
        #expect(three.map { $0.passages[.nl]![0].span.lines.description } == ["10", "11", "12"])
        #expect(three.map { $0.passages[.fr]![0].text } == ["Les cartels de la drogue opèrent à l'échelle transnationale et sont de plus en plus professionnels.",
                                                            "La Belgique dispose, via la Défense, de capacités uniques.",
                                                            "Elles sont aujourd'hui surtout utilisées dans un contexte militaire."])
    }

    /// Each language ran a paragraph into another: Dutch the second into the first, French
    /// the second into the third. The first unit ends on Dutch sentences alone, the second
    /// opens on French ones: both are cut at their soft breaks, and the pieces between make
    /// the second paragraph's unit. Without a soft break where the sentences cross, nothing
    /// is cut.
    @Test func paragraphsRunTogetherAtDifferentPlacesAreCutWhereTheSentencesCross() {
        let line = { (text: String, number: Int) in LocatedText(text, lines: SourceLines(number)) }
        let aligner = SentenceAligner(ratio: 1.2, names: [])
        let nl = ["Drugskartels opereren transnationaal en werken steeds professioneler met logistieke netwerken.",
                  "België beschikt via Defensie over unieke capaciteiten zoals drones en satellietbeelden.",
                  "Tegelijk is drugshandel ook een interne problematiek in onze eigen Defensie geworden."]
        let fr = ["Les cartels de la drogue opèrent à l'échelle transnationale avec des réseaux logistiques professionnels.",
                  "La Belgique dispose, via la Défense, de capacités uniques comme les drones et les images satellites.",
                  "Par ailleurs, le trafic de stupéfiants est aussi devenu une problématique interne à notre Défense."]
        func mended(softBreaks: Bool) -> [[String]] {
            func joined(_ first: LocatedText, _ second: LocatedText) -> LocatedText {
                var text = first
                if softBreaks { text.append(afterSoftBreak: second, lineFill: 0.9) } else { text.append(second) }
                return text
            }
            let first = TextUnit(kind: .paragraph, texts: [.nl: joined(line(nl[0], 10), line(nl[1], 11)), .fr: line(fr[0], 20)])
            let second = TextUnit(kind: .paragraph, texts: [.nl: line(nl[2], 12), .fr: joined(line(fr[1], 21), line(fr[2], 22))])
            return aligner.mendingParagraphs([aligner.link(first), aligner.link(second)]).map { unit in
                Language.allCases.flatMap { unit.passages[$0]?.map(\.text) ?? [] }
            }
        }
        #expect(mended(softBreaks: true) == [[nl[0], fr[0]], [nl[1], fr[1]], [nl[2], fr[2]]])
        #expect(mended(softBreaks: false).count == 2)
    }

    /// A piece of a paragraph that the read stage parted at a guessed end, left alone by the
    /// unit aligner beside the rest linked to the whole other paragraph, is joined to it; a
    /// piece parted at a sure end, or one that the other language does not translate, stays
    /// alone.
    @Test func aLonePieceOfAParagraphJoinsItsRestAtAGuessedEnd() {
        let line = { (text: String, number: Int) in LocatedText(text, span: SourceSpan(lines: SourceLines(number), order: number)) }
        let aligner = SentenceAligner(ratio: 1.2, names: [])
        let french = "Le trafic international de stupéfiants représente une menace sérieuse pour la santé publique. Les trafiquants de drogues s'affrontent dans nos rues pour le contrôle du territoire, faisant des victimes parmi les citoyens innocents."
        let rest = "Drugscriminelen strijden in onze straten om territorium, waarbij niet zelden onschuldige burgers het slachtoffer worden."
        // The French text read after the Dutch one, or before it (French on the left).
        func mended(_ piece: String, guessed: Bool, frenchAt: Int = 20) -> [TextUnit] {
            var first = line(piece, 10)
            first.endIsGuessed = guessed
            let lone = TextUnit(kind: .paragraph, texts: [.nl: first])
            let whole = TextUnit(kind: .paragraph, texts: [.nl: line(rest, 11), .fr: line(french, frenchAt)])
            return aligner.mendingParagraphs([lone, aligner.link(whole)])
        }
        func mended(_ piece: String, guessed: Bool) -> [String] { mended(piece, guessed: guessed).map(\.link) }
        let translated = "De internationale drugshandel vormt een ernstige bedreiging voor de volksgezondheid."
        #expect(mended(translated, guessed: true) == ["1-1"])
        for frenchAt in [20, 3] {
            #expect(mended(translated, guessed: true, frenchAt: frenchAt).map { $0.texts[.nl]?.text } == [translated + " " + rest])
        }
        #expect(mended(translated, guessed: false) == ["1-0", "1-1"])
        #expect(mended("Deze tekst werd aangenomen door de commissie voor de Landsverdediging op dinsdag.", guessed: true) == ["1-0", "1-1"])
    }

    /// A labelled unit (a consideration) whose sentence the read stage parted at a guessed end
    /// in one language takes the lone piece after it, where its sentences translate; never
    /// the piece before it (a label opens its unit), nor one the other language lacks.
    @Test func aLabelledUnitTakesTheLonePieceAfterItsGuessedEnd() {
        let line = { (text: String, number: Int) in LocatedText(text, span: SourceSpan(lines: SourceLines(number), order: number)) }
        let aligner = SentenceAligner(ratio: 1.2, names: [])
        let dutch = "overwegende dat de internationale drugshandel een ernstige bedreiging vormt voor de volksgezondheid."
        let piece = "Drugscriminelen strijden in onze straten om territorium, waarbij onschuldige burgers het slachtoffer worden;"
        let french = "considérant que le trafic international de stupéfiants représente une menace sérieuse pour la santé publique. Les trafiquants s'affrontent dans nos rues pour le contrôle du territoire, faisant des victimes parmi les citoyens innocents;"
        func mended(_ piece: String, guessed: Bool, pieceFirst: Bool = false) -> [TextUnit] {
            var own = line(dutch, 10)
            own.endIsGuessed = guessed
            let consideration = aligner.link(TextUnit(kind: .consideration, label: "A", texts: [.nl: own, .fr: line(french, 20)]))
            // A piece before the unit ends at a guess too: still no part of it.
            var alone = line(piece, pieceFirst ? 9 : 11)
            alone.endIsGuessed = pieceFirst
            let lone = TextUnit(kind: .paragraph, texts: [.nl: alone])
            return aligner.mendingParagraphs(pieceFirst ? [lone, consideration] : [consideration, lone])
        }
        let joined = mended(piece, guessed: true)
        #expect(joined.count == 1 && joined[0].label == "A" && joined[0].texts[.nl]?.text == dutch + " " + piece)
        #expect(mended(piece, guessed: false).count == 2)
        #expect(mended(piece, guessed: true, pieceFirst: true).count == 2)
        #expect(mended("Deze tekst werd aangenomen door de commissie voor de Landsverdediging op dinsdag.", guessed: true).count == 2)
        // A line the other language lacks, after a consideration that ends on `;`: the
        // consideration's last sentence runs on into it, and its link covers none of the piece's own.
        let semicolon = aligner.link(TextUnit(kind: .consideration, label: "C", texts: [
            .nl: { var own = line(dutch.dropLast() + ";", 10); own.endIsGuessed = true; return own }(),
            .fr: line("considérant que le trafic international de stupéfiants représente une menace sérieuse pour la santé publique;", 20)]))
        let annex = TextUnit(kind: .paragraph, texts: [.nl: line("Zie ook de bijlage bij deze resolutie.", 11)])
        #expect(aligner.mendingParagraphs([semicolon, annex]).count == 2)
    }

    /// Where blank lines mark every paragraph (no block holds two), a line that closes a
    /// sentence is no soft break: one Dutch paragraph for two French ones stays a merge (P105).
    @Test func blankLinesThatMarkParagraphsKeepAMergeAMerge() throws {
        let text = """
        BELGISCHE KAMER VAN VOLKSVERTEGENWOORDIGERS

        **VOORSTEL VAN RESOLUTIE**

        ---

        CHAMBRE DES REPRÉSENTANTS DE BELGIQUE

        **PROPOSITION DE RÉSOLUTION**

        ---

        ## TOELICHTING

        De internationale drugshandel vormt een ernstige bedreiging voor de volksgezondheid en de interne veiligheid.
        Drugscriminelen gaan in onze eigen straten steeds driester te werk in hun strijd om territorium, waarbij niet zelden ook onschuldige burgers het slachtoffer worden.

        ## DÉVELOPPEMENTS

        Le trafic international de stupéfiants représente une menace sérieuse pour la santé publique et la sécurité intérieure.

        Les trafiquants de drogues se montrent de plus en plus téméraires dans nos rues pour s'assurer le contrôle du territoire, faisant régulièrement des victimes parmi les citoyens innocents.
        """
        let document = try Pipeline.document(from: Array(text.utf8), source: "clean", glossary: CheckTests.glossary)
        #expect(document.findings.map(\.code).contains(.joinedParagraphs))
    }

    /// The document's own terms are learnt from its surest sentence links.
    @Test func wordPairsAreLearntFromTheDocumentsOwnSentences() throws {
        let key = { (word: String) in BilingualDictionary.keys(word)[0] }
        let (nl, fr, taal, langue, vaak, souvent) = (key("OCMW"), key("CPAS"), key("taalwet"), key("langues"), key("gemeenten"), key("communes"))
        // Together three times and nowhere apart: paired; together twice: not yet.
        let learnt = BilingualDictionary().adding(associationsIn: [([nl, vaak], [fr, souvent]), ([nl], [fr]), ([nl, taal], [fr, langue]), ([taal], [langue]), ([vaak], [souvent])])
        #expect(learnt.translates(nl, fr))
        #expect(!learnt.translates(taal, langue))
        // A word found with many others is paired with none of them (Dice): `vaak` meets `fr` once.
        #expect(!learnt.translates(vaak, fr))
        // Learnt pairs alone are no lexicon: they say nothing of the words they leave out.
        #expect(!learnt.hasLexicon && BilingualDictionary(pairs: [("huis", "maison")]).hasLexicon)
        // On the bill, `OCMW` / `CPAS`, which FreeDict lacks.
        let plain = SentenceAligner(ratio: 1.1, names: [])
        try #require(!plain.dictionary.translates(nl, fr))
        let units = Self.bill.sections.flatMap(\.units)
        #expect(plain.learning(from: units).dictionary.translates(nl, fr))
    }

    /// The evaluation's injection on the seed: every sentence deleted in turn is found at a
    /// rate the benchmark reports; here, that the machinery finds most and quotes right.
    @Test func injectedOmissionsOfTheSeedAreMostlyFound() throws {
        let parsed = Parser.parse(try Reader.read(bytes(Paths.seed), source: Paths.seed))
        let evaluation = OmissionEvaluation(parsed: parsed, glossary: CheckTests.glossary)
        let trials = evaluation.sentenceTrials()
        #expect(trials.count >= 20)
        #expect(Double(trials.filter(\.found).count) >= 0.7 * Double(trials.count))
        #expect(evaluation.falseFindings.isEmpty)
    }
}
