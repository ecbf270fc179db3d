/* util.c: memory, growable buffers and diagnostics. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

const char *progname = "cwihp";
int exit_trouble;
/* where diag() writes on this thread; NULL: standard error */
static _Thread_local struct diag_sink *diag_sink;

void
setprogname(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	progname = slash ? slash + 1 : argv0;
}

static void
oom(void)
{
	fprintf(stderr, "%s: out of memory\n", progname);
	leave(EXIT_TROUBLE);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > (size_t)-1 / size)
		oom();
	return xrealloc(p, n * size);
}

char *
xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Worker threads run: set before the first starts, cleared after the
 * last has ended (jobs.c), so never written while one reads it. */
static int threads_running;

void
threads_run(int running)
{
	threads_running = running;
}

void
leave(int status)
{
	if (threads_running) {
		/* no exit handlers: they free what the workers still read */
		fflush(stdout);
		fflush(stderr);
		_exit(status);
	}
	exit(status);
}

/* A worker thread's cleanups (see cleanup_at_end) */
#define MAX_CLEANUPS	16
static _Thread_local int in_worker;
static _Thread_local void (*cleanups[MAX_CLEANUPS])(void);
static _Thread_local int ncleanups;

void
cleanup_at_end(void (*fn)(void))
{
	if (!in_worker)
		atexit(fn);
	else if (ncleanups < MAX_CLEANUPS)
		cleanups[ncleanups++] = fn;
	else
		fatal(NULL, 0, "internal error: too many cleanups");
}

void
worker_begin(void)
{
	in_worker = 1;
}

void
worker_end(void)
{
	while (ncleanups > 0)
		cleanups[--ncleanups]();
}

void
diag_capture(struct diag_sink *sink)
{
	diag_sink = sink;
}

void
vdiag(const char *file, long line, const char *fmt, va_list ap)
{
	struct buf msg = { NULL, 0, 0 };
	va_list copy;
	int n;

	buf_printf(&msg, "%s: ", progname);
	if (file != NULL) {
		if (line > 0)
			buf_printf(&msg, "%s:%ld: ", file, line);
		else
			buf_printf(&msg, "%s: ", file);
	}
	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n > 0) {
		buf_grow(&msg, (size_t)n);
		vsnprintf(msg.s + msg.len, (size_t)n + 1, fmt, ap);
		msg.len += (size_t)n;
	}
	buf_addc(&msg, '\n');
	if (diag_sink != NULL)
		diag_sink->put(diag_sink, msg.s, msg.len);
	else {
		fflush(stdout);
		fputs(msg.s, stderr);
	}
	buf_free(&msg);
}

void
diag(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(file, line, fmt, ap);
	va_end(ap);
}

void
fatal(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	diag_capture(NULL);	/* a worker's last words go out, not to memory */
	va_start(ap, fmt);
	vdiag(file, line, fmt, ap);
	va_end(ap);
	leave(EXIT_TROUBLE);
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need < b->len)
		oom();
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap * 2 > b->cap ? b->cap * 2 : need;
	b->s = xrealloc(b->s, b->cap);
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_addc(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addlong(struct buf *b, long v)
{
	char digits[24], *d = digits + sizeof(digits);
	/* in unsigned, so that LONG_MIN has a magnitude */
	unsigned long mag = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		*--d = (char)('0' + mag % 10);
	while ((mag /= 10) != 0);
	if (v < 0)
		*--d = '-';
	buf_add(b, d, (size_t)(digits + sizeof(digits) - d));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_cstr(struct buf *b)
{
	buf_grow(b, 0);
	b->s[b->len] = '\0';
	return b->s;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *
buf_take(struct buf *b)
{
	char *s = buf_cstr(b);

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}
