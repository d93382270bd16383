/* kernel/tests/ktest_thread.c - tasks that end are freed (by the task
 * that runs next: kernel/sched.c), and futex wakes with nobody asleep.
 * The user side of threads (clone, futex waits, thread groups) is tested
 * by tests/os/clone.c. */
#include "kernel/futex.h"
#include "kernel/heap.h"
#include "kernel/kmalloc.h"
#include "kernel/ktest.h"
#include "kernel/task.h"
#include "kernel/uapi/futex.h"

static volatile int ran;

static void short_lived(void *arg)
{
	(void)arg;
	ran++;
}

/* Until n short_lived tasks have run (and the last has been switched
 * away from, so that its task is freed). */
static void until_ran(int n)
{
	for (int spins = 0; ran < n && spins < 100000; spins++)
		yield();
	yield();
}

KTEST(ended_kthreads_are_freed)
{
	size_t used0;
	unsigned stacks0;

	ran = 0;
	KEXPECT(kthread_create("ktest-short", short_lived, NULL) != NULL);
	until_ran(1); /* the heap's first growth, if any, happens here */
	used0 = kernel_heap()->used_bytes;
	stacks0 = task_stacks();
	for (int round = 0; round < 200; round++) {
		KEXPECT(kthread_create("ktest-short", short_lived, NULL) !=
			NULL);
		KEXPECT(kthread_create("ktest-short", short_lived, NULL) !=
			NULL);
		until_ran(3 + 2 * round);
	}
	KEXPECT_EQ(ran, 401);
	KEXPECT_EQ(task_stacks(), stacks0);
	/* (the network may hold a few buffers more or less meanwhile; 200
	 * tasks not freed would be more than 3 MiB) */
	KEXPECT(kernel_heap()->used_bytes <= used0 + 8192);
}

KTEST(futex_wake_without_sleepers)
{
	static int word;

	KEXPECT_EQ(futex_wake(NULL, (uint32_t)&word, 1, FUTEX_BITSET_MATCH_ANY),
		   0);
	KEXPECT_EQ(futex_wake(NULL, (uint32_t)&word, 0, FUTEX_BITSET_MATCH_ANY),
		   0);
}
