import CPoppler
import ChamberModel

/// A word of a PDF page: its text, its box, and the size of its font (footnotes and
/// superscripts are set smaller) and whether the font is bold (headings).
struct PDFWord: Sendable {
    var text: String
    var box: PageBox
    var fontSize: Double
    var bold: Bool
}

/// One page's words, in poppler's text order.
struct PDFPage: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord]
}

/// The glyphs of a PDF, read in process through poppler-glib (opened on first use:
/// `Poppler`), made into words.
///
/// poppler's page text has no separator between blocks that do not end a line, so words
/// are cut from the glyph boxes: at white space, and where the next glyph starts a gap of
/// more than a fifth of the font size away, or on another line.
enum PDFText {
    static func pages(_ bytes: [UInt8]) throws(UnusableInput) -> [PDFPage] {
        let poppler = try Poppler.library(), glib = poppler.glib
        var error: UnsafeMutablePointer<CDGError>? = nil
        // poppler keeps the bytes for as long as the document lives: GBytes holds its own copy.
        let data = bytes.withUnsafeBytes { glib.bytesNew($0.baseAddress, $0.count) }
        defer { glib.bytesUnref(data) }
        guard let document = poppler.documentNewFromBytes(data, nil, &error) else {
            let code = error?.pointee.code ?? 0
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            glib.clearError(&error)
            if code == Int32(CD_POPPLER_ERROR_ENCRYPTED) { throw UnusableInput("an encrypted PDF; chamberdoc cannot read it without its password") }
            throw UnusableInput("a damaged PDF (\(message))")
        }
        defer { poppler.objectUnref(UnsafeMutableRawPointer(document)) }
        var pages: [PDFPage] = []
        for index in 0..<poppler.documentGetNPages(document) {
            guard let page = poppler.documentGetPage(document, index) else { continue }
            defer { poppler.objectUnref(UnsafeMutableRawPointer(page)) }
            pages.append(read(page, number: Int(index) + 1, poppler))
        }
        if pages.allSatisfy({ $0.words.isEmpty }) {
            throw UnusableInput("a PDF without a text layer (a scan?); run OCR on it first")
        }
        return pages
    }

    private static func read(_ page: OpaquePointer, number: Int, _ poppler: Poppler) -> PDFPage {
        var width = 0.0, height = 0.0
        poppler.pageGetSize(page, &width, &height)
        guard let cText = poppler.pageGetText(page) else { return PDFPage(number: number, width: width, height: height, words: []) }
        defer { poppler.glib.free(cText) }
        let scalars = Array(String(cString: cText).unicodeScalars)
        var rects: UnsafeMutablePointer<CDPopplerRectangle>? = nil
        var count: UInt32 = 0
        guard poppler.pageGetTextLayout(page, &rects, &count) != 0, let rects else {
            return PDFPage(number: number, width: width, height: height, words: [])
        }
        defer { poppler.glib.free(rects) }
        // Font runs: a size and a weight for each range of glyph indices.
        var runs: [(range: ClosedRange<Int>, size: Double, bold: Bool)] = []
        let attributes = poppler.pageGetTextAttributes(page)
        var node = attributes
        while let current = node {
            let a = current.pointee.data.assumingMemoryBound(to: CDPopplerTextAttributes.self).pointee
            let name = a.font_name.map { String(cString: $0) } ?? ""
            if a.end_index >= a.start_index {
                runs.append((Int(a.start_index)...Int(a.end_index), a.font_size, isBold(fontName: name)))
            }
            node = current.pointee.next
        }
        poppler.pageFreeTextAttributes(attributes)

        var words: [PDFWord] = []
        var text: [UInt8] = []
        var box: PageBox? = nil
        var run = 0
        var size = 0.0, bold = false
        func close() {
            if let b = box, !text.isEmpty { words.append(PDFWord(text: String(decoding: text, as: UTF8.self), box: b, fontSize: size, bold: bold)) }
            text.removeAll(keepingCapacity: true)
            box = nil
        }
        for i in 0..<min(scalars.count, Int(count)) {
            let scalar = scalars[i]
            // ASCII first: Unicode properties are slow to look up.
            if scalar.value <= 0x20 || (scalar.value >= 0x80 && scalar.properties.isWhitespace) { close(); continue }
            while run < runs.count, runs[run].range.upperBound < i { run += 1 }
            let glyphSize = run < runs.count && runs[run].range.contains(i) ? runs[run].size : size
            let r = rects[i]
            // A damaged PDF may place a glyph anywhere, or nowhere (NaN): such a glyph ends
            // the word and is kept out of the geometry.
            let placed = { (v: Double) in v.isFinite && abs(v) < 100_000 }
            guard placed(r.x1) && placed(r.y1) && placed(r.x2) && placed(r.y2) else { close(); continue }
            let glyph = PageBox(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2)
            if let b = box {
                let gap = glyph.x0 - b.x1
                let sameLine = glyph.y0 < b.y1 && glyph.y1 > b.y0
                if !sameLine || gap > 0.2 * max(glyphSize, size) || gap < -0.5 * max(glyphSize, size) { close() }
            }
            if box == nil { size = glyphSize; bold = run < runs.count && runs[run].range.contains(i) && runs[run].bold }
            text.append(contentsOf: UTF8.encode(scalar)!)
            box = box.map { $0.union(glyph) } ?? glyph
        }
        close()
        return PDFPage(number: number, width: width, height: height, words: words)
    }

    /// Whether a font's name (`Helvetica-Bold`, `Arial,BoldItalic`, `ABCDEF+NimbusRomNo9L-Medi`,
    /// `TimesBold`, `ABCDEF+LibertinusSerif-Bold-Identity-H`) names a heavier weight than
    /// the text's in a style after the family (Typst names the encoding after the style):
    /// bold, semibold, demi, heavy or black, or `Medi`, which URW's Times and Palatino clones
    /// use as their bold (not `Medium`, a weight that other families set text in).
    static func isBold(fontName name: String) -> Bool {
        let parts = name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "," })
        return (parts.count > 1 ? parts.dropFirst() : parts[...]).contains { style in
            ["bold", "demi", "heavy", "black"].contains { style.containsBytes($0) } || style.hasPrefix("medi") && !style.hasPrefix("medium")
        }
    }
}
