import CZlib
import ChamberModel
import Foundation

/// Dutch-French word pairs from the FreeDict dictionaries Debian packages for dictd
/// (`dict-freedict-nld-fra`, `dict-freedict-fra-nld`: `/usr/share/dictd/freedict-*.index` and
/// `.dict.dz`), read once per process when the sentence aligner first needs them.
///
/// Words are compared by their first five letters (lower case, accents dropped), so that
/// inflected forms (`versterkt`, `versterken`; `renforcer`, `renforcée`) meet their headword;
/// words of fewer than four letters (articles, prepositions) are left out. The pairs are kept
/// as a set of 64-bit hashes: a few megabytes of dictionary become about 60,000 integers.
public struct BilingualDictionary: Sendable {
    private var pairs = HashSet64()
    /// Whether it holds pairs besides those learnt from a document (`adding(associationsIn:)`),
    /// which pair only its frequent terms: without a lexicon, a word that finds no translation
    /// says little.
    public private(set) var hasLexicon = false

    public init() {}

    /// Pairs of (Dutch, French) words, for tests and for other sources of pairs.
    public init(pairs: [(String, String)]) {
        for (nl, fr) in pairs { insert(nl: Self.keys(nl), fr: Self.keys(fr)) }
        hasLexicon = !self.pairs.isEmpty
    }

    public var isEmpty: Bool { pairs.isEmpty }
    public var count: Int { pairs.count }

    /// Where Debian installs the dictionaries; `CHAMBERDOC_DICTD` points elsewhere.
    public static var directory: String {
        ProcessInfo.processInfo.environment["CHAMBERDOC_DICTD"] ?? "/usr/share/dictd"
    }

    /// The installed dictionaries, read on first use (from the cache when it holds them);
    /// empty when they are not installed.
    public static let installed: BilingualDictionary = (try? load(directory: directory, cache: CacheFolder.path)) ?? BilingualDictionary()

    /// `load(directory:)`, kept in `cache`: reading the dictionaries costs about 30 ms, most
    /// of the time of a small document, and `make` starts a process per document. The cached
    /// file is named after the dictionaries' paths, sizes and dates, so that an upgrade of the
    /// packages reads them again; a cache that cannot be read or written is passed over.
    public static func load(directory: String, cache: String?) throws -> BilingualDictionary {
        guard let cache, let key = cacheKey(directory) else { return try load(directory: directory) }
        let path = "\(cache)/freedict-\(key).pairs"
        if let data = FileManager.default.contents(atPath: path), let pairs = HashSet64(serialized: data) {
            var dictionary = BilingualDictionary()
            dictionary.pairs = pairs
            dictionary.hasLexicon = !pairs.isEmpty
            return dictionary
        }
        let dictionary = try load(directory: directory)
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        try? dictionary.pairs.serialized.write(to: URL(fileURLWithPath: path), options: .atomic)
        return dictionary
    }

    /// The cache's name for the dictionary files in `directory`; nil when none is there.
    private static func cacheKey(_ directory: String) -> String? {
        CacheFolder.key(of: names.flatMap { name, _ in [".index", ".dict.dz"].map { "\(directory)/\(name)\($0)" } })
    }

    /// Whether either dictionary is in `directory`.
    public static func isInstalled(in directory: String) -> Bool {
        names.contains { FileManager.default.fileExists(atPath: "\(directory)/\($0.name).dict.dz") }
    }

    /// The two dictionaries, and whether Dutch is the headword's language.
    private static let names = [(name: "freedict-nld-fra", dutchFirst: true), (name: "freedict-fra-nld", dutchFirst: false)]

    /// Reads `freedict-nld-fra` and `freedict-fra-nld` from `directory`; either may be absent,
    /// not both.
    public static func load(directory: String) throws -> BilingualDictionary {
        var dictionary = BilingualDictionary()
        var found = 0
        for (name, dutchFirst) in names {
            let base = directory + "/" + name
            guard let index = FileManager.default.contents(atPath: base + ".index"),
                  let compressed = FileManager.default.contents(atPath: base + ".dict.dz") else { continue }
            let data = try gunzip(compressed)
            dictionary.read(index: index, data: data, dutchFirst: dutchFirst)
            found += 1
        }
        guard found > 0 else { throw CocoaError(.fileNoSuchFile) }
        dictionary.hasLexicon = !dictionary.isEmpty
        return dictionary
    }

    /// Whether the dictionary pairs the Dutch word key `nl` with the French `fr` (see `keys`).
    @inline(__always) public func translates(_ nl: UInt64, _ fr: UInt64) -> Bool {
        pairs.contains(Self.pairHash(nl, fr))
    }

    /// The keys of a text's words of four letters or more: their first five letters, lower
    /// case, accents dropped. Sorted and without repeats.
    public static func keys(_ text: some StringProtocol) -> [UInt64] {
        var text = String(text)
        return text.withUTF8 { keys(utf8: $0) }
    }

    static func keys(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var keys: [UInt64] = []
        Stems.forEachWord(bytes, prefix: 5) { key, letters in
            if letters >= 4 && !keys.contains(key) { keys.append(key) }
        }
        return keys.sorted()
    }

    /// This dictionary and the word pairs that a document's own translated sentences show
    /// (Moore 2002: learn from the alignment's surest links, then align again): the keys of
    /// each sentence pair's words (see `keys`), and a Dutch and a French key are paired when
    /// they occur together in `minimumCount` sentence pairs or more, and in most of the pairs
    /// where either occurs (a Dice coefficient of `minimumDice`). So a document's own terms
    /// (`Nederlandstaligen` / `néerlandophones`, `OCMW` / `CPAS`) count as translations.
    public func adding(associationsIn sentencePairs: [(nl: [UInt64], fr: [UInt64])], minimumCount: Int = 3, minimumDice: Double = 0.5) -> BilingualDictionary {
        // Each language's words numbered, and every (Dutch, French) pair of a sentence pair as
        // one integer: the pairs are counted by sorting them, a long document giving hundreds
        // of thousands.
        struct Vocabulary {
            var keys: [UInt64] = [], counts: [Int] = [], index: [UInt64: Int] = [:]
            mutating func number(_ key: UInt64) -> UInt64 {
                let i = index[key] ?? keys.count
                if i == keys.count { index[key] = i; keys.append(key); counts.append(0) }
                counts[i] += 1
                return UInt64(i)
            }
        }
        var nl = Vocabulary(), fr = Vocabulary(), joint: [UInt64] = []
        for pair in sentencePairs {
            let (a, b) = (pair.nl.map { nl.number($0) }, pair.fr.map { fr.number($0) })
            for u in a { for v in b { joint.append(u << 32 | v) } }
        }
        joint.sort()
        var result = self
        var start = 0
        while start < joint.count {
            var end = start + 1
            while end < joint.count && joint[end] == joint[start] { end += 1 }
            let (u, v, count) = (Int(joint[start] >> 32), Int(joint[start] & 0xFFFF_FFFF), end - start)
            if count >= minimumCount && 2 * Double(count) >= minimumDice * Double(nl.counts[u] + fr.counts[v]) {
                result.pairs.insert(Self.pairHash(nl.keys[u], fr.keys[v]))
            }
            start = end
        }
        return result
    }

    private static func pairHash(_ nl: UInt64, _ fr: UInt64) -> UInt64 {
        (nl &* 0x9E37_79B9_7F4A_7C15) ^ (fr &* 0xC2B2_AE3D_27D4_EB4F) ^ (fr >> 29)
    }

    private mutating func insert(nl: [UInt64], fr: [UInt64]) {
        // A phrase of more than two words pairs too loosely to say which word is which.
        guard nl.count <= 2, fr.count <= 2 else { return }
        for a in nl { for b in fr { pairs.insert(Self.pairHash(a, b)) } }
    }

    /// The index gives each headword's entry in the data as `headword<TAB>offset<TAB>length`
    /// (base 64); an entry is the headword line (with its pronunciation), then one line of
    /// translations per sense (`1. espagnol, hispanique`). Read on bytes: it is read at the
    /// start of every process that aligns sentences.
    private mutating func read(index: Data, data: [UInt8], dutchFirst: Bool) {
        pairs.reserveCapacity(pairs.count + 40_000)
        index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            data.withUnsafeBufferPointer { data in
                let index = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < index.count {
                    var end = start
                    while end < index.count && index[end] != 0x0A { end += 1 }
                    readEntry(UnsafeBufferPointer(rebasing: index[start..<end]), data: data, dutchFirst: dutchFirst)
                    start = end + 1
                }
            }
        }
    }

    /// One line of the index, `headword<TAB>offset<TAB>length`, and the entry it points at.
    private mutating func readEntry(_ line: UnsafeBufferPointer<UInt8>, data: UnsafeBufferPointer<UInt8>, dutchFirst: Bool) {
        /// The position of the first `byte` in `range` of `bytes`, or the range's end.
        func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
            var i = start
            while i < end && bytes[i] != byte { i += 1 }
            return i
        }
        let tab1 = next(0x09, in: line, from: 0, to: line.count), tab2 = next(0x09, in: line, from: tab1 + 1, to: line.count)
        guard tab2 < line.count, !(line.count >= 2 && line[0] == 0x30 && line[1] == 0x30),  // `00database…` entries
              let offset = Self.base64(UnsafeBufferPointer(rebasing: line[(tab1 + 1)..<tab2])),
              let length = Self.base64(UnsafeBufferPointer(rebasing: line[(tab2 + 1)...])),
              length > 0, offset + length <= data.count else { return }
        let entry = UnsafeBufferPointer(rebasing: data[offset..<(offset + length)])
        // The headword is the first line up to its pronunciation (` /…/`); then one line of
        // translations per sense, separated by commas.
        var lineEnd = next(0x0A, in: entry, from: 0, to: entry.count)
        let headKeys = Self.keys(utf8: UnsafeBufferPointer(rebasing: entry[..<next(0x2F, in: entry, from: 0, to: lineEnd)]))
        var start = lineEnd + 1
        while start < entry.count {
            lineEnd = next(0x0A, in: entry, from: start, to: entry.count)
            var piece = start
            while piece < lineEnd {
                let comma = next(0x2C, in: entry, from: piece, to: lineEnd)
                let keys = Self.keys(utf8: UnsafeBufferPointer(rebasing: entry[piece..<comma]))
                if dutchFirst { insert(nl: headKeys, fr: keys) } else { insert(nl: keys, fr: headKeys) }
                piece = comma + 1
            }
            start = lineEnd + 1
        }
    }

    /// dictd's base 64 numbers: `A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`, most significant first.
    /// More than ten digits (2⁶⁰) is no offset into a file: nil, not an overflow.
    private static func base64(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard digits.count <= 10 else { return nil }
        var value = 0
        for k in 0..<digits.count {
            let byte = digits[k]
            let digit: Int
            switch byte {
            case 0x41...0x5A: digit = Int(byte) - 0x41
            case 0x61...0x7A: digit = Int(byte) - 0x61 + 26
            case 0x30...0x39: digit = Int(byte) - 0x30 + 52
            case 0x2B: digit = 62
            case 0x2F: digit = 63
            default: return nil
            }
            value = value * 64 + digit
        }
        return value
    }

    /// The whole of a gzip file (a dictzip file is one), through zlib.
    static func gunzip(_ compressed: Data) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CocoaError(.fileReadCorruptFile)
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](compressed)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output += target[0..<(target.count - Int(stream.avail_out))]
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { throw CocoaError(.fileReadCorruptFile) }
        return output
    }
}

/// A set of 64-bit hashes with open addressing (Fibonacci hashing, linear probing): the
/// aligner asks the dictionary about every pair of words of every pair of sentences it
/// weighs, and `Set`'s SipHash of each key was most of the align stage's time.
struct HashSet64: Sendable {
    private var slots: [UInt64] = []
    private var shift = 64
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    /// 0 marks an empty slot: the hash 0 is stored as 1.
    private static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    private func slot(_ value: UInt64) -> Int { Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift)) }

    func contains(_ hash: UInt64) -> Bool {
        guard count > 0 else { return false }
        let value = Self.stored(hash), mask = slots.count - 1
        var i = slot(value)
        while slots[i] != 0 {
            if slots[i] == value { return true }
            i = (i + 1) & mask
        }
        return false
    }

    mutating func insert(_ hash: UInt64) {
        if 2 * (count + 1) > slots.count { reserveCapacity(max(16, 2 * count + 2)) }
        let value = Self.stored(hash), mask = slots.count - 1
        var i = slot(value)
        while slots[i] != 0 {
            if slots[i] == value { return }
            i = (i + 1) & mask
        }
        slots[i] = value
        count += 1
    }

    /// The set as bytes: a magic line, the count, the shift, then the slots, little-endian.
    var serialized: Data {
        var data = Data(Self.magic.utf8)
        for value in [UInt64(count), UInt64(shift)] + slots { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// A set from `serialized`; nil for bytes that are not one (truncated, damaged, another
    /// format).
    init?(serialized data: Data) {
        let header = Self.magic.utf8.count
        // 64 MB: room for 4 million pairs, some 60 times what FreeDict gives.
        guard data.count >= header + 16, data.count <= 1 << 26, (data.count - header) % 8 == 0, data.prefix(header).elementsEqual(Self.magic.utf8) else { return nil }
        var words = [UInt64](repeating: 0, count: (data.count - header) / 8)
        _ = words.withUnsafeMutableBytes { data.suffix(from: data.startIndex + header).copyBytes(to: $0) }
        words = words.map { UInt64(littleEndian: $0) }
        guard let count = Int(exactly: words[0]), let shift = Int(exactly: words[1]) else { return nil }
        let slots = Array(words[2...])
        // A power of two of slots, as many as the shift says, at most half full.
        guard slots.count >= 16, slots.count & (slots.count - 1) == 0, shift < 64, 1 << (64 - shift) == slots.count,
              count <= slots.count / 2, slots.count(where: { $0 != 0 }) == count else { return nil }
        self.slots = slots
        self.shift = shift
        self.count = count
    }

    private static let magic = "chamberdoc pairs 1\n"

    /// Room for `capacity` hashes at a load of one half at most.
    mutating func reserveCapacity(_ capacity: Int) {
        var size = 16, bits = 4
        while size < 2 * capacity { size *= 2; bits += 1 }
        guard size > slots.count else { return }
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        shift = 64 - bits
        count = 0
        for value in old where value != 0 { insert(value) }
    }
}

/// Tests and logs print the size, not tens of thousands of hashes.
extension BilingualDictionary: CustomStringConvertible {
    public var description: String { "BilingualDictionary(\(count) pairs)" }
}
