import ArgumentParser
import Foundation

/// The inputs of a `convert` batch in order: the command line's, then one per line of
/// `--input-list`. A list file is read as a stream (twice: see `Batch`); a list on standard
/// input cannot be read twice, so it is kept, as bytes.
struct InputList: Sequence {
    private enum Source { case file(String), bytes([UInt8]) }
    private let arguments: [String]
    private let list: Source?

    init(arguments: [String], list path: String?) throws {
        self.arguments = arguments
        switch path {
        case nil: list = nil
        case "-":
            guard let data = try? FileHandle.standardInput.readToEnd() else {
                throw ValidationError("cannot read the input list from standard input")
            }
            list = .bytes([UInt8](data))
        case let path?:
            guard FileManager.default.isReadableFile(atPath: path) else { throw ValidationError("cannot read the input list \(path)") }
            list = .file(path)
        }
    }

    func makeIterator() -> Iterator {
        switch list {
        case .file(let path): Iterator(arguments: arguments, handle: FileHandle(forReadingAtPath: path))
        case .bytes(let bytes): Iterator(arguments: arguments, buffer: bytes)
        case nil: Iterator(arguments: arguments)
        }
    }

    /// The arguments, then the list's non-empty lines (LF, CRLF or CR), read 64 KB at a time.
    struct Iterator: IteratorProtocol {
        private var arguments: IndexingIterator<[String]>
        private var handle: FileHandle?
        private var buffer: [UInt8]
        private var position = 0

        init(arguments: [String], handle: FileHandle? = nil, buffer: [UInt8] = []) {
            self.arguments = arguments.makeIterator()
            self.handle = handle
            self.buffer = buffer
        }

        mutating func next() -> String? {
            if let argument = arguments.next() { return argument }
            while true {
                while position < buffer.count, buffer[position] == 0x0A || buffer[position] == 0x0D { position += 1 }
                if let end = buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                    defer { position = end }
                    return String(decoding: buffer[position..<end], as: UTF8.self)
                }
                if let handle, let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                    buffer.removeFirst(position)
                    position = 0
                    buffer += chunk
                    continue
                }
                handle = nil
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return String(decoding: buffer[position...], as: UTF8.self)
            }
        }
    }
}

/// The jobs of a batch, made one at a time as the conversion goes, so that memory does not
/// grow with the length of the list. A target is refused when it is one of the inputs (only
/// an input named `….xml` can be) or when an earlier input writes it. All targets are in one
/// directory, so two inputs write the same target exactly when their target names agree. A
/// first pass over the inputs hashes every target name into one sorted array (8 bytes per
/// input, released before the first document is read), so that the conversion remembers only
/// the names that occur more than once.
struct Batch: Sequence {
    let inputs: InputList
    /// Where the XML goes; nil when the input is standard input.
    let output: String?

    func makeIterator() -> Iterator {
        var xmlInputs = Set<Int>(), targets: [Int] = []
        if output != nil {
            for input in inputs where input != "-" {
                if input.hasSuffix(".xml") { xmlInputs.insert(Self.key(input)) }
                targets.append(Iterator.targetName(of: input).hashValue)
            }
        }
        targets.sort()
        let contested = Set(zip(targets, targets.dropFirst()).lazy.filter { $0 == $1 }.map(\.0))
        return Iterator(batch: self, inputs: inputs.makeIterator(), xmlInputs: xmlInputs, contested: contested)
    }

    /// A path as a key: its standardized form, hashed. (Two paths or target names whose
    /// 64-bit hashes collide would be refused as one target; at 10⁵ inputs the odds are
    /// about 10⁻⁹.)
    static func key(_ path: String) -> Int { URL(fileURLWithPath: path).standardizedFileURL.path.hashValue }

    struct Iterator: IteratorProtocol {
        let batch: Batch
        var inputs: InputList.Iterator
        let xmlInputs: Set<Int>
        /// The hashed names of the targets more than one input would write.
        let contested: Set<Int>
        /// Contested target names (hashed) and the position of the input that writes them.
        private var written: [Int: Int] = [:]
        /// Names of the inputs a later one collided with, found again in the list.
        private var writers: [Int: String] = [:]
        private var position = 0

        init(batch: Batch, inputs: InputList.Iterator, xmlInputs: Set<Int>, contested: Set<Int>) {
            self.batch = batch
            self.inputs = inputs
            self.xmlInputs = xmlInputs
            self.contested = contested
        }

        mutating func next() -> Convert.Job? {
            guard let input = inputs.next() else { return nil }
            defer { position += 1 }
            guard input != "-", let output = batch.output else { return Convert.Job(input: input) }
            let name = Self.targetName(of: input)
            let target = URL(fileURLWithPath: output).appendingPathComponent(name).path
            if !xmlInputs.isEmpty, xmlInputs.contains(Batch.key(target)) {
                return Convert.Job(input: input, refusal: "not converted: \(target) is an input and would be overwritten")
            }
            let nameKey = name.hashValue
            if contested.contains(nameKey) {
                if let earlier = written[nameKey] {
                    return Convert.Job(input: input, refusal: "not converted: \(target) is already written from \(writer(at: earlier))")
                }
                written[nameKey] = position
            }
            return Convert.Job(input: input, target: target)
        }

        /// `NAME.xml` for `…/NAME.txt`, `…/NAME.pdf` (or `…/NAME`): the file written in the
        /// output directory.
        static func targetName(of input: String) -> String {
            var name = URL(fileURLWithPath: input).lastPathComponent
            if name.hasSuffix(".txt") || name.hasSuffix(".pdf") { name.removeLast(4) }
            return name + ".xml"
        }

        /// The input at a position, read again from the list (rare: only for a collision).
        private mutating func writer(at position: Int) -> String {
            if let name = writers[position] { return name }
            var again = batch.inputs.makeIterator()
            for _ in 0..<position { _ = again.next() }
            let name = again.next() ?? "an earlier input"
            writers[position] = name
            return name
        }
    }
}
