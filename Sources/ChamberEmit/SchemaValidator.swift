import CLibXML2
import Foundation

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
    /// The schema's target namespace, which the root element must be in.
    private let namespace: String?
    /// The schema as parsed: a schema made from a document keeps pointers into it.
    private let schemaDocument: xmlDocPtr

    public init(schemaPath: String) throws {
        LibXML2.initialize()
        let collector = ProblemCollector()
        // The schema document is read first for its target namespace; imports resolve
        // against its path.
        guard let schemaDocument = xmlReadFile(schemaPath, nil, Int32(XML_PARSE_NONET.rawValue)) else {
            throw SchemaError(description: "\(schemaPath): cannot read the schema")
        }
        namespace = xmlDocGetRootElement(schemaDocument).flatMap { root in
            xmlGetNoNsProp(root, "targetNamespace").map { value in
                defer { free(value) }  // xmlFree is free() unless an allocator is installed
                return String(cString: value)
            }
        }
        guard let context = xmlSchemaNewDocParserCtxt(schemaDocument) else {
            xmlFreeDoc(schemaDocument)
            throw SchemaError(description: "\(schemaPath): cannot read the schema")
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetParserStructuredErrors(context, collectProblem, box.toOpaque())
        guard let schema = xmlSchemaParse(context) else {
            xmlFreeDoc(schemaDocument)
            let first = collector.problems.first.map { ": line \($0.line): \($0.message)" } ?? ""
            throw SchemaError(description: "\(schemaPath): not a usable XML schema\(first)")
        }
        self.schema = schema
        self.schemaDocument = schemaDocument
    }

    deinit {
        xmlSchemaFree(schema)
        xmlFreeDoc(schemaDocument)
    }

    /// The problems found in `bytes` (empty when the document is valid). A document that is
    /// not well-formed yields its parse errors.
    public func problems(in bytes: [UInt8], name: String) -> [Problem] {
        XMLDocumentParse.problems(in: bytes, name: name) { document, collector in
            // chamberdoc XML has no document type declaration; one in untrusted input can only
            // be there to declare entities, so it is refused outright.
            if let subset = document.pointee.intSubset ?? document.pointee.extSubset {
                return [Problem(line: max(1, Int(xmlGetLineNo(UnsafeMutableRawPointer(subset).assumingMemoryBound(to: xmlNode.self)))),
                                message: "a document type declaration (DTD) is not allowed in chamberdoc XML")]
            }
            if let expected = self.namespace, let foreign = Self.foreignRoot(of: document, expected: expected) { return [foreign] }
            guard let validation = xmlSchemaNewValidCtxt(schema) else { return [Problem(line: 0, message: "out of memory")] }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, collectProblem, collector.opaque)
            let result = xmlSchemaValidateDoc(validation, document)
            collector.problems = Self.withoutFollowOns(collector.problems)
            return result != 0 && collector.problems.isEmpty ? [Problem(line: 0, message: "the document does not conform to the schema")] : []
        }
    }

    /// The problems without libxml2's follow-on to an invalid value: checking an identity
    /// constraint (`xs:unique` on `@xml:lang`) on a value already reported as invalid, it adds
    /// `Element '…', attribute '…': Warning: No precomputed value available, …` for the same
    /// attribute. That warning is left out only when an earlier problem on its line names the
    /// same element and attribute; alone, it stays.
    private static func withoutFollowOns(_ problems: [Problem]) -> [Problem] {
        var earlier: [Int: [String]] = [:]
        return problems.filter { problem in
            guard let marker = problem.message.range(of: ": Warning: No precomputed value available") else {
                earlier[problem.line, default: []].append(problem.message)
                return true
            }
            let subject = problem.message[..<marker.lowerBound] + ": "
            return !(earlier[problem.line] ?? []).contains { $0.hasPrefix(subject) }
        }
    }

    /// The namespace of a document's root element (nil: none, or not well-formed XML).
    public static func rootNamespace(of bytes: [UInt8], name: String) -> String? {
        var namespace: String?
        _ = XMLDocumentParse.problems(in: bytes, name: name) { document, _ in
            namespace = xmlDocGetRootElement(document)?.pointee.ns?.pointee.href.map { String(cString: $0) }
            return []
        }
        return namespace
    }

    /// A root element outside the schema's namespace, said in one line (libxml2 would say
    /// "No matching global declaration available for the validation root").
    private static func foreignRoot(of document: xmlDocPtr, expected: String) -> Problem? {
        guard let root = xmlDocGetRootElement(document) else { return nil }
        let namespace = root.pointee.ns?.pointee.href.map { String(cString: $0) }
        guard namespace != expected else { return nil }
        let name = String(cString: root.pointee.name)
        let found = namespace.map { "in the namespace \($0)" } ?? "in no namespace"
        return Problem(line: Int(xmlGetLineNo(root)), message: "the root element <\(name)> is \(found); this schema expects the namespace \(expected)")
    }
}

/// Receives libxml2's structured errors through the `void *` context.
final class ProblemCollector {
    var problems: [SchemaValidator.Problem] = []
    /// This collector as libxml2's `void *` context; valid while the collector lives.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// The parse shared by the validators: untrusted bytes parsed with `XML_PARSE_NONET`,
/// without entity substitution, DTD loading or the "huge" limits lifted, so that a document
/// reads no file and no network; then `validate` on the tree, with libxml2's errors collected.
enum XMLDocumentParse {
    static func problems(in bytes: [UInt8], name: String,
                         validate: (xmlDocPtr, ProblemCollector) -> [SchemaValidator.Problem]) -> [SchemaValidator.Problem] {
        typealias Problem = SchemaValidator.Problem
        guard bytes.count < Int(Int32.max) else { return [Problem(line: 0, message: "larger than 2 GiB, too large to validate")] }
        LibXML2.initialize()
        let collector = ProblemCollector()
        guard let parser = xmlNewParserCtxt() else { return [Problem(line: 0, message: "out of memory")] }
        defer { xmlFreeParserCtxt(parser) }
        // libxml2 2.9 has no structured error handler per parser context; the global one is
        // per thread: set it around this parse and clear it before `collector` goes.
        xmlSetStructuredErrorFunc(collector.opaque, collectProblem)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(parser, $0.baseAddress, Int32($0.count), name, nil, options)
            }
        }
        guard let document = parsed else {
            return collector.problems.isEmpty ? [Problem(line: 0, message: "not well-formed XML")] : distinct(collector.problems)
        }
        defer { xmlFreeDoc(document) }
        let found = withExtendedLifetime(collector) { validate(document, collector) }
        return distinct(found + collector.problems)
    }

    /// The problems without repeats (libxml2 reports some errors once per reference).
    private static func distinct(_ problems: [SchemaValidator.Problem]) -> [SchemaValidator.Problem] {
        var seen = Set<String>()
        return problems.filter { seen.insert("\($0.line):\($0.message)").inserted }
    }
}

/// Validates XML against a DTD (TMX 1.4b's) with libxml2. The DTD is parsed once; the
/// document's own document type declaration, if any, is not read.
public final class DTDValidator: @unchecked Sendable {
    private let dtd: xmlDtdPtr

    public init(dtdPath: String) throws {
        LibXML2.initialize()
        guard let dtd = xmlParseDTD(nil, dtdPath) else {
            throw SchemaValidator.SchemaError(description: "\(dtdPath): not a usable DTD")
        }
        self.dtd = dtd
    }

    deinit { xmlFreeDtd(dtd) }

    public func problems(in bytes: [UInt8], name: String) -> [SchemaValidator.Problem] {
        XMLDocumentParse.problems(in: bytes, name: name) { document, collector in
            guard let context = xmlNewValidCtxt() else { return [.init(line: 0, message: "out of memory")] }
            defer { xmlFreeValidCtxt(context) }
            let valid = xmlValidateDtd(context, document, dtd)
            return valid == 0 && collector.problems.isEmpty ? [.init(line: 0, message: "the document does not conform to the DTD")] : []
        }
    }
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
