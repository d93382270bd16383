/* user/bin/threads.c - threads share an address space, forked processes
 * do not: the lecture's "protection vs concurrency" point (CS162
 * lecture 5, "Concurrent Server without Protection": why give up the
 * protection of separate processes?).
 *
 *   threads [-r] [-t THREADS] [-n COUNT]	(default 4 threads, 100000)
 *
 * 1. THREADS threads each add 1 to one global counter COUNT times,
 *    taking a mutex around each increment.  The main thread then reads
 *    THREADS x COUNT: every thread wrote into the same memory, the
 *    process's.  They all report the same process id.
 * 2. fork(): the child adds 1 to the same global COUNT times and sees
 *    COUNT; the parent, after waiting for it, still reads 0.  The child
 *    wrote at the same address, but in its own copy of the address
 *    space: a process cannot touch another's memory (protection), and
 *    threads can (concurrency, and the need for locks).
 * 3. With -r, the first part again without the mutex, and 1000000
 *    increments a thread unless -n says otherwise (a thread must run
 *    longer than its time slice to be preempted): each increment is
 *    a load, an add and a store, and a thread interrupted between its
 *    load and its store writes back a stale value, losing the updates
 *    made meanwhile.  How many are lost varies from run to run (on one
 *    CPU only a preemption in that window loses any); the other parts
 *    always print the same lines.
 *
 * The increment calls a function between its load and its store, as
 * real work between reading and writing shared data would.  It also
 * opens the window under QEMU's TCG, which takes an interrupt only at
 * the start of a block of translated code: a load, add and store in one
 * block could never be preempted in between, and -r would lose nothing
 * on one virtual CPU.
 *
 * Exit status: 0 when parts 1 and 2 saw what they should, 1 otherwise
 * (or when a thread or process cannot be made), 2 for bad usage.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_THREADS 64

static volatile long counter; /* the shared (or copied) memory */
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long count = 100000;
static long race_count = 1000000; /* part 3's count, unless -n */
static int nthreads = 4;
static bool locked = true; /* part 1 (true) or part 3 (false) */
static pid_t seen_pid[MAX_THREADS];

/* The start line: the adders wait here until all exist, so that they
 * run at the same time rather than each finishing before the next one
 * is created. */
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t start_cond = PTHREAD_COND_INITIALIZER;
static bool started;

static _Noreturn void usage(void)
{
	fputs("usage: threads [-r] [-t THREADS] [-n COUNT]\n", stderr);
	exit(2);
}

static _Noreturn void fail(const char *what, int err)
{
	fprintf(stderr, "threads: %s: %s\n", what, strerror(err));
	exit(1);
}

static long number(const char *s, long max)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || n < 1 || n > max) {
		fprintf(stderr, "threads: invalid number '%s' (1 to %ld)\n", s,
			max);
		usage();
	}
	return n;
}

/* Something done between reading the counter and writing it back;
 * never inlined, so that it is code of its own (see the top). */
static __attribute__((noinline)) long work(long v)
{
	__asm__ volatile("" : "+r"(v)); /* opaque to the optimiser */
	return v + 1;
}

/* One increment as the machine does it: load, add, store. */
static void increment(void)
{
	long v = counter;

	counter = work(v);
}

static void *adder(void *arg)
{
	int id = (int)(long)arg;

	seen_pid[id] = getpid();
	pthread_mutex_lock(&start_lock);
	while (!started)
		pthread_cond_wait(&start_cond, &start_lock);
	pthread_mutex_unlock(&start_lock);
	for (long i = 0; i < count; i++) {
		if (locked)
			pthread_mutex_lock(&counter_lock);
		increment();
		if (locked)
			pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

/* Runs nthreads adders and waits for them all. */
static void run_adders(void)
{
	pthread_t t[MAX_THREADS];
	int err;

	counter = 0;
	started = false;
	for (int i = 0; i < nthreads; i++) {
		err = pthread_create(&t[i], NULL, adder, (void *)(long)i);
		if (err)
			fail("pthread_create", err);
	}
	pthread_mutex_lock(&start_lock);
	started = true;
	pthread_cond_broadcast(&start_cond);
	pthread_mutex_unlock(&start_lock);
	for (int i = 0; i < nthreads; i++) {
		err = pthread_join(t[i], NULL);
		if (err)
			fail("pthread_join", err);
	}
}

static bool part_threads(void)
{
	long total = nthreads * count;
	bool one_pid = true;

	printf("1. threads: one address space\n");
	printf("   %d threads each add 1 to the counter %ld times, "
	       "holding a mutex\n",
	       nthreads, count);
	run_adders();
	for (int i = 0; i < nthreads; i++)
		one_pid = one_pid && seen_pid[i] == getpid();
	printf("   main thread reads counter = %ld (%d x %ld): %s\n", counter,
	       nthreads, count,
	       counter == total ? "every thread's increments are in its memory"
				: "WRONG, increments were lost");
	printf("   the threads' getpid() is the main thread's: %s\n",
	       one_pid ? "yes, one process" : "NO");
	return counter == total && one_pid;
}

static bool part_fork(void)
{
	volatile long *where = &counter;
	pid_t pid;
	int status;

	printf("2. fork: a copy of the address space\n");
	counter = 0;
	fflush(stdout); /* or the child would print the parent's buffer too */
	pid = fork();
	if (pid < 0)
		fail("fork", errno);
	if (pid == 0) {
		for (long i = 0; i < count; i++)
			increment();
		printf("   child adds 1 to the counter %ld times and reads "
		       "counter = %ld (same address as the parent's: %s)\n",
		       count, counter, where == &counter ? "yes" : "no");
		exit(counter == count ? 0 : 1);
	}
	if (waitpid(pid, &status, 0) < 0)
		fail("waitpid", errno);
	printf("   parent, after the child's exit, reads counter = %ld: %s\n",
	       counter,
	       counter == 0 ? "the child changed only its own copy"
			    : "WRONG, the child's increments reached it");
	return counter == 0 && WIFEXITED(status) && !WEXITSTATUS(status);
}

static void part_race(void)
{
	long total;

	printf("3. threads without the mutex: a race\n");
	count = race_count;
	total = nthreads * count;
	locked = false;
	run_adders();
	printf("   %d threads x %ld unprotected increments: counter = %ld, "
	       "%ld lost (varies from run to run)\n",
	       nthreads, count, counter, total - counter);
}

int main(int argc, char **argv)
{
	bool race = false, ok;
	int opt;

	while ((opt = getopt(argc, argv, "n:rt:")) != -1) {
		switch (opt) {
		case 'n':
			count = race_count = number(optarg, 10000000);
			break;
		case 'r':
			race = true;
			break;
		case 't':
			nthreads = number(optarg, MAX_THREADS);
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	ok = part_threads();
	ok = part_fork() && ok;
	if (race)
		part_race();
	return ok ? 0 : 1;
}
