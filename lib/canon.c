/* canon.c: the rewriting pass of normalize-translit, on one piece of
 * text: words, Korean names, and the rewrite of variant spellings into
 * the chosen schemes.  name_canonical() applies it to one name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void
text_cut(struct text *t, const char *s, size_t len)
{
	size_t i = 0, n, k;
	uint32_t c;

	t->s = s;
	t->len = len;
	t->ncp = 0;
	t->ntok = 0;
	while (i < len) {
		n = utf8_decode(s + i, len - i, &c);
		if (n == 0)
			n = 1, c = 0xFFFD;
		if (t->ncp + 1 >= t->capcp) {
			t->capcp = t->capcp ? t->capcp * 2 : 256;
			t->cp = xreallocarray(t->cp, t->capcp, sizeof(*t->cp));
			t->off = xreallocarray(t->off, t->capcp,
			    sizeof(*t->off));
		}
		t->cp[t->ncp] = c;
		t->off[t->ncp++] = i;
		i += n;
	}
	if (t->capcp == 0) {
		t->capcp = 16;
		t->cp = xreallocarray(t->cp, t->capcp, sizeof(*t->cp));
		t->off = xreallocarray(t->off, t->capcp, sizeof(*t->off));
	}
	t->off[t->ncp] = len;
	for (i = 0; i < t->ncp; ) {
		if (!cp_is_letter(t->cp[i])) {
			i++;
			continue;
		}
		k = i + 1;
		for (;;) {
			if (k < t->ncp && inword(t->cp[k])) {
				k++;
				continue;
			}
			/* an apostrophe between letters, but not 's */
			if (k + 1 < t->ncp && cp_is_apos(t->cp[k]) &&
			    t->cp[k] != 0x2BA && cp_is_letter(t->cp[k + 1]) &&
			    !(t->cp[k + 1] == 's' && (k + 2 >= t->ncp ||
			    !cp_is_letter(t->cp[k + 2])))) {
				k += 2;
				continue;
			}
			/* the soft sign ʹ ends a word too (Gogolʹ) */
			if (k < t->ncp && (t->cp[k] == 0x2B9 || t->cp[k] == 0x2BA)) {
				k++;
				continue;
			}
			break;
		}
		if (t->ntok == t->captok) {
			t->captok = t->captok ? t->captok * 2 : 64;
			t->tok = xreallocarray(t->tok, t->captok,
			    sizeof(*t->tok));
		}
		t->tok[t->ntok].cs = i;
		t->tok[t->ntok].ce = k;
		t->tok[t->ntok].bs = t->off[i];
		t->tok[t->ntok].be = t->off[k];
		t->ntok++;
		i = k;
	}
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
	const struct tok *k = &t->tok[i];
	size_t j;

	if (!cp_is_upper(t->cp[k->cs]))
		return 0;
	for (j = k->cs + 1; j < k->ce; j++)
		if (cp_is_upper(t->cp[j]))
			return 0;
	return 1;
}

int
tok_caps(const struct text *t, size_t i)
{
	const struct tok *k = &t->tok[i];
	size_t j, letters = 0;

	for (j = k->cs; j < k->ce; j++) {
		if (cp_is_lower(t->cp[j]))
			return 0;
		letters += cp_is_upper(t->cp[j]);
	}
	return letters >= 1;
}

int
tok_lower(const struct text *t, size_t i)
{
	const struct tok *k = &t->tok[i];
	size_t j;

	for (j = k->cs; j < k->ce; j++)
		if (cp_is_upper(t->cp[j]))
			return 0;
	return 1;
}

int
tok_gap(const struct text *t, size_t i, const char *gap)
{
	size_t n = strlen(gap);

	if (i + 1 >= t->ntok)
		return 0;
	return t->tok[i + 1].bs - t->tok[i].be == n &&
	    memcmp(t->s + t->tok[i].be, gap, n) == 0;
}

static int
tok_latin(const struct text *t, size_t i)
{
	return !is_cyrillic(t->cp[t->tok[i].cs]);
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

static void
replace(struct canon_rw *rw, const struct text *t, size_t bs, size_t be,
    const char *canonical, const char *rule)
{
	struct buf c = { 0 };

	finish_form(rw->o, &c, t->s + bs, be - bs, canonical);
	if (c.len == be - bs && memcmp(c.s, t->s + bs, c.len) == 0) {
		buf_free(&c);
		return;
	}
	if (rw->report != NULL)
		rw->report(rw->arg, t, bs, be, c.s, c.len, rule);
	else {
		buf_add(&rw->out, t->s + rw->copied, bs - rw->copied);
		buf_add(&rw->out, c.s, c.len);
		rw->copied = be;
		rw->changed = 1;
	}
	buf_free(&c);
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
	if (!ko_given_convert(c, syl, len, n, o->ko, o->given, o->breves))
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

static char **zh_surname_forms[2];

static void
zh_free_surnames(void)
{
	int s, i;

	for (s = 0; s < 2; s++) {
		for (i = 0; zh_surname_forms[s] && zh_surname_forms[s][i]; i++)
			free(zh_surname_forms[s][i]);
		free(zh_surname_forms[s]);
	}
}

int
zh_surname(const char *s, size_t n, int scheme)
{
	struct buf b = { 0 };
	size_t count = sizeof(canon_zh_surnames) /
	    sizeof(canon_zh_surnames[0]);
	int i, k;

	if (zh_surname_forms[0] == NULL) {
		for (k = 0; k < 2; k++) {
			zh_surname_forms[k] = xcalloc(count, sizeof(char *));
			for (i = 0; canon_zh_surnames[i]; i++) {
				buf_reset(&b);
				if (k == ZH_PINYIN)
					buf_adds(&b, canon_zh_surnames[i]);
				else if (!zh_word_convert(&b,
				    canon_zh_surnames[i],
				    strlen(canon_zh_surnames[i]), ZH_PINYIN))
					buf_adds(&b, canon_zh_surnames[i]);
				zh_surname_forms[k][i] = buf_take(&b);
			}
		}
		atexit(zh_free_surnames);
	}
	for (i = 0; zh_surname_forms[scheme][i]; i++)
		if (strlen(zh_surname_forms[scheme][i]) == n &&
		    strncmp(zh_surname_forms[scheme][i], s, n) == 0)
			return 1;
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

void
canon_rewrite(struct canon_rw *rw, const struct text *t)
{
	const struct canon_opts *o = rw->o;
	struct buf c = { 0 };
	struct koname kn;
	const char *canon, *rule;
	size_t i = 0, m, j;
	const struct tok *k;

	while (i < t->ntok) {
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
			buf_adds(&c, canon);
			if (all_caps(t->s + k->bs, m))
				upcase(&c, 0);
			if (!(same_but_apos(t->s + k->bs, m, c.s, c.len) &&
			    o->apos < 0))
				replace(rw, t, k->bs, k->bs + m, c.s, rule);
			while (i < t->ntok && t->tok[i].bs < k->bs + m)
				i++;
			continue;
		}
		if (o->consistency) {
			i++;
			continue;
		}
		if (koname_at(t, i, &kn)) {
			size_t be = t->tok[kn.last].be;
			if (korean_canonical(o, t, &kn, &c) && !(same_but_apos(
			    t->s + k->bs, be - k->bs, c.s, c.len) &&
			    o->apos < 0))
			{
				char *form = xstrndup(t->s + k->bs, be - k->bs);
				const char *r = canon_difference(form, c.s,
				    "korean-scheme");

				if (strcmp(r, "spacing") == 0)
					r = "korean-hyphenation";
				replace(rw, t, k->bs, be, c.s, r);
				free(form);
			}
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
			if (o->zh == ZH_PINYIN && last == i + 2 &&
			    wg_marked(t->s + g->bs, gend - g->bs) &&
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
static struct dict *name_dict;
static struct text name_text;

void
name_canonical(struct buf *out, const char *name, size_t len)
{
	static struct canon_opts o = { .ru = RU_LC, .ko = KO_MR,
	    .zh = ZH_PINYIN, .given = GIVEN_HYPHEN, .apos = -1 };
	struct canon_rw rw = { 0 };
	struct dict_schemes sch = { "mr", "lc", "pinyin", 1 };

	if (name_dict == NULL) {
		name_dict = dict_new(&sch);
		dict_load_text(name_dict, "(built-in)", dict_builtin,
		    strlen(dict_builtin));
		o.dict = name_dict;
	}
	rw.o = &o;
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
	if (name_dict != NULL)
		dict_free(name_dict);
	name_dict = NULL;
	text_free(&name_text);
}

