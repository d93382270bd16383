/* user/bin/echopipe.c - the lecture's echo client and server, over a
 * pair of pipes (CS162 lecture 5, 2023, "Echo client-server example" and
 * "Request Response Protocol").
 *
 * The slides' client() loops: fgets(sndbuf, MAXIN, stdin) ("prompt"),
 * write(sockfd, sndbuf, strlen(sndbuf)+1) ("send (including null
 * terminator)"), memset(rcvbuf, 0, MAXOUT) ("clear"), n = read(sockfd,
 * rcvbuf, MAXOUT) ("receive"), write(STDOUT_FILENO, rcvbuf, n) ("echo").
 * Its server() loops: n = read(consockfd, reqbuf, MAXREQ); if (n <= 0)
 * return; write(STDOUT_FILENO, reqbuf, n); write(consockfd, reqbuf, n).
 * "Communication across the world looks like file IO": the same two
 * functions run here with pipes in place of the socket, the server in a
 * child process.  A socket is two queues, one each way; that takes two
 * pipes, one for the requests and one for the responses.
 *
 *   echopipe
 *
 * reads lines from stdin until its end (^D); for each, the server prints
 * "server: got LINE" and sends it back, and the client prints what came
 * back.  (The slides' client loops for ever; this one stops at the end of
 * input, closes its end, and the server's read() returns 0.)  A request
 * of a line fits in one pipe write of less than PIPE_BUF bytes, which
 * the pipe delivers whole; the slides' "What assumptions are we making?"
 * warns that in general a reader "need[s] to loop and read until we
 * receive the terminator".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXIN 256
#define MAXOUT 256
#define MAXREQ 256

static void fail(const char *what)
{
	fprintf(stderr, "echopipe: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void client(int sendfd, int recvfd)
{
	char sndbuf[MAXIN], rcvbuf[MAXOUT];
	ssize_t n;

	while (fgets(sndbuf, MAXIN, stdin)) { /* prompt */
		/* send, including the null terminator */
		if (write(sendfd, sndbuf, strlen(sndbuf) + 1) < 0)
			fail("write");
		memset(rcvbuf, 0, MAXOUT);	      /* clear */
		n = read(recvfd, rcvbuf, MAXOUT - 1); /* receive */
		if (n <= 0)
			break;
		printf("client: echo %s", rcvbuf); /* echo */
		fflush(stdout);
	}
}

static void server(int recvfd, int sendfd)
{
	char reqbuf[MAXREQ];
	ssize_t n;

	while (1) {
		memset(reqbuf, 0, MAXREQ);
		n = read(recvfd, reqbuf, MAXREQ - 1); /* receive */
		if (n <= 0)
			return;
		printf("server: got %s", reqbuf);
		fflush(stdout);
		if (write(sendfd, reqbuf, n) < 0) /* echo */
			return;
	}
}

int main(int argc, char **argv)
{
	int requests[2], responses[2];
	pid_t pid;

	opterr = 0;
	if (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "echopipe: invalid option -- '%c'\n", optopt);
		fputs("usage: echopipe\n", stderr);
		return 2;
	}
	argc -= optind - 1; /* the operands follow argv[0] */
	argv += optind - 1;
	if (argc > 1) {
		fprintf(stderr, "echopipe: extra operand '%s'\n",
			argv[argc - 1]);
		fputs("usage: echopipe\n", stderr);
		return 2;
	}
	if (pipe(requests) < 0 || pipe(responses) < 0)
		fail("pipe");
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		close(requests[1]);
		close(responses[0]);
		server(requests[0], responses[1]);
		exit(0);
	}
	close(requests[0]);
	close(responses[1]);
	client(requests[1], responses[0]);
	close(requests[1]); /* the server's read() now returns 0 */
	waitpid(pid, NULL, 0);
	return 0;
}
