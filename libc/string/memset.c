/* libc/string/memset.c - memset: four bytes per step, then the tail. */
#include <stdint.h>
#include <string.h>

void *memset(void *dst, int c, size_t n)
{
	void *d = dst;
	uint32_t pattern = (uint8_t)c * 0x01010101u;
	size_t words = n / 4, tail = n % 4;

	__asm__ volatile("rep stosl\n\t"
			 "mov %3, %%ecx\n\t"
			 "rep stosb"
			 : "+D"(d), "+c"(words)
			 : "a"(pattern), "r"(tail)
			 : "memory");
	return dst;
}
