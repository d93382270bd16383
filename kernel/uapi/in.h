/* kernel/uapi/in.h - IPv4 addresses for sockets as Linux i386 has them
 * (linux/in.h): struct sockaddr_in (16 bytes, port and address in network
 * byte order), protocol numbers, special addresses, IPPROTO_IP options.
 * Shared by the kernel (net/) and the libc (<netinet/in.h>). */
#ifndef UAPI_IN_H
#define UAPI_IN_H

#include <stdint.h>

#include "kernel/uapi/socket.h"

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

struct in_addr {
	in_addr_t s_addr; /* network byte order */
};

struct sockaddr_in {
	sa_family_t sin_family; /* AF_INET */
	in_port_t sin_port; /* network byte order */
	struct in_addr sin_addr;
	unsigned char sin_zero[8];
};

#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_IPV6 41
#define IPPROTO_RAW 255

/* in host byte order, as Linux's headers give them */
#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_NONE ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)

#define IP_TOS 1
#define IP_TTL 2

#endif
