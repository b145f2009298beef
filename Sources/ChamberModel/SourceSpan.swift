/// A rectangle on a page, in PDF points from the page's top-left corner (x to the right,
/// y downwards, as poppler gives glyph boxes).
public struct PageBox: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x0: Double, y0: Double, x1: Double, y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }

    /// The smallest box holding both.
    public func union(_ other: PageBox) -> PageBox {
        PageBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// `72.0 96.5 290.2 140.0`: the form of the XML `box` attribute, to a tenth of a point.
    public var description: String {
        [x0, y0, x1, y1].map { String(format1: $0) }.joined(separator: " ")
    }
}

/// The part of one page a piece of text covers: the page, and its box when the input has
/// geometry (a PDF; a text dump has none).
public struct PageRegion: Sendable, Hashable, Codable {
    public var page: Int
    public var box: PageBox?

    public init(page: Int, box: PageBox? = nil) {
        self.page = page
        self.box = box
    }
}

/// Where a piece of text came from: the provenance every text, unit, finding and furniture
/// record carries, so that diagnostics and the XML point at the input.
///
/// - `lines`: the input lines (a text dump; empty for a PDF, which has none);
/// - `regions`: the pages, each with the box the text covers there (a text cut by a page
///   end covers two; a signatory named in both columns has one per block);
/// - `order`: the reading-order index of its first line, given by the read stage. Later
///   stages order by it, never by line numbers: in a side-by-side dump the French column
///   of a page has the Dutch column's line numbers, and a PDF has no lines at all.
public struct SourceSpan: Sendable, Hashable, Codable {
    public var lines: SourceLines
    public private(set) var regions: [PageRegion]
    public var order: Int

    /// A span that points nowhere, ordered after everything (a text the model made up, such
    /// as a test's).
    public init() {
        lines = SourceLines()
        regions = []
        order = .max
    }

    public init(lines: SourceLines, page: Int? = nil, box: PageBox? = nil, order: Int = .max) {
        self.lines = lines
        regions = page.map { [PageRegion(page: $0, box: box)] } ?? []
        self.order = order
    }

    public var isEmpty: Bool { lines.isEmpty && regions.isEmpty }
    /// The first page, for diagnostics.
    public var page: Int? { regions.first?.page }
    /// The first input line, for diagnostics.
    public var line: Int? { lines.first }

    /// Adds the span of a text that follows (a wrapped line, a paragraph's rest after a page
    /// end): its lines and regions. A region that goes on from the last one (same page, same
    /// column, no more than its own height below) widens that box; another one (the second
    /// column, a signature block further down) is a region of its own.
    public mutating func append(_ other: SourceSpan) {
        lines.append(other.lines)
        for region in other.regions {
            guard let last = regions.last, last.page == region.page else { regions.append(region); continue }
            switch (last.box, region.box) {
            case let (a?, b?):
                if a.x0 < b.x1 && b.x0 < a.x1 && b.y0 - a.y1 < 1.5 * b.height {
                    regions[regions.count - 1].box = a.union(b)
                } else {
                    regions.append(region)
                }
            case let (a, b): regions[regions.count - 1].box = a ?? b
            }
        }
        order = min(order, other.order)
    }

    /// The spans before and from `start`, the span of a line inside this one (a paragraph
    /// cut at a soft break): lines and pages before it, and from it on; the reading order of
    /// the second is the line's.
    public func split(at start: SourceSpan) -> (SourceSpan, SourceSpan) {
        var before = self, after = start
        before.lines = SourceLines()
        after.lines = SourceLines()
        let cut = start.lines.first ?? .max
        for range in lines.ranges {
            if range.lowerBound < cut { before.lines.append(range.lowerBound...min(range.upperBound, cut - 1)) }
            if range.upperBound >= cut { after.lines.append(max(range.lowerBound, cut)...range.upperBound) }
        }
        let page = start.page ?? .max
        before.regions = regions.filter { $0.page <= page }
        after.regions = regions.filter { $0.page >= page }
        if after.regions.isEmpty { after.regions = start.regions }
        return (before, after)
    }

    /// `3` or `3-4`: the form of the XML `page` attribute.
    public var pageDescription: String? {
        guard let first = regions.first?.page, let last = regions.last?.page else { return nil }
        return first == last ? "\(first)" : "\(first)-\(last)"
    }

    /// The boxes of its regions, `;`-separated; nil when the input had no geometry.
    public var boxDescription: String? {
        let boxes = regions.compactMap(\.box)
        return boxes.isEmpty ? nil : boxes.map(\.description).joined(separator: "; ")
    }

    /// `line 12`, `page 3`, or `page 3, line 12`: where a diagnostic points.
    public var location: String {
        [page.map { "page \($0)" }, line.map { "line \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}

private extension String {
    /// One decimal, without Foundation's formatter: `72.0`, `-3.5`.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        self = "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
