/// Where a page or column end cut a paragraph, and where a layout that does not mark
/// paragraph ends may have joined two: the read stage re-joins and keeps soft breaks by these
/// rules, and the align stage finishes the work where the other language shows the way.
public enum PageCut {
    /// Unknown from the layout whether a text goes on in the next one: the text before must
    /// be open (no closing punctuation, not a heading; a closing bracket or quote not after a
    /// sentence's end leaves it open to lower case); the text after starts in lower case,
    /// or, after a long open paragraph or one whose last word cannot end a text (an article,
    /// a preposition: `…dat de inzet van` / `Defensie tegen…`), with any letter or digit.
    /// `closingIsCapitals` spares a paragraph that knows it the scan of its whole text.
    public static func continuesOpenText(_ closing: String, _ opening: String, closingIsCapitals: Bool? = nil) -> Bool {
        guard let first = opening.first, !opening.opensBlock, !opening.hasPrefix("#"), !Lexicon.isInCapitals(opening) else { return false }
        let lowerCase = opensInLowerCase(opening)
        guard let open = openness(closing, closingIsCapitals: closingIsCapitals) else {
            // A bracket or a quote closes no sentence by itself: lower case goes on after it
            // (`… commune (COCOM)` / `ne lui a fait part …`), though not after a heading or a
            // signature (`PROGRAMMAWET (I)`, `Kurt Ravyts (VB)`).
            return lowerCase && closing.last.map { "”\"’)".contains($0) } == true && !closesSentence(closing)
                && !isMarkedHeading(closing) && !(closingIsCapitals ?? Lexicon.isInCapitals(closing))
                && Signatory.names(in: Substring(closing)) == nil
        }
        return lowerCase || (open && (first.isLetter || first.isNumber))
    }

    /// Whether a text opens in lower case, perhaps after a bracketed aside that the sentence
    /// goes on after in lower case (`(zéro) n’a fait l’objet …`, `(GGC) kennis heeft`): a
    /// sentence's middle. A bracket that closes the line (`(ingediend door …)`: the
    /// submitters, which open a block), a capital after it or a list's label (`(a)`, `(ii)`,
    /// `(3)`) opens none.
    private static func opensInLowerCase(_ text: String) -> Bool {
        guard text.first == "(" else { return text.first?.isLowercase == true }
        guard let close = text.firstIndex(of: ")"), !isListLabel(text[text.index(after: text.startIndex)..<close]) else { return false }
        let after = text[text.index(after: close)...]
        return after.first == " " && after.dropFirst().first?.isLowercase == true
    }

    /// A list's label inside brackets: a number, one letter, or a roman numeral in lower case.
    private static func isListLabel(_ text: Substring) -> Bool {
        text.allSatisfy(\.isNumber) || text.count == 1 && text.first?.isLetter == true
            || text.count <= 4 && text.allSatisfy { "ivxl".contains($0) }
    }

    /// Whether a text is open, and how: nil for a closed one (closing punctuation, a
    /// heading); true where any word may go on in it (a long paragraph, or one whose last
    /// word cannot end a text: an article, a preposition), false where only one in lower case
    /// may.
    private static func openness(_ closing: String, closingIsCapitals: Bool?) -> Bool? {
        guard let end = withoutNoteMarker(closing[...]).last, !Lexicon.paragraphClosings.contains(end) else { return nil }
        if isMarkedHeading(closing) || (closingIsCapitals ?? Lexicon.isInCapitals(closing)) { return nil }
        return closing.utf8.count >= 80 || Lexicon.leavesTextOpen.contains(closing.lastWord.lowercased())
    }

    /// A text in capitals that a cut left open goes on in capitals that open what follows, as
    /// the operative formula does (`VERZOEKT DE FEDERALE` / `REGERING:`); a heading
    /// (`TOELICHTING`, `## VOORSTEL VAN RESOLUTIE`, `HOOFDSTUK 2` / `ALGEMENE BEPALINGEN`), a
    /// cover's line (`BUITENGEWONE ZITTING 2024`) or the Chamber's name before its
    /// resolution (`DE KAMER VAN VOLKSVERTEGENWOORDIGERS,`) stands alone.
    public static func continuesCapitals(_ closing: String, _ opening: String) -> Bool {
        guard let end = closing.last, !Lexicon.paragraphClosings.contains(end), !isMarkedHeading(closing),
              !Lexicon.isWholeHeading(closing), opening.last == ":" else { return false }
        return !Lexicon.isWholeHeading(opening)
    }

    /// A heading by its markup: `## TOELICHTING`, `**Artikel 1**`.
    private static func isMarkedHeading(_ text: String) -> Bool { text.hasPrefix("#") || text.hasPrefix("**") }

    /// Whether a line is a unit of its own: a date alone (`10 juli 2024`: a cover's date, the
    /// date before the signatures) or a document number alone (`DOC 56 0055/001`, a cover's),
    /// rather than words that the text before goes on in (`… De wet van` / `15 juni 2024` /
    /// `bepaalt …`). Most lines are neither: the text before is made only for one.
    public static func standsAlone(_ line: some StringProtocol, after previous: @autoclosure () -> String?) -> Bool {
        guard isUnitOfItsOwn(line) else { return false }
        // Both open with a digit or a capital: only text open to any word goes on in them.
        return previous().flatMap { openness($0, closingIsCapitals: nil) } != true
    }

    /// A date or a document number, and nothing else: a unit of its own, whatever the
    /// text before it (`standsAlone` asks about that text too).
    public static func isUnitOfItsOwn(_ line: some StringProtocol) -> Bool {
        Lexicon.documentNumber(line) != nil || Dates.isoDate(line) != nil
    }

    /// Whether a text ends a sentence: `.`, `:`, `;`, `!` or `?`, perhaps inside a closing
    /// quote or bracket (`… verzekeren”.`, `… (VB).`): where a paragraph may end unseen
    /// (`SoftBreak`).
    /// A footnote marker glued after the mark (`… Europa.3`) is passed over.
    public static func closesSentence(_ text: String) -> Bool { closesSentence(text[...]) }

    /// The same for a part of a text (a line, a column's part of one).
    public static func closesSentence(_ text: Substring) -> Bool {
        let text = withoutNoteMarker(text)
        guard let last = text.last else { return false }
        if ".:;!?".contains(last) { return true }
        return "”\"’)".contains(last) && text.dropLast().last.map { ".!?".contains($0) } == true
    }

    /// Whether `next` opens a part of an amending article that is a paragraph of its own,
    /// though the line before it is full: a point after a clause that closed (`… worden de
    /// volgende wijzigingen aangebracht:` / `1° in het eerste lid …`; not in running text, `…
    /// in het eerste lid,` / `1° bedoelde …`), or the quoted wording that an amending formula
    /// announces (`2° het artikel wordt aangevuld met een lid, luidende:` / `“De werknemer
    /// …”.`; `… rédigé comme suit :` / `« Le travailleur …`). Not a quote after any colon:
    /// running text cites a report so (`… niet bewezen:` / `“De belangrijkste …”`).
    public static func opensAmendment(after text: some StringProtocol, next: some StringProtocol) -> Bool {
        let text = text.trimmingWhiteSpace, next = next.trimmingWhiteSpace
        guard let last = text.last else { return false }
        if Labels.startsWithPoint(next) { return ":;.".contains(last) }
        guard last == ":", next.first.map({ "“«\"„‘".contains($0) }) == true else { return false }
        let word = text.dropLast().trimmingWhiteSpace.reversed().prefix { !$0.isWhitespace }.reversed()
        return amendingFormulaEnds.contains(String(word).lowercased())
    }

    /// The last word of a formula that announces a law's new wording: `luidende:`, `als
    /// volgt:`, `rédigé comme suit:`, `ainsi rédigé:`.
    private static let amendingFormulaEnds: Set<String> = ["luidende", "luidend", "volgt", "suit", "rédigé", "rédigée", "rédigés", "rédigées"]

    /// The text without a footnote marker glued after its closing mark (`… Europa.3`,
    /// `… verzekeren”.7`); not the digits of a number (`1.318`, `3.1`): a letter, a quote or
    /// a bracket stands before the mark.
    private static func withoutNoteMarker(_ text: Substring) -> Substring {
        guard let marker = trailingDigits(text), marker.digits <= 3, ".!?".contains(marker.after),
              marker.before.map({ !$0.isNumber }) == true else { return text }
        return text.dropLast(marker.digits)
    }

    /// The ASCII digits that end a text (one or more) glued to what stands before them, the
    /// character they follow and the one before that: what tells a footnote's raised marker
    /// (`binnen.6`, `dossiers6`) from a number (`1.318`, `3.1`), each reader by its own rule.
    public static func trailingDigits(_ text: Substring) -> (digits: Int, after: Character, before: Character?)? {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }.count
        guard digits > 0, let after = text.dropLast(digits).last else { return nil }
        return (digits, after, text.dropLast(digits + 1).last)
    }
}

extension StringProtocol {
    /// A markdown or typographic list bullet followed by a space.
    public var startsWithBullet: Bool { hasPrefix("- ") || hasPrefix("* ") || hasPrefix("• ") }

    /// A line that can only open a block: a label (`3.1.`, `B.`, `a)`), a list bullet, an
    /// article's heading (`Artikel 1`, `Art. 2`), the submitters' line of a cover
    /// (`Lexicon.opensSubmitters`), or a report cover's committee or rapporteur
    /// (`Lexicon.opensReportCoverLine`). Not a law's point (`1°`), which running text may
    /// wrap before (`… in het eerste lid,` / `1° bedoelde …`): `PageCut.opensAmendment`.
    public var opensBlock: Bool {
        startsWithBullet || Labels.startsWithLabel(self) || Lexicon.opensSubmitters(self) || opensBlockWhateverBefore
    }

    /// An article's heading alone on its line or a report cover's committee or rapporteur:
    /// a block of its own, whether or not the line before closed its clause.
    public var opensBlockWhateverBefore: Bool {
        hasPrefix("Art") && Labels.articleNumber(String(self)) != nil || Lexicon.opensReportCoverLine(self)
    }
}

private extension StringProtocol {
    /// Without white space at either end, a no-break one too (`comme suit :`, set with
    /// U+00A0 or U+202F before the colon). For a line's ends: Characters, not bytes.
    var trimmingWhiteSpace: SubSequence {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[start..<end]
    }
}
