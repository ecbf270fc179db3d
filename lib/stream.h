/* stream.h: the header lines of the document stream (cwihp-stream(5)),
 * for a reader of its own (normalize-translit); paper.h reads whole
 * units of it. */
#ifndef CWIHP_STREAM_H
#define CWIHP_STREAM_H

#include <stddef.h>

/* Where the value of the header line s[0..n) "Field: value" starts
 * when its field is field; 0 when it is another line. */
size_t stream_header_value(const char *s, size_t n, const char *field);

#endif
