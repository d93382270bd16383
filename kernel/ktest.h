/* kernel/ktest.h - the in-kernel self-tests ("ktest" on the command line).
 *
 * A test is a function registered with KTEST(name) { ... }; the macro puts
 * a pointer to it in the .ktest section, and ktest_run() runs them all in
 * link order.  Inside, KEXPECT*() record failures (the test goes on, so one
 * run shows every broken expectation).  Output is TAP-like:
 *   ok 3 - heap_coalesce
 *   not ok 4 - pmm_exhaustion: pmm.c:88: got 0, want 1 (free == total)
 *   12 passed, 1 failed
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include <stdint.h>

struct ktest {
	const char *name;
	void (*fn)(void);
};

#define KTEST(tname)                                                     \
	static void ktest_fn_##tname(void);                              \
	static const struct ktest ktest_##tname = { #tname, ktest_fn_##tname }; \
	static const struct ktest *const ktest_ptr_##tname               \
		__attribute__((section(".ktest"), used)) = &ktest_##tname; \
	static void ktest_fn_##tname(void)

void ktest_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define KEXPECT(cond)                                                    \
	do {                                                             \
		if (!(cond))                                             \
			ktest_fail(__FILE__, __LINE__, "expected %s", #cond); \
	} while (0)

#define KEXPECT_EQ(got, want)                                            \
	do {                                                             \
		long long g_ = (long long)(got), w_ = (long long)(want); \
		if (g_ != w_)                                            \
			ktest_fail(__FILE__, __LINE__,                   \
				   "got %lld, want %lld (%s == %s)", g_, w_, \
				   #got, #want);                         \
	} while (0)

#define KEXPECT_STREQ(got, want)                                         \
	do {                                                             \
		const char *g_ = (got), *w_ = (want);                    \
		if (!g_ || strcmp(g_, w_))                               \
			ktest_fail(__FILE__, __LINE__,                   \
				   "got \"%s\", want \"%s\" (%s)", g_, w_, #got); \
	} while (0)

/* Runs every test; returns the number that failed. */
int ktest_run(void);

#endif
