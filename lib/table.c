/* table.c: TSV and JSON Lines output, checked writes. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "util.h"

int
table_parse_format(const char *name)
{
	if (strcmp(name, "tsv") == 0)
		return FMT_TSV;
	if (strcmp(name, "json") == 0 || strcmp(name, "jsonl") == 0)
		return FMT_JSON;
	return -1;
}

void
table_init(struct table *t, FILE *fp, enum table_format format,
    const char * const *cols)
{
	memset(t, 0, sizeof(*t));
	t->fp = fp;
	t->format = format;
	t->cols = cols;
	while (cols[t->ncols] != NULL)
		t->ncols++;
}

/* The row buffer: bytes go to the table's buffer, which is written out
 * when full and at the end of each row. */
static void
put(struct table *t, const char *s, size_t n)
{
	if (n > sizeof(t->row) - t->len) {
		fwrite(t->row, 1, t->len, t->fp);
		t->len = 0;
		if (n > sizeof(t->row)) {
			fwrite(s, 1, n, t->fp);
			return;
		}
	}
	memcpy(t->row + t->len, s, n);
	t->len += n;
}

static void
putch(struct table *t, char c)
{
	if (t->len == sizeof(t->row)) {
		fwrite(t->row, 1, t->len, t->fp);
		t->len = 0;
	}
	t->row[t->len++] = c;
}

/* Escaping writes to a table's row or, for callers outside a table,
 * straight to a stream. */
static void
emit(struct table *t, FILE *fp, const char *s, size_t n)
{
	if (t)
		put(t, s, n);
	else
		fwrite(s, 1, n, fp);
}

static const unsigned char tsv_special[256] = {
	['\\'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
};

/* Might the eight bytes at p hold one of tsv_special?  Exact when 0:
 * no byte below 0x0E (\t \n \r are) and none equal to a backslash. */
static int
tsv_special8(const char *p)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t w, b;

	memcpy(&w, p, 8);
	b = w ^ (ones * '\\');
	return ((((w - ones * 0x0E) & ~w) | ((b - ones) & ~b)) & highs) != 0;
}

/* s[0..n) escaped for TSV into t, or onto fp when t is NULL. */
static void
tsv_put(struct table *t, FILE *fp, const char *s, size_t n)
{
	size_t i = 0, run;
	const char *esc;

	for (;;) {
		/* the run up to the next special byte, eight at a step */
		for (run = i; n - run >= 8 && !tsv_special8(s + run); run += 8)
			;
		while (run < n && !tsv_special[(unsigned char)s[run]])
			run++;
		emit(t, fp, s + i, run - i);
		if (run == n)
			return;
		switch (s[run]) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		default: esc = "\\r"; break;
		}
		emit(t, fp, esc, 2);
		i = run + 1;
	}
}

/* A TSV field that needs no escape and fits in the row: copied as it is
 * scanned, eight bytes at a step, the last eight read again where they
 * overlap (most fields are short, and the call chain of tsv_put() would
 * cost more than they).  0 when it does not, with the row's length as
 * it was. */
static inline int
tsv_plain(struct table *t, const char *s, size_t n)
{
	char *o = t->row + t->len;
	size_t i = 0;

	if (n > sizeof(t->row) - t->len)
		return 0;
	if (n >= 8) {
		for (; n - i > 8 && !tsv_special8(s + i); i += 8)
			memcpy(o + i, s + i, 8);
		if (n - i > 8 || tsv_special8(s + n - 8))
			return 0;
		memcpy(o + n - 8, s + n - 8, 8);
	} else
		for (; i < n; i++) {
			if (tsv_special[(unsigned char)s[i]])
				return 0;
			o[i] = s[i];
		}
	t->len += n;
	return 1;
}

void
tsv_escape(FILE *fp, const char *s, size_t n)
{
	tsv_put(NULL, fp, s, n);
}

/* s[0..n) escaped for a JSON string into t, or onto fp when t is NULL. */
static void
json_put(struct table *t, FILE *fp, const char *s, size_t n)
{
	size_t i, run = 0;
	unsigned char c;
	char esc[8];

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
			continue;
		switch (c) {
		case '"': memcpy(esc, "\\\"", 3); break;
		case '\\': memcpy(esc, "\\\\", 3); break;
		case '\n': memcpy(esc, "\\n", 3); break;
		case '\t': memcpy(esc, "\\t", 3); break;
		case '\r': memcpy(esc, "\\r", 3); break;
		default: snprintf(esc, sizeof(esc), "\\u%04x", c); break;
		}
		emit(t, fp, s + run, i - run);
		emit(t, fp, esc, strlen(esc));
		run = i + 1;
	}
	emit(t, fp, s + run, n - run);
}

void
json_escape(FILE *fp, const char *s, size_t n)
{
	json_put(NULL, fp, s, n);
}

void
table_header(struct table *t)
{
	int i;

	if (t->header_done)
		return;
	t->header_done = 1;
	if (t->format != FMT_TSV)
		return;
	for (i = 0; i < t->ncols; i++) {
		if (i)
			putc('\t', t->fp);
		fputs(t->cols[i], t->fp);
	}
	putc('\n', t->fp);
}

static void
field_start(struct table *t)
{
	if (!t->header_done)
		table_header(t);
	if (t->col >= t->ncols)
		fatal(NULL, 0, "internal error: too many fields for the table");
	if (t->format == FMT_TSV) {
		if (t->col)
			putch(t, '\t');
	} else {
		put(t, t->col ? ",\"" : "{\"", 2);
		put(t, t->cols[t->col], strlen(t->cols[t->col]));
		put(t, "\":", 2);
	}
	t->col++;
}

void
table_strn(struct table *t, const char *s, size_t n)
{
	/* most fields: a TSV field after the first of its row, with room
	 * in the row, needing no escape (tsv_plain() fails otherwise, and
	 * the way below starts over) */
	if (t->format == FMT_TSV && t->col > 0 && t->col < t->ncols &&
	    t->len < sizeof(t->row)) {
		t->row[t->len++] = '\t';
		if (tsv_plain(t, s, n)) {
			t->col++;
			return;
		}
		t->len--;
	}
	field_start(t);
	if (t->format == FMT_TSV) {
		if (!tsv_plain(t, s, n))
			tsv_put(t, NULL, s, n);
	} else {
		putch(t, '"');
		json_put(t, NULL, s, n);
		putch(t, '"');
	}
}

void
table_str(struct table *t, const char *s)
{
	table_strn(t, s ? s : "", s ? strlen(s) : 0);
}

void
table_long(struct table *t, long v)
{
	if (v <= 0) {
		table_str(t, "");
		return;
	}
	table_count(t, v);
}

/* Numbers are most of a table's fields: no printf for them. */
void
table_count(struct table *t, long v)
{
	char digits[24], *p = digits + sizeof(digits);
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	field_start(t);
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	put(t, p, (size_t)(digits + sizeof(digits) - p));
}

void
table_end_row(struct table *t)
{
	while (t->col < t->ncols)
		table_str(t, "");
	if (t->format == FMT_JSON)
		putch(t, '}');
	putch(t, '\n');
	fwrite(t->row, 1, t->len, t->fp);
	t->len = 0;
	t->col = 0;
}

void
out_check(void)
{
	if (ferror(stdout)) {
		if (errno == EPIPE)
			leave(EXIT_OK);
		fatal(NULL, 0, "write error: %s", strerror(errno ? errno : EIO));
	}
}

void
out_close(void)
{
	int err = fflush(stdout) == EOF || ferror(stdout);
	int saved = errno;

	if (fclose(stdout) == EOF && !err) {
		err = 1;
		saved = errno;
	}
	if (err) {
		if (saved == EPIPE)
			exit(EXIT_OK);
		fatal(NULL, 0, "write error: %s", strerror(saved ? saved : EIO));
	}
}

void
prog_init_(char **argv0)
{
	setprogname(*argv0);
	*argv0 = (char *)progname;
	signal(SIGPIPE, SIG_DFL);
}
