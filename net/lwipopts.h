/* net/lwipopts.h - how this kernel configures lwIP 2.1.3.
 *
 * The shape (DESIGN.md, Network): NO_SYS=0, so lwIP runs its tcpip
 * thread as a kernel thread (net/sys_arch.c); the netconn API on, lwIP's
 * own BSD sockets off (the kernel's socket files in net/socket*.c are
 * built on netconns); LWIP_TCPIP_CORE_LOCKING, so a netconn call runs in
 * the calling task under the core lock instead of a message round trip
 * to the tcpip thread.  Received frames still enter through the tcpip
 * thread's mailbox (tcpip_input), never under the lock: the driver's
 * deferred half must not sleep.  IPv4 only: Ethernet, ARP, DHCP, ICMP,
 * UDP, TCP and the loopback interface (127.0.0.1).  No DNS client (the
 * libc resolves); the DHCP server's DNS address is taken from the reply
 * by the option hook in net/lwip_hooks.h.
 *
 * Sizing, for >= 256 concurrent TCP connections inside a 128 MiB machine:
 * the fixed pools (memp, in the kernel's .bss) hold the control blocks,
 * segments and messages, each with room to spare; data lives in pbufs
 * from the pool (received frames) or from mem_malloc, which is kmalloc
 * here (MEM_LIBC_MALLOC): the send queues grow and shrink with use and
 * are bounded per connection by TCP_SND_BUF.  A full pool is an
 * allocation error that lwIP survives (a dropped frame, a refused
 * connection, ERR_MEM to the caller) and /proc/net/lwip counts it.
 *
 * TIME_WAIT: lwIP keeps a closed connection's PCB for 2 * TCP_MSL (60 s
 * here, as Linux's TCP_TIMEWAIT_LEN).  When the TCP_PCB pool is empty,
 * tcp_alloc() recycles the oldest TIME_WAIT PCB rather than failing, so
 * thousands of sequential connect/close cycles never run out; the
 * headroom above the live connections keeps that recycling rare.
 */
#ifndef NET_LWIPOPTS_H
#define NET_LWIPOPTS_H

/* --- the platform: threads, locking, memory */
#define NO_SYS 0
#define SYS_LIGHTWEIGHT_PROT 1 /* sys_arch_protect: interrupts off */
#define LWIP_TCPIP_CORE_LOCKING 1
#define LWIP_TCPIP_CORE_LOCKING_INPUT 0 /* tcpip_input posts, never locks */
#define LWIP_TCPIP_TIMEOUT 0
#define LWIP_ASSERT_CORE_LOCKED() sys_check_core_locking()
#define LWIP_MARK_TCPIP_THREAD() sys_mark_tcpip_thread()
#define MEM_ALIGNMENT 4
#define MEM_LIBC_MALLOC 1 /* mem_malloc/mem_free: kmalloc/kfree */
#define mem_clib_malloc net_mem_malloc
#define mem_clib_calloc net_mem_calloc
#define mem_clib_free net_mem_free
#define MEMP_MEM_MALLOC 0 /* the pools stay fixed: limits hold, stats mean */
#define MEMP_OVERFLOW_CHECK 0
#define LWIP_HOOK_FILENAME "net/lwip_hooks.h"

/* --- threads and mailboxes (stack sizes: every kernel thread has
 * KSTACK_SIZE, which /proc/net/lwip shows the tcpip thread's use of) */
#define TCPIP_THREAD_NAME "tcpip"
#define TCPIP_THREAD_STACKSIZE 16384
#define TCPIP_THREAD_PRIO 1
#define TCPIP_MBOX_SIZE 1024 /* received frames and callbacks in flight */
#define DEFAULT_THREAD_STACKSIZE 16384
#define DEFAULT_TCP_RECVMBOX_SIZE 128 /* segments waiting for the reader */
#define DEFAULT_UDP_RECVMBOX_SIZE 64
#define DEFAULT_RAW_RECVMBOX_SIZE 16
#define DEFAULT_ACCEPTMBOX_SIZE 256 /* connections waiting for accept */

/* --- pools (memp): counts of each kind of control block */
#define MEMP_NUM_TCP_PCB 1024 /* 256+ live, both ends of loopback, TIME_WAIT */
#define MEMP_NUM_TCP_PCB_LISTEN 32
#define MEMP_NUM_TCP_SEG 4096 /* queued segments, all connections together */
#define MEMP_NUM_UDP_PCB 64
#define MEMP_NUM_RAW_PCB 4
#define MEMP_NUM_NETCONN 1024
#define MEMP_NUM_NETBUF 256
#define MEMP_NUM_PBUF 512 /* PBUF_ROM/REF headers (no-copy writes) */
#define MEMP_NUM_TCPIP_MSG_API 128
#define MEMP_NUM_TCPIP_MSG_INPKT 1024
#define MEMP_NUM_ARP_QUEUE 64
#define MEMP_NUM_REASSDATA 8
#define IP_REASS_MAX_PBUFS 64
#define MEMP_NUM_FRAG_PBUF 32
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)
#define PBUF_POOL_SIZE 1024 /* received frames: about 1.5 MiB */

/* --- interfaces */
#define LWIP_ETHERNET 1
#define LWIP_ARP 1
#define ARP_TABLE_SIZE 16
#define ARP_QUEUEING 1
#define ETH_PAD_SIZE 0
#define LWIP_NETIF_STATUS_CALLBACK 1 /* net_init prints the bound address */
#define LWIP_NETIF_LINK_CALLBACK 1
#define LWIP_NETIF_LOOPBACK 1 /* packets to our own address loop back */
#define LWIP_HAVE_LOOPIF 1 /* lo: 127.0.0.1 */
#define LWIP_LOOPBACK_MAX_PBUFS 0
#define LWIP_SINGLE_NETIF 0

/* --- IPv4, DHCP, ICMP, UDP */
#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define IP_FORWARD 0
#define IP_REASSEMBLY 1
#define IP_FRAG 1
#define LWIP_ICMP 1
#define LWIP_RAW 0
#define LWIP_UDP 1
#define LWIP_DHCP 1
#define DHCP_DOES_ARP_CHECK 0 /* bind at once, as Linux does */
#define LWIP_AUTOIP 0
#define LWIP_IGMP 0
#define LWIP_DNS 0

/* --- TCP, sized for throughput: a full 16-bit window (44 segments of
 * an Ethernet MSS) each way */
#define LWIP_TCP 1
#define TCP_MSS 1460
#define TCP_WND (44 * TCP_MSS)
#define TCP_SND_BUF (44 * TCP_MSS)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF + TCP_MSS - 1) / TCP_MSS)
#define TCP_QUEUE_OOSEQ 1
#define TCP_MSL 30000UL /* TIME_WAIT = 2 * MSL = 60 s, as Linux */
#define TCP_LISTEN_BACKLOG 1
#define TCP_DEFAULT_LISTEN_BACKLOG 255
#define LWIP_TCP_KEEPALIVE 1
#define TCP_OVERSIZE TCP_MSS
#define LWIP_TCP_TIMESTAMPS 0
#define LWIP_WND_SCALE 0

/* --- the APIs: netconn for the kernel's sockets */
#define LWIP_NETCONN 1
#define LWIP_SOCKET 0
#define LWIP_COMPAT_SOCKETS 0
#define LWIP_NETIF_API 0
#define LWIP_NETCONN_SEM_PER_THREAD 0
#define LWIP_NETCONN_FULLDUPLEX 0
#define SO_REUSE 1 /* SO_REUSEADDR */
#define LWIP_SO_RCVTIMEO 0 /* the socket layer times its own waits */
#define LWIP_SO_SNDTIMEO 0
#define LWIP_SO_RCVBUF 0
#define LWIP_SO_LINGER 0

/* --- statistics, for /proc/net/lwip */
#define LWIP_STATS 1
#define LWIP_STATS_DISPLAY 0
#define LWIP_STATS_LARGE 1 /* 32-bit counters */
#define LINK_STATS 1
#define ETHARP_STATS 1
#define IP_STATS 1
#define IPFRAG_STATS 1
#define ICMP_STATS 1
#define UDP_STATS 1
#define TCP_STATS 1
#define MEM_STATS 1
#define MEMP_STATS 1
#define SYS_STATS 1
#define MIB2_STATS 1 /* per-interface counters (lo in /proc/net/dev) */

/* --- checksums in software (the driver may offload later) */
#define CHECKSUM_GEN_IP 1
#define CHECKSUM_GEN_UDP 1
#define CHECKSUM_GEN_TCP 1
#define CHECKSUM_GEN_ICMP 1
#define CHECKSUM_CHECK_IP 1
#define CHECKSUM_CHECK_UDP 1
#define CHECKSUM_CHECK_TCP 1
#define CHECKSUM_CHECK_ICMP 1

#endif
