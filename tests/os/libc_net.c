/* tests/os/libc_net.c - the libc's network functions that need no
 * socket: byte order, the inet_ text conversions, the CMSG_ macros,
 * getaddrinfo/getnameinfo/gethostbyname over numeric addresses and a
 * hosts file (named by the LIBC_HOSTS hook, see <netdb.h>), services,
 * and the error texts.  The expected values are glibc's answers on the
 * Linux host (collected with a throwaway program), where glibc and this
 * libc differ on purpose, the comment says so.  Names are looked up only
 * where the test's hosts file has them, so no DNS query is ever sent:
 * that is libc_net_dns. */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "t.h"

/* --- byte order */

static void byte_order(void)
{
	uint32_t n = htonl(0x01020304);
	uint16_t s = htons(0x0102);

	T_MEMEQ(&n, "\1\2\3\4", 4);
	T_MEMEQ(&s, "\1\2", 2);
	T_EQX(ntohl(n), 0x01020304);
	T_EQX(ntohs(s), 0x0102);
	T_EQX(htons(0xabcd), 0xcdab);
	/* the functions behind the macros */
	T_EQX((htonl)(0x11223344), 0x44332211);
	T_EQX((ntohl)(0x11223344), 0x44332211);
	T_EQX((htons)(0x1122), 0x2211);
	T_EQX((ntohs)(0x1122), 0x2211);
	uint16_t (*f)(uint16_t) = htons;
	T_EQX(f(1), 0x100);
}

/* --- inet_pton / inet_ntop */

struct text_case {
	const char *in;
	int ok;
	const char *out; /* inet_ntop of the result */
};

/* glibc: exactly four decimal parts, no leading zeros, nothing around */
static const struct text_case pton4_cases[] = {
    {"0.0.0.0", 1, "0.0.0.0"},
    {"1.2.3.4", 1, "1.2.3.4"},
    {"255.255.255.255", 1, "255.255.255.255"},
    {"10.0.2.15", 1, "10.0.2.15"},
    {"256.1.1.1", 0, ""},
    {"1.2.3", 0, ""},
    {"1.2.3.4.5", 0, ""},
    {"01.2.3.4", 0, ""},
    {"1.2.3.04", 0, ""},
    {"0.0.0.00", 0, ""},
    {"00.1.1.1", 0, ""},
    {"1..2.3", 0, ""},
    {"1.2.3.4 ", 0, ""},
    {"1.2.3.4x", 0, ""},
    {" 1.2.3.4", 0, ""},
    {"", 0, ""},
    {"1.2.3.", 0, ""},
    {".1.2.3", 0, ""},
    {"1.2.3.4.", 0, ""},
    {"0x1.2.3.4", 0, ""},
    {"127.1", 0, ""},
    {"1.2.3.0400", 0, ""},
    {"1.2.3.256", 0, ""},
    {"1234.1.1.1", 0, ""},
    {"+1.2.3.4", 0, ""},
    {"-1.2.3.4", 0, ""},
};

static const struct text_case pton6_cases[] = {
    {"::", 1, "::"},
    {"::1", 1, "::1"},
    {"1::", 1, "1::"},
    {"1:2:3:4:5:6:7:8", 1, "1:2:3:4:5:6:7:8"},
    {"1:2:3:4:5:6:7::", 1, "1:2:3:4:5:6:7:0"},
    {"::2:3:4:5:6:7:8", 1, "0:2:3:4:5:6:7:8"},
    {"::ffff:1.2.3.4", 1, "::ffff:1.2.3.4"},
    {"::1.2.3.4", 1, "::1.2.3.4"},
    {"1:2:3:4:5:6:1.2.3.4", 1, "1:2:3:4:5:6:102:304"},
    {"fe80::1", 1, "fe80::1"},
    {"FE80::ABCD", 1, "fe80::abcd"},
    {"0:0:0:0:0:0:0:0", 1, "::"},
    {"::0:0", 1, "::"},
    {"0001::", 1, "1::"},
    {"1:2:3:4:5:6:7:8:9", 0, ""},
    {"1::2::3", 0, ""},
    {":::", 0, ""},
    {"1:::2", 0, ""},
    {"1:2:3:4:5:6:7:1.2.3.4", 0, ""},
    {"12345::", 0, ""},
    {"00001::", 0, ""},
    {"1:2:3:4:5:6:7", 0, ""},
    {":1::", 0, ""},
    {":1:2:3:4:5:6:7:8", 0, ""},
    {"1:2:3:4:5:6:7:8:", 0, ""},
    {"1::2:", 0, ""},
    {"::ffff:1.2.3", 0, ""},
    {"::1.2.3.04", 0, ""},
    {"::ffff:256.1.1.1", 0, ""},
    {"1:2::3:4:5:6:7:8", 0, ""},
    {"::1.2.3.4:5", 0, ""},
    {"g::", 0, ""},
    {"1.2.3.4", 0, ""},
    {"", 0, ""},
};

static void check_pton(int af, const struct text_case *c, int n)
{
	unsigned char buf[16];
	char out[INET6_ADDRSTRLEN];

	for (int i = 0; i < n; i++) {
		int r = inet_pton(af, c[i].in, buf);

		if (r != c[i].ok)
			T_FAIL("inet_pton(\"%s\") = %d, want %d", c[i].in, r,
			       c[i].ok);
		if (r == 1) {
			T_TRUE(inet_ntop(af, buf, out, sizeof(out)) == out);
			if (strcmp(out, c[i].out))
				T_FAIL("\"%s\" reads back as \"%s\", want "
				       "\"%s\"",
				       c[i].in, out, c[i].out);
		}
	}
}

static void pton_ipv4(void)
{
	check_pton(AF_INET, pton4_cases, T_COUNT(pton4_cases));
}

static void pton_ipv6(void)
{
	check_pton(AF_INET6, pton6_cases, T_COUNT(pton6_cases));
}

/* inet_ntop's choice of "::" and of the dotted IPv4 tail */
static void ntop_ipv6(void)
{
	static const struct {
		unsigned char a[16];
		const char *text;
	} cases[] = {
	    {{0}, "::"},
	    {{[15] = 1}, "::1"},
	    {{[10] = 0xff, [11] = 0xff, 1, 2, 3, 4}, "::ffff:1.2.3.4"},
	    {{[12] = 1, 2, 3, 4}, "::1.2.3.4"},
	    {{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1}, "1:0:1::1:0:1"},
	    {{0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1}, "1:0:0:1::1"},
	    {{0xfe, 0x80, [15] = 1}, "fe80::1"},
	    {{[11] = 1, [15] = 1}, "::1:0:1"},
	    {{[10] = 0xff, [11] = 0xfe, 1, 2, 3, 4}, "::fffe:102:304"},
	    {{1}, "100::"},
	    {{0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8},
	     "1:2:3:4:5:6:7:8"},
	    {{0, 0, 0, 1, 0, 0, 0, 0, 0, 1}, "0:1:0:0:1::"},
	};
	char out[INET6_ADDRSTRLEN];

	for (int i = 0; i < T_COUNT(cases); i++) {
		T_TRUE(inet_ntop(AF_INET6, cases[i].a, out, sizeof(out)));
		T_STREQ(out, cases[i].text);
	}
}

static void ntop_pton_errors(void)
{
	char out[16];
	unsigned char buf[16];

	T_ERR(inet_pton(12345, "1.2.3.4", buf), EAFNOSUPPORT);
	errno = 0;
	T_TRUE(inet_ntop(12345, "\1\2\3\4", out, sizeof(out)) == NULL);
	T_EQ(errno, EAFNOSUPPORT);
	/* "1.2.3.4" and its NUL need 8 bytes */
	errno = 0;
	T_TRUE(inet_ntop(AF_INET, "\1\2\3\4", out, 7) == NULL);
	T_EQ(errno, ENOSPC);
	T_TRUE(inet_ntop(AF_INET, "\1\2\3\4", out, 8) == out);
	T_STREQ(out, "1.2.3.4");
	T_TRUE(inet_ntop(AF_INET, "\377\377\377\377", out, INET_ADDRSTRLEN));
	T_STREQ(out, "255.255.255.255");
}

/* --- inet_aton, inet_addr, inet_ntoa */

/* glibc: 1-4 parts in C's bases, the last filling what is left; white
 * space may end the address */
static const struct {
	const char *in;
	int ok;
	uint32_t addr; /* host order */
} aton_cases[] = {
    {"1.2.3.4", 1, 0x01020304u},
    {"127.1", 1, 0x7f000001u},
    {"127.0.1", 1, 0x7f000001u},
    {"2130706433", 1, 0x7f000001u},
    {"0x7f000001", 1, 0x7f000001u},
    {"017700000001", 1, 0x7f000001u},
    {"0x7f.1", 1, 0x7f000001u},
    {"0", 1, 0x00000000u},
    {"255.255.255.255", 1, 0xffffffffu},
    {"4294967295", 1, 0xffffffffu},
    {"0xffffffff", 1, 0xffffffffu},
    {"1.2.3.4 trailing", 1, 0x01020304u},
    {"1.2.3.4\tx", 1, 0x01020304u},
    {"1.2.3.4\n", 1, 0x01020304u},
    {"1.16777215", 1, 0x01ffffffu},
    {"077", 1, 0x0000003fu},
    {"1.0x10.3.4", 1, 0x01100304u},
    {"00000000000000000001", 1, 0x00000001u},
    {"4294967296", 0, 0},
    {"0x100000000", 0, 0},
    {"99999999999", 0, 0},
    {"1.2.3.4x", 0, 0},
    {"1.2.3.256", 0, 0},
    {"1.2.65536", 0, 0},
    {"1.16777216", 0, 0},
    {"256.1", 0, 0},
    {"08", 0, 0},
    {"09.1.1.1", 0, 0},
    {"0x", 0, 0},
    {"0x.1.2.3", 0, 0},
    {"0xg", 0, 0},
    {"1..2", 0, 0},
    {"1.2.3.4.5", 0, 0},
    {"", 0, 0},
    {" 1.2.3.4", 0, 0},
    {"1.2.3.", 0, 0},
};

static void aton_and_addr(void)
{
	for (int i = 0; i < T_COUNT(aton_cases); i++) {
		struct in_addr a = {0};
		int r = inet_aton(aton_cases[i].in, &a);
		uint32_t want =
		    aton_cases[i].ok ? aton_cases[i].addr : 0xffffffffu;

		if (r != aton_cases[i].ok)
			T_FAIL("inet_aton(\"%s\") = %d, want %d",
			       aton_cases[i].in, r, aton_cases[i].ok);
		if (r && ntohl(a.s_addr) != aton_cases[i].addr)
			T_FAIL("inet_aton(\"%s\") gave 0x%08x",
			       aton_cases[i].in, (unsigned)ntohl(a.s_addr));
		if (ntohl(inet_addr(aton_cases[i].in)) != want)
			T_FAIL("inet_addr(\"%s\") = 0x%08x, want 0x%08x",
			       aton_cases[i].in,
			       (unsigned)ntohl(inet_addr(aton_cases[i].in)),
			       (unsigned)want);
	}
	T_EQ(inet_aton("10.0.2.2", NULL), 1); /* NULL: only check */
	T_EQX(inet_addr("nonsense"), INADDR_NONE);
}

static void ntoa(void)
{
	struct in_addr a = {htonl(0x0a00020f)}, b = {htonl(INADDR_LOOPBACK)};
	char *s = inet_ntoa(a);

	T_STREQ(s, "10.0.2.15");
	T_TRUE(inet_ntoa(b) == s); /* one static buffer */
	T_STREQ(s, "127.0.0.1");
	T_STREQ(inet_ntoa((struct in_addr){0}), "0.0.0.0");
}

/* --- CMSG */

static void cmsg_macros(void)
{
	union {
		char buf[64];
		struct cmsghdr align;
	} u;
	struct msghdr m = {0};
	struct cmsghdr *c, *d;

	/* Linux i386 (glibc's values): 12-byte header, 4-byte alignment */
	T_EQ(CMSG_LEN(0), 12);
	T_EQ(CMSG_LEN(4), 16);
	T_EQ(CMSG_SPACE(4), 16);
	T_EQ(CMSG_SPACE(5), 20);
	T_TRUE(CMSG_FIRSTHDR(&m) == NULL);
	m.msg_control = u.buf;
	m.msg_controllen = sizeof(struct cmsghdr) - 1;
	T_TRUE(CMSG_FIRSTHDR(&m) == NULL);
	m.msg_controllen = CMSG_SPACE(4) + CMSG_SPACE(8);
	c = CMSG_FIRSTHDR(&m);
	T_TRUE(c == &u.align);
	c->cmsg_len = CMSG_LEN(4);
	T_EQ((char *)CMSG_DATA(c) - u.buf, 12);
	d = CMSG_NXTHDR(&m, c);
	T_EQ((char *)d - u.buf, 16);
	d->cmsg_len = CMSG_LEN(8);
	T_TRUE(CMSG_NXTHDR(&m, d) == NULL); /* the last one */
	m.msg_controllen = CMSG_SPACE(4) + sizeof(struct cmsghdr) - 1;
	T_TRUE(CMSG_NXTHDR(&m, c) == NULL); /* no room for another header */
}

/* --- error texts */

static void gai_strerror_texts(void)
{
	static const struct {
		int err;
		const char *text;
	} cases[] = {
	    {EAI_BADFLAGS, "Bad value for ai_flags"},
	    {EAI_NONAME, "Name or service not known"},
	    {EAI_AGAIN, "Temporary failure in name resolution"},
	    {EAI_FAIL, "Non-recoverable failure in name resolution"},
	    {EAI_NODATA, "No address associated with hostname"},
	    {EAI_FAMILY, "ai_family not supported"},
	    {EAI_SOCKTYPE, "ai_socktype not supported"},
	    {EAI_SERVICE, "Servname not supported for ai_socktype"},
	    {EAI_ADDRFAMILY, "Address family for hostname not supported"},
	    {EAI_MEMORY, "Memory allocation failure"},
	    {EAI_SYSTEM, "System error"},
	    {EAI_INPROGRESS, "Processing request in progress"},
	    {EAI_CANCELED, "Request canceled"},
	    {EAI_NOTCANCELED, "Request not canceled"},
	    {EAI_ALLDONE, "All requests done"},
	    {EAI_INTR, "Interrupted by a signal"},
	    {EAI_IDN_ENCODE, "Parameter string not correctly encoded"},
	    {EAI_OVERFLOW, "Unknown error"}, /* glibc has no text for it */
	    {0, "Unknown error"},
	    {1, "Unknown error"},
	    {-13, "Unknown error"},
	    {-99, "Unknown error"},
	    {-106, "Unknown error"},
	};

	for (int i = 0; i < T_COUNT(cases); i++)
		T_STREQ(gai_strerror(cases[i].err), cases[i].text);
}

static void hstrerror_texts(void)
{
	T_STREQ(hstrerror(NETDB_INTERNAL), "Resolver internal error");
	T_STREQ(hstrerror(0), "Resolver Error 0 (no error)");
	T_STREQ(hstrerror(HOST_NOT_FOUND), "Unknown host");
	T_STREQ(hstrerror(TRY_AGAIN), "Host name lookup failure");
	T_STREQ(hstrerror(NO_RECOVERY), "Unknown server error");
	T_STREQ(hstrerror(NO_DATA), "No address associated with name");
	T_STREQ(hstrerror(5), "Unknown resolver error");

	/* herror: "s: text" on stderr, as glibc */
	int p[2], n;
	char buf[128];
	T_OK(pipe(p));
	T_OK(dup2(p[1], 2));
	h_errno = HOST_NOT_FOUND;
	herror("lookup");
	h_errno = TRY_AGAIN;
	herror("");
	close(2);
	close(p[1]);
	n = T_OK(read(p[0], buf, sizeof(buf) - 1));
	buf[n] = 0;
	T_STREQ(buf, "lookup: Unknown host\nHost name lookup failure\n");
}

/* --- services */

static void services(void)
{
	struct servent *s = getservbyname("www", "tcp");

	T_TRUE(s != NULL);
	T_STREQ(s->s_name, "http");
	T_EQ(ntohs(s->s_port), 80);
	T_STREQ(s->s_proto, "tcp");
	s = getservbyname("echo", NULL);
	T_TRUE(s && ntohs(s->s_port) == 7 && !strcmp(s->s_proto, "tcp"));
	T_TRUE(getservbyname("ntp", "tcp") == NULL); /* udp only */
	T_TRUE(getservbyname("HTTP", "tcp") == NULL);
	s = getservbyport(htons(53), NULL);
	T_TRUE(s && !strcmp(s->s_name, "domain"));
	s = getservbyport(htons(443), "udp");
	T_TRUE(s && !strcmp(s->s_name, "https"));
	T_TRUE(getservbyport(htons(3), NULL) == NULL);
}

/* --- getaddrinfo: numbers */

/* one result line: "family/socktype/protocol addr:port" */
static void describe(const struct addrinfo *ai, char *buf, size_t n)
{
	char a[INET6_ADDRSTRLEN] = "?";
	int port = -1;

	if (ai->ai_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)ai->ai_addr;

		T_EQ(ai->ai_addrlen, sizeof(*in));
		T_EQ(in->sin_family, AF_INET);
		inet_ntop(AF_INET, &in->sin_addr, a, sizeof(a));
		port = ntohs(in->sin_port);
	} else if (ai->ai_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)ai->ai_addr;

		T_EQ(ai->ai_addrlen, sizeof(*in6));
		T_EQ(in6->sin6_family, AF_INET6);
		inet_ntop(AF_INET6, &in6->sin6_addr, a, sizeof(a));
		port = ntohs(in6->sin6_port);
	}
	snprintf(buf, n, "%d/%d/%d %s:%d", ai->ai_family, ai->ai_socktype,
		 ai->ai_protocol, a, port);
}

/* getaddrinfo's whole answer as text: results separated by ", ", or
 * "error N"; with AI_CANONNAME the first one's name in brackets */
static char *gai(const char *host, const char *serv, int family, int type,
		 int proto, int flags)
{
	static char out[1024];
	struct addrinfo h = {0}, *res, *p;
	int r, n = 0;

	h.ai_family = family;
	h.ai_socktype = type;
	h.ai_protocol = proto;
	h.ai_flags = flags;
	res = (struct addrinfo *)0x1;
	r = getaddrinfo(host, serv, &h, &res);
	if (r) {
		snprintf(out, sizeof(out), "error %d", r);
		T_TRUE(res == (struct addrinfo *)0x1); /* left alone */
		return out;
	}
	out[0] = 0;
	for (p = res; p; p = p->ai_next) {
		char one[128];

		T_EQ(p->ai_flags, flags);
		T_TRUE(p == res || p->ai_canonname == NULL);
		describe(p, one, sizeof(one));
		n += snprintf(out + n, sizeof(out) - n, "%s%s", n ? ", " : "",
			      one);
	}
	if (flags & AI_CANONNAME)
		snprintf(out + n, sizeof(out) - n, " [%s]",
			 res->ai_canonname ? res->ai_canonname : "(null)");
	freeaddrinfo(res);
	return out;
}

#define GAI(host, serv, fam, type, proto, flags, want)                         \
	T_STREQ(gai(host, serv, fam, type, proto, flags), want)

static void gai_numeric(void)
{
	GAI("127.0.0.1", "80", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 127.0.0.1:80");
	/* every socket type; raw too, unless the service is a name */
	GAI("127.0.0.1", "80", AF_UNSPEC, 0, 0, 0,
	    "2/1/6 127.0.0.1:80, 2/2/17 127.0.0.1:80, 2/3/0 127.0.0.1:80");
	GAI("127.0.0.1", NULL, AF_UNSPEC, 0, 0, 0,
	    "2/1/6 127.0.0.1:0, 2/2/17 127.0.0.1:0, 2/3/0 127.0.0.1:0");
	GAI("127.0.0.1", NULL, AF_INET, SOCK_RAW, 0, 0, "2/3/0 127.0.0.1:0");
	/* inet_aton's forms, exactly */
	GAI("127.1", "80", AF_INET, SOCK_STREAM, 0, 0, "2/1/6 127.0.0.1:80");
	GAI("0x7f.1", NULL, AF_INET, SOCK_STREAM, 0, 0, "2/1/6 127.0.0.1:0");
	GAI("255.255.255.255", "80", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 255.255.255.255:80");
	GAI("10.0.2.15", "7", AF_INET, SOCK_DGRAM, 0, 0, "2/2/17 10.0.2.15:7");
	/* the protocol picks the type; raw takes any other one */
	GAI("127.0.0.1", NULL, AF_INET, 0, IPPROTO_UDP, 0,
	    "2/2/17 127.0.0.1:0");
	GAI("127.0.0.1", NULL, AF_INET, 0, IPPROTO_ICMP, 0,
	    "2/3/1 127.0.0.1:0");
	GAI("127.0.0.1", NULL, AF_INET, SOCK_RAW, IPPROTO_TCP, 0,
	    "2/3/6 127.0.0.1:0");
	GAI("127.0.0.1", "80", AF_INET, 0, IPPROTO_UDP, 0,
	    "2/2/17 127.0.0.1:80");
	GAI("127.0.0.1", "80", AF_INET, SOCK_STREAM, IPPROTO_TCP, 0,
	    "2/1/6 127.0.0.1:80");
	/* IPv6 numbers, for AF_UNSPEC and AF_INET6 */
	GAI("::1", "80", AF_UNSPEC, SOCK_STREAM, 0, 0, "10/1/6 ::1:80");
	GAI("fe80::1", "80", AF_INET6, SOCK_DGRAM, 0, 0, "10/2/17 fe80::1:80");
	/* AI_NUMERICHOST with a number; AI_CANONNAME gives the text back */
	GAI("127.0.0.1", NULL, AF_INET, SOCK_STREAM, 0,
	    AI_CANONNAME | AI_NUMERICHOST, "2/1/6 127.0.0.1:0 [127.0.0.1]");
	GAI("127.1", NULL, AF_INET, SOCK_STREAM, 0, AI_CANONNAME,
	    "2/1/6 127.0.0.1:0 [127.1]");
}

static void gai_no_host(void)
{
	GAI(NULL, "80", AF_INET, 0, 0, AI_PASSIVE,
	    "2/1/6 0.0.0.0:80, 2/2/17 0.0.0.0:80, 2/3/0 0.0.0.0:80");
	GAI(NULL, "80", AF_INET, SOCK_STREAM, 0, 0, "2/1/6 127.0.0.1:80");
	/* glibc adds ":::8080" here; the OS has no IPv6, so IPv4 only */
	GAI(NULL, "8080", AF_UNSPEC, SOCK_STREAM, 0, AI_PASSIVE,
	    "2/1/6 0.0.0.0:8080");
	GAI(NULL, "80", AF_INET6, SOCK_STREAM, 0, 0, "10/1/6 ::1:80");
	GAI(NULL, "80", AF_INET6, SOCK_STREAM, 0, AI_PASSIVE, "10/1/6 :::80");
	/* hints may be NULL */
	struct addrinfo *res;
	T_EQ(getaddrinfo(NULL, "80", NULL, &res), 0);
	T_EQ(res->ai_family, AF_INET);
	T_EQ(res->ai_socktype, SOCK_STREAM);
	freeaddrinfo(res);
}

static void gai_services(void)
{
	GAI("127.0.0.1", "http", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 127.0.0.1:80");
	GAI("127.0.0.1", "www", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 127.0.0.1:80");
	GAI("127.0.0.1", "ssh", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 127.0.0.1:22");
	GAI("127.0.0.1", "domain", AF_INET, SOCK_DGRAM, 0, 0,
	    "2/2/17 127.0.0.1:53");
	GAI("127.0.0.1", "echo", AF_INET, SOCK_DGRAM, 0, 0,
	    "2/2/17 127.0.0.1:7");
	/* both protocols have echo, only TCP has http */
	GAI("127.0.0.1", "echo", AF_INET, 0, 0, 0,
	    "2/1/6 127.0.0.1:7, 2/2/17 127.0.0.1:7");
	GAI("127.0.0.1", "http", AF_INET, 0, 0, 0, "2/1/6 127.0.0.1:80");
	GAI("127.0.0.1", "65535", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 127.0.0.1:65535");
	GAI("127.0.0.1", "0", AF_INET, SOCK_STREAM, 0, 0, "2/1/6 127.0.0.1:0");
	GAI("127.0.0.1", "80", AF_INET, SOCK_STREAM, 0, AI_NUMERICSERV,
	    "2/1/6 127.0.0.1:80");
}

static void gai_errors(void)
{
	char err[16];

#define GAI_ERR(host, serv, fam, type, proto, flags, e)                        \
	do {                                                                   \
		snprintf(err, sizeof(err), "error %d", e);                     \
		GAI(host, serv, fam, type, proto, flags, err);                 \
	} while (0)

	GAI_ERR(NULL, NULL, AF_INET, 0, 0, 0, EAI_NONAME);
	GAI_ERR(NULL, NULL, AF_INET, 0, 0, AI_PASSIVE, EAI_NONAME);
	GAI_ERR("127.0.0.1", "80", AF_INET, 0, 0, 0x10000, EAI_BADFLAGS);
	GAI_ERR(NULL, "80", AF_INET, SOCK_STREAM, 0, AI_CANONNAME,
		EAI_BADFLAGS);
	GAI_ERR("127.0.0.1", "80", AF_UNIX, 0, 0, 0, EAI_FAMILY);
	GAI_ERR("127.0.0.1", "80", 12345, 0, 0, 0, EAI_FAMILY);
	GAI_ERR("127.0.0.1", "80", AF_INET, 99, 0, 0, EAI_SOCKTYPE);
	GAI_ERR("127.0.0.1", "80", AF_INET, SOCK_STREAM, IPPROTO_UDP, 0,
		EAI_SOCKTYPE);
	GAI_ERR("127.0.0.1", "nosuchservice", AF_INET, SOCK_STREAM, 0, 0,
		EAI_SERVICE);
	GAI_ERR("127.0.0.1", "HTTP", AF_INET, SOCK_STREAM, 0, 0, EAI_SERVICE);
	GAI_ERR("127.0.0.1", "ntp", AF_INET, SOCK_STREAM, 0, 0, EAI_SERVICE);
	GAI_ERR("127.0.0.1", "-1", AF_INET, SOCK_STREAM, 0, 0, EAI_SERVICE);
	GAI_ERR("127.0.0.1", "80x", AF_INET, SOCK_STREAM, 0, 0, EAI_SERVICE);
	GAI_ERR("127.0.0.1", "0x50", AF_INET, SOCK_STREAM, 0, 0, EAI_SERVICE);
	GAI_ERR("127.0.0.1", "http", AF_INET, SOCK_RAW, 0, 0, EAI_SERVICE);
	GAI_ERR("127.0.0.1", "80", AF_INET, SOCK_RAW, 0, 0, EAI_SERVICE);
	GAI_ERR("127.0.0.1", "80", AF_INET, 0, IPPROTO_ICMP, 0, EAI_SERVICE);
	GAI_ERR("127.0.0.1", NULL, AF_INET, SOCK_STREAM, IPPROTO_UDP, 0,
		EAI_SOCKTYPE);
	GAI_ERR("127.0.0.1", "80", AF_INET, SOCK_DGRAM, IPPROTO_TCP, 0,
		EAI_SOCKTYPE);
	GAI_ERR("127.0.0.1", "http", AF_INET, SOCK_STREAM, 0, AI_NUMERICSERV,
		EAI_NONAME);
	GAI_ERR("127.0.0.1", "80", AF_INET6, 0, 0, 0, EAI_ADDRFAMILY);
	GAI_ERR("::1", "80", AF_INET, 0, 0, 0, EAI_ADDRFAMILY);
	/* not numbers, with AI_NUMERICHOST: nothing is looked up */
	GAI_ERR("localhost", NULL, AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST,
		EAI_NONAME);
	GAI_ERR("1.2.3.4x", NULL, AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST,
		EAI_NONAME);
	GAI_ERR("127.0.0.1 ", NULL, AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST,
		EAI_NONAME);
	GAI_ERR("1.2.3.256", "80", AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST,
		EAI_NONAME);
	freeaddrinfo(NULL);
}

/* --- the hosts file */

static const char hosts_text[] =
    "# the test's hosts file\n"
    "127.0.0.1\tlocalhost\n"
    "10.0.2.2   host gateway   # QEMU's host\n"
    "\n"
    "192.0.2.10 multi\n"
    "192.0.2.11 MULTI multi-alias\n"
    "192.0.2.10 again-multi multi\n" /* the same address once */
    "::1 localhost ip6-localhost\n"
    "2001:db8::5 six\n"
    "not-an-address bogus\n"
    "192.0.2.99\n" /* no name */
    "   192.0.2.12\tindented\t \n"
    "192.0.2.13 last-line-without-newline";

static void use_hosts(void)
{
	t_write_file("hosts", hosts_text, sizeof(hosts_text) - 1);
	T_OK(setenv("LIBC_HOSTS", "hosts", 1));
	/* should a lookup reach DNS, it must not leave this host */
	t_write_file("resolv.conf", "nameserver 127.0.0.1\n", 21);
	T_OK(setenv("LIBC_RESOLV_CONF", "resolv.conf", 1));
	T_OK(setenv("RES_OPTIONS", "timeout:1 attempts:1", 1));
}

static void gai_hosts_file(void)
{
	use_hosts();
	GAI("localhost", "http", AF_INET, SOCK_STREAM, 0, AI_CANONNAME,
	    "2/1/6 127.0.0.1:80 [localhost]");
	GAI("LOCALHOST", "80", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 127.0.0.1:80");
	/* IPv4 first */
	GAI("localhost", "80", AF_UNSPEC, SOCK_STREAM, 0, 0,
	    "2/1/6 127.0.0.1:80, 10/1/6 ::1:80");
	GAI("localhost", "80", AF_INET6, SOCK_STREAM, 0, AI_CANONNAME,
	    "10/1/6 ::1:80 [localhost]");
	GAI("ip6-localhost", "80", AF_UNSPEC, SOCK_STREAM, 0, 0,
	    "10/1/6 ::1:80");
	GAI("gateway", "80", AF_INET, SOCK_STREAM, 0, AI_CANONNAME,
	    "2/1/6 10.0.2.2:80 [host]");
	/* every line that has the name, each address once, first line's
	 * name canonical */
	GAI("multi", "80", AF_INET, SOCK_STREAM, 0, AI_CANONNAME,
	    "2/1/6 192.0.2.10:80, 2/1/6 192.0.2.11:80 [multi]");
	GAI("Multi-Alias", "80", AF_INET, SOCK_STREAM, 0, AI_CANONNAME,
	    "2/1/6 192.0.2.11:80 [MULTI]");
	GAI("multi", NULL, AF_INET, 0, 0, 0,
	    "2/1/6 192.0.2.10:0, 2/2/17 192.0.2.10:0, 2/3/0 192.0.2.10:0, "
	    "2/1/6 192.0.2.11:0, 2/2/17 192.0.2.11:0, 2/3/0 192.0.2.11:0");
	GAI("indented", "80", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 192.0.2.12:80");
	GAI("last-line-without-newline", "80", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 192.0.2.13:80");
	GAI("six", "80", AF_INET6, SOCK_STREAM, 0, 0, "10/1/6 2001:db8::5:80");
}

/* What the image's /etc/hosts says (rootfs/etc/hosts); on the Linux host
 * only localhost can be counted on. */
static void gai_system_hosts(void)
{
	GAI("localhost", "80", AF_INET, SOCK_STREAM, 0, 0,
	    "2/1/6 127.0.0.1:80");
	if (t_on_linux())
		return;
	GAI("host", "80", AF_INET, SOCK_STREAM, 0, 0, "2/1/6 10.0.2.2:80");
	GAI("teachos", "80", AF_INET, SOCK_STREAM, 0, 0, "2/1/6 127.0.0.1:80");
}

/* the results work: a socket from the first one binds */
static void gai_results_usable(void)
{
	struct addrinfo h = {0}, *res;

	h.ai_family = AF_INET;
	h.ai_socktype = SOCK_DGRAM;
	h.ai_flags = AI_PASSIVE;
	T_EQ(getaddrinfo(NULL, "0", &h, &res), 0);
	T_EQ(res->ai_addrlen, sizeof(struct sockaddr_in));
	T_EQ(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr, INADDR_ANY);
	/* sockets may not exist in the OS yet: the layout is what counts */
	int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
	if (fd >= 0)
		T_OK(bind(fd, res->ai_addr, res->ai_addrlen));
	freeaddrinfo(res);
}

/* --- getnameinfo */

static int gni(const char *ip, int port, socklen_t salen, socklen_t hostlen,
	       socklen_t servlen, int flags, char *host, char *serv)
{
	struct sockaddr_in a = {0};

	a.sin_family = AF_INET;
	a.sin_port = htons(port);
	inet_pton(AF_INET, ip, &a.sin_addr);
	strcpy(host, "?");
	strcpy(serv, "?");
	return getnameinfo((struct sockaddr *)&a, salen, hostlen ? host : NULL,
			   hostlen, servlen ? serv : NULL, servlen, flags);
}

#define GNI(ip, port, salen, hl, sl, flags, want, whost, wserv)                \
	do {                                                                   \
		T_EQ(gni(ip, port, salen, hl, sl, flags, host, serv), want);   \
		T_STREQ(host, whost);                                          \
		T_STREQ(serv, wserv);                                          \
	} while (0)

static void gni_numeric(void)
{
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	int num = NI_NUMERICHOST | NI_NUMERICSERV;

	GNI("127.0.0.1", 80, 16, NI_MAXHOST, NI_MAXSERV, num, 0, "127.0.0.1",
	    "80");
	GNI("10.0.2.15", 65535, 16, NI_MAXHOST, NI_MAXSERV, num, 0, "10.0.2.15",
	    "65535");
	/* "127.0.0.1" and its NUL need 10 bytes, "80" 3 */
	GNI("127.0.0.1", 80, 16, 9, 32, num, EAI_OVERFLOW, "?", "?");
	GNI("127.0.0.1", 80, 16, 10, 32, num, 0, "127.0.0.1", "80");
	GNI("127.0.0.1", 80, 16, 10, 3, num, 0, "127.0.0.1", "80");
	/* one of the two */
	GNI("127.0.0.1", 80, 16, 0, 32, num, 0, "?", "80");
	GNI("127.0.0.1", 80, 16, 32, 0, num, 0, "127.0.0.1", "?");
	GNI("127.0.0.1", 80, 16, 0, 0, num, 0, "?", "?");
	/* errors */
	GNI("127.0.0.1", 80, 15, 32, 32, num, EAI_FAMILY, "?", "?");
	GNI("127.0.0.1", 80, 16, 32, 32, 0x1000, EAI_BADFLAGS, "?", "?");
	GNI("127.0.0.1", 80, 16, 32, 32, NI_NUMERICHOST | NI_NAMEREQD,
	    EAI_NONAME, "?", "?");

	struct sockaddr_in6 s6 = {0};
	s6.sin6_family = AF_INET6;
	s6.sin6_port = htons(8080);
	s6.sin6_addr.s6_addr[15] = 1;
	T_EQ(getnameinfo((struct sockaddr *)&s6, sizeof(s6), host, sizeof(host),
			 serv, sizeof(serv), num),
	     0);
	T_STREQ(host, "::1");
	T_STREQ(serv, "8080");
}

static void gni_names(void)
{
	char host[NI_MAXHOST], serv[NI_MAXSERV];

	use_hosts();
	GNI("127.0.0.1", 80, 16, NI_MAXHOST, NI_MAXSERV, 0, 0, "localhost",
	    "http");
	GNI("10.0.2.2", 12345, 16, NI_MAXHOST, NI_MAXSERV, NI_NAMEREQD, 0,
	    "host", "12345");
	GNI("192.0.2.11", 7, 16, NI_MAXHOST, NI_MAXSERV, NI_DGRAM, 0, "MULTI",
	    "echo");
	GNI("127.0.0.1", 53, 16, NI_MAXHOST, NI_MAXSERV, NI_DGRAM, 0,
	    "localhost", "domain");
	GNI("127.0.0.1", 123, 16, NI_MAXHOST, NI_MAXSERV, 0, 0, "localhost",
	    "123"); /* ntp is udp only */
	GNI("127.0.0.1", 80, 16, NI_MAXHOST, NI_MAXSERV, NI_NUMERICSERV, 0,
	    "localhost", "80");
	GNI("127.0.0.1", 80, 16, NI_MAXHOST, NI_MAXSERV, NI_NUMERICHOST, 0,
	    "127.0.0.1", "http");
	/* "localhost" needs 10 bytes, "http" 5 */
	GNI("127.0.0.1", 80, 16, 9, 32, 0, EAI_OVERFLOW, "?", "?");
	GNI("127.0.0.1", 80, 16, 10, 32, 0, 0, "localhost", "http");
	GNI("127.0.0.1", 80, 16, 10, 4, 0, EAI_OVERFLOW, "localhost", "?");
	GNI("127.0.0.1", 80, 16, 10, 5, 0, 0, "localhost", "http");

	struct sockaddr_in6 s6 = {0};
	s6.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "2001:db8::5", &s6.sin6_addr);
	T_EQ(getnameinfo((struct sockaddr *)&s6, sizeof(s6), host, sizeof(host),
			 NULL, 0, NI_NAMEREQD),
	     0);
	T_STREQ(host, "six");
}

/* --- gethostbyname, gethostbyaddr */

static void hostent_names(void)
{
	struct hostent *h;

	use_hosts();
	h = gethostbyname("127.1"); /* a number is its own name */
	T_TRUE(h != NULL);
	T_STREQ(h->h_name, "127.1");
	T_EQ(h->h_addrtype, AF_INET);
	T_EQ(h->h_length, 4);
	T_TRUE(h->h_aliases && h->h_aliases[0] == NULL);
	T_MEMEQ(h->h_addr, "\177\0\0\1", 4);
	T_TRUE(h->h_addr_list[1] == NULL);
	h = gethostbyname("GATEWAY");
	T_TRUE(h != NULL);
	T_STREQ(h->h_name, "host");
	T_MEMEQ(h->h_addr_list[0], "\12\0\2\2", 4);
	h = gethostbyname("multi");
	T_TRUE(h != NULL);
	T_MEMEQ(h->h_addr_list[0], "\300\0\2\12", 4);
	T_MEMEQ(h->h_addr_list[1], "\300\0\2\13", 4);
	T_TRUE(h->h_addr_list[2] == NULL);
	T_EQ(h_errno, NETDB_SUCCESS);

	struct in_addr a = {htonl(0x0a000202)};
	h = gethostbyaddr(&a, 4, AF_INET);
	T_TRUE(h != NULL);
	T_STREQ(h->h_name, "host");
	T_MEMEQ(h->h_addr, &a, 4);
	T_TRUE(gethostbyaddr(&a, 16, AF_INET6) == NULL);
}

static const struct t_case cases[] = {
    T(byte_order),
    T(pton_ipv4),
    T(pton_ipv6),
    T(ntop_ipv6),
    T(ntop_pton_errors),
    T(aton_and_addr),
    T(ntoa),
    T(cmsg_macros),
    T(gai_strerror_texts),
    T(hstrerror_texts),
    T(services),
    T(gai_numeric),
    T(gai_no_host),
    T(gai_services),
    T(gai_errors),
    T(gai_hosts_file),
    T(gai_system_hosts),
    T(gai_results_usable),
    T(gni_numeric),
    T(gni_names),
    T(hostent_names),
};

T_MAIN(cases, NULL)
