import CPoppler
import ChamberModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shared library opened at run time, the first time it is needed. poppler-glib and the
/// forty libraries it brings (cairo, NSS, X11, …) cost every process about 10 ms at start
/// when linked, and most processes read no PDF: text dumps, `validate`, `convert`'s parent.
struct SharedLibrary: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    /// The first of `names` that opens, or nil. All its symbols are bound at once
    /// (`RTLD_NOW`): a broken installation fails here, not halfway through a document.
    init?(_ names: [String]) {
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else { return nil }
        self.handle = handle
    }

    /// The function `name`, in the library or those it loaded, as a C function pointer of
    /// type `T` (one of the shim's `cd_…` types, as the library's header declares it); the
    /// problem `lacking` names where the library is older than the function.
    func function<T>(_ name: String, else lacking: (String) -> LibraryProblem) throws(LibraryProblem) -> T {
        guard let symbol = dlsym(handle, name) else { throw lacking(name) }
        return unsafeBitCast(symbol, to: T.self)
    }
}

/// Why a library cannot serve: it is missing, or lacks a function.
struct LibraryProblem: Error {
    var reason: String
}

/// The GLib functions chamberdoc uses: memory, byte buffers, errors, checksums. GLib
/// alone: a text dump's SHA-256 needs nothing more.
struct GLib: Sendable {
    let free: cd_g_free
    let bytesNew: cd_g_bytes_new
    let bytesUnref: cd_g_bytes_unref
    let clearError: cd_g_clear_error
    let computeChecksumForData: cd_g_compute_checksum_for_data

    private init(_ library: SharedLibrary) throws(LibraryProblem) {
        let lacking = { (name: String) in LibraryProblem(reason: "GLib lacks \(name): it is older than 2.32") }
        free = try library.function("g_free", else: lacking)
        bytesNew = try library.function("g_bytes_new", else: lacking)
        bytesUnref = try library.function("g_bytes_unref", else: lacking)
        clearError = try library.function("g_clear_error", else: lacking)
        computeChecksumForData = try library.function("g_compute_checksum_for_data", else: lacking)
    }

    /// GLib, opened on first use, or why it cannot be.
    static let shared: Result<GLib, LibraryProblem> = {
        guard let library = SharedLibrary(["libglib-2.0.so.0", "/opt/homebrew/lib/libglib-2.0.0.dylib", "/usr/local/lib/libglib-2.0.0.dylib"]) else {
            return .failure(LibraryProblem(reason: "GLib is not installed (Debian: libglib2.0-0); chamberdoc needs it for a source's SHA-256 and to read PDFs"))
        }
        return Result { () throws(LibraryProblem) in try GLib(library) }
    }()
}

/// The poppler-glib functions the PDF reader uses, with GLib's and GObject's.
struct Poppler: Sendable {
    let glib: GLib
    let objectUnref: cd_g_object_unref
    let documentNewFromBytes: cd_poppler_document_new_from_bytes
    let documentGetNPages: cd_poppler_document_get_n_pages
    let documentGetPage: cd_poppler_document_get_page
    let pageGetSize: cd_poppler_page_get_size
    let pageGetText: cd_poppler_page_get_text
    let pageGetTextLayout: cd_poppler_page_get_text_layout
    let pageGetTextAttributes: cd_poppler_page_get_text_attributes
    let pageFreeTextAttributes: cd_poppler_page_free_text_attributes

    private init(_ library: SharedLibrary, glib: GLib) throws(LibraryProblem) {
        let lacking = { (name: String) in LibraryProblem(reason: "poppler-glib lacks \(name): chamberdoc needs poppler 0.82 or later to read PDFs") }
        self.glib = glib
        // GObject's, found among the libraries poppler-glib loaded.
        objectUnref = try library.function("g_object_unref", else: lacking)
        documentNewFromBytes = try library.function("poppler_document_new_from_bytes", else: lacking)
        documentGetNPages = try library.function("poppler_document_get_n_pages", else: lacking)
        documentGetPage = try library.function("poppler_document_get_page", else: lacking)
        pageGetSize = try library.function("poppler_page_get_size", else: lacking)
        pageGetText = try library.function("poppler_page_get_text", else: lacking)
        pageGetTextLayout = try library.function("poppler_page_get_text_layout", else: lacking)
        pageGetTextAttributes = try library.function("poppler_page_get_text_attributes", else: lacking)
        pageFreeTextAttributes = try library.function("poppler_page_free_text_attributes", else: lacking)
    }

    /// poppler-glib, opened on first use, or why it cannot be.
    private static let opened: Result<Poppler, LibraryProblem> = GLib.shared.flatMap { glib in
        guard let library = SharedLibrary(["libpoppler-glib.so.8", "/opt/homebrew/lib/libpoppler-glib.8.dylib", "/usr/local/lib/libpoppler-glib.8.dylib"]) else {
            return .failure(LibraryProblem(reason: "poppler-glib is not installed (Debian: libpoppler-glib8, or libpoppler-glib8t64); chamberdoc needs it to read PDFs"))
        }
        return Result { () throws(LibraryProblem) in try Poppler(library, glib: glib) }
    }

    /// poppler-glib, or why a PDF cannot be read without it.
    static func library() throws(UnusableInput) -> Poppler {
        do { return try opened.get() } catch { throw UnusableInput(error.reason) }
    }
}
