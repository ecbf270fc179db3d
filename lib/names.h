/* names.h: person names in running text.
 *
 * A tokenizer that knows initials ("A.N.", "Yu."), words with inner
 * apostrophes and hyphens ("Ch'ol-gun", "Ch’ol", "Chʼol") and possessives;
 * vocabularies of honorifics and of the office, place and function words
 * that are never part of a name; the name that ends or starts a phrase;
 * and the rule that tells whether two forms name one person
 * ("A.N. Kosygin", "Kosygin A.N.", "Aleksei Kosygin", "Kosygin" do;
 * "Kim Il" and "Kim Il Sung" do not). */
#ifndef CWIHP_NAMES_H
#define CWIHP_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "utf8.h"
#include "util.h"

enum ntok_type { NT_WORD, NT_INITIAL, NT_NUM, NT_PUNCT };
/* The bit that initials and marks have and words and numbers have not:
 * one test for the tokens that can end a sentence. */
#define NT_ODD	1
_Static_assert((NT_INITIAL & NT_ODD) && (NT_PUNCT & NT_ODD) &&
    !(NT_WORD & NT_ODD) && !(NT_NUM & NT_ODD), "NT_ODD: the odd types");

/* What the vocabularies say of a word (struct ntok's vocab). */
#define NV_HONORIFIC	0x1	/* comrade, com, Cde, Mr ... */
#define NV_STOPWORD	0x2	/* offices, places, function words */
#define NV_DOTTED	0x4	/* an honorific only before a dot: Gen. */
#define NV_LIBRARY	0xff	/* the flags above */
#define NV_PROGRAM	0x100	/* the first flag a program may give its
				 * own words: name_vocab_add() */

struct ntok {
	size_t   off, len;	/* in the text; an initial includes its dot */
	uint32_t hash;		/* a word's name_word_hash() */
	unsigned vocab;		/* a word's NV_ flags */
	unsigned char type;	/* enum ntok_type */
	unsigned char cap;	/* starts with an upper-case letter */
	unsigned char allcaps;	/* two or more letters, all upper case */
	unsigned char poss;	/* a possessive 's was cut off (not in len) */
};

/* Tokens of s[0..n) into *toks (grown as needed); returns the count. */
size_t name_tokenize(const char *s, size_t n, struct ntok **toks,
    size_t *cap);

/* The same for at most max tokens; *rest gets the offset where it
 * stopped (n when all of s was read). */
size_t name_tokenize_some(const char *s, size_t n, struct ntok **toks,
    size_t *cap, size_t max, size_t *rest);
/* The same from s[from] on (the rest of a name_tokenize_some()), after
 * the count tokens already in *toks, up to max tokens in all. */
size_t name_tokenize_more(const char *s, size_t n, size_t from,
    struct ntok **toks, size_t *cap, size_t count, size_t max,
    size_t *rest);

/* Letter classes (Latin, Latin-1, Latin Extended-A, Cyrillic). */
int name_cp_upper(uint32_t cp);
int name_cp_lower(uint32_t cp);

/* Give n more words (lower case, ASCII or Latin-1) a flag of
 * NV_PROGRAM or above: tokens that are these words but for ASCII case
 * get it in their vocab ("Said" and "SAID" are "said", "CHARGÉ" is not
 * "chargé").  Call it before reading a text. */
void name_vocab_add(const char *const *words, size_t n, unsigned flag);

/* Vocabularies, case-insensitive. */
int name_is_honorific(const char *w, size_t n);	/* comrade, com, Cde, Mr ... */
/* Can the word token that starts at w[0..n) be an honorific?  0 when
 * its first letter, and its second or the lack of one, start none
 * ("the", "a", "said"); 1 may be. */
int name_may_be_honorific(const char *w, size_t n);
int name_is_stopword(const char *w, size_t n);	/* offices, places, function words */
/* The hash of a word, case folded (ASCII and Latin-1), apostrophes
 * unified: the same for every spelling of a word that the vocabularies
 * take for one. */
uint32_t name_word_hash(const char *w, size_t n);
/* Is token t of s an honorific here ("Gen." is, "Gen" in Son Gen Mo
 * is not)?  (Inline, as the next: they are asked of most tokens.) */
static inline int
name_honorific_at(const char *s, const struct ntok *t)
{
	if (t->type != NT_WORD || !(t->vocab & NV_HONORIFIC))
		return 0;
	if (t->vocab & NV_DOTTED)
		return s[t->off + t->len] == '.';
	return 1;
}

/* Could token t of s be a word of a name? */
static inline int
name_word_ok(const char *s, const struct ntok *t)
{
	if (t->type != NT_WORD || !t->cap || t->allcaps)
		return 0;
	/* two code points at least: an ASCII letter and a byte that starts
	 * a code point tell it at once */
	if (t->len < 2)
		return 0;
	if (((unsigned char)s[t->off] >= 0x80 ||
	    ((unsigned char)s[t->off + 1] & 0xC0) == 0x80) &&
	    utf8_count(s + t->off, t->len) < 2)
		return 0;
	return !(t->vocab & NV_STOPWORD) && !name_honorific_at(s, t);
}

/* The name that ends the tokens [from, to): offices before it are left
 * out.  Sets *first and returns the end (to) when there is one, else 0
 * with *first untouched. */
int name_trailing(const char *s, const struct ntok *t, size_t from,
    size_t to, size_t *first);
/* The name that starts at token i (honorifics skipped): its end token
 * (exclusive), or 0; *first gets its first token. */
size_t name_leading(const char *s, const struct ntok *t, size_t i,
    size_t to, size_t *first);

/* The text of tokens [a, b) as a name: tokens joined by single spaces,
 * initials kept with their dots and glued ("A.N. Kosygin"). */
char *name_text(const char *s, const struct ntok *t, size_t a, size_t b);
/* The same in out (emptied first); returns out->s. */
const char *name_text_buf(struct buf *out, const char *s,
    const struct ntok *t, size_t a, size_t b);
/* The same without a copy where it can: a pointer into s (not NUL
 * terminated) when the tokens are one space apart or glued, else into
 * out; *len gets its length. */
const char *name_text_view(struct buf *out, const char *s,
    const struct ntok *t, size_t a, size_t b, size_t *len);

/* An upper-case line in title case ("KANG CH'OL GUN" -> "Kang Ch'ol
 * Gun", "OF THE" -> "of the"). */
char *name_titlecase(const char *s, size_t n);

/* The comparison key: case folded, apostrophes unified, hyphens as
 * spaces, initials as letters. */
void name_key(struct buf *b, const char *name);

/* Do two forms name one person?  2: surely (same words, or initials or
 * a surname that fit the fuller form); 1: maybe (one word that is the
 * first word of the other, as a Korean surname); 0: no. */
int name_same(const char *a, const char *b);

/* The same for names parsed once (name_parse(), malloc'd; free with
 * name_parsed_free()): for comparing one name with many. */
struct name_parsed;
struct name_parsed *name_parse(const char *name);
/* The same from a cache: valid until the next call of a function here
 * that parses (name_parse*, name_same, name_words, name_fullness). */
const struct name_parsed *name_parse_cached(const char *name);
void name_parsed_free(struct name_parsed *p);
int name_same_parsed(const struct name_parsed *a,
    const struct name_parsed *b);
int name_parsed_words(const struct name_parsed *p);

/* What two names need for name_same_parsed() to find them alike (not
 * 0): their first words alike, or their last words, or one a given name
 * and patronymic and the other two initials or more.  As bits of word
 * hashes, so that names, or sets of names ORed together, that share no
 * bit are never alike: a test before comparing one name with many. */
struct name_meet {
	uint64_t first, last;	/* a bit of the first / last word */
	unsigned gp_name;	/* given name and patronymic, no initial */
	unsigned gp_inits;	/* two initials or more */
};
void name_parsed_meet(const struct name_parsed *p, struct name_meet *m);
/* Add the bits of m to the set into. */
void name_meet_add(struct name_meet *into, const struct name_meet *m);
/* Can a name of a and one of b be alike? */
static inline int
name_may_meet(const struct name_meet *a, const struct name_meet *b)
{
	return (a->first & b->first) || (a->last & b->last) ||
	    (a->gp_name && b->gp_inits) || (a->gp_inits && b->gp_name);
}
int name_parsed_fullness(const struct name_parsed *p);

/* The number of words (not initials) in a name. */
int name_words(const char *name);

/* How much of a name a form gives (full words count most). */
int name_fullness(const char *name);

/* Free the cache of parsed names (at exit). */
void name_cache_free(void);

#endif
