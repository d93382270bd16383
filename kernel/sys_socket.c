/* kernel/sys_socket.c - the socket system calls, both ways Linux i386
 * offers them: socketcall(102), one call with a number (SYS_SOCKET...,
 * kernel/uapi/net.h) and the arguments as an array of longs in user
 * memory, and the direct calls 359-373 (plus recvmmsg 337, sendmmsg 345).
 *
 * They check and copy the arguments, then call the socket layer
 * (net/socket.h), in Linux's order so the errors are Linux's: the
 * descriptor first (-EBADF, -ENOTSOCK), then the addresses (Linux's
 * move_addr_to_kernel: a length outside 0..128 is -EINVAL, an unreadable
 * one -EFAULT; move_addr_to_user: the caller's length is read, the
 * address cut to it, and the full length written back), message headers
 * and their iovecs (-EMSGSIZE past UIO_MAXIOV, -EFAULT, -EINVAL).
 */
#include "kernel/fdtable.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/proc.h"
#include "kernel/string.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/net.h"
#include "kernel/uapi/socket.h"
#include "kernel/uapi/time.h"
#include "kernel/uapi/uio.h"
#include "kernel/vfs.h"
#include "kernel/vm.h"
#include "net/socket.h"

#define MAX_RW 0x7FFFF000u /* Linux's cap on one transfer */
#define SOCK_TYPE_MASK 0xf
#define SOCK_FLAGS (SOCK_CLOEXEC | SOCK_NONBLOCK)
#define MSG_WAITFORONE 0x10000

struct mmsghdr {
	struct msghdr msg_hdr;
	unsigned int msg_len;
};

static struct fdtable *fds(void)
{
	return current_proc()->fds;
}

/* The socket behind fd, its description referenced in *fp (put it with
 * file_put), or NULL with *err -EBADF or -ENOTSOCK. */
static struct socket *sockfd(int fd, struct file **fp, long *err)
{
	struct file *f = fd_get(fds(), fd);
	struct socket *s = sock_of(f);

	*err = !f ? -EBADF : -ENOTSOCK;
	if (s)
		*fp = file_get(f);
	return s;
}

static bool nonblocking(const struct file *f)
{
	return f->flags & O_NONBLOCK;
}

/* Gives f a descriptor (or drops it). */
static long install(struct file *f, int flags)
{
	int fd = fd_install(fds(), f, 0, flags & SOCK_CLOEXEC);

	if (fd < 0)
		file_put(f);
	return fd;
}

/* --- addresses */

static int addr_in(const void *uaddr, int len, struct sockaddr_storage *k)
{
	if (len < 0 || len > (int)sizeof(*k))
		return -EINVAL;
	if (len && copy_from_user(k, uaddr, len))
		return -EFAULT;
	return 0;
}

static int addr_out(const struct sockaddr_storage *k, int klen, void *uaddr,
		    int *ulen)
{
	int len;

	if (copy_from_user(&len, ulen, sizeof(len)))
		return -EFAULT;
	if (len > klen)
		len = klen;
	if (len < 0)
		return -EINVAL;
	if (len && copy_to_user(uaddr, k, len))
		return -EFAULT;
	return copy_to_user(ulen, &klen, sizeof(klen));
}

/* --- creating, naming, connecting */

long sys_socket(int family, int type, int protocol)
{
	int flags = type & ~SOCK_TYPE_MASK;
	struct file *f;
	long err;

	if (flags & ~SOCK_FLAGS)
		return -EINVAL;
	err = sock_create(family, type & SOCK_TYPE_MASK, protocol, flags, &f);
	return err ? err : install(f, flags);
}

long sys_socketpair(int family, int type, int protocol, int *usv)
{
	int flags = type & ~SOCK_TYPE_MASK, fd[2];
	struct file *f[2];
	long err;

	if (flags & ~SOCK_FLAGS)
		return -EINVAL;
	err =
	    sock_create_pair(family, type & SOCK_TYPE_MASK, protocol, flags, f);
	if (err)
		return err;
	fd[0] = fd_install(fds(), f[0], 0, flags & SOCK_CLOEXEC);
	fd[1] = fd[0] < 0 ? -EMFILE
			  : fd_install(fds(), f[1], 0, flags & SOCK_CLOEXEC);
	if (fd[1] < 0) {
		if (fd[0] >= 0)
			fd_close(fds(), fd[0]);
		else
			file_put(f[0]);
		file_put(f[1]);
		return -EMFILE;
	}
	if (copy_to_user(usv, fd, sizeof(fd))) {
		fd_close(fds(), fd[0]);
		fd_close(fds(), fd[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_bind(int fd, const void *uaddr, int len)
{
	struct sockaddr_storage k;
	struct file *f;
	long err;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	err = addr_in(uaddr, len, &k) ?: sock_bind(s, &k, len);
	file_put(f);
	return err;
}

long sys_connect(int fd, const void *uaddr, int len)
{
	struct sockaddr_storage k;
	struct file *f;
	long err;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	err =
	    addr_in(uaddr, len, &k) ?: sock_connect(s, &k, len, nonblocking(f));
	file_put(f);
	return err;
}

long sys_listen(int fd, int backlog)
{
	struct file *f;
	long err;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	err = sock_listen(s, backlog);
	file_put(f);
	return err;
}

long sys_accept4(int fd, void *uaddr, int *ulen, int flags)
{
	struct sockaddr_storage k;
	struct file *f, *nf;
	int klen;
	long err;
	struct socket *s;

	if (flags & ~SOCK_FLAGS)
		return -EINVAL;
	if (!(s = sockfd(fd, &f, &err)))
		return err;
	err = sock_accept(s, nonblocking(f), flags, &nf);
	file_put(f);
	if (err)
		return err;
	if (uaddr) { /* a fault here loses the connection, as on Linux */
		err = sock_getname(sock_of(nf), &k, &klen, true)
			  ? -ECONNABORTED
			  : addr_out(&k, klen, uaddr, ulen);
		if (err) {
			file_put(nf);
			return err;
		}
	}
	return install(nf, flags);
}

static long getname(int fd, void *uaddr, int *ulen, bool peer)
{
	struct sockaddr_storage k;
	struct file *f;
	int klen;
	long err;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	err =
	    sock_getname(s, &k, &klen, peer) ?: addr_out(&k, klen, uaddr, ulen);
	file_put(f);
	return err;
}

long sys_getsockname(int fd, void *uaddr, int *ulen)
{
	return getname(fd, uaddr, ulen, false);
}

long sys_getpeername(int fd, void *uaddr, int *ulen)
{
	return getname(fd, uaddr, ulen, true);
}

long sys_shutdown(int fd, int how)
{
	struct file *f;
	long err;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	err = sock_shutdown(s, how);
	file_put(f);
	return err;
}

/* --- options */

long sys_setsockopt(int fd, int level, int name, const void *uval, int len)
{
	struct file *f;
	long err;
	struct socket *s;

	if (len < 0)
		return -EINVAL;
	if (!(s = sockfd(fd, &f, &err)))
		return err;
	err = sock_setsockopt(s, level, name, uval, len);
	file_put(f);
	return err;
}

long sys_getsockopt(int fd, int level, int name, void *uval, int *ulen)
{
	struct file *f;
	int len;
	long err;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	if (copy_from_user(&len, ulen, sizeof(len)))
		err = -EFAULT;
	else if (!(err = sock_getsockopt(s, level, name, uval, &len)))
		err = copy_to_user(ulen, &len, sizeof(len));
	file_put(f);
	return err;
}

/* --- sending and receiving */

long sys_sendto(int fd, const void *buf, size_t n, int flags, const void *uaddr,
		int alen)
{
	struct iovec v = {(void *)buf, MIN(n, MAX_RW)};
	struct sock_msg m = {
	    .iov = &v, .iovlen = 1, .len = v.iov_len, .flags = flags};
	struct sockaddr_storage k;
	struct file *f;
	struct socket *s;
	long err;

	if (!user_range_ok((uint32_t)buf, v.iov_len))
		return -EFAULT;
	if (!(s = sockfd(fd, &f, &err)))
		return err;
	if (uaddr) { /* even of length 0: UDP then says -EINVAL */
		m.addr = &k;
		m.addrlen = alen;
	}
	err = uaddr ? addr_in(uaddr, alen, &k) : 0;
	if (!err)
		err = sock_sendmsg(s, &m, nonblocking(f));
	file_put(f);
	return err;
}

long sys_recvfrom(int fd, void *buf, size_t n, int flags, void *uaddr,
		  int *ulen)
{
	struct iovec v = {buf, MIN(n, MAX_RW)};
	struct sockaddr_storage k;
	struct sock_msg m = {.iov = &v,
			     .iovlen = 1,
			     .len = v.iov_len,
			     .flags = flags,
			     .addr = uaddr ? &k : NULL};
	struct file *f;
	struct socket *s;
	long r, err;

	if (!user_range_ok((uint32_t)buf, v.iov_len))
		return -EFAULT;
	if (!(s = sockfd(fd, &f, &err)))
		return err;
	r = sock_recvmsg(s, &m, nonblocking(f));
	file_put(f);
	if (r >= 0 && uaddr && (err = addr_out(&k, m.addrlen, uaddr, ulen)))
		return err;
	return r;
}

/* A message header's iovecs into a kernel array (*out, to kfree), their
 * total capped as Linux's import_iovec does. */
static long get_iovec(const struct msghdr *km, struct iovec **out,
		      size_t *total)
{
	struct iovec *iov;
	size_t sum = 0;

	if (km->msg_iovlen > UIO_MAXIOV)
		return -EMSGSIZE;
	iov = kmalloc(km->msg_iovlen * sizeof(*iov) + 1);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, km->msg_iov, km->msg_iovlen * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (unsigned long i = 0; i < km->msg_iovlen; i++) {
		if ((long)iov[i].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
		iov[i].iov_len = MIN(iov[i].iov_len, MAX_RW - sum);
		if (!user_range_ok((uint32_t)iov[i].iov_base, iov[i].iov_len)) {
			kfree(iov);
			return -EFAULT;
		}
		sum += iov[i].iov_len;
	}
	*out = iov;
	*total = sum;
	return 0;
}

static long sendmsg_file(struct socket *s, struct file *f,
			 const struct msghdr *umsg, int flags)
{
	struct sockaddr_storage k;
	struct sock_msg m = {.flags = flags};
	struct msghdr km;
	struct iovec *iov;
	long err;

	if (copy_from_user(&km, umsg, sizeof(km)))
		return -EFAULT;
	if ((int)km.msg_namelen < 0)
		return -EINVAL;
	if ((err = get_iovec(&km, &iov, &m.len)))
		return err;
	m.iov = iov;
	m.iovlen = (int)km.msg_iovlen;
	if (km.msg_name && km.msg_namelen) {
		m.addr = &k;
		m.addrlen = (int)MIN(km.msg_namelen, sizeof(k));
		err = addr_in(km.msg_name, m.addrlen, &k);
	}
	if (!err)
		err = sock_sendmsg(s, &m, nonblocking(f));
	kfree(iov);
	return err;
}

static long recvmsg_file(struct socket *s, struct file *f, struct msghdr *umsg,
			 int flags)
{
	struct sockaddr_storage k;
	struct sock_msg m = {.flags = flags};
	unsigned long zero = 0;
	struct msghdr km;
	struct iovec *iov;
	long r, err;

	if (copy_from_user(&km, umsg, sizeof(km)))
		return -EFAULT;
	if ((int)km.msg_namelen < 0)
		return -EINVAL;
	if ((err = get_iovec(&km, &iov, &m.len)))
		return err;
	m.iov = iov;
	m.iovlen = (int)km.msg_iovlen;
	m.addr = km.msg_name ? &k : NULL;
	r = sock_recvmsg(s, &m, nonblocking(f));
	kfree(iov);
	if (r < 0)
		return r;
	if (km.msg_name && (err = addr_out(&k, m.addrlen, km.msg_name,
					   (int *)&umsg->msg_namelen)))
		return err;
	if (copy_to_user(&umsg->msg_flags, &m.flags, sizeof(m.flags)) ||
	    copy_to_user(&umsg->msg_controllen, &zero, sizeof(zero)))
		return -EFAULT;
	return r;
}

long sys_sendmsg(int fd, const struct msghdr *umsg, int flags)
{
	struct file *f;
	long err;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	err = sendmsg_file(s, f, umsg, flags);
	file_put(f);
	return err;
}

long sys_recvmsg(int fd, struct msghdr *umsg, int flags)
{
	struct file *f;
	long err;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	err = recvmsg_file(s, f, umsg, flags);
	file_put(f);
	return err;
}

/* sendmmsg and recvmmsg: one message after the other, each one's count
 * in its msg_len, until one fails; the number done, or that error. */
static long mmsg(int fd, struct mmsghdr *uvec, unsigned vlen, int flags,
		 bool send)
{
	struct file *f;
	unsigned done = 0;
	long err, r = 0;
	struct socket *s = sockfd(fd, &f, &err);

	if (!s)
		return err;
	vlen = MIN(vlen, UIO_MAXIOV);
	for (; done < vlen; done++) {
		r = send ? sendmsg_file(s, f, &uvec[done].msg_hdr, flags)
			 : recvmsg_file(s, f, &uvec[done].msg_hdr, flags);
		if (r < 0)
			break;
		if (copy_to_user(&uvec[done].msg_len, &r, sizeof(unsigned))) {
			r = -EFAULT;
			break;
		}
		if (flags & MSG_WAITFORONE)
			flags |= MSG_DONTWAIT;
	}
	file_put(f);
	return done ? (long)done : r;
}

long sys_sendmmsg(int fd, struct mmsghdr *uvec, unsigned vlen, int flags)
{
	return mmsg(fd, uvec, vlen, flags, true);
}

/* The timeout is not kept to (nor read). */
long sys_recvmmsg(int fd, struct mmsghdr *uvec, unsigned vlen, int flags,
		  const struct timespec *utimeout)
{
	(void)utimeout;
	return mmsg(fd, uvec, vlen, flags & ~MSG_WAITFORONE, false);
}

/* --- socketcall(call, args): i386's single entry */

long sys_socketcall(int call, const unsigned long *uargs)
{
	/* how many longs each call takes, as Linux's nargs[] */
	static const unsigned char nargs[] = {0, 3, 3, 3, 2, 3, 3, 3, 4, 4, 4,
					      6, 6, 2, 5, 5, 3, 3, 4, 5, 4};
	unsigned long a[6];

	if (call < SYS_SOCKET || call > SYS_SENDMMSG)
		return -EINVAL;
	if (copy_from_user(a, uargs, nargs[call] * sizeof(long)))
		return -EFAULT;
	switch (call) {
	case SYS_SOCKET:
		return sys_socket(a[0], a[1], a[2]);
	case SYS_BIND:
		return sys_bind(a[0], (void *)a[1], a[2]);
	case SYS_CONNECT:
		return sys_connect(a[0], (void *)a[1], a[2]);
	case SYS_LISTEN:
		return sys_listen(a[0], a[1]);
	case SYS_ACCEPT:
		return sys_accept4(a[0], (void *)a[1], (int *)a[2], 0);
	case SYS_GETSOCKNAME:
		return sys_getsockname(a[0], (void *)a[1], (int *)a[2]);
	case SYS_GETPEERNAME:
		return sys_getpeername(a[0], (void *)a[1], (int *)a[2]);
	case SYS_SOCKETPAIR:
		return sys_socketpair(a[0], a[1], a[2], (int *)a[3]);
	case SYS_SEND:
		return sys_sendto(a[0], (void *)a[1], a[2], a[3], NULL, 0);
	case SYS_RECV:
		return sys_recvfrom(a[0], (void *)a[1], a[2], a[3], NULL, NULL);
	case SYS_SENDTO:
		return sys_sendto(a[0], (void *)a[1], a[2], a[3], (void *)a[4],
				  a[5]);
	case SYS_RECVFROM:
		return sys_recvfrom(a[0], (void *)a[1], a[2], a[3],
				    (void *)a[4], (int *)a[5]);
	case SYS_SHUTDOWN:
		return sys_shutdown(a[0], a[1]);
	case SYS_SETSOCKOPT:
		return sys_setsockopt(a[0], a[1], a[2], (void *)a[3], a[4]);
	case SYS_GETSOCKOPT:
		return sys_getsockopt(a[0], a[1], a[2], (void *)a[3],
				      (int *)a[4]);
	case SYS_SENDMSG:
		return sys_sendmsg(a[0], (void *)a[1], a[2]);
	case SYS_RECVMSG:
		return sys_recvmsg(a[0], (void *)a[1], a[2]);
	case SYS_ACCEPT4:
		return sys_accept4(a[0], (void *)a[1], (int *)a[2], a[3]);
	case SYS_RECVMMSG:
		return sys_recvmmsg(a[0], (void *)a[1], a[2], a[3],
				    (void *)a[4]);
	default: /* SYS_SENDMMSG */
		return sys_sendmmsg(a[0], (void *)a[1], a[2], a[3]);
	}
}
