// The types of the functions chamberdoc opens in GLib and poppler-glib (`SharedLibrary`),
// in the types of shim.h; `Tests/PopplerHeaderCheck` reads them in the headers' own types.

// GLib
typedef void (*cd_g_free)(void *memory);
typedef CDGBytes *(*cd_g_bytes_new)(const void *data, size_t size);
typedef void (*cd_g_bytes_unref)(CDGBytes *bytes);
typedef void (*cd_g_clear_error)(CDGError **error);
typedef void (*cd_g_object_unref)(void *object);
typedef char *(*cd_g_compute_checksum_for_data)(CDGChecksumType checksum_type, const unsigned char *data, size_t length);

// poppler-glib
typedef CDPopplerDocument *(*cd_poppler_document_new_from_bytes)(CDGBytes *bytes, const char *password, CDGError **error);
typedef int (*cd_poppler_document_get_n_pages)(CDPopplerDocument *document);
typedef CDPopplerPage *(*cd_poppler_document_get_page)(CDPopplerDocument *document, int index);
typedef void (*cd_poppler_page_get_size)(CDPopplerPage *page, double *width, double *height);
typedef char *(*cd_poppler_page_get_text)(CDPopplerPage *page);
typedef int (*cd_poppler_page_get_text_layout)(CDPopplerPage *page, CDPopplerRectangle **rectangles, unsigned int *n_rectangles);
typedef CDGList *(*cd_poppler_page_get_text_attributes)(CDPopplerPage *page);
typedef void (*cd_poppler_page_free_text_attributes)(CDGList *list);
