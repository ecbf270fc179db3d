/* jobs.h: a program's units of work on worker threads, their output
 * written in the order the units came.
 *
 * The main thread reads the input and hands each unit (a document, a
 * run of lines) to jobs_add(); a worker runs it with its standard
 * output and its diagnostics going to memory, and the main thread
 * writes them out unit by unit, in order, so that the output is the
 * same byte for byte as one thread's.  Each message keeps its place in
 * the output, the reader's own too: with 2>&1 the stream is the same
 * as well.
 *
 * Threads pay only on big inputs: jobs_direct() tells the caller to
 * run a unit itself, as a one-thread program does, until the input
 * seen reaches JOBS_DIRECT_BYTES (CWIHP_THREADS_AFTER in the
 * environment, in bytes); the workers start then.  How many:
 * CWIHP_THREADS from the environment (1 runs everything on the main
 * thread), else the processors online, at most JOBS_MAX.
 *
 * Whatever a unit's run changes must be its own or thread-local
 * (_Thread_local): caches, scratch buffers, compiled patterns. */
#ifndef CWIHP_JOBS_H
#define CWIHP_JOBS_H

#include <stddef.h>
#include <stdio.h>

#define JOBS_DIRECT_BYTES	(256 * 1024)
#define JOBS_MAX		8

struct jobs_ops {
	/* Run one unit, writing its output to out. */
	void (*run)(void *unit, FILE *out);
	/* Free a unit handed to jobs_add(), after its run. */
	void (*release)(void *unit);
	/* Free a worker's thread-local state as the worker ends (NULL:
	 * nothing to free). */
	void (*thread_end)(void);
	/* Each unit needs the ones before it done: one worker runs them
	 * all, in order, beside the main thread's reading. */
	int in_order;
	/* Bytes run direct before the workers start (0: JOBS_DIRECT_BYTES);
	 * CWIHP_THREADS_AFTER overrides it. */
	size_t direct_bytes;
	/* Bytes of input in hand (queued, running or waiting to be
	 * written) a worker, for big units (0: 1 MB in all, whatever the
	 * workers).  Peak memory is that of the most ever in hand, which a
	 * long input reaches and a short one may not: the less there is,
	 * the flatter it stays. */
	size_t hand_bytes;
	/* Units are big blocks of input: one heap for every thread.  With
	 * a heap a thread (glibc's arenas), blocks one thread allocates and
	 * another frees scatter, and peak memory creeps up with the input
	 * (normalize-translit, before its blocks and the output streams
	 * went round: 5.3 MB at 10 MB, 6.5 MB at 300 MB; one heap: 5.1
	 * and 5.7 MB; now 4.8 to 5.4 MB from 10 MB to 1 GB, about 0.2 MB
	 * more without one heap).  Small units run faster without it
	 * (extract-cites: 7%). */
	int one_heap;
};

struct jobs;

struct jobs *jobs_open(const struct jobs_ops *ops);
/* 1: the caller runs this unit of size bytes itself, now, writing to
 * standard output.  0: the workers run; the unit goes to jobs_add(),
 * as does every later one. */
int  jobs_direct(struct jobs *j, size_t bytes);
/* Queue a unit of size bytes for the workers (gathered into jobs of
 * some size); writes the output of the jobs done so far, in order, and
 * waits while too many are in hand. */
void jobs_add(struct jobs *j, void *unit, size_t bytes);
/* Jobs queued that no worker has begun (0 before the workers
 * start): a reader with work it may do either side of the queue does
 * it itself while the workers are behind. */
size_t jobs_waiting(struct jobs *j);
/* A block of size bytes for a unit, one given back by
 * jobs_block_free() if one of that size is spare, else a new one: the
 * reader's blocks go round rather than to the heap and back (see
 * one_heap). */
void *jobs_block(struct jobs *j, size_t size);
/* Give back a block of jobs_block()'s (on any thread). */
void  jobs_block_free(struct jobs *j, void *block, size_t size);
/* Write the output of every unit queued, then end the workers. */
void jobs_close(struct jobs *j);

#endif
