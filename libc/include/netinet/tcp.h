/* netinet/tcp.h - TCP's socket options (TCP_NODELAY...), level
 * IPPROTO_TCP, from kernel/uapi/tcp.h. */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#include <kernel/uapi/tcp.h>

#endif
