/* kernel/tests/ktest_misc.c - formatting, rings, the command line, symbols,
 * deferred work and the clock, as the running kernel sees them.  (The
 * pure parts are tested in depth on the host: tests/unit.) */
#include "kernel/cmdline.h"
#include "kernel/defer.h"
#include "kernel/format.h"
#include "kernel/kernel.h"
#include "kernel/ksyms.h"
#include "kernel/ktest.h"
#include "kernel/ring.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/x86.h"

void kmain(uint32_t magic, uint32_t mbi_pa);

KTEST(format_numbers_and_strings)
{
	char buf[64];

	KEXPECT_EQ(ksnprintf(buf, sizeof(buf), "%d|%5u|%-4x|%08X", -42, 7u, 255u, 0xBEEFu), 23);
	KEXPECT_STREQ(buf, "-42|    7|ff  |0000BEEF");
	ksnprintf(buf, sizeof(buf), "%lld %llu %#llx", -1ll, 18446744073709551615ull, 0x123456789abull);
	KEXPECT_STREQ(buf, "-1 18446744073709551615 0x123456789ab");
	ksnprintf(buf, sizeof(buf), "%s|%.3s|%c|%%|%p", "abc", "abcdef", 'z', (void *)0xc0100000);
	KEXPECT_STREQ(buf, "abc|abc|z|%|0xc0100000");
}

KTEST(format_truncates_safely)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	KEXPECT_EQ(ksnprintf(buf, 5, "%s", "abcdefgh"), 8);
	KEXPECT_STREQ(buf, "abcd");
	KEXPECT_EQ(buf[5], 'X'); /* nothing written past the size given */
}

KTEST(ring_wraps_and_fills)
{
	uint8_t store[8], b = 0;
	struct ring r;

	KEXPECT_EQ(ring_init(&r, store, 6), -EINVAL);
	KEXPECT_EQ(ring_init(&r, store, sizeof(store)), 0);
	for (int round = 0; round < 5; round++) { /* go round several times */
		KEXPECT_EQ(ring_write(&r, "abcdefghij", 10), 8);
		KEXPECT(!ring_put(&r, 'z'));
		KEXPECT(ring_get(&r, &b) && b == 'a');
		KEXPECT_EQ(ring_count(&r), 7);
		uint8_t out[8];
		KEXPECT_EQ(ring_read(&r, out, sizeof(out)), 7);
		KEXPECT(!memcmp(out, "bcdefgh", 7));
		KEXPECT(!ring_get(&r, &b));
	}
}

static void quiet_warn(const char *fmt __unused, ...) {}

KTEST(cmdline_parse)
{
	static struct boot_params bp;

	KEXPECT_EQ(cmdline_parse(&bp, "/boot/kernel.elf init=/bin/sh quiet bogus -- -x y",
				 quiet_warn), 1);
	KEXPECT_STREQ(bp.image, "/boot/kernel.elf");
	KEXPECT_STREQ(bp.init, "/bin/sh");
	KEXPECT(bp.quiet && !bp.ktest && bp.ip.dhcp);
	KEXPECT_EQ(bp.init_argc, 2);
	KEXPECT_STREQ(bp.init_argv[0], "-x");
	KEXPECT_STREQ(bp.init_argv[1], "y");
	KEXPECT(bp.init_argv[2] == NULL);
	KEXPECT_EQ(cmdline_parse(&bp, "", quiet_warn), 0);
	KEXPECT_STREQ(bp.init, DEFAULT_INIT);
}

KTEST(ksyms_symbolize_kernel_functions)
{
	uint32_t off = 1;

	KEXPECT(ksym_count() > 50);
	KEXPECT_STREQ(ksym_lookup((uint32_t)kmain, &off), "kmain");
	KEXPECT_EQ(off, 0);
	KEXPECT_STREQ(ksym_lookup((uint32_t)ksym_lookup + 5, &off), "ksym_lookup");
	KEXPECT_EQ(off, 5);
	KEXPECT_EQ(ksym_address("kmain"), (uint32_t)kmain);
	KEXPECT(ksym_lookup(0x1000, &off) == NULL);
	KEXPECT(ksym_lookup((uint32_t)__kernel_end, &off) == NULL);
}

static int work_runs;
static void count_work(void *arg) { work_runs += (int)(uintptr_t)arg; }

KTEST(defer_runs_each_item_once)
{
	struct work w = WORK_INIT(count_work, (void *)1);

	work_runs = 0;
	cli(); /* as a top half would be */
	defer_schedule(&w);
	defer_schedule(&w); /* still pending: not queued twice */
	sti();
	defer_run();
	KEXPECT_EQ(work_runs, 1);
	KEXPECT(!defer_run() || work_runs == 1);
}

KTEST(clock_ticks_and_tsc_agree)
{
	uint64_t t0 = ticks_read(), ns0 = time_ns();

	udelay(20000); /* 20 ms by the TSC, interrupts on */
	uint64_t dt = ticks_read() - t0, dns = time_ns() - ns0;

	/* Both clocks follow the host's time under TCG, but a busy host can
	 * delay timer interrupts: the bounds allow for that, not more. */
	KEXPECT(tsc_khz() > 1000);
	if (dns < 20000000 || dns > 60000000)
		ktest_fail(__FILE__, __LINE__, "udelay(20 ms) took %llu ns", dns);
	if (dt < 10 || dt > 60)
		ktest_fail(__FILE__, __LINE__, "%llu ticks in 20 ms", dt);
}

KTEST(clock_is_monotonic)
{
	uint64_t prev = time_ns();

	for (int i = 0; i < 10000; i++) {
		uint64_t now = time_ns();
		if (now < prev) {
			KEXPECT(now >= prev);
			break;
		}
		prev = now;
	}
}
