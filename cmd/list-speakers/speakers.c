/* speakers.c: parties, attendees, signatories and speech in one document.
 *
 * The title (and an inner "RECORD OF CONVERSATION between ..." header)
 * names the parties; the body is read paragraph by paragraph and
 * sentence by sentence for speech acts (a verb with its speaker before
 * or after it, a labelled turn), presence, interpretation and recording
 * clauses, and every mention of a person; signature blocks are read
 * line by line.  Forms of one person are merged with name_same_parsed(). */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "canon.h"
#include "names.h"
#include "rx.h"
#include "speakers.h"
#include "utf8.h"
#include "util.h"

#define MAX_PERSONS 400

enum role { R_PARTICIPANT, R_AUTHOR, R_ATTENDEE, R_INTERPRETER,
	R_RECORDER, R_SIGNATORY, R_MENTIONED, NROLES };
static const char *const role_names[] = { "participant", "author",
    "attendee", "interpreter", "recorder", "signatory", "mentioned" };

/* one form of a person's name, as met */
struct form {
	char     *text;
	size_t    len;		/* of text */
	struct name_parsed *parsed;
	uint32_t  hash;		/* text_hash() */
	int       fullness;	/* name_fullness() */
};

struct person {
	struct form *forms;
	size_t     nforms;
	char      *best;		/* the text of one of forms */
	char      *canon;	/* --canonical: best rewritten; NULL merged */
	int        best_score, best_title;
	int        title;	/* a party named by a title or header */
	int        reported;	/* first met inside someone else's speech */
	long       first_line;	/* first mention */
	int        turns;
	int        direct;	/* speech acts not addressed elsewhere */
	long       speech_line;
	long       role[NROLES];
	struct buf office;	/* office words seen with the name */
	struct name_meet meet;	/* of all its forms */
};

/* where a form's text is: which person, which of its forms */
struct form_ref {
	uint32_t hash;		/* text_hash() */
	int      person;	/* -1: an empty slot */
	int      form;
};

/* A name find_person() found nobody for in document doc (a serial
 * number, 0 for none) while it had nforms forms: nobody it is, until a
 * form is added. */
#define NMISS		64
#define MISS_LEN	40
static _Thread_local struct miss {
	uint32_t      hash;
	unsigned long doc;
	size_t        nforms;
	char          name[MISS_LEN];
} misses[NMISS];	/* by hash */
static _Thread_local unsigned long doc_serial;

struct doc {
	const struct unit *u;
	unsigned long serial;
	struct person *p;
	size_t     np, cap;
	struct form_ref *fmap;	/* every form of every person, by text */
	size_t     fmap_n, fmap_cap;	/* a power of two */
	int        conv;	/* speakers in the body are parties */
	long       diarist, speech_by, first_party, signer;
	int        i_turns;
	long       i_line;
	long       last_party;
	int        header_pending;	/* "RECORD OF CONVERSATION" seen */
	long       label_speaker;	/* of the current paragraph, or -1 */
};

/* one paragraph: cleaned text and where each line starts in it */
struct para {
	struct buf text;
	/* or, instead of text, its one line that needs no cleaning, not
	 * copied (NUL terminated, as every line is); NULL: none */
	const char *line;
	size_t     line_len;
	size_t    *offs;
	long      *lines;
	size_t     n, cap;
	int        upper;
	long       label;
};

enum sp { SP_NONE, SP_PERSON, SP_AUTHOR, SP_PRONOUN, SP_ROLE };

struct act {
	int    kind;
	long   person;
	int    inverted;
	size_t verb;	/* token */
	size_t name_a, name_b;
	int    aside;	/* "reported to the plenum": not to this talk */
	char   role[24];
};

static _Thread_local struct rx *rx_diary, *rx_sig_paren, *rx_sig_correct, *rx_sig_plain,
    *rx_label_br, *rx_label_up, *rx_label_tc, *rx_note;
static _Thread_local struct ntok *toks;
static _Thread_local size_t toks_cap;
static _Thread_local struct ntok *word_tok;	/* no_name_word()'s own, not toks[0] */
static _Thread_local size_t word_tok_cap;
/* the tokens of a paragraph that sentence() looks at: capitalized
 * words and initials, honorifics, speech verbs and clause words */
static _Thread_local size_t *cands;
static _Thread_local size_t cands_cap;
/* the quotation marks of a paragraph: token and whether it opens */
static _Thread_local struct qmark {
	size_t tok;
	int    open;
} *qmarks;
static _Thread_local size_t nqmarks, qmarks_cap;
/* the text of a name being recorded, of a shorter one tried, and of
 * one that find_person() compares (NUL terminated) */
static _Thread_local struct buf name_b, pre_b, cstr_b;

static const char *const speech_verbs[] = {
	"added", "admitted", "agreed", "announced", "answered", "asked",
	"asserted", "assured", "commented", "confirmed", "congratulated",
	"continued", "declared", "emphasised", "emphasized", "enquired",
	"explained", "expressed", "informed", "inquired", "insisted",
	"mentioned", "noted", "objected", "observed", "pointed",
	"promised", "proposed", "recalled", "remarked", "repeated",
	"replied", "reported", "requested", "responded", "said", "says",
	"spoke", "stated", "stressed", "suggested", "thanked", "told",
	"underlined", "underscored", "urged", "warned",
};

static const char *const role_nouns[] = {
	"ambassador", "attache", "attaché", "chairman", "charge", "chargé",
	"consul", "counsellor", "counselor", "delegate", "envoy", "general",
	"leader", "marshal", "minister", "premier", "president",
	"secretary",
};

/* adverbs between a speaker and the verb */
static const char *const adverbs[] = { "again", "already", "also",
    "always", "further", "however", "later", "next", "now", "once",
    "still", "then", "thereupon", "too", "twice" };

/* auxiliaries: "was told", "to ask" */
static const char *const auxiliaries[] = { "am", "are", "be", "been",
    "being", "having", "is", "was", "were", "to", "who", "which" };

/* the words that start a clause of presence, interpretation or
 * recording in sentence(), in the order of their flags (CW_) */
static const char *const clause_words[] = { "attended", "by", "compiled",
    "interpreted", "interpreter", "present", "presence", "recorded",
    "transcribed", "translated", "translator" };

/* verbs in the past that end in no -ed */
static const char *const irregular[] = { "began", "came", "got",
    "heard", "read", "rose", "sat", "saw", "shook", "stood", "thought",
    "took", "went" };

/* The eight bytes v with A to Z in lower case. */
static inline uint64_t
lower8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u;
	/* a byte below 0x80 is a capital when its low 7 bits reach 0x80
	 * with 0x3f added ('A') and not with 0x25 ('Z' + 1) */
	uint64_t lo = v & ones * 0x7f;
	uint64_t upper = (lo + ones * 0x3f) & ~(lo + ones * 0x25) & ~v &
	    ones * 0x80;

	return v | upper >> 2;
}

static inline char
lower1(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Is token t the word w (lower-case ASCII, n bytes), in any case? */
static int
word_eq(const char *s, const struct ntok *t, const char *w, size_t n)
{
	size_t i;

	if (t->type != NT_WORD || t->len != n)
		return 0;
	for (i = 0; i < n; i++)
		if (lower1(s[t->off + i]) != w[i])
			return 0;
	return 1;
}

/* w is a string literal: its length is known */
#define word_is(s, t, w)	word_eq((s), (t), (w), sizeof(w) - 1)

/* The word lists are flags of the tokens' vocab (name_vocab_add()):
 * whether a token is a word of a list is one test. */
enum { WL_SPEECH = NV_PROGRAM, WL_ROLE = NV_PROGRAM << 1,
	WL_ADVERB = NV_PROGRAM << 2, WL_AUX = NV_PROGRAM << 3,
	WL_IRREGULAR = NV_PROGRAM << 4 };
/* Each clause word has a flag of its own: which one a token is, is
 * one test too.  (A token has a program's flag only when it is the
 * word but for ASCII case, as word_is() asks.) */
enum { CW_ATTENDED = NV_PROGRAM << 5, CW_BY = NV_PROGRAM << 6,
	CW_COMPILED = NV_PROGRAM << 7, CW_INTERPRETED = NV_PROGRAM << 8,
	CW_INTERPRETER = NV_PROGRAM << 9, CW_PRESENT = NV_PROGRAM << 10,
	CW_PRESENCE = NV_PROGRAM << 11, CW_RECORDED = NV_PROGRAM << 12,
	CW_TRANSCRIBED = NV_PROGRAM << 13, CW_TRANSLATED = NV_PROGRAM << 14,
	CW_TRANSLATOR = NV_PROGRAM << 15,
	WL_CLAUSE = CW_ATTENDED | CW_BY | CW_COMPILED | CW_INTERPRETED |
	    CW_INTERPRETER | CW_PRESENT | CW_PRESENCE | CW_RECORDED |
	    CW_TRANSCRIBED | CW_TRANSLATED | CW_TRANSLATOR };

/* Is token t a word of one of the lists? */
static inline int
word_in(const struct ntok *t, unsigned lists)
{
	return (t->vocab & lists) != 0;
}

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

_Static_assert((unsigned)CW_ATTENDED << (NELEM(clause_words) - 1) ==
    (unsigned)CW_TRANSLATOR, "CW_: a flag for each clause word");

static void
compile(void)
{
	size_t k;

	if (rx_diary != NULL)
		return;
	name_vocab_add(speech_verbs, NELEM(speech_verbs), WL_SPEECH);
	name_vocab_add(role_nouns, NELEM(role_nouns), WL_ROLE);
	name_vocab_add(adverbs, NELEM(adverbs), WL_ADVERB);
	name_vocab_add(auxiliaries, NELEM(auxiliaries), WL_AUX);
	name_vocab_add(irregular, NELEM(irregular), WL_IRREGULAR);
	for (k = 0; k < NELEM(clause_words); k++)
		name_vocab_add(&clause_words[k], 1, CW_ATTENDED << k);
	rx_diary = rx_compile("diary header",
	    "^\\s*(?i:from\\s+the\\s+(?:diary|journal|notes)\\s+of)\\b[\\s:]*(.*?)[\\s.]*$", 0);
	rx_sig_paren = rx_compile("signature in parentheses",
	    "^\\s*(?:[\\[/]\\s*(?i:signature|signed|s)\\s*[\\]/]\\s*)?"
	    "\\(\\s*([^()]{2,80}?)\\s*\\)\\s*$", 0);
	rx_sig_correct = rx_compile("signature of a copy",
	    "^\\s*(?i:correct|true\\s+copy|verified|copy\\s+correct)\\s*:?\\s*"
	    "\\[\\s*(?i:signature)\\s*[-\\x{2013}\\x{2014}:,]\\s*([^\\]]{2,80})\\]", 0);
	rx_sig_plain = rx_compile("signature mark",
	    "^\\s*[\\[/]\\s*(?i:signature|signed|s)\\s*[\\]/]\\s*([^()\\[\\]]{2,80}?)\\s*$", 0);
	rx_label_br = rx_compile("bracketed label",
	    "^\\s*\\[([^\\]:]{2,80}):\\]\\s*", 0);
	rx_label_up = rx_compile("upper-case label",
	    "^\\s*(?:(?i:comrade|cde\\.?|com\\.|mr\\.?)\\s+)?((?:(?:\\p{Lu}[\\p{Lu}\\p{M}'\\x{2019}\\x{2BC}\\-]*\\.?|\\p{Lu}\\.)\\s*){1,5})"
	    "\\s*:\\s+(?=\\S)", 0);
	rx_label_tc = rx_compile("label",
	    "^\\s*((?:\\p{Lu}[\\p{L}\\p{M}'\\x{2019}\\x{2BC}\\-]*\\.?\\s*){1,4})"
	    "\\s*:\\s+(?=\\S)", 0);
	rx_note = rx_compile("footnote line",
	    "^\\s*(?:[\\x{2070}\\x{00B9}\\x{00B2}\\x{00B3}\\x{2074}-\\x{2079}]+|\\[\\d{1,3}\\])\\s", 0);
}

void
speakers_free(void)
{
	rx_free(rx_diary);
	rx_free(rx_sig_paren);
	rx_free(rx_sig_correct);
	rx_free(rx_sig_plain);
	rx_free(rx_label_br);
	rx_free(rx_label_up);
	rx_free(rx_label_tc);
	rx_free(rx_note);
	rx_diary = NULL;
	name_cache_free();
	free(toks);
	toks = NULL;
	toks_cap = 0;
	free(word_tok);
	word_tok = NULL;
	word_tok_cap = 0;
	free(qmarks);
	qmarks = NULL;
	nqmarks = qmarks_cap = 0;
	free(cands);
	cands = NULL;
	cands_cap = 0;
	buf_free(&name_b);
	buf_free(&pre_b);
	buf_free(&cstr_b);
}

static int
punct_eq(const char *s, const struct ntok *t, const char *p, size_t n)
{
	return t->type == NT_PUNCT && t->len == n &&
	    memcmp(s + t->off, p, n) == 0;
}

/* p is a string literal */
#define punct_is(s, t, p)	punct_eq((s), (t), (p), sizeof(p) - 1)

/* persons */

static void
set_role(struct person *p, int role, long line)
{
	if (p->role[role] == 0 || line < p->role[role])
		p->role[role] = line;
}

/* The person who wrote the document: a diarist, a letter's sender. */
static void
mark_author(struct doc *d, long p, long line)
{
	if (p < 0)
		return;
	d->diarist = p;
	set_role(&d->p[p], R_AUTHOR, line);
}

/* A person who signs; the first one is the document's signer. */
static void
mark_signer(struct doc *d, long p, long line)
{
	if (p < 0)
		return;
	set_role(&d->p[p], R_SIGNATORY, line);
	if (d->signer < 0)
		d->signer = p;
}

/* A to Z in p[0..n) to lower case, eight bytes at a time. */
static void
lower_ascii(char *p, size_t n)
{
	uint64_t v;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&v, p + i, 8);
		v = lower8(v);
		memcpy(p + i, &v, 8);
	}
	for (; i < n; i++)
		p[i] = lower1(p[i]);
}

/* Does office end with " " and the words w[0..n) in lower case?  Then
 * they need not be added again: resolve_role() asks of an office only
 * where a word first holds a role noun, and these words are in it. */
static int
office_ends(const struct buf *office, const char *w, size_t n)
{
	const char *o;
	uint64_t v, ov;
	size_t i;

	if (office->len <= n || *(o = office->s + office->len - n - 1) != ' ')
		return 0;
	o++;
	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&v, w + i, 8);
		memcpy(&ov, o + i, 8);
		if (lower8(v) != ov)
			return 0;
	}
	for (; i < n; i++)
		if (lower1(w[i]) != o[i])
			return 0;
	return 1;
}

static void
add_office(struct person *p, const char *s, const struct ntok *t,
    size_t a, size_t b)
{
	size_t i, len = 0;
	int plain = 1;	/* words only, a space apart: the text as it is */
	char *o;

	for (i = a; i < b; i++) {
		if (t[i].type != NT_WORD) {
			plain = 0;
			continue;
		}
		len += t[i].len + 1;
		if (i > a && (t[i].off != t[i - 1].off + t[i - 1].len + 1 ||
		    s[t[i].off - 1] != ' '))
			plain = 0;
	}
	if (len == 0 || (plain && office_ends(&p->office, s + t[a].off,
	    len - 1)))
		return;
	buf_grow(&p->office, len);
	o = p->office.s + p->office.len;
	if (plain) {
		*o = ' ';
		memcpy(o + 1, s + t[a].off, len - 1);
		o += len;
	} else
		for (i = a; i < b; i++) {
			if (t[i].type != NT_WORD)
				continue;
			*o++ = ' ';
			memcpy(o, s + t[i].off, t[i].len);
			o += t[i].len;
		}
	*o = '\0';
	lower_ascii(p->office.s + p->office.len, len);
	p->office.len += len;
}

/* A hash of the text s[0..n), eight bytes at a time (the last eight of
 * a longer text read again). */
static inline uint32_t
text_hash(const char *s, size_t n)
{
	const uint64_t mul = 0x9e3779b97f4a7c15u;
	size_t i;
	uint64_t h = n * mul, v = 0;

	if (n < 8) {
		for (i = 0; i < n; i++)
			v = v << 8 | (unsigned char)s[i];
	} else {
		for (i = 0; i + 8 < n; i += 8) {
			memcpy(&v, s + i, 8);
			h = (h ^ v) * mul;
			h ^= h >> 32;
		}
		memcpy(&v, s + n - 8, 8);
	}
	h = (h ^ v) * mul;
	return (uint32_t)(h ^ h >> 32);
}

/* The person who has the form name[0..n) (whose text_hash() is h), or
 * -1; *form (unless NULL) gets its index.  A text is a form of one
 * person at most: record_new_form() adds it to the person
 * find_person() gives, which is the one who has it. */
static inline long
form_find(const struct doc *d, const char *name, size_t n, uint32_t h,
    long *form)
{
	size_t k, mask = d->fmap_cap - 1;
	const struct form_ref *r;
	const struct form *fm;

	if (d->fmap_cap == 0)
		return -1;
	for (k = h & mask; (r = &d->fmap[k])->person >= 0; k = (k + 1) & mask)
		if (r->hash == h &&
		    (fm = &d->p[r->person].forms[r->form])->len == n &&
		    memcmp(fm->text, name, n) == 0) {
			if (form != NULL)
				*form = r->form;
			return r->person;
		}
	return -1;
}

static void
fmap_put(struct form_ref *map, size_t cap, struct form_ref r)
{
	size_t k;

	for (k = r.hash & (cap - 1); map[k].person >= 0; k = (k + 1) & (cap - 1))
		;
	map[k] = r;
}

/* Note form f of person i, whose text_hash() is h. */
static void
form_note(struct doc *d, long i, long f, uint32_t h)
{
	struct form_ref r = { h, (int)i, (int)f };
	size_t k;

	if (2 * (d->fmap_n + 1) > d->fmap_cap) {
		size_t cap = d->fmap_cap ? 2 * d->fmap_cap : 64;
		struct form_ref *map = xreallocarray(NULL, cap, sizeof(*map));

		for (k = 0; k < cap; k++)
			map[k].person = -1;
		for (k = 0; k < d->fmap_cap; k++)
			if (d->fmap[k].person >= 0)
				fmap_put(map, cap, d->fmap[k]);
		free(d->fmap);
		d->fmap = map;
		d->fmap_cap = cap;
	}
	fmap_put(d->fmap, d->fmap_cap, r);
	d->fmap_n++;
}

/* Did find_person() find nobody for name[0..n) (whose text_hash() is
 * h) with the forms the document has now? */
static int
missed(const struct doc *d, const char *name, size_t n, uint32_t h)
{
	const struct miss *m = &misses[h & (NMISS - 1)];

	return m->doc == d->serial && m->nforms == d->fmap_n &&
	    m->hash == h && n < MISS_LEN && memcmp(m->name, name, n) == 0 &&
	    m->name[n] == '\0';
}

/* The person name (whose text_hash() is h, and no form yet) names: the
 * one whose forms fit it; with create, a new one when none does.  -1:
 * none. */
static long
find_person(struct doc *d, const char *name, uint32_t h, int create)
{
	size_t i, f;
	long strong = -1, weak = -1;
	int nweak = 0, words;
	const struct name_parsed *np;
	struct name_meet meet;

	np = name_parse_cached(name);	/* nothing below parses */
	words = name_parsed_words(np);
	name_parsed_meet(np, &meet);

	for (i = 0; i < d->np; i++) {
		int compat = 1, s = 0, w = 0;

		/* no form of i can be alike: s and w stay 0 */
		if (!name_may_meet(&meet, &d->p[i].meet))
			continue;
		for (f = 0; f < d->p[i].nforms; f++) {
			const struct name_parsed *fp = d->p[i].forms[f].parsed;
			int r = name_same_parsed(np, fp);

			/* two full names that differ: Kim Il, Kim Il Sung */
			if (r == 0 && words >= 2 && name_parsed_words(fp) >= 2) {
				compat = 0;
				break;
			}
			if (r == 0)
				continue;
			if (r == 2)
				s = 1;
			else
				w = 1;
		}
		if (!compat)
			continue;
		if (s && strong < 0)
			strong = (long)i;
		else if (w && !s) {
			nweak++;
			weak = (long)i;
		}
	}
	if (strong >= 0)
		return strong;
	if (nweak == 1)
		return weak;
	if (!create && strlen(name) < MISS_LEN) {
		struct miss *m = &misses[h & (NMISS - 1)];

		m->hash = h;
		m->doc = d->serial;
		m->nforms = d->fmap_n;
		strcpy(m->name, name);
	}
	/* bound the work a document full of names can cause */
	if (!create || d->np >= MAX_PERSONS)
		return -1;
	if (d->np == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->p = xreallocarray(d->p, d->cap, sizeof(*d->p));
	}
	memset(&d->p[d->np], 0, sizeof(d->p[0]));
	d->p[d->np].best_score = -100;
	return (long)d->np++;
}

/* Form f of person i met (again) on line; returns i. */
static long
form_met(struct doc *d, long i, long f, int from_title, int from_upper,
    long line)
{
	struct person *p = &d->p[i];
	struct form *fm = &p->forms[f];
	int score;

	if (p->first_line == 0 || line < p->first_line)
		p->first_line = line;
	score = fm->fullness * 2 - from_upper;
	if (from_title && !p->best_title) {
		p->best = fm->text;
		p->best_title = 1;
		p->best_score = score;
	} else if (!p->best_title && score > p->best_score) {
		p->best = fm->text;
		p->best_score = score;
	}
	return i;
}

/* record_form() for a form not met before: whose person, if any, gets
 * it as a new form. */
static long
record_new_form(struct doc *d, const char *name, size_t n, uint32_t h,
    int create, int from_title, int from_upper, long line)
{
	struct person *p;
	struct form *fm;
	struct name_meet meet;
	long i;

	if (!create && missed(d, name, n, h))
		return -1;
	buf_reset(&cstr_b);
	buf_add(&cstr_b, name, n);
	name = cstr_b.s;
	if ((i = find_person(d, name, h, create)) < 0)
		return -1;
	p = &d->p[i];
	p->forms = xreallocarray(p->forms, p->nforms + 1, sizeof(*p->forms));
	fm = &p->forms[p->nforms];
	fm->text = xstrndup(name, n);
	fm->len = n;
	fm->parsed = name_parse(name);
	fm->hash = h;
	fm->fullness = name_parsed_fullness(fm->parsed);
	name_parsed_meet(fm->parsed, &meet);
	name_meet_add(&p->meet, &meet);
	form_note(d, i, (long)p->nforms, h);
	return form_met(d, i, (long)p->nforms++, from_title, from_upper,
	    line);
}

/* Record a form of the person name[0..n) names (with create, a new
 * person when nobody fits); returns the person or -1.  A form met
 * before is found as it is; only another is copied to be compared. */
static long
record_form(struct doc *d, const char *name, size_t n, int create,
    int from_title, int from_upper, long line)
{
	uint32_t h = text_hash(name, n);
	long f, i;

	if ((i = form_find(d, name, n, h, &f)) >= 0)
		return form_met(d, i, f, from_title, from_upper, line);
	return record_new_form(d, name, n, h, create, from_title,
	    from_upper, line);
}

/* Record a form of a person; returns the person. */
static long
add_form(struct doc *d, const char *name, int from_title, int from_upper,
    long line)
{
	return record_form(d, name, strlen(name), 1, from_title, from_upper,
	    line);
}

/* The same for the name in tokens [a, b) of s. */
static long
add_form_at(struct doc *d, const char *s, const struct ntok *t, size_t a,
    size_t b, int from_title, int from_upper, long line)
{
	size_t n;
	const char *name = name_text_view(&name_b, s, t, a, b, &n);

	return record_form(d, name, n, 1, from_title, from_upper, line);
}

/* The name in tokens [a, b) of s that ends last: its person. */
static long
last_name(struct doc *d, const char *s, const struct ntok *t, size_t a,
    size_t b, int from_title, int from_upper, long line)
{
	size_t k, first;
	long i;

	for (k = b; k > a; k--) {
		if (t[k - 1].type != NT_WORD && t[k - 1].type != NT_INITIAL)
			continue;
		if (!name_trailing(s, t, a, k, &first))
			continue;
		i = add_form_at(d, s, t, first, k, from_title, from_upper,
		    line);
		if (i >= 0)
			add_office(&d->p[i], s, t, a, first);
		return i;
	}
	return -1;
}

/* The end of the name of an item of a list in tokens [a, b): before
 * a place after it ("Chou En-lai at Beijing Airport", "V. Bilak in
 * Bratislava"), else b. */
static size_t
place_cut(const char *s, const struct ntok *t, size_t a, size_t b)
{
	size_t k, first;

	for (k = a + 1; k + 1 < b; k++)
		if ((word_is(s, &t[k], "at") || word_is(s, &t[k], "in") ||
		    word_is(s, &t[k], "near")) && t[k + 1].cap &&
		    name_trailing(s, t, a, k, &first))
			return k;
	return b;
}

/* A list "X, office Y and Z" in tokens [a, b): each item's person gets
 * role (interpreter when the item says so). */
static long
name_list(struct doc *d, const char *s, const struct ntok *t, size_t a,
    size_t b, int role, int from_title, int from_upper, long line)
{
	size_t i = a, j;
	long first = -1;

	while (i < b) {
		int interp = 0;
		long p;

		for (j = i; j < b; j++) {
			if (punct_is(s, &t[j], ",") || punct_is(s, &t[j], ";") ||
			    word_is(s, &t[j], "and") || punct_is(s, &t[j], "&"))
				break;
			if (word_is(s, &t[j], "interpreter") ||
			    word_is(s, &t[j], "interpreters") ||
			    word_is(s, &t[j], "translator"))
				interp = 1;
		}
		p = last_name(d, s, t, i, place_cut(s, t, i, j), from_title,
		    from_upper, line);
		if (p >= 0) {
			if (first < 0)
				first = p;
			if (role == R_PARTICIPANT)
				d->p[p].title = 1;
			set_role(&d->p[p], interp && role == R_ATTENDEE ?
			    R_INTERPRETER : role, line);
		}
		i = j + 1;
	}
	return first;
}

/* Parties of a title or header held in s. */
static void
parse_parties(struct doc *d, const char *s, int from_title, int from_upper,
    long line)
{
	size_t n = name_tokenize(s, strlen(s), &toks, &toks_cap), i, j;
	struct ntok *t = toks;
	long p;

	for (i = 0; i < n; i++) {
		if (word_is(s, &t[i], "between") || (word_is(s, &t[i], "with") &&
		    (i == 0 || (i >= 1 && (word_is(s, &t[i - 1], "conversation") ||
		    word_is(s, &t[i - 1], "conversations") ||
		    word_is(s, &t[i - 1], "talks") ||
		    word_is(s, &t[i - 1], "meeting") ||
		    word_is(s, &t[i - 1], "discussion")))))) {
			p = name_list(d, s, t, i + 1, n, R_PARTICIPANT,
			    from_title, from_upper, line);
			if (p >= 0 && d->first_party < 0 &&
			    word_is(s, &t[i], "between"))
				d->first_party = p;
			return;
		}
		if (word_is(s, &t[i], "of") && i > 0 &&
		    (word_is(s, &t[i - 1], "diary") ||
		    word_is(s, &t[i - 1], "journal"))) {
			for (j = i + 1; j < n && !punct_is(s, &t[j], ","); j++)
				;
			p = last_name(d, s, t, i + 1, j, from_title,
			    from_upper, line);
			mark_author(d, p, line);
			return;
		}
		if (word_is(s, &t[i], "by") && i > 0 &&
		    (word_is(s, &t[i - 1], "speech") ||
		    word_is(s, &t[i - 1], "address") ||
		    word_is(s, &t[i - 1], "remarks") ||
		    word_is(s, &t[i - 1], "statement") ||
		    word_is(s, &t[i - 1], "report"))) {
			size_t first, end;

			for (j = i + 1; j < n; j++)
				if ((end = name_leading(s, t, j, n, &first)) > 0)
					break;
			if (j < n && j < i + 12) {
				char *name = name_text(s, t, first, end);

				p = add_form(d, name, from_title, from_upper,
				    line);
				free(name);
				if (p < 0)
					return;
				d->speech_by = p;
				d->p[p].title = 1;
				d->p[p].turns++;
				d->p[p].direct++;
				if (d->p[p].speech_line == 0)
					d->p[p].speech_line = line;
				set_role(&d->p[p], R_PARTICIPANT, line);
			}
			return;
		}
		if (word_is(s, &t[i], "from") && i > 0 &&
		    (word_is(s, &t[i - 1], "letter") ||
		    word_is(s, &t[i - 1], "telegram") ||
		    word_is(s, &t[i - 1], "cable") ||
		    word_is(s, &t[i - 1], "message") ||
		    word_is(s, &t[i - 1], "note"))) {
			for (j = i + 1; j < n && !word_is(s, &t[j], "to") &&
			    !punct_is(s, &t[j], ","); j++)
				;
			p = last_name(d, s, t, i + 1, j, from_title,
			    from_upper, line);
			mark_author(d, p, line);
			return;
		}
	}
}

/* cleaning */

static int
is_upper_start(const char *s, size_t n)
{
	uint32_t cp;

	if (n == 0 || utf8_decode(s, n, &cp) == 0)
		return 0;
	return name_cp_upper(cp);
}

/* Editorial brackets: "[I]" is I, "[...]" goes, an insertion glued to a
 * word or set before a name goes ("[M.] Bodnaras", "D[alne]V"), one
 * that starts in lower case goes ("[me]", "[sic]"), others lose their
 * brackets ("[Kim Il Sung] asked"). */
static void
clean(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, j;
	const char *br;

	while (i < n) {
		if (s[i] != '[') {
			/* copy up to the next bracket at once */
			br = memchr(s + i, '[', n - i);
			j = br != NULL ? (size_t)(br - s) : n;
			buf_add(out, s + i, j - i);
			i = j;
			continue;
		}
		/* j: the next ] or [ */
		br = memchr(s + i + 1, ']', n - i - 1);
		j = br != NULL ? (size_t)(br - s) : n;
		if ((br = memchr(s + i + 1, '[', j - i - 1)) != NULL)
			j = (size_t)(br - s);
		if (j >= n || s[j] != ']') {
			buf_addc(out, s[i++]);
			continue;
		}
		if (j == i + 2 && s[i + 1] == 'I')
			buf_addc(out, 'I');
		else if (i > 0 && ((unsigned char)s[i - 1] >= 0x80 ||
		    (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
		    (s[i - 1] >= 'a' && s[i - 1] <= 'z')))
			;
		else if (!is_upper_start(s + i + 1, j - i - 1)) {
			/* "[and]", "[me]" stay; "[sic]", notes go */
			if (memchr(s + i + 1, ' ', j - i - 1) == NULL &&
			    s[i + 1] != '*' && s[i + 1] != '?' &&
			    !(j - i - 1 == 3 && memcmp(s + i + 1, "sic", 3) == 0))
				buf_add(out, s + i + 1, j - i - 1);
			else
				buf_addc(out, ' ');
		}
		else if (j + 2 < n && s[j + 1] == ' ' &&
		    is_upper_start(s + j + 2, n - j - 2))
			;
		else
			buf_add(out, s + i + 1, j - i - 1);
		i = j + 1;
	}
}

/* Cheap tests before a pattern: the first and last non-blank bytes. */
static int
first_byte(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < n ? (unsigned char)s[i] : 0;
}

static int
last_byte(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n > 0 ? (unsigned char)s[n - 1] : 0;
}

/* A footnote line starts with a superscript digit or "[1]". */
static int
note_line(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n)
		return 0;
	/* "[1]": a digit after the bracket, or a superscript */
	if (s[i] == '[' ? i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9' :
	    (unsigned char)s[i] >= 0x80)
		return rx_match(rx_note, s, n, 0);
	return 0;
}

static int
all_upper(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u;
	size_t i = 0, l;
	int up = 0;
	uint32_t cp;
	uint64_t v, lower, upper;

	/* eight ASCII bytes at a time: a byte b < 0x80 is in a..z when
	 * b + 0x1f reaches 0x80 and b + 0x05 does not, in A..Z with 0x3f
	 * and 0x25 */
	for (; i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		if (v & ones * 0x80)
			break;
		lower = (v + ones * 0x1f) & ~(v + ones * 0x05) & ones * 0x80;
		if (lower != 0)
			return 0;
		upper = (v + ones * 0x3f) & ~(v + ones * 0x25) & ones * 0x80;
		/* the sum of the bytes of (upper >> 7) */
		up += (int)(((upper >> 7) * ones) >> 56);
	}
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			cp = c;
			if (c >= 'a' && c <= 'z')
				return 0;
			up += c >= 'A' && c <= 'Z';
			i++;
			continue;
		}
		if ((l = utf8_decode(s + i, n - i, &cp)) == 0)
			l = 1;
		if (name_cp_lower(cp))
			return 0;
		if (name_cp_upper(cp))
			up++;
		i += l;
	}
	return up >= 4;
}

/* all_upper() of the last two lines asked about: a line is asked
 * about again as the line before the next one. */
struct upper_memo {
	long k[2];
	int  upper[2];
};

static int
line_upper(const struct unit *u, long k, struct upper_memo *m)
{
	if (m->k[1] == k)
		return m->upper[1];
	if (m->k[0] == k)
		return m->upper[0];
	m->k[0] = m->k[1];
	m->upper[0] = m->upper[1];
	m->k[1] = k;
	m->upper[1] = all_upper(u->lines[k].s, u->lines[k].len);
	return m->upper[1];
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' && s[i] != '\r')
			return 0;
	return 1;
}

/* name_leading() spans at most this many tokens: three honorifics with
 * their dots, then four initials and two words, or four words and four
 * initials. */
#define NAME_MAXTOK 14

/* Can token t be part of a name alone on a line: a word of a name, an
 * initial, an honorific or its dot, or a dot or comma after it? */
static int
name_part(const char *s, const struct ntok *t)
{
	if (t->type == NT_PUNCT)
		return s[t->off] == '.' || s[t->off] == ',';
	return t->type == NT_INITIAL || name_honorific_at(s, t) ||
	    name_word_ok(s, t);
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BLANKS_8	1	/* next_blank() reads 8 bytes at a time */
#endif

/* The first blank (space, tab, newline: what ends a token) in
 * s[i..len), or len. */
static size_t
next_blank(const char *s, size_t len, size_t i)
{
	unsigned char c;
#ifdef BLANKS_8
	const uint64_t ones = 0x0101010101010101u;
	uint64_t v, low;
#endif

	while (i < len) {
#ifdef BLANKS_8
		/* most bytes are above ' ': past eight of them at once, or
		 * to the first that is not (the lowest flag is exact) */
		if (i + 8 <= len) {
			memcpy(&v, s + i, 8);
			if ((low = (v - ones * 0x21) & ~v & ones * 0x80) == 0) {
				i += 8;
				continue;
			}
			i += (unsigned)__builtin_ctzll(low) >> 3;
		}
#endif
		if ((c = (unsigned char)s[i]) == ' ' || c == '\t' || c == '\n')
			return i;
		i++;
	}
	return len;
}

/* Does s hold a word (a token: after a blank or at the start) that no
 * name holds: one that starts with a lower-case letter and is no
 * honorific ("comrade Kim" may be a name, "Kim replied" is not), or a
 * number? */
static int
no_name_word(const char *s, size_t len)
{
	size_t i = 0;

	/* at the start and after each blank */
	for (;;) {
		if (i < len && s[i] >= '0' && s[i] <= '9')
			return 1;
		if (i < len && s[i] >= 'a' && s[i] <= 'z' &&
		    /* most words start no honorific: they need not be read */
		    (!name_may_be_honorific(s + i, len - i) ||
		    (name_tokenize_more(s, len, i, &word_tok, &word_tok_cap, 0,
		    1, NULL) == 1 && !name_honorific_at(s, &word_tok[0]))))
			return 1;
		if ((i = next_blank(s, len, i)) >= len)
			return 0;
		i++;
	}
}

/* Is all of s one name?  Its text (malloc'd) or NULL. */
static char *
whole_name(const char *s, int *has_initials)
{
	size_t len = strlen(s), n = 0, first, end, rest = 0, want, k = 0;

	/* A word no name holds, which no token of a name can be: most
	 * lines end here, before a token is read. */
	if (no_name_word(s, len))
		return NULL;
	/* Every token must be able to be part of a name: tokens are read
	 * up to 1, 3, 7 and then NAME_MAXTOK + 1 of them, most lines
	 * fail early. */
	for (want = 1;; want = want * 2 + 1) {
		if (want > NAME_MAXTOK)
			want = NAME_MAXTOK + 1;
		n = name_tokenize_more(s, len, rest, &toks, &toks_cap, n, want,
		    &rest);
		for (; k < n; k++)
			if (!name_part(s, &toks[k]))
				return NULL;
		if (n < want || want == NAME_MAXTOK + 1)
			break;
	}
	/* past NAME_MAXTOK tokens, only dots and commas may follow */
	if (rest < len) {
		size_t k = rest + strspn(s + rest, " \t\n.,");

		if (k < len && (unsigned char)s[k] < 0x80)
			return NULL;
		if (k < len)	/* a no-break space? read all */
			n = name_tokenize(s, len, &toks, &toks_cap);
	}
	while (n > 0 && toks[n - 1].type == NT_PUNCT &&
	    (s[toks[n - 1].off] == '.' || s[toks[n - 1].off] == ','))
		n--;
	if (n == 0 || (end = name_leading(s, toks, 0, n, &first)) != n)
		return NULL;
	if (has_initials)
		*has_initials = toks[first].type == NT_INITIAL ||
		    toks[end - 1].type == NT_INITIAL;
	return name_text(s, toks, first, end);
}

/* sentences */

static int
is_adverb(const char *s, const struct ntok *t)
{
	if (t->type != NT_WORD || t->cap)
		return 0;
	if (t->len > 4 && s[t->off + t->len - 2] == 'l' &&
	    s[t->off + t->len - 1] == 'y' && !word_is(s, t, "reply") &&
	    !word_is(s, t, "only"))
		return 1;
	return word_in(t, WL_ADVERB);
}

static int
is_aux(const struct ntok *t)
{
	return word_in(t, WL_AUX);
}

static int
is_role_noun(const struct ntok *t)
{
	return word_in(t, WL_ROLE);
}

static int
is_pronoun(const char *s, const struct ntok *t)
{
	return word_is(s, t, "he") || word_is(s, t, "she");
}

static int
opens_clause(const char *s, const struct ntok *t)
{
	return t->type == NT_PUNCT && (strchr(",;:\"", s[t->off]) != NULL ||
	    punct_is(s, t, "\xe2\x80\x9d") || punct_is(s, t, "\xe2\x80\x9c") ||
	    punct_is(s, t, "\xe2\x80\x94") || punct_is(s, t, "\xe2\x80\x93") ||
	    punct_is(s, t, "-"));
}

/* Does the word look like a verb in the past ("hesitated", "rose")? */
static int
past_verb(const char *s, const struct ntok *t)
{
	if (t->type != NT_WORD || t->cap)
		return 0;
	if (t->len > 3 && s[t->off + t->len - 2] == 'e' &&
	    s[t->off + t->len - 1] == 'd')
		return 1;
	return word_in(t, WL_IRREGULAR | WL_SPEECH);
}

/* The token after the subject of a verb phrase that ends before the
 * "and" at token and: "Winzer hesitated (and replied)" gives the token
 * of "hesitated".  0 when the phrase has no plain subject. */
static size_t
and_subject(const char *s, const struct ntok *t, size_t s0, size_t and)
{
	size_t k = and;

	/* a few lower-case words, no punctuation, no auxiliary */
	while (k > s0 && and - k < 6 && t[k - 1].type == NT_WORD &&
	    !t[k - 1].cap && !is_aux(&t[k - 1]) &&
	    !is_role_noun(&t[k - 1]) &&
	    !word_is(s, &t[k - 1], "and") && !word_is(s, &t[k - 1], "that") &&
	    !is_pronoun(s, &t[k - 1]))
		k--;
	if (k == and || k == s0 || !past_verb(s, &t[k]))
		return 0;
	if (t[k - 1].poss)
		return 0;
	return k;
}

/* The speaker of the verb at token v in sentence [s0, s1). */
static void
speaker_of(const char *s, const struct ntok *t, size_t s0, size_t s1,
    size_t v, struct act *a)
{
	size_t j = v, k, first, end;
	int comma = 0, chained = 0;

	memset(a, 0, sizeof(*a));
	a->verb = v;
	a->person = -1;
	while (j > s0 && is_adverb(s, &t[j - 1]))
		j--;
	if (j > s0 && is_aux(&t[j - 1]))
		return;
	if (j > s0 && word_is(s, &t[j - 1], "and")) {
		/* "X hesitated and replied", "he listened and then
		 * answered": the subject of the first verb */
		if ((j = and_subject(s, t, s0, j - 1)) == 0)
			return;
		chained = 1;
	}
	if (j > s0 && punct_is(s, &t[j - 1], ")")) {
		for (k = j - 1; k > s0 && k + 12 > j; k--)
			if (punct_is(s, &t[k - 1], "("))
				break;
		if (k > s0 && punct_is(s, &t[k - 1], "("))
			j = k - 1;
	}
	if (j > s0 && punct_is(s, &t[j - 1], ",")) {
		comma = 1;
		j--;
	}
	if (j > s0) {
		const struct ntok *w = &t[j - 1];

		if (!comma && word_is(s, w, "i") && s[w->off] == 'I') {
			a->kind = SP_AUTHOR;
			return;
		}
		if (!comma && is_pronoun(s, w)) {
			a->kind = SP_PRONOUN;
			return;
		}
		if (!comma && is_role_noun(w) && j - 1 > s0) {
			for (k = j - 1; k > s0 && k + 4 > j; k--)
				if (word_is(s, &t[k - 1], "the"))
					break;
			if (k > s0 && word_is(s, &t[k - 1], "the")) {
				a->kind = SP_ROLE;
				snprintf(a->role, sizeof(a->role), "%.*s",
				    (int)w->len, s + w->off);
				return;
			}
		}
		if ((w->type == NT_WORD || w->type == NT_INITIAL) &&
		    name_trailing(s, t, s0, j, &first) &&
		    (!comma || (first > s0 && (punct_is(s, &t[first - 1], ",") ||
		    name_honorific_at(s, &t[first - 1]) ||
		    (first > s0 + 1 && punct_is(s, &t[first - 1], ".") &&
		    name_honorific_at(s, &t[first - 2])))))) {
			a->kind = SP_PERSON;
			a->name_a = first;
			a->name_b = j;
			return;
		}
	}
	/* inverted: ", said comrade X" */
	if (chained || !(j == s0 || comma || opens_clause(s, &t[j - 1])))
		return;
	k = v + 1;
	while (k < s1 && is_adverb(s, &t[k]))
		k++;
	if (k >= s1)
		return;
	if (is_pronoun(s, &t[k])) {
		a->kind = SP_PRONOUN;
		a->inverted = 1;
		return;
	}
	if (word_is(s, &t[k], "the") && k + 1 < s1 &&
	    is_role_noun(&t[k + 1])) {
		a->kind = SP_ROLE;
		a->inverted = 1;
		snprintf(a->role, sizeof(a->role), "%.*s",
		    (int)t[k + 1].len, s + t[k + 1].off);
		return;
	}
	if ((end = name_leading(s, t, k, s1, &first)) > 0) {
		a->kind = SP_PERSON;
		a->inverted = 1;
		a->name_a = first;
		a->name_b = end;
	}
}

static long
resolve_role(struct doc *d, const char *noun)
{
	size_t i, n = strlen(noun);
	long found = -1;
	char low[32];

	for (i = 0; i < n && i < sizeof(low) - 1; i++)
		low[i] = (char)(noun[i] >= 'A' && noun[i] <= 'Z' ?
		    noun[i] + 32 : noun[i]);
	low[i] = '\0';
	for (i = 0; i < d->np; i++) {
		struct person *p = &d->p[i];
		const char *o = p->office.len ? p->office.s : "";
		const char *hit = strstr(o, low);

		if (hit == NULL || hit == o || hit[-1] != ' ')
			continue;
		if ((long)i == d->diarist || (long)i == d->first_party ||
		    (p->reported && !p->title))
			continue;
		if (found >= 0)
			return -1;
		found = (long)i;
	}
	return found;
}

static long
para_line(const struct para *pa, size_t off)
{
	size_t i;

	for (i = 1; i < pa->n; i++)
		if (pa->offs[i] > off)
			break;
	return pa->lines[i - 1];
}

static long
author_guess(const struct doc *d)
{
	if (d->diarist >= 0)
		return d->diarist;
	if (d->first_party >= 0)
		return d->first_party;
	return d->speech_by;
}

static void
note_party(struct doc *d, long p)
{
	if (p >= 0 && p != author_guess(d) &&
	    (d->p[p].title || (!d->p[p].reported && d->p[p].turns > 0)))
		d->last_party = p;
}

/* Is token i of the paragraph inside quotation marks?  (After the
 * last quotation mark up to it, itself included, that paragraph() has
 * read.) */
static int
quoted(size_t i)
{
	size_t lo = 0, hi = nqmarks, mid;

	/* lo: the first quotation mark after token i */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (qmarks[mid].tok <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && qmarks[lo - 1].open;
}

/* Can sentence() look at token t? */
static inline int
is_cand(const struct ntok *t)
{
	return t->cap ||
	    (t->vocab & (NV_HONORIFIC | WL_SPEECH | WL_CLAUSE)) != 0;
}

/* May a name start at one of the tokens cands[c0, c1): an initial, an
 * honorific or a capitalized word in no stopword list?  (The tokens
 * where sentence() looks for one.) */
static int
may_name(const struct ntok *t, size_t c0, size_t c1)
{
	size_t c;

	for (c = c0; c < c1; c++) {
		const struct ntok *w = &t[cands[c]];

		if (w->type == NT_INITIAL || (w->vocab & NV_HONORIFIC) ||
		    (w->cap && !w->allcaps && !(w->vocab & NV_STOPWORD)))
			return 1;
	}
	return 0;
}

/* Does one of the speech acts acts[0, nacts) give the words to another
 * than person p?  A pronoun that finds no party is nobody else ("X
 * said that he agreed"). */
static int
other_speaker(const struct act *acts, int nacts, long p)
{
	int a;

	for (a = 0; a < nacts; a++)
		if (acts[a].person != p &&
		    !(acts[a].kind == SP_PRONOUN && acts[a].person < 0))
			return 1;
	return 0;
}

/* The sentence [s0, s1) of the tokens t of paragraph pa, the tokens
 * cands[c0, c1) of it the ones to look at (is_cand()), whose vocab flags
 * are seen. */
static void
sentence(struct doc *d, const struct para *pa, const char *s,
    const struct ntok *t, size_t s0, size_t s1, size_t c0, size_t c1,
    unsigned seen)
{
	struct act acts[32];
	int nacts = 0, a, inverted_other = 0, author_acts = 0, clauses = 0;
	size_t i, k, first, end, c;
	size_t np0 = d->np;
	long line;

	/* speech acts */
	for (c = c0; c < c1 && nacts < 32 && (seen & WL_SPEECH); c++) {
		i = cands[c];
		if (!word_in(&t[i], WL_SPEECH) || t[i].cap)
			continue;
		speaker_of(s, t, s0, s1, i, &acts[nacts]);
		if (acts[nacts].kind == SP_NONE)
			continue;
		line = para_line(pa, t[i].off);
		k = acts[nacts].inverted ? acts[nacts].name_b : i + 1;
		if (acts[nacts].inverted && acts[nacts].kind != SP_PERSON)
			k = i + 2;
		acts[nacts].aside = k + 1 < s1 && word_is(s, &t[k], "to") &&
		    (word_is(s, &t[k + 1], "the") || word_is(s, &t[k + 1], "a"));
		if (acts[nacts].kind == SP_PERSON) {
			acts[nacts].person = add_form_at(d, s, t,
			    acts[nacts].name_a, acts[nacts].name_b, 0, 0, line);
		} else if (acts[nacts].kind == SP_PRONOUN) {
			acts[nacts].person = d->last_party;
		} else if (acts[nacts].kind == SP_ROLE)
			acts[nacts].person = resolve_role(d, acts[nacts].role);
		if (acts[nacts].kind != SP_AUTHOR && acts[nacts].inverted)
			inverted_other = 1;
		if (acts[nacts].kind == SP_AUTHOR && (quoted(i) ||
		    d->label_speaker >= 0 || (i > s0 + 1 &&
		    word_is(s, &t[i - 2], "as")) || (i + 1 < s1 &&
		    word_is(s, &t[i + 1], "you"))))
			continue;
		nacts++;
	}
	for (a = 0; a < nacts; a++) {
		line = para_line(pa, t[acts[a].verb].off);
		if (acts[a].kind == SP_AUTHOR) {
			if (inverted_other)
				continue;
			author_acts++;
			d->i_turns++;
			if (d->i_line == 0)
				d->i_line = line;
		} else if (acts[a].person >= 0) {
			struct person *p = &d->p[acts[a].person];

			p->turns++;
			if (!acts[a].aside && p->direct++ == 0)
				p->speech_line = line;
			else if (p->speech_line == 0)
				p->speech_line = line;
		}
	}
	/* who is new here and met in someone else's speech */
	for (i = np0; i < d->np; i++) {
		if (other_speaker(acts, nacts, (long)i))
			d->p[i].reported = 1;
		if (d->label_speaker >= 0 && d->label_speaker != (long)i)
			d->p[i].reported = 1;
	}
	for (a = 0; a < nacts; a++)
		if (acts[a].person >= 0)
			note_party(d, acts[a].person);

	/* presence, interpretation, recording (a few per sentence) */
	for (c = c0; c < c1 && clauses < 8 && (seen & WL_CLAUSE); c++) {
		/* which of the words below, if any */
		unsigned cw = t[i = cands[c]].vocab & WL_CLAUSE;

		if (cw == 0)
			continue;
		/* "by", the commonest clause word, opens no clause by
		 * itself: it only counts */
		if (cw == CW_BY) {
			clauses++;
			continue;
		}
		line = para_line(pa, t[i].off);
		if (cw & (CW_PRESENT | CW_PRESENCE | CW_INTERPRETER |
		    CW_TRANSLATOR))
			clauses++;
		if (cw == CW_PRESENT && i > s0 &&
		    (word_is(s, &t[i - 1], "was") || word_is(s, &t[i - 1],
		    "were"))) {
			k = i - 1;
			if (k > s0 && word_is(s, &t[k - 1], "also"))
				k--;
			if (!(k > s0 && word_is(s, &t[k - 1], "i")))
				name_list(d, s, t, s0, k, R_ATTENDEE, 0, 0,
				    line);
		} else if (cw == CW_PRESENT && i + 1 < s1 &&
		    (word_is(s, &t[i + 1], "were") || word_is(s, &t[i + 1],
		    "was")))
			name_list(d, s, t, i + 2, s1, R_ATTENDEE, 0, 0, line);
		else if (cw == CW_PRESENT && (i == s0 ||
		    (i == s0 + 1 && word_is(s, &t[s0], "also")))) {
			/* Present (on the Korean side): A, B, C. */
			for (k = i + 1; k < s1 && k < i + 8; k++)
				if (punct_is(s, &t[k], ":"))
					break;
			name_list(d, s, t, k < s1 && k < i + 8 ? k + 1 : i + 1,
			    s1, R_ATTENDEE, 0, 0, line);
		}
		else if ((cw & (CW_ATTENDED | CW_PRESENCE)) && i + 1 < s1 &&
		    (word_in(&t[i + 1], CW_BY) || word_is(s, &t[i + 1], "of")))
			name_list(d, s, t, i + 2, s1, R_ATTENDEE, 0, 0, line);
		else if ((cw & (CW_INTERPRETED | CW_TRANSLATED | CW_RECORDED |
		    CW_COMPILED | CW_TRANSCRIBED)) && i + 1 < s1 &&
		    word_in(&t[i + 1], CW_BY)) {
			int role = cw & (CW_INTERPRETED | CW_TRANSLATED) ?
			    R_INTERPRETER : R_RECORDER;

			for (k = i + 2; k < s1 && !punct_is(s, &t[k], ",") &&
			    !word_is(s, &t[k], "and"); k++)
				;
			if (cw == CW_COMPILED)
				continue;
			name_list(d, s, t, i + 2, k, role, 0, 0, line);
		} else if ((cw & (CW_INTERPRETER | CW_TRANSLATOR)) &&
		    i + 1 < s1) {
			/* "interpreter comrade X", "Interpreter - attaché X" */
			long p;

			for (k = i + 1; k < s1 && (k == i + 1 ||
			    (!punct_is(s, &t[k], ",") &&
			    !punct_is(s, &t[k], ";"))) &&
			    !word_is(s, &t[k], "and") &&
			    !word_is(s, &t[k], "was") && !(t[k].type ==
			    NT_PUNCT && k > i + 1 && s[t[k].off] == '.'); k++)
				;
			if ((p = last_name(d, s, t, i + 1, k, 0, 0, line)) >= 0)
				set_role(&d->p[p], R_INTERPRETER, line);
		}
	}

	/* mentions: at a capitalized word, an initial (which is
	 * capitalized) or an honorific, past the last name found */
	for (i = s0, c = c0; c < c1; c++) {
		int hon;
		long p = -1;

		if (cands[c] < i)
			continue;
		i = cands[c];
		if (!t[i].cap && !(t[i].vocab & NV_HONORIFIC))
			continue;
		hon = name_honorific_at(s, &t[i]);
		if (!hon && t[i].type != NT_INITIAL && !name_word_ok(s, &t[i])) {
			i++;
			continue;
		}
		if ((end = name_leading(s, t, i, s1, &first)) == 0) {
			i++;
			continue;
		}
		line = para_line(pa, t[first].off);
		{
			size_t len, plen;
			const char *name = name_text_view(&name_b, s, t, first,
			    end, &len);
			int words = 0;

			for (k = first; k < end; k++)
				words += t[k].type == NT_WORD;
			/* "to Kim Il Sung Nikita Sergeevich's": a known
			 * name ends the run early */
			for (k = end - 1; words >= 3 && k > first + 1; k--) {
				const char *pre = name_text_view(&pre_b, s, t,
				    first, k, &plen);

				if (form_find(d, pre, plen, text_hash(pre, plen),
				    NULL) >= 0) {
					end = k;
					name = pre;
					len = plen;
					break;
				}
			}
			p = record_form(d, name, len, hon || words >= 2 ||
			    t[first].type == NT_INITIAL ||
			    t[end - 1].type == NT_INITIAL, 0, 0, line);
		}
		if (p >= 0) {
			size_t b = first, a0;

			while (b > s0 && (name_honorific_at(s, &t[b - 1]) ||
			    punct_is(s, &t[b - 1], ".") ||
			    punct_is(s, &t[b - 1], ",")))
				b--;
			for (a0 = b; a0 > s0 && b - a0 < 5 &&
			    t[a0 - 1].type == NT_WORD; a0--)
				;
			if (a0 < b)
				add_office(&d->p[p], s, t, a0, b);
			if ((size_t)p >= np0 && quoted(first))
				d->p[p].reported = 1;
			if ((size_t)p >= np0) {
				if (other_speaker(acts, nacts, p))
					d->p[p].reported = 1;
				if (author_acts)
					d->p[p].reported = 1;
				if (d->label_speaker >= 0 &&
				    d->label_speaker != p)
					d->p[p].reported = 1;
			}
			note_party(d, p);
		}
		i = end;
	}
}

static int
ends_sentence(const char *s, const struct ntok *t, size_t i, size_t n)
{
	const struct ntok *nx;

	if (i + 1 >= n)
		return 1;
	nx = &t[i + 1];
	if (t[i].type == NT_INITIAL)
		return nx->type == NT_WORD && nx->cap &&
		    (nx->vocab & NV_STOPWORD) &&
		    !name_honorific_at(s, nx);
	if (t[i].type != NT_PUNCT || !(s[t[i].off] == '.' ||
	    s[t[i].off] == '!' || s[t[i].off] == '?'))
		return 0;
	if (i > 0 && name_honorific_at(s, &t[i - 1]) && t[i - 1].len <= 4 &&
	    t[i].off == t[i - 1].off + t[i - 1].len)
		return 0;
	if (nx->type == NT_WORD)
		return nx->cap;
	return 1;
}

/* The sentence [s0, s1), cands[c0, c1) of it, to sentence() if it has
 * a token to look at.  (sentence() does not tokenize: toks stay put.
 * It finds nothing where it has no token to look at but for words that
 * can start no name.) */
static void
look_at(struct doc *d, const struct para *pa, const char *s, size_t s0,
    size_t s1, size_t c0, size_t c1, unsigned seen)
{
	if ((seen & (WL_SPEECH | WL_CLAUSE)) || may_name(toks, c0, c1))
		sentence(d, pa, s, toks, s0, s1, c0, c1, seen);
}

/* The text of pa (NUL terminated); *len gets its length. */
static const char *
para_text(struct para *pa, size_t *len)
{
	if (pa->line != NULL) {
		*len = pa->line_len;
		return pa->line;
	}
	*len = pa->text.len;
	return buf_cstr(&pa->text);
}

static void
paragraph(struct doc *d, struct para *pa)
{
	size_t len;
	const char *s = para_text(pa, &len);
	size_t n = name_tokenize(s, len, &toks, &toks_cap), i, s0;
	size_t ncands = 0, c0, *cand;
	const struct ntok *t, *end;
	int q = 0, was;
	unsigned seen = 0;	/* the vocab flags of the sentence's words */

	if (n > cands_cap) {
		cands_cap = n > 2 * cands_cap ? n : 2 * cands_cap;
		free(cands);
		cands = xreallocarray(NULL, cands_cap, sizeof(*cands));
	}
	cand = cands;
	nqmarks = 0;
	d->label_speaker = pa->label;
	for (s0 = c0 = 0, t = toks, end = toks + n; t < end; t++) {
		if (is_cand(t)) {
			cand[ncands++] = (size_t)(t - toks);
			seen |= t->vocab;
		}
		/* only a mark or an initial (the odd types, names.h) ends
		 * one before the last token */
		if (!(t->type & NT_ODD))
			continue;
		i = (size_t)(t - toks);
		if (t->type == NT_PUNCT) {
			was = q;
			/* by the first byte: most marks are none of these */
			switch ((unsigned char)s[t->off]) {
			case 0xE2:
				if (punct_is(s, t, "\xe2\x80\x9c"))
					q = 1;
				else if (punct_is(s, t, "\xe2\x80\x9d"))
					q = 0;
				break;
			case 0xC2:
				if (punct_is(s, t, "\xc2\xab"))
					q = 1;
				else if (punct_is(s, t, "\xc2\xbb"))
					q = 0;
				break;
			case '"':
				q = !q;	/* a token of one byte */
				break;
			}
			if (q != was) {
				if (nqmarks == qmarks_cap) {
					qmarks_cap = qmarks_cap ?
					    2 * qmarks_cap : 16;
					qmarks = xreallocarray(qmarks,
					    qmarks_cap, sizeof(*qmarks));
				}
				qmarks[nqmarks].tok = i;
				qmarks[nqmarks++].open = q;
			}
		}
		if (!ends_sentence(s, toks, i, n))
			continue;
		look_at(d, pa, s, s0, i + 1, c0, ncands, seen);
		s0 = i + 1;
		c0 = ncands;
		seen = 0;
	}
	/* the last token, no mark, ends the last sentence */
	if (s0 < n)
		look_at(d, pa, s, s0, n, c0, ncands, seen);
	d->label_speaker = -1;
}

/* Add line s[0..n) (numbered line) to pa.  A line that stays (the
 * unit's own, not a copy freed before the paragraph is read) needs no
 * copy while it is the paragraph's only one and has no bracket to
 * clean. */
static void
para_add(struct para *pa, const char *s, size_t n, long line, int stays)
{
	if (pa->n == pa->cap) {
		pa->cap = pa->cap ? pa->cap * 2 : 8;
		pa->offs = xreallocarray(pa->offs, pa->cap, sizeof(*pa->offs));
		pa->lines = xreallocarray(pa->lines, pa->cap,
		    sizeof(*pa->lines));
	}
	if (pa->n == 0 && stays && memchr(s, '[', n) == NULL) {
		pa->line = s;
		pa->line_len = n;
		pa->offs[0] = 0;
		pa->lines[pa->n++] = line;
		return;
	}
	if (pa->line != NULL) {
		/* a second line: the first is copied now */
		buf_add(&pa->text, pa->line, pa->line_len);
		pa->line = NULL;
	}
	if (pa->text.len)
		buf_addc(&pa->text, ' ');
	pa->offs[pa->n] = pa->text.len;
	pa->lines[pa->n++] = line;
	clean(&pa->text, s, n);
}

/* Does s[0..n) hold "conversation", "talks" or "meeting" in any case? */
static int
names_a_meeting(const char *s, size_t n)
{
	static const struct {
		const char *w;
		size_t      len;
	} words[] = { { NULL, 0 },
	    { "conversation", sizeof("conversation") - 1 },
	    { "talks", sizeof("talks") - 1 },
	    { "meeting", sizeof("meeting") - 1 } };
	/* the index in words of the word a byte can start, or 0 */
	static const unsigned char starts[256] = { ['c'] = 1, ['C'] = 1,
	    ['t'] = 2, ['T'] = 2, ['m'] = 3, ['M'] = 3 };
	size_t i, k, len;
	const char *w;

	for (i = 0; i < n; i++) {
		if (starts[(unsigned char)s[i]] == 0)
			continue;
		w = words[starts[(unsigned char)s[i]]].w;
		len = words[starts[(unsigned char)s[i]]].len;
		for (k = 1; k < len && i + k < n &&
		    (s[i + k] | 0x20) == w[k]; k++)
			;
		if (k == len)
			return 1;
	}
	return 0;
}

/* Can flush() find parties in the upper-case or header paragraph pa
 * (or else go on with the text after the header)?  It does when a word
 * names a meeting, or when a pending header is followed by "with ..."
 * or "between ...". */
static int
may_name_parties(struct doc *d, struct para *pa)
{
	size_t n;
	const char *s = para_text(pa, &n);

	n = strlen(s);	/* as flush() reads it: to a NUL */
	if (names_a_meeting(s, n))
		return 1;
	if (!d->header_pending ||
	    name_tokenize_some(s, n, &toks, &toks_cap, 1, NULL) == 0)
		return 0;
	return word_is(s, &toks[0], "between") || word_is(s, &toks[0], "with");
}

static void
flush(struct doc *d, struct para *pa)
{
	if (pa->n == 0)
		return;
	if ((pa->upper || d->header_pending) && !may_name_parties(d, pa)) {
		/* what the branch below does then */
		d->header_pending = 0;
		if (pa->upper)
			goto done;
	} else if (pa->upper || d->header_pending) {
		size_t len;
		const char *text = para_text(pa, &len);
		char *tc = pa->upper ? name_titlecase(text, len) :
		    xstrdup(text);
		size_t n = name_tokenize(tc, strlen(tc), &toks, &toks_cap);
		int conv = 0, lead = 0;
		size_t i;

		for (i = 0; i < n; i++)
			if (word_is(tc, &toks[i], "conversation") ||
			    word_is(tc, &toks[i], "talks") ||
			    word_is(tc, &toks[i], "meeting"))
				conv = 1;
		lead = n > 0 && (word_is(tc, &toks[0], "between") ||
		    word_is(tc, &toks[0], "with"));
		if (conv || (d->header_pending && lead))
			parse_parties(d, tc, 0, pa->upper, pa->lines[0]);
		d->header_pending = pa->upper && conv && !lead &&
		    strstr(tc, " between ") == NULL &&
		    strstr(tc, " with ") == NULL;
		free(tc);
		if (pa->upper || lead)
			goto done;
	}
	paragraph(d, pa);
done:
	buf_reset(&pa->text);
	pa->line = NULL;
	pa->n = 0;
	pa->upper = 0;
	pa->label = -1;
}

/* An office line over a signature: short, starting with an office
 * word, not a sentence ("Ambassador of the USSR in the DPRK"). */
static int
office_line(const char *s, size_t n)
{
	size_t i = 0, w;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (n - i > 80 || n == i || strchr(".,;:", s[n - 1]) != NULL ||
	    !(s[i] >= 'A' && s[i] <= 'Z'))
		return 0;
	for (w = i; w < n && s[w] >= 'A' && (unsigned char)s[w] < 0x80 &&
	    s[w] != ' '; w++)
		;
	return name_is_stopword(s + i, w - i) && (w - i > 3 ||
	    strncmp(s + i, "Head", 4) == 0);
}

static void
signatory(struct doc *d, const char *name, int upper, long line)
{
	char *tc = upper ? name_titlecase(name, strlen(name)) : xstrdup(name);
	char *nm = whole_name(tc, NULL);

	if (nm != NULL)
		mark_signer(d, add_form(d, nm, 0, upper, line), line);
	free(nm);
	free(tc);
}

static int
group(struct rx *rx, int g, const char *s, char **out)
{
	size_t off, len;

	if (!rx_group(rx, g, &off, &len))
		return 0;
	*out = xstrndup(s + off, len);
	return 1;
}

/* The first byte after blanks (spaces and tabs). */
static size_t
skip_blanks(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* Can rx_diary match s?  After white space it reads "from" and white
 * space, in any case. */
static int
may_diary(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && ascii_space(s[i]))
		i++;
	return ascii_starts_ci(s + i, n - i, "from") && i + 4 < n && ascii_space(s[i + 4]);
}

/* Can rx_sig_plain match s, whose first byte after blanks is [ or /?
 * After it and white space comes "signature", "signed" or "s" (in any
 * case, and the pattern takes the long s U+017F for s), white space
 * and ] or /. */
static int
may_sig_plain(const char *s, size_t n)
{
	static const char *const rest[] = { "ignature", "igned", "" };
	size_t i = skip_blanks(s, n) + 1, j, m;

	while (i < n && ascii_space(s[i]))
		i++;
	if (i < n && (s[i] | 0x20) == 's')
		i++;
	else if (i + 1 < n && (unsigned char)s[i] == 0xC5 &&
	    (unsigned char)s[i + 1] == 0xBF)
		i += 2;
	else
		return 0;
	for (m = 0; m < NELEM(rest); m++) {
		if (!ascii_starts_ci(s + i, n - i, rest[m]))
			continue;
		for (j = i + strlen(rest[m]); j < n && ascii_space(s[j]); j++)
			;
		if (j < n && (s[j] == ']' || s[j] == '/'))
			return 1;
	}
	return 0;
}

/* Can rx_label_br match s, whose first byte after blanks is [?  The
 * first ] or : after it is ":]", two bytes on at least. */
static int
may_label_br(const char *s, size_t n)
{
	size_t b = skip_blanks(s, n), i;

	for (i = b + 1; i < n && s[i] != ':' && s[i] != ']'; i++)
		;
	return i < n && s[i] == ':' && i + 1 < n && s[i + 1] == ']' &&
	    i >= b + 3;
}

/* Can the label of rx_label_up start at s[i]?  It is an upper-case
 * letter, then up to the first colon capitals, marks, apostrophes,
 * hyphens, dots and white space; white space after the colon.  Other
 * characters than ASCII ones: maybe. */
static int
may_label_at(const char *s, size_t n, size_t i)
{
	unsigned char c;

	if (i >= n)
		return 0;
	c = (unsigned char)s[i];
	if (c < 0x80 && (c < 'A' || c > 'Z'))
		return 0;
	for (; i < n && s[i] != ':'; i++) {
		c = (unsigned char)s[i];
		if (c < 0x80 && !(c >= 'A' && c <= 'Z') && c != '\'' &&
		    c != '-' && c != '.' && !ascii_space(c))
			return 0;
	}
	return i + 1 < n && ascii_space(s[i + 1]);
}

/* Can rx_label_up match s: a label after white space, or after an
 * honorific (comrade, cde., com., mr.) and white space? */
static int
may_label_up(const char *s, size_t n)
{
	static const char *const hon[] = { "comrade", "cde", "com.", "mr" };
	size_t i = 0, j, h;

	while (i < n && ascii_space(s[i]))
		i++;
	if (may_label_at(s, n, i))
		return 1;
	for (h = 0; h < NELEM(hon); h++) {
		if (!ascii_starts_ci(s + i, n - i, hon[h]))
			continue;
		j = i + strlen(hon[h]);
		/* "cde." and "mr.": the dot may follow */
		if (h != 2 && h != 0 && j < n && s[j] == '.')
			j++;
		if (j >= n || !ascii_space(s[j]))
			continue;
		while (j < n && ascii_space(s[j]))
			j++;
		if (may_label_at(s, n, j))
			return 1;
	}
	return 0;
}

/* Can rx_label_up (any_case: rx_label_tc) match s?  After ASCII white
 * space both need an upper-case letter, rx_label_up also an honorific
 * (comrade, cde., com., mr.); one of its capitals is followed by no
 * lower-case letter.  Other letters than ASCII ones: maybe. */
static int
may_open_label(const char *s, size_t n, int any_case)
{
	size_t i = 0;
	int c;

	while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		i++;
	if (i == n)
		return 0;
	c = (unsigned char)s[i];
	if (c >= 0x80)
		return 1;
	if (c >= 'A' && c <= 'Z')
		return any_case || c == 'C' || c == 'M' || i + 1 == n ||
		    s[i + 1] < 'a' || s[i + 1] > 'z';
	return !any_case && (c == 'c' || c == 'm');
}

/* A labelled turn ("[Name:]", "NAME:", with any_case "Name:"): the
 * pattern that matched (its match stays for rx_end()), the label in
 * *g. */
static struct rx *
label(const char *s, size_t n, int c0, int any_case, char **g)
{
	if (c0 == '[' && may_label_br(s, n) &&
	    rx_match(rx_label_br, s, n, 0) && group(rx_label_br, 1, s, g))
		return rx_label_br;
	if (may_open_label(s, n, 0) && may_label_up(s, n) &&
	    rx_match(rx_label_up, s, n, 0) &&
	    group(rx_label_up, 1, s, g))
		return rx_label_up;
	if (any_case && may_open_label(s, n, 1) &&
	    rx_match(rx_label_tc, s, n, 0) && group(rx_label_tc, 1, s, g))
		return rx_label_tc;
	return NULL;
}

/* header fields: "Time: ...", "Participants:", "Chinese side: A, B" */
enum field { F_NONE, F_TEXT, F_ATTEND, F_INTERP, F_RECORD, F_SIGN };

struct field_word {
	const char *w;
	int         kind;
};

static int
cmp_field_word(const void *key, const void *elem)
{
	return strcmp(key, ((const struct field_word *)elem)->w);
}

/* The field a label's words name (lower case): by its first word, by
 * "side" last ("from the Soviet side"), or by "by" last and the word
 * before it ("Minutes taken by"). */
static int
field_of(char words[][16], size_t nw)
{
	static const struct field_word firsts[] = {	/* sorted */
		{ "absent", F_TEXT }, { "agenda", F_TEXT }, { "also", F_ATTEND },
		{ "attendance", F_ATTEND }, { "attending", F_ATTEND },
		{ "cc", F_TEXT }, { "classification", F_TEXT },
		{ "copies", F_TEXT }, { "copy", F_TEXT }, { "date", F_TEXT },
		{ "distribution", F_TEXT }, { "excused", F_TEXT },
		{ "interpreter", F_INTERP }, { "interpreters", F_INTERP },
		{ "location", F_TEXT }, { "note", F_TEXT }, { "notes", F_TEXT },
		{ "participants", F_ATTEND }, { "participating", F_ATTEND },
		{ "place", F_TEXT }, { "present", F_ATTEND }, { "re", F_TEXT },
		{ "recorder", F_RECORD }, { "recorders", F_RECORD },
		{ "sgd", F_SIGN }, { "signature", F_SIGN },
		{ "signatures", F_SIGN }, { "signed", F_SIGN },
		{ "source", F_TEXT }, { "subject", F_TEXT },
		{ "time", F_TEXT }, { "topic", F_TEXT },
		{ "translator", F_INTERP }, { "translators", F_INTERP },
		{ "venue", F_TEXT },
	};
	static const char *const recording[] = { "compiled", "kept",
	    "recorded", "taken", "transcribed", "written" };
	const struct field_word *f;
	size_t k;

	if (strcmp(words[nw - 1], "side") == 0 ||
	    strcmp(words[nw - 1], "sides") == 0)
		return F_ATTEND;
	if (nw >= 2 && strcmp(words[nw - 1], "by") == 0) {
		if (strcmp(words[nw - 2], "interpreted") == 0 ||
		    strcmp(words[nw - 2], "translated") == 0)
			return F_INTERP;
		for (k = 0; k < NELEM(recording); k++)
			if (strcmp(words[nw - 2], recording[k]) == 0)
				return F_RECORD;
	}
	if ((f = bsearch(words[0], firsts, NELEM(firsts), sizeof(firsts[0]),
	    cmp_field_word)) == NULL)
		return F_NONE;
	/* "Also present", not "Also: ..." */
	if (nw == 1 && strcmp(words[0], "also") == 0)
		return F_NONE;
	return f->kind;
}

/* Is s[0..n) a header field "Label: value" (the label up to five words
 * of letters)?  Its kind, and in *value where its value starts. */
static int
field(const char *s, size_t n, size_t *value)
{
	char words[5][16];
	size_t i = skip_blanks(s, n), nw = 0, w = 0;
	unsigned char c;
	int kind;

	/* a field's label is capitalized: "present situation: ..." is a
	 * wrapped line of prose */
	if (i >= n || s[i] < 'A' || s[i] > 'Z')
		return F_NONE;
	for (; i < n && s[i] != ':'; i++) {
		c = (unsigned char)s[i];
		if (c == ' ') {
			if (w > 0) {
				words[nw++][w] = '\0';
				w = 0;
			}
			continue;
		}
		if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != '-' &&
		    c != '.')
			return F_NONE;
		if (w == 0 && nw == NELEM(words))
			return F_NONE;
		if (w + 1 == sizeof(words[0]))
			return F_NONE;
		words[nw][w++] = (char)(c | 0x20);
	}
	if (w > 0)
		words[nw++][w] = '\0';
	if (i >= n || nw == 0 || (i + 1 < n && s[i + 1] != ' ' &&
	    s[i + 1] != '\t'))
		return F_NONE;
	/* "Sgd.": the dot is no part of the word */
	if ((w = strlen(words[0])) > 1 && words[0][w - 1] == '.')
		words[0][w - 1] = '\0';
	*value = i + 1;
	/* "Signed:", "Signed by:", not "Signed in Moscow: A and B ..." */
	if ((kind = field_of(words, nw)) == F_SIGN && nw > 1 &&
	    strcmp(words[nw - 1], "by") != 0)
		return F_NONE;
	return kind;
}

/* The names of a field's value s (or of a line that goes on with it)
 * get the role of field kind; an attendee named as interpreter is one.
 * The list ends with its sentence: returns where the text after it
 * starts in s (its length when none does). */
static size_t
field_names(struct doc *d, const char *s, int kind, int upper, long line)
{
	static const int roles[] = { [F_ATTEND] = R_ATTENDEE,
	    [F_INTERP] = R_INTERPRETER, [F_RECORD] = R_RECORDER,
	    [F_SIGN] = R_SIGNATORY };
	size_t len = strlen(s), n, k, end = len;
	char *tc = upper ? name_titlecase(s, len) : NULL;
	const char *v = tc != NULL ? tc : s;
	long first;

	n = name_tokenize(v, strlen(v), &toks, &toks_cap);
	for (k = 0; k + 1 < n; k++)
		if (ends_sentence(v, toks, k, n)) {
			/* "A, B. Present on the Soviet side: C" */
			if (tc == NULL)
				end = toks[k + 1].off;
			n = k + 1;
			break;
		}
	first = name_list(d, v, toks, 0, n, roles[kind], 0, upper, line);
	if (kind == F_SIGN)
		mark_signer(d, first, line);
	free(tc);
	return end;
}

/* Can a line that starts (after blanks) with c be a signature in
 * parentheses?  \s of the pattern is ASCII white space. */
static int
may_open_sig(int c)
{
	return c == '(' || c == '[' || c == '/' || (c >= '\n' && c <= '\r');
}

/* Can rx_sig_correct match s?  After blanks it reads "correct", "true
 * copy", "verified" or "copy correct", in any case. */
static int
may_sig_correct(const char *s, size_t n)
{
	size_t i = skip_blanks(s, n);

	/* most lines: one test of the first letter */
	switch (i < n ? s[i] | 0x20 : 0) {
	case 'c':
		return ascii_starts_ci(s + i, n - i, "correct") ||
		    ascii_starts_ci(s + i, n - i, "copy");
	case 't':
		return ascii_starts_ci(s + i, n - i, "true");
	case 'v':
		return ascii_starts_ci(s + i, n - i, "verified");
	default:
		return 0;
	}
}

/* Can rx_sig_paren match s, which ends in ")" and blanks?  Its group
 * holds from 2 to 80 characters and no parenthesis: from the last "("
 * on, at most 80 characters (lead bytes) that are not white space.
 * Much white space inside: the pattern decides (it may give up, and
 * say so). */
static int
may_sig_paren(const char *s, size_t n)
{
	size_t chars = 0, blanks = 0;
	unsigned char c;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return 0;
	for (n--; n > 0; ) {
		if ((c = (unsigned char)s[--n]) == '(')
			return chars <= 80 || blanks > 256;
		if (c == ')')
			return blanks > 256;
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			blanks++;
		else
			chars += (c & 0xC0) != 0x80;
	}
	return 0;
}

static int
in_range(long no, long a, long b)
{
	return a > 0 && no >= a && no <= (b > 0 ? b : a);
}

struct row {
	long person, line;
	int  role;
};

static int
cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->person != b->person)
		return a->person < b->person ? -1 : 1;
	return a->role - b->role;
}

/* --canonical: each name in the form normalize-translit gives it;
 * persons whose names then agree become one, their roles (the first
 * line of each) and turns combined. */
static void
merge_canonical(struct doc *d)
{
	struct buf c = { 0 };
	size_t i, j;
	int r;

	for (i = 0; i < d->np; i++) {
		buf_reset(&c);
		name_canonical(&c, d->p[i].best, strlen(d->p[i].best));
		d->p[i].canon = buf_take(&c);
	}
	buf_free(&c);
	for (i = 0; i < d->np; i++) {
		struct person *p = &d->p[i];

		for (j = 0; j < i && (d->p[j].canon == NULL ||
		    strcmp(d->p[j].canon, p->canon) != 0); j++)
			;
		if (j == i)
			continue;
		for (r = 0; r < NROLES; r++)
			if (p->role[r])
				set_role(&d->p[j], r, p->role[r]);
		d->p[j].turns += p->turns;
		if (p->first_line > 0 && (d->p[j].first_line == 0 ||
		    p->first_line < d->p[j].first_line))
			d->p[j].first_line = p->first_line;
		free(p->canon);
		p->canon = NULL;
	}
	for (i = 0; i < d->np; i++) {
		struct person *p = &d->p[i];

		if (p->role[R_PARTICIPANT]) {
			p->role[R_AUTHOR] = 0;
			p->role[R_ATTENDEE] = 0;
		}
		if (p->role[R_INTERPRETER])
			p->role[R_ATTENDEE] = 0;
	}
}

static void
finish(struct doc *d, const struct speakers_opts *o, struct table *tb)
{
	long author = author_guess(d), i;
	int parties = 0, r;
	struct row *rows;
	size_t nrows = 0;

	if (author < 0 && d->signer >= 0)
		author = d->signer;
	if (author >= 0 && d->i_turns > 0) {
		d->p[author].turns += d->i_turns;
		if (d->p[author].speech_line == 0 ||
		    d->i_line < d->p[author].speech_line)
			d->p[author].speech_line = d->i_line;
	}
	for (i = 0; i < (long)d->np; i++)
		if (d->p[i].role[R_PARTICIPANT])
			parties++;
	for (i = 0; i < (long)d->np; i++) {
		struct person *p = &d->p[i];
		/* one listed as present who then speaks takes part */
		int other = p->role[R_INTERPRETER] ||
		    p->role[R_RECORDER] || p->role[R_SIGNATORY] ||
		    p->role[R_AUTHOR];

		if (p->role[R_PARTICIPANT] == 0 && !other && d->conv &&
		    !p->reported && p->direct > 0 && i != author)
			set_role(p, R_PARTICIPANT, p->speech_line);
		if (p->role[R_PARTICIPANT]) {
			p->role[R_AUTHOR] = 0;
			p->role[R_ATTENDEE] = 0;
		}
		if (p->role[R_INTERPRETER])
			p->role[R_ATTENDEE] = 0;
		if (p->role[R_SIGNATORY] && parties == 0 &&
		    p->role[R_AUTHOR] == 0 && (author < 0 || i == d->signer ||
		    d->diarist < 0))
			set_role(p, R_AUTHOR, p->role[R_SIGNATORY]);
		if (i == author && d->diarist < 0 && p->role[R_PARTICIPANT] == 0 &&
		    d->first_party < 0 && p->role[R_SIGNATORY] == 0 &&
		    d->i_turns > 0)
			set_role(p, R_AUTHOR, d->i_line);
	}
	if (o->canonical)
		merge_canonical(d);
	rows = xcalloc(d->np * NROLES + 1, sizeof(*rows));
	for (i = 0; i < (long)d->np; i++) {
		int any = 0;

		if (o->canonical && d->p[i].canon == NULL)
			continue;	/* merged into another */

		for (r = 0; r < R_MENTIONED; r++)
			if (d->p[i].role[r]) {
				rows[nrows].person = i;
				rows[nrows].role = r;
				rows[nrows++].line = d->p[i].role[r];
				any = 1;
			}
		if (!any && o->mentions && d->p[i].first_line > 0) {
			rows[nrows].person = i;
			rows[nrows].role = R_MENTIONED;
			rows[nrows++].line = d->p[i].first_line;
		}
	}
	qsort(rows, nrows, sizeof(*rows), cmp_row);
	for (i = 0; i < (long)nrows; i++) {
		struct person *p = &d->p[rows[i].person];

		table_str(tb, d->u->paper);
		table_str(tb, d->u->doc);
		table_str(tb, o->canonical ? p->canon : p->best);
		table_str(tb, role_names[rows[i].role]);
		table_str(tb, p->turns > 0 ? "y" : "n");
		table_count(tb, p->turns);
		table_long(tb, rows[i].line);
		table_end_row(tb);
	}
	free(rows);
}

void
speakers_doc(const struct unit *u, const struct speakers_opts *o,
    struct table *tb)
{
	struct doc d = { 0 };
	struct para pa = { 0 };
	size_t k;
	long prev = -1;	/* previous non-blank line (index) */
	struct upper_memo memo = { { -1, -1 }, { 0, 0 } };
	long last_body;	/* index of the last line of the text */
	int skip_next = 0;
	char *g = NULL;
	struct rx *rx;
	int fk, field_kind = F_NONE;	/* of the list going on, if any */
	long field_line = 0;	/* its label's */
	size_t fv;

	compile();
	d.u = u;
	d.serial = ++doc_serial;
	d.diarist = d.speech_by = d.first_party = d.signer = -1;
	d.last_party = -1;
	d.label_speaker = -1;
	pa.label = -1;
	d.conv = u->kind == KIND_RECORD || u->kind == KIND_MEMORANDUM ||
	    u->kind == KIND_MINUTES || u->kind == KIND_DIARY ||
	    u->kind == KIND_OTHER;
	if (u->title && *u->title) {
		/* a title in capitals (bulletins print them so) is read in
		 * title case, as an upper-case header is */
		int title_upper = all_upper(u->title, strlen(u->title));
		char *title = title_upper ?
		    name_titlecase(u->title, strlen(u->title)) : NULL;

		parse_parties(&d, title_upper ? title : u->title, 1,
		    title_upper, u->title_line ? u->title_line : u->first);
		free(title);
	}

	/* the last line of the text: no note, no source, not blank */
	for (k = u->nlines; k > 0; k--) {
		const struct line *ln = &u->lines[k - 1];

		if (!blank(ln->s, ln->len) && !in_range(ln->no, u->source_line,
		    u->source_last) && !note_line(ln->s, ln->len))
			break;
	}
	last_body = (long)k - 1;

	for (k = 0; k < u->nlines; k++) {
		const struct line *ln = &u->lines[k];
		const char *s = ln->s;
		size_t n = ln->len;
		char *tc = NULL;
		int upper, c0 = first_byte(s, n);

		if (ln->no == u->first || in_range(ln->no, u->title_line,
		    u->title_last) || in_range(ln->no, u->source_line,
		    u->source_last) || blank(s, n)) {
			if (blank(s, n) || ln->no != u->first)
				flush(&d, &pa);
			field_kind = F_NONE;
			continue;
		}
		if (note_line(s, n)) {
			flush(&d, &pa);
			prev = (long)k;
			continue;
		}
		upper = line_upper(u, (long)k, &memo);
		if (upper)
			tc = name_titlecase(s, n);
		if (skip_next) {
			/* the name under "From the diary of" */
			char *nm = whole_name(tc ? tc : s, NULL);

			skip_next = 0;
			if (nm != NULL) {
				mark_author(&d, add_form(&d, nm, 0, upper, ln->no),
				    ln->no);
				free(nm);
				prev = (long)k;
				free(tc);
				continue;
			}
		}
		if ((c0 == 'F' || c0 == 'f') && may_diary(tc ? tc : s,
		    tc ? strlen(tc) : n) &&
		    rx_match(rx_diary, tc ? tc : s, tc ? strlen(tc) : n, 0)) {
			const char *src = tc ? tc : s;
			char *rest = NULL, *nm;

			flush(&d, &pa);
			group(rx_diary, 1, src, &rest);
			if (rest && *rest && (nm = whole_name(rest, NULL))) {
				mark_author(&d, add_form(&d, nm, 0, upper, ln->no),
				    ln->no);
				free(nm);
			} else if (rest && *rest) {
				struct buf b = { 0 };

				buf_printf(&b, "diary of %s", rest);
				parse_parties(&d, buf_cstr(&b), 0, upper, ln->no);
				buf_free(&b);
			} else
				skip_next = 1;
			free(rest);
			prev = (long)k;
			free(tc);
			continue;
		}
		if ((may_sig_correct(s, n) &&
		    rx_match(rx_sig_correct, s, n, 0) &&
		    group(rx_sig_correct, 1, s, &g)) ||
		    (last_byte(s, n) == ')' && may_open_sig(c0) &&
		    may_sig_paren(s, n) && rx_match(rx_sig_paren, s, n, 0) &&
		    group(rx_sig_paren, 1, s, &g)) ||
		    ((c0 == '[' || c0 == '/') && may_sig_plain(s, n) &&
		    rx_match(rx_sig_plain, s, n, 0) &&
		    group(rx_sig_plain, 1, s, &g))) {
			flush(&d, &pa);
			signatory(&d, g, all_upper(g, strlen(g)), ln->no);
			free(g);
			g = NULL;
			prev = (long)k;
			free(tc);
			continue;
		}
		if (memchr(s, ':', n) != NULL &&
		    (fk = field(s, n, &fv)) != F_NONE) {
			/* a field of a header block: a line of its own */
			flush(&d, &pa);
			if (fk == F_TEXT) {
				field_kind = F_NONE;
				para_add(&pa, s, n, ln->no, 1);
			} else {
				size_t rest = fv + field_names(&d, s + fv, fk,
				    upper, ln->no);

				field_line = ln->no;
				/* "Participants:" over a list, "A, B," */
				fv += skip_blanks(s + fv, n - fv);
				field_kind = fv == n ||
				    last_byte(s, n) == ',' ||
				    last_byte(s, n) == ';' ? fk : F_NONE;
				if (rest < n) {
					/* a sentence after the list */
					field_kind = F_NONE;
					para_add(&pa, s + rest, n - rest,
					    ln->no, 1);
				}
			}
			prev = (long)k;
			free(tc);
			continue;
		}
		if (field_kind != F_NONE && memchr(s, ':', n) == NULL) {
			/* the list goes on up to a blank line or a dot */
			field_names(&d, s, field_kind, upper, field_line);
			if (last_byte(s, n) == '.')
				field_kind = F_NONE;
			prev = (long)k;
			free(tc);
			continue;
		}
		field_kind = F_NONE;
		if (memchr(s, ':', n) != NULL &&
		    (rx = label(s, n, c0, d.conv, &g)) != NULL) {
			char *lt, *nm;

			lt = all_upper(g, strlen(g)) ?
			    name_titlecase(g, strlen(g)) : xstrdup(g);
			nm = whole_name(lt, NULL);
			/* "Name:" outside minutes (Chinese memoranda): only
			 * a name the document knows from its title or header
			 * ("Mao Zedong:", "Mao:"), not "Hong Kong: ..." */
			if (nm != NULL && rx == rx_label_tc &&
			    u->kind != KIND_MINUTES &&
			    record_form(&d, nm, strlen(nm), 0, 0, 0,
			    ln->no) < 0) {
				free(nm);
				nm = NULL;
			}
			if (nm != NULL) {
				long p;
				size_t end = rx_end(rx);

				flush(&d, &pa);
				p = add_form(&d, nm, 0, lt != NULL &&
				    strcmp(lt, g) != 0, ln->no);
				if (p >= 0) {
					d.p[p].turns++;
					d.p[p].direct++;
					if (d.p[p].speech_line == 0)
						d.p[p].speech_line = ln->no;
					set_role(&d.p[p], R_PARTICIPANT, ln->no);
				}
				pa.label = p;
				para_add(&pa, s + end, n - end, ln->no, 1);
				free(nm);
				free(lt);
				free(g);
				g = NULL;
				prev = (long)k;
				free(tc);
				continue;
			}
			free(lt);
			free(g);
			g = NULL;
		}
		if (upper) {
			/* MARKOV, V. KUZNETSOV: a signature in capitals */
			int inits = 0, last = (long)k >= last_body;
			/* (a signature starts no paragraph) */
			char *nm = pa.n == 0 ? whole_name(tc, &inits) : NULL;

			if (nm != NULL && pa.n == 0 && (inits || last ||
			    name_words(nm) >= 2)) {
				mark_signer(&d, add_form(&d, nm, 0, 1, ln->no),
				    ln->no);
				free(nm);
				prev = (long)k;
				free(tc);
				continue;
			}
			free(nm);
			if (!pa.upper)
				flush(&d, &pa);
			pa.upper = 1;
			para_add(&pa, tc, strlen(tc), ln->no, 0);
			prev = (long)k;
			free(tc);
			continue;
		}
		/* a name alone on its line: a signature */
		{
			int inits = 0, last, office = 0;
			/* a longer line is no name alone, nor one below
			 * two lines of a paragraph */
			char *nm = n <= 120 && pa.n <= 1 ?
			    whole_name(s, &inits) : NULL;
			int prev_upper = nm != NULL && prev >= 0 &&
			    line_upper(u, prev, &memo);
			int prev_open = 0, prev_comma = 0;

			/* (the line above matters to a name only) */
			if (prev >= 0 && nm != NULL) {
				const struct line *pl = &u->lines[prev];
				size_t e = pl->len;

				while (e > 0 && pl->s[e - 1] == ' ')
					e--;
				prev_comma = e > 0 && pl->s[e - 1] == ',';
				prev_open = e == 0 || pl->s[e - 1] == ':' ||
				    (e >= 3 && (strncmp(pl->s + e - 3, " of", 3) == 0 ||
				    strncmp(pl->s + e - 3, " by", 3) == 0));
				/* "Counsellor of the Embassy" over "Yu. Fadeev" */
				office = nm != NULL && inits && !prev_open &&
				    pa.n == 1 && pa.lines[0] == pl->no &&
				    office_line(pl->s, e);
			}
			/* a name closing the document: who signs it */
			last = (long)k >= last_body && prev >= 0 &&
			    nm != NULL && name_words(nm) >= 2;
			if (office)
				flush(&d, &pa);
			if (nm != NULL && (inits || prev_upper || prev_comma ||
			    last) && !prev_open && pa.n == 0) {
				mark_signer(&d, add_form(&d, nm, 0, 0, ln->no),
				    ln->no);
				free(nm);
				prev = (long)k;
				free(tc);
				continue;
			}
			free(nm);
		}
		if (pa.upper)
			flush(&d, &pa);
		para_add(&pa, s, n, ln->no, 1);
		prev = (long)k;
		free(tc);
	}
	flush(&d, &pa);
	finish(&d, o, tb);

	for (k = 0; k < d.np; k++) {
		size_t f;

		for (f = 0; f < d.p[k].nforms; f++) {
			free(d.p[k].forms[f].text);
			name_parsed_free(d.p[k].forms[f].parsed);
		}
		free(d.p[k].forms);
		free(d.p[k].canon);
		buf_free(&d.p[k].office);
	}
	free(d.p);
	free(d.fmap);
	buf_free(&pa.text);
	free(pa.offs);
	free(pa.lines);
}
