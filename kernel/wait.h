/* kernel/wait.h - sleeping until a condition holds, and waking sleepers.
 *
 * The request side of a driver sleeps with wait_event(wq, cond) until its
 * bottom half has made cond true and called wake_up(wq); the sleeping
 * task gives the CPU to others meanwhile (kernel/task.h).  The condition
 * is tested with interrupts off, and the task is on the queue before they
 * come back on, so a wake-up cannot slip in between and be lost.  Never
 * sleep from an interrupt handler or from deferred work.
 */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

#include "kernel/signal.h"
#include "kernel/task.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/x86.h"

#define wait_event(wq, cond)                                               \
	do {                                                               \
		uint32_t flags_ = irq_save();                              \
		while (!(cond)) {                                          \
			prepare_to_wait((wq), 0);                          \
			schedule();                                        \
		}                                                          \
		irq_restore(flags_);                                       \
	} while (0)

/* Like wait_event, but a signal for the process ends the wait: evaluates
 * to 0 once cond holds, or -ERESTARTSYS (the system call then restarts or
 * fails with -EINTR, see kernel/signal.c). */
#define wait_event_interruptible(wq, cond)                                 \
	({                                                                 \
		uint32_t flags_ = irq_save();                              \
		int ret_ = 0;                                              \
		while (!(cond)) {                                          \
			if (signal_pending()) {                            \
				ret_ = -ERESTARTSYS;                       \
				break;                                     \
			}                                                  \
			prepare_to_wait((wq), 0);                          \
			schedule();                                        \
		}                                                          \
		irq_restore(flags_);                                       \
		ret_;                                                      \
	})

/* Evaluates to 0 once cond holds, or -ETIMEDOUT after ms milliseconds. */
#define wait_event_timeout(wq, cond, ms)                                   \
	({                                                                 \
		uint64_t deadline_ = time_ns() + (uint64_t)(ms) * 1000000u; \
		uint32_t flags_ = irq_save();                              \
		int ret_ = 0;                                              \
		while (!(cond)) {                                          \
			if (time_ns() >= deadline_) {                      \
				ret_ = -ETIMEDOUT;                         \
				break;                                     \
			}                                                  \
			prepare_to_wait((wq), deadline_);                  \
			schedule();                                        \
		}                                                          \
		irq_restore(flags_);                                       \
		ret_;                                                      \
	})

/* Both: 0 once cond holds, -ERESTARTSYS on a signal, -ETIMEDOUT at the
 * absolute time deadline_ns (of time_ns(); 0: no deadline). */
#define wait_event_interruptible_deadline(wq, cond, deadline_ns)          \
	({                                                                 \
		uint64_t deadline_ = (deadline_ns);                        \
		uint32_t flags_ = irq_save();                              \
		int ret_ = 0;                                              \
		while (!(cond)) {                                          \
			if (signal_pending()) {                            \
				ret_ = -ERESTARTSYS;                       \
				break;                                     \
			}                                                  \
			if (deadline_ && time_ns() >= deadline_) {         \
				ret_ = -ETIMEDOUT;                         \
				break;                                     \
			}                                                  \
			prepare_to_wait((wq), deadline_);                  \
			schedule();                                        \
		}                                                          \
		irq_restore(flags_);                                       \
		ret_;                                                      \
	})

#endif
