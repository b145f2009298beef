import CLibXML2

/// Validates XML against an XSD with libxml2. The schema is parsed once and reused.
///
/// Documents are parsed with `XML_PARSE_NONET` and without entity substitution, DTD
/// loading or the "huge" limits lifted, so that untrusted XML reads no file and no network.
public final class SchemaValidator: @unchecked Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "\(line): \(message)" }
    }

    public struct SchemaError: Error, CustomStringConvertible {
        public var description: String
    }

    private let schema: xmlSchemaPtr

    public init(schemaPath: String) throws {
        LibXML2.initialize()
        let collector = ProblemCollector()
        guard let context = xmlSchemaNewParserCtxt(schemaPath) else {
            throw SchemaError(description: "\(schemaPath): cannot read the schema")
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetParserStructuredErrors(context, collectProblem, box.toOpaque())
        guard let schema = xmlSchemaParse(context) else {
            let first = collector.problems.first.map { ": line \($0.line): \($0.message)" } ?? ""
            throw SchemaError(description: "\(schemaPath): not a usable XML schema\(first)")
        }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// The problems found in `bytes` (empty when the document is valid). A document that is
    /// not well-formed yields its parse errors.
    public func problems(in bytes: [UInt8], name: String) -> [Problem] {
        guard bytes.count < Int(Int32.max) else { return [Problem(line: 0, message: "larger than 2 GiB, too large to validate")] }
        let collector = ProblemCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        guard let parser = xmlNewParserCtxt() else { return [Problem(line: 0, message: "out of memory")] }
        defer { xmlFreeParserCtxt(parser) }
        // libxml2 2.9 has no structured error handler per parser context; the global one is
        // per thread: set it around this parse and clear it before `box` is released.
        xmlSetStructuredErrorFunc(box.toOpaque(), collectProblem)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(parser, $0.baseAddress, Int32($0.count), name, nil, options)
            }
        }
        guard let document = parsed else {
            return collector.problems.isEmpty ? [Problem(line: 0, message: "not well-formed XML")] : Self.distinct(collector.problems)
        }
        defer { xmlFreeDoc(document) }
        // chamberdoc XML has no document type declaration; one in untrusted input can only
        // be there to declare entities, so it is refused outright.
        if let subset = document.pointee.intSubset ?? document.pointee.extSubset {
            return [Problem(line: max(1, Int(xmlGetLineNo(UnsafeMutableRawPointer(subset).assumingMemoryBound(to: xmlNode.self)))),
                            message: "a document type declaration (DTD) is not allowed in chamberdoc XML")]
        }
        guard let validation = xmlSchemaNewValidCtxt(schema) else { return [Problem(line: 0, message: "out of memory")] }
        defer { xmlSchemaFreeValidCtxt(validation) }
        xmlSchemaSetValidStructuredErrors(validation, collectProblem, box.toOpaque())
        let result = xmlSchemaValidateDoc(validation, document)
        if result != 0 && collector.problems.isEmpty {
            return [Problem(line: 0, message: "the document does not conform to the schema")]
        }
        return Self.distinct(collector.problems)
    }

    /// The problems without repeats (libxml2 reports some errors once per reference).
    private static func distinct(_ problems: [Problem]) -> [Problem] {
        var seen = Set<String>()
        return problems.filter { seen.insert("\($0.line):\($0.message)").inserted }
    }
}

/// Receives libxml2's structured errors through the `void *` context.
private final class ProblemCollector {
    var problems: [SchemaValidator.Problem] = []
}

/// Receives libxml2's structured errors through the `void *` context. A closure, so that
/// its pointer type follows libxml2's (`xmlErrorPtr` before 2.12, `const xmlError *` after).
private let collectProblem: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue()
    var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    while message.last == "\n" { message.removeLast() }
    collector.problems.append(.init(line: Int(error.pointee.line), message: message))
}
