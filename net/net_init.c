/* net/net_init.c - network bring-up at boot (see net_init.h).
 *
 * Order: tcpip_init() starts lwIP's tcpip thread (lwIP adds lo itself,
 * LWIP_HAVE_LOOPIF); kmain waits only until that thread runs.  Then, if
 * virtio_net_probe() finds the card, eth0 is added with the driver's
 * netif init function and tcpip_input as its input (frames enter through
 * the tcpip thread's mailbox), and configured:
 *   ip=dhcp (default)   dhcp_start(): lwIP's DHCP client runs in the
 *                       tcpip thread; the boot waits for the address at
 *                       most DHCP_WAIT_MS, then goes on (the address
 *                       comes in the background when a server answers)
 *   ip=A/P:G            a static address, bound before net_init returns
 * A malformed or unusable ip= value is reported on the console and DHCP
 * is used instead.  eth0's status callback (tcpip thread, or here for a
 * static address) logs the address when one is bound.
 *
 * The DNS servers for /proc/net/pnp come from the DHCP server's ACK
 * (net_dhcp_option, lwIP's option hook: net/lwip_hooks.h), else QEMU's
 * default 10.0.2.3.
 */
#include "net/net_init.h"

#include "drivers/virtio_net.h"
#include "lwip/dhcp.h"
#include "lwip/init.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/prot/dhcp.h"
#include "lwip/tcpip.h"

#include "kernel/cmdline.h"
#include "kernel/format.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "net/netif_virtio.h"

/* How long the boot waits for a DHCP answer (QEMU's comes within a few
 * ms) before going on without it: the address then comes later, in the
 * background.  The wait keeps the log in order (the address line before
 * "kernel: ready") when a server answers. */
#define DHCP_WAIT_MS 1000

static struct netif eth0;
static bool eth0_added;
static bool use_dhcp = true;
static sys_sem_t eth0_bound; /* signalled at each new address */
static uint32_t dns[NET_DNS_MAX]; /* from DHCP, host byte order */
static int dns_count;

struct netif *net_eth0(void)
{
	return eth0_added ? &eth0 : NULL;
}

const char *net_ifname(const struct netif *n, char *buf, size_t size)
{
	if (n == &eth0)
		return "eth0";
	if (n->name[0] == 'l' && n->name[1] == 'o')
		return "lo";
	ksnprintf(buf, size, "%c%c%u", n->name[0], n->name[1], n->num);
	return buf;
}

bool net_uses_dhcp(void)
{
	return use_dhcp;
}

int net_dns_servers(uint32_t *out, int max)
{
	int n = 0;

	for (; n < dns_count && n < max; n++)
		out[n] = dns[n];
	if (!n && max > 0)
		out[n++] = NET_DNS_DEFAULT;
	return n;
}

/* lwIP's DHCP option hook: keeps the DNS servers of an ACK. */
void net_dhcp_option(struct dhcp *dhcp, uint8_t msg_type, uint8_t option,
		     uint8_t len, struct pbuf *p, uint16_t offset)
{
	uint32_t addrs[NET_DNS_MAX];
	int n = MIN(len / 4, NET_DNS_MAX);

	if (dhcp != netif_dhcp_data(&eth0) || option != DHCP_OPTION_DNS_SERVER ||
	    msg_type != DHCP_ACK || !n)
		return;
	if (pbuf_copy_partial(p, addrs, (u16_t)(n * 4), offset) != n * 4)
		return;
	for (int i = 0; i < n; i++)
		dns[i] = lwip_ntohl(addrs[i]);
	dns_count = n;
}

static int mask_prefix(uint32_t mask)
{
	return __builtin_popcount(mask);
}

static uint32_t prefix_mask(int prefix)
{
	return prefix ? 0xFFFFFFFFu << (32 - prefix) : 0;
}

/* Logs eth0's address once it is bound (each new one once). */
static void eth0_status(struct netif *n)
{
	static uint32_t shown;
	const ip4_addr_t *a = netif_ip4_addr(n), *gw = netif_ip4_gw(n);

	if (!netif_is_up(n) || ip4_addr_isany(a) || a->addr == shown)
		return;
	shown = a->addr;
	sys_sem_signal(&eth0_bound);
	printk("net: eth0 %u.%u.%u.%u/%d gateway %u.%u.%u.%u\n",
	       ip4_addr1(a), ip4_addr2(a), ip4_addr3(a), ip4_addr4(a),
	       mask_prefix(lwip_ntohl(ip4_addr_get_u32(netif_ip4_netmask(n)))),
	       ip4_addr1(gw), ip4_addr2(gw), ip4_addr3(gw), ip4_addr4(gw));
}

/* Why a well-formed static configuration cannot be used, or NULL. */
static const char *static_problem(const struct ip_config *c)
{
	uint32_t mask = prefix_mask(c->prefix), host = c->addr & ~mask;

	if (c->prefix < 1 || c->prefix > 30)
		return "the prefix must be 1 to 30";
	if ((c->addr >> 24) == 0 || (c->addr >> 24) == 127 || (c->addr >> 28) >= 14)
		return "not a unicast address for an interface";
	if (host == 0 || host == ~mask)
		return "the subnet's network or broadcast address";
	if (c->gateway && ((c->gateway ^ c->addr) & mask))
		return "the gateway is outside the subnet";
	if (c->gateway == c->addr)
		return "the gateway is the address itself";
	return NULL;
}

/* An ip= word the command-line parser refused leaves DHCP in place
 * (kernel/cmdline.c warns about the word); say what DHCP means here. */
static void report_bad_ip_words(const struct boot_params *bp)
{
	const char *p = bp->words, *end = bp->words + CMDLINE_MAX;

	while (p < end) {
		if (!*p) {
			p++;
			continue;
		}
		if (!strcmp(p, "--"))
			return;
		if (!strncmp(p, "ip=", 3) && strcmp(p, "ip=dhcp") && bp->ip.dhcp)
			pr_err("net: bad %s (want ip=dhcp or ip=ADDR/PREFIX:GATEWAY): using DHCP\n",
			       p);
		p += strlen(p);
	}
}

static void tcpip_ready(void *sem)
{
	sys_sem_signal(sem);
}

/* Adds eth0 and configures it (the card was found). */
static void eth0_start(const struct ip_config *cfg)
{
	ip4_addr_t addr = { 0 }, mask = { 0 }, gw = { 0 };

	if (!use_dhcp) {
		ip4_addr_set_u32(&addr, lwip_htonl(cfg->addr));
		ip4_addr_set_u32(&mask, lwip_htonl(prefix_mask(cfg->prefix)));
		ip4_addr_set_u32(&gw, lwip_htonl(cfg->gateway));
	}
	LOCK_TCPIP_CORE();
	if (!netif_add(&eth0, &addr, &mask, &gw, NULL, virtio_netif_init,
		       tcpip_input)) {
		UNLOCK_TCPIP_CORE();
		pr_err("net: eth0: the driver's netif init failed\n");
		return;
	}
	eth0_added = true;
	netif_set_status_callback(&eth0, eth0_status);
	netif_set_default(&eth0);
	if (virtio_net_link_up())
		netif_set_link_up(&eth0);
	netif_set_up(&eth0);
	if (use_dhcp && dhcp_start(&eth0) != ERR_OK)
		pr_err("net: eth0: cannot start DHCP\n");
	UNLOCK_TCPIP_CORE();
	if (!use_dhcp)
		return;
	printk("net: eth0: DHCP started\n");
	if (sys_arch_sem_wait(&eth0_bound, DHCP_WAIT_MS) == SYS_ARCH_TIMEOUT)
		printk("net: eth0: no DHCP answer within %d ms; going on, the "
		       "address will come later\n", DHCP_WAIT_MS);
}

void net_init(void)
{
	const struct ip_config *cfg = &boot_params.ip;
	const char *why;
	sys_sem_t ready;

	sys_sem_new(&ready, 0);
	sys_sem_new(&eth0_bound, 0);
	tcpip_init(tcpip_ready, &ready);
	sys_arch_sem_wait(&ready, 0);
	sys_sem_free(&ready);
	printk("net: lwIP " LWIP_VERSION_STRING ", lo 127.0.0.1/8\n");

	report_bad_ip_words(&boot_params);
	use_dhcp = cfg->dhcp;
	if (!use_dhcp && (why = static_problem(cfg))) {
		pr_err("net: ip=%u.%u.%u.%u/%d:%u.%u.%u.%u: %s: using DHCP\n",
		       cfg->addr >> 24, cfg->addr >> 16 & 255, cfg->addr >> 8 & 255,
		       cfg->addr & 255, cfg->prefix, cfg->gateway >> 24,
		       cfg->gateway >> 16 & 255, cfg->gateway >> 8 & 255,
		       cfg->gateway & 255, why);
		use_dhcp = true;
	}
	if (!virtio_net_probe()) {
		printk("net: no network card: loopback only\n");
		return;
	}
	eth0_start(cfg);
}
