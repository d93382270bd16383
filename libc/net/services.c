/* libc/net/services.c - service names and ports: a built-in table of the
 * well-known ones, as Debian's /etc/services has them (the image has no
 * services file), and getservbyname/getservbyport over it.  A service
 * given as a number is digits only, at most 65535 (glibc takes leading
 * blanks and cuts bigger numbers to 16 bits; we refuse those). */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "resolv.h"

struct service {
	const char *name;
	int port;
	const char *proto;
	const char *aliases[3];
};

static const struct service services[] = {
    {"echo", 7, "tcp", {0}},
    {"echo", 7, "udp", {0}},
    {"discard", 9, "tcp", {"sink", "null", 0}},
    {"discard", 9, "udp", {"sink", "null", 0}},
    {"daytime", 13, "tcp", {0}},
    {"daytime", 13, "udp", {0}},
    {"chargen", 19, "tcp", {"ttytst", "source", 0}},
    {"chargen", 19, "udp", {"ttytst", "source", 0}},
    {"ftp", 21, "tcp", {0}},
    {"ssh", 22, "tcp", {0}},
    {"telnet", 23, "tcp", {0}},
    {"smtp", 25, "tcp", {"mail", 0}},
    {"time", 37, "tcp", {"timserver", 0}},
    {"time", 37, "udp", {"timserver", 0}},
    {"domain", 53, "tcp", {0}},
    {"domain", 53, "udp", {0}},
    {"bootps", 67, "udp", {0}},
    {"bootpc", 68, "udp", {0}},
    {"tftp", 69, "udp", {0}},
    {"finger", 79, "tcp", {0}},
    {"http", 80, "tcp", {"www", 0}},
    {"pop3", 110, "tcp", {"pop-3", 0}},
    {"ntp", 123, "udp", {0}},
    {"imap2", 143, "tcp", {"imap", 0}},
    {"https", 443, "tcp", {0}},
    {"https", 443, "udp", {0}},
    {"syslog", 514, "udp", {0}},
    {"imaps", 993, "tcp", {0}},
    {"pop3s", 995, "tcp", {0}},
};

#define NSERVICES (sizeof(services) / sizeof(services[0]))

static int named(const struct service *s, const char *name)
{
	if (!strcmp(s->name, name))
		return 1;
	for (int i = 0; s->aliases[i]; i++)
		if (!strcmp(s->aliases[i], name))
			return 1;
	return 0;
}

static const struct service *by_name(const char *name, const char *proto)
{
	for (size_t i = 0; i < NSERVICES; i++)
		if (named(&services[i], name) &&
		    (!proto || !strcmp(services[i].proto, proto)))
			return &services[i];
	return NULL;
}

static const struct service *by_port(int port, const char *proto)
{
	for (size_t i = 0; i < NSERVICES; i++)
		if (services[i].port == port &&
		    (!proto || !strcmp(services[i].proto, proto)))
			return &services[i];
	return NULL;
}

int __service_port(const char *name, const char *proto)
{
	const struct service *s;

	if (*name >= '0' && *name <= '9') {
		char *end;
		unsigned long v = strtoul(name, &end, 10);

		return *end || v > 65535 ? -1 : (int)v;
	}
	s = by_name(name, proto);
	return s ? s->port : -1;
}

const char *__service_name(int port, const char *proto)
{
	const struct service *s = by_port(port, proto);

	return s ? s->name : NULL;
}

/* getservbyname/getservbyport: one static result, as glibc's */
static struct servent *fill(const struct service *s)
{
	static struct servent ent;

	if (!s)
		return NULL;
	ent.s_name = (char *)s->name;
	ent.s_aliases = (char **)s->aliases;
	ent.s_port = htons(s->port);
	ent.s_proto = (char *)s->proto;
	return &ent;
}

struct servent *getservbyname(const char *name, const char *proto)
{
	return fill(by_name(name, proto));
}

struct servent *getservbyport(int port, const char *proto)
{
	return fill(by_port(ntohs(port), proto));
}
