/// The hyphen at the end of a line of print that cut a word.
///
/// Engines that shape text (pango, browsers) set the hyphen they add when they cut a word
/// as U+2010 HYPHEN, apart from the hyphen-minus of the words themselves (`zee-routes`).
/// The read stage makes such a hyphen soft (U+00AD), which is removed whenever the word is
/// joined again; a hyphen-minus at a line end may be the word's own and is left to the
/// document's evidence (`LineJoiner`).
public enum LineHyphen {
    /// Whether a text ends with a hyphen-minus or a soft hyphen.
    public static func ends(_ text: some StringProtocol) -> Bool {
        text.last == "-" || text.last == "\u{AD}"
    }

    /// Whether a text ends with a hyphen that cuts a word: a hyphen-minus or a soft hyphen
    /// after a letter.
    public static func endsWord(_ text: some StringProtocol) -> Bool {
        ends(text) && text.dropLast().last?.isLetter == true
    }

    /// Lines joined as one text, a word cut at a line end whole again (`Chambre des
    /// représentants de Bel-` / `gique`): to read a name wrapped over a cover's cell.
    public static func joining(_ lines: some Sequence<some StringProtocol>) -> String {
        lines.reduce(into: "") { text, line in
            if ends(text) { text.removeLast() } else if !text.isEmpty { text += " " }
            text += line
        }
    }

    /// The text with each U+2010 HYPHEN after a letter that ends a line of print made a soft
    /// hyphen: at the end of the text (a dump's line, a PDF's line) or before a run of white
    /// space (a `-layout` dump's gutter: `volksgezond‐      Le trafic`). Before one space it is
    /// the author's (`lucht‐ en zeemacht`) and stays.
    public static func markingSoftHyphens(_ text: Substring) -> Substring {
        // E2 80 90 is U+2010: most lines hold none.
        let bytes = text.utf8
        guard bytes.contains(0x90), text.unicodeScalars.contains("\u{2010}") else { return text }
        var scalars = Array(text.unicodeScalars)
        for i in scalars.indices where scalars[i] == "\u{2010}" && i > 0 && scalars[i - 1].properties.isAlphabetic {
            let space = scalars[(i + 1)...].prefix { $0.properties.isWhitespace }.count
            if i + 1 + space == scalars.count || space >= 2 { scalars[i] = "\u{AD}" }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return Substring(String(view))
    }
}
