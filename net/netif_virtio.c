/* net/netif_virtio.c - glue between lwIP and the virtio-net driver.
 *
 * The two directions, with the driver's halves (drivers/virtio_net.c):
 *
 *   receive   the driver's deferred half (kworker thread) calls rx_input
 *             for each frame: copy it into a pbuf from the pool and hand
 *             it to netif->input, which is tcpip_input: it only posts the
 *             pbuf to the tcpip thread's mailbox and never sleeps, as
 *             deferred work must not.  The tcpip thread then runs
 *             ethernet_input under the core lock.
 *   transmit  lwIP calls linkoutput in task context under the core lock
 *             (the tcpip thread, or a task making a netconn call):
 *             take a TX buffer (sleeping while the ring is full, which
 *             only this task waits out: the deferred half never takes
 *             the core lock), copy the pbuf chain into it, queue it.
 *
 *   link      the driver's deferred half reports a link change (QEMU's
 *             set_link); lwIP hears of it through tcpip_try_callback.
 *
 * Copies, not zero-copy: one memcpy of at most 1514 bytes each way is
 * cheap next to the rest of the path, and the driver's buffers stay
 * preallocated and fixed.
 */
#include "net/netif_virtio.h"

#include "drivers/virtio_net.h"
#include "kernel/printk.h"
#include "lwip/etharp.h"
#include "lwip/pbuf.h"
#include "lwip/snmp.h"
#include "lwip/stats.h"
#include "lwip/tcpip.h"
#include "netif/ethernet.h"

/* A pbuf for a received frame: from the pool (fixed, fast), or when a
 * burst has emptied it (hundreds of connections each holding unread
 * segments) from the heap, rather than dropping a frame TCP would have
 * to retransmit after a timeout. */
static struct pbuf *rx_pbuf(size_t len)
{
	struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);

	return p ? p : pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_RAM);
}

/* The receive hook, in the driver's deferred half: must not sleep. */
static bool rx_input(void *arg, const void *frame, size_t len)
{
	struct netif *netif = arg;
	struct pbuf *p = rx_pbuf(len);

	if (!p) {
		LINK_STATS_INC(link.memerr);
		LINK_STATS_INC(link.drop);
		return false;
	}
	pbuf_take(p, frame, (u16_t)len);
	LINK_STATS_INC(link.recv);
	MIB2_STATS_NETIF_ADD(netif, ifinoctets, len);
	if (netif->input(p, netif) != ERR_OK) { /* the mailbox is full */
		pbuf_free(p);
		LINK_STATS_INC(link.drop);
		return false;
	}
	return true;
}

/* lwIP's linkoutput: one whole Ethernet frame in p (a chain). */
static err_t linkoutput(struct netif *netif, struct pbuf *p)
{
	uint8_t *buf;
	int slot;

	(void)netif;
	if (p->tot_len > VIRTIO_NET_FRAME_MAX) {
		LINK_STATS_INC(link.lenerr);
		LINK_STATS_INC(link.drop);
		return ERR_BUF;
	}
	slot = virtio_net_tx_get(&buf); /* may sleep: the ring is full */
	if (slot < 0) {
		LINK_STATS_INC(link.drop);
		return ERR_IF;
	}
	pbuf_copy_partial(p, buf, p->tot_len, 0);
	if (virtio_net_tx_put(slot, p->tot_len) < 0) {
		LINK_STATS_INC(link.err);
		return ERR_IF;
	}
	LINK_STATS_INC(link.xmit);
	MIB2_STATS_NETIF_ADD(netif, ifoutoctets, p->tot_len);
	return ERR_OK;
}

/* In the tcpip thread, under the core lock: the link went up (lwIP's
 * DHCP then asks again) or down.  One function per direction, so each
 * change is applied as it happened even when both are queued. */
static void link_up(void *arg)
{
	netif_set_link_up(arg);
}

static void link_down(void *arg)
{
	netif_set_link_down(arg);
}

/* The driver's link hook, in its deferred half: netif_set_link_* need
 * the core lock, so post the change to the tcpip thread (no sleep). */
static void link_hook(void *arg, bool up)
{
	if (tcpip_try_callback(up ? link_up : link_down, arg) != ERR_OK)
		pr_warn("virtio-net: link change not passed to lwIP\n");
}

err_t virtio_netif_init(struct netif *netif)
{
	if (!virtio_net_present())
		return ERR_IF;
	netif->name[0] = 'e';
	netif->name[1] = 'n';
	netif->hwaddr_len = ETH_HWADDR_LEN;
	virtio_net_mac(netif->hwaddr);
	netif->mtu = VIRTIO_NET_MTU;
	netif->flags =
	    NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	if (virtio_net_link_up())
		netif->flags |= NETIF_FLAG_LINK_UP;
	netif->output = etharp_output;
	netif->linkoutput = linkoutput;
	MIB2_INIT_NETIF(netif, snmp_ifType_ethernet_csmacd, 0);
	virtio_net_set_rx(rx_input, netif, NULL, NULL);
	virtio_net_set_link_hook(link_hook, netif);
	return ERR_OK;
}
