/* kernel/mutex.h - a sleeping lock for code that may sleep while holding
 * it (a caller waiting for the disk inside the filesystem).
 *
 * The kernel is not preempted, so the test-and-set in mutex_lock is
 * atomic between tasks as long as nothing sleeps in between; interrupt
 * handlers never take mutexes.
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include <stdbool.h>

#include "kernel/task.h"
#include "kernel/wait.h"

struct mutex {
	bool locked;
	struct task *owner;
	struct wait_queue wq;
};

#define MUTEX_INIT(name) { false, NULL, WAIT_QUEUE_INIT }

static inline void mutex_lock(struct mutex *m)
{
	wait_event(&m->wq, !m->locked);
	m->locked = true;
	m->owner = current;
}

static inline void mutex_unlock(struct mutex *m)
{
	m->locked = false;
	m->owner = NULL;
	wake_up(&m->wq);
}

#endif
