/* string.h - memory and string functions (libc/string/), in the C
 * locale; the GNU and BSD extensions are marked. */
#ifndef _STRING_H
#define _STRING_H

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memrchr(const void *s, int c, size_t n); /* GNU */
void *memccpy(void *restrict dst, const void *restrict src, int c, size_t n);
void *mempcpy(void *restrict dst, const void *restrict src, size_t n); /* GNU */
void *memmem(const void *hay, size_t hay_len, const void *needle,
	     size_t needle_len); /* GNU */

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcoll(const char *a, const char *b);
size_t strxfrm(char *restrict dst, const char *restrict src, size_t n);
char *strcpy(char *restrict dst, const char *restrict src);
char *strncpy(char *restrict dst, const char *restrict src, size_t n);
char *stpcpy(char *restrict dst, const char *restrict src);
char *stpncpy(char *restrict dst, const char *restrict src, size_t n);
char *strcat(char *restrict dst, const char *restrict src);
char *strncat(char *restrict dst, const char *restrict src, size_t n);
size_t strlcpy(char *restrict dst, const char *restrict src,
	       size_t size); /* BSD */
size_t strlcat(char *restrict dst, const char *restrict src,
	       size_t size); /* BSD */
char *strdup(const char *s);
char *strndup(const char *s, size_t max);

char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strchrnul(const char *s, int c); /* GNU */
char *strstr(const char *haystack, const char *needle);
char *strcasestr(const char *haystack, const char *needle); /* GNU */
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strtok(char *restrict s, const char *restrict delim);
char *strtok_r(char *restrict s, const char *restrict delim,
	       char **restrict save);
char *strsep(char **sp, const char *delim); /* BSD */

char *strerror(int errnum);
/* the POSIX one: 0, or EINVAL (unknown errnum) or ERANGE (cut short) */
int strerror_r(int errnum, char *buf, size_t size);
char *strsignal(int sig);

/* for programs that expect <string.h> to bring these, as glibc's does */
#include <strings.h>

#endif
