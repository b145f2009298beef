import Foundation

/// Where what chamberdoc derives from installed data (the FreeDict word pairs, the parts of
/// the Hunspell dictionaries it asks) is kept between processes: reading the data again
/// would cost every process, and `make` starts one per document.
public enum CacheFolder {
    /// `CHAMBERDOC_CACHE` (empty: no cache), else `$XDG_CACHE_HOME/chamberdoc`, else
    /// `~/.cache/chamberdoc`.
    public static var path: String? {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["CHAMBERDOC_CACHE"] { return folder.isEmpty ? nil : folder }
        if let base = environment["XDG_CACHE_HOME"], !base.isEmpty { return base + "/chamberdoc" }
        return environment["HOME"].map { $0 + "/.cache/chamberdoc" }
    }

    /// A name for what is derived from `files`: FNV-1a of their paths, sizes and modification
    /// dates, so that an upgrade of the packages derives it again; nil when none is there.
    public static func key(of files: [String]) -> String? {
        var description = ""
        for path in files {
            // `stat` itself (the file a link names): Foundation's attributes look the owner up
            // in /etc/passwd and /etc/group too, each time, and every process asks for three
            // files. The time in whole seconds and nanoseconds, as the file system keeps it.
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            #if canImport(Darwin)
            let modified = status.st_mtimespec
            #else
            let modified = status.st_mtim
            #endif
            let date = "\(modified.tv_sec).\(modified.tv_nsec)"
            description += "\(path)|\(Int64(status.st_size))|\(date)\n"
        }
        guard !description.isEmpty else { return nil }
        let hash = description.utf8.reduce(14_695_981_039_346_656_037 as UInt64) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        return String(hash, radix: 16)
    }
}
