/* process.c: reading, cutting lines into words, and the rewriting pass. */
#include <sys/types.h>

#include <fcntl.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jobs.h"
#include "nt.h"
#include "stream.h"
#include "table.h"
#include "translit-builtin.h"
#include "translit.h"
#include "utf8.h"
#include "util.h"

struct rewriter {
	const char     *file;
	long            lineno;
	struct canon_rw c;
	/* --check: the line and the code points of the line before upto,
	 * counted as reports need them (lines_to) */
	const char     *upto;
	size_t          counted;
};

/* The code points of valid UTF-8 s[0..n): utf8_count, eight bytes a
 * step where no continuation byte (10xxxxxx) is among them. */
static size_t
count_cps(const char *s, size_t n)
{
	size_t i, count = 0;
	uint64_t v;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		if ((v & ~(v << 1) & 0x8080808080808080u) == 0)
			count += 8;
		else
			count += utf8_count(s + i, 8);
	}
	return count + utf8_count(s + i, n - i);
}

static int
is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

static const char *
classify(const char *a, size_t an, const char *b, size_t bn,
    const char *rule)
{
	struct buf x = { 0 }, y = { 0 };
	size_t i;
	const char *r = rule;

	if (is_ascii(a, an) && is_ascii(b, bn)) {
		/* ASCII: apostrophes and folding change nothing */
		if (an != bn)
			return r;
		for (i = 0; i < an; i++)
			if ((a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i]) !=
			    (b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i]))
				return r;
		return "case";
	}
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

/* The high bit of each byte of v that is '\n', and no other bit. */
static inline uint64_t
newline_bits(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u, low7 = ones * 0x7F;
	uint64_t x = v ^ ones * '\n';

	return ~(((x & low7) + low7) | x | low7);
}

/* The line ends in s[0..n): with SSE2 32 bytes a step, each step
 * adding 1 or 2 (subtracting the compares' -1) to the bytes of acc,
 * which are summed before one can overflow; then eight bytes a step. */
static size_t
count_newlines(const char *s, size_t n)
{
	const char *end = s + n;
	size_t count = 0;
#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
	__m128i acc;
	size_t steps = n / 32, k;
	const char *stop;

	while (steps > 0) {
		k = steps < 127 ? steps : 127;
		steps -= k;
		acc = zero;
		for (stop = s + 32 * k; s < stop; s += 32) {
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(
			    (const __m128i *)(const void *)s), nl));
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(
			    (const __m128i *)(const void *)(s + 16)), nl));
		}
		acc = _mm_sad_epu8(acc, zero);
		count += (size_t)_mm_cvtsi128_si32(acc) +
		    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(acc, 8));
	}
#endif
#if defined(__GNUC__)
	for (; end - s >= 8; s += 8) {
		uint64_t v;

		memcpy(&v, s, 8);
		count += (size_t)__builtin_popcountll(newline_bits(v));
	}
#endif
	for (; s < end; s++)
		count += *s == '\n';
	return count;
}

/* Where the line of p starts, with a line end in [lo, p): read back
 * eight bytes a step where the compiler can find the last '\n' among
 * them (the highest set byte of a mask, little-endian). */
static const char *
line_start(const char *lo, const char *p)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v, x;

	while (p[-1] != '\n' && p - lo >= 8) {
		memcpy(&v, p - 8, 8);
		if ((x = newline_bits(v)) != 0)
			return p - 8 + (63 - __builtin_clzll(x)) / 8 + 1;
		p -= 8;
	}
#endif
	while (p[-1] != '\n')
		p--;
	return p;
}

/* Count the lines up to p: rw->lineno is the line of rw->upto. */
static void
lines_to(struct rewriter *rw, const char *p)
{
	size_t lines = count_newlines(rw->upto, (size_t)(p - rw->upto));

	if (lines == 0)
		return;
	rw->lineno += (long)lines;
	rw->upto = line_start(rw->upto, p);
	rw->counted = 0;
}

/* A change of s[bs, be) into c found in --check mode, its rule
 * classified: reported at its column. */
static void
report_at(struct rewriter *rw, const char *s, size_t bs, size_t be,
    const char *c, const char *rule)
{
	lines_to(rw, s);
	rw->counted += count_cps(rw->upto, (size_t)(s - rw->upto));
	rw->upto = s;
	nt_report(rw->file, rw->lineno, (long)(rw->counted +
	    count_cps(s, bs)) + 1, s + bs, be - bs, c, rule);
}

/* A change found in --check mode (canon_rw's report). */
static void
report_change(void *arg, const struct text *t, size_t bs, size_t be,
    const char *c, size_t clen, const char *rule)
{
	report_at(arg, t->s, bs, be, c, classify(t->s + bs, be - bs, c, clen,
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

/* The longest word that the scan looks up in the sets: a longer one
 * always opens a region.  The sets are built with room for one letter
 * more, so that a word of WORDMAX letters is entered. */
#define WORDMAX	64

/* byte classes; a plain word ends at B_OTHER or B_BOUND */
enum { B_LETTER, B_APOS, B_SLOW, B_OTHER, B_BOUND };

static unsigned char bclass[256];
static int dot_bound;		/* ". " after a lower-case word is a boundary */
static size_t maxsep;		/* the most separators of an entry */

/* Lower-case ASCII words, by a hash set, each with flags of what it
 * is.  A word is found by its first eight bytes in one integer (head)
 * and its length; only a longer word compares the rest. */
struct wsent {
	uint64_t   head;	/* zero-padded, the first byte low; 0: empty */
	uint32_t   off;		/* where the word is in pool */
	uint16_t   len;
	uint8_t    flags;
};
struct wordset {
	struct wsent *slot;
	int        bits;	/* 1 << bits slots */
	size_t     n;
	struct buf pool;	/* the words */
};
/* words: the first words of dictionary entries, alone (WS_DICT) or
 * before another word (WS_FIRST), and surnames (WS_SURNAME); pairs:
 * the first words of entries of several words with what follows up to
 * the end of the second word */
enum { WS_DICT = 1, WS_FIRST = 2, WS_SURNAME = 4 };
static struct wordset words, pairs;
static int fast_ready;

/* Two bit sets of words by a key of their length and first eight
 * letters: dictbits holds the first words of dictionary entries,
 * surnbits the surnames.  A clear bit proves a word in none of them,
 * which is what most words of a paper are.  The key is taken from the
 * first eight bytes of a word at once (letter_run, scan_closed). */
#define WORDBITS	(1u << 15)	/* key_of: 64 - 49 bits */
static uint64_t dictbits[WORDBITS / 64], surnbits[WORDBITS / 64];

/* The key of a word of n letters whose first eight (fewer when n < 8)
 * are v, in lower case, the first in the low byte. */
static inline unsigned
key_of(uint64_t v, size_t n)
{
	return (unsigned)(((v ^ n) * 0x9E3779B97F4A7C15u) >> 49);
}

/* The first eight bytes of w[0..n), zero-padded, the first in the low
 * byte: as a little-endian load would give them. */
static uint64_t
head_of(const char *w, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n && i < 8; i++)
		v |= (uint64_t)(unsigned char)w[i] << (8 * i);
	return v;
}

/* head_of(w, n) with the letters in lower case (each byte | 0x20). */
static uint64_t
lower_head(const char *w, size_t n)
{
	uint64_t bytes = n >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * n)) - 1;

	return head_of(w, n) | (0x2020202020202020u & bytes);
}

/* w[0..n), n >= 1, with its letters in lower case */
static unsigned
word_key(const char *w, size_t n)
{
	return key_of(lower_head(w, n), n);
}

/* The scan between regions takes the text in chunks of this many
 * bytes (64 at most: a bit mask of them is a uint64_t). */
#define CHUNK	64

/* A coarser test still, with no key to work out: by the first letter
 * of a word (its low six bits, which tell its case) and the low five
 * bits of the byte after it, the lengths of the words of dictbits
 * that start so, and of surnbits when the first letter is a capital (a
 * surname counts only then): bit n - 1 for a length n, bit 63 for all
 * lengths from 64 up (the scan looks up words of a chunk at most).  A
 * word of one letter is entered under any second byte. */
static uint64_t prefixlens[64 * 32];

static inline unsigned
prefix_of(const char *w)
{
	return ((unsigned char)w[0] & 63u) << 5 | ((unsigned char)w[1] & 31u);
}

/* Set the length bit len of a word w[0..n) under its first letter. */
static void
prefix_set(unsigned first, const char *w, size_t n, uint64_t len)
{
	unsigned second;

	if (n > 1)
		prefixlens[first << 5 | ((unsigned char)w[1] & 31u)] |= len;
	else
		for (second = 0; second < 32; second++)
			prefixlens[first << 5 | second] |= len;
}

/* Enter the word w[0..n) of a set, n >= 1, in lower case: in prefixlens
 * a dictionary word under both cases of its first letter, a surname
 * under its capital only. */
static void
wordbit_set(uint64_t *bits, const char *w, size_t n)
{
	unsigned k = word_key(w, n), first = (unsigned char)w[0] & 63u;
	uint64_t len = (uint64_t)1 << (n < 64 ? n - 1 : 63);

	bits[k / 64] |= (uint64_t)1 << (k % 64);
	prefix_set(first & ~0x20u, w, n, len);
	if (bits == dictbits)
		prefix_set(first | 0x20u, w, n, len);
}

static inline int
wordbit(const uint64_t *bits, unsigned k)
{
	return (bits[k / 64] >> (k % 64)) & 1;
}

/* The slot of the word s[0..n) with its head in ws: where it is, or the
 * empty slot where it would go. */
static inline struct wsent *
ws_slot(const struct wordset *ws, uint64_t head, const char *s, size_t n)
{
	size_t mask = ((size_t)1 << ws->bits) - 1, h;
	struct wsent *e;

	for (h = (size_t)(((head ^ n) * 0x9E3779B97F4A7C15u) >>
	    (64 - ws->bits)); (e = &ws->slot[h])->head != 0;
	    h = (h + 1) & mask)
		if (e->head == head && e->len == n && (n <= 8 ||
		    memcmp(ws->pool.s + e->off + 8, s + 8, n - 8) == 0))
			break;
	return e;
}

/* The flags of s[0..n), whose head is given, in ws; 0 when it holds no
 * such word.  Only a word longer than eight bytes is read. */
static inline unsigned
ws_find_head(const struct wordset *ws, uint64_t head, const char *s,
    size_t n)
{
	if (ws->n == 0)
		return 0;
	return ws_slot(ws, head, s, n)->flags;
}

static unsigned
ws_find(const struct wordset *ws, const char *s, size_t n)
{
	return n == 0 ? 0 : ws_find_head(ws, head_of(s, n), s, n);
}

/* An empty set of 1 << bits slots, to grow as words come. */
static void
ws_init(struct wordset *ws, int bits)
{
	memset(ws, 0, sizeof(*ws));
	ws->bits = bits;
	ws->slot = xcalloc((size_t)1 << bits, sizeof(*ws->slot));
}

static void
ws_add(struct wordset *ws, const char *s, size_t n, unsigned flags)
{
	struct wsent *e;
	size_t i;

	if (n == 0)
		return;
	if ((ws->n + 1) * 4 > (size_t)3 << ws->bits) {
		/* three quarters full: twice the slots */
		struct wordset old = *ws;

		ws->bits++;
		ws->slot = xcalloc((size_t)1 << ws->bits, sizeof(*ws->slot));
		for (i = 0; i < (size_t)1 << old.bits; i++)
			if (old.slot[i].head != 0)
				*ws_slot(ws, old.slot[i].head, ws->pool.s +
				    old.slot[i].off, old.slot[i].len) =
				    old.slot[i];
		free(old.slot);
	}
	e = ws_slot(ws, head_of(s, n), s, n);
	if (e->head == 0) {
		e->head = head_of(s, n);
		e->off = (uint32_t)ws->pool.len;
		e->len = (uint16_t)n;
		buf_add(&ws->pool, s, n);
		ws->n++;
	}
	e->flags |= (unsigned char)flags;
}

static void
ws_free(struct wordset *ws)
{
	free(ws->slot);
	buf_free(&ws->pool);
	memset(ws, 0, sizeof(*ws));
}

/* The first word of s as the scanner sees text: lower-case ASCII, '
 * for apostrophes; in *used the bytes of s it takes.  The marks outside
 * ASCII are folded as the dictionary's trie folds them (dict_fold_cp),
 * so that ’ ‘ ʼ and ʹ are ' here as they are there: text with an ASCII
 * apostrophe matches an entry written with any of them.  0 when it
 * holds a letter outside ASCII (text that matches it holds the letter
 * too, which opens a region anyway) or does not start with a letter. */
static size_t
first_word(const char *s, char *w, size_t cap, size_t *used)
{
	size_t i = 0, n = 0, len = strlen(s), ol;
	unsigned char c;
	char ob[4];

	while ((c = (unsigned char)s[i]) != '\0') {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			w[n] = (char)(c | 0x20);
			i++;
		} else if (c == '\'') {
			w[n] = '\'';
			i++;
		} else if (c >= 0x80) {
			i += dict_fold_cp(s + i, len - i, ob, &ol);
			if (ol != 1 || ob[0] != '\'')
				return 0;
			w[n] = '\'';
		} else
			break;
		if (++n == cap)
			return 0;
	}
	if (n == 0 || w[0] == '\'')
		return 0;
	if (used != NULL)
		*used = i;
	return n;
}

static void
add_entry(const char *variant, const char *canonical, const char *rule,
    void *arg)
{
	char w[WORDMAX + 1];
	size_t n, nsep, k;
	const unsigned char *p;

	(void)canonical;
	(void)rule;
	(void)arg;
	if ((n = first_word(variant, w, sizeof(w), &k)) > 0) {
		char pw[160];
		size_t sep, w2;

		sep = 0;
		while (variant[k + sep] != '\0' && sep < 8 &&
		    (unsigned char)variant[k + sep] < 0x80 &&
		    !((variant[k + sep] | 0x20) >= 'a' &&
		    (variant[k + sep] | 0x20) <= 'z') &&
		    variant[k + sep] != '\'')
			sep++;
		w2 = sep > 0 ? first_word(variant + k + sep, pw + n + sep,
		    sizeof(pw) - n - sep, NULL) : 0;
		if (variant[k] != '\0' && w2 > 0 && sep < 8 && n + sep +
		    w2 < sizeof(pw)) {
			memcpy(pw, w, n);
			memcpy(pw + n, variant + k, sep);
			ws_add(&words, w, n, WS_FIRST);
			ws_add(&pairs, pw, n + sep + w2, 1);
		} else
			ws_add(&words, w, n, WS_DICT);
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
	char w[WORDMAX + 1];
	size_t n;

	(void)arg;
	if ((n = first_word(key, w, sizeof(w), NULL)) > 0) {
		ws_add(&words, w, n, WS_SURNAME);
		wordbit_set(surnbits, w, n);
	}
}

static void
fast_free(void)
{
	ws_free(&words);
	ws_free(&pairs);
}

static void
fast_init(void)
{
	static const char bounds[] = ",;:()[]{}\"!?<>/|*_=+&%$#@~^`\\";
	static const char *const initials[] = { "iu", "yu", "ia", "ya", "zh",
	    "kh" };
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
	bclass['\n'] = B_BOUND;	/* the lines of a span (process_span) */
	dot_bound = 1;
	/* room for the built-in dictionary's words without a regrowth */
	ws_init(&words, 10);
	ws_init(&pairs, 8);
	dict_dump(opt.dict, add_entry, NULL);
	ko_surname_each(add_surname, NULL);
	/* the Russian initials of canon_rewrite's ru_initial */
	for (i = 0; i < sizeof(initials) / sizeof(initials[0]); i++) {
		ws_add(&words, initials[i], 2, WS_DICT);
		wordbit_set(dictbits, initials[i], 2);
	}
	for (k = 0; k < 2; k++)
		for (i = 0; canon_zh_surnames[i]; i++) {
			const char *form = k == ZH_PINYIN ?
			    canon_zh_surnames[i] : i < zh_surnames_nwg ?
			    zh_surnames_wg[i] : NULL;
			char w[WORDMAX + 1];
			size_t n;

			if (form != NULL &&
			    (n = first_word(form, w, sizeof(w), NULL)) > 0) {
				ws_add(&words, w, n, WS_SURNAME);
				wordbit_set(surnbits, w, n);
			}
		}
	fast_ready = 1;
	atexit(fast_free);
}

/* Does s[0..n) end like a Russian patronymic (canon_rewrite's -vich,
 * -vna, -ichna)?  Read from the last letter back. */
static inline int
patronymic_end(const char *s, size_t n)
{
	const char *e = s + n;

	if (n < 3)
		return 0;
	if (e[-1] == 'h')
		return n >= 4 && e[-2] == 'c' && e[-3] == 'i' && e[-4] == 'v';
	if (e[-1] != 'a' || e[-2] != 'n')
		return 0;
	return e[-3] == 'v' || (n >= 5 && e[-3] == 'h' && e[-4] == 'c' &&
	    e[-5] == 'i');
}

/* ... or a part of it before an apostrophe does ("Petrovna's"): the
 * rewrite may take that part as a word of its own */
static int
patronymic_before_mark(const char *s, size_t n)
{
	size_t e;

	for (e = 1; e < n; e++)
		if ((s[e] == '\'' || (unsigned char)s[e] == 0xE2 ||
		    (unsigned char)s[e] == 0xCA) && patronymic_end(s, e))
			return 1;
	return 0;
}

/* A surname counts before " " and a capital or a letter outside ASCII
 * (after: the avail bytes after it). */
static int
capital_follows(const char *after, size_t avail)
{
	return avail >= 2 && after[0] == ' ' && ((after[1] >= 'A' &&
	    after[1] <= 'Z') || (unsigned char)after[1] >= 0x80);
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
			if (ws_find(&pairs, pw, n))
				return 1;
			pw[n++] = c;
		} else if ((unsigned char)c >= 0x80)
			return 1;
		else
			break;
	}
	if (n >= sizeof(pw))
		return 1;
	return ws_find(&pairs, pw, n) != 0;
}

/* How many of the avail bytes at after are of the same line (a span
 * holds several), as far as pair_follows looks. */
static size_t
line_rest(const char *after, size_t avail)
{
	size_t m = avail < 256 ? avail : 256;
	const char *nl = memchr(after, '\n', m);

	if (nl == NULL)
		return m;
	m = (size_t)(nl - after);
	if (m > 0 && nl[-1] == '\r')
		m--;
	return m;
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

/* word_triggers of a word of ASCII letters s[0..wn), wn <= 64, whose
 * first eight in lower case are head (the loop below with p = 0, e =
 * wn), after its patronymic test; the cheap surname test before the
 * look at the words after.  The word is lower-cased only when the
 * lookup needs more than its head. */
static int
whole_word_triggers(const char *s, uint64_t head, size_t wn,
    const char *after, size_t avail)
{
	char w[WORDMAX];
	unsigned f;

	if (wn > 8)
		lower_word(w, s, wn);
	f = ws_find_head(&words, head, w, wn);
	if ((f & WS_DICT) || ((f & WS_SURNAME) && s[0] >= 'A' &&
	    s[0] <= 'Z' && capital_follows(after, avail)))
		return 1;
	if (!(f & WS_FIRST))
		return 0;
	if (wn <= 8)
		lower_word(w, s, wn);
	return pair_follows(w, wn, after, line_rest(after, avail));
}

/* One word (letters and apostrophes) s[0..n), lower-cased in w[0..wn)
 * with its apostrophes at one byte each, with avail bytes after it;
 * could a rewrite start in it? */
static int
word_triggers(const char *s, size_t n, const char *w, size_t wn,
    const char *after, size_t avail)
{
	size_t p, e;
	unsigned f;

	if (patronymic_end(s, n))
		return 1;
	if (memchr(w, '\'', wn) == NULL)
		return whole_word_triggers(s, head_of(w, wn), wn, after,
		    avail);
	if (patronymic_before_mark(s, n))
		return 1;
	for (p = 0; p < wn; p++) {
		if (w[p] == '\'' || (p > 0 && w[p - 1] != '\''))
			continue;
		for (e = p + 1; e <= wn; e++) {
			if (e < wn && w[e] != '\'')
				continue;
			f = ws_find(&words, w + p, e - p);
			if (f & WS_DICT)
				return 1;
			if (e == wn && p == 0 && (f & WS_FIRST) &&
			    pair_follows(w, wn, after, line_rest(after, avail)))
				return 1;
			/* a surname needs a capital, then " " and a capital
			 * (or any letter outside ASCII); a line end is
			 * neither */
			if ((f & WS_SURNAME) && (p > 0 ||
			    (s[0] >= 'A' && s[0] <= 'Z')) && (e < wn ||
			    capital_follows(after, avail)))
				return 1;
		}
	}
	return 0;
}

/* The length of the run of ASCII letters that starts s[0..n), and in
 * *head the lower-case head of the word it makes: eight bytes a step where the
 * compiler can find the first byte that is not a letter (the lowest set
 * byte of a mask, little-endian). */
static inline size_t
letter_run(const char *s, size_t n, uint64_t *head)
{
	size_t i = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
	uint64_t v, x, first, other;

	if (n >= 8) {
		memcpy(&v, s, 8);
		/* a byte below 0x80 that is 0x61-0x7A once OR 0x20 */
		first = x = (v | ones * 0x20) & ~high;
		other = (~(x + ones * 0x1F) | (x + ones * 0x05) | v) & high;
		while (other == 0) {
			i += 8;
			if (i + 8 > n) {
				while (i < n && bclass[(unsigned char)s[i]] ==
				    B_LETTER)
					i++;
				*head = first;
				return i;
			}
			memcpy(&v, s + i, 8);
			x = (v | ones * 0x20) & ~high;
			other = (~(x + ones * 0x1F) | (x + ones * 0x05) | v) &
			    high;
		}
		if (i == 0)	/* the bytes before the first other one */
			first &= ((other & -other) >> 7) - 1;
		i += (size_t)__builtin_ctzll(other) / 8;
		*head = first;
		return i;
	}
#endif
	while (i < n && bclass[(unsigned char)s[i]] == B_LETTER)
		i++;
	*head = lower_head(s, i);
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
 * after it may be the rest of its own.
 *
 * Between regions only the next trigger matters (scan_closed): the
 * separators are counted inside a region only, and where a region
 * starts is worked out from the bytes before its trigger. */
struct scan {
	size_t i;		/* where the scan goes on */
	size_t from;		/* where the scan between regions began */
	int    padded;		/* PAD bytes past the piece may be read */
	int    open;		/* a region from start */
	size_t start;
	size_t last;		/* where its last trigger ends */
	int    words, seps;	/* still to pass before it may end */
};

/* What sets off a region: a word that could start a rewrite, or a mark
 * outside ASCII (then the region starts at the separator before it). */
enum { TRIG_WORD, TRIG_MARK };

/* A "." that ends a segment: after a lower-case word, before a space;
 * not after a capital and one letter (an initial, Iu.). */
static inline int
dot_boundary(const char *s, size_t n, size_t i)
{
	return dot_bound && i + 1 < n && s[i + 1] == ' ' && i >= 2 &&
	    s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
	    bclass[(unsigned char)s[i - 2]] == B_LETTER &&
	    !(s[i - 2] <= 'Z' && (i == 2 ||
	    bclass[(unsigned char)s[i - 3]] != B_LETTER));
}

/* Where a region set off at s[at] starts: for a word the byte before
 * it, unless that ends a segment or is not ASCII; for a mark the last
 * separator before it (just after it when it ends a segment), or where
 * the scan between regions began, which is a separator or a segment's
 * start. */
static size_t
region_start(const struct scan *sc, const char *s, size_t n, int kind,
    size_t at)
{
	size_t j;
	unsigned char c;

	if (kind == TRIG_WORD)
		return at > 0 && (unsigned char)s[at - 1] < 0x80 &&
		    bclass[(unsigned char)s[at - 1]] != B_BOUND ? at - 1 : at;
	for (j = at; j > sc->from; j--) {
		c = (unsigned char)s[j - 1];
		if (c >= 0x80 || bclass[c] == B_LETTER || bclass[c] == B_APOS)
			continue;
		if (bclass[c] == B_BOUND || (c == '.' && dot_boundary(s, n,
		    j - 1)))
			return j;
		return j - 1;
	}
	return sc->from;
}

/* A rewrite could start in s[at, last). */
static void
scan_trigger(struct scan *sc, const char *s, size_t n, int kind, size_t at,
    size_t last)
{
	sc->last = last;
	if (!sc->open) {
		sc->open = 1;
		sc->start = region_start(sc, s, n, kind, at);
	}
	sc->words = kind == TRIG_WORD ? 3 : 4;
	sc->seps = (int)maxsep + 1;
}

/* A separator in a region: 1 when the region ends there. */
static inline int
scan_sep(struct scan *sc)
{
	return --sc->seps <= 0 && sc->words <= 0;
}

/* The bytes of punctuation outside ASCII at s[i] (c >= 0x80) that is
 * passed over: ’ ‘ ʼ are apostrophes, — “ ” …, no-break space and
 * superscripts separate words; 0 for anything else. */
static inline size_t
mark_skip(const char *s, size_t n, size_t i, unsigned char c)
{
	size_t k;

	if (c >= 0xE0 && !(c == 0xE2 && i + 2 < n &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x98 ||
	    (unsigned char)s[i + 2] == 0x99))) {
		/* nothing from U+0800 up is a letter */
		for (k = 1; i + k < n && ((unsigned char)s[i + k] & 0xC0) ==
		    0x80; k++)
			;
		return k;
	}
	if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] != 0xAA &&
	    (unsigned char)s[i + 1] != 0xB5 && (unsigned char)s[i + 1] != 0xBA)
		return 2;
	return 0;
}

/* A word of ASCII letters from s[i]: in *end where the letters end,
 * and what it is: */
enum {
	W_QUIET,	/* no rewrite can start in it */
	W_TRIGGER,	/* one could */
	W_MARK,		/* a letter outside ASCII follows: one could */
	W_LONG		/* an apostrophe follows, or it is too long for a
			 * word of an entry: the long way (long_word) */
};

/* Could a rewrite start in the word s[i, e) of ASCII letters with the
 * lower-case head head, followed by the end or a byte that is not a letter nor an
 * apostrophe?  Unless it ends like a patronymic, a clear bit proves
 * that no set holds it (a surname only counts with a capital, then " "
 * and a capital or a letter outside ASCII). */
static int
plain_triggers(const char *s, size_t n, size_t i, size_t e, uint64_t head)
{
	size_t wn = e - i;
	unsigned k = key_of(head, wn);

	if (patronymic_end(s + i, wn))
		return 1;
	if (wordbit(dictbits, k) || (s[i] <= 'Z' &&
	    capital_follows(s + e, n - e) && wordbit(surnbits, k)))
		return whole_word_triggers(s + i, head, wn, s + e, n - e);
	return 0;
}

/* The first, cheaper half of plain_triggers: 0 proves it 0. */
static inline int
plain_maybe(const char *s, size_t i, size_t e, unsigned k)
{
	return wordbit(dictbits, k) || s[e - 1] == 'h' || s[e - 1] == 'a' ||
	    (s[i] <= 'Z' && wordbit(surnbits, k));
}

static int
word_kind(const char *s, size_t n, size_t i, size_t *end)
{
	size_t wn, e;
	uint64_t head;
	unsigned char c;

	wn = letter_run(s + i, n - i, &head);
	*end = e = i + wn;
	if (wn > WORDMAX)
		return W_LONG;
	if (e < n && bclass[c = (unsigned char)s[e]] < B_OTHER) {
		/* an apostrophe, or a byte outside ASCII */
		if (c == '\'' || (c == 0xE2 && e + 2 < n &&
		    (unsigned char)s[e + 1] == 0x80 &&
		    ((unsigned char)s[e + 2] == 0x98 ||
		    (unsigned char)s[e + 2] == 0x99)) ||
		    (c == 0xCA && e + 1 < n && (unsigned char)s[e + 1] == 0xBC))
			return W_LONG;
		if (c < 0xE0 && c != 0xC2)
			return W_MARK;
	}
	return plain_maybe(s, i, e, key_of(head, wn)) &&
	    plain_triggers(s, n, i, e, head) ?
	    W_TRIGGER : W_QUIET;
}

/* Any other word from s[i] (letters and apostrophes, one of them
 * outside ASCII or more than 64 letters), or a lone mark outside ASCII
 * (’ not followed by a letter); returns where the scan goes on. */
static size_t
long_word(struct scan *sc, const char *s, size_t n, size_t i)
{
	size_t ws = i, wn = 0;
	unsigned char c;
	char w[WORDMAX];
	int letters = 0;

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
		scan_trigger(sc, s, n, TRIG_MARK, i, i + 1);
		return i + 1;
	}
	if (wn > sizeof(w) || (i < n && bclass[(unsigned char)s[i]] ==
	    B_SLOW && (unsigned char)s[i] < 0xE0 &&
	    (unsigned char)s[i] != 0xC2))
		/* too long, or a letter outside ASCII */
		scan_trigger(sc, s, n, TRIG_MARK, ws, i);
	else if (word_triggers(s + ws, i - ws, w, wn, s + i, n - i))
		scan_trigger(sc, s, n, TRIG_WORD, ws, i);
	else if (letters && sc->open)
		sc->words--;
	return i;
}

/* Between regions: one step at s[i], a letter or a byte outside
 * ASCII; returns where the scan goes on (a trigger opens a region). */
static size_t
closed_step(struct scan *sc, const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	size_t e;

	if (c < 0x80) {
		switch (word_kind(s, n, i, &e)) {
		case W_QUIET:
			return e;
		case W_TRIGGER:
			scan_trigger(sc, s, n, TRIG_WORD, i, e);
			return e;
		case W_MARK:
			scan_trigger(sc, s, n, TRIG_MARK, i, e);
			return e;
		}
	} else if ((e = mark_skip(s, n, i, c)) > 0)
		return i + e;
	else if (c != 0xE2 && c != 0xCA) {
		scan_trigger(sc, s, n, TRIG_MARK, i, i + 1);
		return i + 1;
	}
	return long_word(sc, s, n, i);
}

#ifdef __SSE2__
/* 16 bytes from p as bit masks, bit k for p[k]: their ASCII letters
 * (returned), bytes outside ASCII and apostrophes.  A byte ORed with
 * 0x20 is a letter when, plus 0x1F, it is 0x80-0x99: signed, below
 * -102 (and a byte outside ASCII is 0xA0 or more, which stays above). */
static inline uint64_t
block_masks(const char *p, uint64_t *high, uint64_t *apos)
{
	const __m128i lower = _mm_set1_epi8(0x20), shift = _mm_set1_epi8(0x1F),
	    past_z = _mm_set1_epi8(-102), quote = _mm_set1_epi8('\'');
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	*high = (unsigned)_mm_movemask_epi8(v);
	*apos = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote));
	return (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(
	    _mm_or_si128(v, lower), shift), past_z));
}

/* The same for CHUNK (64) bytes, a block at a time. */
static inline uint64_t
chunk_masks(const char *p, uint64_t *high, uint64_t *apos)
{
	uint64_t letters, h1, h2, h3, a1, a2, a3;

	letters = block_masks(p, high, apos);
	letters |= block_masks(p + 16, &h1, &a1) << 16;
	letters |= block_masks(p + 32, &h2, &a2) << 32;
	letters |= block_masks(p + 48, &h3, &a3) << 48;
	*high |= h1 << 16 | h2 << 32 | h3 << 48;
	*apos |= a1 << 16 | a2 << 32 | a3 << 48;
	return letters;
}
#endif

/* From i to the first trigger, which opens a region: where the scan
 * goes on in it, or n with none.  Separators, boundaries and
 * apostrophes before words do not matter here; with SSE2 the words are
 * found CHUNK bytes a step, from bit masks. */
static size_t
scan_closed(struct scan *sc, const char *s, size_t n, size_t i)
{
	unsigned char c;

	sc->from = i;
#ifdef __SSE2__
	/* the masks hold the bytes up to n; those past it must be
	 * readable (sc->padded), or the step stops CHUNK + 8 bytes before
	 * n (a key reads 8 bytes from a word's start) */
	while (i < n && (n - i >= CHUNK + 8 || sc->padded)) {
		uint64_t letters, high, apos, starts, ends, special, below, v;
		unsigned sb, eb, stop, k, special_sb = 0, special_eb = 0;
		size_t ws, e;
		const char *chunk;	/* s + i */
		int coarse;

		chunk = s + i;
		letters = chunk_masks(chunk, &high, &apos);
		if (n - i < CHUNK) {
			below = ((uint64_t)1 << (n - i)) - 1;
			letters &= below;
			high &= below;
			apos &= below;
		}
		starts = letters & ~(letters << 1);
		ends = letters & ~(letters >> 1);
		/* the words up to the first byte outside ASCII */
		stop = high ? (unsigned)__builtin_ctzll(high) : CHUNK;
		below = stop < CHUNK ? ((uint64_t)1 << stop) - 1 : ~(uint64_t)0;
		starts &= below;
		/* ends of words for the long way: an apostrophe or a byte
		 * outside ASCII follows, or it may go on past the chunk */
		special = ends & (high | apos) >> 1;
		if (n - i > CHUNK)
			special |= ends & (uint64_t)1 << (CHUNK - 1);
		special &= below;
		if (special != 0) {
			/* the words before the first such one, here; it after
			 * them (its start is the last at or before its end) */
			special_eb = (unsigned)__builtin_ctzll(special);
			special_sb = CHUNK - 1 - (unsigned)__builtin_clzll(
			    starts & (((uint64_t)2 << special_eb) - 1));
			starts &= ((uint64_t)1 << special_sb) - 1;
		}
		for (; starts != 0; starts &= starts - 1, ends &= ends - 1) {
			sb = (unsigned)__builtin_ctzll(starts);
			eb = (unsigned)__builtin_ctzll(ends);
			/* the coarse test (the length bit of the word's
			 * prefix), else the patronymic ending; then the bits,
			 * then the sets */
			coarse = prefixlens[prefix_of(chunk + sb)] >> (eb - sb) & 1;
			if (!coarse && ((chunk[eb] != 'h' && chunk[eb] != 'a') ||
			    !patronymic_end(chunk + sb, eb - sb + 1)))
				continue;
			ws = i + sb;
			e = i + eb + 1;
			if (!coarse) {	/* a patronymic */
				scan_trigger(sc, s, n, TRIG_WORD, ws, e);
				return e;
			}
			memcpy(&v, s + ws, 8);
			v |= 0x2020202020202020u;
			if (eb - sb < 7)	/* the letters alone */
				v &= ~(uint64_t)0 >> (56 - 8 * (eb - sb));
			k = key_of(v, e - ws);
			if (plain_maybe(s, ws, e, k) &&
			    plain_triggers(s, n, ws, e, v)) {
				scan_trigger(sc, s, n, TRIG_WORD, ws, e);
				return e;
			}
		}
		if (special != 0) {
			if (special_eb == CHUNK - 1 && special_sb > 0) {
				/* the next chunk starts with it */
				i += special_sb;
				goto next;
			}
			i = closed_step(sc, s, n, i + special_sb);
			if (sc->open)
				return i;
			goto next;
		}
		if (stop < CHUNK) {
			i = closed_step(sc, s, n, i + stop);
			if (sc->open)
				return i;
		} else
			i += CHUNK;
next:		;
	}
	if (i >= n)
		return n;
#endif
	while (i < n) {
		c = (unsigned char)s[i];
		if (c < 0x80 && bclass[c] != B_LETTER) {
			i++;
			continue;
		}
		i = closed_step(sc, s, n, i);
		if (sc->open)
			return i;
	}
	return n;
}

/* The next region of s[0..n) from sc->i: 1 and its bounds, or 0. */
static int
scan_region(struct scan *sc, const char *s, size_t n, size_t *rs,
    size_t *re)
{
	size_t i, e;
	unsigned char c;

	i = scan_closed(sc, s, n, sc->i);
	if (!sc->open) {
		sc->i = n;
		return 0;
	}
	while (i < n) {
		c = (unsigned char)s[i];
		if (c == ' ') {		/* the usual separator, first */
			if (scan_sep(sc))
				goto cut;
			i++;
			continue;
		}
		switch (bclass[c]) {
		case B_BOUND:
			goto boundary;
		case B_OTHER:
			if (c == '.' && dot_boundary(s, n, i))
				goto boundary;
			if (scan_sep(sc))
				goto cut;
			i++;
			continue;
		case B_SLOW:
			if ((e = mark_skip(s, n, i, c)) > 0) {
				i += e;
				continue;
			}
			if (c == 0xE2 || c == 0xCA)
				break;	/* an apostrophe: a word */
			scan_trigger(sc, s, n, TRIG_MARK, i, i + 1);
			i++;
			continue;
		case B_APOS:
			i++;
			continue;
		case B_LETTER:
			switch (word_kind(s, n, i, &e)) {
			case W_QUIET:
				sc->words--;
				i = e;
				continue;
			case W_TRIGGER:
				scan_trigger(sc, s, n, TRIG_WORD, i, e);
				i = e;
				continue;
			case W_MARK:
				scan_trigger(sc, s, n, TRIG_MARK, i, e);
				i = e;
				continue;
			}
			break;
		}
		i = long_word(sc, s, n, i);
	}
	sc->i = *re = n;
	goto found;
boundary:
	sc->i = i + 1;
	*re = s[i] == '\n' && s[i - 1] == '\r' ? i - 1 : i;
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

static _Thread_local struct text text;

/* A very long line is handled in pieces of about this size, cut after
 * a space, so that memory stays bounded. */
#define PIECE	(1u << 20)

/* The input is read in blocks of this size (more for a longer line),
 * with PAD bytes more that the scan may read past a line (zeros past
 * the input). */
#define BLOCK	(1u << 16)
#define PAD	CHUNK

/* Text that goes out unchanged is written in long runs: a run of the
 * input still in memory waits in pend until text that does not follow
 * it comes, or until the memory is to be reused (out_flush). */
static _Thread_local const char *pend;
static _Thread_local size_t npend;
/* where a worker's unit writes (jobs.h); NULL: standard output */
static _Thread_local FILE *unit_out;

static void
out_bytes(const char *s, size_t n)
{
	fwrite(s, 1, n, unit_out != NULL ? unit_out : stdout);
}

static void
out_flush(void)
{
	if (npend > 0) {
		out_bytes(pend, npend);
		npend = 0;
		if (unit_out == NULL)
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

/* Regions repeat (a name and the words around it): what the rewrite
 * makes of one follows from its bytes and where its starts end alone,
 * so it is kept in regions by them (tag: start_end, which fits its
 * byte; a bounded memo, so only a region of up to REGION_KEYMAX bytes).  The filter keeps the
 * rewritten region (n 1) or that nothing changes (n 0); --check keeps
 * the n reports, packed by pack_report. */
#define REGION_KEYMAX	64
static _Thread_local struct memo *regions;
static _Thread_local struct buf packed;	/* the region in hand's reports */
static _Thread_local int npacked;

/* A report of --check, kept in packed as it is made: the bytes of the
 * form in the region (bs, be: one byte each), then the canonical form
 * and the rule as classified, each with its NUL. */
static void
pack_report(void *arg, const struct text *t, size_t bs, size_t be,
    const char *c, size_t clen, const char *rule)
{
	unsigned char at[2];

	rule = classify(t->s + bs, be - bs, c, clen, rule);
	at[0] = (unsigned char)bs;
	at[1] = (unsigned char)be;
	buf_add(&packed, (const char *)at, sizeof(at));
	buf_add(&packed, c, strlen(c) + 1);
	buf_add(&packed, rule, strlen(rule) + 1);
	npacked++;
	report_at(arg, t->s, bs, be, c, rule);
}

/* The reports of a region at s again, as pack_report kept them. */
static void
unpack_reports(struct rewriter *rw, const char *s, const struct memo_val *mv)
{
	const unsigned char *p = (const unsigned char *)mv->s;
	const char *c, *rule;
	int i;

	for (i = 0; i < mv->n; i++) {
		c = (const char *)p + 2;
		rule = c + strlen(c) + 1;
		report_at(rw, s, p[0], p[1], c, rule);
		p = (const unsigned char *)rule + strlen(rule) + 1;
	}
}

/* The region s[0..len) as its memo entry mv says. */
static void
replay_region(struct rewriter *rw, const char *s, size_t len,
    const struct memo_val *mv)
{
	if (opt.check)
		unpack_reports(rw, s, mv);
	else if (mv->n) {
		out_flush();
		out_bytes(mv->s, mv->len);
	} else
		out_text(s, len);
}

/* One region through text_cut and canon_rewrite; rewrites start only
 * in its words that begin before start_end. */
static void
rewrite_region(struct rewriter *rw, const char *s, size_t len,
    size_t start_end)
{
	const struct memo_val *mv;
	struct memo_val v = { 0 };
	int keep = len <= REGION_KEYMAX;

	if (keep && (mv = memo_get(regions, (int)start_end, s, len)) != NULL) {
		replay_region(rw, s, len, mv);
		return;
	}
	text_cut_tokens(&text, s, len);
	text.start_end = start_end;
	rw->c.copied = 0;
	rw->c.changed = 0;
	buf_reset(&rw->c.out);
	buf_reset(&packed);
	npacked = 0;
	canon_rewrite(&rw->c, &text);
	if (opt.check) {
		v.n = npacked;
		v.s = packed.s;
		v.len = packed.len;
	} else if (rw->c.changed) {
		buf_add(&rw->c.out, s + rw->c.copied, len - rw->c.copied);
		v.n = 1;
		v.s = rw->c.out.s;
		v.len = rw->c.out.len;
	}
	if (keep)
		memo_put(regions, (int)start_end, s, len, &v);
	if (!opt.check) {
		if (rw->c.changed) {
			out_flush();
			out_bytes(rw->c.out.s, rw->c.out.len);
		} else
			out_text(s, len);
	}
}

/* The regions of s[0..len) through the rewrite, the rest as it is;
 * tail: bytes that follow in memory, written with it; padded: PAD
 * bytes past s + len may be read. */
static void
rewrite_text(struct rewriter *rw, const char *s, size_t len, size_t tail,
    int padded)
{
	struct scan sc = { 0 };
	size_t rs, re, done = 0;

	if (!fast_ready)
		fast_init();
	if (regions == NULL)
		regions = memo_new();
	sc.padded = padded;
	while (scan_region(&sc, s, len, &rs, &re)) {
		if (!opt.check)
			out_text(s + done, rs - done);
		rewrite_region(rw, s + rs, re - rs, sc.last - rs);
		done = re;
	}
	if (!opt.check)
		out_text(s + done, len + tail - done);
}

/* Whole lines s[0..len), each with its line end and all valid UTF-8,
 * after line rw->lineno: the scan runs over them at once, since a line
 * end ends a segment (the lines are counted as reports need them; the
 * reader counts them all). */
static void
process_span(struct rewriter *rw, const char *s, size_t len)
{
	rw->lineno++;
	rw->upto = s;
	rw->counted = 0;
	rewrite_text(rw, s, len, 0, 1);
}

/* s[0..len) of a line; tail: the bytes of the line end that follow it
 * in memory, written with it; padded: PAD bytes past s + len may be
 * read. */
static void
process_piece(struct rewriter *rw, int fileno, const char *s, size_t len,
    size_t colbase, size_t tail, int padded)
{
	rw->upto = s;
	rw->counted = colbase;
	if (!opt.consistency) {
		rewrite_text(rw, s, len, tail, padded);
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
    const char *eol, size_t eollen, int padded)
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
		process_piece(rw, fileno, s + start, cut - start, colbase, 0,
		    padded);
		colbase += utf8_count(s + start, cut - start);
		start = cut;
		if (unit_out == NULL)	/* a worker's output is in memory */
			out_check();
	}
	/* the line end goes with the text when it follows in memory */
	tail = !opt.check && !opt.consistency && eol == s + len ? eollen : 0;
	process_piece(rw, fileno, s + start, len - start, colbase, tail,
	    padded);
	if (!opt.check && tail == 0)
		out_text(eol, eollen);
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

/* ---------------------------------------------------------------- */
/* Pieces of work: the reader cuts the input into lines to rewrite,
 * each of which comes out the same whatever came before it, since no
 * state of the rewrite crosses a line end: a region ends at one
 * (B_BOUND), the scan looks at no byte of the next line
 * (line_rest, capital_follows) and a rewriter is set afresh for each
 * line or span.  So the filter runs them on worker threads (jobs.h);
 * --check and --consistency, whose reports and exit status are counted
 * over the whole input, run on the main thread. */

enum piece_kind {
	P_LINES,	/* whole lines of valid UTF-8, each with its end */
	P_LINE,		/* one line, maybe long, lossy or without an end */
	P_VERBATIM	/* text written as it is (a stream's header) */
};

struct piece {
	enum piece_kind kind;
	const char *file;	/* as diagnostics and reports name it */
	int         fileno;
	long        lineno;	/* P_LINES: the line before the first */
	const char *s;		/* the text */
	size_t      len;
	const char *eol;	/* P_LINE: its line end */
	size_t      eollen;
	int         padded;	/* PAD bytes past s + len may be read */
};

/* A piece handed to the workers, with its bytes: the text, the line
 * end and PAD zeros, or the reader's block that holds them; the file
 * name. */
struct unit {
	struct piece pc;
	char        *block;	/* to jobs_block_free(), of block_size */
	size_t       block_size;
	char         bytes[];
};

static int nfiles;
static struct jobs *jobs;	/* the filter's workers; NULL: --check */
static int jobs_running;	/* the pieces go to them */

/* Once they do, the input is read in blocks of this size, so that a
 * unit (the whole lines of a block) is worth handing over. */
#define UNIT_BLOCK	(2 * BLOCK)

/* The bytes rewritten here before the workers start, unless
 * CWIHP_THREADS_AFTER says otherwise (jobs.h): each worker warms memos
 * and tables of its own, which costs more than it saves on a paper of
 * a few megabytes. */
#define THREADS_AFTER	(4 << 20)

/* This thread's rewriter and options, with their memo. */
static _Thread_local struct rewriter thread_rw;
static _Thread_local struct canon_opts copts;

static struct rewriter *
rewriter_ready(void)
{
	struct rewriter *rw = &thread_rw;

	if (copts.memo != NULL)
		return rw;
	copts.memo = memo_new();
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
	rw->c.o = &copts;
	if (opt.check) {
		/* the regions' reports are kept (--consistency has none) */
		rw->c.report = opt.consistency ? report_change : pack_report;
		rw->c.arg = rw;
	}
	return rw;
}

/* Free this thread's memos and buffers: the main thread's at exit, a
 * worker's as it ends. */
static void
thread_free(void)
{
	memo_free(copts.memo);
	copts.memo = NULL;
	buf_free(&thread_rw.c.out);
	memo_free(regions);
	regions = NULL;
	buf_free(&packed);
	text_free(&text);
}

static void
run_piece(const struct piece *pc)
{
	struct rewriter *rw;

	rw = rewriter_ready();
	rw->file = pc->file;
	rw->lineno = pc->lineno;
	if (pc->kind == P_LINES)
		process_span(rw, pc->s, pc->len);
	else if (pc->kind == P_VERBATIM) {
		out_text(pc->s, pc->len);
		out_text(pc->eol, pc->eollen);
	} else
		process_line(rw, pc->fileno, pc->s, pc->len, pc->eol,
		    pc->eollen, pc->padded);
}

/* a unit on a worker (jobs.h): its output to out */
static void
run_unit(void *unit, FILE *out)
{
	struct unit *u = unit;

	unit_out = out;
	run_piece(&u->pc);
	out_flush();		/* its bytes go with it */
	unit_out = NULL;
}

static void
release_unit(void *unit)
{
	struct unit *u = unit;

	if (u->block != NULL)
		jobs_block_free(jobs, u->block, u->block_size);
	free(u);
}

/* Two blocks in hand a worker, one running and one queued or being
 * written out: enough to keep it busy, and few enough that a short
 * input has them all in hand as a long one does (so peak memory is the
 * same at 10 MB and 1 GB). */
static const struct jobs_ops unit_jobs = { .run = run_unit,
    .release = release_unit, .thread_end = thread_free,
    .direct_bytes = THREADS_AFTER, .hand_bytes = 2 * UNIT_BLOCK,
    .one_heap = 1 };

/* A unit of pc: its bytes copied, or in block (then the unit's, and
 * PAD bytes past them readable). */
static struct unit *
unit_new(const struct piece *pc, char *block, size_t block_size)
{
	size_t namelen = strlen(pc->file) + 1;
	size_t size = block ? 0 : pc->len + pc->eollen + PAD;
	struct unit *u = xmalloc(sizeof(*u) + size + namelen);
	char *p = u->bytes;

	u->pc = *pc;
	u->block = block;
	u->block_size = block_size;
	if (block == NULL) {
		u->pc.s = p;
		memcpy(p, pc->s, pc->len);
		p += pc->len;
		u->pc.eol = p;
		memcpy(p, pc->eol, pc->eollen);
		p += pc->eollen;
		memset(p, 0, PAD);
		p += PAD;
	}
	u->pc.file = p;
	memcpy(p, pc->file, namelen);
	return u;
}

/* Is a piece of so many bytes for the workers (else it runs here)? */
static int
for_workers(size_t bytes)
{
	if (jobs == NULL || jobs_direct(jobs, bytes))
		return 0;
	if (!jobs_running) {	/* the workers have started, idle */
		if (!fast_ready)	/* the tables they read */
			fast_init();
		jobs_running = 1;
	}
	out_flush();		/* what ran here goes first */
	return 1;
}

/* Run a piece now, or hand a copy to the workers once they run. */
static void
hand_over(const struct piece *pc)
{
	size_t bytes = pc->len + pc->eollen;

	if (for_workers(bytes))
		jobs_add(jobs, unit_new(pc, NULL, 0), bytes);
	else
		run_piece(pc);
}

/* A diagnostic of the reader, after the text before it, line end too;
 * while the workers run, jobs.c keeps it in its place among theirs. */
static void
trouble(const char *file, long lineno, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
trouble(const char *file, long lineno, const char *fmt, ...)
{
	va_list ap;

	out_flush();
	va_start(ap, fmt);
	vdiag(file, lineno, fmt, ap);
	va_end(ap);
	exit_trouble = 1;
}

/* ---------------------------------------------------------------- */
/* The document stream (cwihp-stream(5)): the units' text lines are
 * rewritten, or checked with the paper's name and line numbers; the
 * header lines and the form feeds between units are written as they
 * are, but for the values of Title and Source, which repeat the unit's
 * text and are rewritten as it is.  --check reports nothing in them. */

enum stream_state { ST_SNIFF, ST_RAW, ST_HEADER, ST_TEXT, ST_SEP };

struct stream {
	enum stream_state state;
	long        left;		/* ST_TEXT: the unit's lines to come */
	long        first, last;	/* the Lines of the header in hand */
	long        header_no;	/* the input's line that ended it */
	int         nheader;	/* lines of the header in hand */
	int         saw_paper, saw_unit, units;
	struct buf  paper;		/* the unit's Paper: its reports' file */
	struct buf  next;		/* the Paper of the header in hand */
};

/* Is the input that starts with s[0..n) a stream (a first line that
 * starts with "Paper:", a second with "Unit:", a BOM aside)?  -1: more
 * input must be read to tell. */
static int
stream_sniff(const char *s, size_t n, int eof)
{
	const char *nl;
	size_t rest;

	if (n == 0)
		return eof ? 0 : -1;
	if (n < 3 && !eof && memcmp(s, "\xef\xbb\xbf", n) == 0)
		return -1;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, n -= 3;
	if (n < 6)
		return !eof && memcmp(s, "Paper:", n) == 0 ? -1 : 0;
	if (memcmp(s, "Paper:", 6) != 0)
		return 0;
	if ((nl = memchr(s, '\n', n)) == NULL)
		return eof ? 0 : -1;
	rest = n - (size_t)(nl + 1 - s);
	if (rest < 5)
		return !eof && memcmp(nl + 1, "Unit:", rest) == 0 ? -1 : 0;
	return memcmp(nl + 1, "Unit:", 5) == 0;
}

/* The value of the header line s[0..n) when it is field, its length
 * in *vlen; NULL when it is not. */
static const char *
stream_field(const char *s, size_t n, const char *field, size_t *vlen)
{
	size_t v = stream_header_value(s, n, field);

	if (v == 0)
		return NULL;
	*vlen = n - v;
	return s + v;
}

/* A number of a Lines value at *s, and *s after it; 0 when none. */
static long
stream_number(const char **s, const char *end)
{
	long v = 0;

	while (*s < end && **s >= '0' && **s <= '9' && v < 100000000000L)
		v = v * 10 + *(*s)++ - '0';
	return v;
}

static void
stream_unit_begin(struct stream *st)
{
	st->state = ST_HEADER;
	st->nheader = st->saw_paper = st->saw_unit = 0;
	st->first = 0;
	st->last = -1;
}

/* A line of the header or the separator: its first keep bytes as they
 * are, the rest rewritten as text. */
static void
stream_copy(const struct piece *pc, size_t keep)
{
	struct piece part = *pc;

	if (opt.check)
		return;
	part.kind = P_VERBATIM;
	if (keep < pc->len) {
		part.len = keep;
		part.eol = part.s + keep;
		part.eollen = 0;
	}
	hand_over(&part);
	if (keep < pc->len) {
		part = *pc;
		part.s += keep;
		part.len -= keep;
		hand_over(&part);
	}
}

/* The line of pc, line own of the input name, in a stream: 1 a text
 * line, for the caller to rewrite; 0 a line of a header or a
 * separator, done; -1 a malformed stream (reported). */
static int
stream_line(struct stream *st, struct piece *pc, const char *name, long own)
{
	const char *s = pc->s, *v, *e;
	size_t n = pc->len, vlen;
	struct buf swap;

	if (st->state == ST_TEXT) {
		if (--st->left == 0)
			st->state = ST_SEP;
		return 1;
	}
	if (st->state == ST_SEP) {
		stream_unit_begin(st);
		if (n == 1 && s[0] == '\f') {
			stream_copy(pc, n);
			return 0;
		}
		if (stream_field(s, n, "Paper", &vlen) == NULL) {
			trouble(name, own, "malformed document stream: "
			    "expected a form feed or a Paper line after the unit");
			return -1;
		}
	}
	st->nheader++;
	if (n == 0) {		/* the header ends */
		st->header_no = own;
		if (!st->saw_paper || !st->saw_unit || st->first <= 0 ||
		    st->last < st->first) {
			trouble(name, own, "malformed document stream: "
			    "a unit needs Paper, Unit and Lines");
			return -1;
		}
		stream_copy(pc, n);
		if (st->units++ == 0 || strcmp(st->paper.s, st->next.s) != 0) {
			swap = st->paper;
			st->paper = st->next;
			st->next = swap;
			if (st->units > 1)	/* its own for --consistency */
				pc->fileno = nfiles++;
		}
		pc->file = st->paper.s;
		pc->lineno = st->first - 1;
		st->left = st->last - st->first + 1;
		st->state = ST_TEXT;
		return 0;
	}
	if ((v = stream_field(s, n, "Paper", &vlen)) != NULL) {
		buf_reset(&st->next);
		buf_add(&st->next, v, vlen);
		buf_cstr(&st->next);
		st->saw_paper = 1;
	} else if (stream_field(s, n, "Unit", &vlen) != NULL)
		st->saw_unit = 1;
	else if ((v = stream_field(s, n, "Lines", &vlen)) != NULL) {
		e = v + vlen;
		st->first = stream_number(&v, e);
		st->last = v < e && *v == '-' ? (v++, stream_number(&v, e)) :
		    st->first;
	} else if ((v = stream_field(s, n, "Title", &vlen)) != NULL ||
	    (v = stream_field(s, n, "Source", &vlen)) != NULL) {
		stream_copy(pc, (size_t)(v - s));
		return 0;
	}
	stream_copy(pc, n);
	return 0;
}

/* The bytes of the first max lines of s[0..n) (all n when fewer). */
static size_t
lines_in(const char *s, size_t n, long max)
{
	const char *p = s, *nl;

	while (max-- > 0 && (nl = memchr(p, '\n', n - (size_t)(p - s))) != NULL)
		p = nl + 1;
	return max < 0 ? (size_t)(p - s) : n;
}

/* The end of a stream's input: in a unit? */
static void
stream_end(struct stream *st, const char *name, long own)
{
	if (st->state == ST_HEADER && st->nheader > 0)
		trouble(name, own, "malformed document stream: "
		    "header without text");
	else if (st->state == ST_TEXT)
		trouble(name, st->header_no, "malformed document stream: "
		    "fewer lines than Lines says");
}

void
nt_finish(void)
{
	jobs_close(jobs);
	jobs = NULL;
}

void
nt_process(const char *path)
{
	struct piece pc = { 0 };
	struct stream st = { 0 };
	char *blk = NULL;
	const char *line, *name;
	size_t cap = 0, have = 0, pos = 0, checked = 0, len, eollen, bad, want;
	ssize_t got;
	long lines, own = 0;	/* own: lines of the input, a stream's too */
	char *next;
	int fd, eof = 0, more, r;
	struct buf fixed = { 0 };

	if (nfiles == 0) {
		atexit(thread_free);
		if (!opt.check)
			jobs = jobs_open(&unit_jobs);
	}
	pc.fileno = nfiles++;
	pc.file = name = strcmp(path, "-") == 0 ? "-" : path;
	if (opt.in.from_code && strcasecmp(opt.in.from_code, "UTF-8") != 0 &&
	    strcasecmp(opt.in.from_code, "UTF8") != 0) {
		struct input *in = input_open(path, &opt.in);
		struct line ln;
		int r;

		if (in == NULL)
			return;
		pc.file = input_name(in);
		/* a unit a line (jobs.c gathers them into jobs): a message
		 * of the reader (a byte iconv cannot convert) then comes
		 * after the lines before it */
		while ((r = input_getline(in, &ln)) == 1) {
			pc.kind = P_LINE;
			pc.lineno = ln.no;
			pc.s = ln.s;
			pc.len = ln.len;
			pc.eol = "\n";
			pc.eollen = 1;
			pc.padded = 0;
			hand_over(&pc);
			out_flush();
			out_check();
		}
		input_close(in);
		return;
	}
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY)) < 0) {
		trouble(path, 0, "%s", strerror(errno));
		return;
	}
	/* whole lines from a block of the input; the UTF-8 check runs
	 * ahead over the block, and again from a line where it stopped */
	for (;;) {
		const char *nl = pos < have ? memchr(blk + pos, '\n',
		    have - pos) : NULL, *s;

		more = nl == NULL;
		if (st.state == ST_SNIFF) {
			if ((r = stream_sniff(blk + pos, have - pos, eof)) < 0)
				more = 1;
			else if (r == 0)
				st.state = ST_RAW;
			else
				stream_unit_begin(&st);
		}
		if (more && !eof) {
			/* the line goes on past the block: keep it, read on;
			 * a write error shows before any later diagnostic */
			out_flush();
			out_check();
			if (pos > 0)
				memmove(blk, blk + pos, have - pos);
			have -= pos;
			checked = checked > pos ? checked - pos : 0;
			pos = 0;
			want = jobs_running ? UNIT_BLOCK : BLOCK;
			if (have == cap || cap < want) {
				cap = have == cap && cap >= want ? cap * 2 : want;
				blk = xrealloc(blk, cap + PAD);
			}
			/* once the workers run, the block is filled: a pipe
			 * gives a little at a time, and small units of all
			 * sizes freed by other threads scatter the heap */
			do {
				while ((got = read(fd, blk + have, cap - have)) <
				    0 && errno == EINTR)
					;
				if (got > 0)
					have += (size_t)got;
			} while (got > 0 && jobs_running && have < cap);
			if (got < 0)
				trouble(name, 0, "%s", strerror(errno));
			if (got <= 0)
				eof = 1;
			memset(blk + have, 0, PAD);
			continue;
		}
		if (pos == have) {
			stream_end(&st, name, own);
			break;
		}
		if (own > 0 && nl != NULL && !opt.consistency &&
		    (st.state == ST_RAW || st.state == ST_TEXT)) {
			/* the whole lines of the block that are valid, of
			 * a stream's unit no more than it has */
			size_t end;

			if (checked <= pos)
				checked = pos + utf8_check(blk + pos,
				    have - pos);
			for (end = checked < have ? checked : have; end > pos &&
			    blk[end - 1] != '\n'; end--)
				;
			if (st.state == ST_TEXT)
				end = pos + lines_in(blk + pos, end - pos,
				    st.left);
			if (end > pos && end - pos <= PIECE) {
				pc.kind = P_LINES;
				pc.s = blk + pos;
				pc.len = end - pos;
				pc.eollen = 0;
				pc.padded = 1;
				lines = (long)count_newlines(pc.s, pc.len);
				own += lines;
				if (st.state == ST_TEXT &&
				    (st.left -= lines) == 0)
					st.state = ST_SEP;
				if (!for_workers(pc.len)) {
					run_piece(&pc);
					pc.lineno += lines;
					pos = end;
					continue;
				}
				/* the workers take the block as it is; what
				 * follows the lines goes on in a new one */
				next = jobs_block(jobs, cap + PAD);
				memcpy(next, blk + end, have - end + PAD);
				jobs_add(jobs, unit_new(&pc, blk, cap + PAD),
				    pc.len);
				pc.lineno += lines;
				blk = next;
				have -= end;
				checked -= end;
				pos = 0;
				continue;
			}
		}
		s = line = blk + pos;
		len = nl ? (size_t)(nl + 1 - line) : have - pos;
		pos += len;
		eollen = 0;
		pc.lineno++;
		own++;
		if (len > 0 && line[len - 1] == '\n') {
			eollen = 1;
			if (len > 1 && line[len - 2] == '\r')
				eollen = 2;
		}
		if (own == 1 && looks_utf16((const unsigned char *)line,
		    len)) {
			out_check();	/* a write error first, as per line */
			trouble(name, 1, "input looks like UTF-16; "
			    "decode it with -f UTF-16");
			break;
		}
		len -= eollen;
		if (own == 1 && len >= 3 &&
		    memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			/* a BOM is dropped, as everywhere in the toolkit */
			s += 3;
			len -= 3;
		}
		if (s + len > blk + checked)
			checked = (size_t)(s - blk) + utf8_check(s,
			    have - (size_t)(s - blk));
		pc.kind = P_LINE;
		pc.eol = s + len;
		pc.eollen = eollen;
		if (s + len > blk + checked) {
			bad = checked - (size_t)(s - blk);
			if (!opt.in.lossy) {
				out_check();
				trouble(name, own, "invalid UTF-8 at "
				    "byte %zu of the line", bad + 1);
				break;
			}
			buf_reset(&fixed);
			utf8_lossy(&fixed, s, len);
			buf_cstr(&fixed);
			pc.s = fixed.s;
			pc.len = fixed.len;
			pc.padded = 0;
		} else {
			pc.s = s;
			pc.len = len;
			pc.padded = 1;
		}
		if (st.state == ST_RAW ||
		    (r = stream_line(&st, &pc, name, own)) > 0)
			hand_over(&pc);
		else if (r < 0)
			break;
		if (pc.s == fixed.s) {	/* fixed is reused */
			out_flush();
			out_check();
		}
	}
	out_flush();
	out_check();
	if (fd != STDIN_FILENO)
		close(fd);
	free(blk);
	buf_free(&fixed);
	buf_free(&st.paper);
	buf_free(&st.next);
}
