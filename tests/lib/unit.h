/* unit.h: a tiny TAP-ish helper for the library's unit tests.
 *
 * Each assertion prints "ok N - name" or "not ok N - name" with the file,
 * line and what differed; unit_done() prints the plan and returns the exit
 * status: 0 only when every assertion passed.  The output is held until
 * then and starts with a recap of the failures.  Helpers capture what a
 * library function writes to a FILE or a file descriptor, and write
 * scratch files that are removed at the end. */
#ifndef CWIHP_TEST_UNIT_H
#define CWIHP_TEST_UNIT_H

#include <sys/types.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int unit_count, unit_failures;

/* The TAP lines go to a scratch log, the failures also to a recap; at
 * the end the recap comes first (as comments), then the log in order:
 * a runner that shows only the head of the output shows the failures. */
static FILE *unit_log, *unit_recap;
static pid_t unit_pid;
static int unit_finished;

static inline void unit_at_exit(void);

static inline FILE *
unit_out(void)
{
	if (unit_log == NULL) {
		if ((unit_log = tmpfile()) == NULL ||
		    (unit_recap = tmpfile()) == NULL) {
			perror("unit.h: tmpfile");
			exit(99);
		}
		unit_pid = getpid();
		atexit(unit_at_exit);
	}
	return unit_log;
}

static inline void
unit_vprintf(const char *fmt, va_list ap)
{
	vfprintf(unit_out(), fmt, ap);
}

static inline void
unit_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	unit_vprintf(fmt, ap);
	va_end(ap);
}

static inline void
unit_copy(FILE *from)
{
	char chunk[4096];
	size_t n;

	fflush(from);
	rewind(from);
	while ((n = fread(chunk, 1, sizeof(chunk), from)) > 0)
		fwrite(chunk, 1, n, stdout);
}

/* Write recap and log to standard output (once, in the first process). */
static inline void
unit_flush(void)
{
	if (unit_log == NULL || unit_finished || getpid() != unit_pid)
		return;
	unit_finished = 1;
	fflush(stdout);
	if (unit_failures) {
		printf("# %d of %d failed:\n", unit_failures, unit_count);
		unit_copy(unit_recap);
	}
	unit_copy(unit_log);
	fflush(stdout);
}

static inline void
unit_at_exit(void)
{
	if (unit_log != NULL && !unit_finished && getpid() == unit_pid) {
		unit_printf("# exited before unit_done()\n");
		unit_flush();
	}
}

static inline void
unit_vreport(int pass, const char *file, int line, const char *fmt,
    va_list ap)
{
	FILE *log = unit_out();
	va_list ap2;

	unit_count++;
	if (!pass)
		unit_failures++;
	va_copy(ap2, ap);
	fprintf(log, "%sok %d - ", pass ? "" : "not ", unit_count);
	vfprintf(log, fmt, ap);
	fputc('\n', log);
	if (!pass) {
		fprintf(log, "#   failed at %s:%d\n", file, line);
		fprintf(unit_recap, "#   not ok %d - ", unit_count);
		vfprintf(unit_recap, fmt, ap2);
		fprintf(unit_recap, " (%s:%d)\n", file, line);
	}
	va_end(ap2);
}

static inline int
unit_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	unit_vreport(pass, file, line, fmt, ap);
	va_end(ap);
	return pass;
}

/* Print a byte string so that control bytes and NULs show. */
static inline void
unit_show(const char *label, const char *s, size_t n)
{
	FILE *log = unit_out();
	size_t i;

	fprintf(log, "#   %s: ", label);
	if (s == NULL) {
		fputs("(null)\n", log);
		return;
	}
	putc('"', log);
	for (i = 0; i < n && i < 400; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' || c == '"')
			fprintf(log, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			fprintf(log, "\\x%02x", c);
		else
			putc(c, log);
	}
	fprintf(log, "\"%s (%zu bytes)\n", n > 400 ? "..." : "", n);
}

static inline int
unit_is_mem(const char *got, size_t got_len, const char *want,
    size_t want_len, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int pass = got != NULL && got_len == want_len &&
	    memcmp(got, want, want_len) == 0;

	va_start(ap, fmt);
	unit_vreport(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass) {
		unit_show("got", got, got_len);
		unit_show("expected", want, want_len);
	}
	return pass;
}

static inline int
unit_is_long(long got, long want, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	unit_vreport(got == want, file, line, fmt, ap);
	va_end(ap);
	if (got != want)
		unit_printf("#   got: %ld\n#   expected: %ld\n", got, want);
	return got == want;
}

/* ok(cond, "name %d", ...), is_str(got, want, "name"), is_long(...),
 * is_mem(got, got_len, want, want_len, "name"). */
#define ok(cond, ...)	unit_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_long(got, want, ...) \
	unit_is_long((long)(got), (long)(want), __FILE__, __LINE__, __VA_ARGS__)
#define is_mem(got, glen, want, wlen, ...) \
	unit_is_mem((got), (glen), (want), (wlen), __FILE__, __LINE__, \
	    __VA_ARGS__)
#define is_str(got, want, ...) \
	unit_is_mem((got), (got) ? strlen(got) : 0, (want), strlen(want), \
	    __FILE__, __LINE__, __VA_ARGS__)

/* A note in the output that is no assertion. */
static inline void
diag_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	unit_printf("# ");
	unit_vprintf(fmt, ap);
	unit_printf("\n");
	va_end(ap);
}

/* The plan line and the exit status. */
static inline int
unit_done(void)
{
	unit_printf("1..%d\n", unit_count);
	if (unit_failures)
		unit_printf("# %d of %d failed\n", unit_failures, unit_count);
	unit_flush();
	return unit_failures ? 1 : 0;
}

/* Read the whole of fp (from its start) into a malloc'd string. */
static inline char *
unit_slurp(FILE *fp, size_t *lenp)
{
	size_t cap = 4096, len = 0, n;
	char *s = malloc(cap + 1);

	if (s == NULL)
		abort();
	fflush(fp);
	rewind(fp);
	while ((n = fread(s + len, 1, cap - len, fp)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			if ((s = realloc(s, cap + 1)) == NULL)
				abort();
		}
	}
	s[len] = '\0';
	if (lenp)
		*lenp = len;
	return s;
}

/* Redirect a file descriptor (1 or 2) into a scratch file until
 * unit_capture_end(), which returns what was written (malloc'd). */
struct unit_capture {
	int   fd, saved;
	FILE *tmp;
};

static inline void
unit_capture_begin(struct unit_capture *c, int fd)
{
	fflush(fd == 1 ? stdout : stderr);
	c->fd = fd;
	if ((c->tmp = tmpfile()) == NULL || (c->saved = dup(fd)) == -1 ||
	    dup2(fileno(c->tmp), fd) == -1) {
		perror("unit_capture_begin");
		exit(99);
	}
}

static inline char *
unit_capture_end(struct unit_capture *c, size_t *lenp)
{
	char *s;

	fflush(c->fd == 1 ? stdout : stderr);
	dup2(c->saved, c->fd);
	close(c->saved);
	s = unit_slurp(c->tmp, lenp);
	fclose(c->tmp);
	return s;
}

/* Scratch files: written with unit_file(), removed by unit_cleanup(). */
#define UNIT_MAX_FILES 256
static char unit_files[UNIT_MAX_FILES][64];
static int unit_nfiles;

static inline void
unit_cleanup(void)
{
	while (unit_nfiles > 0)
		unlink(unit_files[--unit_nfiles]);
}

/* A new scratch file holding s[0..n); its path (static storage). */
static inline const char *
unit_file(const void *s, size_t n)
{
	const char *tmpdir = getenv("TMPDIR");
	char *path;
	FILE *fp;
	int fd;

	if (unit_nfiles == UNIT_MAX_FILES) {
		fputs("unit_file: too many scratch files\n", stderr);
		exit(99);
	}
	if (unit_nfiles == 0)
		atexit(unit_cleanup);
	path = unit_files[unit_nfiles];
	snprintf(path, sizeof(unit_files[0]), "%s/cwihp-unit.XXXXXX",
	    tmpdir && *tmpdir && strlen(tmpdir) < 40 ? tmpdir : "/tmp");
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		perror("unit_file");
		exit(99);
	}
	unit_nfiles++;
	if (fwrite(s, 1, n, fp) != n || fclose(fp) == EOF) {
		perror("unit_file");
		exit(99);
	}
	return path;
}

#define unit_file_str(s)	unit_file((s), strlen(s))

#endif
