import ChamberDoc
import Foundation
import Testing

/// The findings on real documents, held against a person's review of each one
/// (Fixtures/findings/NAME.reviewed.tsv): a finding reviewed as real must stay, and a finding
/// nobody reviewed must not appear.
@Suite struct ReviewedFindingsTests {
    struct Review {
        var code: String, unit: String, message: String, verdict: String, reason: String
        var key: String { "\(code) \(unit) \(message)" }
    }

    static func reviews(_ name: String) throws -> [Review] {
        let text = String(decoding: try bytes(Paths.fixture("findings/\(name).reviewed.tsv")), as: UTF8.self)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(cells.count == 5 && ["real", "noise", "missed"].contains(cells[3]), "bad review line: \(line)")
            return Review(code: cells[0], unit: cells[1], message: cells[2], verdict: cells[3], reason: cells[4])
        }
    }

    @Test(arguments: ["56K0055001", "56K0055002", "003_fee3b1f4911676a0"])
    func everyFindingIsReviewedAndTheRealOnesStay(_ name: String) throws {
        let path = Paths.root.appendingPathComponent("Samples/\(name).txt").path
        let found = try Pipeline.document(from: try bytes(path), source: path, glossary: CheckTests.glossary).findings
        let keys = Set(found.map { "\($0.code.rawValue) \($0.unit) \($0.message)" })
        let reviews = try Self.reviews(name)
        #expect(reviews.allSatisfy { !$0.reason.isEmpty })
        let reviewed = Set(reviews.filter { $0.verdict != "missed" }.map(\.key))
        for key in keys.subtracting(reviewed).sorted() { Issue.record("not reviewed: \(key)") }
        for review in reviews where review.verdict == "real" && !keys.contains(review.key) {
            Issue.record("a real finding is gone: \(review.key) (\(review.reason))")
        }
        // A missed difference that is now found must be reviewed as real instead.
        for review in reviews where review.verdict == "missed" && keys.contains(review.key) {
            Issue.record("now found, mark it real: \(review.key)")
        }
    }
}
