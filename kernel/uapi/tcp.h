/* kernel/uapi/tcp.h - TCP's socket options (level IPPROTO_TCP), Linux's
 * numbers (linux/tcp.h).  Shared by the kernel and <netinet/tcp.h>. */
#ifndef UAPI_TCP_H
#define UAPI_TCP_H

#define TCP_NODELAY 1 /* no Nagle: send small segments at once */
#define TCP_MAXSEG 2
#define TCP_KEEPIDLE 4 /* seconds idle before the first keep-alive probe */
#define TCP_KEEPINTVL 5 /* seconds between probes */
#define TCP_KEEPCNT 6 /* unanswered probes before the connection drops */

#endif
