import CLibXML2
import Foundation

/// A read-only tree of an XML document, parsed with libxml2, for the tests' queries.
/// (FoundationXML's XPath is not safe under Swift Testing's parallel tests.)
final class XMLTree: @unchecked Sendable {
    final class Element {
        let name: String
        let attributes: [String: String]
        let children: [Element]
        /// All text below this element, in document order (like XPath's string()).
        let text: String

        init(name: String, attributes: [String: String], children: [Element], text: String) {
            self.name = name
            self.attributes = attributes
            self.children = children
            self.text = text
        }

        func attribute(_ name: String) -> String? { attributes[name] }

        /// Descendants (not self) with this local name, in document order.
        func all(_ name: String) -> [Element] {
            children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
        }

        var descendants: [Element] { children.flatMap { [$0] + $0.descendants } }

        /// Children with this local name.
        func child(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The texts of this unit in one language.
        func texts(_ language: String) -> [String] {
            children.filter { $0.name == "text" && $0.attributes["xml:lang"] == language }.map(\.text)
        }
    }

    let root: Element

    private init(root: Element) { self.root = root }

    struct ParseError: Error {}

    static func parse(_ bytes: [UInt8]) throws -> XMLTree {
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlReadMemory($0.baseAddress, Int32($0.count), "test.xml", nil, Int32(XML_PARSE_NONET.rawValue))
            }
        }
        guard let document, let node = xmlDocGetRootElement(document) else { throw ParseError() }
        defer { xmlFreeDoc(document) }
        return XMLTree(root: element(node))
    }

    private static func element(_ node: xmlNodePtr) -> Element {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            var name = String(cString: a.pointee.name)
            if let ns = a.pointee.ns, let prefix = ns.pointee.prefix { name = String(cString: prefix) + ":" + name }
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                attributes[name] = String(cString: value)
                free(value)  // xmlFree is free() unless an allocator is installed
            }
            attribute = a.pointee.next
        }
        var children: [Element] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { children.append(element(c)) }
            child = c.pointee.next
        }
        var text = ""
        if let content = xmlNodeGetContent(node) {
            text = String(cString: content)
            free(content)
        }
        return Element(name: String(cString: node.pointee.name), attributes: attributes, children: children, text: text)
    }
}
