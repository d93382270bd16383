/* net/socket_unix.c - socketpair(AF_UNIX, SOCK_STREAM): two connected
 * stream sockets built on the kernel's pipes.
 *
 * A pair is two pipes running opposite ways: each end writes into one
 * and reads from the other, through the pipes' own file operations, so
 * the data path (ring buffer, sleeping, wake-ups, EOF when the writer is
 * gone, poll) is kernel/pipe.c's.  What a pipe lacks the socket adds:
 * shutdown (closing one direction's pipe end), EPIPE with SIGPIPE only
 * when MSG_NOSIGNAL does not forbid it (the socket checks for a gone peer
 * before writing), and O_NONBLOCK or MSG_DONTWAIT per call.  Not done:
 * MSG_PEEK (-EOPNOTSUPP), SO_RCVTIMEO/SO_SNDTIMEO, passing descriptors.
 */
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/pipe.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/poll.h"
#include "kernel/uapi/termios.h"
#include "kernel/vfs.h"
#include "net/socket_impl.h"

struct unix_end {
	struct file *rd;       /* from the peer's pipe; NULL after SHUT_RD */
	struct file *wr;       /* into ours; NULL after SHUT_WR */
	struct unix_end *peer; /* NULL once the peer is closed */
};

static struct unix_end *end_of(struct socket *s)
{
	return s->proto;
}

static void set_nonblock(struct file *f, bool nonblock)
{
	f->flags = nonblock ? f->flags | O_NONBLOCK : f->flags & ~O_NONBLOCK;
}

/* Moves the message through pipe end f, one iovec at a time; after the
 * first bytes a read only takes what is there. */
static long through(struct file *f, const struct sock_msg *m, bool nonblock,
		    bool write)
{
	size_t done = 0;

	for (int i = 0; i < m->iovlen; i++) {
		const struct iovec *v = &m->iov[i];
		long r;

		if (!v->iov_len)
			continue;
		set_nonblock(f, nonblock || (!write && done));
		r = write ? f->f_op->write(f, v->iov_base, v->iov_len, NULL)
			  : f->f_op->read(f, v->iov_base, v->iov_len, NULL);
		if (r < 0)
			return done ? (long)done : r;
		done += (size_t)r;
		if ((size_t)r < v->iov_len)
			break;
	}
	return (long)done;
}

static long unix_send(struct socket *s, struct sock_msg *m, bool nonblock)
{
	struct unix_end *u = end_of(s);

	if (!u->wr || !u->peer || !u->peer->rd)
		return -EPIPE;
	return through(u->wr, m, nonblock, true);
}

static long unix_recv(struct socket *s, struct sock_msg *m, bool nonblock)
{
	struct unix_end *u = end_of(s);

	if (m->flags & MSG_PEEK)
		return -EOPNOTSUPP;
	m->addrlen = 0; /* the peer has no name */
	m->flags = 0;
	if (!u->rd)
		return 0;
	return through(u->rd, m, nonblock, false);
}

static int unix_shutdown(struct socket *s, int how)
{
	struct unix_end *u = end_of(s);

	if (how != SHUT_WR && u->rd) { /* the peer's writes fail */
		file_put(u->rd);
		u->rd = NULL;
	}
	if (how != SHUT_RD && u->wr) { /* the peer reads its end */
		file_put(u->wr);
		u->wr = NULL;
	}
	sock_wake(s);
	return 0;
}

static int unix_getname(struct socket *s, struct sockaddr_in *a, bool peer)
{
	(void)s, (void)peer;
	a->sin_family = AF_UNIX; /* unnamed: the family alone */
	return sizeof(sa_family_t);
}

static unsigned unix_poll(struct socket *s)
{
	struct unix_end *u = end_of(s);
	unsigned r = u->rd ? u->rd->f_op->poll(u->rd) : 0, mask = 0;
	bool rcv_shut = !u->rd || (r & POLLHUP);
	bool snd_shut = !u->wr || !u->peer || !u->peer->rd;

	if (r & POLLIN)
		mask |= POLLIN | POLLRDNORM;
	if (rcv_shut)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (rcv_shut && snd_shut)
		mask |= POLLHUP;
	if (snd_shut || (u->wr->f_op->poll(u->wr) & POLLOUT))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static int unix_ioctl(struct socket *s, unsigned cmd, unsigned long arg)
{
	struct unix_end *u = end_of(s);
	int zero = 0;

	if (cmd != FIONREAD)
		return -ENOTTY;
	if (u->rd)
		return u->rd->f_op->ioctl(u->rd, cmd, arg);
	return copy_to_user((void *)arg, &zero, sizeof(zero)) ? -EFAULT : 0;
}

static void unix_release(struct socket *s)
{
	struct unix_end *u = end_of(s);

	if (!u)
		return;
	if (u->rd)
		file_put(u->rd);
	if (u->wr)
		file_put(u->wr);
	if (u->peer)
		u->peer->peer = NULL;
	kfree(u);
	s->proto = NULL;
}

const struct sock_ops sock_unix_ops = {
    .send = unix_send,
    .recv = unix_recv,
    .shutdown = unix_shutdown,
    .getname = unix_getname,
    .poll = unix_poll,
    .ioctl = unix_ioctl,
    .release = unix_release,
};

int sock_unix_pair(int flags, struct file *out[2])
{
	struct file *rd[2] = {0}, *wr[2] = {0};
	struct socket *s[2] = {0};
	int err = -ENOBUFS;

	out[0] = out[1] = NULL;
	if (pipe_create(&rd[0], &wr[0], 0))
		return -ENFILE;
	if (pipe_create(&rd[1], &wr[1], 0)) {
		file_put(rd[0]);
		file_put(wr[0]);
		return -ENFILE;
	}
	for (int i = 0; i < 2; i++) {
		struct unix_end *u = kzalloc(sizeof(*u));

		s[i] = sock_alloc(AF_UNIX, SOCK_STREAM, &sock_unix_ops);
		if (!u || !s[i]) {
			kfree(u);
			goto fail;
		}
		u->wr = wr[i];	   /* end i writes into pipe i */
		u->rd = rd[1 - i]; /* and reads pipe 1 - i */
		wr[i] = rd[1 - i] = NULL;
		s[i]->proto = u;
		s[i]->sstate = SS_CONNECTED;
		s[i]->tstate = TS_ESTABLISHED;
	}
	end_of(s[0])->peer = end_of(s[1]);
	end_of(s[1])->peer = end_of(s[0]);
	for (int i = 0; i < 2; i++)
		if (!(out[i] = sock_file(s[i], flags)))
			goto fail;
	return 0;
fail:
	for (int i = 0; i < 2; i++) {
		if (out[i]) { /* its release frees the socket */
			file_put(out[i]);
		} else if (s[i]) {
			unix_release(s[i]);
			sock_free(s[i]);
		}
		if (rd[i])
			file_put(rd[i]);
		if (wr[i])
			file_put(wr[i]);
	}
	return err;
}
