import ChamberDoc
import ChamberEvaluation
import Foundation
import Testing

/// The evaluation set (`Tests/Evaluation/variants.json`): defects injected into the seed,
/// with the findings and links each must give. `make bench` prints the same figures.
@Suite struct EvaluationTests {
    static let report: EvaluationReport = {
        let variants = try! JSONDecoder().decode([Variant].self, from: Data(contentsOf: Paths.root.appendingPathComponent("Tests/Evaluation/variants.json")))
        return EvaluationReport(results: try! variants.map(evaluation.run))
    }()

    static let evaluation = Evaluation(seed: String(decoding: try! bytes(Paths.seed), as: UTF8.self), glossary: CheckTests.glossary)

    @Test func everyInjectedDefectIsFound() {
        for result in Self.report.results {
            #expect(result.missed.isEmpty, "\(result.variant.name) misses \(result.missed)")
        }
        #expect(Self.report.detection.allSatisfy { $0.detected == $0.injected })
        #expect(Self.report.detection.count >= 12)
    }

    @Test func noFalseErrorsAndACleanSeed() throws {
        for result in Self.report.results {
            #expect(result.falseErrors.isEmpty, "\(result.variant.name): \(result.falseErrors.map(\.message))")
        }
        let clean = try #require(Self.report.results.first { $0.variant.name == "clean" })
        #expect(clean.unexpected.isEmpty)
        #expect(clean.chamberdoc.f1 == 1)
    }

    @Test func linksBeatTheLengthOnlyBaseline() {
        let (ours, baseline) = (Self.report.chamberdoc, Self.report.baseline)
        #expect(ours.f1 >= 0.995, "F1 \(ours.f1)")
        #expect(ours.f1 > baseline.f1 + 0.005, "F1 \(ours.f1) against \(baseline.f1)")
        // The cases labels and anchors are for: a moved request, a deleted consideration
        // and a deleted paragraph, which lengths alone fold into wrong links.
        for name in ["request-moved", "consideration-deleted", "paragraph-deleted"] {
            let result = Self.report.results.first { $0.variant.name == name }!
            #expect(result.chamberdoc.f1 == 1 && result.baseline.f1 < 1, "\(name)")
        }
    }

    /// Expected links must account for every passage of the variant: an expectation that
    /// forgets a deleted paragraph is refused, not scored.
    @Test func anIncompleteExpectationIsRefused() throws {
        let json = #"[{"name": "x", "defect": "x", "edits": [{"find": "\n\nMais le trafic international de stupéfiants constitue", "replace": "\n\nConstitue"}], "findings": [], "links": []}]"#
        let variant = try JSONDecoder().decode([Variant].self, from: Data(json.utf8))[0]
        #expect(throws: UnusableInput.self) { try Self.evaluation.run(variant) }
    }
}
