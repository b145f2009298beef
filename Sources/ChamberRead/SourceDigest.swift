import CPoppler

/// The fixity of a source: its SHA-256, computed by GLib's `GChecksum` (GLib comes with
/// poppler-glib, and is opened at run time: `GLib`), so that an archive can check later
/// that a source is still the one converted.
public enum SourceDigest {
    /// Why no SHA-256 can be computed (GLib missing); nil when it can. A command that
    /// records or checks digests asks first, and stops with this as its one line.
    public static var problem: String? {
        if case .failure(let problem) = GLib.shared { return problem.reason }
        return nil
    }

    /// SHA-256 of `bytes`, lower-case hexadecimal; empty only where `problem` says why.
    public static func sha256(_ bytes: [UInt8]) -> String {
        guard let glib = try? GLib.shared.get() else { return "" }
        let digest = bytes.withUnsafeBufferPointer { buffer in
            glib.computeChecksumForData(CDGChecksumType(CD_G_CHECKSUM_SHA256), buffer.baseAddress, buffer.count)
        }
        guard let digest else { return "" }
        defer { glib.free(digest) }
        return String(cString: digest)
    }
}
