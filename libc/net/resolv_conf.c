/* libc/net/resolv_conf.c - where the resolver looks: the hosts file and
 * resolv.conf, read afresh on every lookup (files are small; a program
 * sees a changed /etc/resolv.conf, the DHCP-written /proc/net/pnp, at
 * once).
 *
 * resolv.conf as glibc reads it: "nameserver ADDR" lines (IPv4; the first
 * three count; none means 127.0.0.1), "options timeout:N attempts:N"
 * (default 5 seconds and 2 rounds, at most 30 and 5), other lines and
 * options ignored (no search domains: names are looked up as given).
 * The RES_OPTIONS environment variable holds more options, applied after
 * the file's, as glibc does.
 *
 * The hooks (see <netdb.h>): LIBC_HOSTS and LIBC_RESOLV_CONF name other
 * files, LIBC_DNS_PORT another UDP port for the servers; a test points the
 * resolver at its own server on 127.0.0.1 with them. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resolv.h"

#define DEFAULT_TIMEOUT 5 /* seconds, glibc's RES_TIMEOUT */
#define DEFAULT_ATTEMPTS 2
#define MAX_TIMEOUT 30 /* glibc's RES_MAXRETRANS */
#define MAX_ATTEMPTS 5 /* glibc's RES_MAXRETRY */

static const char *hook(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v && *v ? v : fallback;
}

const char *__res_hosts_path(void)
{
	return hook("LIBC_HOSTS", "/etc/hosts");
}

static int clamp(long v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : (int)v;
}

/* "timeout:N attempts:N ..." (words separated by blanks) */
static void parse_options(struct res_conf *c, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, " \t\n");

		if (!strncmp(s, "timeout:", 8) && n > 8)
			c->timeout_ms =
			    clamp(strtol(s + 8, NULL, 10), 1, MAX_TIMEOUT) *
			    1000;
		else if (!strncmp(s, "attempts:", 9) && n > 9)
			c->attempts =
			    clamp(strtol(s + 9, NULL, 10), 1, MAX_ATTEMPTS);
		s += n;
		s += strspn(s, " \t\n");
	}
}

static void parse_line(struct res_conf *c, char *line, int port)
{
	char *word = line + strspn(line, " \t");
	size_t n = strcspn(word, " \t\n");
	char *arg = word + n + strspn(word + n, " \t");
	struct sockaddr_in *sa;

	if (n == 10 && !strncmp(word, "nameserver", 10)) {
		arg[strcspn(arg, " \t\n#;")] = 0;
		if (c->nservers == RES_MAXSERVERS)
			return;
		sa = &c->servers[c->nservers];
		if (inet_pton(AF_INET, arg, &sa->sin_addr) != 1)
			return; /* IPv6 servers are skipped */
		sa->sin_family = AF_INET;
		sa->sin_port = htons(port);
		c->nservers++;
	} else if (n == 7 && !strncmp(word, "options", 7)) {
		parse_options(c, arg);
	}
}

void __res_read_conf(struct res_conf *c)
{
	int port = clamp(atoi(hook("LIBC_DNS_PORT", "53")), 1, 65535);
	const char *opts = getenv("RES_OPTIONS");
	char *line = NULL;
	size_t size = 0;
	FILE *f;

	memset(c, 0, sizeof(*c));
	c->timeout_ms = DEFAULT_TIMEOUT * 1000;
	c->attempts = DEFAULT_ATTEMPTS;
	f = fopen(hook("LIBC_RESOLV_CONF", "/etc/resolv.conf"), "re");
	if (f) {
		while (getline(&line, &size, f) > 0)
			parse_line(c, line, port);
		free(line);
		fclose(f);
	}
	if (opts)
		parse_options(c, opts);
	if (c->nservers == 0) { /* glibc's default: a server on this host */
		c->servers[0].sin_family = AF_INET;
		c->servers[0].sin_port = htons(port);
		c->servers[0].sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		c->nservers = 1;
	}
}
