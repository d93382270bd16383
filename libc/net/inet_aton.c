/* libc/net/inet_aton.c - the old, loose IPv4 text forms (4.2BSD's), as
 * glibc reads them: 1 to 4 parts separated by dots, each decimal, octal
 * (leading 0) or hex (0x); the last part fills all the bytes that are
 * left ("127.1" is 127.0.0.1, "2130706433" too); anything after the
 * address must start with white space.  inet_addr is the same with
 * INADDR_NONE (which is also 255.255.255.255's value) for a bad text. */
#include <arpa/inet.h>
#include <ctype.h>

/* one part's number at *sp; -1 if there is none or it overflows */
static long long part(const char **sp)
{
	const char *s = *sp;
	unsigned long long v = 0;
	int base = 10, digits = 0;

	if (!isdigit((unsigned char)*s))
		return -1;
	if (*s == '0') {
		s++;
		digits = 1;
		if (*s == 'x' || *s == 'X') {
			base = 16;
			digits = 0;
			s++;
		} else {
			base = 8;
		}
	}
	for (;; s++, digits++) {
		int d;

		if (isdigit((unsigned char)*s))
			d = *s - '0';
		else if (base == 16 && isxdigit((unsigned char)*s))
			d = (*s | 0x20) - 'a' + 10;
		else
			break;
		if (d >= base)
			return -1; /* an 8 or 9 in octal */
		v = v * base + d;
		if (v > 0xffffffffULL)
			return -1;
	}
	*sp = s;
	return digits ? (long long)v : -1;
}

int inet_aton(const char *cp, struct in_addr *inp)
{
	static const unsigned long max[] = {0xffffffff, 0xffffff, 0xffff, 0xff};
	unsigned long bytes[4];
	int n = 0;
	long long v;

	for (;;) {
		v = part(&cp);
		if (v < 0)
			return 0;
		if (*cp != '.')
			break;
		if (n == 3 || v > 0xff)
			return 0;
		bytes[n++] = v;
		cp++;
	}
	if (*cp && !isspace((unsigned char)*cp))
		return 0;
	if ((unsigned long long)v > max[n])
		return 0;
	for (int i = 0; i < n; i++)
		v |= (unsigned long long)bytes[i] << (24 - 8 * i);
	if (inp)
		inp->s_addr = htonl((uint32_t)v);
	return 1;
}

in_addr_t inet_addr(const char *cp)
{
	struct in_addr a;

	return inet_aton(cp, &a) ? a.s_addr : INADDR_NONE;
}
