/* tests/os/hello_glibc.c - the real-binary test: an ordinary hello world,
 * built with the host's glibc (gcc -m32 -static, no special flags) and
 * run unchanged.  glibc's start-up exercises what the libc here does not:
 * TLS through set_thread_area, set_tid_address, brk/mmap for its heap,
 * the auxiliary vector, stdio on fd 1.  Not TAP: the runner checks for
 * the line "hello from glibc" and exit status 0. */
#include <stdio.h>

int main(void)
{
	printf("hello from glibc\n");
	return 0;
}
