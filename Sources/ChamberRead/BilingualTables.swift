import ChamberModel

/// The tables of the front matter that are not one language's text: the party list
/// (`N-VA : Nieuw-Vlaamse Alliantie`), the legend of publication abbreviations, whose rows
/// hold a Dutch and a French cell, and a report's committee (`Committee`). Each layout
/// serializes them differently; these functions take the lines the layout reader found them
/// in.
enum BilingualTables {
    typealias Line = (text: Substring, number: Int)

    /// Party rows in `ABBR : Name` form (one line, tab or spaces before the colon), in the
    /// three-line form plain `pdftotext` gives (`ABBR` / `:` / `Name`), or in its column
    /// blocks (every tag, then every colon, then every name). Only a run of at least three
    /// rows counts as the table. Returns the rows and the lines they used.
    static func partyRows(_ lines: [Line], joiner: LineJoiner) -> (rows: [TableRow], used: Set<Int>) {
        var rows: [TableRow] = []
        var used: Set<Int> = []
        var run: [TableRow] = []
        var runUsed: Set<Int> = []
        func closeRun() {
            if run.count >= 3 { rows += run; used.formUnion(runUsed) }
            run = []
            runUsed = []
        }
        // The run of tag lines and of colon lines that starts at each line, counted once from
        // the end: a page of many short lines is read in one pass.
        var tagRuns = [Int](repeating: 0, count: lines.count + 1), colonRuns = tagRuns
        for k in lines.indices.reversed() {
            let text = lines[k].text.trimmed
            tagRuns[k] = text != ":" && isAbbreviation(text) ? tagRuns[k + 1] + 1 : 0
            colonRuns[k] = text == ":" ? colonRuns[k + 1] + 1 : 0
        }
        var i = 0
        while i < lines.count {
            let text = lines[i].text
            // Column blocks (plain `pdftotext` of the table): the tags, as many colons, as many
            // names; a line or two that the dump set between the tags and the colons (the page's
            // running header, `DOC 56 0123/001`) stay out of the table.
            let tags = tagRuns[i]
            let between = tags == 0 ? 0 : lines[(i + tags)...].prefix(2).prefix { $0.text.trimmed != ":" }.count
            let colonStart = i + tags + between
            let colons = colonRuns[colonStart]
            if colons >= 3, tags >= colons, colonStart + 2 * colons <= lines.count {
                closeRun()
                let first = i + tags - colons
                for k in 0..<colons {
                    let tag = lines[first + k], name = lines[colonStart + colons + k]
                    var span = SourceLines(tag.number)
                    span.append(line: name.number)
                    rows.append(TableRow(cells: [String(tag.text.trimmed), String(name.text.trimmed)], span: SourceSpan(lines: span)))
                    used.formUnion([first + k, colonStart + k, colonStart + colons + k])
                }
                i = colonStart + 2 * colons
                continue
            }
            if let row = oneLineRow(text) {
                run.append(TableRow(cells: [row.abbreviation, row.name], span: SourceSpan(lines: SourceLines(lines[i].number))))
                runUsed.insert(i)
                i += 1
            } else if i + 2 < lines.count, lines[i + 1].text.trimmed == ":", isAbbreviation(text.trimmed) {
                var span = SourceLines(lines[i].number)
                span.append(line: lines[i + 2].number)
                run.append(TableRow(cells: [String(text.trimmed), String(lines[i + 2].text.trimmed)], span: SourceSpan(lines: span)))
                runUsed.formUnion([i, i + 1, i + 2])
                i += 3
            } else if !run.isEmpty, text.first == " ", !text.trimmed.isEmpty, !text.trimmed.contains(":") {
                // A wrapped party name: indented under the name column.
                run[run.count - 1].cells[1] = joiner.joined(run[run.count - 1].cells[1], String(text.trimmed))
                run[run.count - 1].span.lines.append(line: lines[i].number)
                runUsed.insert(i)
                i += 1
            } else {
                closeRun()
                i += 1
            }
        }
        closeRun()
        return (rows, used)
    }

    private static func oneLineRow(_ text: Substring) -> (abbreviation: String, name: String)? {
        guard text.utf8.count <= 160, let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let abbreviation = text[..<colon].trimmed
        let name = text[text.index(after: colon)...].trimmed
        guard !name.isEmpty, isAbbreviation(abbreviation), text.first != " " else { return nil }
        // A tab or spaces set the name column apart; prose has `word: text`.
        guard let before = text[..<colon].last, before == " " || before == "\t" else { return nil }
        return (String(abbreviation), String(name))
    }

    /// A party tag: short, no sentence punctuation (`N-VA`, `cd&v`, `Les Engagés`, `Anders.`).
    private static func isAbbreviation(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 14 && !text.contains(",") && !text.contains(":")
            && text.split(separator: " ").count <= 2 && text.first?.isLetter == true
    }

    /// The tables found among some lines (a page, or a column of one).
    struct Found {
        var parties: [TableRow] = []
        var legend: [LegendEntry] = []
        var committees: [Committee] = []
        /// Numbers of the input lines the tables took.
        var used: Set<Int> = []

        mutating func add(_ other: Found) {
            parties += other.parties
            legend += other.legend
            committees += other.committees
            used.formUnion(other.used)
        }
    }

    static func find(in lines: [Line], joiner: LineJoiner) -> Found {
        var found = Found()
        let text = lines.filter { !$0.text.trimmed.isEmpty }
        let party = partyRows(text, joiner: joiner)
        found.parties = party.rows
        found.used = Set(party.used.map { text[$0].number })
        let rest = text.filter { !found.used.contains($0.number) }
        if let start = legendStart(rest) {
            let legend = legendEntries(Array(rest[start...]), joiner: joiner)
            found.legend = legend.entries
            found.used.formUnion(rest[start..<(start + legend.consumed)].map(\.number))
        }
        // Every committee list of the page, one after the other.
        let tags = Set(found.parties.map { $0.cells[0] })
        var left = text.filter { !found.used.contains($0.number) }
        while let committee = committee(left, partyTags: tags, joiner: joiner) {
            found.committees.append(committee.committee)
            found.used.formUnion(committee.used)
            left.removeAll { committee.used.contains($0.number) }
        }
        return found
    }

    // MARK: Committee

    /// A report's committee, as plain `pdftotext` gives it under the party table of its page:
    /// its caption lines from `Samenstelling van de commissie` or `Composition de la
    /// commission` on, the chair's line among them (`Voorzitter/Président: Ortwin
    /// Depoortere`), then for each party its tag alone on a line (one of the page's party
    /// table) and the lines of its names, members first, then substitutes. The members' cell
    /// ends at the first line that ends a whole name (`Mireille Colson, Maaike De Vreese, Eva`
    /// / `Demesmaeker` is one cell; a name has two words or more); the rest are substitutes.
    /// Three parties at least, or the lines stay text (a layout that sets the cells side by
    /// side, a page without the party table). Returns the committee and the lines it took.
    static func committee(_ lines: [Line], partyTags: Set<String>, joiner: LineJoiner) -> (committee: Committee, used: Set<Int>)? {
        guard partyTags.count >= 3, let start = lines.firstIndex(where: { Lexicon.opensCommitteeComposition($0.text.trimmed) }) else { return nil }
        func isTag(_ line: Line) -> Bool { partyTags.contains(String(line.text.trimmed)) }
        func row(_ cells: [String], _ lines: ArraySlice<Line>) -> TableRow {
            var span = SourceLines(lines.first!.number)
            for line in lines.dropFirst() { span.append(line: line.number) }
            return TableRow(cells: cells, span: SourceSpan(lines: span))
        }
        var index = start
        var captions: [TableRow] = [], chair: TableRow?
        while index < lines.count, !isTag(lines[index]), captions.count < 6 {
            let text = lines[index].text.trimmed
            if chair == nil, let colon = text.firstIndex(of: ":"), Lexicon.namesChair(text[..<colon]), !text[text.index(after: colon)...].trimmed.isEmpty {
                chair = row([String(text[...colon]), String(text[text.index(after: colon)...].trimmed)], lines[index...index])
            } else {
                captions.append(row([String(text)], lines[index...index]))
            }
            index += 1
        }
        var groups: [TableRow] = []
        while index < lines.count, isTag(lines[index]) {
            let tag = index
            index += 1
            let first = index
            while index < lines.count, !isTag(lines[index]), Self.listsNames(lines[index].text.trimmed) { index += 1 }
            // The members' cell: lines up to one that ends a whole name, of two words or more
            // and not ending on a particle (`Francesca Van` / `Belleghem` goes on); a line
            // without a comma goes on the name before.
            var membersEnd = first, nameWords = 0
            while membersEnd < index {
                let text = lines[membersEnd].text.trimmed
                membersEnd += 1
                let words = (text.split(separator: ",", omittingEmptySubsequences: false).last ?? "").split(separator: " ")
                nameWords = text.contains(",") ? words.count : nameWords + words.count
                if !text.hasSuffix(","), nameWords >= 2, let last = words.last, !Lexicon.nameParticles.contains(last.lowercased()) { break }
            }
            // Joined in one pass: the joiner looks only at the cell's end.
            func joined(_ part: ArraySlice<Line>) -> String {
                guard let head = part.first else { return "" }
                var cell = LocatedText(String(head.text.trimmed), span: SourceSpan())
                for line in part.dropFirst() { joiner.join(&cell, LocatedText(String(line.text.trimmed), span: SourceSpan())) }
                return cell.text
            }
            groups.append(row([String(lines[tag].text.trimmed), joined(lines[first..<membersEnd]), joined(lines[membersEnd..<index])], lines[tag..<index]))
        }
        guard groups.count >= 3 else { return nil }
        return (Committee(captions: captions, chair: chair, groups: groups), Set(lines[start..<index].map(\.number)))
    }

    /// Whether a line lists names: comma-separated, each of five words at most, the first
    /// in capitals and so the last, unless a particle ends the line's part of a name that
    /// goes on (`Francesca Van` / `Belleghem`); no figures, no colon, a full stop only after an
    /// initial (`C. Delcourt`). Capitalised words that are no names pass too (`Zie Verslag`):
    /// the list ends at its page's end or at a line that is none.
    private static func listsNames(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 200, !text.contains(where: { $0.isNumber || $0 == ":" }) else { return false }
        return text.split(separator: ",").allSatisfy { name in
            let words = name.split(separator: " ")
            guard let first = words.first, let last = words.last, words.count <= 5, first.first!.isUppercase,
                  last.first!.isUppercase || Lexicon.nameParticles.contains(last.lowercased()) else { return false }
            return words.allSatisfy { !$0.contains(".") || $0.count == 2 && $0.last == "." }
        }
    }

    // MARK: Publication legend

    /// The line that opens the legend in either language.
    static func isLegendHeader(_ text: Substring) -> Bool {
        // Cheap test first: both headers end in `publicaties:` / `publications:`.
        guard text.utf8.count > 20, text.containsBytes("publica") else { return false }
        let lower = text.lowercased()
        return lower.contains("nummering van de publicaties") || lower.contains("numérotation des publications")
    }

    /// Where the legend starts: its header, which a narrow column may wrap over two lines.
    static func legendStart(_ lines: [Line]) -> Int? {
        lines.indices.first { opensLegendHeader(lines, at: $0) }
    }

    /// Whether a header of the legend starts at line `i`, whole or wrapped over two lines.
    private static func opensLegendHeader(_ lines: [Line], at i: Int) -> Bool {
        if isLegendHeader(lines[i].text) { return true }
        guard i + 1 < lines.count, lines[i].text.containsBytes("fkorting") || lines[i].text.containsBytes("bréviations") else { return false }
        let first = lines[i].text.trimmed
        // `… des publica-` / `tions:`: a word the wrap cut.
        let joined = LineHyphen.ends(first) ? first.dropLast() + lines[i + 1].text.trimmed : first + " " + lines[i + 1].text.trimmed
        return isLegendHeader(Substring(joined))
    }

    /// One entry of the legend in one language: a code and its explanation.
    struct LegendEntry {
        var code: String
        var text: String
        var span: SourceSpan
    }

    /// Entries from the lines that start at a legend header: a header opens an entry, so
    /// does a line opening with a known code (`QRVA  Questions…`, or the code alone on its
    /// line), and both cells of a row on one line, the code again before the second, are two
    /// (`QRVA Schriftelijke … QRVA Questions …`); a line continues the entry when the entry
    /// has no text yet, when the line before was wrapped (trailing space or hyphen), when it
    /// is indented or starts in lower case, or when it goes on with an open text right under
    /// it (`goesOnInCell`); the wrapped lines of a row whose cells stand side by side go on
    /// with each cell, cut where the second cell's code stands. The first other line ends
    /// the legend: `consumed` lines belong to it.
    static func legendEntries(_ lines: [Line], joiner: LineJoiner) -> (entries: [LegendEntry], consumed: Int) {
        var entries: [LegendEntry] = []
        var consumed = 0
        // Where the second cell starts, in characters, when the last row set its two cells
        // side by side at a gap (`pdftotext -layout`): its wrapped lines hold both cells' rest.
        var secondCell: Int?
        for (index, line) in lines.enumerated() {
            let text = line.text.trimmed
            defer { consumed = index + 1 }
            if text.isEmpty { continue }
            let previous = index > 0 ? lines[index - 1].text : ""
            let cells = text.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmed }
            if cells.count >= 3 {
                // `CODE<TAB>Dutch<TAB>CODE<TAB>French`, or the two headers, on one line.
                let pairs = [(cells[0], cells[1]), (cells[2], Substring(cells[3...].joined(separator: " ").trimmed))]
                guard pairs.allSatisfy({ isLegendHeader($0.0) || legendCode($0.0) != nil }) else {
                    return (entries.flatMap(finished), index)
                }
                secondCell = nil
                for (code, text) in pairs {
                    let header = isLegendHeader(code)
                    entries.append(LegendEntry(code: header ? "" : String(code), text: String(header ? code : text),
                                               span: SourceSpan(lines: SourceLines(line.number))))
                }
            } else if index == 0 || opensLegendHeader(lines, at: index) {
                secondCell = nil
                entries.append(LegendEntry(code: "", text: String(text), span: SourceSpan(lines: SourceLines(line.number))))
            } else if let (code, rest) = legendCode(text) {
                // `QRVA Schriftelijke Vragen en Antwoorden QRVA Questions et Réponses écrites`:
                // both cells on one line, the code again before the second.
                let second = Self.repeated(code, in: rest)
                secondCell = second.flatMap { rest[..<$0.lowerBound].hasSuffix(" ") ? line.text.unicodeScalars.distance(from: line.text.startIndex, to: $0.lowerBound) : nil }
                for cell in second.map({ [rest[..<$0.lowerBound], rest[$0.upperBound...]] }) ?? [rest] {
                    entries.append(LegendEntry(code: code, text: String(cell.trimmed), span: SourceSpan(lines: SourceLines(line.number))))
                }
            } else if let column = secondCell, entries.count >= 2, entries[entries.count - 2].code == entries[entries.count - 1].code {
                // A wrapped line of a row whose cells stand side by side: each part goes on with
                // its cell. It stands right under the row, indented under the first cell's text,
                // with no word across the second cell's column; any other line ends the legend
                // (the publisher's address, the page's text).
                let cut = line.text.unicodeScalars.index(line.text.startIndex, offsetBy: column, limitedBy: line.text.endIndex) ?? line.text.endIndex
                guard line.number == lines[index - 1].number + 1, line.text.first == " ",
                      cut == line.text.endIndex || line.text[line.text.index(before: cut)] == " " else {
                    consumed = index
                    return (entries.flatMap(finished), consumed)
                }
                for (offset, part) in [line.text[..<cut].trimmed, line.text[cut...].trimmed].enumerated() where !part.isEmpty {
                    let entry = entries.count - 2 + offset
                    entries[entry].text = joiner.joined(entries[entry].text, String(part))
                    entries[entry].span.lines.append(line: line.number)
                }
            } else if let last = entries.indices.last, entries.count < 2 || entries[last - 1].code != entries[last].code,
                      let second = Self.repeated(entries[last].code, in: line.text), line.text[..<second.lowerBound].hasSuffix(" ") {
                // `Parlementair document van de 56e      DOC 56 0000/000`: a wrapped line brings
                // the second cell's code, its text beyond.
                entries[last].text = joiner.joined(entries[last].text, String(line.text[..<second.lowerBound].trimmed))
                entries[last].span.lines.append(line: line.number)
                entries.append(LegendEntry(code: entries[last].code, text: String(line.text[second.upperBound...].trimmed),
                                           span: SourceSpan(lines: SourceLines(line.number))))
                secondCell = line.text.unicodeScalars.distance(from: line.text.startIndex, to: second.lowerBound)
            } else if let last = entries.indices.last,
                      entries[last].text.isEmpty || previous.last == " " || LineHyphen.ends(previous)
                        || line.text.first == " " || text.first?.isLowercase == true
                        || (entries[last].code.isEmpty && !isLegendHeader(Substring(entries[last].text)))
                        || goesOnInCell(entries[last].text, lines, at: index) {
                entries[last].text = joiner.joined(entries[last].text, String(text))
                entries[last].span.lines.append(line: line.number)
            } else {
                consumed = index
                return (entries.flatMap(finished), consumed)
            }
        }
        return (entries.flatMap(finished), consumed)
    }

    /// Where `code` stands again in a row's text, a space before it and a space or the end
    /// after it (`… Antwoorden QRVA Questions …`).
    private static func repeated(_ code: String, in text: Substring) -> Range<Substring.Index>? {
        guard !code.isEmpty else { return nil }
        return text.ranges(of: " \(code)").first { $0.upperBound == text.endIndex || text[$0.upperBound] == " " }
    }

    /// Whether line `index`, right under an entry's open text, goes on with it though the
    /// layout shows no wrap (`pdftotext -raw`: `CRIV Voorlopige versie van het Integraal` /
    /// `Verslag` / `CRIV Version provisoire …`): the text closes no sentence, the line is no
    /// heading in capitals, and the next entry opens within a few lines, or it is the last
    /// line (the last entry's text does not take the lines under the legend: the publisher's
    /// address).
    private static func goesOnInCell(_ text: String, _ lines: [Line], at index: Int) -> Bool {
        guard index > 0, lines[index].number == lines[index - 1].number + 1 else { return false }
        let reachesEntry = index + 1 == lines.count || (index + 1..<min(lines.count, index + 5)).contains { legendCode(lines[$0].text.trimmed) != nil }
        guard reachesEntry else { return false }
        return !PageCut.closesSentence(text) && !ColumnAssembler.isCapitals(String(lines[index].text))
    }

    /// An entry without its superscript tags; the two headers run together on one line
    /// (`Afkorting … publicaties: Abréviations … publications:`) as two entries.
    private static func finished(_ entry: LegendEntry) -> [LegendEntry] {
        var entry = entry
        entry.text = ColumnAssembler.removingSuperscriptTags(entry.text)
        guard entry.code.isEmpty, let second = ["Abréviations", "Afkorting"].lazy.compactMap({ entry.text.range(of: " " + $0) }).first
        else { return [entry] }
        var first = entry
        first.text = String(entry.text[..<second.lowerBound].trimmed)
        entry.text = String(entry.text[second.lowerBound...].trimmed)
        return [first, entry]
    }

    /// The codes of the Chamber's publication legend.
    static let legendCodes: Set<Substring> = ["QRVA", "CRIV", "CRABV", "PLEN", "COM", "MOT", "INTERP"]

    private static func legendCode(_ text: Substring) -> (String, Substring)? {
        let tokens = text.split(separator: " ", maxSplits: 1)
        guard let first = tokens.first else { return nil }
        if first == "DOC" {
            // `DOC 56 0000/000 Document de la…`
            let parts = text.split(separator: " ", maxSplits: 3)
            guard parts.count >= 3, parts[2].contains("/") else { return nil }
            return (parts[0...2].joined(separator: " "), parts.count > 3 ? parts[3].trimmed : "")
        }
        guard legendCodes.contains(first) else { return nil }
        return (String(first), tokens.count > 1 ? tokens[1].trimmed : "")
    }

    /// Rows `[code, Dutch, French]` from entries of both languages in any order: each entry
    /// takes the first row with its code that lacks its language.
    static func legendRows(_ entries: [LegendEntry]) -> [TableRow] {
        var rows: [TableRow] = []
        for entry in entries {
            let language: Language = LanguageEvidence.score(Substring(entry.text)) >= 0 ? .nl : .fr
            let cell = language == .nl ? 1 : 2
            if let index = rows.firstIndex(where: { $0.cells[0] == entry.code && $0.cells[cell].isEmpty }) {
                rows[index].cells[cell] = entry.text
                rows[index].span.append(entry.span)
            } else {
                var cells = [entry.code, "", ""]
                cells[cell] = entry.text
                rows.append(TableRow(cells: cells, span: entry.span))
            }
        }
        return rows
    }
}
