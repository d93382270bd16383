/* tests/unit/unit.h - a tiny table-driven test harness for host unit tests
 * of the kernel's pure code.  Each test file defines its cases with
 * TEST(name) and lists them in UNIT_MAIN(...).  Output is TAP-like, the
 * same as the in-kernel ktest and tests/run.py expect:
 *   ok 1 - name
 *   not ok 2 - name: file.c:40: got 3, want 4 (expr)
 *   1 passed, 1 failed
 * and the exit status is 1 if anything failed.
 */
#ifndef TESTS_UNIT_UNIT_H
#define TESTS_UNIT_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failures;
static char unit_first[512];

#define UNIT_FAIL(...)                                                    \
	do {                                                              \
		if (!unit_failures++)                                     \
			snprintf(unit_first, sizeof(unit_first), __VA_ARGS__); \
	} while (0)

#define EXPECT(cond)                                                      \
	do {                                                              \
		if (!(cond))                                              \
			UNIT_FAIL("%s:%d: expected %s", __FILE__, __LINE__, #cond); \
	} while (0)

#define EXPECT_EQ(got, want)                                              \
	do {                                                              \
		long long g_ = (long long)(got), w_ = (long long)(want);  \
		if (g_ != w_)                                             \
			UNIT_FAIL("%s:%d: got %lld, want %lld (%s)", __FILE__, \
				  __LINE__, g_, w_, #got);                \
	} while (0)

#define EXPECT_STREQ(got, want)                                           \
	do {                                                              \
		const char *g_ = (got), *w_ = (want);                     \
		if (!g_ || strcmp(g_, w_))                                \
			UNIT_FAIL("%s:%d: got \"%s\", want \"%s\" (%s)",  \
				  __FILE__, __LINE__, g_ ? g_ : "(null)", w_, #got); \
	} while (0)

#define TEST(name) static void name(void)

struct unit_case {
	const char *name;
	void (*fn)(void);
};

#define CASE(fn) { #fn, fn }

static int unit_run(const struct unit_case *cases, int n)
{
	int failed = 0;

	for (int i = 0; i < n; i++) {
		unit_failures = 0;
		cases[i].fn();
		if (unit_failures) {
			failed++;
			printf("not ok %d - %s: %s\n", i + 1, cases[i].name, unit_first);
		} else {
			printf("ok %d - %s\n", i + 1, cases[i].name);
		}
	}
	printf("%d passed, %d failed\n", n - failed, failed);
	return failed ? 1 : 0;
}

#define UNIT_MAIN(...)                                                    \
	int main(void)                                                    \
	{                                                                 \
		static const struct unit_case cases[] = { __VA_ARGS__ };  \
		return unit_run(cases, sizeof(cases) / sizeof(cases[0])); \
	}

#endif
