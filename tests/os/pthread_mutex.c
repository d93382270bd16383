/* tests/os/pthread_mutex.c - mutexes: N threads x M increments under
 * each kind of mutex add up to N*M, trylock, timedlock, a recursive
 * mutex's depth, an error-checking mutex's EDEADLK and EPERM, a holder
 * that sleeps, and the attributes.
 */
#include <pthread.h>
#include <sched.h>

#include "t.h"

#define N 4
#define M 20000

static pthread_mutex_t mutex;
static volatile long counter;

static void *add_m(void *arg)
{
	(void)arg;
	for (int i = 0; i < M; i++) {
		if (pthread_mutex_lock(&mutex))
			return (void *)1;
		long v = counter; /* a read-modify-write the lock must guard */
		if (i % 1000 == 0)
			sched_yield();
		counter = v + 1;
		if (pthread_mutex_unlock(&mutex))
			return (void *)2;
	}
	return NULL;
}

static void count_with(int type)
{
	pthread_mutexattr_t a;
	pthread_t t[N];
	void *r;

	T_EQ(pthread_mutexattr_init(&a), 0);
	T_EQ(pthread_mutexattr_settype(&a, type), 0);
	T_EQ(pthread_mutex_init(&mutex, &a), 0);
	T_EQ(pthread_mutexattr_destroy(&a), 0);
	counter = 0;
	for (int i = 0; i < N; i++)
		T_EQ(pthread_create(&t[i], NULL, add_m, NULL), 0);
	for (int i = 0; i < N; i++) {
		T_EQ(pthread_join(t[i], &r), 0);
		T_EQ((long)r, 0);
	}
	T_EQ(counter, N * M);
	T_EQ(pthread_mutex_destroy(&mutex), 0);
}

static void count_normal(void)
{
	count_with(PTHREAD_MUTEX_NORMAL);
}

static void count_recursive(void)
{
	count_with(PTHREAD_MUTEX_RECURSIVE);
}

static void count_errorcheck(void)
{
	count_with(PTHREAD_MUTEX_ERRORCHECK);
}

static pthread_mutex_t static_mutex = PTHREAD_MUTEX_INITIALIZER;
static volatile long static_counter;

static void *add_static(void *arg)
{
	(void)arg;
	for (int i = 0; i < M; i++) {
		pthread_mutex_lock(&static_mutex);
		static_counter++;
		pthread_mutex_unlock(&static_mutex);
	}
	return NULL;
}

static void count_static_initializer(void)
{
	pthread_t t[N];

	for (int i = 0; i < N; i++)
		T_EQ(pthread_create(&t[i], NULL, add_static, NULL), 0);
	for (int i = 0; i < N; i++)
		T_EQ(pthread_join(t[i], NULL), 0);
	T_EQ(static_counter, N * M);
}

/* what a call from another thread returns */
struct call {
	pthread_mutex_t *m;
	int (*fn)(pthread_mutex_t *);
};

static void *call_fn(void *arg)
{
	struct call *c = arg;

	return (void *)(long)c->fn(c->m);
}

static int in_thread(int (*fn)(pthread_mutex_t *), pthread_mutex_t *m)
{
	struct call c = {m, fn};
	pthread_t t;
	void *r;

	if (pthread_create(&t, NULL, call_fn, &c) || pthread_join(t, &r))
		return -1;
	return (int)(long)r;
}

static void trylock(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

	T_EQ(pthread_mutex_trylock(&m), 0);
	T_EQ(in_thread(pthread_mutex_trylock, &m), EBUSY);
	T_EQ(pthread_mutex_destroy(&m), EBUSY);
	T_EQ(pthread_mutex_unlock(&m), 0);
	T_EQ(in_thread(pthread_mutex_trylock, &m), 0);
	/* the other thread ended holding it: it is still held */
	T_EQ(pthread_mutex_trylock(&m), EBUSY);
}

static void recursive(void)
{
	pthread_mutex_t m = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
	pthread_mutexattr_t a;
	int type;

	T_EQ(pthread_mutexattr_init(&a), 0);
	T_EQ(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE), 0);
	T_EQ(pthread_mutexattr_gettype(&a, &type), 0);
	T_EQ(type, PTHREAD_MUTEX_RECURSIVE);
	T_EQ(pthread_mutex_init(&m, &a), 0);
	for (int i = 0; i < 10; i++)
		T_EQ(pthread_mutex_lock(&m), 0);
	T_EQ(pthread_mutex_trylock(&m), 0); /* the holder: one deeper */
	T_EQ(in_thread(pthread_mutex_trylock, &m), EBUSY);
	T_EQ(in_thread(pthread_mutex_unlock, &m), EPERM);
	for (int i = 0; i < 10; i++) {
		T_EQ(pthread_mutex_unlock(&m), 0);
		T_EQ(in_thread(pthread_mutex_trylock, &m), EBUSY);
	}
	T_EQ(pthread_mutex_unlock(&m), 0);
	T_EQ(pthread_mutex_unlock(&m), EPERM); /* not held any more */
	T_EQ(in_thread(pthread_mutex_trylock, &m), 0);
}

static void errorcheck(void)
{
	pthread_mutex_t m = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
	pthread_mutexattr_t a;
	int type;

	T_EQ(pthread_mutexattr_init(&a), 0);
	T_EQ(pthread_mutexattr_gettype(&a, &type), 0);
	T_EQ(type, PTHREAD_MUTEX_DEFAULT);
	T_EQ(pthread_mutexattr_settype(&a, 99), EINVAL);
	T_EQ(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK), 0);
	T_EQ(pthread_mutex_init(&m, &a), 0);
	T_EQ(pthread_mutex_unlock(&m), EPERM); /* not locked */
	T_EQ(pthread_mutex_lock(&m), 0);
	T_EQ(pthread_mutex_lock(&m), EDEADLK);
	T_EQ(pthread_mutex_trylock(&m), EBUSY);
	T_EQ(in_thread(pthread_mutex_unlock, &m), EPERM);
	T_EQ(in_thread(pthread_mutex_trylock, &m), EBUSY);
	T_EQ(pthread_mutex_unlock(&m), 0);
	T_EQ(pthread_mutex_unlock(&m), EPERM);
}

/* a holder that sleeps: the waiter blocks (in the kernel), then gets in */
static pthread_mutex_t slow = PTHREAD_MUTEX_INITIALIZER;
static volatile int slow_held;

static void *hold_slowly(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&slow);
	slow_held = 1;
	t_sleep_ms(100);
	pthread_mutex_unlock(&slow);
	return NULL;
}

static void blocked_waiter(void)
{
	pthread_t t;

	T_EQ(pthread_create(&t, NULL, hold_slowly, NULL), 0);
	while (!slow_held)
		sched_yield();
	long long t0 = t_now_ns();
	T_EQ(pthread_mutex_lock(&slow), 0);
	T_TRUE(t_now_ns() - t0 >= 50 * 1000000LL);
	T_EQ(pthread_mutex_unlock(&slow), 0);
	T_EQ(pthread_join(t, NULL), 0);
}

static struct timespec in_ms(long ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += ms % 1000 * 1000000;
	ts.tv_sec += ms / 1000 + ts.tv_nsec / 1000000000;
	ts.tv_nsec %= 1000000000;
	return ts;
}

static int timedlock_100ms(pthread_mutex_t *m)
{
	struct timespec ts = in_ms(100);

	return pthread_mutex_timedlock(m, &ts);
}

static void timedlock(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	struct timespec bad = {0, 2000000000};

	T_EQ(timedlock_100ms(&m), 0); /* free: taken at once */
	long long t0 = t_now_ns();
	T_EQ(in_thread(timedlock_100ms, &m), ETIMEDOUT);
	T_TRUE(t_now_ns() - t0 >= 80 * 1000000LL);
	T_EQ(pthread_mutex_timedlock(&m, &bad), EINVAL);
	T_EQ(pthread_mutex_unlock(&m), 0);
	T_EQ(in_thread(timedlock_100ms, &m), 0);
}

static const struct t_case cases[] = {
    T(count_normal),	 T(count_recursive),
    T(count_errorcheck), T(count_static_initializer),
    T(trylock),		 T(recursive),
    T(errorcheck),	 T(blocked_waiter),
    T(timedlock),
};

T_MAIN(cases, NULL)
