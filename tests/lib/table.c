/* table.c: unit tests for lib/table.c: escaping, tables, checked output. */
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <signal.h>
#include <string.h>

#include "table.h"
#include "util.h"
#include "unit.h"

/* Run fn with a scratch FILE and return what it wrote. */
static char *
written(void (*fn)(FILE *, const char *, size_t), const char *s, size_t n,
    size_t *len)
{
	FILE *fp = tmpfile();
	char *out;

	if (fp == NULL)
		abort();
	fn(fp, s, n);
	out = unit_slurp(fp, len);
	fclose(fp);
	return out;
}

#define IS_ESC(fn, in, inlen, want, ...) do { \
	size_t got_len_; \
	char *got_ = written(fn, in, inlen, &got_len_); \
	is_mem(got_, got_len_, want, sizeof(want) - 1, __VA_ARGS__); \
	free(got_); \
} while (0)

static void
test_tsv_escape(void)
{
	IS_ESC(tsv_escape, "plain", 5, "plain", "tsv: plain text as is");
	IS_ESC(tsv_escape, "", 0, "", "tsv: empty");
	IS_ESC(tsv_escape, "a\\b", 3, "a\\\\b", "tsv: backslash");
	IS_ESC(tsv_escape, "a\tb", 3, "a\\tb", "tsv: tab");
	IS_ESC(tsv_escape, "a\nb", 3, "a\\nb", "tsv: newline");
	IS_ESC(tsv_escape, "a\rb", 3, "a\\rb", "tsv: carriage return");
	IS_ESC(tsv_escape, "\\\t\n\r", 4, "\\\\\\t\\n\\r",
	    "tsv: all four in a row");
	IS_ESC(tsv_escape, "\\n", 2, "\\\\n",
	    "tsv: a literal backslash-n stays distinguishable");
	IS_ESC(tsv_escape, "\"quoted\" 'x'", 12, "\"quoted\" 'x'",
	    "tsv: quotes are not escaped");
	IS_ESC(tsv_escape, "\xC5\x81\xC3\xB3\x64\xC5\xBA\t1", 9,
	    "\xC5\x81\xC3\xB3\x64\xC5\xBA\\t1", "tsv: UTF-8 passes");
	IS_ESC(tsv_escape, "a\tb\n", 3, "a\\tb", "tsv: n bounds the field");

	/* runs are scanned eight bytes at a step: each special byte at
	 * each place of a 20-byte field, and bytes that are nearly special */
	{
		static const char special[] = "\\\t\n\r";
		static const char *const escaped[] = { "\\\\", "\\t", "\\n",
		    "\\r" };
		char in[20], want[21];
		size_t got_len, k, at;
		char *got;
		int bad = 0;

		for (k = 0; k < 4; k++)
			for (at = 0; at < sizeof(in); at++) {
				memset(in, 'x', sizeof(in));
				in[at] = special[k];
				memcpy(want, in, at);
				memcpy(want + at, escaped[k], 2);
				memcpy(want + at + 2, in + at + 1,
				    sizeof(in) - at - 1);
				got = written(tsv_escape, in, sizeof(in),
				    &got_len);
				bad += got_len != sizeof(want) ||
				    memcmp(got, want, sizeof(want)) != 0;
				free(got);
			}
		ok(bad == 0, "tsv: a special byte at any place of a field "
		    "(%d wrong)", bad);
		IS_ESC(tsv_escape, "\x0B\x0C\x0E\x08 []^]\x7F\xDC\xC5", 12,
		    "\x0B\x0C\x0E\x08 []^]\x7F\xDC\xC5",
		    "tsv: bytes near the special ones pass");
	}
}

static void
test_json_escape(void)
{
	IS_ESC(json_escape, "plain", 5, "plain", "json: plain text as is");
	IS_ESC(json_escape, "say \"da\"", 8, "say \\\"da\\\"",
	    "json: double quotes");
	IS_ESC(json_escape, "a\\b", 3, "a\\\\b", "json: backslash");
	IS_ESC(json_escape, "a\nb\tc\rd", 7, "a\\nb\\tc\\rd",
	    "json: newline, tab, carriage return");
	IS_ESC(json_escape, "a\0b", 3, "a\\u0000b", "json: NUL");
	IS_ESC(json_escape, "\x01\x1F", 2, "\\u0001\\u001f",
	    "json: other control characters");
	IS_ESC(json_escape, "\f\b", 2, "\\u000c\\u0008",
	    "json: form feed and backspace");
	IS_ESC(json_escape, "\x7F", 1, "\\u007f", "json: DEL");
	IS_ESC(json_escape, "'single' /slash/", 16, "'single' /slash/",
	    "json: apostrophes and slashes as is");
	IS_ESC(json_escape, "\xD0\x9F\xE2\x80\x9C\xF0\x9F\x98\x80", 9,
	    "\xD0\x9F\xE2\x80\x9C\xF0\x9F\x98\x80", "json: UTF-8 passes");
}

static const char *const cols[] = { "file", "doc", "first_line", "title",
    NULL };

static void
test_parse_format(void)
{
	is_long(table_parse_format("tsv"), FMT_TSV, "format tsv");
	is_long(table_parse_format("json"), FMT_JSON, "format json");
	is_long(table_parse_format("jsonl"), FMT_JSON, "format jsonl");
	is_long(table_parse_format("csv"), -1, "format csv is unknown");
	is_long(table_parse_format(""), -1, "format empty is unknown");
}

static void
test_tsv_table(void)
{
	struct table t;
	FILE *fp = tmpfile();
	char *out;

	table_init(&t, fp, FMT_TSV, cols);
	is_long(t.ncols, 4, "table_init counts the columns");
	table_header(&t);
	table_header(&t);	/* twice: still one header */
	table_str(&t, "-");
	table_str(&t, "6");
	table_long(&t, 120);
	table_str(&t, "Record\tof\nConversation");
	table_end_row(&t);
	table_count(&t, 0);
	table_count(&t, -7);
	table_long(&t, 1234567890L);
	table_str(&t, "a\\b\r");
	table_end_row(&t);
	table_str(&t, "p.txt");
	table_strn(&t, "12abc", 2);
	table_long(&t, 0);	/* empty */
	table_end_row(&t);	/* fills the missing field */
	table_str(&t, NULL);
	table_end_row(&t);
	out = unit_slurp(fp, NULL);
	is_str(out, "file\tdoc\tfirst_line\ttitle\n"
	    "-\t6\t120\tRecord\\tof\\nConversation\n"
	    "0\t-7\t1234567890\ta\\\\b\\r\n"
	    "p.txt\t12\t\t\n"
	    "\t\t\t\n", "tsv table: header once, escaping, empty fields");
	free(out);
	fclose(fp);

	/* without table_header the first field writes it */
	fp = tmpfile();
	table_init(&t, fp, FMT_TSV, cols);
	table_str(&t, "x");
	table_end_row(&t);
	out = unit_slurp(fp, NULL);
	is_str(out, "file\tdoc\tfirst_line\ttitle\nx\t\t\t\n",
	    "tsv table: the first field writes the header");
	free(out);
	fclose(fp);
}

/* Does what fp holds differ from want?  Closes fp. */
static int
differs(FILE *fp, struct buf *want)
{
	char *out = unit_slurp(fp, NULL);
	int d = strcmp(out, buf_cstr(want)) != 0;

	free(out);
	fclose(fp);
	return d;
}

/* A row's fields are copied as they are scanned when they fit in the
 * row buffer and need no escape: a special byte at each place of a
 * field, and fields that fill the row's 4096 bytes or overrun them. */
static void
test_tsv_row_fields(void)
{
	static const char special[] = "\\\t\n\r";
	static const char *const escaped[] = { "\\\\", "\\t", "\\n", "\\r" };
	static const size_t lens[] = { 0, 7, 8, 9, 4092, 4093, 4094, 4095,
	    4096, 4097, 9000 };
	struct table t;
	struct buf want = { 0 };
	char in[20], *big;
	size_t k, at, a, b, len;
	int bad = 0;
	FILE *fp;

	/* fields of 1 to 20 bytes: the last eight bytes are read again */
	for (k = 0; k < 4; k++)
		for (len = 1; len <= sizeof(in); len++)
			for (at = 0; at < len; at++) {
				fp = tmpfile();
				table_init(&t, fp, FMT_TSV, cols);
				memset(in, 'y', sizeof(in));
				in[at] = special[k];
				table_str(&t, "a");
				table_strn(&t, in, len);
				table_end_row(&t);
				buf_reset(&want);
				buf_adds(&want,
				    "file\tdoc\tfirst_line\ttitle\na\t");
				buf_add(&want, in, at);
				buf_adds(&want, escaped[k]);
				buf_add(&want, in + at + 1, len - at - 1);
				buf_adds(&want, "\t\t\n");
				bad += differs(fp, &want);
			}
	ok(bad == 0, "tsv row: a special byte at any place of a field "
	    "of any length (%d wrong)", bad);

	big = malloc(9001);
	memset(big, 'x', 9000);
	big[9000] = '\0';
	bad = 0;
	for (a = 0; a < sizeof(lens) / sizeof(lens[0]); a++)
		for (b = 0; b < sizeof(lens) / sizeof(lens[0]); b++) {
			fp = tmpfile();
			table_init(&t, fp, FMT_TSV, cols);
			table_header(&t);
			table_strn(&t, big, lens[a]);
			table_strn(&t, big, lens[b]);
			table_str(&t, "\t");	/* escaped, past a full row */
			table_end_row(&t);
			buf_reset(&want);
			buf_adds(&want, "file\tdoc\tfirst_line\ttitle\n");
			buf_add(&want, big, lens[a]);
			buf_addc(&want, '\t');
			buf_add(&want, big, lens[b]);
			buf_adds(&want, "\t\\t\t\n");
			bad += differs(fp, &want);
		}
	ok(bad == 0, "tsv row: fields that fill or overrun the row buffer "
	    "(%d wrong)", bad);
	free(big);
	buf_free(&want);
}

static void
test_json_table(void)
{
	struct table t;
	FILE *fp = tmpfile();
	char *out;

	table_init(&t, fp, FMT_JSON, cols);
	table_header(&t);	/* JSON Lines have no header */
	table_str(&t, "-");
	table_str(&t, "6");
	table_long(&t, 120);
	table_str(&t, "\"Da\"\tnet\\");
	table_end_row(&t);
	table_str(&t, "p.txt");
	table_end_row(&t);
	out = unit_slurp(fp, NULL);
	is_str(out,
	    "{\"file\":\"-\",\"doc\":\"6\",\"first_line\":120,"
	    "\"title\":\"\\\"Da\\\"\\tnet\\\\\"}\n"
	    "{\"file\":\"p.txt\",\"doc\":\"\",\"first_line\":\"\","
	    "\"title\":\"\"}\n", "json table: one object a row, same names");
	free(out);
	fclose(fp);

	fp = tmpfile();
	table_init(&t, fp, FMT_JSON, cols);
	table_header(&t);
	out = unit_slurp(fp, NULL);
	is_str(out, "", "json table without rows: nothing");
	free(out);
	fclose(fp);
}

/* Fork a child that writes to fd and ends with out_close(); its wait
 * status, with its standard error in *err. */
static int
child_writes(int fd, int ignore_sigpipe, char **err)
{
	struct unit_capture cap;
	pid_t pid;
	int status = -1, i;

	unit_capture_begin(&cap, 2);
	fflush(NULL);	/* nothing buffered may be written twice */
	if ((pid = fork()) == -1) {
		perror("fork");
		exit(99);
	}
	if (pid == 0) {
		dup2(fd, 1);
		{ char *name = "table-test"; prog_init(name); }
		if (ignore_sigpipe)
			signal(SIGPIPE, SIG_IGN);
		for (i = 0; i < 20000; i++) {
			printf("line %d of output to fill the buffers\n", i);
			out_check();
		}
		out_close();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	*err = unit_capture_end(&cap, NULL);
	return status;
}

static void
test_checked_output(void)
{
	int fd, pipefd[2], status;
	char *err;

	if ((fd = open("/dev/full", O_WRONLY)) == -1)
		diag_note("SKIP: no /dev/full");
	else {
		status = child_writes(fd, 0, &err);
		ok(WIFEXITED(status) && WEXITSTATUS(status) == EXIT_TROUBLE,
		    "> /dev/full: exit 2");
		if (!ok(strncmp(err, "table-test: write error: ", 25) == 0,
		    "> /dev/full: 'PROG: write error: ...'"))
			unit_show("stderr", err, strlen(err));
		free(err);
		close(fd);
	}

	if (pipe(pipefd) == -1)
		abort();
	close(pipefd[0]);	/* the reader is gone */
	status = child_writes(pipefd[1], 0, &err);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	    "closed pipe: SIGPIPE ends the program (prog_init)");
	is_str(err, "", "closed pipe: quietly");
	free(err);

	status = child_writes(pipefd[1], 1, &err);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == EXIT_OK,
	    "closed pipe with SIGPIPE ignored: exit 0");
	is_str(err, "", "closed pipe with SIGPIPE ignored: quietly");
	free(err);
	close(pipefd[1]);
}

int
main(void)
{
	test_tsv_escape();
	test_json_escape();
	test_parse_format();
	test_tsv_table();
	test_tsv_row_fields();
	test_json_table();
	test_checked_output();
	return unit_done();
}
