/* sys/time.h - struct timeval and gettimeofday. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <bits/alltypes.h>
#include <kernel/uapi/time.h>
#include <sys/select.h>

int gettimeofday(struct timeval *restrict tv, void *restrict tz);

#endif
