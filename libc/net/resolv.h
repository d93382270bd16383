/* libc/net/resolv.h - the resolver's parts, private to libc/net/.
 *
 * getaddrinfo, getnameinfo and gethostbyname/addr share these: the
 * configuration (resolv_conf.c), the hosts file (hosts.c), DNS over UDP
 * (dns.c, dns_msg.c) and the services table (services.c).  A lookup
 * fills a struct res_result; errors are the EAI_ codes of <netdb.h>. */
#ifndef LIBC_NET_RESOLV_H
#define LIBC_NET_RESOLV_H

#include <netdb.h>

#define RES_MAXADDRS 16	 /* addresses kept per name */
#define RES_MAXNAME 256	 /* a domain name's text with its NUL */
#define RES_MAXSERVERS 3 /* nameserver lines used, as glibc's MAXNS */
#define RES_MAXALIASES 8 /* aliases kept from a hosts line */

struct res_addr {
	int family; /* AF_INET or AF_INET6 */
	unsigned char bytes[16];
};

struct res_result {
	char canon[RES_MAXNAME]; /* the canonical name */
	int naddrs;
	struct res_addr addrs[RES_MAXADDRS];
};

struct res_conf {
	struct sockaddr_in servers[RES_MAXSERVERS];
	int nservers;
	int timeout_ms; /* per try: "options timeout:N", seconds */
	int attempts;	/* rounds over the servers: "options attempts:N" */
};

/* the files and settings, honouring the LIBC_ environment hooks */
const char *__res_hosts_path(void);
void __res_read_conf(struct res_conf *conf);

/* name -> addresses of family (AF_UNSPEC: both, IPv4 first) from the hosts
 * file: 0, or EAI_NONAME when it has none */
int __hosts_by_name(const char *name, int family, struct res_result *res);
/* address -> the first name the hosts file gives it: 0 or EAI_NONAME */
int __hosts_by_addr(const struct res_addr *a, char *name, size_t len);

/* DNS: the A records of name, following CNAMEs (0, EAI_NONAME for no such
 * name, EAI_NODATA for a name without one, EAI_AGAIN when no server
 * answered or one failed, EAI_FAIL for a malformed answer) */
int __dns_lookup_a(const char *name, struct res_result *res);
/* the PTR name of an IPv4 address (same errors) */
int __dns_lookup_ptr(const unsigned char ip[4], char *name, size_t len);

/* DNS messages (dns_msg.c) */
#define DNS_A 1
#define DNS_CNAME 5
#define DNS_PTR 12
/* a reply over UDP: 512 bytes by RFC 1035 (no EDNS asked for), with room
 * for servers that send more */
#define DNS_MAXMSG 1232

struct dns_reply {
	const unsigned char *msg;
	int len;
};

/* the query for name and type, into buf; its length, or -1 if name
 * cannot be one (empty, a label empty or over 63 bytes, over 253 bytes) */
int __dns_make_query(unsigned char *buf, int size, unsigned id,
		     const char *name, int type);
/* is r the reply to our query (id, the response bit, the same question)? */
int __dns_reply_matches(const struct dns_reply *r, unsigned id,
			const char *name, int type);
/* the reply's records of type (A: addresses; PTR: the name in canon),
 * CNAMEs followed from the question's name, which ends in res->canon:
 * 0 or the errors of __dns_lookup_a */
int __dns_parse(const struct dns_reply *r, int type, struct res_result *res);

/* the text name at msg+off (labels, compression pointers) into out
 * (RES_MAXNAME bytes); the offset just after it in the message, or -1 if
 * it is malformed */
int __dns_read_name(const unsigned char *msg, int len, int off, char *out);

/* service name or number -> port (host order) for protocol "tcp" or
 * "udp"; -1 if there is no such service for that protocol */
int __service_port(const char *name, const char *proto);
/* the service name of port (host order) for proto, or NULL */
const char *__service_name(int port, const char *proto);

#endif
