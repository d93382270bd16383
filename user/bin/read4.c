/* user/bin/read4.c - reading 4 bytes at a time, with read(2) and with
 * fread(3) (CS162 lecture 5, 2023, "Low-Level vs High-Level file API").
 *
 * The slide: "Every read() or write() causes syscall no matter how small
 * (could read a single byte).  Consider loop to get 4 bytes at a time
 * using read(): each iteration enters kernel for 4 bytes."  Whereas with
 * fread(): "First call to fread() calls read() for block of bytes (say
 * 1024).  Puts in buffer and returns first 4 to user.  Subsequent fread()
 * grab bytes from buffer."
 *
 *   read4 FILE
 *
 * reads FILE to its end both ways and prints, for each, the calls the
 * program made, the read(2) system calls the kernel counted (the syscr
 * line of /proc/self/io, which vfs_read's inc_syscr(current) on the
 * slides feeds; "-" where the kernel has no such file) and the time taken:
 *
 *	read():  2500 calls of 4 bytes, 2501 read system calls, 9120 us
 *	fread(): 2500 calls of 4 bytes, 4 read system calls, 310 us
 *
 * Both ways must see the same bytes: read4 checks that their sums agree.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct result {
	long calls;	    /* calls the program made */
	long long syscalls; /* read(2) calls counted by the kernel, or -1 */
	long micros;
	unsigned long sum; /* of the bytes read, to compare the two ways */
};

/* The kernel's count of this process's read system calls, or -1.  The
 * file is read with read(2) itself; those calls are left out of the
 * differences because each reading costs the same. */
static long long read_syscalls(void)
{
	char buf[512], *line;
	int fd = open("/proc/self/io", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	line = strstr(buf, "syscr:");
	return line ? strtoll(line + 6, NULL, 10) : -1;
}

static long micros_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start->tv_sec) * 1000000L +
	       (now.tv_nsec - start->tv_nsec) / 1000L;
}

static void begin(struct result *r, struct timespec *start)
{
	memset(r, 0, sizeof(*r));
	r->syscalls = read_syscalls();
	clock_gettime(CLOCK_MONOTONIC, start);
}

static void end(struct result *r, const struct timespec *start)
{
	long long after;

	r->micros = micros_since(start);
	after = read_syscalls();
	r->syscalls =
	    after < 0 || r->syscalls < 0 ? -1 : after - r->syscalls - 1;
}

static int with_read(const char *name, struct result *r)
{
	struct timespec start;
	unsigned char buf[4];
	ssize_t n;
	int fd = open(name, O_RDONLY);

	if (fd < 0)
		return -1;
	begin(r, &start);
	do {
		n = read(fd, buf, sizeof(buf));
		r->calls++;
		for (ssize_t i = 0; i < n; i++)
			r->sum += buf[i];
	} while (n > 0);
	end(r, &start);
	close(fd);
	return n < 0 ? -1 : 0;
}

static int with_fread(const char *name, struct result *r)
{
	struct timespec start;
	unsigned char buf[4];
	size_t n;
	int failed;
	FILE *f = fopen(name, "r");

	if (!f)
		return -1;
	begin(r, &start);
	do {
		n = fread(buf, 1, sizeof(buf), f);
		r->calls++;
		for (size_t i = 0; i < n; i++)
			r->sum += buf[i];
	} while (n == sizeof(buf));
	end(r, &start);
	failed = ferror(f);
	fclose(f);
	return failed ? -1 : 0;
}

static void report(const char *how, const struct result *r)
{
	char syscalls[32] = "-";

	if (r->syscalls >= 0)
		snprintf(syscalls, sizeof(syscalls), "%lld", r->syscalls);
	printf("%-8s %ld calls of 4 bytes, %s read system calls, %ld us\n", how,
	       r->calls, syscalls, r->micros);
}

int main(int argc, char **argv)
{
	struct result raw, buffered;

	opterr = 0;
	if (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "read4: invalid option -- '%c'\n", optopt);
		fputs("usage: read4 FILE\n", stderr);
		return 2;
	}
	argc -= optind - 1; /* the operands follow argv[0] */
	argv += optind - 1;
	if (argc != 2) {
		fputs(argc < 2 ? "read4: missing FILE\n"
			       : "read4: one FILE only\n",
		      stderr);
		fputs("usage: read4 FILE\n", stderr);
		return 2;
	}
	if (with_read(argv[1], &raw) < 0 ||
	    with_fread(argv[1], &buffered) < 0) {
		fprintf(stderr, "read4: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	report("read():", &raw);
	report("fread():", &buffered);
	if (raw.sum != buffered.sum) {
		fprintf(stderr, "read4: the two ways read different bytes\n");
		return 1;
	}
	return 0;
}
