/* libc/pthread/attr.c - thread attributes: detach state, stack size and
 * guard size (the rest of POSIX's are not kept). */
#include <errno.h>

#include "libc/internal/pthread.h"

#define PAGE PTHREAD_PAGE

int pthread_attr_init(pthread_attr_t *attr)
{
	*attr = (pthread_attr_t){PTHREAD_CREATE_JOINABLE, PTHREAD_DEFAULT_STACK,
				 PAGE};
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE &&
	    state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	attr->__detach = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
	*state = attr->__detach;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < PTHREAD_STACK_MIN || size > 0x40000000)
		return EINVAL;
	attr->__stacksize = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *restrict attr,
			      size_t *restrict size)
{
	*size = attr->__stacksize;
	return 0;
}

int pthread_attr_setguardsize(pthread_attr_t *attr, size_t size)
{
	if (size > 0x10000000)
		return EINVAL;
	attr->__guardsize = size;
	return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *restrict attr,
			      size_t *restrict size)
{
	*size = attr->__guardsize;
	return 0;
}
