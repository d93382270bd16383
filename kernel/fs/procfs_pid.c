/* kernel/fs/procfs_pid.c - /proc/PID/ and /proc/self: each process as a
 * directory, made on demand from the process table.
 *
 *	/proc/PID/stat     one line in Linux's format (fs/proc/array.c), the
 *	                   52 fields ps and top parse; what the kernel does
 *	                   not track (times, faults) reads 0
 *	/proc/PID/status   the same as "Name:\tvalue" lines
 *	/proc/PID/cmdline  argv, each string NUL-terminated
 *	/proc/PID/exe      a symbolic link to the program's path
 *	/proc/PID/io       its read and write system calls and bytes (syscr...)
 *	/proc/PID/task/    a directory per thread, TID/stat and TID/status:
 *	                   the same for one thread (its id, state, signals)
 *	/proc/self         a symbolic link to the reader's own PID
 *
 * Nothing is stored: an inode's number names the process and the file
 * (procfs_internal.h; a thread's files carry its tid instead), and every
 * read formats the process as it is now.
 * A file whose process has gone reads -ESRCH, as on Linux.
 */
#include "kernel/err.h"
#include "kernel/format.h"
#include "kernel/fs/procfs_internal.h"
#include "kernel/kernel.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/tty.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"
#include "kernel/vm.h"

enum { PID_DIR = 1, PID_STAT, PID_STATUS, PID_CMDLINE, PID_EXE, PID_IO, PID_TASK,
       PID_KINDS, /* then a thread's, numbered by tid: */
       TID_DIR = PID_KINDS, TID_STAT, TID_STATUS, TID_KINDS };

#define CONSOLE_TTY_NR (5 << 8 | 1) /* /dev/console's number, encoded */
#define USER_HZ 100 /* the clock-tick unit of Linux's stat times */

/* --- the text */

/* R if a thread runs or may run, Z once none is left. */
static char state_of(const struct process *p)
{
	if (p->zombie || !p->threads)
		return 'Z';
	for (const struct task *t = p->threads; t; t = t->group_next)
		if (t == current || t->state == TASK_RUNNABLE)
			return 'R';
	return 'S';
}

static char task_state(const struct task *t)
{
	return t == current || t->state == TASK_RUNNABLE ? 'R' : 'S';
}

/* Linux counts a zombie as one thread. */
static int threads_of(const struct process *p)
{
	return p->nr_threads ? p->nr_threads : 1;
}

/* The signals pending for, and blocked by, thread t, or for the process
 * the oldest thread's (Linux shows the thread the PID names, the leader). */
static uint64_t thread_pending(const struct process *p, const struct task *t)
{
	t = t ? t : p->threads;
	return t ? t->sig_pending : 0;
}

static uint64_t thread_blocked(const struct process *p, const struct task *t)
{
	t = t ? t : p->threads;
	return t ? t->sig_blocked : 0;
}

static const char *state_name(char state)
{
	return state == 'R' ? "running" : state == 'Z' ? "zombie" : "sleeping";
}

static uint32_t vm_bytes(const struct process *p)
{
	uint32_t bytes = 0;

	for (const struct vma *v = p->mm ? p->mm->vmas : NULL; v; v = v->next)
		bytes += v->end - v->start;
	return bytes;
}

/* The signals p ignores (which) or catches with a handler. */
static uint64_t handled(const struct process *p, bool catching)
{
	uint64_t set = 0;

	for (int sig = 1; sig <= _NSIG; sig++) {
		void *h = p->sigactions[sig - 1].handler;
		bool ign = h == (void *)SIG_IGN, dfl = h == (void *)SIG_DFL;
		if (catching ? !ign && !dfl : ign)
			set |= 1ull << (sig - 1);
	}
	return set;
}

/* The stat line of process p, or of its thread t if not NULL. */
static size_t stat_text(struct process *p, struct task *t, char *buf, size_t size)
{
	bool on_console = p->sid == tty_session();
	uint64_t ticks = p->start_ns / (1000000000u / USER_HZ);
	uint32_t brk_start = p->mm ? p->mm->brk_start : 0;
	size_t n;

	n = ksnprintf(buf, size, "%d (%s) %c %d %d %d %d %d ", t ? t->tid : p->pid,
		      p->name, t ? task_state(t) : state_of(p),
		      p->parent ? p->parent->pid : 0, p->pgid,
		      p->sid, on_console ? CONSOLE_TTY_NR : 0,
		      on_console ? tty_foreground() : -1);
	/* flags, 4 fault counts, 4 times, priority, nice, threads, itreal */
	n += ksnprintf(buf + n, size - MIN(n, size), "0 0 0 0 0 0 0 0 0 20 0 %d 0 ",
		       threads_of(p));
	n += ksnprintf(buf + n, size - MIN(n, size),
		       "%llu %u %u 4294967295 %u %u 0 0 0 %u %u %u %u 0 0 0 17 0 0 0 0 0 0 "
		       "0 0 %u 0 0 0 0 %d\n",
		       ticks, vm_bytes(p), p->mm ? p->mm->pages : 0,
		       p->mm ? 0x08048000u : 0, brk_start,
		       (uint32_t)(thread_pending(p, t) | p->sig_pending),
		       (uint32_t)thread_blocked(p, t),
		       (uint32_t)handled(p, false), (uint32_t)handled(p, true),
		       brk_start, p->zombie ? p->exit_status : 0);
	return n;
}

static size_t show_stat(struct process *p, char *buf, size_t size)
{
	return stat_text(p, NULL, buf, size);
}

static size_t show_task_stat(struct task *t, char *buf, size_t size)
{
	return stat_text(t->proc, t, buf, size);
}

static size_t status_text(struct process *p, struct task *t, char *buf, size_t size)
{
	char state = t ? task_state(t) : state_of(p);

	return ksnprintf(buf, size,
			 "Name:\t%s\nUmask:\t%04o\nState:\t%c (%s)\nTgid:\t%d\n"
			 "Pid:\t%d\nPPid:\t%d\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n"
			 "VmSize:\t%8u kB\nVmRSS:\t%8u kB\nThreads:\t%d\n"
			 "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n"
			 "SigIgn:\t%016llx\nSigCgt:\t%016llx\n",
			 p->name, p->umask, state, state_name(state), p->pid,
			 t ? t->tid : p->pid, p->parent ? p->parent->pid : 0,
			 vm_bytes(p) / 1024, (p->mm ? p->mm->pages : 0) * 4,
			 threads_of(p), thread_pending(p, t), p->sig_pending,
			 thread_blocked(p, t), handled(p, false), handled(p, true));
}

static size_t show_status(struct process *p, char *buf, size_t size)
{
	return status_text(p, NULL, buf, size);
}

static size_t show_task_status(struct task *t, char *buf, size_t size)
{
	return status_text(t->proc, t, buf, size);
}

static size_t show_cmdline(struct process *p, char *buf, size_t size)
{
	size_t n = MIN(p->cmdline_len, size);

	if (p->cmdline)
		memcpy(buf, p->cmdline, n);
	return n;
}

/* Linux's /proc/PID/io; nothing here reaches the disk's own counters
 * (read_bytes, write_bytes), so those are 0 */
static size_t show_io(struct process *p, char *buf, size_t size)
{
	return ksnprintf(buf, size,
			 "rchar: %llu\nwchar: %llu\nsyscr: %llu\nsyscw: %llu\n"
			 "read_bytes: 0\nwrite_bytes: 0\ncancelled_write_bytes: 0\n",
			 p->io.rchar, p->io.wchar, p->io.syscr, p->io.syscw);
}

static const struct proc_file pid_files[TID_KINDS] = {
	[PID_STAT] = { .name = "stat", .show_pid = show_stat },
	[PID_STATUS] = { .name = "status", .show_pid = show_status },
	[PID_CMDLINE] = { .name = "cmdline", .show_pid = show_cmdline },
	[PID_EXE] = { .name = "exe" },
	[PID_IO] = { .name = "io", .show_pid = show_io },
	[PID_TASK] = { .name = "task" },
	[TID_STAT] = { .name = "stat", .show_task = show_task_stat },
	[TID_STATUS] = { .name = "status", .show_task = show_task_status },
};

static unsigned char kind_type(int kind)
{
	return kind == PID_EXE ? DT_LNK : kind == PID_TASK ? DT_DIR : DT_REG;
}

/* --- the links */

static int copy_link(char *buf, size_t size, const char *target)
{
	size_t n = strlen(target);

	if (!n)
		return -ENOENT;
	n = MIN(n, size);
	memcpy(buf, target, n);
	return (int)n;
}

static int exe_readlink(struct inode *inode, char *buf, size_t size)
{
	struct process *p = proc_find(PROC_INO_PID(inode->ino));

	return p ? copy_link(buf, size, p->exe_path) : -ESRCH;
}

static int self_readlink(struct inode *inode, char *buf, size_t size)
{
	char pid[12];

	(void)inode;
	if (!current_proc())
		return -ENOENT; /* a kernel thread has no self */
	ksnprintf(pid, sizeof(pid), "%d", current_proc()->pid);
	return copy_link(buf, size, pid);
}

static const struct inode_operations exe_iops = { .readlink = exe_readlink };
static const struct inode_operations self_iops = { .readlink = self_readlink };

/* --- the directory of a process */

static int get_inode(struct inode *dir, uint32_t ino, struct inode **out)
{
	struct inode *inode = iget(dir->sb, ino);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	*out = inode;
	return 0;
}

/* A name among the files of kinds first..end-1 of a directory whose
 * number (a pid, or a tid) is id; parent: the inode number of "..". */
static int files_lookup(struct inode *dir, const char *name, size_t len,
			int first, int end, uint32_t parent, struct inode **out)
{
	int id = PROC_INO_PID(dir->ino);

	if (len == 2 && !memcmp(name, "..", 2))
		return get_inode(dir, parent, out);
	for (int kind = first; kind < end; kind++)
		if (strlen(pid_files[kind].name) == len &&
		    !memcmp(pid_files[kind].name, name, len))
			return get_inode(dir, PROC_PID_INO(id, kind), out);
	return -ENOENT;
}

static int files_readdir(struct file *f, struct dir_context *ctx, int first,
			 int end, uint32_t parent)
{
	int id = PROC_INO_PID(f->inode->ino);

	for (; ctx->pos < (uint64_t)(2 + end - first); ctx->pos++) {
		int kind = (int)ctx->pos - 2 + first, full;

		if (ctx->pos == 0)
			full = ctx->emit(ctx, ".", 1, f->inode->ino, DT_DIR);
		else if (ctx->pos == 1)
			full = ctx->emit(ctx, "..", 2, parent, DT_DIR);
		else
			full = ctx->emit(ctx, pid_files[kind].name,
					 strlen(pid_files[kind].name),
					 PROC_PID_INO(id, kind), kind_type(kind));
		if (full)
			break;
	}
	return 0;
}

static int pid_dir_lookup(struct inode *dir, const char *name, size_t len,
			  struct inode **out)
{
	return files_lookup(dir, name, len, PID_STAT, PID_KINDS, PROC_ROOT_INO, out);
}

static int pid_dir_readdir(struct file *f, struct dir_context *ctx)
{
	return files_readdir(f, ctx, PID_STAT, PID_KINDS, PROC_ROOT_INO);
}

/* /proc/PID/task/TID: its ".." is /proc/PID/task */
static uint32_t tid_parent(struct inode *dir)
{
	struct task *t = proc_find_thread(PROC_INO_PID(dir->ino));

	return t ? PROC_PID_INO(t->proc->pid, PID_TASK) : PROC_ROOT_INO;
}

static int tid_dir_lookup(struct inode *dir, const char *name, size_t len,
			  struct inode **out)
{
	return files_lookup(dir, name, len, TID_STAT, TID_KINDS, tid_parent(dir), out);
}

static int tid_dir_readdir(struct file *f, struct dir_context *ctx)
{
	return files_readdir(f, ctx, TID_STAT, TID_KINDS, tid_parent(f->inode));
}

static int parse_pid(const char *name, size_t len);

/* /proc/PID/task: a directory per live thread of PID */
static int task_dir_lookup(struct inode *dir, const char *name, size_t len,
			   struct inode **out)
{
	int pid = PROC_INO_PID(dir->ino), tid = parse_pid(name, len);
	struct task *t = tid > 0 ? proc_find_thread(tid) : NULL;

	if (len == 2 && !memcmp(name, "..", 2))
		return get_inode(dir, PROC_PID_INO(pid, PID_DIR), out);
	if (!t || t->proc->pid != pid)
		return -ENOENT;
	return get_inode(dir, PROC_PID_INO(tid, TID_DIR), out);
}

/* Positions: ".", "..", then the threads in their list's order. */
static int task_dir_readdir(struct file *f, struct dir_context *ctx)
{
	int pid = PROC_INO_PID(f->inode->ino);
	struct process *p = proc_find(pid);

	for (;; ctx->pos++) {
		struct task *t = p ? p->threads : NULL;
		char name[12];
		int full;

		if (ctx->pos == 0) {
			full = ctx->emit(ctx, ".", 1, f->inode->ino, DT_DIR);
		} else if (ctx->pos == 1) {
			full = ctx->emit(ctx, "..", 2, PROC_PID_INO(pid, PID_DIR), DT_DIR);
		} else {
			for (uint64_t i = 2; t && i < ctx->pos; i++)
				t = t->group_next;
			if (!t)
				break;
			full = ctx->emit(ctx, name, ksnprintf(name, sizeof(name), "%d", t->tid),
					 PROC_PID_INO(t->tid, TID_DIR), DT_DIR);
		}
		if (full)
			break;
	}
	return 0;
}

static const struct inode_operations pid_dir_iops = { .lookup = pid_dir_lookup };
static const struct file_operations pid_dir_fops = { .readdir = pid_dir_readdir };
static const struct inode_operations task_dir_iops = { .lookup = task_dir_lookup };
static const struct file_operations task_dir_fops = { .readdir = task_dir_readdir };
static const struct inode_operations tid_dir_iops = { .lookup = tid_dir_lookup };
static const struct file_operations tid_dir_fops = { .readdir = tid_dir_readdir };

static void make_dir(struct inode *inode, const struct inode_operations *iops,
		     const struct file_operations *fops)
{
	inode->mode = S_IFDIR | 0555;
	inode->nlink = 2;
	inode->i_op = iops;
	inode->i_fop = fops;
}

int procfs_pid_read_inode(struct inode *inode)
{
	int kind = (int)PROC_INO_KIND(inode->ino);

	inode->nlink = 1;
	inode->atime = inode->mtime = inode->ctime = vfs_now();
	if (inode->ino == PROC_SELF_INO) {
		inode->mode = S_IFLNK | 0777;
		inode->i_op = &self_iops;
		return 0;
	}
	if (kind >= TID_DIR && kind < TID_KINDS) { /* a thread's */
		if (!proc_find_thread(PROC_INO_PID(inode->ino)))
			return -ENOENT;
	} else if (!proc_find(PROC_INO_PID(inode->ino)) || kind < PID_DIR ||
		   kind >= PID_KINDS) {
		return -ENOENT;
	}
	if (kind == PID_DIR) {
		make_dir(inode, &pid_dir_iops, &pid_dir_fops);
	} else if (kind == PID_TASK) {
		make_dir(inode, &task_dir_iops, &task_dir_fops);
	} else if (kind == TID_DIR) {
		make_dir(inode, &tid_dir_iops, &tid_dir_fops);
	} else if (kind == PID_EXE) {
		inode->mode = S_IFLNK | 0777;
		inode->i_op = &exe_iops;
	} else {
		inode->mode = S_IFREG | 0444;
		inode->i_fop = &proc_text_fops;
		inode->private = (void *)&pid_files[kind];
	}
	return 0;
}

/* --- in the root: "self" and a directory per process */

static int parse_pid(const char *name, size_t len)
{
	int pid = 0;

	if (!len || len > 9 || name[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		pid = pid * 10 + (name[i] - '0');
	}
	return pid;
}

int procfs_pid_lookup(struct inode *root, const char *name, size_t len,
		      struct inode **out)
{
	int pid = parse_pid(name, len);
	uint32_t ino;
	struct inode *inode;

	if (len == 4 && !memcmp(name, "self", 4))
		ino = PROC_SELF_INO;
	else if (pid > 0 && proc_find(pid))
		ino = PROC_PID_INO(pid, PID_DIR);
	else
		return -ENOENT;
	inode = iget(root->sb, ino);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	*out = inode;
	return 0;
}

/* Positions first ("self") and first + 1 + slot (the process in that
 * slot of the process table, if any). */
void procfs_pid_readdir(struct dir_context *ctx, uint64_t first)
{
	for (; ctx->pos < first + 1 + PROC_MAX; ctx->pos++) {
		struct process *p = proc_at((int)(ctx->pos - first - 1));
		char name[12];
		int full = 0;

		if (ctx->pos == first)
			full = ctx->emit(ctx, "self", 4, PROC_SELF_INO, DT_LNK);
		else if (p)
			full = ctx->emit(ctx, name, ksnprintf(name, sizeof(name), "%d", p->pid),
					 PROC_PID_INO(p->pid, PID_DIR), DT_DIR);
		if (full)
			break;
	}
}
