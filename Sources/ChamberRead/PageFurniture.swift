import ChamberModel

/// Running headers, footers and page numbers of page-serialized dumps, found by repetition:
/// lines that recur on most pages (`DOC 56`, `0055/001`, the letter-spaced session line)
/// form, with the page number beside them, a cluster that marks a page boundary.
///
/// Used by the raw and the clean reader alike (a raw dump may have blank lines, and then
/// reads as clean). A document of fewer than three pages shows no repetition, and keeps
/// its headers.
enum PageFurniture {
    /// The pages between clusters (and form feeds), and the furniture removed.
    static func split(_ lines: [SourceLine]) -> (pages: [[SourceLine]], furniture: [Furniture]) {
        // With form feeds, a line counts once a page: a signature block printed in both
        // columns, twice, is no running header. Without them, each time it occurs.
        let paged = lines.contains { $0.startsPage }
        // Headers that carry the page number, by shape: those with it at the end, and those
        // with it at the start.
        var counts: [Substring: Int] = [:], numbered: [Substring: (end: Int, start: Int)] = [:]
        // Each page's first and last three lines of text, where running lines stand, and the
        // pages and edges (top or bottom) where a line stands so; the line right above a bare
        // number stands at a bottom too (plain `pdftotext` sets a column's footer and the page's
        // number where the column ends, mid-page).
        var textLines: [Int: [Int]] = [:]
        for (index, line) in lines.enumerated() where paged && !line.isBlank { textLines[line.page, default: []].append(index) }
        let tops = Set(textLines.values.flatMap { $0.prefix(3) })
        let bottoms = Set(textLines.values.flatMap { indices in
            indices.suffix(3) + zip(indices, indices.dropFirst()).filter { isPageNumber(lines[$0.1].text) }.map(\.0)
        })
        var atEdges: [Substring: Set<[Int]>] = [:]
        var onPage = Set<Substring>(), page = -1
        for (index, line) in lines.enumerated() {
            let text = line.text.trimmed
            guard text.utf8.count >= 2 else { continue }
            for (edge, kind) in [(tops, 0), (bottoms, 1)] where edge.contains(index) { atEdges[text, default: []].insert([line.page, kind]) }
            if paged {
                if line.page != page { onPage.removeAll(keepingCapacity: true); page = line.page }
                guard onPage.insert(text).inserted else { continue }
            }
            counts[text, default: 0] += 1
            if paged, let (header, first) = withoutPageNumber(text, line.page) {
                if first { numbered[shape(header), default: (0, 0)].start += 1 } else { numbered[shape(header), default: (0, 0)].end += 1 }
            }
        }
        // The most frequent line of some length: a running header, if there is any.
        let most = counts.lazy.filter { $0.key.utf8.count >= 4 }.map(\.value).max() ?? 0
        // A header has at most 120 characters, its spaces not counted: a letter-spaced one
        // (`K A M E R • 2 e Z I T T I N G …`, both columns' run together in a raw dump) has
        // as many spaces as letters.
        // Nor does a header stop on an article or a preposition, as a column's line of a
        // phrase the text repeats does (`contre le trafic international de`), unless it is set
        // in capitals (`BELGISCHE KAMER VAN`, `KAMER • 2e ZITTING VAN DE`); nor is it a
        // signature, which each language's column prints after the explanation and after the
        // text (`Kristien Verbelen (VB)`).
        func recurs(_ count: Int?, _ text: Substring, least: Int = 3) -> Bool {
            (count ?? 0) >= least && count! * 2 >= most && text.unicodeScalars.count >= 4
                && text.unicodeScalars.lazy.filter { $0 != " " }.count <= 120
                && (!Lexicon.leavesTextOpen.contains(text.lastWord.lowercased()) || text.isSetInCapitals)
                && Signatory.names(in: text) == nil
        }
        // A header that ends with the page number (`DOC 56 0123/001 3` on page 3) recurs
        // without it, in its shape, each run of digits as one `#`, on pages whose number it
        // carries; so does one that starts with it on other pages (`4 DOC 56 0123/001`, the
        // number at the outer margin), counted with the first where the first is seen (a text
        // line that starts with its page's number alone is no header). It stands for the page
        // number too.
        func carriesPageNumber(_ line: SourceLine, least: Int = 3) -> Bool {
            let text = line.text.trimmed
            guard paged, let (header, _) = withoutPageNumber(text, line.page), let count = numbered[shape(header)], count.end > 0 else { return false }
            return recurs(count.end + count.start, text, least: least)
        }
        // A three-page document's running lines stand on the two pages after the cover: twice
        // is enough for a line that stands at the same edge of both (`DOC 56 1342/004` at the
        // top, the sessions' footer at the bottom), not for the cover's lines that a page
        // repeats (the document's type above the text) nor for an article's heading that a
        // page sets mid-page and the next at its top; and not for text a page edge may hold
        // twice: a sentence's or a clause's end, an article's heading.
        let afterCover = Set(textLines.keys.sorted().dropFirst())
        func standsAtOneEdge(_ text: Substring) -> Bool {
            guard afterCover.count == 2, let places = atEdges[text], let last = text.last, !".;:,".contains(last),
                  Labels.articleNumber(String(text)) == nil else { return false }
            return [0, 1].contains { kind in Set(places.filter { $0[1] == kind }.map { $0[0] }) == afterCover }
        }
        func isRepeated(_ line: SourceLine) -> Bool {
            let text = line.text.trimmed
            return recurs(counts[text], text) || carriesPageNumber(line)
                || counts[text] == 2 && standsAtOneEdge(text) && recurs(counts[text], text, least: 2)
        }
        // A recurring scrap of two or three characters (`GE`: letters that two letter-spaced
        // footers set over each other lost) is furniture only between furniture lines; a
        // number is no scrap (a page number of the cluster, or text).
        func isRepeatedScrap(_ line: SourceLine) -> Bool {
            let text = line.text.trimmed
            return text.utf8.count < 4 && (counts[text] ?? 0) >= 3 && counts[text]! * 2 >= most && !isPageNumber(text)
        }
        // Each line's kind, asked once: the pagination below may run twice, and visits a
        // line more than once.
        let repeated = lines.map(isRepeated), carries = lines.map { carriesPageNumber($0) }, scraps = lines.map(isRepeatedScrap)
        // A three-page document's header carries its number on two pages only (the cover has
        // none): that stands for the page number beside a line that recurs on every page.
        let carriesOnTwo = lines.map { carriesPageNumber($0, least: 2) }
        // A number alone is a page's number where it follows the pages as the others do: plain
        // `pdftotext` sets note markers alone too (`6`, `7` below a footer, their texts after them).
        let pageNumbers = numbersFollowingThePages(lines, paged: paged)
        // Pages between clusters. A repeated line that a cluster elsewhere proved furniture
        // (`proven`) is furniture alone too: plain `pdftotext` sets a column's footer where
        // that column ends, mid-page, away from the other furniture.
        func paginate(proven: Set<Substring>) -> (pages: [[SourceLine]], furniture: [Furniture], numberedPages: Set<Int>) {
            var pages: [[SourceLine]] = [[]]
            var furniture: [Furniture] = []
            var numberedPages = Set<Int>()
            var i = 0
            while i < lines.count {
                if lines[i].startsPage && !pages[pages.count - 1].isEmpty { pages.append([]) }
                // A cluster: repeated lines, at most one page number, blank lines and scraps
                // between them; it ends after its last furniture line and the blanks below it.
                var j = i, end = i
                var numbers = 0
                var distinct = Set<Substring>()
                while j < lines.count {
                    if repeated[j] {
                        distinct.insert(shape(lines[j].text.trimmed))
                        if carries[j], numbers == 0 { numbers += 1 }
                    } else if pageNumbers[j] || carriesOnTwo[j] && !distinct.isEmpty, numbers == 0 {
                        numbers += 1
                    } else if j > i && lines[j].isBlank {
                        if end == j { end += 1 }
                        j += 1
                        continue
                    } else if !(j > i && scraps[j]) {
                        break
                    }
                    j += 1
                    if !scraps[j - 1] { end = j }
                }
                j = end
                // One repeated line alone could be a recurring phrase; with a second one or a
                // page number beside it, or opening a page (after a form feed) with a figure or in
                // capitals, as headers are (`DOC 56`), it is a page's furniture.
                let cluster = distinct.count >= 2
                    || (distinct.count == 1 && (numbers == 1 || lines[i].startsPage && Self.looksLikeHeader(lines[i].text)))
                // A line that a cluster elsewhere proved furniture is furniture alone too. Between
                // one language's text and the other's it ends a stretch of text as a cluster does
                // (a column's footer where that column ends); elsewhere (between the blocks of a
                // cover's party table) it leaves the page whole.
                let proved = !cluster && distinct.count == 1 && proven.contains(lines[i].text.trimmed)
                func changesLanguage() -> Bool {
                    guard let before = lines[..<i].last(where: { !$0.isBlank }),
                          let after = lines[j...].first(where: { !$0.isBlank }) else { return false }
                    return LanguageEvidence.changes(from: before.text, to: after.text)
                }
                let endsStretch = cluster || proved && changesLanguage()
                if cluster || proved {
                    for k in i..<j where !lines[k].isBlank {
                        furniture.append(Furniture(repeated[k] || scraps[k] || carriesOnTwo[k] ? .runningHeader : .pageNumber, line: lines[k]))
                    }
                    for k in i..<j where carries[k] || carriesOnTwo[k] || pageNumbers[k] { numberedPages.insert(lines[k].page) }
                    if endsStretch && !pages[pages.count - 1].isEmpty { pages.append([]) }
                    i = j
                } else {
                    // A dump is paged by its clusters: running lines in the middle of a page end a
                    // stretch of text as a page end does (a footnote opened before them ends there).
                    var line = lines[i]
                    line.page = pages.count
                    pages[pages.count - 1].append(line)
                    i += 1
                }
            }
            return (pages, furniture, numberedPages)
        }
        var (pages, furniture, numberedPages) = paginate(proven: [])
        let headers = furniture.filter { $0.kind == .runningHeader }
        let proven = Set(headers.map { $0.text[...] })
        if lines.lazy.filter({ proven.contains($0.text.trimmed) }).count > headers.count {
            (pages, furniture, numberedPages) = paginate(proven: proven)
        }
        if paged { takeLonePageNumbers(&pages, of: lines, besides: numberedPages, into: &furniture) }
        return (pages.filter { !$0.isEmpty }, furniture)
    }

    /// Whether each line is a number alone that may be its page's: in a dump with form feeds,
    /// one whose difference from its page is the one most pages show (a document's pages may
    /// be numbered from other than its first sheet). Each page votes once for a difference:
    /// a table's fourteen `0` cells are one page's.
    private static func numbersFollowingThePages(_ lines: [SourceLine], paged: Bool) -> [Bool] {
        let values = lines.map { isPageNumber($0.text) ? Int($0.text.trimmed) : nil }
        guard paged else { return values.map { $0 != nil } }
        var votes = Set<[Int]>()
        for (line, value) in zip(lines, values) { if let value { votes.insert([line.page, value - line.page]) } }
        var offsets: [Int: Int] = [:]
        for vote in votes { offsets[vote[1], default: 0] += 1 }
        // The most votes, then the smallest difference, then the positive one: the same every run.
        guard let offset = offsets.max(by: { ($0.value, -abs($0.key), $0.key) < ($1.value, -abs($1.key), $1.key) })?.key else {
            return values.map { _ in false }
        }
        return zip(lines, values).map { line, value in value.map { $0 - line.page == offset } ?? false }
    }

    /// A line with a figure or set in capitals (`DOC 56`, `KAMER • 2e ZITTING`), as headers
    /// are, unlike a line of text that recurs.
    private static func looksLikeHeader(_ text: Substring) -> Bool {
        text.containsFigure || text.isSetInCapitals
    }

    /// A page number set apart from the running lines (plain `pdftotext` may give it between
    /// a page's two columns): on a page, as the form feeds of `source` count it, whose running
    /// lines held none (`numbered`: a page number or a header that ends with one), the one
    /// line of its number alone between blank lines; where there are two, one may be a
    /// table's cell, and both stay.
    private static func takeLonePageNumbers(_ pages: inout [[SourceLine]], of source: [SourceLine], besides numbered: Set<Int>,
                                            into furniture: inout [Furniture]) {
        // The pages hold their stretches between running lines; a number line's page is the
        // form feeds'.
        let sheet = Dictionary(source.lazy.filter { isPageNumber($0.text) }.map { ($0.number, $0.page) }) { a, _ in a }
        var alone: [Int: [(stretch: Int, index: Int)]] = [:]
        for (p, lines) in pages.enumerated() {
            func blank(_ i: Int) -> Bool { !lines.indices.contains(i) || lines[i].isBlank }
            for (index, line) in lines.enumerated() where blank(index - 1) && blank(index + 1) {
                guard let page = sheet[line.number], !numbered.contains(page), line.text.trimmed == String(page) else { continue }
                alone[page, default: []].append((p, index))
            }
        }
        // A form feed starts a stretch: each stretch is of one page, and loses one line at most.
        for (page, places) in alone where places.count == 1 {
            let (p, index) = places[0]
            var line = pages[p].remove(at: index)
            line.page = page
            furniture.append(Furniture(.pageNumber, line: line))
        }
    }

    /// A line with letters that ends with the number of its page (`DOC 56 0055/001 3` on an
    /// odd page), starts with it (`2 DOC 56 0055/001` on an even one, the number at the
    /// outer margin), or holds it between parts with a figure or in capitals, as headers are
    /// (`DOC 56 2 0123/001`, set at both margins with the number in the middle; not a line of
    /// text that names its page): the line without that number, and whether the number came
    /// first; nil for any other line.
    static func withoutPageNumber(_ text: Substring, _ page: Int) -> (header: Substring, first: Bool)? {
        // The cheap tests first: most lines neither start nor end with their page's number.
        let last = text.lastWord, first = text[..<(text.utf8.firstIndex(of: 0x20) ?? text.endIndex)]
        let result: (header: Substring, first: Bool)
        if isPageNumber(last), Int(last) == page {
            result = (text.dropLast(last.count).trimmed, false)
        } else if isPageNumber(first), Int(first) == page {
            result = (text.dropFirst(first.count).trimmed, true)
        } else if text.containsFigure, let range = text.rangeOfBytes(" \(page) "),
                  case let header = Substring(text[..<range.lowerBound] + " " + text[range.upperBound...]), looksLikeHeader(header) {
            result = (header, false)
        } else {
            return nil
        }
        return result.header.utf8.contains { ($0 | 0x20) &- UInt8(ascii: "a") < 26 || $0 >= 0xC0 } ? result : nil
    }

    /// A line with each run of digits as one `#` and each run of white space as one space:
    /// `DOC 56 0000/000 … 9` and `DOC 56 0000/000 … 10` are one header, however far apart a
    /// side-by-side dump sets their parts.
    static func shape(_ text: Substring) -> Substring {
        // Most lines have neither digits nor runs of white space: they are their own shape.
        var previous: UInt8 = 0, plain = true
        for byte in text.utf8 {
            if byte &- 0x30 < 10 || byte == 0x09 || (byte == 0x20 && previous == 0x20) { plain = false; break }
            previous = byte
        }
        if plain { return text }
        var out: [UInt8] = []
        for byte in text.utf8 {
            let mapped = byte &- 0x30 < 10 ? UInt8(ascii: "#") : byte == 0x09 ? 0x20 : byte
            if mapped == UInt8(ascii: "#") || mapped == 0x20, out.last == mapped { continue }
            out.append(mapped)
        }
        return Substring(decoding: out, as: UTF8.self)
    }

    static func isPageNumber(_ text: Substring) -> Bool {
        let t = text.trimmed
        return !t.isEmpty && t.utf8.count <= 5 && !t.contains("\t") && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

extension Furniture {
    /// A whole line of a dump removed as furniture.
    init(_ kind: Kind, line: SourceLine) {
        self.init(kind: kind, text: String(line.text.trimmed), span: SourceSpan(lines: SourceLines(line.number), page: line.page))
    }
}
