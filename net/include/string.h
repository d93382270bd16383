/* net/include/string.h - <string.h> for lwIP, which includes it by that
 * name: the kernel's own string functions (kernel/string.h).  The kernel
 * is built with -nostdinc: net/include/ stands in for the C library's
 * headers, so lwIP never reaches the host's. */
#ifndef NET_INCLUDE_STRING_H
#define NET_INCLUDE_STRING_H

#include "kernel/string.h"

#endif
