/* kernel/time.h - time since boot: a PIT tick counter for coarse time and
 * the TSC, calibrated against the PIT, for sub-millisecond timestamps. */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <stdint.h>

#define HZ 1000 /* timer interrupts per second */

/* Timer interrupts since time_init(); read it with ticks_read(). */
extern volatile uint64_t ticks;

/* Marks time 0 of time_ns(): the first thing the kernel does. */
void time_mark_boot(void);
/* Calibrates the TSC and starts the periodic timer (IRQ 0). */
void time_init(void);
uint64_t ticks_read(void);
/* Nanoseconds since boot from the TSC (0 until calibrated). */
uint64_t time_ns(void);
/* TSC frequency found by calibration, in kHz (0 before). */
uint32_t tsc_khz(void);
/* Seconds since the Unix epoch: the RTC's time at boot plus the uptime. */
int64_t time_realtime(void);
/* Busy-waits (interrupts may stay off) for at least us microseconds. */
void udelay(uint32_t us);

#endif
