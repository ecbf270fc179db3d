/* translit.c: romanization tables and converters (see translit.h). */
#include <stdlib.h>
#include <string.h>

#include "translit-builtin.h"
#include "translit.h"
#include "utf8.h"

/* ---------------------------------------------------------------- */
/* Code points */

uint32_t
cp_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E) ||
	    (c >= 0x1CD && c <= 0x1DC))
		return (c & 1) ? c + 1 : c;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

uint32_t
cp_upper(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return c - 32;
	if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
		return c - 32;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return c & ~1u;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E) ||
	    (c >= 0x1CD && c <= 0x1DC))
		return (c & 1) ? c : c - 1;
	if (c >= 0x430 && c <= 0x44F)
		return c - 32;
	if (c >= 0x450 && c <= 0x45F)
		return c - 80;
	return c;
}

int
cp_is_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	    (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F) ||
	    c == 0x361;
}

int
cp_is_upper(uint32_t c)
{
	return cp_is_letter(c) && cp_lower(c) != c;
}

int
cp_is_lower(uint32_t c)
{
	return cp_is_letter(c) && cp_upper(c) != c;
}

int
cp_is_apos(uint32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x2BC ||
	    c == 0x2B9 || c == 0x2BA;
}

int
is_cyrillic(uint32_t c)
{
	return c >= 0x400 && c <= 0x4FF;
}

static void
add_cp(struct buf *b, uint32_t c)
{
	char tmp[4];

	buf_add(b, tmp, utf8_encode(c, tmp));
}

/* ---------------------------------------------------------------- */
/* Memo */

enum { MEMO_SLOTS = 8192, MEMO_MAX = 6144, MEMO_KEYMAX = 64 };

struct memo_slot {
	char           *key;	/* tag byte, then the key bytes */
	size_t          klen;
	uint64_t        head;	/* the first eight key bytes (memo_head) */
	struct memo_val v;
};

struct memo {
	struct memo_slot *slot;
	size_t            n;
	uint16_t         *used;	/* the slots that hold a key, n of them */
};

/* The first eight bytes of s[0..n) in one integer, zero-padded: keys
 * of eight bytes or fewer are compared by it alone. */
static inline uint64_t
memo_head(const char *s, size_t n)
{
	uint64_t v = 0;
	size_t i;

	if (n >= 8) {
		memcpy(&v, s, 8);
		return v;
	}
	for (i = 0; i < n; i++)
		v |= (uint64_t)(unsigned char)s[i] << (8 * i);
	return v;
}

/* The slot a key starts its search at: from its tag, length, head and
 * the rest eight bytes a step (the last step ends at the key's end). */
static size_t
memo_hash(int tag, const char *s, size_t n, uint64_t head)
{
	const uint64_t mul = 0x9E3779B97F4A7C15u;
	uint64_t h = ((uint64_t)(unsigned char)tag << 8 ^ n) * mul, v;
	size_t i;

	h = (h ^ head) * mul;
	for (i = 8; i < n; i += 8) {
		memcpy(&v, s + (i + 8 <= n ? i : n - 8), 8);
		h = (h ^ v) * mul;
	}
	return (size_t)(h >> 40) & (MEMO_SLOTS - 1);
}

struct memo *
memo_new(void)
{
	struct memo *m = xcalloc(1, sizeof(*m));

	m->slot = xcalloc(MEMO_SLOTS, sizeof(*m->slot));
	m->used = xreallocarray(NULL, MEMO_MAX, sizeof(*m->used));
	return m;
}

static void
memo_clear(struct memo *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->slot[m->used[i]].key);
		memset(&m->slot[m->used[i]], 0, sizeof(m->slot[0]));
	}
	m->n = 0;
}

void
memo_free(struct memo *m)
{
	if (m == NULL)
		return;
	memo_clear(m);
	free(m->used);
	free(m->slot);
	free(m);
}

static struct memo_slot *
memo_find(const struct memo *m, int tag, const char *s, size_t n)
{
	size_t h;
	struct memo_slot *e;
	uint64_t head = memo_head(s, n);

	for (h = memo_hash(tag, s, n, head); (e = &m->slot[h])->key != NULL;
	    h = (h + 1) & (MEMO_SLOTS - 1))
		if (e->head == head && e->klen == n + 1 &&
		    e->key[0] == (char)tag && (n <= 8 ||
		    memcmp(e->key + 9, s + 8, n - 8) == 0))
			break;
	return e;
}

const struct memo_val *
memo_get(const struct memo *m, int tag, const char *s, size_t n)
{
	struct memo_slot *e;

	if (n > MEMO_KEYMAX)
		return NULL;
	e = memo_find(m, tag, s, n);
	return e->key != NULL ? &e->v : NULL;
}

void
memo_put(struct memo *m, int tag, const char *s, size_t n,
    const struct memo_val *v)
{
	struct memo_slot *e;

	if (n > MEMO_KEYMAX)
		return;
	if (m->n == MEMO_MAX)
		memo_clear(m);	/* bounded: forget, it is only a cache */
	if ((e = memo_find(m, tag, s, n))->key == NULL) {
		m->used[m->n++] = (uint16_t)(e - m->slot);
		e->key = xmalloc(n + 1 + v->len + 1);
		e->klen = n + 1;
		e->head = memo_head(s, n);
		e->key[0] = (char)tag;
		memcpy(e->key + 1, s, n);
	}
	e->v = *v;
	e->v.s = e->key + n + 1;
	if (v->len > 0)
		memcpy(e->v.s, v->s, v->len);
	e->v.s[v->len] = '\0';
}

/* ---------------------------------------------------------------- */
/* Russian */

static const char *const ru_names[RU_NSCHEMES] = { "lc", "lc-diacritics",
    "bgn", "iso9", "simple" };

int
ru_scheme_parse(const char *name)
{
	int i;

	for (i = 0; i < RU_NSCHEMES; i++)
		if (strcmp(name, ru_names[i]) == 0)
			return i;
	if (strcmp(name, "alalc") == 0 || strcmp(name, "ala-lc") == 0)
		return RU_LC;
	if (strcmp(name, "lcd") == 0)
		return RU_LC_DIACRITICS;
	if (strcmp(name, "bgn-pcgn") == 0 || strcmp(name, "pcgn") == 0)
		return RU_BGN;
	if (strcmp(name, "iso") == 0 || strcmp(name, "iso-9") == 0)
		return RU_ISO9;
	return -1;
}

const char *
ru_scheme_name(int scheme)
{
	return scheme >= 0 && scheme < RU_NSCHEMES ? ru_names[scheme] : "?";
}

/* а..я then ё, per scheme (the context rules are in ru_letter). */
static const char *const ru_tab[RU_NSCHEMES][33] = {
	[RU_LC] = { "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k",
	    "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts",
	    "ch", "sh", "shch", "\"", "y", "'", "e", "iu", "ia", "e" },
	[RU_LC_DIACRITICS] = { "a", "b", "v", "g", "d", "e", "zh", "z", "i",
	    "\xc4\xad", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
	    "kh", "t\xcd\xa1s", "ch", "sh", "shch", "\xca\xba", "y",
	    "\xca\xb9", "\xc4\x97", "i\xcd\xa1u", "i\xcd\xa1""a",
	    "\xc3\xab" },
	[RU_BGN] = { "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k",
	    "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts",
	    "ch", "sh", "shch", "\xca\xba", "y", "\xca\xb9", "e", "yu", "ya",
	    "\xc3\xab" },
	[RU_ISO9] = { "a", "b", "v", "g", "d", "e", "\xc5\xbe", "z", "i", "j",
	    "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "c",
	    "\xc4\x8d", "\xc5\xa1", "\xc5\x9d", "\xca\xba", "y", "\xca\xb9",
	    "\xc3\xa8", "\xc3\xbb", "\xc3\xa2", "\xc3\xab" },
	[RU_SIMPLE] = { "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i",
	    "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts",
	    "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "e" },
};

/* Index of a Cyrillic letter in ru_tab (lower case), or -1. */
static int
ru_index(uint32_t c)
{
	c = cp_lower(c);
	if (c >= 0x430 && c <= 0x44F)
		return (int)(c - 0x430);
	if (c == 0x451)
		return 32;
	return -1;
}

#define RU_E	5
#define RU_I	8
#define RU_J	9
#define RU_S	17
#define RU_T	18
#define RU_SH	24
#define RU_CH	23
#define RU_HARD	26
#define RU_Y	27
#define RU_SOFT	28
#define RU_EE	29
#define RU_YO	32

static int
ru_vowel(int i)
{
	return i == 0 || i == RU_E || i == RU_I || i == 14 || i == 19 ||
	    i == RU_Y || i == RU_EE || i == 30 || i == 31 || i == RU_YO;
}

static int
ru_consonant(int i)
{
	return i >= 0 && !ru_vowel(i) && i != RU_J && i != RU_HARD &&
	    i != RU_SOFT;
}

/* The Latin for letter cur between prev and next (indexes or -1). */
static void
ru_letter(struct buf *out, int scheme, int prev, int cur, int next)
{
	const char *t = ru_tab[scheme][cur];
	int after_vowel = prev < 0 || ru_vowel(prev) || prev == RU_J ||
	    prev == RU_HARD || prev == RU_SOFT;

	switch (scheme) {
	case RU_BGN:
		if (cur == RU_E && after_vowel)
			t = "ye";
		else if (cur == RU_YO)
			t = after_vowel ? "y\xc3\xab" : "\xc3\xab";
		else if (cur == RU_EE && prev >= 0 && (ru_consonant(prev) ||
		    prev == RU_Y || prev == RU_J || prev == RU_HARD ||
		    prev == RU_SOFT))
			t = "\xc2\xb7" "e";
		buf_adds(out, t);
		/* the middle dot keeps digraphs apart */
		if ((cur == RU_T && next == RU_S) ||
		    (cur == RU_SH && next == RU_CH) ||
		    ((cur == RU_Y || cur == RU_J) && (next == 0 ||
		    next == 19 || next == RU_Y)))
			buf_adds(out, "\xc2\xb7");
		return;
	case RU_SIMPLE:
		/* -ий, -ый at the end: -y; й before a vowel: y */
		if ((cur == RU_I || cur == RU_Y) && next == RU_J)
			t = "";
		else if (cur == RU_J && (prev == RU_I || prev == RU_Y))
			t = "y";
		else if (cur == RU_J && next >= 0 && ru_vowel(next))
			t = "y";
		break;
	default:
		break;
	}
	buf_adds(out, t);
}

void
ru_translit(struct buf *b, const char *s, size_t n, int scheme)
{
	size_t i = 0, len, nlen;
	uint32_t c, nc;
	int prev = -1, cur, next;
	struct buf tmp = { 0 };
	size_t k;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &c);
		if (len == 0)
			len = 1, c = (unsigned char)s[i];
		cur = ru_index(c);
		if (cur < 0) {
			buf_add(b, s + i, len);
			prev = -1;
			i += len;
			continue;
		}
		nc = 0;
		nlen = utf8_decode(s + i + len, n - i - len, &nc);
		next = nlen ? ru_index(nc) : -1;
		if (scheme == RU_SIMPLE && (cur == RU_I || cur == RU_Y) &&
		    next == RU_J) {
			/* -ий/-ый only at the end of a word */
			uint32_t c3 = 0;
			size_t l3 = utf8_decode(s + i + len + nlen,
			    n - i - len - nlen, &c3);
			if (l3 && cp_is_letter(c3))
				next = -2;
		}
		if (scheme == RU_SIMPLE && cur == RU_J && prev == -3)
			prev = RU_I;
		buf_reset(&tmp);
		ru_letter(&tmp, scheme, prev, cur, next < -1 ? -1 : next);
		if (cp_is_upper(c)) {
			/* Title case before a lower-case letter, else capitals */
			int title = nlen && cp_is_lower(nc);
			size_t j = 0;
			uint32_t oc;

			for (k = 0; j < tmp.len; k++) {
				size_t ol = utf8_decode(tmp.s + j, tmp.len - j,
				    &oc);
				add_cp(b, (k == 0 || !title) ? cp_upper(oc) : oc);
				j += ol;
			}
		} else
			buf_add(b, tmp.s, tmp.len);
		/* the simple style drops и/ы before a final й; remember it */
		prev = (scheme == RU_SIMPLE && (cur == RU_I || cur == RU_Y) &&
		    next == RU_J) ? -3 : cur;
		i += len;
	}
	buf_free(&tmp);
}

static int
lat_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	    c == 'y';
}

static int
lat_cons(char c)
{
	return c >= 'a' && c <= 'z' && !lat_vowel(c);
}

/* Latin forms of Russian words: work on a folded ASCII copy.  With
 * soft, a soft sign (an apostrophe) between a consonant and a vowel
 * other than i is kept as y, the way the simplified style writes it:
 * Vasil'evich and Vasil'yevich as Vasilyevich; other marks are dropped
 * (Il'ich as Ilich, and ru_latin_key reads Ilyich so too). */
static void
fold_lower_soft(struct buf *b, const char *s, size_t n, int soft)
{
	struct buf t = { 0 }, u = { 0 };
	size_t i = 0, len;
	uint32_t c0;

	/* ISO 9 letters as their LC digraphs first: ž zh, č ch, š sh, ŝ shch */
	while (i < n) {
		len = utf8_decode(s + i, n - i, &c0);
		if (len == 0)
			len = 1, c0 = (unsigned char)s[i];
		switch (cp_lower(c0)) {
		case 0x17E: buf_adds(&u, "zh"); break;
		case 0x10D: buf_adds(&u, "ch"); break;
		case 0x161: buf_adds(&u, "sh"); break;
		case 0x15D: buf_adds(&u, "shch"); break;
		default: buf_add(&u, s + i, len);
		}
		i += len;
	}
	ascii_fold(&t, u.s ? u.s : "", u.len);
	buf_free(&u);
	for (i = 0; i < t.len; i++) {
		char c = t.s[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c == '\'' && soft && b->len > 0 && i + 1 < t.len &&
		    lat_cons(b->s[b->len - 1]) && lat_vowel((char)(t.s[i + 1] |
		    0x20)) && (t.s[i + 1] | 0x20) != 'y' &&
		    (t.s[i + 1] | 0x20) != 'i') {
			buf_addc(b, 'y');
			continue;
		}
		if (c == '\'' || c == '"')
			continue;
		buf_addc(b, c);
	}
	buf_cstr(b);
	buf_free(&t);
}

static void
fold_lower(struct buf *b, const char *s, size_t n)
{
	fold_lower_soft(b, s, n, 0);
}

int
ru_latin_marks(const char *s, size_t n)
{
	struct buf b = { 0 };
	const char *w;
	size_t len, i;
	int m = 0;

	fold_lower(&b, s, n);
	w = b.s;
	len = b.len;
	for (i = 0; i + 1 < len; i++) {
		char p = i ? w[i - 1] : 0, c = w[i], x = w[i + 1];
		int end = i + 2 == len || !lat_vowel(w[i + 2]);

		/* C+ya/yu, V+ya/ye/yu: BGN; C+ia/iu: LC */
		if (c == 'y' && i > 0 && (x == 'a' || x == 'u' ||
		    (x == 'e' && lat_vowel(p))) && p != 'y')
			m |= RU_MARK_BGN;
		if (c == 'i' && i > 0 && p != 'i' && (x == 'a' || x == 'u') &&
		    lat_cons(p))
			m |= RU_MARK_LC;
		/* -oy/-ey/-ay before a consonant or the end: BGN */
		if ((c == 'o' || c == 'e' || c == 'a') && x == 'y' && end &&
		    i > 0)
			m |= RU_MARK_BGN;
		if ((c == 'o' || c == 'e' || c == 'a') && x == 'i' && end &&
		    i > 0 && i + 2 == len)
			m |= RU_MARK_LC;
		/* vowel+e without y: Sergeevich (LC or simple) */
	}
	if (len >= 3 && (strcmp(w + len - 2, "iy") == 0 ||
	    strcmp(w + len - 2, "yy") == 0))
		m |= RU_MARK_BGN;
	if (len >= 3 && strcmp(w + len - 2, "ii") == 0)
		m |= RU_MARK_LC;
	buf_free(&b);
	return m;
}

void
ru_latin_key(struct buf *out, const char *s, size_t n)
{
	struct buf b = { 0 };
	const char *w;
	size_t len, i;

	fold_lower_soft(&b, s, n, 1);
	w = b.s;
	len = b.len;
	for (i = 0; i < len; i++) {
		char c = w[i], p = i ? w[i - 1] : 0, x = i + 1 < len ? w[i + 1] : 0;
		int last = i + 1 == len;

		/* Alex- as Aleks- */
		if (c == 'x' && i >= 2 && w[i - 2] == 'l' && p == 'e' &&
		    lat_vowel(x)) {
			buf_adds(out, "ks");
			continue;
		}
		/* a soft sign as y before i: Ilyich as Il'ich, Ilich */
		if (c == 'y' && x == 'i' && lat_cons(p))
			continue;
		if (c == 'y' || c == 'i' || c == 'j') {
			/* ya/ia, yu/iu, ye, yo: j + vowel */
			/* yo after a consonant: e (Fyodor, Pyotr) */
			if (c == 'y' && x == 'o' && i > 0 && lat_cons(p)) {
				i++;
				buf_addc(out, 'e');
				continue;
			}
			/* Iakov, Iurii at the start: Yakov, Yuri */
			if (x == 'a' || x == 'u' || (x == 'o' && c != 'i')) {
				buf_addc(out, 'j');
				continue;
			}
			if (c == 'y' && x == 'e') {
				/* ye after a vowel or at the start: e */
				if (i == 0 || lat_vowel(p))
					continue;
				buf_addc(out, 'j');
				continue;
			}
			/* endings -iy, -ii, -yy, -yi, -y, -i after a consonant */
			if (last && (p == 'i' || p == 'y') && i >= 2) {
				out->len--;
				buf_adds(out, "ij");
				continue;
			}
			if (last && lat_cons(p) && len >= 4) {
				buf_adds(out, "ij");
				continue;
			}
			/* -oi/-oy/-ei/-ey/-ai/-ay before a consonant or end */
			if (p && strchr("aeou", p) && (last || lat_cons(x))) {
				buf_addc(out, 'j');
				continue;
			}
			buf_addc(out, c == 'j' ? 'j' : c == 'y' ? 'y' : 'i');
			continue;
		}
		buf_addc(out, c);
	}
	buf_cstr(out);
	buf_free(&b);
}

/* Rewrite the spelling of a Latin Russian word into LC, BGN or simple.
 * Only the spots where the schemes differ are touched, so that the
 * case and any letters of the input stay. */
void
ru_latin_convert(struct buf *out, const char *s, size_t n, int scheme)
{
	size_t i;
	int bgn = scheme == RU_BGN, lc = scheme == RU_LC ||
	    scheme == RU_LC_DIACRITICS;

	for (i = 0; i < n; i++) {
		char c = s[i], lc_c = (char)(c | 0x20);
		char p = i ? (char)(s[i - 1] | 0x20) : 0;
		char x = i + 1 < n ? (char)(s[i + 1] | 0x20) : 0;
		char x2 = i + 2 < n ? (char)(s[i + 2] | 0x20) : 0;
		int up = c >= 'A' && c <= 'Z';
		int last = i + 1 == n;

		if ((unsigned char)c >= 0x80 || !((lc_c >= 'a' && lc_c <= 'z'))) {
			buf_addc(out, c);
			continue;
		}
		if (lc && lc_c == 'y' && i > 0 && lat_cons(p) && p != 'y' &&
		    (x == 'a' || x == 'u')) {
			buf_addc(out, up ? 'I' : 'i');		/* lya -> lia */
			continue;
		}
		if (lc && lc_c == 'y' && i > 0 && lat_vowel(p) && p != 'y' &&
		    (x == 'a' || x == 'u')) {
			buf_addc(out, up ? 'I' : 'i');		/* aya -> aia */
			continue;
		}
		if ((lc || scheme == RU_SIMPLE) && lc_c == 'y' && i > 0 &&
		    lat_vowel(p) && p != 'y' && x == 'e')
			continue;				/* eye -> ee */
		if (lc && lc_c == 'y' && last && i >= 2 && (p == 'i' ||
		    p == 'o' || p == 'e' || p == 'a' || p == 'u')) {
			buf_addc(out, up ? 'I' : 'i');		/* -iy -> -ii */
			continue;
		}
		if (scheme == RU_SIMPLE && lc_c == 'y' && last && p == 'i' &&
		    i >= 3) {
			out->len--;				/* -iy -> -y */
			buf_addc(out, up ? 'Y' : 'y');
			continue;
		}
		if (scheme == RU_SIMPLE && lc_c == 'i' && last && p == 'i' &&
		    i >= 3) {
			out->len--;				/* -ii -> -y */
			buf_addc(out, up ? 'Y' : 'y');
			continue;
		}
		if (bgn && lc_c == 'i' && i > 0 && lat_cons(p) &&
		    (x == 'a' || x == 'u') && x2 != 'n') {
			buf_addc(out, up ? 'Y' : 'y');		/* lia -> lya */
			continue;
		}
		if (bgn && lc_c == 'i' && i > 0 && lat_vowel(p) && p != 'i' &&
		    (x == 'a' || x == 'u')) {
			buf_addc(out, up ? 'Y' : 'y');		/* aia -> aya */
			continue;
		}
		if (bgn && lc_c == 'i' && last && i >= 2 && (p == 'i' ||
		    p == 'o' || p == 'e' || p == 'a' || p == 'u')) {
			buf_addc(out, up ? 'Y' : 'y');		/* -oi -> -oy */
			continue;
		}
		if (bgn && lc_c == 'e' && i > 0 && lat_vowel(p) && p != 'y') {
			buf_addc(out, up ? 'Y' : 'y');		/* ee -> eye */
			buf_addc(out, 'e');
			continue;
		}
		buf_addc(out, c);
	}
	buf_cstr(out);
}

/* ---------------------------------------------------------------- */
/* Korean */

struct ko_surname {
	const char *mr, *rr;
	const char *variants;	/* space separated, any case */
};

static const struct ko_surname ko_surnames[] = {
	{ "Kim", "Kim", "Gim" },
	{ "Yi", "Lee", "I Ri Li Rhee Rhie Lie Yee Ree" },
	{ "Pak", "Park", "Bak Pahk" },
	{ "Ch'oe", "Choi", "Choe Chwe Ch'oi" },
	{ "Ch\xc5\x8fng", "Jeong", "Chong Chung Jung Cheong" },
	{ "Kang", "Kang", "Gang" },
	{ "Cho", "Jo", "Joe" },
	{ "Yun", "Yoon", "Youn" },
	{ "Chang", "Jang", "" },
	{ "Im", "Lim", "Rim Yim" },
	{ "Han", "Han", "" },
	{ "O", "Oh", "" },
	{ "S\xc5\x8f", "Seo", "So Suh Soh" },
	{ "Sin", "Shin", "" },
	{ "Kw\xc5\x8fn", "Kwon", "Gwon Kwun" },
	{ "Hwang", "Hwang", "" },
	{ "An", "Ahn", "" },
	{ "Song", "Song", "Sung" },
	{ "Yu", "Yoo", "Ryu Ryoo Rhyu Lyu" },
	{ "Ch\xc5\x8fn", "Jeon", "Chon Chun Jun Cheon" },
	{ "Hong", "Hong", "" },
	{ "Ko", "Ko", "Go Koh" },
	{ "Mun", "Moon", "" },
	{ "Yang", "Yang", "Ryang" },
	{ "Son", "Son", "Sohn" },
	{ "Pae", "Bae", "Bai" },
	{ "Paek", "Baek", "Paik Baik Pack" },
	{ "H\xc5\x8f", "Heo", "Ho Huh Hur" },
	{ "Nam", "Nam", "" },
	{ "No", "Noh", "Roh Ro Rho" },
	{ "Ha", "Ha", "" },
	{ "Kwak", "Kwak", "Gwak" },
	{ "S\xc5\x8fng", "Seong", "" },
	{ "Ch'a", "Cha", "" },
	{ "Chu", "Joo", "Ju" },
	{ "Ku", "Koo", "Gu" },
	{ "Min", "Min", "" },
	{ "Chin", "Jin", "" },
	{ "Chi", "Ji", "" },
	{ "\xc5\x8em", "Eom", "Um Om" },
	{ "Ch'ae", "Chae", "" },
	{ "W\xc5\x8fn", "Won", "" },
	{ "Ch'\xc5\x8fn", "Cheon", "Ch'on Chon" },
	{ "Pang", "Bang", "" },
	{ "Kong", "Kong", "Gong" },
	{ "Hy\xc5\x8fn", "Hyun", "Hyon Hyeon" },
	{ "Ham", "Ham", "" },
	{ "Py\xc5\x8fn", "Byun", "Pyon Byeon" },
	{ "Y\xc5\x8fm", "Yeom", "Yom" },
	{ "Y\xc5\x8f", "Yeo", "Yo" },
	{ "To", "Do", "" },
	{ "S\xc5\x8fk", "Seok", "Sok" },
	{ "S\xc5\x8fn", "Sun", "Seon" },
	{ "Kil", "Gil", "" },
	{ "Y\xc5\x8fn", "Yeon", "Yon" },
	{ "P'yo", "Pyo", "" },
	{ "Paeng", "Baeng", "" },
	{ "T'ak", "Tak", "" },
	{ "Maeng", "Maeng", "" },
	{ "Ok", "Ok", "" },
	{ "Ch'u", "Chu", "" },
};
#define KO_NSURNAMES (int)(sizeof(ko_surnames) / sizeof(ko_surnames[0]))

/* Normalize a romanized token: lower case, apostrophes as ', carons as
 * breves.  into b (NUL-terminated). */
static void
ko_norm(struct buf *b, const char *s, size_t n, int keep_breves)
{
	size_t i = 0, len;
	uint32_t c;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {	/* ASCII: lower case */
			buf_addc(b, (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] + 32 : s[i]));
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &c);
		if (len == 0)
			len = 1, c = (unsigned char)s[i];
		i += len;
		c = cp_lower(c);
		if (cp_is_apos(c))
			c = '\'';
		else if (c == 0x1D2 || c == 0xF6 || c == 0xF4)	/* ǒ ö ô */
			c = keep_breves ? 0x14F : 'o';
		else if (c == 0x1D4 || c == 0xFC || c == 0xFB)	/* ǔ ü û */
			c = keep_breves ? 0x16D : 'u';
		else if (!keep_breves && c == 0x14F)
			c = 'o';
		else if (!keep_breves && c == 0x16D)
			c = 'u';
		add_cp(b, c);
	}
	buf_cstr(b);
}

static _Thread_local struct memo *ko_memo;

static void
ko_free_memo(void)
{
	memo_free(ko_memo);
	ko_memo = NULL;
}

/* Syllables and names repeat: remember what was worked out. */
static struct memo *
ko_memo_get(void)
{
	if (ko_memo == NULL) {
		ko_memo = memo_new();
		cleanup_at_end(ko_free_memo);
	}
	return ko_memo;
}

/* Every spelling of every surname by its key (ko_norm), in an open
 * addressing table; of spellings with one key the first surname wins.
 * The keys come from lib/translit-tables.c, or are worked out here
 * (then the table owns them). */
enum { KO_SKEY_SLOTS = 1024 };

struct ko_skey {
	const char *k;		/* NULL: an empty slot */
	int         idx;
};
static _Thread_local struct ko_skey *ko_skeys;
static _Thread_local int ko_skeys_owned;

static size_t
ko_skey_slot(const char *k)
{
	size_t h = 2166136261u;

	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h & (KO_SKEY_SLOTS - 1);
}

static void
ko_free_skeys(void)
{
	size_t i;

	for (i = 0; ko_skeys_owned && i < KO_SKEY_SLOTS; i++)
		free((char *)ko_skeys[i].k);
	free(ko_skeys);
	ko_skeys = NULL;
}

static void
ko_spelling(void (*fn)(const char *, int, void *), void *arg,
    struct buf *v, const char *s, size_t n, int idx)
{
	buf_reset(v);
	ko_norm(v, s, n, 0);
	fn(v->s, idx, arg);
}

void
ko_surname_spellings(void (*fn)(const char *key, int idx, void *arg),
    void *arg)
{
	struct buf v = { 0 };
	const char *p, *q;
	int i;

	for (i = 0; i < KO_NSURNAMES; i++) {
		ko_spelling(fn, arg, &v, ko_surnames[i].mr,
		    strlen(ko_surnames[i].mr), i);
		ko_spelling(fn, arg, &v, ko_surnames[i].rr,
		    strlen(ko_surnames[i].rr), i);
		for (p = ko_surnames[i].variants; *p; p = q) {
			q = p + strcspn(p, " ");
			ko_spelling(fn, arg, &v, p, (size_t)(q - p), i);
			while (*q == ' ')
				q++;
		}
	}
	buf_free(&v);
}

/* 1 when k is the first spelling with its key */
static int
ko_skey_put(const char *k, int idx)
{
	size_t h;

	for (h = ko_skey_slot(k); ko_skeys[h].k != NULL;
	    h = (h + 1) & (KO_SKEY_SLOTS - 1))
		if (strcmp(ko_skeys[h].k, k) == 0)
			return 0;
	ko_skeys[h].k = k;
	ko_skeys[h].idx = idx;
	return 1;
}

static void
ko_skey_worked_out(const char *k, int idx, void *arg)
{
	char *own = xstrdup(k);

	(void)arg;
	if (!ko_skey_put(own, idx))
		free(own);
}

static void
ko_skeys_build(void)
{
	size_t i;

	ko_skeys = xcalloc(KO_SKEY_SLOTS, sizeof(*ko_skeys));
	cleanup_at_end(ko_free_skeys);
	if (ko_builtin_nskeys == 0) {
		ko_skeys_owned = 1;
		ko_surname_spellings(ko_skey_worked_out, NULL);
		return;
	}
	for (i = 0; i < ko_builtin_nskeys; i++)
		(void)ko_skey_put(ko_builtin_skeys[i].key,
		    ko_builtin_skeys[i].idx);
}

int
ko_surname(const char *s, size_t n)
{
	const struct memo_val *mv;
	struct memo_val v = { 0 };
	struct buf b = { 0 };
	size_t h;
	int found = -1;

	if (ko_skeys == NULL)
		ko_skeys_build();
	if (n == 0 || n > 16)
		return -1;
	if ((mv = memo_get(ko_memo_get(), 'K', s, n)) != NULL)
		return mv->n;
	ko_norm(&b, s, n, 0);
	for (h = ko_skey_slot(b.s); ko_skeys[h].k != NULL;
	    h = (h + 1) & (KO_SKEY_SLOTS - 1))
		if (strcmp(ko_skeys[h].k, b.s) == 0) {
			found = ko_skeys[h].idx;
			break;
		}
	buf_free(&b);
	v.n = found;
	memo_put(ko_memo, 'K', s, n, &v);
	return found;
}

void
ko_surname_each(void (*fn)(const char *key, void *arg), void *arg)
{
	size_t i;

	if (ko_skeys == NULL)
		ko_skeys_build();
	for (i = 0; i < KO_SKEY_SLOTS; i++)
		if (ko_skeys[i].k != NULL)
			fn(ko_skeys[i].k, arg);
}

const char *
ko_surname_form(int idx, int scheme)
{
	if (idx < 0 || idx >= KO_NSURNAMES)
		return NULL;
	return scheme == KO_RR ? ko_surnames[idx].rr : ko_surnames[idx].mr;
}

/* Jamo: 19 initials, 21 vowels, 8 final sounds. */
static const char *const ko_ini_mr[19] = { "k", "kk", "n", "t", "tt", "r",
    "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'",
    "h" };
static const char *const ko_ini_mrv[19] = { "g", "kk", "n", "d", "tt", "r",
    "m", "b", "pp", "s", "ss", "", "j", "tch", "ch'", "k'", "t'", "p'",
    "h" };
static const char *const ko_ini_rr[19] = { "g", "kk", "n", "d", "tt", "r",
    "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h" };
static const char *const ko_vow_mr[21] = { "a", "ae", "ya", "yae",
    "\xc5\x8f", "e", "y\xc5\x8f", "ye", "o", "wa", "wae", "oe", "yo", "u",
    "w\xc5\x8f", "we", "wi", "yu", "\xc5\xad", "\xc5\xadi", "i" };
static const char *const ko_vow_rr[21] = { "a", "ae", "ya", "yae", "eo",
    "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
    "yu", "eu", "ui", "i" };
static const char *const ko_fin[8] = { "", "k", "n", "t", "l", "m", "p",
    "ng" };

enum { KS_MR = 1, KS_MRV = 2, KS_RR = 4, KS_LOOSE = 8 };

/* The McCune-Reischauer vowels without breves. */
static const char *const ko_vow_loose[21] = { "a", "ae", "ya", "yae", "o",
    "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
    "yu", "u", "ui", "i" };

/* A syllable spelling: initial, vowel and final, and the scheme it is
 * spelt in. */
struct ko_syl {
	uint8_t ini, vow, fin, how;
};

/* The spellings of a syllable are an initial, a vowel and a final, each
 * taken by one of these rules; a string can be read by several rules,
 * and the reading that wins is the first by scheme (KS_MR first), then
 * by initial, vowel, final and rule.  Rule r: the initial of i and the
 * vowel of v it spells, or NULL when the rule does not apply. */
enum { KO_NRULES = 9 };
static const uint8_t ko_rule_how[KO_NRULES] = { KS_MR, KS_MRV, KS_RR,
    KS_LOOSE | KS_MR, KS_LOOSE | KS_MRV, KS_LOOSE, KS_LOOSE, KS_LOOSE,
    KS_LOOSE };

static const char *
ko_rule_ini(int r, int i)
{
	switch (r) {
	case 0: case 3: case 7:
		if (r == 7 && strcmp(ko_ini_rr[i], ko_ini_mr[i]) == 0)
			return NULL;
		return ko_ini_mr[i];
	case 1: case 4:
		return ko_ini_mrv[i];
	case 2: case 6:
		return ko_ini_rr[i];
	case 5:		/* MR shi, shin: s before i and wi */
		return i == 9 ? "sh" : NULL;
	default:	/* l for r (Li, Lim) */
		return i == 5 ? "l" : NULL;
	}
}

static const char *
ko_rule_vow(int r, int v)
{
	switch (r) {
	case 0: case 1:
		return ko_vow_mr[v];
	case 2:
		return ko_vow_rr[v];
	case 5:
		return v == 20 || v == 16 ? ko_vow_mr[v] : NULL;
	case 6: case 7:
		/* customary spellings of given names: ee for i and ui
		 * (Hee), oo for u (Soo), you for yo (Young) */
		return v == 13 ? "oo" : v == 6 ? "you" : v == 20 || v == 19 ?
		    "ee" : NULL;
	default:
		return ko_vow_loose[v];
	}
}

/* The spellings of the rules' initials and vowels with their lengths,
 * worked out once for ko_find (NULL where a rule does not apply). */
struct ko_part {
	const char *s;
	size_t      len;
};
static _Thread_local struct ko_part ko_ini_part[KO_NRULES][19], ko_vow_part[KO_NRULES][21];

static void
ko_parts_init(void)
{
	static _Thread_local int ready;
	int r, k;

	if (ready)
		return;
	for (r = 0; r < KO_NRULES; r++) {
		for (k = 0; k < 19; k++)
			if ((ko_ini_part[r][k].s = ko_rule_ini(r, k)) != NULL)
				ko_ini_part[r][k].len =
				    strlen(ko_ini_part[r][k].s);
		for (k = 0; k < 21; k++)
			if ((ko_vow_part[r][k].s = ko_rule_vow(r, k)) != NULL)
				ko_vow_part[r][k].len =
				    strlen(ko_vow_part[r][k].s);
	}
	ready = 1;
}

/* The length of p when s starts with it, else (size_t)-1; the first
 * byte is compared first, since most tries fail there. */
static inline size_t
ko_prefix(const char *s, const struct ko_part *p)
{
	if (p->s == NULL || (p->len > 0 && (p->s[0] != s[0] ||
	    strncmp(s, p->s, p->len) != 0)))
		return (size_t)-1;
	return p->len;
}

/* The final of ko_fin that s is, or 8 when it is none. */
static int
ko_fin_index(const char *s)
{
	int f;

	if (s[0] == '\0')
		return 0;
	if (s[1] != '\0')
		return s[0] == 'n' && s[1] == 'g' && s[2] == '\0' ? 7 : 8;
	for (f = 1; f < 7; f++)
		if (s[0] == ko_fin[f][0])
			return f;
	return 8;
}

/* Read a normalized syllable: the reading spelt in prefer if there is
 * one, else the first; 0 when s is no syllable. */
static int
ko_find(const char *s, int prefer, struct ko_syl *out)
{
	size_t a, b;
	long key, best = -1, bestpref = -1;
	int r, i, v, f, how;

	ko_parts_init();
	for (r = 0; r < KO_NRULES; r++)
		for (i = 0; i < 19; i++) {
			if ((a = ko_prefix(s, &ko_ini_part[r][i])) == (size_t)-1)
				continue;
			for (v = 0; v < 21; v++) {
				if ((b = ko_prefix(s + a, &ko_vow_part[r][v])) ==
				    (size_t)-1 ||
				    (f = ko_fin_index(s + a + b)) == 8)
					continue;
				how = ko_rule_how[r];
				key = (((how * 19L + i) * 21 + v) * 8 + f) *
				    KO_NRULES + r;
				if (best < 0 || key < best)
					best = key;
				if ((how & prefer) && (bestpref < 0 ||
				    key < bestpref))
					bestpref = key;
			}
		}
	if (best < 0)
		return 0;
	if (bestpref >= 0)
		best = bestpref;
	best /= KO_NRULES;
	out->fin = (uint8_t)(best % 8);
	best /= 8;
	out->vow = (uint8_t)(best % 21);
	best /= 21;
	out->ini = (uint8_t)(best % 19);
	out->how = (uint8_t)(best / 19);
	return 1;
}

static int
ko_syllable_uncached(const char *s, size_t n)
{
	struct buf b = { 0 };
	struct ko_syl k;
	int ok;

	ko_norm(&b, s, n, 1);
	ok = ko_find(b.s, 0, &k);
	if (!ok) {
		buf_reset(&b);
		ko_norm(&b, s, n, 0);
		ok = ko_find(b.s, 0, &k);
	}
	buf_free(&b);
	return ok;
}

int
ko_syllable(const char *s, size_t n)
{
	const struct memo_val *mv;
	struct memo_val v = { 0 };

	if ((mv = memo_get(ko_memo_get(), 'S', s, n)) != NULL)
		return mv->n;
	v.n = ko_syllable_uncached(s, n);
	memo_put(ko_memo, 'S', s, n, &v);
	return v.n;
}

size_t
ko_split_given(const char *s, size_t n)
{
	const struct memo_val *mv;
	struct memo_val v = { 0 };
	size_t i;

	if ((mv = memo_get(ko_memo_get(), 'G', s, n)) != NULL)
		return (size_t)mv->n;
	/* the second syllable begins with a consonant where possible */
	for (i = n - 1; i > 0; i--) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (s[i] == '\'' )
			continue;
		if (ko_syllable(s, i) && ko_syllable(s + i, n - i))
			break;
	}
	v.n = (int)i;
	memo_put(ko_memo, 'G', s, n, &v);
	return i;
}

/* Parse one syllable, preferring the scheme given (KS_MR or KS_RR). */
static int
ko_parse(const char *s, size_t n, int prefer, struct ko_syl *k)
{
	struct buf b = { 0 };
	int pass, found = 0;

	for (pass = 0; pass < 2 && !found; pass++) {
		buf_reset(&b);
		ko_norm(&b, s, n, pass == 0);
		found = ko_find(b.s, prefer, k);
	}
	buf_free(&b);
	return found;
}

static void
cap_first(struct buf *b, size_t from)
{
	uint32_t c;
	size_t len;
	char tmp[4], rest[64];
	size_t rl;

	if (from >= b->len)
		return;
	len = utf8_decode(b->s + from, b->len - from, &c);
	if (len == 0 || cp_upper(c) == c)
		return;
	rl = b->len - from - len;
	if (rl >= sizeof(rest))
		return;
	memcpy(rest, b->s + from + len, rl);
	b->len = from;
	buf_add(b, tmp, utf8_encode(cp_upper(c), tmp));
	buf_add(b, rest, rl);
	buf_cstr(b);
}

/* Does syllable i follow a vowel or a voiced final, where
 * McCune-Reischauer voices a plain initial? */
static int
ko_voiced_at(const struct ko_syl *k, int i)
{
	int f = i > 0 ? k[i - 1].fin : -1;

	return i > 0 && (f == 0 || f == 2 || f == 4 || f == 5 || f == 7);
}

/* Is syllable k, written s, a plain k, t, p or ch spelt unvoiced and
 * without an apostrophe (which a paper may have dropped)? */
static int
ko_unmarked_plain(const struct ko_syl *k, const char *s)
{
	char c = (char)(s[0] | 0x20);

	return (k->ini == 0 || k->ini == 3 || k->ini == 7 || k->ini == 12) &&
	    (c == 'k' || c == 't' || c == 'p' || c == 'c');
}

int
ko_marked(const char *s, size_t n)
{
	struct buf b = { 0 };
	int marked;

	ko_norm(&b, s, n, 1);
	marked = strchr(b.s, '\'') != NULL ||
	    strstr(b.s, "\xc5\x8f") != NULL || strstr(b.s, "\xc5\xad") != NULL;
	buf_free(&b);
	return marked;
}

int
ko_given_convert(struct buf *b, const char *const *syl, const size_t *len,
    int nsyl, int scheme, int style, int breves, int marked)
{
	struct ko_syl k[4];
	struct buf t = { 0 };
	int i, prefer = KS_MR | KS_MRV;
	size_t j, start;

	if (nsyl < 1 || nsyl > 4)
		return 0;
	/* a syllable only RR spells (eo, eu) makes the name RR */
	for (i = 0; i < nsyl; i++) {
		for (j = 0; j + 1 < len[i]; j++)
			if ((syl[i][j] | 0x20) == 'e' && ((syl[i][j + 1] | 0x20) ==
			    'o' || (syl[i][j + 1] | 0x20) == 'u'))
				prefer = KS_RR;
	}
	if (scheme == KO_MR && prefer != KS_RR) {
		/* MR to MR: still parse, to fix voicing and apostrophes */
	}
	for (i = 0; i < nsyl; i++)
		if (!ko_parse(syl[i], len[i], prefer, &k[i]))
			return 0;
	/* Kum-chol may be Kum-ch'ol, Chang-ok Ch'ang-ok: leave them */
	for (i = 0; i < nsyl; i++)
		if (ko_unmarked_plain(&k[i], syl[i]) &&
		    (ko_voiced_at(k, i) || (scheme == KO_RR && !marked)))
			return 0;
	start = b->len;
	for (i = 0; i < nsyl; i++) {
		const char *ini, *vow;
		size_t from = b->len;

		if (i > 0) {
			if (style == GIVEN_HYPHEN)
				buf_addc(b, '-');
			else if (style == GIVEN_SPACE)
				buf_addc(b, ' ');
		}
		from = b->len;
		if (scheme == KO_RR) {
			ini = ko_ini_rr[k[i].ini];
			vow = ko_vow_rr[k[i].vow];
		} else {
			ini = ko_voiced_at(k, i) ? ko_ini_mrv[k[i].ini] :
			    ko_ini_mr[k[i].ini];
			vow = ko_vow_mr[k[i].vow];
			if (!breves) {
				buf_reset(&t);
				ko_norm(&t, vow, strlen(vow), 0);
				vow = t.s;
			}
		}
		buf_adds(b, ini);
		buf_adds(b, vow);
		buf_adds(b, ko_fin[k[i].fin]);
		if (i == 0 || style == GIVEN_SPACE)
			cap_first(b, from);
	}
	(void)start;
	buf_free(&t);
	return 1;
}

void
ko_syllable_key(struct buf *out, const char *s, size_t n)
{
	struct buf b = { 0 };
	const char *w;
	size_t i = 0;

	ko_norm(&b, s, n, 0);
	w = b.s;
	/* the initial: voicing, aspiration and tensing folded */
	if (strncmp(w, "tch", 3) == 0 || strncmp(w, "jj", 2) == 0)
		i = w[0] == 't' ? 3 : 2, buf_addc(out, 'c');
	else if (strncmp(w, "ch'", 3) == 0)
		i = 3, buf_addc(out, 'c');
	else if (strncmp(w, "ch", 2) == 0)
		i = 2, buf_addc(out, 'c');
	else if (strncmp(w, "sh", 2) == 0 || strncmp(w, "ss", 2) == 0)
		i = 2, buf_addc(out, 's');
	else if (w[0] && strchr("gkdtbpj", w[0])) {
		static const char from[] = "gkdtbpj", to[] = "kkttppc";
		buf_addc(out, to[strchr(from, w[0]) - from]);
		i = 1;
		if (w[1] == w[0] || w[1] == '\'')
			i = 2;
	} else if (w[0] == 'l')
		i = 1, buf_addc(out, 'r');
	for (; w[i]; i++) {
		if (w[i] == '\'')
			continue;
		if (w[i] == 'e' && (w[i + 1] == 'o' || w[i + 1] == 'u'))
			continue;	/* RR eo, eu as MR o, u */
		/* customary oo, ou, ee as u, o, i (Soo, Young, Hee) */
		if ((w[i] == 'o' && (w[i + 1] == 'o' || w[i + 1] == 'u')) ||
		    (w[i] == 'e' && w[i + 1] == 'e')) {
			buf_addc(out, w[i] == 'e' ? 'i' : w[i + 1] == 'o' ?
			    'u' : 'o');
			i++;
			continue;
		}
		if (w[i] == 'h' && i > 0 && w[i - 1] == 'o' && !w[i + 1])
			continue;	/* Oh */
		buf_addc(out, w[i]);
	}
	buf_cstr(out);
	buf_free(&b);
}

/* ---------------------------------------------------------------- */
/* Chinese */

int
ko_scheme_parse(const char *name)
{
	if (strcmp(name, "mr") == 0 || strcmp(name, "mccune-reischauer") == 0)
		return KO_MR;
	if (strcmp(name, "rr") == 0 || strcmp(name, "revised") == 0)
		return KO_RR;
	return -1;
}

int
zh_scheme_parse(const char *name)
{
	if (strcmp(name, "pinyin") == 0)
		return ZH_PINYIN;
	if (strcmp(name, "wg") == 0 || strcmp(name, "wade-giles") == 0)
		return ZH_WG;
	return -1;
}

static const char pinyin_list[] =
    "a ai an ang ao e ei en eng er o ou "
    "ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu "
    "pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu "
    "ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo "
    "mou mu fa fan fang fei fen feng fo fou fu "
    "da dai dan dang dao de dei den deng di dian diao die ding diu dong "
    "dou du duan dui dun duo ta tai tan tang tao te teng ti tian tiao tie "
    "ting tong tou tu tuan tui tun tuo na nai nan nang nao ne nei nen "
    "neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo "
    "n\xc3\xbc n\xc3\xbc" "e la lai lan lang lao le lei leng li lia lian "
    "liang liao lie lin ling liu lo long lou lu luan lun luo l\xc3\xbc "
    "l\xc3\xbc" "e ga gai gan gang gao ge gei gen geng gong gou gu gua "
    "guai guan guang gui gun guo ka kai kan kang kao ke kei ken keng kong "
    "kou ku kua kuai kuan kuang kui kun kuo ha hai han hang hao he hei hen "
    "heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang "
    "jiao jie jin jing jiong jiu ju juan jue jun qi qia qian qiang qiao "
    "qie qin qing qiong qiu qu quan que qun xi xia xian xiang xiao xie xin "
    "xing xiong xiu xu xuan xue xun zhi zha zhai zhan zhang zhao zhe zhei "
    "zhen zheng zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo chi "
    "cha chai chan chang chao che chen cheng chong chou chu chua chuai "
    "chuan chuang chui chun chuo shi sha shai shan shang shao she shei "
    "shen sheng shou shu shua shuai shuan shuang shui shun shuo ri ran "
    "rang rao re ren reng rong rou ru ruan rui run ruo zi za zai zan zang "
    "zao ze zei zen zeng zong zou zu zuan zui zun zuo ci ca cai can cang "
    "cao ce cen ceng cong cou cu cuan cui cun cuo si sa sai san sang sao "
    "se sen seng song sou su suan sui sun suo ya yan yang yao ye yi yin "
    "ying yo yong you yu yuan yue yun wa wai wan wang wei wen weng wo wu";

struct zh_syl {
	char py[8], wg[12];
};
static _Thread_local struct zh_syl *zh_tab;
static _Thread_local size_t zh_ntab;

static int
starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* pinyin syllable to Wade-Giles (without tone, with ü and '). */
static void
py_to_wg(const char *py, struct buf *wg)
{
	static const char *const whole[][2] = { { "zhi", "chih" },
	    { "chi", "ch'ih" }, { "shi", "shih" }, { "ri", "jih" },
	    { "zi", "tzu" }, { "ci", "tz'u" }, { "si", "ssu" },
	    { "er", "erh" }, { "e", "o" }, { "you", "yu" },
	    { "yu", "y\xc3\xbc" }, { "yue", "y\xc3\xbc" "eh" },
	    { "yuan", "y\xc3\xbc" "an" }, { "yun", "y\xc3\xbcn" },
	    { "yong", "yung" }, { "ye", "yeh" }, { "yan", "yen" },
	    { "yi", "i" }, { "lo", "lo" } };
	static const char *const ini[][2] = { { "zh", "ch" }, { "ch", "ch'" },
	    { "sh", "sh" }, { "b", "p" }, { "p", "p'" }, { "m", "m" },
	    { "f", "f" }, { "d", "t" }, { "t", "t'" }, { "n", "n" },
	    { "l", "l" }, { "g", "k" }, { "k", "k'" }, { "h", "h" },
	    { "j", "ch" }, { "q", "ch'" }, { "x", "hs" }, { "r", "j" },
	    { "z", "ts" }, { "c", "ts'" }, { "s", "s" }, { "y", "y" },
	    { "w", "w" } };
	const char *fin = py, *in = "";
	char ip[3] = "";
	size_t i;

	for (i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
		if (strcmp(py, whole[i][0]) == 0) {
			buf_adds(wg, whole[i][1]);
			return;
		}
	for (i = 0; i < sizeof(ini) / sizeof(ini[0]); i++)
		if (starts(py, ini[i][0])) {
			in = ini[i][1];
			fin = py + strlen(ini[i][0]);
			memcpy(ip, ini[i][0], strlen(ini[i][0]) + 1);
			break;
		}
	buf_adds(wg, in);
	if (strchr("jqx", ip[0]) && ip[0] && fin[0] == 'u') {
		buf_adds(wg, "\xc3\xbc");
		fin++;
		if (strcmp(fin, "e") == 0)
			fin = "eh";
		buf_adds(wg, fin);
		return;
	}
	if (strcmp(fin, "ong") == 0)
		fin = "ung";
	else if (strcmp(fin, "iong") == 0)
		fin = "iung";
	else if (strcmp(fin, "ian") == 0)
		fin = "ien";
	else if (strcmp(fin, "ie") == 0)
		fin = "ieh";
	else if (strcmp(fin, "\xc3\xbc" "e") == 0)
		fin = "\xc3\xbc" "eh";
	else if (strcmp(fin, "ui") == 0 && strchr("gk", ip[0]) && ip[0])
		fin = "uei";
	else if (strcmp(fin, "uo") == 0 && !(strchr("gkh", ip[0]) && ip[0]) &&
	    strcmp(ip, "sh") != 0)
		fin = "o";
	else if (strcmp(fin, "e") == 0 && strchr("gkh", ip[0]) && ip[0])
		fin = "o";
	buf_adds(wg, fin);
}

static void
zh_free_tab(void)
{
	free(zh_tab);
	zh_tab = NULL;
}

static void
zh_init(void)
{
	const char *p, *q;
	struct buf wg = { 0 };
	size_t cap = 0;

	if (zh_tab)
		return;
	for (p = pinyin_list; *p; p = q) {
		q = p + strcspn(p, " ");
		if (zh_ntab == cap) {
			cap = cap ? cap * 2 : 512;
			zh_tab = xreallocarray(zh_tab, cap, sizeof(*zh_tab));
		}
		memset(&zh_tab[zh_ntab], 0, sizeof(*zh_tab));
		memcpy(zh_tab[zh_ntab].py, p, (size_t)(q - p));
		buf_reset(&wg);
		py_to_wg(zh_tab[zh_ntab].py, &wg);
		memcpy(zh_tab[zh_ntab].wg, wg.s, wg.len < 11 ? wg.len : 11);
		zh_ntab++;
		while (*q == ' ')
			q++;
	}
	buf_free(&wg);
	cleanup_at_end(zh_free_tab);
}

/* Lower-case, ' for apostrophes; for WG also ê -> e, ŭ -> u; loose
 * drops the ü dots. */
static void
zh_norm(struct buf *b, const char *s, size_t n, int loose)
{
	size_t i = 0, len;
	uint32_t c;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n) {	/* ASCII: only the case to fold */
		buf_add(b, s, n);
		for (i = b->len - n; i < b->len; i++)
			if (b->s[i] >= 'A' && b->s[i] <= 'Z')
				b->s[i] += 32;
		buf_cstr(b);
		return;
	}
	i = 0;
	while (i < n) {
		len = utf8_decode(s + i, n - i, &c);
		if (len == 0)
			len = 1, c = (unsigned char)s[i];
		i += len;
		c = cp_lower(c);
		if (cp_is_apos(c))
			c = '\'';
		else if (c == 0xEA)
			c = 'e';
		else if (c == 0x16D)
			c = 'u';
		else if (c == 0xFC && loose)
			c = 'u';
		add_cp(b, c);
	}
	buf_cstr(b);
}

/* The table indexed by normalized spelling, tag [scheme][loose] as
 * 2 * scheme + loose; the first syllable of a spelling wins.  It holds
 * fewer entries than a memo forgets at. */
static _Thread_local struct memo *zh_index;
static _Thread_local int zh_indexed[2];

static void
zh_free_index(void)
{
	memo_free(zh_index);
	zh_index = NULL;
}

static void
zh_init_index(int s)
{
	struct buf e = { 0 };
	struct memo_val v = { 0 };
	size_t i;
	int l;

	if (zh_indexed[s])
		return;
	zh_indexed[s] = 1;
	zh_init();
	if (zh_index == NULL) {
		zh_index = memo_new();
		cleanup_at_end(zh_free_index);
	}
	for (l = 0; l < 2; l++)
		for (i = 0; i < zh_ntab; i++) {
			const char *t = s == ZH_WG ? zh_tab[i].wg :
			    zh_tab[i].py;
			buf_reset(&e);
			zh_norm(&e, t, strlen(t), l);
			if (memo_get(zh_index, 2 * s + l, e.s,
			    e.len) != NULL)
				continue;
			v.n = (int)i;
			memo_put(zh_index, 2 * s + l, e.s, e.len, &v);
		}
	buf_free(&e);
}

static const struct zh_syl *
zh_find(const char *s, size_t n, int from)
{
	struct buf b = { 0 };
	const struct zh_syl *hit = NULL;
	const struct memo_val *v;
	int loose;

	if (n == 0 || n > 12)
		return NULL;
	zh_init_index(from == ZH_WG);
	for (loose = 0; loose < 2 && !hit; loose++) {
		buf_reset(&b);
		zh_norm(&b, s, n, loose);
		if (loose && from == ZH_WG && strcmp(b.s, "yi") == 0) {
			/* i as Wade-Giles-era texts write it (Ch'en Yi) */
			buf_reset(&b);
			buf_adds(&b, "i");
		}
		if ((v = memo_get(zh_index, 2 * (from == ZH_WG) + loose, b.s,
		    b.len)) != NULL)
			hit = &zh_tab[v->n];
	}
	buf_free(&b);
	return hit;
}

int
zh_is_syllable(const char *s, size_t n, int scheme)
{
	return zh_find(s, n, scheme) != NULL;
}

int
zh_syllable_convert(struct buf *b, const char *s, size_t n, int from)
{
	const struct zh_syl *z = zh_find(s, n, from);

	if (z == NULL)
		return 0;
	buf_adds(b, from == ZH_WG ? z->py : z->wg);
	return 1;
}

int
zh_word_convert(struct buf *b, const char *s, size_t n, int from)
{
	size_t start = b->len, i = 0, j, nsyl = 0;
	int upper = n > 0 && s[0] >= 'A' && s[0] <= 'Z';

	if (from == ZH_WG) {
		while (i < n) {
			j = i;
			while (j < n && s[j] != '-')
				j++;
			if (nsyl > 0 && j > i && strchr("aeo", s[i] | 0x20))
				buf_addc(b, '\'');	/* Xi'an */
			if (!zh_syllable_convert(b, s + i, j - i, ZH_WG))
				goto fail;
			nsyl++;
			i = j + 1;
		}
	} else {
		/* pinyin: longest syllable first, backtracking once */
		while (i < n) {
			size_t best = 0;
			if (s[i] == '\'' || s[i] == '-') {
				i++;
				continue;
			}
			for (j = n; j > i; j--)
				if (zh_is_syllable(s + i, j - i, ZH_PINYIN) &&
				    (j == n || zh_is_syllable(s + j,
				    n - j, ZH_PINYIN) || ko_split_given(s + j,
				    n - j) || 1)) {
					/* the rest must split too */
					size_t k = j;
					int ok = 1;
					while (k < n && ok) {
						size_t m;
						if (s[k] == '\'' || s[k] == '-') {
							k++;
							continue;
						}
						for (m = n; m > k; m--)
							if (zh_is_syllable(s + k,
							    m - k, ZH_PINYIN))
								break;
						if (m == k)
							ok = 0;
						k = m;
					}
					if (ok) {
						best = j;
						break;
					}
				}
			if (best == 0)
				goto fail;
			if (nsyl > 0)
				buf_addc(b, '-');
			zh_syllable_convert(b, s + i, best - i, ZH_PINYIN);
			nsyl++;
			i = best;
		}
	}
	if (upper)
		cap_first(b, start);
	return 1;
fail:
	b->len = start;
	buf_cstr(b);
	return 0;
}

/* ---------------------------------------------------------------- */
/* Typography */

int
apos_parse(const char *name)
{
	if (strcmp(name, "ascii") == 0 || strcmp(name, "'") == 0)
		return APOS_ASCII;
	if (strcmp(name, "right") == 0 || strcmp(name, "curly") == 0 ||
	    strcmp(name, "\xe2\x80\x99") == 0)
		return APOS_RIGHT;
	if (strcmp(name, "modifier") == 0 || strcmp(name, "\xca\xbc") == 0)
		return APOS_MODIFIER;
	return -1;
}

void
apos_rewrite(struct buf *b, const char *s, size_t n, int style)
{
	static const uint32_t mark[] = { '\'', 0x2019, 0x2BC };
	size_t i = 0, len;
	uint32_t c;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &c);
		if (len == 0)
			len = 1, c = (unsigned char)s[i];
		if (c == '\'' || c == 0x2019 || c == 0x2BC)
			add_cp(b, mark[style]);
		else
			buf_add(b, s + i, len);
		i += len;
	}
}

void
ascii_fold(struct buf *b, const char *s, size_t n)
{
	/* Latin-1 and Latin Extended-A letters to their base letter */
	static const char l1[] =
	    "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	static const char xa[] =
	    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLl"
	    "LlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
	size_t i = 0, len;
	uint32_t c;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &c);
		if (len == 0)
			len = 1, c = (unsigned char)s[i];
		i += len;
		if (c >= 0xC0 && c <= 0xFF && l1[c - 0xC0] != '*' &&
		    l1[c - 0xC0] != '/')
			buf_addc(b, l1[c - 0xC0]);
		else if (c == 0xC6)
			buf_adds(b, "AE");
		else if (c >= 0x100 && c <= 0x17F)
			buf_addc(b, xa[c - 0x100]);
		else if (c == 0x1CD || c == 0x1CF || c == 0x1D1 || c == 0x1D3)
			buf_addc(b, "AIOU"[(c - 0x1CD) / 2]);
		else if (c == 0x1CE || c == 0x1D0 || c == 0x1D2 || c == 0x1D4)
			buf_addc(b, "aiou"[(c - 0x1CE) / 2]);
		else if (c == 0x2B9 || c == 0x2BC || c == 0x2019 || c == 0x2018)
			buf_addc(b, '\'');
		else if (c == 0x2BA)
			buf_addc(b, '"');
		else if (c == 0x361 || c == 0x306 || c == 0x308 || c == 0x301 ||
		    c == 0x300 || c == 0x302 || c == 0x30C || c == 0x307)
			;	/* combining marks */
		else if (c == 0xB7)
			;	/* the BGN separator */
		else
			buf_add(b, s + i - len, len);
	}
	buf_cstr(b);
}
