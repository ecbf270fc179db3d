/* date.c: unit tests for lib/date.c, the dates papers print. */
#include <string.h>

#include "date.h"
#include "unit.h"

/* The ISO form date_best() finds in s, "" when none, "none" when it
 * finds nothing at all. */
static const char *
best_iso(const char *s)
{
	static char out[11];
	struct date d;

	if (!date_best(s, strlen(s), &d))
		return "none";
	return date_iso(&d, out);
}

static const char *
line_iso(const char *s)
{
	static char out[11];
	struct date d;

	if (!date_line(s, strlen(s), &d))
		return "none";
	if (d.undated)
		return "undated";
	return date_iso(&d, out);
}

static void
test_forms(void)
{
	static const struct { const char *in, *iso; } cases[] = {
		{ "14 August 1962", "1962-08-14" },
		{ "April 17, 1965", "1965-04-17" },
		{ "April 17 1965", "1965-04-17" },
		{ "\xE2\x80\x9C" "31" "\xE2\x80\x9D January 1968", "1968-01-31" },
		{ "\"2\" March 1955", "1955-03-02" },
		{ "17.04.1965", "1965-04-17" },
		{ "7.4.1965", "1965-04-07" },
		{ "1965-04-17", "1965-04-17" },
		{ "1965-04", "1965-04" },
		{ "August 1962", "1962-08" },
		{ "Aug. 1962", "1962-08" },
		{ "1962", "1962" },
		{ "Sept. 3, 1961", "1961-09-03" },
		{ "Sept 1961", "1961-09" },
		{ "3 Sept. 1961", "1961-09-03" },
		{ "5th of March 1953", "1953-03-05" },
		{ "21st July 1960", "1960-07-21" },
		{ "Dec. 31, 1959", "1959-12-31" },
		{ "14 AUGUST 1962", "1962-08-14" },
		{ "June 1950", "1950-06" },
		{ "Jun. 1950", "1950-06" },
		{ "May 9, 1945", "1945-05-09" },
		/* invalid: a month 13, day 32, day 0 with no month */
		{ "31.13.1965", "none" },
		{ "32 January 1965", "none" },
		{ "17.00.1965", "none" },
		{ "1965-13-01", "none" },
		/* days that no month has */
		{ "30 February 1965", "none" },
		{ "31 April 1965", "none" },
		{ "April 31, 1965", "none" },
		{ "29 February 1965", "none" },
		{ "31.06.1965", "none" },
		/* not dates */
		{ "the 1960s", "none" },
		{ "fond 0102, opis 18", "none" },
		{ "listy 1023-1040", "none" },
		{ "may 1962", "1962" },		/* lower case "may": the verb */
		{ "Mayakovsky 1962", "1962" },
		{ "Augustine", "none" },
		{ "12345", "none" },
		{ "1200", "none" },
		/* a leap day */
		{ "29 February 1964", "1964-02-29" },
		/* two days: the first is the date */
		{ "13-14 March 1956", "1956-03-13" },
		{ "15 and 16 March 1956", "1956-03-15" },
		{ "15th and 16th March 1956", "1956-03-15" },
		{ "15 & 16 March 1956", "1956-03-15" },
		{ "March 15 and 16, 1956", "1956-03-15" },
		{ "March 15-16, 1956", "1956-03-15" },
		/* a lower-case month after a day */
		{ "13 march 1956", "1956-03-13" },
		{ "5 may 1962", "1962-05-05" },
		{ "march 13, 1956", "1956" },
		/* a Roman month and a two-digit year: the 1900s */
		{ "14.III.56", "1956-03-14" },
		{ "14. III. 56", "1956-03-14" },
		{ "on 2.XI.61 in Warsaw", "1961-11-02" },
		{ "Sect. IV. 12", "none" },
		{ "2.IV.5", "none" },
		{ "2.IV.561", "none" },
		{ "14.III.56 and 1957", "1956-03-14" },	/* found before a year */
		/* day and month with slashes: only when one part is a day */
		{ "13/03/1956", "1956-03-13" },
		{ "3/13/1956", "1956-03-13" },
		{ "03/03/1956", "1956-03-03" },
		{ "03/04/1956", "1956" },
		{ "13/14/1956", "none" },
		{ "31/02/1956", "none" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(best_iso(cases[i].in), cases[i].iso, "date '%s' -> %s",
		    cases[i].in, cases[i].iso);
}

static void
test_next_spans(void)
{
	const char *s = "On 14 August 1962 they met; again on 15 August 1962.";
	const char *q = "\xE2\x80\x9C" "31" "\xE2\x80\x9D January 1968";
	struct date d;
	size_t a = 99, b = 99;
	int r;

	r = date_next(s, strlen(s), 0, &d, &a, &b);
	ok(r == 1, "date_next finds the first date");
	is_long(a, 3, "its start");
	is_long(b, 17, "its end");
	is_long(d.year, 1962, "year");
	is_long(d.month, 8, "month");
	is_long(d.day, 14, "day");
	r = date_next(s, strlen(s), b, &d, &a, &b);
	ok(r == 1 && d.day == 15, "date_next from the end of the first "
	    "finds the second");
	is_long(b, strlen(s) - 1, "the second ends before the period");
	r = date_next(s, strlen(s), b, &d, &a, &b);
	ok(r == 0, "and then no more");
	r = date_next("on 14 August 196", 16, 0, &d, &a, &b);
	ok(r == 0, "no date without four digits of a year");
	r = date_next("196 1 9621962", 13, 4, &d, &a, &b);
	ok(r == 0, "nor when the four digits stand in a longer number");
	r = date_next("in 1962", 7, 3, &d, &a, &b);
	ok(r == 1 && d.year == 1962, "a year alone, searched from its start");

	r = date_next(q, strlen(q), 0, &d, &a, &b);
	ok(r == 1 && a == 0 && b == strlen(q),
	    "a quoted day: the span takes the quotes");

	/* len bounds the search: the year is cut off */
	r = date_next(s, 15, 0, &d, &a, &b);
	ok(r == 0 || d.year != 1962 || b <= 15, "len bounds the search");
	/* a failed candidate does not hide a later good one */
	s = "31.13.1965, then 1 May 1966";
	r = date_next(s, strlen(s), 0, &d, &a, &b);
	ok(r == 1 && d.year == 1966 && d.month == 5 && d.day == 1,
	    "an invalid date is skipped, the next one found");
}

static void
test_best(void)
{
	is_str(best_iso("Report of 1962 on the talks of 14 August 1962"),
	    "1962-08-14", "the most precise date wins");
	is_str(best_iso("Telegram of 14 August 1962, sent in August 1962"),
	    "1962-08-14", "a precise date before a partial one");
	is_str(best_iso("Record, 5 March 1953, and note, 6 March 1953"),
	    "1953-03-06", "the last of equals");
	is_str(best_iso("no date here"), "none", "no date: 0");
	is_str(best_iso(""), "none", "empty string: 0");
}

static void
test_line(void)
{
	static const struct { const char *in, *iso; } cases[] = {
		{ "14 August 1962", "1962-08-14" },
		{ "14 August 1962.", "1962-08-14" },
		{ "  14 August 1962  ", "1962-08-14" },
		{ "[14 August 1962]", "1962-08-14" },
		{ "(April 17, 1965)", "1965-04-17" },
		{ "Moscow, 5 March 1953", "1953-03-05" },
		{ "Beijing, 17.04.1965", "1965-04-17" },
		{ "Tuesday, 14 August 1962", "1962-08-14" },
		{ "\xE2\x80\x9C" "31" "\xE2\x80\x9D January 1968", "1968-01-31" },
		{ "August 1962", "1962-08" },
		{ "1962", "1962" },
		{ "[undated]", "undated" },
		{ "Undated", "undated" },
		{ "(no date)", "undated" },
		{ "n.d.", "undated" },
		{ "[Date unknown]", "undated" },
		{ "[Not dated]", "undated" },
		{ "Date: 5 March 1953", "1953-03-05" },
		{ "Dated 14.VIII.1962", "1962-08-14" },
		{ "5 March 1953, Moscow", "1953-03-05" },
		{ "Time: 3 October 1959, 10:00 a.m.", "1959-10-03" },
		{ "Time: 3 October 1959, 4 p.m", "1959-10-03" },
		{ "Date and time: 3 October 1959, 16.30", "1959-10-03" },
		{ "Time: 10 a.m., 3 October 1959", "1959-10-03" },
		{ "Beijing, 3 October 1959, 1600 hours", "1959-10-03" },
		{ "3 October 1959 at 11:15 pm, Beijing", "1959-10-03" },
		{ "Time: 4 p.m.", "none" },
		{ "Time: 3 October 1959, the afternoon", "none" },
		{ "14.III.56", "1956-03-14" },
		{ "[13/03/1956]", "1956-03-13" },
		{ "Tuesday, 14 August 1962, an opening day", "none" },
		{ "Letter from A. Orlov to B. Kang, 1 May 1961", "none" },
		{ "The meeting took place on 14 August 1962.", "none" },
		{ "14 August 1962 was a Tuesday", "none" },
		{ "fond 0102, opis 18", "none" },
		{ "", "none" },
		{ "31.13.1965", "none" },
	};
	char longline[200];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(line_iso(cases[i].in), cases[i].iso,
		    "date line '%s' -> %s", cases[i].in, cases[i].iso);
	memset(longline, ' ', sizeof(longline));
	memcpy(longline + sizeof(longline) - 15, "14 August 1962", 14);
	longline[sizeof(longline) - 1] = '\0';
	is_str(line_iso(longline), "none", "a line over 80 bytes is no "
	    "date line");
}

/* date_next() starts pcre2 near the first four-digit run: the longest
 * prefixes a date can have before its year must still be found whole */
static void
test_window(void)
{
	/* every part of the first form, five runs of white space and 28
	 * other bytes before the year */
	const char *longest = "Kim Il Sung met them, "
	    "\xE2\x80\x9C" "30 \t-\v 31" "\xE2\x80\x9D" "th \t of  "
	    "September.,\t 1962, in Pyongyang";
	const char *roman = "a report of 14. VIII. 1962";
	const char *later = "fond 12345, delo 1234x; on 5 May 1962 and 1963";
	const char *pair = "met \xE2\x80\x9C" "30th \xE2\x80\x93 31" "\xE2\x80\x9D" "st"
	    " of September., 1962";
	const char *short_year = "No.14.III.56";
	struct date d;
	size_t a = 99, b = 99;
	int r;

	r = date_next(longest, strlen(longest), 0, &d, &a, &b);
	ok(r == 1 && d.year == 1962 && d.month == 9 && d.day == 30,
	    "the longest first-form prefix: the date");
	is_long(a, 22, "its start is the opening quote");
	is_long(b, strlen(longest) - strlen(", in Pyongyang"), "its end");
	r = date_next(roman, strlen(roman), 0, &d, &a, &b);
	ok(r == 1 && d.month == 8 && a == 12, "a Roman month, spaced");
	r = date_next(later, strlen(later), 0, &d, &a, &b);
	ok(r == 1 && d.day == 5 && a == 27,
	    "a date after a five-digit and a four-digit run that are none");
	r = date_next(later, strlen(later), 1, &d, &a, &b);
	ok(r == 1 && a == 27, "the same from inside the text");
	r = date_next(later, strlen(later), b, &d, &a, &b);
	ok(r == 1 && d.year == 1963 && d.month == 0, "then the year alone");
	r = date_next(pair, strlen(pair), 0, &d, &a, &b);
	ok(r == 1 && d.year == 1962 && d.month == 9 && d.day == 30 && a == 4,
	    "the longest pair of days: 30 other bytes before the year");
	r = date_next(short_year, strlen(short_year), 3, &d, &a, &b);
	ok(r == 1 && d.year == 1956 && d.day == 14 && a == 3,
	    "a two-digit year: the day at the search's start");
	r = date_next(short_year, strlen(short_year), 4, &d, &a, &b);
	ok(r == 0, "but not before it");
}

static void
test_iso(void)
{
	struct date d = { 0 };
	char out[11];

	is_str(date_iso(&d, out), "", "no date: empty");
	is_long(date_precision(&d), DATE_NONE, "precision none");
	d.year = 1962;
	is_str(date_iso(&d, out), "1962", "year only");
	is_long(date_precision(&d), DATE_YEAR, "precision year");
	d.month = 8;
	is_str(date_iso(&d, out), "1962-08", "year and month");
	is_long(date_precision(&d), DATE_MONTH, "precision month");
	d.day = 4;
	is_str(date_iso(&d, out), "1962-08-04", "full date, zero padded");
	is_long(date_precision(&d), DATE_DAY, "precision day");
	d.undated = 1;
	is_str(date_iso(&d, out), "", "undated: empty");
	d.undated = 0;
	d.year = 10000;
	is_str(date_iso(&d, out), "", "a year past 9999: empty");
	d.year = 812;
	is_str(date_iso(&d, out), "0812-08-04", "years pad to four digits");
	d.year = 9999;
	d.month = 12;
	d.day = 31;
	is_str(date_iso(&d, out), "9999-12-31", "the last date");
	d.month = 0;
	is_str(date_iso(&d, out), "9999-00-31", "a day without a month "
	    "keeps its place");
	d.month = 100;
	d.day = 0;
	is_str(date_iso(&d, out), "9999-100", "a month past 99 as printf "
	    "writes it");
	d.month = 1;
	d.day = -1;
	is_str(date_iso(&d, out), "9999-01--1", "a negative day as printf "
	    "writes it");
}

int
main(void)
{
	test_forms();
	test_next_spans();
	test_window();
	test_best();
	test_line();
	test_iso();
	return unit_done();
}
