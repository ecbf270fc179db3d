/* fuzz_names.c: lib/names, the tokenizer, the name finders, the
 * comparison key and name_same, on each line (made valid UTF-8). */
#include "names.h"
#include "fuzz.h"

#define check_valid(s) check_valid_(s, #s)

static void
check_valid_(const char *s, const char *what)
{
	FUZZ_CHECK(s != NULL);
	if (utf8_check(s, strlen(s)) != strlen(s) &&
	    getenv("FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "%s is not valid UTF-8: \"%s\"\n", what, s);
	FUZZ_CHECK(utf8_check(s, strlen(s)) == strlen(s));
}

static void
one_line(const char *s, size_t n, const char *prev)
{
	struct ntok *t = NULL;
	struct buf key = { 0 };
	size_t cap = 0, nt, i, first, end;
	char *text;

	nt = name_tokenize(s, n, &t, &cap);
	for (i = 0; i < nt; i++) {
		FUZZ_CHECK(t[i].len > 0 && t[i].off + t[i].len <= n);
		FUZZ_CHECK(i == 0 || t[i].off >= t[i - 1].off + t[i - 1].len);
		(void)name_honorific_at(s, &t[i]);
		(void)name_word_ok(s, &t[i]);
		(void)name_is_honorific(s + t[i].off, t[i].len);
		(void)name_is_stopword(s + t[i].off, t[i].len);
		end = name_leading(s, t, i, nt, &first);
		if (end) {
			FUZZ_CHECK(end > first && end <= nt && first >= i);
			text = name_text(s, t, first, end);
			check_valid(text);
			buf_reset(&key);
			name_key(&key, text);
			check_valid(buf_cstr(&key));
			FUZZ_CHECK(name_same(text, text) > 0 ||
			    name_words(text) == 0);
			(void)name_same(text, prev);
			(void)name_fullness(text);
			free(text);
		}
		if (name_trailing(s, t, 0, i + 1, &first))
			FUZZ_CHECK(first <= i);
	}
	text = name_titlecase(s, n);
	check_valid(text);
	free(text);
	buf_free(&key);
	free(t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len, a, e;
	char *s = fuzz_utf8(data, size, &len), *prev = xstrdup("");

	for (a = 0; a < len; a = e + 1) {
		const char *nl = memchr(s + a, '\n', len - a);

		e = nl ? (size_t)(nl - s) : len;
		one_line(s + a, e - a, prev);
		free(prev);
		prev = xstrndup(s + a, e - a);
	}
	free(prev);
	free(s);
	return 0;
}
