import CLibXML2

/// A thin Swift face on libxml2's `xmlTextWriter`, which does the escaping and the
/// well-formedness bookkeeping. Strings are passed for the duration of each call only;
/// libxml2 copies what it keeps.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// - Parameter declaration: whether to begin with `<?xml …?>` (not for HTML).
    init(declaration: Bool = true) {
        LibXML2.initialize()
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        withXMLString("  ") { _ = xmlTextWriterSetIndentString(writer, $0) }
        if declaration { xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) }
    }

    /// Text written as it is: only for fixed markup such as a doctype.
    func raw(_ markup: StaticString) {
        _ = xmlTextWriterWriteRaw(writer, markup.utf8Start)
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
        xmlTextWriterEndDocument(writer)  // closes what is open; harmless without a declaration
        xmlTextWriterFlush(writer)
        let count = Int(xmlBufferLength(buffer))
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }
}

/// Passes `string` to libxml2, with the characters XML 1.0 forbids (C0 controls other than
/// tab, line feed and carriage return; U+FFFE, U+FFFF) replaced by U+FFFD, since
/// xmlTextWriter escapes markup but does not filter characters.
func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    let safe = string.unicodeScalars.contains(where: isForbiddenInXML)
        ? String(String.UnicodeScalarView(string.unicodeScalars.map { isForbiddenInXML($0) ? "\u{FFFD}" : $0 }))
        : string
    return safe.withCString { pointer in
        pointer.withMemoryRebound(to: xmlChar.self, capacity: safe.utf8.count + 1, body)
    }
}

private func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
}

/// libxml2's global state, set up once per process before any thread uses it (its lazy
/// set-up is not thread-safe in 2.9).
enum LibXML2 {
    private static let once: Void = { xmlInitParser() }()
    static func initialize() { once }
}
