/* wordset.h: a small, fixed set of words, each with flag bits.
 *
 * Words are compared case folded (ASCII and Latin-1 capitals lowered)
 * with curly apostrophes as ': "Comrade", "COMRADE" and "comrade" are
 * one word, and so are "people's" and "people’s".  The set is an
 * open-addressing table of fixed size, filled once from string literals
 * (it keeps the pointers) and then only read.  A word is hashed eight
 * bytes at a time; a caller that reads plain ASCII words can hash them
 * itself with wordset_mix() and look them up with wordset_find_ascii(),
 * which folds nothing. */
#ifndef CWIHP_WORDSET_H
#define CWIHP_WORDSET_H

#include <stddef.h>
#include <stdint.h>

#define WORDSET_BITS	12	/* room to spare: most probes end at once */
#define WORDSET_SLOTS	(1u << WORDSET_BITS)
#define WORDSET_MAXLEN	63	/* longer words are never in a set */

struct wordset_entry {
	const char *w;		/* folded; NULL: an empty slot */
	uint64_t    head;	/* its first 8 bytes, zero padded */
	uint32_t    hash, len;
	unsigned    flags;
};

struct wordset {
	struct wordset_entry slot[WORDSET_SLOTS];
	size_t n;
};

/* The hash of a folded word: its bytes in chunks of 8 (memory order,
 * the last one zero padded) mixed in from WORDSET_SEED; the hash is
 * the high half. */
#define WORDSET_SEED	0xcbf29ce484222325u
#define WORDSET_MUL	0x9e3779b97f4a7c15u

static inline uint64_t
wordset_mix(uint64_t h, uint64_t chunk)
{
	return (h ^ chunk) * WORDSET_MUL;
}

/* Add n words (folded already: lower case, ' for apostrophes) with
 * flag; a word added again gets both flags. */
void wordset_add(struct wordset *ws, const char *const *words, size_t n,
    unsigned flag);

/* The entry of the word w[0..n), in any case, or NULL; *hash (unless
 * NULL) gets the word's hash. */
const struct wordset_entry *wordset_find(const struct wordset *ws,
    const char *w, size_t n, uint32_t *hash);

/* The hash of the word w[0..n), in any case. */
uint32_t wordset_hash(const char *w, size_t n);

/* The entry of w[0..n), ASCII letters, ' and - only, whose hash is h
 * and whose first 8 bytes, with 0x20 set and zero padded, are head. */
static inline const struct wordset_entry *
wordset_find_ascii(const struct wordset *ws, const char *w, size_t n,
    uint32_t h, uint64_t head)
{
	uint32_t k = h >> (32 - WORDSET_BITS);
	const struct wordset_entry *e;
	size_t i;

	for (; (e = &ws->slot[k])->w != NULL; k = (k + 1) & (WORDSET_SLOTS - 1)) {
		if (e->hash != h || e->len != n || e->head != head)
			continue;
		for (i = 8; i < n; i++)
			if (((unsigned char)w[i] | 0x20) != (unsigned char)e->w[i])
				break;
		if (i >= n)
			return e;
	}
	return NULL;
}

/* The entry of a word of fewer than 8 ASCII letters, ' and -, whose
 * bytes with 0x20 set and zero padded are head (which tell it whole),
 * and whose hash is h. */
static inline const struct wordset_entry *
wordset_find_short(const struct wordset *ws, uint32_t h, uint64_t head)
{
	uint32_t k = h >> (32 - WORDSET_BITS);
	const struct wordset_entry *e;

	/* an empty slot's head is 0, which no word's is */
	while ((e = &ws->slot[k])->head != head) {
		if (e->w == NULL)
			return NULL;
		k = (k + 1) & (WORDSET_SLOTS - 1);
	}
	return e;
}

#endif
