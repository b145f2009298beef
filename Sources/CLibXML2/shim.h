// libxml2 for Swift. xmlversion.h comes first so that LIBXML_ICU_ENABLED can be undefined
// before any header pulls in Debian's ICU headers, which clash with Foundation's ICU module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
