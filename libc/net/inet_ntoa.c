/* libc/net/inet_ntoa.c - an IPv4 address as "a.b.c.d" in one static
 * buffer (each call overwrites the last one's text); the IPv6 wildcard
 * and loopback constants. */
#include <arpa/inet.h>

char *inet_ntoa(struct in_addr in)
{
	static char buf[INET_ADDRSTRLEN];

	return (char *)inet_ntop(AF_INET, &in, buf, sizeof(buf));
}

const struct in6_addr in6addr_any = IN6ADDR_ANY_INIT;
const struct in6_addr in6addr_loopback = IN6ADDR_LOOPBACK_INIT;
