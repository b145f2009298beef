import CPoppler

/// The fixity of a source: its SHA-256, computed by GLib's `GChecksum` (GLib comes with
/// poppler-glib), so that an archive can check later that a source is still the one converted.
public enum SourceDigest {
    /// SHA-256 of `bytes`, lower-case hexadecimal.
    public static func sha256(_ bytes: [UInt8]) -> String {
        let digest = bytes.withUnsafeBufferPointer { buffer in
            g_compute_checksum_for_data(G_CHECKSUM_SHA256, buffer.baseAddress, gsize(buffer.count))
        }
        guard let digest else { return "" }
        defer { g_free(digest) }
        return String(cString: digest)
    }
}
