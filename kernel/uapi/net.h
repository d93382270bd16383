/* kernel/uapi/net.h - socketcall(2)'s call numbers (linux/net.h): i386's
 * one system call (102) for every socket call, socketcall(CALL, ARGS)
 * with ARGS pointing at the call's arguments as an array of longs.  The
 * direct system calls 359-373 do the same (kernel/syscalls.h). */
#ifndef UAPI_NET_H
#define UAPI_NET_H

#define SYS_SOCKET 1
#define SYS_BIND 2
#define SYS_CONNECT 3
#define SYS_LISTEN 4
#define SYS_ACCEPT 5
#define SYS_GETSOCKNAME 6
#define SYS_GETPEERNAME 7
#define SYS_SOCKETPAIR 8
#define SYS_SEND 9
#define SYS_RECV 10
#define SYS_SENDTO 11
#define SYS_RECVFROM 12
#define SYS_SHUTDOWN 13
#define SYS_SETSOCKOPT 14
#define SYS_GETSOCKOPT 15
#define SYS_SENDMSG 16
#define SYS_RECVMSG 17
#define SYS_ACCEPT4 18
#define SYS_RECVMMSG 19
#define SYS_SENDMMSG 20

#endif
