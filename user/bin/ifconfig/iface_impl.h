/* iface_impl.h - reading the network interfaces (see iface.h): the
 * code itself, kept in a header because two programs use it and the
 * Makefile builds a program from the .c files of its own directory
 * only.  Included by exactly one file of each: ifconfig/main.c and
 * netstat/iface.c.
 *
 * The list is sorted by name as net-tools sorts it.  Two sources for
 * what /proc/net/dev does not say:
 *   - /proc/net/if_inet, this OS's own file (net/procfs_net.c): a header
 *     line, then "NAME INDEX FLAGS MTU MAC ADDRESS NETMASK BROADCAST";
 *   - on Linux, which has no such file, the ioctls ifconfig has always
 *     used: SIOCGIFFLAGS, SIOCGIFMTU, SIOCGIFHWADDR, SIOCGIFADDR,
 *     SIOCGIFNETMASK, SIOCGIFBRDADDR on a datagram socket.
 * So the same program shows the same things on both systems. */
#ifndef IFACE_IMPL_H
#define IFACE_IMPL_H

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "iface.h"

#define MAX_IFACES 64

/* --- /proc/net/dev */

/* "  eth0: 1180 2 0 ..." into I; 0, or -1 if the line is no interface. */
static int dev_line(char *line, struct iface *i)
{
	char *colon = strchr(line, ':'), *name = line;

	if (!colon)
		return -1;
	*colon = 0;
	while (*name == ' ')
		name++;
	snprintf(i->name, sizeof(i->name), "%s", name);
	return sscanf(colon + 1,
		      "%llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu "
		      "%llu %llu %llu %llu %llu",
		      &i->rx_bytes, &i->rx_packets, &i->rx_errs, &i->rx_drop,
		      &i->rx_fifo, &i->rx_frame, &i->rx_compressed,
		      &i->rx_multicast, &i->tx_bytes, &i->tx_packets,
		      &i->tx_errs, &i->tx_drop, &i->tx_fifo, &i->tx_colls,
		      &i->tx_carrier, &i->tx_compressed) == 16
		   ? 0
		   : -1;
}

static int read_dev(const char *prog, struct iface *list)
{
	FILE *f = fopen("/proc/net/dev", "r");
	char line[512];
	int n = 0;

	if (!f) {
		fprintf(stderr, "%s: /proc/net/dev: %s\n", prog,
			strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) && n < MAX_IFACES) {
		memset(&list[n], 0, sizeof(list[n]));
		if (dev_line(line, &list[n]) == 0)
			n++;
	}
	fclose(f);
	return n;
}

/* --- this OS: /proc/net/if_inet */

static void if_inet_line(const char *line, struct iface *list, int n)
{
	char name[16], addr[16], mask[16], bcast[16];
	unsigned index, flags, mtu, mac[6];

	if (sscanf(line, "%15s %u %x %u %x:%x:%x:%x:%x:%x %15s %15s %15s", name,
		   &index, &flags, &mtu, &mac[0], &mac[1], &mac[2], &mac[3],
		   &mac[4], &mac[5], addr, mask, bcast) != 13)
		return;
	for (int k = 0; k < n; k++) {
		struct iface *i = &list[k];

		if (strcmp(i->name, name))
			continue;
		i->flags = flags;
		i->mtu = mtu;
		for (int b = 0; b < 6; b++)
			i->mac[b] = mac[b];
		inet_pton(AF_INET, addr, &i->addr);
		inet_pton(AF_INET, mask, &i->mask);
		inet_pton(AF_INET, bcast, &i->bcast);
	}
}

/* 0, or -1 when the file does not exist (not this OS). */
static int read_if_inet(struct iface *list, int n)
{
	FILE *f = fopen("/proc/net/if_inet", "r");
	char line[256];

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if_inet_line(line, list, n);
	fclose(f);
	return 0;
}

/* --- Linux: the SIOCGIF* ioctls (numbers from linux/sockios.h) */

#define SIOCGIFFLAGS 0x8913
#define SIOCGIFADDR 0x8915
#define SIOCGIFBRDADDR 0x8919
#define SIOCGIFNETMASK 0x891b
#define SIOCGIFMTU 0x8921
#define SIOCGIFHWADDR 0x8927

/* struct ifreq as Linux i386 lays it out (32 bytes) */
struct ifreq {
	char name[16];
	union {
		struct sockaddr addr;
		short flags;
		int mtu;
		char pad[16];
	} u;
};

static int get(int fd, unsigned long cmd, const char *name, struct ifreq *r)
{
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", name);
	return ioctl(fd, cmd, r);
}

static struct in_addr in_of(const struct ifreq *r)
{
	return ((const struct sockaddr_in *)&r->u.addr)->sin_addr;
}

static void ask_kernel(int fd, struct iface *i)
{
	struct ifreq r;

	if (get(fd, SIOCGIFFLAGS, i->name, &r) == 0)
		i->flags = (unsigned short)r.u.flags;
	if (get(fd, SIOCGIFMTU, i->name, &r) == 0)
		i->mtu = r.u.mtu;
	if (get(fd, SIOCGIFHWADDR, i->name, &r) == 0)
		memcpy(i->mac, r.u.addr.sa_data, 6);
	if (get(fd, SIOCGIFADDR, i->name, &r) == 0)
		i->addr = in_of(&r);
	if (get(fd, SIOCGIFNETMASK, i->name, &r) == 0 && i->addr.s_addr)
		i->mask = in_of(&r);
	if ((i->flags & IFF_BROADCAST) &&
	    get(fd, SIOCGIFBRDADDR, i->name, &r) == 0 && i->addr.s_addr)
		i->bcast = in_of(&r);
}

/* net-tools' order: by name, numbers by value (eth2 before eth10) */
static int by_name(const void *pa, const void *pb)
{
	const char *a = ((const struct iface *)pa)->name;
	const char *b = ((const struct iface *)pb)->name;

	while (*a && *a == *b && !isdigit((unsigned char)*a))
		a++, b++;
	if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
		long x = strtol(a, (char **)&a, 10),
		     y = strtol(b, (char **)&b, 10);

		if (x != y)
			return x < y ? -1 : 1;
		return strcmp(a, b);
	}
	return strcmp(a, b);
}

int iface_list(const char *prog, struct iface **out)
{
	struct iface *list = calloc(MAX_IFACES, sizeof(*list));
	int n, fd;

	if (!list) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return -1;
	}
	n = read_dev(prog, list);
	if (n < 0) {
		free(list);
		return -1;
	}
	if (read_if_inet(list, n) < 0) {
		fd = socket(AF_INET, SOCK_DGRAM, 0);
		for (int k = 0; fd >= 0 && k < n; k++)
			ask_kernel(fd, &list[k]);
		if (fd >= 0)
			close(fd);
	}
	qsort(list, n, sizeof(*list), by_name);
	*out = list;
	return n;
}

/* --- the short table */

void iface_print_short_header(void)
{
	printf("%-15s %5s %8s %6s %6s %-6s %8s %6s %6s %6s %s\n", "Iface",
	       "MTU", "RX-OK", "RX-ERR", "RX-DRP", "RX-OVR", "TX-OK", "TX-ERR",
	       "TX-DRP", "TX-OVR", "Flg");
}

/* net-tools' letters, in its order */
static const struct {
	unsigned flag;
	char letter;
} letters[] = {
    {IFF_ALLMULTI, 'A'}, {IFF_BROADCAST, 'B'},	 {IFF_DEBUG, 'D'},
    {IFF_LOOPBACK, 'L'}, {IFF_MULTICAST, 'M'},	 {IFF_PROMISC, 'P'},
    {IFF_NOARP, 'O'},	 {IFF_POINTOPOINT, 'P'}, {IFF_RUNNING, 'R'},
    {IFF_UP, 'U'},
};

void iface_print_short(const struct iface *i)
{
	printf("%-15.15s %5u %8llu %6llu %6llu %-6llu %8llu %6llu %6llu %6llu ",
	       i->name, i->mtu, i->rx_packets, i->rx_errs, i->rx_drop,
	       i->rx_fifo, i->tx_packets, i->tx_errs, i->tx_drop, i->tx_fifo);
	if (!i->flags)
		fputs("[NO FLAGS]", stdout);
	for (size_t k = 0; k < sizeof(letters) / sizeof(letters[0]); k++)
		if (i->flags & letters[k].flag)
			putchar(letters[k].letter);
	putchar('\n');
}

#endif
