/* kernel/tests/ktest_lwip.c - the lwIP port over loopback (127.0.0.1),
 * through lwIP's netconn API, before any socket exists: UDP both ways,
 * a TCP echo of 64 KiB (more than a window) checked byte for byte, 300
 * connections open at once, and 2,000 connect/close cycles (more
 * TIME_WAIT PCBs than the pool holds) after which the pools are back
 * where they were.  The servers are kernel threads of their own; the
 * test task is the client.  Both sleep in the port's semaphores and
 * mailboxes (net/sys_arch.c), so this is also their test; and the tcpip
 * thread, which runs all of TCP for both ends, must have used less than
 * half of its kernel stack.
 */
#include "kernel/ktest.h"

#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/time.h"
#include "lwip/api.h"
#include "lwip/memp.h"
#include "lwip/stats.h"
#include "lwip/tcpip.h"
#include "net/procfs_net.h"

#define PORT_UDP 7001
#define PORT_ECHO 7002
#define PORT_MANY 7003
#define PORT_CHURN 7004
#define ECHO_BYTES 65536
#define MANY 300
#define CHURN 2000

static const ip_addr_t lo = IPADDR4_INIT_BYTES(127, 0, 0, 1);

static u16_t pool_used(memp_t pool)
{
	return lwip_stats.memp[pool]->used;
}

static u32_t pool_err(memp_t pool)
{
	return lwip_stats.memp[pool]->err;
}

KTEST(lwip_udp_loopback)
{
	struct netconn *a = netconn_new(NETCONN_UDP), *b = netconn_new(NETCONN_UDP);
	struct netbuf *out = netbuf_new(), *in = NULL;
	ip_addr_t b_addr;
	u16_t b_port;

	KEXPECT(a && b && out);
	KEXPECT_EQ(netconn_bind(a, &lo, PORT_UDP), ERR_OK);
	KEXPECT_EQ(netconn_bind(b, &lo, 0), ERR_OK);
	KEXPECT_EQ(netconn_getaddr(b, &b_addr, &b_port, 1), ERR_OK);
	KEXPECT_EQ(netbuf_ref(out, "ping", 4), ERR_OK);
	KEXPECT_EQ(netconn_sendto(b, out, &lo, PORT_UDP), ERR_OK);
	KEXPECT_EQ(netconn_recv(a, &in), ERR_OK);
	if (in) {
		KEXPECT_EQ(netbuf_len(in), 4);
		KEXPECT(!memcmp(in->p->payload, "ping", 4));
		KEXPECT_EQ(netbuf_fromport(in), b_port);
		KEXPECT(ip_addr_cmp(netbuf_fromaddr(in), &lo));
		/* and back, to where it came from */
		KEXPECT_EQ(netconn_sendto(a, in, netbuf_fromaddr(in), b_port), ERR_OK);
		netbuf_delete(in);
		in = NULL;
	}
	KEXPECT_EQ(netconn_recv(b, &in), ERR_OK);
	if (in) {
		KEXPECT_EQ(netbuf_fromport(in), PORT_UDP);
		netbuf_delete(in);
	}
	netbuf_delete(out);
	netconn_delete(a);
	netconn_delete(b);
}

/* --- a TCP server thread for `conns` connections, each echoed until the
 * client closes it: one at a time, or (hold) all accepted first, then
 * served in the order they came */

struct server {
	struct netconn *listener;
	int conns;
	bool hold;
	int accepted, errors;
	sys_sem_t done;
};

/* Echoes what comes on c until the peer closes; false on an error. */
static bool serve_echo(struct netconn *c)
{
	struct netbuf *buf;
	err_t err;

	while ((err = netconn_recv(c, &buf)) == ERR_OK) {
		do {
			void *data;
			u16_t len;
			netbuf_data(buf, &data, &len);
			if (netconn_write(c, data, len, NETCONN_COPY) != ERR_OK)
				err = ERR_ABRT;
		} while (netbuf_next(buf) >= 0);
		netbuf_delete(buf);
		if (err == ERR_ABRT)
			return false;
	}
	return err == ERR_CLSD;
}

static void serve(struct server *s, struct netconn *c)
{
	if (!serve_echo(c))
		s->errors++;
	netconn_delete(c);
}

static void server_thread(void *arg)
{
	struct server *s = arg;
	struct netconn **held = s->hold ? kmalloc(s->conns * sizeof(*held)) : NULL;
	struct netconn *c;

	while (s->accepted < s->conns && (!s->hold || held)) {
		if (netconn_accept(s->listener, &c) != ERR_OK)
			break;
		if (held)
			held[s->accepted] = c;
		else
			serve(s, c);
		s->accepted++;
	}
	for (int i = 0; held && i < s->accepted; i++)
		serve(s, held[i]);
	kfree(held);
	sys_sem_signal(&s->done);
}

/* Starts a server on port; false if it could not listen. */
static bool server_start(struct server *s, u16_t port, int conns, bool hold)
{
	memset(s, 0, sizeof(*s));
	s->conns = conns;
	s->hold = hold;
	s->listener = netconn_new(NETCONN_TCP);
	if (!s->listener || netconn_bind(s->listener, &lo, port) != ERR_OK ||
	    netconn_listen_with_backlog(s->listener, 255) != ERR_OK)
		return false;
	sys_sem_new(&s->done, 0);
	return kthread_create("ktest-server", server_thread, s) != NULL;
}

static void server_stop(struct server *s)
{
	sys_arch_sem_wait(&s->done, 0);
	sys_sem_free(&s->done);
	netconn_delete(s->listener);
}

static struct netconn *connect_lo(u16_t port)
{
	struct netconn *c = netconn_new(NETCONN_TCP);

	if (c && netconn_connect(c, &lo, port) != ERR_OK) {
		netconn_delete(c);
		return NULL;
	}
	return c;
}

/* Receives exactly n bytes into buf; false if the stream ended first. */
static bool recv_all(struct netconn *c, uint8_t *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		struct netbuf *nb;
		if (netconn_recv(c, &nb) != ERR_OK)
			return false;
		got += netbuf_copy(nb, buf + got, (u16_t)MIN(n - got, 0xFFFFu));
		netbuf_delete(nb);
	}
	return true;
}

KTEST(lwip_tcp_echo_64k)
{
	uint8_t *out = kmalloc(ECHO_BYTES), *in = kzalloc(ECHO_BYTES);
	struct server s;
	struct netconn *c;

	KEXPECT(out && in);
	if (!out || !in)
		goto out_free;
	for (size_t i = 0; i < ECHO_BYTES; i++)
		out[i] = (uint8_t)(i * 7 + (i >> 8));
	KEXPECT(server_start(&s, PORT_ECHO, 1, false));
	c = connect_lo(PORT_ECHO);
	KEXPECT(c != NULL);
	if (c) {
		KEXPECT_EQ(netconn_write(c, out, ECHO_BYTES, NETCONN_COPY), ERR_OK);
		KEXPECT(recv_all(c, in, ECHO_BYTES));
		KEXPECT(!memcmp(in, out, ECHO_BYTES));
		KEXPECT_EQ(netconn_close(c), ERR_OK);
		netconn_delete(c);
	}
	server_stop(&s);
	KEXPECT_EQ(s.accepted, 1);
	KEXPECT_EQ(s.errors, 0);
	KEXPECT(sys_tcpip_stack_used() < KSTACK_SIZE / 2);
out_free:
	kfree(out);
	kfree(in);
}

KTEST(lwip_tcp_300_connections_at_once)
{
	static struct netconn *c[MANY];
	u32_t errs_before = pool_err(MEMP_TCP_PCB) + pool_err(MEMP_NETCONN);
	struct server s;
	int open = 0, echoed = 0;

	KEXPECT(server_start(&s, PORT_MANY, MANY, true));
	for (int i = 0; i < MANY; i++)
		if ((c[i] = connect_lo(PORT_MANY)))
			open++;
	KEXPECT_EQ(open, MANY);
	/* the server echoes one connection at a time, in accept order,
	 * until it closes: each client in turn says its number */
	for (int i = 0; i < MANY; i++) {
		char msg[4] = { 'c', (char)(i >> 8), (char)i, '!' }, back[4];
		if (!c[i])
			continue;
		if (netconn_write(c[i], msg, 4, NETCONN_COPY) == ERR_OK &&
		    recv_all(c[i], (uint8_t *)back, 4) && !memcmp(msg, back, 4))
			echoed++;
		netconn_close(c[i]);
		netconn_delete(c[i]);
	}
	KEXPECT_EQ(echoed, MANY);
	server_stop(&s);
	KEXPECT_EQ(s.accepted, MANY);
	KEXPECT_EQ(s.errors, 0);
	KEXPECT_EQ(pool_err(MEMP_TCP_PCB) + pool_err(MEMP_NETCONN), errs_before);
	KEXPECT(sys_tcpip_stack_used() < KSTACK_SIZE / 2);
}

KTEST(lwip_tcp_2000_connect_close_cycles)
{
	u16_t netconns = pool_used(MEMP_NETCONN), segs = pool_used(MEMP_TCP_SEG);
	u16_t pbufs = pool_used(MEMP_PBUF_POOL);
	struct net_pcb_counts before, after;
	struct server s;
	int ok = 0;

	u32_t pcb_errs = pool_err(MEMP_TCP_PCB);
	uint64_t start = time_ns();

	net_pcb_count(&before);
	KEXPECT(server_start(&s, PORT_CHURN, CHURN, false));
	for (int i = 0; i < CHURN; i++) {
		struct netconn *c = connect_lo(PORT_CHURN);
		if (!c)
			continue;
		if (netconn_close(c) == ERR_OK)
			ok++;
		netconn_delete(c);
	}
	server_stop(&s);
	KEXPECT_EQ(ok, CHURN);
	KEXPECT_EQ(s.accepted, CHURN);
	KEXPECT_EQ(s.errors, 0);
	/* every connection is gone or in TIME_WAIT; nothing else is held */
	net_pcb_count(&after);
	printk("ktest: lwIP: %d connect/close cycles in %u ms, %u left in "
	       "TIME_WAIT; tcpip thread stack: %u of %u bytes used\n", CHURN,
	       (unsigned)((time_ns() - start) / 1000000u), after.tcp_time_wait,
	       (unsigned)sys_tcpip_stack_used(), (unsigned)KSTACK_SIZE);
	/* the pool filled up with TIME_WAITs, and lwIP recycled the oldest
	 * each time: no allocation failed (lwIP uncounts a failure that
	 * recycling made good) */
	KEXPECT_EQ(pool_err(MEMP_TCP_PCB), pcb_errs);
	KEXPECT_EQ(after.tcp_active, before.tcp_active);
	KEXPECT_EQ(after.tcp_listen, before.tcp_listen);
	KEXPECT(after.tcp_time_wait <= MEMP_NUM_TCP_PCB);
	KEXPECT_EQ(pool_used(MEMP_TCP_PCB),
		   after.tcp_active + after.tcp_time_wait + after.tcp_bound);
	KEXPECT_EQ(pool_used(MEMP_NETCONN), netconns);
	KEXPECT_EQ(pool_used(MEMP_TCP_SEG), segs);
	KEXPECT_EQ(pool_used(MEMP_PBUF_POOL), pbufs);
	KEXPECT(sys_tcpip_stack_used() < KSTACK_SIZE / 2);
}
