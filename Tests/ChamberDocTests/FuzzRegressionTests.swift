import ChamberDoc
import Foundation
import Testing

/// Inputs `make fuzz` found to break the pipeline, kept under Fixtures/fuzz/ with a name
/// that says what went wrong. Each is refused cleanly or converts to valid XML.
@Suite struct FuzzRegressionTests {
    static let findings: [String] = {
        let directory = Paths.fixture("fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }()

    @Test func thereAreFindingsToReplay() {
        #expect(!Self.findings.isEmpty)
    }

    @Test(arguments: findings)
    func findingConvertsOrIsRefused(_ name: String) throws {
        let input = try bytes(Paths.fixture("fuzz/\(name)"))
        let document: Document
        do {
            document = try Pipeline.document(from: input, source: name)
        } catch {
            #expect(!error.reason.isEmpty && !error.reason.contains("\n"))
            return
        }
        let problems = try SchemaValidator(schemaPath: Paths.schema).problems(in: Pipeline.xml(document), name: name)
        #expect(problems.isEmpty, "\(problems)")
    }
}
