/* iface.h - what the kernel says about the network interfaces, for
 * ifconfig and netstat -i (iface_impl.h holds the code).
 */
#ifndef IFACE_H
#define IFACE_H

#include <netinet/in.h>
#include <stdbool.h>

/* Linux's interface flags (SIOCGIFFLAGS) */
#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_DEBUG 0x4
#define IFF_LOOPBACK 0x8
#define IFF_POINTOPOINT 0x10
#define IFF_RUNNING 0x40
#define IFF_NOARP 0x80
#define IFF_PROMISC 0x100
#define IFF_ALLMULTI 0x200
#define IFF_MULTICAST 0x1000

struct iface {
	char name[16];
	unsigned flags, mtu;
	unsigned char mac[6];
	struct in_addr addr, mask, bcast; /* 0.0.0.0: none */
	/* /proc/net/dev's columns */
	unsigned long long rx_bytes, rx_packets, rx_errs, rx_drop, rx_fifo,
	    rx_frame, rx_compressed, rx_multicast;
	unsigned long long tx_bytes, tx_packets, tx_errs, tx_drop, tx_fifo,
	    tx_colls, tx_carrier, tx_compressed;
};

/* Every interface of /proc/net/dev, in its order, with its counters,
 * and its flags, MTU, MAC and IPv4 address from /proc/net/if_inet (this
 * OS) or, where that file does not exist (Linux), from the SIOCGIF*
 * ioctls.  A malloc'ed array in *out; returns how many, or -1 after a
 * message naming PROG. */
int iface_list(const char *prog, struct iface **out);

/* The short table of netstat -i and ifconfig -s: the header, and one
 * line an interface (MTU, RX/TX OK, ERR, DRP, OVR, flag letters). */
void iface_print_short_header(void);
void iface_print_short(const struct iface *i);

#endif
