/* util.h: memory, growable buffers and diagnostics shared by every program. */
#ifndef CWIHP_UTIL_H
#define CWIHP_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define CWIHP_VERSION "0.1.0"

/* Exit statuses of the contract. */
enum { EXIT_OK = 0, EXIT_FOUND = 1, EXIT_TROUBLE = 2 };

extern const char *progname;
/* Set once something went wrong that should turn the exit status to 2
 * while processing goes on (an unreadable file among several). */
extern int exit_trouble;

void  setprogname(const char *argv0);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* PROG: FILE:LINE: message (line <= 0 leaves it out, file NULL too). */
void diag(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void vdiag(const char *file, long line, const char *fmt, va_list ap);
/* exit(status); while worker threads run (threads_run(1), jobs.c),
 * _exit after flushing standard output and error instead, since the
 * exit handlers free caches the workers may still read. */
void  leave(int status) __attribute__((noreturn));
void  threads_run(int running);

/* Free a thread's cache when the thread ends: at exit on the main
 * thread; on a worker (between worker_begin and worker_end, which
 * jobs.c calls) when the worker ends. */
void  cleanup_at_end(void (*fn)(void));
void  worker_begin(void);
void  worker_end(void);

/* Where this thread's diagnostics go instead of standard error (see
 * jobs.c): put() gets each whole message, newline included.  NULL:
 * standard error, after flushing standard output. */
struct diag_sink {
	void (*put)(struct diag_sink *sink, const char *msg, size_t len);
};
void diag_capture(struct diag_sink *sink);
/* diag() then exit(2). */
void fatal(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));

/* A growable byte buffer, always NUL-terminated when len > 0 or after buf_cstr. */
struct buf {
	char   *s;
	size_t  len;
	size_t  cap;
};
void  buf_grow(struct buf *b, size_t extra);
void  buf_add(struct buf *b, const void *p, size_t n);
void  buf_addc(struct buf *b, char c);
void  buf_adds(struct buf *b, const char *s);
void  buf_addlong(struct buf *b, long v);	/* in decimal, as %ld */
void  buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *buf_cstr(struct buf *b);	/* terminates and returns s (never NULL) */
void  buf_reset(struct buf *b);
void  buf_free(struct buf *b);
/* Hand the contents over as a malloc'd string and reset. */
char *buf_take(struct buf *b);

#endif
