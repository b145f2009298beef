import CPoppler

/// The fixity of a source: its SHA-256, computed by GLib's `GChecksum` (GLib comes with
/// poppler-glib, and is opened at run time with it: `GLib`), so that an archive can check
/// later that a source is still the one converted.
public enum SourceDigest {
    /// SHA-256 of `bytes`, lower-case hexadecimal; empty where GLib is not installed.
    public static func sha256(_ bytes: [UInt8]) -> String {
        guard let glib = GLib.shared else { return "" }
        let digest = bytes.withUnsafeBufferPointer { buffer in
            glib.computeChecksumForData(CDGChecksumType(CD_G_CHECKSUM_SHA256), buffer.baseAddress, buffer.count)
        }
        guard let digest else { return "" }
        defer { glib.free(digest) }
        return String(cString: digest)
    }
}
