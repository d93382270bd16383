/* kernel/uapi/sched.h - clone (120)'s flags, Linux's (linux/sched.h).
 * The low byte (CSIGNAL) is the signal the parent gets when the child
 * ends: SIGCHLD for a fork-like clone, 0 for a thread. */
#ifndef UAPI_SCHED_H
#define UAPI_SCHED_H

#ifndef CLONE_VM
#define CSIGNAL 0x000000ff
#define CLONE_VM 0x00000100	 /* share the address space */
#define CLONE_FS 0x00000200	 /* share the working directory and umask */
#define CLONE_FILES 0x00000400	 /* share the descriptor table */
#define CLONE_SIGHAND 0x00000800 /* share the signal handlers */
#define CLONE_PIDFD 0x00001000
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000 /* a thread of the same process */
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000 /* esi: a struct user_desc for the child */
#define CLONE_PARENT_SETTID 0x00100000	/* the tid to *edx, the parent's */
#define CLONE_CHILD_CLEARTID 0x00200000 /* 0 to *edi and a wake at exit */
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000 /* the tid to *edi, the child's */
#define CLONE_IO 0x80000000
#endif

#endif
