/* libc/net/inet_ntop.c - a binary address to text, as glibc writes it:
 * "a.b.c.d" for AF_INET; for AF_INET6 lower-case hex groups without
 * leading zeros, the first longest run of two or more zero groups as
 * "::", and "::a.b.c.d" / "::ffff:a.b.c.d" for IPv4-compatible and
 * -mapped addresses.  NULL with ENOSPC when dst is too small,
 * EAFNOSUPPORT for another family. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int ntop4(const unsigned char *a, char *buf)
{
	return sprintf(buf, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
}

/* the first longest run of >= 2 zero groups: its start, or -1 */
static int zero_run(const unsigned short *w, int *len)
{
	int best = -1, best_len = 0;

	for (int i = 0; i < 8;) {
		int j = i;

		while (j < 8 && w[j] == 0)
			j++;
		if (j - i > best_len && j - i >= 2) {
			best = i;
			best_len = j - i;
		}
		i = j > i ? j : i + 1;
	}
	*len = best_len;
	return best;
}

static int ntop6(const unsigned char *a, char *buf)
{
	unsigned short w[8];
	int len, run, n = 0;

	for (int i = 0; i < 8; i++)
		w[i] = a[2 * i] << 8 | a[2 * i + 1];
	run = zero_run(w, &len);
	for (int i = 0; i < 8; i++) {
		if (i == run) {
			n += sprintf(buf + n, i == 0 ? "::" : ":");
			i += len - 1;
			continue;
		}
		if (i == 6 && run == 0 &&
		    (len == 6 || (len == 5 && w[5] == 0xffff))) {
			n += ntop4(a + 12, buf + n);
			break;
		}
		n += sprintf(buf + n, "%x%s", w[i], i < 7 ? ":" : "");
	}
	return n;
}

const char *inet_ntop(int af, const void *restrict src, char *restrict dst,
		      socklen_t size)
{
	char buf[INET6_ADDRSTRLEN + 8];
	int n;

	if (af == AF_INET)
		n = ntop4(src, buf);
	else if (af == AF_INET6)
		n = ntop6(src, buf);
	else {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	if ((socklen_t)n >= size) {
		errno = ENOSPC;
		return NULL;
	}
	memcpy(dst, buf, n + 1);
	return dst;
}
