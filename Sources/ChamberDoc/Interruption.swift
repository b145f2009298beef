import Foundation

/// What an interrupted run must undo before it exits. On SIGINT, SIGTERM or SIGHUP the
/// signal is passed on to the worker processes, which are waited for while they remove their
/// own temporary files; this process's temporary files are removed, and it exits with
/// 128 + the signal number. The handler reads only C buffers filled beforehand, so it neither
/// allocates nor locks. A signal the caller ignored (`nohup`) stays ignored.
public enum Interruption {
    /// How many worker processes and temporary files can be tracked at once.
    public static let slotCount = 256

    /// Installs the handlers. A parent may have blocked the signals (test runners do), and a
    /// child inherits the mask, so they are unblocked first.
    public static func install() {
        _ = paths; _ = children
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            sigaction(signalNumber, nil, &current)
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1 { continue }  // SIG_IGN
            signal(signalNumber) { code in
                // async-signal-safe: kill, waitpid and unlink only
                for slot in 0..<Interruption.slotCount where Interruption.children[slot] > 0 {
                    kill(Interruption.children[slot], code)
                }
                for slot in 0..<Interruption.slotCount where Interruption.children[slot] > 0 {
                    waitpid(Interruption.children[slot], nil, 0)
                }
                for slot in 0..<Interruption.slotCount where Interruption.paths[slot * Interruption.pathSize] != 0 {
                    unlink(Interruption.paths + slot * Interruption.pathSize)
                }
                _exit(128 + code)
            }
        }
    }

    /// Records a temporary file about to be created; nil when all slots are taken or the
    /// path is too long (the file is still written, only not removed on a signal). The first
    /// byte is written last, so that a signal never sees a path half copied.
    static func track(temporaryFile path: String) -> Int? {
        guard path.utf8.count < pathSize, let slot = take() else { return nil }
        let start = paths + slot * pathSize
        path.withCString { cPath in
            _ = strcpy(start + 1, cPath + 1)
            start.pointee = cPath.pointee
        }
        return slot
    }

    static func release(temporaryFile slot: Int?) {
        guard let slot else { return }
        paths[slot * pathSize] = 0
        give(slot)
    }

    /// Records a worker process, to be signalled with this process.
    public static func track(child: pid_t) -> Int? {
        guard let slot = take() else { return nil }
        children[slot] = child
        return slot
    }

    public static func release(child slot: Int?) {
        guard let slot else { return }
        children[slot] = 0
        give(slot)
    }

    static let pathSize = Int(PATH_MAX) + 1
    nonisolated(unsafe) static let paths: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * pathSize)
        for slot in 0..<slotCount { buffer[slot * pathSize] = 0 }
        return buffer
    }()
    nonisolated(unsafe) static let children: UnsafeMutablePointer<pid_t> = {
        let buffer = UnsafeMutablePointer<pid_t>.allocate(capacity: slotCount)
        buffer.initialize(repeating: 0, count: slotCount)
        return buffer
    }()
    // One pool of slot numbers for both tables: a slot is a path or a child, never both.
    nonisolated(unsafe) private static var free = Array(0..<slotCount)
    private static let lock = NSLock()

    private static func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast()
    }

    private static func give(_ slot: Int) {
        lock.lock()
        free.append(slot)
        lock.unlock()
    }
}
