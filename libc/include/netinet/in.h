/* netinet/in.h - Internet addresses: struct sockaddr_in, in_addr,
 * IPPROTO_ and INADDR_ names from kernel/uapi/in.h; byte order
 * conversions (htons, htonl, ntohs, ntohl: i386 is little-endian, the
 * network big-endian); the text lengths inet_ntop needs. */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <stdint.h>
#include <sys/socket.h>
#include <kernel/uapi/in.h>

/* IPv6 (Linux's linux/in6.h layouts), only so that common code compiles:
 * the kernel has no IPv6, and inet_pton/inet_ntop are all that use it.
 * Here rather than in kernel/uapi/ as the kernel never needs it (and
 * lwIP's own in6_addr would clash there). */
struct in6_addr {
	union {
		uint8_t u6_addr8[16];
		uint16_t u6_addr16[8];
		uint32_t u6_addr32[4];
	} in6_u;
};
#define s6_addr in6_u.u6_addr8
#define s6_addr16 in6_u.u6_addr16
#define s6_addr32 in6_u.u6_addr32

struct sockaddr_in6 {
	sa_family_t sin6_family; /* AF_INET6 */
	in_port_t sin6_port;	 /* network byte order */
	uint32_t sin6_flowinfo;
	struct in6_addr sin6_addr;
	uint32_t sin6_scope_id;
};

/* "255.255.255.255" and "ffff:ffff:...:255.255.255.255" with their NULs */
#define INET_ADDRSTRLEN 16
#define INET6_ADDRSTRLEN 46

uint16_t htons(uint16_t x);
uint32_t htonl(uint32_t x);
uint16_t ntohs(uint16_t x);
uint32_t ntohl(uint32_t x);

/* the functions exist (libc/net/byteorder.c); the macros make them one
 * instruction where they are called */
#define htons(x) __builtin_bswap16(x)
#define ntohs(x) __builtin_bswap16(x)
#define htonl(x) __builtin_bswap32(x)
#define ntohl(x) __builtin_bswap32(x)

extern const struct in6_addr in6addr_any;      /* :: */
extern const struct in6_addr in6addr_loopback; /* ::1 */
/* clang-format off */
#define IN6ADDR_ANY_INIT {{{0}}}
#define IN6ADDR_LOOPBACK_INIT {{{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}}}
/* clang-format on */

#endif
