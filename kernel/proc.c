/* kernel/proc.c - process life cycle: init, fork, vfork, exit, wait4.
 *
 * The process table is an array of PROC_MAX slots; a full table, or
 * PROC_MAX threads in all, is how a fork bomb meets its limit (-EAGAIN).
 * A process whose last thread exits (kernel/thread.c) keeps its slot as
 * a zombie until its parent's wait4 collects the status and frees it
 * (the threads' tasks are freed as they end, kernel/sched.c).
 *
 * vfork (clone with CLONE_VM and CLONE_VFORK, as glibc's posix_spawn and
 * system() make it): the child shares the parent's struct mm, and the
 * parent's calling thread sleeps until the child no longer uses it: it
 * execs (do_execve's new mm is in place) or exits.  The sleep ignores
 * signals, as Linux's, except those that end the parent's process
 * (then the child just runs on, holding its own reference to the mm).
 */
#include "kernel/proc.h"

#include "kernel/err.h"
#include "kernel/fpu.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"
#include "kernel/power.h"
#include "kernel/printk.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/trap.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/sched.h"
#include "kernel/vfs.h"
#include "kernel/vm.h"
#include "kernel/wait.h"

#define WNOHANG 1
#define __WALL 0x40000000
#define __WCLONE 0x80000000

static struct process *procs[PROC_MAX];
static int next_pid = 1;
static struct process *init_proc;

/* Where the VFS finds the working directory of the calling process. */
static struct inode **proc_cwd_slot(void)
{
	return current_proc() ? &current_proc()->cwd : NULL;
}

void proc_set_exe(struct process *p, struct inode *exe)
{
	if (p->exe) {
		p->exe->exec_count--;
		iput(p->exe);
	}
	p->exe = exe ? igrab(exe) : NULL;
	if (exe)
		exe->exec_count++;
}

struct process *proc_find(int pid)
{
	for (int i = 0; i < PROC_MAX; i++)
		if (procs[i] && procs[i]->pid == pid)
			return procs[i];
	return NULL;
}

struct task *proc_find_thread(int tid)
{
	for (int i = 0; i < PROC_MAX; i++)
		for (struct task *t = procs[i] ? procs[i]->threads : NULL; t; t = t->group_next)
			if (t->tid == tid)
				return t;
	return NULL;
}

int proc_next_id(void)
{
	return next_pid++;
}

int proc_task_count(void)
{
	int n = 0;

	for (int i = 0; i < PROC_MAX; i++)
		if (procs[i])
			n += MAX(procs[i]->nr_threads, 1);
	return n;
}

struct process *proc_at(int slot)
{
	return slot >= 0 && slot < PROC_MAX ? procs[slot] : NULL;
}

int proc_group_session(int pgid)
{
	for (int i = 0; i < PROC_MAX; i++)
		if (procs[i] && !procs[i]->zombie && procs[i]->pgid == pgid)
			return procs[i]->sid;
	return -ESRCH;
}

bool proc_session_alive(int sid)
{
	for (int i = 0; i < PROC_MAX; i++)
		if (procs[i] && !procs[i]->zombie && procs[i]->sid == sid)
			return true;
	return false;
}

int proc_count(void)
{
	int n = 0;

	for (int i = 0; i < PROC_MAX; i++)
		n += procs[i] != NULL;
	return n;
}

static struct process *proc_alloc(void)
{
	struct process *p;
	int slot = 0;

	while (slot < PROC_MAX && procs[slot])
		slot++;
	if (slot == PROC_MAX)
		return ERR_PTR(-EAGAIN);
	p = kzalloc(sizeof(*p));
	if (p)
		p->fds = kzalloc(sizeof(*p->fds));
	if (!p || !p->fds) {
		kfree(p);
		return ERR_PTR(-ENOMEM);
	}
	p->pid = proc_next_id();
	p->exit_signal = SIGCHLD;
	p->umask = 022;
	p->nproc.cur = p->nproc.max = PROC_MAX;
	p->start_ns = time_ns();
	procs[slot] = p;
	return p;
}

static void proc_free(struct process *p)
{
	for (int i = 0; i < PROC_MAX; i++)
		if (procs[i] == p)
			procs[i] = NULL;
	kfree(p->fds);
	kfree(p->cmdline);
	kfree(p);
}

/* argv's strings, each with its NUL, in one buffer cut to a page. */
void proc_set_cmdline(struct process *p, char *const argv[])
{
	uint32_t len = 0, done = 0;
	char *buf;

	for (int i = 0; argv[i] && len < PAGE_SIZE; i++)
		len = MIN(len + strlen(argv[i]) + 1, PAGE_SIZE);
	buf = kmalloc(len + 1);
	for (int i = 0; buf && argv[i] && done < len; i++) {
		uint32_t n = MIN(strlen(argv[i]) + 1, len - done);
		memcpy(buf + done, argv[i], n);
		done += n;
	}
	kfree(p->cmdline);
	p->cmdline = buf;
	p->cmdline_len = buf ? len : 0;
}

static void adopt(struct process *parent, struct process *child)
{
	child->parent = parent;
	child->sibling = parent->children;
	parent->children = child;
}

static int open_console(struct process *p)
{
	struct file *f;
	int err = vfs_open("/dev/console", O_RDWR, 0, &f);

	if (err)
		return err;
	fd_install(p->fds, f, 0, false);
	fd_install(p->fds, file_get(f), 1, false);
	fd_install(p->fds, file_get(f), 2, false);
	return 0;
}

int proc_start_init(const char *path, char *const argv[], char *const envp[])
{
	struct process *p = proc_alloc();
	struct trap_frame tf = { 0 };
	struct task *boot = current, *t = NULL;
	int err;

	if (IS_ERR(p))
		return PTR_ERR(p);
	vfs_cwd_hook = proc_cwd_slot;
	p->cwd = igrab(vfs_root());
	p->pgid = p->sid = p->pid;
	strlcpy(p->name, "init", sizeof(p->name));
	err = open_console(p);
	/* Load the program as if init itself were calling execve. */
	current->proc = p;
	if (!err)
		err = do_execve(path, argv, envp, &tf);
	if (!err)
		proc_set_cmdline(p, argv);
	boot->proc = NULL;
	mm_activate(NULL);
	if (!err) {
		t = task_create_user("init", p, &tf);
		err = t ? 0 : -ENOMEM;
	}
	if (err) {
		fdtable_close_all(p->fds);
		iput(p->cwd);
		mm_put(p->mm);
		proc_free(p);
		vfs_cwd_hook = NULL;
		return err;
	}
	init_proc = p;
	thread_add_first(p, t);
	sched_make_runnable(t);
	return 0;
}

/* The copy of the parent's state a fork child starts with. */
static void fork_copy(struct process *child, struct process *parent)
{
	memcpy(child->name, parent->name, sizeof(child->name));
	fdtable_copy(child->fds, parent->fds);
	child->cwd = igrab(parent->cwd);
	proc_set_exe(child, parent->exe);
	memcpy(child->exe_path, parent->exe_path, sizeof(child->exe_path));
	child->umask = parent->umask;
	child->nproc = parent->nproc;
	child->pgid = parent->pgid;
	child->sid = parent->sid;
	memcpy(child->sigactions, parent->sigactions, sizeof(child->sigactions));
	if (parent->cmdline && (child->cmdline = kmalloc(parent->cmdline_len + 1))) {
		memcpy(child->cmdline, parent->cmdline, parent->cmdline_len);
		child->cmdline_len = parent->cmdline_len;
	}
}

/* vfork: the caller sleeps until child execs or exits.  A fatal signal
 * (or exit_group, execve by another thread) ends the sleep too, as the
 * caller's process is ending: the child, still running, must then not
 * touch vd on our stack any more. */
static void vfork_wait(struct process *child, struct vfork_done *vd)
{
	uint32_t flags;

	wait_event(&vd->wq, vd->done || thread_must_exit());
	flags = irq_save();
	if (!vd->done) /* so child is alive: it has neither exec'd nor exited */
		child->vfork_done = NULL;
	irq_restore(flags);
}

void proc_vfork_release(struct process *p)
{
	struct vfork_done *vd = p->vfork_done;

	if (!vd)
		return;
	p->vfork_done = NULL;
	vd->done = true;
	wake_up(&vd->wq);
}

int proc_fork(struct trap_frame *tf, const struct clone_args *a)
{
	struct process *parent = current_proc(), *child;
	/* CLONE_PARENT: a sibling of the caller, ending with its signal */
	struct process *owner = (a->flags & CLONE_PARENT) ? parent->parent : parent;
	struct trap_frame child_tf = *tf;
	struct vfork_done vd = { WAIT_QUEUE_INIT, false };
	struct task *t = NULL;
	int n = proc_task_count(), err = -ENOMEM, pid;

	if (!owner) /* init has no parent to share (Linux: -EINVAL) */
		return -EINVAL;
	if (n >= PROC_MAX || n >= (int)parent->nproc.cur)
		return -EAGAIN;
	child = proc_alloc();
	if (IS_ERR(child))
		return PTR_ERR(child);
	child->mm = (a->flags & CLONE_VM) ? mm_get(parent->mm) : mm_fork(parent->mm);
	child_tf.eax = 0; /* fork returns 0 in the child */
	if (a->stack)
		child_tf.user_esp = a->stack;
	if (child->mm)
		t = task_create_user(child->name, child, &child_tf);
	if (t && (err = thread_inherit(t, a))) {
		task_free(t);
		t = NULL;
	}
	if (!t) {
		mm_put(child->mm);
		proc_free(child);
		return err;
	}
	/* Linux: a child sharing the memory but not waited for does not run
	 * on the caller's alternate signal stack (a vfork child may) */
	if ((a->flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		t->altstack = (stack_t){ .ss_flags = SS_DISABLE };
	fork_copy(child, parent);
	child->exit_signal = (a->flags & CLONE_PARENT) ? parent->exit_signal
						       : (int)(a->flags & CSIGNAL);
	thread_add_first(child, t);
	/* a bad pointer is ignored, as by Linux */
	if (a->flags & CLONE_PARENT_SETTID)
		copy_to_user((void *)a->parent_tid, &child->pid, sizeof(child->pid));
	adopt(owner, child);
	if (a->flags & CLONE_VFORK)
		child->vfork_done = &vd;
	pid = child->pid; /* (child may be gone when the wait ends) */
	sched_make_runnable(t);
	if (a->flags & CLONE_VFORK)
		vfork_wait(child, &vd);
	return pid;
}

/* Gives p's children to init, waking init if one is already a zombie. */
static void reparent_children(struct process *p)
{
	struct process *c = p->children;
	bool zombies = false;

	while (c) {
		struct process *next = c->sibling;
		adopt(init_proc, c);
		zombies |= c->zombie;
		c = next;
	}
	p->children = NULL;
	if (zombies)
		wake_up(&init_proc->child_wait);
}

void proc_exit_last(int status)
{
	struct process *p = current_proc();

	fdtable_close_all(p->fds);
	iput(p->cwd);
	p->cwd = NULL;
	proc_set_exe(p, NULL);
	mm_activate(NULL);
	mm_put(p->mm); /* (the last user frees it: a vfork parent may not be) */
	p->mm = NULL;
	proc_vfork_release(p);
	if (p == init_proc) {
		int code = (status & 0x7F) ? 128 + (status & 0x7F) : (status >> 8) & 0xFF;
		printk_level(LOG_ERR, "init exited with status %d\n", code);
		power_off(code);
	}
	reparent_children(p);
	cli();
	p->exit_status = status;
	p->zombie = true;
	siginfo_t info = { .si_signo = p->exit_signal,
			   .si_code = (status & 0x7F) ? CLD_KILLED : CLD_EXITED };
	info.si_pid = p->pid;
	info.si_status = (status & 0x7F) ? (status & 0x7F) : (status >> 8) & 0xFF;
	if (p->exit_signal)
		signal_send_info(p->parent, p->exit_signal, &info);
	wake_up(&p->parent->child_wait);
}

/* Does child c match wait4's pid: > 0 that child, -1 any, 0 one in our
 * process group, < -1 one in group -pid.  As Linux, a child whose exit
 * signal is not SIGCHLD (a clone) is waited for only with __WCLONE, the
 * others only without, and __WALL waits for both. */
static bool wait_matches(struct process *p, struct process *c, int pid, int options)
{
	if (!(options & __WALL) && (c->exit_signal != SIGCHLD) != !!(options & __WCLONE))
		return false;
	if (pid > 0)
		return c->pid == pid;
	if (pid == -1)
		return true;
	return c->pgid == (pid == 0 ? p->pgid : -pid);
}

/* A zombie child of p matching pid, *any set if a match exists. */
static struct process *find_zombie(struct process *p, int pid, int options,
				   bool *any)
{
	*any = false;
	for (struct process *c = p->children; c; c = c->sibling) {
		if (!wait_matches(p, c, pid, options))
			continue;
		*any = true;
		if (c->zombie)
			return c;
	}
	return NULL;
}

static void unlink_child(struct process *p, struct process *c)
{
	for (struct process **pp = &p->children; *pp; pp = &(*pp)->sibling) {
		if (*pp == c) {
			*pp = c->sibling;
			return;
		}
	}
}

int proc_wait(int pid, int *status_out, int options)
{
	struct process *p = current_proc(), *z;
	bool any;
	int ret, status;

	for (;;) {
		uint32_t flags = irq_save();
		z = find_zombie(p, pid, options, &any);
		if (z || !any || (options & WNOHANG)) {
			irq_restore(flags);
			break;
		}
		if (signal_pending()) {
			irq_restore(flags);
			return -ERESTARTSYS;
		}
		prepare_to_wait(&p->child_wait, 0);
		schedule();
		irq_restore(flags);
	}
	if (!any)
		return -ECHILD;
	if (!z)
		return 0;
	ret = z->pid;
	status = z->exit_status;
	unlink_child(p, z);
	proc_free(z); /* reaped even if the status cannot be stored: Linux */
	if (status_out && copy_to_user(status_out, &status, sizeof(int)))
		return -EFAULT;
	return ret;
}
