/* tests/os/pthread_stress.c - many threads: 10,000 create/join cycles and
 * 10,000 detached threads leave the process's memory as it was (VmSize
 * and VmRSS in /proc/self/status, on Linux and here: every thread's
 * mapping was freed) and, on this OS, the kernel's too (KernelHeapUsed
 * and MemFree in /proc/meminfo, as tests/os/multioom reads them: every
 * thread's kernel stack and task freed); 100 threads hammering one mutex
 * add up exactly, and 100 threads alive at once, asleep on one condition
 * variable, all wake and end.
 */
#define T_TIMEOUT_MS 240000 /* 10,000 clones under QEMU's TCG */

#include <pthread.h>
#include <sched.h>

#include "t.h"

/* VmSize or VmRSS of this process, in kB; -1 if not found */
static long status_kb(const char *field)
{
	char buf[2048];
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	char *p;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	p = strstr(buf, field);
	return p ? strtol(p + strlen(field) + 1, NULL, 10) : -1;
}

struct kmem {
	long heap, free;
};

/* This OS's kernel heap in use, and its free memory plus what this
 * process holds (its own pages come out of MemFree too); zeros on Linux,
 * whose meminfo moves with everything else the host runs. */
static struct kmem kernel_memory(void)
{
	if (t_on_linux())
		return (struct kmem){0, 0};
	return (struct kmem){t_meminfo_kb("KernelHeapUsed"),
			     t_meminfo_kb("MemFree") + status_kb("VmRSS:")};
}

/* the kernel's memory must come back to before (the last threads'
 * ends may still be on their way: a few tries) */
static void check_kernel_memory(struct kmem before)
{
	struct kmem after = kernel_memory();

	for (int i = 0; i < 100 && (after.heap != before.heap ||
				    after.free != before.free);
	     i++) {
		t_sleep_ms(10);
		after = kernel_memory();
	}
	if (after.heap != before.heap || after.free != before.free)
		T_FAIL("kernel memory: heap used %ld kB, free %ld kB before; "
		       "%ld kB, %ld kB after",
		       before.heap, before.free, after.heap, after.free);
}

static void *nothing(void *arg)
{
	return arg;
}

static void create_join_cycles(int n)
{
	for (long i = 0; i < n; i++) {
		pthread_t t;
		void *r;

		if (pthread_create(&t, NULL, nothing, (void *)i))
			T_FAIL("create %ld: failed", i);
		if (pthread_join(t, &r) || (long)r != i)
			T_FAIL("join %ld: wrong", i);
	}
}

static void check_memory(long size0, long rss0)
{
	long size = status_kb("VmSize:"), rss = status_kb("VmRSS:");

	/* one thread left behind would be a 1 MiB mapping */
	if (size > size0 + 256 || rss > rss0 + 256)
		T_FAIL("VmSize %ld kB (was %ld), VmRSS %ld kB (was %ld)", size,
		       size0, rss, rss0);
}

static void create_join_10000(void)
{
	create_join_cycles(100); /* the libc's own first allocations */
	kernel_memory();
	struct kmem k0 = kernel_memory();
	long size0 = status_kb("VmSize:"), rss0 = status_kb("VmRSS:");

	T_TRUE(size0 > 0 && rss0 > 0);
	create_join_cycles(10000);
	check_memory(size0, rss0);
	check_kernel_memory(k0);
}

static volatile int alive;

static void *detached(void *arg)
{
	(void)arg;
	__atomic_sub_fetch(&alive, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* n detached threads, at most 32 alive at a time */
static void detached_cycles(int n)
{
	pthread_attr_t a;

	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < n; i++) {
		pthread_t t;

		while (alive >= 32)
			sched_yield();
		__atomic_add_fetch(&alive, 1, __ATOMIC_SEQ_CST);
		if (pthread_create(&t, &a, detached, NULL))
			T_FAIL("create %d: failed", i);
	}
	while (alive > 0)
		sched_yield();
	pthread_attr_destroy(&a);
}

static void detached_10000(void)
{
	detached_cycles(100);
	t_sleep_ms(20); /* the last ones gone, so the next create frees them */
	create_join_cycles(1);
	kernel_memory();
	struct kmem k0 = kernel_memory();
	long size0 = status_kb("VmSize:"), rss0 = status_kb("VmRSS:");

	detached_cycles(10000);
	t_sleep_ms(20);
	create_join_cycles(1);
	check_memory(size0, rss0);
	check_kernel_memory(k0);
}

#define HAMMERS 100
#define HITS 1000

static pthread_mutex_t one = PTHREAD_MUTEX_INITIALIZER;
static volatile long hits;

static void *hammer(void *arg)
{
	(void)arg;
	for (int i = 0; i < HITS; i++) {
		pthread_mutex_lock(&one);
		hits++;
		pthread_mutex_unlock(&one);
	}
	return NULL;
}

static void hammer_round(void)
{
	pthread_t t[HAMMERS];

	hits = 0;
	for (int i = 0; i < HAMMERS; i++)
		T_EQ(pthread_create(&t[i], NULL, hammer, NULL), 0);
	for (int i = 0; i < HAMMERS; i++)
		T_EQ(pthread_join(t[i], NULL), 0);
	T_EQ(hits, HAMMERS * HITS);
}

/* Twice: the first round's 100 stacks at once leave the page tables
 * that map them (the process's, until it ends); the second round reuses
 * them and must leave the kernel's memory exactly as it found it. */
static void hammer_one_mutex(void)
{
	hammer_round();
	kernel_memory();
	struct kmem k0 = kernel_memory();

	hammer_round();
	check_kernel_memory(k0);
}

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int started, released;

static void *sleeper(void *arg)
{
	pthread_mutex_lock(&m);
	started++;
	pthread_cond_broadcast(&cv);
	while (!released)
		pthread_cond_wait(&cv, &m);
	pthread_mutex_unlock(&m);
	return arg;
}

static void hundred_alive(void)
{
	pthread_t t[HAMMERS];
	void *r;

	for (long i = 0; i < HAMMERS; i++)
		T_EQ(pthread_create(&t[i], NULL, sleeper, (void *)i), 0);
	pthread_mutex_lock(&m);
	while (started < HAMMERS)
		pthread_cond_wait(&cv, &m);
	released = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&m);
	for (long i = 0; i < HAMMERS; i++) {
		T_EQ(pthread_join(t[i], &r), 0);
		T_EQ((long)r, i);
	}
}

static const struct t_case cases[] = {
    T(create_join_10000),
    T(detached_10000),
    T(hammer_one_mutex),
    T(hundred_alive),
};

T_MAIN(cases, NULL)
