/* jobs.c: units of work on worker threads, output in order (jobs.h). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__	/* defined by the headers above */
#include <malloc.h>	/* mallopt */
#endif

#include "jobs.h"
#include "table.h"
#include "util.h"

/* jobs in hand (queued, running or waiting to be written) a worker:
 * enough that a worker never waits for the writer, few enough that
 * memory stays that of a few jobs */
#define JOBS_AHEAD	4
/* Units are run in jobs of this many bytes or more (or one unit), so
 * that handing over costs little against the work. */
#define JOBS_BATCH_BYTES	(64 * 1024)
/* At most this many bytes of input in hand (or the one job in hand,
 * whatever its size), so that peak memory is the same at 10 MB and 1 GB
 * whether the workers keep up with the reader or not (unless
 * jobs_ops.hand_bytes says otherwise). */
#define JOBS_HAND_BYTES	(1024 * 1024)
/* A job's output stream is kept for a later job unless the job wrote
 * more than this (an outsize job's buffer is freed). */
#define JOBS_KEEP_BYTES	(256 * 1024)
/* Spare blocks kept for jobs_block(): those of the jobs in hand at a
 * few workers (more are freed and made again) */
#define JOBS_SPARES	16

/* A diagnostic of a job, written when its output has reached at. */
struct note {
	size_t  at;
	char   *msg;
	size_t  len;
};

/* What a job's runs wrote: open_memstream's buffer.  Streams go round,
 * rewound for each job, so that the heap sees no buffer grow and go for
 * every job (glibc's heap then scatters between the threads, and peak
 * memory creeps up with the input), and as many are made as jobs are
 * ever in hand at once. */
struct job_out {
	FILE   *fp;
	char   *s;
	size_t  len;	/* up to date after fflush() */
	struct job_out *next_free;
};

struct job {
	void  **units;
	struct buf *before;	/* the main thread's messages before each unit */
	size_t  nunits, cap;
	size_t  bytes;	/* of input */
	struct job_out *out;
	struct note *notes;
	size_t  nnotes, notes_cap;
	int     done;
};

/* Where a thread's diagnostics go while the workers run (util.h). */
struct job_sink {
	struct diag_sink  sink;
	struct job       *job;	/* a worker's job in hand */
	struct buf        pending;	/* the main thread's, for the next unit */
};

struct jobs {
	const struct jobs_ops *ops;
	int             nworkers;	/* 0: every unit runs direct */
	int             started;
	size_t          seen;	/* bytes run direct */
	size_t          direct_bytes;	/* run direct up to this many */
	struct job      batch;	/* the units gathered for the next job */
	size_t          batch_bytes;
	pthread_t       worker[JOBS_MAX];
	pthread_mutex_t lock;
	pthread_cond_t  queued;	/* a unit to run, or the end */
	pthread_cond_t  finished;	/* a unit done */
	struct job     *ring;
	size_t          cap;
	/* counters, not indexes: ring[k % cap] */
	size_t          head;	/* the next to write out */
	size_t          next;	/* the next to run */
	size_t          tail;	/* the next to queue */
	size_t          hand_bytes;	/* input bytes of the jobs in hand */
	size_t          hand_max;	/* and at most (or the one job) */
	int             quit;
	struct job_sink main_sink;
	struct job_out *free_outs;	/* of jobs written out (main thread) */
	/* blocks given back by jobs_block_free(), all of spare_size bytes */
	void           *spare[JOBS_SPARES];
	size_t          nspare, spare_size;
	pthread_mutex_t spare_lock;
};

/* A count from the environment, or dflt when unset or empty. */
static long
env_count(const char *name, long dflt)
{
	const char *env = getenv(name);
	char *end;
	long n;

	if (env == NULL || *env == '\0')
		return dflt;
	n = strtol(env, &end, 10);
	if (*end != '\0' || n < 0)
		fatal(NULL, 0, "%s=%s: not a count", name, env);
	return n;
}

static void
check(int rc, const char *what)
{
	if (rc != 0)
		fatal(NULL, 0, "%s: %s", what, strerror(rc));
}

struct jobs *
jobs_open(const struct jobs_ops *ops)
{
	struct jobs *j = xcalloc(1, sizeof(*j));
	long n = env_count("CWIHP_THREADS", sysconf(_SC_NPROCESSORS_ONLN));

	j->ops = ops;
	j->nworkers = n <= 1 ? 0 : n > JOBS_MAX ? JOBS_MAX : (int)n;
	if (ops->in_order && j->nworkers > 1)
		j->nworkers = 1;
	j->direct_bytes = (size_t)env_count("CWIHP_THREADS_AFTER",
	    ops->direct_bytes ? (long)ops->direct_bytes : JOBS_DIRECT_BYTES);
	check(pthread_mutex_init(&j->spare_lock, NULL), "pthread_mutex_init");
	return j;
}

/* Keep a message at the place the job's output has reached. */
static void
note_add(struct job *jb, char *msg, size_t len)
{
	if (jb->nnotes == jb->notes_cap) {
		jb->notes_cap = jb->notes_cap ? 2 * jb->notes_cap : 4;
		jb->notes = xreallocarray(jb->notes, jb->notes_cap,
		    sizeof(*jb->notes));
	}
	fflush(jb->out->fp);	/* brings out->len up to date */
	jb->notes[jb->nnotes].at = jb->out->len;
	jb->notes[jb->nnotes].len = len;
	jb->notes[jb->nnotes++].msg = msg;
}

static void
worker_diag(struct diag_sink *sink, const char *msg, size_t len)
{
	struct job_sink *js = (struct job_sink *)sink;

	note_add(js->job, xstrndup(msg, len), len);
}

static void
main_diag(struct diag_sink *sink, const char *msg, size_t len)
{
	struct job_sink *js = (struct job_sink *)sink;

	buf_add(&js->pending, msg, len);
}

/* An output stream for a job, at its start. */
static struct job_out *
out_take(struct jobs *j)
{
	struct job_out *out = j->free_outs;

	if (out != NULL) {
		j->free_outs = out->next_free;
		if (fseeko(out->fp, 0, SEEK_SET) != 0)
			fatal(NULL, 0, "fseeko: %s", strerror(errno));
		/* glibc sets the size to the position at the seek, musl
		 * only at the next write: a job that writes nothing, or
		 * notes a message first, must not see the last job's */
		out->len = 0;
		return out;
	}
	out = xcalloc(1, sizeof(*out));
	if ((out->fp = open_memstream(&out->s, &out->len)) == NULL)
		fatal(NULL, 0, "open_memstream: %s", strerror(errno));
	return out;
}

static void
out_free(struct job_out *out)
{
	fclose(out->fp);
	free(out->s);
	free(out);
}

/* Keep a job's stream, written out, for a later job. */
static void
out_give(struct jobs *j, struct job_out *out)
{
	if (out->len > JOBS_KEEP_BYTES) {
		out_free(out);
		return;
	}
	out->next_free = j->free_outs;
	j->free_outs = out;
}

static void
run_job(struct jobs *j, struct job *jb)
{
	struct job_sink js = { { worker_diag }, jb, { NULL, 0, 0 } };
	size_t k;

	diag_capture(&js.sink);
	for (k = 0; k < jb->nunits; k++) {
		if (jb->before[k].len > 0)
			note_add(jb, jb->before[k].s, jb->before[k].len);
		else
			free(jb->before[k].s);
		j->ops->run(jb->units[k], jb->out->fp);
		j->ops->release(jb->units[k]);
	}
	diag_capture(NULL);
	if (fflush(jb->out->fp) == EOF || ferror(jb->out->fp))
		fatal(NULL, 0, "out of memory");
}

static void *
worker(void *arg)
{
	struct jobs *j = arg;
	struct job *jb;

	worker_begin();
	check(pthread_mutex_lock(&j->lock), "pthread_mutex_lock");
	for (;;) {
		while (j->next == j->tail && !j->quit)
			check(pthread_cond_wait(&j->queued, &j->lock),
			    "pthread_cond_wait");
		if (j->next == j->tail)
			break;
		jb = &j->ring[j->next++ % j->cap];
		check(pthread_mutex_unlock(&j->lock), "pthread_mutex_unlock");
		run_job(j, jb);
		check(pthread_mutex_lock(&j->lock), "pthread_mutex_lock");
		jb->done = 1;
		check(pthread_cond_signal(&j->finished), "pthread_cond_signal");
	}
	check(pthread_mutex_unlock(&j->lock), "pthread_mutex_unlock");
	if (j->ops->thread_end != NULL)
		j->ops->thread_end();
	worker_end();
	return NULL;
}

/* Units and their output are big blocks that one thread allocates and
 * another frees: glibc would map and unmap each, or give the memory back
 * to the system at once and fault it in again, which costs as much as
 * the work (normalize-translit: 298 against 164 ms of CPU).  Keep it:
 * what is in hand stays a few jobs.  With one_heap, one arena for every
 * thread (see jobs.h). */
static void
keep_freed_memory(int one_heap)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	if (one_heap)
		mallopt(M_ARENA_MAX, 1);
#else
	(void)one_heap;
#endif
}

static void
start(struct jobs *j)
{
	int i, rc;

	keep_freed_memory(j->ops->one_heap);
	j->cap = (size_t)j->nworkers * JOBS_AHEAD;
	j->hand_max = j->ops->hand_bytes ? (size_t)j->nworkers *
	    j->ops->hand_bytes : JOBS_HAND_BYTES;
	j->ring = xcalloc(j->cap, sizeof(*j->ring));
	check(pthread_mutex_init(&j->lock, NULL), "pthread_mutex_init");
	check(pthread_cond_init(&j->queued, NULL), "pthread_cond_init");
	check(pthread_cond_init(&j->finished, NULL), "pthread_cond_init");
	threads_run(1);
	for (i = 0; i < j->nworkers; i++)
		if ((rc = pthread_create(&j->worker[i], NULL, worker, j)) != 0)
			fatal(NULL, 0, "pthread_create: %s", strerror(rc));
	j->started = 1;
	/* the reader's own messages keep their place among the units' */
	j->main_sink.sink.put = main_diag;
	diag_capture(&j->main_sink.sink);
}

int
jobs_direct(struct jobs *j, size_t bytes)
{
	if (j->started)
		return 0;
	if (j->nworkers == 0 || j->seen < j->direct_bytes) {
		j->seen += bytes;
		return 1;
	}
	start(j);
	return 0;
}

/* A job's output, with its messages where they came, as diag() writes
 * them: standard output flushed first. */
static void
write_job(struct jobs *j, struct job *jb)
{
	const char *out = jb->out->s;
	size_t k, at = 0;

	for (k = 0; k < jb->nnotes; k++) {
		fwrite(out + at, 1, jb->notes[k].at - at, stdout);
		at = jb->notes[k].at;
		fflush(stdout);
		fwrite(jb->notes[k].msg, 1, jb->notes[k].len, stderr);
		free(jb->notes[k].msg);
	}
	fwrite(out + at, 1, jb->out->len - at, stdout);
	out_give(j, jb->out);
	free(jb->notes);
	free(jb->units);
	free(jb->before);
	memset(jb, 0, sizeof(*jb));
}

/* Write out the units done at the head, in order; with wait, at least
 * one (the head) even if it means waiting for it.  Called and returns
 * with the lock held. */
static void
write_done(struct jobs *j, int wait)
{
	struct job *jb;

	for (;;) {
		if (j->head == j->tail)	/* nothing in hand */
			return;
		jb = &j->ring[j->head % j->cap];
		if (!jb->done) {
			if (!wait)
				return;
			check(pthread_cond_wait(&j->finished, &j->lock),
			    "pthread_cond_wait");
			continue;
		}
		j->hand_bytes -= jb->bytes;
		check(pthread_mutex_unlock(&j->lock), "pthread_mutex_unlock");
		write_job(j, jb);
		out_check();
		check(pthread_mutex_lock(&j->lock), "pthread_mutex_lock");
		j->head++;
		wait = 0;
	}
}

/* Queue the batch gathered as a job. */
static void
queue_batch(struct jobs *j)
{
	if (j->batch.nunits == 0)
		return;
	check(pthread_mutex_lock(&j->lock), "pthread_mutex_lock");
	write_done(j, 0);
	while (j->tail - j->head == j->cap || (j->tail > j->head &&
	    j->hand_bytes + j->batch_bytes > j->hand_max))
		write_done(j, 1);
	/* after the jobs written out have given their streams back */
	j->batch.out = out_take(j);
	j->batch.bytes = j->batch_bytes;
	j->hand_bytes += j->batch_bytes;
	j->ring[j->tail++ % j->cap] = j->batch;
	check(pthread_cond_signal(&j->queued), "pthread_cond_signal");
	check(pthread_mutex_unlock(&j->lock), "pthread_mutex_unlock");
	memset(&j->batch, 0, sizeof(j->batch));
	j->batch_bytes = 0;
}

void
jobs_add(struct jobs *j, void *unit, size_t bytes)
{
	struct job *b = &j->batch;

	if (b->nunits == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->units = xreallocarray(b->units, b->cap, sizeof(*b->units));
		b->before = xreallocarray(b->before, b->cap,
		    sizeof(*b->before));
	}
	b->before[b->nunits] = j->main_sink.pending;
	memset(&j->main_sink.pending, 0, sizeof(j->main_sink.pending));
	b->units[b->nunits++] = unit;
	if ((j->batch_bytes += bytes) >= JOBS_BATCH_BYTES)
		queue_batch(j);
}

size_t
jobs_waiting(struct jobs *j)
{
	size_t n;

	if (!j->started)
		return 0;
	check(pthread_mutex_lock(&j->lock), "pthread_mutex_lock");
	n = j->tail - j->next;
	check(pthread_mutex_unlock(&j->lock), "pthread_mutex_unlock");
	return n;
}

/* Free the spare blocks; called with spare_lock held or at the end. */
static void
spares_free(struct jobs *j)
{
	while (j->nspare > 0)
		free(j->spare[--j->nspare]);
}

void *
jobs_block(struct jobs *j, size_t size)
{
	void *block = NULL;

	check(pthread_mutex_lock(&j->spare_lock), "pthread_mutex_lock");
	if (j->spare_size != size) {	/* the size asked for changed */
		spares_free(j);
		j->spare_size = size;
	}
	if (j->nspare > 0)
		block = j->spare[--j->nspare];
	check(pthread_mutex_unlock(&j->spare_lock), "pthread_mutex_unlock");
	return block != NULL ? block : xmalloc(size);
}

void
jobs_block_free(struct jobs *j, void *block, size_t size)
{
	check(pthread_mutex_lock(&j->spare_lock), "pthread_mutex_lock");
	if (size == j->spare_size && j->nspare < JOBS_SPARES) {
		j->spare[j->nspare++] = block;
		block = NULL;
	}
	check(pthread_mutex_unlock(&j->spare_lock), "pthread_mutex_unlock");
	free(block);
}

void
jobs_close(struct jobs *j)
{
	struct job_out *out;
	int i;

	if (j == NULL)
		return;
	if (j->started) {
		queue_batch(j);
		check(pthread_mutex_lock(&j->lock), "pthread_mutex_lock");
		while (j->head != j->tail)
			write_done(j, 1);
		j->quit = 1;
		check(pthread_cond_broadcast(&j->queued),
		    "pthread_cond_broadcast");
		check(pthread_mutex_unlock(&j->lock), "pthread_mutex_unlock");
		for (i = 0; i < j->nworkers; i++)
			check(pthread_join(j->worker[i], NULL), "pthread_join");
		threads_run(0);
		diag_capture(NULL);
		if (j->main_sink.pending.len > 0) {
			fflush(stdout);
			fwrite(j->main_sink.pending.s, 1,
			    j->main_sink.pending.len, stderr);
		}
		buf_free(&j->main_sink.pending);
		pthread_cond_destroy(&j->queued);
		pthread_cond_destroy(&j->finished);
		pthread_mutex_destroy(&j->lock);
		while ((out = j->free_outs) != NULL) {
			j->free_outs = out->next_free;
			out_free(out);
		}
		free(j->ring);
	}
	spares_free(j);
	pthread_mutex_destroy(&j->spare_lock);
	free(j);
}
