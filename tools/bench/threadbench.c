/* tools/bench/threadbench.c - what threads and mutexes cost (make bench).
 *
 *	threadbench [-T TARGET_MS]
 *
 * prints, as "name value unit" lines like the reference microbench:
 *	thread_create_join N threads/s	pthread_create of a thread that
 *					returns at once, then pthread_join
 *	mutex_uncontended N ns/round	pthread_mutex_lock + unlock in one
 *					thread: the futex-free fast path
 *	mutex_contended_2 N ns/round	2 threads each looping lock, add 1
 *	mutex_contended_4 N ns/round	to a shared counter, unlock, for
 *					TARGET_MS; the time over all their
 *					rounds (the counter is checked)
 * Each figure comes from an untimed warm-up, then batches until
 * TARGET_MS (default 500) have passed.  On one CPU (the QEMU machines)
 * contention means a thread preempted while it holds the mutex: the
 * others then sleep in futex until it is released.  A static i386
 * program on this project's libc, so the same binary runs on this OS,
 * on the Linux reference guest and on the Linux host.  Exit status 1
 * when a thread call fails or the counter is wrong.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_CONTENDERS 4

static long long target_ns = 500000000LL;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static _Noreturn void die(const char *what, int err)
{
	fprintf(stderr, "threadbench: %s: %s\n", what, strerror(err));
	exit(1);
}

static void report(const char *name, double value, const char *unit)
{
	printf("%s %.1f %s\n", name, value, unit);
	fflush(stdout);
}

static void *nothing(void *arg)
{
	return arg;
}

static void create_join(int n)
{
	for (int i = 0; i < n; i++) {
		pthread_t t;
		int err = pthread_create(&t, NULL, nothing, NULL);

		if (err)
			die("pthread_create", err);
		err = pthread_join(t, NULL);
		if (err)
			die("pthread_join", err);
	}
}

static void bench_create_join(void)
{
	long long t0, el, n = 0;

	create_join(10);
	t0 = now_ns();
	do {
		create_join(10);
		n += 10;
		el = now_ns() - t0;
	} while (el < target_ns);
	report("thread_create_join", n * 1e9 / el, "threads/s");
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile unsigned long shared; /* guarded by lock */

static void rounds(long n)
{
	for (long i = 0; i < n; i++) {
		pthread_mutex_lock(&lock);
		shared++;
		pthread_mutex_unlock(&lock);
	}
}

static void bench_uncontended(void)
{
	long long t0, el, n = 0;

	rounds(10000);
	t0 = now_ns();
	do {
		rounds(10000);
		n += 10000;
		el = now_ns() - t0;
	} while (el < target_ns);
	report("mutex_uncontended", (double)el / n, "ns/round");
}

/* The contenders: each counts its rounds until stop is set.  They
 * start together, when go is set (they yield until then, which keeps
 * the mutex under test out of the start). */
static volatile int go, stop;

struct contender {
	pthread_t thread;
	unsigned long rounds;
};

static void *contend(void *arg)
{
	struct contender *c = arg;

	while (!go)
		sched_yield();
	while (!stop) {
		rounds(100);
		c->rounds += 100;
	}
	return NULL;
}

/* N threads for NS nanoseconds: ns per round, over all of theirs. */
static double contended(int n, long long ns)
{
	struct contender c[MAX_CONTENDERS] = {0};
	struct timespec pause = {ns / 1000000000LL, ns % 1000000000LL};
	unsigned long total = 0;
	long long t0, el;
	int err;

	go = stop = 0;
	shared = 0;
	for (int i = 0; i < n; i++) {
		err = pthread_create(&c[i].thread, NULL, contend, &c[i]);
		if (err)
			die("pthread_create", err);
	}
	t0 = now_ns();
	go = 1;
	nanosleep(&pause, NULL);
	stop = 1;
	for (int i = 0; i < n; i++) {
		err = pthread_join(c[i].thread, NULL);
		if (err)
			die("pthread_join", err);
		total += c[i].rounds;
	}
	el = now_ns() - t0;
	if (shared != total) {
		fprintf(stderr,
			"threadbench: %d threads: counter %lu, %lu rounds\n", n,
			shared, total);
		exit(1);
	}
	return total ? (double)el / total : 0;
}

static void bench_contended(int n)
{
	char name[32];

	contended(n, target_ns / 10);
	snprintf(name, sizeof(name), "mutex_contended_%d", n);
	report(name, contended(n, target_ns), "ns/round");
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "-T"))
		target_ns = atoi(argv[2]) * 1000000LL;
	else if (argc != 1) {
		fprintf(stderr, "usage: threadbench [-T TARGET_MS]\n");
		return 2;
	}
	bench_create_join();
	bench_uncontended();
	bench_contended(2);
	bench_contended(4);
	return 0;
}
