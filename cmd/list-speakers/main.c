/* list-speakers: who takes part in each document, in what role, and
 * who speaks. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "cli.h"
#include "jobs.h"
#include "paper.h"
#include "speakers.h"
#include "rx.h"
#include "table.h"
#include "util.h"

enum { OPT_MENTIONS = OPT_PROGRAM };

static const char *const cols[] = { "file", "doc", "name", "role",
    "speaks", "turns", "line", NULL };

static struct cli cli = {
	.usage = "[--mentions] [--canonical] [-f ENC] [--lossy] [--format=tsv|json] "
	    "[file ...]",
	.help =
	"List the parties, attendees, interpreters, recorders, signatories\n"
	"and authors of each appendix document, and who speaks.\n\n"
	"  -m, --mentions       also every other person mentioned (role\n"
	"                       'mentioned')\n"
	"  -c, --canonical      names as normalize-translit writes them\n"
	"  -f, --from-code=ENC  decode input from ENC through iconv\n"
	"      --lossy          replace invalid UTF-8 with U+FFFD\n"
	"      --format=FMT     tsv (default) or json\n"
	"  -h, --help           this help\n"
	"  -V, --version        the version\n",
};

static struct table table;
static struct speakers_opts opts;
static struct jobs *jobs;

/* a document on a worker (jobs.h): its rows to out */
static void
run_doc(void *unit, FILE *out)
{
	struct unit *u = unit;
	struct table t;

	table_init(&t, out, cli.format, cols);
	t.header_done = 1;
	rx_where(u->paper, u->first);
	speakers_doc(u, &opts, &t);
}

static void
release_doc(void *unit)
{
	unit_clone_free(unit);
}

static void
free_worker_state(void)
{
	speakers_free();
	name_canonical_free();
}

static const struct jobs_ops doc_jobs = { .run = run_doc,
    .release = release_doc, .thread_end = free_worker_state };

static void
process(const char *path)
{
	struct input *in;
	struct paper *p;
	struct unit u;
	size_t bytes;

	if ((in = input_open(path, &cli.in)) == NULL)
		return;
	p = paper_open(in);
	paper_skip_dates(p);
	while (paper_next(p, &u) == 1) {
		rx_where(u.paper, u.first);
		if (!u.is_doc)
			continue;
		bytes = unit_bytes(&u);
		if (jobs_direct(jobs, bytes)) {
			speakers_doc(&u, &opts, &table);
			out_check();
		} else
			jobs_add(jobs, unit_clone(&u), bytes);
	}
	paper_close(p);
	input_close(in);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "mentions", no_argument, NULL, 'm' },
		{ "canonical", no_argument, NULL, 'c' },
		CLI_COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	int c, i;

	prog_init(argv[0]);
	while ((c = getopt_long(argc, argv, "cm" CLI_COMMON_SHORT,
	    longopts, NULL)) != -1) {
		if (cli_common(&cli, c, optarg, NULL))
			continue;
		switch (c) {
		case 'm':
			opts.mentions = 1;
			break;
		case 'c':
			opts.canonical = 1;
			break;
		default:
			usage(&cli);
		}
	}
	argc -= optind;
	argv += optind;

	table_init(&table, stdout, cli.format, cols);
	table_header(&table);
	jobs = jobs_open(&doc_jobs);
	if (argc == 0)
		process("-");
	for (i = 0; i < argc; i++)
		process(argv[i]);
	jobs_close(jobs);
	speakers_free();
	name_canonical_free();
	out_close();
	return exit_trouble ? EXIT_TROUBLE : EXIT_OK;
}
