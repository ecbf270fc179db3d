/* extract-cites: footnotes and citations of a paper, parsed, resolved
 * and checked. */
#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "cite.h"
#include "cli.h"
#include "jobs.h"
#include "notes.h"
#include "paper.h"
#include "rx.h"
#include "table.h"
#include "translit.h"
#include "util.h"

enum { OPT_NOTES = OPT_PROGRAM, OPT_CHECK };
enum mode { MODE_CITES, MODE_NOTES, MODE_CHECK, MODE_CSL };

static const char *const cite_cols[] = { "file", "line", "context", "note",
    "doc", "kind", "archive", "fond", "opis", "papka", "delo", "folios",
    "target", "text", "coords", NULL };
static const char *const note_cols[] = { "file", "note", "line", "ref_line",
    "doc", "in_document", "ibid_of", "short_of", "text", NULL };
static const char *const extra_formats[] = { "csl-json", NULL };

static struct cli cli = {
	.usage = "[--notes | --check] [-f ENC] [--lossy] "
	    "[--format=tsv|json|csl-json] [file ...]",
	.help =
	"List the footnotes and citations of a paper.\n\n"
	"      --notes          one row per footnote\n"
	"      --check          report what an editor should fix; exit 1\n"
	"  -f, --from-code=ENC  decode input from ENC through iconv\n"
	"      --lossy          replace invalid UTF-8 with U+FFFD\n"
	"      --format=FMT     tsv (default), json, or csl-json (the\n"
	"                       published citations for reference managers)\n"
	"  -h, --help           this help\n"
	"  -V, --version        the version\n",
};

static enum mode mode = MODE_CITES;
static struct table table;
static FILE *out;	/* where the step in hand writes (see process) */
static int found;		/* --check reported something */
static long csl_count;

struct xref {
	long doc, line;
};

/* What one paper's pass needs. */
struct run {
	const char        *file;
	size_t             file_len;
	const struct unit *u;
	struct notes       notes;
	struct cite_index *ix;
	struct cites       cl;
	long               prev_num;	/* numbering check */
	int                prev_unit;
	/* --check: document numbers seen, cross-references made */
	long              *docs;
	size_t             ndocs, docs_cap;
	struct xref       *xrefs;
	size_t             nxrefs, xrefs_cap;
	char             **csl_keys;	/* published works written */
	size_t             ncsl;
	/* the unit's coordinate chains the reader found (or NULL) */
	const struct cite_ahead *ahead;
};

static void
report(struct run *r, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
report(struct run *r, long line, const char *fmt, ...)
{
	va_list ap;

	fprintf(out, "%s:%ld: ", r->file, line);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	putc('\n', out);
	found = 1;
}

/* Only --check needs them: other modes keep no memory per reference. */
static void
add_xref(struct run *r, long doc, long line)
{
	if (mode != MODE_CHECK)
		return;
	if (r->nxrefs == r->xrefs_cap) {
		r->xrefs_cap = r->xrefs_cap ? r->xrefs_cap * 2 : 16;
		r->xrefs = xreallocarray(r->xrefs, r->xrefs_cap,
		    sizeof(*r->xrefs));
	}
	r->xrefs[r->nxrefs].doc = doc;
	r->xrefs[r->nxrefs++].line = line;
}

/* ---- CSL-JSON ---- */

static void
json_field(const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	fprintf(out, ",\"%s\":\"", name);
	json_escape(out, value, strlen(value));
	putc('"', out);
}

/* A Chinese given name: one syllable, or two written as one word
 * ("Jian", "Zhihua"). */
static int
zh_given(const char *g, size_t n)
{
	size_t i;

	if (zh_is_syllable(g, n, ZH_PINYIN) || zh_is_syllable(g, n, ZH_WG))
		return 1;
	for (i = 1; i < n; i++)
		if (zh_is_syllable(g, i, ZH_PINYIN) &&
		    zh_is_syllable(g + i, n - i, ZH_PINYIN))
			return 1;
	return 0;
}

/* Two words, family name first: the second a hyphenated given name
 * ("Lee Min-jung", "Chou En-lai"), or the first a known Chinese or
 * Korean surname and the second, a capital and lower-case letters, a
 * given name of that language's syllables ("Chen Jian", "Shen Zhihua",
 * "Kim Namsik"; a Korean one has two). */
static int
east_asian(const char *p, size_t n)
{
	const char *sp = memchr(p, ' ', n), *g, *h;
	size_t fn, gn, i;

	if (sp == NULL || memchr(sp + 1, ' ', (size_t)(p + n - sp - 1)) != NULL)
		return 0;
	g = sp + 1;
	fn = (size_t)(sp - p);
	gn = (size_t)(p + n - g);
	h = memchr(g, '-', gn);
	if (h != NULL)
		return h > g && h + 1 < p + n &&
		    islower((unsigned char)h[1]) && isupper((unsigned char)*g);
	if (gn < 2 || !isupper((unsigned char)*g))
		return 0;
	for (i = 1; i < gn; i++)
		if (!islower((unsigned char)g[i]))
			return 0;
	if ((zh_surname(p, fn, ZH_PINYIN) || zh_surname(p, fn, ZH_WG)) &&
	    zh_given(g, gn))
		return 1;
	return ko_surname(p, fn) >= 0 && ko_split_given(g, gn) > 0;
}

static void
json_authors(const char *authors)
{
	const char *p = authors, *e, *w;
	int first = 1;

	fputs(",\"author\":[", out);
	while (*p) {
		size_t n;

		e = p + strcspn(p, ",&");
		if ((w = strstr(p, " and ")) != NULL && w < e)
			e = w;
		n = (size_t)(e - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n > 0 && east_asian(p, n)) {
			/* "Lee Min-jung", "Chen Jian": family name first */
			const char *sp = memchr(p, ' ', n);

			fprintf(out, "%s{\"family\":\"", first ? "" : ",");
			json_escape(out, p, (size_t)(sp - p));
			fputs("\",\"given\":\"", out);
			json_escape(out, sp + 1, (size_t)(p + n - sp - 1));
			fputs("\"}", out);
			first = 0;
		} else if (n > 0) {
			const char *sp = p + n;

			while (sp > p && sp[-1] != ' ')
				sp--;
			fprintf(out, "%s{\"family\":\"", first ? "" : ",");
			json_escape(out, sp, (size_t)(p + n - sp));
			fputs("\"", out);
			if (sp > p + 1) {
				fputs(",\"given\":\"", out);
				json_escape(out, p, (size_t)(sp - 1 - p));
				fputs("\"", out);
			}
			putc('}', out);
			first = 0;
		}
		p = *e == '\0' ? e : e + (strncmp(e, " and ", 5) == 0 ? 5 : 1);
		while (*p == ' ')
			p++;
	}
	putc(']', out);
}

static void
csl_item(struct run *r, const struct cite *c, long note)
{
	static const char *types[] = { "", "book", "article-journal",
	    "chapter", "thesis", "report", "webpage" };
	size_t i;

	if (!cite_is_published(c->kind) || c->title == NULL)
		return;
	for (i = 0; i < r->ncsl; i++)
		if (strcmp(r->csl_keys[i], c->key) == 0)
			return;
	r->csl_keys = xreallocarray(r->csl_keys, r->ncsl + 1, sizeof(char *));
	r->csl_keys[r->ncsl++] = xstrdup(c->key);
	csl_count++;
	fprintf(out, "%s{\"id\":\"cite-%ld\",\"type\":\"%s\"",
	    csl_count > 1 ? ",\n" : "[\n", csl_count, types[c->kind]);
	json_field("title", c->title);
	if (c->author)
		json_authors(c->author);
	json_field("container-title", c->container);
	json_field("publisher", c->publisher);
	json_field("publisher-place", c->place);
	if (c->year)
		fprintf(out, ",\"issued\":{\"date-parts\":[[%s]]}", c->year);
	json_field("volume", c->volume);
	json_field("issue", c->issue);
	json_field("number", c->number);
	json_field("page", c->pages);
	json_field("URL", c->url);
	if (c->accessed) {
		fputs(",\"accessed\":{\"raw\":\"", out);
		json_escape(out, c->accessed, strlen(c->accessed));
		fputs("\"}", out);
	}
	if (c->kind == CITE_THESIS)
		json_field("genre", "Thesis");
	fprintf(out, ",\"note\":\"%s, note %ld\"}", r->file, note);
}

/* ---- rows ---- */

static void
cite_row(struct run *r, const struct cite *c, long line, const char *context,
    long note, const char *doc, const char *text)
{
	int f;

	/* the file's name, measured once a unit (a row of a citation in
	 * the text costs some two thousand instructions) */
	table_strn(&table, r->file, r->file_len);
	table_long(&table, line);
	table_str(&table, context);
	table_long(&table, note);
	table_str(&table, doc);
	table_str(&table, cite_kind_name(c->kind));
	for (f = 0; f < AF_N; f++)
		table_str(&table, c->af[f]);
	if (c->kind == CITE_CROSSREF || (c->target == 0 && c->ref > 0 &&
	    c->kind != CITE_SHORT))
		table_long(&table, c->ref);
	else
		table_long(&table, c->target);
	table_strn(&table, text + c->start, c->end - c->start);
	table_str(&table, c->coords ? c->coords : "");
	table_end_row(&table);
}

struct note_ctx {
	struct run        *r;
	const struct note *n;
};

static void
conflict_msg(const struct cite_conflict *cf, void *arg)
{
	static const char *names[] = { "archive", "fond", "opis", "papka",
	    "delo", "folios" };
	struct note_ctx *nc = arg;

	if (mode != MODE_CHECK)
		return;
	report(nc->r, note_line_at(nc->n, cf->cite->start),
	    "note %ld cites \"%s\" with %s %s, but note %ld (line %ld) "
	    "gives %s %s", cf->note, cf->cite->title, names[cf->field],
	    cf->cite->af[cf->field], cf->earlier_note, cf->earlier_line,
	    names[cf->field], cf->earlier_value);
}

static void
check_numbering(struct run *r, const struct note *n)
{
	if (r->prev_num == 0 && n->num != 1)
		report(r, n->line, "note %ld is the first note: notes 1-%ld "
		    "are missing", n->num, n->num - 1);
	else if (r->prev_num > 0 && n->num != r->prev_num + 1 &&
	    !(n->num == 1 && r->prev_unit != r->notes.unit)) {
		if (n->num > r->prev_num + 1)
			report(r, n->line, "gap in note numbering: note %ld "
			    "follows note %ld", n->num, r->prev_num);
		else
			report(r, n->line, "note %ld repeats or is out of "
			    "order: it follows note %ld", n->num, r->prev_num);
	}
	r->prev_num = n->num;
	r->prev_unit = r->notes.unit;
}

static void
on_note(const struct note *n, void *arg)
{
	struct run *r = arg;
	struct note_ctx nc = { r, n };
	size_t i;

	cites_clear(&r->cl);
	cite_parse(n->text, strlen(n->text), &r->cl);
	cite_resolve(r->ix, n->num, n->in_document, n->line, &r->cl,
	    conflict_msg, &nc);
	for (i = 0; i < r->cl.n; i++) {
		struct cite *c = &r->cl.v[i];
		long line = note_line_at(n, c->start);

		if (c->kind == CITE_CROSSREF)
			add_xref(r, c->ref, line);
		switch (mode) {
		case MODE_CITES:
			cite_row(r, c, line, "note", n->num, n->doc, n->text);
			break;
		case MODE_CSL:
			csl_item(r, c, n->num);
			break;
		case MODE_CHECK:
			if (c->kind == CITE_IBID && c->target == 0)
				report(r, line, "note %ld: Ibid. has no unique "
				    "antecedent", n->num);
			else if (c->kind == CITE_SHORT && c->target == 0)
				report(r, line, "note %ld: short form \"%.*s\" "
				    "has no unique earlier full citation",
				    n->num, (int)(c->end - c->start),
				    n->text + c->start);
			else if (c->orphan)
				report(r, line, "note %ld: short form \"%.*s\" "
				    "has no earlier full citation", n->num,
				    (int)(c->end - c->start), n->text + c->start);
			break;
		default:
			break;
		}
	}
	if (mode == MODE_NOTES) {
		table_str(&table, r->file);
		table_long(&table, n->num);
		table_long(&table, n->line);
		table_long(&table, n->ref_line);
		table_str(&table, n->doc);
		table_str(&table, n->in_document ? "y" : "n");
		table_long(&table, cites_ibid_of(&r->cl));
		table_long(&table, cites_short_of(&r->cl));
		table_str(&table, n->text);
		table_end_row(&table);
	} else if (mode == MODE_CHECK) {
		if (n->ref_line == 0)
			report(r, n->line, "note %ld has no reference marker",
			    n->num);
		check_numbering(r, n);
	}
}

/* The length of a text line as it is parsed: up to a NUL byte in it
 * (lb: its notes_line_bytes()) */
static size_t
text_len(const struct line *ln, unsigned lb)
{
	return (lb & LB_NUL) ? strlen(ln->s) : ln->len;
}

/* Lines outside the notes: the source note, and cross-references and
 * coordinates in the text. */
static void
body_cites(const struct line *ln, struct run *r)
{
	const struct unit *u = r->u;
	const char *text = ln->s;
	const char *context = "text";
	size_t i, len = ln->len;

	if (u->source_line && ln->no > u->source_line && ln->no <= u->source_last)
		return;
	if (u->source_line && ln->no == u->source_line && *u->source) {
		text = u->source;
		len = strlen(text);
		context = "source";
	}
	/* on_body() let through a text line only with a digit */
	if (*context == 't')
		len = text_len(ln, r->notes.body_bytes);
	else if (memchr(text, '\0', len) != NULL)
		len = strlen(text);
	cites_clear(&r->cl);
	if (*context == 't')
		cite_parse_text_ahead(text, len, (r->notes.body_bytes &
		    (LB_BRACKET | LB_PAREN)) != 0, r->ahead,
		    (size_t)(ln - u->lines), &r->cl);
	else
		cite_parse(text, len, &r->cl);
	for (i = 0; i < r->cl.n; i++) {
		struct cite *c = &r->cl.v[i];

		if (c->plain)	/* a plain short form resolves or is none */
			continue;
		if (*context == 's' && (c->kind == CITE_SHORT ||
		    c->kind == CITE_IBID))
			c->kind = CITE_OTHER;
		if (c->kind == CITE_CROSSREF)
			add_xref(r, c->ref, ln->no);
		if (mode == MODE_CITES)
			cite_row(r, c, ln->no, context, 0, u->doc, text);
		else if (mode == MODE_CSL)
			csl_item(r, c, 0);
	}
}

static void
on_body(const struct line *ln, void *arg)
{
	struct run *r = arg;
	const struct unit *u = r->u;

	/* most lines are text without a digit, where cite_parse_text()
	 * finds nothing: only the source line is parsed whatever it holds */
	if (!(r->notes.body_bytes & LB_DIGIT) && !(u->source_line &&
	    ln->no == u->source_line && *u->source))
		return;
	body_cites(ln, r);
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static void
on_orphan(const struct marker *m, void *arg)
{
	report(arg, m->line, "marker %ld has no note", m->num);
}

/* A paper is read on the main thread and analysed in steps: its
 * start, each unit, its end.  The analysis carries state from unit to
 * unit (earlier citations for Ibid., archives defined, note numbers),
 * so on a big input one worker runs every step in order while the main
 * thread reads on (jobs.h); only that thread touches the_run then. */
enum step_kind { STEP_START, STEP_UNIT, STEP_END };

struct step {
	enum step_kind kind;
	struct unit   *u;	/* STEP_UNIT */
	const char    *name;	/* STEP_START: the input's name */
	int            complete;	/* STEP_END: read to the end, no error */
	int            stream;	/* STEP_END: a document stream */
	int            owned;	/* a copy for a worker, freed after */
	/* the unit's notes_line_bytes() and coordinate chains, worked out
	 * by the reader for the worker; NULL when the step runs where it
	 * is read */
	unsigned char *line_bytes;
	struct cite_ahead *ahead;
};

static struct run the_run;
static char *run_file;	/* the_run.file: owned, so that it outlives the unit */

static void
set_file(struct run *r, const char *name)
{
	if (run_file == NULL || strcmp(run_file, name) != 0) {
		free(run_file);
		run_file = xstrdup(name);
	}
	r->file = run_file;
	r->file_len = strlen(name);
}

static void
paper_start(struct run *r, const char *name)
{
	memset(r, 0, sizeof(*r));
	set_file(r, name);
	r->ix = cite_index_new();
	notes_init(&r->notes);
	cite_forget_archives();
}

static void
paper_unit(struct run *r, const struct unit *u,
    const unsigned char *line_bytes, const struct cite_ahead *ahead)
{
	/* on_body() wants the lines with a digit and the source line */
	struct notes_cb cb = { on_note, on_body, NULL, LB_DIGIT, NULL };

	cb.arg = r;
	cb.line_bytes = line_bytes;
	rx_where(u->paper, u->first);
	set_file(r, u->paper);
	r->u = u;
	if (u->is_doc && mode == MODE_CHECK) {
		if (r->ndocs == r->docs_cap) {
			r->docs_cap = r->docs_cap ? r->docs_cap * 2 : 16;
			r->docs = xreallocarray(r->docs, r->docs_cap,
			    sizeof(*r->docs));
		}
		r->docs[r->ndocs++] = u->docnum;
	}
	r->ahead = ahead;
	notes_scan(&r->notes, u, &cb);
	r->ahead = NULL;
}

static void
paper_end(struct run *r, int complete, int stream)
{
	size_t i;

	if (mode == MODE_CHECK && complete) {
		notes_orphans(&r->notes, on_orphan, r);
		/* a filtered stream lacks documents it does not show */
		if (r->ndocs > 0)
			qsort(r->docs, r->ndocs, sizeof(*r->docs), cmp_long);
		for (i = 0; i < r->nxrefs && !stream; i++)
			if (r->ndocs > 0 && bsearch(&r->xrefs[i].doc, r->docs,
			    r->ndocs, sizeof(*r->docs), cmp_long) == NULL)
				report(r, r->xrefs[i].line, "cross-reference to "
				    "Document %ld, which the paper does not have",
				    r->xrefs[i].doc);
	}
	for (i = 0; i < r->ncsl; i++)
		free(r->csl_keys[i]);
	free(r->csl_keys);
	free(r->docs);
	free(r->xrefs);
	cites_free(&r->cl);
	cite_index_free(r->ix);
	notes_free(&r->notes);
}

static void
run_step(void *arg, FILE *fp)
{
	struct step *st = arg;

	out = table.fp = fp;
	switch (st->kind) {
	case STEP_START:
		paper_start(&the_run, st->name);
		break;
	case STEP_UNIT:
		paper_unit(&the_run, st->u, st->line_bytes, st->ahead);
		break;
	case STEP_END:
		paper_end(&the_run, st->complete, st->stream);
		break;
	}
}

static void
release_step(void *arg)
{
	struct step *st = arg;

	if (st->owned) {
		rx_where(NULL, 0);	/* the unit's name goes with it */
		unit_clone_free(st->u);
		free((char *)st->name);
		free(st->line_bytes);
		cite_ahead_free(st->ahead);
		free(st);
	}
}

static const struct jobs_ops step_jobs = { .run = run_step,
    .release = release_step, .in_order = 1 };
static struct jobs *jobs;

/* Run a step here and now while the input is small, else hand a copy
 * to the worker. */
static void
step(struct step *st, size_t bytes)
{
	struct step *copy;
	size_t k;

	if (jobs_direct(jobs, bytes)) {
		run_step(st, stdout);
		out_check();
		return;
	}
	copy = xmalloc(sizeof(*copy));
	*copy = *st;
	copy->owned = 1;
	copy->u = st->u ? unit_clone(st->u) : NULL;
	copy->name = st->name ? xstrdup(st->name) : NULL;
	if (st->u != NULL) {
		/* a scan of every byte here rather than on the worker,
		 * which has more to do than the reader; and while the
		 * worker is behind, the coordinates of the lines with a
		 * digit, which on_body() parses as text (the reader cannot
		 * tell them from note lines): the two threads even out */
		const struct line *lines = copy->u->lines;
		int ahead = jobs_waiting(jobs) > 0;
		unsigned lb;

		copy->line_bytes = xmalloc(st->u->nlines);
		if (ahead)
			copy->ahead = cite_ahead_new(st->u->nlines);
		for (k = 0; k < st->u->nlines; k++) {
			lb = notes_line_bytes(lines[k].s, lines[k].len);
			copy->line_bytes[k] = (unsigned char)lb;
			if (ahead && (lb & LB_DIGIT))
				cite_ahead_line(copy->ahead, k, lines[k].s,
				    text_len(&lines[k], lb));
		}
	}
	jobs_add(jobs, copy, bytes);
}

static void
process(const char *path)
{
	struct input *in;
	struct paper *p;
	struct unit u;
	struct step st = { STEP_START, NULL, NULL, 0, 0, 0, NULL, NULL };
	size_t bytes;
	int ret;

	if ((in = input_open(path, &cli.in)) == NULL)
		return;
	st.name = input_name(in);
	step(&st, 0);
	p = paper_open(in);
	paper_skip_dates(p);
	paper_skip_titles(p);
	st.kind = STEP_UNIT;
	st.name = NULL;
	while ((ret = paper_next(p, &u)) == 1) {
		/* the main thread's own diagnostics (the reader's) */
		rx_where(u.paper, u.first);
		bytes = unit_bytes(&u);
		st.u = &u;
		step(&st, bytes);
	}
	st.kind = STEP_END;
	st.u = NULL;
	st.complete = ret == 0;
	st.stream = paper_is_stream(p);
	step(&st, 0);
	paper_close(p);
	input_close(in);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "notes", no_argument, NULL, OPT_NOTES },
		{ "check", no_argument, NULL, OPT_CHECK },
		CLI_COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	int c, i, want_notes = 0, want_check = 0;

	prog_init(argv[0]);
	while ((c = getopt_long(argc, argv, CLI_COMMON_SHORT, longopts,
	    NULL)) != -1) {
		if (cli_common(&cli, c, optarg, extra_formats))
			continue;
		switch (c) {
		case OPT_NOTES:
			want_notes = 1;
			break;
		case OPT_CHECK:
			want_check = 1;
			break;
		default:
			usage(&cli);
		}
	}
	argc -= optind;
	argv += optind;
	if (want_notes && want_check) {
		diag(NULL, 0, "--notes and --check exclude each other");
		usage(&cli);
	}
	if (cli.format_name && strcmp(cli.format_name, "csl-json") == 0) {
		if (want_notes || want_check) {
			diag(NULL, 0, "--format=csl-json lists citations only");
			usage(&cli);
		}
		mode = MODE_CSL;
	} else if (want_notes)
		mode = MODE_NOTES;
	else if (want_check)
		mode = MODE_CHECK;
	table_init(&table, stdout, cli.format,
	    mode == MODE_NOTES ? note_cols : cite_cols);
	if (mode == MODE_CITES || mode == MODE_NOTES)
		table_header(&table);
	cite_init();	/* before the worker and the reader share cite.c */
	jobs = jobs_open(&step_jobs);
	if (argc == 0)
		process("-");
	for (i = 0; i < argc; i++)
		process(argv[i]);
	jobs_close(jobs);
	if (mode == MODE_CSL)
		fputs(csl_count ? "\n]\n" : "[]\n", stdout);
	cite_forget_archives();
	free(run_file);
	out_close();
	if (exit_trouble)
		return EXIT_TROUBLE;
	return found ? EXIT_FOUND : EXIT_OK;
}
