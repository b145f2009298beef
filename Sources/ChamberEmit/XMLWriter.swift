import CLibXML2

/// A thin Swift face on libxml2's `xmlTextWriter`, which does the escaping and the
/// well-formedness bookkeeping. Strings are passed for the duration of each call only;
/// libxml2 copies what it keeps.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    init() {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        withXMLString("  ") { _ = xmlTextWriterSetIndentString(writer, $0) }
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func start(_ name: String, namespace: String? = nil) {
        withXMLString(name) { n in
            if let namespace {
                withXMLString(namespace) { _ = xmlTextWriterStartElementNS(writer, nil, n, $0) }
            } else {
                _ = xmlTextWriterStartElement(writer, n)
            }
        }
    }

    func end() { xmlTextWriterEndElement(writer) }

    /// Indentation must be off inside mixed content, where added white space would be text.
    func indent(_ on: Bool) { xmlTextWriterSetIndent(writer, on ? 1 : 0) }

    func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        withXMLString(name) { n in withXMLString(value) { _ = xmlTextWriterWriteAttribute(writer, n, $0) } }
    }

    func text(_ value: String) {
        withXMLString(value) { _ = xmlTextWriterWriteString(writer, $0) }
    }

    /// An element holding only text.
    func element(_ name: String, _ value: String, attributes: [(String, String?)] = []) {
        start(name)
        for (key, value) in attributes { attribute(key, value) }
        text(value)
        end()
    }

    /// Ends the document and returns its UTF-8 bytes.
    func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        let count = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }
}

func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    string.withCString { pointer in
        pointer.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body)
    }
}
