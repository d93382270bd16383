/* kernel/task.h - threads of execution and the scheduler.
 *
 * A task is a kernel stack plus the registers saved on it: the boot
 * context (task 0, running kmain), kernel threads (the deferred-work
 * thread, idle) and every thread of every user process.  Switching tasks
 * is switching kernel stacks (switch.asm).  A thread owns what Linux
 * gives each thread: its id, signal mask, the signals sent to it alone,
 * alternate signal stack, clear_child_tid, TLS entries and FPU state;
 * the rest belongs to its process (kernel/proc.h).
 *
 * A task that ends cannot free the stack it is running on: task_exit()
 * puts it on a list of dead tasks, and the task switched to next frees
 * it (finish_switch() in sched.c), so nothing waits for a parent.
 *
 * The kernel is not preempted: a task gives up the CPU only when it
 * sleeps, yields, or is about to return to user mode with its time slice
 * used up (the timer interrupt marks that).  So kernel code between two
 * sleeps runs atomically with respect to other tasks; interrupts are the
 * only thing that can come in between, and they only touch state guarded
 * by disabling interrupts.
 */
#ifndef KERNEL_TASK_H
#define KERNEL_TASK_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/uapi/signal.h"

#define KSTACK_SIZE 16384
#define TIME_SLICE_TICKS 10 /* ms of CPU before a task is preempted */

enum task_state { TASK_RUNNABLE, TASK_SLEEPING, TASK_DEAD };

struct file;
struct process;
struct trap_frame;
struct wait_queue;

struct task {
	uint32_t esp; /* saved by switch_to (must stay the first field) */
	uint32_t kstack_top; /* TSS esp0 while this task runs */
	void *kstack; /* NULL for the boot task, whose stack is static */
	int tid;
	enum task_state state;
	const char *name;
	struct process *proc; /* NULL for kernel threads */
	unsigned slice; /* ticks left in the time slice */
	struct task *run_next; /* run queue */
	struct wait_queue *wq; /* the queue it sleeps on, if any */
	struct task *wait_next;
	uint64_t wake_at; /* a sleep's deadline in ns (0: none) */
	struct task *timer_next;
	bool timed_out; /* the deadline, not a wake_up, ended the sleep */
	struct trap_frame *tf; /* the user registers of the system call in progress */
	uint32_t syscall_nr; /* its number, to restart it after a signal */
	struct {
		bool used;
		uint32_t base, limit, flags; /* set_thread_area's, packed */
	} tls[3]; /* GDT entries GDT_TLS_MIN.. while this task runs */
	/* a user thread's own (kernel/signal.c, kernel/thread.c) */
	struct task *group_next; /* the next thread of its process */
	uint64_t sig_pending; /* signals sent to this thread (tkill, faults) */
	uint64_t sig_blocked; /* its mask: bit sig-1 for signal sig */
	siginfo_t *sig_info; /* [_NSIG] for sig_pending, made when needed */
	/* sigsuspend/ppoll/pselect6 wait under a temporary mask; the old
	 * one comes back on the way to user mode (kernel/signal.c) */
	uint64_t saved_mask;
	bool restore_mask;
	stack_t altstack; /* sigaltstack; ss_size 0: none */
	uint32_t set_child_tid; /* CLONE_CHILD_SETTID: written at first run */
	uint32_t clear_child_tid; /* set_tid_address: 0 and a futex wake at exit */
	struct task *dead_next; /* the list of dead tasks to free */
	/* open files the system call in progress uses, referenced until it
	 * returns: another thread may close their descriptors meanwhile */
	struct file *held[6];
	int nheld;
	uint8_t fpu[512] __attribute__((aligned(16))); /* FPU/SSE state */
};

struct wait_queue {
	struct task *head;
};

#define WAIT_QUEUE_INIT { 0 }

extern struct task *current;
extern volatile bool need_resched;

/* Makes the boot context task 0 and starts the idle task. */
void sched_init(void);
/* A kernel thread running fn(arg); it ends when fn returns.  NULL if
 * there is no memory. */
struct task *kthread_create(const char *name, void (*fn)(void *), void *arg);
/* The thread of a user process: starts by returning to user mode with
 * the registers in tf.  Not yet runnable.  NULL without memory. */
struct task *task_create_user(const char *name, struct process *proc,
			      const struct trap_frame *tf);
/* Frees a task that never ran (a failed clone). */
void task_free(struct task *t);
/* Gives the CPU to the next runnable task (interrupts must be off; they
 * are off again when it returns). */
void schedule(void);
/* Lets other runnable tasks run first. */
void yield(void);
/* Puts current on wq and marks it sleeping (interrupts off); the caller
 * then calls schedule().  deadline_ns 0: no timeout. */
void prepare_to_wait(struct wait_queue *wq, uint64_t deadline_ns);
/* Wakes every task sleeping on wq; safe from interrupt handlers. */
void wake_up(struct wait_queue *wq);
/* Ends t's sleep early (a signal came): its wait re-checks and sees it. */
void task_interrupt(struct task *t);
/* Timer interrupt: wakes tasks whose deadline passed, counts the slice. */
void sched_tick(void);
/* Called on the way back to user mode: switch if the slice is used up. */
void sched_preempt(void);
/* Makes a sleeping-free task runnable (used for new tasks). */
void sched_make_runnable(struct task *t);
/* Ends the current task for good (a kernel thread's fn returned, a user
 * thread exited); the next task frees its stack and structure. */
void task_exit(void) __attribute__((noreturn));
/* Kernel stacks allocated now, for /proc/meminfo's KernelStack. */
unsigned task_stacks(void);

#endif
