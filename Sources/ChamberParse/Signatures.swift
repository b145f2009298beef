import ChamberModel

/// Signature blocks: one or more `Name Surname (PARTY)` in a row, nothing else.
enum Signatures {
    static func signatories(in text: LocatedText) -> [Signatory]? {
        Signatory.names(in: Substring(text.text))?.map { Signatory(name: String($0.name), party: String($0.party), span: text.span) }
    }

    /// One list of the signatories each language's blocks give: a name signed twice
    /// (explanation and resolution) or in both columns is listed once, with the lines of
    /// every block it stands in, in an order that keeps each language's. A name that one
    /// language's reading lost or put in the other column (a page end cut its block, a row
    /// of names read line by line) takes its place from the other's, or, where no list
    /// orders it, from where it stands: before the name whose nearest signature follows its
    /// own (in a dump by input line, since a row of names read line by line gives each
    /// column's names to its own fragment; in a PDF by reading order).
    static func merged(_ lists: [[Signatory]]) -> [Signatory] {
        var signed: [String: [Signatory]] = [:]
        var orders: [[String]] = []
        // Where each name was signed: its block's place, and the name's place in the block.
        var places: [String: [(place: Int, index: Int)]] = [:]
        for list in lists {
            var order: [String] = [], listed = Set<String>()
            for (index, signatory) in list.enumerated() {
                signed[signatory.name, default: []].append(signatory)
                if listed.insert(signatory.name).inserted { order.append(signatory.name) }
                places[signatory.name, default: []].append((signatory.span.line ?? signatory.span.order, index))
            }
            orders.append(order)
        }
        for name in places.keys { places[name]!.sort { ($0.place, $0.index) < ($1.place, $1.index) } }
        // Each name once, with the spans of all its blocks, added in the order they stand.
        let byName = signed.mapValues { all in
            var one = all[0]
            one.span = all.map(\.span).sorted { ($0.line ?? $0.order) < ($1.line ?? $1.order) }.reduce(into: SourceSpan()) { $0.append($1) }
            return one
        }
        // Whether `a` stands before `b` where their signatures are nearest (the two sorted
        // lists walked together).
        func precedes(_ a: String, _ b: String) -> Bool {
            let x = places[a] ?? [], y = places[b] ?? []
            var i = 0, j = 0, best: (distance: Int, before: Bool)?
            while i < x.count && j < y.count {
                let distance = abs(x[i].place - y[j].place)
                if best.map({ distance < $0.distance }) ?? true { best = (distance, (x[i].place, x[i].index) < (y[j].place, y[j].index)) }
                if (x[i].place, x[i].index) < (y[j].place, y[j].index) { i += 1 } else { j += 1 }
            }
            return best?.before ?? false
        }
        let positions = orders.map { order in Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) }) }
        var cursors = orders.map { _ in 0 }
        var placed = Set<String>(), result: [Signatory] = []
        while result.count < byName.count {
            // Each list's next name not yet placed; of those that no list holds further on
            // (after a name still to come), the one before all others where they stand.
            for list in orders.indices {
                while cursors[list] < orders[list].count, placed.contains(orders[list][cursors[list]]) { cursors[list] += 1 }
            }
            let heads = orders.indices.compactMap { cursors[$0] < orders[$0].count ? orders[$0][cursors[$0]] : nil }
            let free = heads.filter { head in orders.indices.allSatisfy { list in positions[list][head].map { $0 == cursors[list] } ?? true } }
            let next = free.first { head in free.allSatisfy { $0 == head || precedes(head, $0) } } ?? free.first ?? heads[0]
            placed.insert(next)
            result.append(byName[next]!)
        }
        return result
    }
}
