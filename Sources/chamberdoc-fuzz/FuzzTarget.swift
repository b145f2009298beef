import ChamberDoc
import Foundation

/// Fuzz target over the whole pipeline, read → parse → align → emit, with the schemas as the
/// oracle: any input is either refused with `UnusableInput` or becomes chamberdoc XML that
/// validates and keeps the semantic rules, Akoma Ntoso that validates in both languages, and
/// TMX that validates against its DTD. A crash, a hang or an invalid document is a finding.
///
/// Built with `-sanitize=fuzzer,address -DFUZZING` (see `make fuzz`), it runs libFuzzer's
/// driver. Built plainly, it is a replay tool: `chamberdoc-fuzz FILE…` runs each
/// file through the same check, which is how findings become regression tests.
enum FuzzCheck {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Schemas").standardized
    static let validator = try! SchemaValidator(schemaPath: schemas.appendingPathComponent("chamberdoc.xsd").path)
    static let akomaNtoso = try! SchemaValidator(schemaPath: schemas.appendingPathComponent("akn/akomantoso30.xsd").path)
    static let tmx = try! DTDValidator(dtdPath: schemas.appendingPathComponent("tmx14.dtd").path)

    /// Runs one input; returns a description of the failure, or nil.
    static func run(_ bytes: [UInt8]) -> String? {
        let document: Document
        do {
            document = try Pipeline.document(from: bytes, source: "fuzz")
        } catch {
            return error.reason.isEmpty || error.reason.contains("\n") ? "unclear refusal: \(error.reason)" : nil
        }
        for format in [OutputFormat.chamberdoc, .akn, .tmx] {
            for rendition in format.renditions(document) {
                let problems = switch format {
                case .chamberdoc: validator.problems(in: rendition.bytes, name: "fuzz") + DocumentRules.problems(in: rendition.bytes, name: "fuzz")
                case .akn: akomaNtoso.problems(in: rendition.bytes, name: "fuzz")
                default: tmx.problems(in: rendition.bytes, name: "fuzz")
                }
                if !problems.isEmpty { return "invalid \(format.rawValue) output (\(rendition.suffix)): \(problems.prefix(3))" }
            }
        }
        return nil
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
