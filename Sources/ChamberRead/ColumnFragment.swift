import ChamberModel
import Foundation

/// How a line relates to the next one of its column, as far as the layout tells.
enum LineEnd: Sendable, Equatable {
    /// The paragraph goes on in the next line (a wrapped line: `pdftotext` leaves a space).
    case continues
    /// The paragraph ends here for sure.
    case endsParagraph
    /// The paragraph seems to end here: the line closes a sentence a little short of its
    /// column, in a layout that does not mark paragraph ends (a `-raw` dump without the wrap
    /// signal, one read row by row, a `-layout` one without blank rows or indents;
    /// `LocatedText.endIsGuessed`).
    case mayEndParagraph
    /// The input separates blocks here (a blank line), but at the end of a column fragment
    /// this may be a page end that cut a paragraph: the assembler decides.
    case endsBlock
}

/// One line of one language's column, with where it came from: the input line of a text
/// dump, or the page box of a PDF's line. `order` is its place in reading order, numbered
/// by `Reader` once the layout reader has put the lines in that order.
struct ColumnLine: Sendable {
    var text: Substring
    /// The input line; nil for a PDF.
    var number: Int?
    var page: Int
    var box: PageBox?
    var end: LineEnd
    var order = 0

    init(text: Substring, number: Int?, page: Int, box: PageBox? = nil, end: LineEnd) {
        self.text = text
        self.number = number
        self.page = page
        self.box = box
        self.end = end
    }

    /// A dump's line.
    init(_ line: SourceLine, text: Substring? = nil, end: LineEnd) {
        self.init(text: text ?? line.text, number: line.number, page: line.page, end: end)
    }

    /// A line of two cells run together, one a language: two dates (`6 februari 2026 6 février
    /// 2026`), two whole headings or two session lines (`Lexicon.cellPair`), two cells of one
    /// labelled unit (`labelPair`), or two short texts that each open with a capital and read
    /// as opposite languages (`De gemeenten Les communes`: a heading of each column on one
    /// line, as `pdftotext -raw` gives a table row's cells), the first closing a sentence
    /// where open text may go on in it (`previous` does not close one: `Difficultés
    /// Knelpunten` / `Les principales difficultés sont les suivantes: De knelpunten …`); cut
    /// into one segment a cell, each to take its own language; nil for any other line.
    static func cellPair(_ line: SourceLine, after previous: Substring?) -> [[ColumnLine]]? {
        let afterOpenText = previous.map { !PageCut.closesSentence($0) } ?? false
        guard let (first, second) = Dates.pair(line.text) ?? Lexicon.cellPair(line.text) ?? labelPair(line.text)
                ?? languagePair(line.text, afterOpenText: afterOpenText)
        else { return nil }
        // A submitters' line whose bracket stays open goes on in the next line, as does the
        // Chamber's name cut short (`Chambre des représentants de Belgique Belgische Kamer van`
        // / `volksvertegenwoordigers`).
        let goesOn = Lexicon.leavesSubmittersOpen(second) || Lexicon.opensChamberName(second)
        let secondEnd: LineEnd = goesOn ? .continues : .endsParagraph
        return [[ColumnLine(line, text: first, end: .endsParagraph)], [ColumnLine(line, text: second, end: secondEnd)]]
    }

    /// The cut of a short line (not a labelled unit's first: `D. gezien … het Maritime` /
    /// `Analysis and …`), before a word in capitals, into two texts that each open with a
    /// capital (or a bracket, a quote, a figure) and lean to opposite languages by two points
    /// or more, each with a word of four letters, the first whole (its brackets closed, not
    /// ending on an article or a preposition: `3. de Belgische deelname aan` / `MAOC-N`): of
    /// such cuts, the one that leaves the least evidence on the wrong side. A line of running
    /// text rarely has two such parts: its words after the first go on in lower case. Nor is a
    /// name that a courtesy title opens cut, nor its party after it (`Mevrouw Nathalie` /
    /// `Dubois (Les Engagés) dient amende-`: a speaker in a report, whose party and cut word
    /// lean French).
    private static func languagePair(_ line: Substring, afterOpenText: Bool) -> (Substring, Substring)? {
        let text = line.trimmed
        guard text.utf8.count <= 100, let first = text.unicodeScalars.first, opensCell(first), !Labels.startsWithLabel(text) else { return nil }
        var best: (first: Substring, second: Substring, separation: Double)?
        for space in text.indices where text[space] == " " {
            let after = text.index(after: space)
            guard after < text.endIndex, let opening = text[after...].unicodeScalars.first, opensCell(opening) else { continue }
            let left = text[..<space].trimmed, right = text[after...]
            // After open text, a capital after a closed sentence: not a quote that running
            // text opens after a colon (`… schreef: « Nous …`).
            guard isBalanced(left), !Lexicon.leavesTextOpen.contains(left.lastWord.lowercased()), hasWord(left), hasWord(right),
                  !afterOpenText || PageCut.closesSentence(left) && opening.properties.isUppercase, !endsInTitledName(left)
            else { continue }
            let a = LanguageEvidence.score(left), b = LanguageEvidence.score(right)
            guard a * b < 0, min(abs(a), abs(b)) >= 2 else { continue }
            if best.map({ abs(a - b) > $0.separation }) ?? true { best = (left, right, abs(a - b)) }
        }
        return best.map { ($0.first, $0.second) }
    }

    /// The two cells of one unit, each opening with its label and short enough to fit a line
    /// with the other (`2. de réduire le délai de demande d'assistance: 2. de termijn voor
    /// het aanvragen van assistentie:`, as `-raw` gives a row of two cells): cut before the
    /// label's second copy, where the two texts lean to opposite languages by two points or
    /// more. Not a text that cites its label again (`3. … zoals bedoeld in 3. …` reads as one
    /// language).
    private static func labelPair(_ line: Substring) -> (Substring, Substring)? {
        let text = line.trimmed
        guard text.utf8.count <= 200, let label = Labels.leading(text) else { return nil }
        let printed = " " + String(decoding: text.utf8.prefix(label.length), as: UTF8.self) + " "
        var best: (first: Substring, second: Substring, separation: Double)?
        var from = text.index(text.startIndex, offsetBy: 1)
        while let range = text[from...].range(of: printed) {
            let left = text[..<range.lowerBound], right = text[text.index(after: range.lowerBound)...]
            let a: Double = LanguageEvidence.score(left), b: Double = LanguageEvidence.score(right)
            if a * b < 0, min(abs(a), abs(b)) >= 2, best.map({ abs(a - b) > $0.separation }) ?? true { best = (left, right, abs(a - b)) }
            from = range.upperBound
        }
        return best.map { ($0.first, $0.second) }
    }

    /// Whether a text ends with a courtesy title, perhaps with the capitalised words of a name
    /// after it (`… Mevrouw`, `… De heer Nathan`, `Mme Nathalie Dubois`, `M. Jan`: an initial
    /// or a title, a name goes on either way).
    private static func endsInTitledName(_ text: Substring) -> Bool {
        let words = text.split(separator: " ").suffix(5).map(String.init)
        // The last title among them, of one word (`Mevrouw`, `Mme`) or two (`de heer`).
        for start in words.indices.reversed() {
            let length = titles.contains(words[start]) ? 1 : start + 1 < words.count && titles.contains(words[start] + " " + words[start + 1]) ? 2 : 0
            if length > 0 { return words[(start + length)...].allSatisfy { $0.first?.isUppercase == true } }
        }
        return false
    }

    /// Both languages' courtesy titles and `M.`, made once: every cut of every short line asks.
    private static let titles = Set(Lexicon.courtesyTitles.values.joined()).union(["M."])

    /// Whether a text holds a word of four letters or more (not `1er` alone).
    private static func hasWord(_ text: Substring) -> Bool {
        text.split(separator: " ").contains { $0.filter(\.isLetter).count >= 4 }
    }

    private static func isBalanced(_ text: Substring) -> Bool {
        text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "(") ? 1 : $1 == UInt8(ascii: ")") ? -1 : 0) } == 0
    }

    private static func opensCell(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUppercase || ("0"..."9").contains(scalar) || "(“\"«".unicodeScalars.contains(scalar)
    }

    var span: SourceSpan {
        SourceSpan(lines: number.map { SourceLines($0) } ?? SourceLines(), page: page, box: box, order: order)
    }

    /// The width of a block of lines of these lengths (in characters): its longest line but
    /// those well over the median length, which plain `pdftotext` made by joining the lines
    /// of a cut word.
    static func width(ofBlock lengths: [Int]) -> Int {
        guard !lengths.isEmpty else { return 0 }
        let median = lengths.sorted()[lengths.count / 2]
        return lengths.filter { $0 * 4 <= median * 5 }.max() ?? 0
    }
}

/// A run of lines of one language between two changes of column: a column of a page, or
/// part of one. Layout readers produce fragments; the assembler turns them into columns.
struct ColumnFragment: Sendable {
    var language: Language
    var lines: [ColumnLine]
    /// A table printed apart from the running text, across both columns: a paragraph that
    /// goes on past it does so after it (`ColumnAssembler`).
    var isTable = false
}

/// What a layout reader finds in the lines of an input: the column fragments, and what
/// belongs to no column (the bilingual tables, the page furniture it removed).
struct LayoutReading {
    var fragments: [ColumnFragment] = []
    var tables = BilingualTables.Found()
    var furniture: [Furniture] = []
    /// Whether the layout shows every paragraph end (`pdftotext`'s trailing space on wrapped
    /// lines, blank lines where no block holds two paragraphs; not a PDF's gaps, which rows
    /// set close together may hide); where it does not, a line that closes a sentence before
    /// a capital is kept as a `SoftBreak`.
    var marksParagraphEnds = false
}

/// A reader of one input layout.
protocol LayoutReader {
    func read(_ lines: [SourceLine]) -> LayoutReading
}

/// Scores segments, labels them with a language, and cuts the labelled sequence into
/// fragments: the part shared by the layouts that must find the column changes themselves.
enum FragmentSplitter {
    /// - Parameter switchCost: the price of a change of language between two segments; a
    ///   change right after a line that `continues` costs three times as much, since the
    ///   layout itself says the text goes on, and one right before a segment that opens a
    ///   block (a labelled heading or item, a footnote) a tenth less, since a unit starts there: neutral
    ///   lines between two languages (a table's rows after its header row) then stay with the
    ///   text before them rather than with a heading after them. A label alone goes with the
    ///   segment after it, as if it went on in it. A signature block ends its column's text:
    ///   its names carry no language evidence, a change between two signatures costs three
    ///   times as much, and one right before a signature half again as much.
    ///   `tables` gives the segments that are a table's cells in one language (which
    ///   `BilingualGrid` gave them): each is a fragment of its own, in that language.
    static func fragments(_ segments: [[ColumnLine]], switchCost: Double, tables: [Int: Language] = [:]) -> [ColumnFragment] {
        var scores = scores(segments)
        for (index, language) in tables { scores[index] = language == .nl ? 1e9 : -1e9 }
        // A label alone (`C.`, which a layout set apart from its text) opens the segment after
        // it: it takes that segment's language, not the one before it, which it never goes on.
        let labelsAlone = segments.map { $0.count == 1 && Labels.isAlone($0[0].text.trimmed) }
        // A signature block is one column's: its names, a line each, stay together, and say
        // nothing of its language (`Kristien Verbelen` reads as Dutch in a French column).
        let signatures = segments.map { $0.allSatisfy { Signatory.names(in: $0.text.trimmed) != nil } }
        for index in segments.indices where signatures[index] && tables[index] == nil { scores[index] = 0 }
        // So is a report's: its captions, in the lexicon's language (`La rapporteure,` / `Le
        // président,`), then a name under each, without a party, which has none of its own.
        var unsignedCaptions = 0
        for (index, segment) in segments.enumerated() where tables[index] == nil {
            let caption = segment.first.flatMap { Lexicon.signingCaptionLanguage($0.text.trimmed) }
            if let caption, segment.allSatisfy({ Lexicon.signingCaptionLanguage($0.text.trimmed) == caption }) {
                unsignedCaptions += segment.count
                scores[index] = caption == .nl ? 50 : -50
            } else if segment.count <= unsignedCaptions, segment.allSatisfy({ Signatory.isBareName($0.text.trimmed) }) {
                unsignedCaptions -= segment.count
                scores[index] = 0
            } else {
                unsignedCaptions = 0
            }
        }
        let costs = segments.indices.map { index in
            if labelsAlone[index] { return 0.9 * switchCost }
            if index > 0 && (segments[index - 1].last?.end == .continues || labelsAlone[index - 1] || signatures[index - 1] && signatures[index]) {
                return 3 * switchCost
            }
            if signatures[index] { return 1.5 * switchCost }
            guard let first = segments[index].first?.text else { return switchCost }
            return first.opensBlock || Labels.footnoteNumber(first) != nil ? 0.9 * switchCost : switchCost
        }
        let languages = LanguageSequence.label(scores: scores, switchCosts: costs)
        var fragments: [ColumnFragment] = []
        for (index, (segment, language)) in zip(segments, languages).enumerated() {
            if let last = fragments.last, last.language == language, !last.isTable, tables[index] == nil {
                fragments[fragments.count - 1].lines += segment
            } else {
                fragments.append(ColumnFragment(language: language, lines: segment, isTable: tables[index] != nil))
            }
        }
        return fragments
    }

    /// A switch cost that follows the document: a dump that alternates languages paragraph
    /// by paragraph (`pdftotext` reading two columns set side by side row by row) makes a
    /// change cheap, one that gives a page's column then the other's makes it dear, up to
    /// `ceiling`. The rate of change is measured over the whole document, between consecutive
    /// segments of running text whose evidence is strong (eight words or more, and evidence
    /// as strong as a contradiction's: eight), so that table cells do not count.
    static func switchCost(_ segments: [[ColumnLine]], ceiling: Double) -> Double {
        let strong = zip(segments, scores(segments)).filter { segment, score in
            abs(score) > 8 && segment.reduce(0) { $0 + $1.text.spaceSeparatedWordCount } >= 8
        }.map(\.1)
        let changes = zip(strong, strong.dropFirst()).filter { ($0 > 0) != ($1 > 0) }.count
        let rate = (Double(changes) + 0.5) / (Double(max(strong.count - 1, 0)) + 1)
        return min(ceiling, max(1, 2 * log((1 - rate) / rate)))
    }

    /// Each segment's language evidence. A date alone is decided by its month's name, a
    /// whole heading, a session line or the Chamber's name alone on its line by the lexicon
    /// (`Lexicon.cellLanguage`), and a whole heading or the Chamber's name wrapped over a few
    /// lines or segments too (`Lexicon.nameLanguage`: `VOORSTEL VAN` / `RESOLUTIE`, `Chambre
    /// des représentants de Bel-` / `gique`), the longest such run first: each is a unit of
    /// its own, and where a cover gives both languages', they stand side by side; so do two
    /// lines that translate each other (`Lexicon.coverPairLanguages`: `Verslag` / `Rapport`).
    private static func scores(_ segments: [[ColumnLine]]) -> [Double] {
        let dates = segments.map { $0.count == 1 ? Dates.language($0[0].text.trimmed) : nil }
        var scores = zip(segments, dates).map { segment, date in
            date.map { $0 == .nl ? 50.0 : -50 } ?? segment.reduce(0.0) { $0 + LanguageEvidence.score($1.text) }
        }
        var start = 0
        while start < segments.count {
            var matched = 1
            if dates[start] == nil, segments[start].count == 1, let language = Lexicon.cellLanguage(segments[start][0].text.trimmed) {
                scores[start] = language == .nl ? 50 : -50
            }
            // Two cover lines that translate each other, one under the other.
            if start + 1 < segments.count, segments[start].count == 1, segments[start + 1].count == 1,
               let (first, second) = Lexicon.coverPairLanguages(segments[start][0].text.trimmed, segments[start + 1][0].text.trimmed) {
                scores[start] = first == .nl ? 50 : -50
                scores[start + 1] = second == .nl ? 50 : -50
                start += 2
                continue
            }
            // A name wrapped over lines: tried only from a line that may open one.
            if let first = segments[start].first, Lexicon.mayOpenName(first.text.trimmed) {
                for count in stride(from: min(4, segments.count - start), through: 1, by: -1) {
                    let lines = segments[start..<(start + count)].joined()
                    guard lines.count >= 2, lines.count <= 4, !dates[start..<(start + count)].contains(where: { $0 != nil }),
                          lines.reduce(0, { $0 + $1.text.utf8.count }) < 80 else { continue }
                    // A word a wrap cut (`Bel-` / `gique`) is joined whole.
                    guard let language = Lexicon.nameLanguage(LineHyphen.joining(lines.map { $0.text.trimmed })) else { continue }
                    for index in start..<(start + count) { scores[index] = language == .nl ? 50 : -50 }
                    matched = count
                    break
                }
            }
            start += matched
        }
        return scores
    }
}
