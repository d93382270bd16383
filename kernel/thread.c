/* kernel/thread.c - threads: clone with CLONE_THREAD, exit and
 * exit_group, and the ways a process's threads are ended together.
 *
 * A process keeps its threads on a list (p->threads, linked by
 * group_next; kernel/proc.h).  A new thread starts as a copy of its
 * creator's registers, on the stack clone was given, with clone's
 * return value 0.  A thread that exits leaves the list at once; the last
 * one to leave ends the process (proc_exit_last: zombie, SIGCHLD), and
 * every thread's task is freed by the task that runs after it
 * (kernel/sched.c), so nothing waits for a parent to collect it.
 *
 * Ending a whole group (exit_group, a fatal signal, execve) sets
 * p->exiting and interrupts every sleeping thread: a thread exits on its
 * next way back to user mode (signal_deliver), and its interruptible
 * sleeps end at once because signal_pending() is true for it.  execve's
 * caller is the "killer" the flag spares; it waits until it is alone.
 */
#include "kernel/fpu.h"
#include "kernel/futex.h"
#include "kernel/kernel.h"
#include "kernel/proc.h"
#include "kernel/segments.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/uaccess.h"
#include "kernel/vfs.h"
#include "kernel/vm.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/futex.h"
#include "kernel/uapi/ldt.h"
#include "kernel/uapi/sched.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

int tls_set(struct task *t, struct user_desc *uinfo, bool can_allocate)
{
	struct user_desc d;
	int slot;

	if (copy_from_user(&d, uinfo, sizeof(d)))
		return -EFAULT;
	if (d.entry_number == (unsigned)-1 && can_allocate) {
		for (slot = 0; slot < 3 && t->tls[slot].used; slot++)
			;
		if (slot == 3)
			return -ESRCH;
		d.entry_number = GDT_TLS_MIN + slot;
		if (copy_to_user(uinfo, &d, sizeof(d)))
			return -EFAULT;
	}
	if (d.entry_number < GDT_TLS_MIN || d.entry_number > GDT_TLS_MAX)
		return -EINVAL;
	slot = d.entry_number - GDT_TLS_MIN;
	t->tls[slot].used = !d.seg_not_present || d.base_addr || d.limit;
	t->tls[slot].base = d.base_addr;
	t->tls[slot].limit = d.limit;
	t->tls[slot].flags = (d.seg_32bit) | (d.contents << 1) |
			     (d.read_exec_only << 3) | (d.limit_in_pages << 4) |
			     (d.seg_not_present << 5) | (d.useable << 6);
	return 0;
}

void tls_activate(void)
{
	/* The kernel still holds the caller's user selectors in fs and gs;
	 * an interrupt would save and reload them, and one may name a
	 * descriptor about to change.  The null selector is always valid;
	 * the caller's own come back from its trap frame. */
	__asm__ volatile("mov %0, %%fs; mov %0, %%gs" : : "r"(0));
	gdt_load_tls(current);
}

struct file *thread_hold_file(struct file *f)
{
	struct task *t = current;

	/* more than fit: not held (no call uses that many descriptors) */
	if (f && t->nheld < (int)ARRAY_SIZE(t->held))
		t->held[t->nheld++] = file_get(f);
	return f;
}

void thread_drop_files(void)
{
	struct task *t = current;

	while (t->nheld)
		file_put(t->held[--t->nheld]);
}

/* Adds t at the end of p's threads (the first stays the oldest). */
static void link_thread(struct process *p, struct task *t)
{
	uint32_t flags = irq_save();
	struct task **pp = &p->threads;

	while (*pp)
		pp = &(*pp)->group_next;
	t->group_next = NULL;
	*pp = t;
	p->nr_threads++;
	irq_restore(flags);
}

/* Takes t off p's threads; true if it was the last. */
static bool unlink_thread(struct process *p, struct task *t)
{
	uint32_t flags = irq_save();
	bool last;

	for (struct task **pp = &p->threads; *pp; pp = &(*pp)->group_next) {
		if (*pp == t) {
			*pp = t->group_next;
			break;
		}
	}
	last = --p->nr_threads == 0;
	irq_restore(flags);
	return last;
}

void thread_add_first(struct process *p, struct task *t)
{
	t->tid = p->pid;
	link_thread(p, t);
}

/* What a new thread of the caller's inherits, whichever process it is
 * in: TLS entries (then CLONE_SETTLS's), FPU state, signal mask, and the
 * tid pointers.  0 or -errno (a bad CLONE_SETTLS descriptor). */
int thread_inherit(struct task *t, const struct clone_args *a)
{
	int err;

	memcpy(t->tls, current->tls, sizeof(t->tls));
	if ((a->flags & CLONE_SETTLS) &&
	    (err = tls_set(t, (struct user_desc *)a->tls, false)))
		return err;
	fpu_save_image(t->fpu); /* the child's FPU is ours, now */
	t->sig_blocked = current->sig_blocked;
	t->altstack = current->altstack;
	if (a->flags & CLONE_CHILD_SETTID)
		t->set_child_tid = a->child_tid;
	if (a->flags & CLONE_CHILD_CLEARTID)
		t->clear_child_tid = a->child_tid;
	return 0;
}

static int limits_ok(const struct process *p)
{
	int n = proc_task_count();

	return n < PROC_MAX && n < (int)p->nproc.cur;
}

int thread_clone(struct trap_frame *tf, const struct clone_args *a)
{
	struct process *p = current_proc();
	struct trap_frame child_tf = *tf;
	struct task *t;
	int err;

	if (!limits_ok(p))
		return -EAGAIN;
	child_tf.eax = 0; /* clone returns 0 in the new thread */
	if (a->stack)
		child_tf.user_esp = a->stack;
	t = task_create_user(p->name, p, &child_tf);
	if (!t)
		return -ENOMEM;
	if ((err = thread_inherit(t, a))) {
		task_free(t);
		return err;
	}
	/* a thread sharing the memory does not run on the creator's
	 * alternate signal stack (Linux: CLONE_VM without CLONE_VFORK) */
	t->altstack = (stack_t){.ss_flags = SS_DISABLE};
	t->tid = proc_next_id();
	/* a bad pointer is ignored, as by Linux */
	if (a->flags & CLONE_PARENT_SETTID)
		copy_to_user((void *)a->parent_tid, &t->tid, sizeof(t->tid));
	link_thread(p, t);
	sched_make_runnable(t);
	return t->tid;
}

/* A new thread's first step to user mode (sched.c's user_task_entry):
 * CLONE_CHILD_SETTID in its own memory, then what any return to user
 * mode does (it may have to exit already, or run a handler). */
void thread_first_run(struct trap_frame *tf)
{
	struct task *t = current;

	if (t->set_child_tid) {
		copy_to_user((void *)t->set_child_tid, &t->tid, sizeof(t->tid));
		t->set_child_tid = 0;
	}
	signal_deliver(tf);
}

bool thread_must_exit(void)
{
	struct process *p = current_proc();

	return p && p->exiting && p->killer != current;
}

void thread_exit(int status)
{
	struct task *t = current;
	struct process *p = t->proc;

	thread_drop_files(); /* (an exit from within a system call) */
	/* set_tid_address/CLONE_CHILD_CLEARTID: a joiner sleeps on the tid
	 * word.  Only while the memory is shared, as Linux: with another
	 * thread, or another process (clone(CLONE_VM)); else nobody is
	 * left to tell. */
	if ((p->nr_threads > 1 || p->mm->users > 1) && t->clear_child_tid) {
		uint32_t zero = 0;
		copy_to_user((void *)t->clear_child_tid, &zero, sizeof(zero));
		futex_wake(p->mm, t->clear_child_tid, 1,
			   FUTEX_BITSET_MATCH_ANY);
	}
	if (!unlink_thread(p, t)) {
		wake_up(&p->thread_wait);
		task_exit();
	}
	/* the last: the process ends with exit_group's status or the fatal
	 * signal's, else with this thread's exit (as Linux) */
	proc_exit_last(p->exiting && !p->killer ? p->group_status : status);
	task_exit();
}

void group_kill(struct process *p, int status)
{
	uint32_t flags;

	if (p->exiting && !p->killer)
		return; /* already ending, with the first reason */
	p->exiting = true;
	p->killer = NULL;
	p->group_status = status;
	flags = irq_save();
	for (struct task *t = p->threads; t; t = t->group_next)
		if (t != current && t->state == TASK_SLEEPING)
			task_interrupt(t);
	irq_restore(flags);
	/* an execve waiting for the others ends too */
	wake_up(&p->thread_wait);
}

void group_exit(int status)
{
	group_kill(current_proc(), status);
	thread_exit(status);
}

int thread_dethread(void)
{
	struct process *p = current_proc();
	uint32_t flags;

	/* (0 threads: init's first program, loaded by the boot task) */
	if (p->nr_threads <= 1)
		return 0;
	/* Another thread's exit_group or execve came first, or (below) a
	 * fatal signal came: the execve fails, and the caller exits on its
	 * way back to user mode (thread_must_exit). */
	if (p->exiting)
		return -EINTR;
	p->exiting = true;
	p->killer = current;
	flags = irq_save();
	for (struct task *t = p->threads; t; t = t->group_next)
		if (t != current && t->state == TASK_SLEEPING)
			task_interrupt(t);
	irq_restore(flags);
	wait_event(&p->thread_wait, p->nr_threads == 1 || p->killer != current);
	if (p->killer != current)
		return -EINTR;
	p->exiting = false;
	p->killer = NULL;
	current->tid = p->pid; /* Linux: the caller takes the leader's id */
	return 0;
}
