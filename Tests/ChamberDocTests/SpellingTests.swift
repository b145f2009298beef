@testable import ChamberRead
import Foundation
import Testing

/// The spelling rules that decide a hyphen at a line end where the document is silent, on
/// the installed Hunspell dictionaries (`make` and CI install `hunspell-nl`, `hunspell-fr`),
/// and the extraction of the parts they ask.
@Suite struct SpellingTests {
    /// A fresh instance with its own cache, so that each test extracts and opens the parts.
    private static func spelling(cache: String? = nil) -> Spelling {
        Spelling(folders: ["/usr/share/hunspell"], cache: cache)
    }

    /// Dutch writes coordinated adjectives with a hyphen (`extern-operationeel`,
    /// `intern-preventief`, inflected `sociaal-economische`); a noun's compound is written
    /// joined, listed or not (`drone-` / `vloten`, `nultolerantie-` / `beleid`), and so is a
    /// word the typesetter cut (`drugscri-` / `minaliteit`).
    @Test func dutchKeepsTheHyphenOfCoordinatedAdjectivesOnly() {
        let spelling = Self.spelling()
        #expect(spelling.keepsHyphen("extern", "operationeel", in: .nl))
        #expect(spelling.keepsHyphen("intern", "preventief", in: .nl))
        #expect(spelling.keepsHyphen("juridisch", "technische", in: .nl))
        #expect(!spelling.keepsHyphen("drone", "vloten", in: .nl))
        #expect(!spelling.keepsHyphen("nultolerantie", "beleid", in: .nl))
        #expect(!spelling.keepsHyphen("drugscri", "minaliteit", in: .nl))
        #expect(!spelling.keepsHyphen("verantwoorde", "lijkheid", in: .nl))
        // French knows `narco` and `tics`, Dutch neither: a Dutch text joins `Narcotics`.
        #expect(!spelling.keepsHyphen("Narco", "tics", in: .nl))
        // Two adjectives that Dutch lists joined stay joined (`donkerblauw`), and so do two
        // that make another word (`eigen` + `dom`, `ver` + `groot`, `naar` + `mate`).
        #expect(!spelling.keepsHyphen("donker", "blauw", in: .nl))
        // An inflected first adjective coordinates none (`hoge-` / `druk`, `normaler-` / `wijze`).
        for (left, right) in [("eigen", "dom"), ("ver", "groot"), ("naar", "mate"), ("rijk", "dom"), ("kort", "gesloten"),
                              ("hoge", "druk"), ("normaler", "wijze"), ("sociale", "zekerheid")] {
            #expect(!spelling.keepsHyphen(left[...], right[...], in: .nl), "\(left)-\(right)")
        }
    }

    /// French keeps the hyphen of a compound its dictionary lists with one and not joined
    /// (`celles-ci`, `porte-parole`, `ci-après`), and no other (`mer-` / `ci`, `ci-` /
    /// `toyens`, `inadmissible-` / `ment`, `plate-` / `forme`, listed as `plateforme` too).
    @Test func frenchKeepsTheHyphenOfListedCompoundsOnly() {
        let spelling = Self.spelling()
        #expect(spelling.keepsHyphen("Celles", "ci", in: .fr))
        #expect(spelling.keepsHyphen("porte", "parole", in: .fr))
        #expect(spelling.keepsHyphen("ci", "après", in: .fr))
        #expect(spelling.keepsHyphen("vice", "premier", in: .fr))
        #expect(!spelling.keepsHyphen("mer", "ci", in: .fr))
        #expect(!spelling.keepsHyphen("ci", "toyens", in: .fr))
        #expect(!spelling.keepsHyphen("inadmissible", "ment", in: .fr))
        #expect(!spelling.keepsHyphen("plate", "forme", in: .fr) && !spelling.keepsHyphen("co", "auteur", in: .fr))
        // One language's rule does not ask the other's, and a text of unknown language asks none
        // (Dutch writes `vicepremier`, French `vice-premier`).
        #expect(!spelling.keepsHyphen("porte", "parole", in: .nl) && !spelling.keepsHyphen("extern", "operationeel", in: .fr))
        #expect(!spelling.keepsHyphen("vice", "premier", in: .nl))
        #expect(!spelling.keepsHyphen("porte", "parole", in: nil) && !spelling.keepsHyphen("extern", "operationeel", in: nil))
    }

    /// The parts are written to the cache once, named after the installed files, and read
    /// from it afterwards; without the dictionaries no rule holds.
    @Test func thePartsAreCachedAndAMissingDictionaryKeepsNoHyphen() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("chamberdoc-spelling-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        #expect(Self.spelling(cache: cache).keepsHyphen("extern", "operationeel", in: .nl))
        // Two adjectives met: the Dutch words that open with one are asked too.
        let written = try FileManager.default.contentsOfDirectory(atPath: cache).sorted()
        #expect(written.map { $0.components(separatedBy: "-v\(Spelling.extraction)-")[0] + "." + ($0 as NSString).pathExtension }
                    == ["hunspell-nl-adjectives.aff", "hunspell-nl-adjectives.dic", "hunspell-nl-compounds.aff", "hunspell-nl-compounds.dic"])
        // A second process reads the cached part: emptied, it knows no adjective.
        try Data("0\n".utf8).write(to: URL(fileURLWithPath: cache + "/" + written[1]))
        #expect(!Self.spelling(cache: cache).keepsHyphen("extern", "operationeel", in: .nl))
        let nowhere = Spelling(folders: [cache + "/none"], cache: nil)
        #expect(!nowhere.keepsHyphen("extern", "operationeel", in: .nl) && !nowhere.keepsHyphen("porte", "parole", in: .fr))
    }

    /// The extraction reads flags as the affix file declares them (two characters, numbers,
    /// one character), finds the suffix rules by their morphological tag, and keeps entries
    /// as written (an escaped `\/` is part of the word; CR LF line ends are read); the affix
    /// file keeps the rules of the kept entries' flags and of the flags those rules go on to.
    @Test func entriesAreKeptByTheirFlagsAsTheAffixFileWritesThem() {
        func kept(_ affix: String, _ dictionary: String) -> (affix: [String], dictionary: [String]) {
            let files = HunspellFiles(affix: Data(affix.utf8))
            let tagged = files.flags(taggedWith: "ts:AJ")
            let extract = files.extract(Data(dictionary.utf8)) { _, flags in flags.contains(where: tagged.contains) }
            func lines(_ data: Data) -> [String] { String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init) }
            return (lines(extract.affix), lines(extract.dictionary))
        }
        let long = "SET UTF-8\nFLAG long\nSFX Aa Y 1\nSFX Aa 0 e/Ab [^e]\tts:AJe\nSFX Ab Y 1\nSFX Ab 0 r .\nSFX Cc Y 1\nSFX Cc 0 en .\tts:NN2\n"
        let read = kept(long, "4\r\nextern/AaZb\r\nboek/Cc\r\nkm\\/h/Aa\r\nmooi\r\n")
        #expect(read.dictionary == ["2", "extern/AaZb", "km\\/h/Aa"])
        #expect(read.affix == ["SET UTF-8", "FLAG long", "SFX Aa Y 1", "SFX Aa 0 e/Ab [^e]\tts:AJe", "SFX Ab Y 1", "SFX Ab 0 r ."])
        let numbers = "FLAG num\nSFX 12 Y 1\nSFX 12 0 e . ts:AJe\n"
        #expect(kept(numbers, "2\ngroot/7,12\nhuis/7\n").dictionary == ["1", "groot/7,12"])
        let characters = "SFX é Y 1\nSFX é 0 e . ts:AJe\n"
        #expect(kept(characters, "2\nrood/aé\nhuis/ab\n").dictionary == ["1", "rood/aé"])
    }
}
