import Foundation

/// Writes a file so that readers never see it half-written: the bytes go to a temporary
/// file in the target directory, which is then renamed over the target. On SIGINT, SIGTERM
/// or SIGHUP the temporary files being written are removed.
public enum OutputFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let slot = TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.release(slot) }
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

    /// Installs the signal handlers that remove the temporary files being written, then exit
    /// with 128 + the signal number, so an interrupted run leaves no partial file.
    public static func removeTemporaryFilesOnSignals() {
        TemporaryFiles.prepare()
        // A parent may have blocked the signals (test runners do); the child inherits the mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { code in
                TemporaryFiles.removeAll()  // async-signal-safe: unlink only
                _exit(128 + code)
            }
        }
    }
}

/// The paths of the temporary files being written, in C buffers a signal handler may read
/// without allocating or locking: one slot per file being written at the same time.
private enum TemporaryFiles {
    static let slotCount = 256
    static let slotSize = Int(PATH_MAX) + 1
    nonisolated(unsafe) static let buffer: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        for slot in 0..<slotCount { buffer[slot * slotSize] = 0 }
        return buffer
    }()
    nonisolated(unsafe) static var free = Array(0..<slotCount)
    static let lock = NSLock()

    static func prepare() { _ = buffer }

    /// Records a path; nil when all slots are taken or the path is too long (the file is
    /// still written, only not cleaned up on a signal).
    static func register(_ path: String) -> Int? {
        lock.lock()
        let slot = free.popLast()
        lock.unlock()
        guard let slot else { return nil }
        let written = path.withCString { cPath -> Bool in
            guard strlen(cPath) < slotSize else { return false }
            strcpy(buffer + slot * slotSize, cPath)
            return true
        }
        if !written { release(slot) }
        return written ? slot : nil
    }

    static func release(_ slot: Int?) {
        guard let slot else { return }
        buffer[slot * slotSize] = 0
        lock.lock()
        free.append(slot)
        lock.unlock()
    }

    static func removeAll() {
        for slot in 0..<slotCount where buffer[slot * slotSize] != 0 {
            unlink(buffer + slot * slotSize)
        }
    }
}
