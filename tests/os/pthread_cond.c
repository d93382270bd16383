/* tests/os/pthread_cond.c - condition variables: producers and consumers
 * on a bounded queue (every item once, the queue never over its size),
 * broadcast waking every waiter, signal waking one, a ping-pong between
 * two threads, and timedwait: ETIMEDOUT after the time, with the mutex
 * held again, EINVAL for a bad time, CLOCK_MONOTONIC through a condattr.
 */
#include <pthread.h>
#include <sched.h>

#include "t.h"

/* --- a bounded queue, the lecture's master/worker shape */

#define QSIZE 4
#define PRODUCERS 3
#define CONSUMERS 3
#define ITEMS 3000 /* per producer */

static struct {
	pthread_mutex_t lock;
	pthread_cond_t not_full, not_empty;
	int items[QSIZE];
	int head, count, max_count;
} q = {.lock = PTHREAD_MUTEX_INITIALIZER,
       .not_full = PTHREAD_COND_INITIALIZER,
       .not_empty = PTHREAD_COND_INITIALIZER};

static void put(int v)
{
	pthread_mutex_lock(&q.lock);
	while (q.count == QSIZE)
		pthread_cond_wait(&q.not_full, &q.lock);
	q.items[(q.head + q.count++) % QSIZE] = v;
	if (q.count > q.max_count)
		q.max_count = q.count;
	pthread_cond_signal(&q.not_empty);
	pthread_mutex_unlock(&q.lock);
}

static int get(void)
{
	int v;

	pthread_mutex_lock(&q.lock);
	while (q.count == 0)
		pthread_cond_wait(&q.not_empty, &q.lock);
	v = q.items[q.head];
	q.head = (q.head + 1) % QSIZE;
	q.count--;
	pthread_cond_signal(&q.not_full);
	pthread_mutex_unlock(&q.lock);
	return v;
}

static void *producer(void *arg)
{
	int base = (int)(long)arg * ITEMS;

	for (int i = 0; i < ITEMS; i++)
		put(base + i + 1);
	return NULL;
}

static unsigned char seen[PRODUCERS * ITEMS + 1];

/* takes items until a 0; returns how many */
static void *consumer(void *arg)
{
	long n = 0;
	int v;

	(void)arg;
	while ((v = get()) != 0) {
		__atomic_add_fetch(&seen[v], 1, __ATOMIC_SEQ_CST);
		n++;
	}
	return (void *)n;
}

static void producer_consumer(void)
{
	pthread_t p[PRODUCERS], c[CONSUMERS];
	long total = 0;
	void *r;

	for (long i = 0; i < CONSUMERS; i++)
		T_EQ(pthread_create(&c[i], NULL, consumer, NULL), 0);
	for (long i = 0; i < PRODUCERS; i++)
		T_EQ(pthread_create(&p[i], NULL, producer, (void *)i), 0);
	for (int i = 0; i < PRODUCERS; i++)
		T_EQ(pthread_join(p[i], NULL), 0);
	for (int i = 0; i < CONSUMERS; i++)
		put(0); /* one end mark each */
	for (int i = 0; i < CONSUMERS; i++) {
		T_EQ(pthread_join(c[i], &r), 0);
		total += (long)r;
	}
	T_EQ(total, PRODUCERS * ITEMS);
	for (int v = 1; v <= PRODUCERS * ITEMS; v++)
		if (seen[v] != 1)
			T_FAIL("item %d taken %d times", v, seen[v]);
	T_TRUE(q.max_count <= QSIZE);
	T_EQ(q.count, 0);
}

/* --- broadcast and signal */

#define WAITERS 6

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int go, waiting, woken;

static void *wait_for_go(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	waiting++;
	while (!go)
		pthread_cond_wait(&cv, &m);
	woken++;
	go--; /* for signal: each wake-up takes one */
	pthread_mutex_unlock(&m);
	return NULL;
}

static void wait_until_waiting(int n)
{
	for (int i = 0; i < 5000; i++) {
		pthread_mutex_lock(&m);
		int w = waiting;
		pthread_mutex_unlock(&m);
		if (w == n)
			break;
		t_sleep_ms(1);
	}
	t_sleep_ms(20); /* and, likely, asleep in wait */
}

static void broadcast(void)
{
	pthread_t t[WAITERS];

	for (int i = 0; i < WAITERS; i++)
		T_EQ(pthread_create(&t[i], NULL, wait_for_go, NULL), 0);
	wait_until_waiting(WAITERS);
	pthread_mutex_lock(&m);
	go = WAITERS;
	T_EQ(pthread_cond_broadcast(&cv), 0);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < WAITERS; i++)
		T_EQ(pthread_join(t[i], NULL), 0);
	T_EQ(woken, WAITERS);
}

static void signal_one(void)
{
	pthread_t t[WAITERS];

	for (int i = 0; i < WAITERS; i++)
		T_EQ(pthread_create(&t[i], NULL, wait_for_go, NULL), 0);
	wait_until_waiting(WAITERS);
	for (int n = 1; n <= WAITERS; n++) {
		pthread_mutex_lock(&m);
		go++;
		T_EQ(pthread_cond_signal(&cv), 0);
		pthread_mutex_unlock(&m);
		/* one more waiter finishes (wake-ups may be spurious, but
		 * only one can take the go) */
		for (int i = 0; i < 5000; i++) {
			pthread_mutex_lock(&m);
			int w = woken;
			pthread_mutex_unlock(&m);
			if (w >= n)
				break;
			t_sleep_ms(1);
		}
		pthread_mutex_lock(&m);
		T_EQ(woken, n);
		pthread_mutex_unlock(&m);
	}
	for (int i = 0; i < WAITERS; i++)
		T_EQ(pthread_join(t[i], NULL), 0);
	/* with nobody waiting, signal and broadcast do nothing */
	T_EQ(pthread_cond_signal(&cv), 0);
	T_EQ(pthread_cond_broadcast(&cv), 0);
}

/* --- ping-pong: strict turns */

#define ROUNDS 2000

static int turn, pongs;

static void *pong(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&m);
		while (turn != 1)
			pthread_cond_wait(&cv, &m);
		pongs++;
		turn = 0;
		pthread_cond_signal(&cv);
		pthread_mutex_unlock(&m);
	}
	return NULL;
}

static void ping_pong(void)
{
	pthread_t t;

	T_EQ(pthread_create(&t, NULL, pong, NULL), 0);
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&m);
		T_EQ(pongs, i);
		turn = 1;
		pthread_cond_signal(&cv);
		while (turn != 0)
			pthread_cond_wait(&cv, &m);
		pthread_mutex_unlock(&m);
	}
	T_EQ(pthread_join(t, NULL), 0);
	T_EQ(pongs, ROUNDS);
}

/* --- timedwait */

static struct timespec in_ms(clockid_t clock, long ms)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	long long ns = ts.tv_sec * 1000000000LL + ts.tv_nsec + ms * 1000000LL;
	ts.tv_sec = ns / 1000000000;
	ts.tv_nsec = ns % 1000000000;
	return ts;
}

static void timedwait_times_out(void)
{
	pthread_mutex_t em = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	struct timespec ts = in_ms(CLOCK_REALTIME, 100);
	long long t0 = t_now_ns();

	T_EQ(pthread_mutex_lock(&em), 0);
	T_EQ(pthread_cond_timedwait(&c, &em, &ts), ETIMEDOUT);
	T_TRUE(t_now_ns() - t0 >= 90 * 1000000LL);
	T_TRUE(t_now_ns() - t0 < 10000 * 1000000LL);
	/* the mutex is ours again */
	T_EQ(pthread_mutex_lock(&em), EDEADLK);
	/* a time already past: at once */
	ts = in_ms(CLOCK_REALTIME, -10);
	t0 = t_now_ns();
	T_EQ(pthread_cond_timedwait(&c, &em, &ts), ETIMEDOUT);
	T_TRUE(t_now_ns() - t0 < 1000 * 1000000LL);
	ts.tv_nsec = 1000000000;
	T_EQ(pthread_cond_timedwait(&c, &em, &ts), EINVAL);
	T_EQ(pthread_mutex_unlock(&em), 0);
	/* waiting on a mutex we do not hold */
	ts = in_ms(CLOCK_REALTIME, 10);
	T_EQ(pthread_cond_timedwait(&c, &em, &ts), EPERM);
}

static pthread_cond_t tc = PTHREAD_COND_INITIALIZER;
static int flag;

static void *set_flag_later(void *arg)
{
	(void)arg;
	t_sleep_ms(30);
	pthread_mutex_lock(&m);
	flag = 1;
	pthread_cond_signal(&tc);
	pthread_mutex_unlock(&m);
	return NULL;
}

static void timedwait_signalled(void)
{
	struct timespec ts = in_ms(CLOCK_REALTIME, 10000);
	pthread_t t;
	int r = 0;

	T_EQ(pthread_create(&t, NULL, set_flag_later, NULL), 0);
	pthread_mutex_lock(&m);
	long long t0 = t_now_ns();
	while (!flag && r == 0)
		r = pthread_cond_timedwait(&tc, &m, &ts);
	T_EQ(r, 0);
	T_EQ(flag, 1);
	T_TRUE(t_now_ns() - t0 < 5000 * 1000000LL);
	pthread_mutex_unlock(&m);
	T_EQ(pthread_join(t, NULL), 0);
}

static void timedwait_monotonic(void)
{
	pthread_condattr_t a;
	pthread_cond_t c;
	clockid_t clock;
	struct timespec ts;

	T_EQ(pthread_condattr_init(&a), 0);
	T_EQ(pthread_condattr_getclock(&a, &clock), 0);
	T_EQ(clock, CLOCK_REALTIME);
	T_EQ(pthread_condattr_setclock(&a, CLOCK_MONOTONIC), 0);
	T_EQ(pthread_condattr_getclock(&a, &clock), 0);
	T_EQ(clock, CLOCK_MONOTONIC);
	T_EQ(pthread_cond_init(&c, &a), 0);
	T_EQ(pthread_condattr_destroy(&a), 0);
	ts = in_ms(CLOCK_MONOTONIC, 50);
	long long t0 = t_now_ns();
	pthread_mutex_lock(&m);
	T_EQ(pthread_cond_timedwait(&c, &m, &ts), ETIMEDOUT);
	pthread_mutex_unlock(&m);
	T_TRUE(t_now_ns() - t0 >= 40 * 1000000LL);
	T_EQ(pthread_cond_destroy(&c), 0);
}

static const struct t_case cases[] = {
    T(producer_consumer),   T(broadcast),	    T(signal_one),
    T(ping_pong),	    T(timedwait_times_out), T(timedwait_signalled),
    T(timedwait_monotonic),
};

T_MAIN(cases, NULL)
