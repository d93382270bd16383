/* tests/os/libc_string.c - <string.h>, <strings.h>, <ctype.h> and the
 * texts of strerror and strsignal, with the values glibc gives. */
#include <ctype.h>
#include <strings.h>

#include "t.h"

static void copying(void)
{
	char buf[32];

	memset(buf, 'x', sizeof(buf));
	T_TRUE(stpcpy(buf, "abc") == buf + 3);
	T_STREQ(buf, "abc");
	memset(buf, 'x', sizeof(buf));
	T_TRUE(stpncpy(buf, "ab", 5) == buf + 2);
	T_MEMEQ(buf, "ab\0\0\0x", 6);
	T_TRUE(stpncpy(buf, "abcdef", 3) == buf + 3);
	T_MEMEQ(buf, "abc\0", 4);
	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "hello", 3);
	T_MEMEQ(buf, "helx", 4); /* not terminated, as C says */
	strcpy(buf, "ab");
	T_STREQ(strcat(buf, "cd"), "abcd");
	T_STREQ(strncat(buf, "efgh", 2), "abcdef");
	T_STREQ(strncat(buf, "", 5), "abcdef");
	T_TRUE(mempcpy(buf, "12", 2) == buf + 2);
	memset(buf, 0, sizeof(buf));
	T_TRUE(memccpy(buf, "key=value", '=', 9) == buf + 4);
	T_STREQ(buf, "key=");
	T_TRUE(memccpy(buf, "abc", 'z', 3) == NULL);
#if !defined(__GLIBC__) || __GLIBC_MINOR__ >= 38 /* BSD's, new in glibc */
	T_EQ(strlcpy(buf, "truncated", 5), 9);
	T_STREQ(buf, "trun");
	T_EQ(strlcat(buf, "cated!", 8), 10);
	T_STREQ(buf, "truncat");
#endif
}

static void overlapping_move(void)
{
	char buf[16] = "abcdefgh";

	memmove(buf + 2, buf, 6);
	T_STREQ(buf, "ababcdef");
	memmove(buf, buf + 3, 5);
	T_MEMEQ(buf, "bcdefdef", 8);
	bcopy("xy", buf, 2);
	T_MEMEQ(buf, "xydefdef", 8);
	bzero(buf, 4);
	T_MEMEQ(buf, "\0\0\0\0fdef", 8);
}

static void comparing(void)
{
	T_TRUE(strcmp("abc", "abd") < 0);
	T_TRUE(strcmp("abc", "abc") == 0);
	T_TRUE(strcmp("\xff", "a") > 0); /* bytes are unsigned */
	T_TRUE(strncmp("abcX", "abcY", 3) == 0);
	T_TRUE(strncmp("abc", "abd", 0) == 0);
	T_TRUE(memcmp("ab\0c", "ab\0d", 4) < 0);
	T_TRUE(bcmp("same", "same", 4) == 0);
	T_TRUE(strcasecmp("HeLLo", "hello") == 0);
	T_TRUE(strcasecmp("apple", "Banana") < 0);
	T_TRUE(strncasecmp("ABCx", "abcy", 3) == 0);
	T_TRUE(strncasecmp("ABCx", "abcy", 4) < 0);
	T_TRUE(strcoll("a", "b") < 0);
	char buf[8];
	T_EQ(strxfrm(buf, "hello", sizeof(buf)), 5);
	T_STREQ(buf, "hello");
	T_EQ(strxfrm(NULL, "toolong", 0), 7);
}

static void searching(void)
{
	const char *s = "hello, world";

	T_TRUE(strchr(s, 'o') == s + 4);
	T_TRUE(strrchr(s, 'o') == s + 8);
	T_TRUE(strchr(s, 0) == s + 12);
	T_TRUE(strchr(s, 'z') == NULL);
	T_TRUE(strchrnul(s, 'z') == s + 12);
	T_TRUE(memchr(s, 'w', 12) == s + 7);
	T_TRUE(memrchr(s, 'l', 12) == s + 10);
	T_TRUE(memrchr(s, 'h', 0) == NULL);
	T_TRUE(strstr(s, "wor") == s + 7);
	T_TRUE(strstr(s, "") == s);
	T_TRUE(strstr(s, "worlds") == NULL);
	T_TRUE(strcasestr(s, "WORLD") == s + 7);
	T_TRUE(memmem(s, 12, "o, w", 4) == s + 4);
	T_TRUE(memmem(s, 12, "", 0) == s);
	T_TRUE(memmem(s, 3, "llo", 3) == NULL);
	T_EQ(strspn("123abc", "0123456789"), 3);
	T_EQ(strcspn("abc;def", ";,"), 3);
	T_EQ(strcspn("abc", ""), 3);
	T_TRUE(strpbrk(s, " ,") == s + 5);
	T_TRUE(strpbrk(s, "xyz") == NULL);
	T_EQ(strlen(""), 0);
	T_EQ(strnlen("abcdef", 3), 3);
	T_EQ(strnlen("ab", 5), 2);
}

static void tokenizing(void)
{
	char a[] = ",,one,two;;three,", b[] = "x:y::z", *save, *p;
	char *parts[8];
	int n = 0;

	for (p = strtok(a, ",;"); p; p = strtok(NULL, ",;"))
		parts[n++] = p;
	T_EQ(n, 3);
	T_STREQ(parts[0], "one");
	T_STREQ(parts[2], "three");
	char c[] = "a b  c";
	T_STREQ(strtok_r(c, " ", &save), "a");
	T_STREQ(strtok_r(NULL, " ", &save), "b");
	T_STREQ(strtok_r(NULL, " ", &save), "c");
	T_TRUE(strtok_r(NULL, " ", &save) == NULL);
	/* strsep keeps the empty fields */
	p = b;
	T_STREQ(strsep(&p, ":"), "x");
	T_STREQ(strsep(&p, ":"), "y");
	T_STREQ(strsep(&p, ":"), "");
	T_STREQ(strsep(&p, ":"), "z");
	T_TRUE(p == NULL);
	T_TRUE(strsep(&p, ":") == NULL);
}

static void duplicating(void)
{
	char *d = strdup("copy me"), *e = strndup("abcdef", 3);
	char *f = strndup("ab", 10);

	T_STREQ(d, "copy me");
	T_STREQ(e, "abc");
	T_STREQ(f, "ab");
	free(d);
	free(e);
	free(f);
}

static void bits(void)
{
	T_EQ(ffs(0), 0);
	T_EQ(ffs(1), 1);
	T_EQ(ffs(0x80), 8);
	T_EQ(ffs((int)0x80000000u), 32);
	T_EQ(ffsl(0x100L), 9);
	T_EQ(ffsll(1LL << 40), 41);
}

/* strerror: glibc's words */
static void strerror_texts(void)
{
	T_STREQ(strerror(0), "Success");
	T_STREQ(strerror(EPERM), "Operation not permitted");
	T_STREQ(strerror(ENOENT), "No such file or directory");
	T_STREQ(strerror(EAGAIN), "Resource temporarily unavailable");
	T_STREQ(strerror(ENOTEMPTY), "Directory not empty");
	T_STREQ(strerror(ELOOP), "Too many levels of symbolic links");
	T_STREQ(strerror(ECONNREFUSED), "Connection refused");
	T_STREQ(strerror(EHWPOISON), "Memory page has hardware error");
	T_STREQ(strerror(41), "Unknown error 41");
	T_STREQ(strerror(-3), "Unknown error -3");
	T_STREQ(strerror(4096), "Unknown error 4096");
	T_EQ(EWOULDBLOCK, EAGAIN);
	T_EQ(ENOTSUP, EOPNOTSUPP);
}

static void strerror_r_posix(void)
{
	char buf[64], small[8];

	T_EQ(strerror_r(ENOENT, buf, sizeof(buf)), 0);
	T_STREQ(buf, "No such file or directory");
	T_EQ(strerror_r(ENOENT, small, sizeof(small)), ERANGE);
	T_STREQ(small, "No such");
	T_EQ(strerror_r(9999, buf, sizeof(buf)), EINVAL);
	T_STREQ(buf, "Unknown error 9999");
}

static void strsignal_texts(void)
{
	T_STREQ(strsignal(SIGSEGV), "Segmentation fault");
	T_STREQ(strsignal(SIGINT), "Interrupt");
	T_STREQ(strsignal(SIGKILL), "Killed");
	T_STREQ(strsignal(SIGCHLD), "Child exited");
	T_STREQ(strsignal(SIGTSTP), "Stopped");
	T_STREQ(strsignal(34), "Real-time signal 0");
	T_STREQ(strsignal(64), "Real-time signal 30");
	T_STREQ(strsignal(0), "Unknown signal 0");
	T_STREQ(strsignal(65), "Unknown signal 65");
}

/* every byte and EOF against the C locale's definitions */
static void ctype_classes(void)
{
	for (int c = -1; c < 256; c++) {
		int upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
		int digit = c >= '0' && c <= '9', alpha = upper || lower;
		int space = c == ' ' || (c >= '\t' && c <= '\r');
		int print = c >= 32 && c < 127;

		if (!!isupper(c) != upper || !!islower(c) != lower ||
		    !!isdigit(c) != digit || !!isalpha(c) != alpha ||
		    !!isalnum(c) != (alpha || digit) || !!isspace(c) != space ||
		    !!isprint(c) != print || !!isgraph(c) != (print && c != ' ') ||
		    !!ispunct(c) != (print && c != ' ' && !alpha && !digit) ||
		    !!iscntrl(c) != ((c >= 0 && c < 32) || c == 127) ||
		    !!isblank(c) != (c == ' ' || c == '\t') ||
		    !!isxdigit(c) != (digit || (c >= 'a' && c <= 'f') ||
				      (c >= 'A' && c <= 'F')) ||
		    !!isascii(c) != (c >= 0 && c < 128))
			T_FAIL("character %d is in the wrong class", c);
		T_EQ(toupper(c), lower ? c - 32 : c);
		T_EQ(tolower(c), upper ? c + 32 : c);
	}
}

static const struct t_case cases[] = {
    T(copying),	       T(overlapping_move), T(comparing),
    T(searching),      T(tokenizing),	    T(duplicating),
    T(bits),	       T(strerror_texts),   T(strerror_r_posix),
    T(strsignal_texts), T(ctype_classes),
};

T_MAIN(cases, NULL)
