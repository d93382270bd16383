/* netstat - the network's sockets, interfaces, routes and counters, as
 * net-tools' netstat shows them, from /proc/net.
 *
 *   netstat [-tulanW]        TCP and UDP sockets (sockets.c)
 *   netstat -i [-a]          the interfaces' packet counts (iface.c)
 *   netstat -r [-n]          the routing table (stats.c)
 *   netstat -s               the protocols' counters (stats.c)
 *
 *   -t, -u   TCP, UDP sockets (neither: both)
 *   -l       only listening sockets; -a: all; by default the others
 *   -n       numeric addresses and ports (--numeric-hosts,
 *            --numeric-ports: one of them)
 *   -W       do not cut long addresses to fit their column
 *
 * The files are Linux's (this OS writes /proc/net/tcp, udp, route and
 * snmp in the same formats), so the program works on both, and on Linux
 * its output can be set beside net-tools'.  Only TCP and UDP are
 * listed: no UNIX sockets (no /proc/net/unix here), no -p or -e.  Exit
 * status: 0, 1 if a file cannot be read, 2 for bad usage.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "netstat.h"

struct options opt;

static _Noreturn void usage(void)
{
	fputs("usage: netstat [-tulanW]\n"
	      "       netstat -i [-a]\n"
	      "       netstat -r [-n]\n"
	      "       netstat -s\n",
	      stderr);
	exit(2);
}

static const struct option long_options[] = {
    {"tcp", no_argument, NULL, 't'},
    {"udp", no_argument, NULL, 'u'},
    {"listening", no_argument, NULL, 'l'},
    {"all", no_argument, NULL, 'a'},
    {"numeric", no_argument, NULL, 'n'},
    {"numeric-hosts", no_argument, NULL, 'H'},
    {"numeric-ports", no_argument, NULL, 'P'},
    {"wide", no_argument, NULL, 'W'},
    {"interfaces", no_argument, NULL, 'i'},
    {"route", no_argument, NULL, 'r'},
    {"statistics", no_argument, NULL, 's'},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv)
{
	int c, mode = 0; /* 'i', 'r', 's' or 0: sockets */

	while ((c = getopt_long(argc, argv, "tulanWirs", long_options, NULL)) !=
	       -1) {
		switch (c) {
		case 't':
			opt.tcp = true;
			break;
		case 'u':
			opt.udp = true;
			break;
		case 'l':
			opt.listening = true;
			break;
		case 'a':
			opt.all = true;
			break;
		case 'n':
			opt.num_hosts = opt.num_ports = true;
			break;
		case 'H':
			opt.num_hosts = true;
			break;
		case 'P':
			opt.num_ports = true;
			break;
		case 'W':
			opt.wide = true;
			break;
		case 'i':
		case 'r':
		case 's':
			if (mode && mode != c)
				usage();
			mode = c;
			break;
		default:
			usage();
		}
	}
	if (optind < argc)
		usage();
	switch (mode) {
	case 'i':
		return show_ifaces();
	case 'r':
		return show_routes();
	case 's':
		return show_stats();
	}
	return show_sockets();
}
