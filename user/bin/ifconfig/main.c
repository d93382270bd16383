/* ifconfig - show the network interfaces, as net-tools' ifconfig does.
 *
 *   ifconfig [-a] [-s] [INTERFACE]
 *
 * For each interface that is up (-a: every one): its flags, MTU, IPv4
 * address, netmask and broadcast address, MAC address, and the receive
 * and transmit counts of /proc/net/dev:
 *
 *   eth0: flags=67<UP,BROADCAST,RUNNING>  mtu 1500
 *           inet 10.0.2.15  netmask 255.255.255.0  broadcast 10.0.2.255
 *           ether 52:54:00:12:34:56  (Ethernet)
 *           RX packets 12  bytes 2264 (2.2 KiB)
 *           ...
 *
 * -s gives netstat -i's short table instead.  What the kernel knows comes
 * through iface.c (this OS's /proc/net/if_inet, or Linux's ioctls), so
 * the program shows the same on both.  Changing an interface (ifconfig
 * eth0 ADDR, up, down) is not supported.  Exit status: 0, 1 for an
 * unknown interface or an error, 2 for bad usage.
 */
#include <arpa/inet.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iface.h"
#include "iface_impl.h"

static const struct {
	unsigned flag;
	const char *name;
} flag_names[] = {
    {IFF_UP, "UP"},
    {IFF_BROADCAST, "BROADCAST"},
    {IFF_DEBUG, "DEBUG"},
    {IFF_LOOPBACK, "LOOPBACK"},
    {IFF_POINTOPOINT, "POINTOPOINT"},
    {0x20, "NOTRAILERS"},
    {IFF_RUNNING, "RUNNING"},
    {IFF_NOARP, "NOARP"},
    {IFF_PROMISC, "PROMISC"},
    {IFF_ALLMULTI, "ALLMULTI"},
    {0x400, "MASTER"},
    {0x800, "SLAVE"},
    {IFF_MULTICAST, "MULTICAST"},
};

static _Noreturn void usage(void)
{
	fputs("usage: ifconfig [-a] [-s] [INTERFACE]\n", stderr);
	exit(2);
}

/* BYTES as net-tools scales them: one decimal, cut (not rounded). */
static void print_bytes(unsigned long long bytes)
{
	static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
	unsigned long long tenths = bytes * 10, scale = 1;
	int u = 0;

	while (u < 4 && bytes > scale * 1024)
		scale *= 1024, u++;
	tenths /= scale;
	printf("bytes %llu (%llu.%llu %s)", bytes, tenths / 10, tenths % 10,
	       units[u]);
}

static void print_flags(unsigned flags)
{
	const char *sep = "";

	printf("flags=%u<", flags);
	for (size_t k = 0; k < sizeof(flag_names) / sizeof(flag_names[0]); k++)
		if (flags & flag_names[k].flag) {
			printf("%s%s", sep, flag_names[k].name);
			sep = ",";
		}
	putchar('>');
}

static void print_inet(const struct iface *i)
{
	char a[INET_ADDRSTRLEN], m[INET_ADDRSTRLEN], b[INET_ADDRSTRLEN];

	if (!i->addr.s_addr)
		return;
	inet_ntop(AF_INET, &i->addr, a, sizeof(a));
	inet_ntop(AF_INET, &i->mask, m, sizeof(m));
	printf("        inet %s  netmask %s", a, m);
	if ((i->flags & IFF_BROADCAST) && i->bcast.s_addr)
		printf("  broadcast %s",
		       inet_ntop(AF_INET, &i->bcast, b, sizeof(b)));
	putchar('\n');
}

static void print_long(const struct iface *i)
{
	const unsigned char *m = i->mac;

	printf("%s: ", i->name);
	print_flags(i->flags);
	printf("  mtu %u\n", i->mtu);
	print_inet(i);
	if (i->flags & IFF_LOOPBACK)
		printf("        loop  (Local Loopback)\n");
	else
		printf(
		    "        ether %02x:%02x:%02x:%02x:%02x:%02x  (Ethernet)\n",
		    m[0], m[1], m[2], m[3], m[4], m[5]);
	printf("        RX packets %llu  ", i->rx_packets);
	print_bytes(i->rx_bytes);
	printf("\n        RX errors %llu  dropped %llu  overruns %llu  frame "
	       "%llu\n",
	       i->rx_errs, i->rx_drop, i->rx_fifo, i->rx_frame);
	printf("        TX packets %llu  ", i->tx_packets);
	print_bytes(i->tx_bytes);
	printf("\n        TX errors %llu  dropped %llu overruns %llu  carrier "
	       "%llu  collisions %llu\n\n",
	       i->tx_errs, i->tx_drop, i->tx_fifo, i->tx_carrier, i->tx_colls);
}

int main(int argc, char **argv)
{
	bool all = false, brief = false;
	const char *only = NULL;
	struct iface *list;
	int c, n, shown = 0;

	while ((c = getopt(argc, argv, "as")) != -1) {
		if (c == 'a')
			all = true;
		else if (c == 's')
			brief = true;
		else
			usage();
	}
	if (argc - optind > 1) {
		fputs("ifconfig: changing interfaces is not supported\n",
		      stderr);
		return 1;
	}
	if (optind < argc)
		only = argv[optind];
	n = iface_list("ifconfig", &list);
	if (n < 0)
		return 1;
	if (brief)
		iface_print_short_header();
	for (int k = 0; k < n; k++) {
		const struct iface *i = &list[k];

		if (only ? strcmp(only, i->name) : !all && !(i->flags & IFF_UP))
			continue;
		if (brief)
			iface_print_short(i);
		else
			print_long(i);
		shown++;
	}
	free(list);
	if (only && !shown) {
		fprintf(stderr,
			"ifconfig: %s: error fetching interface "
			"information: Device not found\n",
			only);
		return 1;
	}
	return 0;
}
