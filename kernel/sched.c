/* kernel/sched.c - tasks, the run queue, sleeping and waking.
 *
 * Round robin: runnable tasks wait in a FIFO run queue; schedule() takes
 * the first, or the idle task when there is none.  Sleeping tasks sit on
 * the wait queue they sleep on (and, with a deadline, on the timer list,
 * which the timer interrupt checks).  wake_up() moves every sleeper of a
 * queue back to the run queue; each re-checks its condition (wait.h).
 * All of these lists are touched with interrupts off, since interrupt
 * handlers wake tasks.
 *
 * A task that ends (task_exit) is still running on its kernel stack when
 * it calls schedule() for the last time, so it goes on the dead list and
 * whichever task runs next frees it, first thing after the switch
 * (finish_switch: after switch_to returns, or at a new task's start).
 */
#include "kernel/task.h"

#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/fpu.h"
#include "kernel/trap.h"
#include "kernel/vm.h"
#include "kernel/segments.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/x86.h"

extern char boot_stack_top[];
void switch_to(uint32_t *old_esp, uint32_t new_esp);
void task_start(void);
void user_task_entry(void);
void user_task_tail(struct trap_frame *tf);
void task_trampoline(void (*fn)(void *), void *arg) __attribute__((noreturn));
void trap_return(void);

/* Where a new user thread starts (switch_to "returns" here): with esp at
 * its trap frame, finish the switch, then leave for user mode through the
 * normal exit of a trap. */
__asm__(".text\n"
	".globl user_task_entry\n"
	"user_task_entry:\n"
	"	push %esp\n" /* the trap frame's address */
	"	call user_task_tail\n"
	"	add $4, %esp\n"
	"	jmp trap_return\n");

static struct task boot_task = { .name = "kmain", .slice = TIME_SLICE_TICKS };
struct task *current = &boot_task;
volatile bool need_resched;

static struct task *idle_task;
static struct task *run_head, *run_tail;
static struct task *timers; /* sleepers with a deadline */
static struct task *dead; /* ended tasks, freed by the next one to run */
static int next_tid = 1;
static unsigned nr_stacks; /* kernel stacks allocated */

static void task_release(struct task *t)
{
	if (t == &boot_task)
		return; /* its stack and structure are static */
	nr_stacks--;
	kfree(t->kstack);
	kfree(t->sig_info);
	kfree(t);
}

/* Frees the tasks that ended before the switch to current (interrupts
 * off: task_exit adds to the list with them off too). */
static void finish_switch(void)
{
	while (dead) {
		struct task *t = dead;
		dead = t->dead_next;
		task_release(t);
	}
}

void sched_make_runnable(struct task *t)
{
	uint32_t flags = irq_save();

	t->state = TASK_RUNNABLE;
	if (t != idle_task) {
		t->run_next = NULL;
		if (run_tail)
			run_tail->run_next = t;
		else
			run_head = t;
		run_tail = t;
		need_resched = true;
	}
	irq_restore(flags);
}

static struct task *pick_next(void)
{
	struct task *t = run_head;

	if (!t)
		return NULL;
	run_head = t->run_next;
	if (!run_head)
		run_tail = NULL;
	t->run_next = NULL;
	return t;
}

void schedule(void)
{
	struct task *prev = current, *next;

	if (prev->state == TASK_RUNNABLE && prev != idle_task)
		sched_make_runnable(prev); /* a yield: to the back of the line */
	need_resched = false;
	next = pick_next();
	if (!next)
		next = prev->state == TASK_RUNNABLE ? prev : idle_task;
	if (next == prev)
		return;
	next->slice = TIME_SLICE_TICKS;
	fpu_save(prev);
	current = next;
	tss_set_kernel_stack(next->kstack_top);
	if (next->proc) {
		if (next->proc->mm && read_cr3() != V2P(next->proc->mm->pd))
			mm_activate(next->proc->mm); /* threads keep any CR3 */
		gdt_load_tls(next);
	}
	fpu_restore(next);
	/* fs and gs still hold prev's user selectors, and the TLS entries
	 * they may name were just replaced: an interrupt taken in the kernel
	 * would save and reload them.  Null selectors are always valid; each
	 * task's own come back from its trap frame on the way to user mode. */
	__asm__ volatile("mov %0, %%fs; mov %0, %%gs" : : "r"(0));
	switch_to(&prev->esp, next->esp);
	finish_switch(); /* back in prev, some switches later */
}

void yield(void)
{
	uint32_t flags = irq_save();

	schedule();
	irq_restore(flags);
}

static void timer_remove(struct task *t)
{
	for (struct task **p = &timers; *p; p = &(*p)->timer_next) {
		if (*p == t) {
			*p = t->timer_next;
			break;
		}
	}
	t->wake_at = 0;
}

static void wait_remove(struct task *t)
{
	if (!t->wq)
		return;
	for (struct task **p = &t->wq->head; *p; p = &(*p)->wait_next) {
		if (*p == t) {
			*p = t->wait_next;
			break;
		}
	}
	t->wq = NULL;
}

void prepare_to_wait(struct wait_queue *wq, uint64_t deadline_ns)
{
	current->state = TASK_SLEEPING;
	current->timed_out = false;
	current->wq = wq;
	current->wait_next = wq->head;
	wq->head = current;
	if (deadline_ns) {
		current->wake_at = deadline_ns;
		current->timer_next = timers;
		timers = current;
	}
}

static void wake(struct task *t)
{
	if (t->wake_at)
		timer_remove(t);
	t->wq = NULL;
	sched_make_runnable(t);
}

void task_interrupt(struct task *t)
{
	uint32_t flags = irq_save();

	if (t->state == TASK_SLEEPING) {
		wait_remove(t);
		wake(t);
	}
	irq_restore(flags);
}

void wake_up(struct wait_queue *wq)
{
	uint32_t flags = irq_save();
	struct task *t = wq->head;

	wq->head = NULL;
	while (t) {
		struct task *next = t->wait_next;
		wake(t);
		t = next;
	}
	irq_restore(flags);
}

void sched_tick(void)
{
	uint64_t now = time_ns();
	struct task *t = timers;

	while (t) { /* interrupts are off: we are the timer's top half */
		struct task *next = t->timer_next;
		if (now >= t->wake_at) {
			t->timed_out = true;
			wait_remove(t);
			wake(t);
		}
		t = next;
	}
	if (current != idle_task && current->slice && !--current->slice)
		need_resched = true;
}

void sched_preempt(void)
{
	if (need_resched)
		schedule();
}

void user_task_tail(struct trap_frame *tf)
{
	finish_switch();
	thread_first_run(tf);
}

void task_trampoline(void (*fn)(void *), void *arg)
{
	finish_switch();
	sti(); /* a new task starts from schedule(), where they were off */
	fn(arg);
	task_exit();
}

/* A task whose kernel stack holds frame (frame_len bytes) at its top and,
 * below it, what switch_to pops before "returning" into start. */
static struct task *task_alloc(const char *name, void (*start)(void),
			       const void *frame, size_t frame_len)
{
	struct task *t = kzalloc(sizeof(*t));
	uint32_t *sp;

	if (!t)
		return NULL;
	t->kstack = kmalloc(KSTACK_SIZE);
	if (!t->kstack) {
		kfree(t);
		return NULL;
	}
	nr_stacks++;
	t->kstack_top = (uint32_t)t->kstack + KSTACK_SIZE;
	t->name = name;
	t->tid = next_tid++;
	fpu_init_task(t);
	sp = (uint32_t *)(t->kstack_top - ALIGN_UP(frame_len, 4));
	memcpy(sp, frame, frame_len);
	*--sp = (uint32_t)start;
	for (int i = 0; i < 4; i++) /* ebp ebx esi edi for switch_to */
		*--sp = 0;
	t->esp = (uint32_t)sp;
	return t;
}

struct task *kthread_create(const char *name, void (*fn)(void *), void *arg)
{
	uint32_t args[2] = { (uint32_t)fn, (uint32_t)arg };
	/* task_start calls task_trampoline(fn, arg) */
	struct task *t = task_alloc(name, task_start, args, sizeof(args));

	if (t)
		sched_make_runnable(t);
	return t;
}

struct task *task_create_user(const char *name, struct process *proc,
			      const struct trap_frame *tf)
{
	struct task *t = task_alloc(name, user_task_entry, tf, sizeof(*tf));

	if (t)
		t->proc = proc; /* the caller makes it runnable */
	return t;
}

void task_free(struct task *t)
{
	task_release(t);
}

unsigned task_stacks(void)
{
	return nr_stacks;
}

void task_exit(void)
{
	cli();
	current->state = TASK_DEAD;
	current->dead_next = dead;
	dead = current;
	schedule();
	panic("task_exit: a dead task was scheduled");
}

static void idle(void *unused)
{
	(void)unused;
	for (;;) {
		cli();
		if (run_head)
			schedule();
		else
			sti_hlt(); /* until an interrupt wakes someone */
		sti();
	}
}

void sched_init(void)
{
	boot_task.kstack_top = (uint32_t)boot_stack_top;
	tss_set_kernel_stack(boot_task.kstack_top);
	idle_task = kthread_create("idle", idle, NULL);
	if (!idle_task)
		panic("sched_init: no memory for the idle task");
	/* kthread_create queued it; the idle task runs only when nothing
	 * else can, so take it off the run queue again. */
	cli();
	run_head = run_tail = NULL;
	sti();
}
