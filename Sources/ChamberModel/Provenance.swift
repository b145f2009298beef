/// Where an output came from and how it was made, for the archive: the source's identity
/// (so that `validate --fixity` can tell whether the source is still the one converted), the
/// tool that converted it, when, and the options that shaped the output.
public struct Provenance: Sendable, Hashable, Codable {
    /// The source file as it was read.
    public struct Source: Sendable, Hashable, Codable {
        /// The file's name, without its directory (`<stdin>` for standard input).
        public var name: String
        /// Its absolute path when converted; nil for standard input.
        public var path: String?
        public var bytes: Int
        /// SHA-256 of its bytes, lower-case hexadecimal.
        public var sha256: String

        public init(name: String, path: String?, bytes: Int, sha256: String) {
            self.name = name
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// An option that shaped the output, as given (`glossary` = `terms.tsv`).
    public struct Option: Sendable, Hashable, Codable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var source: Source
    public var tool: String
    public var version: String
    /// The conversion time, ISO 8601 in UTC (`2026-02-06T09:30:00Z`): `SOURCE_DATE_EPOCH`
    /// when it is set, so that a conversion can be reproduced byte for byte.
    public var time: String
    public var options: [Option]

    public init(source: Source, tool: String, version: String, time: String, options: [Option] = []) {
        self.source = source
        self.tool = tool
        self.version = version
        self.time = time
        self.options = options
    }
}
