/* fuzz_cite.c: lib/cite, citations in notes and source lines and their
 * resolution.  Each line of the input (made valid UTF-8) is one note,
 * numbered in order; byte 0 picks which lines belong to the original
 * document's series. */
#include "cite.h"
#include "fuzz.h"

static void
on_conflict(const struct cite_conflict *c, void *arg)
{
	(void)arg;
	FUZZ_CHECK(c->cite != NULL && c->field >= 0 && c->field < AF_N);
	FUZZ_CHECK(c->earlier_note > 0 && c->earlier_note < c->note);
	FUZZ_CHECK(c->earlier_value != NULL);
}

static void
check_cites(const struct cites *cl, size_t len, long note)
{
	size_t i;
	int f;

	for (i = 0; i < cl->n; i++) {
		const struct cite *c = &cl->v[i];

		FUZZ_CHECK(c->start <= c->end && c->end <= len);
		FUZZ_CHECK(c->kind >= CITE_ARCHIVAL && c->kind <= CITE_OTHER);
		FUZZ_CHECK(cite_kind_name(c->kind)[0] != '\0');
		for (f = 0; f < AF_N; f++)
			FUZZ_CHECK(c->af[f] != NULL &&
			    utf8_check(c->af[f], strlen(c->af[f])) ==
			    strlen(c->af[f]));
		FUZZ_CHECK(c->target >= 0 && c->target < note);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cite_index *ix;
	struct cites cl = { 0 };
	size_t len, a, e;
	char *s, *key;
	long note = 0;
	unsigned series_bits;

	if (size < 1)
		return 0;
	series_bits = data[0];
	s = fuzz_utf8(data + 1, size - 1, &len);
	ix = cite_index_new();
	for (a = 0; a < len; a = e + 1) {
		const char *nl = memchr(s + a, '\n', len - a);

		e = nl ? (size_t)(nl - s) : len;
		note++;
		cites_clear(&cl);
		cite_parse(s + a, e - a, &cl);
		cite_resolve(ix, note, (series_bits >> (note % 8)) & 1,
		    note, &cl, on_conflict, NULL);
		check_cites(&cl, e - a, note);
		FUZZ_CHECK(cites_ibid_of(&cl) >= 0 && cites_ibid_of(&cl) < note);
		FUZZ_CHECK(cites_short_of(&cl) >= 0 &&
		    cites_short_of(&cl) < note);
		key = cite_key(s + a, e - a);
		FUZZ_CHECK(utf8_check(key, strlen(key)) == strlen(key));
		free(key);
	}
	/* the whole text as one note too */
	cites_clear(&cl);
	cite_parse(s, len, &cl);
	check_cites(&cl, len, note + 1);
	cites_free(&cl);
	cite_index_free(ix);
	cite_forget_archives();
	free(s);
	return 0;
}
