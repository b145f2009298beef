import Foundation

/// Writes a file so that readers never see it half-written: the bytes go to a temporary
/// file in the target directory, which is then renamed over the target.
public enum OutputFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The temporary file being written, as a C string the signal handler can use.
    nonisolated(unsafe) private static let pending: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
        buffer[0] = 0
        return buffer
    }()

    /// On SIGINT, SIGTERM or SIGHUP, removes the temporary file being written (if any) and
    /// exits with 128 + the signal number, so an interrupted run leaves no partial file.
    public static func removeTemporaryFileOnSignals() {
        _ = pending
        // A parent may have blocked them (test runners do); the child inherits the mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { code in
                // Only async-signal-safe calls here.
                if OutputFile.pending[0] != 0 { unlink(OutputFile.pending) }
                _exit(128 + code)
            }
        }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        temporary.path.withCString { path in
            if strlen(path) <= Int(PATH_MAX) { strcpy(pending, path) }
        }
        defer { pending[0] = 0 }
        do {
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw Failure(description: "\(path): cannot write (\(reason))")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            let reason = !exists ? "directory \(directory.path) does not exist"
                : !isDirectory.boolValue ? "\(directory.path) is not a directory" : "cannot write there"
            throw Failure(description: "\(path): \(reason)")
        }
    }
}
