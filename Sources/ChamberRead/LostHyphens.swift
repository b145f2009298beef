import ChamberModel

/// Hyphens that plain `pdftotext` took out: it joins a word cut at a line end and drops the
/// hyphen even where the hyphen belongs to the word (`MAOC-` / `N` gives `MAOCN`, `vice-` /
/// `gouverneur` gives `vicegouverneur` in French). The document's own spelling, in the same
/// language, tells: a word it writes with a hyphen more often than without gets the hyphen
/// back. A spelling used as often both ways is left alone (`veiligheidsmachtigingen` and
/// `veiligheids-machtigingen` in one text), and so is a word without a letter (`110`, `1-10`).
enum LostHyphens {
    /// Puts the hyphens back in each language's texts and notes.
    static func restore(in columns: inout [Language: LanguageColumn]) {
        for language in Array(columns.keys) {
            guard var column = columns[language] else { continue }
            let spellings = spellings(column.blocks.map(\.content.text) + column.footnotes.map(\.content.text))
            guard !spellings.isEmpty else { continue }
            for i in column.blocks.indices { respell(&column.blocks[i].content, spellings) }
            for i in column.footnotes.indices { respell(&column.footnotes[i].content, spellings) }
            columns[language] = column
        }
    }

    /// Each word written without its hyphens less often than with them, with its most
    /// frequent hyphenated form; keyed by `hash` of the word so written, for the scans of
    /// every word not to make a string of each.
    static func spellings(_ texts: [String]) -> [UInt64: (word: String, form: String)] {
        let hyphen = UInt8(ascii: "-")
        var forms: [UInt64: (word: [UInt8], forms: [String: Int], written: Int)] = [:]
        for text in texts where text.utf8.contains(hyphen) {
            forEachWord(in: Array(text.utf8)) { word in
                guard word.contains(hyphen) else { return }
                let joined = word.filter { $0 != hyphen }
                forms[hash(joined[...]), default: (joined, [:], 0)].forms[String(decoding: word, as: UTF8.self), default: 0] += 1
            }
        }
        guard !forms.isEmpty else { return [:] }
        for text in texts {
            forEachWord(in: Array(text.utf8)) { word in
                let key = hash(word)
                if forms[key]?.word.elementsEqual(word) == true { forms[key]!.written += 1 }
            }
        }
        var result: [UInt64: (word: String, form: String)] = [:]
        for (key, entry) in forms where entry.written > 0 && entry.forms.values.reduce(0, +) > entry.written {
            guard let form = entry.forms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { continue }
            result[key] = (String(decoding: entry.word, as: UTF8.self), form)
        }
        return result
    }

    private static func respell(_ text: inout LocatedText, _ spellings: [UInt64: (word: String, form: String)]) {
        var edits: [(range: Range<Int>, with: String)] = []
        forEachWord(in: Array(text.text.utf8)) { word in
            if let entry = spellings[hash(word)], entry.word.utf8.elementsEqual(word) {
                edits.append((word.startIndex..<word.endIndex, entry.form))
            }
        }
        text.replace(edits)
    }

    /// FNV-1a of a word's bytes.
    private static func hash(_ word: ArraySlice<UInt8>) -> UInt64 {
        word.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// Calls `body` with each word of a text that holds a letter: a run of letters, digits
    /// and inner hyphens (a slice of `bytes`, so its indices are byte offsets). Apostrophes,
    /// dashes and quotes (ASCII, or U+2000–U+206F) end a word.
    static func forEachWord(in bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        var start: Int?, hasLetter = false
        var i = 0
        func close(_ end: Int) {
            guard var s = start else { return }
            var e = end
            while s < e && bytes[s] == UInt8(ascii: "-") { s += 1 }
            while e > s && bytes[e - 1] == UInt8(ascii: "-") { e -= 1 }
            if hasLetter && s < e { body(bytes[s..<e]) }
            start = nil
            hasLetter = false
        }
        while i < bytes.count {
            let byte = bytes[i]
            let isLetter = byte >= 0x80 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            // General punctuation (U+2000–U+206F: dashes, quotes) and the no-break space.
            let punctuation = byte == 0xE2 && i + 1 < bytes.count && (bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81)
                || byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0
            if punctuation {
                close(i)
                i += byte == 0xE2 ? 3 : 2
                continue
            }
            if isLetter || byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: "-") {
                if start == nil { start = i }
                hasLetter = hasLetter || isLetter
            } else {
                close(i)
            }
            i += 1
        }
        close(bytes.count)
    }
}
