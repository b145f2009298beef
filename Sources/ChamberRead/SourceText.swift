import ChamberModel

/// One physical input line after decoding: its 1-based number and its text with control
/// characters removed (form feeds are reported separately as page starts).
struct SourceLine: Sendable {
    var number: Int
    var text: Substring
    /// The line began with a form feed: `pdftotext` starts every page but the first so.
    var startsPage: Bool

    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
}

/// Decodes input bytes into lines, refusing what is not UTF-8 text.
enum SourceText {
    static func lines(from bytes: [UInt8]) throws(UnusableInput) -> [SourceLine] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw UnusableInput("UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)")
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
        // Split on LF, CRLF and lone CR alike, on bytes (Character iteration is slow).
        let crOnly = !text.utf8.contains(10)
        let separator: UInt8 = crOnly ? 13 : 10
        for rawBytes in text.utf8.split(separator: separator, omittingEmptySubsequences: false) {
            number += 1
            var raw = Substring(rawBytes)
            if !crOnly, raw.utf8.last == 13 { raw = Substring(raw.utf8.dropLast()) }
            var startsPage = false
            while raw.utf8.first == 0x0C { raw = Substring(raw.utf8.dropFirst()); startsPage = true }
            lines.append(SourceLine(number: number, text: cleaned(raw), startsPage: startsPage))
        }
        return lines
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Drops control characters other than tab (backspaces and form feeds inside lines occur
    /// in real dumps) and turns no-break spaces into plain spaces.
    static func cleaned(_ line: Substring) -> Substring {
        let needsWork = line.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\t") || s.value == 0x7F || s == "\u{A0}" || s == "\u{202F}" || s == "\u{2009}"
                || s == "\u{FEFF}" || s == "\u{FFFE}" || s == "\u{FFFF}" || (s.value >= 0x80 && s.value < 0xA0)
        }
        guard needsWork else { return line }
        var out = String.UnicodeScalarView()
        for s in line.unicodeScalars {
            switch s.value {
            case 0x09: out.append(s)
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0xFEFF, 0xFFFE, 0xFFFF: continue
            case 0xA0, 0x202F, 0x2009: out.append(" ")
            default: out.append(s)
            }
        }
        return Substring(String(out))
    }
}
