import ChamberModel

/// One physical input line after decoding: its 1-based number and its text with control
/// characters removed (form feeds are reported separately as page starts) and a shaping
/// engine's line-end hyphen made soft (`LineHyphen`).
struct SourceLine: Sendable {
    var number: Int
    /// The page, counted from 1 by form feeds (or, in a dump without them, by the page
    /// boundaries `PageFurniture` finds).
    var page: Int
    var text: Substring
    /// The line began with a form feed: `pdftotext` starts every page but the first so.
    var startsPage: Bool

    var isBlank: Bool { text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}

/// Decodes input bytes into lines, refusing what is not text, and recording the control
/// characters it removes (XML cannot carry them).
enum SourceText {
    /// Well-known binary formats, to name what was given instead of text.
    private static let signatures: [(magic: [UInt8], name: String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (a .docx?), not text"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image, not text"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image, not text"),
    ]

    static func lines(from bytes: [UInt8], removed: inout [Furniture]) throws(UnusableInput) -> [SourceLine] {
        var body = bytes[...]
        if let known = signatures.first(where: { body.starts(with: $0.magic) }) { throw UnusableInput(known.name) }
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return try lines(from: Array(utf16(body).utf8), removed: &removed)
        }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C }) {
            throw UnusableInput(body.isEmpty ? "empty input" : "no text, only white space")
        }
        if let nul = body.firstIndex(of: 0) {
            throw UnusableInput("binary data, not text (NUL byte at offset \(nul))")
        }
        if let bad = firstInvalidUTF8Offset(body) {
            throw UnusableInput("invalid UTF-8 at byte offset \(bad)")
        }
        let text = String(decoding: body, as: UTF8.self)
        var lines: [SourceLine] = []
        var number = 0
        var page = 1
        // Split on LF, CRLF and lone CR alike, on bytes (Character iteration is slow).
        let crOnly = !text.utf8.contains(10)
        let separator: UInt8 = crOnly ? 13 : 10
        for rawBytes in text.utf8.split(separator: separator, omittingEmptySubsequences: false) {
            number += 1
            var raw = Substring(rawBytes)
            if !crOnly, raw.utf8.last == 13 { raw = Substring(raw.utf8.dropLast()) }
            var startsPage = false
            while raw.utf8.first == 0x0C { raw = Substring(raw.utf8.dropFirst()); startsPage = true }
            if startsPage { page += 1 }
            let text = cleaned(raw)
            if text.utf8.count != raw.utf8.count, let record = removedCharacters(raw, line: number, page: page) { removed.append(record) }
            lines.append(SourceLine(number: number, page: page, text: LineHyphen.markingSoftHyphens(text), startsPage: startsPage))
        }
        return lines
    }

    /// French elisions that `pdftotext -raw` broke before their apostrophe (a typesetter
    /// that places U+2019 apart), whole again: inside a line the space goes (`DE L ’EMPLOI`),
    /// and a line that opens with the apostrophe right after a line that ends with the elided
    /// word goes on that line (`… aangenomen. L` / `’article 1er …`: one line of print, which
    /// the apostrophe broke), numbered as it: the words of the line it took point at the line
    /// before. Only a word of two letters or more after the apostrophe: Dutch `’s` and `’t`
    /// stand apart after a whole word (`van ’s morgens`).
    static func mendingElisions(_ lines: inout [SourceLine]) {
        // E2 80 99 is U+2019: most lines have none.
        func breaks(_ text: Substring) -> Bool { text.utf8.contains(0x99) && (text.contains(" \u{2019}") || text.hasPrefix("\u{2019}")) }
        guard lines.contains(where: { breaks($0.text) }) else { return }
        func elided(_ word: Substring) -> Bool { ["c", "d", "j", "l", "m", "n", "s", "t", "qu"].contains(word.lowercased()) }
        // The text after an apostrophe that an elision's word follows.
        func opensElidedWord(_ text: Substring) -> Bool { text.prefix { $0.isLetter }.count >= 2 }
        var mended: [SourceLine] = []
        mended.reserveCapacity(lines.count)
        for var line in lines {
            if breaks(line.text) {
                let parts = line.text.components(separatedBy: " \u{2019}")
                var pieces = [parts[0]]
                for (before, part) in zip(parts, parts.dropFirst()) {
                    pieces.append(elided(before[...].lastWord) && opensElidedWord(part[...]) ? "\u{2019}" : " \u{2019}")
                    pieces.append(part)
                }
                line.text = Substring(pieces.joined())
                if line.text.hasPrefix("\u{2019}"), opensElidedWord(line.text.dropFirst()), !line.startsPage,
                   let before = mended.last, !before.isBlank, elided(before.text.lastWord) {
                    mended[mended.count - 1].text = Substring(String(before.text) + line.text)
                    continue
                }
            }
            mended.append(line)
        }
        lines = mended
    }

    /// UTF-16 with a byte-order mark, decoded; an unpaired surrogate is refused.
    private static func utf16(_ bytes: ArraySlice<UInt8>) throws(UnusableInput) -> String {
        let littleEndian = bytes.first == 0xFF
        let body = Array(bytes.dropFirst(2))
        guard body.count % 2 == 0 else { throw UnusableInput("UTF-16 text with an odd number of bytes (truncated?)") }
        let units = stride(from: 0, to: body.count, by: 2).map { i in
            littleEndian ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
        }
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var scalars = String.UnicodeScalarView()
        var offset = 2
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                offset += 2 * UTF16.width(scalar)
            case .emptyInput: return String(scalars)
            case .error: throw UnusableInput("invalid UTF-16 (an unpaired surrogate) at byte offset \(offset)")
            }
        }
    }

    /// What `cleaned` took out of a line, as a furniture record (`U+0008 U+000C`).
    private static func removedCharacters(_ line: Substring, line number: Int, page: Int) -> Furniture? {
        let codes = line.unicodeScalars.filter { isRemoved($0) }.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(4) }
        return codes.isEmpty ? nil : Furniture(kind: .controlCharacter, text: codes.joined(separator: " "),
                                                 span: SourceSpan(lines: SourceLines(number), page: page))
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        // On the bytes, by the table of well-formed sequences (Unicode 15, table 3-7): no
        // overlong forms, no surrogates, nothing above U+10FFFF.
        bytes.withUnsafeBufferPointer { b -> Int? in
            var i = 0
            while i < b.count {
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                let length: Int, second: ClosedRange<UInt8>
                switch lead {
                case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
                case 0xE0: (length, second) = (3, 0xA0...0xBF)
                case 0xE1...0xEC, 0xEE, 0xEF: (length, second) = (3, 0x80...0xBF)
                case 0xED: (length, second) = (3, 0x80...0x9F)
                case 0xF0: (length, second) = (4, 0x90...0xBF)
                case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
                case 0xF4: (length, second) = (4, 0x80...0x8F)
                default: return i
                }
                guard i + length <= b.count, second.contains(b[i + 1]) else { return i }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
    }

    /// Drops control characters other than tab (backspaces and form feeds inside lines occur
    /// in real dumps) and turns no-break spaces into plain spaces.
    static func cleaned(_ line: Substring) -> Substring {
        // Only lines with a control byte or a lead byte of one of those scalars (C2: C1
        // controls and U+00A0; E2: U+2009 and U+202F; EF: U+FEFF…) can need work.
        guard line.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }) else {
            return line
        }
        let needsWork = line.unicodeScalars.contains { isRemoved($0) || isSpace($0) }
        guard needsWork else { return line }
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars where !isRemoved(scalar) {
            out.append(isSpace(scalar) ? " " : scalar)
        }
        return Substring(String(out))
    }

    /// Characters XML 1.0 cannot carry or that mean nothing in text: C0 and C1 controls
    /// (not tab), DEL, the byte-order mark inside text, U+FFFE and U+FFFF.
    private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// No-break and thin spaces, which are plain spaces for the text.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
