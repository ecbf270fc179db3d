/* consist.c: --consistency, the forms of the input compared among
 * themselves, without a dictionary.
 *
 * Three kinds of evidence are gathered in the one pass over the text:
 * Korean names (surname + given syllables), capitalized words, and runs
 * of transliterated Russian (an italic or bracketed phrase).  Forms that
 * share a loose key (case, spacing, hyphens, apostrophes, diacritics and
 * scheme spellings folded) are one name; the most frequent form is
 * suggested for the others.  The key keeps every given-name syllable, so
 * Kim Il and Kim Il Sung, or Pak Song Ch'ol and Pak Yong-guk, never meet.
 * Memory grows with the distinct forms and their occurrences, not with
 * the text. */
#include <stdlib.h>
#include <string.h>

#include "nt.h"
#include "table.h"
#include "translit.h"
#include "utf8.h"
#include "util.h"

enum kind { K_KOREAN, K_CHINESE, K_WORD };

struct occ {
	int  file;
	long line, col;
};

struct form {
	int         kind;
	char       *s;
	char       *key;
	long        count;
	long        order;
	size_t      ncp;
	struct occ *occ;
	size_t      nocc, capocc;
	int         marks;
	/* K_WORD: the names that follow it (Yuri Andropov), and how often
	 * it stands without one */
	char      **next;
	size_t      nnext;
	long        bare;
};

/* At most this many following names are kept per word; more count as
 * bare, since a word before many names tells nothing. */
#define MAXNEXT	8

struct runword {
	char       *s;
	int         marks;
	struct occ  occ;
	long        run;
};

struct rep {
	struct occ  occ;
	char       *form, *canonical;
	const char *rule;
};

static struct form **forms;
static size_t nforms, capforms;
static size_t *hash;		/* index + 1 into forms, 0 empty */
static size_t hashcap;
static long order;

static struct runword *runwords;
static size_t nrunwords, caprunwords;
static long nruns, tally_bgn, tally_lc;

static char **files;
static size_t nfilenames;

static char *used;		/* tokens of a line taken by a name (1) or
				 * in a URL or e-mail address (USED_URL) */
enum { USED_URL = 2 };

/* Words the input writes in lower case: ordinary words, not names. */
static char **lowset;
static size_t nlow, caplow;
static size_t capused;

static struct rep *reps;
static size_t nreps, capreps;

static unsigned long
strhash(int kind, const char *s)
{
	unsigned long h = 5381u + (unsigned long)kind;

	while (*s)
		h = h * 33u ^ (unsigned char)*s++;
	return h;
}

static void
rehash(void)
{
	size_t i, h;

	free(hash);
	hashcap = hashcap ? hashcap * 2 : 1024;
	hash = xcalloc(hashcap, sizeof(*hash));
	for (i = 0; i < nforms; i++) {
		h = strhash(forms[i]->kind, forms[i]->s) & (hashcap - 1);
		while (hash[h])
			h = (h + 1) & (hashcap - 1);
		hash[h] = i + 1;
	}
}

static struct form *
form_get(int kind, const char *s, size_t n)
{
	char *str = xstrndup(s, n);
	size_t h;
	struct form *f;

	if ((nforms + 1) * 2 > hashcap)
		rehash();
	h = strhash(kind, str) & (hashcap - 1);
	while (hash[h]) {
		f = forms[hash[h] - 1];
		if (f->kind == kind && strcmp(f->s, str) == 0) {
			free(str);
			return f;
		}
		h = (h + 1) & (hashcap - 1);
	}
	f = xcalloc(1, sizeof(*f));
	f->kind = kind;
	f->s = str;
	f->order = order++;
	f->ncp = utf8_count(str, n);
	if (nforms == capforms) {
		capforms = capforms ? capforms * 2 : 1024;
		forms = xreallocarray(forms, capforms, sizeof(*forms));
	}
	forms[nforms++] = f;
	hash[h] = nforms;
	return f;
}

static void
form_seen(struct form *f, int file, long line, long col)
{
	if (f->nocc == f->capocc) {
		f->capocc = f->capocc ? f->capocc * 2 : 4;
		f->occ = xreallocarray(f->occ, f->capocc, sizeof(*f->occ));
	}
	f->occ[f->nocc].file = file;
	f->occ[f->nocc].line = line;
	f->occ[f->nocc].col = col;
	f->nocc++;
	f->count++;
}

static int
low_find(const char *s, size_t n, size_t *slot)
{
	size_t h = 5381u, i;

	for (i = 0; i < n; i++)
		h = h * 33u ^ (unsigned char)s[i];
	for (h &= caplow - 1; lowset[h]; h = (h + 1) & (caplow - 1))
		if (strncmp(lowset[h], s, n) == 0 && lowset[h][n] == '\0')
			break;
	*slot = h;
	return lowset[h] != NULL;
}

static void
low_add(const char *s, size_t n)
{
	size_t slot, i;
	char **old = lowset;
	size_t oldcap = caplow;

	if ((nlow + 1) * 2 > caplow) {
		caplow = caplow ? caplow * 2 : 4096;
		lowset = xcalloc(caplow, sizeof(*lowset));
		for (i = 0; i < oldcap; i++)
			if (old[i]) {
				low_find(old[i], strlen(old[i]), &slot);
				lowset[slot] = old[i];
			}
		free(old);
	}
	if (!low_find(s, n, &slot)) {
		lowset[slot] = xstrndup(s, n);
		nlow++;
	}
}

/* Is the form, lower-cased, a word the input also writes in lower case? */
static int
ordinary_word(const char *s)
{
	struct buf b = { 0 };
	size_t slot, i;
	int r = 0;

	if (caplow == 0)
		return 0;
	buf_adds(&b, s);
	for (i = 0; i < b.len; i++)
		if (b.s[i] >= 'A' && b.s[i] <= 'Z')
			b.s[i] += 32;
	if (b.len > 0)
		r = low_find(b.s, b.len, &slot);
	buf_free(&b);
	return r;
}

/* The name after word i (initials such as "V." skipped), as the index
 * of its token, or 0 when the word stands alone. */
static size_t
next_name(const struct text *t, size_t i)
{
	size_t j = i;

	while (j + 1 < t->ntok) {
		const struct tok *n = &t->tok[j + 1];

		if (!tok_gap(t, j, " ") && !(j > i && tok_gap(t, j, ". ")))
			return 0;
		if (!tok_title(t, j + 1) && !tok_caps(t, j + 1))
			return 0;
		if (n->ce - n->cs == 1 && n->be < t->len &&
		    t->s[n->be] == '.') {
			j++;
			continue;
		}
		return n->ce - n->cs >= 2 && tok_title(t, j + 1) ? j + 1 : 0;
	}
	return 0;
}

static void
form_next(struct form *f, const struct text *t, size_t i)
{
	size_t j = next_name(t, i), k;
	const struct tok *n;
	struct buf key = { 0 };

	if (j == 0 || f->nnext == MAXNEXT) {
		f->bare++;
		return;
	}
	/* by its loose key: Fyodor Dostoevsky, Fedor Dostoyevsky */
	n = &t->tok[j];
	ru_latin_key(&key, t->s + n->bs, n->be - n->bs);
	for (k = 0; k < f->nnext; k++)
		if (strcmp(f->next[k], key.s) == 0)
			break;
	if (k == f->nnext) {
		f->next = xreallocarray(f->next, f->nnext + 1,
		    sizeof(*f->next));
		f->next[f->nnext++] = buf_take(&key);
	}
	buf_free(&key);
}

/* Does the rare form always name someone the common form never names
 * (Sergei Goncharov, Sergey Radchenko)? */
static int
other_person(const struct form *rare, const struct form *common)
{
	size_t i, j;

	if (rare->bare > 0 || rare->nnext == 0)
		return 0;
	for (i = 0; i < rare->nnext; i++)
		for (j = 0; j < common->nnext; j++)
			if (strcmp(rare->next[i], common->next[j]) == 0)
				return 0;
	return 1;
}

void
consist_init(void)
{
}

static const char *const stopwords[] = { "the", "of", "and", "to", "a",
    "in", "is", "that", "for", "with", "on", "by", "as", "was", "are",
    "be", "it", "this", "from", "at", "or", "an", "not", "we", "he",
    "they", "you", "his", "her", "their", "our", "has", "have", "had",
    "will", "would", "but", "if", "which", "who", "what", "all", "sic",
    "etc", NULL };

static int
stopword(const char *s, size_t n)
{
	int i;
	size_t j;

	for (i = 0; stopwords[i]; i++) {
		if (strlen(stopwords[i]) != n)
			continue;
		for (j = 0; j < n; j++)
			if ((s[j] | 0x20) != stopwords[i][j])
				break;
		if (j == n)
			return 1;
	}
	return 0;
}

/* Spelling that only transliterated Russian has. */
static int
looks_russian(const char *s, size_t n)
{
	static const char *const pats[] = { "kh", "zh", "shch", "cht", "sch",
	    "ts", NULL };
	int i;
	size_t j, pl;

	if (ru_latin_marks(s, n))
		return 1;
	for (i = 0; pats[i]; i++) {
		pl = strlen(pats[i]);
		for (j = 0; j + pl <= n; j++)
			if (strncmp(s + j, pats[i], pl) == 0)
				return 1;
	}
	if (n >= 3 && (strncmp(s + n - 2, "yi", 2) == 0 ||
	    strncmp(s + n - 2, "yy", 2) == 0))
		return 1;
	return 0;
}

static int
opens_run(uint32_t c)
{
	return c == '*' || c == '[' || c == 0xAB || c == '"' || c == 0x201C ||
	    c == '(' || c == '_';
}

static int
closes_run(uint32_t c)
{
	return c == '*' || c == ']' || c == 0xBB || c == '"' || c == 0x201D ||
	    c == ')' || c == '_';
}

static void
find_runs(int fileno, long lineno, const struct text *t, const char *used)
{
	size_t i = 0, j, k, nrus;
	int stop;

	while (i < t->ntok) {
		const struct tok *a = &t->tok[i];

		if (used[i] || a->cs == 0 || !opens_run(t->cp[a->cs - 1])) {
			i++;
			continue;
		}
		/* the words up to the closing mark, one space apart */
		for (j = i; j + 1 < t->ntok && tok_gap(t, j, " ") &&
		    !used[j + 1]; j++)
			;
		if (t->tok[j].ce >= t->ncp || !closes_run(t->cp[t->tok[j].ce]) ||
		    j == i) {
			i = j + 1;
			continue;
		}
		nrus = 0;
		stop = 0;
		for (k = i; k <= j; k++) {
			const struct tok *w = &t->tok[k];
			if (stopword(t->s + w->bs, w->be - w->bs) ||
			    is_cyrillic(t->cp[w->cs]))
				stop = 1;
			nrus += looks_russian(t->s + w->bs, w->be - w->bs);
		}
		if (!stop && nrus * 2 >= j - i + 1) {
			nruns++;
			for (k = i; k <= j; k++) {
				const struct tok *w = &t->tok[k];
				int m = ru_latin_marks(t->s + w->bs,
				    w->be - w->bs);
				struct runword *rw;

				if (m == 0 || m == (RU_MARK_BGN | RU_MARK_LC))
					continue;
				if (m == RU_MARK_BGN)
					tally_bgn++;
				else
					tally_lc++;
				if (nrunwords == caprunwords) {
					caprunwords = caprunwords ?
					    caprunwords * 2 : 64;
					runwords = xreallocarray(runwords,
					    caprunwords, sizeof(*runwords));
				}
				rw = &runwords[nrunwords++];
				rw->s = xstrndup(t->s + w->bs, w->be - w->bs);
				rw->marks = m;
				rw->occ.file = fileno;
				rw->occ.line = lineno;
				rw->occ.col = (long)(t->colbase + w->cs) + 1;
				rw->run = nruns;
			}
		}
		i = j + 1;
	}
}

static void
lower_ascii(struct buf *b, size_t from)
{
	size_t i;

	for (i = from; i < b->len; i++)
		if (b->s[i] >= 'A' && b->s[i] <= 'Z')
			b->s[i] += 32;
}

/* A Chinese name from token i (surname, given name in Wade-Giles with a
 * hyphen or in pinyin): its pinyin as the key; the last token, or 0. */
static size_t
chinese_key(const struct text *t, size_t i, struct buf *key)
{
	const struct tok *s = &t->tok[i], *g = &t->tok[i + 1];
	size_t last = i + 1, gend = g->be;
	int wg;

	if (!tok_title(t, i) || !tok_gap(t, i, " ") || !tok_title(t, i + 1))
		return 0;
	wg = tok_gap(t, i + 1, "-") && i + 2 < t->ntok && tok_lower(t, i + 2);
	if (wg) {
		last = i + 2;
		gend = t->tok[i + 2].be;
		if (i + 3 < t->ntok && tok_gap(t, i + 2, "-"))
			return 0;
	}
	buf_reset(key);
	if (wg) {
		if (!zh_surname(t->s + s->bs, s->be - s->bs, ZH_WG) &&
		    !zh_surname(t->s + s->bs, s->be - s->bs, ZH_PINYIN))
			return 0;
		if (!zh_word_convert(key, t->s + s->bs, s->be - s->bs, ZH_WG))
			return 0;
		buf_addc(key, ' ');
		if (!zh_word_convert(key, t->s + g->bs, gend - g->bs, ZH_WG))
			return 0;
	} else {
		struct buf tmp = { 0 };
		int ok;

		if (!zh_surname(t->s + s->bs, s->be - s->bs, ZH_PINYIN))
			return 0;
		/* the given name must split into pinyin syllables */
		ok = g->ce - g->cs >= 2 && zh_word_convert(&tmp,
		    t->s + g->bs, g->be - g->bs, ZH_PINYIN);
		buf_free(&tmp);
		if (!ok)
			return 0;
		buf_add(key, t->s + s->bs, s->be - s->bs);
		buf_addc(key, ' ');
		buf_add(key, t->s + g->bs, g->be - g->bs);
	}
	lower_ascii(key, 0);
	buf_cstr(key);
	return last;
}

static void
korean_seen(const struct text *t, const struct koname *kn, int fileno,
    long lineno, long col)
{
	struct buf key = { 0 };
	struct form *f;

	koname_key(t, kn, &key);
	f = form_get(K_KOREAN, t->s + t->tok[kn->first].bs,
	    t->tok[kn->last].be - t->tok[kn->first].bs);
	if (f->key == NULL)
		f->key = xstrdup(buf_cstr(&key));
	form_seen(f, fileno, lineno, col);
	buf_free(&key);
}

/* A Korean name broken by a line wrap ("Pak Song" / "Ch'ol said"): the
 * tokens that end a line with a surname and at most one syllable wait
 * for the next line. */
static struct {
	int        active, file;
	long       line, col;
	struct buf s;
} pend;

/* The first token of the trailing part of a name at the end of the
 * line, or t->ntok. */
static size_t
wrap_tail(const struct text *t)
{
	size_t n = t->ntok, ts, j, e;

	if (n == 0)
		return n;
	/* only white space, or a hyphen, after the last word */
	e = t->tok[n - 1].be;
	if (e < t->len && t->s[e] == '-')
		e++;
	for (; e < t->len; e++)
		if (t->s[e] != ' ' && t->s[e] != '\t')
			return n;
	for (ts = n >= 2 ? n - 2 : 0; ts < n; ts++) {
		const struct tok *k = &t->tok[ts];

		if ((!tok_title(t, ts) && !tok_caps(t, ts)) ||
		    is_cyrillic(t->cp[k->cs]) || k->ce - k->cs < 2 ||
		    ko_surname(t->s + k->bs, k->be - k->bs) < 0)
			continue;
		if (k->bs > 0 && (t->s[k->bs - 1] == '-' ||
		    t->s[k->bs - 1] == '\''))
			continue;
		for (j = ts + 1; j < n; j++)
			if (!tok_gap(t, j - 1, " ") || !ko_syllable(t->s +
			    t->tok[j].bs, t->tok[j].be - t->tok[j].bs))
				break;
		if (j == n)
			return ts;
	}
	return n;
}

static void
pend_alone(void)
{
	struct text jt = { 0 };
	struct koname kn;

	text_cut(&jt, pend.s.s, pend.s.len);
	if (jt.ntok > 0 && koname_at(&jt, 0, &kn))
		korean_seen(&jt, &kn, pend.file, pend.line, pend.col);
	text_free(&jt);
	pend.active = 0;
}

/* The words of this line that finish the waiting name: their count. */
static size_t
wrapped_head(int fileno, long lineno, const struct text *t)
{
	struct text jt = { 0 };
	struct buf j = { 0 };
	struct koname kn;
	size_t tail_len, m = 0, i, end;

	if (!pend.active)
		return 0;
	if (pend.file != fileno || lineno != pend.line + 1 || t->ntok == 0 ||
	    t->tok[0].bs != strspn(t->s, " \t")) {
		pend_alone();
		return 0;
	}
	buf_add(&j, pend.s.s, pend.s.len);
	if (pend.s.s[pend.s.len - 1] != '-')
		buf_addc(&j, ' ');
	tail_len = j.len;
	end = t->tok[t->ntok < 3 ? t->ntok - 1 : 2].be;
	buf_add(&j, t->s + t->tok[0].bs, end - t->tok[0].bs);
	text_cut(&jt, j.s, j.len);
	if (koname_at(&jt, 0, &kn) && jt.tok[kn.last].bs >= tail_len) {
		korean_seen(&jt, &kn, pend.file, pend.line, pend.col);
		for (i = 0; i <= kn.last; i++)
			m += jt.tok[i].bs >= tail_len;
		pend.active = 0;
	} else
		pend_alone();
	text_free(&jt);
	buf_free(&j);
	return m;
}

void
consist_line(const char *file, int fileno, long lineno, const struct text *t)
{
	struct koname kn;
	struct buf key = { 0 };
	struct form *f;
	size_t i, k, head, tail;

	if ((size_t)fileno >= nfilenames) {
		files = xreallocarray(files, (size_t)fileno + 1, sizeof(*files));
		while (nfilenames <= (size_t)fileno)
			files[nfilenames++] = NULL;
	}
	if (files[fileno] == NULL)
		files[fileno] = xstrdup(file);
	if (t->ntok + 1 > capused) {
		capused = t->ntok + 64;
		used = xrealloc(used, capused);
	}
	memset(used, 0, t->ntok + 1);
	text_mark_urls(t, used, USED_URL);
	head = wrapped_head(fileno, lineno, t);
	tail = wrap_tail(t);
	for (k = 0; k < head; k++)
		used[k] = 1;
	for (k = tail; k < t->ntok; k++)
		used[k] = 1;
	for (i = head; i < tail; i++) {
		if (used[i] || !koname_at(t, i, &kn) || kn.last >= tail)
			continue;
		korean_seen(t, &kn, fileno, lineno,
		    (long)(t->colbase + t->tok[i].cs) + 1);
		for (k = i; k <= kn.last; k++)
			used[k] = 1;
		i = kn.last;
	}
	if (tail < t->ntok) {
		pend.active = 1;
		pend.file = fileno;
		pend.line = lineno;
		pend.col = (long)(t->colbase + t->tok[tail].cs) + 1;
		buf_reset(&pend.s);
		buf_add(&pend.s, t->s + t->tok[tail].bs,
		    t->tok[t->ntok - 1].be - t->tok[tail].bs);
		if (t->tok[t->ntok - 1].be < t->len &&
		    t->s[t->tok[t->ntok - 1].be] == '-')
			buf_addc(&pend.s, '-');
		buf_cstr(&pend.s);
	}
	for (i = 0; i + 1 < t->ntok; i++) {
		size_t last;

		if (used[i] || used[i + 1] || (last = chinese_key(t, i, &key)) == 0)
			continue;
		f = form_get(K_CHINESE, t->s + t->tok[i].bs,
		    t->tok[last].be - t->tok[i].bs);
		if (f->key == NULL)
			f->key = xstrdup(buf_cstr(&key));
		form_seen(f, fileno, lineno,
		    (long)(t->colbase + t->tok[i].cs) + 1);
		for (k = i; k <= last; k++)
			used[k] = 1;
		i = last;
	}
	for (i = 0; i < t->ntok; i++) {
		const struct tok *w = &t->tok[i];

		if (used[i] == USED_URL)
			continue;
		if (w->ce - w->cs >= 4 && t->cp[w->cs] >= 'a' &&
		    t->cp[w->cs] <= 'z' && tok_lower(t, i)) {
			low_add(t->s + w->bs, w->be - w->bs);
			continue;
		}
		if (used[i] || !tok_title(t, i) || w->ce - w->cs < 4 ||
		    is_cyrillic(t->cp[w->cs]))
			continue;
		/* a word inside a hyphenated compound is not a name */
		if ((w->bs > 0 && t->s[w->bs - 1] == '-') ||
		    (w->be < t->len && t->s[w->be] == '-'))
			continue;
		f = form_get(K_WORD, t->s + w->bs, w->be - w->bs);
		if (f->key == NULL) {
			buf_reset(&key);
			ru_latin_key(&key, f->s, strlen(f->s));
			f->key = xstrdup(buf_cstr(&key));
		}
		form_seen(f, fileno, lineno, (long)(t->colbase + w->cs) + 1);
		form_next(f, t, i);
	}
	find_runs(fileno, lineno, t, used);
	buf_free(&key);
}

static void
add_rep(const struct occ *o, const char *form, const char *canonical,
    const char *rule)
{
	if (nreps == capreps) {
		capreps = capreps ? capreps * 2 : 64;
		reps = xreallocarray(reps, capreps, sizeof(*reps));
	}
	reps[nreps].occ = *o;
	reps[nreps].form = xstrdup(form);
	reps[nreps].canonical = xstrdup(canonical);
	reps[nreps].rule = rule;
	nreps++;
}

static int
cmp_key(const void *a, const void *b)
{
	const struct form *x = *(struct form *const *)a;
	const struct form *y = *(struct form *const *)b;
	int c;

	if (x->kind != y->kind)
		return x->kind - y->kind;
	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
cmp_rep(const void *a, const void *b)
{
	const struct rep *x = a, *y = b;

	if (x->occ.file != y->occ.file)
		return x->occ.file - y->occ.file;
	if (x->occ.line != y->occ.line)
		return x->occ.line < y->occ.line ? -1 : 1;
	if (x->occ.col != y->occ.col)
		return x->occ.col < y->occ.col ? -1 : 1;
	return strcmp(x->form, y->form);
}

static void
report_group(struct form **g, size_t n, const char *rule)
{
	size_t i, j, best = 0;

	for (i = 1; i < n; i++)
		if (g[i]->count > g[best]->count || (g[i]->count ==
		    g[best]->count && g[i]->order < g[best]->order))
			best = i;
	for (i = 0; i < n; i++) {
		if (i == best)
			continue;
		/* ordinary words and different people's names */
		if (g[i]->kind == K_WORD && (ordinary_word(g[i]->s) ||
		    ordinary_word(g[best]->s) || other_person(g[i], g[best])))
			continue;
		for (j = 0; j < g[i]->nocc; j++)
			add_rep(&g[i]->occ[j], g[i]->s, g[best]->s,
			    canon_difference(g[i]->s, g[best]->s, rule));
	}
}

/* One edit apart, on a consonant that is not part of a transliteration
 * digraph, away from the ending (Soviet/Soviets, -ist/-ism)? */
static int
near_miss(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0, j;
	char c;

	if (la == lb || (la + 1 != lb && lb + 1 != la)) {
		/* substitutions are left alone: too many real names
		 * differ in one letter */
		return 0;
	}
	if (la > lb) {
		const char *t = a;
		a = b;
		b = t;
		la = strlen(a);
		lb = strlen(b);
	}
	while (i < la && a[i] == b[i])
		i++;
	if (strcmp(a + i, b + i + 1) != 0)
		return 0;
	c = b[i];
	if ((unsigned char)c >= 0x80 || strchr("aeiouyhjwAEIOUYHJW'", c))
		return 0;
	if (i + 1 >= lb || i < 2)
		return 0;	/* Soviet/Soviets */
	if (i + 2 >= lb && b[lb - 1] == 's')
		return 0;	/* Koreas/Koreans */
	for (j = 0; j < lb; j++)
		if ((unsigned char)b[j] >= 0x80)
			return 0;
	/* next to an h: kh/h, sh/s, zh/z are scheme differences */
	if (b[i + 1] == 'h' || (i > 0 && b[i - 1] == 'h'))
		return 0;
	/* a consonant doubled before an English ending is a spelling
	 * convention (Counsellor/Counselor, Travelled/Traveled) */
	if ((b[i] == b[i + 1] || b[i] == b[i - 1]) && (b[i] == 'l' ||
	    b[i] == 's' || b[i] == 'm' || b[i] == 't')) {
		static const char *const endings[] = { "ed", "ing", "er", "or",
		    "ers", "ors", "ist", "ists", "ment", "e", "es", NULL };
		const char *rest = b + i + 1 + (b[i] == b[i + 1]);
		for (j = 0; endings[j]; j++)
			if (strcmp(rest, endings[j]) == 0)
				return 0;
	}
	/* a doubled letter dropped or added is a misspelling; any other
	 * inserted consonant too, but only between two consonants or
	 * after a vowel before a consonant */
	return 1;
}

/* Same first two bytes, then by length: near misses are neighbours. */
static int
cmp_prefix_len(const void *a, const void *b)
{
	const struct form *x = *(struct form *const *)a;
	const struct form *y = *(struct form *const *)b;
	int c = strncmp(x->s, y->s, 2);
	size_t lx = strlen(x->s), ly = strlen(y->s);

	if (c)
		return c;
	return lx < ly ? -1 : lx > ly;
}

static void
soft_pair(struct form *rare, struct form *common)
{
	size_t k;

	if (common->count < 3 || rare->count * 3 > common->count)
		return;
	if (strcmp(rare->key, common->key) == 0)
		return;
	if (!near_miss(rare->s, common->s))
		return;
	if (ordinary_word(rare->s) || ordinary_word(common->s))
		return;
	for (k = 0; k < rare->nocc; k++)
		add_rep(&rare->occ[k], rare->s, common->s, "misspelling");
}

static void
soft_rule(void)
{
	struct form **w = xreallocarray(NULL, nforms ? nforms : 1, sizeof(*w));
	size_t n = 0, i, j, li, lj;

	for (i = 0; i < nforms; i++)
		if (forms[i]->kind == K_WORD && forms[i]->ncp >= 6)
			w[n++] = forms[i];
	if (n > 1)
		qsort(w, n, sizeof(*w), cmp_prefix_len);
	for (i = 0; i < n; i++) {
		li = strlen(w[i]->s);
		for (j = i + 1; j < n && strncmp(w[i]->s, w[j]->s, 2) == 0;
		    j++) {
			lj = strlen(w[j]->s);
			if (lj > li + 1)
				break;
			if (lj == li + 1) {
				soft_pair(w[i], w[j]);
				soft_pair(w[j], w[i]);
			}
		}
	}
	free(w);
}

static void
scheme_mix(void)
{
	size_t i, j;
	long run;
	int has_bgn, has_lc, report_mark;
	struct buf c = { 0 };

	for (i = 0; i < nrunwords; i = j) {
		run = runwords[i].run;
		has_bgn = has_lc = 0;
		for (j = i; j < nrunwords && runwords[j].run == run; j++) {
			has_bgn |= runwords[j].marks == RU_MARK_BGN;
			has_lc |= runwords[j].marks == RU_MARK_LC;
		}
		if (!has_bgn || !has_lc)
			continue;
		/* the scheme the input prefers decides; a tie reports both */
		report_mark = tally_bgn > tally_lc ? RU_MARK_LC :
		    tally_lc > tally_bgn ? RU_MARK_BGN : 0;
		for (size_t k = i; k < j; k++) {
			struct runword *rw = &runwords[k];

			if (report_mark && rw->marks != report_mark)
				continue;
			buf_reset(&c);
			ru_latin_convert(&c, rw->s, strlen(rw->s),
			    rw->marks == RU_MARK_BGN ? RU_LC : RU_BGN);
			add_rep(&rw->occ, rw->s, buf_cstr(&c),
			    "russian-scheme");
		}
	}
	buf_free(&c);
}

void
consist_finish(void)
{
	struct form **sorted;
	size_t i, j;

	if (pend.active)
		pend_alone();
	buf_free(&pend.s);
	sorted = xreallocarray(NULL, nforms ? nforms : 1, sizeof(*sorted));
	if (nforms > 0) {
		memcpy(sorted, forms, nforms * sizeof(*sorted));
		qsort(sorted, nforms, sizeof(*sorted), cmp_key);
	}
	for (i = 0; i < nforms; i = j) {
		for (j = i + 1; j < nforms && sorted[j]->kind == sorted[i]->kind &&
		    strcmp(sorted[j]->key, sorted[i]->key) == 0; j++)
			;
		if (j - i < 2)
			continue;
		report_group(sorted + i, j - i, sorted[i]->kind == K_KOREAN ?
		    "korean-scheme" : sorted[i]->kind == K_CHINESE ?
		    "chinese-scheme" : "russian-scheme");
	}
	free(sorted);
	if (opt.soft)
		soft_rule();
	scheme_mix();
	if (nreps > 1)
		qsort(reps, nreps, sizeof(*reps), cmp_rep);
	for (i = 0; i < nreps; i++) {
		nt_report(files[reps[i].occ.file], reps[i].occ.line,
		    reps[i].occ.col, reps[i].form, strlen(reps[i].form),
		    reps[i].canonical, reps[i].rule);
		out_check();
	}
	for (i = 0; i < nreps; i++) {
		free(reps[i].form);
		free(reps[i].canonical);
	}
	free(reps);
	for (i = 0; i < nforms; i++) {
		free(forms[i]->s);
		free(forms[i]->key);
		free(forms[i]->occ);
		for (j = 0; j < forms[i]->nnext; j++)
			free(forms[i]->next[j]);
		free(forms[i]->next);
		free(forms[i]);
	}
	free(forms);
	free(hash);
	for (i = 0; i < nrunwords; i++)
		free(runwords[i].s);
	free(runwords);
	for (i = 0; i < nfilenames; i++)
		free(files[i]);
	free(files);
	free(used);
	for (i = 0; i < caplow; i++)
		free(lowset[i]);
	free(lowset);
}
