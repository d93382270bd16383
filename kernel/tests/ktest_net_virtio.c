/* kernel/tests/ktest_net_virtio.c - the virtio-net driver on the contract
 * machine (QEMU's -netdev user with -device virtio-net-pci), without lwIP.
 *
 * QEMU's user network (slirp) answers ARP for its gateway 10.0.2.2, so a
 * raw ARP request sent from 10.0.2.15 comes back as a reply: that proves
 * transmit, the interrupt half, the deferred half and receive.  Sending
 * many more requests than either ring has slots proves that TX slots are
 * reclaimed (a sender sleeps while the ring is full) and that RX buffers
 * are posted back: every request must get its reply, none lost.
 *
 * Each test probes first (a no-op after the first time): tests run in
 * link order, which need not be this file's order.  The tests take the
 * receive hook for their run and hand every frame that
 * is not their reply to the previous hook (lwIP, when it already owns the
 * card), then put it back.
 */
#include "drivers/virtio_net.h"
#include "kernel/kernel.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/wait.h"

#define ETH_ARP 0x0806
#define ARP_REQUEST 1
#define ARP_REPLY 2
#define ARP_FRAME 42 /* Ethernet header 14 + ARP for IPv4 28 */

static const uint8_t guest_ip[4] = {10, 0, 2, 15};
static const uint8_t gateway_ip[4] = {10, 0, 2, 2};
static const uint8_t slirp_gateway_mac[6] = {0x52, 0x55, 0x0a,
					     0x00, 0x02, 0x02};
static const uint8_t qemu_default_mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};

static struct {
	struct wait_queue wq;
	unsigned replies; /* good replies seen */
	unsigned bad;	  /* replies to us with wrong contents */
	virtio_net_rx_fn old_fn;
	void *old_arg;
} arp;

static uint16_t be16(const uint8_t *p)
{
	return p[0] << 8 | p[1];
}

static void put_be16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

/* An ARP request "who has 10.0.2.2? tell 10.0.2.15", broadcast. */
static void build_request(uint8_t *f)
{
	uint8_t mac[6];

	virtio_net_mac(mac);
	memset(f, 0xFF, 6);
	memcpy(f + 6, mac, 6);
	put_be16(f + 12, ETH_ARP);
	put_be16(f + 14, 1);	  /* hardware: Ethernet */
	put_be16(f + 16, 0x0800); /* protocol: IPv4 */
	f[18] = 6;
	f[19] = 4;
	put_be16(f + 20, ARP_REQUEST);
	memcpy(f + 22, mac, 6);
	memcpy(f + 28, guest_ip, 4);
	memset(f + 32, 0, 6);
	memcpy(f + 38, gateway_ip, 4);
}

/* "10.0.2.2 is at 52:55:0a:00:02:02", to us. */
static bool good_reply(const uint8_t *f, const uint8_t *mac)
{
	return !memcmp(f, mac, 6) && be16(f + 14) == 1 &&
	       be16(f + 16) == 0x0800 && f[18] == 6 && f[19] == 4 &&
	       !memcmp(f + 22, slirp_gateway_mac, 6) &&
	       !memcmp(f + 28, gateway_ip, 4) && !memcmp(f + 32, mac, 6) &&
	       !memcmp(f + 38, guest_ip, 4);
}

/* The receive hook, in the deferred half: count our replies, pass the
 * rest on. */
static bool arp_hook(void *unused, const void *frame, size_t len)
{
	const uint8_t *f = frame;
	uint8_t mac[6];

	(void)unused;
	if (len >= ARP_FRAME && be16(f + 12) == ETH_ARP &&
	    be16(f + 20) == ARP_REPLY && !memcmp(f + 28, gateway_ip, 4) &&
	    !memcmp(f + 38, guest_ip, 4)) {
		virtio_net_mac(mac);
		if (good_reply(f, mac))
			arp.replies++;
		else
			arp.bad++;
		wake_up(&arp.wq);
		return true;
	}
	return arp.old_fn ? arp.old_fn(arp.old_arg, frame, len) : false;
}

static void hook_on(void)
{
	arp.replies = arp.bad = 0;
	virtio_net_set_rx(arp_hook, NULL, &arp.old_fn, &arp.old_arg);
}

static void hook_off(void)
{
	virtio_net_set_rx(arp.old_fn, arp.old_arg, NULL, NULL);
}

KTEST(virtio_net_probe)
{
	struct virtio_net_stats st;
	uint8_t mac[6];

	KEXPECT(virtio_net_probe());
	KEXPECT(virtio_net_probe()); /* a second probe: the same card */
	virtio_net_mac(mac);
	KEXPECT(!memcmp(mac, qemu_default_mac, 6));
	KEXPECT(virtio_net_link_up());
	KEXPECT(virtio_net_get_stats(&st));
	KEXPECT(st.rx_slots >= 64);
	KEXPECT(st.tx_slots >= 64);
}

/* One request, one reply (tried three times: the first frame may meet a
 * slirp that is still starting). */
KTEST(virtio_net_arp_gateway)
{
	uint8_t f[ARP_FRAME];
	struct virtio_net_stats a, b;
	int sent = 0;

	if (!virtio_net_probe()) {
		KEXPECT(virtio_net_present());
		return;
	}
	virtio_net_get_stats(&a);
	build_request(f);
	hook_on();
	while (sent < 3 && !arp.replies) {
		KEXPECT_EQ(virtio_net_xmit(f, sizeof(f)), 0);
		sent++;
		wait_event_timeout(&arp.wq, arp.replies > 0, 1000);
	}
	hook_off();
	virtio_net_get_stats(&b);
	KEXPECT(arp.replies >= 1);
	KEXPECT_EQ(arp.bad, 0);
	/* >=: lwIP may be sending too */
	KEXPECT(b.tx_packets - a.tx_packets >= (uint64_t)sent);
	KEXPECT(b.tx_bytes - a.tx_bytes >= (uint64_t)sent * ARP_FRAME);
	KEXPECT(b.rx_packets - a.rx_packets >= 1);
	KEXPECT(b.interrupts > a.interrupts);
}

/* Three rings' worth of requests back to back: the sender outruns the
 * device, and every reply must come back through the recycled RX
 * buffers. */
KTEST(virtio_net_rings_wrap)
{
	uint8_t f[ARP_FRAME];
	struct virtio_net_stats a, b;
	unsigned n;

	if (!virtio_net_probe() || !virtio_net_get_stats(&a)) {
		KEXPECT(virtio_net_present());
		return;
	}
	n = 3 * MAX(a.tx_slots, a.rx_slots);
	build_request(f);
	hook_on();
	for (unsigned i = 0; i < n; i++)
		KEXPECT_EQ(virtio_net_xmit(f, sizeof(f)), 0);
	wait_event_timeout(&arp.wq, arp.replies >= n, 5000);
	hook_off();
	virtio_net_get_stats(&b);
	printk("ktest: virtio-net: %u requests, %u replies, %llu sender "
	       "sleeps, %llu interrupts\n",
	       n, arp.replies, (unsigned long long)(b.tx_waits - a.tx_waits),
	       (unsigned long long)(b.interrupts - a.interrupts));
	KEXPECT_EQ(arp.replies, n);
	KEXPECT_EQ(arp.bad, 0);
	KEXPECT(b.tx_packets - a.tx_packets >= n);
	KEXPECT_EQ(b.tx_dropped - a.tx_dropped, 0);
	KEXPECT_EQ(b.rx_errors - a.rx_errors, 0);
}

KTEST(virtio_net_bad_frames)
{
	static uint8_t big[VIRTIO_NET_FRAME_MAX + 1];
	uint8_t *buf;
	int s;

	if (!virtio_net_probe()) {
		KEXPECT(virtio_net_present());
		return;
	}
	KEXPECT_EQ(virtio_net_xmit(big, sizeof(big)), -EINVAL);
	/* A buffer taken and given back unsent is free again. */
	s = virtio_net_tx_get(&buf);
	KEXPECT(s >= 0);
	KEXPECT_EQ(virtio_net_tx_put(s, 0), 0);
	KEXPECT_EQ(virtio_net_tx_put(-1, 60), -EINVAL);
}

/* With all TX buffers but one held, each frame waits for the one before
 * it: the sender sleeps on the full ring until the deferred half
 * reclaims the buffer (or finds it reclaimable at once). */
KTEST(virtio_net_tx_one_buffer)
{
	static int held[256];
	uint8_t f[ARP_FRAME], *buf;
	struct virtio_net_stats a, b;
	unsigned nheld = 0, n = 50;

	if (!virtio_net_probe() || !virtio_net_get_stats(&a)) {
		KEXPECT(virtio_net_present());
		return;
	}
	while (nheld < a.tx_slots - 1 && nheld < ARRAY_SIZE(held))
		KEXPECT((held[nheld++] = virtio_net_tx_get(&buf)) >= 0);
	build_request(f);
	hook_on();
	for (unsigned i = 0; i < n; i++)
		KEXPECT_EQ(virtio_net_xmit(f, sizeof(f)), 0);
	wait_event_timeout(&arp.wq, arp.replies >= n, 5000);
	hook_off();
	while (nheld)
		KEXPECT_EQ(virtio_net_tx_put(held[--nheld], 0), 0);
	virtio_net_get_stats(&b);
	printk("ktest: virtio-net: one TX buffer: %u replies, %llu sender "
	       "sleeps\n",
	       arp.replies, (unsigned long long)(b.tx_waits - a.tx_waits));
	KEXPECT_EQ(arp.replies, n);
	KEXPECT_EQ(b.tx_dropped - a.tx_dropped, 0);
}
