/* cite.h: citations in a note or a source line, and their resolution.
 *
 * cite_parse() cuts a text into clauses (at ";" and sentence ends outside
 * quotes, brackets and italics), finds titles (quoted, or *italic* with
 * an author before or publication details after), archival coordinates
 * (fond/f., opis/op., papka/P., delo/d., list/listy/l./ll., folios; a
 * year between them is skipped, "p." after delo is pages), URLs, FRUS,
 * Ibid., op. cit., supra and cross-references to the paper's documents,
 * and makes one citation of each title or coordinate chain.
 *
 * A cite_index remembers the full citations of earlier notes (memory
 * grows with citations, not text) to resolve Ibid. and short forms:
 * unique antecedent or none. */
#ifndef CWIHP_CITE_H
#define CWIHP_CITE_H

#include <stddef.h>

enum cite_kind {
	CITE_ARCHIVAL, CITE_BOOK, CITE_ARTICLE, CITE_CHAPTER, CITE_THESIS,
	CITE_PAPER, CITE_WEB, CITE_IBID, CITE_SHORT, CITE_CROSSREF, CITE_OTHER
};

/* archival fields, in the contract's column order */
enum { AF_ARCHIVE, AF_FOND, AF_OPIS, AF_PAPKA, AF_DELO, AF_FOLIOS, AF_N };

struct cite {
	enum cite_kind kind;
	size_t  start, end;	/* span in the parsed text */
	char   *af[AF_N];	/* as printed; "" when none, never NULL */
	char   *coords;		/* other coordinates (record group, box ...) */
	char   *title;		/* the quoted or italic title */
	char   *key;		/* title folded for matching, "" none */
	char   *date;		/* "(12 February 1965)" after the title */
	char   *author, *surname;
	char   *container, *place, *publisher, *year, *pages, *url,
	       *accessed, *volume, *number, *issue;
	char   *defines;	/* key of a title named with "hereafter" */
	long    ref;		/* crossref: document; supra: note */
	int     full;		/* carries publication details */
	int     opcit;		/* "op. cit." / "supra": short by author */
	long    target;		/* resolution: note number, 0 when none */
	int     ambiguous;	/* an antecedent exists but is not unique */
	int     orphan;		/* "Author, Title" with no earlier full one */
	int     plain;		/* a short form in plain type: kept only
				   when it resolves */
};

struct cite_chunk;

struct cites {
	struct cite       *v;
	size_t             n, cap;
	struct cite_chunk *strings;	/* the citations' strings */
};

void cite_parse(const char *s, size_t len, struct cites *out);
/* Body text: only cross-references and archival coordinates.
 * brackets 0 tells that s holds neither "[" nor "(", where no
 * cross-reference opens. */
void cite_parse_text(const char *s, size_t len, int brackets,
    struct cites *out);
/* The coordinate chains of a unit's lines found ahead, by another
 * thread than the one that parses the lines (extract-cites' reader):
 * they depend on the text alone.  cite_ahead_line() looks at line k,
 * s[0..len); cite_parse_text_ahead() is cite_parse_text() of line k
 * with what a found, or finds them itself when a did not look at
 * s[0..len).  cite_init() must have run before two threads use cite. */
struct cite_ahead;
void cite_init(void);
struct cite_ahead *cite_ahead_new(size_t nlines);
void cite_ahead_line(struct cite_ahead *a, size_t k, const char *s,
    size_t len);
void cite_ahead_free(struct cite_ahead *a);
void cite_parse_text_ahead(const char *s, size_t len, int brackets,
    const struct cite_ahead *a, size_t k, struct cites *out);
/* Empty the list, keeping the array; the citations' strings go with
 * them. */
void cites_clear(struct cites *cl);
void cites_free(struct cites *cl);
const char *cite_kind_name(enum cite_kind kind);
int  cite_is_published(enum cite_kind kind);
/* A title folded for matching: letters and digits, lower case, one
 * space between words; quotes, apostrophes and markup dropped. */
char *cite_key(const char *s, size_t len);

/* Archive abbreviations a paper defines ("(hereafter AVPRF)") are
 * learnt while parsing; forget them between papers. */
void cite_forget_archives(void);

struct cite_index;

struct cite_conflict {
	const struct cite *cite;	/* the later citation */
	long   note;
	long   earlier_note;
	long   earlier_line;
	int    field;		/* AF_ index that differs */
	const char *earlier_value;
};

struct cite_index *cite_index_new(void);
void cite_index_free(struct cite_index *ix);
/* Resolve the Ibid. and short forms of note (series 0: the author's
 * notes, 1: the original document's), then remember its citations.
 * conflict, when not NULL, hears of each archival citation whose title
 * an earlier note cites with other coordinates. */
void cite_resolve(struct cite_index *ix, long note, int series, long line,
    struct cites *cl,
    void (*conflict)(const struct cite_conflict *, void *), void *arg);
/* A note's Ibid. target and short-form target (0 when none). */
long cites_ibid_of(const struct cites *cl);
long cites_short_of(const struct cites *cl);

#endif
