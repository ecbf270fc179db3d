/* fuzz_date.c: lib/date over any text (made valid UTF-8 first, as
 * lib/input guarantees to every parser). */
#include <ctype.h>

#include "date.h"
#include "fuzz.h"

static void
check_date(const struct date *d)
{
	char iso[11];
	size_t n;
	int prec = date_precision(d);

	FUZZ_CHECK(d->month >= 0 && d->month <= 12);
	FUZZ_CHECK(d->day >= 0 && d->day <= 31);
	FUZZ_CHECK(d->day == 0 || d->month != 0);
	FUZZ_CHECK(d->year >= 0 && d->year <= 9999);
	date_iso(d, iso);
	n = strlen(iso);
	if (d->undated || d->year == 0)
		FUZZ_CHECK(n == 0);
	else {
		FUZZ_CHECK(n == (prec == DATE_DAY ? 10u :
		    prec == DATE_MONTH ? 7u : 4u));
		FUZZ_CHECK(isdigit((unsigned char)iso[0]) &&
		    isdigit((unsigned char)iso[3]));
		FUZZ_CHECK(n < 7 || (iso[4] == '-' &&
		    isdigit((unsigned char)iso[6])));
		FUZZ_CHECK(n < 10 || (iso[7] == '-' &&
		    isdigit((unsigned char)iso[9])));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct date d, best;
	size_t len, from = 0, start, end, a, nl;
	char *s = fuzz_utf8(data, size, &len);
	int found = 0, rounds = 0;

	while (date_next(s, len, from, &d, &start, &end)) {
		FUZZ_CHECK(start >= from && start < end && end <= len);
		check_date(&d);
		/* "0000-00" is found as a date of year 0 (reported) */
		FUZZ_CHECK(date_precision(&d) > DATE_NONE || d.year == 0);
		from = end;
		found = 1;
		FUZZ_CHECK(++rounds <= (int)len);
	}
	FUZZ_CHECK(date_best(s, len, &best) == found);
	if (found)
		check_date(&best);
	/* date_line on the whole text and on each of its lines */
	if (date_line(s, len, &d))
		check_date(&d);
	for (a = 0; a < len; a = nl + 1) {
		const char *p = memchr(s + a, '\n', len - a);

		nl = p ? (size_t)(p - s) : len;
		if (date_line(s + a, nl - a, &d)) {
			check_date(&d);
			FUZZ_CHECK(d.undated || date_precision(&d) > DATE_NONE ||
			    d.year == 0);
		}
	}
	free(s);
	return 0;
}
