/* interactive.c - the lecture's echo client (CS162 lecture 5, "Client
 * Protocol" and "Echo client-server example").
 *
 * lookup_host(), socket(), connect() to the server, then run_client():
 * each line from stdin ("prompt") is written to the socket ("send"), the
 * echo read back ("receive") and written to stdout ("echo").  Two
 * differences from the slide: the slide sends the string's null
 * terminator too, which would come back and land on the terminal, so
 * only the line is sent; and its single read() assumes the whole echo
 * arrives at once, which "What assumptions are we making?" warns about:
 * here the client reads until as many bytes have come back as it sent.
 * At the end of stdin it closes the connection and exits. */
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "echo_client.h"

#define MAXIN 4096
#define MAXOUT 4096

/* 0 when stdin ended, 1 when the server went away. */
static int run_client(int sockfd)
{
	char sndbuf[MAXIN], rcvbuf[MAXOUT];

	while (fgets(sndbuf, MAXIN, stdin)) { /* prompt */
		size_t len = strlen(sndbuf);

		if (write_all(sockfd, sndbuf, len) < 0) { /* send */
			warn_errno("write");
			return 1;
		}
		for (size_t got = 0; got < len;) {
			ssize_t n = read(sockfd, rcvbuf, MAXOUT); /* receive */

			if (n <= 0) {
				if (n < 0)
					warn_errno("read");
				else
					fputs("echo_client: the server closed "
					      "the connection\n",
					      stderr);
				return 1;
			}
			write_all(STDOUT_FILENO, rcvbuf, n); /* echo */
			got += n;
		}
	}
	return 0;
}

int run_interactive(const struct options *o)
{
	struct addrinfo *server = lookup_host(o->host, o->port);
	int sock_fd, status;

	if (!server)
		return 1;
	sock_fd = connect_to(server);
	freeaddrinfo(server);
	if (sock_fd < 0)
		return 1;
	status = run_client(sock_fd);
	close(sock_fd);
	return status;
}
