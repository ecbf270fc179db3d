/* notes.c: footnotes and reference markers of a paper's units. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ascii.h"
#include "notes.h"
#include "rx.h"
#include "utf8.h"
#include "util.h"

#define SUP "[\\x{2070}\\x{00B9}\\x{00B2}\\x{00B3}\\x{2074}-\\x{2079}]"

enum { RX_SUP_LINE, RX_BR_LINE, RX_MARKER, RX_SECTION, RX_URL, RX_INDOC,
    RX_MONTH, RX_N };

static const struct {
	const char *name, *pattern;
} rx_defs[RX_N] = {
	[RX_SUP_LINE] = { "superscript note",
	    "^\\s*(" SUP "{1,3})\\s*(?=\\S)" },
	[RX_BR_LINE] = { "bracketed note",
	    "^\\s*\\[\\^?(\\d{1,3})\\][:.]?\\s*(?=\\S)" },
	/* glued to the word before: a bracket, or superscript digits */
	[RX_MARKER] = { "note marker",
	    "(?<=[\\p{L}\\p{Nd}.,;:!?\"”’')*_\\]])\\[\\^?(\\d{1,3})\\]"
	    "|(?<=\\S)(" SUP "{1,3})(?!" SUP ")" },
	[RX_SECTION] = { "notes heading",
	    "^\\s*[#*_]*\\s*(?i:end\\s*notes|foot\\s*notes|notes)"
	    "\\s*[:.]?\\s*[*_]*\\s*$" },
	[RX_URL] = { "url line", "^\\s*<?(?i:https?://|www\\.)" },
	[RX_INDOC] = { "note in document",
	    "(?i)[\\[(]\\s*(?:foot)?note\\s+(?:in|of|from)\\s+(?:the\\s+)?"
	    "(?:original(?:\\s+document)?|document)\\.?\\s*[\\])]"
	    "|[\\[(]\\s*(?:the\\s+)?(?:document's\\s+|original\\s+)(?:foot)?note\\.?\\s*[\\])]" },
	[RX_MONTH] = { "month after number",
	    "\\G(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b" },
};

/* A pattern, made at its first use: most files need few of them. */
static struct rx *
pattern(int which)
{
	static struct rx *made[RX_N];

	if (made[which] == NULL)
		made[which] = rx_compile(rx_defs[which].name,
		    rx_defs[which].pattern, 0);
	return made[which];
}

/* The length of the superscript digit of SUP at s[0..len), 0 when
 * none: C2 B9, C2 B2, C2 B3, or E2 81 B0, E2 81 B4-B9 (U+2071-2073 are
 * not digits). */
static size_t
sup_at(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len >= 2 && u[0] == 0xC2)
		return u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3 ? 2 : 0;
	if (len >= 3 && u[0] == 0xE2 && u[1] == 0x81)
		return u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9) ? 3 : 0;
	return 0;
}

/* How many superscript digits follow one another from s[0], up to
 * max, and where they end (*end). */
static size_t
sup_run(const char *s, size_t len, size_t max, size_t *end)
{
	size_t n, k, i = 0;

	for (n = 0; n < max && (k = sup_at(s + i, len - i)) > 0; n++)
		i += k;
	*end = i;
	return n;
}

/* The value of superscript digits s[0..len). */
static long
sup_value(const char *s, size_t len)
{
	long v = 0;
	uint32_t cp;
	size_t k;

	while (len > 0 && (k = utf8_decode(s, len, &cp)) > 0) {
		v = v * 10 + utf8_superscript_digit(cp);
		s += k;
		len -= k;
	}
	return v;
}

static long
dec_value(const char *s, size_t len)
{
	long v = 0;

	while (len-- > 0 && isdigit((unsigned char)*s))
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Where the first byte after leading white space is (len if none). */
static size_t
first_byte(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!ascii_space((unsigned char)s[i]))
			break;
	return i;
}

/* rx_plain_line, "^\s*(\d{1,3})(?:[.)]\s*|\s+)(?=\S)", by hand: the
 * number is all the digits (a fourth fails), and what follows the
 * stop or the blanks must be something.  Sets the number's span and
 * where the text starts. */
static int
plain_number(const char *s, size_t len, size_t *off, size_t *n,
    size_t *text)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = first_byte(s, len), d = i, e;

	while (d < len && d - i < 3 && ascii_digit(u[d]))
		d++;
	if (d == i || d >= len)
		return 0;
	e = d;
	if (u[e] == '.' || u[e] == ')')
		e++;
	else if (!ascii_space(u[e]))
		return 0;
	while (e < len && ascii_space(u[e]))
		e++;
	if (e >= len)
		return 0;
	*off = i;
	*n = d - i;
	*text = e;
	return 1;
}

/* Does a month's name open s at pos?  rx_month, "\G(?i:jan|...|dec)
 * [a-z]*\b", by hand for ASCII; pcre2 tells for other bytes (a
 * caseless "s" is also the long s). */
static int
month_at(const char *s, size_t len, size_t pos)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	const unsigned char *u = (const unsigned char *)s;
	char w[3];
	size_t i;

	if (len - pos < 3)
		return 0;
	for (i = 0; i < 3; i++) {
		if (u[pos + i] >= 0x80)
			return rx_match(pattern(RX_MONTH), s, len, pos);
		w[i] = (char)(u[pos + i] | 0x20);
	}
	for (i = 0; i < sizeof(months) - 1; i += 3)
		if (memcmp(months + i, w, 3) == 0)
			break;
	if (i >= sizeof(months) - 1)
		return 0;
	for (pos += 3; pos < len && u[pos] >= 'a' && u[pos] <= 'z'; pos++)
		;
	/* \b: no word character (ASCII letter, digit, _) after it */
	return pos == len || !(isalnum(u[pos]) || u[pos] == '_');
}

/* rx_sup_line, "^\s*(SUP{1,3})\s*(?=\S)", by hand at the line's first
 * byte after white space, s[i]: the digits' length and where the text
 * starts.  Four digits or more give their first three; when only white
 * space follows the digits, pcre2 gives one back, so that the next
 * digit is the \S. */
static int
sup_line(const char *s, size_t len, size_t i, size_t *n, size_t *text)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t ndigits, e, k, t;

	if ((ndigits = sup_run(s + i, len - i, 3, &e)) == 0)
		return 0;
	for (t = i + e; t < len && ascii_space(u[t]); t++)
		;
	if (t < len) {
		*n = e;
		*text = t;
		return 1;
	}
	if (ndigits == 1)
		return 0;
	/* one digit fewer: the last one is what follows */
	sup_run(s + i, len - i, ndigits - 1, &k);
	*n = k;
	*text = i + k;
	return 1;
}

/* notes_line() of a line whose first byte after white space is s[i] */
static int
line_opens_note(const char *s, size_t len, size_t i, int plain, long *num,
    size_t *text_off)
{
	struct rx *rx;
	size_t off, n, text;
	unsigned char c = i < len ? (unsigned char)s[i] : 0,
	    c1 = i + 1 < len ? (unsigned char)s[i + 1] : 0;

	/* a note opens with a superscript digit (¹²³ are C2 B9, C2 B2,
	 * C2 B3, the others E2 81 xx), "[12]" or "[^12]", or a plain
	 * number: spare pcre2 the other lines */
	if (!(c == 0xC2 && (c1 == 0xB9 || c1 == 0xB2 || c1 == 0xB3)) &&
	    !(c == 0xE2 && c1 == 0x81) && !(c == '[' && (isdigit(c1) ||
	    c1 == '^')) && !(plain && isdigit(c)))
		return 0;
	/* each pattern needs its opening byte */
	if (c != '[' && !isdigit(c) && sup_line(s, len, i, &n, &text)) {
		*num = sup_value(s + i, n);
		*text_off = text;
		return 1;
	}
	if (c == '[' && rx_match(rx = pattern(RX_BR_LINE), s, len, 0)) {
		rx_group(rx, 1, &off, &n);
		*num = dec_value(s + off, n);
		*text_off = rx_end(rx);
		return 1;
	}
	if (plain && plain_number(s, len, &off, &n, &text)) {
		/* "12 March 1968" is a date, not note 12 */
		if (month_at(s, len, text))
			return 0;
		*num = dec_value(s + off, n);
		*text_off = text;
		return *num > 0;
	}
	return 0;
}

int
notes_line(const char *s, size_t len, int plain, long *num, size_t *text_off)
{
	return line_opens_note(s, len, first_byte(s, len), plain, num,
	    text_off);
}

/* Where the first byte that may open a marker is: a '[' or a
 * superscript digit (¹²³ are C2 B9, C2 B2, C2 B3; the others E2 81
 * B0-B9); len when there is none.  No marker starts before it. */
static size_t
marker_byte(const char *s, size_t len, unsigned bits)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + len, *q;
	size_t best = len;

	/* bits (LB_) tell which kinds the line can hold: a bracket needs a
	 * digit, superscripts C2 or E2 */
	if ((bits & (LB_BRACKET | LB_DIGIT)) == (LB_BRACKET | LB_DIGIT) &&
	    (q = memchr(p, '[', len)) != NULL)
		best = (size_t)(q - p);
	if (!(bits & LB_SUP))
		return best;
	for (q = p; (q = memchr(q, 0xC2, (size_t)(p + best - q))) != NULL; q++)
		if (q + 1 < e && (q[1] == 0xB9 || q[1] == 0xB2 || q[1] == 0xB3)) {
			best = (size_t)(q - p);
			break;
		}
	for (q = p; (q = memchr(q, 0xE2, (size_t)(p + best - q))) != NULL; q++)
		if (q + 1 < e && q[1] == 0x81) {
			best = (size_t)(q - p);
			break;
		}
	return best;
}

/* Can no marker of rx_marker start at s[c], a '[' or a superscript
 * digit's first byte?  Decided where ASCII decides it: a bracket must
 * hold one to three digits ("[^12]"), and the byte before must be one
 * the look-behind allows. */
static int
no_marker_at(const char *s, size_t len, size_t c)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = c + 1, d;

	if (c == 0)
		return 1;	/* nothing before it */
	if (u[c] != '[')
		return ascii_space(u[c - 1]);	/* (?<=\S) */
	if (i < len && u[i] == '^')
		i++;
	for (d = i; d < len && d - i < 3 && ascii_digit(u[d]); d++)
		;
	if (d == i || d >= len || u[d] != ']')
		return 1;
	return u[c - 1] < 0x80 && !isalnum(u[c - 1]) &&
	    strchr(".,;:!?\"')*_]", u[c - 1]) == NULL;
}

/* The LB_ bit of each byte value */
static const unsigned char byte_bit[256] = {
	['\0'] = LB_NUL, ['['] = LB_BRACKET, ['('] = LB_PAREN,
	['0'] = LB_DIGIT, ['1'] = LB_DIGIT, ['2'] = LB_DIGIT,
	['3'] = LB_DIGIT, ['4'] = LB_DIGIT, ['5'] = LB_DIGIT,
	['6'] = LB_DIGIT, ['7'] = LB_DIGIT, ['8'] = LB_DIGIT,
	['9'] = LB_DIGIT, [0xC2] = LB_SUP, [0xE2] = LB_SUP,
};

#ifdef __SSE2__
/* Which of the LB_ bytes sixteen bytes hold, or-ed into acc */
struct lb_acc {
	__m128i digit, nul, br, paren, sup;
};

static inline void
lb_add16(struct lb_acc *acc, const unsigned char *p)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	/* '0'-'9' + 0x50 are 0x80-0x89, the lowest signed */
	acc->digit = _mm_or_si128(acc->digit, _mm_cmplt_epi8(
	    _mm_add_epi8(v, _mm_set1_epi8(0x50)), _mm_set1_epi8(-118)));
	acc->nul = _mm_or_si128(acc->nul,
	    _mm_cmpeq_epi8(v, _mm_setzero_si128()));
	acc->br = _mm_or_si128(acc->br, _mm_cmpeq_epi8(v, _mm_set1_epi8('[')));
	acc->paren = _mm_or_si128(acc->paren,
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('(')));
	/* C2 and E2 differ in bit 0x20 alone */
	acc->sup = _mm_or_si128(acc->sup, _mm_cmpeq_epi8(_mm_and_si128(v,
	    _mm_set1_epi8((char)0xDF)), _mm_set1_epi8((char)0xC2)));
}
#endif

unsigned
notes_line_bytes(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned bits = 0;
	size_t i = 0;

#ifdef __SSE2__
	if (len >= 16) {
		struct lb_acc acc;

		acc.digit = acc.nul = acc.br = acc.paren = acc.sup =
		    _mm_setzero_si128();
		/* sixteen bytes a step, then the last sixteen, overlapping
		 * the step before: only which bytes occur counts */
		for (; i + 16 <= len; i += 16)
			lb_add16(&acc, u + i);
		if (i < len)
			lb_add16(&acc, u + len - 16);
		if (_mm_movemask_epi8(acc.digit))
			bits |= LB_DIGIT;
		if (_mm_movemask_epi8(acc.nul))
			bits |= LB_NUL;
		if (_mm_movemask_epi8(acc.br))
			bits |= LB_BRACKET;
		if (_mm_movemask_epi8(acc.paren))
			bits |= LB_PAREN;
		if (_mm_movemask_epi8(acc.sup))
			bits |= LB_SUP;
		return bits;
	}
#endif
	for (; i < len; i++)
		bits |= byte_bit[u[i]];
	return bits;
}

/* Could notes_marker() find a marker in a line of these LB_ bits?  A
 * bracket holds an ASCII digit; superscript digits open with C2 or E2. */
static int
may_hold_marker(unsigned bits)
{
	return (bits & LB_SUP) ||
	    (bits & (LB_BRACKET | LB_DIGIT)) == (LB_BRACKET | LB_DIGIT);
}

enum { MARK_NO, MARK_YES, MARK_ASK };	/* ASK: only pcre2 can tell */

/* Does rx_marker match at s[c], a '[' or a superscript digit's first
 * byte that no_marker_at() let through?  Its span (*end) and number.
 * A bracket's look-behind after a byte past ASCII (a letter or digit
 * to \p{L}\p{Nd}, a curly quote) is pcre2's to decide. */
static int
marker_at(const char *s, size_t len, size_t c, long *num, size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = c + 1, d, n, e;

	if (u[c] == '[') {
		/* no_marker_at() checked the digits and ']'; the byte
		 * before is a letter, a digit or one of the marks (a NUL is
		 * none of them) */
		if (u[c - 1] >= 0x80)
			return MARK_ASK;
		if (u[c - 1] == '\0')
			return MARK_NO;
		if (u[i] == '^')
			i++;
		for (d = i; ascii_digit(u[d]); d++)
			;
		*num = dec_value(s + i, d - i);
		*end = d + 1;
		return MARK_YES;
	}
	/* (?<=\S)(SUP{1,3})(?!SUP): a fourth digit fails every split; the
	 * byte before is not white space (no_marker_at()) */
	n = sup_run(s + c, len - c, 4, &e);
	if (n == 0 || n > 3)
		return MARK_NO;
	*num = sup_value(s + c, e);
	*end = c + e;
	return MARK_YES;
}

/* notes_marker() in a line of LB_ bits */
static int
find_marker(const char *s, size_t len, unsigned bits, size_t *pos, long *num,
    size_t *start, size_t *end)
{
	struct rx *rx;
	size_t off, n;

	/* each place a marker may open, in turn: the first that matches is
	 * pcre2's leftmost match */
	for (;;) {
		if (*pos >= len)
			return 0;
		*pos += marker_byte(s + *pos, len - *pos, bits);
		if (*pos >= len)
			return 0;
		if (!no_marker_at(s, len, *pos)) {
			switch (marker_at(s, len, *pos, num, end)) {
			case MARK_YES:
				*start = *pos;
				*pos = *end;
				return 1;
			case MARK_ASK:
				goto ask;
			default:
				break;
			}
		}
		(*pos)++;
	}
ask:
	/* the look-behind still sees the bytes before the start */
	rx = pattern(RX_MARKER);
	if (!rx_match(rx, s, len, *pos))
		return 0;
	*start = rx_start(rx);
	*end = *pos = rx_end(rx);
	if (rx_group(rx, 1, &off, &n))
		*num = dec_value(s + off, n);
	else {
		rx_group(rx, 2, &off, &n);
		*num = sup_value(s + off, n);
	}
	return 1;
}

int
notes_marker(const char *s, size_t len, size_t *pos, long *num,
    size_t *start, size_t *end)
{
	return find_marker(s, len, LB_DIGIT | LB_BRACKET | LB_SUP, pos, num,
	    start, end);
}

/* Could rx_indoc match at the bracket s[i]?  After white space its
 * words open with "no" (note), "fo" (footnote), "th" (the), "do"
 * (document's) or "or" (original), in any case: none of these letters
 * has a caseless form past ASCII. */
static int
may_indoc_at(const char *s, size_t len, size_t i)
{
	static const char pairs[] = "nofothdoor";
	const unsigned char *u = (const unsigned char *)s;
	size_t k;

	for (i++; i < len && ascii_space(u[i]); i++)
		;
	if (len - i < 2)
		return 0;
	for (k = 0; k < sizeof(pairs) - 1; k += 2)
		if ((u[i] | 0x20) == pairs[k] && (u[i + 1] | 0x20) == pairs[k + 1])
			return 1;
	return 0;
}

/* Where the first bracket that opens rx_indoc's words is, len when
 * none does. */
static size_t
indoc_bracket(const char *s, size_t len)
{
	const char *p, *e = s + len;
	size_t best = len;
	int open;

	for (open = 0; open < 2; open++)
		for (p = s; (p = memchr(p, open ? '(' : '[',
		    (size_t)(e - p))) != NULL && (size_t)(p - s) < best; p++)
			if (may_indoc_at(s, len, (size_t)(p - s))) {
				best = (size_t)(p - s);
				break;
			}
	return best;
}

int
notes_in_document(const char *s, size_t len)
{
	size_t i;

	/* rx_indoc opens with a bracket and holds "note" in some case after
	 * it (no letter of it has a caseless form past ASCII) */
	for (i = indoc_bracket(s, len); i + 4 <= len; i++)
		if ((s[i] | 0x20) == 'n' && (s[i + 1] | 0x20) == 'o' &&
		    (s[i + 2] | 0x20) == 't' && (s[i + 3] | 0x20) == 'e')
			break;
	if (i + 4 > len)
		return 0;
	return rx_match(pattern(RX_INDOC), s, len, 0);
}

long
note_line_at(const struct note *n, size_t off)
{
	size_t i;

	for (i = n->nparts; i-- > 1; )
		if (off >= n->offs[i])
			return n->lines[i];
	return n->line;
}

enum { L_BODY, L_START, L_CONT };

struct pending {	/* a marker found in this unit, not yet kept */
	long   num;
	size_t idx;
};

/* notes_scan()'s arrays, a slot a line, kept from unit to unit */
struct notes_scratch {
	size_t          cap;	/* lines they hold */
	char           *cls;	/* L_ class */
	size_t         *toff;	/* where a note's text starts */
	long           *nums;	/* a note line's number */
	size_t         *heard;	/* the lines the last pass visits */
	unsigned char  *bytes;	/* LB_ bits */
	size_t         *first_at;	/* a marker number's first line + 1,
					   zero between units; made at the
					   first marker */
	struct pending *pm;
	size_t          pmcap;
	/* claim()'s markers by number (index + 1, zero when none; all
	 * zero between units): this unit's first unclaimed, and the last
	 * unclaimed of an earlier unit; same_num links the others */
	size_t         *next_here, *last_before;
	/* emit()'s note text and its lines' places, kept for the next */
	struct buf      text;
	size_t         *part_offs;
	long           *part_lines;
	size_t          partcap;
};

/* The scratch of the notes freed last, for the next notes_init(): a
 * series of small files then allocates none a file. */
static struct notes_scratch *spare_scratch;

static struct notes_scratch *
scratch(struct notes *ns, size_t nlines)
{
	struct notes_scratch *sc = ns->scratch;

	if (sc == NULL)
		sc = ns->scratch = xcalloc(1, sizeof(*sc));
	if (nlines + 1 > sc->cap) {
		sc->cap = nlines + 1 > sc->cap * 2 ? nlines + 1 : sc->cap * 2;
		sc->cls = xreallocarray(sc->cls, sc->cap, sizeof(*sc->cls));
		sc->toff = xreallocarray(sc->toff, sc->cap, sizeof(*sc->toff));
		sc->nums = xreallocarray(sc->nums, sc->cap, sizeof(*sc->nums));
		sc->heard = xreallocarray(sc->heard, sc->cap,
		    sizeof(*sc->heard));
		sc->bytes = xreallocarray(sc->bytes, sc->cap,
		    sizeof(*sc->bytes));
	}
	return sc;
}

void
notes_init(struct notes *ns)
{
	memset(ns, 0, sizeof(*ns));
	ns->scratch = spare_scratch;
	spare_scratch = NULL;
}

static void
scratch_free(struct notes_scratch *sc)
{
	free(sc->cls);
	free(sc->toff);
	free(sc->nums);
	free(sc->heard);
	free(sc->bytes);
	free(sc->first_at);
	free(sc->pm);
	free(sc->next_here);
	free(sc->last_before);
	buf_free(&sc->text);
	free(sc->part_offs);
	free(sc->part_lines);
	free(sc);
}

void
notes_free(struct notes *ns)
{
	size_t i;

	for (i = 0; i < ns->nm; i++)
		free(ns->m[i].doc);
	free(ns->m);
	/* kept as it is: notes_scan() takes a whole unit and leaves its
	 * tables by number (first_at, the marker chains) all zero */
	if (ns->scratch != NULL && spare_scratch == NULL)
		spare_scratch = ns->scratch;
	else if (ns->scratch != NULL)
		scratch_free(ns->scratch);
	memset(ns, 0, sizeof(*ns));
}

/* A notes heading is short and its word opens with n, e or f. */
static int
maybe_section(const char *s, size_t len)
{
	size_t i = 0;

	if (len > 64)
		return 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '#' ||
	    s[i] == '*' || s[i] == '_' || s[i] == '\0'))
		i++;
	return i < len && ((s[i] | 0x20) == 'n' || (s[i] | 0x20) == 'e' ||
	    (s[i] | 0x20) == 'f');
}

/* Do the letters of word stand at s[*i] in either case (moved past
 * them)?  1 yes, 0 no, -1 when a byte past ASCII stands for an "s":
 * caselessly it is also the long s. */
static int
word_ci(const char *s, size_t len, size_t *i, const char *word)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k;

	for (k = 0; word[k] != '\0'; k++) {
		if (*i + k >= len)
			return 0;
		if (u[*i + k] >= 0x80 && word[k] == 's')
			return -1;
		if ((u[*i + k] | 0x20) != word[k])
			return 0;
	}
	*i += k;
	return 1;
}

/* Where the bytes of set (no NUL among them) end from s[i] */
static size_t
skip_set(const char *s, size_t len, size_t i, const char *set)
{
	while (i < len && s[i] != '\0' && strchr(set, s[i]) != NULL)
		i++;
	return i;
}

/* rx_section, "^\s*[#*_]*\s*(?i:end\s*notes|foot\s*notes|notes)
 * \s*[:.]?\s*[*_]*\s*$", by hand: each part's bytes differ from the
 * next part's and the words' first letters differ, so no part need give
 * any back.  pcre2 tells where a byte past ASCII may be an "s". */
static int
section_line(const char *s, size_t len)
{
	size_t i;
	int r;

	i = skip_set(s, len, ascii_skip_space(s, 0, len), "#*_");
	i = ascii_skip_space(s, i, len);

	/* "end" and "foot" (no "s" in them) before "notes" */
	if (word_ci(s, len, &i, "end") == 1 || word_ci(s, len, &i, "foot") == 1)
		i = ascii_skip_space(s, i, len);
	if ((r = word_ci(s, len, &i, "notes")) < 0)
		return rx_match(pattern(RX_SECTION), s, len, 0);
	if (r == 0)
		return 0;
	i = ascii_skip_space(s, i, len);
	if (i < len && (s[i] == ':' || s[i] == '.'))
		i++;
	i = skip_set(s, len, ascii_skip_space(s, i, len), "*_");
	return ascii_skip_space(s, i, len) == len;
}

/* Can rx_url match a line whose first byte after white space is c?  It
 * opens with "<", "http" or "www." (no caseless form past ASCII). */
static int
may_url_line(char c)
{
	return c == '<' || (c | 0x20) == 'h' || (c | 0x20) == 'w';
}

static void
add_marker(struct notes *ns, long num, long line, const char *doc)
{
	if (ns->nm == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 64;
		ns->m = xreallocarray(ns->m, ns->cap, sizeof(*ns->m));
	}
	ns->m[ns->nm].num = num;
	ns->m[ns->nm].line = line;
	ns->m[ns->nm].unit = ns->unit;
	ns->m[ns->nm].claimed = 0;
	ns->m[ns->nm].doc = xstrdup(doc);
	ns->nm++;
}

/* Note and marker numbers have one to three digits: each is in range */
static int
note_num_ok(long num)
{
	return num >= 0 && num < NOTE_NUMS;
}

static void
add_seen(struct notes *ns, long num)
{
	if (note_num_ok(num))
		ns->seen[num / 8] |= 1u << (num % 8);
}

static int
was_seen(const struct notes *ns, long num)
{
	return note_num_ok(num) && (ns->seen[num / 8] & (1u << (num % 8)));
}

/* Chain the markers of each number for claim(): the earlier units'
 * from the last back, this unit's (the tail of m) from the first on. */
static void
link_markers(struct notes *ns)
{
	struct notes_scratch *sc = ns->scratch;
	struct marker *m = ns->m;
	size_t i;

	if (sc->next_here == NULL) {
		sc->next_here = xcalloc(NOTE_NUMS, sizeof(*sc->next_here));
		sc->last_before = xcalloc(NOTE_NUMS,
		    sizeof(*sc->last_before));
	}
	for (i = 0; i < ns->nm && m[i].unit < ns->unit; i++)
		if (note_num_ok(m[i].num)) {
			m[i].same_num = sc->last_before[m[i].num];
			sc->last_before[m[i].num] = i + 1;
		}
	for (i = ns->nm; i-- > 0 && m[i].unit == ns->unit; )
		if (note_num_ok(m[i].num)) {
			m[i].same_num = sc->next_here[m[i].num];
			sc->next_here[m[i].num] = i + 1;
		}
}

static void
unlink_markers(struct notes *ns)
{
	struct notes_scratch *sc = ns->scratch;
	size_t i;

	for (i = 0; i < ns->nm; i++)
		if (note_num_ok(ns->m[i].num))
			sc->next_here[ns->m[i].num] =
			    sc->last_before[ns->m[i].num] = 0;
}

/* The first unclaimed marker for note num at line: this unit's before
 * it, this unit's after it, else the latest of an earlier unit.  A
 * unit's markers come in the order of their lines, and each note takes
 * this unit's first unclaimed one (before the note's line if any is),
 * so the first unclaimed is the one to take. */
static struct marker *
claim(struct notes *ns, long num)
{
	struct notes_scratch *sc = ns->scratch;
	struct marker *m;
	size_t *slot;

	if (ns->nm == 0 || !note_num_ok(num))
		return NULL;
	slot = sc->next_here[num] ? &sc->next_here[num] :
	    &sc->last_before[num];
	if (*slot == 0)
		return NULL;
	m = &ns->m[*slot - 1];
	*slot = m->same_num;
	m->claimed = 1;
	return m;
}

static void
emit(struct notes *ns, const struct unit *u, const char *cls,
    const size_t *toff, const long *nums, size_t i, const struct notes_cb *cb)
{
	struct notes_scratch *sc = ns->scratch;
	struct note n;
	struct marker *m;
	struct buf *b = &sc->text;
	size_t j, k;

	memset(&n, 0, sizeof(n));
	n.num = nums[i];
	n.line = n.last = u->lines[i].no;
	n.doc = u->doc;
	buf_reset(b);
	for (j = i; j < u->nlines; j++) {
		const struct line *ln = &u->lines[j];
		size_t from = j == i ? toff[i] : 0, to = ln->len;

		if (j > i && cls[j] != L_CONT) {
			if (cls[j] == L_START || !line_blank(ln))
				break;
			continue;
		}
		while (from < to && isspace((unsigned char)ln->s[from]))
			from++;
		while (to > from && isspace((unsigned char)ln->s[to - 1]))
			to--;
		if (n.nparts == sc->partcap) {
			sc->partcap = sc->partcap ? sc->partcap * 2 : 8;
			sc->part_offs = xreallocarray(sc->part_offs,
			    sc->partcap, sizeof(*sc->part_offs));
			sc->part_lines = xreallocarray(sc->part_lines,
			    sc->partcap, sizeof(*sc->part_lines));
		}
		if (b->len > 0)
			buf_addc(b, ' ');
		sc->part_offs[n.nparts] = b->len;
		sc->part_lines[n.nparts++] = ln->no;
		buf_add(b, ln->s + from, to - from);
		n.last = ln->no;
	}
	n.offs = sc->part_offs;
	n.lines = sc->part_lines;
	n.text = buf_cstr(b);
	for (k = 0; k < b->len; k++)	/* a NUL byte would cut the text */
		if (n.text[k] == '\0')
			n.text[k] = ' ';
	n.in_document = notes_in_document(n.text, b->len);
	if ((m = claim(ns, n.num)) != NULL) {
		n.ref_line = m->line;
		if (m->unit != ns->unit)
			n.doc = m->doc;
	}
	add_seen(ns, n.num);
	ns->last = n.num;
	if (cb->note)
		cb->note(&n, cb->arg);
}

/* Does cb->body hear of the body line i of these LB_ bits? */
static int
body_heard(const struct unit *u, unsigned bits, const struct notes_cb *cb,
    size_t i)
{
	return cb->body != NULL && (cb->body_bits == 0 ||
	    (bits & cb->body_bits) || u->lines[i].no == u->source_line);
}

/* The markers of line i, from pos on, into sc->pm after its first npm;
 * first_at learns the numbers it is the first line of.  The new count
 * of pm. */
static size_t
line_markers(struct notes_scratch *sc, const struct line *ln, size_t i,
    unsigned bits, size_t pos, size_t npm)
{
	size_t a, b;
	long num;

	while (find_marker(ln->s, ln->len, bits, &pos, &num, &a, &b)) {
		if (npm == sc->pmcap) {
			sc->pmcap = sc->pmcap ? sc->pmcap * 2 : 32;
			sc->pm = xreallocarray(sc->pm, sc->pmcap,
			    sizeof(*sc->pm));
		}
		sc->pm[npm].num = num;
		sc->pm[npm++].idx = i;
		if (sc->first_at == NULL)
			sc->first_at = xcalloc(NOTE_NUMS, sizeof(*sc->first_at));
		if (num > 0 && num < NOTE_NUMS && sc->first_at[num] == 0)
			sc->first_at[num] = i + 1;
	}
	return npm;
}

void
notes_scan(struct notes *ns, const struct unit *u, const struct notes_cb *cb)
{
	struct notes_scratch *sc = scratch(ns, u->nlines);
	char *cls = sc->cls;
	size_t *toff = sc->toff, *heard = sc->heard;
	long *nums = sc->nums;
	unsigned char *bytes = sc->bytes;
	struct pending *pm;
	size_t npm = 0, nheard = 0, i, a, lead;
	int in_section = 0, open = 0, gap = 0, head;
	long num, expect = ns->last + 1;

	ns->unit++;
	/* One pass: a line's markers, then its class.  first_at holds the
	 * first line + 1 of each marker number found so far, this line's
	 * too: a plain number opens a note only after a marker of its
	 * number on an earlier line.  The markers are kept by the class of
	 * their line, once all are known. */
	for (i = 0; i < u->nlines; i++) {
		const struct line *ln = &u->lines[i];

		cls[i] = L_BODY;
		lead = first_byte(ln->s, ln->len);	/* len: blank */
		if (lead == ln->len) {
			/* body_heard() of a line without LB_ bytes */
			bytes[i] = 0;
			gap = 1;
			if (cb->body != NULL && (cb->body_bits == 0 ||
			    ln->no == u->source_line))
				heard[nheard++] = i;
			continue;
		}
		bytes[i] = cb->line_bytes != NULL ? cb->line_bytes[i] :
		    (unsigned char)notes_line_bytes(ln->s, ln->len);
		/* a superscript or bracketed number opens with C2, E2 or [;
		 * markers are found anywhere but at its head */
		head = (bytes[i] & (LB_SUP | LB_BRACKET)) &&
		    line_opens_note(ln->s, ln->len, lead, 0, &nums[i], &toff[i]);
		if (may_hold_marker(bytes[i]))
			npm = line_markers(sc, ln, i, bytes[i],
			    head ? toff[i] : 0, npm);
		num = head ? nums[i] : 0;
		if (maybe_section(ln->s, ln->len) &&
		    section_line(ln->s, ln->len)) {
			in_section = 1;
			open = 0;
		} else if (head || (ascii_digit((unsigned char)ln->s[lead]) &&
		    line_opens_note(ln->s, ln->len, lead, 1, &num,
		    &toff[i]) &&
		    (in_section || (num == expect && num < NOTE_NUMS &&
		    sc->first_at != NULL && sc->first_at[num] != 0 &&
		    sc->first_at[num] <= i)))) {
			/* head tried all but a plain number, which opens with
			 * a digit */
			cls[i] = L_START;
			nums[i] = num;
			expect = num + 1;
			open = 1;
			gap = 0;
		} else {
			if (open && (!gap || (may_url_line(ln->s[lead]) &&
			    rx_match(pattern(RX_URL), ln->s, ln->len, 0)) ||
			    (in_section && islower((unsigned char)ln->s[0]))))
				cls[i] = L_CONT;
			else
				open = 0;
			gap = 0;
		}
		/* a line's class is final here: the last pass need visit
		 * only the notes' first lines and the body lines heard of */
		if (cls[i] == L_START || (cls[i] == L_BODY &&
		    body_heard(u, bytes[i], cb, i)))
			heard[nheard++] = i;
	}
	pm = sc->pm;
	/* markers of the body are kept; note lines give none */
	for (i = 0; i < npm; i++)
		if (cls[pm[i].idx] == L_BODY)
			add_marker(ns, pm[i].num, u->lines[pm[i].idx].no, u->doc);
	if (ns->nm > 0)
		link_markers(ns);
	for (a = 0; a < nheard; a++) {
		i = heard[a];
		if (cls[i] == L_START)
			emit(ns, u, cls, toff, nums, i, cb);
		else {
			ns->body_bytes = bytes[i];
			cb->body(&u->lines[i], cb->arg);
		}
	}
	if (ns->nm > 0)
		unlink_markers(ns);
	/* keep only the markers still waiting for a note: what is kept
	 * grows with the orphans, not with the input */
	for (i = a = 0; i < ns->nm; i++)
		if (!ns->m[i].claimed)
			ns->m[a++] = ns->m[i];
		else
			free(ns->m[i].doc);
	ns->nm = a;
	/* first_at is all zero again for the next unit */
	for (i = 0; i < npm; i++)
		if (pm[i].num > 0 && pm[i].num < NOTE_NUMS)
			sc->first_at[pm[i].num] = 0;
}

void
notes_orphans(struct notes *ns, void (*fn)(const struct marker *, void *),
    void *arg)
{
	size_t i;

	for (i = 0; i < ns->nm; i++)
		if (!ns->m[i].claimed && !was_seen(ns, ns->m[i].num))
			fn(&ns->m[i], arg);
}
