/* net/socket_iov.c - moving a message's bytes between the caller's
 * iovecs and the kernel: straight out of received pbufs, or into a
 * kernel buffer for sending.
 *
 * The iovecs' buffers were checked to lie in user space by the system
 * call; copy_out/copy_in survive an unmapped page there (-EFAULT).  A
 * failed copy leaves the iterator where it was, so the caller knows
 * exactly how much went through.
 */
#include "kernel/kernel.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "net/socket_impl.h"

void iter_init(struct iov_iter *it, const struct sock_msg *m)
{
	it->iov = m->iov;
	it->count = m->iovlen;
	it->off = 0;
	it->left = m->len;
}

/* Moves n bytes between kbuf and the caller's buffers (out: to them). */
static int iter_copy(struct iov_iter *it, void *kbuf, size_t n, bool out)
{
	struct iov_iter save = *it;
	uint8_t *k = kbuf;

	while (n && it->left) {
		size_t c;
		uint8_t *u;
		int err;

		while (it->off == it->iov->iov_len) {
			it->iov++;
			it->count--;
			it->off = 0;
		}
		c = MIN(n, it->iov->iov_len - it->off);
		c = MIN(c, it->left);
		u = (uint8_t *)it->iov->iov_base + it->off;
		err = out ? copy_out(u, k, c) : copy_in(k, u, c);
		if (err) {
			*it = save;
			return err;
		}
		it->off += c;
		it->left -= c;
		k += c;
		n -= c;
	}
	return 0;
}

int iter_out(struct iov_iter *it, const void *src, size_t n)
{
	return iter_copy(it, (void *)src, n, true);
}

int iter_in(struct iov_iter *it, void *dst, size_t n)
{
	return iter_copy(it, dst, n, false);
}

long iter_out_pbuf(struct iov_iter *it, struct pbuf *p, size_t off, size_t n)
{
	size_t done = 0;

	for (; p && off >= p->len; p = p->next)
		off -= p->len;
	for (; p && done < n; p = p->next, off = 0) {
		size_t c = MIN((size_t)p->len - off, n - done);

		if (iter_out(it, (uint8_t *)p->payload + off, c))
			return done ? (long)done : -EFAULT;
		done += c;
	}
	return (long)done;
}
