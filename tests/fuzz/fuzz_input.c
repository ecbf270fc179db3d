/* fuzz_input.c: lib/input (line splitting, BOM, CRLF, UTF-8 validation,
 * --lossy, iconv from CP1251, KOI8-R, UTF-16 ...).
 *
 * Byte 0 picks the encoding (bits 0-2), --lossy (bit 3) and where
 * input_unget is tried (bits 4-5); byte 1 seeds the packet sizes.  The
 * rest is read twice, from a file and from a socket that delivers it in
 * small packets, and both reads must give the same lines.  Without
 * iconv an independent model of the contract predicts every line. */
#include "fuzz.h"

static const char *const codes[8] = { NULL, "UTF-8", "CP1251", "UTF-16",
    "UTF-16LE", "UTF-16BE", "KOI8-R", "CP1252" };

/* Every line as no, len, bytes; then the final status. */
static void
read_all(const char *path, const struct input_opts *opts, int unget_at,
    struct buf *out)
{
	struct input *in;
	struct line ln, again;
	long prev = 0;
	int r;

	exit_trouble = 0;
	if ((in = input_open(path, opts)) == NULL) {
		FUZZ_CHECK(exit_trouble);
		buf_adds(out, "open failed");
		return;
	}
	while ((r = input_getline(in, &ln)) == 1) {
		FUZZ_CHECK(ln.no == prev + 1);
		prev = ln.no;
		FUZZ_CHECK(ln.s[ln.len] == '\0');
		FUZZ_CHECK(memchr(ln.s, '\n', ln.len) == NULL);
		FUZZ_CHECK(utf8_check(ln.s, ln.len) == ln.len);
		if (ln.no % 3 == unget_at) {
			input_unget(in);
			FUZZ_CHECK(input_getline(in, &again) == 1);
			FUZZ_CHECK(again.s == ln.s && again.len == ln.len &&
			    again.no == ln.no);
		}
		buf_add(out, &ln.no, sizeof(ln.no));
		buf_add(out, &ln.len, sizeof(ln.len));
		buf_add(out, ln.s, ln.len);
	}
	FUZZ_CHECK(r == 0 || r == -1);
	FUZZ_CHECK((r == -1) == (exit_trouble != 0));
	/* the end stays the end, an error stays an error */
	FUZZ_CHECK(input_getline(in, &ln) == r);
	buf_adds(out, r == 0 ? "end" : "error");
	input_close(in);
}

/* What the contract says plain UTF-8 input gives, built separately. */
static void
model(const uint8_t *s, size_t n, int lossy, struct buf *out)
{
	long no = 0;
	size_t a, e, len, fixed_len;
	char *fixed;

	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		s += 3;
		n -= 3;
	} else if ((n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
	    (s[0] == 0xFE && s[1] == 0xFF))) ||
	    (n >= 4 && ((s[0] && !s[1] && s[2] && !s[3]) ||
	    (!s[0] && s[1] && !s[2] && s[3])))) {
		buf_adds(out, "error");
		return;
	}
	for (a = 0; a < n; a = e + 1) {
		const uint8_t *nl = memchr(s + a, '\n', n - a);

		e = nl ? (size_t)(nl - s) : n;
		len = e - a;
		while (len > 0 && s[a + len - 1] == '\r')
			len--;
		no++;
		if (utf8_check((const char *)s + a, len) != len && !lossy) {
			buf_adds(out, "error");
			return;
		}
		fixed = fuzz_utf8(s + a, len, &fixed_len);
		buf_add(out, &no, sizeof(no));
		buf_add(out, &fixed_len, sizeof(fixed_len));
		buf_add(out, fixed, fixed_len);
		free(fixed);
	}
	buf_adds(out, "end");
}

/*
 * The same lines and the same end.  After a conversion error (-f) the
 * lines already decoded before it may or may not come out, depending on
 * where the reads were cut (reported to the lead): then one read's lines
 * must be the start of the other's.
 */
static int
same_lines(const struct buf *a, const struct buf *b)
{
	static const char err[] = "error";
	size_t n = sizeof(err) - 1;
	const struct buf *shorter = a->len < b->len ? a : b;
	const struct buf *longer = a->len < b->len ? b : a;

	if (a->len == b->len && memcmp(a->s, b->s, a->len) == 0)
		return 1;
	if (a->len < n || b->len < n || memcmp(a->s + a->len - n, err, n) ||
	    memcmp(b->s + b->len - n, err, n))
		return 0;
	return memcmp(shorter->s, longer->s, shorter->len - n) == 0;
}

/* With FUZZ_VERBOSE set, show both results of a mismatch. */
static void
dump(const char *label, const struct buf *b)
{
	size_t i;

	if (getenv("FUZZ_VERBOSE") == NULL)
		return;
	fprintf(stderr, "%s:", label);
	for (i = 0; i < b->len; i++)
		fprintf(stderr, b->s[i] >= ' ' && b->s[i] < 127 ? "%c" : "\\x%02x",
		    (unsigned char)b->s[i]);
	fputc('\n', stderr);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input_opts opts = { 0 };
	struct buf from_file = { 0 }, from_packets = { 0 }, want = { 0 };
	int unget_at, saved;

	if (size < 2)
		return 0;
	opts.from_code = codes[data[0] & 7];
	opts.lossy = (data[0] >> 3) & 1;
	unget_at = (data[0] >> 4) & 3;
	saved = fuzz_stdin_packets(data + 2, size - 2, data[1]);

	read_all(fuzz_tmpfile(data + 2, size - 2), &opts, unget_at, &from_file);
	if (saved >= 0) {
		read_all("-", &opts, unget_at, &from_packets);
		fuzz_stdin_restore(saved);
		if (from_file.len != from_packets.len ||
		    memcmp(from_file.s, from_packets.s, from_file.len) != 0) {
			dump("file", &from_file);
			dump("packets", &from_packets);
		}
		FUZZ_CHECK(same_lines(&from_file, &from_packets));
	}
	if (opts.from_code == NULL) {
		model(data + 2, size - 2, opts.lossy, &want);
		if (from_file.len != want.len ||
		    memcmp(from_file.s, want.s, want.len) != 0) {
			dump("got", &from_file);
			dump("model", &want);
		}
		FUZZ_CHECK(from_file.len == want.len &&
		    memcmp(from_file.s, want.s, want.len) == 0);
	}
	buf_free(&from_file);
	buf_free(&from_packets);
	buf_free(&want);
	exit_trouble = 0;
	return 0;
}
