/* kernel/pipe.c - pipes: a kernel buffer between a read end and a write
 * end, each an open file description.
 *
 * Readers sleep while the pipe is empty and writers remain; a read of an
 * empty pipe with no writers is end of file.  Writers sleep while there is
 * no room; a write of at most PIPE_BUF bytes goes in whole or not at all
 * (POSIX's atomicity).  A write with no reader left fails with -EPIPE and
 * raises SIGPIPE.  O_NONBLOCK turns each sleep into -EAGAIN; a signal
 * ends a sleep with -EINTR.
 */
#include "kernel/pipe.h"

#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/poll.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/poll.h"
#include "kernel/uapi/termios.h"
#include "kernel/vfs.h"
#include "kernel/wait.h"

#define PIPE_SIZE 16384
#define PIPE_BUF 4096

struct pipe {
	uint8_t *buf;
	uint32_t head, tail; /* free running: count = head - tail */
	int readers, writers;
	struct wait_queue readable, writable;
};

static uint32_t used(const struct pipe *p) { return p->head - p->tail; }
static uint32_t room(const struct pipe *p) { return PIPE_SIZE - used(p); }

/* Copies n bytes between the ring at index idx and the caller's buffer,
 * in at most two pieces (the ring wraps). */
static int ring_copy(struct pipe *p, uint32_t idx, void *ubuf, size_t n, bool in)
{
	uint32_t off = idx % PIPE_SIZE, first = MIN((uint32_t)n, PIPE_SIZE - off);
	uint8_t *u = ubuf;

	if (in)
		return copy_in(p->buf + off, u, first) ?:
		       copy_in(p->buf, u + first, n - first);
	return copy_out(u, p->buf + off, first) ?:
	       copy_out(u + first, p->buf, n - first);
}

static long pipe_read(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	struct pipe *p = f->private;
	uint32_t c;

	(void)pos;
	if (!n)
		return 0;
	if (!used(p) && p->writers && (f->flags & O_NONBLOCK))
		return -EAGAIN;
	if (wait_event_interruptible(&p->readable, used(p) || !p->writers))
		return -ERESTARTSYS;
	c = MIN((uint32_t)n, used(p));
	if (c && ring_copy(p, p->tail, buf, c, false))
		return -EFAULT;
	p->tail += c;
	wake_up(&p->writable);
	poll_notify();
	return c;
}

static long pipe_write(struct file *f, const void *buf, size_t n, uint64_t *pos)
{
	struct pipe *p = f->private;
	size_t done = 0;

	(void)pos;
	while (done < n) {
		/* A small write waits for room for all of it: atomic. */
		uint32_t want = n - done <= PIPE_BUF ? n - done : 1;

		if (!p->readers) {
			if (current->proc)
				signal_send(current->proc, SIGPIPE);
			return done ? (long)done : -EPIPE;
		}
		if (room(p) < want && (f->flags & O_NONBLOCK))
			return done ? (long)done : -EAGAIN;
		if (wait_event_interruptible(&p->writable,
					     room(p) >= want || !p->readers))
			return done ? (long)done : -ERESTARTSYS;
		if (!p->readers)
			continue;
		uint32_t c = MIN((uint32_t)(n - done), room(p));
		if (ring_copy(p, p->head, (uint8_t *)buf + done, c, true))
			return done ? (long)done : -EFAULT;
		p->head += c;
		done += c;
		wake_up(&p->readable);
		poll_notify();
	}
	return (long)done;
}

static unsigned pipe_poll(struct file *f)
{
	struct pipe *p = f->private;
	bool reader = (f->flags & O_ACCMODE) == O_RDONLY;

	if (reader)
		return (used(p) ? POLLIN | POLLRDNORM : 0) | (!p->writers ? POLLHUP : 0);
	return (room(p) >= PIPE_BUF ? POLLOUT | POLLWRNORM : 0) |
	       (!p->readers ? POLLERR : 0);
}

static int pipe_ioctl(struct file *f, unsigned cmd, unsigned long arg)
{
	struct pipe *p = f->private;
	int n = (int)used(p);

	if (cmd != FIONREAD)
		return -ENOTTY;
	return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

static void pipe_release(struct file *f)
{
	struct pipe *p = f->private;

	if ((f->flags & O_ACCMODE) == O_RDONLY)
		p->readers--;
	else
		p->writers--;
	wake_up(&p->readable);
	wake_up(&p->writable);
	poll_notify();
	if (!p->readers && !p->writers) {
		kfree(p->buf);
		kfree(p);
	}
}

static int64_t pipe_lseek(struct file *f, int64_t off, int whence)
{
	(void)f, (void)off, (void)whence;
	return -ESPIPE;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
	.lseek = pipe_lseek,
};

int pipe_create(struct file **rd, struct file **wr, int flags)
{
	struct pipe *p = kzalloc(sizeof(*p));

	if (p)
		p->buf = kmalloc(PIPE_SIZE);
	if (!p || !p->buf) {
		kfree(p);
		return -ENFILE;
	}
	*rd = file_alloc(NULL, &pipe_fops, O_RDONLY | (flags & O_NONBLOCK));
	*wr = file_alloc(NULL, &pipe_fops, O_WRONLY | (flags & O_NONBLOCK));
	if (!*rd || !*wr) {
		kfree(*rd);
		kfree(*wr);
		kfree(p->buf);
		kfree(p);
		return -ENFILE;
	}
	(*rd)->private = (*wr)->private = p;
	p->readers = p->writers = 1;
	return 0;
}
