/* libc/net/hosts.c - the hosts file (/etc/hosts, or $LIBC_HOSTS): lines
 * "ADDRESS NAME [ALIAS...]", '#' to the end of a line a comment.  A name
 * matches its line's name or any alias, without regard to case; every
 * matching line adds its address (glibc's "multi on"), the first one's
 * NAME is the canonical name.  IPv4 and IPv6 addresses; lines whose
 * address is neither are skipped. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "resolv.h"

#define BLANKS " \t\r\n"

struct hosts_line {
	struct res_addr addr;
	char *names[1 + RES_MAXALIASES + 1]; /* NULL-terminated */
};

/* splits line (modified) into *h; 0 if it holds no entry */
static int parse(char *line, struct hosts_line *h)
{
	char *save = NULL, *word;
	int n = 0;

	line[strcspn(line, "#")] = 0;
	word = strtok_r(line, BLANKS, &save);
	if (!word)
		return 0;
	if (inet_pton(AF_INET, word, h->addr.bytes) == 1)
		h->addr.family = AF_INET;
	else if (inet_pton(AF_INET6, word, h->addr.bytes) == 1)
		h->addr.family = AF_INET6;
	else
		return 0;
	while (n < 1 + RES_MAXALIASES && (word = strtok_r(NULL, BLANKS, &save)))
		h->names[n++] = word;
	h->names[n] = NULL;
	return n > 0;
}

static int addr_len(int family)
{
	return family == AF_INET ? 4 : 16;
}

/* Calls fn for each entry of the hosts file until it returns nonzero;
 * that value, or 0. */
static int each_line(int (*fn)(struct hosts_line *, void *), void *arg)
{
	FILE *f = fopen(__res_hosts_path(), "re");
	char *line = NULL;
	size_t size = 0;
	struct hosts_line h;
	int r = 0;

	if (!f)
		return 0;
	while (!r && getline(&line, &size, f) > 0)
		if (parse(line, &h))
			r = fn(&h, arg);
	free(line);
	fclose(f);
	return r;
}

struct by_name {
	const char *name;
	int family;
	struct res_result *res;
};

static void add_addr(struct res_result *res, const struct res_addr *a)
{
	for (int i = 0; i < res->naddrs; i++)
		if (res->addrs[i].family == a->family &&
		    !memcmp(res->addrs[i].bytes, a->bytes, addr_len(a->family)))
			return;
	if (res->naddrs < RES_MAXADDRS)
		res->addrs[res->naddrs++] = *a;
}

static int match_name(struct hosts_line *h, void *arg)
{
	struct by_name *q = arg;

	if (q->family != AF_UNSPEC && q->family != h->addr.family)
		return 0;
	for (char **n = h->names; *n; n++) {
		if (strcasecmp(*n, q->name))
			continue;
		if (q->res->naddrs == 0)
			strlcpy(q->res->canon, h->names[0],
				sizeof(q->res->canon));
		add_addr(q->res, &h->addr);
		break;
	}
	return 0; /* on: later lines may add addresses */
}

int __hosts_by_name(const char *name, int family, struct res_result *res)
{
	struct by_name q = {name, family, res};
	struct res_addr sorted[RES_MAXADDRS];
	int n = 0;

	res->naddrs = 0;
	each_line(match_name, &q);
	/* IPv4 first: the OS has no IPv6, and clients try them in order */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < res->naddrs; i++)
			if ((res->addrs[i].family == AF_INET) == (pass == 0))
				sorted[n++] = res->addrs[i];
	memcpy(res->addrs, sorted, n * sizeof(sorted[0]));
	return res->naddrs ? 0 : EAI_NONAME;
}

struct by_addr {
	const struct res_addr *addr;
	char *name;
	size_t len;
};

static int match_addr(struct hosts_line *h, void *arg)
{
	struct by_addr *q = arg;

	if (h->addr.family != q->addr->family ||
	    memcmp(h->addr.bytes, q->addr->bytes, addr_len(h->addr.family)))
		return 0;
	strlcpy(q->name, h->names[0], q->len);
	return 1;
}

int __hosts_by_addr(const struct res_addr *a, char *name, size_t len)
{
	struct by_addr q = {a, name, len};

	return each_line(match_addr, &q) ? 0 : EAI_NONAME;
}
