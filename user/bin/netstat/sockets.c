/* sockets.c - netstat's socket listing, from /proc/net/tcp and udp (and
 * tcp6, udp6 where they exist: on Linux), in net-tools' layout:
 *
 *   Active Internet connections (only servers)
 *   Proto Recv-Q Send-Q Local Address           Foreign Address         State
 *   tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN
 *
 * The files are Linux's format: "sl: LOCAL:PORT REMOTE:PORT st tx:rx
 * ..." with addresses in hex as they lie in memory and st Linux's TCP
 * state number.  Which lines show is net-tools' rule: a TCP socket
 * listens when its remote port is 0, a UDP socket when its remote
 * address is 0; -l shows only those, -a all, neither only the others.
 * Without -n addresses are host names (getnameinfo: /etc/hosts, then
 * DNS) and ports service names; "Local:port" is cut to 22 characters
 * unless -W, as net-tools does. */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>

#include "netstat.h"

/* Linux's TCP states (include/net/tcp_states.h) as net-tools names them */
static const char *const tcp_states[] = {
    "",		  "ESTABLISHED", "SYN_SENT",  "SYN_RECV",
    "FIN_WAIT1",  "FIN_WAIT2",	 "TIME_WAIT", "CLOSE",
    "CLOSE_WAIT", "LAST_ACK",	 "LISTEN",    "CLOSING",
};

#define TCP_ESTABLISHED 1
#define TCP_CLOSE 7

/* One line of a /proc/net/{tcp,udp}[6] file. */
struct sock_line {
	int family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} local, remote;
	unsigned lport, rport, state;
	unsigned long txq, rxq;
};

/* The address in hex as the kernel prints it (each 32-bit word in memory
 * order); 0 or -1. */
static int hex_addr(const char *hex, struct sock_line *s, void *out)
{
	size_t n = strlen(hex);
	uint32_t *w = out;

	if (n == 8) {
		s->family = AF_INET;
		return sscanf(hex, "%8X", &w[0]) == 1 ? 0 : -1;
	}
	s->family = AF_INET6;
	return n == 32 && sscanf(hex, "%8X%8X%8X%8X", &w[0], &w[1], &w[2],
				 &w[3]) == 4
		   ? 0
		   : -1;
}

static int parse(const char *line, struct sock_line *s)
{
	char local[40], remote[40];
	unsigned sl;

	memset(s, 0, sizeof(*s));
	if (sscanf(line, "%u: %39[0-9A-Fa-f]:%X %39[0-9A-Fa-f]:%X %X %lX:%lX",
		   &sl, local, &s->lport, remote, &s->rport, &s->state, &s->txq,
		   &s->rxq) != 8)
		return -1;
	if (hex_addr(local, s, &s->local) < 0 ||
	    hex_addr(remote, s, &s->remote) < 0)
		return -1;
	return 0;
}

static bool is_any(int family, const void *a)
{
	static const struct in6_addr zero;

	return family == AF_INET ? ((const struct in_addr *)a)->s_addr == 0
				 : !memcmp(a, &zero, sizeof(zero));
}

/* The host part: a name, or the numeric address ("0.0.0.0", "::"). */
static void host_text(int family, const void *a, char *out, size_t size)
{
	inet_ntop(family, a, out, size);
	if (opt.num_hosts || is_any(family, a))
		return;
	if (family == AF_INET) {
		struct sockaddr_in sin = {.sin_family = AF_INET};
		char name[NI_MAXHOST];

		sin.sin_addr = *(const struct in_addr *)a;
		if (getnameinfo((struct sockaddr *)&sin, sizeof(sin), name,
				sizeof(name), NULL, 0, NI_NAMEREQD) == 0)
			snprintf(out, size, "%s", name);
	}
}

static void port_text(unsigned port, const char *proto, char *out, size_t size)
{
	struct servent *se;

	if (port == 0) {
		snprintf(out, size, "*");
		return;
	}
	se = opt.num_ports ? NULL : getservbyport(htons(port), proto);
	if (se)
		snprintf(out, size, "%s", se->s_name);
	else
		snprintf(out, size, "%u", port);
}

/* "host:port" into OUT[128], cut to 22 characters as net-tools does
 * (the port keeps at least its first 18). */
static void endpoint(int family, const void *a, unsigned port,
		     const char *proto, char *out)
{
	char host[NI_MAXHOST], serv[64];
	size_t hl, pl;

	host_text(family, a, host, sizeof(host));
	port_text(port, proto, serv, sizeof(serv));
	hl = strlen(host), pl = strlen(serv);
	if (!opt.wide && hl + pl > 22) {
		if (pl > 18)
			pl = 18;
		hl = 22 - pl;
	}
	snprintf(out, 128, "%.*s:%.*s", (int)hl, host, (int)pl, serv);
}

static bool shown(const struct sock_line *s, bool tcp)
{
	bool listening = tcp ? s->rport == 0 : is_any(s->family, &s->remote);

	return opt.all || listening == opt.listening;
}

static void print_line(const struct sock_line *s, const char *proto, bool tcp)
{
	char local[128], remote[128];
	const char *state;

	endpoint(s->family, &s->local, s->lport, tcp ? "tcp" : "udp", local);
	endpoint(s->family, &s->remote, s->rport, tcp ? "tcp" : "udp", remote);
	if (tcp)
		state = s->state < sizeof(tcp_states) / sizeof(*tcp_states)
			    ? tcp_states[s->state]
			    : "UNKNOWN";
	else
		state = s->state == TCP_ESTABLISHED ? "ESTABLISHED"
			: s->state == TCP_CLOSE	    ? ""
						    : "UNKNOWN";
	if (tcp)
		printf("%-4s  %6lu %6lu %-*s %-*s %-11s\n", proto, s->rxq,
		       s->txq, strlen(local) > 23 ? (int)strlen(local) : 23,
		       local, strlen(remote) > 23 ? (int)strlen(remote) : 23,
		       remote, state);
	else
		printf("%-5s %6lu %6lu %-23s %-23s %-11s\n", proto, s->rxq,
		       s->txq, local, remote, state);
}

/* Lists the sockets of /proc/net/NAME; a missing tcp6/udp6 is no error. */
static int list_file(const char *name, bool tcp)
{
	char path[64], line[512];
	struct sock_line s;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/net/%s", name);
	f = fopen(path, "r");
	if (!f) {
		if (strchr(name, '6'))
			return 0;
		perror(path);
		return 1;
	}
	if (fgets(line, sizeof(line), f)) /* the header */
		while (fgets(line, sizeof(line), f))
			if (parse(line, &s) == 0 && shown(&s, tcp))
				print_line(&s, name, tcp);
	fclose(f);
	return 0;
}

int show_sockets(void)
{
	bool both = !opt.tcp && !opt.udp;
	int status = 0;

	printf("Active Internet connections %s\n",
	       opt.all	       ? "(servers and established)"
	       : opt.listening ? "(only servers)"
			       : "(w/o servers)");
	printf("Proto Recv-Q Send-Q Local Address           Foreign Address    "
	       "     State      \n");
	if (both || opt.tcp)
		status |= list_file("tcp", true) | list_file("tcp6", true);
	if (both || opt.udp)
		status |= list_file("udp", false) | list_file("udp6", false);
	return status;
}
