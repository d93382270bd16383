/* tests/os/libc_stdio_buf.c - when stdio's bytes reach the file: the
 * write(2) calls each buffering mode makes, counted, and what has arrived
 * at the other end of a pipe after each call.
 *
 * The program defines write() itself: a static link takes the program's
 * definition over libc.a's, so the streams call this one.  It notes the
 * size of every write to the descriptor under watch and passes the call
 * on with syscall().  Each step then drains the pipe, so the count of
 * writes and the bytes that got through are both checked.
 *
 * The expected sequences are glibc's (the libc follows libio's rules;
 * the same steps were run against glibc 2.36 under strace): full
 * buffering writes a buffer when it is full and another byte comes, big
 * fwrites go straight through in whole buffers, line buffering writes up
 * to the last newline of each piece, unbuffered streams write each call
 * at once (a whole printf at once), a terminal is line buffered, stderr
 * unbuffered, a pipe or a file fully buffered with a buffer of its
 * st_blksize (at most BUFSIZ), and reading a line- or unbuffered stream
 * first writes out a line-buffered stdout.
 *
 * Built with -DCOUNT_NOTHING (against another libc, whose stdio does not
 * call write()), only the arrivals are checked.
 */
#include <sys/ioctl.h>
#include <sys/syscall.h>

#include "t.h"

/* --- the write log */

static int watched = -1;
static int nwrites;
static long sizes[64];

ssize_t write(int fd, const void *buf, size_t n)
{
	if (fd == watched) {
		if (nwrites < T_COUNT(sizes))
			sizes[nwrites] = n;
		nwrites++;
	}
	return syscall(SYS_write, fd, buf, n);
}

/* The writes since the last check must have been exactly these sizes
 * (a list ending with -1), and their bytes must have arrived at rd. */
static void check_writes(const char *file, int line, int rd, ...)
{
	long want[64], total = 0;
	int n = 0;
	va_list ap;

	va_start(ap, rd);
	for (long s; (s = va_arg(ap, long)) >= 0;)
		total += want[n++] = s;
	va_end(ap);
#ifndef COUNT_NOTHING
	if (nwrites != n)
		t_fail(file, line, "%d writes, want %d (the first %ld bytes)",
		       nwrites, n, nwrites ? sizes[0] : 0L);
	for (int i = 0; i < n; i++)
		if (sizes[i] != want[i])
			t_fail(file, line, "write %d: %ld bytes, want %ld",
			       i + 1, sizes[i], want[i]);
#endif
	nwrites = 0;
	if (rd >= 0) {
		static char sink[1 << 16];
		long got = 0, r;

		while ((r = read(rd, sink, sizeof(sink))) > 0)
			got += r;
		if (got != total)
			t_fail(file, line, "%ld bytes arrived, want %ld", got,
			       total);
	}
}

#define WRITES(rd, ...) check_writes(__FILE__, __LINE__, rd, ##__VA_ARGS__, -1L)

/* A pipe whose write end is watched; the read end (non-blocking) in *rd. */
static int watched_pipe(int *rd)
{
	int p[2];

	T_OK(pipe(p));
	T_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
	*rd = p[0];
	watched = p[1];
	nwrites = 0;
	return p[1];
}

static FILE *watched_pipe_stream(int *rd)
{
	FILE *f = fdopen(watched_pipe(rd), "w");

	T_TRUE(f != NULL);
	return f;
}

/* The buffer glibc gives a stream on fd: st_blksize, at most BUFSIZ. */
static long buffer_size(int fd)
{
	struct stat st;

	T_OK(fstat(fd, &st));
	return st.st_blksize > 0 && st.st_blksize < BUFSIZ ? st.st_blksize
							   : BUFSIZ;
}

static long size_of_file(const char *path)
{
	struct stat st;

	T_OK(stat(path, &st));
	return st.st_size;
}

static void put_n(FILE *f, int c, long n)
{
	while (n-- > 0)
		T_EQ(fputc(c, f), c);
}

static char big[12000];

/* --- full buffering */

static void pipe_fully_buffered(void)
{
	int rd;
	FILE *f = watched_pipe_stream(&rd);
	long b = buffer_size(fileno(f));

	T_EQ(fputs("hello", f), 1);
	T_EQ(fputs("line\n", f), 1); /* a newline changes nothing */
	WRITES(rd);
	put_n(f, 'x', b - 10);
	WRITES(rd); /* exactly full: written when one more byte comes */
	T_EQ(fputc('y', f), 'y');
	WRITES(rd, b);
	T_EQ(fflush(f), 0);
	WRITES(rd, 1L);
	T_EQ(fflush(f), 0);
	WRITES(rd);
	T_OK(fclose(f));
}

static void big_fwrite(void)
{
	int rd;
	FILE *f = watched_pipe_stream(&rd);
	long b = buffer_size(fileno(f));

	/* a stream not yet writing: whole buffers straight through */
	T_EQ(fwrite(big, 1, 10000, f), 10000);
	WRITES(rd, 10000 - 10000 % b);
	T_EQ(fflush(f), 0);
	WRITES(rd, 10000 % b);
	/* writing already: fill the buffer, write it, then whole buffers */
	T_EQ(fwrite(big, 1, 100, f), 100);
	T_EQ(fwrite(big, 1, 10000, f), 10000);
	WRITES(rd, b, (10000 - (b - 100)) - (10000 - (b - 100)) % b);
	T_EQ(fclose(f), 0);
	WRITES(rd, (10000 - (b - 100)) % b);
}

static void file_fully_buffered(void)
{
	FILE *f = fopen("f", "w");
	long b;

	T_TRUE(f != NULL);
	watched = fileno(f);
	nwrites = 0;
	b = buffer_size(fileno(f));
	put_n(f, 'a', b);
	WRITES(-1);
	T_EQ(size_of_file("f"), 0);
	T_EQ(fputc('b', f), 'b');
	WRITES(-1, b);
	T_EQ(size_of_file("f"), b);
	T_EQ(fclose(f), 0);
	WRITES(-1, 1L);
	T_EQ(size_of_file("f"), b + 1);
}

/* setvbuf(_IOFBF) with no buffer keeps the stream's own size (glibc
 * ignores the size then) */
static void setvbuf_null_ignores_size(void)
{
	int rd;
	FILE *f = watched_pipe_stream(&rd);

	T_EQ(setvbuf(f, NULL, _IOFBF, 16), 0);
	put_n(f, 'z', 100);
	WRITES(rd);
	T_EQ(fclose(f), 0);
	WRITES(rd, 100L);
}

static void caller_buffer(void)
{
	static char ub[64];
	int rd;
	FILE *f = watched_pipe_stream(&rd);

	T_EQ(setvbuf(f, ub, _IOFBF, sizeof(ub)), 0);
	put_n(f, 'u', 200);
	WRITES(rd, 64L, 64L, 64L);
	/* 8 buffered; a buffer under 128 bytes passes the rest whole */
	T_EQ(fwrite(big, 1, 300, f), 300);
	WRITES(rd, 64L, 244L);
	T_EQ(fputs("tail", f), 1);
	WRITES(rd);
	T_EQ(fflush(f), 0);
	WRITES(rd, 4L);
	T_OK(fclose(f));
}

/* --- line buffering */

static void pipe_line_buffered(void)
{
	int rd;
	FILE *f = watched_pipe_stream(&rd);

	T_EQ(setvbuf(f, NULL, _IOLBF, 0), 0);
	T_EQ(fputs("abc", f), 1);
	WRITES(rd);
	T_EQ(fputs("def\nghi", f), 1); /* up to the last newline */
	WRITES(rd, 7L);
	T_EQ(fputc('\n', f), '\n');
	WRITES(rd, 4L);
	/* each piece of a printf: "1", "\n" (written), "2", "\n" */
	T_EQ(fprintf(f, "%d\n%d\n", 1, 2), 4);
	WRITES(rd, 2L, 2L);
	T_EQ(fprintf(f, "a\nb\nc"), 5); /* one piece of literal text */
	WRITES(rd, 4L);
	T_EQ(fputs("x\ny\nz", f), 1);
	WRITES(rd, 5L);
	T_EQ(fclose(f), 0);
	WRITES(rd, 1L);
}

/* a fully buffered stream becomes line buffered, keeping its buffer and
 * what is in it */
static void line_buffering_after_writing(void)
{
	int rd;
	FILE *f = watched_pipe_stream(&rd);

	T_EQ(fputs("one\n", f), 1);
	WRITES(rd);
	T_EQ(setvbuf(f, NULL, _IOLBF, 0), 0);
	WRITES(rd);
	T_EQ(fprintf(f, "two %s\n", "2"), 6);
	WRITES(rd, 10L);
	T_OK(fclose(f));
}

/* A pseudo-terminal (Linux's /dev/ptmx): the slave, and the master in
 * *master; -1 if there is none. */
static int open_pty(int *master)
{
	char path[32];
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY), unlock = 0, n, s;

	if (m < 0)
		return -1;
	if (ioctl(m, 0x40045431 /* TIOCSPTLCK */, &unlock) < 0 ||
	    ioctl(m, 0x80045430 /* TIOCGPTN */, &n) < 0) {
		close(m);
		return -1;
	}
	snprintf(path, sizeof(path), "/dev/pts/%d", n);
	s = open(path, O_RDWR | O_NOCTTY);
	if (s < 0) {
		close(m);
		return -1;
	}
	T_OK(fcntl(m, F_SETFL, O_NONBLOCK));
	*master = m;
	return s;
}

/* A terminal to write to: a pseudo-terminal (the Linux host), or the
 * console this program runs on (the OS; what it reads is not seen then:
 * *rd is -1).  The lines written start with '#', harmless in the log. */
static int some_terminal(int *rd)
{
	int fd = open_pty(rd);

	if (fd >= 0)
		return fd;
	*rd = -1;
	for (int i = 0; i <= 2; i++)
		if (isatty(i))
			return T_OK(dup(i));
	return -1;
}

static void terminal_line_buffered(void)
{
	int rd, fd = some_terminal(&rd);
	FILE *f;

	if (fd < 0)
		T_FAIL("no terminal: neither /dev/ptmx nor a console on 0-2");
	f = fdopen(fd, "w");
	T_TRUE(f != NULL);
	watched = fd;
	nwrites = 0;
	T_EQ(fputs("# stdio: a terminal", f), 1);
	T_EQ(fprintf(f, " is %s", "line"), 8);
	WRITES(-1);
	T_EQ(fputs(" buffered\n", f), 1);
	WRITES(-1, 37L);
	if (rd >= 0) {
		char got[100];
		int n = T_OK(read(rd, got, sizeof(got) - 1));

		got[n] = 0;
		T_STREQ(got, "# stdio: a terminal is line buffered\r\n");
	}
	T_OK(fclose(f));
}

/* --- unbuffered */

static void pipe_unbuffered(void)
{
	int rd;
	FILE *f = watched_pipe_stream(&rd);

	T_EQ(setvbuf(f, NULL, _IONBF, 0), 0);
	T_EQ(fputc('1', f), '1');
	T_EQ(fputc('2', f), '2');
	WRITES(rd, 1L, 1L);
	T_EQ(fputs("hello", f), 1);
	WRITES(rd, 5L);
	T_EQ(fprintf(f, "%s-%d\n", "a", 42), 5); /* a whole printf at once */
	WRITES(rd, 5L);
	T_EQ(fprintf(f, "%6000d", 7), 6000);
	WRITES(rd, 6000L);
	T_EQ(fwrite(big, 1, 3000, f), 3000);
	WRITES(rd, 3000L);
	T_OK(fclose(f));
	WRITES(rd);
}

static void stderr_unbuffered(void)
{
	int rd, fd = watched_pipe(&rd);

	T_OK(dup2(fd, 2));
	watched = 2;
	T_EQ(fprintf(stderr, "%s %d\n", "err", 1), 6);
	WRITES(rd, 6L);
	T_EQ(fputc('c', stderr), 'c');
	WRITES(rd, 1L);
	errno = ENOENT;
	perror("p");
	WRITES(rd, (long)strlen("p: No such file or directory\n"));
	T_EQ(fputs("abc\n", stderr), 1);
	WRITES(rd, 4L);
}

/* --- stdout, stdin, dprintf */

static void stdout_on_a_pipe(void)
{
	int rd, fd = watched_pipe(&rd);

	T_OK(dup2(fd, 1));
	watched = 1;
	T_EQ(printf("hello %s\n", "pipe"), 11);
	T_EQ(puts("two"), 4);
	WRITES(rd); /* fully buffered */
	T_EQ(fflush(stdout), 0);
	WRITES(rd, 15L);
}

static void stdout_on_a_terminal(void)
{
	int rd, fd = some_terminal(&rd);

	if (fd < 0)
		T_FAIL("no terminal: neither /dev/ptmx nor a console on 0-2");
	T_OK(dup2(fd, 1));
	watched = 1;
	T_EQ(printf("# stdio: stdout on a terminal"), 29);
	WRITES(-1);
	T_EQ(printf(" is line buffered\n"), 18);
	WRITES(-1, 47L);
}

/* Reading a line- or unbuffered stream writes out a line-buffered stdout
 * first (a prompt shows before the program waits); reading a fully
 * buffered one does not. */
static void input_flushes_stdout(void)
{
	int in[2], rd, fd = watched_pipe(&rd);

	T_OK(pipe(in));
	T_EQ(write(in[1], "a", 1), 1);
	T_OK(dup2(in[0], 0));
	T_OK(dup2(fd, 1));
	watched = 1;
	nwrites = 0;
	T_EQ(setvbuf(stdout, NULL, _IOLBF, 0), 0);
	T_EQ(printf("prompt: "), 8);
	WRITES(rd);
	T_EQ(getchar(), 'a'); /* stdin fully buffered (a pipe) */
	WRITES(rd);
	T_EQ(write(in[1], "bc", 2), 2);
	T_EQ(setvbuf(stdin, NULL, _IONBF, 0), 0);
	T_EQ(getchar(), 'b');
	WRITES(rd, 8L);
	T_EQ(printf("again: "), 7);
	T_EQ(getchar(), 'c');
	WRITES(rd, 7L);
}

static void dprintf_one_write(void)
{
	int rd, fd = watched_pipe(&rd);

	T_EQ(dprintf(fd, "%s %d\n", "dp", 1), 5);
	WRITES(rd, 5L);
	T_EQ(dprintf(fd, "a\nb\n"), 4);
	WRITES(rd, 4L);
	T_EQ(dprintf(fd, "%s", ""), 0);
	WRITES(rd);
}

/* snprintf and asprintf write nothing anywhere */
static void string_printf_writes_nothing(void)
{
	char buf[16], *s;

	watched = 1;
	nwrites = 0;
	T_EQ(snprintf(buf, sizeof(buf), "%d\n", 5), 2);
	T_EQ(asprintf(&s, "%s\n", "x"), 2);
	free(s);
	T_EQ(nwrites, 0);
}

static const struct t_case cases[] = {
    T(pipe_fully_buffered),
    T(big_fwrite),
    T(file_fully_buffered),
    T(setvbuf_null_ignores_size),
    T(caller_buffer),
    T(pipe_line_buffered),
    T(line_buffering_after_writing),
    T(terminal_line_buffered),
    T(pipe_unbuffered),
    T(stderr_unbuffered),
    T(stdout_on_a_pipe),
    T(stdout_on_a_terminal),
    T(input_flushes_stdout),
    T(dprintf_one_write),
    T(string_printf_writes_nothing),
};

T_MAIN(cases, NULL)
