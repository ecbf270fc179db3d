/* process.c: reading, cutting lines into words, and the rewriting pass. */
#include <sys/types.h>

#include <fcntl.h>
#include <unistd.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nt.h"
#include "table.h"
#include "translit-builtin.h"
#include "translit.h"
#include "utf8.h"
#include "util.h"

struct rewriter {
	const char     *file;
	long            lineno;
	struct canon_rw c;
};

static const char *
classify(const char *a, size_t an, const char *b, size_t bn,
    const char *rule)
{
	struct buf x = { 0 }, y = { 0 };
	size_t i;
	const char *r = rule;

	if (same_but_apos(a, an, b, bn) && !(an == bn && memcmp(a, b, an) == 0))
		r = "apostrophe";
	else {
		ascii_fold(&x, a, an);
		ascii_fold(&y, b, bn);
		for (i = 0; i < x.len; i++)
			x.s[i] = (char)(x.s[i] >= 'A' && x.s[i] <= 'Z' ?
			    x.s[i] + 32 : x.s[i]);
		for (i = 0; i < y.len; i++)
			y.s[i] = (char)(y.s[i] >= 'A' && y.s[i] <= 'Z' ?
			    y.s[i] + 32 : y.s[i]);
		if (x.len == y.len && memcmp(x.s, y.s, x.len) == 0)
			r = (an == x.len && bn == y.len) ? "case" : "diacritics";
	}
	buf_free(&x);
	buf_free(&y);
	return r;
}

/* A change found in --check mode: reported at its column. */
static void
report_change(void *arg, const struct text *t, size_t bs, size_t be,
    const char *c, size_t clen, const char *rule)
{
	struct rewriter *rw = arg;
	size_t lo = 0, hi = t->ncp, mid;

	while (lo < hi) {	/* the code point at byte bs */
		mid = (lo + hi) / 2;
		if (t->off[mid] < bs)
			lo = mid + 1;
		else
			hi = mid;
	}
	nt_report(rw->file, rw->lineno, (long)(t->colbase + lo) + 1,
	    t->s + bs, be - bs, c, classify(t->s + bs, be - bs, c, clen,
	    rule));
}

/* ---------------------------------------------------------------- */
/* The fast path: most of a paper cannot change.  A line is cut into
 * segments at punctuation that no name can hold (commas, brackets ...),
 * and only a region of a segment goes through text_cut and
 * canon_rewrite: from the first word that could start a rewrite (the
 * first word of a dictionary entry, a Korean or Chinese surname before
 * a capital, a patronymic ending, or any letter outside ASCII) to where
 * no rewrite starting in it can reach (scan_region).  A rewrite never
 * spans a segment boundary nor starts in another word, so the output
 * is the same. */

/* byte classes; a plain word ends at B_OTHER or B_BOUND */
enum { B_LETTER, B_APOS, B_SLOW, B_OTHER, B_BOUND };

static unsigned char bclass[256];
static int dot_bound;		/* ". " after a lower-case word is a boundary */
static size_t maxsep;		/* the most separators of an entry */

/* Lower-case ASCII words, by a hash set; a pair bitmap of first two
 * bytes rejects most words before hashing. */
struct wordset {
	size_t    *w;		/* 1 + the offset of a word in pool; 0 none */
	size_t     cap, n;
	struct buf pool;	/* the words, each with its NUL */
	uint32_t   pair[32];	/* [first letter] bit second (27: not a letter) */
};
static struct wordset dictwords, surnames;
/* entries of several words: their first words, and the first words
 * with what follows up to the end of the second word */
static struct wordset dictfirst, dictpairs;
static int fast_ready;

/* Two bit sets of words by a key of their length and first and last
 * two letters: dictbits holds the words of dictwords and dictfirst,
 * surnbits those of surnames.  A clear bit proves a word in none of
 * them, which is what most words of a paper are.  The key is taken when
 * the scanner reaches the end of a word, so that a letter costs no more
 * than its class test. */
#define WORDBITS	(1u << 15)	/* key_of: 64 - 49 bits */
static uint64_t dictbits[WORDBITS / 64], surnbits[WORDBITS / 64];

/* The key of a word of n letters whose first eight (fewer when n < 8)
 * are v, in lower case, the first in the low byte. */
static inline unsigned
key_of(uint64_t v, size_t n)
{
	return (unsigned)(((v ^ n) * 0x9E3779B97F4A7C15u) >> 49);
}

/* w[0..n), n >= 1, with its letters in lower case (or | 0x20) */
static unsigned
word_key(const char *w, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n && i < 8; i++)
		v |= (uint64_t)((unsigned char)w[i] | 0x20) << (8 * i);
	return key_of(v, n);
}

static void
wordbit_set(uint64_t *bits, const char *w, size_t n)
{
	unsigned k = word_key(w, n);

	bits[k / 64] |= (uint64_t)1 << (k % 64);
}

static inline int
wordbit(const uint64_t *bits, unsigned k)
{
	return (bits[k / 64] >> (k % 64)) & 1;
}

static size_t
pair_index(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (size_t)(c - 'a') : 26;
}

#define HASH_START	2166136261u
#define HASH_STEP(h, c)	(((h) ^ (unsigned char)(c)) * 16777619u)

static unsigned long
word_hash(const char *s, size_t n)
{
	unsigned long h = HASH_START;
	size_t i;

	for (i = 0; i < n; i++)
		h = HASH_STEP(h, s[i]);
	return h;
}

static int
ws_has(const struct wordset *ws, const char *s, size_t n)
{
	size_t h;
	const char *w;

	if (ws->cap == 0 || n == 0 ||
	    !(ws->pair[pair_index((unsigned char)s[0])] &
	    (1u << pair_index(n > 1 ? (unsigned char)s[1] : 0))))
		return 0;
	for (h = word_hash(s, n) & (ws->cap - 1); ws->w[h];
	    h = (h + 1) & (ws->cap - 1)) {
		w = ws->pool.s + ws->w[h] - 1;
		if (strncmp(w, s, n) == 0 && w[n] == '\0')
			return 1;
	}
	return 0;
}

static void
ws_add(struct wordset *ws, const char *s, size_t n)
{
	size_t h, i;
	const char *w;

	if (n == 0)
		return;
	if ((ws->n + 1) * 2 > ws->cap) {
		size_t *old = ws->w, oldcap = ws->cap;

		ws->cap = ws->cap ? ws->cap * 2 : 256;
		ws->w = xcalloc(ws->cap, sizeof(*ws->w));
		for (i = 0; i < oldcap; i++) {
			if (old[i] == 0)
				continue;
			w = ws->pool.s + old[i] - 1;
			for (h = word_hash(w, strlen(w)) & (ws->cap - 1);
			    ws->w[h]; h = (h + 1) & (ws->cap - 1))
				;
			ws->w[h] = old[i];
		}
		free(old);
	}
	for (h = word_hash(s, n) & (ws->cap - 1); ws->w[h];
	    h = (h + 1) & (ws->cap - 1)) {
		w = ws->pool.s + ws->w[h] - 1;
		if (strncmp(w, s, n) == 0 && w[n] == '\0')
			return;		/* there already */
	}
	ws->w[h] = ws->pool.len + 1;
	buf_add(&ws->pool, s, n);
	buf_addc(&ws->pool, '\0');
	ws->n++;
	ws->pair[pair_index((unsigned char)s[0])] |=
	    1u << pair_index(n > 1 ? (unsigned char)s[1] : 0);
}

static void
ws_free(struct wordset *ws)
{
	free(ws->w);
	buf_free(&ws->pool);
	memset(ws, 0, sizeof(*ws));
}

/* The first word of s as the scanner sees text: lower-case ASCII, '
 * for apostrophes.  0 when it holds other letters (such text is slow
 * anyway) or does not start with a letter. */
static size_t
first_word(const char *s, char *w, size_t cap)
{
	size_t i = 0, n = 0;
	unsigned char c;

	while ((c = (unsigned char)s[i]) != '\0') {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			w[n] = (char)(c | 0x20);
			i++;
		} else if (c == '\'') {
			w[n] = '\'';
			i++;
		} else if (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x99 ||
		    (unsigned char)s[i + 2] == 0x98)) {
			w[n] = '\'';
			i += 3;
		} else if (c == 0xCA && (unsigned char)s[i + 1] == 0xBC) {
			w[n] = '\'';
			i += 2;
		} else if (c >= 0x80)
			return 0;
		else
			break;
		if (++n == cap)
			return 0;
	}
	if (n == 0 || w[0] == '\'')
		return 0;
	return n;
}

static void
add_entry(const char *variant, const char *canonical, const char *rule,
    void *arg)
{
	char w[64];
	size_t n, nsep;
	const unsigned char *p;

	(void)canonical;
	(void)rule;
	(void)arg;
	if ((n = first_word(variant, w, sizeof(w))) > 0) {
		char pw[160];
		size_t sep, w2, vlen = 0, k;

		/* where the first word ends in the entry */
		for (k = 0; vlen < n; k++)
			vlen++, k += (unsigned char)variant[k] == 0xE2 ? 2 :
			    (unsigned char)variant[k] == 0xCA ? 1 : 0;
		sep = 0;
		while (variant[k + sep] != '\0' && sep < 8 &&
		    (unsigned char)variant[k + sep] < 0x80 &&
		    !((variant[k + sep] | 0x20) >= 'a' &&
		    (variant[k + sep] | 0x20) <= 'z') &&
		    variant[k + sep] != '\'')
			sep++;
		w2 = sep > 0 ? first_word(variant + k + sep, pw + n + sep,
		    sizeof(pw) - n - sep) : 0;
		if (variant[k] != '\0' && w2 > 0 && sep < 8 && n + sep +
		    w2 < sizeof(pw)) {
			memcpy(pw, w, n);
			memcpy(pw + n, variant + k, sep);
			ws_add(&dictfirst, w, n);
			ws_add(&dictpairs, pw, n + sep + w2);
		} else
			ws_add(&dictwords, w, n);
		wordbit_set(dictbits, w, n);
	}
	for (p = (const unsigned char *)variant, nsep = 0; *p; p++) {
		nsep += *p < 0x80 && bclass[*p] != B_LETTER && *p != '\'';
		/* no boundary inside an entry */
		if (*p < 0x80 && bclass[*p] == B_BOUND)
			bclass[*p] = B_OTHER;
		if (*p == '.' && p - (const unsigned char *)variant >= 2 &&
		    p[-1] >= 'a' && p[-1] <= 'z' && ((p[-2] | 0x20) >= 'a' &&
		    (p[-2] | 0x20) <= 'z'))
			dot_bound = 0;
	}
	if (nsep > maxsep)
		maxsep = nsep;
}

static void
add_surname(const char *key, void *arg)
{
	char w[64];
	size_t n;

	(void)arg;
	if ((n = first_word(key, w, sizeof(w))) > 0) {
		ws_add(&surnames, w, n);
		wordbit_set(surnbits, w, n);
	}
}

static void
fast_free(void)
{
	ws_free(&dictwords);
	ws_free(&surnames);
	ws_free(&dictfirst);
	ws_free(&dictpairs);
}

static void
fast_init(void)
{
	static const char bounds[] = ",;:()[]{}\"!?<>/|*_=+&%$#@~^`\\";
	size_t i;
	int c, k;

	for (c = 0; c < 256; c++)
		bclass[c] = c >= 0x80 ? B_SLOW : B_OTHER;
	for (c = 'a'; c <= 'z'; c++)
		bclass[c] = bclass[c - 32] = B_LETTER;
	bclass['\''] = B_APOS;
	for (i = 0; bounds[i]; i++)
		bclass[(unsigned char)bounds[i]] = B_BOUND;
	for (c = '0'; c <= '9'; c++)
		bclass[c] = B_BOUND;
	bclass['\t'] = B_BOUND;
	dot_bound = 1;
	dict_dump(opt.dict, add_entry, NULL);
	ko_surname_each(add_surname, NULL);
	for (k = 0; k < 2; k++)
		for (i = 0; canon_zh_surnames[i]; i++) {
			const char *form = k == ZH_PINYIN ?
			    canon_zh_surnames[i] : i < zh_surnames_nwg ?
			    zh_surnames_wg[i] : NULL;
			char w[64];
			size_t n;

			if (form != NULL &&
			    (n = first_word(form, w, sizeof(w))) > 0) {
				ws_add(&surnames, w, n);
				wordbit_set(surnbits, w, n);
			}
		}
	fast_ready = 1;
	atexit(fast_free);
}

static int
ends_with(const char *s, size_t n, const char *suf, size_t sl)
{
	return n >= sl && memcmp(s + n - sl, suf, sl) == 0;
}

/* Does the text after the first word w of an entry continue it (the
 * separator and the next word, whole or up to an apostrophe)? */
static int
pair_follows(const char *w, size_t wn, const char *after, size_t afterlen)
{
	char pw[160];
	size_t sep = 0, n, k;

	memcpy(pw, w, wn);
	n = wn;
	while (sep < afterlen && sep < 8 && (unsigned char)after[sep] < 0x80 &&
	    !((after[sep] | 0x20) >= 'a' && (after[sep] | 0x20) <= 'z') &&
	    after[sep] != '\'')
		pw[n++] = after[sep++];
	if (sep == 0 || sep == 8 || sep == afterlen)
		return 0;	/* no second word that an entry could hold */
	if (sep < afterlen && (unsigned char)after[sep] >= 0x80)
		return 1;	/* a letter outside ASCII: be safe */
	for (k = sep; k < afterlen && n < sizeof(pw); k++) {
		char c = after[k];

		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			pw[n++] = (char)(c | 0x20);
		else if (c == '\'') {
			if (ws_has(&dictpairs, pw, n))
				return 1;
			pw[n++] = c;
		} else if ((unsigned char)c >= 0x80)
			return 1;
		else
			break;
	}
	if (n >= sizeof(pw))
		return 1;
	return ws_has(&dictpairs, pw, n);
}

/* One word (letters and apostrophes) s[0..n), lower-cased in w[0..wn)
 * with its apostrophes at one byte each; could a rewrite start in it? */
static int
word_triggers(const char *s, size_t n, const char *w, size_t wn,
    const char *after, size_t afterlen)
{
	size_t p, e;

	if (ends_with(s, n, "vich", 4) || ends_with(s, n, "vna", 3))
		return 1;	/* also -ichna */
	for (p = 0; p < wn; p++) {
		if (w[p] == '\'' || (p > 0 && w[p - 1] != '\''))
			continue;
		for (e = p + 1; e <= wn; e++) {
			if (e < wn && w[e] != '\'')
				continue;
			if (ws_has(&dictwords, w + p, e - p))
				return 1;
			if (e == wn && p == 0 && ws_has(&dictfirst, w, wn) &&
			    pair_follows(w, wn, after, afterlen))
				return 1;
			/* a surname needs a capital, then " " and a capital
			 * (or any letter outside ASCII) */
			if (ws_has(&surnames, w + p, e - p) && (p > 0 ||
			    (s[0] >= 'A' && s[0] <= 'Z')) && (e < wn ||
			    (afterlen >= 2 && after[0] == ' ' &&
			    ((after[1] >= 'A' && after[1] <= 'Z') ||
			    (unsigned char)after[1] >= 0x80))))
				return 1;
		}
	}
	return 0;
}

/* w[0..n): the ASCII letters s[0..n) in lower case. */
static const char *
lower_word(char *w, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		w[i] = (char)(s[i] | 0x20);
	return w;
}

/* The length of the run of ASCII letters that starts s[0..n), and in
 * *key the key of the word it makes: eight bytes a step where the
 * compiler can find the first byte that is not a letter (the lowest set
 * byte of a mask, little-endian). */
static inline size_t
letter_run(const char *s, size_t n, unsigned *key)
{
	size_t i = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
	uint64_t v, x, other, first;

	if (n >= 8) {
		memcpy(&v, s, 8);
		first = v | ones * 0x20;
		for (;;) {
			/* a byte below 0x80 that is 0x61-0x7A once OR 0x20 */
			x = (v | ones * 0x20) & ~high;
			other = ~((x + ones * 0x1F) & ~(x + ones * 0x05) &
			    ~v) & high;
			if (other != 0)
				break;
			i += 8;
			if (i + 8 > n) {
				while (i < n && bclass[(unsigned char)s[i]] ==
				    B_LETTER)
					i++;
				*key = key_of(first, i);
				return i;
			}
			memcpy(&v, s + i, 8);
		}
		if (i == 0)	/* the bytes before the first other one */
			first &= ((other & -other) >> 7) - 1;
		i += (size_t)__builtin_ctzll(other) / 8;
		*key = key_of(first, i);
		return i;
	}
#endif
	while (i < n && bclass[(unsigned char)s[i]] == B_LETTER)
		i++;
	*key = i > 0 ? word_key(s, i) : 0;
	return i;
}

/* The scan of a piece for the regions that need the full treatment.
 * A region starts with the first word that could start a rewrite (with
 * the byte before it, since no earlier word can) and ends at the end of
 * its segment, or earlier at a separator (an ASCII byte other than a
 * letter or an apostrophe, so that no word is cut) that no rewrite
 * starting in the region can reach or look at: a Korean or Chinese name
 * reads the two words after its first and the start of a third, and a
 * dictionary entry spans as many separators as it holds (at most
 * maxsep).  A letter outside ASCII counts one more word, since the word
 * after it may be the rest of its own. */
struct scan {
	size_t i;		/* where the scan goes on */
	size_t seg;		/* where the segment starts */
	size_t sep;		/* the last separator in it, or seg */
	int    open;		/* a region from start */
	size_t start;
	size_t last;		/* where its last trigger ends */
	int    words, seps;	/* still to pass before it may end */
};

/* A rewrite could start in s[.., last); the region starts at from. */
static void
scan_trigger(struct scan *sc, size_t from, size_t last, int words)
{
	sc->last = last;
	if (!sc->open) {
		sc->open = 1;
		sc->start = from;
	}
	sc->words = words;
	sc->seps = (int)maxsep + 1;
}

/* A separator at i: 1 when the region ends there. */
static inline int
scan_sep(struct scan *sc, size_t i)
{
	if (sc->open && --sc->seps <= 0 && sc->words <= 0)
		return 1;
	sc->sep = i;
	return 0;
}

/* The next region of s[0..n) from sc->i: 1 and its bounds, or 0. */
static int
scan_region(struct scan *sc, const char *s, size_t n, size_t *rs,
    size_t *re)
{
	size_t i = sc->i, ws, wn;
	unsigned char c;
	unsigned k;
	char w[64];
	int letters;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c == ' ') {		/* the usual separator, first */
			if (scan_sep(sc, i))
				goto cut;
			i++;
			continue;
		}
		switch (bclass[c]) {
		case B_BOUND:
			if (sc->open)
				goto boundary;
			sc->seg = sc->sep = ++i;
			continue;
		case B_OTHER:
			if (c == '.' && dot_bound && i + 1 < n &&
			    s[i + 1] == ' ' && i >= sc->seg + 2 &&
			    s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
			    bclass[(unsigned char)s[i - 2]] == B_LETTER) {
				if (sc->open)
					goto boundary;
				sc->seg = sc->sep = ++i;
				continue;
			}
			if (scan_sep(sc, i))
				goto cut;
			i++;
			continue;
		case B_SLOW:
			/* punctuation: ’ ‘ ʼ are apostrophes, — “ ” …,
			 * no-break space and superscripts separate words */
			if (c >= 0xE0 && !(c == 0xE2 && i + 2 < n &&
			    (unsigned char)s[i + 1] == 0x80 &&
			    ((unsigned char)s[i + 2] == 0x98 ||
			    (unsigned char)s[i + 2] == 0x99))) {
				/* nothing from U+0800 up is a letter */
				i++;
				while (i < n && ((unsigned char)s[i] & 0xC0) ==
				    0x80)
					i++;
				continue;
			}
			if (c == 0xC2 && i + 1 < n &&
			    (unsigned char)s[i + 1] != 0xAA &&
			    (unsigned char)s[i + 1] != 0xB5 &&
			    (unsigned char)s[i + 1] != 0xBA) {
				i += 2;
				continue;
			}
			if (c == 0xE2 || c == 0xCA)
				break;	/* an apostrophe: a word */
			scan_trigger(sc, sc->sep, i + 1, 4);
			i++;
			continue;
		case B_APOS:
			i++;
			continue;
		}
		/* a word: letters and apostrophes */
		ws = i;
		wn = c < 0x80 ? letter_run(s + i, n - i, &k) : 0;
		i += wn;
		if (wn > 0 && wn <= sizeof(w) && (i == n ||
		    bclass[c = (unsigned char)s[i]] >= B_OTHER)) {
			/* the common word: ASCII letters only; unless it
			 * ends like a patronymic, a clear bit proves that
			 * no set holds it (a surname only counts with a
			 * capital, then " " and a capital or a letter
			 * outside ASCII) */
			if ((s[i - 1] == 'h' && wn >= 4 && s[i - 2] == 'c' &&
			    s[i - 3] == 'i' && s[i - 4] == 'v') ||
			    (s[i - 1] == 'a' && wn >= 3 && s[i - 2] == 'n' &&
			    s[i - 3] == 'v') || ((wordbit(dictbits, k) ||
			    (s[ws] <= 'Z' && i + 1 < n && c == ' ' &&
			    ((s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
			    (unsigned char)s[i + 1] >= 0x80) &&
			    wordbit(surnbits, k))) &&
			    word_triggers(s + ws, wn, lower_word(w, s + ws, wn),
			    wn, s + i, n - i)))
				scan_trigger(sc, ws > sc->seg &&
				    (unsigned char)s[ws - 1] < 0x80 ? ws - 1 :
				    ws, i, 3);
			else if (sc->open)
				sc->words--;
			continue;
		}
		i = ws;		/* any other word, the long way */
		wn = 0;
		letters = 0;
		while (i < n) {
			c = (unsigned char)s[i];
			if (bclass[c] == B_LETTER || c == '\'') {
				if (wn < sizeof(w))
					w[wn] = (char)(c | 0x20);
				letters |= c != '\'';
				wn++;
				i++;
			} else if (c == 0xE2 && i + 2 < n &&
			    (unsigned char)s[i + 1] == 0x80 &&
			    ((unsigned char)s[i + 2] == 0x98 ||
			    (unsigned char)s[i + 2] == 0x99)) {
				if (wn < sizeof(w))
					w[wn] = '\'';
				wn++;
				i += 3;
			} else if (c == 0xCA && i + 1 < n &&
			    (unsigned char)s[i + 1] == 0xBC) {
				if (wn < sizeof(w))
					w[wn] = '\'';
				wn++;
				i += 2;
			} else
				break;
		}
		if (wn == 0) {
			/* a lone mark outside ASCII */
			scan_trigger(sc, sc->sep, i + 1, 4);
			i++;
			continue;
		}
		if (wn > sizeof(w) || (i < n && bclass[(unsigned char)s[i]] ==
		    B_SLOW && (unsigned char)s[i] < 0xE0 &&
		    (unsigned char)s[i] != 0xC2))
			/* too long, or a letter outside ASCII */
			scan_trigger(sc, sc->sep, i, 4);
		else if (word_triggers(s + ws, i - ws, w, wn, s + i, n - i))
			scan_trigger(sc, ws > sc->seg &&
			    (unsigned char)s[ws - 1] < 0x80 ? ws - 1 : ws, i, 3);
		else if (letters && sc->open)
			sc->words--;
	}
	sc->i = n;
	if (!sc->open)
		return 0;
	*re = n;
	goto found;
boundary:
	sc->seg = sc->sep = sc->i = i + 1;
	*re = i;
	goto found;
cut:
	sc->i = *re = i;
found:
	*rs = sc->start;
	sc->open = 0;
	return 1;
}

/* ---------------------------------------------------------------- */
/* Reading: raw bytes for UTF-8, lib/input for other encodings */

static struct text text;

/* A very long line is handled in pieces of about this size, cut after
 * a space, so that memory stays bounded. */
#define PIECE	(1u << 20)

/* The input is read in blocks of this size (more for a longer line). */
#define BLOCK	(1u << 16)

/* Text that goes out unchanged is written in long runs: a run of the
 * input still in memory waits in pend until text that does not follow
 * it comes, or until the memory is to be reused (out_flush). */
static const char *pend;
static size_t npend;

static void
out_flush(void)
{
	if (npend > 0) {
		fwrite(pend, 1, npend, stdout);
		npend = 0;
		out_check();
	}
}

/* Unchanged input s[0..n), valid until the next out_flush(). */
static void
out_text(const char *s, size_t n)
{
	if (n == 0)
		return;
	if (npend > 0 && pend + npend == s) {
		npend += n;
		return;
	}
	out_flush();
	pend = s;
	npend = n;
}

/* One region through text_cut and canon_rewrite; rewrites start only
 * in its words that begin before start_end. */
static void
rewrite_region(struct rewriter *rw, const char *s, size_t len,
    size_t start_end, size_t colbase)
{
	text_cut(&text, s, len);
	text.colbase = colbase;
	text.start_end = start_end;
	rw->c.copied = 0;
	rw->c.changed = 0;
	buf_reset(&rw->c.out);
	canon_rewrite(&rw->c, &text);
	if (!opt.check) {
		if (rw->c.changed) {
			buf_add(&rw->c.out, s + rw->c.copied, len - rw->c.copied);
			out_flush();
			fwrite(rw->c.out.s, 1, rw->c.out.len, stdout);
		} else
			out_text(s, len);
	}
}

/* s[0..len) of a line; tail: the bytes of the line end that follow it
 * in memory, written with it. */
static void
process_piece(struct rewriter *rw, int fileno, const char *s, size_t len,
    size_t colbase, size_t tail)
{
	if (!opt.consistency) {
		struct scan sc = { 0 };
		size_t rs, re, done = 0, counted = 0;

		if (!fast_ready)
			fast_init();
		while (scan_region(&sc, s, len, &rs, &re)) {
			if (!opt.check)
				out_text(s + done, rs - done);
			else {
				colbase += utf8_count(s + counted, rs - counted);
				counted = rs;
			}
			rewrite_region(rw, s + rs, re - rs, sc.last - rs,
			    colbase);
			done = re;
		}
		if (!opt.check)
			out_text(s + done, len + tail - done);
		return;
	}
	/* --consistency, a --check: the whole line */
	text_cut(&text, s, len);
	text.colbase = colbase;
	consist_line(rw->file, fileno, rw->lineno, &text);
	if (dict_size(opt.dict) > 0)
		canon_rewrite(&rw->c, &text);
}

static void
process_line(struct rewriter *rw, int fileno, const char *s, size_t len,
    const char *eol, size_t eollen)
{
	size_t start = 0, end, cut, colbase = 0, tail;

	while (len - start > PIECE) {
		end = start + PIECE;
		for (cut = end; cut > end - PIECE / 16 && s[cut - 1] != ' '; cut--)
			;
		if (s[cut - 1] != ' ')
			for (cut = end; ((unsigned char)s[cut] & 0xC0) == 0x80;
			    cut--)
				;
		process_piece(rw, fileno, s + start, cut - start, colbase, 0);
		colbase += utf8_count(s + start, cut - start);
		start = cut;
		out_check();
	}
	/* the line end goes with the text when it follows in memory */
	tail = !opt.check && !opt.consistency && eol == s + len ? eollen : 0;
	process_piece(rw, fileno, s + start, len - start, colbase, tail);
	if (!opt.check && tail == 0)
		out_text(eol, eollen);
	out_check();
}

/* The test lib/input makes: a UTF-16 BOM, or NUL bytes every other. */
static int
looks_utf16(const unsigned char *s, size_t n)
{
	return (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
	    (s[0] == 0xFE && s[1] == 0xFF))) ||
	    (n >= 4 && ((s[0] && !s[1] && s[2] && !s[3]) ||
	    (!s[0] && s[1] && !s[2] && s[3])));
}

static int nfiles;
static struct canon_opts copts;

static void
copts_free(void)
{
	memo_free(copts.memo);
	copts.memo = NULL;
}

void
nt_process(const char *path)
{
	struct rewriter rw = { 0 };
	char *blk = NULL;
	const char *line;
	size_t cap = 0, have = 0, pos = 0, checked = 0, len, eollen, bad;
	ssize_t got;
	int fd, eof = 0;
	struct buf fixed = { 0 };
	int fileno = nfiles++;

	if (copts.memo == NULL) {
		copts.memo = memo_new();
		atexit(copts_free);
	}
	copts.ru = opt.ru;
	copts.ko = opt.ko;
	copts.zh = opt.zh;
	copts.given = opt.given;
	copts.apos = opt.apos;
	copts.ascii = opt.ascii;
	copts.breves = opt.breves;
	copts.surnames = opt.surnames;
	copts.consistency = opt.consistency;
	copts.dict = opt.dict;
	rw.c.o = &copts;
	if (opt.check) {
		rw.c.report = report_change;
		rw.c.arg = &rw;
	}
	rw.file = strcmp(path, "-") == 0 ? "-" : path;
	if (opt.in.from_code && strcasecmp(opt.in.from_code, "UTF-8") != 0 &&
	    strcasecmp(opt.in.from_code, "UTF8") != 0) {
		struct input *in = input_open(path, &opt.in);
		struct line ln;
		int r;

		if (in == NULL)
			return;
		rw.file = input_name(in);
		while ((r = input_getline(in, &ln)) == 1) {
			rw.lineno = ln.no;
			process_line(&rw, fileno, ln.s, ln.len, "\n", 1);
			out_flush();
		}
		input_close(in);
		buf_free(&rw.c.out);
		return;
	}
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) < 0) {
		diag(path, 0, "%s", strerror(errno));
		exit_trouble = 1;
		return;
	}
	/* whole lines from a block of the input; the UTF-8 check runs
	 * ahead over the block, and again from a line where it stopped */
	for (;;) {
		const char *nl = pos < have ? memchr(blk + pos, '\n',
		    have - pos) : NULL, *s;

		if (nl == NULL && !eof) {
			/* the line goes on past the block: keep it, read on */
			out_flush();
			if (pos > 0)
				memmove(blk, blk + pos, have - pos);
			have -= pos;
			checked = checked > pos ? checked - pos : 0;
			pos = 0;
			if (have == cap) {
				cap = cap ? cap * 2 : BLOCK;
				blk = xrealloc(blk, cap);
			}
			while ((got = read(fd, blk + have, cap - have)) < 0 &&
			    errno == EINTR)
				;
			if (got < 0) {
				diag(rw.file, 0, "%s", strerror(errno));
				exit_trouble = 1;
			}
			if (got <= 0)
				eof = 1;
			else
				have += (size_t)got;
			continue;
		}
		if (pos == have)
			break;
		s = line = blk + pos;
		len = nl ? (size_t)(nl + 1 - line) : have - pos;
		pos += len;
		eollen = 0;
		rw.lineno++;
		if (len > 0 && line[len - 1] == '\n') {
			eollen = 1;
			if (len > 1 && line[len - 2] == '\r')
				eollen = 2;
		}
		if (rw.lineno == 1 && looks_utf16((const unsigned char *)line,
		    len)) {
			diag(rw.file, 1, "input looks like UTF-16; "
			    "decode it with -f UTF-16");
			exit_trouble = 1;
			break;
		}
		len -= eollen;
		if (rw.lineno == 1 && len >= 3 &&
		    memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			/* a BOM is dropped, as everywhere in the toolkit */
			s += 3;
			len -= 3;
		}
		if (s + len > blk + checked)
			checked = (size_t)(s - blk) + utf8_check(s,
			    have - (size_t)(s - blk));
		if (s + len > blk + checked) {
			bad = checked - (size_t)(s - blk);
			if (!opt.in.lossy) {
				diag(rw.file, rw.lineno, "invalid UTF-8 at byte "
				    "%zu of the line", bad + 1);
				exit_trouble = 1;
				break;
			}
			buf_reset(&fixed);
			utf8_lossy(&fixed, s, len);
			buf_cstr(&fixed);
			process_line(&rw, fileno, fixed.s, fixed.len,
			    s + len, eollen);
			out_flush();
			continue;
		}
		process_line(&rw, fileno, s, len, s + len, eollen);
	}
	out_flush();
	if (fd != STDIN_FILENO)
		close(fd);
	free(blk);
	buf_free(&fixed);
	buf_free(&rw.c.out);
	text_free(&text);
}
