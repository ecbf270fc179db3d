/* rx.h: every use of pcre2 goes through here.
 *
 * Patterns are compiled once, at their first use (UTF; JIT once a
 * pattern has been used a few times, so that start-up stays cheap:
 * CWIHP_RX_EAGER in the environment compiles every pattern at once, as
 * the test suite does, so that a bad pattern cannot hide) and share one
 * match context whose match and depth limits bound the work any line can
 * cause.  A limit hit is reported once per pattern with the pattern's
 * name and the location given by rx_where(), and counts as no match. */
#ifndef CWIHP_RX_H
#define CWIHP_RX_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

struct rx {
	const char       *name;	/* for diagnostics */
	const char       *pattern;	/* a literal: kept by pointer */
	uint32_t          options;
	pcre2_code       *code;	/* NULL until the first match */
	pcre2_match_data *md;
	unsigned          uses;	/* JIT compiled after a few uses */
	unsigned          jit_after;	/* uses before JIT compiling */
	int               jit;	/* compiled: pcre2_jit_match, no checks */
	int               limit_reported;
	unsigned          gave_up;	/* matches that hit a limit */
};

/* Options are pcre2's (PCRE2_CASELESS, PCRE2_MULTILINE ...); UTF is
 * always on.  A bad pattern is a program bug: fatal.  name and pattern
 * must outlive the rx (string literals). */
struct rx *rx_compile(const char *name, const char *pattern, uint32_t options);
void rx_free(struct rx *rx);

/* Match in s[0..len) from offset start.  1 on a match, 0 otherwise. */
int rx_match(struct rx *rx, const char *s, size_t len, size_t start);
/* JIT compile at the first match, not after a few: pcre2's interpreter
 * and JIT give up on different lines (depth, match limits), so a
 * pattern whose copies on two threads must agree on every line runs
 * one way from the start. */
void rx_jit_first(struct rx *rx);
/* JIT compile at the given use instead of the 8th.  RX_JIT_FIELD is
 * for a pattern dear to compile (a long alternation) that a paper runs
 * on a field or two of each document (a title's kind, a date): a paper
 * of the usual size (100-300 KB) runs it some 20-80 times, which do not
 * repay compiling it (split-docs on a 160 KB paper: a quarter fewer
 * instructions).  A longer input compiles it at the 64th use, about
 * where interpreting has cost what compiling does, so that the most it
 * can lose is one more compile's worth. */
void rx_jit_after(struct rx *rx, unsigned uses);
#define RX_JIT_FIELD 64u
/* Group i of the last match: start offset and length; 0 when unset. */
int rx_group(const struct rx *rx, int i, size_t *off, size_t *len);
/* Start and end of the whole last match. */
size_t rx_start(const struct rx *rx);
size_t rx_end(const struct rx *rx);
/* Named group; 0 when unset or unknown. */
int rx_named(const struct rx *rx, const char *group, size_t *off, size_t *len);

/* Where limit errors are reported (file, line). */
void rx_where(const char *file, long line);

#endif
