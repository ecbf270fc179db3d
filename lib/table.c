/* table.c: TSV and JSON Lines output, checked writes. */
#include <errno.h>
#include <signal.h>
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

static const unsigned char tsv_special[256] = {
	['\\'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
};

void
tsv_escape(FILE *fp, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		const char *esc = NULL;

		if (!tsv_special[(unsigned char)s[i]])
			continue;
		switch (s[i]) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		default: continue;
		}
		fwrite(s + run, 1, i - run, fp);
		fputs(esc, fp);
		run = i + 1;
	}
	fwrite(s + run, 1, n - run, fp);
}

void
json_escape(FILE *fp, const char *s, size_t n)
{
	size_t i, run = 0;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
			continue;
		fwrite(s + run, 1, i - run, fp);
		switch (c) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\r': fputs("\\r", fp); break;
		default: fprintf(fp, "\\u%04x", c); break;
		}
		run = i + 1;
	}
	fwrite(s + run, 1, n - run, fp);
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
			putc('\t', t->fp);
	} else {
		fputs(t->col ? ",\"" : "{\"", t->fp);
		fputs(t->cols[t->col], t->fp);
		fputs("\":", t->fp);
	}
	t->col++;
}

void
table_strn(struct table *t, const char *s, size_t n)
{
	field_start(t);
	if (t->format == FMT_TSV)
		tsv_escape(t->fp, s, n);
	else {
		putc('"', t->fp);
		json_escape(t->fp, s, n);
		putc('"', t->fp);
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
	fwrite(p, 1, (size_t)(digits + sizeof(digits) - p), t->fp);
}

void
table_end_row(struct table *t)
{
	while (t->col < t->ncols)
		table_str(t, "");
	if (t->format == FMT_JSON)
		putc('}', t->fp);
	putc('\n', t->fp);
	t->col = 0;
}

void
out_check(void)
{
	if (ferror(stdout)) {
		if (errno == EPIPE)
			exit(EXIT_OK);
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
