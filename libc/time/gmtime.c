/* libc/time/gmtime.c - between time_t and broken-down time: gmtime,
 * localtime (the same, as local time is UTC), timegm and mktime (the
 * same, normalizing out-of-range fields as C asks), difftime, and the
 * zone variables.
 *
 * Dates go through a day count from 1970-01-01 with Howard Hinnant's
 * days_from_civil / civil_from_days, which use eras of 400 years (146097
 * days) and a year that starts in March, so that the leap day is the
 * last day of the year: exact for any proleptic Gregorian date.
 */
#include <errno.h>
#include <limits.h>
#include <time.h>

char *tzname[2] = {"UTC", "UTC"};
long timezone;
int daylight;

void tzset(void)
{
}

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b < 0);
}

/* days since 1970-01-01 of y-m-d (m 1..12, d 1..31) */
static long long days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400; /* 0..399 */
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* 0..365 */
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* the date of a day count: *y, *m (1..12), *d (1..31) */
static void civil_from_days(long long z, long long *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097; /* 0..146096 */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* seconds since the epoch into *tm (UTC); NULL and EOVERFLOW if the year
 * does not fit an int */
static struct tm *to_tm(long long t, struct tm *tm, const char *zone)
{
	long long days = floor_div(t, 86400), y;
	int secs = t - days * 86400, m, d;

	civil_from_days(days, &y, &m, &d);
	if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
		errno = EOVERFLOW;
		return NULL;
	}
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = secs / 3600;
	tm->tm_min = secs / 60 % 60;
	tm->tm_sec = secs % 60;
	tm->tm_wday = (days + 4) % 7; /* 1970-01-01 was a Thursday */
	if (tm->tm_wday < 0)
		tm->tm_wday += 7;
	tm->tm_yday = days - days_from_civil(y, 1, 1);
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = zone;
	return tm;
}

struct tm *gmtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	return to_tm(*t, tm, "GMT");
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *restrict t, struct tm *restrict tm)
{
	return to_tm(*t, tm, "UTC");
}

struct tm *localtime(const time_t *t)
{
	static struct tm tm;

	return localtime_r(t, &tm);
}

/* tm's fields, each possibly out of range, as seconds since the epoch */
static long long seconds_of(const struct tm *tm)
{
	long long mon = tm->tm_mon, year = tm->tm_year + 1900LL, days;

	year += floor_div(mon, 12);
	mon -= floor_div(mon, 12) * 12;
	days = days_from_civil(year, mon + 1, 1) + tm->tm_mday - 1;
	return days * 86400 + tm->tm_hour * 3600LL + tm->tm_min * 60LL +
	       tm->tm_sec;
}

static time_t normalize(struct tm *tm, const char *zone)
{
	long long t = seconds_of(tm);

	if (t < LONG_MIN || t > LONG_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	to_tm(t, tm, zone);
	return t;
}

time_t timegm(struct tm *tm)
{
	return normalize(tm, "GMT");
}

time_t mktime(struct tm *tm)
{
	return normalize(tm, "UTC");
}

double difftime(time_t end, time_t start)
{
	return (double)end - (double)start;
}
