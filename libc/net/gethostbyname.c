/* libc/net/gethostbyname.c - the older lookups: gethostbyname and
 * gethostbyaddr (IPv4), with one static result and their errors in
 * h_errno, over the same numeric, hosts-file and DNS steps as
 * getaddrinfo; hstrerror and herror with glibc's texts. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "resolv.h"

int h_errno;

static struct {
	struct hostent ent;
	char name[RES_MAXNAME];
	char *aliases[1];
	char *list[RES_MAXADDRS + 1];
	struct in_addr addrs[RES_MAXADDRS];
} result;

static struct hostent *fail(int eai)
{
	h_errno = eai == EAI_NONAME   ? HOST_NOT_FOUND
		  : eai == EAI_NODATA ? NO_DATA
		  : eai == EAI_AGAIN  ? TRY_AGAIN
		  : eai == EAI_FAIL   ? NO_RECOVERY
				      : NETDB_INTERNAL;
	return NULL;
}

/* the static hostent for name and the IPv4 addresses of res */
static struct hostent *fill(const char *name, const struct res_result *res)
{
	int n = 0;

	strlcpy(result.name, name, sizeof(result.name));
	for (int i = 0; i < res->naddrs; i++)
		if (res->addrs[i].family == AF_INET) {
			memcpy(&result.addrs[n], res->addrs[i].bytes, 4);
			result.list[n] = (char *)&result.addrs[n];
			n++;
		}
	if (n == 0)
		return fail(EAI_NODATA);
	result.list[n] = NULL;
	result.aliases[0] = NULL;
	result.ent.h_name = result.name;
	result.ent.h_aliases = result.aliases;
	result.ent.h_addrtype = AF_INET;
	result.ent.h_length = 4;
	result.ent.h_addr_list = result.list;
	h_errno = NETDB_SUCCESS;
	return &result.ent;
}

struct hostent *gethostbyname(const char *name)
{
	struct res_result res;
	struct in_addr in;
	int r;

	res.naddrs = 0;
	if (!strpbrk(name, " \t\n\v\f\r") && inet_aton(name, &in)) {
		res.naddrs = 1;
		res.addrs[0].family = AF_INET;
		memcpy(res.addrs[0].bytes, &in, 4);
		return fill(name, &res); /* a number is its own name */
	}
	r = __hosts_by_name(name, AF_INET, &res);
	if (r)
		r = __dns_lookup_a(name, &res);
	return r ? fail(r) : fill(res.canon, &res);
}

struct hostent *gethostbyaddr(const void *addr, socklen_t len, int type)
{
	struct res_result res = {.naddrs = 1};
	int r;

	if (type != AF_INET || len != 4)
		return fail(EAI_FAMILY);
	res.addrs[0].family = AF_INET;
	memcpy(res.addrs[0].bytes, addr, 4);
	r = __hosts_by_addr(&res.addrs[0], res.canon, sizeof(res.canon));
	if (r)
		r = __dns_lookup_ptr(addr, res.canon, sizeof(res.canon));
	return r ? fail(r) : fill(res.canon, &res);
}

const char *hstrerror(int err)
{
	static const char *const texts[] = {
	    "Resolver Error 0 (no error)",     "Unknown host",
	    "Host name lookup failure",	       "Unknown server error",
	    "No address associated with name",
	};

	if (err == NETDB_INTERNAL)
		return "Resolver internal error";
	if (err >= 0 && err < (int)(sizeof(texts) / sizeof(texts[0])))
		return texts[err];
	return "Unknown resolver error";
}

void herror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, hstrerror(h_errno));
	else
		fprintf(stderr, "%s\n", hstrerror(h_errno));
}
