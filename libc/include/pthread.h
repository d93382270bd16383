/* pthread.h - POSIX threads: threads, mutexes, condition variables, once,
 * thread-specific data.
 *
 * Built on clone(2) and futex(2) as glibc and musl are (libc/pthread/):
 * a thread is a clone sharing memory, files and signal handlers with its
 * parent (CLONE_THREAD), with its own stack and TLS block in a mapping
 * of its own; pthread_join sleeps until the kernel clears the thread's
 * tid (CLONE_CHILD_CLEARTID).  Mutexes and condition variables are futex
 * words: no system call unless a thread has to wait.  Programs need no
 * -lpthread: everything is in libc.a.
 *
 * Not here: cancellation, process-shared objects, read-write locks,
 * barriers, scheduling policies.  A thread's default stack is 1 MiB
 * (glibc takes RLIMIT_STACK, often 8 MiB) plus a guard page.
 */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <bits/alltypes.h>
#include <sched.h>
#include <signal.h>
#include <time.h>

typedef unsigned long pthread_t;

typedef struct {
	int __detach;
	size_t __stacksize;
	size_t __guardsize;
} pthread_attr_t;

typedef struct {
	volatile int __lock; /* 0 free, 1 held, 2 held with sleepers */
	int __type;
	void *__owner; /* recursive and error-checking: the holder */
	int __count;   /* recursive: how deep */
} pthread_mutex_t;

typedef struct {
	int __type;
} pthread_mutexattr_t;

typedef struct {
	volatile int __seq;	/* bumped by every signal and broadcast */
	volatile int __waiters; /* threads in wait now */
	int __clock;		/* of timedwait's time: CLOCK_REALTIME (0) */
} pthread_cond_t;

typedef struct {
	int __clock;
} pthread_condattr_t;

typedef int pthread_once_t;
typedef unsigned int pthread_key_t;

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL

#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED 1

#define PTHREAD_MUTEX_INITIALIZER                                              \
	{                                                                      \
		0, PTHREAD_MUTEX_NORMAL, 0, 0                                  \
	}
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP                                 \
	{                                                                      \
		0, PTHREAD_MUTEX_RECURSIVE, 0, 0                               \
	}
#define PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP                                \
	{                                                                      \
		0, PTHREAD_MUTEX_ERRORCHECK, 0, 0                              \
	}
#define PTHREAD_COND_INITIALIZER                                               \
	{                                                                      \
		0, 0, CLOCK_REALTIME                                           \
	}
#define PTHREAD_ONCE_INIT 0

#define PTHREAD_KEYS_MAX 128
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define PTHREAD_STACK_MIN 16384

/* threads */
int pthread_create(pthread_t *restrict thread,
		   const pthread_attr_t *restrict attr, void *(*start)(void *),
		   void *restrict arg);
int pthread_join(pthread_t thread, void **result);
int pthread_detach(pthread_t thread);
_Noreturn void pthread_exit(void *result);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_kill(pthread_t thread, int sig);
int pthread_sigmask(int how, const sigset_t *restrict set,
		    sigset_t *restrict old);

/* attributes */
int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *restrict attr,
			      size_t *restrict size);
int pthread_attr_setguardsize(pthread_attr_t *attr, size_t size);
int pthread_attr_getguardsize(const pthread_attr_t *restrict attr,
			      size_t *restrict size);

/* mutexes */
int pthread_mutex_init(pthread_mutex_t *restrict m,
		       const pthread_mutexattr_t *restrict attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_timedlock(pthread_mutex_t *restrict m,
			    const struct timespec *restrict abstime);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict attr,
			      int *restrict type);

/* condition variables */
int pthread_cond_init(pthread_cond_t *restrict c,
		      const pthread_condattr_t *restrict attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m);
int pthread_cond_timedwait(pthread_cond_t *restrict c,
			   pthread_mutex_t *restrict m,
			   const struct timespec *restrict abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock);
int pthread_condattr_getclock(const pthread_condattr_t *restrict attr,
			      clockid_t *restrict clock);

/* once, and thread-specific data */
int pthread_once(pthread_once_t *once, void (*fn)(void));
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

#endif
