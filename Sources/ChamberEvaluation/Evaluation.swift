import ChamberAlign
import ChamberCheck
import ChamberModel
import ChamberParse
import ChamberRead
import Foundation

/// A defect injected into the seed, with what chamberdoc should make of it. Loaded from
/// `Tests/Evaluation/variants.json`.
public struct Variant: Decodable, Sendable {
    /// `consideration-deleted`.
    public var name: String
    /// The kind of defect, the row it counts under in the report.
    public var defect: String
    /// Text replacements applied to the seed, in order; each must find its text.
    public var edits: [Edit]
    /// Findings the defect must produce (code and unit); the first is the defect's own.
    public var findings: [ExpectedFinding]
    /// The links that differ from the seed's own: a passage named here leaves the link it has
    /// in the seed. Passages are named by the start of their text, in their language.
    public var links: [ExpectedLink]

    public struct Edit: Decodable, Sendable { public var find: String, replace: String }
    public struct ExpectedFinding: Decodable, Sendable, Hashable { public var code: String, unit: String }
    public struct ExpectedLink: Decodable, Sendable { public var nl: [String], fr: [String] }
}

/// One link between the passages of the two languages, each passage named by its text.
public struct Link: Hashable, Sendable, CustomStringConvertible {
    public var nl: [String]
    public var fr: [String]

    public var description: String {
        "\(nl.map { String($0.prefix(24)) }) = \(fr.map { String($0.prefix(24)) })"
    }
}

/// Precision and recall of a set of links against the expected ones.
public struct LinkScore: Sendable {
    public var correct = 0, found = 0, expected = 0

    public var precision: Double { found == 0 ? 1 : Double(correct) / Double(found) }
    public var recall: Double { expected == 0 ? 1 : Double(correct) / Double(expected) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(found: Set<Link>, expected: Set<Link>) {
        correct = found.intersection(expected).count
        self.found = found.count
        self.expected = expected.count
    }

    public init() {}

    public static func + (a: LinkScore, b: LinkScore) -> LinkScore {
        var sum = a
        sum.correct += b.correct
        sum.found += b.found
        sum.expected += b.expected
        return sum
    }
}

/// What one variant gave.
public struct VariantResult: Sendable {
    public var variant: Variant
    public var chamberdoc: LinkScore
    public var baseline: LinkScore
    /// Expected findings that were not reported.
    public var missed: [Variant.ExpectedFinding]
    /// Findings reported that the variant does not expect.
    public var unexpected: [Finding]
    /// Of those, the errors.
    public var falseErrors: [Finding] { unexpected.filter { $0.severity == .error } }
    /// Links chamberdoc got wrong, and the expected ones it lacks, for the report.
    public var wrongLinks: [Link]
    public var lackingLinks: [Link]
}

/// Runs the evaluation set: each variant of the seed through chamberdoc's pipeline and
/// through the length-only baseline, compared with the expected links and findings.
public struct Evaluation: Sendable {
    public let seed: String
    public let glossary: Glossary

    public init(seed: String, glossary: Glossary) {
        self.seed = seed
        self.glossary = glossary
    }

    public func run(_ variant: Variant) throws -> VariantResult {
        var text = seed
        for edit in variant.edits {
            guard text.contains(edit.find) else { throw UnusableInput("\(variant.name): the seed lacks \"\(edit.find.prefix(40))\"") }
            text = text.replacingOccurrences(of: edit.find, with: edit.replace)
        }
        let parsed = Parser.parse(try Reader.read(Array(text.utf8), source: variant.name))
        var document = Aligner.align(parsed)
        document.findings = ParityChecker(glossary: glossary).findings(document)

        let expected = try expectedLinks(variant, variantPassages: Self.passages(parsed))
        let found = Set(document.sections.flatMap { $0.units.flatMap(Self.links) })
        let baseline = Set(baselineLinks(parsed))
        let reported = Set(document.findings.map { Variant.ExpectedFinding(code: $0.code.rawValue, unit: $0.unit) })
        return VariantResult(
            variant: variant,
            chamberdoc: LinkScore(found: found, expected: expected),
            baseline: LinkScore(found: baseline, expected: expected),
            missed: variant.findings.filter { !reported.contains($0) },
            unexpected: document.findings.filter {
                !variant.findings.contains(Variant.ExpectedFinding(code: $0.code.rawValue, unit: $0.unit))
            },
            wrongLinks: found.subtracting(expected).sorted { $0.description < $1.description },
            lackingLinks: expected.subtracting(found).sorted { $0.description < $1.description })
    }

    /// Each aligned unit's link, sub-units included.
    static func links(_ unit: TextUnit) -> [Link] {
        [Link(nl: (unit.passages[.nl] ?? []).map(\.text), fr: (unit.passages[.fr] ?? []).map(\.text))]
            + unit.children.flatMap(links)
    }

    /// The passages of each section of each language, in reading order, sub-units after
    /// their parent: what both aligners link.
    static func passages(_ parsed: Document) -> [[Language: [String]]] {
        func flat(_ unit: TextUnit) -> [String] { unit.passages.values.joined().map(\.text) + unit.children.flatMap(flat) }
        return Aligner.pairSections(parsed.versions[.nl] ?? [], parsed.versions[.fr] ?? []).map { nl, fr in
            [.nl: nl?.units.flatMap(flat) ?? [], .fr: fr?.units.flatMap(flat) ?? []]
        }
    }

    /// Gale and Church's aligner on the same passages, section by section, lengths only.
    func baselineLinks(_ parsed: Document) -> [Link] {
        let aligner = SequenceAligner(model: .lengthOnly, ratio: Aligner.lengthRatio(parsed.versions))
        return Self.passages(parsed).flatMap { section -> [Link] in
            let nl = section[.nl]!, fr = section[.fr]!
            return aligner.align(nl.map { AlignmentFeatures(length: $0.utf8.count) }, fr.map { AlignmentFeatures(length: $0.utf8.count) })
                .map { Link(nl: Array(nl[$0.nl]), fr: Array(fr[$0.fr])) }
        }
    }

    /// The seed's links (the k-th passage of a section in one language translates the k-th
    /// in the other), changed as the variant says. Every passage of the variant must be in
    /// exactly one expected link, so that a wrong expectation shows.
    func expectedLinks(_ variant: Variant, variantPassages: [[Language: [String]]]) throws -> Set<Link> {
        let seedSections = Self.passages(Parser.parse(try Reader.read(Array(seed.utf8), source: "seed")))
        var links: [Link] = []
        for section in seedSections {
            guard section[.nl]!.count == section[.fr]!.count else { throw UnusableInput("the seed's sections differ in length") }
            links += zip(section[.nl]!, section[.fr]!).map { Link(nl: [$0], fr: [$1]) }
        }
        let current: [Language: [String]] = [
            .nl: variantPassages.flatMap { $0[.nl]! }, .fr: variantPassages.flatMap { $0[.fr]! },
        ]
        // A passage the variant edited after its first 30 characters is still the same passage.
        for language in Language.allCases {
            let seedTexts = Set(seedSections.flatMap { $0[language]! })
            let edited = current[language]!.filter { !seedTexts.contains($0) }
            for index in links.indices {
                let texts = language == .nl ? links[index].nl : links[index].fr
                let carried = texts.map { text in
                    let candidates = current[language]!.contains(text) ? [] : edited.filter { $0.prefix(30) == text.prefix(30) }
                    return candidates.count == 1 ? candidates[0] : text
                }
                if language == .nl { links[index].nl = carried } else { links[index].fr = carried }
            }
        }
        func resolve(_ start: String, _ language: Language) throws -> String {
            let matches = Set(current[language]!.filter { $0.hasPrefix(start) })
            guard matches.count == 1 else {
                throw UnusableInput("\(variant.name): \(matches.count) \(language.rawValue) passages start with \"\(start)\"")
            }
            return matches.first!
        }
        // The seed's links of the passages named give way; a passage the edit changed at its
        // start is named by its seed text's start.
        links.removeAll { old in
            variant.links.contains { change in
                change.nl.contains { start in old.nl.contains { $0.hasPrefix(start) } }
                    || change.fr.contains { start in old.fr.contains { $0.hasPrefix(start) } }
            }
        }
        for change in variant.links {
            links.append(Link(nl: try change.nl.map { try resolve($0, .nl) }, fr: try change.fr.map { try resolve($0, .fr) }))
        }
        for language in Language.allCases {
            let linked = links.flatMap { language == .nl ? $0.nl : $0.fr }
            let missing = Set(current[language]!).subtracting(linked)
            guard missing.isEmpty, Set(linked).isSubset(of: current[language]!) else {
                throw UnusableInput("\(variant.name): the expected \(language.rawValue) links do not cover the variant: "
                    + "unlinked \(missing.map { $0.prefix(30) }), unknown \(Set(linked).subtracting(current[language]!).map { $0.prefix(30) })")
            }
        }
        return Set(links)
    }
}

/// The figures over the whole set.
public struct EvaluationReport: Sendable {
    public var results: [VariantResult]

    public init(results: [VariantResult]) { self.results = results }

    public var chamberdoc: LinkScore { results.reduce(LinkScore()) { $0 + $1.chamberdoc } }
    public var baseline: LinkScore { results.reduce(LinkScore()) { $0 + $1.baseline } }

    /// Per kind of defect: expected findings reported / expected.
    public var detection: [(defect: String, detected: Int, injected: Int)] {
        var rows: [(defect: String, detected: Int, injected: Int)] = []
        for result in results where !result.variant.findings.isEmpty {
            let detected = result.missed.contains(result.variant.findings[0]) ? 0 : 1
            if let index = rows.firstIndex(where: { $0.defect == result.variant.defect }) {
                rows[index].detected += detected
                rows[index].injected += 1
            } else {
                rows.append((result.variant.defect, detected, 1))
            }
        }
        return rows
    }

    /// The report as Markdown, for BENCHMARKS.md.
    public var markdown: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var lines = [
            "| | links found | correct | expected | precision | recall | F1 |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for (name, score) in [("chamberdoc", chamberdoc), ("Gale-Church, lengths only", baseline)] {
            lines.append("| \(name) | \(score.found) | \(score.correct) | \(score.expected) | \(f(score.precision)) | \(f(score.recall)) | \(f(score.f1)) |")
        }
        lines += ["", "| variant | defect | chamberdoc F1 | baseline F1 | expected findings missed | false errors |", "|---|---|---:|---:|---|---:|"]
        for r in results {
            let missed = r.missed.map { "\($0.code) \($0.unit)" }.joined(separator: ", ")
            lines.append("| \(r.variant.name) | \(r.variant.defect) | \(f(r.chamberdoc.f1)) | \(f(r.baseline.f1)) | \(missed.isEmpty ? "none" : missed) | \(r.falseErrors.count) |")
        }
        lines += ["", "| defect | detected / injected |", "|---|---:|"]
        for row in detection { lines.append("| \(row.defect) | \(row.detected) / \(row.injected) |") }
        return lines.joined(separator: "\n")
    }
}

/// A long document for measuring the align stage: the seed's parsed units repeated, labels
/// renumbered so that they stay unique and in order in both languages.
public enum LongDocument {
    public static func make(from parsed: Document, repeats: Int) -> Document {
        var document = parsed
        for (language, sections) in parsed.versions {
            document.versions[language] = sections.map { section in
                var considerations = 0, requests = 0
                var long = Section(kind: section.kind)
                for _ in 0..<repeats {
                    for var unit in section.units {
                        switch unit.kind {
                        case .consideration:
                            considerations += 1
                            unit.label = letters(considerations)
                        case .request:
                            requests += 1
                            unit.label = String(requests)
                            for index in unit.children.indices { unit.children[index].label = "\(requests).\(index + 1)" }
                        default: break
                        }
                        long.units.append(unit)
                    }
                }
                return long
            }
        }
        return document
    }

    /// The paragraphs of one language, sub-units included.
    public static func passages(_ document: Document, _ language: Language) -> Int {
        func count(_ unit: TextUnit) -> Int { 1 + unit.children.reduce(0) { $0 + count($1) } }
        return (document.versions[language] ?? []).reduce(0) { $0 + $1.units.reduce(0) { $0 + count($1) } }
    }

    /// A, B, …, Z, AA, AB, …: bijective base 26.
    static func letters(_ n: Int) -> String {
        var n = n, result = ""
        while n > 0 {
            n -= 1
            result = String(UnicodeScalar(UInt8(65 + n % 26))) + result
            n /= 26
        }
        return result
    }
}
