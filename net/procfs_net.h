/* net/procfs_net.h - counting lwIP's protocol control blocks, for
 * /proc/net/lwip (net/procfs_net.c) and the self-tests. */
#ifndef NET_PROCFS_NET_H
#define NET_PROCFS_NET_H

struct net_pcb_counts {
	unsigned tcp_active; /* connecting, connected or closing */
	unsigned tcp_listen;
	unsigned tcp_time_wait;
	unsigned tcp_bound; /* bound, neither listening nor connected */
	unsigned udp;
};

/* Walks lwIP's PCB lists now (no sleep, so no lock needed: see
 * procfs_net.c). */
void net_pcb_count(struct net_pcb_counts *c);

#endif
