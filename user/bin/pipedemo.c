/* user/bin/pipedemo.c - a file and a pipe as channels between processes
 * (CS162 lecture 4, 2017, and lecture 5, 2023, "Communication between
 * processes").
 *
 * The slides: "Can we view files as communication channels?" A producer
 * does write(wfd, wbuf, wlen), a consumer n = read(rfd, rbuf, rmax).
 * "Producer and Consumer of a file may be distinct processes - May be
 * separated in time (or not).  However, what if data written once and
 * consumed once?  Don't we want something more like a queue?  Can still
 * look like File I/O!"  That queue is a pipe: "int pipe(int pipefd[2]);
 * Writes to pipefd[1] can be read from pipefd[0]."
 *
 *   pipedemo [-s SECONDS] [FILE]	(default 1 second, pipedemo.tmp)
 *
 * 1. through FILE: a producer process writes three messages and exits;
 *    only then does a consumer process start, and it reads them all: the
 *    file kept them, separated in time from their writer.
 * 2. through a pipe: the consumer starts first and blocks in read(); the
 *    producer writes a message every SECONDS; each read() returns as soon
 *    as one arrives (the consumer prints when), and once the producer
 *    has closed its end, read() returns 0, the end of file.
 * FILE is removed at the end.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MESSAGES 3

static struct timespec start;
static unsigned seconds = 1;

static void fail(const char *what)
{
	fprintf(stderr, "pipedemo: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double elapsed(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start.tv_sec) +
	       (now.tv_nsec - start.tv_nsec) / 1e9;
}

/* One line of the story, flushed at once: several processes share the
 * output, and each line must reach it whole and in time. */
static void say(const char *who, const char *fmt, const char *arg)
{
	printf("%5.1fs %-8s (pid %d) ", elapsed(), who, getpid());
	printf(fmt, arg);
	putchar('\n');
	fflush(stdout);
}

static void produce(int wfd, unsigned pause)
{
	char wbuf[32];

	for (int i = 1; i <= MESSAGES; i++) {
		if (pause)
			sleep(pause);
		snprintf(wbuf, sizeof(wbuf), "message %d", i);
		say("producer", "write(wfd, \"%s\")", wbuf);
		if (write(wfd, wbuf, strlen(wbuf) + 1) < 0) /* with its '\0' */
			fail("write");
	}
}

/* Reads until the end of file; a read may bring several messages. */
static void consume(int rfd)
{
	char rbuf[128];
	ssize_t n;

	while ((n = read(rfd, rbuf, sizeof(rbuf) - 1)) > 0) {
		rbuf[n] = '\0';
		for (ssize_t i = 0; i < n; i += strlen(rbuf + i) + 1)
			say("consumer", "read() -> \"%s\"", rbuf + i);
	}
	if (n < 0)
		fail("read");
	say("consumer", "read() -> 0: %s", "the end of file");
}

/* Runs FN(fd) in a child and returns its pid. */
static pid_t spawn(void (*fn)(int, unsigned), int fd, unsigned pause,
		   int close_fd)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		if (close_fd >= 0)
			close(close_fd);
		fn(fd, pause);
		close(fd);
		exit(0);
	}
	return pid;
}

static void consume_child(int fd, unsigned unused)
{
	(void)unused;
	consume(fd);
}

static void through_file(const char *name)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		fail(name);
	printf("1. through the file %s\n", name);
	waitpid(spawn(produce, fd, 0, -1), NULL, 0);
	close(fd);
	say("parent", "%s", "the producer has exited; now the consumer starts");
	fd = open(name, O_RDONLY);
	if (fd < 0)
		fail(name);
	waitpid(spawn(consume_child, fd, 0, -1), NULL, 0);
	close(fd);
}

static void through_pipe(void)
{
	int pipefd[2];
	pid_t consumer, producer;

	if (pipe(pipefd) < 0)
		fail("pipe");
	printf("2. through a pipe\n");
	consumer = spawn(consume_child, pipefd[0], 0, pipefd[1]);
	say("parent", "%s", "the consumer waits in read() for the producer");
	producer = spawn(produce, pipefd[1], seconds, pipefd[0]);
	close(pipefd[0]);
	close(pipefd[1]);
	waitpid(producer, NULL, 0);
	waitpid(consumer, NULL, 0);
}

static _Noreturn void usage(const char *complaint, const char *what)
{
	fprintf(stderr, "pipedemo: %s%s\n", complaint, what);
	fputs("usage: pipedemo [-s SECONDS] [FILE]\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *name = "pipedemo.tmp";
	char option[] = "-- '?'", *end;
	int c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":s:")) != -1) {
		option[4] = (char)optopt;
		if (c == ':')
			usage("option requires an argument ", option);
		if (c != 's')
			usage("invalid option ", option);
		seconds = (unsigned)strtoul(optarg, &end, 10);
		if (!*optarg || *end || seconds > 60)
			usage("not a number of seconds (0 to 60): ", optarg);
	}
	if (argc - optind > 1)
		usage("extra operand ", argv[optind + 1]);
	if (optind < argc)
		name = argv[optind];
	clock_gettime(CLOCK_MONOTONIC, &start);
	through_file(name);
	unlink(name);
	through_pipe();
	return 0;
}
