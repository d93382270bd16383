/* kernel/proc.h - processes: what a running program owns.
 *
 * A process is a thread group: one or more threads (tasks, kernel/task.h,
 * made by clone, kernel/thread.c) sharing an address space (kernel/vm.h;
 * vfork and clone(CLONE_VM) make processes that share one too),
 * a file descriptor table, a working directory, signal handlers and the
 * signals sent to the process as a whole, a pid (the first thread's id),
 * a parent and children.  It ends when its last thread ends, as a zombie
 * that keeps only its exit status until the parent collects it with
 * wait4; children of a process that exits go to init (pid 1); when init
 * exits the machine powers off.
 */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/fdtable.h"
#include "kernel/task.h"
#include "kernel/uapi/signal.h"

/* processes at once, and threads at once (a zombie counts as one, as
 * Linux counts tasks): fork and clone give -EAGAIN beyond (or beyond the
 * caller's RLIMIT_NPROC, if lower).  Enough for a fork-per-connection
 * server with hundreds of clients. */
#define PROC_MAX 512

struct mm;
struct inode;
struct trap_frame;

/* A vfork in progress: the parent's thread sleeps on wq until done. */
struct vfork_done {
	struct wait_queue wq;
	bool done;
};

struct process {
	int pid;
	char name[16];
	struct process *parent;
	struct process *children, *sibling;
	struct task *threads; /* linked by group_next; the first is the oldest */
	int nr_threads; /* live ones; 0 once the last began to exit */
	struct mm *mm;
	struct fdtable *fds;
	struct inode *cwd; /* referenced */
	struct inode *exe; /* the program file, referenced (for ETXTBSY) */
	char exe_path[256]; /* its path as execve got it (/proc/self/exe) */
	char *cmdline; /* argv as NUL-terminated strings, for /proc/PID/cmdline */
	uint32_t cmdline_len; /* (kmalloc'ed, cut to a page; NULL: none) */
	uint64_t start_ns; /* time_ns() at fork */
	uint32_t umask;
	int pgid, sid;
	int exit_status; /* wait status, valid once zombie */
	bool zombie;
	int exit_signal; /* sent to the parent at the end (clone's low byte) */
	struct wait_queue child_wait; /* the parent sleeps here in wait4 */
	/* Ending the threads (kernel/thread.c): exit_group, a fatal signal
	 * or execve sets exiting, and every thread but killer (execve's
	 * caller, or NULL) exits on its way back to user mode. */
	bool exiting;
	struct task *killer;
	int group_status; /* the wait status when exiting without a killer */
	struct wait_queue thread_wait; /* execve waits here for the others */
	/* CLONE_VFORK: where the parent's caller sleeps until this child
	 * execs or exits (on the caller's kernel stack; NULL: none) */
	struct vfork_done *vfork_done;
	struct k_sigaction sigactions[_NSIG];
	uint64_t sig_pending; /* sent to the process: bit sig-1 for signal sig */
	siginfo_t sig_info[_NSIG]; /* what a handler of a pending one sees */
	/* /proc/PID/io: read and write system calls and the bytes they
	 * moved (Linux's inc_syscr/add_rchar), counted in sys_fs.c */
	struct {
		uint64_t rchar, wchar, syscr, syscw;
	} io;
	/* RLIMIT_NPROC, inherited by fork: fork fails with -EAGAIN when
	 * nproc.cur processes exist (Linux exempts root; this OS, whose only
	 * user is root, does not, so a program can fence in a fork bomb) */
	struct {
		uint32_t cur, max;
	} nproc;
};

/* The process the running task belongs to (NULL in kernel threads). */
static inline struct process *current_proc(void)
{
	return current->proc;
}

/* Starts init: pid 1 running path with argv/envp (kernel strings), fds
 * 0-2 on /dev/console.  Returns 0 or -errno (no such program...). */
int proc_start_init(const char *path, char *const argv[], char *const envp[]);
/* clone's arguments (Linux i386 order: ebx ecx edx esi edi). */
struct clone_args {
	uint32_t flags, stack, parent_tid, tls, child_tid;
};

/* fork(), vfork() and clone() without CLONE_THREAD: a new process
 * running a copy of the caller's thread with registers tf (eax set to
 * 0), on a copy-on-write copy of its memory, or with CLONE_VM on the
 * same memory (struct mm shared, kernel/vm.h).  With CLONE_VFORK the
 * caller sleeps until the child execs or exits (or a fatal signal ends
 * the caller's process).  Returns the child's pid, or -errno. */
int proc_fork(struct trap_frame *tf, const struct clone_args *a);
/* p execs (its new memory is in place) or exits: its vfork parent, if
 * one waits, goes on. */
void proc_vfork_release(struct process *p);
/* The last thread of the current process has begun to exit: close,
 * free, become a zombie with wait status, tell the parent.  Returns;
 * the caller ends the thread. */
void proc_exit_last(int status);
/* A new id for a process or thread (pids and tids share one space). */
int proc_next_id(void);
/* Tasks counted against PROC_MAX and RLIMIT_NPROC: live threads, and one
 * per zombie. */
int proc_task_count(void);
/* wait4(): collects a zombie child; see Linux's wait4. */
int proc_wait(int pid, int *status_out, int options);
/* Records the file p runs (NULL: none), for ETXTBSY. */
void proc_set_exe(struct process *p, struct inode *exe);
/* Keeps argv (kernel strings) as p's command line for /proc. */
void proc_set_cmdline(struct process *p, char *const argv[]);
/* The process with pid, or NULL. */
struct process *proc_find(int pid);
/* The live thread with id tid (of any process), or NULL. */
struct task *proc_find_thread(int tid);
/* Processes that exist (zombies too). */
int proc_count(void);
/* The process in table slot 0..PROC_MAX-1, or NULL: for walking them all
 * (for (int i = 0; i < PROC_MAX; i++) if ((p = proc_at(i))) ...). */
struct process *proc_at(int slot);
/* The session of process group pgid (a group lies in one session), or
 * -ESRCH if no live process is in it. */
int proc_group_session(int pgid);
/* True if a live process belongs to session sid. */
bool proc_session_alive(int sid);

/* Wait status encodings, as Linux's. */
#define W_EXITCODE(code) (((code) & 0xFF) << 8)
#define W_SIGNALED(sig) ((sig) & 0x7F)

/* --- threads: kernel/thread.c */

struct user_desc;

/* clone() with CLONE_THREAD: a new thread of the current process. */
int thread_clone(struct trap_frame *tf, const struct clone_args *a);
/* Makes t the first thread of new process p (its tid is the pid). */
void thread_add_first(struct process *p, struct task *t);
/* What a new thread t gets from the calling one, in a new process too:
 * TLS (and CLONE_SETTLS's), FPU state, signal mask and alternate stack,
 * the CLONE_CHILD_* pointers.  0 or -errno. */
int thread_inherit(struct task *t, const struct clone_args *a);
/* A new user thread's first way to user mode (from sched.c). */
void thread_first_run(struct trap_frame *tf);
/* set_thread_area on t: 0 or -errno; with can_allocate, entry_number
 * -1 takes a free slot and writes its number back. */
int tls_set(struct task *t, struct user_desc *uinfo, bool can_allocate);
/* Installs the current thread's changed TLS descriptors in the GDT. */
void tls_activate(void);
/* f (may be NULL), referenced until the current system call returns:
 * for a file found through a descriptor another thread may close. */
struct file *thread_hold_file(struct file *f);
/* Drops those references (at the end of every system call). */
void thread_drop_files(void);
/* exit(): ends the calling thread; the process ends with its last. */
void thread_exit(int status) __attribute__((noreturn));
/* exit_group(), a fatal signal: ends every thread of the process, which
 * ends with wait status status. */
void group_exit(int status) __attribute__((noreturn));
/* Makes every thread of p exit (a fatal signal): p ends with status. */
void group_kill(struct process *p, int status);
/* True if the current thread must exit (its process is ending). */
bool thread_must_exit(void);
/* execve: ends the caller's sibling threads and waits for them; the
 * caller becomes the process's only thread, with the pid as its tid.
 * 0, or -EINTR if the process is ending instead (the caller must fail
 * and will exit on its way back to user mode). */
int thread_dethread(void);

/* do_execve: replaces the current process's program (argv and envp are
 * kernel strings); on success fills tf to start it.  exec.c */
int do_execve(const char *path, char *const argv[], char *const envp[],
	      struct trap_frame *tf);

#endif
