/* date.c: find and normalise dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "date.h"
#include "rx.h"

/* A month name opens with a capital: only ASCII J F M A S O N D can
 * (no other capital folds to them), so the capital is spelt out, which
 * also lets pcre2 skip every position that cannot start a date.  After
 * a day ("13 march 1956") the name may open in lower case too: a number
 * before it makes "may" no verb. */
#define MONTH_NAMES(j, f, m, a, s, o, n, d) "(?:" \
	j "(?i:an(?:uary)?|une?|uly?)|" f "(?i:eb(?:ruary)?)|" \
	m "(?i:ar(?:ch)?|ay)|" a "(?i:pr(?:il)?|ug(?:ust)?)|" \
	s "(?i:ept?(?:ember)?)|" o "(?i:ct(?:ober)?)|" n "(?i:ov(?:ember)?)|" \
	d "(?i:ec(?:ember)?))"
#define MONTHS MONTH_NAMES("J", "F", "M", "A", "S", "O", "N", "D")
#define MONTHS_AFTER_DAY MONTH_NAMES("[Jj]", "[Ff]", "[Mm]", "[Aa]", "[Ss]", \
	"[Oo]", "[Nn]", "[Dd]")
#define Q "[\"“”‘’']?"

static _Thread_local struct rx *rx_date, *rx_line, *rx_line_clock,
    *rx_undated;

static void
compile(void)
{
	if (rx_date != NULL)
		return;
	/* Group numbers per form: see the table in date_next().  The
	 * first day of a range or pair is the date: "15 and 16 March". */
#define ORD "(?:st|nd|rd|th)?"
#define TO_DAY "(?:\\s*[-\\x{2013}&]\\s*|\\s+and\\s+)[0-3]?\\d"
	rx_date = rx_compile("date",
	    "(?<![\\p{L}\\p{N}])(?:"
	    Q "([0-3]?\\d)(?:" ORD TO_DAY ")?" Q ORD "\\s+(?:of\\s+)?"
	    "(" MONTHS_AFTER_DAY ")\\.?,?\\s+(\\d{4})"
	    "|(" MONTHS ")\\.?\\s+([0-3]?\\d)" ORD "(?:" TO_DAY ORD ")?,?\\s+(\\d{4})"
	    "|([0-3]?\\d)\\.([01]?\\d)\\.(\\d{4})"
	    "|(\\d{4})-([01]\\d)(?:-([0-3]\\d))?"
	    "|(" MONTHS ")\\.?,?\\s+(\\d{4})"
	    "|(1[5-9]\\d\\d|20\\d\\d)"
	    "|([0-3]?\\d)\\.\\s?(X{0,1}I{1,3}|I?V|VI{1,3}|I?X)\\.\\s?(\\d{4}|\\d\\d)"
	    "|([0-3]?\\d)/([0-3]?\\d)/(\\d{4})"
	    ")(?![\\p{L}\\p{N}])", 0);
	rx_jit_after(rx_date, RX_JIT_FIELD);
	/* a place is one to three capitalised words: "Moscow, Kremlin" */
#define PLACE "\\p{Lu}[\\p{L}'.-]+(?:\\s+\\p{Lu}[\\p{L}'.-]+){0,2}"
	/* a time of day: 4 p.m., 10:00 a.m., 16.30, 1600 hours */
#define AMPM "(?i:[ap]\\.?\\s?m\\b\\.?)"
#define CLOCK "(?:\\d{1,2}[:.]\\d\\d(?:\\s*" AMPM "|\\s*(?i:hours|hrs\\.?|h\\b))?" \
	"|\\d{1,2}\\s*" AMPM "|\\d{4}\\s*(?i:hours|hrs\\.?))"
	rx_line = rx_compile("date line",
	    "^\\s*[\\[(]?(?:(?i:dated?)\\s*:?\\s+)?(?:" PLACE ",\\s*)?" Q
	    "(.*?)(?:,\\s*" PLACE ")?[.\\])]?\\s*$", 0);
	/* the same with "Time:" (Chinese memoranda) and a time of day
	 * before or after the date: dearer, asked when clock_hint() */
	rx_line_clock = rx_compile("date line with a time",
	    "^\\s*[\\[(]?(?:(?i:date\\s+and\\s+time|dated?|time)\\s*:?\\s+)?"
	    "(?:" CLOCK ",?\\s+)?(?:" PLACE ",\\s*)?" Q
	    "(.*?)(?:(?:,\\s*|\\s+)(?:(?i:at)\\s+)?" CLOCK ")?"
	    "(?:,\\s*" PLACE ")?[.\\])]?\\s*$", 0);
	rx_undated = rx_compile("undated",
	    "^\\s*[\\[(]?(?i:undated|not dated|no date|n\\.\\s?d\\.|date unknown)"
	    "[\\])]?\\.?\\s*$", 0);
}

static int
month_of(const char *s)
{
	static const char abbr[12][4] = { "jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	char low[4];
	int i;

	for (i = 0; i < 3 && s[i]; i++)
		low[i] = (char)(s[i] | 0x20);
	low[i] = '\0';
	for (i = 0; i < 12; i++)
		if (strcmp(low, abbr[i]) == 0)
			return i + 1;
	return 0;
}

static int
days_in_month(int year, int month)
{
	static const int days[] = { 31, 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };

	if (month == 2)
		return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ?
		    29 : 28;
	return days[month];	/* month 0: any day up to 31 */
}

int
roman_value(const char *s, size_t len)
{
	int v = 0, prev = 0, cur;
	size_t i;

	for (i = len; i-- > 0; prev = cur) {
		switch (s[i]) {
		case 'I': cur = 1; break;
		case 'V': cur = 5; break;
		case 'X': cur = 10; break;
		case 'L': cur = 50; break;
		case 'C': cur = 100; break;
		default: return 0;
		}
		v += cur < prev ? -cur : cur;
	}
	return v;
}

static int
num(const char *s, size_t off, size_t len)
{
	int v = 0;
	size_t i;

	for (i = 0; i < len; i++)
		v = v * 10 + (s[off + i] - '0');
	return v;
}

/* Four ASCII digits in a row in s[from, len), or a day's digit, a dot
 * and I, V or X (a Roman month, maybe with a two-digit year)? */
static int
has_year_digits(const char *s, size_t len, size_t from)
{
	size_t run = 0;

	for (; from < len; from++)
		if ((unsigned char)(s[from] - '0') < 10) {
			if (++run == 4)
				return 1;
		} else {
			if (run > 0 && s[from] == '.' && from + 2 < len &&
			    strchr("IVX", s[from + 1 + (s[from + 1] == ' ')]) != NULL)
				return 1;
			run = 0;
		}
	return 0;
}

/* Where the first run of exactly four ASCII digits in s[from, len)
 * starts, or len when there is none. */
static size_t
first_year_run(const char *s, size_t len, size_t from)
{
	const char *d;
	size_t end;

	while ((d = ascii_find_digit(s + from, len - from)) != NULL) {
		from = (size_t)(d - s);
		for (end = from + 1; end < len && ascii_digit((unsigned char)s[end]);
		    end++)
			;
		if (end - from == 4)
			return from;
		from = end;
	}
	return len;
}

/*
 * The earliest place a date whose year starts at s[year] can start.
 * What a form puts before its year holds at most five runs of white
 * space (around the dash or "and" of two days, around "of", before the
 * year) and 30 other bytes (“30th–31st” of September., : quotes and the
 * dash of three bytes each, a month name of nine); one more for safety.
 * Only ASCII \s counts as space (no PCRE2_UCP).
 */
static size_t
date_window(const char *s, size_t from, size_t year)
{
	size_t i = year, other = 0;
	int runs = 0;

	while (i > from) {
		if (ascii_space((unsigned char)s[i - 1])) {
			if (++runs > 5)
				break;
			while (i > from && ascii_space((unsigned char)s[i - 1]))
				i--;
		} else if (++other > 31)
			break;
		else
			i--;
	}
	/* from the middle of a character to its end: no date starts in it */
	while (i < year && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* Where a Roman-month date with a two-digit year ("14.III.56"), the
 * one form without a four-digit year, may start in s[from, to): at the
 * day's digits before a dot that I, V or X follows; to when none. */
static size_t
first_roman_month(const char *s, size_t len, size_t from, size_t to)
{
	const char *dot;
	size_t at, c, next = from;

	while (next < to && (dot = memchr(s + next, '.', to - next)) != NULL) {
		at = c = (size_t)(dot - s);
		next = at + 1;
		if (++c < len && ascii_space((unsigned char)s[c]))
			c++;
		if (c >= len || (s[c] != 'I' && s[c] != 'V' && s[c] != 'X'))
			continue;
		while (at > from && next - at < 3 &&
		    ascii_digit((unsigned char)s[at - 1]))
			at--;
		if (at + 1 < next)
			return at;
	}
	return to;
}

/* d/m/yyyy or m/d/yyyy: the day is the part above 12; with both parts
 * 12 or below (and unequal) only the year is sure. */
static void
slash_date(struct date *d, int first, int second)
{
	if (first == second || (first > 12 && second <= 12)) {
		d->day = first;
		d->month = second;
	} else if (second > 12 && first <= 12) {
		d->month = first;
		d->day = second;
	} else if (first > 12)
		d->month = -1;	/* no date */
}

int
date_next(const char *s, size_t len, size_t from, struct date *d,
    size_t *start, size_t *end)
{
	size_t off = 0, n = 0, year, at, f, a_off, a_len;
	/* day, month name, month number, year group of each form */
	static const int groups[][4] = {
		{ 1, 2, 0, 3 }, { 5, 4, 0, 6 }, { 7, 0, 8, 9 },
		{ 12, 0, 11, 10 }, { 0, 13, 0, 14 }, { 0, 0, 0, 15 },
		{ 16, 0, -17, 18 },	/* 14.VIII.1962: a Roman month */
		{ 0, 0, 0, 21 },	/* 13/03/1956: see slash_date() */
	};
	enum { FORM_SLASH = 7 };

	compile();
	/*
	 * Every form but one holds a year of exactly four ASCII digits,
	 * and no other run of four: a date whose year is the first such
	 * run from here starts within date_window() of it, and any later
	 * date after it; the one, a Roman month and a two-digit year,
	 * starts where first_roman_month() says.  pcre2 searches from the
	 * earlier (its look-behind still sees the text before); prose
	 * without a year is refused at once.
	 */
	for (;; from = rx_end(rx_date)) {
		year = first_year_run(s, len, from);
		at = year < len ? date_window(s, from, year) : len;
		at = first_roman_month(s, len, from, at);
		if (at >= len || !rx_match(rx_date, s, len, at))
			return 0;
		memset(d, 0, sizeof(*d));
		for (f = 0; f < sizeof(groups) / sizeof(groups[0]); f++)
			if (rx_group(rx_date, groups[f][3], &off, &n))
				break;
		d->year = num(s, off, n);
		if (n == 2)	/* 14.III.56: the papers' century */
			d->year += 1900;
		if (f == FORM_SLASH && rx_group(rx_date, 19, &a_off, &a_len) &&
		    rx_group(rx_date, 20, &off, &n))
			slash_date(d, num(s, a_off, a_len), num(s, off, n));
		if (groups[f][0] && rx_group(rx_date, groups[f][0], &off, &n))
			d->day = num(s, off, n);
		if (groups[f][1] && rx_group(rx_date, groups[f][1], &off, &n))
			d->month = month_of(s + off);
		if (groups[f][2] > 0 && rx_group(rx_date, groups[f][2], &off, &n))
			d->month = num(s, off, n);
		if (groups[f][2] < 0 && rx_group(rx_date, -groups[f][2], &off, &n))
			d->month = roman_value(s + off, n);
		if (d->year < 1000 || d->month < 0 || d->month > 12 ||
		    d->day > days_in_month(d->year, d->month) ||
		    (d->day && !d->month))
			continue;
		*start = rx_start(rx_date);
		*end = rx_end(rx_date);
		return 1;
	}
}

int
date_precision(const struct date *d)
{
	if (d->day)
		return DATE_DAY;
	if (d->month)
		return DATE_MONTH;
	return d->year ? DATE_YEAR : DATE_NONE;
}

int
date_best(const char *s, size_t len, struct date *best)
{
	struct date d;
	size_t from = 0, a, b;
	int found = 0;

	while (date_next(s, len, from, &d, &a, &b)) {
		if (!found || date_precision(&d) >= date_precision(best))
			*best = d;
		found = 1;
		from = b;
	}
	return found;
}

/* Can the line open like an "undated" form: white space, a bracket,
 * then u, n or d in either case? */
static int
undated_lead(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && ascii_space(s[i]))
		i++;
	if (i < len && (s[i] == '[' || s[i] == '('))
		i++;
	return i < len && strchr("uUnNdD", s[i]) != NULL && s[i] != '\0';
}

/* Where the line's last ASCII digit ends */
static size_t
after_last_digit(const char *s, size_t len)
{
	while (len > 0 && (unsigned char)(s[len - 1] - '0') >= 10)
		len--;
	return len;
}

/* Every date ends in an ASCII digit and nothing after it in a date line
 * holds one, so what follows the line's last digit must be what the
 * date line pattern allows there: ", Place", a closing mark, space. */
static int
date_line_tail(const char *s, size_t len)
{
	size_t i = after_last_digit(s, len);

	if (i < len && s[i] == ',') {
		for (i++; i < len && ascii_space(s[i]); i++)
			;
		/* \p{Lu}: an ASCII capital, or leave it to the pattern */
		return i < len && ((s[i] >= 'A' && s[i] <= 'Z') ||
		    (unsigned char)s[i] >= 0x80);
	}
	if (i < len && (s[i] == '.' || s[i] == ']' || s[i] == ')'))
		i++;
	while (i < len && ascii_space(s[i]))
		i++;
	return i == len;
}

/* May the line hold a time of day or a "Time:" label: a colon, an
 * "a.m." or "hours" after the last digit, or a last "16.30"? */
static int
clock_hint(const char *s, size_t len)
{
	size_t i = after_last_digit(s, len), k;

	if (memchr(s, ':', len) != NULL)
		return 1;
	for (k = i; k < len && ascii_space(s[k]); k++)
		;
	if (k < len && strchr("aApPhH", s[k]) != NULL)
		return 1;
	return i >= 4 && (s[i - 3] == '.' || s[i - 3] == ':') &&
	    ascii_digit((unsigned char)s[i - 2]) &&
	    ascii_digit((unsigned char)s[i - 4]);
}

/* Does the line match rx, its group 1 being one date and nothing else? */
static int
whole_date(struct rx *rx, const char *s, size_t len, struct date *d)
{
	size_t off, n, a, b;

	if (!rx_match(rx, s, len, 0) || !rx_group(rx, 1, &off, &n))
		return 0;
	if (!date_next(s, off + n, off, d, &a, &b))
		return 0;
	return a == off && b == off + n;
}

int
date_line(const char *s, size_t len, struct date *d)
{
	if (len > 80)
		return 0;
	compile();
	if (undated_lead(s, len) && rx_match(rx_undated, s, len, 0)) {
		memset(d, 0, sizeof(*d));
		d->undated = 1;
		return 1;
	}
	if (!has_year_digits(s, len, 0))
		return 0;
	if (date_line_tail(s, len) && whole_date(rx_line, s, len, d))
		return 1;
	/* a bare year there is a time: "Time: 1930" */
	return clock_hint(s, len) && whole_date(rx_line_clock, s, len, d) &&
	    d->month != 0;
}

/* n as two digits (0-99) at p */
static void
two_digits(char *p, int n)
{
	p[0] = (char)('0' + n / 10);
	p[1] = (char)('0' + n % 10);
}

char *
date_iso(const struct date *d, char *out)
{
	char tmp[48];

	if (d->year <= 0 || d->year > 9999 || d->undated) {
		out[0] = '\0';
		return out;
	}
	/* by hand what snprintf would write: it costs ~40 times more */
	if (d->month >= 0 && d->month <= 99 && d->day >= 0 && d->day <= 99) {
		two_digits(out, d->year / 100);
		two_digits(out + 2, d->year % 100);
		out[4] = '-';
		two_digits(out + 5, d->month);
		out[7] = '-';
		two_digits(out + 8, d->day);
		out[d->day ? 10 : d->month ? 7 : 4] = '\0';
		return out;
	}
	if (d->day)
		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", d->year, d->month,
		    d->day);
	else if (d->month)
		snprintf(tmp, sizeof(tmp), "%04d-%02d", d->year, d->month);
	else
		snprintf(tmp, sizeof(tmp), "%04d", d->year);
	memcpy(out, tmp, 11);
	out[10] = '\0';
	return out;
}
