/* libc/net/getnameinfo.c - a socket address to a host name and a service
 * name, glibc's way: the host from the hosts file, then DNS (a PTR query,
 * IPv4), else the numeric address (or EAI_NONAME with NI_NAMEREQD);
 * NI_NUMERICHOST skips the lookups.  The service from the built-in table
 * ("tcp", or "udp" with NI_DGRAM), else the port number; NI_NUMERICSERV
 * gives the number.  EAI_OVERFLOW when a buffer is too small.  NI_NOFQDN
 * is accepted and changes nothing (no local domain here). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "resolv.h"

#define KNOWN_FLAGS                                                            \
	(NI_NUMERICHOST | NI_NUMERICSERV | NI_NOFQDN | NI_NAMEREQD | NI_DGRAM)

/* s into buf, or EAI_OVERFLOW leaving buf as it was (as glibc) */
static int put(char *buf, socklen_t len, const char *s)
{
	size_t n = strlen(s);

	if (n >= len)
		return EAI_OVERFLOW;
	memcpy(buf, s, n + 1);
	return 0;
}

static int host_name(const struct res_addr *a, char *host, socklen_t len,
		     int flags)
{
	char name[RES_MAXNAME], num[INET6_ADDRSTRLEN];

	/* a name is required but may not be looked for: glibc says none */
	if ((flags & (NI_NUMERICHOST | NI_NAMEREQD)) ==
	    (NI_NUMERICHOST | NI_NAMEREQD))
		return EAI_NONAME;
	if (!(flags & NI_NUMERICHOST)) {
		if (__hosts_by_addr(a, name, sizeof(name)) == 0)
			return put(host, len, name);
		if (a->family == AF_INET) {
			int r = __dns_lookup_ptr(a->bytes, name, sizeof(name));

			if (r == 0)
				return put(host, len, name);
			if (r != EAI_NONAME && r != EAI_NODATA &&
			    (flags & NI_NAMEREQD))
				return r; /* no answer: say so */
		}
		if (flags & NI_NAMEREQD)
			return EAI_NONAME;
	}
	inet_ntop(a->family, a->bytes, num, sizeof(num));
	return put(host, len, num);
}

static int serv_name(int port, char *serv, socklen_t len, int flags)
{
	const char *name = NULL;
	char num[8];

	if (!(flags & NI_NUMERICSERV))
		name = __service_name(port, flags & NI_DGRAM ? "udp" : "tcp");
	if (!name) {
		snprintf(num, sizeof(num), "%d", port);
		name = num;
	}
	return put(serv, len, name);
}

int getnameinfo(const struct sockaddr *restrict sa, socklen_t salen,
		char *restrict host, socklen_t hostlen, char *restrict serv,
		socklen_t servlen, int flags)
{
	struct res_addr a = {0};
	int port, r = 0;

	if (flags & ~KNOWN_FLAGS)
		return EAI_BADFLAGS;
	if (!sa || salen < sizeof(sa_family_t))
		return EAI_FAMILY;
	if (sa->sa_family == AF_INET && salen >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *in = (const void *)sa;

		a.family = AF_INET;
		memcpy(a.bytes, &in->sin_addr, 4);
		port = ntohs(in->sin_port);
	} else if (sa->sa_family == AF_INET6 &&
		   salen >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *in6 = (const void *)sa;

		a.family = AF_INET6;
		memcpy(a.bytes, &in6->sin6_addr, 16);
		port = ntohs(in6->sin6_port);
	} else {
		return EAI_FAMILY;
	}
	/* with neither buffer there is nothing to do: 0, as glibc */
	if (host && hostlen)
		r = host_name(&a, host, hostlen, flags);
	if (r == 0 && serv && servlen)
		r = serv_name(port, serv, servlen, flags);
	return r;
}
