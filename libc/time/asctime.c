/* libc/time/asctime.c - asctime and ctime: "Wed Jun 30 21:49:08 1993\n",
 * C's fixed format, as glibc writes it ("%.3s %.3s%3d %.2d:%.2d:%.2d
 * %d\n", with "???" for a day or month out of range).  asctime_r and
 * ctime_r write at most 26 bytes (EOVERFLOW and NULL if the year needs
 * more); asctime's own buffer fits any year. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "libc/internal/fmt.h"

static const char days[] = "SunMonTueWedThuFriSat";
static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

/* n as printf's %{width}d (pad ' ') or %.{width}d (pad '0') would */
static char *number(char *out, int n, int width, char pad)
{
	char digits[16], *d = digits;
	int len;

	if (n < 0 && pad == '0')
		*out++ = '-';
	len = __fmt_int(digits, n) - digits;
	if (n < 0 && pad == '0') {
		d++;
		len--;
	}
	for (; len < width; width--)
		*out++ = pad;
	memcpy(out, d, len);
	return out + len;
}

static const char *name(const char *table, int i, int count)
{
	return i >= 0 && i < count ? table + 3 * i : "???";
}

/* the text into buf (64 bytes); its length */
static size_t asctime_text(const struct tm *tm, char *buf)
{
	char *o = buf;

	memcpy(o, name(days, tm->tm_wday, 7), 3);
	o[3] = ' ';
	memcpy(o + 4, name(months, tm->tm_mon, 12), 3);
	o = number(o + 7, tm->tm_mday, 3, ' ');
	*o++ = ' ';
	o = number(o, tm->tm_hour, 2, '0');
	*o++ = ':';
	o = number(o, tm->tm_min, 2, '0');
	*o++ = ':';
	o = number(o, tm->tm_sec, 2, '0');
	*o++ = ' ';
	o = number(o, (int)(tm->tm_year + 1900LL), 0, ' ');
	*o++ = '\n';
	*o = 0;
	return o - buf;
}

char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	char text[64];

	if (tm->tm_year > 2147483647 - 1900 || asctime_text(tm, text) >= 26) {
		errno = EOVERFLOW;
		return NULL;
	}
	return strcpy(buf, text);
}

char *asctime(const struct tm *tm)
{
	static char buf[64];

	if (tm->tm_year > 2147483647 - 1900) {
		errno = EOVERFLOW;
		return NULL;
	}
	asctime_text(tm, buf);
	return buf;
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	return localtime_r(t, &tm) ? asctime_r(&tm, buf) : NULL;
}

char *ctime(const time_t *t)
{
	struct tm tm;

	return localtime_r(t, &tm) ? asctime(&tm) : NULL;
}
