/* process.c: reading, cutting lines into words, and the rewriting pass. */
#include <sys/types.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nt.h"
#include "table.h"
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
 * and a segment goes through text_cut and canon_rewrite only when a
 * word of it could start a rewrite: the first word of a dictionary
 * entry, a Korean or Chinese surname before a capital, a patronymic
 * ending, or any letter outside ASCII (Cyrillic, diacritics).  A
 * rewrite never spans a segment boundary, so the output is the same. */

enum { B_OTHER, B_LETTER, B_APOS, B_BOUND, B_SLOW };

static unsigned char bclass[256];
static int dot_bound;		/* ". " after a lower-case word is a boundary */

/* Lower-case ASCII words, by a hash set; a pair bitmap of first two
 * bytes rejects most words before hashing. */
struct wordset {
	char   **w;
	size_t   cap, n;
	uint32_t pair[32];	/* [first letter] bit second (27: not a letter) */
};
static struct wordset dictwords, surnames;
/* entries of several words: their first words, and the first words
 * with what follows up to the end of the second word */
static struct wordset dictfirst, dictpairs;
static int fast_ready;

/* The words of dictwords, dictfirst and surnames by the low bits of
 * their hash: a clear bit proves a word in none of them, which is what
 * most words of a paper are. */
#define WORDBITS	(1u << 16)
static uint64_t wordbits[WORDBITS / 64];

static void
wordbit_set(unsigned long h)
{
	h &= WORDBITS - 1;
	wordbits[h / 64] |= (uint64_t)1 << (h % 64);
}

static int
wordbit(unsigned long h)
{
	h &= WORDBITS - 1;
	return (wordbits[h / 64] >> (h % 64)) & 1;
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

	if (ws->cap == 0 || n == 0 ||
	    !(ws->pair[pair_index((unsigned char)s[0])] &
	    (1u << pair_index(n > 1 ? (unsigned char)s[1] : 0))))
		return 0;
	for (h = word_hash(s, n) & (ws->cap - 1); ws->w[h];
	    h = (h + 1) & (ws->cap - 1))
		if (strncmp(ws->w[h], s, n) == 0 && ws->w[h][n] == '\0')
			return 1;
	return 0;
}

static void
ws_add(struct wordset *ws, const char *s, size_t n)
{
	size_t h, i;

	if (n == 0 || ws_has(ws, s, n))
		return;
	if ((ws->n + 1) * 2 > ws->cap) {
		char **old = ws->w;
		size_t oldcap = ws->cap;

		ws->cap = ws->cap ? ws->cap * 2 : 256;
		ws->w = xcalloc(ws->cap, sizeof(*ws->w));
		for (i = 0; i < oldcap; i++) {
			if (old[i] == NULL)
				continue;
			for (h = word_hash(old[i], strlen(old[i])) &
			    (ws->cap - 1); ws->w[h]; h = (h + 1) & (ws->cap - 1))
				;
			ws->w[h] = old[i];
		}
		free(old);
	}
	for (h = word_hash(s, n) & (ws->cap - 1); ws->w[h];
	    h = (h + 1) & (ws->cap - 1))
		;
	ws->w[h] = xstrndup(s, n);
	ws->n++;
	ws->pair[pair_index((unsigned char)s[0])] |=
	    1u << pair_index(n > 1 ? (unsigned char)s[1] : 0);
}

static void
ws_free(struct wordset *ws)
{
	size_t i;

	for (i = 0; i < ws->cap; i++)
		free(ws->w[i]);
	free(ws->w);
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
	size_t n;
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
		wordbit_set(word_hash(w, n));
	}
	for (p = (const unsigned char *)variant; *p; p++) {
		/* no boundary inside an entry */
		if (*p < 0x80 && bclass[*p] == B_BOUND)
			bclass[*p] = B_OTHER;
		if (*p == '.' && p - (const unsigned char *)variant >= 2 &&
		    p[-1] >= 'a' && p[-1] <= 'z' && ((p[-2] | 0x20) >= 'a' &&
		    (p[-2] | 0x20) <= 'z'))
			dot_bound = 0;
	}
}

static void
add_surname(const char *key, void *arg)
{
	char w[64];
	size_t n;

	(void)arg;
	if ((n = first_word(key, w, sizeof(w))) > 0) {
		ws_add(&surnames, w, n);
		wordbit_set(word_hash(w, n));
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
	struct buf b = { 0 };
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
			char w[64];
			size_t n;

			buf_reset(&b);
			if (k == ZH_PINYIN)
				buf_adds(&b, canon_zh_surnames[i]);
			else if (!zh_word_convert(&b, canon_zh_surnames[i],
			    strlen(canon_zh_surnames[i]), ZH_PINYIN))
				continue;
			if ((n = first_word(buf_cstr(&b), w, sizeof(w))) > 0) {
				ws_add(&surnames, w, n);
				wordbit_set(word_hash(w, n));
			}
		}
	buf_free(&b);
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

/* Where the slow path starts for a word at ws that could start a rewrite:
 * with the byte before it, since no earlier word can. */
static size_t
trigger_start(const char *s, size_t ws)
{
	return ws > 0 && (unsigned char)s[ws - 1] < 0x80 ? ws - 1 : ws;
}

/* Scan the segment from s: set *end to its end (a boundary byte or n),
 * return whether it needs the full treatment, and from where (*start:
 * the first word that could start a rewrite, with the byte before it,
 * since no earlier word can). */
static int
segment_scan(const char *s, size_t n, size_t *end, size_t *start)
{
	size_t i = 0, ws, wn;
	unsigned long h;
	unsigned char c;
	char w[64];
	int trig = 0;

	*start = 0;
	while (i < n) {
		c = (unsigned char)s[i];
		switch (bclass[c]) {
		case B_BOUND:
			*end = i;
			return trig;
		case B_OTHER:
			if (c == '.' && dot_bound && i + 1 < n &&
			    s[i + 1] == ' ' && i >= 2 &&
			    s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
			    bclass[(unsigned char)s[i - 2]] == B_LETTER) {
				*end = i;
				return trig;
			}
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
			trig = 1;
			i++;
			continue;
		case B_APOS:
			i++;
			continue;
		}
		if (trig) {
			i++;
			continue;
		}
		/* a word: letters and apostrophes */
		ws = i;
		h = HASH_START;
		while (i < n && bclass[c = (unsigned char)s[i]] == B_LETTER) {
			h = HASH_STEP(h, c | 0x20);
			i++;
		}
		wn = i - ws;
		if (wn > 0 && wn <= sizeof(w) && (i == n ||
		    bclass[c] == B_OTHER || bclass[c] == B_BOUND)) {
			/* the common word: ASCII letters only; unless it
			 * ends like a patronymic, a clear bit proves that
			 * no set holds it */
			if (ends_with(s + ws, wn, "vich", 4) ||
			    ends_with(s + ws, wn, "vna", 3) ||
			    (wordbit(h) && word_triggers(s + ws, wn,
			    lower_word(w, s + ws, wn), wn, s + i, n - i))) {
				trig = 1;
				*start = trigger_start(s, ws);
			}
			continue;
		}
		i = ws;		/* any other word, the long way */
		wn = 0;
		while (i < n) {
			c = (unsigned char)s[i];
			if (bclass[c] == B_LETTER || c == '\'') {
				if (wn < sizeof(w))
					w[wn] = (char)(c | 0x20);
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
			trig = 1;
			i++;
			continue;
		}
		if (wn > sizeof(w) || (i < n && bclass[(unsigned char)s[i]] ==
		    B_SLOW && (unsigned char)s[i] < 0xE0 &&
		    (unsigned char)s[i] != 0xC2))
			trig = 1;	/* too long, or a letter outside ASCII */
		else if (word_triggers(s + ws, i - ws, w, wn, s + i, n - i)) {
			trig = 1;
			*start = trigger_start(s, ws);
		}
	}
	*end = n;
	return trig;
}

/* ---------------------------------------------------------------- */
/* Reading: raw bytes for UTF-8, lib/input for other encodings */

static struct text text;

/* A very long line is handled in pieces of about this size, cut after
 * a space, so that memory stays bounded. */
#define PIECE	(1u << 20)

/* One segment through text_cut and canon_rewrite. */
static void
rewrite_segment(struct rewriter *rw, const char *s, size_t len,
    size_t colbase)
{
	text_cut(&text, s, len);
	text.colbase = colbase;
	rw->c.copied = 0;
	rw->c.changed = 0;
	buf_reset(&rw->c.out);
	canon_rewrite(&rw->c, &text);
	if (!opt.check) {
		if (rw->c.changed) {
			buf_add(&rw->c.out, s + rw->c.copied, len - rw->c.copied);
			fwrite(rw->c.out.s, 1, rw->c.out.len, stdout);
		} else
			fwrite(s, 1, len, stdout);
	}
}

/* s[0..len) of a line; tail: the bytes of the line end that follow it
 * in memory, written with it. */
static void
process_piece(struct rewriter *rw, int fileno, const char *s, size_t len,
    size_t colbase, size_t tail)
{
	if (!opt.consistency) {
		size_t a = 0, b, from, done = 0, counted = 0;

		if (!fast_ready)
			fast_init();
		while (a < len) {
			if (!segment_scan(s + a, len - a, &b, &from)) {
				a += b + 1;
				continue;
			}
			b += a;
			a += from;
			if (!opt.check)
				fwrite(s + done, 1, a - done, stdout);
			else {
				colbase += utf8_count(s + counted, a - counted);
				counted = a;
			}
			rewrite_segment(rw, s + a, b - a, colbase);
			done = b;
			a = b + 1;
		}
		if (!opt.check && done < len + tail)
			fwrite(s + done, 1, len + tail - done, stdout);
		return;
	}
	text_cut(&text, s, len);
	text.colbase = colbase;
	rw->c.copied = 0;
	rw->c.changed = 0;
	buf_reset(&rw->c.out);
	if (opt.consistency)
		consist_line(rw->file, fileno, rw->lineno, &text);
	if (!opt.consistency || dict_size(opt.dict) > 0)
		canon_rewrite(&rw->c, &text);
	if (!opt.check) {
		if (rw->c.changed) {
			buf_add(&rw->c.out, s + rw->c.copied, len - rw->c.copied);
			fwrite(rw->c.out.s, 1, rw->c.out.len, stdout);
		} else
			fwrite(s, 1, len, stdout);
	}
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
		fwrite(eol, 1, eollen, stdout);
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
	FILE *fp;
	char *line = NULL;
	size_t cap = 0, len, eollen, bad;
	ssize_t got;
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
		}
		input_close(in);
		buf_free(&rw.c.out);
		return;
	}
	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL) {
		diag(path, 0, "%s", strerror(errno));
		exit_trouble = 1;
		return;
	}
	while ((got = getline(&line, &cap, fp)) > 0) {
		const char *s = line;
		len = (size_t)got;
		eollen = 0;
		rw.lineno++;
		if (len > 0 && line[len - 1] == '\n') {
			eollen = 1;
			if (len > 1 && line[len - 2] == '\r')
				eollen = 2;
		}
		len -= eollen;
		if (rw.lineno == 1 && looks_utf16((const unsigned char *)line,
		    (size_t)got)) {
			diag(rw.file, 1, "input looks like UTF-16; "
			    "decode it with -f UTF-16");
			exit_trouble = 1;
			break;
		}
		if (rw.lineno == 1 && len >= 3 &&
		    memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			/* a BOM is dropped, as everywhere in the toolkit */
			s += 3;
			len -= 3;
		}
		if ((bad = utf8_check(s, len)) != len) {
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
			continue;
		}
		process_line(&rw, fileno, s, len, s + len, eollen);
	}
	if (ferror(fp)) {
		diag(rw.file, 0, "%s", strerror(errno));
		exit_trouble = 1;
	}
	if (fp != stdin)
		fclose(fp);
	free(line);
	buf_free(&fixed);
	buf_free(&rw.c.out);
	text_free(&text);
}
