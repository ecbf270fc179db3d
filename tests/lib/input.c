/* input.c: unit tests for lib/input.c, the line reader every program uses. */
#include <fcntl.h>
#include <string.h>

#include "input.h"
#include "util.h"
#include "unit.h"

#define FFFD "\xEF\xBF\xBD"

/* What reading a file gave: every line followed by "\n", the count, the
 * last return of input_getline (0 or -1), standard error. */
struct result {
	char   *text;
	size_t  len;
	long    nlines;
	long    last_no;	/* line number of the last line read */
	size_t  longest;
	int     rc;
	int     trouble;	/* exit_trouble afterwards */
	int     opened;
	char   *err;
};

static void
result_free(struct result *r)
{
	free(r->text);
	free(r->err);
	memset(r, 0, sizeof(*r));
}

static void
read_all(const char *path, const char *from, int lossy, struct result *r)
{
	struct input_opts opts = { from, lossy };
	struct unit_capture cap;
	struct input *in;
	struct buf b = { 0 };
	struct line ln;

	memset(r, 0, sizeof(*r));
	exit_trouble = 0;
	unit_capture_begin(&cap, 2);
	if ((in = input_open(path, &opts)) != NULL) {
		r->opened = 1;
		while ((r->rc = input_getline(in, &ln)) == 1) {
			buf_add(&b, ln.s, ln.len);
			buf_addc(&b, '\n');
			if (ln.s[ln.len] != '\0')
				buf_adds(&b, "<not NUL-terminated>");
			r->nlines++;
			r->last_no = ln.no;
			if (ln.len > r->longest)
				r->longest = ln.len;
		}
		input_close(in);
	}
	r->err = unit_capture_end(&cap, NULL);
	r->trouble = exit_trouble;
	r->len = b.len;
	r->text = buf_take(&b);
	exit_trouble = 0;
}

/* Read bytes [s, s+n) as a file: text must come out, with rc 0 and no
 * diagnostics. */
static void
check_mem(const char *s, size_t n, const char *from, int lossy,
    const char *want, size_t want_len, long want_lines, const char *name)
{
	const char *path = unit_file(s, n);
	struct result r;

	read_all(path, from, lossy, &r);
	is_mem(r.text, r.len, want, want_len, "%s: text", name);
	ok(r.rc == 0 && r.nlines == want_lines && r.last_no == want_lines &&
	    r.err[0] == '\0' && !r.trouble, "%s: %ld lines, clean end", name,
	    want_lines);
	if (r.err[0])
		unit_show("stderr", r.err, strlen(r.err));
	result_free(&r);
}

#define CHECK(in, from, lossy, want, nlines, name) \
	check_mem(in, sizeof(in) - 1, from, lossy, want, sizeof(want) - 1, \
	    nlines, name)

/* Reading must fail after good_lines lines with this message. */
static void
check_fail(const char *s, size_t n, const char *from, long good_lines,
    const char *msg_fmt, const char *name)
{
	const char *path = unit_file(s, n);
	struct result r;
	char want[512];

	read_all(path, from, 0, &r);
	snprintf(want, sizeof(want), msg_fmt, path);
	if (!ok(r.rc == -1 && r.nlines == good_lines && r.trouble,
	    "%s: an error after %ld good lines", name, good_lines))
		diag_note("rc %d, %ld lines, trouble %d", r.rc, r.nlines,
		    r.trouble);
	is_str(r.err, want, "%s: the message", name);
	result_free(&r);
}

static void
test_lines(void)
{
	CHECK("one\ntwo\nthree\n", NULL, 0, "one\ntwo\nthree\n", 3, "plain");
	CHECK("one\ntwo\nthree", NULL, 0, "one\ntwo\nthree\n", 3,
	    "last line without newline");
	CHECK("", NULL, 0, "", 0, "empty file");
	CHECK("\n", NULL, 0, "\n", 1, "one empty line");
	CHECK("\n\n\n", NULL, 0, "\n\n\n", 3, "three empty lines");
	CHECK("a\r\nb\r\n", NULL, 0, "a\nb\n", 2, "CRLF");
	CHECK("a\r\nb", NULL, 0, "a\nb\n", 2, "CRLF, last line bare");
	CHECK("a\r\n\r\nc\r\n", NULL, 0, "a\n\nc\n", 3, "CRLF blank line");
	CHECK("a\rb\r\n", NULL, 0, "a\rb\n", 1, "a lone CR stays");
	CHECK("a\nb\r", NULL, 0, "a\nb\n", 2, "CR at the very end");
	CHECK("\xEF\xBB\xBFhello\nworld\n", NULL, 0, "hello\nworld\n", 2,
	    "BOM dropped");
	CHECK("\xEF\xBB\xBF", NULL, 0, "", 0, "a BOM alone is an empty file");
	CHECK("\xEF\xBB\xBF\r\n", NULL, 0, "\n", 1, "BOM then CRLF");
	CHECK("a\n\xEF\xBB\xBF" "b\n", NULL, 0, "a\n\xEF\xBB\xBF" "b\n", 2,
	    "a BOM inside the text is text");
	CHECK("a\0b\nc\0\n\0\n", NULL, 0, "a\0b\nc\0\n\0\n", 3,
	    "NUL bytes survive with their length");
	CHECK("\xC5\x81\xC3\xB3\x64\xC5\xBA\n\xE2\x80\x9C" "31"
	    "\xE2\x80\x9D\n", NULL, 0, "\xC5\x81\xC3\xB3\x64\xC5\xBA\n\xE2\x80"
	    "\x9C" "31\xE2\x80\x9D\n", 2, "valid UTF-8 passes");
	CHECK("x\n", "UTF-8", 0, "x\n", 1, "-f UTF-8 is no conversion");
	CHECK("x\n", "utf8", 0, "x\n", 1, "-f utf8 is no conversion");
	CHECK("\f\nx\n", NULL, 0, "\f\nx\n", 2, "a form feed line is a line");
}

static void
test_invalid(void)
{
	static const char at_start[] = "\xEF\xBB\xBF" "ab\xFF\n";
	static const char mid[] = "ok\nab\xFF" "c\nmore\n";
	static const char cut[] = "ok\nabc\xE2\x82";
	static const char surrogate[] = "\xED\xA0\x80\n";
	static const char cut_by_newline[] = "one\ntwo\nx\xE2\x82\n\x82z\n";
	const char *path;
	struct result r;
	struct input *in;
	struct line ln;
	struct input_opts opts = { NULL, 0 };
	char *big, want[200];
	size_t i, n;

	check_fail(mid, sizeof(mid) - 1, NULL, 1, "input-test: %s:2: invalid "
	    "UTF-8 at byte 3 of the line (file offset 5)\n", "invalid UTF-8");
	check_fail(at_start, sizeof(at_start) - 1, NULL, 0, "input-test: "
	    "%s:1: invalid UTF-8 at byte 3 of the line (file offset 5)\n",
	    "invalid UTF-8 after a BOM: the offset counts the BOM");
	check_fail(cut, sizeof(cut) - 1, NULL, 1, "input-test: %s:2: invalid "
	    "UTF-8 at byte 4 of the line (file offset 6)\n",
	    "a sequence cut by the end of file");
	check_fail(surrogate, sizeof(surrogate) - 1, NULL, 0, "input-test: "
	    "%s:1: invalid UTF-8 at byte 1 of the line (file offset 0)\n",
	    "an encoded surrogate");

	/* past the first read: 1000 lines of 70 bytes, then a bad one */
	n = 70000 + 4;
	big = xmalloc(n);
	for (i = 0; i < 70000; i++)
		big[i] = i % 70 == 69 ? '\n' : 'x';
	memcpy(big + 70000, "x\xC3(\n", 4);
	check_fail(big, n, NULL, 1000, "input-test: %s:1001: invalid UTF-8 "
	    "at byte 2 of the line (file offset 70001)\n",
	    "invalid UTF-8 beyond the first chunk");
	free(big);

	/* after an error the input stays failed */
	path = unit_file(mid, sizeof(mid) - 1);
	exit_trouble = 0;
	in = input_open(path, &opts);
	{
		struct unit_capture cap;
		char *err;
		int r1, r2, r3;

		unit_capture_begin(&cap, 2);
		r1 = input_getline(in, &ln);
		r2 = input_getline(in, &ln);
		r3 = input_getline(in, &ln);
		err = unit_capture_end(&cap, NULL);
		ok(r1 == 1 && r2 == -1 && r3 == -1,
		    "after an error every call returns -1");
		snprintf(want, sizeof(want), "input-test: %s:2: invalid UTF-8 "
		    "at byte 3 of the line (file offset 5)\n", path);
		is_str(err, want, "and the error is reported once");
		free(err);
	}
	input_close(in);
	exit_trouble = 0;

	/* --lossy reads on */
	read_all(path, NULL, 1, &r);
	is_mem(r.text, r.len, "ok\nab" FFFD "c\nmore\n", 15,
	    "--lossy: U+FFFD and reading goes on");
	ok(r.rc == 0 && r.err[0] == '\0' && !r.trouble,
	    "--lossy: no diagnostic, no trouble");
	result_free(&r);

	/* Lines are checked many at a time: a bad line among good ones,
	 * and a sequence cut by a newline, are still each line's own. */
	check_fail(cut_by_newline, sizeof(cut_by_newline) - 1, NULL, 2,
	    "input-test: %s:3: invalid UTF-8 at byte 2 of the line "
	    "(file offset 9)\n", "a sequence cut by a newline");
	CHECK("a\xFF\nok\nb\xC3\nok2\n\xE2\x82\nend", NULL, 1,
	    "a" FFFD "\nok\nb" FFFD "\nok2\n" FFFD "\nend\n", 6,
	    "--lossy: bad lines among good ones");
}

static void
test_lossy(void)
{
	/* Unicode 15, section 3.9, table 3-8: one U+FFFD per maximal
	 * subpart. */
	CHECK("a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d\n", NULL, 1,
	    "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d\n", 1,
	    "lossy: the standard's example");
	CHECK("\xE0\x80\xAF\n", NULL, 1, FFFD FFFD FFFD "\n", 1,
	    "lossy: overlong E0 80 AF is three");
	CHECK("\xC0\xAF\n", NULL, 1, FFFD FFFD "\n", 1,
	    "lossy: overlong C0 AF is two");
	CHECK("\xED\xA0\x80x\n", NULL, 1, FFFD FFFD FFFD "x\n", 1,
	    "lossy: a surrogate is three");
	CHECK("\xF4\x90\x80\x80\n", NULL, 1, FFFD FFFD FFFD FFFD "\n", 1,
	    "lossy: above U+10FFFF is four");
	CHECK("\xF0\x9F\x98\n", NULL, 1, FFFD "\n", 1,
	    "lossy: a truncated 4-byte sequence is one");
	CHECK("ab\xE2\x82", NULL, 1, "ab" FFFD "\n", 1,
	    "lossy: a sequence cut by the end of file");
	CHECK("x\xFF\xFE\xF8\n", NULL, 1, "x" FFFD FFFD FFFD "\n", 1,
	    "lossy: bytes that are never valid, one each");
	CHECK("ok\xC5\x81\xFF\xC5\x81\n", NULL, 1,
	    "ok\xC5\x81" FFFD "\xC5\x81\n", 1,
	    "lossy: valid text around a bad byte is kept");
	CHECK("\x80\0\x80\n", NULL, 1, FFFD "\0" FFFD "\n", 1,
	    "lossy: NUL between bad bytes survives");
}

static void
test_iconv(void)
{
	static const char utf16_bom[] = "\xFF\xFE" "A\0\n\0B\0";
	static const char utf16le[] = "A\0\n\0B\0\n\0";
	static const char odd[] = "A\0\n\0B";
	static const char cp1251_bad[] = "ok\na\x98" "b\n";
	struct result r;

	CHECK("\xCF\xF0\xE8\xE2\xE5\xF2\r\n\xEC\xE8\xF0", "CP1251", 0,
	    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\n"
	    "\xD0\xBC\xD0\xB8\xD1\x80\n", 2, "-f CP1251 with CRLF");
	CHECK("\xF0\xD2\xC9\xD7\xC5\xD4\n", "KOI8-R", 0,
	    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\n", 1,
	    "-f KOI8-R");
	CHECK("M\xFCnchen \x96 Gen\xE8ve\n", "CP1252", 0,
	    "M\xC3\xBCnchen \xE2\x80\x93 Gen\xC3\xA8ve\n", 1, "-f CP1252");
	CHECK("\xFF\xFE" "A\0\n\0B\0", "UTF-16", 0, "A\nB\n", 2,
	    "-f UTF-16 with a little-endian BOM");
	CHECK("\xFE\xFF\0A\0\n\0B", "UTF-16", 0, "A\nB\n", 2,
	    "-f UTF-16 with a big-endian BOM");
	CHECK("\xFF\xFE" "A\0\r\0\n\0B\0", "UTF-16LE", 0, "A\nB\n", 2,
	    "-f UTF-16LE: the BOM iconv passes on is dropped, CRLF too");
	CHECK("\0A\0\n\x04\x1F", "UTF-16BE", 0, "A\n\xD0\x9F\n", 2,
	    "-f UTF-16BE without a BOM");
	CHECK("a\0b\nc\n", "CP1251", 0, "a\0b\nc\n", 2,
	    "-f CP1251: NUL bytes survive");
	CHECK("\xEF\xBB\xBFx\n", "UTF-8", 0, "x\n", 1, "-f UTF-8 drops the BOM");

	check_fail(utf16_bom, sizeof(utf16_bom) - 1, NULL, 0, "input-test: "
	    "%s:1: input looks like UTF-16; decode it with -f UTF-16\n",
	    "UTF-16 with a BOM but no -f");
	check_fail(utf16le, sizeof(utf16le) - 1, NULL, 0, "input-test: "
	    "%s:1: input looks like UTF-16; decode it with -f UTF-16\n",
	    "UTF-16LE without a BOM and no -f");
	check_fail(cp1251_bad, sizeof(cp1251_bad) - 1, "CP1251", 1,
	    "input-test: %s:2: cannot convert from CP1251 at byte offset 4\n",
	    "a byte CP1251 does not define");
	CHECK("ok\na\x98" "b\n", "CP1251", 1, "ok\na" FFFD "b\n", 2,
	    "--lossy with -f CP1251: U+FFFD for the undefined byte");
	check_fail(odd, sizeof(odd) - 1, "UTF-16LE", 1, "input-test: %s:2: "
	    "cannot convert from UTF-16LE at byte offset 4\n",
	    "UTF-16 with an odd byte at the end");
	CHECK("A\0\n\0B", "UTF-16LE", 1, "A\n" FFFD "\n", 2,
	    "--lossy: an incomplete UTF-16 unit at the end is U+FFFD");

	read_all(unit_file_str("x\n"), "NO-SUCH-CODE", 0, &r);
	ok(!r.opened && r.trouble, "an unknown encoding: input_open fails");
	is_str(r.err, "input-test: cannot convert from NO-SUCH-CODE: "
	    "Invalid argument\n", "an unknown encoding: the message");
	result_free(&r);
}

static void
test_long_lines(void)
{
	size_t n = 1536 * 1024, i;
	char *big = xmalloc(n + 16), *want;
	const char *path;
	struct result r;

	/* 1.5 MB of ASCII, then a short line */
	memset(big, 'x', n);
	memcpy(big + n, "\nshort\n", 7);
	read_all(unit_file(big, n + 7), NULL, 0, &r);
	ok(r.rc == 0 && r.nlines == 2 && r.longest == n,
	    "a 1.5 MB line is one line");
	ok(r.len == n + 7 && memcmp(r.text + n, "\nshort\n", 7) == 0,
	    "the line after it follows");
	result_free(&r);

	/* 1.2 MB of two-byte letters: sequences straddle every chunk */
	for (i = 0; i + 1 < n; i += 2)
		memcpy(big + i, "\xC3\xA9", 2);
	path = unit_file(big, n);
	read_all(path, NULL, 0, &r);
	ok(r.rc == 0 && r.nlines == 1 && r.longest == n && r.err[0] == '\0',
	    "a long line of multibyte letters across chunks, no newline");
	result_free(&r);

	/* 1.1 MB of CP1251 becomes 2.2 MB of UTF-8 */
	n = 1100 * 1000;
	memset(big, '\xFF', n);	/* я */
	big[n] = '\n';
	want = xmalloc(2 * n + 1);
	for (i = 0; i < n; i++)
		memcpy(want + 2 * i, "\xD1\x8F", 2);
	want[2 * n] = '\n';
	read_all(unit_file(big, n + 1), "CP1251", 0, &r);
	ok(r.rc == 0 && r.nlines == 1 && r.longest == 2 * n,
	    "-f CP1251: a 1.1 MB line");
	ok(r.len == 2 * n + 1 && memcmp(r.text, want, 2 * n + 1) == 0,
	    "-f CP1251: every letter converted");
	result_free(&r);
	free(want);
	free(big);
}

static void
test_open_unget(void)
{
	const char *path = unit_file_str("first\nsecond\n");
	struct input_opts opts = { NULL, 0 };
	struct unit_capture cap;
	struct input *in;
	struct line ln;
	char *err, want[300];
	int fd, saved;

	in = input_open(path, &opts);
	ok(in != NULL && strcmp(input_name(in), path) == 0,
	    "input_name is the path");
	ok(input_getline(in, &ln) == 1 && ln.no == 1, "line 1");
	input_unget(in);
	ok(input_getline(in, &ln) == 1 && ln.no == 1 && ln.len == 5 &&
	    memcmp(ln.s, "first", 5) == 0, "unget: line 1 again");
	ok(input_getline(in, &ln) == 1 && ln.no == 2 &&
	    strcmp(ln.s, "second") == 0, "then line 2");
	ok(input_getline(in, &ln) == 0, "then the end");
	ok(input_getline(in, &ln) == 0, "and the end again");
	input_close(in);
	input_close(NULL);

	/* standard input is "-" */
	saved = dup(0);
	fd = open(path, O_RDONLY);
	dup2(fd, 0);
	close(fd);
	in = input_open(NULL, NULL);
	ok(in != NULL && strcmp(input_name(in), "-") == 0,
	    "NULL is standard input, named -");
	ok(input_getline(in, &ln) == 1 && strcmp(ln.s, "first") == 0,
	    "standard input is read");
	input_close(in);
	in = input_open("-", &opts);
	ok(in != NULL && strcmp(input_name(in), "-") == 0, "- too");
	input_close(in);
	dup2(saved, 0);
	close(saved);

	exit_trouble = 0;
	unit_capture_begin(&cap, 2);
	in = input_open("/nonexistent/paper.txt", &opts);
	err = unit_capture_end(&cap, NULL);
	ok(in == NULL && exit_trouble, "a missing file: NULL, trouble");
	is_str(err, "input-test: /nonexistent/paper.txt: No such file or "
	    "directory\n", "a missing file: the message");
	free(err);

	exit_trouble = 0;
	unit_capture_begin(&cap, 2);
	in = input_open("/", &opts);
	err = unit_capture_end(&cap, NULL);
	ok(in == NULL && exit_trouble, "a directory: NULL, trouble");
	snprintf(want, sizeof(want), "input-test: /: Is a directory\n");
	is_str(err, want, "a directory: the message");
	free(err);
	exit_trouble = 0;
}

int
main(void)
{
	setprogname("input-test");
	test_lines();
	test_invalid();
	test_lossy();
	test_iconv();
	test_long_lines();
	test_open_unget();
	return unit_done();
}
