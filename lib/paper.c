/* paper.c: split a paper into its essay and documents, or read the
 * document stream back. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "date.h"
#include "paper.h"
#include "rx.h"
#include "stream.h"
#include "utf8.h"
#include "util.h"

#define TITLE_MAX_LINES 4
#define SOURCE_MAX_LINES 6

enum mode { MODE_UNKNOWN, MODE_RAW, MODE_STREAM };

struct paper {
	struct input *in;
	enum mode     mode;
	int           eof;
	long          last_docnum;	/* last heading accepted */
	int           heading_next;	/* the next line read is a heading */
	struct buf    held;		/* line 1, read while sniffing */
	struct line   held_line;
	int           held_pending;	/* next_line() returns held_line */
	/* the unit being built */
	struct buf    text;		/* all its lines, NUL-separated */
	size_t       *offs;
	size_t        nalloc;
	struct unit   u;
	char         *stream_paper;	/* Paper: of the current stream unit */
	int           no_dates;	/* paper_skip_dates() */
	int           no_titles;	/* paper_skip_titles() */
};

static struct rx *rx_heading, *rx_bulletin, *rx_source, *rx_kind,
    *rx_notes_meeting, *rx_marker, *rx_undated_lead;

static void
compile(void)
{
	if (rx_heading != NULL)
		return;
	/* Document 6 / DOCUMENT No. 6 / Document No. 6: Title / **Document 6**
	 * / Doc. 6 / DOCUMENT VI (a Roman number below 90, upper case) */
	rx_heading = rx_compile("document heading",
	    "^[\\s#*_]*(?=D)(?i:doc(?:ument|\\.|(?=\\s)))\\s*"
	    "(?:(?i:no)\\.?\\s*|#\\s*|№\\s*)?"
	    "(\\d{1,4}[A-Za-z]?(?![\\d.,]\\d)"
	    "|(?=[IVXL])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\\p{L}\\d]))"
	    "[*_]*\\s*"
	    "(?:$|[:.\\x{2013}\\x{2014}-][*_]*\\s*(.*?)\\s*$)", 0);
	/* 12. 5 March 1953, cable, X to Y */
	rx_bulletin = rx_compile("bulletin heading",
	    "^\\s*(\\d{1,3})\\.\\s+(\\S.{10,200})$", 0);
	rx_undated_lead = rx_compile("undated bulletin date",
	    "\\G[\\[(]?(?i:undated|no date|n\\.\\s?d\\.)[\\])]?", 0);
	rx_source = rx_compile("source note",
	    "^\\s*([\\[(]?)\\s*[*_]*(?i:sources?)[*_]*\\s*:[*_]*\\s*", 0);
	rx_kind = rx_compile("kind",
	    "(?i)\\b(?:"
	    "(record\\s+of\\s+(?:a\\s+|the\\s+)?(?:conversations?|talks?|meeting))"
	    "|(memorandum\\s+of\\s+(?:a\\s+|the\\s+)?(?:conversations?|talks?))"
	    "|(diary|journal)"
	    "|(stenographic\\s+(?:record|report)|transcript|minutes|protocol\\s+of)"
	    "|(reports?)"
	    "|(speech|address\\s+(?:by|to|at))"
	    "|(letter)"
	    "|((?:ciphered\\s+)?(?:telegram|cable|cipher))"
	    "|(conversations?|talks\\s+between|meeting\\s+between)"
	    ")\\b", 0);
	rx_jit_after(rx_kind, RX_JIT_FIELD);
	/* notes of a meeting are its minutes */
	rx_notes_meeting = rx_compile("notes of a meeting",
	    "^Notes?\\s+(?:of|from)\\s+(?:\\S+\\s+){0,4}?"
	    "(?i:meeting|session|conference|plenum)s?\\b", 0);
	/* a footnote marker glued to a word, a year or a mark, as
	 * notes.c finds it: Bodnaras[71], 1956[2], “...”[3], [^4]
	 * (Bodnaras71 is not) */
	rx_marker = rx_compile("note marker",
	    "(?<=[\\p{L}\\p{Nd}.,;:!?\"”’')*_\\]])\\[\\^?\\d{1,3}\\]", 0);
}

const char *
kind_name(enum doc_kind kind)
{
	static const char *names[] = { "", "record-of-conversation",
	    "memorandum-of-conversation", "diary", "report", "speech",
	    "letter", "telegram", "minutes", "other" };

	return names[kind];
}

enum doc_kind
kind_of_title(const char *title)
{
	static const enum doc_kind by_group[] = { KIND_NONE, KIND_RECORD,
	    KIND_MEMORANDUM, KIND_DIARY, KIND_MINUTES, KIND_REPORT,
	    KIND_SPEECH, KIND_LETTER, KIND_TELEGRAM, KIND_RECORD };
	size_t off, len;
	int g;

	/* no word, no kind word (extract-cites reads no title) */
	if (*title == '\0')
		return KIND_OTHER;
	compile();
	if (*title == 'N' &&
	    rx_match(rx_notes_meeting, title, strlen(title), 0))
		return KIND_MINUTES;
	if (!rx_match(rx_kind, title, strlen(title), 0))
		return KIND_OTHER;
	for (g = 1; g < (int)(sizeof(by_group) / sizeof(by_group[0])); g++)
		if (rx_group(rx_kind, g, &off, &len))
			return by_group[g];
	return KIND_OTHER;
}

char *
strip_note_markers(char *s)
{
	char *r = s, *w = s;
	size_t len = strlen(s), a, b, k;
	uint32_t cp;

	/* bracketed markers first, by copying around them */
	if (memchr(s, '[', len) != NULL)
		compile();
	while (memchr(r, '[', (size_t)(s + len - r)) != NULL &&
	    rx_match(rx_marker, s, len, (size_t)(r - s))) {
		a = rx_start(rx_marker);
		b = rx_end(rx_marker);
		memmove(w, r, (size_t)(s + a - r));
		w += s + a - r;
		r = s + b;
	}
	memmove(w, r, (size_t)(s + len - r) + 1);
	len = strlen(s);
	/* then superscript digits, and a space left before punctuation
	 * where a marker stood */
	for (r = w = s; r < s + len; r += k) {
		if ((unsigned char)*r < 0x80) {
			if (*r == ',' && w > s && w[-1] == ' ')
				w--;
			*w++ = *r;
			k = 1;
			continue;
		}
		k = utf8_decode(r, (size_t)(s + len - r), &cp);
		if (k == 0)
			k = 1;
		else if (utf8_superscript_digit(cp) >= 0)
			continue;
		if (*r == ',' && w > s && w[-1] == ' ')
			w--;
		memmove(w, r, k);
		w += k;
	}
	while (w > s && isspace((unsigned char)w[-1]))
		w--;
	*w = '\0';
	return s;
}

/* The unit buffers of the paper closed last, for the next one to open:
 * a series of small files then allocates none a file. */
static struct {
	struct buf   text;
	size_t      *offs;
	struct line *lines;
	size_t       nalloc;
} spare;

struct paper *
paper_open(struct input *in)
{
	struct paper *p = xcalloc(1, sizeof(*p));

	compile();
	p->in = in;
	p->text = spare.text;
	p->offs = spare.offs;
	p->u.lines = spare.lines;
	p->nalloc = spare.nalloc;
	memset(&spare, 0, sizeof(spare));
	return p;
}

void
paper_skip_dates(struct paper *p)
{
	p->no_dates = 1;
}

void
paper_skip_titles(struct paper *p)
{
	p->no_titles = 1;
	p->no_dates = 1;	/* a date is read from the title first */
}

int
paper_is_stream(const struct paper *p)
{
	return p->mode == MODE_STREAM;
}

static void
unit_clear(struct unit *u)
{
	free(u->doc);
	free(u->title);
	free(u->source);
	free(u->lines);
	memset(u, 0, sizeof(*u));
}

void
paper_close(struct paper *p)
{
	if (p == NULL)
		return;
	if (spare.offs == NULL && spare.lines == NULL && spare.text.s == NULL) {
		spare.text = p->text;
		buf_reset(&spare.text);
		spare.offs = p->offs;
		spare.lines = p->u.lines;
		spare.nalloc = p->nalloc;
		p->u.lines = NULL;
	} else {
		buf_free(&p->text);
		free(p->offs);
	}
	unit_clear(&p->u);
	buf_free(&p->held);
	free(p->stream_paper);
	free(p);
}

/* Next line, the held first line before the input's. */
static int
next_line(struct paper *p, struct line *ln)
{
	if (p->held_pending) {
		p->held_pending = 0;
		*ln = p->held_line;
		return 1;
	}
	return input_getline(p->in, ln);
}

static void
unget_line(struct paper *p, const struct line *ln)
{
	if (ln->s == p->held.s)
		p->held_pending = 1;
	else
		input_unget(p->in);
}

static void
grow_lines(struct paper *p)
{
	p->nalloc = p->nalloc ? p->nalloc * 2 : 256;
	p->offs = xreallocarray(p->offs, p->nalloc, sizeof(*p->offs));
	p->u.lines = xreallocarray(p->u.lines, p->nalloc, sizeof(*p->u.lines));
}

static void
add_line(struct paper *p, const struct line *ln)
{
	if (p->u.nlines == p->nalloc)
		grow_lines(p);
	p->offs[p->u.nlines] = p->text.len;
	p->u.lines[p->u.nlines].len = ln->len;
	p->u.lines[p->u.nlines].no = ln->no;
	p->u.nlines++;
	/* the line with its NUL; buf_add's call costs more than the copy */
	if (p->text.cap - p->text.len < ln->len + 2)
		buf_grow(&p->text, ln->len + 1);
	memcpy(p->text.s + p->text.len, ln->s, ln->len + 1);
	p->text.len += ln->len + 1;
	p->text.s[p->text.len] = '\0';
}

/* What may stand before "Document": [\s#*_] */
static int
heading_pad(char c)
{
	switch (c) {
	case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
	case '#': case '*': case '_':
		return 1;
	default:
		return 0;
	}
}

/* Where a heading may start: at the first significant byte of a short
 * line when it is "D" or a digit; len when the line can be no heading
 * (most lines are prose: this is asked before pcre2). */
static inline size_t
heading_start(const char *s, size_t len)
{
	size_t i;

	if (len > 400 || len == 0)
		return len;
	for (i = 0; i < len && heading_pad(s[i]); i++)
		;
	if (i == len || (s[i] != 'D' && !ascii_digit((unsigned char)s[i])))
		return len;
	return i;
}

/* The lines ready in the input's buffer, added as add_line() would
 * with one copy for all, up to the first that must take the way of
 * next_raw(): one that may be a heading, or that ends in a CR (which
 * input_getline() drops).  Most of a paper's lines take this way. */
static void
add_ready_lines(struct paper *p)
{
	const char *s, *nl;
	size_t n, off = 0, e, len, base = p->text.len, i;
	size_t first = p->u.nlines, k = first;
	long no;

	if (p->held_pending || (s = input_ready(p->in, &n, &no)) == NULL)
		return;
	while ((nl = memchr(s + off, '\n', n - off)) != NULL) {
		e = (size_t)(nl - s);
		len = e - off;
		if ((len > 0 && s[e - 1] == '\r') ||
		    heading_start(s + off, len) != len)
			break;
		if (k == p->nalloc) {
			p->u.nlines = k;
			grow_lines(p);
		}
		p->offs[k] = base + off;
		p->u.lines[k].len = len;
		p->u.lines[k++].no = no++;
		off = e + 1;
	}
	p->u.nlines = k;
	if (off == 0)
		return;
	buf_grow(&p->text, off);
	memcpy(p->text.s + base, s, off);
	/* each newline becomes the line's NUL */
	for (i = first; i < k; i++)
		p->text.s[p->offs[i] + p->u.lines[i].len] = '\0';
	p->text.len = base + off;
	p->text.s[p->text.len] = '\0';
	input_take(p->in, off, (long)(k - first));
}

/* Heading test.  Returns 1 for "Document N", 2 for bulletin style; sets
 * the number's span and the title's start (len when none). */
static int
heading(const char *s, size_t len, size_t *num_off, size_t *num_len,
    size_t *title_off)
{
	size_t off, n, a, b;
	struct date d;

	size_t i;

	if ((i = heading_start(s, len)) == len)
		return 0;
	/* "Doc" in any case, before pcre2: most lines with a D are prose */
	if (s[i] == 'D' && i + 2 < len && (s[i + 1] | 0x20) == 'o' &&
	    (s[i + 2] | 0x20) == 'c' && rx_match(rx_heading, s, len, 0)) {
		rx_group(rx_heading, 1, num_off, num_len);
		*title_off = len;
		if (rx_group(rx_heading, 2, &off, &n) && n > 0)
			*title_off = off;
		return 1;
	}
	/* Bulletin style needs a date right after the number and a comma
	 * after the date: "12. 5 March 1953, cable, X to Y". */
	if (isdigit((unsigned char)s[i]) && rx_match(rx_bulletin, s, len, 0)) {
		rx_group(rx_bulletin, 1, num_off, num_len);
		rx_group(rx_bulletin, 2, &off, &n);
		if (((date_next(s, len, off, &d, &a, &b) && a == off &&
		    date_precision(&d) >= DATE_MONTH) ||
		    (rx_match(rx_undated_lead, s, len, off) &&
		    (b = rx_end(rx_undated_lead)) > 0)) &&
		    b < len && s[b] == ',' && strstr(s + b, "fond") == NULL) {
			*title_off = off;
			return 2;
		}
	}
	return 0;
}

/* A heading's number: its leading integer, or a Roman number's value. */
static long
doc_number(const char *s, size_t len)
{
	long v = 0;
	size_t i;

	if (len > 0 && !isdigit((unsigned char)s[0]))
		return roman_value(s, len);
	for (i = 0; i < len && isdigit((unsigned char)s[i]); i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Is this line a new document's heading, given the headings so far? */
static int
accept_heading(struct paper *p, const struct line *ln)
{
	size_t no, nl, to;
	int kind = heading(ln->s, ln->len, &no, &nl, &to);
	long num;

	if (kind == 0)
		return 0;
	num = doc_number(ln->s + no, nl);
	/* Numbers rise: a repeated or smaller number is an inner line.
	 * Bulletin numbers must follow on exactly, since "12. 5 March ..."
	 * may also open a numbered footnote. */
	if (kind == 2 && num != p->last_docnum + 1)
		return 0;
	/* ... except that "Document 1" after the last one starts a new
	 * series: papers concatenated into one stream (cat *.txt | ...). */
	if (kind == 1 && p->last_docnum > 0 && num <= p->last_docnum &&
	    !(num == 1 && p->last_docnum > 1))
		return 0;
	p->last_docnum = num;
	return 1;
}

static int
source_start(const struct line *ln, size_t *text_off, char *closer)
{
	size_t off, n;

	if (!rx_match(rx_source, ln->s, ln->len, 0))
		return 0;
	rx_group(rx_source, 1, &off, &n);
	*closer = n ? (ln->s[off] == '[' ? ']' : ')') : '\0';
	*text_off = rx_end(rx_source);
	return 1;
}

static void
trim_append(struct buf *b, const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return;
	if (b->len > 0)
		buf_addc(b, ' ');
	/* a NUL would cut the C string short: it becomes U+FFFD */
	while (len > 0) {
		const char *nul = memchr(s, '\0', len);
		size_t run = nul ? (size_t)(nul - s) : len;

		buf_add(b, s, run);
		if (nul == NULL)
			break;
		buf_add(b, "\xEF\xBF\xBD", 3);
		s += run + 1;
		len -= run + 1;
	}
}

/* The source note from line i on: text up to the matching closer. */
static void
read_source(struct unit *u, size_t i, size_t text_off, char closer)
{
	struct buf b = { 0 };
	char opener = closer == ']' ? '[' : '(';
	int depth = 1;
	size_t j, k, start, end;

	u->source_line = u->source_last = u->lines[i].no;
	for (j = i; j < u->nlines && j < i + SOURCE_MAX_LINES; j++) {
		const struct line *ln = &u->lines[j];

		start = j == i ? text_off : 0;
		end = ln->len;
		if (j > i && line_blank(ln))
			break;
		if (closer) {
			for (k = start; k < ln->len; k++) {
				if (ln->s[k] == opener)
					depth++;
				else if (ln->s[k] == closer && --depth == 0)
					break;
			}
			end = k;
		}
		trim_append(&b, ln->s + start, end - start);
		u->source_last = ln->no;
		if (!closer || depth == 0)
			break;
	}
	/* an unclosed note ends at its own line, not in the body */
	if (closer && depth > 0) {
		buf_reset(&b);
		trim_append(&b, u->lines[i].s + text_off,
		    u->lines[i].len - text_off);
		u->source_last = u->lines[i].no;
	}
	free(u->source);
	u->source = buf_take(&b);
}

static int
is_source(const struct line *ln)
{
	size_t off;
	char c;

	return source_start(ln, &off, &c);
}

/* Does the line stop in the middle of something (a digit, a comma)? */
static int
ends_open(const struct line *ln)
{
	size_t n = ln->len;

	struct date d;
	size_t from = 0, a, b;

	while (n > 0 && isspace((unsigned char)ln->s[n - 1]))
		n--;
	if (n == 0)
		return 0;
	if (ln->s[n - 1] == ',' || ln->s[n - 1] == ';')
		return 1;
	if (!isdigit((unsigned char)ln->s[n - 1]))
		return 0;
	/* a line ending in a whole date is complete */
	while (date_next(ln->s, n, from, &d, &a, &b)) {
		if (b == n && date_precision(&d) >= DATE_MONTH)
			return 0;
		from = b;
	}
	return 1;
}

/* Fill title, kind, source and date of a document from its lines. */
static void
analyze_doc(struct unit *u, int want_titles, int want_dates)
{
	struct buf title = { 0 };
	struct date td, dd, d;
	size_t no, nl, to, i, j, text_off;
	int hk, have_td, have_dd = 0;
	char closer;

	hk = heading(u->lines[0].s, u->lines[0].len, &no, &nl, &to);
	if (hk == 0) {	/* a stream unit whose heading was edited away */
		no = nl = 0;
		to = u->lines[0].len;
	}
	free(u->doc);
	u->doc = xstrndup(u->lines[0].s + no, nl);
	u->docnum = doc_number(u->doc, nl);

	/* The title: on the heading's line, or the next paragraph. */
	i = 1;
	if (!want_titles) {
		/* title "", title_line 0: nor is the block below read */
	} else if (to < u->lines[0].len) {
		trim_append(&title, u->lines[0].s + to, u->lines[0].len - to);
		u->title_line = u->title_last = u->lines[0].no;
	} else {
		while (i < u->nlines && line_blank(&u->lines[i]))
			i++;
		/* a date line above the title: "Document 1" / "3 May 1965" */
		if (i < u->nlines && date_line(u->lines[i].s,
		    u->lines[i].len, &d)) {
			j = i + 1;
			while (j < u->nlines && line_blank(&u->lines[j]))
				j++;
			if (j < u->nlines && !is_source(&u->lines[j]))
				i = j;
		}
	}
	if (want_titles && hk != 2) {
		for (j = i; j < u->nlines && j < i + TITLE_MAX_LINES; j++) {
			if (line_blank(&u->lines[j]) || is_source(&u->lines[j]))
				break;
			/* a date line ends the title, unless the line before
			 * broke off mid-date ("Moskovsky, 4" / "September 1963") */
			if (j > i && date_line(u->lines[j].s, u->lines[j].len,
			    &d) && !ends_open(&u->lines[j - 1]))
				break;
		}
		/* a paragraph that runs on is body text: take one line */
		if (j == i + TITLE_MAX_LINES && j < u->nlines &&
		    !line_blank(&u->lines[j]))
			j = i + 1;
		/* After a title on the heading's line, only a line that
		 * plainly continues it joins (body text may follow at once). */
		if (title.len > 0 && i == 1) {
			for (j = i; j < u->nlines && j < i + TITLE_MAX_LINES &&
			    !line_blank(&u->lines[j]) && !is_source(&u->lines[j]) &&
			    (ends_open(&u->lines[j - 1]) ||
			    islower((unsigned char)u->lines[j].s[0])); j++)
				;
		}
		for (; i < j; i++) {
			if (u->title_line == 0)
				u->title_line = u->lines[i].no;
			u->title_last = u->lines[i].no;
			trim_append(&title, u->lines[i].s, u->lines[i].len);
		}
	}
	free(u->title);
	u->title = strip_note_markers(buf_take(&title));
	u->kind = kind_of_title(u->title);

	/* The source note, wherever it stands. */
	free(u->source);
	u->source = xstrdup("");
	for (i = 1; i < u->nlines; i++)
		if (source_start(&u->lines[i], &text_off, &closer)) {
			read_source(u, i, text_off, closer);
			break;
		}

	/* The date: the title's wins, then the first date line. */
	if (!want_dates) {
		u->date[0] = '\0';
		return;
	}
	have_td = date_best(u->title, strlen(u->title), &td);
	for (i = 1; i < u->nlines; i++) {
		long n = u->lines[i].no;

		if ((n >= u->title_line && n <= u->title_last) ||
		    (n >= u->source_line && n <= u->source_last))
			continue;
		if (date_line(u->lines[i].s, u->lines[i].len, &dd)) {
			have_dd = 1;
			u->date_line = n;
			break;
		}
	}
	d = td;
	if (!have_td || (have_dd && date_precision(&td) < DATE_DAY &&
	    dd.year == td.year && (td.month == 0 || dd.month == td.month)))
		d = have_dd ? dd : td;
	if (!have_td && !have_dd)
		memset(&d, 0, sizeof(d));
	date_iso(&d, u->date);
}

/* Lines of the finished unit get their pointers; first and last are set. */
static void
finish(struct paper *p)
{
	struct unit *u = &p->u;
	size_t i;

	for (i = 0; i < u->nlines; i++)
		u->lines[i].s = p->text.s + p->offs[i];
	u->first = u->nlines ? u->lines[0].no : 0;
	u->last = u->first;
	for (i = u->nlines; i-- > 0; )
		if (!line_blank(&u->lines[i])) {
			u->last = u->lines[i].no;
			break;
		}
	if (u->is_doc)
		analyze_doc(u, !p->no_titles, !p->no_dates);
	else {
		u->doc = xstrdup("");
		u->title = xstrdup("");
		u->source = xstrdup("");
	}
	if (p->stream_paper == NULL)
		u->paper = input_name(p->in);
}

static void
unit_begin(struct paper *p)
{
	struct line *lines = p->u.lines;	/* kept, as text and offs */

	p->u.lines = NULL;
	unit_clear(&p->u);
	p->u.lines = lines;
	buf_reset(&p->text);
}

static int
next_raw(struct paper *p)
{
	struct line ln;
	int r;

	for (;;) {
		unit_begin(p);
		if (p->eof)
			return 0;
		p->u.is_doc = p->heading_next;
		p->heading_next = 0;
		for (;;) {
			add_ready_lines(p);
			r = next_line(p, &ln);
			if (r < 0)
				return -1;
			if (r == 0) {
				p->eof = 1;
				break;
			}
			if (!(p->u.is_doc && p->u.nlines == 0) &&
			    accept_heading(p, &ln)) {
				if (p->u.nlines > 0 || p->u.is_doc) {
					unget_line(p, &ln);
					p->heading_next = 1;
					break;
				}
				p->u.is_doc = 1;	/* no essay */
			}
			add_line(p, &ln);
		}
		/* an empty essay is no unit: a collection of documents only */
		if (p->u.nlines == 0)
			continue;
		finish(p);
		return 1;
	}
}

size_t
stream_header_value(const char *s, size_t n, const char *field)
{
	size_t fn = strlen(field);

	if (n < fn + 1 || memcmp(s, field, fn) != 0 || s[fn] != ':')
		return 0;
	return fn + 1 < n && s[fn + 1] == ' ' ? fn + 2 : fn + 1;
}

/* "Field: value" of a stream header; value points into ln. */
static int
header_field(const struct line *ln, const char *field, const char **value)
{
	size_t v = stream_header_value(ln->s, ln->len, field);

	if (v == 0)
		return 0;
	*value = ln->s + v;
	return 1;
}

static void
malformed(struct paper *p, long no, const char *what)
{
	diag(input_name(p->in), no, "malformed document stream: %s", what);
	exit_trouble = 1;
}

/* A header field given twice: the last one counts. */
static void
replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

/* YYYY, YYYY-MM or YYYY-MM-DD, or empty. */
static int
iso_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i, n = strlen(s);

	if (n != 0 && n != 4 && n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
			return 0;
	return 1;
}

static int
next_stream(struct paper *p)
{
	struct line ln;
	const char *v;
	char *title = NULL, *date = NULL, *kind = NULL, *source = NULL;
	long first = 0, last = -1, no, header_no = 0;
	int r, is_doc = -1, saw_paper = 0;

	unit_begin(p);
	if (p->eof)
		return 0;
	/* the header */
	for (;;) {
		r = next_line(p, &ln);
		if (r < 0)
			goto fail;
		if (r == 0) {
			if (header_no == 0) {
				p->eof = 1;
				return 0;
			}
			malformed(p, header_no, "header without text");
			goto fail;
		}
		header_no = ln.no;
		if (ln.len == 0)
			break;
		if (header_field(&ln, "Paper", &v)) {
			free(p->stream_paper);
			p->stream_paper = xstrdup(v);
			saw_paper = 1;
		} else if (header_field(&ln, "Unit", &v))
			is_doc = strcmp(v, "document") == 0;
		else if (header_field(&ln, "Title", &v))
			replace(&title, v);
		else if (header_field(&ln, "Date", &v))
			replace(&date, v);
		else if (header_field(&ln, "Kind", &v))
			replace(&kind, v);
		else if (header_field(&ln, "Source", &v))
			replace(&source, v);
		else if (header_field(&ln, "Lines", &v)) {
			char *end;

			first = strtol(v, &end, 10);
			last = *end == '-' ? strtol(end + 1, NULL, 10) : first;
		}
	}
	if (!saw_paper || is_doc < 0 || first <= 0 || last < first) {
		malformed(p, header_no, "a unit needs Paper, Unit and Lines");
		goto fail;
	}
	p->u.is_doc = is_doc;
	for (no = first; no <= last; no++) {
		r = input_getline(p->in, &ln);
		if (r < 0)
			goto fail;
		if (r == 0) {
			malformed(p, header_no, "fewer lines than Lines says");
			goto fail;
		}
		ln.no = no;
		add_line(p, &ln);
	}
	r = input_getline(p->in, &ln);
	if (r < 0)
		goto fail;
	if (r == 0)
		p->eof = 1;
	else if (header_field(&ln, "Paper", &v))
		input_unget(p->in);	/* streams put end to end */
	else if (!(ln.len == 1 && ln.s[0] == '\f')) {
		malformed(p, ln.no, "expected a form feed or a Paper line after the unit");
		goto fail;
	}
	p->u.paper = p->stream_paper;
	finish(p);
	if (is_doc && p->u.nlines > 0) {
		/* the header's fields are the stream's word on the unit */
		if (title) { free(p->u.title); p->u.title = title; title = NULL; }
		if (source) { free(p->u.source); p->u.source = source; source = NULL; }
		if (date && iso_date(date))
			snprintf(p->u.date, sizeof(p->u.date), "%s", date);
		if (kind) {
			enum doc_kind k;

			for (k = KIND_RECORD; k <= KIND_OTHER; k++)
				if (strcmp(kind, kind_name(k)) == 0)
					p->u.kind = k;
		}
	}
	free(title); free(date); free(kind); free(source);
	return 1;
fail:
	free(title); free(date); free(kind); free(source);
	return -1;
}

/* Decide between a raw paper and a stream from the first two lines. */
static int
sniff(struct paper *p)
{
	struct line ln;
	const char *v;
	int r;

	p->mode = MODE_RAW;
	r = input_getline(p->in, &ln);
	if (r <= 0) {
		p->eof = 1;
		return r;
	}
	if (!header_field(&ln, "Paper", &v)) {
		input_unget(p->in);
		return 1;
	}
	buf_add(&p->held, ln.s, ln.len);
	p->held_line.s = p->held.s;
	p->held_line.len = ln.len;
	p->held_line.no = ln.no;
	p->held_pending = 1;
	r = input_getline(p->in, &ln);
	if (r < 0)
		return -1;
	if (r > 0) {
		if (header_field(&ln, "Unit", &v))
			p->mode = MODE_STREAM;
		input_unget(p->in);
	}
	return 1;
}

int
paper_next(struct paper *p, struct unit *u)
{
	int r;

	if (p->mode == MODE_UNKNOWN && (r = sniff(p)) <= 0)
		return r;
	r = p->mode == MODE_STREAM ? next_stream(p) : next_raw(p);
	if (r == 1)
		*u = p->u;
	return r;
}

const struct line *
unit_line(const struct unit *u, long no)
{
	if (u->nlines == 0 || no < u->lines[0].no ||
	    no > u->lines[u->nlines - 1].no)
		return NULL;
	return &u->lines[no - u->lines[0].no];
}

/* "Name: value", or "Name:" when there is none, and a newline */
static void
field(struct buf *b, const char *name, const char *value)
{
	size_t name_len = strlen(name), value_len = value ? strlen(value) : 0;
	char *o;

	buf_grow(b, name_len + value_len + 3);
	o = b->s + b->len;
	memcpy(o, name, name_len);
	o += name_len;
	*o++ = ':';
	if (value_len > 0) {
		*o++ = ' ';
		memcpy(o, value, value_len);
		o += value_len;
	}
	*o++ = '\n';
	*o = '\0';
	b->len = (size_t)(o - b->s);
}

void
stream_write_unit(const struct unit *u)
{
	static struct buf body;	/* kept for the next unit */
	size_t i, k;

	/* the header and the lines into one buffer, and one write:
	 * stdio's cost is per call, not per byte */
	buf_reset(&body);
	field(&body, "Paper", u->paper);
	field(&body, "Unit", u->is_doc ? "document" : "essay");
	field(&body, "Document", u->doc);
	field(&body, "Title", u->title);
	field(&body, "Date", u->date);
	field(&body, "Kind", kind_name(u->kind));
	field(&body, "Source", u->source);
	buf_adds(&body, "Lines: ");
	buf_addlong(&body, u->nlines ? u->lines[0].no : 0);
	buf_addc(&body, '-');
	buf_addlong(&body, u->nlines ? u->lines[u->nlines - 1].no : 0);
	buf_adds(&body, "\n\n");
	for (i = 0; i < u->nlines; i = k) {
		/* lines one after another in memory, each with its NUL,
		 * as the reader leaves them: one copy for the run */
		const char *run = u->lines[i].s, *end = run + u->lines[i].len + 1;
		size_t at = body.len;

		for (k = i + 1; k < u->nlines && u->lines[k].s == end; k++)
			end += u->lines[k].len + 1;
		buf_add(&body, run, (size_t)(end - run));
		for (; i < k; i++) {
			at += u->lines[i].len;
			body.s[at++] = '\n';
		}
	}
	fwrite(body.s, 1, body.len, stdout);
}

size_t
unit_bytes(const struct unit *u)
{
	size_t k, bytes = 0;

	for (k = 0; k < u->nlines; k++)
		bytes += u->lines[k].len + 1;
	return bytes;
}

struct unit *
unit_clone(const struct unit *u)
{
	struct unit *c = xmalloc(sizeof(*c));
	size_t k, bytes = unit_bytes(u);
	char *text;

	*c = *u;
	c->paper = xstrdup(u->paper);
	c->doc = u->doc ? xstrdup(u->doc) : NULL;
	c->title = u->title ? xstrdup(u->title) : NULL;
	c->source = u->source ? xstrdup(u->source) : NULL;
	/* the lines and their text in one block */
	c->lines = xmalloc(u->nlines * sizeof(*c->lines) + bytes);
	text = (char *)(c->lines + u->nlines);
	for (k = 0; k < u->nlines; k++) {
		c->lines[k] = u->lines[k];
		c->lines[k].s = text;
		memcpy(text, u->lines[k].s, u->lines[k].len + 1);
		text += u->lines[k].len + 1;
	}
	return c;
}

void
unit_clone_free(struct unit *u)
{
	if (u == NULL)
		return;
	free((char *)u->paper);
	free(u->doc);
	free(u->title);
	free(u->source);
	free(u->lines);
	free(u);
}
