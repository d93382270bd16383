/* libc/net/sendrecv.c - moving data through sockets: sendto, recvfrom,
 * sendmsg, recvmsg (i386's direct calls 369-372).  i386 has no direct
 * send or recv: they are sendto with no address and recvfrom asking for
 * none. */
#include <sys/socket.h>

#include "libc/internal/syscall.h"

ssize_t sendto(int fd, const void *buf, size_t n, int flags,
	       const struct sockaddr *addr, socklen_t len)
{
	return __syscall_ret(
	    __syscall6(SYS_sendto, fd, buf, n, flags, addr, len));
}

ssize_t send(int fd, const void *buf, size_t n, int flags)
{
	return sendto(fd, buf, n, flags, NULL, 0);
}

ssize_t recvfrom(int fd, void *restrict buf, size_t n, int flags,
		 struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return __syscall_ret(
	    __syscall6(SYS_recvfrom, fd, buf, n, flags, addr, len));
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	return recvfrom(fd, buf, n, flags, NULL, NULL);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	return __syscall_ret(__syscall3(SYS_sendmsg, fd, msg, flags));
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	return __syscall_ret(__syscall3(SYS_recvmsg, fd, msg, flags));
}
