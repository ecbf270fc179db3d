/* numlist.c: unit tests for lib/numlist.c, the -n LIST of split-docs. */
#include <string.h>

#include "numlist.h"
#include "unit.h"

/* "1" for each of 0..limit the list holds, "." otherwise. */
static const char *
members(const char *spec, long limit)
{
	static char out[64];
	struct numlist nl;
	long v;

	if (numlist_parse(&nl, spec) < 0)
		return "bad";
	for (v = 0; v <= limit && v < (long)sizeof(out) - 1; v++)
		out[v] = numlist_has(&nl, v) ? '1' : '.';
	out[v] = '\0';
	numlist_free(&nl);
	return out;
}

int
main(void)
{
	static const struct { const char *spec, *want; } cases[] = {
		{ "3", "...1...." },
		{ "0", "1......." },			/* the essay */
		{ "3,5-7", "...1.111" },
		{ "5-7,3", "...1.111" },
		{ "1-3,2", ".111...." },
		{ "0,7", "1......1" },
		{ "4-4", "....1..." },
		{ "05", ".....1.." },
		{ "12", "........" },
		/* malformed */
		{ "", "bad" },
		{ "a", "bad" },
		{ "3-", "bad" },
		{ "-3", "bad" },
		{ "3,", "bad" },
		{ ",3", "bad" },
		{ "3,,5", "bad" },
		{ "7-5", "bad" },
		{ "3 5", "bad" },
		{ " 3", "bad" },
		{ "3-5-7", "bad" },
		{ "3;5", "bad" },
		{ "+3", "bad" },
		{ "3x", "bad" },
	};
	struct numlist nl;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(members(cases[i].spec, 7), cases[i].want, "-n '%s'",
		    cases[i].spec);

	ok(numlist_parse(&nl, "2,10-20") == 0, "parse 2,10-20");
	is_long(nl.n, 2, "two ranges");
	ok(numlist_has(&nl, 20) && !numlist_has(&nl, 21) &&
	    numlist_has(&nl, 10) && !numlist_has(&nl, 9), "range bounds");
	ok(!numlist_has(&nl, -1), "a negative number is never in the list");
	numlist_free(&nl);
	numlist_free(&nl);	/* twice is harmless */
	ok(nl.ranges == NULL && nl.n == 0, "freed list is empty");
	ok(!numlist_has(&nl, 2), "an empty list holds nothing");
	ok(numlist_parse(&nl, "3-") < 0 && nl.ranges == NULL && nl.n == 0,
	    "a failed parse leaves nothing to free");
	return unit_done();
}
