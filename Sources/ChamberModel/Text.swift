#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small text helpers every stage uses.
extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Without leading and trailing spaces and tabs. Works on bytes and looks only at the
    /// ends: space and tab are ASCII, so the indices fall on character boundaries.
    @inlinable public var trimmed: SubSequence { trimmingASCII { $0 == 0x20 || $0 == 0x09 } }

    /// Without the bytes `isTrimmed` selects at the end, and at the start when `leading`.
    /// `isTrimmed` must select ASCII bytes only, so that the cuts fall on character boundaries.
    @inlinable public func trimmingASCII(leading: Bool = true, _ isTrimmed: (UInt8) -> Bool) -> SubSequence {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while leading, start < end, isTrimmed(bytes[start]) { start = bytes.index(after: start) }
        while end > start {
            let before = bytes.index(before: end)
            guard isTrimmed(bytes[before]) else { break }
            end = before
        }
        return self[start..<end]
    }

    /// The text after its last space: found from the end, so that a long text costs no more
    /// than a short one.
    @inlinable public var lastWord: SubSequence {
        guard let space = utf8.lastIndex(of: 0x20) else { return self[...] }
        return self[utf8.index(after: space)...]
    }

    /// The words between single spaces (byte 0x20), as views of the text: cheaper than
    /// `split(separator: " ")`, which compares characters.
    @inlinable public var spaceSeparatedWords: [SubSequence] {
        var words: [SubSequence] = []
        var start = utf8.startIndex, i = start
        while i < utf8.endIndex {
            if utf8[i] == 0x20 {
                if start < i { words.append(self[start..<i]) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start < utf8.endIndex { words.append(self[start..<utf8.endIndex]) }
        return words
    }
}

extension StringProtocol {
    /// How many words lie between spaces (byte 0x20), counted on bytes: what
    /// `spaceSeparatedWords.count` gives, without making the words.
    @inlinable public var spaceSeparatedWordCount: Int {
        var count = 0, inWord = false
        for byte in utf8 {
            if byte == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// How many letters the text has, and how many of them are capitals (on scalars: cheap).
    @inlinable public var letterCase: (letters: Int, capitals: Int) {
        var letters = 0, capitals = 0
        for scalar in unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x41 && value <= 0x5A { letters += 1; capitals += 1 } else if value >= 0x61 && value <= 0x7A { letters += 1 }
            } else if scalar.properties.isAlphabetic {
                letters += 1
                if scalar.properties.isUppercase { capitals += 1 }
            }
        }
        return (letters, capitals)
    }

    /// Whether the first letter is a capital: on its first byte when that is ASCII.
    public var startsWithCapital: Bool {
        guard let byte = utf8.first else { return false }
        if byte < 0x80 { return byte &- 0x41 < 26 }
        return unicodeScalars.first!.properties.isUppercase
    }

    /// Set in capitals, as headings, formulas and preambles are: nine letters in ten or more
    /// (`I. — DE TWEETALIGHEID…`), at least three letters.
    public var isSetInCapitals: Bool { Lexicon.isMostlyCapitals(letterCase) }

    /// Whether a digit stands in it (a table's figure, a header's number).
    @inlinable public var containsFigure: Bool { utf8.contains { $0 &- 0x30 < 10 } }

    /// Without `suffix` at the end, if it is there.
    public func trimmingSuffix(_ suffix: String) -> SubSequence {
        hasSuffix(suffix) ? self[...].dropLast(suffix.count) : self[...]
    }

    /// Whether `needle` occurs in the text, compared byte by byte. Much cheaper than
    /// Foundation's `contains`/`range(of:)`, which go through NSString. With
    /// `ignoringCase`, capitals of the text (A–Z, À–Þ) match a needle written in lower case.
    public func containsBytes(_ needle: String, ignoringCase: Bool = false) -> Bool {
        offsetOfBytes(needle, ignoringCase: ignoringCase) != nil
    }

    /// Where `needle` first occurs, compared byte by byte (as `containsBytes`).
    public func rangeOfBytes(_ needle: String) -> Range<Index>? {
        guard let offset = offsetOfBytes(needle) else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    private func offsetOfBytes(_ needle: String, ignoringCase: Bool = false) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            utf8.withContiguousStorageIfAvailable { firstOccurrence(pattern, in: $0, ignoringCase: ignoringCase) }
                ?? Array(utf8).withUnsafeBufferPointer { firstOccurrence(pattern, in: $0, ignoringCase: ignoringCase) }
        }
    }
}

/// The byte search behind `containsBytes`: the offset of the first occurrence; `memchr` to
/// the next first byte, then `memcmp`, when case matters; otherwise both sides folded by
/// `caseFold`, byte by byte.
private func firstOccurrence(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, ignoringCase: Bool) -> Int? {
    guard let first = pattern.first else { return 0 }
    guard text.count >= pattern.count else { return nil }
    guard ignoringCase else {
        let base = text.baseAddress!, last = text.count - pattern.count
        var i = 0
        while i <= last, let hit = memchr(base + i, Int32(first), last - i + 1) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, pattern.baseAddress!, pattern.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
    let folded = caseFold
    let head = folded[Int(first)]
    for i in 0...(text.count - pattern.count) where folded[Int(text[i])] == head {
        var k = 1
        while k < pattern.count && folded[Int(text[i + k])] == folded[Int(pattern[k])] { k += 1 }
        if k == pattern.count { return i }
    }
    return nil
}

/// Capitals to small letters, byte for byte: A–Z, and the second bytes of `À`–`Þ` (`C3 80`–`C3 9E`,
/// not `×`). Applied to both sides of a comparison, so that a continuation byte folded
/// out of another character still compares equal to itself.
private let caseFold: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
    let capital = (0x41...0x5A).contains(b) || ((0x80...0x9E).contains(b) && b != 0x97)
    return UInt8(capital ? b + 0x20 : b)
}

/// The scalar that starts at byte `i` of valid UTF-8, and its width in bytes: decoded by
/// hand in the loops that look at every scalar of every text, where the standard library's
/// iterators cost more than the work done per scalar.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, width: Int) {
    let byte = bytes[i]
    if byte < 0x80 { return (UInt32(byte), 1) }
    if byte < 0xE0 { return (UInt32(byte & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
    if byte < 0xF0 {
        return (UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
    }
    return (UInt32(byte & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
        | UInt32(bytes[i + 3] & 0x3F), 4)
}
