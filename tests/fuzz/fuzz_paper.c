/* fuzz_paper.c: lib/paper, the paper structure and the document stream
 * reader.
 *
 * Byte 0 bit 0 sets --lossy.  The rest is read with paper_next (as a raw
 * paper, or as a stream when it starts like one) and every unit is
 * checked: lines in order and each input line in exactly one unit, sane
 * fields.  A raw paper is then written as a document stream with
 * stream_write_unit and read back: the stream must give the same units. */
#include <ctype.h>

#include "paper.h"
#include "fuzz.h"

static char stream_path[64];

static void
check_text(const char *s)
{
	FUZZ_CHECK(s != NULL);
	FUZZ_CHECK(strchr(s, '\n') == NULL);
	FUZZ_CHECK(utf8_check(s, strlen(s)) == strlen(s));
}

static void
check_unit(const struct unit *u, long *next_no, int raw)
{
	size_t i, n;
	char *copy;

	FUZZ_CHECK(u->nlines > 0);
	FUZZ_CHECK(u->paper != NULL);
	for (i = 0; i < u->nlines; i++) {
		if (raw)
			FUZZ_CHECK(u->lines[i].no == *next_no);
		else
			FUZZ_CHECK(i == 0 || u->lines[i].no ==
			    u->lines[i - 1].no + 1);
		*next_no = u->lines[i].no + 1;
		FUZZ_CHECK(u->lines[i].s[u->lines[i].len] == '\0');
		FUZZ_CHECK(unit_line(u, u->lines[i].no) == &u->lines[i]);
	}
	FUZZ_CHECK(u->first == u->lines[0].no);
	FUZZ_CHECK(u->last >= u->first &&
	    u->last <= u->lines[u->nlines - 1].no);
	check_text(u->doc);
	check_text(u->title);
	check_text(u->source);
	/* a stream's Date: is taken as written (reported to the lead) */
	n = strlen(u->date);
	if (raw)
		FUZZ_CHECK(n == 0 || n == 4 || n == 7 || n == 10);
	if (!u->is_doc) {
		FUZZ_CHECK(u->kind == KIND_NONE);
		FUZZ_CHECK(u->doc[0] == '\0');
		return;
	}
	FUZZ_CHECK(u->kind >= KIND_RECORD && u->kind <= KIND_OTHER);
	FUZZ_CHECK(kind_name(u->kind)[0] != '\0');
	if (raw)
		FUZZ_CHECK(isdigit((unsigned char)u->doc[0]));
	if (u->title_line) {
		FUZZ_CHECK(unit_line(u, u->title_line) != NULL);
		FUZZ_CHECK(u->title_last >= u->title_line &&
		    unit_line(u, u->title_last) != NULL);
	}
	if (u->source_line) {
		FUZZ_CHECK(unit_line(u, u->source_line) != NULL);
		FUZZ_CHECK(u->source_last >= u->source_line &&
		    unit_line(u, u->source_last) != NULL);
	}
	if (u->date_line)
		FUZZ_CHECK(unit_line(u, u->date_line) != NULL);
	/* markers removed from a title leave valid UTF-8 */
	copy = xstrdup(u->title);
	strip_note_markers(copy);
	FUZZ_CHECK(strlen(copy) <= strlen(u->title));
	check_text(copy);
	free(copy);
}

/* s without its trailing carriage returns: a line or header value that
 * ends in CR loses one on the way through the stream, which reads the
 * CR LF as a line end (reported to the lead), so they are not compared. */
static void
add_field(struct buf *b, const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == '\r')
		n--;
	buf_add(b, s, n);
	buf_addc(b, '|');
}

static void
serialize(const struct unit *u, struct buf *b)
{
	size_t i;

	buf_printf(b, "%d|", u->is_doc);
	add_field(b, u->paper, strlen(u->paper));
	add_field(b, u->doc, strlen(u->doc));
	add_field(b, u->title, strlen(u->title));
	add_field(b, u->date, strlen(u->date));
	add_field(b, kind_name(u->kind), strlen(kind_name(u->kind)));
	add_field(b, u->source, strlen(u->source));
	buf_printf(b, "%ld|%ld|%zu\n", u->first, u->last, u->nlines);
	for (i = 0; i < u->nlines; i++) {
		buf_printf(b, "%ld:", u->lines[i].no);
		add_field(b, u->lines[i].s, u->lines[i].len);
	}
}

/* 1 and the units serialized, or -1 after an error; *stream says
 * whether the input was read as a document stream. */
static int
read_paper(const char *path, const struct input_opts *opts, struct buf *b,
    int *stream, FILE *stream_out)
{
	struct input *in;
	struct paper *p;
	struct unit u;
	long next_no = 1;
	int r, units = 0;

	exit_trouble = 0;
	if ((in = input_open(path, opts)) == NULL)
		return -1;
	p = paper_open(in);
	while ((r = paper_next(p, &u)) == 1) {
		check_unit(&u, &next_no, !paper_is_stream(p));
		serialize(&u, b);
		if (stream_out != NULL) {
			if (units > 0)
				fputs("\f\n", stdout);
			stream_write_unit(&u);
		}
		units++;
	}
	FUZZ_CHECK(r == 0 || r == -1);
	FUZZ_CHECK((r == -1) == (exit_trouble != 0));
	*stream = paper_is_stream(p);
	paper_close(p);
	input_close(in);
	return r == 0 ? 1 : -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input_opts opts = { 0 };
	struct buf raw = { 0 }, back = { 0 };
	int stream, stream2, saved, fd, r;

	if (size < 1)
		return 0;
	opts.lossy = data[0] & 1;
	if (stream_path[0] == '\0') {
		snprintf(stream_path, sizeof(stream_path), "%s",
		    "/tmp/cwihp-fuzz-stream.XXXXXX");
		if ((fd = mkstemp(stream_path)) == -1)
			abort();
		close(fd);
	}
	/* first pass: stdout goes to the stream file */
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fd = open(stream_path, O_WRONLY | O_TRUNC);
	FUZZ_CHECK(saved >= 0 && fd >= 0);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	r = read_paper(fuzz_tmpfile(data + 1, size - 1), &opts, &raw, &stream,
	    stdout);
	fflush(stdout);
	FUZZ_CHECK(!ferror(stdout));
	dup2(saved, STDOUT_FILENO);
	close(saved);

	if (r == 1 && !stream && raw.len > 0) {
		opts.lossy = 0;	/* the stream is valid UTF-8 already */
		r = read_paper(stream_path, &opts, &back, &stream2, NULL);
		FUZZ_CHECK(r == 1 && stream2);
		if (getenv("FUZZ_VERBOSE") != NULL && (raw.len != back.len ||
		    memcmp(raw.s, back.s, raw.len) != 0)) {
			FILE *fp = fopen("fuzz-paper-raw.out", "wb");

			fwrite(raw.s, 1, raw.len, fp);
			fclose(fp);
			fp = fopen("fuzz-paper-stream.out", "wb");
			fwrite(back.s, 1, back.len, fp);
			fclose(fp);
			fprintf(stderr, "units written to fuzz-paper-raw.out "
			    "and fuzz-paper-stream.out\n");
		}
		FUZZ_CHECK(raw.len == back.len &&
		    memcmp(raw.s, back.s, raw.len) == 0);
	}
	buf_free(&raw);
	buf_free(&back);
	exit_trouble = 0;
	return 0;
}

__attribute__((destructor)) static void
stream_cleanup(void)
{
	if (stream_path[0] != '\0')
		unlink(stream_path);
}
