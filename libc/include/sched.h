/* sched.h - sched_yield, and clone(2) with Linux's flags (glibc's
 * clone(): the child runs fn(arg) on stack and exits with its value). */
#ifndef _SCHED_H
#define _SCHED_H

#ifndef CLONE_VM
#define CSIGNAL 0x000000ff /* the low byte: the exit signal */
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000
#endif

int sched_yield(void);

/* clone(fn, stack, flags, arg, [parent_tid, tls, child_tid]): the child's
 * tid, or -1 with errno; stack is the top of the child's stack */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

#endif
