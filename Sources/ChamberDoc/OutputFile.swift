import Foundation

/// Writes a file so that readers never see it half-written: the bytes go to a temporary
/// file in the target directory, which is then renamed over the target.
public enum OutputFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
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
