// What the PDF reader takes from poppler-glib and GLib, declared here rather than included:
// the libraries are opened when a PDF is first read (`SharedLibrary`), not linked, so that
// the forty libraries poppler brings do not load with every process. The declarations
// follow poppler-glib's and GLib's headers (stable ABI: GLib 2, poppler-glib's soname 8);
// the test build checks their layouts against those headers (`Tests/PopplerHeaderCheck`),
// and the PDF tests call each function.
#include <stddef.h>

// GLib
typedef struct CDGBytes CDGBytes;
typedef unsigned int CDGChecksumType;

typedef struct {
    unsigned int domain;
    int code;
    char *message;
} CDGError;

typedef struct CDGList {
    void *data;
    struct CDGList *next;
    struct CDGList *prev;
} CDGList;

enum { CD_G_CHECKSUM_SHA256 = 2 };

// poppler-glib
typedef struct {
    double x1;
    double y1;
    double x2;
    double y2;
} CDPopplerRectangle;

typedef struct {
    unsigned short red;
    unsigned short green;
    unsigned short blue;
} CDPopplerColor;

typedef struct {
    char *font_name;
    double font_size;
    int is_underlined;
    CDPopplerColor color;
    int start_index;
    int end_index;
} CDPopplerTextAttributes;

enum { CD_POPPLER_ERROR_ENCRYPTED = 1 };

typedef struct CDPopplerDocument CDPopplerDocument;
typedef struct CDPopplerPage CDPopplerPage;

#include "functions.h"
