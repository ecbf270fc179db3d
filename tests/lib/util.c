/* util.c: unit tests for lib/util.c's growable buffer. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "util.h"
#include "unit.h"

/* buf_addlong(v) after some text must read as printf's "%ld" */
static void
addlong_as_printf(long v)
{
	struct buf b = { 0 };
	char want[48];

	buf_adds(&b, "n=");
	buf_addlong(&b, v);
	snprintf(want, sizeof(want), "n=%ld", v);
	is_str(buf_cstr(&b), want, "buf_addlong(%ld)", v);
	buf_free(&b);
}

int
main(void)
{
	static const long values[] = { 0, 1, 9, 10, 99, 100, 12345, -1, -10,
	    -987, LONG_MAX, LONG_MIN, LONG_MIN + 1 };
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		addlong_as_printf(values[i]);
	/* many numbers in a row grow the buffer */
	for (i = 0; i < 1000; i++) {
		buf_addlong(&b, (long)i);
		buf_addc(&b, ' ');
	}
	is_long((long)b.len, 2890 + 1000, "a thousand numbers and spaces");
	is_mem(b.s + b.len - 4, 4, "999 ", 4, "the last one");
	buf_free(&b);
	return unit_done();
}
