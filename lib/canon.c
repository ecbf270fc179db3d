/* canon.c: the rewriting pass of normalize-translit, on one piece of
 * text: words, Korean names, and the rewrite of variant spellings into
 * the chosen schemes.  name_canonical() applies it to one name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "canon.h"
#include "dict.h"
#include "translit-builtin.h"
#include "translit.h"
#include "utf8.h"
#include "util.h"

/* ---------------------------------------------------------------- */
/* Words */

static int
inword(uint32_t c)
{
	return cp_is_letter(c) || (c >= 0x300 && c <= 0x36F);
}

/* ASCII letters without a call; the rest by translit.c. */
static int
is_letter(uint32_t c)
{
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	return cp_is_letter(c);
}

static int
is_inword(uint32_t c)
{
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	return inword(c);
}

/* The TOK_* flags of the code points cp[0..n), n >= 1. */
static unsigned
tok_flags(const uint32_t *cp, size_t n)
{
	size_t j, upper = 0, lower = 0;
	unsigned f = 0;
	int first_upper;

	for (j = 0; j < n; j++) {
		uint32_t c = cp[j];

		if (c < 0x80) {
			upper += c >= 'A' && c <= 'Z';
			lower += c >= 'a' && c <= 'z';
		} else {
			upper += cp_is_upper(c) != 0;
			lower += cp_is_lower(c) != 0;
		}
	}
	first_upper = cp[0] < 0x80 ? cp[0] >= 'A' && cp[0] <= 'Z' :
	    cp_is_upper(cp[0]);
	if (first_upper && upper == 1)
		f |= TOK_TITLE;
	if (lower == 0 && upper >= 1)
		f |= TOK_CAPS;
	if (upper == 0)
		f |= TOK_LOWER;
	if (cp[0] >= 0x80 && is_cyrillic(cp[0]))
		f |= TOK_CYRILLIC;
	return f;
}

static inline void
add_token(struct text *t, size_t cs, size_t ce, size_t bs, size_t be,
    unsigned flags)
{
	if (t->ntok == t->captok) {
		t->captok = t->captok ? t->captok * 2 : 64;
		t->tok = xreallocarray(t->tok, t->captok, sizeof(*t->tok));
	}
	t->tok[t->ntok].cs = cs;
	t->tok[t->ntok].ce = ce;
	t->tok[t->ntok].bs = bs;
	t->tok[t->ntok].be = be;
	t->tok[t->ntok].flags = flags;
	t->ntok++;
}

static int
ascii_letter(char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* text_cut of ASCII text, straight from the bytes: 0 when s holds a
 * byte outside ASCII.  A letter is upper case when its 0x20 bit is
 * clear: the bits of a word's letters ORed and ANDed give its flags. */
static int
cut_ascii(struct text *t, const char *s, size_t len)
{
	size_t i, k;
	unsigned flags, any, all;
	uint64_t v;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&v, s + i, 8);
		if (v & 0x8080808080808080u)
			return 0;
	}
	for (; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	for (i = 0; i < len; ) {
		if (!ascii_letter(s[i])) {
			i++;
			continue;
		}
		any = 0;	/* of the letters after the first */
		all = 0x20;
		for (k = i + 1; ; k++) {
			for (; k < len && ascii_letter(s[k]); k++) {
				any |= (unsigned char)s[k];
				all &= (unsigned char)s[k];
			}
			/* an apostrophe between letters, but not 's */
			if (!(k + 1 < len && s[k] == '\'' &&
			    ascii_letter(s[k + 1]) && !(s[k + 1] == 's' &&
			    (k + 2 >= len || !ascii_letter(s[k + 2])))))
				break;
		}
		if (s[i] & 0x20)	/* a lower-case first letter */
			flags = all & 0x20 ? TOK_LOWER : 0;
		else
			flags = (all & 0x20 ? TOK_TITLE : 0) |
			    (any & 0x20 ? 0 : TOK_CAPS);
		add_token(t, i, k, i, k, flags);
		i = k;
	}
	return 1;
}

void
text_cut(struct text *t, const char *s, size_t len)
{
	size_t i = 0, n, k, ncp = 0, upper;
	uint32_t c, *cp;
	size_t *off;

	t->s = s;
	t->len = len;
	t->start_end = len;
	t->ntok = 0;
	if (t->capcp < len + 1) {
		/* at most one code point a byte */
		t->capcp = len + 1 > 256 ? len + 1 : 256;
		free(t->cp);
		free(t->off);
		t->cp = xreallocarray(NULL, t->capcp, sizeof(*t->cp));
		t->off = xreallocarray(NULL, t->capcp, sizeof(*t->off));
	}
	cp = t->cp;
	off = t->off;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80)
			n = 1, c = (unsigned char)s[i];
		else if ((n = utf8_decode(s + i, len - i, &c)) == 0)
			n = 1, c = 0xFFFD;
		cp[ncp] = c;
		off[ncp++] = i;
		i += n;
	}
	off[ncp] = len;
	t->ncp = ncp;
	t->addr = 0;
	for (i = 0; i < ncp; ) {
		unsigned flags;

		if (!is_letter(cp[i])) {
			/* what may hold an address: "://", "@", "www." */
			if ((cp[i] == ':' && i + 1 < ncp && cp[i + 1] == '/') ||
			    cp[i] == '@' || (cp[i] == '.' && i >= 3 &&
			    (cp[i - 1] | 0x20) == 'w' &&
			    (cp[i - 2] | 0x20) == 'w' &&
			    (cp[i - 3] | 0x20) == 'w'))
				t->addr = 1;
			i++;
			continue;
		}
		/* the usual word: ASCII letters up to ASCII that is not a
		 * letter nor an apostrophe; its flags as it goes */
		upper = cp[i] <= 'Z';
		for (k = i + 1; k < ncp && cp[k] < 0x80 &&
		    ((cp[k] | 0x20) >= 'a' && (cp[k] | 0x20) <= 'z'); k++)
			upper += cp[k] <= 'Z';
		if (cp[i] < 0x80 && (k == ncp || (cp[k] < 0x80 &&
		    cp[k] != '\''))) {
			flags = upper == 0 ? TOK_LOWER : upper == k - i ?
			    TOK_CAPS | (k - i == 1 ? TOK_TITLE : 0) :
			    upper == 1 && cp[i] <= 'Z' ? TOK_TITLE : 0;
			goto token;
		}
		k = i + 1;
		for (;;) {
			if (k < ncp && is_inword(cp[k])) {
				k++;
				continue;
			}
			/* an apostrophe between letters, but not 's */
			if (k + 1 < ncp && (cp[k] == '\'' || (cp[k] >= 0x80 &&
			    cp_is_apos(cp[k]))) &&
			    cp[k] != 0x2BA && is_letter(cp[k + 1]) &&
			    !(cp[k + 1] == 's' && (k + 2 >= ncp ||
			    !is_letter(cp[k + 2])))) {
				k += 2;
				continue;
			}
			/* the soft sign ʹ ends a word too (Gogolʹ) */
			if (k < ncp && (cp[k] == 0x2B9 || cp[k] == 0x2BA)) {
				k++;
				continue;
			}
			break;
		}
		flags = tok_flags(cp + i, k - i);
token:
		add_token(t, i, k, off[i], off[k], flags);
		i = k;
	}
}

void
text_cut_tokens(struct text *t, const char *s, size_t len)
{
	t->s = s;
	t->len = len;
	t->start_end = len;
	t->ntok = 0;
	t->ncp = 0;
	if (!cut_ascii(t, s, len))
		text_cut(t, s, len);
}

void
text_free(struct text *t)
{
	free(t->cp);
	free(t->off);
	free(t->tok);
	memset(t, 0, sizeof(*t));
}

int
tok_title(const struct text *t, size_t i)
{
	return (t->tok[i].flags & TOK_TITLE) != 0;
}

int
tok_caps(const struct text *t, size_t i)
{
	return (t->tok[i].flags & TOK_CAPS) != 0;
}

int
tok_lower(const struct text *t, size_t i)
{
	return (t->tok[i].flags & TOK_LOWER) != 0;
}

int
tok_gap(const struct text *t, size_t i, const char *gap)
{
	const char *p, *end;

	if (i + 1 >= t->ntok)
		return 0;
	p = t->s + t->tok[i].be;
	end = t->s + t->tok[i + 1].bs;
	while (p < end && *gap != '\0' && *p == *gap)
		p++, gap++;
	return p == end && *gap == '\0';
}

static int
tok_latin(const struct text *t, size_t i)
{
	return !(t->tok[i].flags & TOK_CYRILLIC);
}

/* ---------------------------------------------------------------- */
/* Korean names */

static int
syl_tok(const struct text *t, size_t i)
{
	const struct tok *k = &t->tok[i];

	return k->ce - k->cs <= 7 && ko_syllable(t->s + k->bs, k->be - k->bs);
}

int
koname_at(const struct text *t, size_t i, struct koname *kn)
{
	const struct tok *k = &t->tok[i];
	size_t g1 = i + 1, g2 = i + 2;
	int caps;

	if (k->ce - k->cs < 2 || !tok_latin(t, i))
		return 0;
	caps = tok_caps(t, i) && k->ce - k->cs >= 2;
	if (!caps && !tok_title(t, i))
		return 0;
	if (k->bs > 0 && (t->s[k->bs - 1] == '-' || t->s[k->bs - 1] == '\''))
		return 0;
	if (!tok_gap(t, i, " "))
		return 0;
	if ((kn->surname = ko_surname(t->s + k->bs, k->be - k->bs)) < 0)
		return 0;
	if (caps ? !tok_caps(t, g1) : !tok_title(t, g1))
		return 0;
	kn->first = i;
	kn->caps = caps;
	kn->split = 0;
	if (tok_gap(t, g1, "-") && g2 < t->ntok && !tok_gap(t, g2, "-") &&
	    (caps ? tok_caps(t, g2) : 1) && syl_tok(t, g1) && syl_tok(t, g2)) {
		kn->syl[0] = g1;
		kn->syl[1] = g2;
		kn->nsyl = 2;
		kn->last = g2;
		return 1;
	}
	if (tok_gap(t, g1, "-"))
		return 0;
	if (tok_gap(t, g1, " ") && g2 < t->ntok && !tok_gap(t, g2, "-") &&
	    (caps ? tok_caps(t, g2) : tok_title(t, g2)) && syl_tok(t, g1) &&
	    syl_tok(t, g2) && t->tok[g2].ce - t->tok[g2].cs >= 2) {
		kn->syl[0] = g1;
		kn->syl[1] = g2;
		kn->nsyl = 2;
		kn->last = g2;
		return 1;
	}
	if (syl_tok(t, g1)) {
		kn->syl[0] = g1;
		kn->nsyl = 1;
		kn->last = g1;
		return 1;
	}
	if (t->tok[g1].ce - t->tok[g1].cs <= 12 &&
	    (kn->split = ko_split_given(t->s + t->tok[g1].bs,
	    t->tok[g1].be - t->tok[g1].bs)) > 0) {
		struct buf py = { 0 };
		int chinese;

		/* Yang Kuisong: a Chinese surname and a pinyin given name */
		chinese = zh_surname(t->s + k->bs, k->be - k->bs, ZH_PINYIN) &&
		    zh_word_convert(&py, t->s + t->tok[g1].bs,
		    t->tok[g1].be - t->tok[g1].bs, ZH_PINYIN);
		buf_free(&py);
		if (chinese)
			return 0;
		kn->syl[0] = g1;
		kn->nsyl = 1;
		kn->last = g1;
		return 1;
	}
	return 0;
}

/* The syllables of a name as byte ranges. */
static int
koname_syllables(const struct text *t, const struct koname *kn,
    const char **syl, size_t *len)
{
	const struct tok *g = &t->tok[kn->syl[0]];

	if (kn->split) {
		syl[0] = t->s + g->bs;
		len[0] = kn->split;
		syl[1] = t->s + g->bs + kn->split;
		len[1] = g->be - g->bs - kn->split;
		return 2;
	}
	syl[0] = t->s + g->bs;
	len[0] = g->be - g->bs;
	if (kn->nsyl == 2) {
		syl[1] = t->s + t->tok[kn->syl[1]].bs;
		len[1] = t->tok[kn->syl[1]].be - t->tok[kn->syl[1]].bs;
		return 2;
	}
	return 1;
}

void
koname_key(const struct text *t, const struct koname *kn, struct buf *key)
{
	const char *syl[2];
	size_t len[2];
	int n, i;

	buf_printf(key, "%d:", kn->surname);
	n = koname_syllables(t, kn, syl, len);
	for (i = 0; i < n; i++)
		ko_syllable_key(key, syl[i], len[i]);
}

/* ---------------------------------------------------------------- */
/* The rewriting pass */

static int
ends_at_word(const char *s, size_t n, size_t off)
{
	uint32_t c;

	if (off >= n)
		return 1;
	if (utf8_decode(s + off, n - off, &c) == 0)
		return 1;
	return !inword(c);
}

/* Same text, apostrophes aside? */
int
same_but_apos(const char *a, size_t an, const char *b, size_t bn)
{
	struct buf x = { 0 }, y = { 0 };
	int same;

	apos_rewrite(&x, a, an, APOS_ASCII);
	apos_rewrite(&y, b, bn, APOS_ASCII);
	same = x.len == y.len && (x.len == 0 || memcmp(x.s, y.s, x.len) == 0);
	buf_free(&x);
	buf_free(&y);
	return same;
}

static int
has(const char *s, size_t n, const char *pat)
{
	size_t pl = strlen(pat), i;

	for (i = 0; i + pl <= n; i++)
		if (memcmp(s + i, pat, pl) == 0)
			return 1;
	return 0;
}

/* Is s[0..n), a run of non-blanks, a URL or an e-mail address? */
static int
is_address(const char *s, size_t n)
{
	const char *at;

	while (n > 0 && strchr("(<[\"'", *s) != NULL)
		s++, n--;
	if (has(s, n, "://") || (n > 4 && strncasecmp(s, "www.", 4) == 0))
		return 1;
	/* name@host.domain */
	return (at = memchr(s, '@', n)) != NULL && at > s &&
	    memchr(at, '.', n - (size_t)(at - s)) != NULL;
}

void
text_mark_urls(const struct text *t, char *mark, char value)
{
	const char *s = t->s;
	size_t a = 0, b, k = 0;

	if (!t->addr)
		return;
	while (a < t->len && k < t->ntok) {
		for (b = a; b < t->len && s[b] != ' ' && s[b] != '\t'; b++)
			;
		if (b > a && is_address(s + a, b - a))
			for (; k < t->ntok && t->tok[k].bs < b; k++)
				if (t->tok[k].bs >= a)
					mark[k] = value;
		while (k < t->ntok && t->tok[k].bs < b)
			k++;
		a = b + 1;
	}
}

/* Typography of what is written: the apostrophe style asked for, or
 * the one the replaced text used; --ascii folding. */
static void
finish_form(const struct canon_opts *o, struct buf *out, const char *orig,
    size_t olen, const char *c)
{
	struct buf t = { 0 };
	int style = o->apos;

	if (style < 0)
		style = has(orig, olen, "\xe2\x80\x99") ? APOS_RIGHT :
		    has(orig, olen, "\xca\xbc") ? APOS_MODIFIER : -1;
	if (style >= 0)
		apos_rewrite(&t, c, strlen(c), style);
	else
		buf_adds(&t, c);
	buf_cstr(&t);
	if (o->ascii)
		ascii_fold(out, t.s, t.len);
	else
		buf_add(out, t.s, t.len);
	buf_cstr(out);
	buf_free(&t);
}

/* Hand a replacement of t->s[bs, be) on: to the report, or into out. */
static void
emit(struct canon_rw *rw, const struct text *t, size_t bs, size_t be,
    const char *c, size_t clen, const char *rule)
{
	if (rw->report != NULL)
		rw->report(rw->arg, t, bs, be, c, clen, rule);
	else {
		buf_add(&rw->out, t->s + rw->copied, bs - rw->copied);
		buf_add(&rw->out, c, clen);
		rw->copied = be;
		rw->changed = 1;
	}
}

/* The form written for canonical in place of orig[0..olen), in f;
 * 0 when that is orig itself. */
static int
final_form(const struct canon_opts *o, struct buf *f, const char *orig,
    size_t olen, const char *canonical)
{
	finish_form(o, f, orig, olen, canonical);
	return !(f->len == olen && memcmp(f->s, orig, olen) == 0);
}

static void
replace(struct canon_rw *rw, const struct text *t, size_t bs, size_t be,
    const char *canonical, const char *rule)
{
	struct buf c = { 0 };

	if (final_form(rw->o, &c, t->s + bs, be - bs, canonical))
		emit(rw, t, bs, be, c.s, c.len, rule);
	buf_free(&c);
}

/* A rewrite worked out before (o->memo) under tag and key; NULL when
 * it was not. */
static const struct memo_val *
recall(const struct canon_opts *o, int tag, const char *key, size_t klen)
{
	return o->memo != NULL ? memo_get(o->memo, tag, key, klen) : NULL;
}

/* Remember a rewrite: some, the form f written with rule, or none. */
static const struct memo_val *
remember(const struct canon_opts *o, int tag, const char *key, size_t klen,
    int some, const struct buf *f, const char *rule, struct memo_val *v)
{
	const struct memo_val *mv;

	v->n = some;
	v->rule = rule;
	v->s = f->s;
	v->len = f->len;
	if (o->memo != NULL && klen > 0) {
		memo_put(o->memo, tag, key, klen, v);
		if ((mv = memo_get(o->memo, tag, key, klen)) != NULL)
			return mv;
	}
	return v;
}

static void
upcase(struct buf *b, size_t from)
{
	struct buf t = { 0 };
	size_t i = from, n;
	uint32_t c;
	char tmp[4];

	while (i < b->len) {
		n = utf8_decode(b->s + i, b->len - i, &c);
		if (n == 0)
			n = 1, c = (unsigned char)b->s[i];
		buf_add(&t, tmp, utf8_encode(cp_upper(c), tmp));
		i += n;
	}
	b->len = from;
	buf_add(b, t.s, t.len);
	buf_cstr(b);
	buf_free(&t);
}

static int
all_caps(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t c;
	int upper = 0;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &c);
		if (len == 0)
			return 0;
		if (cp_is_lower(c))
			return 0;
		upper += cp_is_upper(c);
		i += len;
	}
	return upper > 1;
}

/* A Korean name into the chosen scheme and style. */
static int
korean_canonical(const struct canon_opts *o, const struct text *t,
    const struct koname *kn, struct buf *c)
{
	const char *syl[2];
	size_t len[2];
	int n;
	const struct tok *s = &t->tok[kn->first];

	n = koname_syllables(t, kn, syl, len);
	if (o->surnames)
		buf_adds(c, ko_surname_form(kn->surname, o->ko));
	else
		buf_add(c, t->s + s->bs, s->be - s->bs);
	buf_addc(c, ' ');
	if (!ko_given_convert(c, syl, len, n, o->ko, o->given, o->breves,
	    ko_marked(t->s + s->bs, t->tok[kn->last].be - s->bs)))
		return 0;
	if (kn->caps)
		upcase(c, 0);
	buf_cstr(c);
	return 1;
}

/* Chinese surnames (pinyin) for names outside the dictionary. */
const char *const canon_zh_surnames[] = { "Mao", "Zhou", "Deng", "Liu",
    "Lin", "Zhu", "Peng", "Chen", "Jiang", "Hua", "Ye", "Wang", "Zhang",
    "Zhao", "Yang", "Huang", "Wu", "Xu", "Sun", "Hu", "Guo", "Gao", "Luo",
    "Zheng", "Liang", "Xie", "Tang", "Feng", "Dong", "Xiao", "Cheng",
    "Cao", "Yuan", "Fu", "Shen", "Zeng", "Lu", "Su", "Pan", "Du", "Dai",
    "Xia", "Zhong", "Tian", "Ren", "Fan", "Fang", "Shi", "Yao", "Tan",
    "Liao", "Zou", "Xiong", "Hao", "Bai", "Cui", "Qiu", "Qin", "Hou",
    "Shao", "Meng", "Qian", "Yin", "Kang", "Chang", "Li", "He", NULL };

int
zh_surname(const char *s, size_t n, int scheme)
{
	const char *form;
	size_t i;

	for (i = 0; canon_zh_surnames[i]; i++) {
		form = scheme == ZH_PINYIN || i >= zh_surnames_nwg ||
		    zh_surnames_wg[i] == NULL ? canon_zh_surnames[i] :
		    zh_surnames_wg[i];
		if (n > 0 && form[0] == s[0] && strlen(form) == n &&
		    strncmp(form, s, n) == 0)
			return 1;
	}
	return 0;
}

/* A Wade-Giles given name marked as such (hyphen and WG-only spelling). */
static int
wg_marked(const char *s, size_t n)
{
	static const char *const marks[] = { "hs", "ts", "tz", "ih", "ieh",
	    "'", "\xe2\x80\x99", "\xc3\xbc", "uei", "ien", "ung", NULL };
	int i;

	for (i = 0; marks[i]; i++)
		if (has(s, n, marks[i]))
			return 1;
	return 0;
}

/* A Russian initial spelt in some scheme (Iu., Yu., Ia., Zh., Kh.: two
 * letters that no English initial has) into o's scheme, in c; 0 when
 * token i is none. */
static int
ru_initial(const struct canon_opts *o, const struct text *t, size_t i,
    struct buf *c)
{
	static const char *const latin[] = { "Iu", "Yu", "Ia", "Ya", "Zh",
	    "Kh", NULL };
	static const char *const cyrillic[] = { "\xd0\xae", "\xd0\xae",
	    "\xd0\xaf", "\xd0\xaf", "\xd0\x96", "\xd0\xa5" };
	const struct tok *k = &t->tok[i];
	size_t j, from;
	int n;

	/* only before another initial ("Yu. V. Andropov"): the surname Yu
	 * (Chinese, Korean) ends sentences and precedes given names */
	if (k->be - k->bs != 2 || k->be + 3 >= t->len ||
	    t->s[k->be] != '.' || t->s[k->be + 1] != ' ' ||
	    t->s[k->be + 2] < 'A' || t->s[k->be + 2] > 'Z' ||
	    t->s[k->be + 3] != '.' ||
	    (k->bs > 0 && t->s[k->bs - 1] != ' '))
		return 0;
	for (n = 0; latin[n]; n++)
		if (memcmp(t->s + k->bs, latin[n], 2) == 0)
			break;
	if (latin[n] == NULL)
		return 0;
	from = c->len;
	ru_translit(c, cyrillic[n], 2, o->ru);
	/* a lone capital comes out in capitals: Iu, not IU */
	for (j = from + 1; j < c->len; j++)
		if (c->s[j] >= 'A' && c->s[j] <= 'Z')
			c->s[j] += 32;
	buf_cstr(c);
	return 1;
}

void
canon_rewrite(struct canon_rw *rw, const struct text *t)
{
	const struct canon_opts *o = rw->o;
	struct buf c = { 0 }, f = { 0 };
	struct koname kn;
	const char *canon, *rule;
	size_t i = 0, m, j;
	const struct tok *k;
	const struct memo_val *mv;
	struct memo_val v;
	int some;

	while (i < t->ntok && t->tok[i].bs < t->start_end) {
		k = &t->tok[i];
		buf_reset(&c);
		if (!tok_latin(t, i)) {
			if (o->consistency) {
				i++;
				continue;
			}
			ru_translit(&c, t->s + k->bs, k->be - k->bs, o->ru);
			buf_cstr(&c);
			replace(rw, t, k->bs, k->be, c.s, "cyrillic");
			i++;
			continue;
		}
		if ((m = dict_match(o->dict, t->s + k->bs, t->len - k->bs,
		    ends_at_word, &canon, &rule)) > 0) {
			/* the entry, and so the rewrite, follows from the
			 * matched text */
			if ((mv = recall(o, 'D', t->s + k->bs, m)) == NULL) {
				buf_adds(&c, canon);
				if (all_caps(t->s + k->bs, m))
					upcase(&c, 0);
				buf_reset(&f);
				some = !(same_but_apos(t->s + k->bs, m, c.s,
				    c.len) && o->apos < 0) && final_form(o, &f,
				    t->s + k->bs, m, c.s);
				mv = remember(o, 'D', t->s + k->bs, m, some, &f,
				    rule, &v);
			}
			if (mv->n)
				emit(rw, t, k->bs, k->bs + m, mv->s, mv->len,
				    mv->rule);
			while (i < t->ntok && t->tok[i].bs < k->bs + m)
				i++;
			continue;
		}
		if (o->consistency) {
			i++;
			continue;
		}
		if (ru_initial(o, t, i, &c)) {
			replace(rw, t, k->bs, k->be, c.s, "russian-scheme");
			i++;
			continue;
		}
		if (koname_at(t, i, &kn)) {
			size_t be = t->tok[kn.last].be, klen;
			char key[64];

			/* the name's text and how it was read */
			klen = be - k->bs + 3 <= sizeof(key) ? be - k->bs + 3 : 0;
			if (klen > 0) {
				key[0] = (char)kn.nsyl;
				key[1] = (char)kn.split;
				key[2] = (char)kn.caps;
				memcpy(key + 3, t->s + k->bs, be - k->bs);
			}
			if (klen == 0 || (mv = recall(o, 'K', key, klen)) ==
			    NULL) {
				const char *r = NULL;

				buf_reset(&f);
				some = 0;
				if (korean_canonical(o, t, &kn, &c) &&
				    !(same_but_apos(t->s + k->bs, be - k->bs,
				    c.s, c.len) && o->apos < 0)) {
					char *form = xstrndup(t->s + k->bs,
					    be - k->bs);

					r = canon_difference(form, c.s,
					    "korean-scheme");
					if (strcmp(r, "spacing") == 0)
						r = "korean-hyphenation";
					some = final_form(o, &f, t->s + k->bs,
					    be - k->bs, c.s);
					free(form);
				}
				mv = remember(o, 'K', key, klen, some, &f, r,
				    &v);
			}
			if (mv->n)
				emit(rw, t, k->bs, be, mv->s, mv->len, mv->rule);
			i = kn.last + 1;
			continue;
		}
		/* Chinese: surname + hyphenated WG given name, or the reverse */
		if (tok_title(t, i) && tok_gap(t, i, " ") && i + 1 < t->ntok &&
		    tok_title(t, i + 1) && zh_surname(t->s + k->bs,
		    k->be - k->bs, o->zh == ZH_PINYIN ? ZH_WG : ZH_PINYIN)) {
			const struct tok *g = &t->tok[i + 1];
			size_t gend = g->be, last = i + 1;
			struct buf gb = { 0 };

			if (tok_gap(t, i + 1, "-") && i + 2 < t->ntok &&
			    tok_lower(t, i + 2)) {
				gend = t->tok[i + 2].be;
				last = i + 2;
			}
			/* a given name of one syllable when the name is
			 * marked Wade-Giles (Ch'en Yi) */
			if (o->zh == ZH_PINYIN && (last == i + 2 ?
			    wg_marked(t->s + g->bs, gend - g->bs) :
			    !tok_gap(t, i + 1, "-") &&
			    wg_marked(t->s + k->bs, gend - k->bs)) &&
			    zh_word_convert(&gb, t->s + k->bs, k->be - k->bs,
			    ZH_WG)) {
				buf_addc(&gb, ' ');
				if (zh_word_convert(&gb, t->s + g->bs,
				    gend - g->bs, ZH_WG)) {
					buf_cstr(&gb);
					replace(rw, t, k->bs, gend, gb.s,
					    "chinese-scheme");
					buf_free(&gb);
					i = last + 1;
					continue;
				}
			}
			buf_free(&gb);
		}
		/* Russian patronymics in Latin */
		if (tok_title(t, i) && k->ce - k->cs >= 7 &&
		    o->ru != RU_ISO9 && o->ru != RU_LC_DIACRITICS) {
			static const char *const suff[] = { "vich", "vna",
			    "ichna", NULL };
			for (j = 0; suff[j]; j++) {
				size_t sl = strlen(suff[j]);
				if (k->be - k->bs > sl && memcmp(t->s + k->be -
				    sl, suff[j], sl) == 0)
					break;
			}
			if (suff[j]) {
				ru_latin_convert(&c, t->s + k->bs,
				    k->be - k->bs, o->ru);
				replace(rw, t, k->bs, k->be, c.s,
				    "russian-scheme");
			}
		}
		i++;
	}
	buf_free(&c);
	buf_free(&f);
}


/* What differs between two forms of one name. */
const char *
canon_difference(const char *a, const char *b, const char *fallback)
{
	struct buf x = { 0 }, y = { 0 };
	const char *r = fallback;
	int pass;

	for (pass = 0; pass < 4 && r == fallback; pass++) {
		const char *p;
		buf_reset(&x);
		buf_reset(&y);
		/* 0: apostrophes; 1: + case; 2: + spaces and hyphens;
		 * 3: + diacritics */
		for (p = a; ; p = b) {
			struct buf *o = p == a ? &x : &y, t = { 0 };
			size_t i;

			apos_rewrite(&t, p, strlen(p), APOS_ASCII);
			if (pass >= 3) {
				struct buf u = { 0 };
				ascii_fold(&u, t.s, t.len);
				buf_free(&t);
				t = u;
			}
			for (i = 0; i < t.len; i++) {
				char c = t.s[i];
				if (pass >= 1 && c >= 'A' && c <= 'Z')
					c += 32;
				if (pass >= 2 && (c == ' ' || c == '-'))
					continue;
				buf_addc(o, c);
			}
			buf_cstr(o);
			buf_free(&t);
			if (p == b)
				break;
		}
		if (strcmp(x.s, y.s) == 0) {
			static const char *const names[] = { "apostrophe",
			    "case", "spacing", "diacritics" };
			r = names[pass];
		}
	}
	buf_free(&x);
	buf_free(&y);
	return r;
}

/* One name through the rewrite with the default schemes and the
 * built-in dictionary, as normalize-translit's filter does it, with the
 * aspiration marks then written as ASCII apostrophes. */
static _Thread_local struct dict *name_dict;
static _Thread_local struct text name_text;
static _Thread_local struct canon_opts name_opts = { .ru = RU_LC, .ko = KO_MR,
    .zh = ZH_PINYIN, .given = GIVEN_HYPHEN, .apos = -1 };

void
name_canonical(struct buf *out, const char *name, size_t len)
{
	struct canon_rw rw = { 0 };
	struct dict_schemes sch = { "mr", "lc", "pinyin", 1 };

	if (name_dict == NULL) {
		name_dict = dict_new(&sch);
		dict_load_text(name_dict, "(built-in)", dict_builtin,
		    strlen(dict_builtin));
		name_opts.dict = name_dict;
		name_opts.memo = memo_new();
	}
	rw.o = &name_opts;
	text_cut(&name_text, name, len);
	canon_rewrite(&rw, &name_text);
	buf_add(&rw.out, name + rw.copied, len - rw.copied);
	apos_rewrite(out, rw.out.s, rw.out.len, APOS_ASCII);
	buf_cstr(out);
	buf_free(&rw.out);
}

void
name_canonical_free(void)
{
	if (name_dict != NULL) {
		dict_free(name_dict);
		memo_free(name_opts.memo);
		name_opts.memo = NULL;
	}
	name_dict = NULL;
	text_free(&name_text);
}

