/* fuzz_canon.c: lib/canon, the rewriting pass of normalize-translit, as
 * list-speakers --canonical calls it: each line as one name.  The result
 * must be valid UTF-8 and a second pass must not fail. */
#include "canon.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf once = { 0 }, twice = { 0 };
	size_t len, a, e;
	char *s = fuzz_utf8(data, size, &len);

	for (a = 0; a < len; a = e + 1) {
		const char *nl = memchr(s + a, '\n', len - a);

		e = nl ? (size_t)(nl - s) : len;
		buf_reset(&once);
		name_canonical(&once, s + a, e - a);
		buf_cstr(&once);
		FUZZ_CHECK(utf8_check(once.s, once.len) == once.len);
		buf_reset(&twice);
		name_canonical(&twice, once.s, once.len);
		buf_cstr(&twice);
		FUZZ_CHECK(utf8_check(twice.s, twice.len) == twice.len);
	}
	buf_free(&once);
	buf_free(&twice);
	free(s);
	return 0;
}
