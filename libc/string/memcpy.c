/* libc/string/memcpy.c - memcpy: four bytes per step, then the tail. */
#include <string.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	void *d = dst;
	size_t words = n / 4, tail = n % 4;

	__asm__ volatile("rep movsl\n\t"
			 "mov %3, %%ecx\n\t"
			 "rep movsb"
			 : "+D"(d), "+S"(src), "+c"(words)
			 : "r"(tail)
			 : "memory");
	return dst;
}
