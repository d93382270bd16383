/* time.h - clocks, sleeping, and calendar time.  struct timespec and the
 * clock ids come from kernel/uapi/time.h.  There are no time zones: local
 * time is UTC (as glibc's with TZ=UTC), so localtime is gmtime with the
 * zone called "UTC", and mktime is timegm. */
#ifndef _TIME_H
#define _TIME_H

#include <bits/alltypes.h>
#include <kernel/uapi/time.h>

#define CLOCKS_PER_SEC 1000000L

struct tm {
	int tm_sec; /* 0-60 */
	int tm_min; /* 0-59 */
	int tm_hour; /* 0-23 */
	int tm_mday; /* 1-31 */
	int tm_mon; /* 0-11 */
	int tm_year; /* years since 1900 */
	int tm_wday; /* 0-6, Sunday = 0 */
	int tm_yday; /* 0-365 */
	int tm_isdst; /* always 0 here */
	long tm_gmtoff; /* seconds east of UTC: 0 */
	const char *tm_zone; /* "GMT" from gmtime, "UTC" from localtime */
};

int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_getres(clockid_t clock, struct timespec *res);
time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t end, time_t start);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *restrict tm, char *restrict buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
		const struct tm *restrict tm);

/* the zone: always UTC */
extern char *tzname[2];
extern long timezone;
extern int daylight;
void tzset(void);

#endif
