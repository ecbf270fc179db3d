/* split-docs: split a paper into its essay and its documents. */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "numlist.h"
#include "paper.h"
#include "rx.h"
#include "table.h"
#include "util.h"

enum { OPT_LIST = OPT_PROGRAM };

static const char *const list_cols[] = { "file", "doc", "first_line",
    "last_line", "date", "kind", "title", "source", NULL };

static struct cli cli = {
	.usage = "[-l] [-n LIST] [-o DIR] [-f ENC] [--lossy] "
	    "[--format=tsv|json] [file ...]",
	.help =
	"Split a paper into its essay and appendix documents.\n\n"
	"  -l, --list           a table of the documents\n"
	"  -n, --documents=LIST only these documents (3,5-7; 0 is the essay)\n"
	"  -o, --output=DIR     one file per unit and DIR/index.tsv\n"
	"  -f, --from-code=ENC  decode input from ENC through iconv\n"
	"      --lossy          replace invalid UTF-8 with U+FFFD\n"
	"      --format=FMT     tsv (default) or json\n"
	"  -h, --help           this help\n"
	"  -V, --version        the version\n\n"
	"Without -l or -o, writes the document stream (cwihp-stream(5)).\n",
};

static int list_mode;
static const char *outdir;
static struct numlist only;
static int have_only;
static int units_written;
static struct table table, index_table;
static FILE *index_fp;

static int
selected(const struct unit *u)
{
	if (!have_only)
		return 1;
	return numlist_has(&only, u->is_doc ? u->docnum : 0);
}

static void
write_json_unit(const struct unit *u)
{
	size_t i;

	fputs("{\"file\":\"", stdout);
	json_escape(stdout, u->paper, strlen(u->paper));
	printf("\",\"unit\":\"%s\",\"doc\":\"", u->is_doc ? "document" : "essay");
	json_escape(stdout, u->doc, strlen(u->doc));
	printf("\",\"first_line\":%ld,\"last_line\":%ld,\"date\":\"%s\","
	    "\"kind\":\"%s\",\"title\":\"", u->first, u->last, u->date,
	    kind_name(u->kind));
	json_escape(stdout, u->title, strlen(u->title));
	fputs("\",\"source\":\"", stdout);
	json_escape(stdout, u->source, strlen(u->source));
	fputs("\",\"text\":\"", stdout);
	for (i = 0; i < u->nlines; i++) {
		json_escape(stdout, u->lines[i].s, u->lines[i].len);
		fputs("\\n", stdout);
	}
	fputs("\"}\n", stdout);
}

static void
list_row(struct table *t, const struct unit *u)
{
	table_str(t, u->paper);
	table_str(t, u->doc);
	table_long(t, u->first);
	table_long(t, u->last);
	table_str(t, u->date);
	table_str(t, kind_name(u->kind));
	table_str(t, u->title);
	table_str(t, u->source);
	table_end_row(t);
}

static char *
unit_path(const char *dir, const struct unit *u)
{
	struct buf b = { 0 };
	size_t digits = strspn(u->doc, "0123456789");

	buf_printf(&b, "%s/", dir);
	if (!u->is_doc)
		buf_adds(&b, "00-essay.txt");
	else if (digits == 0)	/* a Roman number: by its value */
		buf_printf(&b, "%02ld.txt", u->docnum);
	else {
		if (digits < 2)
			buf_addc(&b, '0');
		buf_printf(&b, "%s.txt", u->doc);
	}
	return buf_take(&b);
}

static void
make_dir(const char *dir)
{
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		fatal(dir, 0, "%s", strerror(errno));
}

static void
write_file(const char *dir, const struct unit *u)
{
	char *path = unit_path(dir, u);
	FILE *fp = fopen(path, "w");
	size_t i;

	if (fp == NULL)
		fatal(path, 0, "%s", strerror(errno));
	for (i = 0; i < u->nlines; i++) {
		fwrite(u->lines[i].s, 1, u->lines[i].len, fp);
		putc('\n', fp);
	}
	if (fflush(fp) == EOF || ferror(fp) || fclose(fp) == EOF)
		fatal(path, 0, "write error: %s", strerror(errno));
	free(path);
}

/* With several files, -o gives each paper a folder of its own. */
static char *
paper_dir(const char *name, int nfiles)
{
	struct buf b = { 0 };
	const char *base = strrchr(name, '/');
	size_t len;

	if (nfiles <= 1)
		return xstrdup(outdir);
	base = base ? base + 1 : name;
	len = strlen(base);
	if (len > 4 && strcmp(base + len - 4, ".txt") == 0)
		len -= 4;
	buf_printf(&b, "%s/", outdir);
	buf_add(&b, strcmp(base, "-") == 0 ? "stdin" : base,
	    strcmp(base, "-") == 0 ? 5 : len);
	make_dir(buf_cstr(&b));
	return buf_take(&b);
}

static void
process(const char *path, int nfiles)
{
	struct input *in;
	struct paper *p;
	struct unit u;
	char *dir = NULL;
	int r;

	if ((in = input_open(path, &cli.in)) == NULL)
		return;
	p = paper_open(in);
	if (outdir)
		dir = paper_dir(input_name(in), nfiles);
	while ((r = paper_next(p, &u)) == 1) {
		rx_where(u.paper, u.first);
		if (!selected(&u))
			continue;
		if (outdir) {
			write_file(dir, &u);
			if (u.is_doc)
				list_row(&index_table, &u);
		} else if (list_mode) {
			if (u.is_doc)
				list_row(&table, &u);
		} else if (cli.format == FMT_JSON)
			write_json_unit(&u);
		else {
			if (units_written++)
				fputs("\f\n", stdout);
			stream_write_unit(&u);
		}
		out_check();
	}
	free(dir);
	paper_close(p);
	input_close(in);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "list",      no_argument,       NULL, 'l' },
		{ "documents", required_argument, NULL, 'n' },
		{ "output",    required_argument, NULL, 'o' },
		CLI_COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	char *index_path;
	int c, i;

	prog_init(argv[0]);
	while ((c = getopt_long(argc, argv, "ln:o:" CLI_COMMON_SHORT,
	    longopts, NULL)) != -1) {
		if (cli_common(&cli, c, optarg, NULL))
			continue;
		switch (c) {
		case 'l':
			list_mode = 1;
			break;
		case 'n':
			if (numlist_parse(&only, optarg) < 0) {
				diag(NULL, 0, "bad document list '%s'", optarg);
				usage(&cli);
			}
			have_only = 1;
			break;
		case 'o':
			outdir = optarg;
			break;
		default:
			usage(&cli);
		}
	}
	argc -= optind;
	argv += optind;

	table_init(&table, stdout, cli.format, list_cols);
	if (outdir) {
		make_dir(outdir);
		index_path = xmalloc(strlen(outdir) + sizeof("/index.tsv"));
		strcpy(index_path, outdir);
		strcat(index_path, "/index.tsv");
		if ((index_fp = fopen(index_path, "w")) == NULL)
			fatal(index_path, 0, "%s", strerror(errno));
		free(index_path);
		table_init(&index_table, index_fp, FMT_TSV, list_cols);
		table_header(&index_table);
	} else if (list_mode)
		table_header(&table);
	if (argc == 0)
		process("-", 1);
	for (i = 0; i < argc; i++)
		process(argv[i], argc);
	if (index_fp != NULL &&
	    (fflush(index_fp) == EOF || ferror(index_fp) || fclose(index_fp) == EOF))
		fatal(outdir, 0, "index.tsv: write error: %s", strerror(errno));
	numlist_free(&only);
	out_close();
	return exit_trouble ? EXIT_TROUBLE : EXIT_OK;
}
