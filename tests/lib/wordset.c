/* wordset.c: unit tests of lib/wordset (a fixed set of words with flags). */
#include <stdint.h>
#include <string.h>

#include "unit.h"
#include "wordset.h"

static struct wordset ws;

/* The flags of w in ws, or 0. */
static unsigned
flags(const char *w)
{
	const struct wordset_entry *e = wordset_find(&ws, w, strlen(w), NULL);

	return e != NULL ? e->flags : 0;
}

/* wordset_find_ascii() on w as a tokenizer reads it: its hash and its
 * first 8 bytes with 0x20 set, zero padded. */
static unsigned
flags_ascii(const char *w)
{
	size_t n = strlen(w), i;
	unsigned char head[8] = { 0 };
	uint64_t h;
	const struct wordset_entry *e;

	for (i = 0; i < n && i < 8; i++)
		head[i] = (unsigned char)w[i] | 0x20;
	memcpy(&h, head, 8);
	e = wordset_find_ascii(&ws, w, n, wordset_hash(w, n), h);
	return e != NULL ? e->flags : 0;
}

int
main(void)
{
	static const char *const a[] = { "comrade", "minister", "chargé",
	    "people's", "ambassadors", "of" };
	static const char *const b[] = { "minister", "said", "a" };
	char many[40][8];
	const char *mp[40];
	uint32_t h;
	size_t i;

	/* in any case, Latin-1 capitals folded, a curly apostrophe as ' */
	static const char *const found[] = { "Comrade", "COMRADE",
	    "CHARG\xc3\x89", "people\xe2\x80\x99s", "of" };
	/* longer, shorter, a prefix, empty */
	static const char *const missing[] = { "comrades", "comrad", "o", "" };

	wordset_add(&ws, a, 6, 1);
	wordset_add(&ws, b, 3, 2);
	is_long((long)ws.n, 8, "a word added twice is one word");
	is_long(flags("minister"), 3, "and has both flags");
	for (i = 0; i < sizeof(found) / sizeof(found[0]); i++)
		is_long(flags(found[i]), 1, "found: '%s'", found[i]);
	for (i = 0; i < sizeof(missing) / sizeof(missing[0]); i++)
		is_long(flags(missing[i]), 0, "not found: '%s'", missing[i]);
	/* as a tokenizer looks words up */
	ok(flags_ascii("Ambassadors") == 1 && flags_ascii("SAID") == 2 &&
	    flags_ascii("peoplE's") == 1 && flags_ascii("AMBASSADORZ") == 0,
	    "ASCII look-up: long words, capitals, apostrophes");

	h = wordset_hash("Kim", 3);
	ok(h == wordset_hash("KIM", 3) && h == wordset_hash("kim", 3),
	    "the hash of every spelling of a word is one");
	ok(wordset_hash("ambassador", 10) != wordset_hash("ambassadors", 11),
	    "words that differ past 8 bytes hash apart");

	/* many words in one set: all found */
	for (i = 0; i < 40; i++) {
		many[i][0] = 'w';
		many[i][1] = (char)('a' + i % 26);
		many[i][2] = (char)('a' + i / 26);
		many[i][3] = '\0';
		mp[i] = many[i];
	}
	wordset_add(&ws, mp, 40, 4);
	for (i = 0; i < 40; i++)
		if (flags(mp[i]) != 4)
			break;
	is_long((long)i, 40, "forty more words, all found");
	is_long(flags("minister"), 3, "and the first ones still");
	return unit_done();
}
