@_exported import ChamberModel
import ChamberAlign
import ChamberCheck
import ChamberEmit
import ChamberParse
import ChamberRead
import Foundation

/// The whole pipeline, read → parse → align → emit, for callers that want a document or
/// its XML from input bytes.
public enum Pipeline {
    /// Opens what the first document read would wait for, while the caller starts
    /// (`Reader.prepare`).
    public static func prepare(readingPDFs: Bool) {
        Reader.prepare(readingPDFs: readingPDFs)
    }

    /// The read stage alone: each language's paragraphs.
    public static func read(_ bytes: [UInt8], source: String) throws(UnusableInput) -> ReadDocument {
        try Reader.read(bytes, source: source)
    }

    /// Reads, parses, aligns and checks one input.
    public static func document(from bytes: [UInt8], source: String, glossary: Glossary = Glossary()) throws(UnusableInput) -> Document {
        var timings = StageTimings()
        return try document(from: bytes, source: source, glossary: glossary, timings: &timings)
    }

    /// Reads, parses, aligns and checks one input, adding the time of each stage to `timings`.
    public static func document(from bytes: [UInt8], source: String, glossary: Glossary = Glossary(),
                                timings: inout StageTimings) throws(UnusableInput) -> Document {
        let read = try StageTimings.measure(&timings.read) { () throws(UnusableInput) in try Reader.read(bytes, source: source) }
        let parsed = StageTimings.measure(&timings.parse) { Parser.parse(read) }
        var document = StageTimings.measure(&timings.align) { Aligner.align(parsed) }
        document.findings = StageTimings.measure(&timings.check) { ParityChecker(glossary: glossary).findings(document) }
        return document
    }

    /// The chamberdoc XML of a document.
    public static func xml(_ document: Document) -> [UInt8] {
        DocumentXML.bytes(document)
    }

    /// A self-contained HTML report of the aligned units and their findings.
    public static func html(_ document: Document) -> [UInt8] {
        HTMLReport.bytes(document)
    }

    /// What is done without a dictionary that is not installed: that sentences are aligned
    /// without the Dutch-French one, that hyphens at line ends are decided without Hunspell's
    /// (`Reader.spellingNote`). Notes for the CLI to print once; looks for the files only,
    /// which are read when first needed.
    public static var dictionaryNotes: [String] {
        let directory = BilingualDictionary.directory
        let freeDict = BilingualDictionary.isInstalled(in: directory) ? nil
            : "no Dutch-French dictionary in \(directory) (install dict-freedict-nld-fra and dict-freedict-fra-nld): "
                + "sentences are aligned without it, and sentences left out are found less often"
        return [freeDict, Reader.spellingNote].compactMap { $0 }
    }

    /// The aligned units as TMX 1.4b.
    public static func tmx(_ document: Document) -> [UInt8] {
        TMX.bytes(document, toolVersion: Tool.version)
    }
}

/// CPU seconds spent in each stage, summed over documents (`convert --timings`). Measured
/// on the converting thread, so parallel conversions do not inflate the sum.
public struct StageTimings: Sendable, Codable {
    public var read = 0.0, parse = 0.0, align = 0.0, check = 0.0, emit = 0.0, validate = 0.0, write = 0.0

    public init() {}

    public mutating func add(_ other: StageTimings) {
        read += other.read; parse += other.parse; align += other.align; check += other.check
        emit += other.emit; validate += other.validate; write += other.write
    }

    /// Runs `body`, adding the CPU time of this thread during it to `seconds`.
    public static func measure<T, E: Error>(_ seconds: inout Double, _ body: () throws(E) -> T) throws(E) -> T {
        let start = threadCPUTime()
        defer { seconds += threadCPUTime() - start }
        return try body()
    }

    private static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

public typealias SchemaValidator = ChamberEmit.SchemaValidator
public typealias Glossary = ChamberCheck.Glossary
public typealias Baseline = ChamberCheck.Baseline
public typealias ParityChecker = ChamberCheck.ParityChecker

extension StageTimings {
    /// This process's peak resident memory, from `VmHWM` in /proc/self/status (Linux; nil
    /// elsewhere). Not `getrusage`: its `ru_maxrss` keeps the peak of the process that ran
    /// `exec`, so a conversion started by a large parent reports the parent's memory.
    public static func peakResidentBytes(of process: pid_t? = nil) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.map(String.init) ?? "self")/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kB * 1024
    }
}
