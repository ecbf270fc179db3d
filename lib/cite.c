/* cite.c: parse and resolve citations. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "cite.h"
#include "rx.h"
#include "utf8.h"
#include "util.h"

#define UC	"\\p{Lu}"
#define NAMEW	UC "[\\p{L}'’.-]*"

/* The patterns find_chain() runs: the analysis's, which like the rest
 * of cite.c runs on one thread at a time, and cite_ahead_line()'s own
 * on the reader (extract-cites), which report nothing: a line where one
 * of them gives up is left to the analysis, which reports it in its
 * place.  crx is the set a thread runs. */
struct chain_rx {
	struct rx *item, *chain, *year_sep;
};
static struct chain_rx analysis_rx;
static _Thread_local struct chain_rx ahead_rx;
static _Thread_local struct chain_rx *crx = &analysis_rx;
/* cite_parse_text()'s chains when none were found ahead */
static struct chain *text_chains;
static size_t text_chains_cap;
static struct rx *rx_url, *rx_accessed, *rx_frus, *rx_thesis, *rx_paper,
    *rx_in, *rx_pubparen, *rx_yearparen, *rx_journal, *rx_author,
    *rx_ibid, *rx_opcit, *rx_supra, *rx_xref, *rx_xref_more,
    *rx_hereafter_title, *rx_paren_abbr, *rx_archword, *rx_acronym,
    *rx_coordword, *rx_newsdate, *rx_coordany, *rx_recgroup, *rx_pages,
    *rx_volume, *rx_docno, *rx_ownref, *rx_speech_before, *rx_hungarian,
    *rx_barch, *rx_barch_sig, *rx_paperno, *rx_plain_short,
    *rx_plain_named, *rx_plain_journal, *rx_volissue;

static char **defined;		/* archive names the paper defined */
static size_t *defined_len, ndefined;

static const char *const known_archives[] = {
	"AVPRF", "AVP RF", "RGANI", "RGASPI", "GARF", "APRF", "AP RF",
	"TsAMO", "RGAE", "RGVA", "RGANTD", "TsKhSD", "RTsKhIDNI", "TsGANKh",
	"TsGAOR", "SAPMO", "SAPMO-BArch", "BArch", "PA AA", "PAAA", "MfAA",
	"AAN", "AMSZ", "IPN", "SÚA", "SUA", "AMZV", "ABS", "VÚA", "NA ČR", "NA",
	"MOL", "MNL OL", "ÁBTL", "ABTL", "ANIC", "AMAE", "PRC FMA", "CFMA",
	"FMPRC", "MPRP", "NARA", "LBJL", "JFKL", "TNA", "PRO", "AMFA",
	"AMVnR", "TsDAHOU", "HDA", "AJ", "DAMSP", "CWIHP Archive", NULL
};
static size_t known_len[sizeof(known_archives) / sizeof(known_archives[0])];
/* the known archives by first byte, and by length (up to 15): bit i
 * for known_archives[i] */
static uint64_t known_first[256], known_of_len[16];
_Static_assert(sizeof(known_archives) / sizeof(known_archives[0]) <= 65,
    "known_first holds 64 archives");

static void index_keywords(void);

static void maybe_chain_init(void);

/* The tables, once, before any thread reads them. */
void
cite_init(void)
{
	static int done;
	size_t i;

	if (done)
		return;
	done = 1;
	for (i = 0; known_archives[i] != NULL; i++) {
		known_len[i] = strlen(known_archives[i]);
		known_first[(unsigned char)known_archives[i][0]] |=
		    (uint64_t)1 << i;
		/* known_prefix() reads a name's second byte at once */
		if (known_len[i] < 2 || known_len[i] >= 16)
			fatal(NULL, 0, "internal error: archive name %s is "
			    "too short or too long for known_of_len",
			    known_archives[i]);
		known_of_len[known_len[i]] |= (uint64_t)1 << i;
	}
	index_keywords();
	maybe_chain_init();
}

static void
free_ahead_patterns(void)
{
	rx_free(ahead_rx.item);
	rx_free(ahead_rx.chain);
	rx_free(ahead_rx.year_sep);
	memset(&ahead_rx, 0, sizeof(ahead_rx));
}

/* The patterns of find_chain() into set. */
static void
compile_chains(struct chain_rx *set)
{
#define ITEM \
	"(?:(?<fond>(?i:fonds?|ф\\.|фонд|f\\.))" \
	"|(?<opis>(?i:opis['’ʹ]?|op\\.|оп\\.|опись|perechen['’ʹ]?|per\\.))" \
	"|(?<papka>(?i:papka|pap\\.|п\\.|папка|p\\.|sv\\.|svazek|karton))" \
	"|(?<delo>(?i:delo|d\\.|д\\.|дело|spr\\.|sprava|dokument|dok\\." \
	"|a\\.\\s?j\\.|sygn\\.))" \
	"|(?<list>(?i:listy|list|ll\\.|l\\.|лл\\.|л\\.|folios?|fols?\\.|ff?\\.|" \
	"pp\\.|pages?|kh?\\.|bl\\.)))" \
	"\\s*(?:№\\s*|No\\.?\\s*)?" \
	"(?<val>(?:\\p{Lu}{1,4}(?:-\\p{Lu}{1,4})*" \
	"(?:[-/]?|(?:\\s\\p{Lu}{1,4})+/))?\\d[\\dA-Za-z/]*" \
	"(?:\\.\\d[\\dA-Za-z/]*)*" \
	"(?:\\s*[-–]\\s*\\d+[a-z]*)?)(?![\\p{L}\\d])"
	set->item = rx_compile("coordinate", "\\G" ITEM, 0);
	set->chain = rx_compile("coordinates", "(?<![\\p{L}\\d.])" ITEM, 0);
	set->year_sep = rx_compile("year between coordinates",
	    "\\G(?:1[89]\\d\\d|20\\d\\d)(?:\\s*(?:g\\.|god))?[\\s,:]+", 0);
	/* pcre2's interpreter and its JIT give up on different lines:
	 * the reader's set and the analysis' agree on every line only if
	 * both run one way from the first match, for which lines each
	 * sees depends on the threads' timing */
	rx_jit_first(set->item);
	rx_jit_first(set->chain);
	rx_jit_first(set->year_sep);
}

/* "no. 2", "issue 3", "nos. 1-2" */
#define ISSUE \
	"(?i:no\\.?|nos\\.|issue|number)\\s*(\\d+(?:\\s*[-–/]\\s*\\d+)?)"

static void
compile(void)
{
	if (rx_url != NULL)
		return;
	cite_init();
	compile_chains(&analysis_rx);
	rx_url = rx_compile("url", "(?:https?://|www\\.)[^\\s,)>\\]]+", 0);
	rx_accessed = rx_compile("accessed",
	    "(?i)(?:date\\s+)?accessed:?\\s*(?:on\\s+)?([^).;]+)", 0);
	rx_frus = rx_compile("frus",
	    "Foreign\\s+Relations\\s+of\\s+the\\s+United\\s+States|\\bFRUS\\b",
	    0);
	rx_thesis = rx_compile("thesis",
	    "(?i)\\b(?:thesis|dissertation|diss\\.)", 0);
	rx_paper = rx_compile("paper",
	    "(?i)working\\s+paper|presented\\s+at|paper\\s+presented|"
	    "conference\\s+paper|discussion\\s+paper|occasional\\s+paper", 0);
	rx_in = rx_compile("in container", "\\G[\\s,.]*in\\s+(?=\\*|\\p{Lu})",
	    0);
	rx_pubparen = rx_compile("publisher",
	    "\\(([^():]{2,60}):\\s*([^()]*?),?\\s*c?((?:1[5-9]|20)\\d\\d)\\)", 0);
	rx_yearparen = rx_compile("year in parentheses",
	    "\\((?!\\s*(?i:date\\s+)?(?i:accessed))[^()]*\\b((?:1[5-9]|20)\\d\\d)\\b"
	    "[^()]*\\)", 0);
	rx_journal = rx_compile("journal details",
	    "(?i)\\b(?:vol\\.|volume|no\\.|issues?)\\s*\\d|\\d\\s*\\([^()]*\\d{4}\\)\\s*:"
	    "|\\b\\d+,\\s*no\\.", 0);
	rx_author = rx_compile("author",
	    "(" NAMEW "(?:\\s+(?:" NAMEW "|and|&|de|van|von|der|da|di|al\\.?|et))"
	    "{0,10}(?:,\\s+" NAMEW "(?:\\s+(?:" NAMEW "|and|&)){0,6})*)"
	    "\\s*,\\s*$", 0);
	rx_ibid = rx_compile("ibid",
	    "^[\\s*_]*(?:(?i:see(?:\\s+also)?)\\s+)?[*_]*(?i:ibid(?:em)?|id)\\.?[*_]*"
	    "(?![\\p{L}])", 0);
	rx_opcit = rx_compile("op cit", "(?i)\\bop\\.?\\s*cit\\.?", 0);
	rx_supra = rx_compile("supra",
	    "(?i)\\bsupra\\b,?\\s*(?:(?:note|n\\.)\\s*(\\d{1,4}))?", 0);
	rx_xref = rx_compile("cross-reference",
	    "[\\[(](?:(?:e\\.g\\.|see|cf\\.|also|and)[,\\s]*)*[*_]*"
	    "(?i:documents?|doc\\.)\\s*(?:no\\.?\\s*)?[*_]*(\\d{1,4})[*_]*", 0);
	rx_xref_more = rx_compile("cross-reference list",
	    "\\G\\s*(?:,|and|&)\\s*[*_]*(\\d{1,4})[*_]*", 0);
	rx_hereafter_title = rx_compile("hereafter title",
	    "(?i)\\bhereafter(?:\\s+cited\\s+as)?[\\s,:]*(?-i)(?:[“\"*]+([^”\"*]+)[”\"*]"
	    "|(\\p{Lu}[\\p{L}\\p{N}'’-]*(?:\\s+[\\p{L}\\p{N}'’-]+){1,6})\\s*[)\\].;])", 0);
	rx_paren_abbr = rx_compile("archive abbreviation",
	    "^\\((?i:hereafter(?:\\s+cited\\s+as)?)?[\\s,:]*[“\"]?"
	    "(\\p{Lu}[\\p{L}\\p{Nd} -]{0,18}?)[”\"]?\\)$", 0);
	rx_archword = rx_compile("archive word",
	    "(?i)archiv|arkhiv|archiwum|archivum|archivio|archivo|archief"
	    "|levéltár|leveltar|arhiv|library|records\\s+office"
	    "|dang'?an|档案", 0);
	rx_acronym = rx_compile("acronym",
	    "^(?=(?:.*\\p{Lu}){2})[\\p{Lu}][\\p{L}\\p{Nd}]*(?:[ -][\\p{Lu}][\\p{L}\\p{Nd}]*){0,2}$",
	    0);
	rx_coordword = rx_compile("other coordinates",
	    "\\G[\\s,:]*(?:RG\\s*\\d|Record\\s+Group|Box|Folder|Collection|"
	    "Fonds?\\b|sygn\\.|Series|[Ff]ile|sv\\.|a\\.\\s?j\\.|kh\\.|t\\.|"
	    "Entry|Lot|carton|dossier|[Ii]nv\\.|not\\s+filed|\\d)", 0);
	rx_coordany = rx_compile("coordinates of any kind",
	    "(?:\\bRG\\s*\\d|Record\\s+Group|\\bBox|\\bFolder|Collection|"
	    "\\bFonds?\\b|sygn\\.|Series|\\b[Ff]ile\\b|\\bsv\\.|a\\.\\s?j\\.|"
	    "\\bkh?\\.|\\bf\\.|\\bd\\.|\\bt\\.|Entry|\\bLot\\b|carton|dossier|"
	    "[Ii]nv\\.|not\\s+filed|doboz|tétel|csomó|ő\\.\\s?e\\.|"
	    "\\b\\d+\\.\\s*(?:f|cs|d)\\.|\\bBl\\.\\s*\\d|\\bNr\\.\\s*\\d"
	    "|\\b\\p{Lu}{1,3}\\s?\\d+/)",
	    0);
	rx_recgroup = rx_compile("record group",
	    "^[\\s(]*(?:RG|Record\\s+Group)\\s*\\d", 0);
	rx_newsdate = rx_compile("newspaper date",
	    "\\G,\\s*(?:\\d{1,2}\\s+)?\\p{Lu}\\p{Ll}+\\.?\\s+(?:\\d{1,2},\\s*)?\\d{4}",
	    0);
	rx_pages = rx_compile("pages",
	    "(?:\\):\\s*|,\\s*(?:(?:pp?\\.|ll?\\.|listy?|folios?|fols?\\.|ff?\\.)"
	    "\\s*)?)(\\d+(?:\\s*[-–&,]\\s*\\d+)*)\\.?\\s*$", 0);
	rx_volume = rx_compile("volume",
	    "(?i)\\bvol(?:ume|\\.)?\\s*([IVXLC]+|\\d+)", 0);
	rx_docno = rx_compile("document number",
	    "(?i)\\b(?:document|doc\\.)\\s*(?:no\\.?\\s*)?(\\d+)", 0);
	rx_ownref = rx_compile("numbered paper",
	    "(?i)\\b(?:our|your|his|their)\\s+(?:\\p{L}+\\s+){0,2}"
	    "(?:N|No\\.?|№|#)\\s*\\d+", 0);
	rx_hungarian = rx_compile("Hungarian coordinates",
	    "(?<![\\p{L}\\d])(?:(?<code>[IVXL]+-\\p{Lu}(?:-[\\p{L}\\d]+)*)(?![\\p{L}\\d-])"
	    "|(?<f>\\d+)\\.\\s*f\\.|(?<cs>\\d+)\\.\\s*cs\\."
	    "|(?:(?<oa>\\d+)/)?(?<oe>\\d+)\\.\\s*ő\\.\\s?e\\.?"
	    "|(?<doboz>\\d+)\\.\\s*doboz(?:,\\s*(?<item>\\d+/[\\p{L}\\d]+)(?![\\p{L}\\d]))?"
	    "|(?<tetel>\\d+(?:/[\\p{L}\\d]+)?)\\.?\\s*tétel)", 0);
	rx_barch = rx_compile("German federal archive",
	    "(?i)barch|sapmo|bundesarchiv", 0);
	rx_barch_sig = rx_compile("German archive signature",
	    "^\\s*(\\p{Lu}{1,3}\\s?\\d+)/([^,;]+?)\\s*(?:[,;]|$)", 0);
	rx_paperno = rx_compile("paper number",
	    "(?i)\\b(?:working|discussion|occasional)\\s+paper\\*?,?\\s*"
	    "(?:no\\.?|#|number)\\s*(\\d+)", 0);
	rx_plain_short = rx_compile("plain short form",
	    "^\\s*(?:(?i:see(?:\\s+also)?|cf\\.)\\s+)?(\\p{Lu}\\p{Ll}[\\p{L}'’-]*),\\s+"
	    "(\\p{Lu}[^,()\\[\\]\"“”*_]{2,80}?)"
	    "(?:,\\s*(?:pp?\\.\\s*)?\\d+(?:\\s*[-–]\\s*\\d+)?)?\\.?\\s*$", 0);
	rx_plain_named = rx_compile("plain short title",
	    "^\\s*(?:(?i:see(?:\\s+also)?|cf\\.)\\s+)?"
	    "(\\p{Lu}[^,()\\[\\]\"“”*_;]{2,60}?),\\s*(?:(?:pp?|ll?|ff?|fols?)\\.\\s*)?"
	    "\\d+(?:\\s*[-–]\\s*\\d+)?\\.?\\s*$", 0);
	rx_plain_journal = rx_compile("journal in plain type",
	    "\\G[\\s,.]*(\\p{Lu}[^,()*\"“”]{2,80}?)\\s+(\\d+)"
	    "(?:,\\s*(?i:no\\.|issue)\\s*(\\d+))?\\s*\\(", 0);
	rx_volissue = rx_compile("volume and issue",
	    "\\G[*_]*[\\s,.]*(?:(?:(?i:vol(?:ume|\\.)?)\\s*)?(\\d+)\\s*"
	    "(?:,?\\s*" ISSUE "|\\((\\d{1,2})\\)|(?=[(:]))|" ISSUE ")", 0);
	rx_speech_before = rx_compile("speech before a quotation",
	    "(?:[:]|\\b(?:said|says|claimed|stated|wrote|told|declared|"
	    "that|called|asked))\\s*$", 0);
}

const char *
cite_kind_name(enum cite_kind kind)
{
	static const char *names[] = { "archival", "book", "article",
	    "chapter", "thesis", "paper", "web", "ibid", "short", "crossref",
	    "other" };

	return names[kind];
}

int
cite_is_published(enum cite_kind kind)
{
	return kind >= CITE_BOOK && kind <= CITE_WEB;
}

char *
cite_key(const char *s, size_t len)
{
	struct buf b = { 0 };
	size_t i = 0, k;
	uint32_t cp;
	int space = 0;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			k = 1;
		if (cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == '*' ||
		    cp == '_') {
			i += k;
			continue;
		}
		if ((cp < 0x80 && isalnum((int)cp)) || (cp >= 0xC0 &&
		    cp != 0x201C && cp != 0x201D && cp != 0x2013 &&
		    cp != 0x2014 && cp != 0xAB && cp != 0xBB)) {
			if (space && b.len > 0)
				buf_addc(&b, ' ');
			space = 0;
			if (cp < 0x80)
				buf_addc(&b, (char)tolower((int)cp));
			else
				buf_add(&b, s + i, k);
		} else
			space = 1;
		i += k;
	}
	return buf_take(&b);
}

void
cite_forget_archives(void)
{
	size_t i;

	for (i = 0; i < ndefined; i++)
		free(defined[i]);
	free(defined);
	free(defined_len);
	defined = NULL;
	defined_len = NULL;
	ndefined = 0;
}

static void
define_archive(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < ndefined; i++)
		if (defined_len[i] == n && memcmp(defined[i], s, n) == 0)
			return;
	defined = xreallocarray(defined, ndefined + 1, sizeof(*defined));
	defined_len = xreallocarray(defined_len, ndefined + 1,
	    sizeof(*defined_len));
	defined_len[ndefined] = n;
	defined[ndefined++] = xstrndup(s, n);
}

/* The index of the lowest bit set in set (not 0) */
static size_t
lowest_bit(uint64_t set)
{
#if defined(__GNUC__)
	return (size_t)__builtin_ctzll(set);
#else
	size_t i;

	for (i = 0; !(set & 1); i++)
		set >>= 1;
	return i;
#endif
}

static int
known_archive(const char *s, size_t n)
{
	uint64_t set;
	size_t i;

	/* only the names with s's first byte and length */
	set = n > 0 && n < 16 ? known_first[(unsigned char)s[0]] &
	    known_of_len[n] : 0;
	for (; set != 0; set &= set - 1)
		if (memcmp(known_archives[lowest_bit(set)], s, n) == 0)
			return 1;
	for (i = 0; i < ndefined; i++)
		if (defined_len[i] == n && memcmp(defined[i], s, n) == 0)
			return 1;
	return 0;
}

/* Length of a known or defined archive name opening s, 0 if none. */
static size_t
known_prefix(const char *s, size_t n)
{
	uint64_t set;
	size_t i, k, best = 0;

	for (set = n > 0 ? known_first[(unsigned char)s[0]] : 0; set != 0;
	    set &= set - 1) {
		i = lowest_bit(set);
		/* every name has two bytes or more */
		if ((k = known_len[i]) <= n && k > best &&
		    known_archives[i][1] == s[1] &&
		    memcmp(known_archives[i], s, k) == 0 &&
		    (k == n || !isalnum((unsigned char)s[k])))
			best = k;
	}
	for (i = 0; i < ndefined; i++)
		if ((k = defined_len[i]) <= n && k > best &&
		    memcmp(defined[i], s, k) == 0 &&
		    (k == n || !isalnum((unsigned char)s[k])))
			best = k;
	return best;
}

/* Where s[0..n) holds lit[0..k), byte for byte; NULL if nowhere. */
static const char *
find_bytes(const char *s, size_t n, const char *lit, size_t k)
{
	const char *p = s, *e = s + n;

	if (k == 0)
		return s;
	while ((size_t)(e - p) >= k &&
	    (p = memchr(p, lit[0], (size_t)(e - p) - k + 1)) != NULL) {
		if (memcmp(p, lit, k) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Does s[0..n) hold lit, byte for byte? */
static int
has_bytes(const char *s, size_t n, const char *lit)
{
	return find_bytes(s, n, lit, strlen(lit)) != NULL;
}

/* Does s[0..n) hold word (lower-case ASCII) in any case?  Patterns
 * that need a word let a text without it go by; a word to test has no
 * k or s, which pcre2 also matches caselessly in the Kelvin sign and
 * the long s. */
static int
has_word_ci(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word), j;
	const char *p, *e = s + n;
	int upper;

	/* memchr for the first letter in each case */
	for (upper = 0; upper < 2; upper++)
		for (p = s; (size_t)(e - p) >= k && (p = memchr(p,
		    upper ? word[0] - 'a' + 'A' : word[0],
		    (size_t)(e - p) - k + 1)) != NULL; p++) {
			for (j = 1; j < k && (p[j] | 0x20) == word[j]; j++)
				;
			if (j == k)
				return 1;
		}
	return 0;
}

/* rx_archword, spared the text without the letters each of its words
 * opens with: "ar" (archiv, arkhiv, arhiv, library ...), "lev"
 * (leveltar), "rec" (records office), "dang" (dang'an), or the Chinese
 * word; none of these letters has a caseless form past ASCII.  One
 * pass, trying each at the bytes that may open it. */
static int
archive_word(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		switch (u[i] | 0x20) {
		case 'a':
			if ((u[i + 1] | 0x20) == 'r')
				break;
			continue;
		case 'l':
			if (n - i >= 3 && (u[i + 1] | 0x20) == 'e' &&
			    (u[i + 2] | 0x20) == 'v')
				break;
			continue;
		case 'r':
			if (n - i >= 3 && (u[i + 1] | 0x20) == 'e' &&
			    (u[i + 2] | 0x20) == 'c')
				break;
			continue;
		case 'd':
			if (n - i >= 4 && (u[i + 1] | 0x20) == 'a' &&
			    (u[i + 2] | 0x20) == 'n' && (u[i + 3] | 0x20) == 'g')
				break;
			continue;
		case 0xE6:
			if (n - i >= 6 &&
			    memcmp(s + i, "\xe6\xa1\xa3\xe6\xa1\x88", 6) == 0)
				break;
			continue;
		default:
			continue;
		}
		return rx_match(rx_archword, s, n, 0);
	}
	return 0;
}

/* rx_acronym, "^(?=(?:.*\p{Lu}){2})\p{Lu}[\p{L}\p{Nd}]*(?:[ -]\p{Lu}
 * [\p{L}\p{Nd}]*){0,2}$", by hand for printable ASCII (one path: a
 * word's letters and digits never take its separator); pcre2 for
 * other bytes. */
static int
acronym(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, uppers = 0, seps = 0;

	for (i = 0; i < n; i++)
		if (u[i] < 0x20 || u[i] >= 0x7F)
			return rx_match(rx_acronym, s, n, 0);
	if (n == 0 || !ascii_upper(u[0]))
		return 0;
	for (i = 0; i < n; i++) {
		if (ascii_upper(u[i]))
			uppers++;
		else if (u[i] == ' ' || u[i] == '-') {
			if (++seps > 2 || i + 1 >= n || !ascii_upper(u[i + 1]))
				return 0;
		} else if (!ascii_alpha(u[i]) && !ascii_digit(u[i]))
			return 0;
	}
	return uppers >= 2;
}

/* Literal tests that patterns need to pass, so that text without them
 * is not given to pcre2.  A caseless word to test holds no k or s (see
 * has_word_ci()). */
static int
may_url(const char *s, size_t n)	/* rx_url */
{
	return has_bytes(s, n, "http") || has_bytes(s, n, "www.");
}

static int
may_frus(const char *s, size_t n)	/* rx_frus */
{
	return has_bytes(s, n, "Foreign") || has_bytes(s, n, "FRUS");
}

static int
may_thesis(const char *s, size_t n)	/* thesis, dissertation, diss. */
{
	return has_word_ci(s, n, "the") || has_word_ci(s, n, "di");
}

static int
may_paper(const char *s, size_t n)	/* "... paper", "presented at" */
{
	return has_word_ci(s, n, "paper") || has_word_ci(s, n, "pre");
}

/* rx on the first max bytes of s[0..n), where may() lets it try */
static int
window_match(struct rx *rx, int (*may)(const char *, size_t), const char *s,
    size_t n, size_t max)
{
	if (n > max)
		n = max;
	return may(s, n) && rx_match(rx, s, n, 0);
}

static int
archive_like(const char *s, size_t n)
{
	if (n == 0 || n > 120)
		return 0;
	return known_archive(s, n) || archive_word(s, n) ||
	    (n <= 16 && acronym(s, n));
}

/* The length of a file number at s[i] ("109-00831-03" of the Chinese
 * Foreign Ministry, "B103-4-120" of a provincial archive): up to two
 * capitals, then three or four groups of digits joined by hyphens, and
 * no letter, digit, hyphen or slash after.  0 when there is none, or
 * for an ISO date. */
static size_t
file_number_len(const char *s, size_t i, size_t to)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t p = i, digits, groups = 0;
	long v[4];

	while (p < to && p - i < 2 && ascii_upper(u[p]))
		p++;
	for (;;) {
		for (digits = p; p < to && ascii_digit(u[p]) && p - digits < 9;
		    p++)
			;
		if (p == digits || groups == 4)
			return 0;
		/* a group that cannot be a day, month or year: 100 */
		v[groups++] = p - digits <= 2 || p - digits == 4 ?
		    strtol(s + digits, NULL, 10) : 100;
		if (p + 1 >= to || u[p] != '-' || !ascii_digit(u[p + 1]))
			break;
		p++;
	}
	if (groups < 3 || (p < to && (ascii_alpha(u[p]) ||
	    ascii_digit(u[p]) || u[p] == '-' || u[p] == '/')))
		return 0;
	/* 1958-07-22, 7-22-1958 */
	if (groups == 3 && !ascii_upper(u[i]) &&
	    ((v[0] >= 1800 && v[1] >= 1 && v[1] <= 12 && v[2] >= 1 &&
	    v[2] <= 31) || (v[2] >= 1800 && v[0] >= 1 && v[0] <= 31 &&
	    v[1] >= 1 && v[1] <= 31 && (v[0] <= 12 || v[1] <= 12))))
		return 0;
	return p - i;
}

/* Where a file number ends s[a..b) after a space ("PRC FMA
 * 109-00831-03"), else b. */
static size_t
trailing_file_number(const char *s, size_t a, size_t b)
{
	size_t e = b, k;

	while (e > a && ascii_space((unsigned char)s[e - 1]))
		e--;
	for (k = e; k > a && !ascii_space((unsigned char)s[k - 1]); k--)
		;
	if (k > a && k < e && file_number_len(s, k, e) == e - k)
		return k;
	return b;
}


/* The groups of ITEM, in order. */
enum { G_FOND = 1, G_OPIS, G_PAPKA, G_DELO, G_LIST, G_VAL };

/* One match of ITEM: the group of its keyword, the keyword, the value. */
struct item {
	int    group;		/* G_FOND ... G_LIST */
	size_t kw, kwlen;
	size_t val, vallen;
	size_t end;
	int    asked;		/* pcre2 found it, not the quick match */
};

static int item_at(const char *, size_t, size_t, struct item *);

/* ---- clauses ---- */

static const char *const abbrevs[] = { "vol", "no", "nos", "pp", "p", "ed",
	"eds", "mass", "st", "dr", "mr", "mrs", "jr", "sr", "al", "sept",
	"sep", "oct", "nov", "dec", "jan", "feb", "aug", "apr", "mar", "jun",
	"jul", "cf", "op", "cit", "ll", "l", "f", "d", "co", "inc", "univ",
	"comp", "trans", "tr", "repr", "rev", "esp", "ch", "chap", "fig",
	"ser", "dept", "gen", "col", "lt", "capt", "prof", "e.g", "i.e",
	"fol", "fols", "ff", "cde", "com", "ob", "vs", "ca", "c", "sygn",
	"sv", "bl", "k", "t", "kh", "nr", "inv", "sz", "vols", "doc", "dok",
	"spr", "op", "cs", NULL };

static int
abbrev_before(const char *s, size_t dot)
{
	size_t a = dot, i;
	char w[8];

	while (a > 0 && (isalpha((unsigned char)s[a - 1]) || s[a - 1] == '.'))
		a--;
	if (dot - a == 0)
		return 0;	/* a digit or a closing mark: a sentence end */
	if (dot - a == 1 && isupper((unsigned char)s[a]))
		return 1;	/* an initial */
	if (dot - a >= sizeof(w))
		return memchr(s + a, '.', dot - a) != NULL;
	for (i = 0; i < dot - a; i++)
		w[i] = (char)tolower((unsigned char)s[a + i]);
	w[i] = '\0';
	if (strchr(w, '.') != NULL)
		return 1;	/* D.C., U.S. */
	for (i = 0; abbrevs[i]; i++)
		if (strcmp(w, abbrevs[i]) == 0)
			return 1;
	return 0;
}

/* A lower-case letter of Latin-1, Latin Extended-A or Cyrillic ("ő.e."
 * opens no sentence). */
static int
lower_letter(uint32_t cp)
{
	if (cp >= 0xDF && cp <= 0xFF)
		return cp != 0xF7;
	if (cp >= 0x100 && cp <= 0x137)
		return cp & 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return !(cp & 1);
	if (cp >= 0x14A && cp <= 0x177)
		return cp & 1;
	return (cp >= 0x430 && cp <= 0x45F);
}

static int
starts_clause(const char *s, size_t len, size_t i)
{
	uint32_t cp;

	if (i >= len)
		return 0;
	if (s[i] == '"' || s[i] == '*' || s[i] == '[' || s[i] == '(')
		return 1;
	if (utf8_decode(s + i, len - i, &cp) == 0)
		return 0;
	return cp == 0x201C || (cp < 0x80 ? isupper((int)cp) :
	    cp >= 0xC0 && !lower_letter(cp));
}

struct span {
	size_t a, b;
};

/* The bytes clauses() acts on: marks that open or close a level, ";"
 * and the space after a sentence.  Any other byte changes nothing. */
static const unsigned char clause_byte[256] = {
	[0xE2] = 1, ['"'] = 1, ['*'] = 1, ['('] = 1, ['['] = 1, [')'] = 1,
	[']'] = 1, [';'] = 1, [' '] = 1,
};

/* Clauses of s: cut at ";" and sentence ends at the top level. */
static size_t
clauses(const char *s, size_t len, struct span **out)
{
	struct span *v = NULL;
	struct item it;
	size_t n = 0, cap = 0, i, start = 0, j;
	int depth = 0, curly = 0, straight = 0, italic = 0, cut;

	for (i = 0; i <= len; i++) {
		/* most bytes change nothing */
		while (i < len && !clause_byte[(unsigned char)s[i]])
			i++;
		cut = i == len;
		if (!cut) {
			unsigned char c = (unsigned char)s[i];

			if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
				if ((unsigned char)s[i + 2] == 0x9C)
					curly++;
				else if ((unsigned char)s[i + 2] == 0x9D && curly > 0)
					curly--;
			} else if (c == '"')
				straight = !straight;
			else if (c == '*') {
				if (i + 1 < len && s[i + 1] == '*')
					i++;
				else
					italic = !italic;
			} else if (c == '(' || c == '[')
				depth++;
			else if ((c == ')' || c == ']') && depth > 0)
				depth--;
			if (depth || curly || straight || italic)
				continue;
			if (c == ';')
				cut = 1, i++;
			else if (c == ' ' && i > 0) {
				/* the end of the text before the space */
				j = i;
				while (j > 0 && (s[j - 1] == '"' || s[j - 1] == '*' ||
				    s[j - 1] == ')' || (j >= 3 &&
				    (unsigned char)s[j - 3] == 0xE2 &&
				    (unsigned char)s[j - 1] == 0x9D)))
					j -= (unsigned char)s[j - 1] == 0x9D ? 3 : 1;
				if (j > 0 && (s[j - 1] == '.' || s[j - 1] == '?' ||
				    s[j - 1] == '!') && starts_clause(s, len, i + 1) &&
				    !(s[j - 1] == '.' && abbrev_before(s, j - 1)) &&
				    !(s[j - 1] == '.' && j == i && j >= 2 &&
				    isdigit((unsigned char)s[j - 2]) &&
				    item_at(s, i + 1, len, &it)))
					cut = 1;	/* not "F. 5. Op. 30." */
			}
		}
		if (!cut)
			continue;
		if (i > start) {
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				v = xreallocarray(v, cap, sizeof(*v));
			}
			v[n].a = start;
			v[n].b = i;
			n++;
		}
		start = i;
	}
	*out = v;
	return n;
}

/* ---- titles ---- */

enum { T_QUOTED, T_ITALIC };

struct title {
	int    type;
	size_t a, b;		/* with the marks */
	size_t ia, ib;		/* the text inside */
};

static int
is_open_curly(const char *s, size_t len, size_t i)
{
	return i + 2 < len && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x9C;
}

static int
is_close_curly(const char *s, size_t len, size_t i)
{
	return i + 2 < len && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x9D;
}

/* The bytes that may open a span: a quotation mark, a curly one's
 * first byte, a star */
static const unsigned char span_byte[256] = {
	['"'] = 1, ['*'] = 1, [0xE2] = 1,
};

/* Quoted and italic spans of s[a..b), in order. */
static size_t
spans(const char *s, size_t a, size_t b, struct title *t, size_t max)
{
	size_t n = 0, i = a, j;

	while (n < max) {
		/* most bytes open nothing */
		while (i < b && !span_byte[(unsigned char)s[i]])
			i++;
		if (i >= b)
			break;
		if (is_open_curly(s, b, i) || s[i] == '"') {
			int curly = s[i] != '"';

			for (j = i + (curly ? 3 : 1); j < b; j++)
				if (curly ? is_close_curly(s, b, j) : s[j] == '"')
					break;
			if (j >= b)
				break;
			t[n].type = T_QUOTED;
			t[n].a = i;
			t[n].ia = i + (curly ? 3 : 1);
			t[n].ib = j;
			t[n].b = j + (curly ? 3 : 1);
			n++;
			i = t[n - 1].b;
		} else if (s[i] == '*' && i + 1 < b && s[i + 1] == '*') {
			i += 2;
		} else if (s[i] == '*') {
			for (j = i + 1; j < b && s[j] != '*'; j++)
				;
			if (j >= b)
				break;
			t[n].type = T_ITALIC;
			t[n].a = i;
			t[n].ia = i + 1;
			t[n].ib = j;
			t[n].b = j + 1;
			n++;
			i = j + 1;
		} else
			i++;
	}
	return n;
}

/* ---- citations ---- */

/* A citation's strings are kept in chunks of its list, all given back
 * by cites_clear(): no allocation and no free per field.  Fields left
 * empty share one empty string. */
struct cite_chunk {
	struct cite_chunk *next;
	size_t             used, size;
	char               data[];
};

static char empty[1];
static struct cite_chunk **strings;	/* of the list being parsed */

/* s[0..n) as a string of the list being parsed */
static char *
keep(const char *s, size_t n)
{
	struct cite_chunk *ch = *strings;
	char *p;

	if (ch == NULL || ch->size - ch->used < n + 1) {
		size_t size = n + 1 > 4000 ? n + 1 : 4000;

		ch = xmalloc(sizeof(*ch) + size);
		ch->next = *strings;
		ch->used = 0;
		ch->size = size;
		*strings = ch;
	}
	p = ch->data + ch->used;
	memcpy(p, s, n);
	p[n] = '\0';
	ch->used += n + 1;
	return p;
}

/* cite_key(), kept with the list */
static char *
keep_key(const char *s, size_t len)
{
	char *key = cite_key(s, len), *kept = keep(key, strlen(key));

	free(key);
	return kept;
}

static char *
dupn(const char *s, size_t n)
{
	while (n > 0 && ascii_space((unsigned char)*s))
		s++, n--;
	while (n > 0 && ascii_space((unsigned char)s[n - 1]))
		n--;
	return n > 0 ? keep(s, n) : empty;
}

static struct cite *
new_cite(struct cites *cl, enum cite_kind kind, size_t a, size_t b)
{
	struct cite *c;
	int i;

	if (cl->n == cl->cap) {
		cl->cap = cl->cap ? cl->cap * 2 : 8;
		cl->v = xreallocarray(cl->v, cl->cap, sizeof(*cl->v));
	}
	c = &cl->v[cl->n++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->start = a;
	c->end = b;
	for (i = 0; i < AF_N; i++)
		c->af[i] = empty;
	c->key = empty;
	return c;
}

static void
set(char **field, const char *s, size_t n)
{
	*field = dupn(s, n);
}

static void
set_group(char **field, struct rx *rx, const char *s, int g)
{
	size_t off, n;

	if (rx_group(rx, g, &off, &n))
		set(field, s + off, n);
}

struct chain {
	size_t a, b;
	size_t va[AF_N], vn[AF_N];
	int    have[AF_N];
};

/* The values of a chain into c's fields, from one copy of the chain: a
 * keyword stands between two values, so the byte after each can be
 * its NUL.  A value opens with a capital or a digit and ends with a
 * letter or a digit: dupn() would trim nothing. */
static void
set_chain(struct cite *c, const char *s, const struct chain *ch)
{
	char *copy = NULL;
	int f;

	for (f = AF_FOND; f < AF_N; f++) {
		if (!ch->have[f])
			continue;
		if (copy == NULL)
			copy = keep(s + ch->a, ch->b - ch->a);
		c->af[f] = copy + (ch->va[f] - ch->a);
		c->af[f][ch->vn[f]] = '\0';
	}
}

/* Could rx_ibid match s[0..n)?  After blanks, stars and underscores
 * it opens with "see" or "ibid"/"id" (or the long s of a caseless "s"). */
static int
may_ibid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n && (ascii_space(u[i]) || u[i] == '*' || u[i] == '_'))
		i++;
	return i < n && ((u[i] | 0x20) == 's' || (u[i] | 0x20) == 'i' ||
	    u[i] >= 0x80);
}

/* Does s[from..j) end with a non-ASCII letter (a Cyrillic "д",
 * "opis’") or "№"?  Dashes and quotes do not count. */
static int
nonascii_word_end(const char *s, size_t from, size_t j)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = j;

	if (j == from || u[j - 1] < 0x80)
		return 0;
	while (k > from && (u[k - 1] & 0xC0) == 0x80)
		k--;
	if (k == from)
		return 0;
	k--;
	if (u[k] >= 0xC3 && u[k] <= 0xD4)
		return 1;	/* Latin-1 letters to Cyrillic */
	return j - k == 3 && u[k] == 0xE2 && ((u[k + 1] == 0x80 &&
	    u[k + 2] == 0x99) || (u[k + 1] == 0x84 && u[k + 2] == 0x96));
}

/* The lower-case word w[0..n): is it one of words (NULL ends them)? */
static int
in_words(const char *const *words, const char *w, size_t n)
{
	size_t k;

	/* w holds no NUL: a shorter word stops at its end */
	for (; *words != NULL; words++) {
		for (k = 0; k < n && (*words)[k] == w[k]; k++)
			;
		if (k == n && (*words)[n] == '\0')
			return 1;
	}
	return 0;
}

/* The bit of a 64-bit set for the four bytes at p in lower case: an
 * ASCII letter or'ed with 0x20 is its lower case, and no other byte
 * becomes a letter so.  The last four letters of a coordinate word, in
 * any case, give the bit the word gave. */
static uint64_t
tail_bit(const char *p)
{
	uint32_t x;

	memcpy(&x, p, 4);
	x |= 0x20202020u;
	return (uint64_t)1 << ((x * 0x9E3779B1u) >> 26);
}

/* The first letters of the coordinate words, a bit each from 'a';
 * their last four letters, a bit each of tail_bit() */
static uint32_t initials;
static uint64_t tails;

static const char *const coord_words[] = { "fond", "fonds", "opis",
    "papka", "delo", "list", "listy", "folio", "folios", "page", "pages",
    "perechen", "sprava", "dokument", "svazek", "karton", NULL };

static void
maybe_chain_init(void)
{
	size_t k;

	for (k = 0; coord_words[k] != NULL; k++) {
		initials |= (uint32_t)1 << (coord_words[k][0] - 'a');
		tails |= tail_bit(coord_words[k] + strlen(coord_words[k]) - 4);
	}
}

/* Could s[from..to) hold two coordinates?  Each is a number after an
 * abbreviation's full stop, a coordinate word, a non-ASCII word (Cyrillic
 * words, "opis’"), or a prefix ("R-9401", "V/99").  A cheap test that
 * spares pcre2 the prose with years in it. */
static int
maybe_chain(const char *s, size_t from, size_t to, const char *first_digit)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, j, k, w, num;
	int n = 0;
	char word[10];

	for (i = from; i < to; ) {
		const char *d = i == from && first_digit != NULL ? first_digit :
		    ascii_find_digit(s + i, to - i);

		/* the next number: what stands before it decides */
		if (d == NULL)
			break;
		num = (size_t)(d - s);
		for (i = num + 1; i < to && ascii_digit(u[i]); i++)
			;
		for (j = num; j > from && s[j - 1] == ' '; j--)
			;
		if (j == from)
			continue;
		if (s[j - 1] == '.' || s[j - 1] == '\'' || ((s[j - 1] == '-' ||
		    s[j - 1] == '/') && j - 1 > from && (ascii_upper(u[j - 2]) ||
		    u[j - 2] >= 0x80)) || nonascii_word_end(s, from, j)) {
			if (++n >= 2)
				return 1;
			continue;
		}
		/* the words have four to eight letters, and end in the
		 * letters of one of tails */
		if (j - from < 4 || !(tails & tail_bit(s + j - 4)))
			continue;
		for (w = j; w > from && j - w < sizeof(word) - 1 &&
		    ascii_alpha(u[w - 1]); w--)
			;
		if (j - w < 4 || j - w >= sizeof(word) - 1 ||
		    !(initials >> ((u[w] | 0x20) - 'a') & 1))
			continue;
		for (k = w; k < j; k++)
			word[k - w] = (char)(u[k] | 0x20);
		if (in_words(coord_words, word, j - w) && ++n >= 2)
			return 1;
	}
	return 0;
}

/* Could an ITEM of crx->item begin with the Latin word at s?  An
 * abbreviation before its stop, or a word that begins with a
 * coordinate word ("listy", "fonds", "opis’").  Every keyword item_at()
 * matches by itself passes; only what pcre2 finds (a Kelvin sign for
 * the K of "karton") can fail it. */
static int
item_word(const char *s, size_t len)
{
	static const char *const abbr[] = { "f", "op", "per", "pap", "p",
	    "sv", "d", "spr", "dok", "a", "sygn", "ll", "l", "fol", "fols",
	    "ff", "pp", "kh", "k", "bl", NULL };
	static const char *const full[] = { "fond", "opis", "perechen",
	    "papka", "svazek", "karton", "delo", "sprava", "dokument", "list",
	    "folio", "page", NULL };
	const unsigned char *u = (const unsigned char *)s;
	char w[12];
	size_t n, i, k;

	for (n = 0; n < len && n < sizeof(w) - 1 && ascii_alpha(u[n]); n++)
		w[n] = (char)(u[n] | 0x20);
	if (n == 0)
		return 0;
	if (n < len && s[n] == '.' && in_words(abbr, w, n))
		return 1;
	for (i = 0; full[i] != NULL; i++)
		if (full[i][0] == w[0] && (k = strlen(full[i])) <= n &&
		    memcmp(w, full[i], k) == 0)
			return 1;
	return 0;
}

/* What rx_match(crx->item, s, to, pos) finds, from pcre2. */
static int
item_rx(const char *s, size_t pos, size_t to, struct item *it)
{
	if (!rx_match(crx->item, s, to, pos))
		return 0;
	it->asked = 1;
	for (it->group = G_FOND; it->group < G_LIST; it->group++)
		if (rx_group(crx->item, it->group, &it->kw, &it->kwlen))
			break;
	if (it->group == G_LIST)
		rx_group(crx->item, G_LIST, &it->kw, &it->kwlen);
	rx_group(crx->item, G_VAL, &it->val, &it->vallen);
	it->end = rx_end(crx->item);
	return 1;
}

/* ITEM's Latin keywords in the order pcre2 tries them, an optional
 * letter first taken, then left out ("fonds" before "fond"); a space
 * stands for one \s ("a. j." before "a.j.").  Sorted by first letter,
 * keeping ITEM's order among words of one letter: words of two letters
 * cannot both match.  Keep in step with ITEM. */
static const struct keyword {
	int         group;
	const char *word;
} keywords[] = {
	{ G_DELO, "a. j." }, { G_DELO, "a.j." },
	{ G_LIST, "bl." },
	{ G_DELO, "delo" }, { G_DELO, "d." }, { G_DELO, "dokument" },
	{ G_DELO, "dok." },
	{ G_FOND, "fonds" }, { G_FOND, "fond" }, { G_FOND, "f." },
	{ G_LIST, "folios" }, { G_LIST, "folio" }, { G_LIST, "fols." },
	{ G_LIST, "fol." }, { G_LIST, "ff." }, { G_LIST, "f." },
	{ G_PAPKA, "karton" }, { G_LIST, "kh." }, { G_LIST, "k." },
	{ G_LIST, "listy" }, { G_LIST, "list" }, { G_LIST, "ll." },
	{ G_LIST, "l." },
	{ G_OPIS, "opis'" }, { G_OPIS, "opis\xe2\x80\x99" },
	{ G_OPIS, "opis\xca\xb9" }, { G_OPIS, "opis" }, { G_OPIS, "op." },
	{ G_OPIS, "perechen'" }, { G_OPIS, "perechen\xe2\x80\x99" },
	{ G_OPIS, "perechen\xca\xb9" }, { G_OPIS, "perechen" },
	{ G_OPIS, "per." }, { G_PAPKA, "papka" }, { G_PAPKA, "pap." },
	{ G_PAPKA, "p." }, { G_LIST, "pp." }, { G_LIST, "pages" },
	{ G_LIST, "page" },
	{ G_PAPKA, "sv." }, { G_PAPKA, "svazek" }, { G_DELO, "spr." },
	{ G_DELO, "sprava" }, { G_DELO, "sygn." },
};

#define NKEYWORDS (sizeof(keywords) / sizeof(keywords[0]))
/* Where the keywords of each first letter a-z begin, and end; each
 * keyword's leading letters as eight bytes (ASCII lower case, zero
 * padded), how many they are, and a mask of their bytes */
static unsigned char keyword_from[27], keyword_letters[NKEYWORDS];
static uint64_t keyword_word[NKEYWORDS], keyword_mask[NKEYWORDS];
/* By first letter: the second letters of its keywords, a bit each from
 * 'a', and KW_ONE_LETTER when one has a single letter ("d.", "a. j.") */
#define KW_ONE_LETTER	((uint32_t)1 << 26)
static uint32_t keyword_second[26];
/* The keywords by their letters (as letters8() gives them: ASCII lower
 * case, zero padded; 0 an empty slot), each slot with its keywords in
 * ITEM's order ("opis'", "opis’", "opisʹ", "opis") */
#define KW_SLOTS	64
#define KW_PER_SLOT	4
static struct kw_slot {
	uint64_t      letters;
	unsigned char n, kw[KW_PER_SLOT];
} kw_slots[KW_SLOTS];
/* The classes of a byte item_rest() asks about */
enum { IC_SPACE = 1, IC_DIGIT = 2, IC_UPPER = 4, IC_LOWER = 8,
    IC_SLASH = 16, IC_HIGH = 32 };
#define IC_LETTER	(IC_UPPER | IC_LOWER)
#define IC_VALUE	(IC_LETTER | IC_DIGIT | IC_SLASH)
static unsigned char item_class[256];

static size_t
kw_hash(uint64_t letters)
{
	return (size_t)((letters * 0x9E3779B97F4A7C15u) >> 58) % KW_SLOTS;
}

static const struct kw_slot *
kw_find(uint64_t letters)
{
	size_t h;

	for (h = kw_hash(letters); kw_slots[h].letters != 0;
	    h = (h + 1) % KW_SLOTS)
		if (kw_slots[h].letters == letters)
			return &kw_slots[h];
	return NULL;
}

static void
index_keywords(void)
{
	const unsigned char *w;
	uint64_t letters;
	size_t i, n;
	int c;

	for (i = 0; i < NKEYWORDS; i++) {
		w = (const unsigned char *)keywords[i].word;
		c = w[0] - 'a';
		keyword_from[c + 1] = (unsigned char)(i + 1);	/* so far */
		for (n = 0, letters = 0; ascii_alpha(w[n]); n++)
			letters |= (uint64_t)w[n] << (8 * n);
		keyword_word[i] = letters;
		keyword_letters[i] = (unsigned char)n;
		keyword_second[c] |= n == 1 ? KW_ONE_LETTER :
		    (uint32_t)1 << (w[1] - 'a');
		keyword_mask[i] = n < 8 ? ((uint64_t)1 << (8 * n)) - 1 :
		    ~(uint64_t)0;
	}
	/* a letter without keywords ends where the letter before does */
	for (c = 1; c <= 26; c++)
		if (keyword_from[c] < keyword_from[c - 1])
			keyword_from[c] = keyword_from[c - 1];
	for (i = 0; i < NKEYWORDS; i++) {
		size_t h = kw_hash(keyword_word[i]);
		struct kw_slot *ks;

		while (kw_slots[h].letters != 0 &&
		    kw_slots[h].letters != keyword_word[i])
			h = (h + 1) % KW_SLOTS;
		ks = &kw_slots[h];
		if (ks->n == KW_PER_SLOT)
			fatal(NULL, 0, "internal error: more than %d "
			    "keywords of the letters %s", KW_PER_SLOT,
			    keywords[i].word);
		ks->letters = keyword_word[i];
		ks->kw[ks->n++] = (unsigned char)i;
	}
	for (c = 0; c < 256; c++)
		item_class[c] = (unsigned char)(
		    (ascii_space((unsigned char)c) ? IC_SPACE : 0) |
		    (ascii_digit((unsigned char)c) ? IC_DIGIT : 0) |
		    (ascii_upper((unsigned char)c) ? IC_UPPER : 0) |
		    (c >= 'a' && c <= 'z' ? IC_LOWER : 0) |
		    (c == '/' ? IC_SLASH : 0) | (c >= 0x80 ? IC_HIGH : 0));
}

enum { ITEM_NO, ITEM_YES, ITEM_ASK };	/* ASK: only pcre2 can tell */

/* Does keyword k match s at pos (ASCII letters in either case), its
 * first from bytes known to match?  *same counts the bytes that do.  A
 * byte past ASCII against a letter asks pcre2: caselessly "k" is also
 * the Kelvin sign and "s" the long s. */
static int
keyword_at(const char *k, const char *s, size_t pos, size_t to,
    size_t from, size_t *same)
{
	const unsigned char *u = (const unsigned char *)s;

	k += from;
	pos += from;
	for (*same = from; *k != '\0'; k++, pos++, (*same)++) {
		if (pos >= to)
			return ITEM_NO;
		if (*k == ' ') {
			if (!ascii_space(u[pos]))
				return ITEM_NO;
		} else if (ascii_alpha((unsigned char)*k)) {
			if (u[pos] >= 0x80)
				return ITEM_ASK;
			if ((u[pos] | 0x20) != *k)
				return ITEM_NO;
		} else if (u[pos] != (unsigned char)*k)
			return ITEM_NO;
	}
	return ITEM_YES;
}

/* The rest of ITEM after a keyword that ends at pos: "No.", the value
 * and the look-ahead after it, along the first path pcre2 tries.  Where
 * that path fails but another might not, or a letter past ASCII might
 * count, ask pcre2.  Each byte's class is one look-up in item_class. */
static int
item_rest(const char *s, size_t pos, size_t to, struct item *it)
{
	const unsigned char *u = (const unsigned char *)s;
	const unsigned char *cl = item_class;
	size_t v, e, t, n;

	while (pos < to && (cl[u[pos]] & IC_SPACE))
		pos++;
	if (pos >= to)
		return ITEM_NO;
	if (cl[u[pos]] & IC_DIGIT)
		v = pos;
	else if (u[pos] >= 0x80) {
		if (to - pos < 3 || memcmp(s + pos, "\xe2\x84\x96", 3) != 0)
			return ITEM_ASK;	/* "№", or a capital? */
		for (v = pos + 3; v < to && (cl[u[v]] & IC_SPACE); v++)
			;
	} else if (u[pos] == 'N' && pos + 1 < to && u[pos + 1] == 'o') {
		v = pos + 2;
		if (v < to && u[v] == '.')
			v++;
		while (v < to && (cl[u[v]] & IC_SPACE))
			v++;
	} else if (cl[u[pos]] & IC_UPPER)
		v = pos;
	else
		return ITEM_NO;	/* neither "No", a capital nor a digit */
	/* capitals before the number: "R-9401", "DY-30/" (pcre2 is asked
	 * for groups of them apart: "XI A/12") */
	e = v;
	if (e < to && (cl[u[e]] & IC_UPPER)) {
		for (n = 0; e < to && n < 4 && (cl[u[e]] & IC_UPPER); n++)
			e++;
		while (e + 1 < to && u[e] == '-' && (cl[u[e + 1]] & IC_UPPER))
			for (e++, n = 0; e < to && n < 4 &&
			    (cl[u[e]] & IC_UPPER); n++)
				e++;
		if (e < to && (u[e] == '-' || u[e] == '/'))
			e++;
	}
	if (e >= to || !(cl[u[e]] & IC_DIGIT))
		return ITEM_ASK;
	for (e++; e < to && (cl[u[e]] & IC_VALUE); e++)
		;
	while (e + 1 < to && u[e] == '.' && (cl[u[e + 1]] & IC_DIGIT))
		for (e += 2; e < to && (cl[u[e]] & IC_VALUE); e++)
			;
	/* a range: "3-9", "17 – 20a" */
	for (t = e; t < to && (cl[u[t]] & IC_SPACE); t++)
		;
	n = 0;
	if (t < to && u[t] == '-')
		n = 1;
	else if (t < to && u[t] == 0xE2 && to - t >= 3 &&
	    memcmp(s + t, "\xe2\x80\x93", 3) == 0)
		n = 3;
	if (n > 0) {
		for (t += n; t < to && (cl[u[t]] & IC_SPACE); t++)
			;
		if (t < to && (cl[u[t]] & IC_DIGIT)) {
			while (t < to && (cl[u[t]] & IC_DIGIT))
				t++;
			while (t < to && (cl[u[t]] & IC_LOWER))
				t++;
			e = t;
		}
	}
	/* no letter or digit after it; U+2000-U+203F (E2 80 xx) are
	 * spaces, dashes and quotes */
	if (e < to && ((cl[u[e]] & (IC_LETTER | IC_DIGIT)) ||
	    ((cl[u[e]] & IC_HIGH) &&
	    !(u[e] == 0xE2 && e + 1 < to && u[e + 1] == 0x80))))
		return ITEM_ASK;
	it->val = v;
	it->vallen = e - v;
	it->end = e;
	return ITEM_YES;
}

/* How many ASCII letters open s[0..len), eight at most (keywords have
 * no more), and those letters in lower case into *word, the first in
 * the lowest byte. */
static size_t
letters8(const char *s, size_t len, uint64_t *word)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n;

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (len >= 8) {
		const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
		uint64_t x, t, other;

		memcpy(&x, s, 8);
		t = (x | ones * 0x20) & ~highs;	/* lower case */
		other = ~ascii_letters8(x) & highs;
		n = other ? (size_t)__builtin_ctzll(other) / 8 : 8;
		*word = n < 8 ? t & (((uint64_t)1 << (8 * n)) - 1) : t;
		return n;
	}
#endif
	*word = 0;
	for (n = 0; n < 8 && n < len && ascii_alpha(u[n]); n++)
		*word |= (uint64_t)(u[n] | 0x20) << (8 * n);
	return n;
}

/* Can a keyword of first letter c (0 for 'a') open a word whose second
 * byte is b?  A letter must be the second of one; a byte past ASCII
 * may be a letter to pcre2 (caselessly "k" is also the Kelvin sign, "s"
 * the long s); any other ends the letters, and only a keyword of one
 * letter may then match. */
static int
second_byte_may(int c, unsigned char b)
{
	if (b >= 0x80)
		return 1;
	if (ascii_alpha(b))
		return keyword_second[c] >> ((b | 0x20) - 'a') & 1;
	return (keyword_second[c] & KW_ONE_LETTER) != 0;
}

/* Can only the keywords of exactly the n ASCII letters at s[0] match
 * there?  A keyword of fewer letters stops before a letter of the text,
 * where only its marks or a capital ("fondR-9401") may stand: none
 * when no capital follows the first letter up to the byte after them.
 * One of more letters needs a byte past ASCII after the text's. */
static int
only_same_letters(const unsigned char *u, size_t n, size_t len)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t x;
	size_t k;

	if (n < len && u[n] >= 0x80)
		return 0;
	if (len >= 8) {
		/* a letter is a capital when its 0x20 bit is clear; the
		 * byte after eight letters may be one too */
		memcpy(&x, u, 8);
		x = ~x & ones * 0x20 & ~(uint64_t)0xFF;
		if (n < 8)
			x &= ((uint64_t)1 << (8 * n)) - 1;
		return x == 0 && !(n == 8 && len > 8 && ascii_upper(u[8]));
	}
	for (k = 1; k <= n && k < len; k++)
		if (ascii_upper(u[k]))
			return 0;
	return 1;
}

/* The keywords whose letters may match the n letters of word at s[pos]
 * (first letter c), in ITEM's order: a slot's, or those put in cand;
 * KW_ASK ends them where pcre2 must tell.  *m is their count. */
#define KW_ASK	0xFF
static const unsigned char *
keyword_candidates(const char *s, size_t pos, size_t to, int c,
    uint64_t word, size_t n, unsigned char *cand, size_t *m)
{
	const unsigned char *u = (const unsigned char *)s;
	const struct kw_slot *ks;
	uint64_t have;
	size_t i;

	*m = 0;
	if (only_same_letters(u + pos, n, to - pos)) {
		if ((ks = kw_find(word)) == NULL)
			return cand;
		*m = ks->n;
		return ks->kw;
	}
	/* the bytes of word that hold the text's letters */
	have = n < 8 ? ((uint64_t)1 << (8 * n)) - 1 : ~(uint64_t)0;
	for (i = keyword_from[c]; i < keyword_from[c + 1]; i++) {
		if ((word ^ keyword_word[i]) & keyword_mask[i] & have)
			continue;	/* a letter both have differs */
		if (n < keyword_letters[i]) {
			/* the text's letters end first: a byte past ASCII
			 * may still be a letter caselessly (the Kelvin
			 * sign, the long s); any other is not one */
			if (pos + n < to && u[pos + n] >= 0x80) {
				cand[(*m)++] = KW_ASK;
				break;
			}
			continue;
		}
		cand[(*m)++] = (unsigned char)i;
	}
	return cand;
}

/* What rx_match(crx->item, s, to, pos) finds: the Latin keywords
 * without pcre2, where the answer is certain.  The ASCII letters at pos
 * are lower-cased into one word once; most words find their keywords
 * by that word in kw_slots, the others by trying each keyword of their
 * first letter.  The marks after a keyword's letters ("." "'") are
 * keyword_at's, the value item_rest's. */
static int
item_at(const char *s, size_t pos, size_t to, struct item *it)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char buf[NKEYWORDS + 1];
	const unsigned char *cand;
	uint64_t word;
	size_t k, m, n, same;
	int c, r;

	if (pos >= to)
		return 0;
	if (u[pos] >= 0x80)
		return item_rx(s, pos, to, it);
	if (!ascii_alpha(u[pos]))
		return 0;
	c = (u[pos] | 0x20) - 'a';
	/* most words of prose fail at their second byte */
	if (pos + 1 < to && !second_byte_may(c, u[pos + 1]))
		return 0;
	n = letters8(s + pos, to - pos, &word);
	cand = keyword_candidates(s, pos, to, c, word, n, buf, &m);
	for (k = 0; k < m; k++) {
		if (cand[k] == KW_ASK)
			return item_rx(s, pos, to, it);
		r = keyword_at(keywords[cand[k]].word, s, pos, to,
		    keyword_letters[cand[k]], &same);
		if (r == ITEM_YES)
			r = item_rest(s, pos + same, to, it);
		if (r == ITEM_ASK)
			return item_rx(s, pos, to, it);
		if (r == ITEM_YES) {
			it->group = keywords[cand[k]].group;
			it->kw = pos;
			it->kwlen = same;
			it->asked = 0;
			return 1;
		}
	}
	return 0;
}

/* The bytes an item may open with: a b d f k l o p s in either case,
 * and the lead bytes of Cyrillic letters. */
static const unsigned char item_first[256] = {
	['a'] = 1, ['b'] = 1, ['d'] = 1, ['f'] = 1, ['k'] = 1, ['l'] = 1,
	['o'] = 1, ['p'] = 1, ['s'] = 1, ['A'] = 1, ['B'] = 1, ['D'] = 1,
	['F'] = 1, ['K'] = 1, ['L'] = 1, ['O'] = 1, ['P'] = 1, ['S'] = 1,
	[0xD0] = 1, [0xD1] = 1,
};

/* The next place at or after pos where crx->chain would match, found
 * without making pcre2 scan the prose: an item opens with one of the
 * letters below, or a Cyrillic one, after no letter, digit or stop.
 * *it is the item there. */
static int
next_item(const char *s, size_t pos, size_t to, size_t *start,
    struct item *it)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c, b;

	for (; pos < to; pos++) {
		while (pos < to && !item_first[u[pos]])
			pos++;
		if (pos >= to)
			break;
		c = u[pos];
		b = pos > 0 ? u[pos - 1] : ' ';
		if (b < 0x80) {
			if (ascii_alpha(b) || ascii_digit(b) || b == '.' ||
			    !item_at(s, pos, to, it) || (c < 0x80 &&
			    it->asked && !item_word(s + pos, to - pos)))
				continue;
		} else if (!rx_match(crx->chain, s, to, pos) ||
		    rx_start(crx->chain) != pos || !item_at(s, pos, to, it))
			continue;	/* the look-behind decides */
		*start = pos;
		return 1;
	}
	return 0;
}

/* A coordinate chain starting at or after from, within [from, to);
 * first_digit is the first ASCII digit there when the caller knows it,
 * else NULL. */
static int
find_chain(const char *s, size_t from, size_t to, const char *first_digit,
    struct chain *ch)
{
	const unsigned char *u = (const unsigned char *)s;
	struct item it, after_year;
	size_t pos = from, start;
	int f, count, have_delo, more;

	if (!maybe_chain(s, from, to, first_digit))
		return 0;

	while (pos < to && next_item(s, pos, to, &start, &it)) {
		memset(ch, 0, sizeof(*ch));
		ch->a = start;
		count = have_delo = 0;
		pos = start;
		for (more = 1; more; more = item_at(s, pos, to, &it)) {
			switch (it.group) {
			case G_FOND:
				f = have_delo ? AF_FOLIOS : AF_FOND;
				break;
			case G_OPIS:
				f = AF_OPIS;
				break;
			case G_PAPKA:
				/* "P." is papka; "p." after delo is pages */
				f = it.kwlen == 2 && s[it.kw] == 'p' &&
				    have_delo ? AF_FOLIOS : AF_PAPKA;
				break;
			case G_DELO:
				f = AF_DELO;
				break;
			default:
				f = AF_FOLIOS;
				break;
			}
			if (ch->have[f])
				break;
			ch->have[f] = 1;
			ch->va[f] = it.val;
			ch->vn[f] = it.vallen;
			if (f == AF_DELO)
				have_delo = 1;
			count++;
			ch->b = pos = it.end;
			/* separators ("\\G\\.?[\\s,:]*"), and a year standing
			 * between items */
			if (pos < to && s[pos] == '.')
				pos++;
			while (pos < to && (ascii_space(u[pos]) ||
			    s[pos] == ',' || s[pos] == ':'))
				pos++;
			if (pos < to && (s[pos] == '1' || s[pos] == '2') &&
			    rx_match(crx->year_sep, s, to, pos) &&
			    item_at(s, rx_end(crx->year_sep), to, &after_year))
				pos = rx_end(crx->year_sep);
			if (f == AF_FOLIOS)
				break;
		}
		if (count >= 2 && (ch->have[AF_FOND] || ch->have[AF_OPIS] ||
		    ch->have[AF_DELO]))
			return 1;
		pos = start + 1;
		while (pos < to && ((unsigned char)s[pos] & 0xC0) == 0x80)
			pos++;
	}
	return 0;
}

/* The archive named just before a chain at pos (clause from a). */
static size_t
archive_before(const char *s, size_t a, size_t pos, char **out,
    const char *inherit)
{
	size_t e = pos, i, depth, t, off, n;

	while (e > a && (ascii_space((unsigned char)s[e - 1]) || s[e - 1] == ',' ||
	    s[e - 1] == ':'))
		e--;
	if (e > a && s[e - 1] == ')') {
		depth = 0;
		for (i = e; i-- > a; ) {
			if (s[i] == ')')
				depth++;
			else if (s[i] == '(' && --depth == 0)
				break;
		}
		if (i < e && s[i] == '(' &&
		    rx_match(rx_paren_abbr, s + i, e - i, 0)) {
			rx_group(rx_paren_abbr, 1, &off, &n);
			if (archive_like(s + i + off, n) || n <= 12) {
				define_archive(s + i + off, n);
				set(out, s + i + off, n);
				/* back to the full name before the parenthesis */
				for (t = i; t > a; t--)
					if (s[t - 1] == ',' || s[t - 1] == ';' ||
					    s[t - 1] == ':' || s[t - 1] == '(' ||
					    s[t - 1] == '[' || s[t - 1] == '\0')
						break;	/* strchr(",;:([") */
				return ascii_skip_space(s, t, i);
			}
		}
	}
	/* the words after the last comma, parenthesis or colon */
	for (t = e; t > a; t--)
		if (s[t - 1] == ',' || s[t - 1] == ';' || s[t - 1] == '(' ||
		    s[t - 1] == ')' || s[t - 1] == ':' || s[t - 1] == '[')
			break;
	while (t < e && (ascii_space((unsigned char)s[t]) || s[t] == '"' ||
	    s[t] == '*' || is_close_curly(s, e, t)))
		t += is_close_curly(s, e, t) ? 3 : 1;
	/* "see the Archive of ..." */
	while (t < e && (unsigned char)(s[t] - 'a') < 26) {
		while (t < e && !ascii_space((unsigned char)s[t]))
			t++;
		while (t < e && ascii_space((unsigned char)s[t]))
			t++;
	}
	if (archive_like(s + t, e - t)) {
		set(out, s + t, e - t);
		return t;
	}
	set(out, inherit, strlen(inherit));
	return pos;
}

/* Is the quoted span t a title?  pre is the clause before it. */
static int
quoted_title(const char *s, size_t ca, size_t cb, const struct title *t)
{
	size_t i = t->b, k;

	if (t->ib - t->ia < 4)
		return 0;
	/* a quotation holds sentences or omissions; a title does not */
	for (k = t->ia; k + 2 < t->ib; k++)
		if ((s[k] == '.' && s[k + 1] == ' ' &&
		    ascii_upper((unsigned char)s[k + 2]) &&
		    !abbrev_before(s, k)) || (s[k] == '[' &&
		    (strncmp(s + k, "[...]", 5) == 0 ||
		    strncmp(s + k, "[…]", 5) == 0)))
			return 0;
	while (i < cb && (s[i] == ',' || s[i] == '.' || s[i] == ' '))
		i++;
	if (i < cb && s[i] == '(' && i + 1 < cb && !islower((unsigned char)s[i + 1]))
		return !rx_match(rx_speech_before, s + ca, t->a - ca, 0);
	if (i < cb && s[i] == '*')
		return 1;
	if (rx_match(rx_in, s, cb, t->b) || window_match(rx_paper, may_paper,
	    s + i, cb - i, 40) || window_match(rx_url, may_url, s + i,
	    cb - i, 12) || window_match(rx_thesis, may_thesis, s + i, cb - i,
	    20))
		return 1;
	for (k = i; k < cb && s[k] != ',' && s[k] != ':' && s[k] != '.'; k++)
		;
	if (k > i && archive_like(s + i, k - i))
		return 1;
	if (rx_match(rx_speech_before, s + ca, t->a - ca, 0))
		return 0;
	k = ascii_skip_space(s, ca, t->a);
	if (k == t->a)
		return 1;	/* the clause opens with it */
	return rx_match(rx_author, s + ca, t->a - ca, 0) ||
	    (t->a - ca >= 4 && (memcmp(s + t->a - 4, "see ", 4) == 0 ||
	    memcmp(s + t->a - 3, "in ", 3) == 0));
}

static int
italic_title(const char *s, size_t ca, size_t cb, const struct title *t)
{
	size_t i = t->b, k;

	if (t->ib - t->ia < 3)
		return 0;
	if (may_ibid(s + t->a, t->b - t->a) &&
	    rx_match(rx_ibid, s + t->a, t->b - t->a, 0))
		return 0;
	/* "[translation]" and "(translation)" may stand before the details */
	i = ascii_skip_space(s, i, cb);
	while (i < cb && (s[i] == '[' || s[i] == '(')) {
		char close = s[i] == '[' ? ']' : ')';

		for (k = i; k < cb && s[k] != close; k++)
			;
		if (k >= cb)
			break;
		if (s[i] == '(' && rx_match(rx_yearparen, s + i, k + 1 - i, 0))
			return 1;
		i = ascii_skip_space(s, k + 1, cb);
	}
	i = t->b;
	while (i < cb && (s[i] == ',' || s[i] == ' '))
		i++;
	if (i < cb && (isdigit((unsigned char)s[i]) ||
	    window_match(rx_thesis, may_thesis, s + i, cb - i, 24) ||
	    strncmp(s + i, "vol", 3) == 0 || strncmp(s + i, "Vol", 3) == 0 ||
	    strncmp(s + i, "ed.", 3) == 0 || strncmp(s + i, "No", 2) == 0 ||
	    strncmp(s + i, "Issue", 5) == 0 || strncmp(s + i, "p.", 2) == 0))
		return 1;
	if (rx_match(rx_newsdate, s, cb, t->b))
		return 1;
	if (ascii_skip_space(s, ca, t->a) == t->a)
		return 1;
	return rx_match(rx_author, s + ca, t->a - ca, 0) ||
	    (t->a - ca >= 3 && memcmp(s + t->a - 3, "in ", 3) == 0);
}

/* Fill the published details of c from its span [a, b). */
static void
details(const char *s, struct cite *c, size_t pre, size_t a, size_t b,
    size_t title_end, int title_type)
{
	/* each pattern only where the words or marks it needs are: from
	 * a, from the title's end, or from pre to b */
	int frus = may_frus(s + a, b - a),
	    paren = memchr(s + title_end, '(', b - title_end) != NULL;
	size_t n, i;
	const char *p;
	int journal, g;

	if (may_url(s + a, b - a) && rx_match(rx_url, s, b, a) &&
	    rx_start(rx_url) < b) {
		n = rx_end(rx_url) - rx_start(rx_url);
		while (n > 0 && strchr(".,;", s[rx_start(rx_url) + n - 1]))
			n--;
		set(&c->url, s + rx_start(rx_url), n);
	}
	/* "acce": caselessly, "accessed" may hold the long s */
	if (has_word_ci(s + a, b - a, "acce") &&
	    rx_match(rx_accessed, s, b, a) && rx_start(rx_accessed) < b)
		set_group(&c->accessed, rx_accessed, s, 1);
	if (paren && rx_match(rx_pubparen, s, b, title_end) &&
	    rx_start(rx_pubparen) < b) {
		set_group(&c->place, rx_pubparen, s, 1);
		set_group(&c->publisher, rx_pubparen, s, 2);
		set_group(&c->year, rx_pubparen, s, 3);
	} else if (paren && rx_match(rx_yearparen, s, b, title_end) &&
	    rx_start(rx_yearparen) < b)
		set_group(&c->year, rx_yearparen, s, 1);
	if (has_word_ci(s + title_end, b - title_end, "vol") &&
	    rx_match(rx_volume, s, b, title_end) && rx_start(rx_volume) < b)
		set_group(&c->volume, rx_volume, s, 1);
	if (has_word_ci(s + title_end, b - title_end, "doc") &&
	    rx_match(rx_docno, s, b, title_end) && rx_start(rx_docno) < b)
		set_group(&c->number, rx_docno, s, 1);
	/* "*FRUS, 1964-1968, Volume XXX*": the volume inside the title */
	if (c->volume == NULL && frus && rx_match(rx_frus, s, b, a) &&
	    rx_match(rx_volume, s, b, rx_start(rx_frus)) &&
	    rx_start(rx_volume) < b)
		set_group(&c->volume, rx_volume, s, 1);
	if (c->number == NULL && has_word_ci(s + a, b - a, "paper") &&
	    rx_match(rx_paperno, s, b, a) && rx_start(rx_paperno) < b)
		set_group(&c->number, rx_paperno, s, 1);
	/* the page and journal patterns need a digit */
	if (ascii_find_digit(s + a, b - a) != NULL &&
	    rx_match(rx_pages, s + a, b - a, 0))
		set_group(&c->pages, rx_pages, s + a, 1);
	journal = ascii_find_digit(s + title_end, b - title_end) != NULL &&
	    rx_match(rx_journal, s + title_end, b - title_end, 0);
	/* "Title," Journal 9, no. 2 (2003): the journal in plain type */
	if (journal && title_type == T_QUOTED && c->container == NULL &&
	    rx_match(rx_plain_journal, s, b, title_end)) {
		set_group(&c->container, rx_plain_journal, s, 1);
		c->volume = NULL;
		set_group(&c->volume, rx_plain_journal, s, 2);
		set_group(&c->issue, rx_plain_journal, s, 3);
	}
	/* "*Korea Journal* 41, no. 2 (2001)": the volume and issue after
	 * the journal's title (a working paper's number is no issue) */
	if (journal && c->container != NULL && c->issue == NULL &&
	    c->number == NULL &&
	    (p = find_bytes(s + title_end, b - title_end, c->container,
	    strlen(c->container))) != NULL &&
	    rx_match(rx_volissue, s, b, (size_t)(p - s) + strlen(c->container))) {
		if (c->volume == NULL)
			set_group(&c->volume, rx_volissue, s, 1);
		for (g = 2; g <= 4; g++)
			if (c->issue == NULL)
				set_group(&c->issue, rx_volissue, s, g);
	}
	i = title_end;
	if (frus && rx_match(rx_frus, s + a, b - a, 0))
		c->kind = title_type == T_QUOTED ? CITE_CHAPTER : CITE_BOOK;
	else if (may_thesis(s + pre, b - pre) &&
	    rx_match(rx_thesis, s + pre, b - pre, 0))
		c->kind = CITE_THESIS;
	else if (may_paper(s + pre, b - pre) &&
	    rx_match(rx_paper, s + pre, b - pre, 0))
		c->kind = CITE_PAPER;
	else if (title_type == T_QUOTED && rx_match(rx_in, s, b, i))
		c->kind = CITE_CHAPTER;
	else if (title_type == T_QUOTED && (c->container != NULL || journal))
		c->kind = CITE_ARTICLE;
	else if (title_type == T_ITALIC && rx_match(rx_newsdate, s, b, i))
		c->kind = CITE_ARTICLE;
	else if (c->year != NULL && (title_type == T_ITALIC || c->publisher))
		c->kind = CITE_BOOK;
	else if (c->url != NULL)
		c->kind = CITE_WEB;
	else
		return;
	c->full = 1;
}

/* Author before a title: the names right before it, and a surname. */
static void
author(const char *s, struct cite *c, size_t a, size_t ta)
{
	size_t off, n, e;

	if (ta <= a || !rx_match(rx_author, s + a, ta - a, 0))
		return;
	rx_group(rx_author, 1, &off, &n);
	/* "See also X", "Cf. X": the words that lead in are no name */
	for (;;) {
		static const char *const lead[] = { "See ", "Also ", "Cf. ",
		    "In ", "For ", "And ", "Compare ", NULL };
		const char *const *l;

		for (l = lead; *l; l++)
			if (n > strlen(*l) && strncmp(s + a + off, *l,
			    strlen(*l)) == 0)
				break;
		if (*l == NULL)
			break;
		off += strlen(*l);
		n -= strlen(*l);
		while (n > 0 && s[a + off] == ' ')
			off++, n--;
		if (n > 5 && strncmp(s + a + off, "also ", 5) == 0)
			off += 5, n -= 5;
	}
	set(&c->author, s + a + off, n);
	/* the first author's last word */
	for (e = 0; c->author[e] && c->author[e] != ',' &&
	    strncmp(c->author + e, " and ", 5) != 0 &&
	    strncmp(c->author + e, " & ", 3) != 0; e++)
		;
	n = e;
	while (n > 0 && c->author[n - 1] != ' ')
		n--;
	c->surname = keep_key(c->author + n, e - n);
}

/* An archive's name; "Full Name (ABBR)" gives the abbreviation. */
static void
set_archive(char **out, const char *s, size_t n)
{
	size_t i;
	size_t off, len;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n > 0 && s[n - 1] == ')')
		for (i = n - 1; i-- > 0; )
			if (s[i] == '(') {
				if (rx_match(rx_paren_abbr, s + i, n - i, 0)) {
					rx_group(rx_paren_abbr, 1, &off, &len);
					define_archive(s + i + off, len);
					set(out, s + i + off, len);
					return;
				}
				break;
			}
	set(out, s, n);
}

/* Fond, delo and folios named among other coordinates. */
static void
coords_fields(struct cite *c)
{
	const char *s = c->coords;
	size_t len = strlen(s), pos, off, n, voff, vn;
	int f;

	/* a file number and its pages: "109-00831-03, 2-3" */
	if ((n = file_number_len(s, 0, len)) > 0) {
		set(&c->af[AF_DELO], s, n);
		if (rx_match(rx_pages, s, len, n) && rx_start(rx_pages) == n)
			set_group(&c->af[AF_FOLIOS], rx_pages, s, 1);
		return;
	}
	/* Hungarian: "XIX-J-1-j", "288. f.", "5/402. ő.e.", "4. doboz" */
	for (pos = 0; pos < len && rx_match(rx_hungarian, s, len, pos); ) {
		static const struct {
			const char *group;
			int         field;
		} hu[] = { { "code", AF_FOND }, { "f", AF_FOND },
		    { "cs", AF_OPIS }, { "oa", AF_OPIS }, { "oe", AF_DELO },
		    { "doboz", AF_PAPKA }, { "item", AF_DELO },
		    { "tetel", AF_DELO } };
		size_t i;

		pos = rx_end(rx_hungarian);
		for (i = 0; i < sizeof(hu) / sizeof(hu[0]); i++)
			if (rx_named(rx_hungarian, hu[i].group, &voff, &vn) &&
			    *c->af[hu[i].field] == '\0')
				set(&c->af[hu[i].field], s + voff, vn);
	}
	for (pos = 0; pos < len && rx_match(crx->chain, s, len, pos); ) {
		pos = rx_end(crx->chain);
		rx_named(crx->chain, "val", &voff, &vn);
		f = rx_named(crx->chain, "fond", &off, &n) ? AF_FOND :
		    rx_named(crx->chain, "opis", &off, &n) ? AF_OPIS :
		    rx_named(crx->chain, "delo", &off, &n) ? AF_DELO :
		    rx_named(crx->chain, "list", &off, &n) ? AF_FOLIOS : -1;
		if (f < 0 && rx_named(crx->chain, "papka", &off, &n) && n > 2)
			f = AF_PAPKA;	/* "sv. 12", not "p. 7" */
		if (f > 0 && *c->af[f] == '\0')
			set(&c->af[f], s + voff, vn);
	}
	/* German federal archive: "DY 30/IV 2/2.035/137" is holding and
	 * file */
	if (rx_match(rx_barch, c->af[AF_ARCHIVE], strlen(c->af[AF_ARCHIVE]), 0) &&
	    rx_match(rx_barch_sig, s, len, 0)) {
		if (*c->af[AF_FOND] == '\0')
			set_group(&c->af[AF_FOND], rx_barch_sig, s, 1);
		if (*c->af[AF_DELO] == '\0')
			set_group(&c->af[AF_DELO], rx_barch_sig, s, 2);
	}
}

/* "AAN, KC PZPR, sygn. ...": the name before the chain is a holding
 * (fond) of the known archive that opens the clause; with a fond of
 * its own ("SÚA, A ÚV KSČ, f. 02/1") it is a part of that archive, and
 * the archive is both names as printed.  The chain starts at chain.
 * Returns the new start of the citation. */
static size_t
archive_holding(const char *s, size_t a, size_t t, size_t chain,
    struct cite *c)
{
	size_t b, e, n, len;

	if (!*c->af[AF_ARCHIVE] || known_archive(c->af[AF_ARCHIVE],
	    len = strlen(c->af[AF_ARCHIVE])))
		return t;
	b = ascii_skip_space(s, a, t);
	for (e = b; e < t && s[e] != ',' && s[e] != ';'; e++)
		;
	if (e >= t || e == b)
		return t;
	n = e;
	while (n > b && s[n - 1] == ' ')
		n--;
	if (!known_archive(s + b, n - b))
		return t;
	if (*c->af[AF_FOND]) {
		if (t + len > chain || memcmp(s + t, c->af[AF_ARCHIVE],
		    len) != 0)
			return t;
		c->af[AF_ARCHIVE] = dupn(s + b, t + len - b);
		return b;
	}
	c->af[AF_FOND] = c->af[AF_ARCHIVE];
	c->af[AF_ARCHIVE] = dupn(s + b, n - b);
	return b;
}

static int
after_hereafter(const char *s, size_t a, size_t ta)
{
	size_t k = ta;

	while (k > a && strchr(" ,:", s[k - 1]))
		k--;
	if (k >= a + 9 && strncasecmp(s + k - 9, "hereafter", 9) == 0)
		return 1;
	return k >= a + 9 + 9 &&
	    strncasecmp(s + k - 18, "hereafter cited as", 18) == 0;
}

/* The words a clause without citations is searched for before its
 * patterns run (has_word_ci() of "upra", "cit" and "hereafter",
 * may_frus() and may_url()), found in one pass over its bytes: a bit
 * each.  CW_UNKNOWN: not looked for yet. */
enum { CW_UPRA = 1, CW_CIT = 2, CW_HEREAFTER = 4, CW_FRUS = 8, CW_URL = 16,
    CW_UNKNOWN = 32 };

static int
bytes_at(const char *s, size_t left, const char *lit, size_t n)
{
	return left >= n && memcmp(s, lit, n) == 0;
}

static unsigned
clause_words(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned found = 0;
	size_t i;

	/* only "U" and "u" or'ed with 0x20 give "u", and so on */
	for (i = 0; i < n; i++)
		switch (u[i] | 0x20) {
		case 'u':
			if (ascii_starts_ci(s + i, n - i, "upra"))
				found |= CW_UPRA;
			break;
		case 'c':
			if (ascii_starts_ci(s + i, n - i, "cit"))
				found |= CW_CIT;
			break;
		case 'h':
			if (ascii_starts_ci(s + i, n - i, "hereafter"))
				found |= CW_HEREAFTER;
			if (bytes_at(s + i, n - i, "http", 4))
				found |= CW_URL;
			break;
		case 'f':
			if (bytes_at(s + i, n - i, "Foreign", 7) ||
			    bytes_at(s + i, n - i, "FRUS", 4))
				found |= CW_FRUS;
			break;
		case 'w':
			if (bytes_at(s + i, n - i, "www.", 4))
				found |= CW_URL;
			break;
		default:
			break;
		}
	return found;
}

/* A title in plain type, in a clause without quoted or italic ones:
 * "Author, Title (Place: Publisher, Year), 12", "Title, Foreign
 * Relations of the United States, ..., Document 78", or the short form
 * "Author, Title, 12", which resolution keeps only when it names an
 * earlier work of that author. */
static int
plain_title(const char *s, size_t ca, size_t cb, unsigned words,
    struct cites *out)
{
	struct cite *c;
	size_t p, ta, te, off, n, k;
	int frus = 0;

	/* each pattern needs the words or marks tested before it */
	if ((words & CW_FRUS) && rx_match(rx_frus, s + ca, cb - ca, 0)) {
		p = ca + rx_start(rx_frus);
		frus = 1;
	} else if ((words & CW_URL) &&
	    rx_match(rx_url, s + ca, cb - ca, 0)) {
		/* "Site Name, http://... (accessed ...)" */
		p = ca + rx_start(rx_url);
		ta = ascii_skip_space(s, ca, p);
		for (te = p; te > ta && strchr(" ,.:;<(", s[te - 1]); te--)
			;
		if (te <= ta || memchr(s + ta, ' ', te - ta) == NULL ||
		    !(isupper((unsigned char)s[ta]) ||
		    (unsigned char)s[ta] >= 0xC0) || te - ta > 200)
			return 0;
		c = new_cite(out, CITE_WEB, ta, cb);
		set(&c->title, s + ta, te - ta);
		c->key = keep_key(c->title, strlen(c->title));
		details(s, c, ca, ca, cb, te, T_QUOTED);
		c->kind = CITE_WEB;
		c->full = 1;
		return 1;
	} else if (memchr(s + ca, '(', cb - ca) != NULL &&
	    rx_match(rx_pubparen, s + ca, cb - ca, 0))
		p = ca + rx_start(rx_pubparen);
	else if (memchr(s + ca, ',', cb - ca) == NULL)
		return 0;
	else if (rx_match(rx_plain_short, s + ca, cb - ca, 0) &&
	    !rx_match(rx_coordany, s + ca, cb - ca, 0)) {
		c = new_cite(out, CITE_SHORT, ca, cb);
		c->plain = 1;
		rx_group(rx_plain_short, 1, &off, &n);
		c->surname = keep_key(s + ca + off, n);
		c->author = dupn(s + ca + off, n);
		c->start = ca + off;
		rx_group(rx_plain_short, 2, &off, &n);
		set(&c->title, s + ca + off, n);
		c->key = keep_key(c->title, strlen(c->title));
		if (rx_match(rx_pages, s + ca, cb - ca, 0))
			set_group(&c->pages, rx_pages, s + ca, 1);
		return 1;
	} else if (ascii_find_digit(s + ca, cb - ca) != NULL &&
	    rx_match(rx_plain_named, s + ca, cb - ca, 0) &&
	    !rx_match(rx_coordany, s + ca, cb - ca, 0) &&
	    rx_group(rx_plain_named, 1, &off, &n) &&
	    trailing_file_number(s + ca, off, off + n) == off + n) {
		/* a title the paper named with "hereafter"; not "PRC FMA
		 * 109-00831-03, 2-3", an archive and a file */
		c = new_cite(out, CITE_SHORT, ca, cb);
		c->plain = 1;
		c->start = ca + off;
		set(&c->title, s + ca + off, n);
		c->key = keep_key(c->title, strlen(c->title));
		if (rx_match(rx_pages, s + ca, cb - ca, 0))
			set_group(&c->pages, rx_pages, s + ca, 1);
		return 1;
	} else
		return 0;
	c = new_cite(out, CITE_OTHER, ca, cb);
	ta = ca;
	if (!frus) {
		/* the author's names, up to the first comma */
		for (k = ca; k < p && s[k] != ','; k++)
			;
		if (k >= p)
			goto fail;
		author(s, c, ca, k + 1);
		if (c->author == NULL || strlen(c->author) + 12 < k - ca)
			goto fail;
		ta = k + 1;
	}
	ta = ascii_skip_space(s, ta, p);
	/* "Title, ed. X", "Title, trans. Y": the title ends before */
	for (te = ta; te < p; te++)
		if (s[te] == ',' && te + 2 < p && s[te + 1] == ' ' &&
		    islower((unsigned char)s[te + 2]))
			break;
	while (te > ta && strchr(" ,.:;", s[te - 1]) != NULL)
		te--;
	if (frus && te == ta) {
		/* the volume itself is the title */
		ta = p;
		for (te = ta; te < cb && s[te] != '(' && !(s[te] == ',' &&
		    rx_match(rx_docno, s, cb, te) &&
		    rx_start(rx_docno) <= te + 2) && !(s[te] == ',' &&
		    te + 2 < cb && isdigit((unsigned char)s[te + 2]) &&
		    rx_match(rx_pages, s, cb, te) && rx_start(rx_pages) == te);
		    te++)
			;
		while (te > ta && strchr(" ,.:;", s[te - 1]) != NULL)
			te--;
	} else if (te == ta || !(isupper((unsigned char)s[ta]) ||
	    (unsigned char)s[ta] >= 0xC0) || memchr(s + ta, ' ', te - ta) == NULL)
		goto fail;
	set(&c->title, s + ta, te - ta);
	c->key = keep_key(c->title, strlen(c->title));
	if (frus && ta != p) {
		for (k = p; k < cb && s[k] != '(' && !(s[k] == ',' &&
		    rx_match(rx_docno, s, cb, k) &&
		    rx_start(rx_docno) <= k + 2) && !(s[k] == ',' &&
		    rx_match(rx_volume, s, cb, k) &&
		    rx_start(rx_volume) <= k + 2); k++)
			;
		while (k > p && strchr(" ,.:;", s[k - 1]) != NULL)
			k--;
		set(&c->container, s + p, k - p);
	}
	details(s, c, ca, ca, cb, te, frus && ta != p ? T_QUOTED : T_ITALIC);
	if (frus && !c->full) {
		c->kind = CITE_BOOK;
		c->full = 1;
	}
	if (frus && ta == p && c->number != NULL) {
		/* "FRUS, 1961-1963, vol. XXII, doc. 215": a document of
		 * the volume */
		c->kind = CITE_CHAPTER;
		c->container = c->title;
		for (te = cb; te > ca && strchr(" ,.;", s[te - 1]) != NULL; te--)
			;
		c->title = dupn(s + p, te - p);
		c->key = keep_key(c->title, strlen(c->title));
	}
	if (c->full)
		return 1;
fail:
	out->n--;
	return 0;
}

static void
parse_clause(const char *s, size_t ca, size_t cb, struct cites *out,
    const char **archive)
{
	struct title t[32];
	struct chain ch;
	struct cite *c, *cur = NULL;
	size_t nt, i, pos, end, k, off = 0, n, first = out->n;
	size_t cstart = ca;
	unsigned words = CW_UNKNOWN;

	nt = spans(s, ca, cb, t, sizeof(t) / sizeof(t[0]));

	/* Ibid. */
	if (may_ibid(s + ca, cb - ca) && rx_match(rx_ibid, s + ca, cb - ca, 0)) {
		c = new_cite(out, CITE_IBID, ca, cb);
		if (rx_match(rx_pages, s + ca, cb - ca, 0))
			set_group(&c->pages, rx_pages, s + ca, 1);
		for (pos = ca; pos < cb && find_chain(s, pos, cb, NULL, &ch);
		    pos = ch.b)
			if (ch.have[AF_FOLIOS]) {
				set(&c->pages, s + ch.va[AF_FOLIOS],
				    ch.vn[AF_FOLIOS]);
				break;
			}
		return;
	}
	/* titles and coordinate chains, in order */
	pos = ca;
	for (i = 0; i <= nt; i++) {
		size_t limit = i < nt ? t[i].a : cb;

		/* chains before the next title */
		while (pos < limit && find_chain(s, pos, limit, NULL, &ch)) {
			size_t from = pos;

			if (cur != NULL && cur->kind != CITE_ARCHIVAL &&
			    !cur->full && cur->af[AF_FOND][0] == '\0' &&
			    cur->af[AF_DELO][0] == '\0')
				c = cur;
			else {
				c = new_cite(out, CITE_ARCHIVAL, ch.a, ch.b);
				cur = c;
			}
			c->kind = CITE_ARCHIVAL;
			c->full = 1;
			set_chain(c, s, &ch);
			k = archive_before(s, from, ch.a, &c->af[AF_ARCHIVE],
			    *archive);
			k = archive_holding(s, from, k, ch.a, c);
			if (c->title == NULL && k < c->start)
				c->start = k;
			if (c->af[AF_ARCHIVE][0])
				*archive = c->af[AF_ARCHIVE];
			c->end = ch.b;
			pos = ch.b;
		}
		if (i == nt)
			break;
		if (t[i].b <= pos && i > 0)
			continue;
		if (t[i].type == T_ITALIC && cur != NULL &&
		    cur->kind != CITE_ARCHIVAL && cur->container == NULL &&
		    cur->title != NULL && cur->end <= t[i].a) {
			/* the container of the quoted title before */
			k = cur->end;
			while (k < t[i].a && strchr(" ,.:", s[k]))
				k++;
			if (k < t[i].a && s[k] == '(') {
				while (k < t[i].a && s[k] != ')')
					k++;
				k++;
				while (k < t[i].a && strchr(" ,.:", s[k]))
					k++;
			}
			if (k + 3 <= t[i].a && memcmp(s + k, "in ", 3) == 0)
				k += 3;
			if (k == t[i].a) {
				set(&cur->container, s + t[i].ia,
				    t[i].ib - t[i].ia);
				cur->end = t[i].b;
				pos = t[i].b;
				continue;
			}
		}
		if (after_hereafter(s, ca, t[i].a))
			continue;
		/* "*Series*, vol. 3, *Volume Title* (...)": one work */
		if (t[i].type == T_ITALIC && cur != NULL && cur->title != NULL &&
		    cur->end <= t[i].a && cur->kind == CITE_OTHER &&
		    cur->author == NULL && s[cur->start] == '*' &&
		    memchr(s + cur->end, '(', t[i].a - cur->end) == NULL &&
		    !rx_match(rx_author, s + cur->end, t[i].a - cur->end, 0)) {
			cur->end = t[i].b;
			pos = t[i].b;
			continue;
		}
		if (t[i].type == T_QUOTED ? !quoted_title(s, cstart, cb, &t[i]) :
		    !italic_title(s, cstart, cb, &t[i]))
			continue;
		c = new_cite(out, CITE_OTHER, t[i].a, t[i].b);
		for (n = t[i].ib; n > t[i].ia && strchr(",.;: ", s[n - 1]); n--)
			;
		set(&c->title, s + t[i].ia, n - t[i].ia);
		c->key = keep_key(c->title, strlen(c->title));
		/* the author: names right before, after any commentary */
		author(s, c, cstart, t[i].a);
		if (c->author != NULL) {
			for (k = t[i].a; k > cstart; k--)
				if (strncmp(s + k - 1, c->author,
				    strlen(c->author)) == 0)
					break;
			if (k > cstart)
				c->start = k - 1;
		}
		k = ascii_skip_space(s, t[i].b, cb);
		while (k < cb && (s[k] == ',' || s[k] == '.'))
			k = ascii_skip_space(s, k + 1, cb);
		if (k < cb && s[k] == '(') {
			for (end = k; end < cb && s[end] != ')'; end++)
				;
			if (end < cb && end - k < 40 && t[i].type == T_QUOTED) {
				set(&c->date, s + k + 1, end - k - 1);
				if (strpbrk(c->date, "0123456789") == NULL) {
					c->date = NULL;
				}
			}
		}
		c->full = 0;
		c->end = t[i].b;
		cur = c;
		pos = t[i].b;
		cstart = t[i].b;
	}
	/* each citation runs to the next one; fill its details */
	for (i = first; i < out->n; i++) {
		c = &out->v[i];
		end = i + 1 < out->n ? out->v[i + 1].start : cb;
		if (c->end < end)
			c->end = end;
		while (c->end > c->start && (isspace((unsigned char)s[c->end - 1])
		    || s[c->end - 1] == ';'))
			c->end--;
		if (c->kind == CITE_ARCHIVAL || c->title == NULL)
			continue;
		k = 0;
		for (n = 0; n < nt; n++)
			if (t[n].a == c->start ||
			    (t[n].ia <= c->start + strlen(c->author ? c->author : "") + 8 &&
			    s + t[n].ia < s + c->end &&
			    strncmp(s + t[n].ia, c->title, strlen(c->title)) == 0)) {
				k = t[n].b;
				off = (size_t)t[n].type;
				break;
			}
		if (k == 0)
			continue;
		details(s, c, i == first ? ca : out->v[i - 1].end, c->start,
		    c->end, k, (int)off);
		/* a title named by an archive after it: "(date), Archive" */
		if (!c->full) {
			size_t p = k, q;

			p = ascii_skip_space(s, p, c->end);
			while (p < c->end && (s[p] == ',' || s[p] == '.'))
				p = ascii_skip_space(s, p + 1, c->end);
			if (p < c->end && s[p] == '(') {
				while (p < c->end && s[p] != ')')
					p++;
				p++;
			}
			while (p < c->end && (s[p] == ',' || s[p] == ' '))
				p++;
			for (q = p; q < c->end && s[q] != ',' && s[q] != ':' &&
			    s[q] != ';'; q++)
				;
			while (q > p && (s[q - 1] == '.' || s[q - 1] == ' '))
				q--;
			if (q > p && archive_like(s + p, q - p) &&
			    (rx_match(rx_coordword, s, c->end, q) ||
			    rx_match(rx_coordany, s + q, c->end - q, 0))) {
				c->kind = CITE_ARCHIVAL;
				c->full = 1;
				set_archive(&c->af[AF_ARCHIVE], s + p, q - p);
				while (q < c->end && strchr(",: ", s[q]))
					q++;
				n = c->end;
				while (n > q && strchr(".;, ", s[n - 1]) != NULL)
					n--;
				set(&c->coords, s + q, n - q);
				coords_fields(c);
			}
		}
	}
	/* "X, "Title" and Y, "Title", *Journal*": the first shares the
	 * second's details */
	for (i = out->n; i-- > first + 1; ) {
		struct cite *p = &out->v[i - 1];

		if (!p->full && out->v[i].full && p->title != NULL &&
		    out->v[i].kind != CITE_ARCHIVAL) {
			for (k = p->end; k > p->start && s[k - 1] != ' '; k--)
				;
			pos = p->start;
			for (k = pos; k + 5 < out->v[i].start; k++)
				if (memcmp(s + k, " and ", 5) == 0 && k > p->start &&
				    k >= p->start + strlen(p->title))
					break;
			if (k + 5 < out->v[i].start) {
				p->kind = out->v[i].kind;
				p->full = 1;
			}
		}
	}
	/* a clause without titles: op. cit., supra, "our No. 70", or an
	 * archive with coordinates of another kind */
	if (out->n == first) {
		int supra, digit;

		words = clause_words(s + ca, cb - ca);
		supra = (words & CW_UPRA) &&
		    rx_match(rx_supra, s + ca, cb - ca, 0);
		digit = ascii_find_digit(s + ca, cb - ca) != NULL;
		if (supra || ((words & CW_CIT) &&
		    rx_match(rx_opcit, s + ca, cb - ca, 0))) {
			struct rx *r = supra ? rx_supra : rx_opcit;

			c = new_cite(out, CITE_SHORT, ca, cb);
			c->opcit = 1;
			if (r == rx_supra && rx_group(rx_supra, 1, &off, &n))
				c->ref = strtol(s + ca + off, NULL, 10);
			k = ca + rx_start(r);
			author(s, c, ca, k);
		} else if (plain_title(s, ca, cb, words, out))
			;
		else if (digit && rx_match(rx_ownref, s + ca, cb - ca, 0))
			new_cite(out, CITE_OTHER, ca, cb);
		else if (digit && rx_match(rx_recgroup, s + ca, cb - ca, 0)) {
			/* "RG 59, Central Files, Box 3, NARA": the archive
			 * may come last */
			size_t q = ca, q0;

			c = new_cite(out, CITE_ARCHIVAL, ca, cb);
			c->full = 1;
			for (k = ca; k < cb; k = q + 1) {

				k = ascii_skip_space(s, k, cb);
				for (q = k; q < cb && s[q] != ','; q++)
					;
				q0 = q;
				while (q0 > k && strchr(".; ", s[q0 - 1]))
					q0--;
				if (q0 > k && (known_archive(s + k, q0 - k) ||
				    archive_word(s + k, q0 - k))) {
					set_archive(&c->af[AF_ARCHIVE], s + k,
					    q0 - k);
					break;
				}
			}
			n = cb;
			while (n > ca && strchr(".;, ", s[n - 1]) != NULL)
				n--;
			set(&c->coords, s + ca, n - ca);
		} else {
			/* a source or note naming an archive with coordinates
			 * of another kind: "NARA, RG 59, Box 3" */
			size_t stop = ca;	/* the first , : or ; from k */
			int filed;		/* a file number ends k..q */

			for (k = ca; k < cb; k++) {
				size_t q;

				/* a capital (or a letter past ASCII) opening a
				 * word: the byte first, the rarer test */
				while (k < cb && !ascii_upper((unsigned char)s[k]) &&
				    (unsigned char)s[k] < 0xC0)
					k++;
				if (k >= cb)
					break;
				if (k > ca && s[k - 1] != ' ' && s[k - 1] != '(' &&
				    s[k - 1] != ',')
					continue;
				if (stop < k)
					stop = k;
				while (stop < cb && s[stop] != ',' &&
				    s[stop] != ':' && s[stop] != ';')
					stop++;
				/* archive names are short */
				q = stop < k + 160 ? stop : k + 160;
				if ((n = known_prefix(s + k, cb - k)) > 0 &&
				    k + n < cb && s[k + n] == ' ' &&
				    isdigit((unsigned char)s[k + n + 1]))
					q = k + n;
				/* "Shanghai Municipal Archives B103-4-120" */
				n = trailing_file_number(s, k, q);
				if ((filed = n < q))
					for (q = n; q > k && s[q - 1] == ' '; q--)
						;
				/* archive_like() without its acronyms */
				if (q > k && q < cb && q - k <= 120 &&
				    (known_archive(s + k, q - k) ||
				    archive_word(s + k, q - k)) && (filed ||
				    rx_match(rx_coordword, s, cb, q) ||
				    rx_match(rx_coordany, s + q, cb - q, 0))) {
					c = new_cite(out, CITE_ARCHIVAL, k, cb);
					c->full = 1;
					set_archive(&c->af[AF_ARCHIVE], s + k,
					    q - k);
					while (q < cb && strchr(",: ", s[q]))
						q++;
					n = cb;
					while (n > q && strchr(".;, ", s[n - 1]) != NULL)
						n--;
					set(&c->coords, s + q, n - q);
					coords_fields(c);
					break;
				}
			}
		}
	}
	/* hereafter "Short Title" */
	if (out->n > 0 && (words == CW_UNKNOWN ? has_word_ci(s + ca, cb - ca,
	    "hereafter") : (words & CW_HEREAFTER) != 0) &&
	    rx_match(rx_hereafter_title, s + ca, cb - ca, 0)) {
		if (!rx_group(rx_hereafter_title, 1, &off, &n))
			rx_group(rx_hereafter_title, 2, &off, &n);
		c = &out->v[out->n - 1];
		c->defines = keep_key(s + ca + off, n);
	}
}

/* Could rx_xref match at the bracket s[i]?  After its "[" or "(" come
 * the words "e.g.", "see", "cf.", "also", "and", each with commas and
 * white space after it, then "*" and "_", then "doc" in any case (no
 * letter of it has a caseless form past ASCII).  No two of these can
 * open with one byte: there is one place where "doc" may stand. */
static int
may_xref_at(const char *s, size_t len, size_t i)
{
	static const char *const lead[] = { "e.g.", "see", "cf.", "also",
	    "and", NULL };
	const unsigned char *u = (const unsigned char *)s;
	const char *const *w;
	size_t j, k;

	for (j = i + 1; j < len && (s[j] == 'e' || s[j] == 's' ||
	    s[j] == 'c' || s[j] == 'a'); ) {
		for (w = lead; *w != NULL; w++)
			if ((k = strlen(*w)) <= len - j &&
			    memcmp(s + j, *w, k) == 0)
				break;
		if (*w == NULL)
			break;
		for (j += k; j < len && (s[j] == ',' || ascii_space(u[j])); j++)
			;
	}
	while (j < len && (s[j] == '*' || s[j] == '_'))
		j++;
	return len - j >= 3 && (u[j] | 0x20) == 'd' &&
	    (u[j + 1] | 0x20) == 'o' && (u[j + 2] | 0x20) == 'c';
}

/* Could rx_xref match in s? */
static int
may_xref(const char *s, size_t len)
{
	const char *p, *e = s + len;
	int open;

	for (open = 0; open < 2; open++)
		for (p = s; (p = memchr(p, open ? '(' : '[',
		    (size_t)(e - p))) != NULL; p++)
			if (may_xref_at(s, len, (size_t)(p - s)))
				return 1;
	return 0;
}

static void
crossrefs(const char *s, size_t len, struct cites *out)
{
	size_t pos = 0, off, n, a, e, k, first;
	struct cite *c;

	if (!may_xref(s, len))
		return;

	while (pos < len && rx_match(rx_xref, s, len, pos)) {
		a = rx_start(rx_xref);
		first = out->n;
		pos = rx_end(rx_xref);
		rx_group(rx_xref, 1, &off, &n);
		c = new_cite(out, CITE_CROSSREF, a, pos);
		c->ref = strtol(s + off, NULL, 10);
		c->full = 1;
		while (rx_match(rx_xref_more, s, len, pos)) {
			rx_group(rx_xref_more, 1, &off, &n);
			c = new_cite(out, CITE_CROSSREF, a, rx_end(rx_xref_more));
			c->ref = strtol(s + off, NULL, 10);
			c->full = 1;
			pos = rx_end(rx_xref_more);
		}
		/* the spans reach the closing bracket */
		for (e = pos; e < len && e < pos + 40 && s[e] != ']' &&
		    s[e] != ')' && s[e] != '[' && s[e] != '('; e++)
			;
		if (e < len && (s[e] == ']' || s[e] == ')'))
			for (k = first; k < out->n; k++)
				out->v[k].end = e + 1;
	}
}

static int
by_start(const void *x, const void *y)
{
	const struct cite *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->kind == CITE_CROSSREF && b->kind == CITE_CROSSREF)
		return a->ref < b->ref ? -1 : a->ref > b->ref;
	return a->kind == CITE_CROSSREF ? 1 : b->kind == CITE_CROSSREF ? -1 : 0;
}

void
cite_parse(const char *s, size_t len, struct cites *out)
{
	struct span *cv;
	size_t nc, i, first = out->n;
	const char *archive = "";
	char *kept_archive = NULL;

	compile();
	strings = &out->strings;
	nc = clauses(s, len, &cv);
	for (i = 0; i < nc; i++) {
		const char *before = archive;

		parse_clause(s, cv[i].a, cv[i].b, out, &archive);
		if (archive != before) {
			free(kept_archive);
			kept_archive = xstrdup(archive);
			archive = kept_archive;
		}
	}
	free(cv);
	free(kept_archive);
	crossrefs(s, len, out);
	/* spans end at the last non-blank before the next citation */
	if (out->n > first)
		qsort(out->v + first, out->n - first, sizeof(*out->v),
		    by_start);
	for (i = first; i < out->n; i++) {
		struct cite *c = &out->v[i];

		if (c->end > len)
			c->end = len;
		for (;;) {
			static const char *const lead[] = { " ", "and ",
			    "see also ", "see ", "cf. ", "also ", NULL };
			const char *const *l;

			for (l = lead; *l; l++)
				if (c->start < c->end && s[c->start] == **l &&
				    c->start + strlen(*l) < c->end &&
				    strncmp(s + c->start, *l, strlen(*l)) == 0)
					break;
			if (*l == NULL)
				break;
			c->start += strlen(*l);
		}
		for (;;) {
			while (c->end > c->start && strchr(" ;,", s[c->end - 1]))
				c->end--;
			if (c->end >= c->start + 4 &&
			    strncmp(s + c->end - 4, " and", 4) == 0)
				c->end -= 4;
			else
				break;
		}
		if (c->kind == CITE_OTHER && c->title != NULL && !c->full)
			c->kind = CITE_SHORT;	/* until resolution says */
	}
}

/* The coordinate chains of s[0..len) one after another, appended to
 * *v: they depend on the text alone, not on what the paper defined. */
static void
all_chains(const char *s, size_t len, const char *digit, struct chain **v,
    size_t *n, size_t *cap)
{
	struct chain ch;
	size_t pos = 0;

	while (pos < len && find_chain(s, pos, len, pos == 0 ? digit : NULL,
	    &ch)) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*v = xreallocarray(*v, *cap, sizeof(**v));
		}
		(*v)[(*n)++] = ch;
		pos = ch.b;
	}
}

struct cite_ahead {
	struct chain *v;
	size_t        n, cap;
	/* by line: its chains v[at..at + n), the length they were found
	 * in; n SIZE_MAX for a line not looked at */
	struct ahead_line { size_t at, n, len; } *line;
	size_t        nlines;
};

struct cite_ahead *
cite_ahead_new(size_t nlines)
{
	struct cite_ahead *a = xcalloc(1, sizeof(*a));
	size_t k;

	a->line = xreallocarray(NULL, nlines ? nlines : 1, sizeof(*a->line));
	a->nlines = nlines;
	for (k = 0; k < nlines; k++)
		a->line[k].n = SIZE_MAX;
	return a;
}

/* The times the patterns of set gave up */
static unsigned
gave_up(const struct chain_rx *set)
{
	return set->item->gave_up + set->chain->gave_up +
	    set->year_sep->gave_up;
}

void
cite_ahead_line(struct cite_ahead *a, size_t k, const char *s, size_t len)
{
	const char *digit;
	unsigned before;

	if (ahead_rx.item == NULL) {
		cite_init();
		compile_chains(&ahead_rx);
		ahead_rx.item->limit_reported = 1;	/* silent */
		ahead_rx.chain->limit_reported = 1;
		ahead_rx.year_sep->limit_reported = 1;
		cleanup_at_end(free_ahead_patterns);
	}
	if ((digit = ascii_find_digit(s, len)) == NULL) {
		a->line[k].at = a->n;
		a->line[k].len = len;
		a->line[k].n = 0;
		return;
	}
	before = gave_up(&ahead_rx);
	crx = &ahead_rx;
	a->line[k].at = a->n;
	all_chains(s, len, digit, &a->v, &a->n, &a->cap);
	crx = &analysis_rx;
	if (gave_up(&ahead_rx) != before) {
		a->n = a->line[k].at;	/* the analysis finds them again */
		return;
	}
	a->line[k].len = len;
	a->line[k].n = a->n - a->line[k].at;
}

void
cite_ahead_free(struct cite_ahead *a)
{
	if (a == NULL)
		return;
	free(a->v);
	free(a->line);
	free(a);
}

void
cite_parse_text(const char *s, size_t len, int brackets, struct cites *out)
{
	cite_parse_text_ahead(s, len, brackets, NULL, 0, out);
}

void
cite_parse_text_ahead(const char *s, size_t len, int brackets,
    const struct cite_ahead *a, size_t k, struct cites *out)
{
	const struct chain *v;
	struct cite *c;
	const char *digit;
	size_t pos = 0, first = out->n, i, n = 0, from;

	compile();
	strings = &out->strings;
	/* prose without digits holds neither coordinates nor references */
	if ((digit = ascii_find_digit(s, len)) == NULL)
		return;
	if (a != NULL && k < a->nlines && a->line[k].n != SIZE_MAX &&
	    a->line[k].len == len) {
		v = a->v + a->line[k].at;
		n = a->line[k].n;
	} else {
		all_chains(s, len, digit, &text_chains, &n, &text_chains_cap);
		v = text_chains;
	}
	for (i = 0; i < n; i++) {
		c = new_cite(out, CITE_ARCHIVAL, v[i].a, v[i].b);
		c->full = 1;
		set_chain(c, s, &v[i]);
		/* the archive within the sentence before */
		from = v[i].a > pos + 200 ? v[i].a - 200 : pos;
		c->start = archive_before(s, from, v[i].a, &c->af[AF_ARCHIVE],
		    "");
		pos = v[i].b;
	}
	if (brackets)
		crossrefs(s, len, out);
	if (out->n > first + 1)
		qsort(out->v + first, out->n - first, sizeof(*out->v),
		    by_start);
}

/* The chunks after the first; its strings are forgotten too. */
void
cites_clear(struct cites *cl)
{
	struct cite_chunk *ch, *next;

	cl->n = 0;
	if (cl->strings == NULL)
		return;
	for (ch = cl->strings->next; ch != NULL; ch = next) {
		next = ch->next;
		free(ch);
	}
	cl->strings->next = NULL;
	cl->strings->used = 0;
}

void
cites_free(struct cites *cl)
{
	cites_clear(cl);
	free(cl->strings);
	free(cl->v);
	memset(cl, 0, sizeof(*cl));
}

/* ---- resolution ---- */

struct entry {
	char *key, *date, *surname, *title;
	char *forename;		/* the author's first word: "Chen Jian" */
	char *af[AF_N];
	long  note, line;
	int   archival;
};

struct last_note {
	long        num;
	long        target;	/* what an Ibid. after it resolves to */
	char       *af[AF_N];	/* into held */
	struct buf  held;	/* the coordinates, one after another */
	int         valid;
};

struct cite_index {
	struct entry    *e;
	size_t           n, cap;
	struct last_note last[2];
};

struct cite_index *
cite_index_new(void)
{
	compile();
	return xcalloc(1, sizeof(struct cite_index));
}

static void
free_af(char **af)
{
	int i;

	for (i = 0; i < AF_N; i++) {
		free(af[i]);
		af[i] = NULL;
	}
}

static void
copy_af(char **dst, char *const *src)
{
	int i;

	for (i = 0; i < AF_N; i++) {
		free(dst[i]);
		dst[i] = xstrdup(src[i] ? src[i] : "");
	}
}

void
cite_index_free(struct cite_index *ix)
{
	size_t i;

	if (ix == NULL)
		return;
	for (i = 0; i < ix->n; i++) {
		free(ix->e[i].key); free(ix->e[i].date);
		free(ix->e[i].surname); free(ix->e[i].title);
		free(ix->e[i].forename);
		free_af(ix->e[i].af);
	}
	free(ix->e);
	buf_free(&ix->last[0].held);
	buf_free(&ix->last[1].held);
	free(ix);
}

static void
add_entry(struct cite_index *ix, const char *key, const struct cite *c,
    long note, long line)
{
	struct entry *e;

	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? ix->cap * 2 : 64;
		ix->e = xreallocarray(ix->e, ix->cap, sizeof(*ix->e));
	}
	e = &ix->e[ix->n++];
	memset(e, 0, sizeof(*e));
	e->key = xstrdup(key);
	e->date = c->date ? cite_key(c->date, strlen(c->date)) : xstrdup("");
	e->surname = xstrdup(c->surname ? c->surname : "");
	e->forename = cite_key(c->author ? c->author : "", c->author ?
	    strcspn(c->author, " ,") : 0);
	e->title = xstrdup(c->title ? c->title : "");
	copy_af(e->af, c->af);
	e->note = note;
	e->line = line;
	e->archival = c->kind == CITE_ARCHIVAL;
}

static int
prefix_words(const char *shortk, const char *full)
{
	size_t n = strlen(shortk);

	return strncmp(full, shortk, n) == 0 && full[n] == ' ' &&
	    strchr(shortk, ' ') != NULL;
}

/* The earlier full citation a short form repeats; NULL when none or
 * not unique (then *ambiguous is set). */
static struct entry *
find_full(struct cite_index *ix, const struct cite *c, int *ambiguous)
{
	struct entry *hit = NULL;
	char *date = c->date ? cite_key(c->date, strlen(c->date)) : NULL;
	size_t i;
	int pass;

	*ambiguous = 0;
	for (pass = 0; pass < 3 && hit == NULL; pass++) {
		for (i = 0; i < ix->n; i++) {
			struct entry *e = &ix->e[i];
			int m;

			if (c->plain && c->surname == NULL)
				m = pass == 0 && strcmp(e->key, c->key) == 0;
			else if (c->plain && (e->surname[0] == '\0' ||
			    strcmp(c->surname, e->surname) != 0))
				m = 0;
			else if (c->opcit)
				m = c->ref ? e->note == c->ref && pass == 0 :
				    pass == 2 && c->surname && *c->surname &&
				    (strcmp(c->surname, e->surname) == 0 ||
				    strcmp(c->surname, e->forename) == 0);
			else if (pass == 0)
				m = strcmp(e->key, c->key) == 0 && *c->key;
			else if (pass == 1)
				m = 0;
			else
				m = prefix_words(c->key, e->key) &&
				    (c->surname == NULL || *e->surname == '\0' ||
				    strcmp(c->surname, e->surname) == 0);
			if (!m)
				continue;
			if (date && *e->date && strcmp(date, e->date) != 0)
				continue;
			if (hit == NULL) {
				hit = e;
				continue;
			}
			if (e->note == hit->note)
				continue;
			/* another work, or the same title on another date */
			if (strcmp(hit->key, e->key) != 0 || (date == NULL &&
			    strcmp(hit->date, e->date) != 0)) {
				*ambiguous = 1;
				hit = NULL;
				break;
			}
		}
		if (*ambiguous)
			break;
	}
	free(date);
	return hit;
}

static void
check_conflict(struct cite_index *ix, const struct cite *c, long note,
    void (*conflict)(const struct cite_conflict *, void *), void *arg)
{
	char *date = c->date ? cite_key(c->date, strlen(c->date)) : xstrdup("");
	struct cite_conflict cf;
	size_t i;
	int f;

	for (i = 0; i < ix->n; i++) {
		struct entry *e = &ix->e[i];

		if (!e->archival || strcmp(e->key, c->key) != 0 ||
		    e->note == note)
			continue;
		if (*date && *e->date && strcmp(date, e->date) != 0)
			continue;
		if (strcmp(e->af[AF_ARCHIVE], c->af[AF_ARCHIVE]) != 0)
			continue;
		for (f = AF_FOND; f < AF_FOLIOS; f++)
			if (*e->af[f] && *c->af[f] &&
			    strcmp(e->af[f], c->af[f]) != 0)
				break;
		if (f == AF_FOLIOS)
			continue;
		cf.cite = c;
		cf.note = note;
		cf.earlier_note = e->note;
		cf.earlier_line = e->line;
		cf.field = f;
		cf.earlier_value = e->af[f];
		conflict(&cf, arg);
		break;
	}
	free(date);
}

/* The coordinates of the citation c resolves to, kept with c's list;
 * the folios c gives itself replace its antecedent's. */
static void
keep_af(struct cite *c, char *const *src)
{
	int i;

	for (i = 0; i < AF_N; i++)
		c->af[i] = src[i] ? keep(src[i], strlen(src[i])) : empty;
	if (c->pages && *c->af[AF_ARCHIVE])
		c->af[AF_FOLIOS] = keep(c->pages, strlen(c->pages));
}

/* The last note's coordinates, copied into its one buffer (NULL as
 * ""): no allocation a note once the buffer has grown. */
static void
hold_af(struct last_note *ln, char *const *src)
{
	size_t at[AF_N];
	int i;

	ln->held.len = 0;
	for (i = 0; i < AF_N; i++) {
		at[i] = ln->held.len;
		if (src[i] != NULL)
			buf_add(&ln->held, src[i], strlen(src[i]));
		buf_addc(&ln->held, '\0');
	}
	for (i = 0; i < AF_N; i++)
		ln->af[i] = ln->held.s + at[i];
}

void
cite_resolve(struct cite_index *ix, long note, int series, long line,
    struct cites *cl, void (*conflict)(const struct cite_conflict *, void *),
    void *arg)
{
	struct last_note *ln = &ix->last[series ? 1 : 0];
	struct entry *e;
	size_t i, ncites = 0;
	struct cite *single = NULL;
	int amb;

	strings = &cl->strings;
	for (i = 0; i < cl->n; i++) {
		struct cite *c = &cl->v[i];

		c->target = 0;
		c->ambiguous = c->orphan = 0;
		if (c->kind == CITE_IBID) {
			if (ln->valid && ln->target > 0) {
				c->target = ln->target;
				keep_af(c, ln->af);
			} else if (ln->valid)
				c->ambiguous = 1;
		} else if (c->kind == CITE_SHORT) {
			if ((e = find_full(ix, c, &amb)) != NULL) {
				c->target = e->note;
				keep_af(c, e->af);
			} else if (c->opcit && c->ref > 0 && c->ref < note &&
			    !amb) {
				c->target = c->ref;	/* "supra note 7" */
			} else if (c->plain) {
				/* "Moscow, Progress Publishers, 1970" is no
				 * short form */
				memmove(c, c + 1, (cl->n - i - 1) * sizeof(*c));
				cl->n--;
				i--;
			} else {
				c->ambiguous = amb;
				if (!amb && !c->opcit) {
					c->kind = CITE_OTHER;
					c->orphan = c->author != NULL;
				}
			}
		} else if (c->kind == CITE_ARCHIVAL && *c->key && conflict)
			check_conflict(ix, c, note, conflict, arg);
	}
	/* remember the full citations, and "hereafter" names */
	for (i = 0; i < cl->n; i++) {
		struct cite *c = &cl->v[i];

		if (c->kind == CITE_CROSSREF)
			continue;
		ncites++;
		single = c;
		if (c->full && *c->key)
			add_entry(ix, c->key, c, note, line);
		else if (c->full)	/* for "supra note 12" */
			add_entry(ix, "", c, note, line);
		if (c->defines && *c->defines)
			add_entry(ix, c->defines, c, note, line);
	}
	ln->valid = 1;
	ln->num = note;
	if (ncites > 1) {
		ln->target = 0;
		hold_af(ln, (char *[AF_N]){ 0 });
	} else if (single != NULL && single->kind == CITE_IBID) {
		ln->target = single->target;
		hold_af(ln, single->af);
	} else {
		ln->target = note;
		if (single != NULL)
			hold_af(ln, single->af);
		else
			hold_af(ln, (char *[AF_N]){ 0 });
	}
}

long
cites_ibid_of(const struct cites *cl)
{
	size_t i;

	for (i = 0; i < cl->n; i++)
		if (cl->v[i].kind != CITE_CROSSREF)
			return cl->v[i].kind == CITE_IBID ? cl->v[i].target : 0;
	return 0;
}

long
cites_short_of(const struct cites *cl)
{
	size_t i;
	long t = 0;

	for (i = 0; i < cl->n; i++) {
		const struct cite *c = &cl->v[i];

		if (c->kind == CITE_CROSSREF)
			continue;
		if (c->kind != CITE_SHORT || c->target == 0 ||
		    (t != 0 && c->target != t))
			return 0;
		t = c->target;
	}
	return t;
}
