import ChamberModel

/// Findings already known, so that CI can fail on new ones only: one line per finding,
/// `input<TAB>code<TAB>unit<TAB>message` (the message as `Finding.stableKey` normalises it),
/// `#` comments. Written by `check --write-baseline`, read by `check --baseline`.
public struct Baseline: Sendable {
    private var keys: Set<String> = []
    /// Those of `keys` that `contains` matched: the rest no longer occur.
    public private(set) var matched: Set<String> = []

    public init() {}

    public init(tsv text: String, source: String) throws(UnusableInput) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.split(separator: "\t", omittingEmptySubsequences: false).count == 4 else {
                throw UnusableInput("\(source):\(index + 1): a baseline line is input<TAB>code<TAB>unit<TAB>message")
            }
            keys.insert(String(line))
        }
    }

    public static func line(input: String, _ finding: Finding) -> String { "\(input)\t\(finding.stableKey)" }

    /// The file `check --write-baseline` writes.
    public static func tsv(_ findings: [(input: String, finding: Finding)]) -> String {
        "# chamberdoc check baseline: input<TAB>code<TAB>unit<TAB>message; known findings that `check --baseline` silences\n"
            + findings.map { line(input: $0.input, $0.finding) + "\n" }.joined()
    }

    /// Whether the finding is known; remembers that it was.
    public mutating func contains(input: String, _ finding: Finding) -> Bool {
        let key = Self.line(input: input, finding)
        guard keys.contains(key) else { return false }
        matched.insert(key)
        return true
    }

    /// The known findings that this run did not give (fixed, or changed beyond the key).
    public var stale: Int { keys.count - matched.count }
}
