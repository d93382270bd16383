/* net/sys_arch.c - lwIP's operating-system layer (NO_SYS=0) on kernel
 * primitives: semaphores, mutexes, mailboxes, threads, time, critical
 * sections, memory.  Types in net/arch/sys_arch.h.
 *
 * Concurrency is the kernel's (kernel/task.h): tasks are not preempted
 * inside the kernel, so lwIP code between two sleeps runs alone except
 * for interrupt handlers, which never call lwIP.  Hence:
 *   - semaphores and mailboxes sleep on wait queues (wait_event...); their
 *     counters need no lock of their own, but are touched with interrupts
 *     off all the same so that wake-ups cannot be lost (kernel/wait.h);
 *   - sys_arch_protect() (lwIP's SYS_ARCH_PROTECT, around its pools and
 *     pbuf reference counts) just turns interrupts off;
 *   - sys_mbox_trypost() never sleeps: the network driver's deferred half
 *     calls it through tcpip_input(), and deferred work must not sleep.
 *     A full mailbox drops the frame (ERR_MEM, counted in mbox.err).
 * Waits are uninterruptible: lwIP cannot take a signal in the middle of
 * its own operations (the socket layer does its interruptible waiting
 * itself, outside lwIP).
 */
#include "lwip/opt.h"
#include "lwip/stats.h"
#include "lwip/sys.h"
#include "lwip/tcpip.h"

#include <stdarg.h>

#include "kernel/kmalloc.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/time.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

#define STACK_PAINT 0xA5u

static struct task *tcpip_task;

void sys_init(void)
{
}

u32_t sys_now(void)
{
	return (u32_t)(time_ns() / 1000000u);
}

sys_prot_t sys_arch_protect(void)
{
	return irq_save();
}

void sys_arch_unprotect(sys_prot_t was_on)
{
	irq_restore(was_on);
}

/* Milliseconds since start (of time_ns()), for lwIP's "time waited". */
static u32_t ms_since(uint64_t start)
{
	return (u32_t)((time_ns() - start) / 1000000u);
}

/* --- semaphores */

err_t sys_sem_new(sys_sem_t *sem, u8_t count)
{
	sem->count = count;
	sem->wq.head = NULL;
	sem->valid = true;
	SYS_STATS_INC_USED(sem);
	return ERR_OK;
}

void sys_sem_free(sys_sem_t *sem)
{
	BUG_ON(sem->wq.head); /* lwIP frees a semaphore nobody waits on */
	sem->valid = false;
	SYS_STATS_DEC(sem.used);
}

void sys_sem_signal(sys_sem_t *sem)
{
	uint32_t flags = irq_save();

	sem->count++;
	wake_up(&sem->wq);
	irq_restore(flags);
}

/* Waits for the count to be non-zero and takes one; timeout in ms, 0 for
 * none.  Returns the ms waited, or SYS_ARCH_TIMEOUT. */
u32_t sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout)
{
	uint64_t start = time_ns();

	if (!timeout)
		wait_event(&sem->wq, sem->count > 0);
	else if (wait_event_timeout(&sem->wq, sem->count > 0, timeout))
		return SYS_ARCH_TIMEOUT;
	sem->count--; /* nothing ran since the check: no sleep in between */
	return ms_since(start);
}

/* --- mutexes: the kernel's own */

err_t sys_mutex_new(sys_mutex_t *m)
{
	*m = (struct mutex)MUTEX_INIT(*m);
	SYS_STATS_INC_USED(mutex);
	return ERR_OK;
}

void sys_mutex_free(sys_mutex_t *m)
{
	(void)m;
	SYS_STATS_DEC(mutex.used);
}

void sys_mutex_lock(sys_mutex_t *m)
{
	mutex_lock(m);
}

void sys_mutex_unlock(sys_mutex_t *m)
{
	mutex_unlock(m);
}

void sys_mark_tcpip_thread(void)
{
	tcpip_task = current;
}

void sys_check_core_locking(void)
{
	if (tcpip_task && lock_tcpip_core.owner != current)
		panic("lwIP core entered without the core lock by %s",
		      current->name ? current->name : "?");
}

/* --- mailboxes */

err_t sys_mbox_new(sys_mbox_t *mbox, int size)
{
	if (size <= 0)
		size = 16;
	memset(mbox, 0, sizeof(*mbox));
	mbox->slots = kmalloc((size_t)size * sizeof(void *));
	if (!mbox->slots) {
		SYS_STATS_INC(mbox.err);
		return ERR_MEM;
	}
	mbox->size = (unsigned)size;
	SYS_STATS_INC_USED(mbox);
	return ERR_OK;
}

void sys_mbox_free(sys_mbox_t *mbox)
{
	BUG_ON(mbox->not_empty.head || mbox->not_full.head);
	kfree(mbox->slots);
	mbox->slots = NULL;
	SYS_STATS_DEC(mbox.used);
}

/* Puts msg at the tail and wakes a fetcher; interrupts are off. */
static void mbox_put(sys_mbox_t *mbox, void *msg)
{
	mbox->slots[(mbox->head + mbox->count) % mbox->size] = msg;
	mbox->count++;
	wake_up(&mbox->not_empty);
}

void sys_mbox_post(sys_mbox_t *mbox, void *msg)
{
	uint32_t flags = irq_save();

	wait_event(&mbox->not_full, mbox->count < mbox->size);
	mbox_put(mbox, msg);
	irq_restore(flags);
}

/* Never sleeps (see the top of the file): ERR_MEM when full. */
err_t sys_mbox_trypost(sys_mbox_t *mbox, void *msg)
{
	uint32_t flags = irq_save();
	err_t err = ERR_OK;

	if (mbox->count < mbox->size)
		mbox_put(mbox, msg);
	else
		err = ERR_MEM;
	irq_restore(flags);
	if (err)
		SYS_STATS_INC(mbox.err);
	return err;
}

err_t sys_mbox_trypost_fromisr(sys_mbox_t *mbox, void *msg)
{
	return sys_mbox_trypost(mbox, msg);
}

/* Takes the head message into *msg (if msg is not NULL); interrupts are
 * off and the mailbox is not empty. */
static void mbox_take(sys_mbox_t *mbox, void **msg)
{
	void *m = mbox->slots[mbox->head];

	mbox->head = (mbox->head + 1) % mbox->size;
	mbox->count--;
	wake_up(&mbox->not_full);
	if (msg)
		*msg = m;
}

/* Waits for a message; timeout in ms, 0 for none.  Returns the ms
 * waited, or SYS_ARCH_TIMEOUT with *msg set to NULL. */
u32_t sys_arch_mbox_fetch(sys_mbox_t *mbox, void **msg, u32_t timeout)
{
	uint64_t start = time_ns();
	uint32_t flags;

	if (!timeout) {
		wait_event(&mbox->not_empty, mbox->count > 0);
	} else if (wait_event_timeout(&mbox->not_empty, mbox->count > 0, timeout)) {
		if (msg)
			*msg = NULL;
		return SYS_ARCH_TIMEOUT;
	}
	flags = irq_save();
	mbox_take(mbox, msg);
	irq_restore(flags);
	return ms_since(start);
}

u32_t sys_arch_mbox_tryfetch(sys_mbox_t *mbox, void **msg)
{
	uint32_t flags = irq_save();
	u32_t ret = SYS_MBOX_EMPTY;

	if (mbox->count > 0) {
		mbox_take(mbox, msg);
		ret = 0;
	}
	irq_restore(flags);
	return ret;
}

/* --- threads: kernel threads with painted stacks */

struct lwip_thread {
	lwip_thread_fn fn;
	void *arg;
};

/* Fills the unused part of the running task's stack with STACK_PAINT, so
 * that sys_tcpip_stack_used can find how deep it has ever been. */
static void paint_stack(void)
{
	uint8_t *bottom = current->kstack;
	uint8_t *sp = (uint8_t *)__builtin_frame_address(0) - 256;

	while (bottom < sp)
		*bottom++ = STACK_PAINT;
}

static void thread_start(void *p)
{
	struct lwip_thread t = *(struct lwip_thread *)p;

	kfree(p);
	paint_stack();
	t.fn(t.arg);
}

sys_thread_t sys_thread_new(const char *name, lwip_thread_fn fn, void *arg,
			    int stacksize, int prio)
{
	struct lwip_thread *t = kmalloc(sizeof(*t));
	struct task *task;

	(void)prio; /* round robin: no priorities */
	if (stacksize > KSTACK_SIZE)
		panic("lwIP thread %s wants %d bytes of stack, tasks have %d",
		      name, stacksize, KSTACK_SIZE);
	if (!t)
		panic("no memory for lwIP thread %s", name);
	t->fn = fn;
	t->arg = arg;
	task = kthread_create(name, thread_start, t);
	if (!task)
		panic("no memory for lwIP thread %s", name);
	return task;
}

uint32_t sys_tcpip_stack_used(void)
{
	const uint8_t *p;

	if (!tcpip_task || !tcpip_task->kstack)
		return 0;
	p = tcpip_task->kstack;
	while (p < (const uint8_t *)tcpip_task->kstack + KSTACK_SIZE &&
	       *p == STACK_PAINT)
		p++;
	return tcpip_task->kstack_top - (uint32_t)p;
}

/* --- memory (MEM_LIBC_MALLOC: lwIP's mem_malloc is the kernel heap) */

void *net_mem_malloc(size_t size)
{
	return kmalloc(size);
}

void *net_mem_calloc(size_t n, size_t size)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kzalloc(n * size);
}

void net_mem_free(void *p)
{
	kfree(p);
}

/* --- the rest of arch/cc.h: random numbers, diagnostics */

/* xorshift32 seeded from the TSC: for DHCP transaction ids and port
 * choices, not for anything secret. */
uint32_t net_rand(void)
{
	static uint32_t state;
	uint32_t x = state;

	if (!x)
		x = (uint32_t)rdtsc() | 1;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	state = x;
	return x;
}

void net_diag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk_level(LOG_INFO, fmt, ap);
	va_end(ap);
}

void net_assert_failed(const char *msg, const char *file, int line)
{
	panic("lwIP: assertion \"%s\" failed at %s:%d", msg, file, line);
}
