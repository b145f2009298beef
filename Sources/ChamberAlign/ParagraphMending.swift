import ChamberModel

/// Paragraph ends that the read stage could not see in the layout, set right where the
/// other language shows them: a paragraph that a page end cut, joined again; two paragraphs
/// that plain `pdftotext` ran into one, cut at the soft break where they meet. Text never
/// moves between languages here: only a language's own passages are joined or cut.
extension SentenceAligner {
    /// The units with their paragraphs mended: `joiningCutParagraphs`, `cuttingAtSoftBreaks`,
    /// `joiningGuessedEnds`, `cuttingAtSharedSoftBreaks`, `cuttingCrossedRuns`,
    /// `joiningLonePieces`, then, once the passages without counterpart stand alone
    /// (`separatingUnlinkedPassages`), `cuttingIntoLoneNeighbours`.
    public func mendingParagraphs(_ units: [TextUnit]) -> [TextUnit] {
        let cut = cuttingAtSharedSoftBreaks(joiningGuessedEnds(cuttingAtSoftBreaks(joiningCutParagraphs(units))))
        return cuttingIntoLoneNeighbours(separatingUnlinkedPassages(joiningLonePieces(cuttingCrossedRuns(cut))))
    }

    /// Units whose two passages in a language are one paragraph that a page or column end
    /// cut (`PageCut.continuesOpenText`: the first open, the second going on in lower case,
    /// on another page or in another column), linked to one passage of the other language:
    /// the two joined into one 1-1 unit. Two list items on one page stay apart, though the
    /// read stage took their bullets off (`- meer controles …` / `- strengere straffen …`).
    func joiningCutParagraphs(_ units: [TextUnit]) -> [TextUnit] {
        joining(units) { two, _, _ in
            !LineHyphen.ends(two[0].text) && two[1].text.first?.isLowercase == true
                && Self.liesBeyondACut(two[1].span, after: two[0].span) && PageCut.continuesOpenText(two[0].text, two[1].text)
        }
    }

    /// The same for two passages that the read stage parted at a guessed end (a line that
    /// closed a sentence a little short of its column: `LocatedText.endIsGuessed`), once the
    /// other language's soft breaks had their chance to cut it instead, and both passages
    /// translated: a passage without counterpart (`isUnlinked`) stands alone instead.
    func joiningGuessedEnds(_ units: [TextUnit]) -> [TextUnit] {
        joining(units) { two, unit, language in
            two[0].endIsGuessed && !two.indices.contains { isUnlinked(passage: $0, of: unit, language) }
        }
    }

    /// Units whose two passages in a language `belongTogether`, linked to one passage of
    /// the other language: the two joined into one 1-1 unit.
    private func joining(_ units: [TextUnit], where belongTogether: (_ two: [LocatedText], TextUnit, Language) -> Bool) -> [TextUnit] {
        units.map { unit in
            guard Self.isMendable(unit) else { return unit }
            for language in Language.allCases {
                guard let two = unit.passages[language], two.count == 2, unit.passages[language.other]?.count == 1,
                      belongTogether(two, unit, language) else { continue }
                var joined = unit, text = two[0]
                text.append(two[1])
                joined.passages[language] = [text]
                return link(joined)
            }
            return unit
        }
    }

    /// Whether a text starts on a later page than `before` ends, or in another column of the
    /// same page (their boxes side by side).
    static func liesBeyondACut(_ span: SourceSpan, after before: SourceSpan) -> Bool {
        guard let start = span.regions.first, let end = before.regions.last else { return false }
        if start.page != end.page { return start.page > end.page }
        guard let a = end.box, let b = start.box else { return false }
        return b.x0 >= a.x1 || b.x1 <= a.x0
    }

    /// Units whose one passage in a language has a soft break (`SoftBreak`: a paragraph end
    /// the layout may not have shown) where the sentence links pass from the first to the
    /// second of the two passages of the other language: cut there into two 1-1 units. Plain
    /// `pdftotext` runs paragraphs that follow closely into one block; the other language's
    /// paragraphs show where one ended, and its sentences where that is in this language.
    func cuttingAtSoftBreaks(_ units: [TextUnit]) -> [TextUnit] {
        units.flatMap { unit in Self.isMendable(unit) ? cutAtSoftBreak(unit, second: unit) ?? [unit] : [unit] }
    }

    /// The unit cut in two at the soft break of its one passage in a language where the
    /// sentence links pass to the second of its two passages in the other (`softBreak`), the
    /// second piece with the kind, label and id of `second`; nil where the sentences show no
    /// cut.
    private func cutAtSoftBreak(_ unit: TextUnit, second identity: TextUnit) -> [TextUnit]? {
        for language in Language.allCases {
            guard let one = unit.passages[language], one.count == 1, !one[0].softBreaks.isEmpty,
                  let two = unit.passages[language.other], two.count == 2,
                  let cut = Self.softBreak(of: one[0], at: unit.passageRanges(language.other)[1].lowerBound, unit.sentenceLinks, language)
            else { continue }
            let (first, second) = one[0].split(at: cut)
            var before = unit, after = identity
            before.passages = [language: [first], language.other: [two[0]]]
            after.passages = [language: [second], language.other: [two[1]]]
            return [link(before), link(after)]
        }
        return nil
    }

    /// 1-1 units whose two passages both have a soft break where the same sentence link
    /// starts (every link before it lying before both breaks), one of them after a line that
    /// is or may be short (`SoftBreak.mayFollowShortLine`): cut there in both languages, as
    /// often as such breaks follow. Plain `pdftotext` runs a paragraph into the next in both
    /// columns alike; the read stage ends a paragraph at a short line only in a block of four
    /// lines or more, on one language's evidence; a sentence that ends a line in both
    /// languages at once, one of the two lines short (or joined from several at a cut word,
    /// its last one unseen), is a paragraph end in any block. Two full lines are no sign: a
    /// paragraph's first sentence may end a line in both.
    func cuttingAtSharedSoftBreaks(_ units: [TextUnit]) -> [TextUnit] {
        units.flatMap { unit -> [TextUnit] in
            guard Self.isMendable(unit),
                  let nl = unit.passages[.nl]?.first, unit.passages[.nl]?.count == 1, !nl.softBreaks.isEmpty,
                  let fr = unit.passages[.fr]?.first, unit.passages[.fr]?.count == 1, !fr.softBreaks.isEmpty else { return [unit] }
            let nlBreaks = Dictionary(nl.softBreaks.map { ($0.offset, $0) }) { first, _ in first }
            let frBreaks = Dictionary(fr.softBreaks.map { ($0.offset, $0) }) { first, _ in first }
            // Sentence links follow the text in both languages: a link whose first sentences
            // start at a break in each has every link before it before both breaks.
            var cuts: [(nl: SoftBreak, fr: SoftBreak)] = []
            for link in unit.sentenceLinks.dropFirst() {
                guard let nlStart = link.nl.first?.lowerBound, let frStart = link.fr.first?.lowerBound,
                      let nlCut = nlBreaks[nlStart], let frCut = frBreaks[frStart],
                      nlCut.mayFollowShortLine || frCut.mayFollowShortLine || nlCut.roomForNextWord && frCut.roomForNextWord,
                      nlStart > cuts.last?.nl.offset ?? 0, nlStart < nl.text.utf8.count,
                      frStart > cuts.last?.fr.offset ?? 0, frStart < fr.text.utf8.count else { continue }
                cuts.append((nlCut, frCut))
            }
            guard !cuts.isEmpty else { return [unit] }
            return zip(nl.split(at: cuts.map(\.nl)), fr.split(at: cuts.map(\.fr))).map { dutch, french in
                var piece = unit
                piece.passages = [.nl: [dutch], .fr: [french]]
                return link(piece)
            }
        }
    }

    /// Two neighbouring 1-1 units where one language ran a paragraph into the one before and
    /// the other language into the one after (`A B | A` then `C | B C`): the first unit ends
    /// on sentences of one language alone, the second opens on sentences of the other alone.
    /// Both passages are cut at a soft break, and the middle pieces make a unit of their own,
    /// when that leaves fewer bytes of sentences without a counterpart. Plain `pdftotext`
    /// does this where neither column leaves a blank line between paragraphs.
    func cuttingCrossedRuns(_ units: [TextUnit]) -> [TextUnit] { Self.mendingNeighbours(units, cutCrossedRun) }

    /// The two units cut into three as `cuttingCrossedRuns` says; nil when they are no such pair.
    private func cutCrossedRun(_ a: TextUnit, _ b: TextUnit) -> [TextUnit]? {
        guard [a, b].allSatisfy({ unit in Self.isMendable(unit) && Language.allCases.allSatisfy { unit.passages[$0]?.count == 1 } }) else { return nil }
        for language in Language.allCases {
            let other = language.other
            let tail = a.sentenceLinks.reversed().prefix { $0[other].isEmpty && !$0[language].isEmpty }
            let head = b.sentenceLinks.prefix { $0[language].isEmpty && !$0[other].isEmpty }
            guard !tail.isEmpty, !head.isEmpty, tail.count < a.sentenceLinks.count, head.count < b.sentenceLinks.count,
                  let tailStart = tail.last?[language].first?.lowerBound,
                  let headEnd = head.last?[other].last?.upperBound,
                  let nextStart = b.sentenceLinks[head.count...].lazy.compactMap({ $0[other].first?.lowerBound }).first,
                  let run = a.passages[language]?.first, let runInto = b.passages[other]?.first,
                  // The last soft break where the tail may start, after the first unit's last
                  // linked sentence starts; the soft break that ends the head.
                  let lastLinked = a.sentenceLinks[a.sentenceLinks.count - tail.count - 1][language].first?.lowerBound,
                  let s = run.softBreaks.last(where: { $0.offset > lastLinked && $0.offset <= tailStart }),
                  let t = runInto.softBreaks.first(where: { $0.offset >= headEnd && $0.offset <= nextStart })
            else { continue }
            let (kept, moved) = run.split(at: s), (opening, rest) = runInto.split(at: t)
            var first = a, middle = a, last = b
            first.passages[language] = [kept]
            middle.passages = [language: [moved], other: [opening]]
            middle.confidence = [a.confidence, b.confidence].compactMap { $0 }.min()
            last.passages[other] = [rest]
            let cut = [link(first), link(middle), link(last)]
            guard cut[1].sentenceLinks.contains(where: { !$0.nl.isEmpty && !$0.fr.isEmpty }),
                  Self.unlinkedLength(cut) < Self.unlinkedLength([a, b]) else { continue }
            return cut
        }
        return nil
    }

    /// A passage alone in its language next to a 1-1 unit, where the read stage guessed the
    /// end between the two (a line that closed a sentence a little short of its column):
    /// joined to that unit's passage, when sentence links that translate then cover most of
    /// the piece. The unit aligner links the other language's paragraph to the longer
    /// piece of a paragraph cut at a wrong guess, and leaves the shorter piece alone. A
    /// labelled consideration, request or list item takes the piece after it: its label
    /// links it whatever its length, and its text may have gone on.
    func joiningLonePieces(_ units: [TextUnit]) -> [TextUnit] {
        Self.mendingNeighbours(units) { joiningLonePiece($0, $1).map { [$0] } }
    }

    /// The two units as one, as `joiningLonePieces` says; nil when they are no such pair.
    private func joiningLonePiece(_ a: TextUnit, _ b: TextUnit) -> TextUnit? {
        let takesPieceAfter = a.label != nil && a.children.isEmpty && [.consideration, .request, .item].contains(a.kind)
        guard Self.isMendable(b), Self.isMendable(a) || takesPieceAfter else { return nil }
        for language in Language.allCases {
            for (lone, whole) in Self.isMendable(a) ? [(a, b), (b, a)] : [(b, a)] {
                guard lone.passages.count == 1, let piece = lone.passages[language], piece.count == 1,
                      let own = whole.passages[language], own.count == 1, whole.passages[language.other]?.count == 1 else { continue }
                let (first, second) = piece[0].span.order < own[0].span.order ? (piece[0], own[0]) : (own[0], piece[0])
                guard first.endIsGuessed else { continue }
                var text = first
                text.append(second)
                var joined = whole
                joined.passages[language] = [text]
                // Most of the piece's bytes lie in sentence links that likely translate (lengths
                // alone pair a sentence with any other of its length): a paragraph that the other
                // language left out keeps its sentences alone. After a labelled unit, only the
                // piece's own sentences count: a text that runs on from a consideration's last
                // sentence (`… op zee;` / `Zie ook …`) would be covered by that sentence's link.
                let texts = joined.texts
                guard let nl = texts[.nl]?.text, let fr = texts[.fr]?.text else { continue }
                let length = piece[0].text.utf8.count, joinedLength = text.text.utf8.count
                let place = first.span.order == piece[0].span.order ? 0..<length : (joinedLength - length)..<joinedLength
                let links = aligned(nl: nl, Self.sentences(of: joined, .nl), fr: fr, Self.sentences(of: joined, .fr))
                let covered = links.filter { ($0.match ?? 0) >= Self.likelyMatch }.flatMap { $0.link[language] }
                    .reduce(0) { sum, sentence in
                        let inPiece = sentence.clamped(to: place).count
                        return sum + (Self.isMendable(whole) || inPiece == sentence.count ? inPiece : 0)
                    }
                guard 2 * covered >= length else { continue }
                joined.sentenceLinks = links.map(\.link)
                return joined
            }
        }
        return nil
    }

    /// The bytes of the units' sentences that have no counterpart.
    private static func unlinkedLength(_ units: [TextUnit]) -> Int {
        units.reduce(0) { sum, unit in
            sum + unit.sentenceLinks.reduce(0) { sum, link in
                link.nl.isEmpty || link.fr.isEmpty ? sum + (link.nl + link.fr).reduce(0) { $0 + $1.count } : sum
            }
        }
    }

    /// A 1-1 unit whose passage in one language has soft breaks, next to a unit of the other
    /// language alone: the two taken as one unit, its other language in two passages, and cut
    /// as `cuttingAtSoftBreaks` cuts, where the sentences show it. Plain `pdftotext`
    /// runs three paragraphs or more into one block, and the unit aligner links at most two
    /// passages to one, leaving the third alone; a cut unit may cut again into the next.
    func cuttingIntoLoneNeighbours(_ units: [TextUnit]) -> [TextUnit] { Self.mendingNeighbours(units, cutIntoLoneNeighbour) }

    /// The units with each two neighbours that `mend` replaces replaced, left to right; the
    /// last unit of a replacement is tried again with the unit after it (a joined unit joins
    /// on, the last piece of a cut may cut again into the next).
    private static func mendingNeighbours(_ units: [TextUnit], _ mend: (TextUnit, TextUnit) -> [TextUnit]?) -> [TextUnit] {
        var units = units, i = 0
        while i + 1 < units.count {
            if let mended = mend(units[i], units[i + 1]), !mended.isEmpty {
                units.replaceSubrange(i...(i + 1), with: mended)
                i += mended.count - 1
            } else {
                i += 1
            }
        }
        return units
    }

    /// A unit whose paragraphs may be joined or cut: a paragraph or a list item, unlabelled,
    /// without sub-units.
    static func isMendable(_ unit: TextUnit) -> Bool {
        unit.label == nil && unit.children.isEmpty && [.paragraph, .item].contains(unit.kind)
    }

    /// The two units, one whole and one of a language alone, cut anew at a soft break of
    /// the whole one; nil when they are no such pair or the sentences show no cut. A lettered
    /// list item may be the whole one, before its neighbour, where a paragraph set without a
    /// gap ran into its last line (`c) … kunnen volgen.` / `De NMBS …`). The piece after the
    /// cut is the neighbour's (its kind, label and id), the piece before the whole unit's.
    private func cutIntoLoneNeighbour(_ a: TextUnit, _ b: TextUnit) -> [TextUnit]? {
        guard Self.isMendable(b), Self.isMendable(a) || a.kind == .item && a.children.isEmpty else { return nil }
        for language in Language.allCases {
            for (whole, lone, wholeFirst) in [(a, b, true), (b, a, false)] where wholeFirst || Self.isMendable(a) {
                guard let one = whole.passages[language], one.count == 1, !one[0].softBreaks.isEmpty,
                      let other = whole.passages[language.other], other.count == 1,
                      lone.passages[language]?.isEmpty ?? true, let alone = lone.passages[language.other], alone.count == 1
                else { continue }
                var merged = whole
                merged.passages[language.other] = wholeFirst ? [other[0], alone[0]] : [alone[0], other[0]]
                if let cut = cutAtSoftBreak(link(merged), second: wholeFirst ? lone : whole) { return cut }
            }
        }
        return nil
    }

    /// The soft break of `text`, the one passage of `language`, where a sentence starts that
    /// begins the links of the other language's passage starting at `boundary`, or a sentence
    /// alone just before them. Nil when a link joins sentences of both passages.
    private static func softBreak(of text: LocatedText, at boundary: Int, _ links: [SentenceLink], _ language: Language) -> SoftBreak? {
        guard let first = links.firstIndex(where: { link in link[language.other].contains { $0.lowerBound >= boundary } }),
              link(links[first], liesAfter: boundary, language.other) else { return nil }
        // Where this language's sentences may start the second part: its sentences alone just
        // before the boundary, and the first sentence after it.
        var starts: [Int] = []
        var k = first
        while k > 0, links[k - 1][language.other].isEmpty, let start = links[k - 1][language].first?.lowerBound {
            starts.append(start)
            k -= 1
        }
        if let start = links[first...].lazy.compactMap({ $0[language].first?.lowerBound }).first { starts.append(start) }
        // Only a break strictly inside the text cuts it in two non-empty parts.
        return text.softBreaks.first { cut in starts.contains(cut.offset) && cut.offset > 0 && cut.offset < text.text.utf8.count }
    }

    /// Whether all of a link's sentences of `language` lie at or after `boundary`.
    private static func link(_ link: SentenceLink, liesAfter boundary: Int, _ language: Language) -> Bool {
        link[language].allSatisfy { $0.lowerBound >= boundary }
    }
}
