/* net/netif_virtio.h - the virtio-net card as an lwIP network interface.
 *
 * net_init() adds it once virtio_net_probe() found a card:
 *   netif_add(&eth0, ..., NULL, virtio_netif_init, tcpip_input);
 */
#ifndef NET_NETIF_VIRTIO_H
#define NET_NETIF_VIRTIO_H

#include "lwip/err.h"
#include "lwip/netif.h"

/* The netif init function: MAC, MTU 1500, Ethernet + ARP + broadcast,
 * link up, output = etharp_output, linkoutput to the driver's transmit
 * side; points the driver's receive hook at netif->input.  ERR_IF
 * without a card. */
err_t virtio_netif_init(struct netif *netif);

#endif
