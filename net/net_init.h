/* net/net_init.h - bringing the network up at boot, and what it found.
 *
 * net_init() starts lwIP's tcpip thread (the loopback interface, lo at
 * 127.0.0.1, comes with it), then, if the virtio-net card is there, adds
 * eth0 and configures it from the command line: ip=dhcp (the default;
 * the boot waits a second at most, then the address comes in the
 * background) or ip=ADDR/PREFIX:GATEWAY.
 * "net: eth0 10.0.2.15/24 gateway 10.0.2.2" goes to the kernel log when
 * an address is bound.  The rest is for /proc/net (net/procfs_net.c).
 */
#ifndef NET_NET_INIT_H
#define NET_NET_INIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct netif;

#define NET_DNS_MAX 3
#define NET_DNS_DEFAULT 0x0a000203u /* 10.0.2.3, QEMU's user network */

/* Called once by kmain after PCI, the scheduler and deferred work run;
 * waits for DHCP's answer a second at most. */
void net_init(void);

/* eth0's netif, or NULL without a card. */
struct netif *net_eth0(void);

/* The name /proc/net shows for n: "lo", "eth0" (buf holds other names). */
const char *net_ifname(const struct netif *n, char *buf, size_t size);

/* How eth0 got its address, as /proc/net/pnp says it: true for DHCP. */
bool net_uses_dhcp(void);

/* The DNS servers (host byte order) into out[max]: the DHCP server's, or
 * NET_DNS_DEFAULT; returns how many. */
int net_dns_servers(uint32_t *out, int max);

#endif
