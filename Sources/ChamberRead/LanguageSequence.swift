import ChamberModel

/// Labels a sequence of segments with languages: a two-state Viterbi decode in which every
/// switch of language costs `switchCost`, so that weak or absent evidence (a short label,
/// a list of names) follows its neighbours while a real column change still wins.
/// `switchCosts[i]` is the price of a change between segments `i - 1` and `i`.
enum LanguageSequence {
    static func label(scores: [Double], switchCosts: [Double]) -> [Language] {
        guard !scores.isEmpty else { return [] }
        // Cost of each state; lower is better. Emission cost: the evidence against it.
        var cost: [Double] = [emission(scores[0], .nl), emission(scores[0], .fr)]
        var back: [[Int]] = [[0, 1]]
        back.reserveCapacity(scores.count)
        for (score, switchCost) in zip(scores, switchCosts).dropFirst() {
            var next = [0.0, 0.0]
            var from = [0, 0]
            for (index, language) in [Language.nl, .fr].enumerated() {
                let stay = cost[index]
                let change = cost[1 - index] + switchCost
                from[index] = stay <= change ? index : 1 - index
                next[index] = min(stay, change) + emission(score, language)
            }
            cost = next
            back.append(from)
        }
        var state = cost[0] <= cost[1] ? 0 : 1
        var result = [Language](repeating: .nl, count: scores.count)
        for i in stride(from: scores.count - 1, through: 0, by: -1) {
            result[i] = state == 0 ? .nl : .fr
            state = back[i][state]
        }
        return result
    }

    private static func emission(_ score: Double, _ language: Language) -> Double {
        language == .nl ? max(0, -score) : max(0, score)
    }
}
