/* time.h - clocks and sleeping.  struct timespec and the clock ids come
 * from kernel/uapi/time.h. */
#ifndef _TIME_H
#define _TIME_H

#include <bits/alltypes.h>
#include <kernel/uapi/time.h>

int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_getres(clockid_t clock, struct timespec *res);
time_t time(time_t *t);

#endif
