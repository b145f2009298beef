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

    /// Adds lines, merging adjacent and overlapping ranges; the ranges stay in line order
    /// (a legend row's two cells take turns line by line).
    public mutating func append(_ other: SourceLines) {
        for r in other.ranges { append(r) }
    }

    public mutating func append(_ r: ClosedRange<Int>) {
        guard let lastRange = ranges.last, r.lowerBound < lastRange.lowerBound else {
            // Lines that follow the ones held, the common case.
            if let lastRange = ranges.last, r.lowerBound <= lastRange.upperBound + 1 {
                ranges[ranges.count - 1] = lastRange.lowerBound...max(lastRange.upperBound, r.upperBound)
            } else {
                ranges.append(r)
            }
            return
        }
        // Lines before the last ones held: put in their place, merged with the ranges they
        // touch.
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound <= r.lowerBound { low = middle + 1 } else { high = middle }
        }
        var start = low, merged = r
        if start > 0, ranges[start - 1].upperBound + 1 >= merged.lowerBound {
            start -= 1
            merged = ranges[start].lowerBound...max(ranges[start].upperBound, merged.upperBound)
        }
        var end = low
        while end < ranges.count, ranges[end].lowerBound <= merged.upperBound + 1 {
            merged = merged.lowerBound...max(merged.upperBound, ranges[end].upperBound)
            end += 1
        }
        ranges.replaceSubrange(start..<end, with: [merged])
    }

    public mutating func append(line: Int) { append(line...line) }

    /// `12-14 20`: the form used in the XML `lines` attribute.
    public var description: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: " ")
    }
}
