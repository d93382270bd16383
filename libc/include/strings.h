/* strings.h - the BSD string functions: case-insensitive comparison,
 * bit scans, and the old names for memset/memmove/memcmp. */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
int ffs(int i);
int ffsl(long i);
int ffsll(long long i);
void bzero(void *s, size_t n);
void bcopy(const void *src, void *dst, size_t n);
int bcmp(const void *a, const void *b, size_t n);

#endif
