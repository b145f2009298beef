@testable import ChamberRead
import ChamberDoc
import Foundation
import Testing

/// Tables printed once for both languages, across both columns (`BilingualGrid`): each
/// language gets its own table, the figures in both.
@Suite struct BilingualTableTests {
    static let joiner = LineJoiner(vocabulary: Vocabulary(lines: []))

    /// A row of cells, each at its place in the row (the form of a page-serialized dump).
    static func row(_ texts: [String], line: Int) -> [BilingualGrid.Cell] {
        texts.enumerated().map { place, text in
            BilingualGrid.Cell(line: ColumnLine(text: Substring(text), number: line, page: 1, end: .endsParagraph), start: Double(place))
        }
    }

    static let names = [["Gemeente", "Commune", "NL (absolute cijfers)", "FR (chiffres absolus)", "NL %", "FR %"],
                        ["Anderlecht", "Anderlecht", "12", "15", "44.4 %", "55.6 %"],
                        ["Brussel", "Bruxelles", "16", "50", "24.2 %", "75.8 %"],
                        ["Elsene", "Ixelles", "3", "5", "37.5 %", "62.5 %"],
                        ["Sint-Gillis", "Saint-Gilles", "2", "13", "13.3 %", "86.7 %"],
                        ["TOTAAL", "TOTAL", "78", "218", "26.4 %", "73.6 %"]]

    /// Names spelled alike in both languages leave a column's evidence weak, but the two
    /// name columns differ: they give the table's order. A header cell over figures beside
    /// its translation is a pair too; `NL %` beside `FR %`, which tell no language, is shared.
    @Test func eachColumnGoesToItsLanguageAndTheFiguresToBoth() throws {
        let rows = Self.names.enumerated().map { Self.row($1, line: $0 + 1) }
        let tables = try #require(BilingualGrid.split(rows, tolerance: 0.5, gutter: nil, joiner: Self.joiner))
        #expect(tables.map(\.language) == [.nl, .fr] && tables.allSatisfy(\.isTable))
        let nl = tables[0].lines.map { String($0.text) }, fr = tables[1].lines.map { String($0.text) }
        #expect(nl.prefix(10) == ["Gemeente", "NL (absolute cijfers)", "NL %", "FR %", "Anderlecht", "12", "15", "44.4 %", "55.6 %", "Brussel"])
        #expect(fr.prefix(10) == ["Commune", "FR (chiffres absolus)", "NL %", "FR %", "Anderlecht", "12", "15", "44.4 %", "55.6 %", "Bruxelles"])
        #expect(nl.suffix(5) == ["TOTAAL", "78", "218", "26.4 %", "73.6 %"] && fr.suffix(5) == ["TOTAL", "78", "218", "26.4 %", "73.6 %"])
        // A cell is a paragraph; a shared one keeps its input line in both.
        #expect(tables.allSatisfy { $0.lines.allSatisfy { $0.end == .endsParagraph } })
        #expect(tables[0].lines.first { $0.text == "16" }?.number == 3 && tables[1].lines.first { $0.text == "16" }?.number == 3)
        // The order of the columns is the table's, French first as well.
        let swapped = Self.names.enumerated().map { index, cells in
            Self.row([cells[1], cells[0]] + cells.dropFirst(2), line: index + 1)
        }
        let french = try #require(BilingualGrid.split(swapped, tolerance: 0.5, gutter: nil, joiner: Self.joiner))
        #expect(french[0].lines.first?.text == "Gemeente" && french[1].lines.first?.text == "Commune")
    }

    /// Not such a table: rows of words only (the party list, the legend), a list whose
    /// labels pass for figures, one language's table, and two tables set side by side, one
    /// in each column (the gutter parts a Dutch half from a French one).
    @Test func otherTablesAreLeftToTheColumns() {
        let words = [["QRVA", "Schriftelijke vragen en antwoorden", "QRVA", "Questions et réponses écrites"],
                     ["CRIV", "Voorlopige versie van het Integraal Verslag", "CRIV", "Version provisoire du Compte Rendu Intégral"],
                     ["CRABV", "Beknopt Verslag", "CRABV", "Compte Rendu Analytique"]]
        #expect(BilingualGrid.split(words.enumerated().map { Self.row($1, line: $0) }, tolerance: 0.5, gutter: nil, joiner: Self.joiner) == nil)
        // A list's labels are no figures, though its columns pair up.
        let list = [["1.", "de gemeente Brussel", "la commune de Bruxelles"],
                    ["2.", "de gemeente Elsene", "la commune d’Ixelles"],
                    ["3.", "de gemeente Sint-Gillis", "la commune de Saint-Gilles"]]
        #expect(BilingualGrid.split(list.enumerated().map { Self.row($1, line: $0) }, tolerance: 0.5, gutter: nil, joiner: Self.joiner) == nil)
        let numbered = list.map { ["1"] + $0.dropFirst() }
        #expect(BilingualGrid.split(numbered.enumerated().map { Self.row($1, line: $0) }, tolerance: 0.5, gutter: nil, joiner: Self.joiner) != nil)
        let dutch = Self.names.map { [$0[0], $0[2], $0[4]] }
        #expect(BilingualGrid.split(dutch.enumerated().map { Self.row($1, line: $0) }, tolerance: 0.5, gutter: nil, joiner: Self.joiner) == nil)
        let sideBySide = [["% illegale aanstellingen", "Aantal OCMW’s", "% de désignations illégales", "Nombre de CPAS"],
                          ["0-10 %", "0", "0-10 %", "0"], ["10,1-20 %", "0", "10,1-20 %", "0"], ["90,1-100 %", "16", "90,1-100 %", "16"]]
        let rows = sideBySide.enumerated().map { Self.row($1, line: $0) }
        #expect(BilingualGrid.split(rows, tolerance: 0.5, gutter: 1.2...1.8, joiner: Self.joiner) == nil)
        // Side by side too, though each half's two columns pair up by their words: the
        // halves read as the two languages.
        let halves = [["Procentueel aantal illegale aanstellingen in de gemeenten", "Aantal", "Nombre",
                       "Pourcentage de désignations illégales dans les communes"]] + sideBySide.dropFirst()
        let tables = halves.enumerated().map { Self.row($1, line: $0) }
        #expect(BilingualGrid.split(tables, tolerance: 0.5, gutter: nil, joiner: Self.joiner) != nil)
        #expect(BilingualGrid.split(tables, tolerance: 0.5, gutter: 1.2...1.8, joiner: Self.joiner) == nil)
    }

    /// A table's rows run on over a wrapped cell's rest, not over prose: a cell of more than
    /// five words (a caption's line) or a line set apart ends the run.
    @Test func aLineOfProseEndsARun() {
        #expect(BilingualGrid.isProse("volgens aantal OCMW’s per schijf van 10 %"))
        #expect(!BilingualGrid.isProse("Sint-Lambrechts-Woluwe (cijfers 2013)") && !BilingualGrid.isProse("% de désignations illégales"))
        let row = BilingualGrid.LineShape(cells: 4, endsTables: false, apart: false)
        let rest = BilingualGrid.LineShape(cells: 2, endsTables: false, apart: false)
        let prose = BilingualGrid.LineShape(cells: 4, endsTables: true, apart: false)
        let apart = BilingualGrid.LineShape(cells: 4, endsTables: false, apart: true)
        #expect(BilingualGrid.runs([row, rest, row, row]) == [0..<4])
        #expect(BilingualGrid.runs([row, row, prose, row, row, row]) == [3..<6])
        #expect(BilingualGrid.runs([row, row, row, apart, row]) == [0..<3])
    }

    /// A page-serialized dump gives the cells one after the other: a cell's wrapped lines go
    /// together (the line ends in a space and the rest opens in lower case or with a bracket,
    /// or the line ends with `/`), but not two names (`Evere ` / `Evere`) nor a figure after
    /// a space (`2 ` / `5`); a row opens at words after a figure; the header is as many
    /// cells as a row before the first row, so a short line above it (`Gemeenten`) is no cell
    /// of it; the table ends with its last row holding a figure, a date after it is text.
    @Test func aSerializedTableIsCutIntoRows() throws {
        let lines = ["Tabel 9. Verdeling van de hogere betrekkingen in de Brusselse gemeenten", "Gemeenten", "Gemeente", "Commune", "NL ",
                     "(absolute ", "cijfers)", "FR ", "(chiffres ", "absolus)", "NL %", "FR % /", "totaal"]
            + Self.names.dropFirst().flatMap { $0.map { $0 == "Anderlecht" || $0 == "12" ? $0 + " " : $0 } }
            + ["Evere ", "Evere", "2 ", "5", "28.6 %", "71.4 %"]
            + ["Besluit van de gemeenten", "10 juli 2024", "In geen enkele van de 19 gemeenten wordt de voorgeschreven pariteit gerespecteerd."]
        let segments = lines.enumerated().map { index, text in
            [ColumnLine(text: Substring(text), number: index + 1, page: 1, end: text.hasSuffix(" ") ? .continues : .endsParagraph)]
        }
        let (result, tables) = BilingualGrid.serialized(segments, width: 60, joiner: Self.joiner)
        #expect(result.count == 7 && tables == [2: .nl, 3: .fr])
        #expect(result.map { $0.first?.text ?? "" }.enumerated().filter { ![2, 3].contains($0.offset) }.map(\.element)
                    == ["Tabel 9. Verdeling van de hogere betrekkingen in de Brusselse gemeenten", "Gemeenten", "Besluit van de gemeenten",
                        "10 juli 2024", "In geen enkele van de 19 gemeenten wordt de voorgeschreven pariteit gerespecteerd."])
        let nl = result[2], fr = result[3]
        // `NL ` / `(absolute ` / `cijfers)`: one cell, three lines, the last ends it.
        #expect(nl.prefix(4).map(\.text) == ["Gemeente", "NL ", "(absolute ", "cijfers)"])
        #expect(nl.prefix(4).map(\.end) == [.endsParagraph, .continues, .continues, .endsParagraph])
        #expect(fr.prefix(4).map(\.text) == ["Commune", "FR ", "(chiffres ", "absolus)"])
        #expect(nl.map(\.text).contains("FR % /") && fr.map(\.text).contains("totaal"))
        #expect(nl.map(\.text).contains("Brussel") && !nl.map(\.text).contains("Bruxelles"))
        #expect(fr.map(\.text).contains("Saint-Gilles") && !fr.map(\.text).contains("Sint-Gillis"))
        #expect(nl.suffix(5).map(\.text) == ["Evere ", "2 ", "5", "28.6 %", "71.4 %"] && fr.suffix(5).map(\.text) == ["Evere", "2 ", "5", "28.6 %", "71.4 %"])
    }

    /// The typeset corpus's table 9 across both columns of a development PDF and of its
    /// `-layout` dump, French left in some: one table unit, each language's text the gold's.
    @Test(arguments: ["dev-12-bill-tables.pdf", "dev-13-bill-tables-rows-fr-left.pdf", "dev-12-bill-tables.layout.txt",
                      "dev-13-bill-tables-rows-fr-left.layout.txt"])
    func theCorpusTableIsReadAsOneUnit(_ name: String) throws {
        try Self.expectTable("expl-table2", in: name)
    }

    /// A table printed in each column in its language, whose rows `-layout` sets on lines
    /// that follow each other: its rows are not run together into a paragraph.
    @Test func aTableInEachColumnKeepsItsRows() throws {
        try Self.expectTable("expl-table1", in: "dev-13-bill-tables-rows-fr-left.layout.txt")
    }

    /// The gold table `id` of a development document, found as one table unit, each
    /// language's text the gold's.
    static func expectTable(_ id: String, in name: String) throws {
        let url = URL(fileURLWithPath: Paths.fixture("typeset/dev/" + name.replacingOccurrences(of: ".layout.txt", with: ".gold.json")
            .replacingOccurrences(of: ".pdf", with: ".gold.json")))
        let gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let table = try #require((gold["units"] as? [[String: Any]])?.first { $0["id"] as? String == id })
        let document = try PDFReadingTests.development(name)
        let units = document.sections.flatMap(\.units).filter { $0.kind == .table && $0.passages[.nl]?.count == 1 && $0.passages[.fr]?.count == 1 }
        #expect(units.contains { unit in
            unit.texts[.nl]?.text == table["nl"] as? String && unit.texts[.fr]?.text == table["fr"] as? String
        })
    }
}
