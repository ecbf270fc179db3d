/* fuzz_translit.c: lib/translit (Russian, Korean and Chinese
 * romanization, apostrophes, folding) on each word of each line, and
 * lib/dict: the input loaded as a dictionary, then matched against its
 * own text.  Every output must be valid UTF-8. */
#include "dict.h"
#include "translit.h"
#include "fuzz.h"

static void
check_buf(struct buf *b)
{
	FUZZ_CHECK(utf8_check(buf_cstr(b), b->len) == b->len);
	buf_reset(b);
}

static int
ends_anywhere(const char *s, size_t n, size_t off)
{
	(void)s;
	return off <= n;
}

static void
one_word(const char *w, size_t n, struct buf *b)
{
	const char *syl[2];
	size_t sl[2], split;
	int scheme, idx;

	for (scheme = 0; scheme < RU_NSCHEMES; scheme++) {
		ru_translit(b, w, n, scheme);
		check_buf(b);
	}
	(void)ru_latin_marks(w, n);
	ru_latin_key(b, w, n);
	check_buf(b);
	ru_latin_convert(b, w, n, RU_LC);
	check_buf(b);
	ru_latin_convert(b, w, n, RU_BGN);
	check_buf(b);
	if ((idx = ko_surname(w, n)) >= 0) {
		check_buf(b);
		FUZZ_CHECK(ko_surname_form(idx, KO_MR) != NULL);
		FUZZ_CHECK(ko_surname_form(idx, KO_RR) != NULL);
	}
	(void)ko_syllable(w, n);
	ko_syllable_key(b, w, n);
	check_buf(b);
	if ((split = ko_split_given(w, n)) > 0) {
		FUZZ_CHECK(split < n);
		syl[0] = w;
		sl[0] = split;
		syl[1] = w + split;
		sl[1] = n - split;
		/* marked and not: the careful reading of unmarked k, t, p,
		 * ch takes other paths */
		(void)ko_given_convert(b, syl, sl, 2, KO_RR, GIVEN_HYPHEN, 1,
		    ko_marked(w, n));
		check_buf(b);
		(void)ko_given_convert(b, syl, sl, 2, KO_RR, GIVEN_HYPHEN, 0, 1);
		check_buf(b);
		(void)ko_given_convert(b, syl, sl, 2, KO_MR, GIVEN_SPACE, 0, 0);
		check_buf(b);
	}
	(void)zh_syllable_convert(b, w, n, ZH_WG);
	check_buf(b);
	(void)zh_word_convert(b, w, n, ZH_PINYIN);
	check_buf(b);
	(void)zh_word_convert(b, w, n, ZH_WG);
	check_buf(b);
	(void)zh_is_syllable(w, n, ZH_PINYIN);
	apos_rewrite(b, w, n, APOS_MODIFIER);
	check_buf(b);
	ascii_fold(b, w, n);
	check_buf(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dict_schemes sch = { "mr", "lc", "pinyin", 1 };
	struct buf b = { 0 };
	struct dict *d;
	const char *canonical, *rule;
	size_t len, i, j, m;
	char *s = fuzz_utf8(data, size, &len);

	for (i = 0; i < len; i = j + 1) {
		for (j = i; j < len && s[j] != ' ' && s[j] != '\n'; j++)
			;
		if (j > i && j - i < 200)
			one_word(s + i, j - i, &b);
	}
	/* the text as a dictionary, then looked up in itself */
	exit_trouble = 0;
	d = dict_new(&sch);
	(void)dict_load_text(d, "fuzz", s, len);
	for (i = 0; i < len; i++) {
		m = dict_match(d, s + i, len - i, ends_anywhere, &canonical,
		    &rule);
		FUZZ_CHECK(m <= len - i);
		if (m > 0)
			FUZZ_CHECK(canonical != NULL);
	}
	dict_free(d);
	buf_free(&b);
	free(s);
	exit_trouble = 0;
	return 0;
}
