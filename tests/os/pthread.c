/* tests/os/pthread.c - threads from <pthread.h>: create and join with
 * results, pthread_exit, detach, self and equal, attributes (stack size,
 * detach state), pthread_once, keys with destructors, errno and
 * `__thread` variables per thread, pthread_kill, and how the process
 * ends: exit() from any thread ends it all, the last pthread_exit ends it
 * with status 0.  Also fork from a thread, and the clone() wrapper.
 */
#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "t.h"

#define NT 8

static void *return_arg_times_3(void *arg)
{
	return (void *)((long)arg * 3);
}

static void create_join(void)
{
	pthread_t t[NT];

	for (long i = 0; i < NT; i++)
		T_EQ(pthread_create(&t[i], NULL, return_arg_times_3, (void *)i),
		     0);
	for (long i = 0; i < NT; i++) {
		void *r = NULL;

		T_EQ(pthread_join(t[i], &r), 0);
		T_EQ((long)r, i * 3);
	}
}

/* a thread sees memory the creator wrote, and the creator sees its
 * writes after the join */
static int shared[NT];

static void *write_slot(void *arg)
{
	long i = (long)arg;

	shared[i] = shared[i] * 10 + (int)i;
	return NULL;
}

static void shared_memory(void)
{
	pthread_t t[NT];

	for (long i = 0; i < NT; i++) {
		shared[i] = 7;
		T_EQ(pthread_create(&t[i], NULL, write_slot, (void *)i), 0);
	}
	for (int i = 0; i < NT; i++)
		T_EQ(pthread_join(t[i], NULL), 0);
	for (int i = 0; i < NT; i++)
		T_EQ(shared[i], 70 + i);
}

static void *deep_exit(void *arg)
{
	if (arg)
		pthread_exit((void *)0x5eed);
	return NULL;
}

static void exit_value(void)
{
	pthread_t t;
	void *r;

	T_EQ(pthread_create(&t, NULL, deep_exit, (void *)1), 0);
	T_EQ(pthread_join(t, &r), 0);
	T_EQ((long)r, 0x5eed);
}

static pthread_t seen_self, seen_global;
static pthread_t global_t;

static void *look_at_self(void *arg)
{
	(void)arg;
	seen_self = pthread_self();
	seen_global = global_t; /* stored by pthread_create before we ran */
	return NULL;
}

static void self_equal(void)
{
	T_TRUE(pthread_equal(pthread_self(), pthread_self()));
	T_EQ(pthread_create(&global_t, NULL, look_at_self, NULL), 0);
	T_EQ(pthread_join(global_t, NULL), 0);
	T_TRUE(pthread_equal(seen_self, global_t));
	T_TRUE(pthread_equal(seen_global, global_t));
	T_TRUE(!pthread_equal(seen_self, pthread_self()));
}

static void join_errors(void)
{
	T_EQ(pthread_join(pthread_self(), NULL), EDEADLK);
}

static volatile int detached_done;

static void *detached_fn(void *arg)
{
	(void)arg;
	__atomic_add_fetch(&detached_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void wait_detached(int n)
{
	for (int i = 0; i < 5000 && detached_done < n; i++)
		t_sleep_ms(1);
	T_EQ(detached_done, n);
}

static void detach(void)
{
	pthread_attr_t a;
	pthread_t t;
	int st;

	T_EQ(pthread_attr_init(&a), 0);
	T_EQ(pthread_attr_getdetachstate(&a, &st), 0);
	T_EQ(st, PTHREAD_CREATE_JOINABLE);
	T_EQ(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED), 0);
	T_EQ(pthread_attr_getdetachstate(&a, &st), 0);
	T_EQ(st, PTHREAD_CREATE_DETACHED);
	T_EQ(pthread_attr_setdetachstate(&a, 42), EINVAL);
	for (int i = 0; i < 20; i++)
		T_EQ(pthread_create(&t, &a, detached_fn, NULL), 0);
	T_EQ(pthread_attr_destroy(&a), 0);
	wait_detached(20);
	/* detached after creation: before and after the thread ended */
	for (int i = 0; i < 20; i++) {
		T_EQ(pthread_create(&t, NULL, detached_fn, NULL), 0);
		if (i % 2)
			t_sleep_ms(2);
		T_EQ(pthread_detach(t), 0);
	}
	wait_detached(40);
}

/* a thread with a big stack uses most of it; one with a small stack
 * still runs */
static void *use_stack(void *arg)
{
	size_t n = (size_t)arg;
	volatile char buf[n];

	for (size_t i = 0; i < n; i += 512)
		buf[i] = (char)i;
	return (void *)(long)buf[n - 512];
}

static void stack_size(void)
{
	pthread_attr_t a;
	pthread_t t;
	size_t size;
	void *r;

	T_EQ(pthread_attr_init(&a), 0);
	T_EQ(pthread_attr_getstacksize(&a, &size), 0);
	T_TRUE(size >= PTHREAD_STACK_MIN);
	T_EQ(pthread_attr_setstacksize(&a, 1), EINVAL);
	T_EQ(pthread_attr_setstacksize(&a, 4 << 20), 0);
	T_EQ(pthread_attr_getstacksize(&a, &size), 0);
	T_EQ(size, 4 << 20);
	T_EQ(pthread_create(&t, &a, use_stack, (void *)(size_t)(3 << 20)), 0);
	T_EQ(pthread_join(t, &r), 0);
	T_EQ((long)r, (char)((3 << 20) - 512));
	T_EQ(pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN), 0);
	T_EQ(pthread_create(&t, &a, use_stack, (void *)4096), 0);
	T_EQ(pthread_join(t, &r), 0);
	T_EQ(pthread_attr_destroy(&a), 0);
}

/* running off the end of a thread's stack hits the guard page */
static void *overflow(void *arg)
{
	return use_stack(arg);
}

static void stack_guard(void)
{
	pthread_attr_t a;
	pthread_t t;

	T_EQ(pthread_attr_init(&a), 0);
	T_EQ(pthread_attr_setstacksize(&a, 64 << 10), 0);
	T_EQ(pthread_create(&t, &a, overflow, (void *)(256 << 10)), 0);
	pthread_join(t, NULL);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int once_runs, once_done;

static void once_fn(void)
{
	__atomic_add_fetch(&once_runs, 1, __ATOMIC_SEQ_CST);
	t_sleep_ms(20); /* the others must wait for us */
	once_done = 1;
}

static void *call_once(void *arg)
{
	(void)arg;
	pthread_once(&once, once_fn);
	return (void *)(long)once_done;
}

static void once_only(void)
{
	pthread_t t[NT];

	for (int i = 0; i < NT; i++)
		T_EQ(pthread_create(&t[i], NULL, call_once, NULL), 0);
	for (int i = 0; i < NT; i++) {
		void *r;

		T_EQ(pthread_join(t[i], &r), 0);
		T_EQ((long)r, 1);
	}
	T_EQ(pthread_once(&once, once_fn), 0);
	T_EQ(once_runs, 1);
}

static pthread_key_t key, key2;
static volatile int destroyed, destroyed_sum;

static void destructor(void *v)
{
	__atomic_add_fetch(&destroyed, 1, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&destroyed_sum, (int)(long)v, __ATOMIC_SEQ_CST);
}

static void *use_key(void *arg)
{
	if (pthread_getspecific(key) != NULL)
		return (void *)1;
	if (pthread_setspecific(key, arg))
		return (void *)2;
	sched_yield();
	if (pthread_getspecific(key) != arg)
		return (void *)3;
	return NULL;
}

static void keys(void)
{
	pthread_t t[NT];
	void *r;

	T_EQ(pthread_key_create(&key, destructor), 0);
	T_EQ(pthread_setspecific(key, (void *)1000), 0);
	for (long i = 0; i < NT; i++)
		T_EQ(pthread_create(&t[i], NULL, use_key, (void *)(i + 1)), 0);
	for (int i = 0; i < NT; i++) {
		T_EQ(pthread_join(t[i], &r), 0);
		T_EQ((long)r, 0);
	}
	/* every thread's value went to the destructor, none of main's */
	T_EQ(destroyed, NT);
	T_EQ(destroyed_sum, NT * (NT + 1) / 2);
	T_EQ((long)pthread_getspecific(key), 1000);
	/* a NULL value gets no destructor call */
	T_EQ(pthread_create(&t[0], NULL, use_key, NULL), 0);
	T_EQ(pthread_join(t[0], &r), 0);
	T_EQ(destroyed, NT);
	/* a deleted key's values are gone, and its slot can be reused */
	T_EQ(pthread_key_delete(key), 0);
	T_EQ(pthread_key_delete(key), EINVAL);
	T_EQ(pthread_setspecific(key, (void *)1), EINVAL);
	T_EQ(pthread_key_create(&key2, NULL), 0);
	T_TRUE(pthread_getspecific(key2) == NULL);
	T_EQ(pthread_key_delete(key2), 0);
}

/* A destructor that sets the value again runs again, at most
 * PTHREAD_DESTRUCTOR_ITERATIONS times in all. */
static volatile int rearm_calls;

static void rearm(void *v)
{
	rearm_calls++;
	pthread_setspecific(key, v);
}

static void *set_rearming(void *arg)
{
	pthread_setspecific(key, arg);
	return NULL;
}

static void key_destructor_rounds(void)
{
	pthread_t t;

	T_EQ(pthread_key_create(&key, rearm), 0);
	T_EQ(pthread_create(&t, NULL, set_rearming, (void *)1), 0);
	T_EQ(pthread_join(t, NULL), 0);
	T_EQ(rearm_calls, PTHREAD_DESTRUCTOR_ITERATIONS);
}

static void key_limit(void)
{
	pthread_key_t k[PTHREAD_KEYS_MAX + 1];
	int n = 0;

	while (n <= PTHREAD_KEYS_MAX && pthread_key_create(&k[n], NULL) == 0)
		n++;
	T_TRUE(n >= 128 && n <= PTHREAD_KEYS_MAX);
	T_EQ(pthread_key_create(&k[n], NULL), EAGAIN);
	while (n--)
		T_EQ(pthread_key_delete(k[n]), 0);
}

/* errno is each thread's own */
static void *set_errno(void *arg)
{
	(void)arg;
	errno = 0;
	if (close(-1) != -1 || errno != EBADF)
		return (void *)1;
	t_sleep_ms(20);
	return (void *)(long)errno;
}

static void errno_per_thread(void)
{
	pthread_t t[4];
	void *r;

	for (int i = 0; i < 4; i++)
		T_EQ(pthread_create(&t[i], NULL, set_errno, NULL), 0);
	errno = 0;
	T_EQ(open("no-such-file", O_RDONLY), -1);
	T_EQ(errno, ENOENT);
	for (int i = 0; i < 4; i++) {
		T_EQ(pthread_join(t[i], &r), 0);
		T_EQ((long)r, EBADF);
	}
	T_EQ(errno, ENOENT);
	T_TRUE(__errno_location() == &errno);
}

static __thread int tls_counter = 5;
/* big enough that the main thread's block is a mapping (libc/pthread/tls.c) */
static __thread char tls_zero[5000];
static __thread long long tls_wide = 0x123456789abcLL;
/* a bigger alignment than the block's usual 4 or 8 (PT_TLS's p_align) */
static __thread char tls_aligned[24] __attribute__((aligned(64))) = "aligned";

static void *use_tls(void *arg)
{
	long base = (long)arg;

	if (tls_counter != 5 || tls_wide != 0x123456789abcLL ||
	    strcmp(tls_aligned, "aligned") || (unsigned long)tls_aligned % 64)
		return (void *)-1;
	tls_aligned[0] = 'A';
	for (int i = 0; i < 5000; i++)
		if (tls_zero[i])
			return (void *)-2;
	for (int i = 0; i < 1000; i++) {
		tls_counter++;
		tls_zero[i % 5000] = 1;
		if (i % 100 == 0)
			sched_yield();
	}
	return (void *)(tls_counter + base);
}

static void thread_locals(void)
{
	pthread_t t[NT];
	void *r;

	tls_counter = 77;
	for (long i = 0; i < NT; i++)
		T_EQ(pthread_create(&t[i], NULL, use_tls, (void *)(i * 10000)),
		     0);
	for (long i = 0; i < NT; i++) {
		T_EQ(pthread_join(t[i], &r), 0);
		T_EQ((long)r, 1005 + i * 10000);
	}
	T_EQ(tls_counter, 77);
	T_EQ(tls_zero[0], 0);
	T_STREQ(tls_aligned, "aligned");
	T_EQ((unsigned long)tls_aligned % 64, 0);
	/* each thread's copy is somewhere else */
	T_TRUE(&tls_counter != NULL);
}

/* pthread_kill reaches the one thread it names */
static volatile pthread_t handled_by;

static void on_usr1(int sig)
{
	(void)sig;
	handled_by = pthread_self();
}

static volatile int stop_spinning;

static void *spin(void *arg)
{
	(void)arg;
	while (!stop_spinning)
		t_sleep_ms(1);
	return NULL;
}

static void kill_thread(void)
{
	pthread_t t;
	sigset_t usr1;

	signal(SIGUSR1, on_usr1);
	T_EQ(pthread_create(&t, NULL, spin, NULL), 0);
	/* main blocks it, so only the thread can take it */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	T_EQ(pthread_sigmask(SIG_BLOCK, &usr1, NULL), 0);
	T_EQ(pthread_kill(t, SIGUSR1), 0);
	for (int i = 0; i < 5000 && !handled_by; i++)
		t_sleep_ms(1);
	T_TRUE(pthread_equal(handled_by, t));
	stop_spinning = 1;
	T_EQ(pthread_join(t, NULL), 0);
	T_EQ(pthread_sigmask(SIG_UNBLOCK, &usr1, NULL), 0);
}

/* SIGPIPE goes to the thread that wrote, as Linux sends it: with the
 * writer blocking it, it stays pending there, and main, which does not
 * block it, is not killed by it. */
static void *write_to_broken_pipe(void *arg)
{
	int fd = *(int *)arg;
	sigset_t pipe_sig, pending;

	sigemptyset(&pipe_sig);
	sigaddset(&pipe_sig, SIGPIPE);
	T_EQ(pthread_sigmask(SIG_BLOCK, &pipe_sig, NULL), 0);
	T_ERR(write(fd, "x", 1), EPIPE);
	T_OK(syscall(SYS_rt_sigpending, &pending, 8));
	T_TRUE(sigismember(&pending, SIGPIPE));
	return NULL;
}

static void sigpipe_to_the_writer(void)
{
	int p[2];
	pthread_t t;
	sigset_t pending;

	T_OK(pipe(p));
	T_OK(close(p[0]));
	T_EQ(pthread_create(&t, NULL, write_to_broken_pipe, &p[1]), 0);
	T_EQ(pthread_join(t, NULL), 0);
	T_OK(syscall(SYS_rt_sigpending, &pending, 8));
	T_TRUE(!sigismember(&pending, SIGPIPE)); /* it went with the thread */
	T_OK(close(p[1]));
}

/* --- the end of the process */

static void *exit_7(void *arg)
{
	(void)arg;
	t_sleep_ms(10);
	exit(7);
}

static void *sleep_forever(void *arg)
{
	(void)arg;
	while (!arg)
		pause();
	return NULL;
}

static void exit_from_thread(void)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		pthread_t t, s;

		pthread_create(&s, NULL, sleep_forever, NULL);
		pthread_create(&t, NULL, exit_7, NULL);
		pthread_join(s, NULL); /* never returns: exit ends us all */
		_exit(1);
	}
	T_EXITED(t_wait(pid), 7);
}

static void *print_late(void *arg)
{
	(void)arg;
	t_sleep_ms(30);
	printf("late line\n");
	return NULL;
}

static void say_bye(void)
{
	printf("atexit ran\n");
}

/* main's pthread_exit leaves the others running; the last thread's end
 * is exit(0): atexit handlers run and stdout is flushed */
static void last_thread_exits(void)
{
	int p[2];
	char buf[64] = "";

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		pthread_t t;

		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		atexit(say_bye);
		printf("main line\n"); /* a pipe: fully buffered */
		pthread_create(&t, NULL, print_late, NULL);
		pthread_exit(NULL);
	}
	close(p[1]);
	T_EXITED(t_wait(pid), 0);
	for (int n = 0, r; (r = read(p[0], buf + n, sizeof(buf) - 1 - n)) > 0;)
		n += r;
	T_STREQ(buf, "main line\nlate line\natexit ran\n");
	close(p[0]);
}

/* another thread can join the main thread, which ended with
 * pthread_exit (the kernel clears its tid too) */
static pthread_t main_thread;

static void *join_main(void *arg)
{
	void *r = NULL;

	(void)arg;
	if (pthread_join(main_thread, &r) != 0)
		exit(1);
	exit((long)r == 0x77 ? 3 : 2);
}

static void main_joined(void)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		pthread_t t;

		main_thread = pthread_self();
		pthread_create(&t, NULL, join_main, NULL);
		t_sleep_ms(10);
		pthread_exit((void *)0x77);
	}
	T_EXITED(t_wait(pid), 3);
}

static void *segv(void *arg)
{
	(void)arg;
	t_sleep_ms(10);
	t_poke(0, 1);
	return NULL;
}

/* a fault in one thread kills the whole process */
static void fault_kills_all(void)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		pthread_t t, s;

		pthread_create(&s, NULL, sleep_forever, NULL);
		pthread_create(&t, NULL, segv, NULL);
		pthread_join(s, NULL);
		_exit(1);
	}
	T_KILLED(t_wait(pid), SIGSEGV);
}

/* fork from a thread: the child has one thread, and malloc and stdio
 * work in it even while other threads were using them */
static volatile int churn_stop;

static void *churn(void *arg)
{
	FILE *f = arg;

	while (!churn_stop) {
		free(malloc(100));
		fprintf(f, "x");
	}
	return NULL;
}

static void *fork_child(void *arg)
{
	(void)arg;
	pid_t pid = fork();

	if (pid == 0) {
		char *p = malloc(1000);
		FILE *f = fopen("/dev/null", "w");

		if (!p || !f || fprintf(f, "child %d\n", 1) < 0)
			_exit(3);
		fflush(f);
		_exit(0);
	}
	int st = -1;
	waitpid(pid, &st, 0);
	return (void *)(long)st;
}

static void fork_in_thread(void)
{
	FILE *f = fopen("/dev/null", "w");
	pthread_t c[2], t;
	void *st;

	T_TRUE(f != NULL);
	for (int i = 0; i < 2; i++)
		T_EQ(pthread_create(&c[i], NULL, churn, f), 0);
	for (int i = 0; i < 20; i++) {
		T_EQ(pthread_create(&t, NULL, fork_child, NULL), 0);
		T_EQ(pthread_join(t, &st), 0);
		T_EXITED((int)(long)st, 0);
	}
	churn_stop = 1;
	for (int i = 0; i < 2; i++)
		T_EQ(pthread_join(c[i], NULL), 0);
	fclose(f);
}

/* glibc's clone(): the child runs fn(arg) on the stack given and exits
 * with its value (here fork-like: a copy of memory) */
static int clone_child(void *arg)
{
	*(volatile int *)arg = 42;
	return 5;
}

static void clone_wrapper(void)
{
	static char stack[64 << 10] __attribute__((aligned(16)));
	static volatile int word;
	int st;

	pid_t pid =
	    clone(clone_child, stack + sizeof(stack), SIGCHLD, (void *)&word);
	T_TRUE(pid > 0);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EXITED(st, 5);
	T_EQ(word, 0);
	T_ERR(clone(NULL, stack + sizeof(stack), SIGCHLD, NULL), EINVAL);
	T_ERR(clone(clone_child, NULL, SIGCHLD, NULL), EINVAL);
}

static const struct t_case cases[] = {
    T(create_join),
    T(shared_memory),
    T(exit_value),
    T(self_equal),
    T(join_errors),
    T(detach),
    T(stack_size),
    T_SIG(stack_guard, SIGSEGV),
    T(once_only),
    T(keys),
    T(key_destructor_rounds),
    T(key_limit),
    T(errno_per_thread),
    T(thread_locals),
    T(kill_thread),
    T(sigpipe_to_the_writer),
    T(exit_from_thread),
    T(last_thread_exits),
    T(main_joined),
    T(fault_kills_all),
    T(fork_in_thread),
    T(clone_wrapper),
};

T_MAIN(cases, NULL)
