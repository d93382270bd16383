/* kernel/defer.c - the queue of deferred work (bottom halves); see defer.h.
 *
 * The queue is a FIFO linked list guarded by disabling interrupts, since
 * its only concurrent users are interrupt top halves on this one CPU.  A
 * kernel thread, "kworker", sleeps until work is queued and runs it with
 * interrupts on, as an ordinary task that the scheduler picks.
 */
#include "kernel/defer.h"

#include <stddef.h>

#include "kernel/panic.h"
#include "kernel/task.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

static struct work *queue_head, *queue_tail;
static bool running;
static struct wait_queue work_queued = WAIT_QUEUE_INIT;

void defer_schedule(struct work *w)
{
	uint32_t flags = irq_save();

	if (!w->pending) {
		w->pending = true;
		w->next = NULL;
		if (queue_tail)
			queue_tail->next = w;
		else
			queue_head = w;
		queue_tail = w;
		wake_up(&work_queued);
	}
	irq_restore(flags);
}

static struct work *dequeue(void)
{
	uint32_t flags = irq_save();
	struct work *w = queue_head;

	if (w) {
		queue_head = w->next;
		if (!queue_head)
			queue_tail = NULL;
		w->pending = false; /* may be queued again while it runs */
	}
	irq_restore(flags);
	return w;
}

bool defer_run(void)
{
	uint32_t flags = irq_save();
	bool ran = false;
	struct work *w;

	if (running) {
		irq_restore(flags);
		return false;
	}
	running = true;
	sti();
	while ((w = dequeue())) {
		w->fn(w->arg);
		ran = true;
	}
	cli();
	running = false;
	irq_restore(flags);
	return ran;
}

static void kworker(void *unused)
{
	(void)unused;
	for (;;) {
		wait_event(&work_queued, queue_head != NULL);
		defer_run();
	}
}

void defer_init(void)
{
	if (!kthread_create("kworker", kworker, NULL))
		panic("defer_init: no memory for the kworker thread");
}
