// CPoppler declares what chamberdoc takes from poppler-glib and GLib at run time, without
// their headers; this target, built with the tests, compiles only if those declarations
// match the headers. Nothing needs to call the function: compiling it is the check.
int chamberdoc_poppler_declarations_match(void);
