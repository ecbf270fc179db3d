/* ascii.h: the C locale's character classes of a byte, without a call
 * to libc for each one (isdigit() and friends go through the locale's
 * tables).  ascii_space() is also pcre2's \s without PCRE2_UCP. */
#ifndef CWIHP_ASCII_H
#define CWIHP_ASCII_H

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

#endif
