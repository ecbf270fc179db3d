/* ascii.h: the C locale's character classes of a byte, without a call
 * to libc for each one (isdigit() and friends go through the locale's
 * tables).  ascii_space() is also pcre2's \s without PCRE2_UCP. */
#ifndef CWIHP_ASCII_H
#define CWIHP_ASCII_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline int
ascii_digit(unsigned char c)
{
	return (unsigned char)(c - '0') < 10;
}

static inline int
ascii_upper(unsigned char c)
{
	return (unsigned char)(c - 'A') < 26;
}

static inline int
ascii_alpha(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* space, \t, \n, \v, \f, \r */
static inline int
ascii_space(unsigned char c)
{
	return c == ' ' || (unsigned char)(c - '\t') < 5;
}

/* Does s[0..n) start with w (lower-case ASCII) in any ASCII case? */
static inline int
ascii_starts_ci(const char *s, size_t n, const char *w)
{
	size_t k;

	for (k = 0; w[k] != '\0'; k++)
		if (k >= n || ((unsigned char)s[k] | 0x20) != (unsigned char)w[k])
			return 0;
	return 1;
}

/* Past the white space (ascii_space) of s[i..end). */
static inline size_t
ascii_skip_space(const char *s, size_t i, size_t end)
{
	while (i < end && ascii_space((unsigned char)s[i]))
		i++;
	return i;
}

/* The ASCII letters among the eight bytes v: the 0x80 bit of each.  A
 * byte b < 0x80 is a letter when b | 0x20 is in a..z: it reaches 0x80
 * with 0x1f added and not with 0x05 (no sum carries into the next
 * byte). */
static inline uint64_t
ascii_letters8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t lo = (v | ones * 0x20) & ones * 0x7f;

	return (lo + ones * 0x1f) & ~(lo + ones * 0x05) & ~v & ones * 0x80;
}

/* The first ASCII digit of s[0..len), or NULL. */
static inline const char *
ascii_find_digit(const char *s, size_t len)
{
	const char *e = s + len;
	const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
	uint64_t x, found;

	/* eight bytes a step: b is a digit when b ^ 0x30 is below 10, and
	 * (x - 10) & ~x sets the high bit of the first byte of x below 10
	 * (bytes after it may be set falsely by the borrow) */
	for (; e - s >= 8; s += 8) {
		memcpy(&x, s, 8);
		x ^= ones * 0x30;
		if ((found = (x - ones * 10) & ~x & highs) != 0) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			/* the first byte is the lowest */
			return s + __builtin_ctzll(found) / 8;
#else
			break;
#endif
		}
	}
	for (; s < e; s++)
		if (ascii_digit((unsigned char)*s))
			return s;
	return NULL;
}

#endif
