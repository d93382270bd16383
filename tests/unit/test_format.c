/* tests/unit/test_format.c - kernel/format.c against the host C library's
 * snprintf, which is the ground truth for every conversion we support. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

#include "kernel/format.h"
#include "tests/unit/unit.h"

/* The edge cases below are deliberate (flags C says are ignored, unknown
 * conversions): keep the compiler from refusing them. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-overflow"

/* Formats with both implementations and compares text and length. */
#define SAME(...)                                                         \
	do {                                                              \
		char ours_[256], libc_[256];                              \
		int n1_ = ksnprintf(ours_, sizeof(ours_), __VA_ARGS__);   \
		int n2_ = snprintf(libc_, sizeof(libc_), __VA_ARGS__);    \
		EXPECT_STREQ(ours_, libc_);                               \
		EXPECT_EQ(n1_, n2_);                                      \
	} while (0)

TEST(integers)
{
	SAME("%d %i %u", 0, -1, 4294967295u);
	SAME("%d %d", 2147483647, (int)-2147483648);
	SAME("%x %X %o", 0xdeadbeefu, 0xdeadbeefu, 0777u);
	SAME("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
	SAME("%ld %lu %lx", -5L, 5UL, 0xffUL);
	SAME("%lld %llu %llx", -9223372036854775807LL - 1, 18446744073709551615ULL,
	     0x0123456789abcdefULL);
	SAME("%zu %zx", (size_t)12345, (size_t)0xabc);
}

TEST(flags_width_precision)
{
	SAME("[%5d] [%-5d] [%05d] [%+d] [% d]", 42, 42, 42, 42, 42);
	SAME("[%-05d] [%+05d] [%05d]", -42, 42, -42);
	SAME("[%.3d] [%8.3d] [%-8.3d] [%08.3d]", 7, 7, 7, 7);
	SAME("[%.0d] [%.0u] [%5.0d]", 0, 0u, 0);
	SAME("[%#x] [%#X] [%#o] [%#o] [%#x]", 255u, 255u, 8u, 0u, 0u);
	SAME("[%#010x] [%#10x] [%-#10x]", 255u, 255u, 255u);
	SAME("[%*d] [%-*d] [%.*d] [%*d]", 6, 1, 6, 1, 4, 1, -6, 1);
}

TEST(strings_chars_pointers)
{
	SAME("[%s] [%10s] [%-10s] [%.2s] [%10.2s]", "abc", "abc", "abc", "abc", "abc");
	SAME("[%c] [%3c] [%-3c]", 'x', 'y', 'z');
	SAME("[%%] [%5%]");
	SAME("%p %p", (void *)0x1234, (void *)0xc0100000);
	SAME("[%*s] [%.*s]", -5, "ab", -1, "abcdef");
}

TEST(null_string_prints_marker)
{
	char buf[32];

	ksnprintf(buf, sizeof(buf), "%s", (char *)NULL);
	EXPECT_STREQ(buf, "(null)");
}

TEST(unknown_conversion_copied_through)
{
	char buf[32];

	EXPECT_EQ(ksnprintf(buf, sizeof(buf), "a%yb%5qc"), 8);
	EXPECT_STREQ(buf, "a%yb%5qc");
	EXPECT_EQ(ksnprintf(buf, sizeof(buf), "trailing %"), 10);
	EXPECT_STREQ(buf, "trailing %");
}

TEST(truncation_never_overflows)
{
	char buf[16];

	for (size_t size = 0; size < sizeof(buf); size++) {
		memset(buf, '#', sizeof(buf));
		int n = ksnprintf(buf, size, "%s-%d", "hello", 12345);
		EXPECT_EQ(n, 11);
		for (size_t i = size; i < sizeof(buf); i++)
			EXPECT_EQ(buf[i], '#');
		if (size) {
			EXPECT_EQ(strlen(buf), size - 1 < 11 ? size - 1 : 11);
			EXPECT(!strncmp(buf, "hello-12345", strlen(buf)));
		}
	}
}

TEST(random_integers_match_libc)
{
	static const char *const fmts[] = { "%d", "%u", "%x", "%08X", "%-12d",
					    "%+.5d", "%#o", "% 7i" };

	srand(162);
	for (int i = 0; i < 20000; i++) {
		int v = (int)((unsigned)rand() << 16 ^ (unsigned)rand());
		SAME(fmts[i % 8], v);
	}
}

UNIT_MAIN(CASE(integers), CASE(flags_width_precision),
	  CASE(strings_chars_pointers), CASE(null_string_prints_marker),
	  CASE(unknown_conversion_copied_through),
	  CASE(truncation_never_overflows), CASE(random_integers_match_libc))
