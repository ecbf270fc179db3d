/* input.c: chunked reading, iconv decoding and line splitting. */
#include <sys/types.h>
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "input.h"
#include "utf8.h"
#include "util.h"

#define CHUNK 65536

struct input {
	char       *name;
	int         fd;
	int         eof;	/* no more raw bytes */
	int         failed;
	int         started;	/* BOM and UTF-16 sniffing done */
	iconv_t     cd;
	const char *from_code;
	int         lossy;
	long long   conv_error;	/* file offset of bytes iconv refused, or -1 */
	struct buf  raw;	/* undecoded bytes (iconv only) */
	long long   raw_off;	/* file offset of raw.s[0] */
	struct buf  dec;	/* decoded UTF-8 not yet split */
	size_t      pos;	/* start of the next line in dec */
	size_t      scanned;	/* dec[pos..scanned) holds no newline */
	size_t      valid;	/* dec[pos..valid) is whole lines of good UTF-8 */
	long long   dec_off;	/* file offset of dec.s[0] without iconv */
	long        lineno;
	struct buf  fixed;	/* a line with bad bytes replaced */
	int         ungot;
	struct line last;
	long long   size_left;	/* of a regular file: bytes not yet read,
				 * so that no read is spent to see its end;
				 * -1 otherwise */
};

/* The decoding buffer of the input closed last, for the next one to
 * open: a series of small files then allocates no buffer a file. */
static struct buf spare_dec;

static int
is_utf8_name(const char *code)
{
	return code == NULL || strcasecmp(code, "UTF-8") == 0 ||
	    strcasecmp(code, "UTF8") == 0;
}

struct input *
input_open(const char *path, const struct input_opts *opts)
{
	struct input *in;
	struct stat st;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
		path = "-";
	} else if ((fd = open(path, O_RDONLY)) == -1) {
		diag(path, 0, "%s", strerror(errno));
		exit_trouble = 1;
		return NULL;
	}
	if (fstat(fd, &st) != 0)
		st.st_mode = 0;
	if (S_ISDIR(st.st_mode)) {
		diag(path, 0, "%s", strerror(EISDIR));
		if (fd != STDIN_FILENO)
			close(fd);
		exit_trouble = 1;
		return NULL;
	}
	in = xcalloc(1, sizeof(*in));
	in->dec = spare_dec;
	memset(&spare_dec, 0, sizeof(spare_dec));
	in->name = xstrdup(path);
	in->fd = fd;
	in->cd = (iconv_t)-1;
	in->conv_error = -1;
	/* /proc files say 0 and hold text: only a size is trusted */
	in->size_left = S_ISREG(st.st_mode) && st.st_size > 0 ?
	    (long long)st.st_size : -1;
	in->lossy = opts ? opts->lossy : 0;
	if (opts && !is_utf8_name(opts->from_code)) {
		in->from_code = opts->from_code;
		in->cd = iconv_open("UTF-8", opts->from_code);
		if (in->cd == (iconv_t)-1) {
			diag(NULL, 0, "cannot convert from %s: %s",
			    opts->from_code, strerror(errno));
			input_close(in);
			exit_trouble = 1;
			return NULL;
		}
	}
	return in;
}

const char *
input_name(const struct input *in)
{
	return in->name;
}

void
input_close(struct input *in)
{
	if (in == NULL)
		return;
	if (in->fd != STDIN_FILENO && in->fd != -1)
		close(in->fd);
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	buf_free(&in->raw);
	if (spare_dec.s == NULL) {
		spare_dec = in->dec;
		buf_reset(&spare_dec);
	} else
		buf_free(&in->dec);
	buf_free(&in->fixed);
	free(in->name);
	free(in);
}

/* Read one chunk into b; returns bytes read, 0 at end, -1 on error. */
static ssize_t
read_chunk(struct input *in, struct buf *b)
{
	ssize_t n;

	/* a regular file read to its size is at its end (a file that
	 * grows meanwhile is read to the size it had when opened) */
	if (in->size_left == 0) {
		in->eof = 1;
		return 0;
	}
	buf_grow(b, CHUNK);
	do
		n = read(in->fd, b->s + b->len, b->cap - b->len - 1);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		diag(in->name, 0, "%s", strerror(errno));
		in->failed = 1;
		exit_trouble = 1;
		return -1;
	}
	if (n == 0)
		in->eof = 1;
	if (in->size_left > 0)
		in->size_left = n < in->size_left ? in->size_left - n : 0;
	b->len += (size_t)n;
	b->s[b->len] = '\0';
	return n;
}

/* Lines counted so far plus those waiting in dec: for iconv errors. */
static long
pending_line(const struct input *in)
{
	long line = in->lineno + 1;
	size_t i;

	for (i = in->pos; i < in->dec.len; i++)
		if (in->dec.s[i] == '\n')
			line++;
	return line;
}

static int
convert(struct input *in)
{
	char *ip = in->raw.s, *op;
	size_t il = in->raw.len, ol, done;

	while (il > 0 || in->eof) {
		buf_grow(&in->dec, il * 4 + 16);
		op = in->dec.s + in->dec.len;
		ol = in->dec.cap - in->dec.len - 1;
		if (il == 0) {	/* flush shift state at the end */
			iconv(in->cd, NULL, NULL, &op, &ol);
			in->dec.len = (size_t)(op - in->dec.s);
			break;
		}
		if (iconv(in->cd, &ip, &il, &op, &ol) == (size_t)-1) {
			in->dec.len = (size_t)(op - in->dec.s);
			if (errno == E2BIG)
				continue;
			if (errno == EINVAL && !in->eof)
				break;	/* incomplete sequence: wait for more */
			if (!in->lossy) {
				/* the lines before the bad bytes come first;
				 * fill() reports the error when they are read */
				in->conv_error = in->raw_off +
				    (long long)(ip - in->raw.s);
				break;
			}
			buf_add(&in->dec, "\xEF\xBF\xBD", 3);
			ip++;
			il--;
			continue;
		}
		in->dec.len = (size_t)(op - in->dec.s);
	}
	done = (size_t)(ip - in->raw.s);
	in->raw_off += (long long)done;
	memmove(in->raw.s, ip, il);
	in->raw.len = il;
	in->dec.s[in->dec.len] = '\0';
	return 0;
}

/* Make dec hold more bytes; 0 when nothing more can come. */
static int
fill(struct input *in)
{
	size_t before;

	if (in->pos > 0) {
		memmove(in->dec.s, in->dec.s + in->pos, in->dec.len - in->pos);
		in->dec.len -= in->pos;
		in->scanned = in->scanned > in->pos ? in->scanned - in->pos : 0;
		in->valid = in->valid > in->pos ? in->valid - in->pos : 0;
		in->dec_off += (long long)in->pos;
		in->pos = 0;
		in->dec.s[in->dec.len] = '\0';
	}
	before = in->dec.len;
	while (in->dec.len == before && !in->eof && in->conv_error < 0) {
		if (in->cd == (iconv_t)-1) {
			if (read_chunk(in, &in->dec) < 0)
				return -1;
		} else {
			if (read_chunk(in, &in->raw) < 0 || convert(in) < 0)
				return -1;
		}
	}
	return in->dec.len > before;
}

/* Drop a BOM; refuse UTF-16 that came without -f. */
static int
sniff(struct input *in)
{
	const unsigned char *s;
	size_t n;

	while (in->dec.len < 4 && !in->eof && in->conv_error < 0)
		if (fill(in) < 0)
			return -1;
	in->started = 1;
	s = (const unsigned char *)in->dec.s;
	n = in->dec.len;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		in->pos = 3;
		return 0;
	}
	if (in->cd != (iconv_t)-1)
		return 0;
	if ((n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
	    (s[0] == 0xFE && s[1] == 0xFF))) ||
	    (n >= 4 && ((s[0] && !s[1] && s[2] && !s[3]) ||
	    (!s[0] && s[1] && !s[2] && s[3])))) {
		diag(in->name, 1, "input looks like UTF-16; "
		    "decode it with -f UTF-16");
		in->failed = 1;
		exit_trouble = 1;
		return -1;
	}
	return 0;
}

/* Check the line's UTF-8.  The whole lines already in the buffer are
 * checked with it in one run (one call, long ASCII strides), so that
 * most lines need no check of their own. */
static int
validate(struct input *in, struct line *ln)
{
	size_t from = (size_t)(ln->s - in->dec.s), to = from + ln->len;
	size_t end, bad;

	if (to <= in->valid)
		return 0;
	end = in->dec.len;
	while (end > to && in->dec.s[end - 1] != '\n')
		end--;
	bad = from + utf8_check(ln->s, end - from);
	if (bad >= to) {
		/* the line is good, and so are the lines before the bad byte */
		while (bad > to && in->dec.s[bad - 1] != '\n')
			bad--;
		in->valid = bad;
		return 0;
	}
	bad = utf8_check(ln->s, ln->len);
	if (!in->lossy) {
		if (in->cd == (iconv_t)-1)
			diag(in->name, ln->no, "invalid UTF-8 at byte %zu of "
			    "the line (file offset %lld)", bad + 1,
			    in->dec_off + (long long)(ln->s - in->dec.s) +
			    (long long)bad);
		else
			diag(in->name, ln->no, "invalid UTF-8 at byte %zu of "
			    "the line", bad + 1);
		in->failed = 1;
		exit_trouble = 1;
		return -1;
	}
	buf_reset(&in->fixed);
	utf8_lossy(&in->fixed, ln->s, ln->len);
	ln->s = buf_cstr(&in->fixed);
	ln->len = in->fixed.len;
	return 0;
}

/* The end of the line at in->pos, reading more as needed: NULL at the
 * end of the input (*r = 0) or on an error (*r = -1). */
static char *
line_end(struct input *in, int *r)
{
	char *nl;
	size_t start;

	if (in->failed) {
		*r = -1;
		return NULL;
	}
	if (!in->started && sniff(in) < 0) {
		*r = -1;
		return NULL;
	}
	for (;;) {
		start = in->pos;
		/* a long line arrives in many chunks: scan each byte once */
		if (in->scanned < start)
			in->scanned = start;
		nl = memchr(in->dec.s ? in->dec.s + in->scanned : "", '\n',
		    in->dec.len - in->scanned);
		if (nl != NULL)
			return nl;
		in->scanned = in->dec.len;
		/* bytes iconv refused: reported once the lines before them
		 * have been read */
		if (in->conv_error >= 0) {
			diag(in->name, pending_line(in),
			    "cannot convert from %s at byte offset %lld",
			    in->from_code, in->conv_error);
			in->failed = 1;
			exit_trouble = 1;
			*r = -1;
			return NULL;
		}
		if (in->eof) {
			*r = 0;
			if (start >= in->dec.len)
				return NULL;
			return in->dec.s + in->dec.len;	/* last line, no newline */
		}
		if ((*r = fill(in)) < 0)
			return NULL;
	}
}

int
input_getline(struct input *in, struct line *ln)
{
	char *nl = NULL;
	size_t start = in->pos;
	int r;

	if (in->ungot) {
		in->ungot = 0;
		*ln = in->last;
		return 1;
	}
	/* most lines are whole in the buffer already */
	if (in->started && !in->failed && in->scanned <= start &&
	    start < in->dec.len)
		nl = memchr(in->dec.s + start, '\n', in->dec.len - start);
	if (nl == NULL) {
		if ((nl = line_end(in, &r)) == NULL)
			return r;
		start = in->pos;
	}
	ln->s = in->dec.s + start;
	ln->len = (size_t)(nl - ln->s);
	in->pos = start + ln->len + (nl < in->dec.s + in->dec.len);
	*nl = '\0';	/* the newline, or the buffer's terminator */
	/* CRLF is LF; stray CRs before it go too, so that a line reads
	 * the same from a paper and from the stream split-docs wrote */
	while (ln->len > 0 && ln->s[ln->len - 1] == '\r')
		ln->s[--ln->len] = '\0';
	ln->no = ++in->lineno;
	if (start + ln->len > in->valid && validate(in, ln) < 0)
		return -1;
	in->last = *ln;
	return 1;
}

void
input_unget(struct input *in)
{
	in->ungot = 1;
}

const char *
input_ready(const struct input *in, size_t *len, long *no)
{
	if (in->ungot || in->failed || !in->started || in->pos >= in->valid)
		return NULL;
	*len = in->valid - in->pos;
	*no = in->lineno + 1;
	return in->dec.s + in->pos;
}

void
input_take(struct input *in, size_t n, long nlines)
{
	in->pos += n;
	in->lineno += nlines;
}

int
line_blank(const struct line *ln)
{
	size_t i;

	for (i = 0; i < ln->len; i++)
		if (!isspace((unsigned char)ln->s[i]))
			return 0;
	return 1;
}
