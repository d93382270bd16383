/* user/bin/lowio-std.c - the standard descriptors with raw system calls
 * (CS162 lecture 4, 2017, "Another example: lowio-std.c").
 *
 * The slide's program writes "I am a process.\n" (16 bytes) to
 * STDOUT_FILENO with write(2), reads up to BUFSIZE (1024) bytes from
 * STDIN_FILENO with one read(2), formats "Got %zd chars\n" into the same
 * buffer with snprintf and writes that, with at most BUFSIZE bytes, and
 * exits.  The three descriptors 0, 1, 2 are open before main() runs
 * (STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO: "C Low Level: standard
 * descriptors"), wherever they lead: a terminal, a file, a pipe.
 *
 * What read() returns depends on what fd 0 is: on a terminal one read
 * gets one line (the line discipline hands over a line at a time), so
 * typing "hello" and Enter gives "Got 6 chars" (the newline counts); from
 * a pipe or a file it gets what is there, up to 1024 bytes; at the end
 * of input (^D on an empty line) "Got 0 chars".  A read error shows as
 * "Got -1 chars", as the slide's code would print it.
 *
 *	$ echo hello | lowio-std
 *	I am a process.
 *	Got 6 chars
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define BUFSIZE 1024

int main(void)
{
	char buf[BUFSIZE];
	ssize_t writelen = write(STDOUT_FILENO, "I am a process.\n", 16);
	ssize_t readlen = read(STDIN_FILENO, buf, BUFSIZE);
	/* the slide's "%zd", written to be right whether ssize_t is an
	 * int (glibc) or a long (our libc) */
	ssize_t len = snprintf(buf, BUFSIZE, "Got %ld chars\n", (long)readlen);

	writelen = len < BUFSIZE ? len : BUFSIZE;
	write(STDOUT_FILENO, buf, writelen);
	exit(0);
}
