/* libc/net/inet_pton.c - text to a binary address, strictly, as glibc:
 * AF_INET is exactly four decimal numbers 0-255 with dots and no leading
 * zeros ("01.2.3.4" is refused); AF_INET6 is eight groups of 1-4 hex
 * digits, one "::" standing for a run of zero groups, and optionally a
 * dotted IPv4 address as the last 32 bits.  1 on success, 0 for a bad
 * text, -1 (EAFNOSUPPORT) for another family. */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

/* four dotted decimal bytes into dst[4]; 1 if s is exactly that */
static int pton4(const char *s, unsigned char *dst)
{
	unsigned char out[4];
	int parts = 0;

	for (;;) {
		unsigned v = 0;
		int digits = 0;

		if (*s < '0' || *s > '9')
			return 0;
		if (*s == '0' && s[1] >= '0' && s[1] <= '9')
			return 0; /* no leading zeros: "01" may mean octal */
		while (*s >= '0' && *s <= '9') {
			v = v * 10 + (*s++ - '0');
			if (v > 255 || ++digits > 3)
				return 0;
		}
		out[parts++] = v;
		if (parts == 4)
			break;
		if (*s++ != '.')
			return 0;
	}
	if (*s)
		return 0;
	memcpy(dst, out, 4);
	return 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* an IPv6 text into dst[16]; 1 if it is one */
static int pton6(const char *s, unsigned char *dst)
{
	unsigned char out[16] = {0};
	int n = 0, gap = -1; /* bytes done; where "::" was */

	if (s[0] == ':' && s[1] != ':')
		return 0; /* a leading ':' only as part of "::" */
	if (s[0] == ':')
		s++;
	while (*s) {
		if (*s == ':') { /* the second ':' of a "::" */
			if (gap >= 0)
				return 0;
			gap = n;
			s++;
			continue;
		}
		const char *start = s;
		unsigned v = 0;

		while (hexval(*s) >= 0 && s - start < 4)
			v = v << 4 | hexval(*s++);
		if (*s == '.' && n <= 12) { /* a trailing IPv4 address */
			if (!pton4(start, out + n))
				return 0;
			n += 4;
			break;
		}
		if (s == start || n == 16)
			return 0;
		out[n++] = v >> 8;
		out[n++] = v;
		if (*s == ':') {
			if (!*++s)
				return 0; /* "1::2:" */
		} else if (*s) {
			return 0;
		}
	}
	if (gap >= 0) {
		if (n == 16)
			return 0; /* "::" must stand for at least one group */
		memmove(out + 16 - (n - gap), out + gap, n - gap);
		memset(out + gap, 0, 16 - n);
	} else if (n != 16) {
		return 0;
	}
	memcpy(dst, out, 16);
	return 1;
}

int inet_pton(int af, const char *restrict src, void *restrict dst)
{
	if (af == AF_INET)
		return pton4(src, dst);
	if (af == AF_INET6)
		return pton6(src, dst);
	errno = EAFNOSUPPORT;
	return -1;
}
