/* libc/net/getaddrinfo.c - getaddrinfo and freeaddrinfo: a host and a
 * service to a list of socket addresses, one per address and socket type,
 * with glibc's rules and errors:
 *
 *   host   NULL: the wildcard (AI_PASSIVE) or loopback address, IPv4
 *          unless AF_INET6 is asked for (glibc gives both for AF_UNSPEC;
 *          the OS has no IPv6);
 *          numeric: inet_aton's forms exactly ("127.1" too) or IPv6;
 *          else (unless AI_NUMERICHOST: EAI_NONAME) the hosts file, then
 *          DNS (A records only: a name wanted as AF_INET6 is EAI_NODATA).
 *   service NULL (port 0), a number, or a name of the built-in table for
 *          each protocol (AI_NUMERICSERV: numbers only).
 *   types  hints' ai_socktype/ai_protocol, or all of stream/TCP,
 *          datagram/UDP and raw (raw: no service or a
 *          port number, and no other hint)
 *
 * The results are IPv4 first.  Each node is one allocation holding its
 * address; the first one's ai_canonname (AI_CANONNAME) a separate one. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "resolv.h"

#define KNOWN_FLAGS                                                            \
	(AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL |   \
	 AI_ADDRCONFIG | AI_NUMERICSERV)

struct kind {
	int socktype, protocol;
	const char *proto; /* for service names: "tcp", "udp" or NULL */
	int port;
};

struct node {
	struct addrinfo ai;
	union {
		struct sockaddr_in in;
		struct sockaddr_in6 in6;
	} sa;
};

/* The socket types the hints allow, each with the service's port: how
 * many, or an EAI_ error. */
static int kinds(const struct addrinfo *h, const char *service,
		 struct kind out[3])
{
	static const struct kind all[3] = {{SOCK_STREAM, IPPROTO_TCP, "tcp", 0},
					   {SOCK_DGRAM, IPPROTO_UDP, "udp", 0},
					   {SOCK_RAW, 0, NULL, 0}};
	int n = 0, typed = 0;
	int digits = service && *service >= '0' && *service <= '9';

	for (int i = 0; i < 3; i++) {
		struct kind k = all[i];

		if (h->ai_socktype && h->ai_socktype != k.socktype)
			continue;
		if (k.socktype == SOCK_RAW) {
			/* any protocol, but TCP and UDP mean their own types
			 * unless raw was asked for */
			if (!h->ai_socktype && (h->ai_protocol == IPPROTO_TCP ||
						h->ai_protocol == IPPROTO_UDP))
				continue;
			k.protocol = h->ai_protocol;
		} else if (h->ai_protocol && h->ai_protocol != k.protocol) {
			continue;
		}
		typed++;
		if (service) {
			if ((h->ai_flags & AI_NUMERICSERV) && !digits)
				return EAI_NONAME;
			/* raw sockets have no services; they take a port
			 * number only when the hints left everything open */
			if (k.socktype == SOCK_RAW &&
			    (h->ai_socktype || h->ai_protocol || !digits))
				continue;
			k.port =
			    __service_port(service, k.proto ? k.proto : "tcp");
			if (k.port < 0)
				continue;
		}
		out[n++] = k;
	}
	if (!typed)
		return EAI_SOCKTYPE;
	return n ? n : EAI_SERVICE;
}

/* the host as a numeric address: 1 (in *a), 0 if it is none */
static int numeric(const char *host, struct res_addr *a)
{
	struct in_addr in;

	/* inet_aton's forms, with nothing after them */
	if (!strpbrk(host, " \t\n\v\f\r") && inet_aton(host, &in)) {
		a->family = AF_INET;
		memcpy(a->bytes, &in, 4);
		return 1;
	}
	if (inet_pton(AF_INET6, host, a->bytes) == 1) {
		a->family = AF_INET6;
		return 1;
	}
	return 0;
}

/* the host's addresses (and canonical name) into res */
static int lookup(const char *host, int family, int flags,
		  struct res_result *res)
{
	int r;

	res->naddrs = 0;
	res->canon[0] = 0;
	if (!host) {
		struct res_addr *a = &res->addrs[res->naddrs++];

		memset(a, 0, sizeof(*a));
		a->family = family == AF_INET6 ? AF_INET6 : AF_INET;
		if (flags & AI_PASSIVE)
			return 0; /* 0.0.0.0 or :: */
		if (a->family == AF_INET)
			memcpy(a->bytes, "\177\0\0\1", 4);
		else
			a->bytes[15] = 1;
		return 0;
	}
	if (numeric(host, &res->addrs[0])) {
		if (family != AF_UNSPEC && family != res->addrs[0].family)
			return EAI_ADDRFAMILY;
		res->naddrs = 1;
		strlcpy(res->canon, host, sizeof(res->canon));
		return 0;
	}
	if (flags & AI_NUMERICHOST)
		return EAI_NONAME;
	if (__hosts_by_name(host, family, res) == 0)
		return 0;
	r = __dns_lookup_a(host, res);
	if (r == 0 && family == AF_INET6)
		return EAI_NODATA; /* the name exists, with no IPv6 address */
	return r;
}

static struct addrinfo *new_node(const struct res_addr *a, const struct kind *k,
				 int flags)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->ai.ai_flags = flags;
	n->ai.ai_family = a->family;
	n->ai.ai_socktype = k->socktype;
	n->ai.ai_protocol = k->protocol;
	n->ai.ai_addr = (struct sockaddr *)&n->sa;
	if (a->family == AF_INET) {
		n->sa.in.sin_family = AF_INET;
		n->sa.in.sin_port = htons(k->port);
		memcpy(&n->sa.in.sin_addr, a->bytes, 4);
		n->ai.ai_addrlen = sizeof(n->sa.in);
	} else {
		n->sa.in6.sin6_family = AF_INET6;
		n->sa.in6.sin6_port = htons(k->port);
		memcpy(&n->sa.in6.sin6_addr, a->bytes, 16);
		n->ai.ai_addrlen = sizeof(n->sa.in6);
	}
	return &n->ai;
}

/* the list: every address with every kind */
static int build(const struct res_result *res, const struct kind *k, int nk,
		 int flags, struct addrinfo **out)
{
	struct addrinfo *head = NULL, **tail = &head;

	for (int i = 0; i < res->naddrs; i++)
		for (int j = 0; j < nk; j++) {
			*tail = new_node(&res->addrs[i], &k[j], flags);
			if (!*tail)
				goto nomem;
			tail = &(*tail)->ai_next;
		}
	if ((flags & AI_CANONNAME) &&
	    !(head->ai_canonname = strdup(res->canon)))
		goto nomem;
	*out = head;
	return 0;
nomem:
	freeaddrinfo(head);
	return EAI_MEMORY;
}

int getaddrinfo(const char *restrict host, const char *restrict service,
		const struct addrinfo *restrict hints,
		struct addrinfo **restrict out)
{
	struct addrinfo h = {0};
	struct kind k[3];
	struct res_result res;
	int nk, r;

	if (hints)
		h = *hints;
	if (!host && !service)
		return EAI_NONAME;
	if ((h.ai_flags & ~KNOWN_FLAGS) ||
	    ((h.ai_flags & AI_CANONNAME) && !host))
		return EAI_BADFLAGS;
	if (h.ai_family != AF_UNSPEC && h.ai_family != AF_INET &&
	    h.ai_family != AF_INET6)
		return EAI_FAMILY;
	nk = kinds(&h, service, k);
	if (nk < 0)
		return nk;
	r = lookup(host, h.ai_family, h.ai_flags, &res);
	return r ? r : build(&res, k, nk, h.ai_flags, out);
}

void freeaddrinfo(struct addrinfo *ai)
{
	while (ai) {
		struct addrinfo *next = ai->ai_next;

		free(ai->ai_canonname);
		free(ai); /* the struct node it starts */
		ai = next;
	}
}
