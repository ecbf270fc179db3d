/* jobs.c: unit tests for lib/jobs.c: output in input order whatever the
 * workers' timing, diagnostics before their unit's output, the direct
 * start and the environment's counts, output streams and blocks that
 * go round. */
#include <sys/wait.h>

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "jobs.h"
#include "util.h"
#include "unit.h"

#define NUNITS	600

/* A unit is its number; odd units take a while, every 50th warns. */
static void
run_number(void *unit, FILE *out)
{
	long no = *(long *)unit;
	struct timespec pause = { 0, (no % 7) * 20000L };

	if (no % 2)
		nanosleep(&pause, NULL);
	if (no % 50 == 0)
		diag("unit", no + 1, "warning");
	fprintf(out, "unit %ld\n", no);
}

static void
release_number(void *unit)
{
	free(unit);
}

static const struct jobs_ops number_jobs = { .run = run_number,
    .release = release_number };

/* A unit for ops, numbered no (the jobs' block, for units that are) */
static struct jobs *jobs_now;
static int units_in_blocks;

static long *
unit_new(long no)
{
	long *unit = units_in_blocks ? jobs_block(jobs_now, sizeof(*unit)) :
	    xmalloc(sizeof(*unit));

	*unit = no;
	return unit;
}

/* Run nunits units the way a program does, the reader warning before
 * every 70th; what it wrote to standard output and standard error, or
 * with both in one file, to *out. */
static void
run_units(const struct jobs_ops *ops, long nunits, size_t unit_bytes,
    int one_file, char **out, char **err)
{
	struct unit_capture cap_out, cap_err;
	struct jobs *j;
	long i, *unit;
	int saved_err = -1;

	unit_capture_begin(&cap_out, 1);
	if (one_file) {
		fflush(stderr);
		saved_err = dup(2);
		dup2(1, 2);
	} else
		unit_capture_begin(&cap_err, 2);
	jobs_now = j = jobs_open(ops);
	for (i = 0; i < nunits; i++) {
		unit = unit_new(i);
		if (i % 70 == 0)
			diag("reader", i + 1, "note");
		if (jobs_direct(j, unit_bytes)) {
			ops->run(unit, stdout);
			ops->release(unit);
		} else
			jobs_add(j, unit, unit_bytes);
	}
	jobs_close(j);
	if (one_file) {
		fflush(stderr);
		dup2(saved_err, 2);
		close(saved_err);
		*err = NULL;
	} else
		*err = unit_capture_end(&cap_err, NULL);
	*out = unit_capture_end(&cap_out, NULL);
}

static void
run_all(size_t unit_bytes, int one_file, char **out, char **err)
{
	run_units(&number_jobs, NUNITS, unit_bytes, one_file, out, err);
}

/* What one thread writes: with one_file, both in one stream in order. */
static void
expected(int one_file, char **out, char **err)
{
	struct buf o = { 0 }, e = { 0 }, *msgs = one_file ? &o : &e;
	long i;

	for (i = 0; i < NUNITS; i++) {
		if (i % 70 == 0)
			buf_printf(msgs, "jobs-test: reader:%ld: note\n", i + 1);
		if (i % 50 == 0)
			buf_printf(msgs, "jobs-test: unit:%ld: warning\n", i + 1);
		buf_printf(&o, "unit %ld\n", i);
	}
	*out = buf_take(&o);
	*err = e.len ? buf_take(&e) : xstrdup("");
}

static void
test_order(const char *threads, const char *after, size_t unit_bytes)
{
	char *out, *err, *want_out, *want_err;

	setenv("CWIHP_THREADS", threads, 1);
	setenv("CWIHP_THREADS_AFTER", after, 1);
	run_all(unit_bytes, 0, &out, &err);
	expected(0, &want_out, &want_err);
	is_str(out, want_out, "threads %s, after %s, units of %zu bytes: "
	    "output in order", threads, after, unit_bytes);
	is_str(err, want_err, "threads %s, after %s: diagnostics in order",
	    threads, after);
	free(out);
	free(err);
	free(want_out);
	free(want_err);

	run_all(unit_bytes, 1, &out, &err);
	expected(1, &want_out, &want_err);
	is_str(out, want_out, "threads %s, after %s: output and messages in "
	    "one file, each where one thread puts it", threads, after);
	free(out);
	free(want_out);
	free(want_err);
}

/* A bad count is an error that names the variable. */
static void
test_bad_count(void)
{
	struct unit_capture cap;
	pid_t pid;
	int status = -1;
	char *err;

	unit_capture_begin(&cap, 2);
	fflush(NULL);
	if ((pid = fork()) == -1) {
		perror("fork");
		exit(99);
	}
	if (pid == 0) {
		setenv("CWIHP_THREADS", "two", 1);
		jobs_close(jobs_open(&number_jobs));
		_exit(0);
	}
	waitpid(pid, &status, 0);
	err = unit_capture_end(&cap, NULL);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == EXIT_TROUBLE,
	    "CWIHP_THREADS=two: exit 2");
	is_str(err, "jobs-test: CWIHP_THREADS=two: not a count\n",
	    "CWIHP_THREADS=two: the message names it");
	free(err);
}

/* jobs_waiting(): none before the workers start; while the one worker
 * of in_order jobs is held in its first job, the jobs queued behind it */
static int gate_open;
static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cond = PTHREAD_COND_INITIALIZER;

static void
run_gated(void *unit, FILE *out)
{
	pthread_mutex_lock(&gate_lock);
	while (!gate_open)
		pthread_cond_wait(&gate_cond, &gate_lock);
	pthread_mutex_unlock(&gate_lock);
	fprintf(out, "unit %ld\n", *(long *)unit);
}

static const struct jobs_ops gated_jobs = { .run = run_gated,
    .release = release_number, .in_order = 1 };

static void
test_waiting(void)
{
	struct unit_capture cap;
	struct jobs *j;
	long i, *unit;
	char *got;
	size_t waiting;

	setenv("CWIHP_THREADS", "2", 1);
	setenv("CWIHP_THREADS_AFTER", "0", 1);
	unit_capture_begin(&cap, 1);
	j = jobs_open(&gated_jobs);
	is_long(jobs_waiting(j), 0, "jobs_waiting: none before the start");
	for (i = 0; i < 3; i++) {
		if (jobs_direct(j, 100000)) {	/* never, with workers */
			is_long(1, 0, "jobs_waiting: workers from the start");
			break;
		}
		unit = xmalloc(sizeof(*unit));
		*unit = i;
		jobs_add(j, unit, 100000);	/* a job each */
	}
	/* the worker holds job 0 or has yet to take it: 2 or 3 wait */
	waiting = jobs_waiting(j);
	ok(waiting == 2 || waiting == 3, "jobs_waiting: %zu of 3 queued "
	    "behind a held job", waiting);
	pthread_mutex_lock(&gate_lock);
	gate_open = 1;
	pthread_cond_broadcast(&gate_cond);
	pthread_mutex_unlock(&gate_lock);
	jobs_close(j);
	got = unit_capture_end(&cap, NULL);
	is_str(got, "unit 0\nunit 1\nunit 2\n", "jobs_waiting: the output");
	free(got);
}

/* Units whose output differs in size, from none to more than jobs.c
 * keeps a stream for, with messages halfway: jobs' output streams are
 * rewound for later jobs, and each job's output must come whole and in
 * order, a short one after a long one too.  The units are blocks of
 * jobs_block(), given back by the workers. */
static void
run_sized(void *unit, FILE *out)
{
	static const size_t lens[] = { 300000, 5, 140000, 0, 70000, 1, 9000 };
	long no = *(long *)unit;
	size_t k, len = lens[no % 7];

	for (k = 0; k < len; k++) {
		if (k == len / 2 && no % 3 == 0)
			diag("sized", no + 1, "halfway");
		putc('a' + no % 26, out);
	}
	fprintf(out, "|%ld\n", no);
}

static void
release_block(void *unit)
{
	jobs_block_free(jobs_now, unit, sizeof(long));
}

static const struct jobs_ops sized_jobs = { .run = run_sized,
    .release = release_block, .hand_bytes = 150000 };

static void
test_sizes(const char *threads, size_t unit_bytes)
{
	char *out, *err, *want_out, *want_err;
	int one_file;

	units_in_blocks = 1;
	for (one_file = 0; one_file <= 1; one_file++) {
		setenv("CWIHP_THREADS", "1", 1);
		run_units(&sized_jobs, 60, unit_bytes, one_file, &want_out,
		    &want_err);
		setenv("CWIHP_THREADS", threads, 1);
		setenv("CWIHP_THREADS_AFTER", "0", 1);
		run_units(&sized_jobs, 60, unit_bytes, one_file, &out, &err);
		ok(out != NULL && strcmp(out, want_out) == 0, "threads %s, "
		    "units of %zu bytes, outputs of 0 to 300000 bytes%s: as "
		    "on one thread", threads, unit_bytes, one_file ?
		    ", messages in the same file" : "");
		if (!one_file)
			is_str(err, want_err, "threads %s, units of %zu bytes: "
			    "messages as on one thread", threads, unit_bytes);
		free(out);
		free(err);
		free(want_out);
		free(want_err);
	}
	units_in_blocks = 0;
}

/* A block given back comes round again for the same size; one of
 * another size is a new block, and the spares are freed (the sanitizers
 * check that none is lost). */
static void
test_blocks(void)
{
	struct jobs *j;
	char *a, *b;

	setenv("CWIHP_THREADS", "2", 1);
	j = jobs_open(&number_jobs);
	a = jobs_block(j, 1000);
	memset(a, 'x', 1000);
	jobs_block_free(j, a, 1000);
	b = jobs_block(j, 1000);
	ok(b == a, "jobs_block: a block given back comes round");
	jobs_block_free(j, b, 1000);
	b = jobs_block(j, 2000);
	memset(b, 'y', 2000);
	jobs_block_free(j, b, 2000);
	jobs_block_free(j, xmalloc(1000), 1000);	/* not the size now */
	a = jobs_block(j, 2000);
	ok(a == b, "jobs_block: the size asked for last comes round");
	jobs_block_free(j, a, 2000);
	jobs_close(j);
}

int
main(void)
{
	progname = "jobs-test";
	test_order("1", "0", 10);	/* no thread at all */
	test_order("3", "0", 10);	/* threads from the first unit */
	test_order("3", "0", 9000);	/* jobs of a few units, many */
	test_order("2", "1000", 10);	/* direct, then threads */
	test_order("2", "100000", 9000);	/* direct, then many jobs */
	test_order("4", "0", 100000);	/* a job a unit */
	test_order("8", "0", 1);	/* every unit in one job */
	test_sizes("3", 100000);	/* a job a unit */
	test_sizes("2", 10);	/* jobs of many units */
	test_blocks();
	test_bad_count();
	test_waiting();
	return unit_done();
}
