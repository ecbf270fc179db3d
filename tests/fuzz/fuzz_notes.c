/* fuzz_notes.c: lib/notes over a paper's units (note lines, markers,
 * notes running over lines, orphans) and its line tests on each line.
 * Byte 0 bit 0 sets --lossy for the paper reader. */
#include "notes.h"
#include "paper.h"
#include "fuzz.h"

static void
on_note(const struct note *n, void *arg)
{
	size_t len, off;

	(void)arg;
	FUZZ_CHECK(n->text != NULL && n->doc != NULL);
	FUZZ_CHECK(n->line > 0 && n->last >= n->line);
	FUZZ_CHECK(n->num >= 0);
	len = strlen(n->text);
	FUZZ_CHECK(utf8_check(n->text, len) == len);
	for (off = 0; off <= len; off += 1 + len / 8) {
		long l = note_line_at(n, off);

		FUZZ_CHECK(l >= n->line && l <= n->last);
	}
}

static void
on_body(const struct line *ln, void *arg)
{
	(void)arg;
	FUZZ_CHECK(ln->s != NULL && ln->no > 0);
}

static void
on_orphan(const struct marker *m, void *arg)
{
	(void)arg;
	FUZZ_CHECK(m->line > 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input_opts opts = { 0 };
	struct notes_cb cb = { .note = on_note, .body = on_body };
	struct notes ns;
	struct input *in;
	struct paper *p;
	struct unit u;
	size_t len, a, e, off, pos, prev, start, end;
	long num;
	char *s;
	int plain;

	if (size < 1)
		return 0;
	opts.lossy = data[0] & 1;
	exit_trouble = 0;
	if ((in = input_open(fuzz_tmpfile(data + 1, size - 1), &opts)) != NULL) {
		p = paper_open(in);
		notes_init(&ns);
		while (paper_next(p, &u) == 1)
			notes_scan(&ns, &u, &cb);
		notes_orphans(&ns, on_orphan, NULL);
		notes_free(&ns);
		paper_close(p);
		input_close(in);
	}
	/* the line tests, on each line of the text made valid */
	s = fuzz_utf8(data, size, &len);
	for (a = 0; a < len; a = e + 1) {
		const char *nl = memchr(s + a, '\n', len - a);

		e = nl ? (size_t)(nl - s) : len;
		for (plain = 0; plain <= 1; plain++)
			if (notes_line(s + a, e - a, plain, &num, &off))
				FUZZ_CHECK(off <= e - a && num >= 0);
		for (pos = 0, prev = 0; notes_marker(s + a, e - a, &pos, &num,
		    &start, &end); prev = pos) {
			FUZZ_CHECK(start < end && end <= e - a);
			FUZZ_CHECK(pos > prev && pos <= e - a);	/* progress */
			FUZZ_CHECK(num >= 0);
		}
		(void)notes_in_document(s + a, e - a);
	}
	free(s);
	exit_trouble = 0;
	return 0;
}
