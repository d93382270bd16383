/* drivers/virtio_net.h - the virtio-net card (one, eth0), in two halves.
 *
 * The driver knows Ethernet frames, not protocols: received frames go to
 * whoever set the receive hook (lwIP's netif glue, net/netif_virtio.c,
 * or a self-test before lwIP owns the card); frames to send come from
 * virtio_net_tx_get/put or virtio_net_xmit.  See virtio_net.c for the
 * halves and the rules.
 */
#ifndef DRIVERS_VIRTIO_NET_H
#define DRIVERS_VIRTIO_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VIRTIO_NET_MTU 1500
#define VIRTIO_NET_FRAME_MAX 1518 /* MTU + Ethernet header + a VLAN tag */

/* The receive hook: called by the deferred half (kworker) for each frame
 * (without the virtio header); frame is valid only during the call, so
 * the hook copies what it keeps.  It must not sleep.  Returns false if it
 * dropped the frame (counted in rx_dropped). */
typedef bool (*virtio_net_rx_fn)(void *arg, const void *frame, size_t len);

struct virtio_net_stats {
	uint64_t rx_packets, rx_bytes, rx_dropped, rx_errors;
	uint64_t tx_packets, tx_bytes, tx_dropped, tx_errors;
	uint64_t interrupts; /* top halves that found the ISR set */
	uint64_t tx_waits;   /* times a sender slept on a full TX ring */
	uint32_t rx_slots, tx_slots; /* buffers in each ring */
};

/* Finds the card, sets it up and fills its receive ring; false (with a
 * log line) if there is none or it cannot be used.  Idempotent: later
 * calls return the first one's answer. */
bool virtio_net_probe(void);
/* Whether probe found a working card. */
bool virtio_net_present(void);
/* The card's MAC address (from its configuration, or made up). */
void virtio_net_mac(uint8_t mac[6]);
/* Link state (always up unless the device reports VIRTIO_NET_F_STATUS). */
bool virtio_net_link_up(void);

/* Sets the receive hook (NULL: drop everything); returns the old one in
 * *old_fn and *old_arg when they are not NULL. */
void virtio_net_set_rx(virtio_net_rx_fn fn, void *arg, virtio_net_rx_fn *old_fn,
		       void **old_arg);

/* The link hook: called by the deferred half (must not sleep) when the
 * device reports its link went up or down (VIRTIO_NET_F_STATUS). */
typedef void (*virtio_net_link_fn)(void *arg, bool up);
void virtio_net_set_link_hook(virtio_net_link_fn fn, void *arg);

/* Sending, in task context only (it may sleep).  virtio_net_tx_get waits
 * for a free TX buffer, sleeping while the ring is full until the
 * deferred half reclaims one; it returns the buffer's number and sets
 * *frame to where up to VIRTIO_NET_FRAME_MAX bytes go; -ENODEV without a
 * card, -ETIMEDOUT when the device returned nothing for seconds.
 * virtio_net_tx_put queues those len bytes and notifies the device. */
int virtio_net_tx_get(uint8_t **frame);
int virtio_net_tx_put(int buf, size_t len);
/* Both, copying frame in: 0 or -errno. */
int virtio_net_xmit(const void *frame, size_t len);

/* The counters (for /proc/net/dev); false without a card. */
bool virtio_net_get_stats(struct virtio_net_stats *st);

#endif
