/* nt.h: the parts of normalize-translit. */
#ifndef NT_H
#define NT_H

#include <stddef.h>
#include <stdint.h>

#include "canon.h"
#include "dict.h"
#include "input.h"
#include "util.h"

enum report_format { REPORT_GNU, REPORT_GITHUB, REPORT_TSV, REPORT_JSON };

struct nt_opts {
	int ru, ko, zh, given, apos, ascii, breves, surnames, customary;
	int check, consistency, soft;
	enum report_format format;
	struct input_opts in;
	struct dict *dict;
};
extern struct nt_opts opt;

void nt_process(const char *path);
/* The output of the files processed, all of it written. */
void nt_finish(void);
void nt_report(const char *file, long line, long col, const char *form,
    size_t formlen, const char *canonical, const char *rule);

void consist_init(void);
void consist_line(const char *file, int fileno, long lineno,
    const struct text *t);
void consist_finish(void);

#endif
