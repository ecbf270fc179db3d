/* rx.c: compile once, JIT, one match context with limits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rx.h"
#include "util.h"

/* Generous for real prose, small enough that a pathological line ends in
 * milliseconds. */
#define RX_MATCH_LIMIT 1000000u
#define RX_DEPTH_LIMIT 10000u
/* JIT compiling costs about 20 us a pattern: worth it only for patterns
 * that run on many lines, not for the dozens a program compiles and a
 * small file barely uses.  Measured (callgrind) on a real paper of
 * 160 KB and a 1 KB one: after 8 uses costs the small file nothing and
 * saves the paper 15-20% against 32; after 4 costs the small file 10-40%. */
#define RX_JIT_AFTER 8u

static _Thread_local pcre2_match_context *mctx;
static _Thread_local pcre2_jit_stack *jit_stack;
static _Thread_local const char *where_file;
static _Thread_local long where_line;

void
rx_where(const char *file, long line)
{
	where_file = file;
	where_line = line;
}

/* a thread's match context, at its end */
static void
rx_thread_free(void)
{
	pcre2_match_context_free(mctx);
	pcre2_jit_stack_free(jit_stack);
	mctx = NULL;
	jit_stack = NULL;
}

static void
context(void)
{
	if (mctx != NULL)
		return;
	if ((mctx = pcre2_match_context_create(NULL)) == NULL)
		fatal(NULL, 0, "out of memory");
	cleanup_at_end(rx_thread_free);
	pcre2_set_match_limit(mctx, RX_MATCH_LIMIT);
	pcre2_set_depth_limit(mctx, RX_DEPTH_LIMIT);
	jit_stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
	if (jit_stack != NULL)
		pcre2_jit_stack_assign(mctx, NULL, jit_stack);
}

static void
build(struct rx *rx)
{
	int errcode;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];

	rx->code = pcre2_compile((PCRE2_SPTR)rx->pattern,
	    PCRE2_ZERO_TERMINATED, rx->options | PCRE2_UTF, &errcode, &erroff,
	    NULL);
	if (rx->code == NULL) {
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		fatal(NULL, 0, "internal error: pattern %s at offset %zu: %s",
		    rx->name, (size_t)erroff, (char *)msg);
	}
	rx->md = pcre2_match_data_create_from_pattern(rx->code, NULL);
	if (rx->md == NULL)
		fatal(NULL, 0, "out of memory");
}

/* A program compiles some fifty patterns and a short paper needs half
 * of them: each is compiled when it first runs. */
struct rx *
rx_compile(const char *name, const char *pattern, uint32_t options)
{
	static _Thread_local int eager = -1;
	struct rx *rx;

	context();
	if (eager < 0)
		eager = getenv("CWIHP_RX_EAGER") != NULL;
	rx = xcalloc(1, sizeof(*rx));
	rx->name = name;
	rx->pattern = pattern;
	rx->options = options;
	rx->jit_after = RX_JIT_AFTER;
	if (eager)
		build(rx);
	return rx;
}

void
rx_jit_first(struct rx *rx)
{
	rx_jit_after(rx, 1);
}

void
rx_jit_after(struct rx *rx, unsigned uses)
{
	rx->jit_after = uses > 0 ? uses : 1;
}

void
rx_free(struct rx *rx)
{
	if (rx == NULL)
		return;
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->code);
	free(rx);
}

int
rx_match(struct rx *rx, const char *s, size_t len, size_t start)
{
	int rc;

	if (start > len)
		return 0;
	if (mctx == NULL)	/* a thread's first match (the context is its own) */
		context();
	if (rx->code == NULL)
		build(rx);
	/* JIT is an optimisation: without it pcre2_match interprets.
	 * CWIHP_NO_JIT turns it off for valgrind, which cannot follow
	 * JIT code and reports false uninitialised reads. */
	if (++rx->uses == rx->jit_after && !rx->jit &&
	    getenv("CWIHP_NO_JIT") == NULL)
		rx->jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0;
	/* Input is validated UTF-8 by lib/input, so skip pcre2's check;
	 * pcre2_jit_match skips the rest of pcre2_match's set-up, a third
	 * of a short match's cost. */
	if (rx->jit)
		rc = pcre2_jit_match(rx->code, (PCRE2_SPTR)s, len, start,
		    PCRE2_NO_UTF_CHECK, rx->md, mctx);
	else
		rc = pcre2_match(rx->code, (PCRE2_SPTR)s, len, start,
		    PCRE2_NO_UTF_CHECK, rx->md, mctx);
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	rx->gave_up++;
	if (!rx->limit_reported) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(rc, msg, sizeof(msg));
		diag(where_file, where_line, "pattern '%s' gave up on this "
		    "line (%s); the line is treated as not matching",
		    rx->name, (char *)msg);
		rx->limit_reported = 1;
	}
	return 0;
}

int
rx_group(const struct rx *rx, int i, size_t *off, size_t *len)
{
	PCRE2_SIZE *ov;

	if (rx->md == NULL)	/* never run */
		return 0;
	ov = pcre2_get_ovector_pointer(rx->md);
	if (i < 0 || (uint32_t)i >= pcre2_get_ovector_count(rx->md) ||
	    ov[2 * i] == PCRE2_UNSET)
		return 0;
	*off = ov[2 * i];
	*len = ov[2 * i + 1] - ov[2 * i];
	return 1;
}

size_t
rx_start(const struct rx *rx)
{
	return rx->md ? pcre2_get_ovector_pointer(rx->md)[0] : 0;
}

size_t
rx_end(const struct rx *rx)
{
	return rx->md ? pcre2_get_ovector_pointer(rx->md)[1] : 0;
}

int
rx_named(const struct rx *rx, const char *group, size_t *off, size_t *len)
{
	int n;

	if (rx->code == NULL)
		return 0;
	n = pcre2_substring_number_from_name(rx->code, (PCRE2_SPTR)group);
	if (n < 0)
		return 0;
	return rx_group(rx, n, off, len);
}
