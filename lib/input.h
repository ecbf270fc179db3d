/* input.h: read a file or standard input as lines of valid UTF-8.
 *
 * Every program reads through here: -f ENC decodes through iconv, a
 * byte-order mark is dropped, CRLF becomes LF, a last line without a
 * newline is still a line, invalid UTF-8 is an error naming file, line
 * and byte (or is replaced with U+FFFD under --lossy).  NUL bytes
 * survive: a line is a pointer and a length. */
#ifndef CWIHP_INPUT_H
#define CWIHP_INPUT_H

#include <stddef.h>

struct input_opts {
	const char *from_code;	/* NULL or "UTF-8": no conversion */
	int         lossy;	/* replace invalid bytes instead of failing */
};

struct line {
	char   *s;	/* NUL-terminated; may hold NUL bytes before len */
	size_t  len;	/* without the line end */
	long    no;	/* 1-based line number in the input file */
};

struct input;

/* "-" or NULL is standard input.  On failure a diagnostic is printed,
 * exit_trouble is set and NULL returned. */
struct input *input_open(const char *path, const struct input_opts *opts);
/* 1: a line; 0: end of input; -1: error (diagnostic printed, exit_trouble
 * set).  The line stays valid until the next call. */
int  input_getline(struct input *in, struct line *ln);
/* Is the line empty or white space only? */
int  line_blank(const struct line *ln);
/* Push one line back: the next input_getline returns it again. */
void input_unget(struct input *in);
/* For a reader that splits lines itself: the bytes already read and
 * checked that follow, whole lines of good UTF-8 each ending in '\n'
 * (look for it: the last may be cut short), *len of them, the first
 * numbered *no; NULL when none is ready or a line was put back.  Nothing
 * in them is changed: CRs and newlines are still there.  They stay valid
 * until the next call. */
const char *input_ready(const struct input *in, size_t *len, long *no);
/* Count n bytes of input_ready()'s, nlines whole lines, as read.  The
 * line before them can no longer be put back. */
void input_take(struct input *in, size_t n, long nlines);
/* The name diagnostics and the file column use: "-" for standard input. */
const char *input_name(const struct input *in);
void input_close(struct input *in);

#endif
