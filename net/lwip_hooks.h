/* net/lwip_hooks.h - the hooks this kernel plugs into lwIP (lwIP includes
 * this file, LWIP_HOOK_FILENAME, in the sources that offer hooks).
 *
 * DHCP: lwIP's DHCP client hands DNS servers only to its own DNS client,
 * which we do not build (the libc resolves names).  So every option lwIP
 * does not decode itself goes through net_dhcp_option() (net/net_init.c),
 * which keeps the DNS servers of the server's ACK for /proc/net/pnp.
 * Runs in the tcpip thread, while lwIP parses the reply.
 */
#ifndef NET_LWIP_HOOKS_H
#define NET_LWIP_HOOKS_H

#include <stdint.h>

struct dhcp;
struct pbuf;

/* The reply's client is known by its struct dhcp: the netif lwIP passes
 * is ip_current_netif(), which for a broadcast reply before the address
 * is bound is whichever interface accepted it (lo), not the card's. */
void net_dhcp_option(struct dhcp *dhcp, uint8_t msg_type, uint8_t option,
		     uint8_t len, struct pbuf *p, uint16_t offset);

#define LWIP_HOOK_DHCP_PARSE_OPTION(netif, dhcp, state, msg, msg_type,    \
				    option, len, pbuf, offset)            \
	do {                                                              \
		(void)(netif);                                            \
		(void)(msg);                                              \
		net_dhcp_option((dhcp), (msg_type), (option), (len), (pbuf), \
				(offset));                                \
	} while (0)

#endif
