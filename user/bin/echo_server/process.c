/* process.c - the lecture's three server protocols, one process or one
 * process per connection.
 *
 *   v1 (iterative): accept, serve, close, accept the next.  While one
 *	client is served the others wait in listen()'s queue.
 *   v2 (fork and wait): "How could the server protect itself?  Handle
 *	each connection in a separate process": the child serves, the
 *	parent closes its copy of the connection and waits for the child
 *	before the next accept.  A crash in the service kills only the
 *	child, but clients are still served one at a time.
 *   v3 (concurrent fork): the same without the wait; the parent goes
 *	straight back to accept, so connections are served concurrently.
 *	The slide comments the wait out; a real server must still collect
 *	its finished children, or each stays a zombie in the process
 *	table: a SIGCHLD handler reaps them (waitpid with WNOHANG, as many
 *	as have ended, since signals do not queue).
 *
 * In each child the listening socket is closed (it belongs to the
 * parent) and in the parent the connection is closed (it belongs to the
 * child): fork shares open sockets, and the connection ends only when
 * both copies are closed. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "echo_server.h"

int serve_iterative(int server_socket)
{
	while (1) {
		/* accept a new client connection, obtaining a new socket */
		int conn_socket = accept_client(server_socket);

		if (conn_socket < 0)
			return 1;
		serve_client(conn_socket);
		close(conn_socket);
	}
}

/* In the child: serve the connection and exit. */
static _Noreturn void child(int server_socket, int conn_socket)
{
	close(server_socket);
	serve_client(conn_socket);
	close(conn_socket);
	exit(0);
}

/* fork() failed (no memory or process slot): this client is turned away
 * and the server pauses a little, as the shortage may pass. */
static void fork_failed(int conn_socket)
{
	static const struct timespec pause = {0, 100 * 1000 * 1000};

	warn_errno("fork");
	close(conn_socket);
	nanosleep(&pause, NULL);
}

int serve_fork_wait(int server_socket)
{
	while (1) {
		int conn_socket = accept_client(server_socket);
		pid_t pid;

		if (conn_socket < 0)
			return 1;
		pid = fork();
		if (pid == 0)
			child(server_socket, conn_socket);
		if (pid < 0) {
			fork_failed(conn_socket);
			continue;
		}
		close(conn_socket);
		/* wait(NULL), as the slide; this child is the only one */
		while (wait(NULL) < 0 && errno == EINTR)
			;
	}
}

/* SIGCHLD: collect every child that has ended (one signal may stand for
 * several).  errno is the interrupted code's, so it is kept. */
static void reap_children(int sig)
{
	int saved = errno;

	(void)sig;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	errno = saved;
}

int serve_fork(int server_socket)
{
	struct sigaction sa = {0};

	sa.sa_handler = reap_children;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGCHLD, &sa, NULL) < 0) {
		warn_errno("sigaction");
		return 1;
	}
	while (1) {
		int conn_socket = accept_client(server_socket);
		pid_t pid;

		if (conn_socket < 0)
			return 1;
		pid = fork();
		if (pid == 0)
			child(server_socket, conn_socket);
		if (pid < 0) {
			fork_failed(conn_socket);
			continue;
		}
		close(conn_socket);
		/* no wait(NULL): reap_children collects it when it ends */
	}
}
