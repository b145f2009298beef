import ChamberEmit
import ChamberRead
import Foundation

/// The tool as outputs record it and `chamberdoc --version` prints it.
public enum Tool {
    public static let name = "chamberdoc"
    /// Raised with each release whose output differs (README, "Versions").
    public static let version = "0.3.0"
}

/// The writers `convert --to` chooses from, Pandoc-style: one document model, several
/// outputs. Each writer makes one or more files of a document, named by a suffix that
/// takes the place of the `.xml` of chamberdoc XML.
public enum OutputFormat: String, CaseIterable, Sendable, Codable {
    /// chamberdoc XML (`NAME.xml`), both languages unit by unit, valid against `Schemas/chamberdoc.xsd`.
    case chamberdoc
    /// Akoma Ntoso 3.0, one document per language (`NAME.nld.akn.xml`, `NAME.fra.akn.xml`),
    /// valid against the OASIS schema (`Schemas/akn/akomantoso30.xsd`).
    case akn
    /// TMX 1.4b (`NAME.tmx`), the translation memory of the linked units, valid against its DTD.
    case tmx
    /// A self-contained HTML report of the aligned units and their findings (`NAME.html`).
    case html

    /// One file a writer makes.
    public struct Rendition: Sendable {
        public var suffix: String
        public var bytes: [UInt8]
    }

    public func renditions(_ document: Document) -> [Rendition] {
        switch self {
        case .chamberdoc: [Rendition(suffix: ".xml", bytes: DocumentXML.bytes(document))]
        case .akn: Language.allCases.map { Rendition(suffix: ".\(AkomaNtoso.code($0)).akn.xml", bytes: AkomaNtoso.bytes(document, language: $0)) }
        case .tmx: [Rendition(suffix: ".tmx", bytes: TMX.bytes(document, toolVersion: Tool.version))]
        case .html: [Rendition(suffix: ".html", bytes: HTMLReport.bytes(document))]
        }
    }
}

extension Provenance {
    /// The provenance of a conversion of `bytes`, read from `input` (`-`: standard input),
    /// made now, or at `SOURCE_DATE_EPOCH` when it is set (checked by `sourceDateEpoch()`).
    public init(input: String, bytes: [UInt8], options: [Option]) {
        let name = input == "-" ? "<stdin>" : URL(fileURLWithPath: input).lastPathComponent
        let path = input == "-" ? nil : URL(fileURLWithPath: input).standardizedFileURL.path
        let seconds = (try? Self.sourceDateEpoch()) ?? nil
        let date = seconds.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
        // The format style, unlike ISO8601DateFormatter, needs no ICU calendar: a few
        // milliseconds less for every process that converts one document.
        self.init(source: Source(name: name, path: path, bytes: bytes.count, sha256: SourceDigest.sha256(bytes)),
                  tool: Tool.name, version: Tool.version, time: date.formatted(Date.ISO8601FormatStyle()), options: options)
    }

    public struct BadSourceDateEpoch: Error, CustomStringConvertible {
        public var description: String
    }

    /// `SOURCE_DATE_EPOCH` (reproducible-builds.org): seconds since 1970 in UTC, or nil
    /// when it is not set; an error when it is set to anything else.
    public static func sourceDateEpoch() throws(BadSourceDateEpoch) -> Int? {
        guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let seconds = Int(value), seconds >= 0, seconds < 253_402_300_800 else {
            throw BadSourceDateEpoch(description: "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not \"\(value)\"")
        }
        return seconds
    }
}

extension Pipeline {
    /// SHA-256 of a source, as provenance records it (`validate --fixity`).
    public static func sha256(_ bytes: [UInt8]) -> String { SourceDigest.sha256(bytes) }

    /// Why no SHA-256 can be recorded or checked (GLib missing), for the CLI to stop on
    /// before it writes anything; nil when it can.
    public static var digestProblem: String? { SourceDigest.problem }
}

public typealias DTDValidator = ChamberEmit.DTDValidator
public typealias DocumentRules = ChamberEmit.DocumentRules
public typealias RecordedSource = ChamberEmit.RecordedSource
public typealias AkomaNtoso = ChamberEmit.AkomaNtoso
