/* libc/stdlib/rand.c - rand, srand, random, srandom, rand_r: the same
 * sequences as glibc's.
 *
 * rand and random are glibc's default generator ("TYPE_3"): an additive
 * lagged Fibonacci generator, r[i] = r[i-3] + r[i-31] (mod 2^32), whose
 * 31 words are seeded from an LCG (16807 * x mod 2^31 - 1) and which
 * throws its first 310 outputs away; each output is r[i] >> 1, so
 * RAND_MAX is 2^31 - 1.  Without srand, the seed is 1.  rand_r is
 * glibc's small generator for a caller-kept seed (15 bits per LCG step,
 * three steps, RAND_MAX at most).
 */
#include <stdint.h>
#include <stdlib.h>

#define DEG 31
#define SEP 3

static int32_t r[DEG];
static int front, rear, seeded;

void srandom(unsigned seed)
{
	int32_t word = seed ? seed : 1;

	r[0] = word;
	for (int i = 1; i < DEG; i++) {
		/* 16807 * word % 2147483647, without overflow (Schrage) */
		int32_t hi = word / 127773, lo = word % 127773;

		word = 16807 * lo - 2836 * hi;
		if (word < 0)
			word += 2147483647;
		r[i] = word;
	}
	front = SEP;
	rear = 0;
	seeded = 1;
	for (int i = 0; i < 10 * DEG; i++)
		random();
}

long random(void)
{
	uint32_t v;

	if (!seeded)
		srandom(1);
	v = (uint32_t)r[front] + (uint32_t)r[rear];
	r[front] = (int32_t)v;
	front = (front + 1) % DEG;
	rear = (rear + 1) % DEG;
	return v >> 1;
}

void srand(unsigned seed)
{
	srandom(seed);
}

int rand(void)
{
	return random();
}

int rand_r(unsigned *seed)
{
	unsigned next = *seed;
	int result;

	next = next * 1103515245 + 12345;
	result = next / 65536 % 2048;
	next = next * 1103515245 + 12345;
	result = result << 10 ^ next / 65536 % 1024;
	next = next * 1103515245 + 12345;
	result = result << 10 ^ next / 65536 % 1024;
	*seed = next;
	return result;
}
