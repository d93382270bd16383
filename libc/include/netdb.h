/* netdb.h - names to addresses: getaddrinfo and getnameinfo over numeric
 * addresses, the hosts file and DNS; the older gethostbyname; services
 * by name from a built-in table.  Constants have glibc's values, and
 * gai_strerror glibc's texts.  IPv4 only: AF_INET6 or a numeric IPv6
 * host gives EAI_FAMILY / EAI_NONAME.
 *
 * Where a name is looked up (libc/net/resolv_*.c):
 *   1. a numeric address ("10.0.2.2", and with AI_NUMERICHOST only that);
 *   2. the hosts file, /etc/hosts ("ADDR NAME ALIAS...", # comments);
 *   3. DNS: an A query over UDP to each "nameserver ADDR" of
 *      /etc/resolv.conf in turn (at most 3), "options timeout:N
 *      attempts:N" as glibc (default 5 s, 2 attempts), the RES_OPTIONS
 *      environment variable overriding those options as glibc's does.
 *
 * Hooks for tests and experiments, read from the environment on every
 * lookup (no other libc has them; names prefixed so nothing else uses
 * them by accident):
 *   LIBC_HOSTS=PATH        the hosts file instead of /etc/hosts
 *   LIBC_RESOLV_CONF=PATH  resolv.conf instead of /etc/resolv.conf
 *   LIBC_DNS_PORT=N        the servers' UDP port instead of 53
 * so a test can run its own DNS server on 127.0.0.1 and an unprivileged
 * port without touching /etc. */
#ifndef _NETDB_H
#define _NETDB_H

#include <netinet/in.h>
#include <sys/socket.h>

struct addrinfo {
	int ai_flags;
	int ai_family;
	int ai_socktype;
	int ai_protocol;
	socklen_t ai_addrlen;
	struct sockaddr *ai_addr;
	char *ai_canonname;
	struct addrinfo *ai_next;
};

/* ai_flags */
#define AI_PASSIVE 0x0001     /* no host: the wildcard address, to bind */
#define AI_CANONNAME 0x0002   /* fill the first result's ai_canonname */
#define AI_NUMERICHOST 0x0004 /* the host must be a numeric address */
#define AI_V4MAPPED 0x0008
#define AI_ALL 0x0010
#define AI_ADDRCONFIG 0x0020
#define AI_NUMERICSERV 0x0400 /* the service must be a port number */

/* getaddrinfo's and getnameinfo's errors */
#define EAI_BADFLAGS -1
#define EAI_NONAME -2
#define EAI_AGAIN -3
#define EAI_FAIL -4
#define EAI_NODATA -5
#define EAI_FAMILY -6
#define EAI_SOCKTYPE -7
#define EAI_SERVICE -8
#define EAI_ADDRFAMILY -9
#define EAI_MEMORY -10
#define EAI_SYSTEM -11 /* see errno */
#define EAI_OVERFLOW -12
#define EAI_INPROGRESS -100
#define EAI_CANCELED -101
#define EAI_NOTCANCELED -102
#define EAI_ALLDONE -103
#define EAI_INTR -104
#define EAI_IDN_ENCODE -105

/* getnameinfo's flags and buffer sizes */
#define NI_NUMERICHOST 1
#define NI_NUMERICSERV 2
#define NI_NOFQDN 4
#define NI_NAMEREQD 8
#define NI_DGRAM 16
#define NI_MAXHOST 1025
#define NI_MAXSERV 32

int getaddrinfo(const char *restrict node, const char *restrict service,
		const struct addrinfo *restrict hints,
		struct addrinfo **restrict res);
void freeaddrinfo(struct addrinfo *res);
const char *gai_strerror(int err);
int getnameinfo(const struct sockaddr *restrict sa, socklen_t salen,
		char *restrict host, socklen_t hostlen, char *restrict serv,
		socklen_t servlen, int flags);

/* the older interface: one static result, errors in h_errno */
struct hostent {
	char *h_name;
	char **h_aliases;
	int h_addrtype;
	int h_length;
	char **h_addr_list;
};
#define h_addr h_addr_list[0]

#define NETDB_INTERNAL -1
#define NETDB_SUCCESS 0
#define HOST_NOT_FOUND 1
#define TRY_AGAIN 2
#define NO_RECOVERY 3
#define NO_DATA 4
#define NO_ADDRESS NO_DATA

extern int h_errno;

struct hostent *gethostbyname(const char *name);
struct hostent *gethostbyaddr(const void *addr, socklen_t len, int type);
const char *hstrerror(int err);
void herror(const char *s);

struct servent {
	char *s_name;
	char **s_aliases;
	int s_port; /* network byte order */
	char *s_proto;
};

struct servent *getservbyname(const char *name, const char *proto);
struct servent *getservbyport(int port, const char *proto);

#endif
