/* date.h: the dates papers print, to ISO 8601, partial dates kept partial. */
#ifndef CWIHP_DATE_H
#define CWIHP_DATE_H

#include <stddef.h>

struct date {
	int year, month, day;	/* 0 when not given */
	int undated;		/* "[undated]", "n.d." */
};

enum { DATE_NONE, DATE_YEAR, DATE_MONTH, DATE_DAY };

/* The next date in s[from..len): 1 and its span, or 0.  Forms:
 * 14 August 1962, April 17, 1965, “31” January 1968, 17.04.1965,
 * 1965-04-17, August 1962, Aug. 1962, 1962. */
int date_next(const char *s, size_t len, size_t from, struct date *d,
    size_t *start, size_t *end);
/* The most precise date in s (the last of equals): 1 or 0. */
int date_best(const char *s, size_t len, struct date *d);
/* Is the whole line a date (maybe after a place, "Moscow, 5 March
 * 1953", in brackets or quotes, or [undated])? */
int date_line(const char *s, size_t len, struct date *d);
int date_precision(const struct date *d);
/* YYYY-MM-DD, YYYY-MM, YYYY or "" into out (at least 11 bytes). */
char *date_iso(const struct date *d, char *out);
/* The value of an upper-case Roman numeral of I, V, X, L and C (no
 * check of its form), 0 when s holds another character. */
int roman_value(const char *s, size_t len);

#endif
