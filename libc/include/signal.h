/* signal.h - signals.  Numbers, flags, siginfo_t and the handler's
 * context come from kernel/uapi/signal.h, shared with the kernel.
 *
 * sigset_t is the kernel's 64-bit set (bit sig-1 for signal sig), so it
 * goes to rt_sigaction/rt_sigprocmask unchanged.  sigaction() always
 * installs the libc's restorer (SA_RESTORER): the kernel returns from a
 * handler into it, and it calls sigreturn or rt_sigreturn. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <bits/alltypes.h>
#include <kernel/uapi/signal.h>

#define NSIG (_NSIG + 1)

typedef struct {
	unsigned long __bits[_NSIG_WORDS];
} sigset_t;

typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);
typedef struct ucontext ucontext_t;

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void); /* ignored: the libc sets its own */
};
#define sa_handler __sa_handler.sa_handler
#define sa_sigaction __sa_handler.sa_sigaction

int kill(pid_t pid, int sig);
int tgkill(pid_t tgid, pid_t tid, int sig);
int raise(int sig);
int sigaction(int sig, const struct sigaction *restrict act,
	      struct sigaction *restrict old);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int sigsuspend(const sigset_t *mask);
int sigaltstack(const stack_t *restrict ss, stack_t *restrict old);

#endif
