/* kernel/defer.h - deferred work: the bottom halves of interrupt handlers.
 *
 * An interrupt's top half does the least it can (acknowledge the device,
 * move bytes into a ring) and calls defer_schedule(); the work item then
 * runs later with interrupts enabled, in the "kworker" kernel thread
 * (like Linux's workqueues).  A work item is queued at most once until it
 * has run.  Work may wake sleepers but must not sleep itself.
 */
#ifndef KERNEL_DEFER_H
#define KERNEL_DEFER_H

#include <stdbool.h>

struct work {
	void (*fn)(void *arg);
	void *arg;
	const char *name;
	struct work *next;
	bool pending;
};

#define WORK_INIT(f, a) { .fn = (f), .arg = (a), .name = #f }

/* Queues w unless already pending; safe from interrupt context. */
void defer_schedule(struct work *w);
/* Starts the kworker thread (after sched_init). */
void defer_init(void);
/* Runs every pending item (interrupts enabled while each runs); does
 * nothing if called re-entrantly.  Returns whether anything ran. */
bool defer_run(void);

#endif
