/* table.h: the contract's tables (TSV or JSON Lines) and checked output. */
#ifndef CWIHP_TABLE_H
#define CWIHP_TABLE_H

#include <stddef.h>
#include <stdio.h>

enum table_format { FMT_TSV, FMT_JSON };

struct table {
	FILE               *fp;
	enum table_format   format;
	const char * const *cols;	/* NULL-terminated column names */
	int                 ncols;
	int                 col;	/* next field of the current row */
	int                 header_done;
	/* the row being written: one fwrite a row, not one a field */
	size_t              len;
	char                row[4096];
};

/* Parse "tsv" or "json"; -1 when unknown. */
int  table_parse_format(const char *name);
void table_init(struct table *t, FILE *fp, enum table_format format,
    const char * const *cols);
/* The header line (TSV); written by the first field otherwise, but a
 * table with no rows still has its header when this is called. */
void table_header(struct table *t);
/* Fields of one row, in column order; the row ends with table_end_row. */
void table_str(struct table *t, const char *s);
void table_strn(struct table *t, const char *s, size_t n);
void table_long(struct table *t, long v);	/* v <= 0 writes "" */
void table_count(struct table *t, long v);	/* a count: 0 is written */
void table_end_row(struct table *t);

/* Write s escaped for a TSV field / as a JSON string body. */
void tsv_escape(FILE *fp, const char *s, size_t n);
void json_escape(FILE *fp, const char *s, size_t n);

/* Exit 2 with a message if standard output has failed (call after
 * each unit of output so that > /dev/full stops early). */
void out_check(void);
/* Flush and close standard output, checked; exits 2 on failure. */
void out_close(void);
/* The standard opening of main, as prog_init(argv[0]): sets the program
 * name, and puts it in argv[0] too, since getopt's messages print
 * argv[0] ("split-docs: unrecognized option", not "/usr/bin/split-docs:
 * ..."); SIGPIPE default, so a reader closing the pipe ends the program
 * quietly. */
#define prog_init(argv0) prog_init_(&(argv0))
void prog_init_(char **argv0);

#endif
