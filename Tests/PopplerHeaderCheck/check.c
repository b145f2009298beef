// Compiles only if CPoppler's declarations (Sources/CPoppler) match GLib's and poppler-glib's
// headers: each structure field at the same offset and size, each constant the same, and
// each function's type the same once the headers' types stand for CPoppler's.
#include <poppler.h>
#include <stddef.h>
#include "../../Sources/CPoppler/shim.h"
#include "PopplerHeaderCheck.h"

#define SAME_FIELD(ours, theirs, field) \
    _Static_assert(offsetof(ours, field) == offsetof(theirs, field) && sizeof(((ours *)0)->field) == sizeof(((theirs *)0)->field), #ours "." #field)
#define SAME_SIZE(ours, theirs) _Static_assert(sizeof(ours) == sizeof(theirs), #ours)
// A number's field: the same type too (its sign, integer or floating point).
#define SAME_NUMBER(ours, theirs, field) SAME_FIELD(ours, theirs, field); \
    _Static_assert(__builtin_types_compatible_p(__typeof__(((ours *)0)->field), __typeof__(((theirs *)0)->field)), #ours "." #field " type")

SAME_SIZE(CDGError, GError);
SAME_NUMBER(CDGError, GError, domain);
SAME_NUMBER(CDGError, GError, code);
SAME_FIELD(CDGError, GError, message);
SAME_SIZE(CDGList, GList);
SAME_FIELD(CDGList, GList, data);
SAME_FIELD(CDGList, GList, next);
SAME_FIELD(CDGList, GList, prev);
SAME_SIZE(CDPopplerRectangle, PopplerRectangle);
SAME_NUMBER(CDPopplerRectangle, PopplerRectangle, x1);
SAME_NUMBER(CDPopplerRectangle, PopplerRectangle, y1);
SAME_NUMBER(CDPopplerRectangle, PopplerRectangle, x2);
SAME_NUMBER(CDPopplerRectangle, PopplerRectangle, y2);
SAME_SIZE(CDPopplerColor, PopplerColor);
SAME_NUMBER(CDPopplerColor, PopplerColor, red);
SAME_NUMBER(CDPopplerColor, PopplerColor, green);
SAME_NUMBER(CDPopplerColor, PopplerColor, blue);
SAME_SIZE(CDPopplerTextAttributes, PopplerTextAttributes);
SAME_FIELD(CDPopplerTextAttributes, PopplerTextAttributes, font_name);
SAME_NUMBER(CDPopplerTextAttributes, PopplerTextAttributes, font_size);
SAME_NUMBER(CDPopplerTextAttributes, PopplerTextAttributes, is_underlined);
SAME_FIELD(CDPopplerTextAttributes, PopplerTextAttributes, color);
SAME_NUMBER(CDPopplerTextAttributes, PopplerTextAttributes, start_index);
SAME_NUMBER(CDPopplerTextAttributes, PopplerTextAttributes, end_index);
_Static_assert(CD_G_CHECKSUM_SHA256 == G_CHECKSUM_SHA256, "G_CHECKSUM_SHA256");
_Static_assert(CD_POPPLER_ERROR_ENCRYPTED == POPPLER_ERROR_ENCRYPTED, "POPPLER_ERROR_ENCRYPTED");
// The function types below are read with GLib's enum for CDGChecksumType: the two must be one type.
_Static_assert(__builtin_types_compatible_p(CDGChecksumType, __typeof__((GChecksumType)0)), "CDGChecksumType");

// The function types again, in the headers' types: a function assigned to a pointer of
// another type is an error here.
#pragma clang diagnostic error "-Wincompatible-function-pointer-types"
#pragma clang diagnostic error "-Wincompatible-pointer-types"
#define CDGBytes GBytes
#define CDGChecksumType GChecksumType
#define CDGError GError
#define CDGList GList
#define CDPopplerRectangle PopplerRectangle
#define CDPopplerDocument PopplerDocument
#define CDPopplerPage PopplerPage
#define cd_g_free their_g_free
#define cd_g_bytes_new their_g_bytes_new
#define cd_g_bytes_unref their_g_bytes_unref
#define cd_g_clear_error their_g_clear_error
#define cd_g_object_unref their_g_object_unref
#define cd_g_compute_checksum_for_data their_g_compute_checksum_for_data
#define cd_poppler_document_new_from_bytes their_poppler_document_new_from_bytes
#define cd_poppler_document_get_n_pages their_poppler_document_get_n_pages
#define cd_poppler_document_get_page their_poppler_document_get_page
#define cd_poppler_page_get_size their_poppler_page_get_size
#define cd_poppler_page_get_text their_poppler_page_get_text
#define cd_poppler_page_get_text_layout their_poppler_page_get_text_layout
#define cd_poppler_page_get_text_attributes their_poppler_page_get_text_attributes
#define cd_poppler_page_free_text_attributes their_poppler_page_free_text_attributes
#include "../../Sources/CPoppler/functions.h"

#define DECLARED_AS(name) (void)(their_##name){&name}

int chamberdoc_poppler_declarations_match(void) {
    DECLARED_AS(g_free);
    DECLARED_AS(g_bytes_new);
    DECLARED_AS(g_bytes_unref);
    DECLARED_AS(g_clear_error);
    DECLARED_AS(g_object_unref);
    DECLARED_AS(g_compute_checksum_for_data);
    DECLARED_AS(poppler_document_new_from_bytes);
    DECLARED_AS(poppler_document_get_n_pages);
    DECLARED_AS(poppler_document_get_page);
    DECLARED_AS(poppler_page_get_size);
    DECLARED_AS(poppler_page_get_text);
    DECLARED_AS(poppler_page_get_text_layout);
    DECLARED_AS(poppler_page_get_text_attributes);
    DECLARED_AS(poppler_page_free_text_attributes);
    return 1;
}
