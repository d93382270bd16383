/* net/include/stdlib.h - <stdlib.h> for lwIP: it wants only atoi (to read
 * the number in an interface name such as "en0"; netif_find).  Our
 * lwipopts.h keeps malloc out of it (mem_malloc is mapped to kmalloc). */
#ifndef NET_INCLUDE_STDLIB_H
#define NET_INCLUDE_STDLIB_H

static inline int atoi(const char *s)
{
	int v = 0, neg = *s == '-';

	if (*s == '-' || *s == '+')
		s++;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return neg ? -v : v;
}

#endif
