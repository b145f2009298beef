import CHunspell
import ChamberModel
import Foundation

/// What Hunspell's Dutch and French dictionaries (Debian: `hunspell-nl`, `hunspell-fr`) say
/// of a hyphen at a line end that the document's own spelling does not explain: whether it
/// is the word's own (`extern-` / `operationeel`, `porte-` / `parole`) or the typesetter's
/// (`drugscri-` / `minaliteit`).
///
/// Two spelling rules, each asking one part of a dictionary:
/// - French writes a compound with a hyphen where its dictionary lists it so (`celles-ci`,
///   `porte-parole`, `vice-premier`): the entries written with a hyphen.
/// - Dutch writes coordinated adjectives with one (`juridisch-technisch`, `extern-operationeel`)
///   unless it lists them joined (`sociaaleconomisch`): the entries that take an adjective's
///   endings, those that the affix file tags `ts:AJ`.
///
/// Hunspell reads a whole dictionary when it opens it (80 ms for Dutch, 50 ms for French,
/// more than a small document's conversion), so each rule's part is written once as a
/// dictionary of its own (`CacheFolder`), opened in about 7 and 6 ms while the document
/// is read (`prepare`). Where a dictionary is not installed, no rule holds and the hyphen
/// is dropped as before.
final class Spelling: @unchecked Sendable {
    static let shared = Spelling(folders: installedFolders, cache: CacheFolder.path)

    /// Where to look for `nl.aff` / `nl.dic` and the French pair, and where to keep the parts
    /// extracted from them (nil: extracted again by each process).
    private let folders: [String]
    private let cache: String?

    init(folders: [String], cache: String?) {
        self.folders = folders
        self.cache = cache
    }

    deinit {
        for case let handle?? in opened.values { Hunspell_destroy(handle) }
    }

    /// Whether the hyphen that ends a line between `left` and `right` is the word's own by a
    /// rule of the text's language (either, where it is not known).
    func keepsHyphen(_ left: Substring, _ right: Substring, in language: Language?) -> Bool {
        guard left.count >= 2, right.count >= 2 else { return false }
        if language != .nl, knows("\(left)-\(right)", in: .fr) { return true }
        return language != .fr && knows(left, in: .nl) && knows(right, in: .nl) && !knows(left + right, in: .nl)
    }

    /// The language whose rule a text's hyphen is asked of, or nil where the text's evidence
    /// is weak either way (names, numbers, a few words).
    static func language(of text: some StringProtocol) -> Language? {
        let score = LanguageEvidence.score(Substring(text))
        return abs(score) < 4 ? nil : score > 0 ? .nl : .fr
    }

    /// Opens both languages' parts on a thread of their own, once a process, so that its first
    /// question does not wait for them: the read stage calls this as it starts, and reading
    /// a PDF or a dump takes about as long as opening (13 ms), on a second core.
    func prepare() {
        lock.lock()
        defer { lock.unlock() }
        guard !prepared else { return }
        prepared = true
        Thread.detachNewThread { for language in Language.allCases { self.withHandle(language) { _ in } } }
    }

    /// Hunspell handles are not safe to share between threads: one caller at a time.
    private let lock = NSLock()
    private var opened: [Language: OpaquePointer?] = [:]
    private var prepared = false

    /// Whether the language's part of its dictionary knows the word, in its case or in lower case.
    private func knows(_ word: some StringProtocol, in language: Language) -> Bool {
        withHandle(language) { handle in handle.map { Hunspell_spell($0, String(word)) != 0 } ?? false }
    }

    /// `body` with the language's handle, opened on first use (nil where its dictionary is
    /// missing), under the lock.
    private func withHandle<T>(_ language: Language, _ body: (OpaquePointer?) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if opened[language] == nil { opened[language] = open(language) }
        return body(opened[language]!)
    }

    /// `CHAMBERDOC_HUNSPELL`, else where Debian, a local installation and Homebrew put the
    /// dictionaries.
    private static var installedFolders: [String] {
        if let chosen = ProcessInfo.processInfo.environment["CHAMBERDOC_HUNSPELL"] { return [chosen] }
        return ["/usr/share/hunspell", "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell"]
    }

    /// The languages whose dictionary is not where chamberdoc looks, for a note.
    static var missing: (languages: [Language], folders: [String]) {
        (Language.allCases.filter { installed($0, in: installedFolders) == nil }, installedFolders)
    }

    /// The path of a language's dictionary without its `.aff` / `.dic`, the first found.
    private static func installed(_ language: Language, in folders: [String]) -> String? {
        let names = language == .nl ? ["nl", "nl_BE", "nl_NL"] : ["fr", "fr_BE", "fr_FR"]
        return folders.lazy.flatMap { folder in names.lazy.map { "\(folder)/\($0)" } }
            .first { FileManager.default.isReadableFile(atPath: $0 + ".aff") && FileManager.default.isReadableFile(atPath: $0 + ".dic") }
    }

    /// The language's rule part as a Hunspell handle, from the cache, else extracted now; nil
    /// where the dictionary is not installed or cannot be read.
    private func open(_ language: Language) -> OpaquePointer? {
        guard let base = Self.installed(language, in: folders) else { return nil }
        let aff = base + ".aff", dic = base + ".dic"
        let part = language == .nl ? "adjectives" : "hyphenated"
        let cached = cache.flatMap { cache in CacheFolder.key(of: [aff, dic]).map { "\(cache)/hunspell-\(language.rawValue)-\(part)-\($0)" } }
        if let cached {
            if !FileManager.default.fileExists(atPath: cached + ".aff") || !FileManager.default.fileExists(atPath: cached + ".dic") {
                guard let extract = Self.extract(language, aff: aff, dic: dic) else { return nil }
                try? FileManager.default.createDirectory(atPath: (cached as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                // The affix file last: a part is there when both are.
                try? extract.dictionary.write(to: URL(fileURLWithPath: cached + ".dic"), options: .atomic)
                try? extract.affix.write(to: URL(fileURLWithPath: cached + ".aff"), options: .atomic)
            }
            if FileManager.default.fileExists(atPath: cached + ".aff") && FileManager.default.fileExists(atPath: cached + ".dic") {
                return Hunspell_create(cached + ".aff", cached + ".dic")
            }
        }
        // No cache: the part is written for this process alone.
        guard let extract = Self.extract(language, aff: aff, dic: dic) else { return nil }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("chamberdoc-\(UUID().uuidString)").path
        defer { for suffix in [".aff", ".dic"] { try? FileManager.default.removeItem(atPath: temporary + suffix) } }
        guard (try? extract.affix.write(to: URL(fileURLWithPath: temporary + ".aff"))) != nil,
              (try? extract.dictionary.write(to: URL(fileURLWithPath: temporary + ".dic"))) != nil else { return nil }
        return Hunspell_create(temporary + ".aff", temporary + ".dic")
    }

    /// The rule's part of a language's dictionary, as a dictionary of its own.
    private static func extract(_ language: Language, aff: String, dic: String) -> HunspellFiles.Extract? {
        guard let affix = FileManager.default.contents(atPath: aff), let entries = FileManager.default.contents(atPath: dic) else { return nil }
        let files = HunspellFiles(affix: affix)
        switch language {
        case .fr: return files.extract(entries) { word, _ in word.dropFirst().dropLast().contains(UInt8(ascii: "-")) }
        case .nl:
            let adjective = files.flags(taggedWith: "ts:AJ")
            return files.extract(entries) { _, flags in flags.contains(where: adjective.contains) }
        }
    }
}

/// What the extraction reads of Hunspell's files, as bytes (both dictionaries are UTF-8):
/// how the affix file writes its flags and which flags its suffix rules tag, and the
/// dictionary's entries with their flags.
struct HunspellFiles {
    typealias Bytes = ArraySlice<UInt8>

    /// How the flags after an entry's `/` are written (`FLAG`): a character each (the
    /// default, or `UTF-8`), two (`long`), or numbers between commas (`num`).
    enum FlagForm { case character, long, numbers }

    private let form: FlagForm
    private let affixLines: [Bytes]

    init(affix: Data) {
        affixLines = Self.lines(affix)
        let declared = affixLines.first { $0.starts(with: Array("FLAG ".utf8)) }.map { Self.fields($0) }
        form = declared?.dropFirst().first.map { Array($0) } == Array("long".utf8) ? .long
            : declared?.dropFirst().first.map { Array($0) } == Array("num".utf8) ? .numbers : .character
    }

    /// The flags of the suffix rules that carry a morphological field starting with `tag`
    /// (`SFX Aa 0 e [^e] ts:AJe`).
    func flags(taggedWith tag: String) -> Set<Bytes> {
        var flags = Set<Bytes>()
        for line in affixLines where line.starts(with: Array("SFX ".utf8)) {
            let fields = Self.fields(line)
            if fields.count > 5, fields[5...].contains(where: { $0.starts(with: tag.utf8) }) { flags.insert(fields[1]) }
        }
        return flags
    }

    /// A dictionary of its own: an affix file and a dictionary (`.aff`, `.dic`).
    struct Extract {
        var affix: Data
        var dictionary: Data
    }

    /// The dictionary's entries that `keeps` accepts, given each entry's word and flags, as
    /// a dictionary of their own: their count, then the entries as written; and the affix
    /// file without the prefix and suffix rules that none of them uses (French: a fifth of
    /// its lines, opened in half the time).
    func extract(_ dictionary: Data, keeps: (_ word: Bytes, _ flags: [Bytes]) -> Bool) -> Extract {
        var kept: [Bytes] = []
        var used = Set<Bytes>()
        for line in Self.lines(dictionary).dropFirst() {
            // The word ends at its flags' `/` (not an escaped `\/`: `km\/h`) or at white space.
            var end = line.startIndex, slash: Int?
            while end < line.endIndex, line[end] != 0x20, line[end] != 0x09 {
                if line[end] == UInt8(ascii: "/"), end == line.startIndex || line[end - 1] != UInt8(ascii: "\\") { slash = end; break }
                end += 1
            }
            guard end > line.startIndex else { continue }
            let flags = slash.map { split(line[($0 + 1)...].prefix { $0 != 0x20 && $0 != 0x09 }) } ?? []
            if keeps(line[..<end], flags) {
                kept.append(line)
                used.formUnion(flags)
            }
        }
        var file = Array("\(kept.count)\n".utf8)
        for line in kept { file += line + [0x0A] }
        return Extract(affix: affix(using: used), dictionary: Data(file))
    }

    /// The affix file without the rules of flags outside `used` and the flags their rules
    /// go on to (`SFX Aa 0 e/Ab .`: an ending that takes another).
    private func affix(using flags: Set<Bytes>) -> Data {
        var rules: [Bytes: [Bytes]] = [:]
        for line in affixLines where line.starts(with: Array("PFX ".utf8)) || line.starts(with: Array("SFX ".utf8)) {
            let fields = Self.fields(line)
            guard fields.count > 4 else { continue }
            rules[fields[1], default: []].append(fields[3])
        }
        var used = flags, pending = Array(flags)
        while let flag = pending.popLast() {
            for added in rules[flag] ?? [] {
                guard let slash = added.firstIndex(of: UInt8(ascii: "/")) else { continue }
                for next in split(added[(slash + 1)...]) where used.insert(next).inserted { pending.append(next) }
            }
        }
        var file: [UInt8] = []
        for line in affixLines {
            let isRule = line.starts(with: Array("PFX ".utf8)) || line.starts(with: Array("SFX ".utf8))
            if isRule, let flag = Self.fields(line).dropFirst().first, !used.contains(flag) { continue }
            file += line + [0x0A]
        }
        return Data(file)
    }

    /// An entry's flags, as its affix file writes them.
    private func split(_ written: Bytes) -> [Bytes] {
        switch form {
        case .numbers: return written.split(separator: UInt8(ascii: ","))
        case .long: return stride(from: written.startIndex, to: written.endIndex, by: 2).map { written[$0..<min($0 + 2, written.endIndex)] }
        case .character:
            // A character's first byte and the continuation bytes (10xxxxxx) after it.
            var flags: [Bytes] = [], start = written.startIndex
            for index in written.indices.dropFirst() where written[index] & 0xC0 != 0x80 {
                flags.append(written[start..<index])
                start = index
            }
            if start < written.endIndex { flags.append(written[start...]) }
            return flags
        }
    }

    /// A file's lines, without their line ends (LF or CR LF).
    private static func lines(_ data: Data) -> [Bytes] {
        ArraySlice(data).split(separator: 0x0A).map { $0.last == 0x0D ? $0.dropLast() : $0 }.map { Bytes($0) }
    }

    /// A line's fields between spaces and tabs.
    private static func fields(_ line: Bytes) -> [Bytes] {
        line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
    }
}
