/* stats.c - netstat -s (protocol counters) and netstat -r (routes).
 *
 * -s reads /proc/net/snmp: pairs of lines "Tcp: Name Name ..." and
 * "Tcp: value value ...".  Each counter is printed as net-tools prints
 * it, "    12 active connection openings" for the ones it has a phrase
 * for (the optional ones only when not zero), "    Name: value" for the
 * others that are not zero; ICMP's counts by type go under "ICMP input
 * histogram:" as in net-tools; the RTO limits are left out.  (Linux's
 * /proc/net/netstat, TcpExt, is not read: this OS has none.)
 *
 * -r reads /proc/net/route (Linux's format: hex addresses as they lie in
 * memory, RTF_ flags) into net-tools' table; without -n a destination of
 * 0.0.0.0 reads "default" and a gateway its host name. */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstat.h"

struct phrase {
	const char *section, *name, *text;
	bool optional; /* shown only when not zero */
};

/* net-tools' phrases (statistics.c) for the counters it names */
static const struct phrase phrases[] = {
    {"Ip", "Forwarding", NULL, false},
    {"Ip", "DefaultTTL", "", true},
    {"Ip", "InReceives", "total packets received", false},
    {"Ip", "InHdrErrors", "with invalid headers", true},
    {"Ip", "InAddrErrors", "with invalid addresses", true},
    {"Ip", "ForwDatagrams", "forwarded", false},
    {"Ip", "InUnknownProtos", "with unknown protocol", true},
    {"Ip", "InDiscards", "incoming packets discarded", false},
    {"Ip", "InDelivers", "incoming packets delivered", false},
    {"Ip", "OutRequests", "requests sent out", false},
    {"Ip", "OutDiscards", "outgoing packets dropped", true},
    {"Ip", "OutNoRoutes", "dropped because of missing route", true},
    {"Ip", "ReasmTimeout", "fragments dropped after timeout", true},
    {"Ip", "ReasmReqds", "reassemblies required", true},
    {"Ip", "ReasmOKs", "packets reassembled ok", true},
    {"Ip", "ReasmFails", "packet reassemblies failed", true},
    {"Ip", "FragOKs", "fragments received ok", true},
    {"Ip", "FragFails", "fragments failed", true},
    {"Ip", "FragCreates", "fragments created", true},
    {"Icmp", "InMsgs", "ICMP messages received", false},
    {"Icmp", "InErrors", "input ICMP message failed", false},
    {"Icmp", "OutMsgs", "ICMP messages sent", false},
    {"Icmp", "OutErrors", "ICMP messages failed", false},
    {"Tcp", "RtoAlgorithm", "", true},
    {"Tcp", "RtoMin", "", true},
    {"Tcp", "RtoMax", "", true},
    {"Tcp", "MaxConn", "", true},
    {"Tcp", "ActiveOpens", "active connection openings", false},
    {"Tcp", "PassiveOpens", "passive connection openings", false},
    {"Tcp", "AttemptFails", "failed connection attempts", false},
    {"Tcp", "EstabResets", "connection resets received", false},
    {"Tcp", "CurrEstab", "connections established", false},
    {"Tcp", "InSegs", "segments received", false},
    {"Tcp", "OutSegs", "segments sent out", false},
    {"Tcp", "RetransSegs", "segments retransmitted", false},
    {"Tcp", "InErrs", "bad segments received", false},
    {"Tcp", "OutRsts", "resets sent", false},
    {"Udp", "InDatagrams", "packets received", false},
    {"Udp", "NoPorts", "packets to unknown port received", false},
    {"Udp", "InErrors", "packet receive errors", false},
    {"Udp", "OutDatagrams", "packets sent", false},
    {"Udp", "RcvbufErrors", "receive buffer errors", false},
    {"Udp", "SndbufErrors", "send buffer errors", false},
};

static const struct phrase *phrase_of(const char *section, const char *name)
{
	for (size_t i = 0; i < sizeof(phrases) / sizeof(*phrases); i++)
		if (!strcmp(phrases[i].section, section) &&
		    !strcmp(phrases[i].name, name))
			return &phrases[i];
	return NULL;
}

/* ICMP's counts by message type, as net-tools' histograms name them */
static const char *const icmp_types[][2] = {
    {"DestUnreachs", "destination unreachable"},
    {"TimeExcds", "timeout in transit"},
    {"ParmProbs", "wrong parameters"},
    {"SrcQuenchs", "source quenches"},
    {"Redirects", "redirects"},
    {"Echos", "echo requests"},
    {"EchoReps", "echo replies"},
    {"Timestamps", "timestamp request"},
    {"TimestampReps", "timestamp reply"},
    {"AddrMasks", "address mask request"},
    {"AddrMaskReps", "address mask replies"},
};

/* "InEchos" and the like under an "ICMP input histogram:" (or output)
 * line printed before the first of them; true if NAME is one. */
static bool icmp_histogram(const char *name, const char *value, bool zero)
{
	static bool in_done, out_done;
	bool in = !strncmp(name, "In", 2), out = !strncmp(name, "Out", 3);
	const char *type = name + (in ? 2 : 3);

	if (!in && !out)
		return false;
	for (size_t i = 0; i < sizeof(icmp_types) / sizeof(*icmp_types); i++) {
		if (strcmp(type, icmp_types[i][0]))
			continue;
		if (zero)
			return true;
		if (in && !in_done)
			printf("    ICMP input histogram:\n"), in_done = true;
		if (out && !out_done)
			printf("    ICMP output histogram:\n"), out_done = true;
		printf("        %s: %s\n", icmp_types[i][1], value);
		return true;
	}
	return false;
}

static void print_counter(const char *section, const char *name,
			  const char *value)
{
	const struct phrase *p = phrase_of(section, name);
	bool zero = strtoll(value, NULL, 10) == 0;

	if (!strcmp(section, "Icmp") && icmp_histogram(name, value, zero))
		return;
	if (!strcmp(section, "IcmpMsg"))
		printf("        %s: %s\n", name, value);
	else if (p && !p->text) /* Forwarding: shown as it is */
		printf("    %s: %s\n", name, value);
	else if (p && *p->text && !(p->optional && zero))
		printf("    %s %s\n", value, p->text);
	else if (!p && !zero)
		printf("    %s: %s\n", name, value);
}

/* One section: NAMES "Tcp: A B C" and VALUES "Tcp: 1 2 3". */
static void print_section(char *names, char *values)
{
	char *ns, *vs, *section = strtok_r(names, " \n", &ns);
	char *n, *v;

	strtok_r(values, " \n", &vs);
	printf("%s\n", section);
	section[strlen(section) - 1] = 0; /* the colon */
	while ((n = strtok_r(NULL, " \n", &ns)) &&
	       (v = strtok_r(NULL, " \n", &vs)))
		print_counter(section, n, v);
}

int show_stats(void)
{
	FILE *f = fopen("/proc/net/snmp", "r");
	char names[2048], values[2048];

	if (!f) {
		perror("/proc/net/snmp");
		return 1;
	}
	while (fgets(names, sizeof(names), f) &&
	       fgets(values, sizeof(values), f))
		print_section(names, values);
	fclose(f);
	return 0;
}

/* --- -r */

#define RTF_UP 0x1
#define RTF_GATEWAY 0x2
#define RTF_HOST 0x4
#define RTF_REJECT 0x200

static void route_flags(unsigned flags, char *out)
{
	char *p = out;

	if (flags & RTF_UP)
		*p++ = 'U';
	if (flags & RTF_GATEWAY)
		*p++ = 'G';
	if (flags & RTF_REJECT)
		*p++ = '!';
	if (flags & RTF_HOST)
		*p++ = 'H';
	*p = 0;
}

static const char *dotted(unsigned a, char *buf)
{
	struct in_addr in = {.s_addr = a};

	return inet_ntop(AF_INET, &in, buf, INET_ADDRSTRLEN);
}

static void print_route(const char *ifname, unsigned dest, unsigned gw,
			unsigned flags, unsigned mask, unsigned mtu,
			unsigned window, unsigned irtt)
{
	char d[NI_MAXHOST], g[NI_MAXHOST], m[INET_ADDRSTRLEN], f[8];

	dotted(dest, d);
	dotted(gw, g);
	if (!opt.num_hosts && dest == 0)
		strcpy(d, "default");
	if (!opt.num_hosts && gw != 0) {
		struct sockaddr_in sin = {.sin_family = AF_INET};

		sin.sin_addr.s_addr = gw;
		if (getnameinfo((struct sockaddr *)&sin, sizeof(sin), g,
				sizeof(g), NULL, 0, NI_NAMEREQD))
			dotted(gw, g);
	}
	route_flags(flags, f);
	printf("%-15.15s %-15.15s %-15s %-5s %5u %-6u %5u %s\n", d, g,
	       dotted(mask, m), f, mtu, window, irtt, ifname);
}

int show_routes(void)
{
	FILE *f = fopen("/proc/net/route", "r");
	char line[512], ifname[32];
	unsigned dest, gw, flags, refcnt, use, metric, mask, mtu, window, irtt;

	if (!f) {
		perror("/proc/net/route");
		return 1;
	}
	printf("Kernel IP routing table\n"
	       "Destination     Gateway         Genmask         Flags   MSS "
	       "Window  irtt Iface\n");
	if (fgets(line, sizeof(line), f)) /* the header */
		while (fgets(line, sizeof(line), f))
			if (sscanf(line, "%31s %X %X %X %u %u %u %X %u %u %u",
				   ifname, &dest, &gw, &flags, &refcnt, &use,
				   &metric, &mask, &mtu, &window,
				   &irtt) == 11 &&
			    (flags & RTF_UP))
				print_route(ifname, dest, gw, flags, mask, mtu,
					    window, irtt);
	fclose(f);
	return 0;
}
