/* paper.c: unit tests for lib/paper.c: the units of a small invented
 * paper, heading forms, title/date/kind/source, and the document stream
 * written and read back. */
#include <string.h>

#include "input.h"
#include "paper.h"
#include "util.h"
#include "unit.h"

#define MAXU 16

/* A copy of what paper_next gave, to compare after the fact. */
struct ucopy {
	int   is_doc;
	char *paper, *doc, *title, *date, *kind, *source;
	long  docnum, first, last, lo, hi;	/* lo-hi: the line range */
	int   numbered;	/* line numbers run lo..hi without a gap */
	char *text;	/* every line followed by "\n" */
	size_t text_len;
};

struct run {
	struct ucopy u[MAXU];
	int   n;
	int   rc;	/* last paper_next: 0 or -1 */
	int   stream;
	char *err;
	char *path;
};

/* run_path() asks paper_skip_dates() and paper_skip_titles() */
static int skip_fields;

static int
contains(const char *s, size_t len, const char *needle, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, needle, n) == 0)
			return 1;
	return 0;
}

static void
run_free(struct run *r)
{
	int i;

	for (i = 0; i < r->n; i++) {
		free(r->u[i].paper);
		free(r->u[i].doc);
		free(r->u[i].title);
		free(r->u[i].date);
		free(r->u[i].source);
		free(r->u[i].kind);
		free(r->u[i].text);
	}
	free(r->err);
	free(r->path);
	memset(r, 0, sizeof(*r));
}

/* Read a file through paper_next; with out != NULL also write the
 * document stream of the units picked by only (NULL: all). */
static void
run_path(const char *path, struct run *r, FILE *out, const char *only)
{
	struct input_opts opts = { NULL, 0 };
	struct unit_capture cap, capout;
	struct input *in;
	struct paper *p;
	struct unit u;
	struct buf b = { 0 };
	size_t i;
	int written = 0;

	memset(r, 0, sizeof(*r));
	r->path = xstrdup(path);
	exit_trouble = 0;
	unit_capture_begin(&cap, 2);
	if (out != NULL)
		unit_capture_begin(&capout, 1);
	if ((in = input_open(path, &opts)) == NULL) {
		r->rc = -1;
		goto done;
	}
	p = paper_open(in);
	if (skip_fields) {
		paper_skip_dates(p);
		paper_skip_titles(p);
	}
	while ((r->rc = paper_next(p, &u)) == 1 && r->n < MAXU) {
		struct ucopy *c = &r->u[r->n++];

		c->is_doc = u.is_doc;
		c->paper = xstrdup(u.paper);
		c->doc = xstrdup(u.doc);
		c->docnum = u.docnum;
		c->title = xstrdup(u.title);
		c->date = xstrdup(u.date);
		c->kind = xstrdup(kind_name(u.kind));
		c->source = xstrdup(u.source);
		c->first = u.first;
		c->last = u.last;
		c->lo = u.nlines ? u.lines[0].no : 0;
		c->hi = u.nlines ? u.lines[u.nlines - 1].no : 0;
		c->numbered = 1;
		for (i = 0; i < u.nlines; i++) {
			if (u.lines[i].no != c->lo + (long)i ||
			    unit_line(&u, u.lines[i].no) != &u.lines[i])
				c->numbered = 0;
			buf_add(&b, u.lines[i].s, u.lines[i].len);
			buf_addc(&b, '\n');
		}
		c->text_len = b.len;
		c->text = buf_take(&b);
		if (out != NULL && (only == NULL || strchr(only, u.is_doc ?
		    '0' + (int)u.docnum : 'e') != NULL)) {
			if (written++)
				fputs("\f\n", stdout);
			stream_write_unit(&u);
		}
	}
	r->stream = paper_is_stream(p);
	paper_close(p);
	input_close(in);
done:
	if (out != NULL) {
		size_t len;
		char *s = unit_capture_end(&capout, &len);

		fwrite(s, 1, len, out);
		fflush(out);
		free(s);
	}
	r->err = unit_capture_end(&cap, NULL);
	exit_trouble = 0;
}

static void
run_text(const char *text, struct run *r)
{
	run_path(unit_file_str(text), r, NULL, NULL);
}

/* An invented paper: an essay with notes, then four documents with the
 * varied headings, title, date and source placements. */
static const char paper[] =
    "Essays on the Northern Border, 1953-1965\n"			/* 1 */
    "\n"
    "The talks of 1962 were tense.\xC2\xB9 Later memoirs disagree.\xC2\xB2\n"
    "Document 3 below shows the tone.\n"
    "\f\n"								/* 5 */
    "\xC2\xB9 AVPRF, fond 0102, opis 18, papka 93, delo 5, listy 3-9.\n"
    "\xC2\xB2 Ibid., list 4.\n"
    "\n"
    "APPENDIX\n"
    "\n"								/* 10 */
    "Document 1\n"
    "\n"
    "Record of Conversation between Ambassador Ivan Petrov\n"
    "and Premier Lin Bao,\xC2\xB9 14 August 1962\n"
    "\n"								/* 15 */
    "[Source: AVPRF, fond 0102, opis 18, papka 93, delo 5, listy 3-9.\n"
    "Translated by A. Translator.]\n"
    "\n"
    "RECORD OF CONVERSATION\n"
    "Petrov said the talks went well. See [Document 2].\n"	/* 20 */
    "\n"
    "DOCUMENT No. 2\n"
    "Letter from Premier Lin Bao to Ambassador Petrov\n"
    "Beijing, 17.04.1965\n"
    "\n"								/* 25 */
    "Dear comrade Ambassador,\n"
    "(Source: RGANI, fond 5, opis 30, delo 1, listy 2-4)\n"
    "\n"
    "Document No. 3: Ciphered Telegram from Petrov to Moscow, "
    "\xE2\x80\x9C" "31\xE2\x80\x9D January 1968\n"
    "\n"								/* 30 */
    "Text of the telegram.\n"
    "\n"
    "Source: Archive of the Foreign Ministry, fond 7, opis 1, delo 2.\n"
    "\n"
    "Document 4: Memorandum of Conversation with the Ambassador\n"	/* 35 */
    "[undated]\n"
    "\n"
    "Body.\n"
    "\n"
    "Document 2\n"							/* 40 */
    "Signed: I. Petrov\n"
    "\n";

struct want {
	int         is_doc;
	const char *doc, *title, *date, *kind, *source;
	long        first, last, lo, hi;
};

static const struct want paper_units[] = {
	{ 0, "", "", "", "", "", 1, 9, 1, 10 },
	{ 1, "1", "Record of Conversation between Ambassador Ivan Petrov "
	    "and Premier Lin Bao, 14 August 1962", "1962-08-14",
	    "record-of-conversation", "AVPRF, fond 0102, opis 18, papka 93, "
	    "delo 5, listy 3-9. Translated by A. Translator.", 11, 20, 11, 21 },
	{ 1, "2", "Letter from Premier Lin Bao to Ambassador Petrov",
	    "1965-04-17", "letter", "RGANI, fond 5, opis 30, delo 1, listy 2-4",
	    22, 27, 22, 28 },
	{ 1, "3", "Ciphered Telegram from Petrov to Moscow, \xE2\x80\x9C"
	    "31\xE2\x80\x9D January 1968", "1968-01-31", "telegram",
	    "Archive of the Foreign Ministry, fond 7, opis 1, delo 2.",
	    29, 33, 29, 34 },
	{ 1, "4", "Memorandum of Conversation with the Ambassador", "",
	    "memorandum-of-conversation", "", 35, 41, 35, 42 },
};

static void
check_units(const struct run *r, const struct want *w, int n,
    const char *name)
{
	int i;

	is_long(r->n, n, "%s: %d units", name, n);
	for (i = 0; i < n && i < r->n; i++) {
		const struct ucopy *c = &r->u[i];

		ok(c->is_doc == w[i].is_doc, "%s: unit %d is %s", name, i,
		    w[i].is_doc ? "a document" : "the essay");
		is_str(c->doc, w[i].doc, "%s: unit %d number", name, i);
		is_str(c->title, w[i].title, "%s: unit %d title", name, i);
		is_str(c->date, w[i].date, "%s: unit %d date", name, i);
		is_str(c->kind, w[i].kind, "%s: unit %d kind", name, i);
		is_str(c->source, w[i].source, "%s: unit %d source", name, i);
		ok(c->first == w[i].first && c->last == w[i].last,
		    "%s: unit %d first %ld last %ld (got %ld %ld)", name, i,
		    w[i].first, w[i].last, c->first, c->last);
		ok(c->lo == w[i].lo && c->hi == w[i].hi && c->numbered,
		    "%s: unit %d holds lines %ld-%ld (got %ld-%ld)", name, i,
		    w[i].lo, w[i].hi, c->lo, c->hi);
	}
}

/* The units' texts concatenate back to the paper. */
static void
check_nothing_lost(const struct run *r, const char *text, size_t len,
    const char *name)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < r->n; i++)
		buf_add(&b, r->u[i].text, r->u[i].text_len);
	is_mem(b.s, b.len, text, len, "%s: every line in exactly one unit",
	    name);
	buf_free(&b);
}

static void
test_paper(void)
{
	struct run r, back, one;
	const char *path = unit_file(paper, sizeof(paper) - 1);
	FILE *stream = tmpfile();
	char *s, *spath;
	size_t len;
	int i;

	run_path(path, &r, stream, NULL);
	ok(r.rc == 0 && r.err[0] == '\0' && !r.stream, "paper: read cleanly");
	check_units(&r, paper_units, 5, "paper");
	check_nothing_lost(&r, paper, sizeof(paper) - 1, "paper");
	ok(strcmp(r.u[0].paper, path) == 0 && strcmp(r.u[4].paper, path) == 0,
	    "paper: the file column is the input's name");
	is_long(r.u[2].docnum, 2, "paper: docnum");

	/* the stream as split-docs writes it */
	s = unit_slurp(stream, &len);
	fclose(stream);
	{
		struct buf want = { 0 };

		buf_printf(&want, "Paper: %s\nUnit: essay\nDocument:\nTitle:\n"
		    "Date:\nKind:\nSource:\nLines: 1-10\n\n", path);
		ok(len > want.len && memcmp(s, want.s, want.len) == 0,
		    "stream: the essay's header, empty fields bare");
		if (unit_failures)
			unit_show("stream", s, len < 300 ? len : 300);
		buf_reset(&want);
		buf_printf(&want, "\f\nPaper: %s\nUnit: document\nDocument: 3\n"
		    "Title: Ciphered Telegram from Petrov to Moscow, "
		    "\xE2\x80\x9C" "31\xE2\x80\x9D January 1968\n"
		    "Date: 1968-01-31\nKind: telegram\n"
		    "Source: Archive of the Foreign Ministry, fond 7, opis 1, "
		    "delo 2.\nLines: 29-34\n\nDocument No. 3: ", path);
		ok(contains(s, len, want.s, want.len),
		    "stream: a document's header, a form feed line before it");
		buf_free(&want);
	}
	ok(len > 0 && s[len - 1] == '\n' && s[len - 2] == '\n',
	    "stream: the last unit ends with its own lines");
	spath = xstrdup(unit_file(s, len));
	free(s);

	/* and read back: the same units, the paper's name and lines */
	run_path(spath, &back, NULL, NULL);
	ok(back.rc == 0 && back.err[0] == '\0' && back.stream,
	    "stream: read back cleanly, known as a stream");
	check_units(&back, paper_units, 5, "stream");
	check_nothing_lost(&back, paper, sizeof(paper) - 1, "stream");
	for (i = 0; i < back.n; i++)
		if (strcmp(back.u[i].paper, path) != 0)
			break;
	ok(i == back.n, "stream: the file column is Paper, not the stream's "
	    "name");
	run_free(&back);

	/* one document picked out (split-docs -n 3) keeps its numbers */
	stream = tmpfile();
	run_free(&r);
	run_path(path, &r, stream, "3");
	s = unit_slurp(stream, &len);
	fclose(stream);
	free(spath);
	spath = xstrdup(unit_file(s, len));
	free(s);
	run_path(spath, &one, NULL, NULL);
	check_units(&one, paper_units + 3, 1, "stream of document 3");
	is_mem(one.u[0].text, one.u[0].text_len, r.u[3].text, r.u[3].text_len,
	    "stream of document 3: its text");
	run_free(&one);
	run_free(&r);
	free(spath);
}

/* A caller that reads no title and no date (extract-cites) gets the
 * units, numbers and sources all the same. */
static void
test_skip_fields(void)
{
	struct want bare[sizeof(paper_units) / sizeof(paper_units[0])];
	struct run r;
	size_t i;

	for (i = 0; i < sizeof(bare) / sizeof(bare[0]); i++) {
		bare[i] = paper_units[i];
		bare[i].title = "";
		bare[i].date = "";
		bare[i].kind = kind_name(i == 0 ? KIND_NONE :
		    kind_of_title(""));
	}
	skip_fields = 1;
	run_path(unit_file(paper, sizeof(paper) - 1), &r, NULL, NULL);
	skip_fields = 0;
	ok(r.rc == 0 && r.err[0] == '\0', "no titles: read cleanly");
	check_units(&r, bare, 5, "no titles");
	check_nothing_lost(&r, paper, sizeof(paper) - 1, "no titles");
	run_free(&r);
}

static void
test_headings(void)
{
	static const struct { const char *heading, *doc, *title; } cases[] = {
		{ "Document 6", "6", "Telegram from A to B" },
		{ "DOCUMENT 6", "6", "Telegram from A to B" },
		{ "DOCUMENT No. 6", "6", "Telegram from A to B" },
		{ "Document No. 6:", "6", "Telegram from A to B" },
		{ "Document No.6", "6", "Telegram from A to B" },
		{ "Document #6", "6", "Telegram from A to B" },
		{ "Document 6.", "6", "Telegram from A to B" },
		{ "**Document 6**", "6", "Telegram from A to B" },
		{ "## Document 6", "6", "Telegram from A to B" },
		{ "Document 6A", "6A", "Telegram from A to B" },
		{ "Document 6: Record of Talks with C", "6",
		    "Record of Talks with C" },
		{ "Document 6. Record of Talks with C", "6",
		    "Record of Talks with C" },
		{ "Document 6 \xE2\x80\x94 Record of Talks with C", "6",
		    "Record of Talks with C" },
	};
	struct buf b = { 0 };
	struct run r;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		buf_printf(&b, "An essay.\n\n%s\nTelegram from A to B\n\n"
		    "Text.\n", cases[i].heading);
		run_text(b.s, &r);
		if (ok(r.n == 2 && r.u[1].is_doc && r.u[1].first == 3,
		    "heading '%s' starts a document", cases[i].heading)) {
			is_str(r.u[1].doc, cases[i].doc, "heading '%s': number",
			    cases[i].heading);
			is_str(r.u[1].title, cases[i].title,
			    "heading '%s': title", cases[i].heading);
		}
		run_free(&r);
	}

	/* lines that are no headings */
	static const char *const not_headings[] = {
		"Document 6 shows that the talks failed.",
		"[Document 6]",
		"See Document 6.",
		"Documents 6 and 7",
		"document 6",
		"RECORD OF CONVERSATION",
	};
	for (i = 0; i < sizeof(not_headings) / sizeof(not_headings[0]); i++) {
		buf_reset(&b);
		buf_printf(&b, "An essay.\n%s\nMore.\n", not_headings[i]);
		run_text(b.s, &r);
		ok(r.n == 1 && !r.u[0].is_doc, "'%s' is no heading",
		    not_headings[i]);
		run_free(&r);
	}
	buf_free(&b);
}

static void
test_structure(void)
{
	struct run r;
	static const char bulletin[] =
	    "1. 5 March 1953, cable, Petrov to Lin\n"
	    "\n"
	    "Text one.\n"
	    "\n"
	    "2. 6 March 1953, letter, Lin to Petrov\n"
	    "Text two.\n"
	    "3. This numbered line is text.\n"
	    "5. 7 March 1953, report, out of sequence\n";
	static const char numbers[] =
	    "Essay.\n\nDocument 3\nTitle three\n\nDocument 2\nquoted again\n"
	    "Document 3\nDocument 4\nTitle four\n";
	/* "Document 1" after higher numbers: papers concatenated */
	static const char series[] =
	    "Document 1\nOne\nDocument 2\nTwo\nDocument 1\nOne again\n";

	run_text("", &r);
	ok(r.n == 0 && r.rc == 0 && r.err[0] == '\0', "an empty file: no unit");
	run_free(&r);

	run_text("Just an essay.\nWith two lines, no newline at the end", &r);
	ok(r.n == 1 && !r.u[0].is_doc && r.u[0].first == 1 &&
	    r.u[0].last == 2, "no appendix: the essay alone, not an error");
	run_free(&r);

	run_text("Document 1\nReport on the harvest\n\nText.\n\n"
	    "Document 2\nSpeech at the plenum\n", &r);
	ok(r.n == 2 && r.u[0].is_doc && r.u[0].first == 1,
	    "a collection with no essay starts with document 1");
	if (r.n == 2) {
		is_str(r.u[0].kind, "report", "collection: kind report");
		is_str(r.u[1].kind, "speech", "collection: kind speech");
	}
	run_free(&r);

	run_path(unit_file(bulletin, sizeof(bulletin) - 1), &r, NULL, NULL);
	ok(r.n == 2 && r.u[0].is_doc && r.u[1].is_doc,
	    "bulletin headings: numbers in sequence only");
	if (r.n == 2) {
		is_str(r.u[0].doc, "1", "bulletin: number 1");
		is_str(r.u[0].date, "1953-03-05", "bulletin: date of the heading");
		is_str(r.u[0].kind, "telegram", "bulletin: a cable is a telegram");
		is_str(r.u[0].title, "5 March 1953, cable, Petrov to Lin",
		    "bulletin: the heading is the title");
		is_str(r.u[1].kind, "letter", "bulletin: kind letter");
		ok(r.u[1].first == 5 && r.u[1].last == 8,
		    "bulletin: number 5 after 2 is no heading");
	}
	check_nothing_lost(&r, bulletin, sizeof(bulletin) - 1, "bulletin");
	run_free(&r);

	run_path(unit_file(numbers, sizeof(numbers) - 1), &r, NULL, NULL);
	ok(r.n == 3 && r.u[1].first == 3 && r.u[2].first == 9,
	    "a repeated or smaller number is an inner line");
	check_nothing_lost(&r, numbers, sizeof(numbers) - 1, "numbers");
	run_free(&r);

	run_path(unit_file(series, sizeof(series) - 1), &r, NULL, NULL);
	ok(r.n == 3 && r.u[2].first == 5,
	    "Document 1 after Document 2 starts a new series");
	run_free(&r);

	/* a raw paper may begin with "Paper:" without being a stream */
	run_text("Paper: On Soviet policy\nAn essay.\n\nDocument 1\n"
	    "Letter from A to B\n", &r);
	ok(r.n == 2 && !r.stream && r.u[0].first == 1 &&
	    strncmp(r.u[0].text, "Paper: On Soviet policy\nAn essay.\n", 34)
	    == 0, "a paper whose first line is 'Paper: ...' is a raw paper");
	run_free(&r);
}

static void
test_fields(void)
{
	struct run r;

	run_text("Document 5: Letter from Ulbricht[12] to Khrushchev\n\nText.\n",
	    &r);
	if (ok(r.n == 1, "marker: one document"))
		is_str(r.u[0].title, "Letter from Ulbricht to Khrushchev",
		    "a [12] marker is removed from the title");
	run_free(&r);

	run_text("Document 5\nRecord of Conversation with Kim, Moskovsky, 4\n"
	    "September 1963\n\nText.\n", &r);
	if (ok(r.n == 1, "wrapped title: one document")) {
		is_str(r.u[0].title, "Record of Conversation with Kim, "
		    "Moskovsky, 4 September 1963",
		    "a title broken mid-date wraps on");
		is_str(r.u[0].date, "1963-09-04", "and its date is whole");
	}
	run_free(&r);

	run_text("Document 5\nReport on the talks, August 1962\n"
	    "Moscow, 14 August 1962\n\nText.\n", &r);
	if (ok(r.n == 1, "partial title date: one document"))
		is_str(r.u[0].date, "1962-08-14",
		    "a date line refines a partial title date");
	run_free(&r);

	run_text("Document 5\nRecord of Conversation, 5 March 1953\n"
	    "1 April 1953\n\nText.\n", &r);
	if (ok(r.n == 1, "distribution date: one document"))
		is_str(r.u[0].date, "1953-03-05",
		    "the title's full date wins over a later date line");
	run_free(&r);

	run_text("Document 5\nRecord of Conversation, 5 March 1953\n\n"
	    "1 April 1953\n\nText.\n", &r);
	if (ok(r.n == 1, "distribution date after a blank: one document"))
		is_str(r.u[0].date, "1953-03-05",
		    "the title's full date wins over a date line below it");
	run_free(&r);

	run_text("Document 5\nNote on the talks\n\n[Distributed 9 May 1960]\n"
	    "Moscow, 2 May 1960\n\nText of 3 June 1960.\n", &r);
	if (ok(r.n == 1, "date line: one document"))
		is_str(r.u[0].date, "1960-05-02",
		    "no date in the title: the first date line");
	run_free(&r);

	run_text("Document 5\nNote\n\n[Source: AVPRF, fond 1, opis 2, delo 3\n"
	    "\nText.\n", &r);
	if (ok(r.n == 1, "unclosed source: one document"))
		is_str(r.u[0].source, "AVPRF, fond 1, opis 2, delo 3",
		    "a source note missing its bracket ends at its line");
	run_free(&r);

	run_text("Document 5\nNote\n\nText.\n\n[Source: AVPRF, fond 1 "
	    "(a copy), opis 2.]\n", &r);
	if (ok(r.n == 1, "source at the end: one document"))
		is_str(r.u[0].source, "AVPRF, fond 1 (a copy), opis 2.",
		    "a source note at the end, brackets inside kept");
	run_free(&r);
}

static void
test_kinds(void)
{
	static const struct { const char *title, *kind; } cases[] = {
		{ "Record of Conversation between A and B", "record-of-conversation" },
		{ "Record of a Conversation with B", "record-of-conversation" },
		{ "Record of Talks with B", "record-of-conversation" },
		{ "Conversation between A and B", "record-of-conversation" },
		{ "Memorandum of Conversation with B", "memorandum-of-conversation" },
		{ "From the Diary of V. Petrov", "diary" },
		{ "From the Journal of V. Petrov", "diary" },
		{ "Report by the Embassy", "report" },
		{ "Speech by Premier Lin at the Rally", "speech" },
		{ "Address by Premier Lin", "speech" },
		{ "Letter from A to B", "letter" },
		{ "Telegram from A to B", "telegram" },
		{ "Cable from A to B", "telegram" },
		{ "Ciphered Telegram from A to B", "telegram" },
		{ "Minutes of the Meeting of the Politburo", "minutes" },
		{ "Stenographic Record of the Plenum", "minutes" },
		{ "Transcript of the Meeting", "minutes" },
		{ "Note on the Border Question", "other" },
		{ "", "other" },
		{ "Letter Transmitting a Report", "letter" },
		{ "Report on a Letter", "report" },
		{ "Reporters at the Letterpress", "other" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(kind_name(kind_of_title(cases[i].title)), cases[i].kind,
		    "kind of '%s'", cases[i].title);
	is_str(kind_name(KIND_NONE), "", "the essay has no kind");
	is_str(kind_name(kind_of_title("")), "other", "no title: other");
}

static void
test_markers(void)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "Conversation\xC2\xB9 with Mao", "Conversation with Mao" },
		{ "Letter from Ulbricht[12] to Khrushchev",
		    "Letter from Ulbricht to Khrushchev" },
		{ "Telegram, 5 March 1953.[3]", "Telegram, 5 March 1953." },
		{ "Record\xC2\xB2\xC2\xB3 of Talks", "Record of Talks" },
		{ "Bodnaras71 stays", "Bodnaras71 stays" },
		{ "Lin Bao,\xC2\xB9 14 August", "Lin Bao, 14 August" },
		{ "Lin Bao \xC2\xB9, 14 August", "Lin Bao, 14 August" },
		{ "Report [12] on the talks", "Report [12] on the talks" },
		{ "Title\xE2\x81\xB4  ", "Title" },
		{ "", "" },
	};
	char tmp[200];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(tmp, sizeof(tmp), "%s", cases[i].in);
		is_str(strip_note_markers(tmp), cases[i].out,
		    "markers: '%s'", cases[i].in);
	}
}

static void
test_bad_streams(void)
{
	static const struct { const char *text, *msg; int units; }
	    cases[] = {
		{ "Paper: p.txt\nUnit: essay\n\nText.\n",
		    "%s:3: malformed document stream: a unit needs Paper, "
		    "Unit and Lines\n", 0 },
		{ "Paper: p.txt\nUnit: essay\nLines: 1-5\n\nonly one\n",
		    "%s:4: malformed document stream: fewer lines than Lines "
		    "says\n", 0 },
		{ "Paper: p.txt\nUnit: essay\nLines: 1-1\n\nText.\n"
		    "Unit: essay\n",
		    "%s:6: malformed document stream: expected a form feed "
		    "or a Paper line after the unit\n", 0 },
		/* streams end to end: a Paper line where the separator is
		 * due starts the next unit, which then lacks its text */
		{ "Paper: p.txt\nUnit: essay\nLines: 1-1\n\nText.\n"
		    "Paper: q.txt\nUnit: essay\n",
		    "%s:7: malformed document stream: header without text\n",
		    1 },
		{ "Paper: p.txt\nUnit: essay\nLines: 1-1\n\nText.\n\f\n"
		    "Paper: p.txt\nUnit: document\nLines: 2-2\n",
		    "%s:9: malformed document stream: header without text\n",
		    1 },
	};
	struct run r;
	char want[300];
	size_t i;

	setprogname("paper-test");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *path = unit_file_str(cases[i].text);

		run_path(path, &r, NULL, NULL);
		snprintf(want, sizeof(want), "paper-test: ");
		snprintf(want + 12, sizeof(want) - 12, cases[i].msg, path);
		ok(r.rc == -1 && r.n == cases[i].units,
		    "bad stream %zu: an error after %d units", i,
		    cases[i].units);
		is_str(r.err, want, "bad stream %zu: the message", i);
		run_free(&r);
	}

	/* an edited header is the stream's word on the unit */
	run_text("Paper: p.txt\nUnit: document\nDocument: 7\nTitle: Edited\n"
	    "Date: 1950\nKind: letter\nSource: Somewhere\nLines: 40-41\n\n"
	    "Document 7\nReport on the talks, 3 May 1951\n", &r);
	if (ok(r.n == 1 && r.rc == 0 && r.stream, "edited stream: one unit")) {
		is_str(r.u[0].title, "Edited", "edited stream: Title");
		is_str(r.u[0].date, "1950", "edited stream: Date");
		is_str(r.u[0].kind, "letter", "edited stream: Kind");
		is_str(r.u[0].source, "Somewhere", "edited stream: Source");
		is_str(r.u[0].paper, "p.txt", "edited stream: Paper");
		ok(r.u[0].first == 40 && r.u[0].last == 41,
		    "edited stream: Lines number the text");
	}
	run_free(&r);
}

int
main(void)
{
	test_paper();
	test_skip_fields();
	test_headings();
	test_structure();
	test_fields();
	test_kinds();
	test_markers();
	test_bad_streams();
	return unit_done();
}
