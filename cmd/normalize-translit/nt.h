/* nt.h: the parts of normalize-translit. */
#ifndef NT_H
#define NT_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "input.h"
#include "util.h"

enum report_format { REPORT_GNU, REPORT_GITHUB, REPORT_TSV, REPORT_JSON };

struct nt_opts {
	int ru, ko, zh, given, apos, ascii, breves, surnames, customary;
	int check, consistency, soft;
	enum report_format format;
	struct input_opts in;
	struct dict *dict;
};
extern struct nt_opts opt;

/* A line cut into words: letters with inner apostrophes. */
struct tok {
	size_t cs, ce;		/* code point range [cs, ce) */
	size_t bs, be;		/* byte range */
};

struct text {
	const char *s;
	size_t      len;
	uint32_t   *cp;
	size_t     *off;	/* byte offset of each code point, off[ncp]=len */
	size_t      ncp, capcp;
	struct tok *tok;
	size_t      ntok, captok;
	size_t      colbase;	/* code points before s on its line */
};

void text_cut(struct text *t, const char *s, size_t len);
void text_free(struct text *t);
int tok_title(const struct text *t, size_t i);
int tok_caps(const struct text *t, size_t i);
int tok_lower(const struct text *t, size_t i);
/* The bytes between token i and token i + 1. */
int tok_gap(const struct text *t, size_t i, const char *gap);

/* A Korean name from token i: its last token and its parts. */
struct koname {
	size_t first, last;
	int    surname;
	size_t syl[2], nsyl;	/* tokens, or one joined token split at */
	size_t split;		/* byte offset of the second syllable, joined */
	int    caps;
};
int koname_at(const struct text *t, size_t i, struct koname *kn);
/* The loose key of a name (surname and given syllables). */
void koname_key(const struct text *t, const struct koname *kn,
    struct buf *key);

/* A Chinese surname in scheme? */
int zh_surname(const char *s, size_t n, int scheme);

void nt_process(const char *path);
void nt_report(const char *file, long line, long col, const char *form,
    size_t formlen, const char *canonical, const char *rule);

/* "apostrophe", "case", "spacing" or "diacritics" when a and b differ
 * only so (each includes the ones before), else fallback. */
const char *nt_difference(const char *a, const char *b,
    const char *fallback);

void consist_init(void);
void consist_line(const char *file, int fileno, long lineno,
    const struct text *t);
void consist_finish(void);

#endif
