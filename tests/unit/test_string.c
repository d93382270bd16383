/* tests/unit/test_string.c - kernel/string.c.  This binary links the
 * kernel's versions, which take the place of the C library's. */
#include <stdint.h>

#include "kernel/string.h"
#include "tests/unit/unit.h"

TEST(copy_move_set_compare)
{
	char buf[32] = "0123456789";

	EXPECT(memcpy(buf + 20, buf, 5) == buf + 20);
	EXPECT(!memcmp(buf + 20, "01234", 5));
	memmove(buf + 2, buf, 8); /* overlapping, forwards */
	EXPECT(!memcmp(buf, "0101234567", 10));
	memmove(buf, buf + 2, 8); /* overlapping, backwards */
	EXPECT(!memcmp(buf, "01234567", 8));
	memset(buf, 'z', 3);
	EXPECT(!memcmp(buf, "zzz34567", 8));
	EXPECT(memcmp("abc", "abd", 3) < 0);
	EXPECT(memcmp("\xff", "\x01", 1) > 0); /* compares unsigned bytes */
	EXPECT_EQ(memcmp("abc", "abd", 2), 0);
}

TEST(string_functions)
{
	char dst[8];

	EXPECT_EQ(strlen(""), 0);
	EXPECT_EQ(strnlen("abcdef", 3), 3);
	EXPECT(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0);
	EXPECT(strcmp("ab", "abc") < 0 && !strcmp("x", "x"));
	EXPECT(!strncmp("abcX", "abcY", 3) && strncmp("abcX", "abcY", 4) < 0);
	EXPECT(strchr("hello", 'l') != NULL && *strchr("hello", 'l') == 'l');
	EXPECT(strchr("hello", 'z') == NULL);
	EXPECT(strchr("hello", '\0') != NULL);
	EXPECT_EQ(strlcpy(dst, "truncate me", sizeof(dst)), 11);
	EXPECT_STREQ(dst, "truncat");
	EXPECT_EQ(strlcpy(dst, "ok", sizeof(dst)), 2);
	EXPECT_STREQ(dst, "ok");
	EXPECT_EQ(strlcpy(dst, "untouched", 0), 9);
}

/* The word-at-a-time bulk and the byte tail, at every alignment. */
TEST(every_size_and_alignment)
{
	unsigned char src[64], dst[80];
	int bad = 0;

	for (int i = 0; i < 64; i++)
		src[i] = (unsigned char)(i * 13 + 1);
	for (int off = 0; off < 4; off++) {
		for (size_t n = 0; n <= 40; n++) {
			memset(dst, 0xEE, sizeof(dst));
			memcpy(dst + off, src + (3 - off), n);
			for (size_t i = 0; i < sizeof(dst); i++) {
				int inside = i >= (size_t)off && i < off + n;
				bad += dst[i] != (inside ? src[3 - off + i - off] : 0xEE);
			}
			memset(dst + off, 0x5A, n);
			for (size_t i = 0; i < sizeof(dst); i++) {
				int inside = i >= (size_t)off && i < off + n;
				bad += dst[i] != (inside ? 0x5A : 0xEE);
			}
		}
	}
	EXPECT_EQ(bad, 0);
}

UNIT_MAIN(CASE(copy_move_set_compare), CASE(string_functions),
	  CASE(every_size_and_alignment))
