/* kernel/proc.h - processes: what a running program owns.
 *
 * A process has one thread (a task, kernel/task.h), an address space
 * (kernel/vm.h), a file descriptor table, a working directory, a parent
 * and children.  It ends as a zombie that keeps only its exit status
 * until the parent collects it with wait4; children of a process that
 * exits go to init (pid 1); when init exits the machine powers off.
 */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/fdtable.h"
#include "kernel/task.h"
#include "kernel/uapi/signal.h"

/* processes at once: fork gives -EAGAIN beyond (or beyond the forking
 * process's RLIMIT_NPROC, if lower).  Enough for a fork-per-connection
 * server with hundreds of clients. */
#define PROC_MAX 512

struct mm;
struct inode;
struct trap_frame;

struct process {
	int pid;
	char name[16];
	struct process *parent;
	struct process *children, *sibling;
	struct task *task;
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
	struct wait_queue child_wait; /* the parent sleeps here in wait4 */
	uint32_t clear_tid; /* set_tid_address */
	struct k_sigaction sigactions[_NSIG];
	uint64_t sig_pending, sig_blocked; /* bit sig-1 for signal sig */
	siginfo_t sig_info[_NSIG]; /* what a handler of a pending one sees */
	/* sigsuspend/ppoll/pselect6 wait under a temporary mask; the old
	 * one comes back on the way to user mode (kernel/signal.c) */
	uint64_t saved_mask;
	bool restore_mask;
	stack_t altstack; /* sigaltstack; ss_size 0: none */
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
/* fork(): returns the child's pid to the parent, or -errno. */
int proc_fork(struct trap_frame *tf);
/* Ends the current process with wait status (never returns). */
void proc_exit(int status) __attribute__((noreturn));
/* wait4(): collects a zombie child; see Linux's wait4. */
int proc_wait(int pid, int *status_out, int options);
/* Records the file p runs (NULL: none), for ETXTBSY. */
void proc_set_exe(struct process *p, struct inode *exe);
/* Keeps argv (kernel strings) as p's command line for /proc. */
void proc_set_cmdline(struct process *p, char *const argv[]);
/* The process with pid, or NULL. */
struct process *proc_find(int pid);
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

/* do_execve: replaces the current process's program (argv and envp are
 * kernel strings); on success fills tf to start it.  exec.c */
int do_execve(const char *path, char *const argv[], char *const envp[],
	      struct trap_frame *tf);

#endif
