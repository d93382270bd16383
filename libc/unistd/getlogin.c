/* libc/unistd/getlogin.c - getlogin and getlogin_r.  There is no utmp
 * (the record of who logged in on which terminal) on this system, so
 * the login name is the one the login shell's environment carries,
 * LOGNAME; without it there is none (ENXIO, as glibc says when utmp has
 * no entry for the terminal). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int getlogin_r(char *buf, size_t size)
{
	const char *name = getenv("LOGNAME");

	if (!name || !*name)
		return ENXIO;
	if (strlen(name) >= size)
		return ERANGE;
	strcpy(buf, name);
	return 0;
}

char *getlogin(void)
{
	static char buf[256];
	int e = getlogin_r(buf, sizeof(buf));

	if (e) {
		errno = e;
		return NULL;
	}
	return buf;
}
