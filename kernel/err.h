/* kernel/err.h - error pointers, as in Linux: a function returning a
 * pointer returns either a valid pointer or ERR_PTR(-errno), and callers
 * test it with IS_ERR().  The top 4095 addresses are never valid objects. */
#ifndef KERNEL_ERR_H
#define KERNEL_ERR_H

#include <stdbool.h>
#include <stdint.h>

#define MAX_ERRNO 4095

static inline void *ERR_PTR(long err)
{
	return (void *)err;
}

static inline long PTR_ERR(const void *p)
{
	return (long)p;
}

static inline bool IS_ERR(const void *p)
{
	return (uintptr_t)p >= (uintptr_t)-MAX_ERRNO;
}

static inline bool IS_ERR_OR_NULL(const void *p)
{
	return !p || IS_ERR(p);
}

#endif
