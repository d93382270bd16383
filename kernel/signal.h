/* kernel/signal.h - signals (see signal.c). */
#ifndef KERNEL_SIGNAL_H
#define KERNEL_SIGNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/uapi/signal.h"

struct process;
struct trap_frame;

/* Makes sig pending for process p (waking a thread of it that does not
 * block it from an interruptible sleep; a fatal one ends them all);
 * 0 or -EINVAL. */
int signal_send(struct process *p, int sig);
/* Makes sig pending for user thread t alone (si_code SI_KERNEL). */
struct task;
int signal_send_thread(struct task *t, int sig);
/* The same with the siginfo a handler will see. */
int signal_send_info(struct process *p, int sig, const siginfo_t *info);
/* Sends sig (from the kernel: si_code SI_KERNEL) to every live process
 * of group pgid, as a terminal's ^C does; returns how many got it. */
int signal_send_group(int pgid, int sig);
/* ppoll, pselect6, sigsuspend: block the set at umask while the call
 * waits; the old mask comes back on the way to user mode (after the
 * handler, if a signal ended the wait).  0, -EINVAL or -EFAULT. */
int signal_wait_mask(const uint64_t *umask, size_t setsize);
/* True if the current thread has a signal to act on, or must exit:
 * interruptible sleeps end with -EINTR then. */
bool signal_pending(void);
/* On the way back to user mode: act on a pending signal (may not
 * return: a default action ends the process). */
void signal_deliver(struct trap_frame *tf);
/* A user fault raised sig: queue it for the thread's handler, or end
 * the process if there is none (or it is blocked). */
void signal_fault(int sig, int code, uint32_t addr);

#endif
