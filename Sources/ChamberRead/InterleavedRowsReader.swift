import Foundation
import ChamberModel

/// Reads `pdftotext -raw` output of a PDF that draws its two columns row by row: the dump
/// follows the drawing order, so a line holds the left column's line, the right column's,
/// or both run together with a single space between them (`… kosten die de drugsproble-
/// atteint un milliard d'euros …`). There is no gutter to cut at: each line is cut where its
/// words change language (`LanguageBoundary`), and the two sides are then read as the raw
/// reader reads a column.
struct InterleavedRowsReader: LayoutReader {
    let joiner: LineJoiner

    func read(_ lines: [SourceLine]) -> LayoutReading {
        var reading = LayoutReading()
        let (pages, removed) = PageFurniture.split(lines)
        reading.furniture = removed
        let boundary = LanguageBoundary(lines: lines.filter { !$0.isBlank }.map(\.text))
        var sides: [[[(text: Substring, line: SourceLine)]]] = []
        for page in pages {
            let tables = BilingualTables.find(in: page.map { ($0.text, $0.number) }, joiner: joiner)
            reading.tables.add(tables)
            var cells: [[(text: Substring, line: SourceLine)]] = [[], []]
            var context = LanguageBoundary.Context()
            for line in page where !line.isBlank && !tables.used.contains(line.number) {
                let cut = boundary.cut(line.text.trimmed, after: context)
                if !cut.left.isEmpty { cells[0].append((cut.left, line)) }
                if !cut.right.isEmpty { cells[1].append((cut.right, line)) }
                context.advance(cut)
            }
            sides.append(cells)
        }
        // Each side's width over the whole document: a page has too few lines to tell.
        let widths = [0, 1].map { side in
            RawLayoutReader.columnWidth(sides.flatMap { $0[side] }.map { $0.text })
        }
        var segments: [[[ColumnLine]]] = []
        for cells in sides {
            for side in [0, 1] {
                let column = cells[side]
                segments.append(column.enumerated().map { index, cell in
                    let next = index + 1 < column.count ? column[index + 1].text : nil
                    let end = RawLayoutReader.lineEnd(cell.text, next: next, wrapSignal: false, width: widths[side])
                    return [ColumnLine(cell.line, text: cell.text, end: end)]
                })
            }
        }
        // Each side is one language; its language is still read from its text, line by line,
        // so that a line cut wrongly goes where its words say.
        for side in segments { reading.fragments += FragmentSplitter.fragments(side, switchCost: 6) }
        return reading
    }
}

/// Where a line of two languages run together changes language.
struct LanguageBoundary {
    /// A line cut into the left column's part and the right column's; either may be empty.
    typealias Cut = (left: Substring, right: Substring)

    /// What the lines before say of a line's cut: the cut of the line just before, each
    /// column's last part, and whether its text stops mid-sentence, so that it must go on.
    struct Context {
        private(set) var previous: Cut?
        private(set) var last: Cut = ("", "")
        private(set) var goesOn = (left: false, right: false)
        private(set) var closes = (left: false, right: false)
        /// The number of the footnote that the left column's last part opened (`1 Rapport du
        /// vice-gouverneur …`), until a part opens another.
        private(set) var leftNote: String?

        mutating func advance(_ cut: Cut) {
            previous = cut
            if !cut.left.isEmpty {
                last.left = cut.left
                (goesOn.left, closes.left) = Self.ending(cut.left)
                leftNote = Labels.footnoteNumber(cut.left)?.number ?? (closes.left ? nil : leftNote)
            }
            if !cut.right.isEmpty {
                last.right = cut.right
                (goesOn.right, closes.right) = Self.ending(cut.right)
            }
        }

        /// Whether a part goes on mid-sentence, and whether it closes a sentence: a heading or
        /// a salutation does neither (`Dames en Heren,`).
        private static func ending(_ part: Substring) -> (goesOn: Bool, closes: Bool) {
            if Lexicon.isWholeHeading(part) { return (false, false) }
            return (LanguageBoundary.goesOn(part), PageCut.closesSentence(String(part)))
        }

        /// The articles, which open a sentence in capitals but go on in one in lower case.
        private static let articles: Set<String> = ["de", "het", "een", "le", "la", "les", "l", "un", "une", "des", "du"]

        /// Whether a column's part misreads its text before: lower case after a closed
        /// sentence (other than a label), or a capital article in a sentence that goes on
        /// (`… s'assurer le` / `De contrôle`).
        func misreads(_ part: Substring, left: Bool) -> Bool {
            guard let first = part.first else { return false }
            if left ? closes.left : closes.right { return first.isLowercase && !part.opensBlock }
            guard left ? goesOn.left : goesOn.right, first.isUppercase else { return false }
            return Self.articles.contains(part.prefix { $0.isLetter }.lowercased())
        }
    }

    /// The language of the left column.
    let left: Language
    /// How long, in characters, a full line of each column is; nil where the document does
    /// not tell.
    private(set) var widths: (left: LineLengths?, right: LineLengths?)

    /// The lengths of a column's full lines: the lines that a line-end hyphen cuts, which
    /// the typesetter filled as far as it could, or, where it seldom hyphenates, the parts
    /// of a first cut that stop mid-sentence. Justified lines are all about as long; ragged
    /// ones spread, and so does the range.
    struct LineLengths {
        /// Shorter than this, running text stops before the column's end (the 10th percentile,
        /// less a tenth for proportional fonts).
        let short: Int
        /// The most common full line (the median).
        let full: Int
        /// Longer than this, a part holds more than its column's line: the upper quartile (a
        /// first cut's lengths hold some too long, its errors) and a quarter more (the spread of
        /// a justified column's lines in characters of proportional type); nil under twenty
        /// lengths, too few to show that spread.
        let long: Int?

        init?(_ values: [Int]) {
            guard values.count >= 5 else { return nil }
            let sorted = values.sorted()
            short = sorted[sorted.count / 10] * 9 / 10
            full = sorted[sorted.count / 2]
            long = sorted.count >= 20 ? sorted[sorted.count * 3 / 4] * 5 / 4 : nil
        }
    }

    /// The boundary of a document's lines: the left column's language first, then the
    /// column widths from the lines that a line-end hyphen cuts (`drugsproble-` / `atteint
    /// …`): the left part is a full line, and so is the right one when it ends with a
    /// line-end hyphen too.
    ///
    /// The cuts are then made again with what a first cut of every line says of the
    /// document's own words (`learned`), and, where too few lines were cut by a hyphen, of
    /// its column widths.
    init(lines: [Substring]) {
        left = Self.leftLanguage(lines)
        var lefts: [Int] = [], rights: [Int] = []
        for line in lines {
            // Only the words are needed here, not their evidence.
            let words = line.split(separator: " ").map { (word: $0, lean: 0.0) }
            guard let k = Self.hyphenCut(words) else { continue }
            lefts.append(line[..<words[k - 1].word.endIndex].unicodeScalars.count)
            // The right part is a full line when it too ends with a line-end hyphen.
            if Self.endsWithLineHyphen(line) { rights.append(line[words[k].word.startIndex...].unicodeScalars.count) }
        }
        widths = (LineLengths(lefts), LineLengths(rights))
        var counts: [String: (left: Int, right: Int)] = [:]
        var context = Context()
        // A first cut's parts that stop mid-sentence, the left one before a right one, are
        // full lines too: many more than the hyphen-cut ones where the typesetter seldom
        // hyphenates, which the left column's hyphen cuts tell (the right one's count only
        // where the line ends with a hyphen as well).
        var fullLefts: [Int] = [], fullRights: [Int] = []
        for line in lines {
            let cut = cut(line, after: context)
            for word in cut.left.split(separator: " ") { counts[Self.key(word), default: (0, 0)].left += 1 }
            for word in cut.right.split(separator: " ") { counts[Self.key(word), default: (0, 0)].right += 1 }
            if !cut.left.isEmpty, !cut.right.isEmpty {
                if Self.goesOn(cut.left) { fullLefts.append(cut.left.unicodeScalars.count) }
                if Self.goesOn(cut.right) { fullRights.append(cut.right.unicodeScalars.count) }
            }
            context.advance(cut)
        }
        if lefts.count < Self.enoughHyphenCuts {
            widths = (LineLengths(fullLefts) ?? widths.left, LineLengths(fullRights) ?? widths.right)
        }
        for (word, count) in counts where !word.isEmpty && count.left + count.right >= 5 {
            learned[word] = log(Double(count.left + 1) / Double(count.right + 1))
        }
        vocabulary = Set(counts.keys)
    }

    /// What a column's line alone costs after one of the same column while the other column's
    /// text goes on: less than a single clear word's evidence.
    static let turn = 2.0

    /// What a part costs that misreads its column's text before (`Context.misreads`): half a
    /// contradiction, since names (`De Wever`) and abbreviations (`art.`) break the rule.
    static let misreading = 4.0

    /// Hyphen-cut lines enough to measure the columns by.
    static let enoughHyphenCuts = 20

    /// Whether a part of a line stops mid-sentence (in a lower-case word, after a comma,
    /// unless in a heading in capitals such as `MESDAMES, MESSIEURS,`, or a line-end hyphen).
    static func goesOn(_ part: Substring) -> Bool {
        guard let last = part.last else { return false }
        return last.isLowercase || last == "," && !Lexicon.isInCapitals(part) || endsWithLineHyphen(part)
    }

    /// Whether a word is an abbreviation that a number follows (`p.`, `blz.`, `n°`).
    private static func announcesNumber(_ word: Substring) -> Bool {
        Lexicon.numberAbbreviations.contains(word.lowercased().trimmingCharacters(in: ["."]))
    }

    /// What the document itself says of its words: for a word met at least five times, the
    /// log-odds of the left column against the right one in a first cut of every line. A
    /// word both languages use (`de`, `interne`) comes out neutral; a word of one column's
    /// own vocabulary (`nauwelijks`, `mate`) leans to it, as a function word does.
    private var learned: [String: Double] = [:]
    /// Every word of the document (`key`), to tell where the rest of a word cut by a line-end
    /// hyphen stands.
    private var vocabulary: Set<String> = []

    /// A word's letters in lower case.
    private static func key(_ word: Substring) -> String { String(word.filter(\.isLetter)).lowercased() }

    /// A line's words with the evidence for the left language (positive) or the right one:
    /// what the document says of the word, else what the language model says.
    private func words(_ line: Substring) -> [(word: Substring, lean: Double)] {
        let sign: Double = left == .nl ? 1 : -1
        return line.split(separator: " ", omittingEmptySubsequences: true).map { word in
            (word, learned[Self.key(word)] ?? sign * LanguageEvidence.score(word))
        }
    }

    /// A line's words with the evidence for Dutch (positive) or French.
    private static func words(_ line: Substring) -> [(word: Substring, lean: Double)] {
        // Split on bytes, whose Characters would cost more: only a combining mark after a space
        // (none in a dump of these documents) would go to the next word.
        line.utf8.split(separator: 0x20, omittingEmptySubsequences: true).map { bytes in
            let word = Substring(bytes)
            return (word, LanguageEvidence.score(word))
        }
    }

    /// The cut of a line into its left-language words and its right-language words, after
    /// the lines before it (`context`): the cut that leaves the least evidence on the wrong
    /// side, where a part that misfits its column counts as much as a contradiction (eight),
    /// one that misreads its column's text before half as much (`misreading`), and a line of
    /// one column alone out of turn less (`turn`). A word that ends with a line-end hyphen
    /// and has words after it (other than a conjunction: `land- en tuinbouw`) ends the left
    /// column's line, whatever its evidence; and a column whose line before, holding both
    /// columns, ended with such a hyphen has a part in this line. Between cuts of equal cost
    /// (names, numbers, labels between the two languages' words), the one before a label,
    /// else the one whose left part is nearest a full line; a line without evidence either
    /// way stays whole. A cover's two cells (`ColumnLine.cellPair`) are cut between them.
    func cut(_ line: Substring, after context: Context) -> Cut {
        let previous = context.previous
        // A cover's two cells run together (two dates, two headings) are cut between them.
        if let cells = Dates.pair(line) ?? Lexicon.cellPair(line) { return cells }
        let words = words(line)
        guard !words.isEmpty else { return ("", "") }
        func parts(_ k: Int) -> Cut {
            if k == 0 { return ("", line) }
            if k == words.count { return (line, "") }
            return (line[..<words[k - 1].word.endIndex], line[words[k].word.startIndex...])
        }
        // Where each word starts and ends, in scalars: a part's length is then known without
        // counting it again for every cut.
        var starts: [Int] = [], ends: [Int] = []
        var offset = 0, index = line.startIndex
        for (word, _) in words {
            offset += line.unicodeScalars[index..<word.startIndex].count
            starts.append(offset)
            offset += word.unicodeScalars.count
            ends.append(offset)
            index = word.endIndex
        }
        let total = offset + line.unicodeScalars[index...].count
        func lengths(_ k: Int) -> (left: Int, right: Int) {
            (k == 0 ? 0 : ends[k - 1], k == words.count ? 0 : total - starts[k])
        }
        // A part that does not fit its column, or running text well short of it that stops
        // mid-sentence (`goesOn`; only a paragraph's last line is short, and it closes a
        // sentence; a heading, a name or a label may be short; a line-end hyphen is only set
        // in a full line): as unlikely as a contradiction.
        func misfits(_ part: Substring, length: Int, _ full: LineLengths?) -> Bool {
            guard let full, length > 0, length < full.short else { return false }
            return Self.goesOn(part) && !Lexicon.isInCapitals(part) && !Lexicon.namesChamber(part)
        }
        func startsWithNumber(_ k: Int) -> Bool { words[k].word.first?.isNumber == true }
        let rightAwaitsNumber = Self.announcesNumber(context.last.right.lastWord)
        // cost[k]: the evidence against the cut before word k.
        var cost = [Double](repeating: 0, count: words.count + 1)
        cost[0] = words.reduce(0) { $0 + max(0, $1.lean) }
        for k in 1...words.count {
            cost[k] = cost[k - 1] - max(0, words[k - 1].lean) + max(0, -words[k - 1].lean)
        }
        for k in cost.indices {
            let (l, r) = parts(k), length = lengths(k)
            // A line of one column alone is as short in either column.
            if !l.isEmpty, !r.isEmpty {
                if misfits(l, length: length.left, widths.left) { cost[k] += 8 }
                if misfits(r, length: length.right, widths.right) { cost[k] += 8 }
            }
            // A part longer than its column's lines holds the other column's words too, where
            // the line holds both columns or the other column's sentence goes on (not a cover's
            // line across the page).
            if let long = widths.left?.long, length.left > long, !r.isEmpty || context.goesOn.right { cost[k] += 8 }
            if let long = widths.right?.long, length.right > long, !l.isEmpty || context.goesOn.left { cost[k] += 8 }
            // An abbreviation keeps its number (`… 2003, p. 11.` / `11.`), also where the right
            // column's line before ended with it (`… 2003, blz.` / `11.`; the left column's
            // number would open the line, which a cut gives the left column anyway).
            if k > 0, k < words.count, startsWithNumber(k), Self.announcesNumber(words[k - 1].word) { cost[k] += 8 }
            if rightAwaitsNumber, k == words.count || !startsWithNumber(k) { cost[k] += 8 }
            if context.misreads(l, left: true) { cost[k] += Self.misreading }
            if context.misreads(r, left: false) { cost[k] += Self.misreading }
            // A column whose line before ended with a line-end hyphen goes on in this line,
            // where the line before held both columns; after a line of that column alone, the
            // other column takes its turn first.
            if let previous, !previous.left.isEmpty, !previous.right.isEmpty {
                if l.isEmpty, Self.endsWithLineHyphen(previous.left) { cost[k] += 8 }
                if r.isEmpty, Self.endsWithLineHyphen(previous.right) { cost[k] += 8 }
            }
        }
        // Drawn row by row, the columns take turns: a line of one column alone follows one of
        // the other while the other's text goes on.
        if let previous, previous.right.isEmpty != previous.left.isEmpty {
            if previous.right.isEmpty, context.goesOn.right { cost[words.count] += Self.turn }
            if previous.left.isEmpty, context.goesOn.left { cost[0] += Self.turn }
        }
        // The two columns number their notes alike: the number of the note the left part is
        // in (opened on this line or before), standing again before a capital or at the line's
        // end, opens the right column's note of that number (`11 Rapport, p. 55. 11 Verslag,
        // blz. 55.`; `Rapport, p. 55. 11` / `Verslag, blz. 55.`).
        if let note = Labels.footnoteNumber(line)?.number ?? context.leftNote {
            for k in 1..<words.count where words[k].word == note && (k + 1 == words.count || words[k + 1].word.first?.isUppercase == true) {
                cost[k] -= 8
            }
        }
        // A column's word cut at its last line goes on at the start of its part: a part that
        // starts with a word ending it as the document writes it elsewhere (`capa-` / `cités`,
        // `Verbe-` / `len`) is as likely as the evidence of a contradiction.
        if let stem = Self.cutWord(context.last.left), vocabulary.contains(Self.key(stem + words[0].word)) { cost[0] += 8 }
        if let stem = Self.cutWord(context.last.right) {
            for k in 0..<words.count where vocabulary.contains(Self.key(stem + words[k].word)) { cost[k] -= 8 }
        }
        let least = cost.min()!
        let ties = cost.indices.filter { cost[$0] <= least + 1e-9 }
        var best: Int
        if let hyphen = Self.hyphenCut(words) {
            best = hyphen
        } else if let label = ties.first(where: { $0 < words.count && parts($0).right.opensBlock }) {
            best = label
        } else if ties.first == 0 && ties.last == words.count && ties.count == words.count + 1 {
            best = words.count
        } else if let full = widths.left?.full {
            best = ties.min { abs(lengths($0).left - full) < abs(lengths($1).left - full) }!
        } else {
            best = ties[ties.count / 2]
        }
        return parts(best)
    }

    /// The cut after a word that ends with a line-end hyphen and has words after it, other
    /// than a conjunction (a suspended hyphen: `land- en tuinbouw`) unless the word after it
    /// leans clearly to the right column (`turn`: French `en` in `drug- en établissant`).
    private static func hyphenCut(_ words: [(word: Substring, lean: Double)]) -> Int? {
        words.indices.dropLast().first { k in
            guard endsWithLineHyphen(words[k].word) else { return false }
            guard Lexicon.suspendingConjunctions.contains(words[k + 1].word.lowercased()) else { return true }
            return words.indices.contains(k + 2) && words[k + 2].lean < -Self.turn
        }.map { $0 + 1 }
    }

    /// The start of the word a line-end hyphen cuts at the end of a part (`capa` of `… de capa-`).
    private static func cutWord(_ part: Substring) -> Substring? {
        endsWithLineHyphen(part) ? part.split(separator: " ").last?.dropLast() : nil
    }

    private static func endsWithLineHyphen(_ text: Substring) -> Bool {
        text.count >= 3 && LineHyphen.endsWord(text)
    }

    /// The language of the left column: the one whose cuts leave the least evidence on the
    /// wrong side, over the whole document.
    private static func leftLanguage(_ lines: [Substring]) -> Language {
        var cost: [Language: Double] = [:]
        for language in Language.allCases {
            let sign: Double = language == .nl ? 1 : -1
            cost[language] = lines.reduce(0) { total, line in
                let leans = words(line).map { sign * $0.lean }
                var right = leans.reduce(0) { $0 + max(0, $1) }, best = right
                for lean in leans {
                    right += max(0, -lean) - max(0, lean)
                    best = min(best, right)
                }
                return total + best
            }
        }
        return cost[.nl]! <= cost[.fr]! ? .nl : .fr
    }

    /// Whether the lines hold two languages row by row: a third or more of the lines that read
    /// clearly change language, within the line or from the one before, and a tenth or more
    /// hold both. A page-serialized dump changes once a column: on the typeset corpus, at most
    /// a fifth of its lines (plain `pdftotext` of paragraph-by-paragraph pages), against about
    /// a half for dumps drawn row by row. Where a PDF sets each row's cells as blocks of their
    /// own (Typst's grid), `-raw` gives a paragraph of one language, then the other's: the
    /// language changes as often where paragraphs are short, but only the cover's and the
    /// headings' lines hold both (7 %, against 15 % to 65 % drawn row by row, whose two
    /// columns' lines share their baselines).
    static func isInterleaved(_ lines: [Substring]) -> Bool {
        var strong = 0, changes = 0, both = 0
        var previous: Bool? = nil
        for line in lines {
            let words = words(line)
            let nl = words.reduce(0) { $0 + max(0, $1.lean) }, fr = words.reduce(0) { $0 + max(0, -$1.lean) }
            // Evidence as strong as a contradiction's (eight) on each side: both languages.
            if nl > 8 && fr > 8 && twoSided(words) {
                strong += 1
                changes += 1
                both += 1
                previous = nil
            } else if abs(nl - fr) > 8 {
                strong += 1
                let isDutch = nl > fr
                if let previous, previous != isDutch { changes += 1 }
                previous = isDutch
            }
        }
        return strong >= 20 && changes * 3 >= strong && both * 10 >= strong
    }

    /// Whether a line cuts into a Dutch part and a French part, each with strong evidence.
    private static func twoSided(_ words: [(word: Substring, lean: Double)]) -> Bool {
        for left in [true, false] {
            let sign: Double = left ? 1 : -1
            var before = 0.0, after = words.reduce(0) { $0 + sign * $1.lean }
            for word in words.dropLast() {
                before += sign * word.lean
                after -= sign * word.lean
                if before > 8 && after < -8 { return true }
            }
        }
        return false
    }
}
