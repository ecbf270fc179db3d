/* cite.c: unit tests for lib/cite.c, parsing and resolving citations. */
#include <pthread.h>
#include <string.h>

#include "cite.h"
#include "util.h"
#include "unit.h"

/* Parse s; "kind:archive/fond/opis/papka/delo/folios" per citation,
 * joined with " | ". */
static const char *
parse(const char *s)
{
	static char out[1024];
	struct cites cl = { 0 };
	size_t i;
	int f;

	out[0] = '\0';
	cite_parse(s, strlen(s), &cl);
	for (i = 0; i < cl.n; i++) {
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s",
		    i ? " | " : "", cite_kind_name(cl.v[i].kind));
		if (*cl.v[i].af[0] || *cl.v[i].af[1])
			for (f = 0; f < AF_N; f++)
				snprintf(out + strlen(out),
				    sizeof(out) - strlen(out), "%c%s",
				    f ? '/' : ':', cl.v[i].af[f]);
	}
	cites_free(&cl);
	return out;
}

struct fixture {
	const char *text;
	int         series;
};

/* Resolve notes 1..n in turn; the targets of the last note's
 * citations as "t,t". */
static const char *
resolve(const struct fixture *notes, size_t n)
{
	static char out[128];
	struct cite_index *ix = cite_index_new();
	struct cites cl = { 0 };
	size_t i, j;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		cites_clear(&cl);
		cite_parse(notes[i].text, strlen(notes[i].text), &cl);
		cite_resolve(ix, (long)i + 1, notes[i].series, (long)i + 1,
		    &cl, NULL, NULL);
	}
	for (j = 0; j < cl.n; j++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%ld",
		    j ? "," : "", cl.v[j].target);
	cites_free(&cl);
	cite_index_free(ix);
	return out;
}

/* cite_parse_text() of s as "kind:archive/fond/.../folios@start-end",
 * joined with " | ": with the chains found ahead in a when not NULL */
static const char *
text_cites(const char *s, size_t len, const struct cite_ahead *a, size_t k,
    char *out, size_t size)
{
	struct cites cl = { 0 };
	size_t i;
	int f;

	out[0] = '\0';
	cite_parse_text_ahead(s, len, 1, a, k, &cl);
	for (i = 0; i < cl.n; i++) {
		snprintf(out + strlen(out), size - strlen(out), "%s%s",
		    i ? " | " : "", cite_kind_name(cl.v[i].kind));
		for (f = 0; f < AF_N; f++)
			snprintf(out + strlen(out), size - strlen(out), "%c%s",
			    f ? '/' : ':', cl.v[i].af[f] ? cl.v[i].af[f] : "");
		snprintf(out + strlen(out), size - strlen(out), "@%zu-%zu",
		    cl.v[i].start, cl.v[i].end);
	}
	cites_free(&cl);
	return out;
}

/* lines of body text with coordinates, years, references and none */
static const char *const body_lines[] = {
	"The record (AVPRF, fond 0102, opis 18, papka 93, delo 5, listy 3-9) "
	    "and RGANI, f. 5, op. 30, d. 163, ll. 20-24, both.",
	"In 1950, 1951 and 1952 nothing; see [Document 4] and fond 3 alone.",
	"GARF, fond R-9401, opis 2, delo 65, 1949, list 12; TsAMO, f. 3, "
	    "op. 1, d. 9.",
	"Без цифр нет координат, АВПРФ, ф. 06, оп. 12, п. 4, д. 58, л. 3.",
	"no digit here at all",
	"",
	"A year 1953 and a page 12, then delo 4, list 7 and opis 9.",
};
#define NBODY (sizeof(body_lines) / sizeof(body_lines[0]))

/* The chains of body_lines found on another thread, as extract-cites'
 * reader finds them for its worker */
static void *
find_ahead(void *arg)
{
	struct cite_ahead *a = arg;
	size_t k;

	worker_begin();		/* its patterns are freed as it ends */
	for (k = 0; k < NBODY; k++)
		if (k != 1)	/* line 1 is not looked at */
			cite_ahead_line(a, k, body_lines[k],
			    strlen(body_lines[k]));
	worker_end();
	return NULL;
}

static void
test_ahead(void)
{
	char plain_buf[2048], ahead_buf[2048];
	char *plain = plain_buf, *ahead = ahead_buf;
	struct cite_ahead *a;
	pthread_t t;
	size_t k, len;

	cite_init();
	a = cite_ahead_new(NBODY);
	if (pthread_create(&t, NULL, find_ahead, a) != 0 ||
	    pthread_join(t, NULL) != 0) {
		is_long(0, 1, "a thread to find chains ahead");
		return;
	}
	for (k = 0; k < NBODY; k++) {
		len = strlen(body_lines[k]);
		text_cites(body_lines[k], len, NULL, 0, plain, sizeof(plain_buf));
		text_cites(body_lines[k], len, a, k, ahead, sizeof(ahead_buf));
		is_str(ahead, plain, "chains found ahead: body line");
	}
	is_str(text_cites(body_lines[0], strlen(body_lines[0]), NULL, 0, plain,
	    sizeof(plain_buf)), "archival:AVPRF/0102/18/93/5/3-9@12-66 | "
	    "archival:RGANI/5/30//163/20-24@72-110", "two chains in a line");
	/* a shorter text than the one looked at (a NUL in the line): the
	 * chains are found again, not taken */
	len = strlen("GARF, fond R-9401, opis 2");
	text_cites(body_lines[2], len, NULL, 0, plain, sizeof(plain_buf));
	text_cites(body_lines[2], len, a, 2, ahead, sizeof(ahead_buf));
	is_str(ahead, plain, "chains found ahead of another length");
	is_str(ahead, "archival:GARF/R-9401/2///@0-25", "the shorter text's");
	cite_ahead_free(a);
	cite_forget_archives();
}

/* A line where the coordinate patterns give up (pcre2's match limit):
 * the reader's patterns say nothing and leave the line to the
 * analysis, which says so in its place, as on one thread. */
static struct cite_ahead *limit_ahead;
static char *limit_line;

static void *
find_limit_ahead(void *arg)
{
	(void)arg;
	worker_begin();
	cite_ahead_line(limit_ahead, 0, limit_line, strlen(limit_line));
	worker_end();
	return NULL;
}

static void
test_ahead_gives_up(void)
{
	struct unit_capture cap;
	struct cites cl = { 0 };
	struct buf line = { 0 };
	pthread_t t;
	char *err;
	size_t i;

	buf_add(&line, "AVPRF, \xd1\x84. 1", strlen("AVPRF, \xd1\x84. 1"));
	for (i = 0; i < 1200000; i++)
		buf_addc(&line, 'a');
	buf_add(&line, "\xc3\xa9, \xd0\xbe\xd0\xbf. 2, \xd0\xb4. 3.",
	    strlen("\xc3\xa9, \xd0\xbe\xd0\xbf. 2, \xd0\xb4. 3."));
	limit_line = buf_cstr(&line);
	limit_ahead = cite_ahead_new(1);
	unit_capture_begin(&cap, 2);
	if (pthread_create(&t, NULL, find_limit_ahead, NULL) == 0)
		pthread_join(t, NULL);
	err = unit_capture_end(&cap, NULL);
	is_str(err, "", "a pattern that gives up ahead says nothing");
	free(err);
	unit_capture_begin(&cap, 2);
	cite_parse_text_ahead(limit_line, line.len, 0, limit_ahead, 0, &cl);
	err = unit_capture_end(&cap, NULL);
	ok(strstr(err, "gave up on this line") != NULL,
	    "the analysis finds the line again and says it gave up");
	free(err);
	cites_free(&cl);
	cite_ahead_free(limit_ahead);
	buf_free(&line);
}

static int conflicts;

static void
count_conflict(const struct cite_conflict *cf, void *arg)
{
	(void)cf;
	(void)arg;
	conflicts++;
}

int
main(void)
{
	struct cite_index *ix;
	struct cites cl = { 0 };
	char *k;

	/* archival coordinates, as printed */
	is_str(parse("AVPRF, fond 0102, opis 18, papka 93, delo 5, listy 3-9."),
	    "archival:AVPRF/0102/18/93/5/3-9", "full words");
	is_str(parse("GARF, f. R-9401, op. 2, d. 64, ll. 12-14ob."),
	    "archival:GARF/R-9401/2//64/12-14ob", "abbreviations");
	is_str(parse("AVPRF, F. 0102, Op. 18, 1962, P. 93, D. 5, p. 4."),
	    "archival:AVPRF/0102/18/93/5/4", "capitals, a year between, p.");
	is_str(parse("Archive of the Eastern Front (hereafter AEF), "
	    "fond 7, opis 1, delo 2, list 3."), "archival:AEF/7/1//2/3",
	    "a defined abbreviation");
	is_str(parse("AEF, fond 8, delo 1."), "archival:AEF/8///1/",
	    "the definition is remembered");
	is_str(parse("“Talks” (1 May 1960), RGANI: fond 2, opis 3, delo 18, "
	    "listy 83-88; RGANI, fond 2, opis 3, delo 45, list 63."),
	    "archival:RGANI/2/3//18/83-88 | archival:RGANI/2/3//45/63",
	    "two citations");
	is_str(parse("NARA, RG 59, Central Files, Box 12."),
	    "archival:NARA/////", "record group");
	is_str(parse("“Talks” (1 May 1960), State Archive of Ruritania: "
	    "not filed."), "archival:State Archive of Ruritania/////",
	    "an archive without coordinates");
	is_str(parse("ГАРФ, Ф. 5446. Оп. 30. Д. 12. Л. 4."),
	    "archival:ГАРФ/5446/30//12/4", "Cyrillic, dots between");
	is_str(parse("NA, f. KSČ-ÚV-02/1, sv. 12, a.j. 45."),
	    "archival:NA/KSČ-ÚV-02/1//12/45/", "Czech svazek, a.j.");
	is_str(parse("AAN, KC PZPR, sygn. V/99, k. 3-8."),
	    "archival:AAN/KC PZPR///V/99/3-8", "Polish holding and sygn.");
	is_str(parse("MOL, XIX-J-1-j, Korea, 1967, 4. doboz, 5/1967."),
	    "archival:MOL/XIX-J-1-j//4/5/1967/", "Hungarian doboz");
	is_str(parse("MOL, M-KS 288. f. 5/402. ő.e."),
	    "archival:MOL/288/5//402/", "Hungarian party archive");
	is_str(parse("SAPMO-BArch, DY 30/IV 2/2.035/137, Bl. 1-15."),
	    "archival:SAPMO-BArch/DY 30///IV 2/2.035/137/1-15",
	    "German holding and file");
	cite_forget_archives();

	/* titles in plain type */
	is_str(parse("Ann Lee, Ports of the North (Oslo: Fjord, 1999), 4."),
	    "book", "plain book");
	is_str(parse("Telegram, 3 May 1966, Foreign Relations of the United "
	    "States, 1964-1968, vol. XXIX, Document 78."), "chapter",
	    "plain FRUS document");
	is_str(parse("FRUS, 1961-1963, vol. XXII, doc. 215."), "chapter",
	    "FRUS document without a title");
	is_str(parse("Some Archive Online, http://example.org/x (accessed 1 "
	    "May 2005)."), "web", "plain web page");
	is_str(parse("Moscow, Progress Publishers, 1970."), "short",
	    "a plain short form waits for resolution");

	/* published kinds */
	is_str(parse("Ann Lee, *Ports* (Oslo: Fjord, 1999), 4."), "book",
	    "book");
	is_str(parse("Ann Lee, “Ports,” *Sea History* 4, no. 2 (2001): 3-9."),
	    "article", "article");
	is_str(parse("Ann Lee, “Ports,” in *Seas*, ed. B. Ray (Oslo: Fjord, "
	    "1999), 3-9."), "chapter", "chapter");
	is_str(parse("Ann Lee, “Ports” (PhD thesis, Lund, 2003)."), "thesis",
	    "thesis");
	is_str(parse("Ann Lee, “Ports,” *Cold War International History "
	    "Project Working Paper* No. 8 (1993)."), "paper", "working paper");
	is_str(parse("“Ports,” http://example.org/p (accessed 1 May 2005)."),
	    "web", "web page");
	is_str(parse("Ibid., 213."), "ibid", "Ibid. with a page");
	is_str(parse("*Ibid.*"), "ibid", "italic Ibid.");
	is_str(parse("See X [Document 19] and [e.g. **Document 23**]."),
	    "crossref | crossref", "cross-references");
	is_str(parse("He said: “We will never give in. Never.” (Lee quoted "
	    "it.)"), "", "a quotation is no title");

	/* resolution */
	{
		static const struct fixture a[] = {
			{ "Ann Lee, *Ports of the North: A History* (Oslo: "
			  "Fjord, 1999).", 0 },
			{ "Ibid., 4.", 0 },
			{ "Ibid.", 0 },
		};
		static const struct fixture b[] = {
			{ "Ann Lee, *Ports* (Oslo: Fjord, 1999); Bo Ek, "
			  "*Ships* (Oslo: Fjord, 2000).", 0 },
			{ "Ibid.", 0 },
		};
		static const struct fixture c[] = {
			{ "Ann Lee, *Ports of the North: A History* (Oslo: "
			  "Fjord, 1999).", 0 },
			{ "On ships see Bo Ek, *Ships* (Oslo: Fjord, 2000).", 0 },
			{ "Lee, *Ports of the North*, 5.", 0 },
		};
		static const struct fixture d[] = {
			{ "“Talks” (1 May 1960), GARF, fond 1, opis 2, delo 3, "
			  "list 4. Hereafter, “May Talks”.", 0 },
			{ "Our cable No. 3. [footnote in document]", 1 },
			{ "Bo Ek, *Ships* (Oslo: Fjord, 2000).", 0 },
			{ "Ibid. [footnote in document]", 1 },
			{ "“May Talks,” 5.", 0 },
		};
		static const struct fixture e[] = {
			{ "“Talks” (1 May 1960), GARF, fond 1, opis 2, delo 3, "
			  "list 4.", 0 },
			{ "“Talks” (9 May 1960), GARF, fond 1, opis 2, delo 7, "
			  "list 4.", 0 },
			{ "“Talks.”", 0 },
		};
		static const struct fixture f[] = {
			{ "Ann Lee, *Ports* (Oslo: Fjord, 1999).", 0 },
			{ "Lee, op. cit., 7; Lee, supra note 1, 9.", 0 },
		};
		static const struct fixture g[] = {
			{ "Ann Lee, Ports of the North (Oslo: Fjord, 1999).", 0 },
			{ "Bo Ek, Ships (Oslo: Fjord, 2000).", 0 },
			{ "Lee, Ports of the North, 5.", 0 },
			{ "Moscow, Progress Publishers, 1970.", 0 },
		};
		static const struct fixture h[] = {
			{ "Talks, RGANI, f. 2, op. 3, d. 4, l. 5 (hereafter "
			  "May Talks).", 0 },
			{ "May Talks, l. 7.", 0 },
			{ "See supra note 1.", 0 },
		};
		static const struct fixture i[] = {
			{ "Chen Jian, *Ports* (Oslo: Fjord, 1999).", 0 },
			{ "Chen, op. cit., 7.", 0 },
		};

		is_str(resolve(a, 2), "1", "Ibid. after a book");
		is_str(resolve(a, 3), "1", "Ibid. after Ibid.");
		is_str(resolve(b, 2), "0", "Ibid. after two works abstains");
		is_str(resolve(c, 3), "1", "author and leading title words");
		is_str(resolve(d, 4), "2", "notes of the document: own series");
		is_str(resolve(d, 5), "1", "hereafter");
		is_str(resolve(e, 3), "0", "one title, two dates: abstain");
		is_str(resolve(f, 2), "1,1", "op. cit. and supra");
		is_str(resolve(g, 3), "1", "plain short form");
		is_str(resolve(g, 4), "", "unresolved plain short form dropped");
		is_str(resolve(h, 2), "1", "plain hereafter title");
		is_str(resolve(h, 3), "1", "supra note without a title");
		is_str(resolve(i, 2), "1", "op. cit. by a family name first");
	}

	/* contradicting coordinates */
	ix = cite_index_new();
	cite_parse("“Plenum” (1 May 1960), RGANI, fond 2, opis 3, delo 13, "
	    "list 8.", 66, &cl);
	cite_resolve(ix, 1, 0, 1, &cl, count_conflict, NULL);
	cites_clear(&cl);
	cite_parse("See “Plenum”, RGANI, fond 2, opis 3, delo 13, list 9.",
	    50, &cl);
	cite_resolve(ix, 2, 0, 2, &cl, count_conflict, NULL);
	is_long(conflicts, 0, "other folios are no contradiction");
	cites_clear(&cl);
	cite_parse("See “Plenum”, RGANI, fond 2, opis 3, delo 18, list 9.",
	    50, &cl);
	cite_resolve(ix, 3, 0, 3, &cl, count_conflict, NULL);
	is_long(conflicts, 1, "another delo is");
	cites_free(&cl);
	cite_index_free(ix);
	cite_forget_archives();

	test_ahead();
	test_ahead_gives_up();

	k = cite_key("“Stalin’s *Plan*,” 1950.", strlen("“Stalin’s *Plan*,” 1950."));
	is_str(k, "stalins plan 1950", "title key");
	free(k);
	return unit_done();
}
