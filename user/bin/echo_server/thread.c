/* thread.c - the lecture's "concurrent server without protection": a
 * thread per connection.
 *
 * "Spawn a new thread to handle each connection.  Main thread initiates
 * new client connections without waiting for previously spawned
 * threads.  Why give up the protection of separate processes?  More
 * efficient to create new threads, more efficient to switch between
 * threads" (CS162 lecture 5).  The shape is v3's (fork per connection)
 * with pthread_create in place of fork: the connection's service runs
 * concurrently with the accept loop, but in the same address space, so
 * a crash in one connection's service ends the whole server, and the
 * threads must not share data without locks (serve_client shares none:
 * each has its buffer on its own stack).
 *
 * The threads are detached: nobody joins them, and a detached thread's
 * resources go back when it ends, as a SIGCHLD handler reaping v3's
 * children does for processes.  Nothing is closed in the "parent" here:
 * the thread owns the connection's descriptor, and the listening socket
 * is shared by all (one descriptor table). */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "echo_server.h"

int thread_attr(pthread_attr_t *attr, int detach_state)
{
	int err = pthread_attr_init(attr);

	if (!err)
		err = pthread_attr_setstacksize(attr, THREAD_STACK);
	if (!err)
		err = pthread_attr_setdetachstate(attr, detach_state);
	if (err) {
		errno = err;
		warn_errno("thread attributes");
		return -1;
	}
	return 0;
}

/* One connection's thread: its descriptor comes in the argument. */
static void *connection_thread(void *arg)
{
	int conn_socket = (int)(intptr_t)arg;

	serve_client(conn_socket);
	close(conn_socket);
	return NULL;
}

/* Starts a detached thread serving CONN_SOCKET.  When threads run short
 * (EAGAIN: no memory or thread slot now) the server waits and tries
 * again: the client is kept waiting, not turned away, as the shortage
 * passes when connections end.  0, or -1 (the connection was closed)
 * on other errors. */
static int spawn(pthread_attr_t *attr, int conn_socket)
{
	static const struct timespec pause = {0, 100 * 1000 * 1000};
	bool warned = false;
	pthread_t thread;
	int err;

	while ((err = pthread_create(&thread, attr, connection_thread,
				     (void *)(intptr_t)conn_socket)) ==
	       EAGAIN) {
		if (!warned) {
			errno = err;
			warn_errno("pthread_create (waiting)");
			warned = true;
		}
		nanosleep(&pause, NULL);
	}
	if (err) {
		errno = err;
		warn_errno("pthread_create");
		close(conn_socket);
		return -1;
	}
	return 0;
}

int serve_thread(int server_socket)
{
	pthread_attr_t attr;

	if (thread_attr(&attr, PTHREAD_CREATE_DETACHED) < 0)
		return 1;
	while (1) {
		int conn_socket = accept_client(server_socket);

		if (conn_socket < 0)
			return 1;
		spawn(&attr, conn_socket);
		/* no join: the thread's resources go back when it ends */
	}
}
