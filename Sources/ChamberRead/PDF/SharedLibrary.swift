import CPoppler
import ChamberModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shared library opened at run time, the first time it is needed. poppler-glib and the
/// forty libraries it brings (cairo, NSS, X11, …) cost every process about 12 ms at start
/// when linked, and most processes read no PDF: text dumps, `validate`, `convert`'s parent.
struct SharedLibrary: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    /// The first of `names` that opens, or nil.
    init?(_ names: [String]) {
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_LAZY | RTLD_LOCAL) }).first else { return nil }
        self.handle = handle
    }

    /// The function `name` as a C function pointer of type `T` (one of the shim's `cd_…`
    /// types, as the library's header declares it). A library that lacks it is not the one
    /// the shim describes: a broken installation, which stops the process.
    func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(handle, name) else { fatalError("\(name) not found in a library that should have it") }
        return unsafeBitCast(symbol, to: type)
    }
}

/// The GLib functions chamberdoc uses: memory, byte buffers, errors, objects, checksums.
struct GLib: Sendable {
    let free: cd_g_free
    let bytesNew: cd_g_bytes_new
    let bytesUnref: cd_g_bytes_unref
    let clearError: cd_g_clear_error
    let objectUnref: cd_g_object_unref
    let computeChecksumForData: cd_g_compute_checksum_for_data

    init(_ library: SharedLibrary) {
        free = library.function("g_free", as: cd_g_free.self)
        bytesNew = library.function("g_bytes_new", as: cd_g_bytes_new.self)
        bytesUnref = library.function("g_bytes_unref", as: cd_g_bytes_unref.self)
        clearError = library.function("g_clear_error", as: cd_g_clear_error.self)
        objectUnref = library.function("g_object_unref", as: cd_g_object_unref.self)
        computeChecksumForData = library.function("g_compute_checksum_for_data", as: cd_g_compute_checksum_for_data.self)
    }

    /// GLib with GObject: poppler-glib's own dependencies, so one copy of each serves both.
    static let shared: GLib? = SharedLibrary(["libgobject-2.0.so.0", "libgobject-2.0.0.dylib", "libgobject-2.0.so"]).map(GLib.init)
}

/// The poppler-glib functions the PDF reader uses.
struct Poppler: Sendable {
    let glib: GLib
    let documentNewFromBytes: cd_poppler_document_new_from_bytes
    let documentGetNPages: cd_poppler_document_get_n_pages
    let documentGetPage: cd_poppler_document_get_page
    let pageGetSize: cd_poppler_page_get_size
    let pageGetText: cd_poppler_page_get_text
    let pageGetTextLayout: cd_poppler_page_get_text_layout
    let pageGetTextAttributes: cd_poppler_page_get_text_attributes
    let pageFreeTextAttributes: cd_poppler_page_free_text_attributes

    private init(_ library: SharedLibrary, glib: GLib) {
        self.glib = glib
        documentNewFromBytes = library.function("poppler_document_new_from_bytes", as: cd_poppler_document_new_from_bytes.self)
        documentGetNPages = library.function("poppler_document_get_n_pages", as: cd_poppler_document_get_n_pages.self)
        documentGetPage = library.function("poppler_document_get_page", as: cd_poppler_document_get_page.self)
        pageGetSize = library.function("poppler_page_get_size", as: cd_poppler_page_get_size.self)
        pageGetText = library.function("poppler_page_get_text", as: cd_poppler_page_get_text.self)
        pageGetTextLayout = library.function("poppler_page_get_text_layout", as: cd_poppler_page_get_text_layout.self)
        pageGetTextAttributes = library.function("poppler_page_get_text_attributes", as: cd_poppler_page_get_text_attributes.self)
        pageFreeTextAttributes = library.function("poppler_page_free_text_attributes", as: cd_poppler_page_free_text_attributes.self)
    }

    /// poppler-glib, opened on first use; nil where it is not installed.
    private static let opened: Poppler? = {
        guard let glib = GLib.shared, let library = SharedLibrary(["libpoppler-glib.so.8", "libpoppler-glib.8.dylib", "libpoppler-glib.so"]) else { return nil }
        return Poppler(library, glib: glib)
    }()

    /// poppler-glib, or why a PDF cannot be read without it.
    static func library() throws(UnusableInput) -> Poppler {
        guard let opened else { throw UnusableInput("poppler-glib is not installed (Debian: apt-get install libpoppler-glib8); chamberdoc needs it to read PDFs") }
        return opened
    }
}
