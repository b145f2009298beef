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
        var byName: [String: Signatory] = [:]
        var orders: [[String]] = []
        // Where each name was signed: its block's place, and the name's place in the block.
        var places: [String: [(order: Int, index: Int)]] = [:]
        for list in lists {
            var order: [String] = []
            for (index, signatory) in list.enumerated() {
                if byName[signatory.name] == nil { byName[signatory.name] = signatory } else { byName[signatory.name]!.span.append(signatory.span) }
                if !order.contains(signatory.name) { order.append(signatory.name) }
                places[signatory.name, default: []].append((signatory.span.line ?? signatory.span.order, index))
            }
            orders.append(order)
        }
        func precedes(_ a: String, _ b: String) -> Bool {
            let pairs = places[a, default: []].flatMap { x in places[b, default: []].map { (x, $0) } }
            guard let (x, y) = pairs.min(by: { abs($0.0.order - $0.1.order) < abs($1.0.order - $1.1.order) }) else { return false }
            return (x.order, x.index) < (y.order, y.index)
        }
        var placed: [String] = []
        while placed.count < byName.count {
            // Each list's next name not yet placed; of those that no list holds further on
            // (after a name still to come), the one before all others where they stand.
            let heads = orders.compactMap { $0.first { !placed.contains($0) } }
            let free = heads.filter { head in
                !orders.contains { order in
                    guard let at = order.firstIndex(of: head) else { return false }
                    return order[..<at].contains { !placed.contains($0) }
                }
            }
            let next = free.first { head in free.allSatisfy { $0 == head || precedes(head, $0) } } ?? free.first ?? heads[0]
            placed.append(next)
        }
        return placed.map { byName[$0]! }
    }
}
