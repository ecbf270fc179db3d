/* canon.h: the rewriting pass of normalize-translit (variant spellings
 * of names into one scheme), for the filter and for other programs. */
#ifndef CWIHP_CANON_H
#define CWIHP_CANON_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "util.h"

/* A line cut into words: letters with inner apostrophes. */
struct tok {
	size_t cs, ce;		/* code point range [cs, ce) */
	size_t bs, be;		/* byte range */
	unsigned flags;		/* TOK_*: the case and script, found once */
};
enum { TOK_TITLE = 1, TOK_CAPS = 2, TOK_LOWER = 4, TOK_CYRILLIC = 8 };

struct text {
	const char *s;
	size_t      len;
	uint32_t   *cp;
	size_t     *off;	/* byte offset of each code point, off[ncp]=len */
	size_t      ncp, capcp;
	struct tok *tok;
	size_t      ntok, captok;
	size_t      colbase;	/* code points before s on its line */
	size_t      start_end;	/* rewrites start only in the tokens that
				 * begin before this byte (text_cut: len) */
	int         addr;	/* text_cut saw "://", "@" or "www." */
};

void text_cut(struct text *t, const char *s, size_t len);
/* The same tokens, maybe without cp and off (ncp 0): for canon_rewrite,
 * which needs no more. */
void text_cut_tokens(struct text *t, const char *s, size_t len);
void text_free(struct text *t);
int tok_title(const struct text *t, size_t i);
int tok_caps(const struct text *t, size_t i);
int tok_lower(const struct text *t, size_t i);
/* The bytes between token i and token i + 1. */
int tok_gap(const struct text *t, size_t i, const char *gap);
/* Set mark[k] to value for each token k inside a URL or an e-mail
 * address (a run of non-blanks that holds "://", starts with "www." or
 * is name@host.domain): the words of a link are not the text's.  t is
 * text_cut's. */
void text_mark_urls(const struct text *t, char *mark, char value);

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

/* Chinese surnames (pinyin, NULL-terminated); one in scheme? */
extern const char *const canon_zh_surnames[];
int zh_surname(const char *s, size_t n, int scheme);

/* Same text, apostrophes aside? */
int same_but_apos(const char *a, size_t an, const char *b, size_t bn);

/* "apostrophe", "case", "spacing" or "diacritics" when a and b differ
 * only so (each includes the ones before), else fallback. */
const char *canon_difference(const char *a, const char *b,
    const char *fallback);

/* The schemes and typography of a rewrite (translit.h enums; apos -1:
 * keep the apostrophe style of the text). */
struct canon_opts {
	int ru, ko, zh, given, apos, ascii, breves, surnames;
	int consistency;	/* dictionary entries only */
	struct dict *dict;
	struct memo *memo;	/* rewrites worked out, or NULL (translit.h;
				 * for these options only) */
};

/* One rewrite of a text: the rewritten text goes to out (text up to
 * copied, then the rest unchanged), or with report set each change is
 * handed to it instead. */
struct canon_rw {
	const struct canon_opts *o;
	struct buf  out;
	size_t      copied;
	int         changed;
	void      (*report)(void *arg, const struct text *t, size_t bs,
		    size_t be, const char *canonical, size_t clen,
		    const char *rule);
	void       *arg;
};
void canon_rewrite(struct canon_rw *rw, const struct text *t);

/* name[0..len) as normalize-translit's filter writes it with its
 * default schemes (korean=mr, russian=lc, chinese=pinyin, hyphenated
 * Korean given names) and built-in dictionary, with ASCII apostrophes:
 * "Kim Ch'ang Bong", "Kim Ch’ang-bong" and "Kim Ch'angbong" give one
 * form.  name_canonical_free() releases the dictionary it loads. */
void name_canonical(struct buf *out, const char *name, size_t len);
void name_canonical_free(void);

#endif
