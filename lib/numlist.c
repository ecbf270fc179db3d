/* numlist.c: number lists as -n takes them ("3,5-7"). */
#include <ctype.h>
#include <stdlib.h>

#include "numlist.h"
#include "util.h"

int
numlist_parse(struct numlist *nl, const char *spec)
{
	const char *s = spec;
	char *end;
	long a, b;

	nl->ranges = NULL;
	nl->n = 0;
	while (*s) {
		if (!isdigit((unsigned char)*s))
			goto bad;
		a = strtol(s, &end, 10);
		b = a;
		s = end;
		if (*s == '-') {
			if (!isdigit((unsigned char)s[1]))
				goto bad;
			b = strtol(s + 1, &end, 10);
			s = end;
		}
		if (b < a || (*s != ',' && *s != '\0'))
			goto bad;
		if (*s == ',' && *++s == '\0')
			goto bad;
		nl->ranges = xreallocarray(nl->ranges, nl->n + 1,
		    sizeof(*nl->ranges));
		nl->ranges[nl->n][0] = a;
		nl->ranges[nl->n][1] = b;
		nl->n++;
	}
	if (nl->n > 0)
		return 0;
bad:
	numlist_free(nl);
	return -1;
}

int
numlist_has(const struct numlist *nl, long v)
{
	size_t i;

	for (i = 0; i < nl->n; i++)
		if (v >= nl->ranges[i][0] && v <= nl->ranges[i][1])
			return 1;
	return 0;
}

void
numlist_free(struct numlist *nl)
{
	free(nl->ranges);
	nl->ranges = NULL;
	nl->n = 0;
}
