/* drivers/rtc.h - the CMOS real-time clock, read once at boot. */
#ifndef DRIVERS_RTC_H
#define DRIVERS_RTC_H

#include <stdint.h>

/* The RTC's date and time as seconds since the Unix epoch (the RTC is
 * taken to be in UTC, as QEMU's is by default); 0 if it cannot be read. */
int64_t rtc_read_epoch(void);
/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
int64_t days_from_civil(int y, unsigned m, unsigned d);

#endif
