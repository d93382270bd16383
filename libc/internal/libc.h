/* libc/internal/libc.h - state the libc keeps about the process (private),
 * and the hooks between its parts. */
#ifndef LIBC_INTERNAL_LIBC_H
#define LIBC_INTERNAL_LIBC_H

/* The auxiliary vector on the initial stack: (type, value) pairs up to
 * AT_NULL.  Set by __libc_start_main. */
extern unsigned long *__auxv;

/* The main thread's thread pointer and TLS block (libc/pthread/tls.c):
 * called by __libc_start_main before anything may touch errno. */
void __init_tls(unsigned long *auxv);

/* What fork (libc/process/fork.c) calls around the system call, once
 * the process has threads: pthread_create sets it (libc/pthread/
 * fork_hooks.c), so programs without threads link none of it. */
enum { FORK_PREPARE, FORK_PARENT, FORK_CHILD };
extern void (*__fork_hook)(int phase);
void __pthread_fork_hook(int phase);

/* The stdio hook of exit() -- the contract between libc/exit and
 * libc/stdio.
 *
 * exit(status) (libc/exit/exit.c) runs the atexit handlers, newest
 * first, then calls __stdio_exit() if it is linked in, then _Exit(status).
 * _Exit and _exit call neither.
 *
 * exit.c refers to __stdio_exit weakly (#pragma weak), so a program that
 * uses no FILE stream links no stdio at all and the call is skipped.
 * stdio defines it as an ordinary function:
 *
 *	void __stdio_exit(void)	flushes every open stream (what
 *				fflush(NULL) does); must not call exit
 *
 * and must define it in the SAME object file as something every stream
 * operation pulls in (the list of open streams, or stdin/stdout/stderr):
 * a weak reference alone does not pull a member out of libc.a, so a
 * __stdio_exit in a file of its own would never be linked. */
void __stdio_exit(void);

#endif
