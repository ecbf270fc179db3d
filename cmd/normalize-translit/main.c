/* normalize-translit: one romanization per name, and a lint for CI.
 *
 * Filter: text in, the same text out with variant spellings rewritten;
 * the input is read as raw bytes so that lines without a variant come
 * out byte for byte (CRLF, a missing final newline and a BOM included).
 * --check reports instead of rewriting; --consistency compares the forms
 * of the input among themselves, without a dictionary. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dict.h"
#include "input.h"
#include "nt.h"
#include "table.h"
#include "translit-builtin.h"
#include "translit.h"
#include "utf8.h"
#include "util.h"

enum {
	OPT_CHECK = OPT_PROGRAM, OPT_CONSISTENCY, OPT_SCHEME, OPT_APOS,
	OPT_ASCII, OPT_BREVES, OPT_GIVEN, OPT_SURNAMES, OPT_NO_CUSTOMARY,
	OPT_NO_BUILTIN, OPT_DUMP, OPT_NO_SOFT, OPT_CONFIG
};

static struct cli cli = {
	.usage = "[--check] [--consistency] [-d FILE] [--scheme LIST] "
	    "[--apostrophe=STYLE] [--ascii] [--format=FMT] [file ...]",
	.help =
	"Rewrite variant romanizations of names into one scheme, or report them.\n\n"
	"  -c, --check             report variants, do not rewrite (exit 1 when any)\n"
	"  -C, --consistency       compare the input's forms among themselves\n"
	"      --no-soft           leave out the near-misspelling rule\n"
	"  -d, --dictionary=FILE   a user dictionary (cwihp-dict(5)); repeatable\n"
	"      --no-builtin        without the built-in dictionary\n"
	"      --no-customary      rewrite customary spellings (Kim Il Sung) too\n"
	"  -s, --scheme=LIST       korean=mr|rr,russian=lc|lc-diacritics|bgn|iso9|\n"
	"                          simple,chinese=pinyin|wg (default mr,lc,pinyin)\n"
	"      --given=STYLE       Korean given names: hyphen (default), space, joined\n"
	"      --surnames=HOW      Korean surnames: keep (default) or scheme\n"
	"      --breves            McCune-Reischauer with breves (o-breve, u-breve)\n"
	"      --apostrophe=STYLE  aspiration mark: ascii, right or modifier\n"
	"      --ascii             fold diacritics to ASCII in what is written\n"
	"      --config=FILE       options from FILE (key=value lines)\n"
	"      --dump-dictionary   print the built-in dictionary and exit\n"
	"  -f, --from-code=ENC     decode input from ENC through iconv\n"
	"      --lossy             replace invalid UTF-8 with U+FFFD\n"
	"      --format=FMT        reports: gnu (default), github, tsv or json\n"
	"  -h, --help              this help\n"
	"  -V, --version           the version\n",
};

struct nt_opts opt = {
	.ru = RU_LC, .ko = KO_MR, .zh = ZH_PINYIN, .given = GIVEN_HYPHEN,
	.apos = -1, .customary = 1, .soft = 1,
};

static const char *const report_cols[] = { "file", "line", "col", "form",
    "canonical", "rule", NULL };
static struct table table;
static struct buf report_row;	/* a --format=gnu report */
static int nreports;

static int
parse_schemes(const char *arg)
{
	char *copy = xstrdup(arg), *p, *next, *eq;
	int ok = 1, v;

	for (p = copy; p && *p; p = next) {
		if ((next = strchr(p, ',')) != NULL)
			*next++ = '\0';
		if ((eq = strchr(p, '=')) == NULL) {
			ok = 0;
			break;
		}
		*eq++ = '\0';
		if (strcmp(p, "korean") == 0 && (v = ko_scheme_parse(eq)) >= 0)
			opt.ko = v;
		else if (strcmp(p, "russian") == 0 &&
		    (v = ru_scheme_parse(eq)) >= 0)
			opt.ru = v;
		else if (strcmp(p, "chinese") == 0 &&
		    (v = zh_scheme_parse(eq)) >= 0)
			opt.zh = v;
		else {
			ok = 0;
			break;
		}
	}
	free(copy);
	return ok;
}

/* GitHub workflow commands escape these in properties and messages. */
static void
gh_escape(const char *s, size_t n, int prop)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '%': fputs("%25", stdout); break;
		case '\r': fputs("%0D", stdout); break;
		case '\n': fputs("%0A", stdout); break;
		case ':': fputs(prop ? "%3A" : ":", stdout); break;
		case ',': fputs(prop ? "%2C" : ",", stdout); break;
		default: putchar(s[i]);
		}
	}
}

/* n bytes of s at *p, and *p after them. */
static void
put(char **p, const char *s, size_t n)
{
	memcpy(*p, s, n);
	*p += n;
}

/* v >= 0 in decimal at *p (at most 20 digits), and *p after it. */
static void
put_number(char **p, long v)
{
	char digits[24], *d = digits + sizeof(digits);
	unsigned long u = (unsigned long)v;

	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	put(p, d, (size_t)(digits + sizeof(digits) - d));
}

void
nt_report(const char *file, long line, long col, const char *form,
    size_t formlen, const char *canonical, const char *rule)
{
	struct buf *row = &report_row;
	size_t filelen, clen, rlen;
	char *p;

	nreports++;
	if (opt.format == REPORT_GNU) {
		/* FILE:LINE:COL: 'FORM' -> 'CANONICAL' [RULE], one write,
		 * the room for it made first */
		filelen = strlen(file);
		clen = strlen(canonical);
		rlen = strlen(rule);
		buf_reset(row);
		buf_grow(row, filelen + 2 * 21 + formlen + clen + rlen + 16);
		p = row->s;
		put(&p, file, filelen);
		put(&p, ":", 1);
		put_number(&p, line);
		put(&p, ":", 1);
		put_number(&p, col);
		put(&p, ": '", 3);
		put(&p, form, formlen);
		put(&p, "' -> '", 6);
		put(&p, canonical, clen);
		put(&p, "' [", 3);
		put(&p, rule, rlen);
		put(&p, "]\n", 2);
		fwrite(row->s, 1, (size_t)(p - row->s), stdout);
	} else if (opt.format == REPORT_GITHUB) {
		fputs("::warning file=", stdout);
		gh_escape(file, strlen(file), 1);
		printf(",line=%ld,col=%ld,title=", line, col);
		gh_escape(rule, strlen(rule), 1);
		fputs("::'", stdout);
		gh_escape(form, formlen, 0);
		fputs("' -> '", stdout);
		gh_escape(canonical, strlen(canonical), 0);
		fputs("'\n", stdout);
	} else {
		table_str(&table, file);
		table_long(&table, line);
		table_long(&table, col);
		table_strn(&table, form, formlen);
		table_str(&table, canonical);
		table_str(&table, rule);
		table_end_row(&table);
	}
}

static const char **dicts;
static int ndicts, builtin = 1, dump;
static char **owned;		/* dictionary names read from a config */
static int nowned;
static const char *const formats[] = { "gnu", "github", NULL };

static int set_option(int c, const char *arg);

/* A config file: "key = value" lines, # comments; the keys are the long
 * options (korean, russian and chinese set one scheme each). */
static void
read_config(const char *path)
{
	static const struct { const char *key; int opt; } keys[] = {
		{ "scheme", 's' }, { "given", OPT_GIVEN },
		{ "surnames", OPT_SURNAMES }, { "apostrophe", OPT_APOS },
		{ "dictionary", 'd' }, { "ascii", OPT_ASCII },
		{ "breves", OPT_BREVES }, { "no-customary", OPT_NO_CUSTOMARY },
		{ "no-builtin", OPT_NO_BUILTIN }, { "format", OPT_FORMAT },
	};
	FILE *fp = fopen(path, "r");
	char *line = NULL, *k, *v, *e;
	size_t cap = 0, i;
	long no = 0;
	struct buf sv = { 0 };

	if (fp == NULL)
		fatal(path, 0, "%s", strerror(errno));
	while (getline(&line, &cap, fp) > 0) {
		no++;
		k = line + strspn(line, " \t");
		k[strcspn(k, "#\r\n")] = '\0';
		if (*k == '\0')
			continue;
		if ((v = strchr(k, '=')) != NULL) {
			for (e = v; e > k && (e[-1] == ' ' || e[-1] == '\t'); e--)
				;
			*e = '\0';
			v++;
			v += strspn(v, " \t");
			for (e = v + strlen(v); e > v && (e[-1] == ' ' ||
			    e[-1] == '\t'); e--)
				;
			*e = '\0';
		}
		if (strcmp(k, "korean") == 0 || strcmp(k, "russian") == 0 ||
		    strcmp(k, "chinese") == 0) {
			buf_reset(&sv);
			buf_printf(&sv, "%s=%s", k, v ? v : "");
			if (!parse_schemes(buf_cstr(&sv)))
				fatal(path, no, "bad scheme '%s'", sv.s);
			continue;
		}
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strcmp(k, keys[i].key) == 0)
				break;
		if (i == sizeof(keys) / sizeof(keys[0]))
			fatal(path, no, "unknown setting '%s'", k);
		if (keys[i].opt == 'd') {
			/* a relative name is taken from the current folder */
			owned = xreallocarray(owned, (size_t)nowned + 1,
			    sizeof(*owned));
			owned[nowned++] = xstrdup(v ? v : "");
			if (set_option('d', owned[nowned - 1]) == 0)
				fatal(path, no, "bad value for %s", k);
		} else if (set_option(keys[i].opt, v) == 0)
			fatal(path, no, "bad value for %s", k);
	}
	free(line);
	buf_free(&sv);
	fclose(fp);
}

/* One option; 1 done, 0 a bad value, -1 not an option. */
static int
set_option(int c, const char *arg)
{
	int v;

	switch (c) {
	case 'c':
		opt.check = 1;
		return 1;
	case 'C':
		opt.consistency = 1;
		opt.check = 1;
		return 1;
	case OPT_NO_SOFT:
		opt.soft = 0;
		return 1;
	case 'd':
		dicts = xreallocarray(dicts, (size_t)ndicts + 1,
		    sizeof(*dicts));
		dicts[ndicts++] = arg;
		return 1;
	case OPT_NO_BUILTIN:
		builtin = 0;
		return 1;
	case OPT_NO_CUSTOMARY:
		opt.customary = 0;
		return 1;
	case 's':
		return arg && parse_schemes(arg);
	case OPT_GIVEN:
		if (arg == NULL)
			return 0;
		if (strcmp(arg, "hyphen") == 0)
			opt.given = GIVEN_HYPHEN;
		else if (strcmp(arg, "space") == 0)
			opt.given = GIVEN_SPACE;
		else if (strcmp(arg, "joined") == 0)
			opt.given = GIVEN_JOINED;
		else
			return 0;
		return 1;
	case OPT_SURNAMES:
		if (arg == NULL)
			return 0;
		if (strcmp(arg, "keep") == 0)
			opt.surnames = 0;
		else if (strcmp(arg, "scheme") == 0)
			opt.surnames = 1;
		else
			return 0;
		return 1;
	case OPT_BREVES:
		opt.breves = 1;
		return 1;
	case OPT_APOS:
		if (arg == NULL || (v = apos_parse(arg)) < 0)
			return 0;
		opt.apos = v;
		return 1;
	case OPT_ASCII:
		opt.ascii = 1;
		return 1;
	case OPT_DUMP:
		dump = 1;
		return 1;
	case OPT_CONFIG:
		read_config(arg);
		return 1;
	case OPT_FORMAT:
		if (arg == NULL)
			return 0;
		return cli_common(&cli, OPT_FORMAT, arg, formats);
	}
	return -1;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "check",           no_argument,       NULL, 'c' },
		{ "consistency",     no_argument,       NULL, 'C' },
		{ "no-soft",         no_argument,       NULL, OPT_NO_SOFT },
		{ "dictionary",      required_argument, NULL, 'd' },
		{ "no-builtin",      no_argument,       NULL, OPT_NO_BUILTIN },
		{ "no-customary",    no_argument,       NULL, OPT_NO_CUSTOMARY },
		{ "scheme",          required_argument, NULL, 's' },
		{ "given",           required_argument, NULL, OPT_GIVEN },
		{ "surnames",        required_argument, NULL, OPT_SURNAMES },
		{ "breves",          no_argument,       NULL, OPT_BREVES },
		{ "apostrophe",      required_argument, NULL, OPT_APOS },
		{ "ascii",           no_argument,       NULL, OPT_ASCII },
		{ "dump-dictionary", no_argument,       NULL, OPT_DUMP },
		{ "config",          required_argument, NULL, OPT_CONFIG },
		CLI_COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	struct dict_schemes sch;
	int c, i, errors = 0;

	prog_init(argv[0]);
	while ((c = getopt_long(argc, argv, "cCd:s:" CLI_COMMON_SHORT,
	    longopts, NULL)) != -1) {
		if (cli_common(&cli, c, optarg, formats))
			continue;
		switch (set_option(c, optarg)) {
		case 1:
			break;
		case 0:
			diag(NULL, 0, "bad value '%s'", optarg);
			usage(&cli);
		default:
			usage(&cli);
		}
	}
	argc -= optind;
	argv += optind;
	if (cli.format_name == NULL || strcmp(cli.format_name, "gnu") == 0)
		opt.format = REPORT_GNU;
	else if (strcmp(cli.format_name, "github") == 0)
		opt.format = REPORT_GITHUB;
	else
		opt.format = cli.format == FMT_JSON ? REPORT_JSON : REPORT_TSV;
	opt.in = cli.in;

	if (dump) {
		fputs(dict_builtin, stdout);
		out_close();
		return EXIT_OK;
	}
	sch.korean = opt.ko == KO_RR ? "rr" : "mr";
	sch.russian = ru_scheme_name(opt.ru);
	sch.chinese = opt.zh == ZH_WG ? "wg" : "pinyin";
	sch.customary = opt.customary;
	opt.dict = dict_new(&sch);
	if (builtin && !opt.consistency)
		errors += dict_load_text(opt.dict, "(built-in)", dict_builtin,
		    strlen(dict_builtin));
	for (i = 0; i < ndicts; i++)
		if (dict_load_file(opt.dict, dicts[i]) != 0)
			errors++;
	free(dicts);
	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	if (errors) {
		dict_free(opt.dict);
		return EXIT_TROUBLE;
	}
	if (opt.format == REPORT_TSV || opt.format == REPORT_JSON) {
		table_init(&table, stdout, opt.format == REPORT_JSON ?
		    FMT_JSON : FMT_TSV, report_cols);
		if (opt.check)
			table_header(&table);
	}
	if (opt.consistency)
		consist_init();
	if (argc == 0)
		nt_process("-");
	for (i = 0; i < argc; i++)
		nt_process(argv[i]);
	nt_finish();
	if (opt.consistency)
		consist_finish();
	dict_free(opt.dict);
	buf_free(&report_row);
	out_close();
	if (exit_trouble)
		return EXIT_TROUBLE;
	return opt.check && nreports > 0 ? EXIT_FOUND : EXIT_OK;
}
