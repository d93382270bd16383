/* kernel/futex.c - futex (240): sleeping on a word of user memory.
 *
 * The user-space half of a lock or a join tries an atomic instruction
 * first and calls the kernel only to sleep (FUTEX_WAIT: "while *uaddr is
 * still val") or to wake sleepers (FUTEX_WAKE).  A sleeper is a struct
 * futex_waiter on its own kernel stack, queued in FIFO order in one of a
 * few hash buckets by its key: the address space and the address (this
 * kernel has no memory shared between address spaces, so the _PRIVATE
 * forms mean the same).  No lost wake-up: the kernel is not preempted, so
 * between reading *uaddr and queueing the waiter no other thread runs
 * (and reading it cannot sleep: a fault there only maps a page).
 *
 * Also FUTEX_WAIT_BITSET / FUTEX_WAKE_BITSET (what glibc uses for
 * timed waits: absolute time on CLOCK_MONOTONIC, or on CLOCK_REALTIME
 * with FUTEX_CLOCK_REALTIME); other operations are -ENOSYS.
 */
#include "kernel/futex.h"

#include "kernel/kernel.h"
#include "kernel/proc.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/futex.h"
#include "kernel/uapi/time.h"
#include "kernel/vm.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

#define BUCKETS 64
#define NS 1000000000ull

struct futex_waiter {
	struct mm *mm;
	uint32_t uaddr, bits;
	bool woken;
	struct wait_queue wq; /* only its own thread sleeps here */
	struct futex_waiter *next;
};

static struct futex_waiter *buckets[BUCKETS];

static struct futex_waiter **bucket(struct mm *mm, uint32_t uaddr)
{
	uint32_t h = (uaddr >> 2) ^ ((uint32_t)mm >> 6);

	return &buckets[(h ^ (h >> 6) ^ (h >> 12)) % BUCKETS];
}

static void enqueue(struct futex_waiter *w)
{
	struct futex_waiter **pp = bucket(w->mm, w->uaddr);

	while (*pp)
		pp = &(*pp)->next;
	w->next = NULL;
	*pp = w;
}

static void dequeue(struct futex_waiter *w)
{
	for (struct futex_waiter **pp = bucket(w->mm, w->uaddr); *pp;
	     pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			return;
		}
	}
}

int futex_wake(struct mm *mm, uint32_t uaddr, int n, uint32_t bits)
{
	struct futex_waiter **pp = bucket(mm, uaddr);
	int woken = 0;

	while (*pp) {
		struct futex_waiter *w = *pp;
		if (w->mm != mm || w->uaddr != uaddr || !(w->bits & bits)) {
			pp = &w->next;
			continue;
		}
		*pp = w->next;
		w->woken = true;
		wake_up(&w->wq);
		if (++woken >= n) /* Linux's test: n <= 0 still wakes one */
			break;
	}
	return woken;
}

/* The current thread's key for uaddr: its process's address space.
 * -EINVAL if misaligned, -EFAULT outside user space. */
static int check_addr(uint32_t uaddr)
{
	if (uaddr % 4)
		return -EINVAL;
	return user_range_ok(uaddr, 4) ? 0 : -EFAULT;
}

static long futex_wait(uint32_t uaddr, uint32_t val, uint64_t deadline,
		       uint32_t bits)
{
	struct futex_waiter w = {
	    .mm = current_proc()->mm, .uaddr = uaddr, .bits = bits};
	uint32_t now_val;
	int err;

	if (!bits)
		return -EINVAL;
	if ((err = check_addr(uaddr)))
		return err;
	if (copy_from_user(&now_val, (void *)uaddr, sizeof(now_val)))
		return -EFAULT;
	if (now_val != val)
		return -EAGAIN;
	enqueue(&w);
	err = wait_event_interruptible_deadline(&w.wq, w.woken, deadline);
	if (w.woken)
		return 0; /* woken, even if a signal or the deadline came too */
	dequeue(&w);
	if (err == -ETIMEDOUT)
		return -ETIMEDOUT;
	/* A signal: Linux restarts an untimed wait (or fails it with EINTR
	 * after a handler without SA_RESTART); a timed one fails with EINTR
	 * after any handler. */
	return deadline ? -ERESTARTNOHAND : -ERESTARTSYS;
}

static long futex_wake_call(uint32_t uaddr, int n, uint32_t bits, bool private)
{
	uint32_t v;
	int err;

	if (!bits)
		return -EINVAL;
	if ((err = check_addr(uaddr)))
		return err;
	/* a shared futex's key needs the page (Linux looks it up) */
	if (!private && copy_from_user(&v, (void *)uaddr, sizeof(v)))
		return -EFAULT;
	return futex_wake(current_proc()->mm, uaddr, n, bits);
}

static uint64_t timespec_ns(const struct timespec *ts)
{
	return (uint64_t)ts->tv_sec * NS + (uint64_t)ts->tv_nsec;
}

/* The time_ns() at which an absolute timeout on the given clock falls. */
static uint64_t abs_deadline(const struct timespec *ts, bool realtime)
{
	uint64_t now = time_ns(), when = timespec_ns(ts);

	if (realtime) {
		uint64_t real = (uint64_t)time_realtime() * NS + now % NS;
		return when > real ? now + (when - real) : now;
	}
	return when > now ? when : now;
}

long sys_futex(uint32_t uaddr, int op, uint32_t val,
	       const struct timespec *utime, uint32_t uaddr2, uint32_t val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool private = op & FUTEX_PRIVATE_FLAG, timed;
	struct timespec ts;
	uint64_t deadline = 0;

	(void)uaddr2;
	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	timed = utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET);
	if (timed) {
		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NS)
			return -EINVAL;
		if (cmd == FUTEX_WAIT) /* relative */
			deadline = time_ns() + timespec_ns(&ts);
		else
			deadline = abs_deadline(&ts, op & FUTEX_CLOCK_REALTIME);
		deadline += !deadline; /* 0 means none */
	}
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, val, deadline, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, val, deadline, val3);
	case FUTEX_WAKE:
		return futex_wake_call(uaddr, (int)val, FUTEX_BITSET_MATCH_ANY,
				       private);
	case FUTEX_WAKE_BITSET:
		return futex_wake_call(uaddr, (int)val, val3, private);
	default:
		return -ENOSYS;
	}
}
