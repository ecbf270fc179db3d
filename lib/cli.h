/* cli.h: the options every program shares, and the per-file loop. */
#ifndef CWIHP_CLI_H
#define CWIHP_CLI_H

#include <getopt.h>

#include "input.h"
#include "table.h"

/* Long-option values above any short option character. */
enum {
	OPT_LOSSY = 0x100,
	OPT_FORMAT,
	OPT_HELP,
	OPT_VERSION,
	OPT_PROGRAM	/* first value free for a program's own options */
};

#define CLI_COMMON_SHORT "f:hV"
#define CLI_COMMON_LONG \
	{ "from-code", required_argument, NULL, 'f' }, \
	{ "lossy",     no_argument,       NULL, OPT_LOSSY }, \
	{ "format",    required_argument, NULL, OPT_FORMAT }, \
	{ "help",      no_argument,       NULL, 'h' }, \
	{ "version",   no_argument,       NULL, 'V' }

struct cli {
	struct input_opts  in;
	enum table_format  format;
	const char        *format_name;	/* as given, for program formats */
	const char        *usage;	/* one line after "usage: PROG " */
	const char        *help;	/* the option summary for -h */
};

/* Handle a common option; 1 if it was one, 0 if not.  -h and -V exit 0;
 * a bad --format value exits 2 unless the program accepts it
 * (extra_formats: NULL-terminated names it handles itself). */
int  cli_common(struct cli *cli, int opt, const char *arg,
    const char * const *extra_formats);
void usage(const struct cli *cli) __attribute__((noreturn));

#endif
