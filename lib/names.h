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

#include "util.h"

enum ntok_type { NT_WORD, NT_INITIAL, NT_NUM, NT_PUNCT };

struct ntok {
	size_t off, len;	/* in the text; an initial includes its dot */
	int    type;
	int    cap;		/* starts with an upper-case letter */
	int    allcaps;		/* two or more letters, all upper case */
	int    poss;		/* a possessive 's was cut off (not in len) */
};

/* Tokens of s[0..n) into *toks (grown as needed); returns the count. */
size_t name_tokenize(const char *s, size_t n, struct ntok **toks,
    size_t *cap);

/* Letter classes (Latin, Latin-1, Latin Extended-A, Cyrillic). */
int name_cp_upper(uint32_t cp);
int name_cp_lower(uint32_t cp);

/* Vocabularies, case-insensitive. */
int name_is_honorific(const char *w, size_t n);	/* comrade, com, Cde, Mr ... */
int name_is_stopword(const char *w, size_t n);	/* offices, places, function words */
/* Is token t of s an honorific here ("Gen." is, "Gen" in Son Gen Mo
 * is not)? */
int name_honorific_at(const char *s, const struct ntok *t);
/* Could token t of s be a word of a name? */
int name_word_ok(const char *s, const struct ntok *t);

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

/* The number of words (not initials) in a name. */
int name_words(const char *name);

/* How much of a name a form gives (full words count most). */
int name_fullness(const char *name);

/* Free the cache of parsed names (at exit). */
void name_cache_free(void);

#endif
