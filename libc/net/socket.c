/* libc/net/socket.c - making, naming and connecting sockets: i386's direct
 * system calls 359-368 and 373 (Linux 4.3 and later; older kernels had
 * only socketcall, 102).  There is no direct accept: accept is accept4
 * with no flags, as glibc and musl make it. */
#include <sys/socket.h>

#include "libc/internal/syscall.h"

int socket(int domain, int type, int protocol)
{
	return __syscall_ret(__syscall3(SYS_socket, domain, type, protocol));
}

int socketpair(int domain, int type, int protocol, int fds[2])
{
	return __syscall_ret(
	    __syscall4(SYS_socketpair, domain, type, protocol, fds));
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	return __syscall_ret(__syscall3(SYS_bind, fd, addr, len));
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	return __syscall_ret(__syscall3(SYS_connect, fd, addr, len));
}

int listen(int fd, int backlog)
{
	return __syscall_ret(__syscall2(SYS_listen, fd, backlog));
}

int accept4(int fd, struct sockaddr *restrict addr, socklen_t *restrict len,
	    int flags)
{
	return __syscall_ret(__syscall4(SYS_accept4, fd, addr, len, flags));
}

int accept(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return accept4(fd, addr, len, 0);
}

int getsockname(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return __syscall_ret(__syscall3(SYS_getsockname, fd, addr, len));
}

int getpeername(int fd, struct sockaddr *restrict addr, socklen_t *restrict len)
{
	return __syscall_ret(__syscall3(SYS_getpeername, fd, addr, len));
}

int shutdown(int fd, int how)
{
	return __syscall_ret(__syscall2(SYS_shutdown, fd, how));
}
