// poppler-glib's own headers, which `PopplerHeaderCheck` compares CPoppler's declarations with.
#include <poppler.h>
