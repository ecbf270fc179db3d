/* rx.c: unit tests for lib/rx.c, the one place pcre2 is used. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rx.h"
#include "util.h"
#include "unit.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
test_match(void)
{
	struct rx *rx = rx_compile("heading",
	    "^Document\\s+(?:No\\.\\s*)?(?<num>\\d+)(?::\\s*(.*))?$", 0);
	struct rx *ci = rx_compile("caseless", "document", PCRE2_CASELESS);
	struct rx *u = rx_compile("letter", "(\\p{Lu})(.)", 0);
	const char *s = "Document No. 12: Record of Conversation";
	size_t off = 99, len = 99;

	ok(rx_match(rx, s, strlen(s), 0), "a match");
	ok(rx_group(rx, 1, &off, &len) && off == 13 && len == 2,
	    "group 1: offset and length in bytes");
	ok(rx_named(rx, "num", &off, &len) && off == 13 && len == 2,
	    "named group");
	ok(rx_group(rx, 2, &off, &len) && off == 17 &&
	    len == strlen(s) - 17, "group 2");
	is_long(rx_start(rx), 0, "match start");
	is_long(rx_end(rx), strlen(s), "match end");
	ok(!rx_named(rx, "nosuch", &off, &len), "unknown name: 0");
	ok(!rx_group(rx, 7, &off, &len), "group out of range: 0");
	ok(!rx_group(rx, -1, &off, &len), "negative group: 0");

	s = "Document 6";
	ok(rx_match(rx, s, strlen(s), 0), "a match without the title");
	ok(!rx_group(rx, 2, &off, &len), "unset group: 0");
	ok(!rx_match(rx, "Documents 6", 11, 0), "no match");
	ok(!rx_match(rx, "Document 6", 10, 11), "start beyond len: no match");
	ok(!rx_match(rx, "Document 67", 9, 0) ||
	    (rx_group(rx, 1, &off, &len) && len == 0),
	    "len bounds the subject");
	ok(rx_match(rx, "Document 67", 10, 0) &&
	    rx_group(rx, 1, &off, &len) && len == 1,
	    "len cuts the subject short");

	ok(rx_match(ci, "DOCUMENT", 8, 0), "PCRE2_CASELESS is passed on");
	ok(!rx_match(u, "abc", 3, 0), "\\p{Lu}: no upper-case letter");
	s = "x \xC5\x81\xC3\xB3\x64\xC5\xBA";	/* Łódź */
	ok(rx_match(u, s, strlen(s), 0) && rx_start(u) == 2 &&
	    rx_end(u) == 6, "UTF is on: one character is one code point");
	ok(rx_match(u, s, strlen(s), 3) == 0 || rx_start(u) >= 4,
	    "a start offset is honoured");
	s = "a\0Bc";
	ok(rx_match(u, s, 4, 0) && rx_start(u) == 2,
	    "a NUL inside the subject is no end");
	rx_free(rx);
	rx_free(ci);
	rx_free(u);
	rx_free(NULL);
}

static void
test_limits(void)
{
	struct rx *evil = rx_compile("evil", "^(\\w+\\s?)+$", 0);
	struct rx *good = rx_compile("good", "\\w+", 0);
	struct unit_capture cap;
	char subject[200];
	char *err;
	double t0, t1;
	int r1, r2;

	memset(subject, 'a', sizeof(subject));
	memcpy(subject + sizeof(subject) - 2, "!", 2);
	setprogname("rx-test");
	rx_where("paper.txt", 42);
	unit_capture_begin(&cap, 2);
	t0 = now();
	r1 = rx_match(evil, subject, strlen(subject), 0);
	r2 = rx_match(evil, subject, strlen(subject), 0);
	t1 = now();
	err = unit_capture_end(&cap, NULL);
	ok(r1 == 0 && r2 == 0, "a limit hit counts as no match");
	ok(t1 - t0 < 2.0, "the limit stops it quickly (%.3f s for two)",
	    t1 - t0);
	ok(strncmp(err, "rx-test: paper.txt:42: pattern 'evil' gave up on "
	    "this line (", 48) == 0, "the message names program, place "
	    "and pattern");
	ok(strstr(err, "limit") != NULL, "the message says a limit was hit");
	ok(strstr(err, "treated as not matching") != NULL,
	    "and what became of the line");
	ok(strchr(err, '\n') == err + strlen(err) - 1,
	    "reported once per pattern");
	if (unit_failures)
		unit_show("stderr", err, strlen(err));
	free(err);
	ok(rx_match(evil, "two words", 9, 0), "the pattern still works");
	ok(rx_match(good, subject, strlen(subject), 0) && rx_start(good) == 0,
	    "other patterns are not affected");
	rx_where(NULL, 0);
	rx_free(evil);
	rx_free(good);
}

/* Patterns compile at their first match: before it an rx answers
 * "no group" and no start or end. */
static void
test_lazy(void)
{
	struct rx *rx = rx_compile("lazy", "(a)(b)?", 0);
	size_t off = 99, len = 99;

	ok(rx->code == NULL, "not compiled before its first use");
	ok(!rx_group(rx, 1, &off, &len), "no group before a match");
	ok(!rx_named(rx, "x", &off, &len), "no named group before a match");
	is_long(rx_start(rx), 0, "no start before a match");
	is_long(rx_end(rx), 0, "no end before a match");
	ok(rx_match(rx, "xa", 2, 0) && rx->code != NULL, "compiled on use");
	ok(rx_group(rx, 1, &off, &len) && off == 1 && len == 1, "then groups");
	rx_free(rx);
	rx_free(rx_compile("never used", "(", 0));	/* bad, never built */
}

/* When each pattern compiles to JIT: at the 8th use by default, at the
 * first with rx_jit_first(), at the given one with rx_jit_after().
 * Without JIT (CWIHP_NO_JIT, or a pcre2 built without it) never. */
static void
test_jit_point(void)
{
	struct rx *usual = rx_compile("usual", "b+", 0);
	struct rx *first = rx_compile("first", "b+", 0);
	struct rx *field = rx_compile("field", "b+", 0);
	uint32_t have_jit = 0;
	int can, i, same = 1, usual_at = 0, first_at = 0, field_at = 0;

	pcre2_config(PCRE2_CONFIG_JIT, &have_jit);
	can = have_jit && getenv("CWIHP_NO_JIT") == NULL;
	rx_jit_first(first);
	rx_jit_after(field, RX_JIT_FIELD);
	for (i = 1; i <= 100; i++) {
		same &= rx_match(usual, "abba", 4, 0) && rx_start(usual) == 1 &&
		    rx_match(first, "abba", 4, 0) && rx_end(first) == 3 &&
		    !rx_match(field, "aaaa", 4, 0);
		if (usual->jit && usual_at == 0)
			usual_at = i;
		if (first->jit && first_at == 0)
			first_at = i;
		if (field->jit && field_at == 0)
			field_at = i;
	}
	ok(same, "100 uses: the same answers, compiled or not");
	is_long(usual_at, can ? 8 : 0, "JIT at the 8th use by default");
	is_long(first_at, can ? 1 : 0, "rx_jit_first: at the first");
	is_long(field_at, can ? RX_JIT_FIELD : 0,
	    "rx_jit_after(RX_JIT_FIELD): at that use");
	rx_free(usual);
	rx_free(first);
	rx_free(field);
}

int
main(void)
{
	if (getenv("CWIHP_RX_EAGER") == NULL)
		test_lazy();
	test_match();
	test_limits();
	test_jit_point();
	return unit_done();
}
