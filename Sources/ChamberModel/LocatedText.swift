/// A footnote reference inside a text: the note number and the UTF-8 offset in the text
/// where the marker stood (the marker digits themselves are removed from the text).
public struct NoteRef: Sendable, Hashable {
    public var number: String
    public var offset: Int

    public init(number: String, offset: Int) {
        self.number = number
        self.offset = offset
    }
}

/// Text in one language with where it came from and the footnote markers it held.
/// White space is collapsed and markup removed; what stays is the source's words.
public struct LocatedText: Sendable, Hashable {
    public var text: String
    public var span: SourceSpan
    public var noteRefs: [NoteRef]

    public init(_ text: String, span: SourceSpan, noteRefs: [NoteRef] = []) {
        self.text = text
        self.span = span
        self.noteRefs = noteRefs
    }

    /// A text of a dump that gives only its lines (a test's, a table cell's).
    public init(_ text: String, lines: SourceLines, noteRefs: [NoteRef] = []) {
        self.init(text, span: SourceSpan(lines: lines), noteRefs: noteRefs)
    }

    /// Appends `other` as the continuation of this text (a paragraph cut by a page end):
    /// joined with one space, or with none when `joinWithoutSpace` (a hyphenated word).
    public mutating func append(_ other: LocatedText, joinWithoutSpace: Bool = false) {
        if !text.isEmpty && !other.text.isEmpty && !joinWithoutSpace { text += " " }
        let shift = text.utf8.count
        text += other.text
        noteRefs += other.noteRefs.map { NoteRef(number: $0.number, offset: $0.offset + shift) }
        span.append(other.span)
    }

    /// Removes byte ranges of the text (markup), moving the footnote references that follow
    /// them. The ranges must not overlap.
    public mutating func remove(utf8Ranges: [Range<Int>]) {
        guard !utf8Ranges.isEmpty else { return }
        let sorted = utf8Ranges.sorted { $0.lowerBound < $1.lowerBound }
        let source = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var position = 0
        for range in sorted {
            bytes += source[position..<range.lowerBound]
            position = range.upperBound
        }
        bytes += source[position...]
        text = String(decoding: bytes, as: UTF8.self)
        // A reference moves back by the bytes removed before it: the whole of every range
        // that starts before it but the last, which it may stand in. Found by binary search
        // in the running total, so that many markers in one text cost no more than linear.
        var removed = [0]
        for range in sorted { removed.append(removed[removed.count - 1] + range.count) }
        noteRefs = noteRefs.map { ref in
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].lowerBound < ref.offset { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return ref }
            let last = sorted[low - 1]
            return NoteRef(number: ref.number, offset: ref.offset - removed[low - 1] - (min(last.upperBound, ref.offset) - last.lowerBound))
        }
    }

    /// A copy without the first `utf8Count` bytes of text (a label that the unit keeps in an
    /// attribute), leading spaces included.
    public func droppingPrefix(utf8Count: Int) -> LocatedText {
        let bytes = Array(text.utf8)
        var start = min(utf8Count, bytes.count)
        while start < bytes.count && bytes[start] == UInt8(ascii: " ") { start += 1 }
        let rest = String(decoding: bytes[start...], as: UTF8.self)
        let refs = noteRefs.compactMap { ref -> NoteRef? in
            ref.offset >= start ? NoteRef(number: ref.number, offset: ref.offset - start) : nil
        }
        return LocatedText(rest, span: span, noteRefs: refs)
    }
}
