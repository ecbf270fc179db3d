/* names.c: person names in running text (see names.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "names.h"
#include "utf8.h"
#include "util.h"
#include "wordset.h"

/* Honorifics and forms of address: never part of a name. */
static const char *honorifics[] = {
	"amb", "capt", "cde", "cdes", "col", "com", "comrade", "comrades",
	"dr", "gen", "genosse", "herr", "lt", "madame", "maj", "messrs",
	"miss", "mme", "monsieur", "mr", "mrs", "ms", "prof", "sir",
	"tov", "tovarishch", "tovarisch",
};

/* Offices, ranks, bodies, nationalities, places, months and the words
 * that start sentences: capitalized, but never a person's name. */
static const char *stopwords[] = {
	/* offices, ranks and bodies */
	"academy", "acting", "adjutant", "admiral", "adviser", "advisor",
	"affairs", "agency", "air", "ambassador", "ambassadors", "army",
	"assembly", "assistant", "attache", "attaché", "bureau", "cabinet",
	"candidate", "captain", "central", "chair", "chairman", "chancellor",
	"charge", "chargé", "chief", "collegium", "colonel", "command",
	"commander", "commissar", "committee", "communist", "conference",
	"congress", "consul", "council", "counselor", "counsellor",
	"defence", "defense", "delegation", "democratic", "department",
	"deputy", "director", "division", "embassy", "emissary", "envoy",
	"external", "extraordinary", "first", "foreign", "forces",
	"fourth", "friendship", "general", "government", "governor",
	"head", "headquarters", "institute", "internal", "interpreter",
	"kollegia", "leader", "lieutenant", "major", "marshal", "mayor",
	"member", "members", "military", "minister", "ministers",
	"ministry", "naval", "navy", "office", "officer", "official",
	"party", "people", "people's", "peoples", "plenipotentiary",
	"plenum", "politburo", "premier", "presidium", "president",
	"press", "prime", "red", "representative", "republic", "second",
	"secretariat", "secretary", "section", "security", "socialist",
	"society", "soviet", "soviets", "staff", "state", "supreme",
	"third", "trade", "translator", "union", "vice", "worker's",
	"workers", "workers'",
	/* acronyms */
	"cc", "ccp", "cpsu", "cpcz", "drv", "dprk", "gdr", "kgb", "kpd",
	"kwp", "mfa", "prc", "pzpr", "usa", "ussr", "wpk",
	/* nationalities and places */
	"africa", "african", "afro-asian", "albania", "albanian",
	"america", "american", "americans", "asia", "asian", "beijing",
	"berlin", "britain", "british", "bucharest", "budapest",
	"bulgaria", "bulgarian", "cambodia", "china", "chinese", "cuba",
	"cuban", "czech", "czechoslovak", "czechoslovakia", "east",
	"eastern", "europe", "european", "far", "france", "french",
	"german", "germany", "hanoi", "havana", "hungarian", "hungary",
	"india", "indian", "indonesia", "indonesian", "japan", "japanese",
	"korea", "korean", "koreans", "kremlin", "laos", "middle",
	"mongolia", "mongolian", "moscow", "near", "north", "northern",
	"panmunjom", "peking", "poland", "polish", "prague", "pyongyang",
	"romania", "romanian", "rumania", "rumanian", "russia", "russian",
	"russians", "seoul", "sofia", "south", "southern", "states",
	"taiwan", "tokyo", "ulaanbaatar", "united", "vietnam",
	"vietnamese", "warsaw", "washington", "west", "western",
	"yugoslav", "yugoslavia",
	/* months and days */
	"april", "august", "december", "february", "friday", "january",
	"july", "june", "march", "may", "monday", "november", "october",
	"saturday", "september", "sunday", "thursday", "tuesday",
	"wednesday",
	/* bodies and things named in capitals */
	"association", "bank", "bay", "church", "city", "college",
	"company", "cultural", "daily", "district", "educational",
	"ensemble", "federation", "five", "front", "fund", "great",
	"hospital", "hotel", "house", "island", "islands", "journal", "lake",
	"league", "magazine", "movement", "nations", "new", "newspaper",
	"ocean", "orchestra", "organisation", "organization", "palace",
	"peace", "peninsula", "plan", "province", "radio", "region",
	"river", "school", "sea", "square", "station", "street", "theater",
	"theatre", "times", "university", "world", "year",
	/* newspapers, journals and news agencies */
	"bao", "hongqi", "ilbo", "izvestia", "izvestiia", "izvestiya", "ludu",
	"nepszabadsag", "népszabadság", "nodong", "pravda", "právo",
	"renmin", "ribao", "rodong", "shinmun", "sinmun", "tass", "trybuna",
	"xinhua", "zeitung",
	/* document words */
	"appendix", "attachment", "copy", "correct", "diary", "document",
	"excerpt", "excerpts", "letter", "memorandum", "minutes", "note",
	"notes", "record", "report", "secret", "sent", "signature",
	"source", "speech", "telegram", "top", "transcript",
	"conversation", "conversations",
	/* words that start sentences */
	"a", "according", "after", "again", "all", "also", "although",
	"an", "and", "another", "any", "as", "at", "because", "before",
	"besides", "both", "but", "by", "comrades", "during", "each",
	"either", "even", "every", "everybody", "everyone", "everything",
	"anybody", "anyone", "nobody", "none", "somebody", "someone", "for", "from", "further", "furthermore",
	"having", "he", "her", "here", "his", "however", "i", "if", "in",
	"indeed", "it", "its", "let", "many", "meanwhile", "moreover", "my",
	"neither", "no", "nor", "not", "now", "of", "on", "once", "one",
	"only", "or", "our", "present", "she", "since", "so", "some",
	"such", "that", "the", "their", "then", "there", "therefore",
	"these", "they", "this", "those", "though", "thus", "to", "today",
	"under", "until", "upon", "we", "what", "when", "where", "whereas",
	"which", "while", "who", "with", "without", "yes", "yet", "you",
	"your",
};

/* Honorifics that are honorifics only as abbreviations: Son Gen Mo. */
static const char *dotted[] = { "amb", "capt", "col", "gen", "lt", "maj",
    "prof" };

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define FNV_PRIME	16777619u

/* All vocabularies in one set: a word is looked up once and gets all
 * its NV_ flags, and the flags a program gives its own words. */
static _Thread_local struct wordset vocab;
static _Thread_local int vocab_ready;

/* Byte classes for the tokenizer. */
enum { C_SPACE = 1, C_UPPER = 2, C_LOWER = 4, C_LETTER = C_UPPER | C_LOWER,
	C_DIGIT = 8, C_HIGH = 16, C_JOIN = 32 };
static _Thread_local unsigned char byte_class[256];

/* The first two letters of the honorifics: bit b of hon_pairs[a] for
 * the letters a and b (a to z as 0 to 25).  Each honorific is two
 * lower-case ASCII letters or more (vocab_init() makes sure). */
static _Thread_local uint32_t hon_pairs[26];

static void
vocab_init(void)
{
	int c;

	if (vocab_ready)
		return;
	vocab_ready = 1;
	wordset_add(&vocab, honorifics, NELEM(honorifics), NV_HONORIFIC);
	wordset_add(&vocab, stopwords, NELEM(stopwords), NV_STOPWORD);
	wordset_add(&vocab, dotted, NELEM(dotted), NV_DOTTED);
	for (c = 0; c < (int)NELEM(honorifics); c++) {
		const char *h = honorifics[c];

		if (h[0] < 'a' || h[0] > 'z' || h[1] < 'a' || h[1] > 'z')
			fatal(NULL, 0, "names: honorific \"%s\"", h);
		hon_pairs[h[0] - 'a'] |= 1u << (h[1] - 'a');
	}
	for (c = 0; c < 256; c++)
		byte_class[c] = c == ' ' || c == '\t' || c == '\n' ? C_SPACE :
		    c >= 'A' && c <= 'Z' ? C_UPPER :
		    c >= 'a' && c <= 'z' ? C_LOWER :
		    c >= '0' && c <= '9' ? C_DIGIT :
		    c >= 0x80 ? C_HIGH :
		    c == '\'' || c == '-' ? C_JOIN : 0;
}

void
name_vocab_add(const char *const *words, size_t n, unsigned flag)
{
	vocab_init();
	wordset_add(&vocab, words, n, flag);
}

uint32_t
name_word_hash(const char *w, size_t n)
{
	return wordset_hash(w, n);
}

/* Is w[0..n) the folded word f[0..fn) but for ASCII case? */
static int
ascii_case_eq(const char *w, size_t n, const char *f, size_t fn)
{
	size_t i;

	if (n != fn)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != (unsigned char)f[i])
			return 0;
	}
	return 1;
}

/* The NV_ flags of w; *hash (unless NULL) gets its name_word_hash().  A
 * program's flags need the word but for ASCII case: "CHARGÉ" is a
 * stopword, but no word of a program's list "chargé". */
static unsigned
vocab_flags(const char *w, size_t n, uint32_t *hash)
{
	const struct wordset_entry *e;

	vocab_init();
	if ((e = wordset_find(&vocab, w, n, hash)) == NULL)
		return 0;
	if ((e->flags & ~NV_LIBRARY) && !ascii_case_eq(w, n, e->w, e->len))
		return e->flags & NV_LIBRARY;
	return e->flags;
}

/* The hash and the NV_ flags of word token t of s[0..n), ASCII letters,
 * ' and - only: hashed eight bytes at a time as wordset.h does, with
 * 0x20 set in each byte (which lowers letters and keeps ' and -). */
static void
ascii_vocab(const char *s, size_t n, struct ntok *t)
{
	static const unsigned char ones[16] = { 0xff, 0xff, 0xff, 0xff,
	    0xff, 0xff, 0xff, 0xff };
	const uint64_t fold = 0x2020202020202020u;
	const char *w = s + t->off;
	const struct wordset_entry *e;
	uint64_t h = WORDSET_SEED, v, head = 0, mask;
	size_t len = t->len, k;

	for (k = 0; k + 8 <= len; k += 8) {
		memcpy(&v, w + k, 8);
		v |= fold;
		if (k == 0)
			head = v;
		h = wordset_mix(h, v);
	}
	if (k < len) {
		/* the last bytes: read 8 when the text has them */
		if (t->off + k + 8 <= n)
			memcpy(&v, w + k, 8);
		else {
			unsigned char tail[8] = { 0 };

			memcpy(tail, w + k, len - k);
			memcpy(&v, tail, 8);
		}
		memcpy(&mask, ones + 8 - (len - k), 8);
		v = (v | fold) & mask;
		if (k == 0)
			head = v;
		h = wordset_mix(h, v);
	}
	t->hash = (uint32_t)(h >> 32);
	if (len <= WORDSET_MAXLEN && (e = wordset_find_ascii(&vocab, w, len,
	    t->hash, head)) != NULL)
		t->vocab = e->flags;
}

int
name_may_be_honorific(const char *w, size_t n)
{
	unsigned a, b;

	vocab_init();
	if (n == 0 || (a = ((unsigned char)w[0] | 0x20) - 'a') >= 26)
		return 1;
	/* a word whose second byte is no ASCII letter folds to a first
	 * letter and then no letter, or a letter no honorific has */
	if (n < 2 || (b = ((unsigned char)w[1] | 0x20) - 'a') >= 26)
		return 0;
	return (hon_pairs[a] >> b) & 1;
}

int
name_is_honorific(const char *w, size_t n)
{
	return (vocab_flags(w, n, NULL) & NV_HONORIFIC) != 0;
}

int
name_is_stopword(const char *w, size_t n)
{
	return (vocab_flags(w, n, NULL) & NV_STOPWORD) != 0;
}

int
name_cp_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x17F)
		return cp % 2 == 0;	/* near enough for initials */
	return cp >= 0x400 && cp <= 0x42F;
}

int
name_cp_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	if (cp >= 0xDF && cp <= 0xFF)
		return cp != 0xF7;
	if (cp >= 0x100 && cp <= 0x17F)
		return cp % 2 == 1;
	return cp >= 0x430 && cp <= 0x45F;
}

static int
is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	return name_cp_upper(cp) || name_cp_lower(cp) ||
	    (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x180 && cp <= 0x24F);
}

static int
is_apos(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018 ||
	    cp == 0x02B9;
}

static int
is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* cp_at() past ASCII */
static uint32_t
cp_decode(const char *s, size_t n, size_t i, size_t *len)
{
	uint32_t cp = 0;
	size_t l;

	l = i < n ? utf8_decode(s + i, n - i, &cp) : 0;

	if (l == 0) {
		cp = i < n ? (unsigned char)s[i] : 0;
		l = i < n ? 1 : 0;
	}
	if (len)
		*len = l;
	return cp;
}

/* The code point at s[i] and its length; an invalid byte stands for
 * itself, the end for 0. */
static inline uint32_t
cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	/* ASCII: no decoding */
	if (i < n && (unsigned char)s[i] < 0x80) {
		if (len)
			*len = 1;
		return (unsigned char)s[i];
	}
	return cp_decode(s, n, i, len);
}

/* Does a name go on after "I." at s[i] (a space, then an initial or
 * a capitalized word no stopword: "I. V. Arkhipov", "by I.
 * Shcherbakov")?  Then "I." is an initial, not the pronoun. */
static int
initial_before_name(const char *s, size_t n, size_t i)
{
	size_t j;

	if (i + 2 >= n || s[i] != ' ' || s[i + 1] < 'A' || s[i + 1] > 'Z')
		return 0;
	i++;
	for (j = i + 1; j < n && s[j] >= 'a' && s[j] <= 'z'; j++)
		;
	if (j == i + 1)
		return s[j] == '.';
	return (j == n || s[j] == ' ' || s[j] == ',' || s[j] == '-' ||
	    s[j] == '\'') && !(vocab_flags(s + i, j - i, NULL) & NV_STOPWORD);
}

/* Initials of two letters: Russian digraphs (Yu., Iu., Ch., Sh.). */
static int
digraph_initial(const char *w)
{
	static const char *const di[] = { "Ch", "Ia", "Iu", "Kh", "Sh",
	    "Th", "Ts", "Ya", "Ye", "Yo", "Yu", "Zh" };
	size_t i;

	for (i = 0; i < sizeof(di) / sizeof(di[0]); i++)
		if (strncmp(w, di[i], 2) == 0)
			return 1;
	return 0;
}

static int
ascii_letter(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* Is the code point at s[i] a letter? */
static int
letter_at(const char *s, size_t n, size_t i)
{
	if (i < n && (unsigned char)s[i] < 0x80)
		return ascii_letter((unsigned char)s[i]);
	return is_letter(cp_at(s, n, i, NULL));
}

/* The end of the word that starts at s[j]: letters joined by
 * apostrophes and hyphens.  Counts its letters and upper-case letters. */
static size_t
word_end(const char *s, size_t n, size_t j, int *letters, int *uppers)
{
	uint32_t cp;
	size_t l;

	while (j < n) {
		unsigned char c = (unsigned char)s[j];

		if (c < 0x80) {
			if (ascii_letter(c)) {
				(*letters)++;
				*uppers += c <= 'Z';
				j++;
				continue;
			}
			if ((c == '\'' || c == '-') && letter_at(s, n, j + 1)) {
				j++;
				continue;
			}
			break;
		}
		cp = cp_at(s, n, j, &l);
		if (is_letter(cp)) {
			(*letters)++;
			*uppers += name_cp_upper(cp);
			j += l;
			continue;
		}
		if ((is_apos(cp) || is_hyphen(cp)) && letter_at(s, n, j + l)) {
			j += l;
			continue;
		}
		break;
	}
	return j;
}

size_t
name_tokenize(const char *s, size_t n, struct ntok **toks, size_t *cap)
{
	return name_tokenize_some(s, n, toks, cap, (size_t)-1, NULL);
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LETTERS_8	1	/* letter_run() reads 8 bytes at a time */
#endif

/* The end of the ASCII letters from u[j] on; *seen gets the classes of
 * the ones it read (C_LOWER set: one was lower case). */
static size_t
letter_run(const unsigned char *u, size_t n, size_t j, unsigned *seen)
{
	unsigned k;
#ifdef LETTERS_8
	const uint64_t ones = 0x0101010101010101u;

	while (j + 8 <= n) {
		uint64_t v, letter, stop;

		memcpy(&v, u + j, 8);
		letter = ascii_letters8(v);
		if ((stop = ~letter & ones * 0x80) != 0) {
			k = (unsigned)__builtin_ctzll(stop) >> 3;
			/* bit 0x20 of a letter: lower case */
			if (v & (letter >> 2) & (((uint64_t)1 << 8 * k) - 1))
				*seen |= C_LOWER;
			return j + k;
		}
		if (v & ones * 0x20)
			*seen |= C_LOWER;
		j += 8;
	}
#endif
	while (j < n && ((k = byte_class[u[j]]) & C_LETTER)) {
		*seen |= k;
		j++;
	}
	return j;
}

#ifdef LETTERS_8
/* short_word() for a word of 8 to 15 ASCII letters, whose first 8 are v
 * (letter: their 0x80 bits set), then no join, no other letter: fills t
 * and returns its end, or returns 0. */
static size_t
long_word(const unsigned char *u, size_t n, size_t i, uint64_t v,
    uint64_t letter, struct ntok *t)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t v2 = 0, letter2, stop, mask, head, h;
	const struct wordset_entry *e;
	unsigned k;

	/* zero padded at the end, as short_word() */
	if (i + 16 <= n)
		memcpy(&v2, u + i + 8, 8);
	else
		memcpy(&v2, u + i + 8, n - i - 8);
	letter2 = ascii_letters8(v2);
	if ((stop = ~letter2 & ones * 0x80) == 0)
		return 0;
	k = (unsigned)__builtin_ctzll(stop) >> 3;
	if (i + 8 + k < n && (byte_class[u[i + 8 + k]] & (C_JOIN | C_HIGH)))
		return 0;
	mask = ((uint64_t)1 << 8 * k) - 1;
	/* as ascii_vocab(): the second chunk only when it holds a byte */
	head = v | ones * 0x20;
	h = wordset_mix(WORDSET_SEED, head);
	if (k > 0)
		h = wordset_mix(h, (v2 | ones * 0x20) & mask);
	t->type = NT_WORD;
	t->len = 8 + k;
	if (!(v & 0x20)) {
		t->cap = 1;
		t->allcaps = !(v & (letter >> 2)) &&
		    !(v2 & (letter2 >> 2) & mask);
	}
	t->hash = (uint32_t)(h >> 32);
	if ((e = wordset_find_ascii(&vocab, (const char *)u + i, 8 + k,
	    t->hash, head)) != NULL)
		t->vocab = e->flags;
	return i + 8 + k;
}

/* Is the byte after a word, at u[e], a space with an ASCII letter
 * after it: does another word of a run of short_words() start? */
static inline int
space_letter(const unsigned char *u, size_t n, size_t e)
{
	return e + 1 < n && u[e] == ' ' && (byte_class[u[e + 1]] & C_LETTER);
}

/* Is u[e] a mark that is a token of one byte (an ASCII byte of no
 * class: no space, letter, digit or join)? */
static inline int
plain_mark(const unsigned char *u, size_t n, size_t e)
{
	return e < n && u[e] < 0x80 && byte_class[u[e]] == 0;
}

/* The common word: fewer than 8 ASCII letters (or 8 to 15:
 * long_word()), then no join, no other letter and no dot of an
 * initial; or an initial of one letter other than I.
 * Fills t and returns its end, and sets *more when a space and an ASCII
 * letter follow; or returns 0 (word_token() reads it, and any word that
 * starts with another letter). */
static inline size_t
short_word(const unsigned char *u, size_t n, size_t i, struct ntok *t,
    int *more)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t v, letter, stop, mask, chunk;
	const struct wordset_entry *e;
	size_t end;
	unsigned k, next;

	/* the last bytes of the text zero padded: a zero byte ends a word
	 * as the end does (no letter, no join, no dot) */
	if (i + 8 <= n)
		memcpy(&v, u + i, 8);
	else {
		unsigned char tail[8] = { 0 };

		memcpy(tail, u + i, n - i);
		memcpy(&v, tail, 8);
	}
	letter = ascii_letters8(v);
	if ((stop = ~letter & ones * 0x80) == 0) {
		if ((end = long_word(u, n, i, v, letter, t)) != 0)
			*more = space_letter(u, n, end);
		return end;
	}
	k = (unsigned)__builtin_ctzll(stop) >> 3;
	next = (unsigned)(v >> 8 * k) & 0xff;	/* the byte after */
	if (next != ' ' && ((byte_class[next] & (C_JOIN | C_HIGH)) ||
	    (next == '.' && k <= 2 && !(v & 0x20)))) {
		/* "A.": an initial ("I." may be the pronoun, "Yu." is
		 * one: word_token() decides) */
		if (next != '.' || k != 1 || u[i] == 'I')
			return 0;
		t->type = NT_INITIAL;
		t->cap = 1;
		t->len = 2;
		*more = space_letter(u, n, i + 2);
		return i + 2;
	}
	mask = ((uint64_t)1 << 8 * k) - 1;
	chunk = (v | ones * 0x20) & mask;	/* as ascii_vocab() */
	/* t is zeroed: its type is NT_WORD, and a lower-case word sets
	 * neither cap nor allcaps */
	t->len = k;
	if (!(v & 0x20)) {
		t->cap = 1;
		t->allcaps = k >= 2 && !(v & (letter >> 2) & mask);
	}
	t->hash = (uint32_t)(wordset_mix(WORDSET_SEED, chunk) >> 32);
	if ((e = wordset_find_short(&vocab, t->hash, chunk)) != NULL)
		t->vocab = e->flags;
	/* the space in v, and the letter in it or past it */
	*more = next == ' ' && (k < 7 ? ((letter >> (8 * k + 15)) & 1) != 0 :
	    space_letter(u, n, i + k));
	return i + k;
}

/* Short words one space apart, most of a text: from the letter at u[i]
 * on, the first into all[*count - 1] (zeroed, its off set), while a
 * space and an ASCII letter follow, or a mark glued to the word (a
 * comma, a full stop) and then those, and fewer than limit tokens are
 * read.  Returns the end of the last token read, or sets *other and
 * returns the start of a word that is no short word (word_token() reads
 * it into all[*count - 1]). */
static size_t
short_words(const unsigned char *u, size_t n, size_t i, struct ntok *all,
    size_t *count, size_t limit, int *other)
{
	/* the token being read, and the last there is room for */
	struct ntok *t = &all[*count - 1], *last = &all[limit - 1];
	size_t end;
	int more = 0;

	for (;;) {
		if ((end = short_word(u, n, i, t, &more)) == 0) {
			*other = 1;
			end = i;
			break;
		}
		if (!more) {
			if (t == last || !plain_mark(u, n, end))
				break;
			t++;
			memset(t, 0, sizeof(*t));
			t->off = end++;
			t->type = NT_PUNCT;
			t->len = 1;
			if (!space_letter(u, n, end))
				break;
		}
		if (t == last)
			break;
		i = end + 1;
		t++;
		memset(t, 0, sizeof(*t));
		t->off = i;
	}
	*count = (size_t)(t - all) + 1;
	return end;
}
#endif

/* The word token that starts with the letter cp at s[i]: fills t,
 * returns its end. */
static size_t
word_token(const char *s, size_t n, size_t i, uint32_t cp, struct ntok *t)
{
	const unsigned char *u = (const unsigned char *)s;
	int letters, uppers = 0, more = 0, ascii = 1;
	unsigned seen = 0;	/* the classes of the ASCII letters */
	size_t j = i, e, joins = 0;

	t->type = NT_WORD;
	t->cap = name_cp_upper(cp);
	/* ASCII letters, joined by ' and - */
	for (;;) {
		j = letter_run(u, n, j, &seen);
		if (j + 1 < n && (u[j] == '\'' || u[j] == '-') &&
		    (byte_class[u[j + 1]] & C_LETTER)) {
			joins++;
			j++;
			continue;
		}
		break;
	}
	letters = (int)(j - i - joins);
	/* other letters or joins: the general way from here */
	if (j < n && (u[j] >= 0x80 || u[j] == '\'' || u[j] == '-') &&
	    (e = word_end(s, n, j, &more, &uppers)) != j) {
		ascii = 0;
		j = e;
	}
	uppers += (seen & C_LOWER) ? 0 : letters;
	letters += more;
	t->len = j - i;
	t->allcaps = letters >= 2 && uppers == letters;
	/* Sung's, Sung’s: possessive */
	if (t->len > 3 && (s[j - 1] == 's' || s[j - 1] == 'S')) {
		if (s[j - 2] == '\'') {
			t->len -= 2;
			t->poss = 1;
		} else if (j - i > 5 && u[j - 4] == 0xE2 &&
		    u[j - 3] == 0x80 && u[j - 2] == 0x99) {
			t->len -= 4;
			t->poss = 1;
		}
	}
	/* A. / Yu. : initials */
	if (j < n && s[j] == '.' && t->cap && !t->poss &&
	    (letters == 1 || (letters == 2 && !t->allcaps &&
	    digraph_initial(s + i)))) {
		/* "I." is the pronoun ending a sentence
		 * unless glued to another initial (V.I.) */
		if (!(letters == 1 && s[i] == 'I') ||
		    i == 0 || s[i - 1] == '(' ||
		    (i > 0 && s[i - 1] == '.') ||
		    (i > 2 && s[i - 1] == ' ' &&
		    s[i - 2] == '.' && s[i - 3] >= 'A' &&
		    s[i - 3] <= 'Z' && (i == 3 ||
		    s[i - 4] == ' ' || s[i - 4] == '.')) ||
		    (j + 1 < n && s[j + 1] >= 'A' &&
		    s[j + 1] <= 'Z') || initial_before_name(s, n, j + 1)) {
			t->type = NT_INITIAL;
			j++;
			t->len = j - i;
			return j;
		}
	}
	if (ascii)
		ascii_vocab(s, n, t);
	else
		t->vocab = vocab_flags(s + i, t->len, &t->hash);
	return j;
}

size_t
name_tokenize_some(const char *s, size_t n, struct ntok **toks,
    size_t *cap, size_t max, size_t *rest)
{
	return name_tokenize_more(s, n, 0, toks, cap, 0, max, rest);
}

size_t
name_tokenize_more(const char *s, size_t n, size_t from, struct ntok **toks,
    size_t *cap, size_t count, size_t max, size_t *rest)
{
	const unsigned char *u = (const unsigned char *)s;
	struct ntok *all = *toks;	/* *toks and *cap in registers */
	size_t i = from, room = *cap, l;
	uint32_t cp;

	vocab_init();
	while (i < n && count < max) {
		struct ntok *t;
		unsigned k = byte_class[u[i]];

		if (k & C_SPACE) {
			i++;
			continue;
		}
		cp = u[i];
		l = 1;
		if (k & C_HIGH) {
			if ((cp = cp_at(s, n, i, &l)) == 0xA0) {
				i += l;
				continue;
			}
			k = is_letter(cp) ? C_LETTER : 0;
		}
		if (count == room) {
			room = room ? room * 2 : 256;
			all = xreallocarray(all, room, sizeof(*all));
		}
		t = &all[count++];
		memset(t, 0, sizeof(*t));
		t->off = i;
		if (k & C_LETTER) {
#ifdef LETTERS_8
			int other = 0;

			i = short_words(u, n, i, all, &count,
			    max < room ? max : room, &other);
			if (!other)
				continue;
			t = &all[count - 1];
			/* after the first word, an ASCII letter */
			if (u[i] < 0x80)
				cp = u[i];
#endif
			i = word_token(s, n, i, cp, t);
		} else if (k & C_DIGIT) {
			size_t j = i + 1;

			t->type = NT_NUM;
			while (j < n && (byte_class[u[j]] & (C_DIGIT | C_LOWER)))
				j++;
			t->len = j - i;
			i = j;
		} else {
			t->type = NT_PUNCT;
			t->len = l;
			i += l;
		}
	}
	*toks = all;
	*cap = room;
	if (rest != NULL)
		*rest = i;
	return count;
}

int
name_trailing(const char *s, const struct ntok *t, size_t from, size_t to,
    size_t *first)
{
	size_t k = to, w;

	while (k > from && t[k - 1].type == NT_INITIAL && k + 4 > to)
		k--;
	if (k < to) {
		/* Stepakov V.I. */
		if (k > from && name_word_ok(s, &t[k - 1]) &&
		    !t[k - 1].poss) {
			*first = k - 1;
			return 1;
		}
		return 0;
	}
	w = to;
	while (w > from && name_word_ok(s, &t[w - 1]) && to - w < 4 &&
	    (w == to || !t[w - 1].poss))
		w--;
	if (w == to)
		return 0;
	for (k = 0; k < 4 && w > from && t[w - 1].type == NT_INITIAL; k++)
		w--;
	*first = w;
	return 1;
}

size_t
name_leading(const char *s, const struct ntok *t, size_t i, size_t to,
    size_t *first)
{
	size_t j, k, words = 0;

	/* a few honorifics at most: "Comrade Comrade ..." is no name */
	for (k = 0; i < to && name_honorific_at(s, &t[i]); k++) {
		if (k == 3)
			return 0;
		i++;
		/* "com." but not "comrades." ending a sentence */
		if (i < to && t[i].type == NT_PUNCT && s[t[i].off] == '.' &&
		    t[i - 1].len <= 4 && t[i].off == t[i - 1].off + t[i - 1].len)
			i++;
		else if (i < to && t[i].type == NT_PUNCT)
			return 0;
	}
	j = i;
	if (j < to && t[j].type == NT_INITIAL) {
		while (j < to && t[j].type == NT_INITIAL && j < i + 4)
			j++;
		while (j < to && words < 2 && name_word_ok(s, &t[j])) {
			words++;
			if (t[j++].poss)
				break;
		}
		if (words == 0)
			return 0;
		*first = i;
		return j;
	}
	while (j < to && words < 4 && name_word_ok(s, &t[j])) {
		words++;
		if (t[j++].poss)
			break;
	}
	if (words == 0)
		return 0;
	if (!t[j - 1].poss)
		for (k = 0; k < 4 && j < to && t[j].type == NT_INITIAL; k++)
			j++;
	*first = i;
	return j;
}

/* Are tokens [a, b) one space apart or glued, as most are? */
static inline int
plain_span(const char *s, const struct ntok *t, size_t a, size_t b)
{
	size_t i, gap;

	for (i = a + 1; i < b; i++) {
		gap = t[i].off - (t[i - 1].off + t[i - 1].len);
		if (gap > 1 || (gap == 1 && s[t[i].off - 1] != ' '))
			return 0;
	}
	return 1;
}

const char *
name_text_buf(struct buf *out, const char *s, const struct ntok *t,
    size_t a, size_t b)
{
	size_t i, len = 0;
	char *o;

	buf_reset(out);
	if (a >= b)
		return buf_cstr(out);
	/* the text as it is */
	if (plain_span(s, t, a, b)) {
		buf_add(out, s + t[a].off, t[b - 1].off + t[b - 1].len -
		    t[a].off);
		return out->s;
	}
	for (i = a; i < b; i++)
		len += t[i].len + 1;
	buf_grow(out, len);
	o = out->s;
	for (i = a; i < b; i++) {
		if (i > a && t[i].off > t[i - 1].off + t[i - 1].len)
			*o++ = ' ';
		memcpy(o, s + t[i].off, t[i].len);
		o += t[i].len;
	}
	*o = '\0';
	out->len = (size_t)(o - out->s);
	return out->s;
}

const char *
name_text_view(struct buf *out, const char *s, const struct ntok *t,
    size_t a, size_t b, size_t *len)
{
	if (a < b && plain_span(s, t, a, b)) {
		*len = t[b - 1].off + t[b - 1].len - t[a].off;
		return s + t[a].off;
	}
	name_text_buf(out, s, t, a, b);
	*len = out->len;
	return out->s;
}

char *
name_text(const char *s, const struct ntok *t, size_t a, size_t b)
{
	struct buf out = { 0 };
	size_t len;
	const char *text = name_text_view(&out, s, t, a, b, &len);

	/* most names are one copy of the text */
	if (text != out.s)
		return xstrndup(text, len);
	return buf_take(&out);
}

static uint32_t
cp_lower(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0)
		return cp + 1;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

/* The bytes w[0..len), len <= 8, with 0x20 set, as one number: words
 * of a length compared at once.  (0x20 set lowers A to Z and makes no
 * other byte a lower-case letter.) */
static inline uint64_t
folded8(const char *w, size_t len)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < len; i++)
		v |= (uint64_t)((unsigned char)w[i] | 0x20) << 8 * i;
	return v;
}

/* Is w[0..len) one of the small words that title case leaves in lower
 * case after the first word ("of", "the" ...), in any case? */
static int
small_word(const char *w, size_t len)
{
	/* the first letters of the words below */
	const uint32_t firsts = 1u << ('a' - 'a') | 1u << ('b' - 'a') |
	    1u << ('f' - 'a') | 1u << ('i' - 'a') | 1u << ('o' - 'a') |
	    1u << ('t' - 'a') | 1u << ('w' - 'a');
	unsigned first;
	uint64_t v;

	if (len == 0 || len > 7 ||
	    (first = ((unsigned char)w[0] | 0x20) - 'a') >= 26 ||
	    !(firsts >> first & 1))
		return 0;
	v = folded8(w, len);
	switch (len) {
	case 1:
		return v == folded8("a", 1);
	case 2:
		return v == folded8("an", 2) || v == folded8("at", 2) ||
		    v == folded8("by", 2) || v == folded8("in", 2) ||
		    v == folded8("of", 2) || v == folded8("on", 2) ||
		    v == folded8("to", 2);
	case 3:
		return v == folded8("and", 3) || v == folded8("for", 3) ||
		    v == folded8("the", 3);
	case 4:
		return v == folded8("from", 4) || v == folded8("with", 4);
	case 7:
		return v == folded8("between", 7);
	}
	return 0;
}

/* The ASCII letters from s[i] on, lowered into *o (advanced past
 * them); returns their end.  Eight at a time while eight bytes of s are
 * left, written at once, the bytes after the letters too, which what
 * comes next overwrites.  There is room: name_titlecase() has written
 * at most two bytes for each byte before s[i], into 2 * n + 1. */
static size_t
lower_run(const char *s, size_t n, size_t i, char **o)
{
#ifdef LETTERS_8
	const uint64_t ones = 0x0101010101010101u;
	uint64_t v, letter, stop;
	unsigned k;

	for (; i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		letter = ascii_letters8(v);
		v |= letter >> 2;	/* 0x20: lower case */
		memcpy(*o, &v, 8);
		if ((stop = ~letter & ones * 0x80) != 0) {
			k = (unsigned)__builtin_ctzll(stop) >> 3;
			*o += k;
			return i + k;
		}
		*o += 8;
	}
#endif
	for (; i < n && (byte_class[(unsigned char)s[i]] & C_LETTER); i++)
		*(*o)++ = (char)(s[i] | 0x20);
	return i;
}

char *
name_titlecase(const char *s, size_t n)
{
	/* a letter's lower case is as long as it, but an invalid byte
	 * that stands for a Latin-1 letter becomes two */
	char *out = xmalloc(2 * n + 1), *o = out, *wstart;
	size_t i = 0, j, l;

	vocab_init();	/* byte_class */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		int first = 1;

		if (c < 0x80 && !(byte_class[c] & C_LETTER)) {
			*o++ = (char)c;
			i++;
			continue;
		}
		if (c >= 0x80 && !is_letter(cp = cp_at(s, n, i, &l))) {
			memcpy(o, s + i, l);
			o += l;
			i += l;
			continue;
		}
		/* one word: letters, apostrophes and hyphens */
		for (j = i, wstart = o; j < n; j += l) {
			c = (unsigned char)s[j];
			if (byte_class[c] & C_LETTER) {
				/* a run of ASCII letters: the word's first
				 * letter kept, the others lowered */
				*o++ = first ? (char)c : (char)(c | 0x20);
				first = 0;
				l = lower_run(s, n, j + 1, &o) - j;
				continue;
			}
			cp = cp_at(s, n, j, &l);
			if (is_letter(cp)) {
				if (!first)
					cp = cp_lower(cp);
				o += utf8_encode(cp, o);
				first = 0;
			} else if ((is_apos(cp) || is_hyphen(cp)) &&
			    is_letter(cp_at(s, n, j + l, NULL))) {
				memcpy(o, s + j, l);
				o += l;
			} else
				break;
		}
		/* "of", "the" ... after the first word: lower case; but
		 * "A." is an initial ("P. A. SOKOLOV") */
		if (wstart > out && small_word(wstart, (size_t)(o - wstart)) &&
		    !(o - wstart == 1 && j < n && s[j] == '.'))
			*wstart = (char)tolower((unsigned char)*wstart);
		i = j;
	}
	*o = '\0';
	return out;
}

/* name_key() of s[0..n), added to b: written in place, as a byte
 * becomes three at most (an invalid byte that stands for a Latin-1
 * letter is two in UTF-8, and a space may come before it). */
static void
key_add(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, l;
	int space = 0;
	char *o;

	buf_grow(b, 3 * n);
	o = b->s + b->len;
	while (i < n) {
		uint32_t cp = cp_at(s, n, i, &l);

		i += l;
		if (is_apos(cp)) {
			*o++ = '\'';
			space = 0;
		} else if (is_letter(cp)) {
			if (space && o > b->s)
				*o++ = ' ';
			space = 0;
			o += utf8_encode(cp_lower(cp), o);
		} else
			space = 1;
	}
	*o = '\0';
	b->len = (size_t)(o - b->s);
}

void
name_key(struct buf *b, const char *name)
{
	key_add(b, name, strlen(name));
}

/* A name split into initials and words, folded for comparison. */
#define NMAX 8
struct name_parsed {
	char *init[NMAX];
	char *word[NMAX];
	int   ninit, nword;
	int   init_first;	/* initials before the words */
	unsigned patro;		/* bit i: word[i] is a patronymic */
	struct buf store;
};

static int patronymic(const char *);

/* parse_name()'s tokens and the key of one, kept for the next name */
static _Thread_local struct ntok *parse_toks;
static _Thread_local size_t parse_toks_cap;
static _Thread_local struct buf parse_key;

static void
parse_name(struct name_parsed *p, const char *name)
{
	struct buf *key = &parse_key;
	size_t n, i, k;
	size_t offs[2 * NMAX];
	int kinds[2 * NMAX], m = 0;

	memset(p, 0, sizeof(*p));
	n = name_tokenize(name, strlen(name), &parse_toks, &parse_toks_cap);
	for (i = 0; i < n && m < 2 * NMAX; i++) {
		const struct ntok *t = &parse_toks[i];
		char *k0;

		if (t->type != NT_WORD && t->type != NT_INITIAL)
			continue;
		if (t->type == NT_WORD && (t->vocab & NV_HONORIFIC))
			continue;
		buf_reset(key);
		key_add(key, name + t->off, t->len);
		/* hyphenated words count as several */
		k0 = key->s;
		for (k = 0; k <= key->len; k++) {
			if (k < key->len && key->s[k] != ' ')
				continue;
			if (m < 2 * NMAX && key->s + k > k0) {
				offs[m] = p->store.len;
				kinds[m++] = t->type;
				buf_add(&p->store, k0, (size_t)(key->s + k - k0));
				buf_addc(&p->store, '\0');
			}
			k0 = key->s + k + 1;
		}
	}
	for (i = 0; i < (size_t)m; i++) {
		char *s = p->store.s + offs[i];

		if (kinds[i] == NT_INITIAL) {
			if (p->ninit < NMAX) {
				if (p->nword == 0)
					p->init_first = 1;
				p->init[p->ninit++] = s;
			}
		} else if (p->nword < NMAX) {
			if (patronymic(s))
				p->patro |= 1u << p->nword;
			p->word[p->nword++] = s;
		}
	}
}

/* Is word i of p a patronymic? */
static int
patro(const struct name_parsed *p, int i)
{
	return (p->patro >> i) & 1;
}

static int
patronymic(const char *w)
{
	static const char *const ends[] = { "ovich", "evich", "ovna",
	    "evna", "ichna", "yich", "ilich", "inich" };
	size_t n = strlen(w), i;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t e = strlen(ends[i]);

		if (n > e + 1 && strcmp(w + n - e, ends[i]) == 0)
			return 1;
	}
	return 0;
}

static int
inits_fit(char *const *init, int ninit, char *const *word, int nword)
{
	int i;

	for (i = 0; i < ninit && i < nword; i++)
		if (strncmp(init[i], word[i], strlen(init[i])) != 0 &&
		    init[i][0] != word[i][0])
			return 0;
	return 1;
}

static int
same_parsed(const struct name_parsed *a, const struct name_parsed *b)
{
	int i, extra;

	if (a->nword == 0 || b->nword == 0)
		return 0;
	if (a->nword > b->nword)
		return same_parsed(b, a);
	if (a->nword == b->nword) {
		for (i = 0; i < a->nword; i++)
			if (strcmp(a->word[i], b->word[i]) != 0)
				break;
		if (i == a->nword)
			return inits_fit(a->init, a->ninit < b->ninit ?
			    a->ninit : b->ninit, b->init, b->ninit) ? 2 : 0;
		/* Aleksei Nikolaevich and Aleksei Kosygin: maybe */
		if (a->nword == 2 && a->ninit == 0 && b->ninit == 0 &&
		    strcmp(a->word[0], b->word[0]) == 0 &&
		    patro(a, 1) != patro(b, 1))
			return 1;
		/* Nikita Sergeevich and N.S. Khrushchev do not meet here */
		return 0;
	}
	extra = b->nword - a->nword;
	for (i = 0; i < a->nword; i++)
		if (strcmp(a->word[i], b->word[extra + i]) != 0)
			break;
	if (i == a->nword) {
		/* a's words end b: a surname, maybe with initials */
		if (a->ninit == 0)
			return a->nword == 1 && b->ninit == 0 ? 2 :
			    a->nword == 1 && inits_fit(b->init, b->ninit,
			    b->word, 0) ? 2 : 0;
		return inits_fit(a->init, a->ninit, b->word, extra) ? 2 : 0;
	}
	/* Leonid Brezhnev and Leonid Ilyich Brezhnev */
	if (a->nword == 2 && b->nword == 3 && a->ninit == 0 &&
	    strcmp(a->word[0], b->word[0]) == 0 &&
	    strcmp(a->word[1], b->word[2]) == 0 && patro(b, 1))
		return 2;
	/* Kim and Kim Il Sung: maybe, if nobody else fits */
	if (a->nword == 1 && a->ninit == 0 &&
	    strcmp(a->word[0], b->word[0]) == 0)
		return 1;
	return 0;
}

/* Nikita Sergeevich and N.S. Khrushchev */
static int
given_patronymic(const struct name_parsed *a, const struct name_parsed *b)
{
	return a->nword == 2 && a->ninit == 0 && patro(a, 1) &&
	    b->ninit >= 2 && a->word[0][0] == b->init[0][0] &&
	    a->word[1][0] == b->init[1][0];
}

/* Parsed names are cached: a document compares the same few forms
 * again and again. */
#define NCACHE 1024
static _Thread_local struct cached {
	char         *name;
	struct name_parsed p;
} cache[NCACHE];

/* FNV-1a of the string s */
static uint32_t
fnv_str(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return h;
}

static size_t
cache_slot(const char *name)
{
	return fnv_str(name) & (NCACHE - 1);
}

static const struct name_parsed *
cached_parse(const char *name)
{
	struct cached *c = &cache[cache_slot(name)];

	if (c->name != NULL && strcmp(c->name, name) == 0)
		return &c->p;
	if (c->name != NULL) {
		free(c->name);
		buf_free(&c->p.store);
	}
	c->name = xstrdup(name);
	parse_name(&c->p, name);
	return &c->p;
}

void
name_cache_free(void)
{
	size_t i;

	free(parse_toks);
	parse_toks = NULL;
	parse_toks_cap = 0;
	buf_free(&parse_key);
	for (i = 0; i < NCACHE; i++)
		if (cache[i].name != NULL) {
			free(cache[i].name);
			buf_free(&cache[i].p.store);
			cache[i].name = NULL;
		}
}

static int
same_forms(const struct name_parsed *a, const struct name_parsed *b)
{
	int r = same_parsed(a, b);

	if (r == 0 && (given_patronymic(a, b) || given_patronymic(b, a)))
		r = 2;
	return r;
}

int
name_same(const char *x, const char *y)
{
	struct name_parsed own;
	const struct name_parsed *a, *b;
	int r;

	b = cached_parse(y);
	if (cache_slot(x) == cache_slot(y) && strcmp(x, y) != 0) {
		/* one slot for both: parse x aside */
		parse_name(&own, x);
		a = &own;
	} else
		a = cached_parse(x);
	r = same_forms(a, b);
	if (a == &own)
		buf_free(&own.store);
	return r;
}

struct name_parsed *
name_parse(const char *name)
{
	const struct name_parsed *c = cached_parse(name);
	struct name_parsed *p = xmalloc(sizeof(*p));
	int i;

	/* a copy of the cached one, its pointers moved to the new store */
	*p = *c;
	memset(&p->store, 0, sizeof(p->store));
	buf_add(&p->store, c->store.s, c->store.len);
	for (i = 0; i < p->ninit; i++)
		p->init[i] = p->store.s + (c->init[i] - c->store.s);
	for (i = 0; i < p->nword; i++)
		p->word[i] = p->store.s + (c->word[i] - c->store.s);
	return p;
}

const struct name_parsed *
name_parse_cached(const char *name)
{
	return cached_parse(name);
}

void
name_parsed_free(struct name_parsed *p)
{
	if (p == NULL)
		return;
	buf_free(&p->store);
	free(p);
}

int
name_same_parsed(const struct name_parsed *a, const struct name_parsed *b)
{
	return same_forms(a, b);
}

int
name_parsed_words(const struct name_parsed *p)
{
	return p->nword;
}

/* A bit for word w */
static uint64_t
meet_bit(const char *w)
{
	return (uint64_t)1 << (fnv_str(w) >> 26);
}

/* same_parsed() finds two names alike only when their first words are
 * equal (all words, or the given names) or a's words end b's (the
 * last words equal); given_patronymic() needs the two kinds of names. */
void
name_parsed_meet(const struct name_parsed *p, struct name_meet *m)
{
	memset(m, 0, sizeof(*m));
	if (p->nword > 0) {
		m->first = meet_bit(p->word[0]);
		m->last = meet_bit(p->word[p->nword - 1]);
	}
	m->gp_name = p->nword == 2 && p->ninit == 0 && patro(p, 1);
	m->gp_inits = p->ninit >= 2;
}

void
name_meet_add(struct name_meet *into, const struct name_meet *m)
{
	into->first |= m->first;
	into->last |= m->last;
	into->gp_name |= m->gp_name;
	into->gp_inits |= m->gp_inits;
}

int
name_fullness(const char *name)
{
	return name_parsed_fullness(cached_parse(name));
}

int
name_parsed_fullness(const struct name_parsed *a)
{
	int i, score = 0;

	for (i = 0; i < a->nword; i++)
		score += patro(a, i) ? 2 : 10;
	score += a->ninit;
	/* a surname alone with a patronymic is no surname */
	if (a->nword == 2 && patro(a, 1) && a->ninit == 0)
		score = 3;
	return score;
}

int
name_words(const char *name)
{
	return cached_parse(name)->nword;
}
