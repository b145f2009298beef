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
}
