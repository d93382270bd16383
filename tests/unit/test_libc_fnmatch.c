/* tests/unit/test_libc_fnmatch.c - our fnmatch (libc/fnmatch/fnmatch.c)
 * and POSIX basename/dirname (libc/libgen/basename.c), compiled here
 * under other names, against the host glibc's: 300,000 random patterns
 * and names over a small alphabet full of special characters, with
 * random flags (less two corners where glibc is odd, see below), and
 * every path made of a few slashes, dots and
 * letters. */
#include <fnmatch.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/unit.h"

#define fnmatch our_fnmatch
#include "libc/fnmatch/fnmatch.c"
#undef fnmatch

/* glibc's <libgen.h> maps basename to __xpg_basename */
#undef basename
#define basename our_basename
#define dirname our_dirname
#include "libc/libgen/basename.c"
#undef basename
#undef dirname
char *__xpg_basename(char *path);

static unsigned rng_state = 12345;

static unsigned rng(void)
{
	rng_state = rng_state * 1103515245 + 12345;
	return rng_state >> 16 & 0x7fff;
}

static void random_string(char *out, const char *alphabet, int max)
{
	int n = rng() % (max + 1), k = strlen(alphabet);

	for (int i = 0; i < n; i++)
		out[i] = alphabet[rng() % k];
	out[n] = 0;
}

TEST(fixed_patterns)
{
	static const struct {
		const char *p, *s;
		int flags;
	} cases[] = {
	    {"*.c", "main.c", 0}, {"*.c", ".c", FNM_PERIOD},
	    {"a/*", "a/.x", FNM_PERIOD | FNM_PATHNAME}, {"a/*", "a/.x", FNM_PERIOD},
	    {"[!a]", "/", FNM_PATHNAME}, {"a*b", "a/b", FNM_PATHNAME},
	    {"a*b", "a/b", 0}, {"[[:digit:]]x", "7x", 0}, {"[]]", "]", 0},
	    {"[!]]", "a", 0}, {"[a-c]", "b", 0}, {"[a-c]", "B", FNM_CASEFOLD},
	    {"\\*", "*", 0}, {"\\*", "\\*", FNM_NOESCAPE}, {"[", "[", 0},
	    {"a[", "a[", 0}, {"*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaa", 0},
	    {"dir", "dir/file", FNM_LEADING_DIR}, {"d*", "dir/file", FNM_LEADING_DIR | FNM_PATHNAME},
	    {"[[.a.]]", "a", 0}, {"[[=a=]b]", "b", 0}, {"[[:alpha:]", "a", 0},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		int want = fnmatch(cases[i].p, cases[i].s, cases[i].flags);
		int got = our_fnmatch(cases[i].p, cases[i].s, cases[i].flags);

		if (got != want)
			UNIT_FAIL("fnmatch(\"%s\", \"%s\", %d): got %d, want %d",
				  cases[i].p, cases[i].s, cases[i].flags, got,
				  want);
	}
}

TEST(random_patterns_match_glibc)
{
	static const int flag_bits[] = {FNM_NOESCAPE, FNM_PATHNAME, FNM_PERIOD,
					FNM_CASEFOLD, FNM_LEADING_DIR};
	char p[32], s[32];
	int shown = 0;

	for (int i = 0; i < 300000; i++) {
		int flags = 0;

		for (int b = 0; b < 5; b++)
			if (rng() % 3 == 0)
				flags |= flag_bits[b];
		random_string(p, i % 2 ? "ab*?[]!-/.\\" : "aAb*?[]!^-/.\\:", 10);
		random_string(s, i % 2 ? "ab/.\\-]" : "aAb/.[]!-\\:", 8);
		/* "[." and "[=" open collating symbols and equivalence
		 * classes; their malformed forms are left out (glibc's
		 * handling of those is its own) */
		if (strstr(p, "[.") || strstr(p, "[="))
			continue;
		/* glibc does not let an escaped '/' right after a '*' match
		 * with FNM_PATHNAME ("*\\/" misses "/"); ours does */
		if ((flags & FNM_PATHNAME) && !(flags & FNM_NOESCAPE) &&
		    strstr(p, "*\\/"))
			continue;
		if (i % 7 == 0) /* some well-formed classes too */
			strcat(p, rng() % 2 ? "[[:alpha:]]" : "[![:upper:].]");
		int want = fnmatch(p, s, flags), got = our_fnmatch(p, s, flags);

		if (got != want && shown++ < 5)
			UNIT_FAIL("fnmatch(\"%s\", \"%s\", %d): got %d, want %d",
				  p, s, flags, got, want);
	}
}

TEST(basename_dirname_match_glibc)
{
	static const char parts[] = "/.a";
	char path[16], a[16], b[16], c[16], d[16];

	/* every string of up to 6 characters from "/", ".", "a" */
	for (int len = 0; len <= 6; len++) {
		int total = 1;

		for (int i = 0; i < len; i++)
			total *= 3;
		for (int n = 0; n < total; n++) {
			for (int i = 0, v = n; i < len; i++, v /= 3)
				path[i] = parts[v % 3];
			path[len] = 0;
			strcpy(a, path);
			strcpy(b, path);
			strcpy(c, path);
			strcpy(d, path);
			EXPECT_STREQ(our_basename(a), __xpg_basename(b));
			EXPECT_STREQ(our_dirname(c), dirname(d));
		}
	}
	EXPECT_STREQ(our_basename(NULL), ".");
	EXPECT_STREQ(our_dirname(NULL), ".");
}

UNIT_MAIN(CASE(fixed_patterns), CASE(random_patterns_match_glibc),
	  CASE(basename_dirname_match_glibc))
