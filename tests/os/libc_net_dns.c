/* tests/os/libc_net_dns.c - the resolver's DNS client (libc/net/dns.c,
 * dns_msg.c) against a small DNS server the test runs itself: a child
 * answering UDP queries on 127.0.0.1 and a free port.  The libc's hooks
 * (<netdb.h>) point it there: LIBC_RESOLV_CONF names a resolv.conf in the
 * case's directory ("nameserver 127.0.0.1", short timeouts),
 * LIBC_DNS_PORT the server's port, LIBC_HOSTS a hosts file.
 *
 * The server's answers depend on the first label of the question
 * (www.example.test, alias..., missing...), so one server plays every
 * scenario: addresses with compressed names, CNAME chains, no such name,
 * no address, SERVFAIL, silence, a lost first query, stray replies with
 * the wrong id or question, malformed messages, PTR records.  It logs
 * each question it gets to dns.log, one line each, for the cases that
 * count queries.  Needs the kernel's UDP sockets. */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include "t.h"

/* --- the server */

struct msg {
	unsigned char b[512];
	int n;
};

static void put8(struct msg *m, unsigned v)
{
	m->b[m->n++] = v;
}

static void put16(struct msg *m, unsigned v)
{
	put8(m, v >> 8);
	put8(m, v);
}

static void put_bytes(struct msg *m, const void *p, int n)
{
	memcpy(m->b + m->n, p, n);
	m->n += n;
}

/* a name as labels, uncompressed */
static void put_name(struct msg *m, const char *name)
{
	while (*name) {
		int l = strcspn(name, ".");

		put8(m, l);
		put_bytes(m, name, l);
		name += l + (name[l] == '.');
	}
	put8(m, 0);
}

/* a record's type, class IN, ttl and the data length (its owner name
 * written before) */
static void put_rr_head(struct msg *m, int type, int rdlen)
{
	put16(m, type);
	put16(m, 1);
	put16(m, 0);
	put16(m, 60);
	put16(m, rdlen);
}

/* an A record for the name at offset `at` (a compression pointer) */
static void put_a(struct msg *m, int at, const char *ip)
{
	struct in_addr a;

	inet_pton(AF_INET, ip, &a);
	put16(m, 0xc000 | at);
	put_rr_head(m, 1, 4);
	put_bytes(m, &a, 4);
}

/* The question's text name and where it ends (after type and class) */
static int question(const unsigned char *q, int n, char *name)
{
	int off = 12, len = 0;

	while (off < n && q[off]) {
		int l = q[off];

		if (off + 1 + l > n)
			return -1;
		if (len)
			name[len++] = '.';
		memcpy(name + len, q + off + 1, l);
		len += l;
		off += 1 + l;
	}
	name[len] = 0;
	return off + 5 <= n ? off + 5 : -1;
}

/* The reply's header and question, copied from the query; rcode and the
 * answer count set. */
static void reply_head(struct msg *r, const unsigned char *q, int qend,
		       int rcode, int answers)
{
	r->n = 0;
	put_bytes(r, q, qend);
	r->b[2] = 0x81;		/* QR, RD */
	r->b[3] = 0x80 | rcode; /* RA */
	r->b[6] = 0;
	r->b[7] = answers;
}

static int seen_slow; /* queries for slow.example.test so far */

/* Builds the answer to the query q; 0 to stay silent.  Some scenarios
 * first send stray datagrams through fd to peer. */
static int answer(const unsigned char *q, int n, struct msg *r, int fd,
		  struct sockaddr_in *peer)
{
	char name[256];
	int qend = question(q, n, name);
	const char *first = name;

	if (qend < 0)
		return 0;
	if (!strncasecmp(first, "www.", 4)) {
		reply_head(r, q, qend, 0, 2);
		put_a(r, 12, "192.0.2.1");
		put_a(r, 12, "192.0.2.2");
	} else if (!strncmp(first, "alias.", 6)) {
		/* alias -> www.example.test (a pointer to "example.test" in
		 * the question), whose address follows */
		reply_head(r, q, qend, 0, 3);
		put16(r, 0xc00c);
		put_rr_head(r, 5, 6);
		int target = r->n;
		put8(r, 3);
		put_bytes(r, "www", 3);
		put16(r, 0xc000 | 18);
		put_a(r, 12, "198.51.100.1"); /* the alias's own: ignored */
		put_a(r, target, "192.0.2.3");
	} else if (!strncmp(first, "chain.", 6)) {
		/* chain -> link -> www, the records in reverse order and
		 * names written out */
		reply_head(r, q, qend, 0, 3);
		put_name(r, "www.example.test");
		put_rr_head(r, 1, 4);
		put_bytes(r, "\300\0\2\11", 4);
		put_name(r, "link.example.test");
		put_rr_head(r, 5, strlen("www.example.test") + 2);
		put_name(r, "www.example.test");
		put16(r, 0xc00c);
		put_rr_head(r, 5, strlen("link.example.test") + 2);
		put_name(r, "link.example.test");
	} else if (!strncmp(first, "cloop.", 6)) {
		/* cloop -> cloop: a CNAME loop */
		reply_head(r, q, qend, 0, 1);
		put16(r, 0xc00c);
		put_rr_head(r, 5, 2);
		put16(r, 0xc00c);
	} else if (!strncmp(first, "missing.", 8)) {
		reply_head(r, q, qend, 3, 0);
	} else if (!strncmp(first, "empty.", 6)) {
		reply_head(r, q, qend, 0, 0);
	} else if (!strncmp(first, "servfail.", 9)) {
		reply_head(r, q, qend, 2, 0);
	} else if (!strncmp(first, "silent.", 7)) {
		return 0;
	} else if (!strncmp(first, "slow.", 5)) {
		if (seen_slow++ == 0)
			return 0; /* the first one is "lost" */
		reply_head(r, q, qend, 0, 1);
		put_a(r, 12, "192.0.2.5");
	} else if (!strncmp(first, "stray.", 6)) {
		/* a reply with another id, then one to another question,
		 * then garbage, then the real one */
		struct msg s;

		reply_head(&s, q, qend, 0, 1);
		put_a(&s, 12, "203.0.113.1");
		s.b[1] ^= 1;
		sendto(fd, s.b, s.n, 0, (struct sockaddr *)peer, sizeof(*peer));
		s.b[1] ^= 1;
		/* another question ("SXray..."): no match */
		s.b[13] ^= 0x20;
		s.b[14] = 'X';
		sendto(fd, s.b, s.n, 0, (struct sockaddr *)peer, sizeof(*peer));
		sendto(fd, "junk", 4, 0, (struct sockaddr *)peer,
		       sizeof(*peer));
		reply_head(r, q, qend, 0, 1);
		put_a(r, 12, "192.0.2.6");
	} else if (!strncmp(first, "case.", 5)) {
		/* the question comes back in other letters (DNS 0x20) */
		reply_head(r, q, qend, 0, 1);
		for (int i = 12; i < qend - 4; i++)
			if (r->b[i] >= 'a' && r->b[i] <= 'z')
				r->b[i] -= 32;
		put_a(r, 12, "192.0.2.7");
	} else if (!strncmp(first, "many.", 5)) {
		reply_head(r, q, qend, 0, 20);
		for (int i = 0; i < 20; i++) {
			char ip[16];

			snprintf(ip, sizeof(ip), "192.0.2.%d", 100 + i);
			put_a(r, 12, ip);
		}
	} else if (!strncmp(first, "loop.", 5)) {
		/* the answer's owner name points at itself */
		reply_head(r, q, qend, 0, 1);
		put16(r, 0xc000 | r->n);
		put_rr_head(r, 1, 4);
		put_bytes(r, "\300\0\2\10", 4);
	} else if (!strncmp(first, "forward.", 8)) {
		/* a pointer forwards, past itself */
		reply_head(r, q, qend, 0, 1);
		put16(r, 0xc000 | (r->n + 2));
		put_rr_head(r, 1, 4);
		put_bytes(r, "\300\0\2\10", 4);
	} else if (!strncmp(first, "cut.", 4)) {
		/* one answer announced, half of it sent */
		reply_head(r, q, qend, 0, 1);
		put_a(r, 12, "192.0.2.8");
		r->n -= 3;
	} else if (!strncmp(first, "badlen.", 7)) {
		/* an A record of 5 bytes */
		reply_head(r, q, qend, 0, 1);
		put16(r, 0xc00c);
		put_rr_head(r, 1, 5);
		put_bytes(r, "\300\0\2\10\1", 5);
	} else if (!strcmp(name, "7.2.0.192.in-addr.arpa")) {
		reply_head(r, q, qend, 0, 1);
		put16(r, 0xc00c);
		put_rr_head(r, 12, 20);
		put_name(r, "seven.example.test");
	} else {
		reply_head(r, q, qend, 3, 0); /* everything else: NXDOMAIN */
	}
	return 1;
}

/* The server's loop: answer until the parent (the case) is gone. */
static void serve(int fd, int log, pid_t parent)
{
	unsigned char q[512];
	struct msg r;

	while (getppid() == parent) {
		struct pollfd p = {fd, POLLIN, 0};
		struct sockaddr_in peer;
		socklen_t len = sizeof(peer);
		char name[256];

		if (poll(&p, 1, 200) <= 0)
			continue;
		int n = recvfrom(fd, q, sizeof(q), 0, (struct sockaddr *)&peer,
				 &len);
		if (n < 12)
			continue;
		if (question(q, n, name) > 0) {
			char line[300];
			int l = snprintf(line, sizeof(line), "%s %s\n", name,
					 (q[2] & 1) ? "rd" : "no-rd");

			write(log, line, l);
		}
		if (answer(q, n, &r, fd, &peer))
			sendto(fd, r.b, r.n, 0, (struct sockaddr *)&peer, len);
	}
	_exit(0);
}

static pid_t server;

/* Starts the server and points the resolver at it (and at a hosts file
 * with hosts_text), with "options" for resolv.conf. */
static void use_server(const char *hosts_text, const char *options)
{
	struct sockaddr_in a = {0};
	socklen_t len = sizeof(a);
	int fd = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	int log = T_OK(open("dns.log", O_WRONLY | O_CREAT | O_APPEND, 0644));
	char conf[128], port[8];
	pid_t parent = getpid();

	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	T_OK(bind(fd, (struct sockaddr *)&a, sizeof(a)));
	T_OK(getsockname(fd, (struct sockaddr *)&a, &len));
	server = t_fork();
	if (server == 0)
		serve(fd, log, parent);
	T_OK(close(fd));
	T_OK(close(log));
	snprintf(port, sizeof(port), "%d", ntohs(a.sin_port));
	int n = snprintf(conf, sizeof(conf),
			 "# the test's\nnameserver 127.0.0.1\noptions %s\n",
			 options ? options : "timeout:1 attempts:2");
	t_write_file("resolv.conf", conf, n);
	t_write_file("hosts", hosts_text, strlen(hosts_text));
	T_OK(setenv("LIBC_RESOLV_CONF", "resolv.conf", 1));
	T_OK(setenv("LIBC_HOSTS", "hosts", 1));
	T_OK(setenv("LIBC_DNS_PORT", port, 1));
	T_OK(unsetenv("RES_OPTIONS"));
}

static void stop_server(void)
{
	kill(server, SIGKILL);
	t_wait(server);
}

/* how many queries for name the server got */
static int queries(const char *name)
{
	char buf[4096], *p = buf;
	int fd = T_OK(open("dns.log", O_RDONLY)), n, count = 0;
	size_t l = strlen(name);

	n = T_OK(read(fd, buf, sizeof(buf) - 1));
	buf[n] = 0;
	close(fd);
	for (; (p = strstr(p, name)); p += l)
		if ((p == buf || p[-1] == '\n') && p[l] == ' ')
			count++;
	return count;
}

/* how many queries the server got in all */
static int all_queries(void)
{
	char buf[4096];
	int fd = T_OK(open("dns.log", O_RDONLY)), n, count = 0;

	n = T_OK(read(fd, buf, sizeof(buf)));
	close(fd);
	for (int i = 0; i < n; i++)
		count += buf[i] == '\n';
	return count;
}

/* --- lookups */

/* getaddrinfo's IPv4 addresses as "a, b" (with [canon]), or "error N" */
static char *lookup(const char *host, int flags)
{
	static char out[1024];
	struct addrinfo h = {0}, *res, *p;
	int r, n = 0;

	h.ai_family = AF_INET;
	h.ai_socktype = SOCK_STREAM;
	h.ai_flags = flags;
	r = getaddrinfo(host, "80", &h, &res);
	if (r) {
		snprintf(out, sizeof(out), "error %d", r);
		return out;
	}
	out[0] = 0;
	for (p = res; p; p = p->ai_next) {
		struct sockaddr_in *a = (struct sockaddr_in *)p->ai_addr;
		char ip[16];

		T_EQ(ntohs(a->sin_port), 80);
		inet_ntop(AF_INET, &a->sin_addr, ip, sizeof(ip));
		n += snprintf(out + n, sizeof(out) - n, "%s%s", n ? ", " : "",
			      ip);
	}
	if (flags & AI_CANONNAME)
		snprintf(out + n, sizeof(out) - n, " [%s]", res->ai_canonname);
	freeaddrinfo(res);
	return out;
}

static char *err(int e)
{
	static char buf[16];

	snprintf(buf, sizeof(buf), "error %d", e);
	return buf;
}

static const char no_hosts[] = "127.0.0.1 localhost\n";

static void dns_addresses(void)
{
	use_server(no_hosts, NULL);
	T_STREQ(lookup("www.example.test", AI_CANONNAME),
		"192.0.2.1, 192.0.2.2 [www.example.test]");
	T_EQ(queries("www.example.test"), 1);
	/* a trailing dot is the same name; case does not matter */
	T_STREQ(lookup("www.example.test.", 0), "192.0.2.1, 192.0.2.2");
	T_STREQ(lookup("WWW.Example.Test", 0), "192.0.2.1, 192.0.2.2");
	T_EQ(queries("www.example.test"), 2);
	/* recursion desired, as a stub resolver asks */
	T_EQ(queries("WWW.Example.Test"), 1);
	char buf[4096];
	int fd = T_OK(open("dns.log", O_RDONLY));
	int n = T_OK(read(fd, buf, sizeof(buf) - 1));
	buf[n] = 0;
	T_TRUE(strstr(buf, "no-rd") == NULL);
	stop_server();
}

static void dns_cname(void)
{
	use_server(no_hosts, NULL);
	T_STREQ(lookup("alias.example.test", AI_CANONNAME),
		"192.0.2.3 [www.example.test]");
	T_STREQ(lookup("chain.example.test", AI_CANONNAME),
		"192.0.2.9 [www.example.test]");
	T_STREQ(lookup("case.example.test", 0), "192.0.2.7");
	T_STREQ(lookup("cloop.example.test", 0), err(EAI_FAIL));
	stop_server();
}

static void dns_many(void)
{
	use_server(no_hosts, NULL);
	/* the first 16 (RES_MAXADDRS) */
	T_STREQ(lookup("many.example.test", 0),
		"192.0.2.100, 192.0.2.101, 192.0.2.102, 192.0.2.103, "
		"192.0.2.104, 192.0.2.105, 192.0.2.106, 192.0.2.107, "
		"192.0.2.108, 192.0.2.109, 192.0.2.110, 192.0.2.111, "
		"192.0.2.112, 192.0.2.113, 192.0.2.114, 192.0.2.115");
	stop_server();
}

static void dns_errors(void)
{
	use_server(no_hosts, NULL);
	T_STREQ(lookup("missing.example.test", 0), err(EAI_NONAME));
	T_EQ(queries("missing.example.test"), 1); /* final: no retry */
	T_STREQ(lookup("empty.example.test", 0), err(EAI_NODATA));
	/* SERVFAIL: tried again, then "try later" */
	T_STREQ(lookup("servfail.example.test", 0), err(EAI_AGAIN));
	T_EQ(queries("servfail.example.test"), 2);
	/* malformed answers */
	T_STREQ(lookup("loop.example.test", 0), err(EAI_FAIL));
	T_STREQ(lookup("forward.example.test", 0), err(EAI_FAIL));
	T_STREQ(lookup("cut.example.test", 0), err(EAI_FAIL));
	T_STREQ(lookup("badlen.example.test", 0), err(EAI_FAIL));
	/* a name DNS cannot have is not sent */
	int before = all_queries();
	char label[80];
	memset(label, 'a', 64);
	strcpy(label + 64, ".example.test");
	T_STREQ(lookup(label, 0), err(EAI_NONAME));
	T_STREQ(lookup("a..example.test", 0), err(EAI_NONAME));
	T_STREQ(lookup("", 0), err(EAI_NONAME));
	T_STREQ(lookup(".", 0), err(EAI_NONAME));
	T_EQ(all_queries(), before);
	/* AF_INET6 asks for nothing DNS could give (A records only) */
	struct addrinfo h = {.ai_family = AF_INET6}, *res;
	T_EQ(getaddrinfo("www.example.test", NULL, &h, &res), EAI_NODATA);
	stop_server();
}

/* silence: every server tried "attempts" times, "timeout" seconds each */
static void dns_timeout(void)
{
	use_server(no_hosts, "timeout:1 attempts:2");
	long long t0 = t_now_ns();
	T_STREQ(lookup("silent.example.test", 0), err(EAI_AGAIN));
	long long ms = (t_now_ns() - t0) / 1000000;
	T_EQ(queries("silent.example.test"), 2);
	T_TRUE(ms >= 1900);
	T_TRUE(ms < 10000);
	/* RES_OPTIONS overrides resolv.conf's options, as glibc's does */
	T_OK(setenv("RES_OPTIONS", "attempts:1", 1));
	T_STREQ(lookup("silent.example.test", 0), err(EAI_AGAIN));
	T_EQ(queries("silent.example.test"), 3);
	stop_server();
}

/* the first query gets no answer: the second one does */
static void dns_retry(void)
{
	use_server(no_hosts, "timeout:1 attempts:3");
	long long t0 = t_now_ns();
	T_STREQ(lookup("slow.example.test", 0), "192.0.2.5");
	T_TRUE(t_now_ns() - t0 >= 900000000LL);
	T_EQ(queries("slow.example.test"), 2);
	stop_server();
}

/* datagrams that are not the reply are ignored, and the wait goes on */
static void dns_stray_replies(void)
{
	use_server(no_hosts, "timeout:5 attempts:1");
	long long t0 = t_now_ns();
	T_STREQ(lookup("stray.example.test", 0), "192.0.2.6");
	T_TRUE(t_now_ns() - t0 < 4000000000LL); /* no timeout waited */
	T_EQ(queries("stray.example.test"), 1);
	stop_server();
}

/* a server that is not there */
static void dns_no_server(void)
{
	struct sockaddr_in a = {0};
	socklen_t len = sizeof(a);
	int fd = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	char port[8];

	use_server(no_hosts, "timeout:1 attempts:1");
	stop_server();
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	T_OK(bind(fd, (struct sockaddr *)&a, sizeof(a)));
	T_OK(getsockname(fd, (struct sockaddr *)&a, &len));
	T_OK(close(fd)); /* a port where nobody listens now */
	snprintf(port, sizeof(port), "%d", ntohs(a.sin_port));
	T_OK(setenv("LIBC_DNS_PORT", port, 1));
	T_STREQ(lookup("www.example.test", 0), err(EAI_AGAIN));
}

/* the hosts file comes first; DNS is asked only for what it lacks */
static void dns_after_hosts(void)
{
	use_server("10.9.9.9 www.example.test\n127.0.0.1 localhost\n", NULL);
	T_STREQ(lookup("www.example.test", AI_CANONNAME),
		"10.9.9.9 [www.example.test]");
	T_STREQ(lookup("localhost", 0), "127.0.0.1");
	T_EQ(queries("www.example.test"), 0);
	T_STREQ(lookup("alias.example.test", 0), "192.0.2.3");
	T_EQ(queries("alias.example.test"), 1);
	stop_server();
}

/* --- getnameinfo, gethostbyname, gethostbyaddr through DNS */

static void dns_reverse(void)
{
	struct sockaddr_in a = {0};
	char host[NI_MAXHOST];

	use_server(no_hosts, NULL);
	a.sin_family = AF_INET;
	inet_pton(AF_INET, "192.0.2.7", &a.sin_addr);
	T_EQ(getnameinfo((struct sockaddr *)&a, sizeof(a), host, sizeof(host),
			 NULL, 0, NI_NAMEREQD),
	     0);
	T_STREQ(host, "seven.example.test");
	T_EQ(queries("7.2.0.192.in-addr.arpa"), 1);
	/* too small for the name */
	T_EQ(
	    getnameinfo((struct sockaddr *)&a, sizeof(a), host, 10, NULL, 0, 0),
	    EAI_OVERFLOW);
	/* no name: the number, or EAI_NONAME when a name is required */
	inet_pton(AF_INET, "192.0.2.8", &a.sin_addr);
	T_EQ(getnameinfo((struct sockaddr *)&a, sizeof(a), host, sizeof(host),
			 NULL, 0, 0),
	     0);
	T_STREQ(host, "192.0.2.8");
	T_EQ(getnameinfo((struct sockaddr *)&a, sizeof(a), host, sizeof(host),
			 NULL, 0, NI_NAMEREQD),
	     EAI_NONAME);
	/* NI_NUMERICHOST asks nobody */
	inet_pton(AF_INET, "192.0.2.9", &a.sin_addr);
	T_EQ(getnameinfo((struct sockaddr *)&a, sizeof(a), host, sizeof(host),
			 NULL, 0, NI_NUMERICHOST),
	     0);
	T_EQ(queries("9.2.0.192.in-addr.arpa"), 0);

	struct in_addr seven;
	inet_pton(AF_INET, "192.0.2.7", &seven);
	struct hostent *h = gethostbyaddr(&seven, 4, AF_INET);
	T_TRUE(h != NULL);
	T_STREQ(h->h_name, "seven.example.test");
	T_MEMEQ(h->h_addr, &seven, 4);
	stop_server();
}

static void dns_hostent(void)
{
	struct hostent *h;

	use_server(no_hosts, NULL);
	h = gethostbyname("alias.example.test");
	T_TRUE(h != NULL);
	T_STREQ(h->h_name, "www.example.test");
	T_MEMEQ(h->h_addr_list[0], "\300\0\2\3", 4);
	T_TRUE(h->h_addr_list[1] == NULL);
	T_TRUE(gethostbyname("missing.example.test") == NULL);
	T_EQ(h_errno, HOST_NOT_FOUND);
	T_TRUE(gethostbyname("empty.example.test") == NULL);
	T_EQ(h_errno, NO_DATA);
	T_TRUE(gethostbyname("servfail.example.test") == NULL);
	T_EQ(h_errno, TRY_AGAIN);
	T_TRUE(gethostbyname("loop.example.test") == NULL);
	T_EQ(h_errno, NO_RECOVERY);
	stop_server();
}

static const struct t_case cases[] = {
    T(dns_addresses),	T(dns_cname),	T(dns_many),	      T(dns_errors),
    T(dns_timeout),	T(dns_retry),	T(dns_stray_replies), T(dns_no_server),
    T(dns_after_hosts), T(dns_reverse), T(dns_hostent),
};

T_MAIN(cases, NULL)
