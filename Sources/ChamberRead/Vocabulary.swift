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
