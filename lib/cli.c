/* cli.c: shared option handling. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

void
usage(const struct cli *cli)
{
	fprintf(stderr, "usage: %s %s\n", progname, cli->usage);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(EXIT_TROUBLE);
}

int
cli_common(struct cli *cli, int opt, const char *arg,
    const char * const *extra_formats)
{
	int f;

	switch (opt) {
	case 'f':
		cli->in.from_code = arg;
		return 1;
	case OPT_LOSSY:
		cli->in.lossy = 1;
		return 1;
	case OPT_FORMAT:
		cli->format_name = arg;
		if ((f = table_parse_format(arg)) >= 0) {
			cli->format = (enum table_format)f;
			return 1;
		}
		for (; extra_formats && *extra_formats; extra_formats++)
			if (strcmp(arg, *extra_formats) == 0)
				return 1;
		diag(NULL, 0, "unknown format '%s'", arg);
		usage(cli);
	case 'h':
		printf("usage: %s %s\n\n%s", progname, cli->usage, cli->help);
		out_close();
		exit(EXIT_OK);
	case 'V':
		printf("%s (cwihp-tools) %s\n", progname, CWIHP_VERSION);
		out_close();
		exit(EXIT_OK);
	case '?':
		usage(cli);
	}
	return 0;
}
