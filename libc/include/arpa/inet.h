/* arpa/inet.h - Internet addresses as text (libc/net/inet_*.c).
 *
 * inet_pton and inet_ntop: AF_INET ("a.b.c.d", exactly four decimal
 * numbers 0-255) and AF_INET6.  inet_aton and inet_addr take the older,
 * looser forms too, as glibc: 1 to 4 parts, each decimal, octal (0...)
 * or hex (0x...), the last filling the remaining bytes ("127.1" is
 * 127.0.0.1), then optional white space.  inet_ntoa writes into one
 * static buffer. */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>

int inet_pton(int af, const char *restrict src, void *restrict dst);
const char *inet_ntop(int af, const void *restrict src, char *restrict dst,
		      socklen_t size);
int inet_aton(const char *cp, struct in_addr *inp);
in_addr_t inet_addr(const char *cp);
char *inet_ntoa(struct in_addr in);

#endif
