/* data.c - the echo client's test data, checksums, clock and figures.
 *
 * Every byte sent comes from a small pseudo-random generator (xorshift32)
 * seeded per connection and round, so the client can check each byte of
 * the echo against what it sent without keeping a copy of a long stream,
 * and a byte delivered twice, lost or out of place shows up as a
 * mismatch (a constant pattern would hide it). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "echo_client.h"

static uint32_t fmix32(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

uint32_t mix_seed(uint32_t seed, uint32_t conn, uint32_t round)
{
	return fmix32(seed * 0x9e3779b1u ^ fmix32(conn * 0x85ebca77u) ^
		      fmix32(round * 0xc2b2ae3du + 1));
}

void pattern_init(struct pattern *p, uint32_t seed)
{
	p->state = seed ? seed : 1; /* xorshift never leaves 0 */
	p->left = 0;
}

static uint32_t xorshift32(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

void pattern_fill(struct pattern *p, unsigned char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p->left == 0) {
			p->word = xorshift32(&p->state);
			p->left = 4;
		}
		buf[i] = p->word & 0xff;
		p->word >>= 8;
		p->left--;
	}
}

uint32_t crc32_update(uint32_t crc, const void *buf, size_t n)
{
	static uint32_t table[256];
	const unsigned char *p = buf;

	if (!table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;

			for (int k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	crc = ~crc;
	while (n--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The nearest-rank percentile P (0-100) of the N sorted values. */
static uint32_t percentile(const uint32_t *v, size_t n, unsigned p)
{
	size_t rank = (n * p + 99) / 100;

	return v[rank ? rank - 1 : 0];
}

void print_latencies(uint32_t *lat_us, size_t n)
{
	if (n == 0)
		return;
	qsort(lat_us, n, sizeof(*lat_us), cmp_u32);
	printf("echo_lat_p50 %u us\n", (unsigned)percentile(lat_us, n, 50));
	printf("echo_lat_p99 %u us\n", (unsigned)percentile(lat_us, n, 99));
	printf("echo_lat_max %u us\n", (unsigned)lat_us[n - 1]);
}
