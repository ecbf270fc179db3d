/* names.c: unit tests of lib/names (tokens, names in phrases, merging). */
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "unit.h"

static struct ntok *toks;
static size_t cap;

/* The name ending the phrase s, or "". */
static char *
trailing(const char *s)
{
	size_t n = name_tokenize(s, strlen(s), &toks, &cap), first;

	if (!name_trailing(s, toks, 0, n, &first))
		return strdup("");
	return name_text(s, toks, first, n);
}

static char *
leading(const char *s)
{
	size_t n = name_tokenize(s, strlen(s), &toks, &cap), first, end;

	if ((end = name_leading(s, toks, 0, n, &first)) == 0)
		return strdup("");
	return name_text(s, toks, first, end);
}

#define TRAIL(in, want) do { char *g = trailing(in); \
	is_str(g, want, "trailing '%s'", in); free(g); } while (0)
#define LEAD(in, want) do { char *g = leading(in); \
	is_str(g, want, "leading '%s'", in); free(g); } while (0)

/* Names that name_same_parsed() finds alike always meet
 * (name_may_meet), alone and in a set with others: find_person() skips
 * a person whose forms do not meet the name. */
static void
test_meet(void)
{
	static const char *const names[] = { "Kim Il Sung", "Kim Il", "Kim",
	    "Il Sung", "Sung", "Kim Il-sung", "KIM IL SUNG", "A.N. Kosygin",
	    "Aleksei Kosygin", "Kosygin A.N.", "Kosygin", "Aleksei",
	    "Aleksei Nikolaevich", "Aleksey Nikolayevich", "A. Kosygin",
	    "N.S. Khrushchev", "Nikita Sergeevich", "Khrushchev N.S.",
	    "Nikita Khrushchev", "N. Khrushchev", "Leonid Brezhnev",
	    "Leonid Ilyich Brezhnev", "L.I. Brezhnev", "Brezhnev",
	    "V.V. Kuznetsov", "V. Kuznetsov", "Vasily Kuznetsov",
	    "Kuznetsov", "Chon", "Chon Tu-hwan", "Tu-hwan", "Pak Song Ch'ol",
	    "Pak", "Song Ch'ol", "Ivan Petrov", "Ivan Sidorov", "Ivan",
	    "Ivan Ivanovich", "I.I. Petrov", "Mao Zedong", "Mao", "Zedong",
	    "Comrade Kim", "A.B.", "Cde Pak", "Dmitrii Ustinov", "D.F. Ustinov" };
	size_t n = sizeof(names) / sizeof(names[0]), a, b;
	struct name_parsed *pa, *pb;
	struct name_meet ma, mb, set;
	int bad = 0, alike = 0;

	for (a = 0; a < n; a++)
		for (b = 0; b < n; b++) {
			pa = name_parse(names[a]);
			pb = name_parse(names[b]);
			name_parsed_meet(pa, &ma);
			name_parsed_meet(pb, &mb);
			/* b in a set with a name of its own kind */
			name_parsed_meet(name_parse_cached(names[(b + 7) % n]),
			    &set);
			name_meet_add(&set, &mb);
			if (name_same_parsed(pa, pb) != 0) {
				alike++;
				bad += !name_may_meet(&ma, &mb) ||
				    !name_may_meet(&ma, &set);
			}
			name_parsed_free(pa);
			name_parsed_free(pb);
		}
	ok(bad == 0 && alike > (int)n, "names alike meet (%d of %d pairs wrong)",
	    bad, alike);
	pa = name_parse("Ivan Petrov");
	pb = name_parse("Mao Zedong");
	name_parsed_meet(pa, &ma);
	name_parsed_meet(pb, &mb);
	ok(!name_may_meet(&ma, &mb), "names with no word alike do not meet");
	name_parsed_free(pa);
	name_parsed_free(pb);
}

int
main(void)
{
	size_t n, off;
	char *s;
	struct buf b = { 0 };

	n = name_tokenize("A.N. Kosygin's Yu. D. Fadeev", 28, &toks, &cap);
	is_long(n, 6, "tokens of initials and words");
	ok(toks[0].type == NT_INITIAL && toks[1].type == NT_INITIAL,
	    "A.N. is two initials");
	ok(toks[2].poss && toks[2].len == 7, "possessive cut off");
	ok(toks[3].type == NT_INITIAL, "Yu. is an initial");
	n = name_tokenize("than I. The", 11, &toks, &cap);
	ok(toks[1].type == NT_WORD, "I. ending a sentence is no initial");

	TRAIL("Soviet Ambassador to North Korea Vasily Moskovsky",
	    "Vasily Moskovsky");
	TRAIL("First Deputy Chairman of the Council of Ministers of the DPRK Kim Il",
	    "Kim Il");
	TRAIL("the third secretary of the DVO Putivets A.D.", "Putivets A.D.");
	TRAIL("Member of the Kollegia of the Foreign Ministry V.I. Likhachev",
	    "V.I. Likhachev");
	TRAIL("2nd secretary of the FED Yu. D. Fadeev", "Yu. D. Fadeev");
	TRAIL("North Korean Charge d\xe2\x80\x99" "Affaires Kang Ch\xe2\x80\x99ol-gun",
	    "Kang Ch\xe2\x80\x99ol-gun");
	TRAIL("acting Military Attache Colonel Ustinov", "Ustinov");
	TRAIL("the minister of foreign affairs", "");
	LEAD("comrade Kim Il Sung said", "Kim Il Sung");
	LEAD("Cde. Zhou Enlai received me", "Zhou Enlai");
	LEAD("com. Kim Chung-wong", "Kim Chung-wong");
	LEAD("Son Gen Mo and", "Son Gen Mo");
	LEAD("Gen. Ri Yong Mu", "Ri Yong Mu");
	LEAD("Kim Pyong-chik replied", "Kim Pyong-chik");

	ok(name_is_honorific("Cde", 3), "Cde is an honorific");
	ok(name_is_stopword("DPRK", 4), "DPRK is no name");
	ok(!name_is_stopword("Kim", 3), "Kim may be a name");

	is_long(name_same("A.N. Kosygin", "Aleksei Kosygin"), 2,
	    "initials fit the full name");
	is_long(name_same("Kosygin A.N.", "A.N. Kosygin"), 2,
	    "initials after the surname");
	is_long(name_same("Kosygin", "Aleksei Kosygin"), 2, "surname alone");
	is_long(name_same("V.V. Kuznetsov", "V. Kuznetsov"), 2,
	    "fewer initials");
	is_long(name_same("N.V. Kuznetsov", "Vasily Kuznetsov"), 0,
	    "initials that do not fit");
	is_long(name_same("Kim Il", "Kim Il Sung"), 0, "Kim Il is not Kim Il Sung");
	is_long(name_same("Kang Ch\xe2\x80\x99ol-gun", "Kang Ch'ol Gun"), 2,
	    "apostrophes and hyphens");
	is_long(name_same("Kang Ch\xca\xbcol Gun", "KANG CH'OL GUN"), 2,
	    "modifier apostrophe and case");
	is_long(name_same("Nikita Sergeevich", "N.S. Khrushchev"), 2,
	    "given name and patronymic");
	is_long(name_same("Chon", "Chon Tu-hwan"), 1, "a Korean surname: maybe");
	is_long(name_same("Leonid Brezhnev", "Leonid Ilyich Brezhnev"), 2,
	    "patronymic left out");
	is_long(name_same("Aleksey Nikolayevich", "Aleksey Kosygin"), 1,
	    "given name and patronymic, given name and surname: maybe");
	is_long(name_same("Aleksey Nikolayevich", "Aleksey Ivanovich"), 0,
	    "two patronymics differ");
	is_long(name_same("Ivan Petrov", "Ivan Sidorov"), 0,
	    "two surnames differ");
	/* the cache of parsed names must not confuse two names */
	is_long(name_same("Kim Il", "Kim Il Sung"), 0, "again, cached");
	is_long(name_same("Kim Il Sung", "Kim Il"), 0, "reversed, cached");
	is_long(name_words("Kim Il Sung"), 3, "three words");
	test_meet();
	ok(name_is_stopword("Ribao", 5), "a newspaper is no name");
	ok(name_is_stopword("SINMUN", 6), "in capitals too");
	ok(name_is_stopword("Ilbo", 4), "Ilbo is no name");
	ok(!name_is_stopword("Renminov", 8), "a longer word may be a name");
	ok(name_fullness("Aleksei Kosygin") > name_fullness("A.N. Kosygin"),
	    "full given name is fuller than initials");
	ok(name_fullness("Stepakov V.I.") > name_fullness("Stepakov"),
	    "initials add to a surname");

	/* tokens carry their vocabulary flags and a hash of the folded
	 * word, the same for every spelling of one word */
	s = "Comrade GEN. Gen Kim Charg\xc3\xa9 CHARG\xc3\x89 people\xe2\x80\x99s";
	n = name_tokenize(s, strlen(s), &toks, &cap);
	is_long(n, 8, "tokens with flags");
	ok(toks[0].vocab & NV_HONORIFIC, "Comrade: an honorific");
	ok((toks[1].vocab & (NV_HONORIFIC | NV_DOTTED)) ==
	    (NV_HONORIFIC | NV_DOTTED), "GEN: an honorific before a dot");
	ok(!name_honorific_at(s, &toks[3]),
	    "Gen without a dot is no honorific");
	ok(toks[4].vocab == 0 && toks[4].hash == name_word_hash("kim", 3),
	    "Kim: in no vocabulary, hashed in lower case");
	ok((toks[5].vocab & NV_STOPWORD) && toks[5].hash == toks[6].hash &&
	    toks[5].hash == name_word_hash("charg\xc3\xa9", 7),
	    "Latin-1 capitals fold");
	ok(toks[7].poss && (toks[7].vocab & NV_STOPWORD),
	    "a possessive cut off before the look-up");
	n = name_tokenize_some("A.N. Kosygin said so", 20, &toks, &cap, 3,
	    &off);
	is_long(n, 3, "at most max tokens");
	is_long(off, 12, "where it stopped");
	n = name_tokenize_some("Kosygin", 7, &toks, &cap, 3, &off);
	is_long(off, 7, "all read");
	/* read on where it stopped: the tokens of one reading */
	s = "Comrade A.N. Kosygin, the Ambassador";
	n = name_tokenize_some(s, strlen(s), &toks, &cap, 2, &off);
	n = name_tokenize_more(s, strlen(s), off, &toks, &cap, n, 99, &off);
	is_long(n, 7, "read on");
	ok(toks[2].type == NT_INITIAL && toks[4].type == NT_PUNCT &&
	    toks[6].off == 26 && (toks[6].vocab & NV_STOPWORD),
	    "read on: the tokens of one reading");

	/* short words, long ones, words at the end of the text and words
	 * with joins or other letters hash alike */
	s = "said SAID Ambassadors AMBASSADORS Ch'ol-gun Kim";
	n = name_tokenize(s, strlen(s), &toks, &cap);
	is_long(n, 6, "words to hash");
	ok(toks[0].hash == name_word_hash("said", 4) &&
	    toks[1].hash == toks[0].hash, "a short word");
	ok(toks[2].hash == name_word_hash("ambassadors", 11) &&
	    toks[3].hash == toks[2].hash && toks[3].allcaps &&
	    !toks[2].allcaps, "a long word");
	ok(toks[4].hash == name_word_hash("ch'ol-gun", 9), "joins");
	ok(toks[5].hash == name_word_hash("kim", 3) && toks[5].cap,
	    "the last word");

	/* words that end the text: read from a copy of their last bytes
	 * (here with nothing after them), as the other words */
	{
		static const char *const ends[] = { "Kim", "V.", "I.",
		    "Vinogradov", "Ambassadors", "said comrade Kim" };
		size_t e, k, len;

		for (e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
			char *bare;

			len = strlen(ends[e]);
			bare = malloc(len);
			memcpy(bare, ends[e], len);
			n = name_tokenize(bare, len, &toks, &cap);
			k = n - 1;
			ok(n >= 1 && toks[k].off + toks[k].len <= len &&
			    (toks[k].type == NT_INITIAL ||
			    toks[k].hash == name_word_hash(bare + toks[k].off,
			    toks[k].len)), "the last token of '%s'", ends[e]);
			free(bare);
		}
		n = name_tokenize("V.", 2, &toks, &cap);
		ok(n == 1 && toks[0].type == NT_INITIAL && toks[0].len == 2 &&
		    toks[0].cap && toks[0].vocab == 0, "an initial at the end");
		n = name_tokenize("I.", 2, &toks, &cap);
		ok(n == 1 && toks[0].type == NT_INITIAL, "I. alone: an initial");
		n = name_tokenize("than I. Then", 12, &toks, &cap);
		ok(n == 4 && toks[1].type == NT_WORD,
		    "I. before a capital word ending a sentence: the pronoun");
		n = name_tokenize("Ambassadors", 11, &toks, &cap);
		ok(n == 1 && toks[0].len == 11 && toks[0].cap &&
		    (toks[0].vocab & NV_STOPWORD), "a long word at the end");
	}

	/* marks glued to words are tokens of their own, and the words
	 * after them are read as after a space; the end of the text, max
	 * and a word of seven letters whose next letter is past the eight
	 * bytes read stop or go on as elsewhere */
	{
		static const struct {
			const char *s;
			const char *types;	/* W word, I initial, N, P */
			size_t last_off;
		} runs[] = {
			{ "Kim, said. The Ambassador; A. Gromyko: so.",
			    "WPWPWWPIWPWP", 41 },
			{ "Kim.\" He said", "WPPWW", 9 },
			{ "Ambassa x, Kosygin's aide", "WWPWW", 21 },
			{ "Kim,1962 and I.V.", "WPNWII", 15 },
			{ "ambassadorial, Comrade -Li, Yu. Fadeev.",
			    "WPWPWPIWP", 38 },
			{ "so ,,", "WPP", 4 },
		};
		size_t r, k, len;

		for (r = 0; r < sizeof(runs) / sizeof(runs[0]); r++) {
			char *bare, types[32];

			/* without a NUL after them */
			len = strlen(runs[r].s);
			bare = malloc(len);
			memcpy(bare, runs[r].s, len);
			n = name_tokenize(bare, len, &toks, &cap);
			for (k = 0; k < n && k + 1 < sizeof(types); k++)
				types[k] = "WINP"[toks[k].type];
			types[k] = '\0';
			is_mem(types, k, runs[r].types, strlen(runs[r].types),
			    "glued marks: '%s'", runs[r].s);
			ok(n > 0 && toks[n - 1].off == runs[r].last_off,
			    "glued marks: the last token of '%s'", runs[r].s);
			free(bare);
		}
		s = "Kim, said. The";
		n = name_tokenize_some(s, strlen(s), &toks, &cap, 1, &off);
		ok(n == 1 && off == 3, "max before a glued mark");
		n = name_tokenize_some(s, strlen(s), &toks, &cap, 2, &off);
		ok(n == 2 && off == 4 && toks[1].type == NT_PUNCT,
		    "max at a glued mark");
		n = name_tokenize_more(s, strlen(s), off, &toks, &cap, n, 99,
		    &off);
		ok(n == 5 && off == 14 && toks[3].type == NT_PUNCT &&
		    toks[4].cap, "read on after a glued mark");
	}

	/* the key of a name: a stray byte that stands for a Latin-1
	 * letter is two bytes of UTF-8, marks part words, an apostrophe
	 * joins them even after a space */
	name_key(&b, "Pi\xe9tr-Ch\xca\xbcol  '\xd0\x9a\xd0\x98\xd0\x9c, O.");
	is_str(buf_cstr(&b), "pi\xc3\xa9tr ch'ol'\xd0\xba\xd0\xb8\xd0\xbc o",
	    "key: stray bytes, joins, Cyrillic");
	buf_reset(&b);
	name_key(&b, "");
	is_str(buf_cstr(&b), "", "key: empty");
	buf_reset(&b);
	is_long(name_same("Ch\xe2\x80\x99ol-gun Kang", "CH'OL GUN KANG"), 2,
	    "parsed: a hyphen parts words as a space does");
	is_long(name_words("Comrade Yu. V. Andropov-Ivanov"), 2,
	    "parsed: honorific left out, hyphenated words counted");

	/* a name's text in place when its tokens are one space apart */
	{
		size_t len;
		const char *v;

		s = "to A.N. Kosygin and Kim  Il\tSung";
		n = name_tokenize(s, strlen(s), &toks, &cap);
		v = name_text_view(&b, s, toks, 1, 4, &len);
		ok(v == s + 3 && len == 12, "view: in the text");
		v = name_text_view(&b, s, toks, 5, 8, &len);
		is_str(v, "Kim Il Sung", "view: spaces made one");
		ok(len == 11 && v == b.s, "view: in the buffer");
		v = name_text_view(&b, s, toks, 4, 4, &len);
		ok(len == 0 && *v == '\0', "view: no tokens");
		buf_reset(&b);
	}

	/* the first two letters of a word tell most words from honorifics */
	ok(!name_may_be_honorific("the", 3) && !name_may_be_honorific("a", 1) &&
	    !name_may_be_honorific("said", 4) &&
	    !name_may_be_honorific("a'b", 3) &&
	    !name_may_be_honorific("m\xc3\xa9", 3), "no honorific");
	ok(name_may_be_honorific("comrade", 7) &&
	    name_may_be_honorific("MR", 2) && name_may_be_honorific("gen", 3) &&
	    name_may_be_honorific("tovarisch", 9) &&
	    name_may_be_honorific("\xc3\xa9", 2) &&
	    name_may_be_honorific("1st", 3), "maybe");
	{
		static const char *const hon[] = { "amb", "capt", "cde",
		    "col", "com", "dr", "gen", "herr", "lt", "madame",
		    "messrs", "mme", "ms", "prof", "sir", "tov" };
		size_t h;

		for (h = 0; h < sizeof(hon) / sizeof(hon[0]); h++)
			ok(name_is_honorific(hon[h], strlen(hon[h])) &&
			    name_may_be_honorific(hon[h], strlen(hon[h])),
			    "an honorific may be one: %s", hon[h]);
	}

	/* a program's own words: flags of its own, ASCII case only */
	{
		static const char *const mine[] = { "replied", "charg\xc3\xa9" };

		name_vocab_add(mine, 2, NV_PROGRAM);
		s = "REPLIED Replied replied. charg\xc3\xa9 CHARG\xc3\x89 Kim";
		n = name_tokenize(s, strlen(s), &toks, &cap);
		is_long(n, 7, "tokens of a program's words");
		ok((toks[0].vocab & NV_PROGRAM) && (toks[1].vocab & NV_PROGRAM) &&
		    (toks[2].vocab & NV_PROGRAM), "in any ASCII case");
		ok((toks[4].vocab & NV_PROGRAM) &&
		    (toks[4].vocab & NV_STOPWORD), "with a library's flag");
		ok(!(toks[5].vocab & NV_PROGRAM) &&
		    (toks[5].vocab & NV_STOPWORD),
		    "no Latin-1 folding for a program's words");
		ok(toks[6].vocab == 0, "others: none");
	}

	/* names parsed once compare as name_same() compares */
	{
		struct name_parsed *x = name_parse("A.N. Kosygin");
		struct name_parsed *y = name_parse("Aleksei Kosygin");

		is_long(name_same_parsed(x, y), 2, "parsed: initials fit");
		is_long(name_parsed_words(y), 2, "parsed: two words");
		is_long(name_parsed_fullness(y), name_fullness("Aleksei Kosygin"),
		    "parsed: fullness");
		name_parsed_free(x);
		name_parsed_free(y);
	}

	name_key(&b, "Kang Ch\xe2\x80\x99ol-gun");
	is_str(buf_cstr(&b), "kang ch'ol gun", "key");
	buf_free(&b);
	s = name_titlecase("RECORD OF CONVERSATION WITH KANG CH'OL-GUN", 42);
	is_str(s, "Record of Conversation with Kang Ch'ol-gun", "title case");
	free(s);
	/* Cyrillic and Latin-1 capitals lowered; a stray byte that stands
	 * for a Latin-1 capital is written in UTF-8, two bytes */
	s = name_titlecase("A \xd0\x9f\xd0\xa0\xd0\x90\xd0\x92\xd0\x94\xd0\x90 OF THE "
	    "\xc3\x89MILE \xc9\xc9", 31);
	is_str(s, "A \xd0\x9f\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb4\xd0\xb0 of the "
	    "\xc3\x89mile \xc3\x89\xc3\xa9", "title case: other letters");
	free(s);
	/* runs of ASCII letters end at the end of the text (not at a NUL),
	 * at a join, at other letters; a lower-case first letter is kept */
	s = name_titlecase("kIM O'DWYER-NAKAMURA DUPR\xc3\x89" "E ILXYZ", 31);
	is_str(s, "kim O'dwyer-nakamura Dupr\xc3\xa9" "e Il",
	    "title case: runs of ASCII letters");
	free(s);
	/* long runs of ASCII letters are lowered eight at a time: runs
	 * that end inside eight bytes, at their end, past the end of the
	 * text given (not at a NUL), and before a join, a mark, other
	 * letters */
	s = name_titlecase("SEVENTH ABSOLUTE NINETEENS SIXTEENLETTERSAB "
	    "SEVENTEENLETTERSA ABCDEFGHIJKLMNOP-QRSTUVWXYZABCDEFG. "
	    "GRUNDSATZERKL\xc3\x84RUNG ABCDEFGHIJKLMNOPQRST", 131);
	is_str(s, "Seventh Absolute Nineteens Sixteenlettersab Seventeenlettersa "
	    "Abcdefghijklmnop-qrstuvwxyzabcdefg. Grundsatzerkl\xc3\xa4rung "
	    "Abcdefghijklm", "title case: long runs");
	free(s);
	/* a name is the text as it is, or its tokens a space apart */
	s = leading("Ivan Petrovich Sidorov said");
	is_str(s, "Ivan Petrovich Sidorov", "name text: as it is");
	free(s);
	s = leading("Ivan  Petrovich\tSidorov said");
	is_str(s, "Ivan Petrovich Sidorov", "name text: spaces made one");
	free(s);
	/* the small words after the first word, and words of their
	 * lengths and first letters that are none */
	{
		const char *in = "THE OF A AN ANT AT ATE BY BYE IN INN OFF ON "
		    "ONE TO TOE AND ANDY FOR FORT THE THEE FROM FROMM WITH "
		    "WITHE BETWEEN BETWEEM BETWEENS oF TO-DAY O'THE "
		    "\xc3\x80T ABOUT WITH";

		s = name_titlecase(in, strlen(in));
		is_str(s, "The of a an Ant at Ate by Bye in Inn Off on One to "
		    "Toe and Andy for Fort the Thee from Fromm with Withe "
		    "between Betweem Betweens of To-day O'the \xc3\x80t About "
		    "with", "title case: small words");
		free(s);
	}
	{
		/* a run of short words read a few tokens at a time stops
		 * at each limit and goes on where it stopped */
		const char *in = "Kim said, the talks went on. A. Ri and Pak "
		    "agreed; Ambassadors met again.";
		struct ntok *part = NULL;
		size_t partcap = 0, all, max, got, rest, bad = 0, k;

		all = name_tokenize(in, strlen(in), &toks, &cap);
		for (max = 1; max <= all; max++) {
			got = name_tokenize_some(in, strlen(in), &part,
			    &partcap, max, &rest);
			while (got < all && rest < strlen(in))
				got = name_tokenize_more(in, strlen(in), rest,
				    &part, &partcap, got, got + max, &rest);
			if (got != all)
				bad++;
			for (k = 0; k < got && k < all; k++)
				if (memcmp(&part[k], &toks[k], sizeof(*part)) != 0)
					bad++;
		}
		ok(all == 18 && bad == 0, "tokens read in pieces (%zu, %zu bad)",
		    all, bad);
		free(part);
	}
	free(toks);
	name_cache_free();
	return unit_done();
}
