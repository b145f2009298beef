import ChamberModel

/// The words of the whole input, used to decide whether a hyphen at a line end splits a
/// word (`drugscri-` / `minaliteit`) or belongs to it (`zee-routes`): the form the
/// document uses elsewhere wins.
struct Vocabulary: Sendable {
    private var words: Set<String> = []

    init<S: Sequence>(lines: S) where S.Element == Substring {
        for line in lines {
            for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let word = token.trimmingPunctuation.lowercased()
                if word.count > 2 { words.insert(word) }
            }
        }
    }

    func contains(_ word: String) -> Bool { words.contains(word.lowercased()) }
}

extension Substring {
    /// The token without the punctuation around it (keeping inner hyphens and apostrophes).
    var trimmingPunctuation: Substring {
        var s = self
        while let c = s.first, !(c.isLetter || c.isNumber) { s = s.dropFirst() }
        while let c = s.last, !(c.isLetter || c.isNumber) { s = s.dropLast() }
        return s
    }
}

/// Joins a line to the text before it, undoing end-of-line hyphenation where the hyphen
/// only split a word (`drugscri-` / `minaliteit`) and keeping it where it belongs to the
/// word (`zee-routes`, `NAVO-context`, a capital after it) or is a suspended compound
/// (`lucht- en observatiecapaciteiten`).
struct LineJoiner: Sendable {
    let vocabulary: Vocabulary

    /// Appends a line to a paragraph, undoing hyphenation where the hyphen splits a word.
    func join(_ paragraph: inout LocatedText, _ next: LocatedText) {
        var text = paragraph.text
        if text.hasSuffix("\u{AD}") {
            text.removeLast()
            paragraph.text = text
            paragraph.append(next, joinWithoutSpace: true)
            return
        }
        paragraph.append(next, joinWithoutSpace: joinsWithoutSpace(text, next.text))
        if dropsHyphen(text, next.text) {
            // Remove the hyphen now in the middle of the joined word.
            let cut = text.utf8.count - 1
            var bytes = Array(paragraph.text.utf8)
            bytes.remove(at: cut)
            paragraph.text = String(decoding: bytes, as: UTF8.self)
            paragraph.noteRefs = paragraph.noteRefs.map { $0.offset > cut ? NoteRef(number: $0.number, offset: $0.offset - 1) : $0 }
        }
    }

    /// A line ending in a hyphen glued to a word continues that word on the next line.
    private func joinsWithoutSpace(_ text: String, _ next: String) -> Bool {
        if next.hasPrefix("<sup>") { return true }
        guard text.hasSuffix("-"), let before = text.dropLast().last, before.isLetter || before.isNumber else { return false }
        guard let first = next.first, first.isLetter else { return false }
        // `lucht- en observatiecapaciteiten`: a suspended compound keeps its hyphen and space.
        let nextWord = next.prefix { $0.isLetter }
        return !["en", "of", "et", "ou"].contains(nextWord)
    }

    /// Whether the hyphen at the end of `text` only split a word across lines.
    private func dropsHyphen(_ text: String, _ next: String) -> Bool {
        guard joinsWithoutSpace(text, next), !next.hasPrefix("<sup>") else { return false }
        let left = text.dropLast().split(separator: " ").last.map { $0.trimmingPunctuation } ?? ""
        let right = Substring(next.split(separator: " ").first ?? "").trimmingPunctuation
        guard let r = right.first, r.isLowercase else { return false }
        // An acronym or number before the hyphen (`NAVO-context`, `2024-2025`) keeps it.
        if let lastWord = left.split(separator: "-").last, lastWord.allSatisfy({ $0.isUppercase || $0.isNumber }) { return false }
        if vocabulary.contains(left + "-" + right) { return false }
        return true
    }

    /// The same for plain text (table cells, legend entries).
    func joined(_ text: String, _ next: String) -> String {
        var located = LocatedText(text, lines: SourceLines())
        join(&located, LocatedText(next, lines: SourceLines()))
        return located.text
    }
}
