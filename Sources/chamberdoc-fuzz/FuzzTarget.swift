import ChamberDoc
import Foundation

/// Fuzz target over the whole pipeline, read → parse → align → emit, with the schema as the
/// oracle: any input is either refused with `UnusableInput` or becomes XML that validates.
/// A crash, a hang or an invalid document is a finding.
///
/// Built with `-sanitize=fuzzer,address -DFUZZING` (see `make fuzz`), it runs libFuzzer's
/// driver. Built plainly, it is a replay tool: `chamberdoc-fuzz FILE…` runs each
/// file through the same check, which is how findings become regression tests.
enum FuzzCheck {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Schemas/chamberdoc.xsd").standardized.path
    static let validator = try! SchemaValidator(schemaPath: schema)

    /// Runs one input; returns a description of the failure, or nil.
    static func run(_ bytes: [UInt8]) -> String? {
        let document: Document
        do {
            document = try Pipeline.document(from: bytes, source: "fuzz")
        } catch {
            return error.reason.isEmpty || error.reason.contains("\n") ? "unclear refusal: \(error.reason)" : nil
        }
        let problems = validator.problems(in: Pipeline.xml(document), name: "fuzz")
        return problems.isEmpty ? nil : "invalid XML: \(problems.prefix(3))"
    }
}

@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            if let failure = FuzzCheck.run(Array(UnsafeBufferPointer(start: data, count: size))) { fatalError(failure) }
            return 0
        })
        #else
        var failed = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                failed += 1
                continue
            }
            if let failure = FuzzCheck.run([UInt8](data)) {
                print("\(path): \(failure)")
                failed += 1
            }
        }
        print("\(CommandLine.arguments.count - 1 - failed) passed, \(failed) failed")
        exit(failed == 0 ? 0 : 1)
        #endif
    }
}

#if FUZZING
/// libFuzzer's entry for programs with their own `main` (SwiftPM gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
