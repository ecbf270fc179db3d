/* translit.h: romanization tables and converters.
 *
 * Russian: Cyrillic to Latin in ALA-LC (with or without diacritics),
 * BGN/PCGN (as ICU's Russian-Latin/BGN), ISO 9 and a simplified scholarly
 * style; Latin forms of one scheme recognized and rewritten in another.
 * Korean: McCune-Reischauer and Revised Romanization by syllable tables.
 * Chinese: Wade-Giles and pinyin by syllable table.
 * All tables are compiled in: there is nothing to find at run time. */
#ifndef CWIHP_TRANSLIT_H
#define CWIHP_TRANSLIT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum ru_scheme { RU_LC, RU_LC_DIACRITICS, RU_BGN, RU_ISO9, RU_SIMPLE,
	RU_NSCHEMES };
enum ko_scheme { KO_MR, KO_RR };
enum zh_scheme { ZH_PINYIN, ZH_WG };
enum given_style { GIVEN_HYPHEN, GIVEN_SPACE, GIVEN_JOINED };

/* Scheme names ("lc", "lc-diacritics", "bgn", "iso9", "simple"; "mr",
 * "rr"; "pinyin", "wg"); -1 when unknown. */
int ru_scheme_parse(const char *name);
const char *ru_scheme_name(int scheme);
int ko_scheme_parse(const char *name);
int zh_scheme_parse(const char *name);

/* Russian Cyrillic letter?  (U+0400..U+04FF) */
int is_cyrillic(uint32_t cp);
/* Transliterate s[0..n) (UTF-8) into b: Cyrillic letters are replaced,
 * everything else is copied. */
void ru_translit(struct buf *b, const char *s, size_t n, int scheme);

/* Latin forms of Russian words.  Markers: which scheme a Latin word's
 * spelling points to. */
enum { RU_MARK_BGN = 1, RU_MARK_LC = 2 };
int ru_latin_marks(const char *s, size_t n);
/* A scheme-neutral key: Sergeevich, Sergeyevich and Sergeevič give one
 * key; the case is folded. */
void ru_latin_key(struct buf *b, const char *s, size_t n);
/* Rewrite a Latin word from whatever scheme into scheme (lc, bgn or
 * simple) where its spelling makes that unambiguous. */
void ru_latin_convert(struct buf *b, const char *s, size_t n, int scheme);

/* Korean.  ko_surname: the index of a surname in any spelling, or -1. */
int ko_surname(const char *s, size_t n);
const char *ko_surname_form(int idx, int scheme);
/* Every spelling ko_surname knows, as it compares them (lower case,
 * ' for apostrophes, breves folded). */
void ko_surname_each(void (*fn)(const char *key, void *arg), void *arg);
/* Every spelling of every surname, its key and its surname, worked out
 * from the tables of translit.c (scripts/gen-translit-tables writes them
 * into lib/translit-tables.c, whence ko_surname takes them). */
void ko_surname_spellings(void (*fn)(const char *key, int idx, void *arg),
    void *arg);
/* Is s[0..n) one romanized Korean syllable (any scheme, any case,
 * any apostrophe)? */
int ko_syllable(const char *s, size_t n);
/* Split a given name written as one word into syllables: the offset of
 * the second syllable, or 0 when it does not split into two. */
size_t ko_split_given(const char *s, size_t n);
/* Convert the syllables syl[0..nsyl) of a given name into scheme,
 * joined by style; 0 if a syllable does not parse, or when the reading
 * is uncertain: McCune-Reischauer k, t, p, ch written without an
 * apostrophe may be an aspirate whose apostrophe was dropped, so the
 * name is left alone where that matters (voiced after a vowel or a
 * voiced final, or any of them into RR unless marked says the name's
 * writer marks aspiration, see ko_marked). */
int ko_given_convert(struct buf *b, const char *const *syl,
    const size_t *len, int nsyl, int scheme, int style, int breves,
    int marked);
/* Does s[0..n) carry an aspiration mark or a breve? */
int ko_marked(const char *s, size_t n);
/* The loose key of a syllable: case, apostrophes, breves, voicing and
 * the MR/RR vowel spellings folded. */
void ko_syllable_key(struct buf *b, const char *s, size_t n);

/* Chinese: one syllable to the other scheme (lower case, no tone).
 * Returns 0 when s is not a syllable of from. */
int zh_syllable_convert(struct buf *b, const char *s, size_t n, int from);
int zh_is_syllable(const char *s, size_t n, int scheme);
/* A name or word: syllables split on hyphens (WG) or by table
 * (pinyin); converted, capitalized like the input.  0 on failure. */
int zh_word_convert(struct buf *b, const char *s, size_t n, int from);

/* Typography. */
enum apos_style { APOS_ASCII, APOS_RIGHT, APOS_MODIFIER };
int apos_parse(const char *name);
/* The aspiration/soft-sign marks ' ’ ʼ ʹ in s rewritten to style. */
void apos_rewrite(struct buf *b, const char *s, size_t n, int style);
/* Fold diacritics to ASCII (ŏ -> o, ë -> e, ĭ -> i, ʹ -> '). */
void ascii_fold(struct buf *b, const char *s, size_t n);

/* Unicode helpers on one code point (Latin and Cyrillic). */
uint32_t cp_lower(uint32_t c);
uint32_t cp_upper(uint32_t c);
int cp_is_upper(uint32_t c);
int cp_is_lower(uint32_t c);
int cp_is_letter(uint32_t c);
/* A mark that may sit inside a romanized word: ' ’ ʼ ʹ ʺ ‘ */
int cp_is_apos(uint32_t c);

/* A bounded cache of worked-out results, by a tag and the bytes of their
 * key (at most 64): what a paper repeats (syllables, names) is worked
 * out once.  It forgets everything when full, so memory stays bounded;
 * memo_get returns NULL for what it does not hold.  memo_put copies
 * v->s (v->len bytes); rule is kept as a pointer (a static string). */
struct memo_val {
	int         n;
	const char *rule;
	char       *s;
	size_t      len;
};
struct memo;
struct memo *memo_new(void);
const struct memo_val *memo_get(const struct memo *m, int tag,
    const char *key, size_t klen);
void memo_put(struct memo *m, int tag, const char *key, size_t klen,
    const struct memo_val *v);
void memo_free(struct memo *m);

#endif
