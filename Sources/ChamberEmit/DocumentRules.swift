import CLibXML2
import Foundation

/// The rules of chamberdoc XML that XSD 1.0 cannot state, checked by `validate` after the
/// schema: a unit's `link` counts its Dutch and French texts, and its `missing` names exactly
/// the language it has no text in. A document that breaks one was edited by hand or written
/// by another tool: the archive must not take it as chamberdoc's.
public enum DocumentRules {
    public typealias Problem = SchemaValidator.Problem

    /// The problems of a document that is valid against the schema (empty when it keeps
    /// every rule).
    public static func problems(in bytes: [UInt8], name: String) -> [Problem] {
        XMLDocumentParse.problems(in: bytes, name: name) { document, _ in
            guard let root = xmlDocGetRootElement(document) else { return [] }
            var problems: [Problem] = []
            walk(root, &problems)
            return problems
        }
    }

    private static func walk(_ element: xmlNodePtr, _ problems: inout [Problem]) {
        if has(element, "id") { check(unit: element, &problems) }
        var child = element.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { walk(node, &problems) }
            child = node.pointee.next
        }
    }

    private static func check(unit: xmlNodePtr, _ problems: inout [Problem]) {
        var counts = ["nl": 0, "fr": 0]
        var child = unit.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == "text",
               let language = attribute(node, "lang", namespace: "http://www.w3.org/XML/1998/namespace") {
                counts[language, default: 0] += 1
            }
            child = node.pointee.next
        }
        let id = attribute(unit, "id") ?? "?"
        let line = Int(xmlGetLineNo(unit))
        let (nl, fr) = (counts["nl"]!, counts["fr"]!)
        if let link = attribute(unit, "link"), link != "\(nl)-\(fr)" {
            problems.append(Problem(line: line, message: "unit \(id): link=\"\(link)\" but it has \(nl) Dutch and \(fr) French text(s)"))
        }
        let missing = Set((attribute(unit, "missing") ?? "").split(separator: " ").map(String.init))
        for (language, count, name) in [("nl", nl, "Dutch"), ("fr", fr, "French")] {
            if missing.contains(language), count > 0 {
                problems.append(Problem(line: line, message: "unit \(id): missing=\"\(language)\" but it has a \(name) text"))
            } else if !missing.contains(language), count == 0 {
                problems.append(Problem(line: line, message: "unit \(id): no \(name) text, and missing does not say \"\(language)\""))
            }
        }
    }

    private static func has(_ node: xmlNodePtr, _ name: String) -> Bool { attribute(node, name) != nil }

    /// An attribute's value; libxml2 returns a copy, freed here.
    static func attribute(_ node: xmlNodePtr, _ name: String, namespace: String? = nil) -> String? {
        let value = withXMLString(name) { n in
            namespace.map { ns in withXMLString(ns) { xmlGetNsProp(node, n, $0) } } ?? xmlGetNoNsProp(node, n)
        }
        guard let value else { return nil }
        defer { free(value) }  // xmlFree is free() unless an allocator is installed
        return String(cString: value)
    }
}

/// The source a document records in its provenance (`provenance/source`, or `cd:provenance`
/// inside an Akoma Ntoso document's `proprietary`), for `validate --fixity`.
public struct RecordedSource: Sendable, Equatable {
    public var name: String
    public var path: String?
    public var bytes: Int?
    public var sha256: String
    /// The line of the record in the XML.
    public var line: Int

    /// The first source record of a well-formed document, nil when it has none.
    public static func find(in bytes: [UInt8], name: String) -> RecordedSource? {
        var found: RecordedSource?
        _ = XMLDocumentParse.problems(in: bytes, name: name) { document, _ in
            guard let root = xmlDocGetRootElement(document) else { return [] }
            found = search(root)
            return []
        }
        return found
    }

    private static func search(_ element: xmlNodePtr) -> RecordedSource? {
        if String(cString: element.pointee.name) == "source",
           element.pointee.ns?.pointee.href.map({ String(cString: $0) }) == DocumentXML.namespace,
           let parent = element.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE,
           String(cString: parent.pointee.name) == "provenance",
           let sha256 = DocumentRules.attribute(element, "sha256") {
            return RecordedSource(name: DocumentRules.attribute(element, "name") ?? "", path: DocumentRules.attribute(element, "path"),
                                  bytes: DocumentRules.attribute(element, "bytes").flatMap { Int($0) }, sha256: sha256,
                                  line: Int(xmlGetLineNo(element)))
        }
        var child = element.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, let found = search(node) { return found }
            child = node.pointee.next
        }
        return nil
    }
}
