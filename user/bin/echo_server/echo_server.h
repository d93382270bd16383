/* echo_server.h - what the echo server's files share: the table of server
 * designs, the one connection's service (serve.c), and messages.
 *
 * Each design is a function that takes the listening socket and loops
 * for ever accepting and serving connections; main.c creates the socket
 * (the lecture's "socket setup code elided") and calls the one the user
 * chose.  A new design is one more function and one more line in
 * main.c's table. */
#ifndef ECHO_SERVER_H
#define ECHO_SERVER_H

#include <pthread.h>
#include <stdbool.h>
#include <sys/types.h>

#define MAXREQ 16384 /* bytes read at a time, as the slide's reqbuf */

/* A thread's stack: serve_client's MAXREQ buffer and room for the libc.
 * Set explicitly, as the default differs between libcs (8 MiB with
 * glibc): 256 connections at once need 256 stacks. */
#define THREAD_STACK (128 * 1024)

/* The thread pool's sizes (-w, -q): workers, and queue slots for
 * accepted connections no worker has taken yet. */
#define DEFAULT_WORKERS 16
#define DEFAULT_QUEUE 64
#define MAX_WORKERS 1024
#define MAX_QUEUE_SLOTS 65536
extern unsigned pool_workers, pool_queue;

/* -v: print what each connection sends, as the slide's server does */
extern bool verbose;

/* The designs (process.c, poll.c, thread.c, pool.c).  Each returns only
 * on a fatal error, with the exit status to use. */
int serve_iterative(int server_socket);
int serve_fork_wait(int server_socket);
int serve_fork(int server_socket);
int serve_poll(int server_socket);
int serve_thread(int server_socket);
int serve_pool(int server_socket);

/* thread.c: ATTR initialised for the servers' threads: THREAD_STACK
 * bytes of stack, DETACH_STATE (PTHREAD_CREATE_DETACHED...); 0, or -1
 * after a message. */
int thread_attr(pthread_attr_t *attr, int detach_state);

/* serve.c: the slide's server(): echo everything CONSOCKFD sends until it
 * closes its side or an error; the caller closes CONSOCKFD. */
void serve_client(int consockfd);

/* Writes all N bytes of BUF to FD (a short write is retried, EINTR too);
 * 0, or -1 with errno. */
int write_all(int fd, const void *buf, size_t n);

/* accept() that retries on EINTR and waits out transient failures (no
 * free descriptor or memory: a message and a short pause); the new
 * socket (no_delay already applied), or -1 with errno only on errors
 * that will not go away. */
int accept_client(int server_socket);

/* TCP_NODELAY on connection FD: an echo goes back in the pieces its
 * request arrived in, each at once.  With Nagle's algorithm a small last
 * piece would wait until the client acknowledged the previous one, and a
 * client that delays its acknowledgements (Linux up to 40 ms, lwIP up to
 * 250 ms) would see each request longer than a segment take that long. */
void no_delay(int fd);

/* A message "echo_server: WHAT: strerror(errno)" on stderr. */
void warn_errno(const char *what);

#endif
