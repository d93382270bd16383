/* kernel/string.h - the kernel's <string.h>.
 *
 * Same names and prototypes as the C library's, so pure kernel code (the
 * formatter, the command-line parser) also compiles and links on the host
 * against glibc for the unit tests.
 */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);

/* Copies at most size-1 bytes and always NUL-terminates (if size > 0);
 * returns strlen(src), so a result >= size means truncation. */
size_t strlcpy(char *dst, const char *src, size_t size);

#endif
