/* kernel/wait.h - sleeping until a condition holds, and waking sleepers.
 *
 * The request side of a driver sleeps with wait_event(wq, cond) until its
 * bottom half has made cond true and called wake_up(wq).  Until the
 * scheduler exists there is one kernel context and nothing else to run,
 * so sleeping means halting the CPU until an interrupt (whose bottom half
 * runs on the way out of the interrupt) may have changed cond.  The
 * interface stays when sleeping becomes switching to another thread.
 * Both macros enable interrupts: never call them with interrupts off
 * on purpose or from an interrupt.
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/x86.h"

struct wait_queue {
	int sleepers; /* for the scheduler to come */
};

#define WAIT_QUEUE_INIT { 0 }

static inline void wake_up(struct wait_queue *wq)
{
	(void)wq; /* the sleeper re-checks its condition after each interrupt */
}

#define wait_event(wq, cond)                                               \
	do {                                                               \
		cli();                                                     \
		while (!(cond)) {                                          \
			sti_hlt(); /* until the next interrupt */          \
			cli();                                             \
		}                                                          \
		sti();                                                     \
	} while (0)

/* Evaluates to 0 once cond holds, or -ETIMEDOUT after ms milliseconds. */
#define wait_event_timeout(wq, cond, ms)                                   \
	({                                                                 \
		uint64_t deadline_ = time_ns() + (uint64_t)(ms) * 1000000u; \
		int ret_ = 0;                                              \
		cli();                                                     \
		while (!(cond)) {                                          \
			if (time_ns() >= deadline_) {                      \
				ret_ = -ETIMEDOUT;                         \
				break;                                     \
			}                                                  \
			sti_hlt();                                         \
			cli();                                             \
		}                                                          \
		sti();                                                     \
		ret_;                                                      \
	})

#endif
