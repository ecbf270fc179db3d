/* translit.c: unit tests for lib/translit.c and lib/dict.c. */
#include <string.h>

#include "canon.h"
#include "dict.h"
#include "translit-builtin.h"
#include "translit.h"
#include "util.h"
#include "unit.h"

static void
ru(const char *cyr, int scheme, const char *want)
{
	struct buf b = { 0 };

	ru_translit(&b, cyr, strlen(cyr), scheme);
	is_str(buf_cstr(&b), want, "%s in %s", cyr, ru_scheme_name(scheme));
	buf_free(&b);
}

static void
test_russian(void)
{
	ru("Хрущёв", RU_LC, "Khrushchev");
	ru("Хрущёв", RU_LC_DIACRITICS, "Khrushch\xc3\xabv");
	ru("Хрущёв", RU_BGN, "Khrushch\xc3\xabv");
	ru("Хрущёв", RU_ISO9, "H\x72u\xc5\x9d\xc3\xabv");
	ru("Хрущёв", RU_SIMPLE, "Khrushchev");
	ru("Сергеевич", RU_BGN, "Sergeyevich");
	ru("Сергеевич", RU_LC, "Sergeevich");
	ru("Юрий", RU_LC, "Iurii");
	ru("Юрий", RU_BGN, "Yuriy");
	ru("Юрий", RU_SIMPLE, "Yury");
	ru("Юрий", RU_ISO9, "\xc3\x9brij");
	ru("Юрий", RU_LC_DIACRITICS, "I\xcd\xa1uri\xc4\xad");
	ru("Василий", RU_SIMPLE, "Vasily");
	ru("Майя", RU_SIMPLE, "Mayya");
	ru("подъезд", RU_LC, "pod\"ezd");
	ru("подъезд", RU_BGN, "pod\xca\xbayezd");
	ru("Отсюда", RU_BGN, "Ot\xc2\xb7syuda");
	ru("мэр", RU_BGN, "m\xc2\xb7" "er");
	ru("ЩУКИН", RU_BGN, "SHCHUKIN");
	ru("Щукин", RU_BGN, "Shchukin");
	ru("Ельцин", RU_BGN, "Yel\xca\xb9tsin");
	ru("Ельцин", RU_LC, "El'tsin");
	ru("fond 5, Москва", RU_LC, "fond 5, Moskva");
}

static void
key(const char *a, const char *b, int same)
{
	struct buf x = { 0 }, y = { 0 };

	ru_latin_key(&x, a, strlen(a));
	ru_latin_key(&y, b, strlen(b));
	ok((strcmp(buf_cstr(&x), buf_cstr(&y)) == 0) == same,
	    "key %s %s %s (%s, %s)", a, same ? "==" : "!=", b, x.s, y.s);
	buf_free(&x);
	buf_free(&y);
}

static void
conv(const char *w, int scheme, const char *want)
{
	struct buf b = { 0 };

	ru_latin_convert(&b, w, strlen(w), scheme);
	is_str(buf_cstr(&b), want, "%s to %s", w, ru_scheme_name(scheme));
	buf_free(&b);
}

static void
test_latin(void)
{
	key("Sergeevich", "Sergeyevich", 1);
	key("Sergei", "Sergey", 1);
	key("Aleksei", "Alexei", 1);
	key("Aleksei", "Aleksey", 1);
	key("Vasilii", "Vasiliy", 1);
	key("predstavliaiut", "predstavlyayut", 1);
	key("Il'ich", "Ilich", 1);
	key("Iurii", "Yuri", 1);
	key("Iakov", "Yakov", 1);
	key("Fedor", "Fyodor", 1);
	key("Petr", "Pyotr", 1);
	key("\xc5\xbdukov", "Zhukov", 1);
	key("Dmitrii", "Dmitry", 1);
	key("Evgenii", "Yevgeny", 1);
	key("Marx", "Marks", 0);
	key("Korea", "Koreya", 0);
	key("Politburo", "Politbyuro", 0);
	key("Goncharov", "Gorchakov", 0);
	key("list", "listy", 0);
	ok(ru_latin_marks("predstavlyayut", 14) == RU_MARK_BGN, "lya is BGN");
	ok(ru_latin_marks("soboi", 5) == RU_MARK_LC, "-oi is LC");
	ok(ru_latin_marks("soboy", 5) == RU_MARK_BGN, "-oy is BGN");
	ok(ru_latin_marks("Vasilii", 7) == RU_MARK_LC, "-ii is LC");
	ok(ru_latin_marks("fond", 4) == 0, "fond has no mark");
	conv("Sergeyevich", RU_LC, "Sergeevich");
	conv("Sergeevich", RU_BGN, "Sergeyevich");
	conv("soboi", RU_BGN, "soboy");
	conv("predstavlyayut", RU_LC, "predstavliaiut");
	conv("Vasilii", RU_SIMPLE, "Vasily");
}

static void
given(const char *a, const char *b, int scheme, int style, const char *want)
{
	const char *syl[2] = { a, b };
	size_t len[2] = { strlen(a), b ? strlen(b) : 0 };
	struct buf o = { 0 };

	ok(ko_given_convert(&o, syl, len, b ? 2 : 1, scheme, style, 0, 1),
	    "%s %s parses", a, b ? b : "");
	is_str(buf_cstr(&o), want, "%s-%s", a, b ? b : "");
	buf_free(&o);
}

/* A name whose reading is uncertain (a k, t, p or ch that may have lost
 * its apostrophe) is not converted. */
static void
given_left(const char *a, const char *b, int scheme, int marked)
{
	const char *syl[2] = { a, b };
	size_t len[2] = { strlen(a), strlen(b) };
	struct buf o = { 0 };

	ok(!ko_given_convert(&o, syl, len, 2, scheme, GIVEN_HYPHEN, 0,
	    marked), "%s-%s is left alone", a, b);
	buf_free(&o);
}

static void
test_korean(void)
{
	struct buf a = { 0 }, b = { 0 };

	ok(ko_surname("Pak", 3) == ko_surname("Park", 4), "Pak = Park");
	ok(ko_surname("Yi", 2) == ko_surname("Lee", 3), "Yi = Lee");
	ok(ko_surname("Ri", 2) == ko_surname("Rhee", 4), "Ri = Rhee");
	ok(ko_surname("Ch'oe", 5) == ko_surname("Choi", 4), "Ch'oe = Choi");
	ok(ko_surname("Chong", 5) == ko_surname("Jeong", 5), "Chong = Jeong");
	ok(ko_surname("Smith", 5) < 0, "Smith is no Korean surname");
	ok(ko_syllable("Ch'ang", 6), "Ch'ang");
	ok(ko_syllable("ch\xe2\x80\x99ol", 8), "ch’ol");
	ok(ko_syllable("Seong", 5), "Seong (RR)");
	ok(!ko_syllable("Xiao", 4), "Xiao is no Korean syllable");
	ok(ko_split_given("Ch'angbong", 10) == 6, "Ch'angbong splits");
	given("Ch'ang", "bong", KO_RR, GIVEN_HYPHEN, "Chang-bong");
	given("Chang", "bong", KO_MR, GIVEN_SPACE, "Chang Bong");
	given("Jeong", "cheol", KO_MR, GIVEN_HYPHEN, "Chong-ch'ol");
	given("Seong", "geun", KO_MR, GIVEN_JOINED, "Songgun");
	given("Ch'ol", "g\xc5\xadn", KO_RR, GIVEN_JOINED, "Cholgeun");
	given("Ch'ol", "gun", KO_RR, GIVEN_JOINED, "Cholgun");
	given("Kwang", "ho", KO_RR, GIVEN_HYPHEN, "Gwang-ho");
	given("Chang", "ok", KO_RR, GIVEN_HYPHEN, "Jang-ok");
	given_left("Kum", "chol", KO_MR, 1);
	given_left("Ki", "taek", KO_RR, 1);
	given_left("Chang", "ok", KO_RR, 0);
	ok(ko_marked("Ch'oe", 5) && ko_marked("Ch\xc5\x8fn", 5) &&
	    !ko_marked("Pak", 3), "aspiration marks and breves");
	ko_syllable_key(&a, "Bong", 4);
	ko_syllable_key(&b, "pong", 4);
	is_str(buf_cstr(&a), buf_cstr(&b), "voicing folds in the key");
	buf_free(&a);
	buf_free(&b);
}

static void
zh(const char *s, int from, const char *want)
{
	struct buf b = { 0 };
	int r = zh_word_convert(&b, s, strlen(s), from);

	if (want == NULL)
		ok(!r, "%s does not convert", s);
	else
		is_str(buf_cstr(&b), want, "%s", s);
	buf_free(&b);
}

static void
test_chinese(void)
{
	zh("Tse-tung", ZH_WG, "Zedong");
	zh("En-lai", ZH_WG, "Enlai");
	zh("Hsiao-p'ing", ZH_WG, "Xiaoping");
	zh("Shao-ch'i", ZH_WG, "Shaoqi");
	zh("Kuo-t'ao", ZH_WG, "Guotao");
	zh("Chou", ZH_WG, "Zhou");
	zh("Ssu", ZH_WG, "Si");
	zh("Xiaoping", ZH_PINYIN, "Hsiao-p'ing");
	zh("Zedong", ZH_PINYIN, "Tse-tung");
	zh("Qiao", ZH_PINYIN, "Ch'iao");
	zh("Jiang", ZH_PINYIN, "Chiang");
	zh("Smith", ZH_PINYIN, NULL);
}

static void
test_typography(void)
{
	struct buf b = { 0 };

	apos_rewrite(&b, "Ch'ang", 6, APOS_RIGHT);
	is_str(buf_cstr(&b), "Ch\xe2\x80\x99" "ang", "right quote");
	buf_reset(&b);
	apos_rewrite(&b, "Ch\xe2\x80\x99" "ang", 8, APOS_MODIFIER);
	is_str(buf_cstr(&b), "Ch\xca\xbc" "ang", "modifier letter");
	buf_reset(&b);
	ascii_fold(&b, "S\xc5\x8fng \xc5\xad \xc3\xab \xc4\xad", 14);
	is_str(buf_cstr(&b), "Song u e i", "ascii folding");
	buf_free(&b);
}

static void
test_dict(void)
{
	struct dict_schemes sch = { "mr", "lc", "pinyin", 1 };
	struct dict *d = dict_new(&sch);
	static const char text[] =
	    "# comment\n"
	    "Kim Il Sung\tKim Il-sung\tKim Ilsung\n"
	    "[chinese=wg]\n"
	    "Mao Tse-tung\tMao Zedong\n"
	    "[russian-names]\n"
	    "\xd0\xa1\xd0\xb5\xd1\x80\xd0\xb3\xd0\xb5\xd0\xb9\n";
	const char *canon = NULL, *rule = NULL;
	size_t m;

	is_long(dict_load_text(d, "t", text, sizeof(text) - 1), 0, "loads");
	m = dict_match(d, "Kim Il-sung said", 16, NULL, &canon, &rule);
	is_long((long)m, 11, "Kim Il-sung matches");
	is_str(canon, "Kim Il Sung", "to its canonical form");
	m = dict_match(d, "Kim Il\xe2\x80\x99sung", 14, NULL, &canon, &rule);
	m = dict_match(d, "KIM IL-SUNG", 11, NULL, &canon, &rule);
	is_long((long)m, 11, "case does not matter");
	m = dict_match(d, "Mao Tse-tung", 12, NULL, &canon, &rule);
	is_str(canon, "Mao Zedong", "a [chinese=wg] section reversed for pinyin");
	m = dict_match(d, "Sergey", 6, NULL, &canon, &rule);
	is_str(canon, "Sergei", "a Russian name from its BGN form to LC");
	m = dict_match(d, "Sergei", 6, NULL, &canon, &rule);
	is_str(canon, "Sergei", "the canonical form is kept");
	m = dict_match(d, "Nobody", 6, NULL, &canon, &rule);
	is_long((long)m, 0, "no match");
	dict_free(d);
}

/* The memo: what was put is got back, by tag and key; when full it
 * forgets, and then works on. */
static void
test_memo(void)
{
	struct memo *m = memo_new();
	struct memo_val v = { 0 };
	const struct memo_val *got;
	char key[16];
	int i, kept = 0;

	v.n = 7;
	v.rule = "dictionary";
	v.s = "Kim Il Sung";
	v.len = strlen(v.s);
	memo_put(m, 'D', "kim il sung", 11, &v);
	got = memo_get(m, 'D', "kim il sung", 11);
	ok(got != NULL && got->n == 7 && strcmp(got->s, "Kim Il Sung") == 0 &&
	    got->len == 11 && strcmp(got->rule, "dictionary") == 0,
	    "memo: a value is got back");
	ok(memo_get(m, 'K', "kim il sung", 11) == NULL, "memo: the tag counts");
	ok(memo_get(m, 'D', "kim il sun", 10) == NULL, "memo: the whole key");
	v.s = NULL;
	v.len = 0;
	for (i = 0; i < 20000; i++) {
		v.n = i;
		memcpy(key, &i, sizeof(i));
		memo_put(m, 'S', key, sizeof(i), &v);
		got = memo_get(m, 'S', key, sizeof(i));
		kept += got != NULL && got->n == i;
	}
	is_long(kept, 20000, "memo: bounded, and still working when full");
	memo_free(m);
}

static size_t nspell, spell_stale;

static void
spelling(const char *key, int idx, void *arg)
{
	(void)arg;
	spell_stale += nspell >= ko_builtin_nskeys ||
	    strcmp(ko_builtin_skeys[nspell].key, key) != 0 ||
	    ko_builtin_skeys[nspell].idx != idx;
	nspell++;
}

/* lib/translit-tables.c is what scripts/gen-translit-tables writes now:
 * every name of [russian-names] in every scheme, the Wade-Giles
 * surnames and the keys of the Korean ones. */
static void
test_tables(void)
{
	const char *p = strstr(dict_builtin, "\n[russian-names]\n"), *e;
	struct buf b = { 0 }, f = { 0 };
	size_t n = 0, i, len;
	int s, found, stale = 0;

	ok(p != NULL, "tables: the built-in dictionary has [russian-names]");
	for (p = p ? strchr(p + 1, '\n') + 1 : ""; *p && *p != '['; p = e + 1) {
		e = strchr(p, '\n');
		if (*p == '#' || *p == '\n')
			continue;
		len = strcspn(p, "\t \n");
		n++;
		for (i = found = 0; i < ru_builtin_nnames && !found; i++) {
			const struct ru_builtin_name *r = &ru_builtin_names[i];

			if (strlen(r->cyrillic) != len ||
			    memcmp(r->cyrillic, p, len) != 0)
				continue;
			found = 1;
			for (s = 0; s < RU_NSCHEMES; s++) {
				buf_reset(&b);
				ru_translit(&b, p, len, s);
				buf_reset(&f);
				ascii_fold(&f, b.s, b.len);
				stale += strcmp(buf_cstr(&b), r->form[s]) != 0 ||
				    strcmp(buf_cstr(&f), r->fold[s]) != 0;
			}
			stale += i > 0 && strcmp(ru_builtin_names[i - 1].cyrillic,
			    r->cyrillic) >= 0;
		}
		stale += !found;
	}
	is_long((long)ru_builtin_nnames, (long)n,
	    "tables: one entry a Russian name");
	for (i = 0; canon_zh_surnames[i]; i++) {
		buf_reset(&b);
		found = zh_word_convert(&b, canon_zh_surnames[i],
		    strlen(canon_zh_surnames[i]), ZH_PINYIN);
		if (i >= zh_surnames_nwg) {
			stale++;
			continue;
		}
		stale += found ? zh_surnames_wg[i] == NULL ||
		    strcmp(buf_cstr(&b), zh_surnames_wg[i]) != 0 :
		    zh_surnames_wg[i] != NULL;
	}
	stale += i != zh_surnames_nwg;
	ko_surname_spellings(spelling, NULL);
	stale += spell_stale + (nspell != ko_builtin_nskeys);
	is_long(stale, 0, "tables: current (else run scripts/gen-translit-tables)");
	buf_free(&b);
	buf_free(&f);
}

int
main(void)
{
	test_tables();
	test_memo();
	test_russian();
	test_latin();
	test_korean();
	test_chinese();
	test_typography();
	test_dict();
	return unit_done();
}
