@_exported import ChamberModel
import ChamberAlign
import ChamberEmit
import ChamberParse
import ChamberRead

/// The whole pipeline, read → parse → align → emit, for callers that want a document or
/// its XML from input bytes.
public enum Pipeline {
    /// The read stage alone: each language's paragraphs.
    public static func read(_ bytes: [UInt8], source: String) throws(UnusableInput) -> ReadDocument {
        try Reader.read(bytes, source: source)
    }

    /// Reads, parses and aligns one input.
    public static func document(from bytes: [UInt8], source: String) throws(UnusableInput) -> Document {
        let read = try read(bytes, source: source)
        return Aligner.align(Parser.parse(read))
    }

    /// The chamberdoc XML of a document.
    public static func xml(_ document: Document) -> [UInt8] {
        DocumentXML.bytes(document)
    }
}

public typealias SchemaValidator = ChamberEmit.SchemaValidator
