/* utf8.h: UTF-8 decoding, encoding and validation. */
#ifndef CWIHP_UTF8_H
#define CWIHP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decode one code point at s (n bytes available).  Returns its length
 * (1..4) and stores the code point, or returns 0 for an invalid or
 * truncated sequence (overlong forms, surrogates and values above
 * U+10FFFF are invalid). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);

/* Offset of the first invalid byte in s, or n when all of it is valid. */
size_t utf8_check(const char *s, size_t n);

/* Length of the maximal invalid subpart at s (at least 1), as the
 * Unicode standard recommends for U+FFFD substitution. */
size_t utf8_invalid_len(const char *s, size_t n);

/* Append s to out with each maximal invalid subpart replaced by U+FFFD. */
struct buf;
void utf8_lossy(struct buf *out, const char *s, size_t n);

/* Number of code points in valid UTF-8. */
size_t utf8_count(const char *s, size_t n);

/* Superscript digits ⁰¹²³⁴⁵⁶⁷⁸⁹: the digit value, or -1. */
int utf8_superscript_digit(uint32_t cp);

#endif
