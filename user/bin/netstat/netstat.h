/* netstat.h - what the netstat files share: the options (main.c) and
 * the listings: sockets.c (TCP and UDP sockets), stats.c (-s and -r),
 * iface.c (-i, through ifconfig's iface.c). */
#ifndef NETSTAT_H
#define NETSTAT_H

#include <stdbool.h>

struct options {
	bool tcp, udp;	/* -t, -u (neither: both) */
	bool all;	/* -a: listening and the others */
	bool listening; /* -l: only listening */
	bool num_hosts; /* -n or --numeric-hosts */
	bool num_ports; /* -n or --numeric-ports */
	bool wide;	/* -W: addresses not cut to fit */
};

extern struct options opt;

/* Each returns the exit status. */
int show_sockets(void); /* sockets.c */
int show_stats(void);	/* stats.c: -s, from /proc/net/snmp */
int show_routes(void);	/* stats.c: -r, from /proc/net/route */
int show_ifaces(void);	/* netstat -i */

#endif
