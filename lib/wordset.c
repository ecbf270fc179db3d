/* wordset.c: a small, fixed set of words with flag bits (see wordset.h). */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wordset.h"

/* A word folded byte by byte: its hash, its length and (up to
 * WORDSET_MAXLEN bytes) its text. */
struct fold {
	uint64_t      h;
	size_t        len;
	unsigned char chunk[8];
	char          text[WORDSET_MAXLEN + 1];
};

static void
put(struct fold *f, unsigned char c)
{
	if (f->len < sizeof(f->text))
		f->text[f->len] = (char)c;
	f->chunk[f->len++ & 7] = c;
	if ((f->len & 7) == 0) {
		uint64_t v;

		memcpy(&v, f->chunk, 8);
		f->h = wordset_mix(f->h, v);
	}
}

/* w as the sets see it: ASCII and Latin-1 capitals lowered, curly
 * apostrophes as '.  Returns the hash. */
static uint32_t
fold(struct fold *f, const char *w, size_t n)
{
	const unsigned char *u = (const unsigned char *)w;
	size_t i;

	f->h = WORDSET_SEED;
	f->len = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = u[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		else if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0x99 || u[i + 2] == 0x98)) {
			c = '\'';
			i += 2;
		} else if (c == 0xC3 && i + 1 < n && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9E && u[i + 1] != 0x97) {
			/* Latin-1 capital: lower it */
			put(f, c);
			c = (unsigned char)(u[++i] + 0x20);
		}
		put(f, c);
	}
	if (f->len & 7) {
		uint64_t v;

		memset(f->chunk + (f->len & 7), 0, 8 - (f->len & 7));
		memcpy(&v, f->chunk, 8);
		f->h = wordset_mix(f->h, v);
	}
	return (uint32_t)(f->h >> 32);
}

uint32_t
wordset_hash(const char *w, size_t n)
{
	struct fold f;

	return fold(&f, w, n);
}

void
wordset_add(struct wordset *ws, const char *const *words, size_t n,
    unsigned flag)
{
	struct wordset_entry *e;
	struct fold f;
	size_t i, len;
	uint32_t h, k;

	for (i = 0; i < n; i++) {
		len = strlen(words[i]);
		h = fold(&f, words[i], len);
		/* a word must come folded, and not too many of them */
		if (len > WORDSET_MAXLEN || f.len != len ||
		    memcmp(f.text, words[i], len) != 0 ||
		    ws->n >= WORDSET_SLOTS / 2)
			fatal(NULL, 0, "wordset: cannot add \"%s\"", words[i]);
		for (k = h >> (32 - WORDSET_BITS);
		    (e = &ws->slot[k])->w != NULL && strcmp(e->w, words[i]) != 0;
		    k = (k + 1) & (WORDSET_SLOTS - 1))
			;
		if (e->w == NULL) {
			e->w = words[i];
			e->len = (uint32_t)len;
			e->hash = h;
			e->head = 0;
			memcpy(&e->head, words[i], len < 8 ? len : 8);
			ws->n++;
		}
		e->flags |= flag;
	}
}

const struct wordset_entry *
wordset_find(const struct wordset *ws, const char *w, size_t n,
    uint32_t *hash)
{
	const struct wordset_entry *e;
	struct fold f;
	uint32_t h, k;

	h = fold(&f, w, n);
	if (hash != NULL)
		*hash = h;
	if (f.len > WORDSET_MAXLEN)
		return NULL;
	for (k = h >> (32 - WORDSET_BITS); (e = &ws->slot[k])->w != NULL;
	    k = (k + 1) & (WORDSET_SLOTS - 1))
		if (e->hash == h && e->len == f.len &&
		    memcmp(e->w, f.text, f.len) == 0)
			return e;
	return NULL;
}
