/* sys/time.h - struct timeval and gettimeofday. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <bits/alltypes.h>
#include <kernel/uapi/time.h>
#include <sys/select.h>

int gettimeofday(struct timeval *restrict tv, void *restrict tz);

/* arithmetic on struct timeval (BSD's macros, as glibc has them) */
#define timerisset(t) ((t)->tv_sec || (t)->tv_usec)
#define timerclear(t) ((t)->tv_sec = (t)->tv_usec = 0)
#define timercmp(a, b, op)                                                     \
	((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec op (b)->tv_usec             \
				    : (a)->tv_sec op (b)->tv_sec)
#define timeradd(a, b, res)                                                    \
	do {                                                                   \
		(res)->tv_sec = (a)->tv_sec + (b)->tv_sec;                     \
		(res)->tv_usec = (a)->tv_usec + (b)->tv_usec;                  \
		if ((res)->tv_usec >= 1000000) {                               \
			(res)->tv_sec++;                                       \
			(res)->tv_usec -= 1000000;                             \
		}                                                              \
	} while (0)
#define timersub(a, b, res)                                                    \
	do {                                                                   \
		(res)->tv_sec = (a)->tv_sec - (b)->tv_sec;                     \
		(res)->tv_usec = (a)->tv_usec - (b)->tv_usec;                  \
		if ((res)->tv_usec < 0) {                                      \
			(res)->tv_sec--;                                       \
			(res)->tv_usec += 1000000;                             \
		}                                                              \
	} while (0)

#endif
