/// The input lines a piece of text came from: provenance infrastructure carried by every
/// block and unit, so diagnostics and the XML can point at the input.
///
/// A text cut by a page end comes from two or more separate runs of lines, hence a set of
/// ranges rather than one range. Line numbers are 1-based.
public struct SourceLines: Sendable, Hashable, Codable, CustomStringConvertible {
    public private(set) var ranges: [ClosedRange<Int>]

    public init() { ranges = [] }
    public init(_ line: Int) { ranges = [line...line] }
    public init(_ range: ClosedRange<Int>) { ranges = [range] }

    public var isEmpty: Bool { ranges.isEmpty }
    public var first: Int? { ranges.first?.lowerBound }
    public var last: Int? { ranges.last?.upperBound }

    /// Adds lines that follow (or overlap) the ones already held, merging adjacent ranges.
    public mutating func append(_ other: SourceLines) {
        for r in other.ranges { append(r) }
    }

    public mutating func append(_ r: ClosedRange<Int>) {
        if let lastRange = ranges.last, r.lowerBound <= lastRange.upperBound + 1, r.lowerBound >= lastRange.lowerBound {
            ranges[ranges.count - 1] = lastRange.lowerBound...max(lastRange.upperBound, r.upperBound)
        } else {
            ranges.append(r)
        }
    }

    public mutating func append(line: Int) { append(line...line) }

    /// `12-14 20`: the form used in the XML `lines` attribute.
    public var description: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: " ")
    }
}
