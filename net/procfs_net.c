/* net/procfs_net.c - the text of /proc/net/ (the directory itself is
 * kernel/fs/procfs.c's; each file here is a show function).
 *
 *   dev   the interfaces with their counters, in Linux's format:
 *           Inter-|   Receive ...|  Transmit
 *            face |bytes packets errs drop fifo frame compressed multicast|bytes ...
 *             eth0:  123456   789    0    0    0     0          0         0 ...
 *         eth0's from the virtio-net driver, lo's from lwIP's MIB-II
 *         counters; fifo, frame, compressed, colls, carrier read 0.
 *   pnp   resolv.conf format, as Linux's IP autoconfiguration writes it:
 *         "#PROTO: DHCP" or "#MANUAL", then "nameserver A.B.C.D" lines
 *         (DHCP's servers, else 10.0.2.3); /etc/resolv.conf links here.
 *   tcp   lwIP's TCP PCBs in Linux's /proc/net/tcp format (sl,
 *   udp   local_address, rem_address as hex "0100007F:0007", st as
 *         Linux's state number: 0A listen, 01 established, 06 time-wait
 *         ...); queues, timers, uid and inode read 0.  For netstat.
 *   if_inet  our own format (Linux has only IPv6's if_inet6): a header
 *         line, then per interface, whitespace-separated,
 *           Iface Index Flags MTU HWaddr Address Netmask Broadcast
 *           eth0  2     0x1043 1500 52:54:00:12:34:56 10.0.2.15 ...
 *         Flags as Linux's SIOCGIFFLAGS (IFF_UP 0x1, IFF_BROADCAST 0x2,
 *         IFF_LOOPBACK 0x8, IFF_RUNNING 0x40), addresses dotted, 0.0.0.0
 *         for none.  For ifconfig and netstat -i (user/bin/ifconfig/).
 *   route Linux's /proc/net/route: a default route through eth0's
 *         gateway and the route to eth0's own network (hex addresses in
 *         memory order, flags RTF_UP 1 | RTF_GATEWAY 2).  For netstat -r.
 *   snmp  Linux's /proc/net/snmp from lwIP's MIB-II counters: "Ip:",
 *         "Icmp:", "Tcp:", "Udp:", "UdpLite:" pairs of lines, names then
 *         values.  For netstat -s.
 *   sockstat  Linux's /proc/net/sockstat: sockets open by kind
 *         (sock_get_stats) and lwIP's TCP PCBs (inuse: listening and
 *         active, tw: TIME_WAIT, orphan: active ones no socket holds).
 *   lwip  lwIP's statistics, so leaks show.  Every line is a kind, maybe
 *         a name, then "key value" pairs:
 *           pool NAME avail A used U max M err E
 *               one line per memory pool (memp): A is its size, U the
 *               blocks in use now, M the most ever in use, E the
 *               allocations that failed (when TCP_PCB is full lwIP
 *               recycles the oldest TIME_WAIT PCB: that is no failure)
 *           heap used U max M err E            mem_malloc (kmalloc), bytes
 *           sem|mutex|mbox used U max M err E  the port's objects (an
 *               mbox err is a full mailbox: a dropped frame)
 *           pcb tcp_active N tcp_listen N tcp_time_wait N tcp_bound N udp N
 *           proto NAME xmit N recv N fw N drop N chkerr N lenerr N
 *                 memerr N rterr N proterr N opterr N err N cachehit N
 *               lwIP's packet counters for link, etharp, ip_frag, ip,
 *               icmp, udp and tcp, one line each
 *           tcpip_stack used U size S      the tcpip thread's kernel
 *               stack high-water mark and size, in bytes
 *         Idle (nothing open, after the TIME_WAITs expire) the pools'
 *         "used" return to their boot values.
 *
 * Nothing here takes the tcpip core lock: each show function walks
 * lwIP's lists and counters without sleeping, and the kernel does not
 * preempt a task in the kernel, so no other task runs meanwhile and
 * interrupt handlers never touch lwIP (net/sys_arch.c).
 */
#include "net/procfs_net.h"

#include "drivers/virtio_net.h"
#include "kernel/format.h"
#include "kernel/fs/procfs_internal.h"
#include "kernel/kernel.h"
#include "kernel/task.h"
#include "lwip/memp.h"
#include "lwip/netif.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/stats.h"
#include "lwip/sys.h"
#include "lwip/tcp.h"
#include "lwip/udp.h"
#include "net/net_init.h"
#include "net/socket.h"

static const char *const pool_names[MEMP_MAX] = {
#define LWIP_MEMPOOL(name, num, size, desc) #name,
#include "lwip/priv/memp_std.h"
};

/* Appends to the text at buf + *len what fits of size; *len counts all
 * of it, so that a show function returns the length it wanted (procfs
 * then renders again into a buffer that big). */
static void __printf(4, 5) emit(char *buf, size_t size, size_t *len,
				const char *fmt, ...)
{
	bool room = *len < size;
	va_list ap;

	va_start(ap, fmt);
	*len += kvsnprintf(room ? buf + *len : NULL, room ? size - *len : 0,
			   fmt, ap);
	va_end(ap);
}

static unsigned list_length(const struct tcp_pcb *p)
{
	unsigned n = 0;

	for (; p; p = p->next)
		n++;
	return n;
}

void net_pcb_count(struct net_pcb_counts *c)
{
	c->tcp_active = list_length(tcp_active_pcbs);
	c->tcp_listen = list_length((const struct tcp_pcb *)tcp_listen_pcbs.pcbs);
	c->tcp_time_wait = list_length(tcp_tw_pcbs);
	c->tcp_bound = list_length(tcp_bound_pcbs);
	c->udp = 0;
	for (const struct udp_pcb *u = udp_pcbs; u; u = u->next)
		c->udp++;
}

/* --- /proc/net/dev */

/* The interfaces in the order they were added (lwIP lists the newest
 * first); returns how many fit in ifs[max]. */
static size_t netifs_in_order(struct netif **ifs, size_t max)
{
	struct netif *tmp[8], *n;
	size_t count = 0, i;

	NETIF_FOREACH(n)
		if (count < ARRAY_SIZE(tmp))
			tmp[count++] = n;
	for (i = 0; i < count && i < max; i++)
		ifs[i] = tmp[count - 1 - i];
	return i;
}


struct if_counters {
	uint64_t rx_bytes, rx_packets, rx_errs, rx_drop, rx_multicast;
	uint64_t tx_bytes, tx_packets, tx_errs, tx_drop;
};

static void if_counters(struct netif *n, struct if_counters *c)
{
	const struct stats_mib2_netif_ctrs *m = &n->mib2_counters;
	struct virtio_net_stats v;

	if (n == net_eth0() && virtio_net_get_stats(&v)) {
		*c = (struct if_counters){ v.rx_bytes, v.rx_packets, v.rx_errors,
					   v.rx_dropped, 0, v.tx_bytes,
					   v.tx_packets, v.tx_errors, v.tx_dropped };
		return;
	}
	*c = (struct if_counters){
		m->ifinoctets, m->ifinucastpkts + m->ifinnucastpkts, m->ifinerrors,
		m->ifindiscards, m->ifinnucastpkts, m->ifoutoctets,
		m->ifoutucastpkts + m->ifoutnucastpkts, m->ifouterrors,
		m->ifoutdiscards
	};
}

static size_t show_dev(char *buf, size_t size)
{
	struct netif *ifs[8];
	size_t len = 0, count = netifs_in_order(ifs, ARRAY_SIZE(ifs));

	emit(buf, size, &len, "Inter-|   Receive                            "
			      "                    |  Transmit\n"
			      " face |bytes    packets errs drop fifo frame "
			      "compressed multicast|bytes    packets errs drop "
			      "fifo colls carrier compressed\n");
	for (size_t i = 0; i < count; i++) {
		struct netif *n = ifs[i];
		struct if_counters c;
		char name[8];

		if_counters(n, &c);
		emit(buf, size, &len,
		     "%6s: %7llu %7llu %4llu %4llu    0     0          0 %9llu "
		     "%8llu %7llu %4llu %4llu    0     0       0          0\n",
		     net_ifname(n, name, sizeof(name)), c.rx_bytes, c.rx_packets,
		     c.rx_errs, c.rx_drop, c.rx_multicast, c.tx_bytes,
		     c.tx_packets, c.tx_errs, c.tx_drop);
	}
	return len;
}

/* --- /proc/net/pnp */

static size_t show_pnp(char *buf, size_t size)
{
	uint32_t dns[NET_DNS_MAX];
	int n = net_dns_servers(dns, NET_DNS_MAX);
	size_t len = 0;

	emit(buf, size, &len, net_uses_dhcp() ? "#PROTO: DHCP\n" : "#MANUAL\n");
	for (int i = 0; i < n; i++)
		emit(buf, size, &len, "nameserver %u.%u.%u.%u\n", dns[i] >> 24,
		     dns[i] >> 16 & 255, dns[i] >> 8 & 255, dns[i] & 255);
	return len;
}

/* --- /proc/net/tcp and udp */

/* Linux's TCP state numbers (include/net/tcp_states.h) by lwIP state. */
static const uint8_t linux_tcp_state[] = {
	[CLOSED] = 7,	   [LISTEN] = 10,     [SYN_SENT] = 2,
	[SYN_RCVD] = 3,	   [ESTABLISHED] = 1, [FIN_WAIT_1] = 4,
	[FIN_WAIT_2] = 5,  [CLOSE_WAIT] = 8,  [CLOSING] = 11,
	[LAST_ACK] = 9,	   [TIME_WAIT] = 6,
};

static void emit_sock(char *buf, size_t size, size_t *len, unsigned *sl,
		      const ip_addr_t *la, u16_t lport, const ip_addr_t *ra,
		      u16_t rport, unsigned state)
{
	emit(buf, size, len,
	     "%4u: %08X:%04X %08X:%04X %02X 00000000:00000000 00:00000000 "
	     "00000000     0        0 0 1 00000000\n",
	     (*sl)++, ip4_addr_get_u32(ip_2_ip4(la)), lport,
	     ip4_addr_get_u32(ip_2_ip4(ra)), rport, state);
}

static void emit_tcp_list(char *buf, size_t size, size_t *len, unsigned *sl,
			  const struct tcp_pcb *p)
{
	for (; p; p = p->next)
		/* a listening PCB is the shorter struct tcp_pcb_listen, with
		 * no remote_port (netstat tells listeners by remote port 0) */
		emit_sock(buf, size, len, sl, &p->local_ip, p->local_port,
			  &p->remote_ip, p->state == LISTEN ? 0 : p->remote_port,
			  p->state < ARRAY_SIZE(linux_tcp_state) ?
				  linux_tcp_state[p->state] : 7);
}

static const char sock_header[] =
	"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
	"retrnsmt   uid  timeout inode\n";

static size_t show_tcp(char *buf, size_t size)
{
	size_t len = 0;
	unsigned sl = 0;

	emit(buf, size, &len, "%s", sock_header);
	emit_tcp_list(buf, size, &len, &sl,
		      (const struct tcp_pcb *)tcp_listen_pcbs.pcbs);
	emit_tcp_list(buf, size, &len, &sl, tcp_active_pcbs);
	emit_tcp_list(buf, size, &len, &sl, tcp_tw_pcbs);
	return len;
}

static size_t show_udp(char *buf, size_t size)
{
	size_t len = 0;
	unsigned sl = 0;

	emit(buf, size, &len, "%s", sock_header);
	for (const struct udp_pcb *u = udp_pcbs; u; u = u->next)
		emit_sock(buf, size, &len, &sl, &u->local_ip, u->local_port,
			  &u->remote_ip, u->remote_port,
			  (u->flags & UDP_FLAGS_CONNECTED) ? 1 : 7);
	return len;
}

/* --- /proc/net/lwip */

static void emit_mem(char *buf, size_t size, size_t *len, const char *what,
		     const char *name, const struct stats_mem *m)
{
	emit(buf, size, len, "%s %s avail %u used %u max %u err %u\n", what,
	     name, (unsigned)m->avail, (unsigned)m->used, (unsigned)m->max,
	     (unsigned)m->err);
}

static void emit_sys(char *buf, size_t size, size_t *len, const char *name,
		     const struct stats_syselem *s)
{
	emit(buf, size, len, "%s used %u max %u err %u\n", name,
	     (unsigned)s->used, (unsigned)s->max, (unsigned)s->err);
}

static void emit_proto(char *buf, size_t size, size_t *len, const char *name,
		       const struct stats_proto *p)
{
	emit(buf, size, len,
	     "proto %s xmit %u recv %u fw %u drop %u chkerr %u lenerr %u "
	     "memerr %u rterr %u proterr %u opterr %u err %u cachehit %u\n",
	     name,
	     (unsigned)p->xmit, (unsigned)p->recv, (unsigned)p->fw,
	     (unsigned)p->drop, (unsigned)p->chkerr, (unsigned)p->lenerr,
	     (unsigned)p->memerr, (unsigned)p->rterr, (unsigned)p->proterr,
	     (unsigned)p->opterr, (unsigned)p->err, (unsigned)p->cachehit);
}

static size_t show_lwip(char *buf, size_t size)
{
	const struct stats_mem *h = &lwip_stats.mem;
	struct net_pcb_counts c;
	size_t len = 0;

	for (int i = 0; i < MEMP_MAX; i++)
		emit_mem(buf, size, &len, "pool", pool_names[i], lwip_stats.memp[i]);
	emit(buf, size, &len, "heap used %u max %u err %u\n", (unsigned)h->used,
	     (unsigned)h->max, (unsigned)h->err);
	emit_sys(buf, size, &len, "sem", &lwip_stats.sys.sem);
	emit_sys(buf, size, &len, "mutex", &lwip_stats.sys.mutex);
	emit_sys(buf, size, &len, "mbox", &lwip_stats.sys.mbox);
	net_pcb_count(&c);
	emit(buf, size, &len,
	     "pcb tcp_active %u tcp_listen %u tcp_time_wait %u tcp_bound %u udp %u\n",
	     c.tcp_active, c.tcp_listen, c.tcp_time_wait, c.tcp_bound, c.udp);
	emit_proto(buf, size, &len, "link", &lwip_stats.link);
	emit_proto(buf, size, &len, "etharp", &lwip_stats.etharp);
	emit_proto(buf, size, &len, "ip_frag", &lwip_stats.ip_frag);
	emit_proto(buf, size, &len, "ip", &lwip_stats.ip);
	emit_proto(buf, size, &len, "icmp", &lwip_stats.icmp);
	emit_proto(buf, size, &len, "udp", &lwip_stats.udp);
	emit_proto(buf, size, &len, "tcp", &lwip_stats.tcp);
	emit(buf, size, &len, "tcpip_stack used %u size %u\n",
	     (unsigned)sys_tcpip_stack_used(), (unsigned)KSTACK_SIZE);
	return len;
}

/* --- /proc/net/if_inet */

/* Linux's interface flags (include/uapi/linux/if.h), as SIOCGIFFLAGS
 * gives them. */
#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_LOOPBACK 0x8
#define IFF_RUNNING 0x40

static bool is_loopback(const struct netif *n)
{
	return n->name[0] == 'l' && n->name[1] == 'o';
}

static unsigned if_flags(const struct netif *n)
{
	unsigned f = 0;

	if (netif_is_up(n))
		f |= IFF_UP;
	if (n->flags & NETIF_FLAG_BROADCAST)
		f |= IFF_BROADCAST;
	if (is_loopback(n))
		f |= IFF_LOOPBACK;
	if (netif_is_link_up(n))
		f |= IFF_RUNNING;
	return f;
}

static const char *dotted(const ip4_addr_t *a, char *buf)
{
	return ip4addr_ntoa_r(a, buf, IP4ADDR_STRLEN_MAX);
}

static void emit_if_inet(char *buf, size_t size, size_t *len,
			 const struct netif *n)
{
	char name[8], a[IP4ADDR_STRLEN_MAX], m[IP4ADDR_STRLEN_MAX],
	    b[IP4ADDR_STRLEN_MAX];
	const ip4_addr_t *addr = netif_ip4_addr(n), *mask = netif_ip4_netmask(n);
	ip4_addr_t bcast = { 0 };
	const u8_t *hw = n->hwaddr;
	/* lwIP's loopback has no MTU (0: it passes any pbuf chain); Linux's
	 * lo shows 65536 */
	unsigned mtu = n->mtu ? n->mtu : 65536;

	if ((n->flags & NETIF_FLAG_BROADCAST) && !ip4_addr_isany(addr))
		ip4_addr_set_u32(&bcast, ip4_addr_get_u32(addr) |
						 ~ip4_addr_get_u32(mask));
	emit(buf, size, len,
	     "%-6s %5u 0x%04x %5u %02x:%02x:%02x:%02x:%02x:%02x %-15s %-15s %s\n",
	     net_ifname(n, name, sizeof(name)), netif_get_index(n), if_flags(n),
	     mtu, hw[0], hw[1], hw[2], hw[3], hw[4], hw[5], dotted(addr, a),
	     dotted(mask, m), dotted(&bcast, b));
}

static size_t show_if_inet(char *buf, size_t size)
{
	struct netif *ifs[8];
	size_t len = 0, count = netifs_in_order(ifs, ARRAY_SIZE(ifs));

	emit(buf, size, &len, "Iface  Index Flags    MTU HWaddr            "
			      "Address         Netmask         Broadcast\n");
	for (size_t i = 0; i < count; i++)
		emit_if_inet(buf, size, &len, ifs[i]);
	return len;
}

/* --- /proc/net/route */

#define RTF_UP 0x1
#define RTF_GATEWAY 0x2

/* One line, padded to 127 characters as Linux's. */
static void emit_route(char *buf, size_t size, size_t *len, const char *name,
		       uint32_t dest, uint32_t gw, unsigned flags, uint32_t mask)
{
	char line[128];

	ksnprintf(line, sizeof(line), "%s\t%08X\t%08X\t%04X\t0\t0\t0\t%08X\t0\t0\t0",
		  name, dest, gw, flags, mask);
	emit(buf, size, len, "%-127s\n", line);
}

static size_t show_route(char *buf, size_t size)
{
	struct netif *ifs[8];
	size_t len = 0, count = netifs_in_order(ifs, ARRAY_SIZE(ifs));
	char header[128];

	ksnprintf(header, sizeof(header), "Iface\tDestination\tGateway \tFlags\t"
					  "RefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT");
	emit(buf, size, &len, "%-127s\n", header);
	for (size_t i = 0; i < count; i++) {
		const struct netif *n = ifs[i];
		uint32_t a = ip4_addr_get_u32(netif_ip4_addr(n));
		uint32_t m = ip4_addr_get_u32(netif_ip4_netmask(n));
		uint32_t gw = ip4_addr_get_u32(netif_ip4_gw(n));
		char buf8[8];
		const char *name;

		/* Linux keeps lo's routes in its local table, not here */
		if (is_loopback(n) || !netif_is_up(n) || a == 0)
			continue;
		name = net_ifname(n, buf8, sizeof(buf8));
		if (n == netif_default && gw)
			emit_route(buf, size, &len, name, 0, gw,
				   RTF_UP | RTF_GATEWAY, 0);
		emit_route(buf, size, &len, name, a & m, 0, RTF_UP, m);
	}
	return len;
}

/* --- /proc/net/snmp */

/* ESTABLISHED or CLOSE_WAIT: RFC 1213's tcpCurrEstab */
static unsigned tcp_curr_estab(void)
{
	unsigned n = 0;

	for (const struct tcp_pcb *p = tcp_active_pcbs; p; p = p->next)
		n += p->state == ESTABLISHED || p->state == CLOSE_WAIT;
	return n;
}

static size_t show_snmp(char *buf, size_t size)
{
	const struct stats_mib2 *m = &lwip_stats.mib2;
	size_t len = 0;

	emit(buf, size, &len,
	     "Ip: Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors "
	     "ForwDatagrams InUnknownProtos InDiscards InDelivers OutRequests "
	     "OutDiscards OutNoRoutes ReasmTimeout ReasmReqds ReasmOKs "
	     "ReasmFails FragOKs FragFails FragCreates\n"
	     "Ip: %u %u %u %u %u %u %u %u %u %u %u %u 0 %u %u %u %u %u %u\n",
	     IP_FORWARD ? 1 : 2, IP_DEFAULT_TTL, m->ipinreceives,
	     m->ipinhdrerrors, m->ipinaddrerrors, m->ipforwdatagrams,
	     m->ipinunknownprotos, m->ipindiscards, m->ipindelivers,
	     m->ipoutrequests, m->ipoutdiscards, m->ipoutnoroutes,
	     m->ipreasmreqds, m->ipreasmoks, m->ipreasmfails, m->ipfragoks,
	     m->ipfragfails, m->ipfragcreates);
	emit(buf, size, &len,
	     "Icmp: InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds "
	     "InParmProbs InSrcQuenchs InRedirects InEchos InEchoReps "
	     "InTimestamps InTimestampReps InAddrMasks InAddrMaskReps OutMsgs "
	     "OutErrors OutDestUnreachs OutTimeExcds OutParmProbs "
	     "OutSrcQuenchs OutRedirects OutEchos OutEchoReps OutTimestamps "
	     "OutTimestampReps OutAddrMasks OutAddrMaskReps\n"
	     "Icmp: %u %u 0 %u %u %u %u %u %u %u %u %u %u %u %u %u %u %u 0 0 "
	     "0 %u %u 0 0 0 0\n",
	     m->icmpinmsgs, m->icmpinerrors, m->icmpindestunreachs,
	     m->icmpintimeexcds, m->icmpinparmprobs, m->icmpinsrcquenchs,
	     m->icmpinredirects, m->icmpinechos, m->icmpinechoreps,
	     m->icmpintimestamps, m->icmpintimestampreps, m->icmpinaddrmasks,
	     m->icmpinaddrmaskreps, m->icmpoutmsgs, m->icmpouterrors,
	     m->icmpoutdestunreachs, m->icmpouttimeexcds, m->icmpoutechos,
	     m->icmpoutechoreps);
	/* RtoAlgorithm..MaxConn: Linux's values (lwIP's RTO is likewise
	 * Van Jacobson's, bounded by its slow timer) */
	emit(buf, size, &len,
	     "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens "
	     "AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs "
	     "InErrs OutRsts InCsumErrors\n"
	     "Tcp: 1 200 120000 -1 %u %u %u %u %u %u %u %u %u %u 0\n",
	     m->tcpactiveopens, m->tcppassiveopens, m->tcpattemptfails,
	     m->tcpestabresets, tcp_curr_estab(), m->tcpinsegs, m->tcpoutsegs,
	     m->tcpretranssegs, m->tcpinerrs, m->tcpoutrsts);
	emit(buf, size, &len,
	     "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors "
	     "SndbufErrors InCsumErrors IgnoredMulti MemErrors\n"
	     "Udp: %u %u %u %u 0 0 0 0 0\n"
	     "UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors "
	     "SndbufErrors InCsumErrors IgnoredMulti MemErrors\n"
	     "UdpLite: 0 0 0 0 0 0 0 0 0\n",
	     m->udpindatagrams, m->udpnoports, m->udpinerrors,
	     m->udpoutdatagrams);
	return len;
}

/* --- /proc/net/sockstat */

static size_t show_sockstat(char *buf, size_t size)
{
	struct net_pcb_counts c;
	struct sock_stats st;
	unsigned orphans = 0;
	size_t len = 0;

	sock_get_stats(&st);
	net_pcb_count(&c);
	for (const struct tcp_pcb *p = tcp_active_pcbs; p; p = p->next)
		orphans += p->callback_arg == NULL;
	emit(buf, size, &len,
	     "sockets: used %u\n"
	     "TCP: inuse %u orphan %u tw %u alloc %u mem 0\n"
	     "UDP: inuse %u mem 0\n"
	     "UDPLITE: inuse 0\n"
	     "RAW: inuse 0\n"
	     "FRAG: inuse 0 memory 0\n",
	     st.tcp + st.udp + st.unix_stream, c.tcp_listen + c.tcp_active,
	     orphans, c.tcp_time_wait, c.tcp_listen + c.tcp_active, c.udp);
	return len;
}

const struct proc_file proc_net_files[] = {
	{ .name = "dev", .show = show_dev },
	{ .name = "pnp", .show = show_pnp },
	{ .name = "tcp", .show = show_tcp },
	{ .name = "udp", .show = show_udp },
	{ .name = "lwip", .show = show_lwip },
	{ .name = "if_inet", .show = show_if_inet },
	{ .name = "route", .show = show_route },
	{ .name = "snmp", .show = show_snmp },
	{ .name = "sockstat", .show = show_sockstat },
};
const size_t proc_net_file_count = ARRAY_SIZE(proc_net_files);
