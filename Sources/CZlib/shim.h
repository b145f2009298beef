// zlib for Swift: the dictd dictionaries are gzip-compressed (dictzip).
#include <zlib.h>
