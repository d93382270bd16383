/* kernel/pipe.c - pipes: a kernel buffer between a read end and a write
 * end, each an open file description; and FIFOs, named pipes.
 *
 * Readers sleep while the pipe is empty and writers remain; a read of an
 * empty pipe with no writers is end of file.  Writers sleep while there is
 * no room; a write of at most PIPE_BUF bytes goes in whole or not at all
 * (POSIX's atomicity).  A write with no reader left fails with -EPIPE and
 * raises SIGPIPE.  O_NONBLOCK turns each sleep into -EAGAIN; a signal
 * ends a sleep with -EINTR.
 *
 * A FIFO is an inode (S_IFIFO, on ext2) whose openers all meet in one
 * pipe, inode->pipe: the first open makes it, the last close frees it, so
 * no data is ever stored in the filesystem.  Opening follows Linux's
 * fifo_open: O_RDONLY waits until a writer has opened, O_WRONLY until a
 * reader has (both interruptible), O_RDONLY|O_NONBLOCK succeeds at once,
 * O_WRONLY|O_NONBLOCK without a reader is -ENXIO, and O_RDWR succeeds at
 * once as both a reader and a writer.  The waits are on counters of the
 * opens so far (r_counter, w_counter), not on the number of open ends: a
 * writer that opens and closes at once still wakes the waiting reader,
 * which then reads end of file.  The wait is done by open() after it has
 * released fs_lock (fifo_wait_partner), as the partner's open needs it.
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
	int readers, writers; /* open descriptions reading, writing */
	uint32_t r_counter, w_counter; /* opens for reading, writing, ever */
	struct wait_queue readable, writable;
	struct wait_queue partner; /* FIFO openers waiting for the other end */
	struct inode *inode; /* a FIFO's inode (whose ->pipe this is), or NULL */
};

static uint32_t used(const struct pipe *p) { return p->head - p->tail; }
static uint32_t room(const struct pipe *p) { return PIPE_SIZE - used(p); }

/* O_RDWR (a FIFO's) is both. */
static bool reads(const struct file *f) { return (f->flags & O_ACCMODE) != O_WRONLY; }
static bool writes(const struct file *f) { return (f->flags & O_ACCMODE) != O_RDONLY; }

static struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));

	if (p && !(p->buf = kmalloc(PIPE_SIZE))) {
		kfree(p);
		p = NULL;
	}
	return p;
}

static void pipe_free(struct pipe *p)
{
	if (p->inode)
		p->inode->pipe = NULL;
	kfree(p->buf);
	kfree(p);
}

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
				signal_send_thread(current, SIGPIPE); /* as Linux */
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

/* A FIFO reader that has not seen a writer yet (it opened O_NONBLOCK
 * with none) gets no POLLHUP, as on Linux: f->version holds the writers'
 * counter it saw. */
static unsigned pipe_poll(struct file *f)
{
	struct pipe *p = f->private;
	unsigned mask = 0;

	if (reads(f)) {
		mask |= used(p) ? POLLIN | POLLRDNORM : 0;
		mask |= !p->writers && f->version != p->w_counter ? POLLHUP : 0;
	}
	if (writes(f)) {
		mask |= room(p) >= PIPE_BUF ? POLLOUT | POLLWRNORM : 0;
		mask |= !p->readers ? POLLERR : 0;
	}
	return mask;
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

	if (reads(f))
		p->readers--;
	if (writes(f))
		p->writers--;
	wake_up(&p->readable);
	wake_up(&p->writable);
	poll_notify();
	if (!p->readers && !p->writers)
		pipe_free(p);
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
	.anon_mode = S_IFIFO | 0600,
};

int pipe_create(struct file **rd, struct file **wr, int flags)
{
	struct pipe *p = pipe_alloc();

	if (!p)
		return -ENFILE;
	*rd = file_alloc(NULL, &pipe_fops, O_RDONLY | (flags & O_NONBLOCK));
	*wr = file_alloc(NULL, &pipe_fops, O_WRONLY | (flags & O_NONBLOCK));
	if (!*rd || !*wr) {
		kfree(*rd);
		kfree(*wr);
		pipe_free(p);
		return -ENFILE;
	}
	(*rd)->private = (*wr)->private = p;
	p->readers = p->writers = 1;
	p->r_counter = p->w_counter = 1;
	return 0;
}

/* --- FIFOs */

/* Attaches f to its inode's pipe (made if none) as a reader, a writer or
 * both, and wakes openers waiting for this end.  f->version keeps the
 * other end's counter if that end has no one yet (fifo_wait_partner
 * waits for it to move), else a value it will never equal. */
static int fifo_open(struct inode *inode, struct file *f)
{
	struct pipe *p = inode->pipe;
	int acc = f->flags & O_ACCMODE;

	if (acc == O_WRONLY && (f->flags & O_NONBLOCK) && (!p || !p->readers))
		return -ENXIO; /* no reader to take what is written */
	if (!p) {
		p = pipe_alloc();
		if (!p)
			return -ENOMEM;
		p->inode = inode; /* held by f->inode while anyone has it open */
		inode->pipe = p;
	}
	f->private = p;
	if (reads(f)) {
		p->readers++;
		p->r_counter++;
	}
	if (writes(f)) {
		p->writers++;
		p->w_counter++;
	}
	if (acc == O_WRONLY)
		f->version = p->readers ? p->r_counter - 1 : p->r_counter;
	else
		f->version = p->writers ? p->w_counter - 1 : p->w_counter;
	wake_up(&p->partner);
	return 0;
}

int fifo_wait_partner(struct file *f)
{
	struct pipe *p = f->private;
	int acc = f->flags & O_ACCMODE;

	if (f->f_op != &fifo_fops || acc == O_RDWR || (f->flags & O_NONBLOCK))
		return 0;
	if (acc == O_RDONLY)
		return wait_event_interruptible(&p->partner,
						p->w_counter != f->version);
	return wait_event_interruptible(&p->partner, p->r_counter != f->version);
}

const struct file_operations fifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
	.lseek = pipe_lseek,
};
