// poppler's GLib interface: the PDF reader's glyph boxes and font attributes.
#include <poppler.h>
