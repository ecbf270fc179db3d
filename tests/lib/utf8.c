/* utf8.c: unit tests for lib/utf8.c. */
#include <string.h>

#include "utf8.h"
#include "unit.h"

static void
test_decode(void)
{
	static const struct { const char *s; size_t n, len; uint32_t cp; }
	    good[] = {
		{ "A", 1, 1, 0x41 },
		{ "\0", 1, 1, 0 },
		{ "\x7F", 1, 1, 0x7F },
		{ "\xC2\x80", 2, 2, 0x80 },
		{ "\xC5\x81", 2, 2, 0x141 },		/* Ł */
		{ "\xDF\xBF", 2, 2, 0x7FF },
		{ "\xE0\xA0\x80", 3, 3, 0x800 },
		{ "\xD0\x9F", 2, 2, 0x41F },		/* П */
		{ "\xE2\x80\x9C", 3, 3, 0x201C },	/* “ */
		{ "\xEF\xBF\xBD", 3, 3, 0xFFFD },
		{ "\xED\x9F\xBF", 3, 3, 0xD7FF },
		{ "\xEE\x80\x80", 3, 3, 0xE000 },
		{ "\xF0\x90\x80\x80", 4, 4, 0x10000 },
		{ "\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF },
		{ "Ab", 2, 1, 0x41 },			/* one at a time */
	};
	static const struct { const char *s; size_t n; const char *why; }
	    bad[] = {
		{ "", 0, "nothing to decode" },
		{ "\x80", 1, "a lone continuation byte" },
		{ "\xBF", 1, "a lone continuation byte BF" },
		{ "\xC0\x80", 2, "overlong C0" },
		{ "\xC1\xBF", 2, "overlong C1" },
		{ "\xE0\x80\x80", 3, "overlong 3-byte" },
		{ "\xE0\x9F\xBF", 3, "overlong 3-byte E0 9F" },
		{ "\xF0\x8F\xBF\xBF", 4, "overlong 4-byte" },
		{ "\xED\xA0\x80", 3, "surrogate D800" },
		{ "\xED\xBF\xBF", 3, "surrogate DFFF" },
		{ "\xF4\x90\x80\x80", 4, "above U+10FFFF" },
		{ "\xF5\x80\x80\x80", 4, "F5 lead byte" },
		{ "\xFF", 1, "FF" },
		{ "\xFE", 1, "FE" },
		{ "\xC5", 1, "truncated 2-byte" },
		{ "\xE2\x80", 2, "truncated 3-byte" },
		{ "\xF0\x90\x80", 3, "truncated 4-byte" },
		{ "\xE2\x80\x9C", 2, "n cuts the sequence" },
		{ "\xC5\x41", 2, "lead byte then ASCII" },
		{ "\xE2\x41\x9C", 3, "ASCII inside a sequence" },
	};
	uint32_t cp;
	size_t i, len;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		cp = 0xDEAD;
		len = utf8_decode(good[i].s, good[i].n, &cp);
		ok(len == good[i].len && cp == good[i].cp,
		    "decode U+%04X (%zu bytes)", (unsigned)good[i].cp,
		    good[i].len);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		is_long(utf8_decode(bad[i].s, bad[i].n, &cp), 0,
		    "invalid: %s", bad[i].why);
}

static void
test_encode(void)
{
	static const uint32_t cps[] = { 0, 0x41, 0x7F, 0x80, 0x141, 0x7FF,
	    0x800, 0x41F, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF };
	char out[4];
	uint32_t back;
	size_t i, n, want;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		want = cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 :
		    cps[i] < 0x10000 ? 3 : 4;
		n = utf8_encode(cps[i], out);
		ok(n == want && utf8_decode(out, n, &back) == n &&
		    back == cps[i], "encode U+%04X round trips in %zu bytes",
		    (unsigned)cps[i], want);
	}
	n = utf8_encode(UTF8_REPLACEMENT, out);
	is_mem(out, n, "\xEF\xBF\xBD", 3, "U+FFFD is EF BF BD");
}

static void
test_check(void)
{
	const char *s;

	is_long(utf8_check("", 0), 0, "check: empty is valid");
	s = "plain ASCII";
	is_long(utf8_check(s, strlen(s)), strlen(s), "check: ASCII");
	s = "\xC5\x81\xC3\xB3\x64\xC5\xBA \xD0\x9F\xD1\x80\xD0\xB0\xD0\xB3\xD0"
	    "\xB0 \xE2\x80\x9C\x31\xE2\x80\x9D \xF0\x9F\x98\x80";
	is_long(utf8_check(s, strlen(s)), strlen(s), "check: mixed scripts");
	s = "ab\xFF" "cd";
	is_long(utf8_check(s, 5), 2, "check: offset of FF");
	s = "\xC5\x81\xC5";
	is_long(utf8_check(s, 3), 2, "check: a truncated sequence at the end");
	s = "ok\xED\xA0\x80";
	is_long(utf8_check(s, 5), 2, "check: a surrogate");
	is_long(utf8_check("a\0b", 3), 3, "check: NUL is valid");
	/* the eight-byte ASCII path: a bad byte in, after and before it */
	s = "0123456789abcdef\xFFghi";
	is_long(utf8_check(s, strlen(s)), 16, "check: FF after 16 ASCII bytes");
	s = "0123456789\xFF" "bcdefghij";
	is_long(utf8_check(s, strlen(s)), 10, "check: FF inside a word");
	s = "0123456789abcdef0123456789abcdef0123456789\xFF";
	is_long(utf8_check(s, strlen(s)), 42, "check: FF after 32 + 10 ASCII bytes");
	s = "0123456789abcdef0123456789abcde\xFF" "0123456789";
	is_long(utf8_check(s, strlen(s)), 31, "check: FF ending a 32-byte block");
	s = "01234567\xC3\xA9" "abcdefgh\xC3";
	is_long(utf8_check(s, strlen(s)), 18, "check: truncated after a word");
	s = "\xE2\x80\x9C";
	is_long(utf8_check(s, 2), 0, "check: n is the limit, not the NUL");
}

static void
test_invalid_len(void)
{
	/* The maximal subparts of Unicode 15, section 3.9, table 3-8. */
	static const struct { const char *s; size_t n, len; const char *why; }
	    cases[] = {
		{ "\x80", 1, 1, "a continuation byte" },
		{ "\xC0\x80", 2, 1, "C0 is never valid" },
		{ "\xC1\xBF", 2, 1, "C1 is never valid" },
		{ "\xF5\x80\x80\x80", 4, 1, "F5 is never valid" },
		{ "\xFF" "A", 2, 1, "FF" },
		{ "\xC2" "A", 2, 1, "C2 then ASCII" },
		{ "\xC2", 1, 1, "C2 at the end" },
		{ "\xE1\x80" "A", 3, 2, "E1 80 then ASCII" },
		{ "\xE1\x80", 2, 2, "E1 80 at the end" },
		{ "\xE0\x80\x80", 3, 1, "E0 80: 80 is below A0" },
		{ "\xE0\xA0" "A", 3, 2, "E0 A0 then ASCII" },
		{ "\xED\xA0\x80", 3, 1, "ED A0: a surrogate" },
		{ "\xED\x9F" "A", 3, 2, "ED 9F then ASCII" },
		{ "\xF0\x80\x80\x80", 4, 1, "F0 80: overlong" },
		{ "\xF0\x90\x80" "A", 4, 3, "F0 90 80 then ASCII" },
		{ "\xF1\x80\x80\xE1", 4, 3, "F1 80 80 then a lead byte" },
		{ "\xF4\x90\x80\x80", 4, 1, "F4 90: above U+10FFFF" },
		{ "\xF4\x8F\xBF", 3, 3, "F4 8F BF at the end" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_long(utf8_invalid_len(cases[i].s, cases[i].n), cases[i].len,
		    "maximal subpart: %s", cases[i].why);
}

static void
test_count_superscript(void)
{
	const char *s = "\xC5\x81\xC3\xB3\x64\xC5\xBA";	/* Łódź */
	static const uint32_t sup[10] = { 0x2070, 0xB9, 0xB2, 0xB3, 0x2074,
	    0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };
	int i, good = 1;

	is_long(utf8_count(s, strlen(s)), 4, "count: four letters");
	is_long(utf8_count("", 0), 0, "count: empty");
	is_long(utf8_count("\xF0\x9F\x98\x80x", 5), 2, "count: astral + ASCII");
	for (i = 0; i < 10; i++)
		if (utf8_superscript_digit(sup[i]) != i)
			good = 0;
	ok(good, "superscript digits 0-9");
	is_long(utf8_superscript_digit('1'), -1, "ASCII 1 is no superscript");
	is_long(utf8_superscript_digit(0x2081), -1, "subscript one is not");
	is_long(utf8_superscript_digit(0x2071), -1, "U+2071 is not a digit");
	is_long(utf8_superscript_digit(0x207A), -1, "superscript plus is not");
}

int
main(void)
{
	test_decode();
	test_encode();
	test_check();
	test_invalid_len();
	test_count_superscript();
	return unit_done();
}
