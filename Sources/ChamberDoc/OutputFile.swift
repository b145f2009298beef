import Foundation

/// Writes a file so that readers never see it half-written and nobody else can redirect the
/// write: the bytes go to a new temporary file in the target directory, created exclusively
/// (`O_CREAT|O_EXCL|O_NOFOLLOW`, an unpredictable name) so that a planted file or symlink
/// makes the creation fail instead of being written through, then renamed over the target.
/// Both steps are relative to the directory opened once, so a directory swapped in between
/// cannot redirect the rename. On SIGINT, SIGTERM or SIGHUP the temporary files being written
/// are removed (`Interruption`); those of a process killed outright are removed by the next
/// batch into the directory (`removeStaleTemporaryFiles`).
public enum OutputFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directoryPath = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        func failure(_ code: Int32) -> Failure {
            Failure(description: "\(path): \(SystemError.writeReason(code, directory: directoryPath, name: name))")
        }
        let directory = open(directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw failure(errno) }
        defer { close(directory) }
        let nameLimit = fpathconf(directory, Int32(_PC_NAME_MAX))
        if nameLimit > 0, name.utf8.count > nameLimit { throw failure(ENAMETOOLONG) }

        // Tracked before it is created, so that a signal in between cannot leave it behind.
        var temporary = "", descriptor: Int32 = -1, slot: Int?
        for _ in 0..<16 {
            temporary = temporaryName(for: name, limit: nameLimit > 0 ? nameLimit : 255)
            slot = Interruption.track(temporaryFile: directoryPath + "/" + temporary)
            descriptor = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if descriptor >= 0 { break }
            let code = errno
            Interruption.release(temporaryFile: slot)
            slot = nil
            if code != EEXIST { throw failure(code) }
        }
        guard descriptor >= 0 else { throw failure(EEXIST) }
        defer { Interruption.release(temporaryFile: slot) }
        var code = FileDescriptor.writeAll(descriptor, bytes)
        if close(descriptor) != 0, code == 0 { code = errno }
        if code == 0, renameat(directory, temporary, directory, name) != 0 { code = errno }
        if code != 0 {
            unlinkat(directory, temporary, 0)
            throw failure(code)
        }
    }

    /// Whether `path` could be written: its directory exists and is writable. Checked before a
    /// batch so that an output named on the command line does not fail after all the work.
    public static func checkWritable(_ path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if access(directory, W_OK | X_OK) != 0 {
            throw Failure(description: "\(path): \(SystemError.writeReason(errno, directory: directory, name: url.lastPathComponent))")
        }
    }

    /// Removes the temporary files in `directory` left by a process of this user that is gone
    /// (killed with SIGKILL, or a worker stopped for its time limit); with `process`, only
    /// that process's. Returns how many were removed.
    @discardableResult
    public static func removeStaleTemporaryFiles(in directoryPath: String, of process: pid_t? = nil) -> Int {
        guard let stream = opendir(directoryPath) else { return 0 }
        defer { closedir(stream) }
        let directory = dirfd(stream)
        var removed = 0
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let owner = temporaryOwner(name), process.map({ $0 == owner }) ?? !isRunning(owner) else { continue }
            var status = stat()
            guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0,
                  status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else { continue }
            if unlinkat(directory, name, 0) == 0 { removed += 1 }
        }
        return removed
    }

    /// `.NAME.chamberdoc.PID.RANDOM.tmp` (RANDOM: 8 hexadecimal digits), with NAME cut (at a
    /// character boundary) so that the whole stays within the file system's limit on a name.
    static func temporaryName(for name: String, limit: Int) -> String {
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        let suffix = ".\(temporaryMark).\(getpid()).\(String(repeating: "0", count: 8 - random.count) + random).tmp"
        var kept = Substring(name)
        while 1 + kept.utf8.count + suffix.utf8.count > limit, !kept.isEmpty { kept.removeLast() }
        return "." + kept + suffix
    }

    private static let temporaryMark = "chamberdoc"

    /// The process that wrote a temporary file, read from its name; nil for any other name.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[parts.count - 3] == temporaryMark,
              parts.last!.utf8.count == 8, parts.last!.allSatisfy(\.isHexDigit),
              let owner = pid_t(parts[parts.count - 2]), owner > 0 else { return nil }
        return owner
    }

    private static func isRunning(_ process: pid_t) -> Bool { kill(process, 0) == 0 || errno == EPERM }
}

/// Writes to a file descriptor, checking every call.
public enum FileDescriptor {
    /// Writes all of `bytes`, retrying partial writes and interruptions; returns 0 or the
    /// `errno` of the failure. To a `socket`, a closed other end is EPIPE, not SIGPIPE.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], socket: Bool = false) -> Int32 {
        bytes.withUnsafeBytes { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count {
                let start = buffer.baseAddress! + offset, count = buffer.count - offset
                let written = socket ? send(descriptor, start, count, Int32(MSG_NOSIGNAL)) : Foundation.write(descriptor, start, count)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }
}

/// Reasons for failed system calls, worded for the person who has to fix them.
public enum SystemError {
    /// Why a file could not be written in `directory`.
    public static func writeReason(_ code: Int32, directory: String, name: String) -> String {
        switch code {
        case ENOENT:
            return FileManager.default.fileExists(atPath: directory) ? "cannot write (no such file or directory)" : "directory \(directory) does not exist"
        case ENOTDIR: return "\(directory) is not a directory"
        case ENAMETOOLONG: return "cannot write: the name is too long for the file system (\(name.utf8.count) bytes)"
        case EISDIR: return "cannot write: a directory of that name is in the way"
        default: return "cannot write (\(describe(code)))"
        }
    }

    /// A short reason for an `errno`, with the common ones spelled out.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "no space left on the device"
        case EDQUOT: "disk quota exceeded"
        case EROFS: "read-only file system"
        case EACCES, EPERM: "permission denied"
        case EFBIG: "file too large"
        case EIO: "input/output error"
        case EPIPE: "the reading end is closed"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
