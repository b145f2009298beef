import CHunspell
import ChamberModel
import Foundation

/// What Hunspell's Dutch and French dictionaries (Debian: `hunspell-nl`, `hunspell-fr`) say
/// of a hyphen at a line end that the document's own spelling does not explain: whether it
/// is the word's own (`extern-` / `operationeel`, `porte-` / `parole`) or the typesetter's
/// (`drugscri-` / `minaliteit`).
///
/// Two spelling rules, one per language, asked only where the text's language is known:
/// - French writes a compound with a hyphen where its dictionary lists it so and not joined
///   (`celles-ci`, `porte-parole`; not `plate-forme`, which it lists as `plateforme` too).
/// - Dutch writes coordinated adjectives with one, the first uninflected (`juridisch-
///   technisch`, `extern-operationeel`), unless it lists them joined (`sociaaleconomisch`)
///   or the two make another word (`eigendom`, `vergroot`, `naarmate`). Adjectives are the
///   entries whose suffix flags the affix file tags `ts:AJ`.
///
/// Hunspell reads a whole dictionary when it opens it (80 ms for Dutch, 50 ms for French,
/// more than a small document's conversion), so each rule asks parts of it (`Part`), each
/// written once as a dictionary of its own (`CacheFolder`): the French compounds and the
/// Dutch adjectives open in about 6 and 7 ms while the command starts (`prepare`), the
/// Dutch words that open with an adjective's stem (11 ms) only where two adjectives meet.
/// A whole dictionary is opened only where a document may have been set without cutting
/// words, to ask whether what follows a hyphen is a word (`isWord`). Where a dictionary is
/// not installed, no rule holds and the hyphen is dropped.
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

    /// The parts of the dictionaries that the rules ask.
    enum Part: String, CaseIterable {
        /// The French entries written with a hyphen, and those written as one of them joined.
        case frenchCompounds = "fr-compounds"
        /// The Dutch entries that take an adjective's endings.
        case dutchAdjectives = "nl-adjectives"
        /// The Dutch entries that open with an adjective's stem (`eigendom`, `vergroten`): every
        /// word that an uninflected adjective and another could make.
        case dutchCompounds = "nl-compounds"
        /// The whole dictionaries, opened as installed: only where a document may have been set
        /// without cutting words (`isWord`).
        case dutchWords = "nl", frenchWords = "fr"

        var language: Language { [.frenchCompounds, .frenchWords].contains(self) ? .fr : .nl }
    }

    /// Bumped when the extraction changes, so that the cache holds no part made otherwise.
    static let extraction = 2

    /// Whether the hyphen that ends a line between `left` and `right` is the word's own by the
    /// rule of the text's language; no rule where that is not known.
    func keepsHyphen(_ left: Substring, _ right: Substring, in language: Language?) -> Bool {
        guard let language, left.count >= 2, right.count >= 2 else { return false }
        switch language {
        case .fr: return knows("\(left)-\(right)", in: .frenchCompounds) && !knows(left + right, in: .frenchCompounds)
        // The first adjective uninflected, as Dutch coordinates them (`sociaal-economische`):
        // the compounds part holds the words that open with such a stem, not `hogedruk`. The
        // second is asked first: a spelling check costs less than an analysis, and a plain
        // dump asks at every place in a word where a line may have ended.
        case .nl: return knows(right, in: .dutchAdjectives) && isStem(left, in: .dutchAdjectives) && !knows(left + right, in: .dutchCompounds)
        }
    }

    /// Whether the language's dictionary knows the word (`routes`; not `tive`, the rest of a
    /// word a typesetter cut); nil where the dictionary is not installed.
    func isWord(_ word: some StringProtocol, in language: Language) -> Bool? {
        withHandle(language == .nl ? .dutchWords : .frenchWords) { handle in handle.map { Hunspell_spell($0, String(word)) != 0 } }
    }

    /// The language of a text whose hyphen is asked, or nil where its evidence is weak either
    /// way (names, numbers, a few words).
    static func language(of text: some StringProtocol) -> Language? {
        let score = LanguageEvidence.score(Substring(text))
        return abs(score) < 4 ? nil : score > 0 ? .nl : .fr
    }

    /// Opens the parts every rule asks on a thread of their own, once a process, so that its
    /// first question does not wait for them (13 ms): a command calls this as it starts
    /// (`Reader.prepare`), the read stage again as it starts. `first` runs on that thread
    /// before them: poppler-glib, for a process that reads PDFs.
    func prepare(first: (@Sendable () -> Void)? = nil) {
        preparing.lock()
        defer { preparing.unlock() }
        guard !prepared else { return }
        prepared = true
        Thread.detachNewThread {
            first?()
            for part in [Part.frenchCompounds, .dutchAdjectives] { self.withHandle(part) { _ in } }
        }
    }

    /// Hunspell handles are not safe to share between threads: one caller at a time.
    private let lock = NSLock()
    private var opened: [Part: OpaquePointer?] = [:]
    /// Not `lock`, which the thread holds while it opens a part.
    private let preparing = NSLock()
    private var prepared = false

    /// Whether a part knows the word, in its case or in lower case.
    private func knows(_ word: some StringProtocol, in part: Part) -> Bool {
        withHandle(part) { handle in handle.map { Hunspell_spell($0, String(word)) != 0 } ?? false }
    }

    /// Whether the word is an entry of the part as it stands, uninflected: Hunspell's
    /// analysis gives it as its own stem (`st:extern`; `externe` gives `st:extern ts:AJe`).
    private func isStem(_ word: some StringProtocol, in part: Part) -> Bool {
        let lower = word.lowercased()
        return withHandle(part) { handle in
            guard let handle else { return false }
            var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
            let count = Hunspell_analyze(handle, &list, String(word))
            defer { Hunspell_free_list(handle, &list, count) }
            return (0..<Int(max(0, count))).contains { index in
                guard let analysis = list?[index].map({ String(cString: $0) }) else { return false }
                return analysis.split(separator: " ").contains { $0.hasPrefix("st:") && $0.dropFirst(3).lowercased() == lower }
            }
        }
    }

    /// `body` with the part's handle, opened on first use (nil where its dictionary is
    /// missing), under the lock.
    private func withHandle<T>(_ part: Part, _ body: (OpaquePointer?) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if opened[part] == nil { opened[part] = open(part) }
        return body(opened[part]!)
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

    /// The part as a Hunspell handle, from the cache, else extracted now (and kept there when
    /// the cache can be written); nil where the dictionary is not installed or cannot be read.
    private func open(_ part: Part) -> OpaquePointer? {
        guard let base = Self.installed(part.language, in: folders) else { return nil }
        let aff = base + ".aff", dic = base + ".dic"
        if [.dutchWords, .frenchWords].contains(part) { return Hunspell_create(aff, dic) }
        let cached = cache.flatMap { cache in
            CacheFolder.key(of: [aff, dic]).map { "\(cache)/hunspell-\(part.rawValue)-v\(Self.extraction)-\($0)" }
        }
        let readable = { (path: String) in ["aff", "dic"].allSatisfy { FileManager.default.isReadableFile(atPath: path + "." + $0) } }
        if let cached, readable(cached) { return Hunspell_create(cached + ".aff", cached + ".dic") }
        guard let extract = Self.extract(part, aff: aff, dic: dic) else { return nil }
        if let cached {
            try? FileManager.default.createDirectory(atPath: (cached as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // The affix file last: a part is there when both are.
            try? extract.dictionary.write(to: URL(fileURLWithPath: cached + ".dic"), options: .atomic)
            try? extract.affix.write(to: URL(fileURLWithPath: cached + ".aff"), options: .atomic)
            if readable(cached) { return Hunspell_create(cached + ".aff", cached + ".dic") }
        }
        // No cache, or one that cannot be written: the part is written for this process alone.
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("chamberdoc-\(UUID().uuidString)").path
        defer { for suffix in [".aff", ".dic"] { try? FileManager.default.removeItem(atPath: temporary + suffix) } }
        guard (try? extract.affix.write(to: URL(fileURLWithPath: temporary + ".aff"))) != nil,
              (try? extract.dictionary.write(to: URL(fileURLWithPath: temporary + ".dic"))) != nil else { return nil }
        return Hunspell_create(temporary + ".aff", temporary + ".dic")
    }

    /// A part of a language's dictionary, as a dictionary of its own.
    private static func extract(_ part: Part, aff: String, dic: String) -> HunspellFiles.Extract? {
        guard let affix = FileManager.default.contents(atPath: aff), let entries = FileManager.default.contents(atPath: dic) else { return nil }
        let files = HunspellFiles(affix: affix)
        let hyphen = UInt8(ascii: "-")
        switch part {
        case .dutchWords, .frenchWords:
            // Opened as installed (`open`), never extracted.
            return nil
        case .frenchCompounds:
            var joined = Set<[UInt8]>()
            files.forEachEntry(entries) { word, _, _ in
                if word.dropFirst().dropLast().contains(hyphen) { joined.insert(lowercased(word.filter { $0 != hyphen })) }
            }
            return files.extract(entries) { word, _ in word.dropFirst().dropLast().contains(hyphen) || joined.contains(lowercased(word)) }
        case .dutchAdjectives:
            let adjective = files.flags(taggedWith: "ts:AJ")
            return files.extract(entries) { _, flags in flags.contains(where: adjective.contains) }
        case .dutchCompounds:
            let adjective = files.flags(taggedWith: "ts:AJ")
            var stems = Set<[UInt8]>()
            files.forEachEntry(entries) { word, flags, _ in
                if flags.contains(where: adjective.contains) { stems.insert(lowercased(word)) }
            }
            // A word that opens with an adjective of two letters or more, two letters or more after it.
            return files.extract(entries) { word, _ in
                let word = lowercased(word)
                return word.count >= 4 && (2...(word.count - 2)).contains { stems.contains(Array(word[..<$0])) }
            }
        }
    }

    /// ASCII capitals lowered (the rest of a word as written).
    private static func lowercased(_ word: some Collection<UInt8>) -> [UInt8] {
        word.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
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
        forEachEntry(dictionary) { word, flags, line in
            guard keeps(word, flags) else { return }
            kept.append(line)
            used.formUnion(flags)
        }
        var file = Array("\(kept.count)\n".utf8)
        for line in kept { file += line + [0x0A] }
        return Extract(affix: affix(using: used), dictionary: Data(file))
    }

    /// Each entry of the dictionary: its word, its flags, and its line as written.
    func forEachEntry(_ dictionary: Data, _ body: (_ word: Bytes, _ flags: [Bytes], _ line: Bytes) -> Void) {
        for line in Self.lines(dictionary).dropFirst() {
            // The word ends at its flags' `/` (not an escaped `\/`: `km\/h`) or at white space.
            var end = line.startIndex, slash: Int?
            while end < line.endIndex, line[end] != 0x20, line[end] != 0x09 {
                if line[end] == UInt8(ascii: "/"), end == line.startIndex || line[end - 1] != UInt8(ascii: "\\") { slash = end; break }
                end += 1
            }
            guard end > line.startIndex else { continue }
            body(line[..<end], slash.map { split(line[($0 + 1)...].prefix { $0 != 0x20 && $0 != 0x09 }) } ?? [], line)
        }
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
