/* pool.c - the lecture's thread pool: a master thread and a bounded pool
 * of workers behind a bounded queue.
 *
 * "Problem with previous version: unbounded threads.  When web-site
 * becomes too popular - throughput sinks.  Instead, allocate a bounded
 * 'pool' of worker threads, representing the maximum level of
 * multiprogramming" (CS162 lecture 5).  The slide's shape:
 *
 *	master() {				worker(queue) {
 *	    allocThreads(worker, queue);	    while (TRUE) {
 *	    while (TRUE) {			        con = Dequeue(queue);
 *	        con = AcceptCon();		        if (con == null)
 *	        Enqueue(queue, con);		            sleepOn(queue);
 *	        wakeUp(queue);			        else
 *	    }					            ServiceWebPage(con);
 *	}					    }
 *						}
 *
 * Here the master is the main thread: it starts pool_workers workers,
 * then accepts connections and puts each into a queue of pool_queue
 * slots.  A worker takes the oldest connection, serves it to its end,
 * and takes the next.  The queue is a ring of descriptors guarded by a
 * mutex, with two condition variables: sleepOn/wakeUp become
 * pthread_cond_wait on "not empty" (a worker with nothing to do) and
 * pthread_cond_signal after an Enqueue.
 *
 * Both sides are bounded.  At most pool_workers connections are served
 * at once; the next pool_queue wait in the queue.  When the queue is
 * full the master waits on "not full" (a worker signals it when it takes
 * a connection) instead of dropping anything: meanwhile new connections
 * wait in listen()'s backlog, as they do behind v1's single loop.  So a
 * burst of clients is served in turn, never refused by the server. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "echo_server.h"

unsigned pool_workers = DEFAULT_WORKERS;
unsigned pool_queue = DEFAULT_QUEUE;

/* The accepted connections not yet taken by a worker. */
static struct queue {
	pthread_mutex_t lock;	    /* guards everything below */
	pthread_cond_t not_empty;   /* workers wait here for a connection */
	pthread_cond_t not_full;    /* the master waits here for a free slot */
	int *slots;		    /* size descriptors, a ring */
	unsigned size, head, count; /* slots[head] is the oldest of count */
} queue = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .not_empty = PTHREAD_COND_INITIALIZER,
    .not_full = PTHREAD_COND_INITIALIZER,
};

/* The slide's Enqueue + wakeUp: adds FD at the tail, waiting while the
 * queue is full. */
static void enqueue(struct queue *q, int fd)
{
	pthread_mutex_lock(&q->lock);
	while (q->count == q->size)
		pthread_cond_wait(&q->not_full, &q->lock);
	q->slots[(q->head + q->count) % q->size] = fd;
	q->count++;
	pthread_cond_signal(&q->not_empty); /* one worker is enough */
	pthread_mutex_unlock(&q->lock);
}

/* The slide's Dequeue + sleepOn: the oldest connection, waiting while
 * there is none.  (The loop, not an "if": another worker may have taken
 * the connection between the signal and this thread's wake-up.) */
static int dequeue(struct queue *q)
{
	int fd;

	pthread_mutex_lock(&q->lock);
	while (q->count == 0)
		pthread_cond_wait(&q->not_empty, &q->lock);
	fd = q->slots[q->head];
	q->head = (q->head + 1) % q->size;
	q->count--;
	pthread_cond_signal(&q->not_full); /* the master may be waiting */
	pthread_mutex_unlock(&q->lock);
	return fd;
}

static void *worker(void *arg)
{
	struct queue *q = arg;

	while (1) {
		int conn_socket = dequeue(q);

		serve_client(conn_socket);
		close(conn_socket);
	}
	return NULL;
}

/* The slide's allocThreads: the workers, detached (they never end; the
 * process's exit ends them).  0, or -1 after a message. */
static int alloc_threads(struct queue *q)
{
	pthread_attr_t attr;
	pthread_t thread;

	if (thread_attr(&attr, PTHREAD_CREATE_DETACHED) < 0)
		return -1;
	for (unsigned i = 0; i < pool_workers; i++) {
		int err = pthread_create(&thread, &attr, worker, q);

		if (err) {
			errno = err;
			fprintf(stderr, "echo_server: worker %u of %u: %s\n",
				i + 1, pool_workers, strerror(errno));
			return -1;
		}
	}
	pthread_attr_destroy(&attr);
	return 0;
}

int serve_pool(int server_socket)
{
	queue.size = pool_queue;
	queue.slots = malloc(queue.size * sizeof(*queue.slots));
	if (!queue.slots) {
		warn_errno("queue");
		return 1;
	}
	if (alloc_threads(&queue) < 0)
		return 1;
	while (1) {
		int conn_socket = accept_client(server_socket);

		if (conn_socket < 0)
			return 1;
		enqueue(&queue,
			conn_socket); /* waits while the queue is full */
	}
}
