/* kernel/sys_poll.c - poll, ppoll, select, pselect6.
 *
 * Each round asks every descriptor's f_op->poll what is ready now (a file
 * without a poll operation, such as a disk file, is always ready).  If
 * nothing is and there is time left, the caller sleeps on poll_wait,
 * which every pipe, the console (and later sockets) wake when their state
 * changes; a wake-up just means "look again".  A signal ends the wait
 * with -EINTR.
 */
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/poll.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/poll.h"
#include "kernel/uapi/time.h"
#include "kernel/vfs.h"
#include "kernel/wait.h"

#define POLL_MAX 1024
#define FD_SETSIZE 1024
#define NO_TIMEOUT UINT64_MAX

struct wait_queue poll_wait = WAIT_QUEUE_INIT;

void poll_notify(void)
{
	wake_up(&poll_wait);
}

static unsigned file_ready(int fd)
{
	struct file *f = fd_get(current_proc()->fds, fd);

	if (!f)
		return POLLNVAL;
	return f->f_op->poll ? f->f_op->poll(f) : POLLIN | POLLOUT;
}

/* Sleeps until a wake-up, the deadline (ns) or a signal: 0, or -EINTR. */
static int poll_sleep(uint64_t deadline)
{
	uint32_t flags = irq_save();
	int err = 0;

	if (signal_pending())
		err = -EINTR;
	else if (time_ns() < deadline) {
		prepare_to_wait(&poll_wait, deadline == NO_TIMEOUT ? 0 : deadline);
		schedule();
	}
	irq_restore(flags);
	return err;
}

static int poll_round(struct pollfd *fds, uint32_t n)
{
	int ready = 0;

	for (uint32_t i = 0; i < n; i++) {
		unsigned mask = fds[i].fd < 0 ? 0 : file_ready(fds[i].fd);
		fds[i].revents = (short)(mask & ((unsigned short)fds[i].events |
						  POLLERR | POLLHUP | POLLNVAL));
		ready += fds[i].revents != 0;
	}
	return ready;
}

static long do_poll(struct pollfd *ufds, uint32_t n, uint64_t deadline)
{
	struct pollfd *fds;
	long r;

	if (n > POLL_MAX)
		return -EINVAL;
	fds = kmalloc(n * sizeof(*fds) + 1);
	if (!fds)
		return -ENOMEM;
	if (copy_from_user(fds, ufds, n * sizeof(*fds))) {
		kfree(fds);
		return -EFAULT;
	}
	while (!(r = poll_round(fds, n)) && time_ns() < deadline)
		if ((r = poll_sleep(deadline)))
			break;
	if (r >= 0 && copy_to_user(ufds, fds, n * sizeof(*fds)))
		r = -EFAULT;
	kfree(fds);
	return r;
}

static uint64_t deadline_ms(int ms)
{
	return ms < 0 ? NO_TIMEOUT : time_ns() + (uint64_t)ms * 1000000u;
}

long sys_poll(struct pollfd *ufds, uint32_t n, int timeout_ms)
{
	return do_poll(ufds, n, deadline_ms(timeout_ms));
}

static int deadline_ts(const struct timespec *uts, uint64_t *deadline)
{
	struct timespec ts;

	if (!uts) {
		*deadline = NO_TIMEOUT;
		return 0;
	}
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	*deadline = time_ns() + (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
	return 0;
}

/* ppoll and pselect6 wait with the signal mask they are given, if any
 * (kernel/signal.c puts the old one back). */
long sys_ppoll(struct pollfd *ufds, uint32_t n, const struct timespec *uts,
	       const uint64_t *umask, size_t setsize)
{
	uint64_t deadline;
	int err = deadline_ts(uts, &deadline);

	if (!err && umask)
		err = signal_wait_mask(umask, setsize);
	return err ? err : do_poll(ufds, n, deadline);
}

/* --- select: three bitmaps of descriptors */

static int select_round(int nfds, const uint32_t *in[3], uint32_t *out[3])
{
	static const unsigned want[3] = { POLLIN | POLLHUP | POLLERR,
					  POLLOUT | POLLERR, POLLPRI };
	int ready = 0;

	for (int fd = 0; fd < nfds; fd++) {
		unsigned mask = 0;
		bool asked = false;

		for (int k = 0; k < 3; k++)
			asked |= in[k] && (in[k][fd / 32] & (1u << (fd % 32)));
		if (!asked)
			continue;
		mask = file_ready(fd);
		if (mask & POLLNVAL)
			return -EBADF;
		for (int k = 0; k < 3; k++) {
			if (in[k] && (in[k][fd / 32] & (1u << (fd % 32))) && (mask & want[k])) {
				out[k][fd / 32] |= 1u << (fd % 32);
				ready++;
			}
		}
	}
	return ready;
}

static long do_select(int nfds, uint32_t *usets[3], uint64_t deadline)
{
	uint32_t in[3][FD_SETSIZE / 32], out[3][FD_SETSIZE / 32];
	const uint32_t *inp[3];
	uint32_t *outp[3];
	size_t bytes;
	long r;

	if (nfds < 0 || nfds > FD_SETSIZE)
		return -EINVAL;
	bytes = (size_t)(nfds + 31) / 32 * 4;
	for (int k = 0; k < 3; k++) {
		inp[k] = NULL;
		outp[k] = out[k];
		if (usets[k]) {
			if (copy_from_user(in[k], usets[k], bytes))
				return -EFAULT;
			inp[k] = in[k];
		}
	}
	for (;;) {
		for (int k = 0; k < 3; k++)
			memset(out[k], 0, sizeof(out[k]));
		r = select_round(nfds, inp, outp);
		if (r || time_ns() >= deadline)
			break;
		if ((r = poll_sleep(deadline)))
			break;
	}
	for (int k = 0; r >= 0 && k < 3; k++)
		if (usets[k] && copy_to_user(usets[k], out[k], bytes))
			r = -EFAULT;
	return r;
}

long sys__newselect(int nfds, uint32_t *r, uint32_t *w, uint32_t *e,
		    struct timeval *utv)
{
	uint32_t *sets[3] = { r, w, e };
	uint64_t deadline = NO_TIMEOUT;
	struct timeval tv;

	if (utv) {
		if (copy_from_user(&tv, utv, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return -EINVAL;
		deadline = time_ns() + (uint64_t)tv.tv_sec * 1000000000u +
			   (uint64_t)tv.tv_usec * 1000u;
	}
	long ret = do_select(nfds, sets, deadline);
	if (utv && ret >= 0) { /* Linux reports the time that was left */
		uint64_t now = time_ns(), left = deadline > now ? deadline - now : 0;
		tv = (struct timeval){ (long)(left / 1000000000u),
				       (long)(left % 1000000000u / 1000u) };
		if (copy_to_user(utv, &tv, sizeof(tv)))
			return -EFAULT;
	}
	return ret;
}

/* pselect6's sixth argument points to { sigset pointer, its size }. */
long sys_pselect6(int nfds, uint32_t *r, uint32_t *w, uint32_t *e,
		  const struct timespec *uts, const uint32_t *umask_arg)
{
	uint32_t *sets[3] = { r, w, e };
	uint32_t mask_arg[2] = { 0, 0 };
	uint64_t deadline;
	int err = deadline_ts(uts, &deadline);

	if (!err && umask_arg && copy_from_user(mask_arg, umask_arg, sizeof(mask_arg)))
		err = -EFAULT;
	if (!err && mask_arg[0])
		err = signal_wait_mask((const uint64_t *)mask_arg[0], mask_arg[1]);
	return err ? err : do_select(nfds, sets, deadline);
}
