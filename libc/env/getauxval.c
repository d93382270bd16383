/* libc/env/getauxval.c - getauxval: an entry of the auxiliary vector. */
#include <errno.h>
#include <sys/auxv.h>

#include "libc/internal/libc.h"

unsigned long getauxval(unsigned long type)
{
	for (unsigned long *a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
