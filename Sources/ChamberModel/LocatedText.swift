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

/// A place in a text where a paragraph may have ended unseen: a line closed a sentence and
/// the next opened with a capital, in a layout that does not mark where paragraphs end (plain
/// `pdftotext` joins them in one block). The align stage cuts the text there when the other
/// language's paragraphs end at that sentence (`SentenceAligner.cuttingAtSoftBreaks`).
public struct SoftBreak: Sendable, Hashable {
    /// The UTF-8 offset in the text where the next line starts.
    public var offset: Int
    /// The span of the line that starts there.
    public var span: SourceSpan
    /// How full the line before the break is, against the width of the lines it was joined
    /// with (0–1): a paragraph's last line is seldom full, a line inside one nearly always is.
    public var lineFill: Double

    /// Under this share of the width of its lines, a line stops short, as a paragraph's
    /// last line does (in justified and ragged text alike, a line inside a paragraph is
    /// filled to about that width).
    public static let shortLine = 0.7

    /// Whether the line before the break stops short.
    public var afterShortLine: Bool { lineFill < Self.shortLine }

    /// Whether the line before the break stops short or may: a line longer than the width
    /// of its lines is several that plain `pdftotext` joined at a cut word, the last of
    /// them of any length.
    public var mayFollowShortLine: Bool { afterShortLine || lineFill > 1 }

    /// Whether the next line's first word would have fit at the end of the line before, its
    /// characters counted against the width of its lines: a typesetter breaks a line inside
    /// a paragraph where the next word does not fit. False where the next line is short
    /// itself (a piece of a line of print that a dump broke), which tells nothing. Characters
    /// measure proportional type only roughly: the align stage asks both languages.
    public var roomForNextWord: Bool

    public init(offset: Int, span: SourceSpan, lineFill: Double = 1, roomForNextWord: Bool = false) {
        self.offset = offset
        self.span = span
        self.lineFill = lineFill
        self.roomForNextWord = roomForNextWord
    }

    /// The same break at another offset (its text was cut, joined or edited before it).
    public func moved(to offset: Int) -> SoftBreak {
        var moved = self
        moved.offset = offset
        return moved
    }
}

/// Text in one language with where it came from and the footnote markers it held.
/// White space is collapsed and markup removed; what stays is the source's words.
public struct LocatedText: Sendable, Hashable {
    public var text: String
    public var span: SourceSpan
    public var noteRefs: [NoteRef]
    /// Where a paragraph may have ended unseen, in text order.
    public var softBreaks: [SoftBreak] = []
    /// Whether the read stage ended the text at a line that only looked like a paragraph's
    /// end (it closed a sentence a little short of its column, in a layout that does not
    /// mark paragraph ends): the align stage joins it to the next where the other language
    /// shows them as one.
    public var endIsGuessed = false

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
        softBreaks += other.softBreaks.map { $0.moved(to: $0.offset + shift) }
        span.append(other.span)
        endIsGuessed = other.endIsGuessed
    }

    /// Appends `other` as the next line of a paragraph that may have ended before it (see
    /// `SoftBreak`), after a line `lineFill` full.
    public mutating func append(afterSoftBreak other: LocatedText, lineFill: Double, roomForNextWord: Bool = false) {
        guard !text.isEmpty, !other.text.isEmpty else { return append(other) }
        let start = text.utf8.count + 1, before = softBreaks.count
        append(other)
        // Before the breaks `other` brought: the breaks stay in text order.
        softBreaks.insert(SoftBreak(offset: start, span: other.span, lineFill: lineFill, roomForNextWord: roomForNextWord), at: before)
    }

    /// The two texts on either side of one of its soft breaks, each with its markers, soft
    /// breaks and span. The break must lie inside the text, after its first byte.
    public func split(at cut: SoftBreak) -> (LocatedText, LocatedText) {
        let pieces = split(at: [cut])
        return (pieces[0], pieces[1])
    }

    /// The texts between some of its soft breaks, each with its markers, soft breaks and
    /// span: the bytes are read once, however many the cuts. The breaks must be in text
    /// order and lie inside the text, after its first byte.
    public func split(at cuts: [SoftBreak]) -> [LocatedText] {
        let bytes = Array(text.utf8)
        precondition(zip([0] + cuts.map(\.offset), cuts.map(\.offset) + [bytes.count]).allSatisfy { $0 < $1 }, "soft breaks in order inside the text")
        // Markers and breaks in text order, each taken by the piece it falls in.
        let refs = noteRefs.sorted { $0.offset < $1.offset }
        var pieces: [LocatedText] = []
        var rest = span, start = 0, nextRef = 0, nextBreak = 0
        for index in 0...cuts.count {
            let cut = index < cuts.count ? cuts[index] : nil
            var end = cut?.offset ?? bytes.count
            if cut != nil { while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 } }
            var pieceSpan = rest
            if let cut { (pieceSpan, rest) = rest.split(at: cut.span) }
            var piece = LocatedText(String(decoding: bytes[start..<end], as: UTF8.self), span: pieceSpan)
            while nextRef < refs.count, cut == nil || refs[nextRef].offset <= end {
                piece.noteRefs.append(NoteRef(number: refs[nextRef].number, offset: max(0, refs[nextRef].offset - start)))
                nextRef += 1
            }
            // The break the piece ends at is no break of either piece.
            while nextBreak < softBreaks.count, softBreaks[nextBreak].offset <= (cut?.offset ?? .max) {
                if softBreaks[nextBreak].offset < (cut?.offset ?? .max) { piece.softBreaks.append(softBreaks[nextBreak].moved(to: softBreaks[nextBreak].offset - start)) }
                nextBreak += 1
            }
            // The last piece ends where the text did.
            if cut == nil { piece.endIsGuessed = endIsGuessed }
            pieces.append(piece)
            start = cut?.offset ?? bytes.count
        }
        return pieces
    }

    /// Removes byte ranges of the text (markup), moving the footnote references that follow
    /// them. The ranges must not overlap.
    public mutating func remove(utf8Ranges: [Range<Int>]) {
        replace(utf8Ranges.map { (range: $0, with: "") })
    }

    /// Replaces byte ranges of the text (markup taken out, a lost hyphen put back), moving
    /// the footnote references and soft breaks that follow them; one inside a range moves to
    /// its start. The ranges must not overlap; an empty one is an insertion.
    public mutating func replace(_ edits: [(range: Range<Int>, with: String)]) {
        guard !edits.isEmpty else { return }
        // An insertion before a replacement at the same offset.
        let sorted = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        let source = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var position = 0
        for edit in sorted {
            bytes += source[position..<edit.range.lowerBound]
            bytes += edit.with.utf8
            position = edit.range.upperBound
        }
        bytes += source[position...]
        text = String(decoding: bytes, as: UTF8.self)
        // An offset moves by the bytes the edits before it added or removed, and one inside
        // an edit's range to its start. Found by binary search in the running total, so
        // that many markers in one text cost no more than linear.
        var grown = [0]
        for edit in sorted { grown.append(grown[grown.count - 1] + edit.with.utf8.count - edit.range.count) }
        func moved(_ offset: Int) -> Int {
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { return offset }
            let last = sorted[low - 1].range
            return offset < last.upperBound ? last.lowerBound + grown[low - 1] : offset + grown[low]
        }
        noteRefs = noteRefs.map { NoteRef(number: $0.number, offset: moved($0.offset)) }
        softBreaks = softBreaks.map { $0.moved(to: moved($0.offset)) }
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
        var result = LocatedText(rest, span: span, noteRefs: refs)
        result.softBreaks = softBreaks.filter { $0.offset > start }.map { $0.moved(to: $0.offset - start) }
        result.endIsGuessed = endIsGuessed
        return result
    }
}
