/// Small text helpers every stage uses.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    public var trimmed: SubSequence {
        var s = self[...]
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }

    /// Without `suffix` at the end, if it is there.
    public func trimmingSuffix(_ suffix: String) -> SubSequence {
        hasSuffix(suffix) ? self[...].dropLast(suffix.count) : self[...]
    }

    /// Whether `needle` occurs in the text, compared byte by byte (case-sensitive). Much
    /// cheaper than Foundation's `contains`/`range(of:)`, which go through NSString.
    public func containsBytes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let haystack = Array(utf8)
        guard haystack.count >= pattern.count else { return false }
        var i = 0
        while i <= haystack.count - pattern.count {
            if haystack[i] == first && haystack[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
            i += 1
        }
        return false
    }
}
