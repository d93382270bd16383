/* kernel/time.c - the tick counter and the TSC clock.
 *
 * time_ns() converts TSC cycles to nanoseconds with a fixed-point factor
 * (ns = cycles * mult >> 24) computed once at calibration, so reading the
 * clock needs no division.  Under QEMU's TCG the TSC follows the host's
 * clock, so these timestamps are wall-clock time.
 */
#include "kernel/time.h"

#include "drivers/pit.h"
#include "drivers/rtc.h"
#include "kernel/irq.h"
#include "kernel/printk.h"
#include "kernel/task.h"
#include "kernel/x86.h"

#define CALIBRATE_COUNT 11932 /* PIT clocks: 10 ms */
#define MULT_SHIFT 24

volatile uint64_t ticks;
static uint64_t tsc_boot;
static int64_t boot_epoch; /* the RTC at time_init, minus the uptime then */
static uint32_t tsc_mult; /* ns per cycle << MULT_SHIFT */
static uint32_t khz;

/* cycles * mult >> 24 without overflowing 64 bits for huge cycle counts */
static uint64_t cycles_to_ns(uint64_t cycles)
{
	uint64_t lo = (uint64_t)(uint32_t)cycles * tsc_mult;
	uint64_t hi = (uint64_t)(uint32_t)(cycles >> 32) * tsc_mult;

	return (hi << (32 - MULT_SHIFT)) + (lo >> MULT_SHIFT);
}

uint64_t time_ns(void)
{
	if (!tsc_mult)
		return 0;
	return cycles_to_ns(rdtsc() - tsc_boot);
}

int64_t time_realtime(void)
{
	return boot_epoch + (int64_t)(time_ns() / 1000000000u);
}

uint32_t tsc_khz(void)
{
	return khz;
}

uint64_t ticks_read(void)
{
	uint32_t flags = irq_save(); /* a 64-bit read is two loads */
	uint64_t t = ticks;

	irq_restore(flags);
	return t;
}

void udelay(uint32_t us)
{
	uint64_t end;

	if (!khz) { /* not calibrated yet: fall back to port-I/O delays */
		while (us--)
			io_wait();
		return;
	}
	end = rdtsc() + (uint64_t)us * khz / 1000;
	while (rdtsc() < end)
		__asm__ volatile("pause");
}

static void timer_tick(struct trap_frame *tf __attribute__((unused)))
{
	ticks++;
	sched_tick();
}

void time_mark_boot(void)
{
	tsc_boot = rdtsc();
}

void time_init(void)
{
	uint64_t cycles = pit_measure_tsc(CALIBRATE_COUNT);
	uint64_t hz = cycles * PIT_HZ / CALIBRATE_COUNT;

	if (hz >= 1000000) { /* below 1 MHz the TSC is too coarse (or absent) */
		khz = (uint32_t)(hz / 1000);
		tsc_mult = (uint32_t)((1000000000ull << MULT_SHIFT) / hz);
	} else {
		pr_warn("time: TSC calibration failed (%u cycles in 10 ms)\n",
			(unsigned)cycles);
	}
	boot_epoch = rtc_read_epoch() - (int64_t)(time_ns() / 1000000000u);
	irq_register(0, timer_tick);
	pit_start_periodic(HZ);
	printk("time: TSC %u.%03u MHz, timer %u Hz\n", khz / 1000, khz % 1000, HZ);
}
