/* kernel/uapi/socket.h - the socket calls' constants and structures as
 * Linux i386 has them (linux/socket.h, asm-generic/socket.h): address
 * families, socket types and their flags, MSG_ flags, SOL_SOCKET's
 * options, struct sockaddr, msghdr, cmsghdr, linger.  Shared by the kernel
 * (net/) and the libc (<sys/socket.h>). */
#ifndef UAPI_SOCKET_H
#define UAPI_SOCKET_H

#include "kernel/uapi/uio.h"

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* big enough and aligned for any address (128 bytes) */
struct sockaddr_storage {
	sa_family_t ss_family;
	char __ss_padding[128 - sizeof(sa_family_t) - sizeof(unsigned long)];
	unsigned long __ss_align;
};

struct msghdr {
	void *msg_name; /* the peer's address, or NULL */
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	unsigned long msg_iovlen;
	void *msg_control; /* ancillary data (cmsghdr), or NULL */
	unsigned long msg_controllen;
	unsigned int msg_flags;
};

struct cmsghdr {
	unsigned long cmsg_len; /* with this header */
	int cmsg_level;
	int cmsg_type;
};

struct linger {
	int l_onoff;
	int l_linger; /* seconds */
};

#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_LOCAL AF_UNIX
#define AF_INET 2
#define AF_INET6 10
#define AF_NETLINK 16
#define AF_PACKET 17
#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX AF_UNIX
#define PF_LOCAL AF_LOCAL
#define PF_INET AF_INET
#define PF_INET6 AF_INET6

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_SEQPACKET 5
/* or'ed into socket()'s and accept4()'s type/flags */
#define SOCK_NONBLOCK 00004000
#define SOCK_CLOEXEC 02000000

#define MSG_OOB 0x1
#define MSG_PEEK 0x2
#define MSG_DONTROUTE 0x4
#define MSG_CTRUNC 0x8
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_EOR 0x80
#define MSG_WAITALL 0x100
#define MSG_NOSIGNAL 0x4000
#define MSG_MORE 0x8000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SOL_SOCKET 1
#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_LINGER 13
#define SO_REUSEPORT 15
#define SO_RCVLOWAT 18
#define SO_RCVTIMEO 20 /* struct timeval (32-bit time_t on i386) */
#define SO_SNDTIMEO 21
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL 38
#define SO_DOMAIN 39

/* cmsg_type at level SOL_SOCKET */
#define SCM_RIGHTS 1 /* file descriptors (AF_UNIX) */

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

#define SOMAXCONN 4096 /* listen()'s backlog is capped to this */

#endif
