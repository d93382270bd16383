/* libc/pthread/key.c - thread-specific data: pthread_key_create/delete,
 * pthread_getspecific/setspecific, and the destructors at thread exit.
 *
 * A key is a slot in a table of PTHREAD_KEYS_MAX; each thread's struct
 * pthread has the same number of value slots.  Every create and delete
 * bumps the slot's sequence number (odd: in use), and a thread's value
 * counts only while it carries the sequence of the key it was set
 * under: a deleted key's values vanish at once, in every thread, without
 * visiting the threads (as glibc does).  At pthread_exit each non-NULL
 * value with a destructor is set to NULL and the destructor called with
 * it, for up to PTHREAD_DESTRUCTOR_ITERATIONS rounds while destructors
 * set new values.
 */
#include <errno.h>

#include "libc/internal/lock.h"
#include "libc/internal/pthread.h"

static volatile int keys_lock;
static struct {
	volatile unsigned seq;
	void (*destructor)(void *);
} keys[PTHREAD_KEYS_MAX];

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	__lock(&keys_lock);
	for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (!(keys[k].seq & 1)) {
			keys[k].destructor = destructor;
			keys[k].seq++;
			__unlock(&keys_lock);
			*key = k;
			return 0;
		}
	}
	__unlock(&keys_lock);
	return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
	int r = 0;

	__lock(&keys_lock);
	if (key >= PTHREAD_KEYS_MAX || !(keys[key].seq & 1)) {
		r = EINVAL;
	} else {
		keys[key].seq++;
		keys[key].destructor = NULL;
	}
	__unlock(&keys_lock);
	return r;
}

void *pthread_getspecific(pthread_key_t key)
{
	struct pthread *self = __pthread_self();

	if (key >= PTHREAD_KEYS_MAX || self->tsd[key].seq != keys[key].seq)
		return NULL;
	return self->tsd[key].value;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	struct pthread *self = __pthread_self();
	unsigned seq;

	if (key >= PTHREAD_KEYS_MAX || !((seq = keys[key].seq) & 1))
		return EINVAL;
	self->tsd[key].seq = seq;
	self->tsd[key].value = (void *)value;
	self->tsd_used = 1;
	return 0;
}

/* key's destructor, if self has a live value for it (taken out) */
static void (*take(struct pthread *self, unsigned k, void **value))(void *)
{
	void (*destructor)(void *) = NULL;

	__lock(&keys_lock);
	if (self->tsd[k].value && self->tsd[k].seq == keys[k].seq)
		destructor = keys[k].destructor;
	__unlock(&keys_lock);
	if (destructor) {
		*value = self->tsd[k].value;
		self->tsd[k].value = NULL;
	}
	return destructor;
}

void __pthread_tsd_run_destructors(struct pthread *self)
{
	for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		int ran = 0;

		for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *value, (*destructor)(void *);

			if (!self->tsd[k].value)
				continue;
			if ((destructor = take(self, k, &value))) {
				destructor(value);
				ran = 1;
			}
		}
		if (!ran)
			return;
	}
}
