/* drivers/rtc.c - reading the MC146818 CMOS clock.
 *
 * The clock may be mid-update when read, so we wait for "update in
 * progress" to clear and read until two consecutive readings agree.  The
 * fields are BCD unless status register B says binary, and the hour has a
 * PM bit in 12-hour mode.
 */
#include "drivers/rtc.h"

#include <stdbool.h>

#include "kernel/string.h"
#include "kernel/x86.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define REG_SECONDS 0x00
#define REG_MINUTES 0x02
#define REG_HOURS 0x04
#define REG_DAY 0x07
#define REG_MONTH 0x08
#define REG_YEAR 0x09
#define REG_STATUS_A 0x0A
#define REG_STATUS_B 0x0B
#define REG_CENTURY 0x32 /* QEMU and most PCs keep it here */
#define STATUS_A_UPDATING 0x80
#define STATUS_B_24H 0x02
#define STATUS_B_BINARY 0x04
#define HOUR_PM 0x80

struct rtc_time {
	uint8_t sec, min, hour, day, month, year, century;
};

static uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static void read_raw(struct rtc_time *t)
{
	for (int spin = 0; spin < 100000 && (cmos_read(REG_STATUS_A) & STATUS_A_UPDATING); spin++)
		;
	t->sec = cmos_read(REG_SECONDS);
	t->min = cmos_read(REG_MINUTES);
	t->hour = cmos_read(REG_HOURS);
	t->day = cmos_read(REG_DAY);
	t->month = cmos_read(REG_MONTH);
	t->year = cmos_read(REG_YEAR);
	t->century = cmos_read(REG_CENTURY);
}

static unsigned from_bcd(uint8_t v)
{
	return (v >> 4) * 10 + (v & 0x0F);
}

int64_t days_from_civil(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int64_t)era * 146097 + doe - 719468;
}

int64_t rtc_read_epoch(void)
{
	struct rtc_time a, b;
	uint8_t status_b = cmos_read(REG_STATUS_B);
	bool pm;
	unsigned hour, year;

	read_raw(&a);
	for (int tries = 0; tries < 5; tries++) {
		read_raw(&b);
		if (!memcmp(&a, &b, sizeof(a)))
			break;
		a = b;
	}
	pm = a.hour & HOUR_PM;
	a.hour &= ~HOUR_PM;
	if (!(status_b & STATUS_B_BINARY)) {
		a.sec = from_bcd(a.sec);
		a.min = from_bcd(a.min);
		a.hour = from_bcd(a.hour);
		a.day = from_bcd(a.day);
		a.month = from_bcd(a.month);
		a.year = from_bcd(a.year);
		a.century = from_bcd(a.century);
	}
	hour = a.hour;
	if (!(status_b & STATUS_B_24H))
		hour = hour % 12 + (pm ? 12 : 0);
	year = (a.century >= 19 && a.century <= 30 ? a.century : 20) * 100 + a.year;
	if (!a.month || a.month > 12 || !a.day || a.day > 31 || hour > 23 ||
	    a.min > 59 || a.sec > 60)
		return 0;
	return days_from_civil((int)year, a.month, a.day) * 86400 + hour * 3600 +
	       a.min * 60 + a.sec;
}
