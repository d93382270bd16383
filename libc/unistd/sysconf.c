/* libc/unistd/sysconf.c - sysconf and getpagesize: the system's limits
 * and sizes.  The page size comes from the auxiliary vector (AT_PAGESZ),
 * the number of files from the RLIMIT_NOFILE limit; the clock tick is
 * Linux's USER_HZ.  An unknown name gives -1 and EINVAL; a limit that
 * has no bound, -1 with errno untouched. */
#include <errno.h>
#include <limits.h>
#include <sys/auxv.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "libc/internal/syscall.h"

#define RLIMIT_NOFILE 7
#define USER_HZ 100

int getpagesize(void)
{
	unsigned long pagesize = getauxval(AT_PAGESZ);

	return pagesize ? (int)pagesize : PAGE_SIZE;
}

static long open_max(void)
{
	unsigned long lim[2]; /* cur, max */

	if (__syscall2(SYS_ugetrlimit, RLIMIT_NOFILE, lim) < 0 ||
	    lim[0] > LONG_MAX)
		return 1024;
	return lim[0];
}

static long memory_pages(int available)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -1;
	return (long long)(available ? si.freeram : si.totalram) *
	       si.mem_unit / getpagesize();
}

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
		return getpagesize();
	case _SC_CLK_TCK:
		return USER_HZ;
	case _SC_OPEN_MAX:
		return open_max();
	case _SC_ARG_MAX:
		return 131072;
	case _SC_CHILD_MAX:
		return -1;
	case _SC_NGROUPS_MAX:
		return 65536;
	case _SC_LINE_MAX:
		return 2048;
	case _SC_IOV_MAX:
		return IOV_MAX;
	case _SC_HOST_NAME_MAX:
		return 64;
	case _SC_LOGIN_NAME_MAX:
		return 256;
	case _SC_TTY_NAME_MAX:
		return 32;
	case _SC_SYMLOOP_MAX:
		return 40;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return 1;
	case _SC_PHYS_PAGES:
		return memory_pages(0);
	case _SC_AVPHYS_PAGES:
		return memory_pages(1);
	case _SC_VERSION:
		return 200809L;
	case _SC_JOB_CONTROL:
	case _SC_SAVED_IDS:
		return 1;
	}
	errno = EINVAL;
	return -1;
}
