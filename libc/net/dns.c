/* libc/net/dns.c - asking DNS servers: one UDP query at a time to the
 * servers of resolv.conf (resolv_conf.c), each try waiting "timeout"
 * seconds for its answer, "attempts" rounds over the servers, as glibc.
 *
 * Each try uses a new connected UDP socket (the kernel then passes on
 * only datagrams from that server, and a refused port ends the wait at
 * once where the kernel reports it) and a new random id; a datagram
 * that is not the reply to this query (another id, another question) is
 * ignored and the wait goes on.  A SERVFAIL or REFUSED answer moves on to
 * the next server; no such name (NXDOMAIN), an answer, or a malformed
 * reply ends the lookup.  No TCP fallback: a truncated answer gives the
 * records that came whole. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "resolv.h"

static unsigned new_id(void)
{
	static unsigned count;
	unsigned short id;
	struct timespec ts;

	if (getrandom(&id, sizeof(id), 0) == sizeof(id))
		return id;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_nsec ^ getpid() << 4 ^ ++count * 40503u) & 0xffff;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* waits for this query's reply on fd until the deadline; EAI_AGAIN if
 * none came */
static int await_reply(int fd, unsigned id, const char *name, int type,
		       long long deadline, struct res_result *res)
{
	unsigned char buf[DNS_MAXMSG];
	struct dns_reply r = {buf, 0};

	for (;;) {
		long long left = deadline - now_ms();
		struct pollfd p = {fd, POLLIN, 0};

		if (left <= 0)
			return EAI_AGAIN;
		int k = poll(&p, 1, (int)left);
		if (k < 0 && errno != EINTR)
			return EAI_AGAIN;
		if (k <= 0)
			continue;
		r.len = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (r.len < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r.len < 0)
			return EAI_AGAIN; /* e.g. ECONNREFUSED: no server */
		if (__dns_reply_matches(&r, id, name, type))
			return __dns_parse(&r, type, res);
	}
}

/* one query to one server */
static int ask(const struct sockaddr_in *server, unsigned char *q, int qlen,
	       const char *name, int type, int timeout_ms,
	       struct res_result *res)
{
	unsigned id = new_id();
	int fd, r;

	q[0] = id >> 8;
	q[1] = id;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return EAI_SYSTEM;
	if (connect(fd, (const struct sockaddr *)server, sizeof(*server)) < 0 ||
	    send(fd, q, qlen, 0) != qlen)
		r = EAI_AGAIN;
	else
		r = await_reply(fd, id, name, type, now_ms() + timeout_ms, res);
	close(fd);
	return r;
}

static int query(const char *name, int type, struct res_result *res)
{
	unsigned char q[300];
	struct res_conf conf;
	int qlen = __dns_make_query(q, sizeof(q), 0, name, type), r = EAI_AGAIN;

	if (qlen < 0)
		return EAI_NONAME; /* not a name DNS could have */
	__res_read_conf(&conf);
	for (int a = 0; a < conf.attempts; a++)
		for (int s = 0; s < conf.nservers; s++) {
			int saved = errno;

			r = ask(&conf.servers[s], q, qlen, name, type,
				conf.timeout_ms, res);
			if (r != EAI_AGAIN)
				return r;
			errno = saved;
		}
	return r;
}

int __dns_lookup_a(const char *name, struct res_result *res)
{
	return query(name, DNS_A, res);
}

int __dns_lookup_ptr(const unsigned char ip[4], char *name, size_t len)
{
	char q[32];
	struct res_result res;
	int r;

	snprintf(q, sizeof(q), "%u.%u.%u.%u.in-addr.arpa", ip[3], ip[2], ip[1],
		 ip[0]);
	r = query(q, DNS_PTR, &res);
	if (r == 0 && strlcpy(name, res.canon, len) >= len)
		return EAI_OVERFLOW;
	return r;
}
