/* sys/random.h - getrandom. */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <bits/alltypes.h>
#include <kernel/uapi/random.h>

ssize_t getrandom(void *buf, size_t n, unsigned flags);

#endif
