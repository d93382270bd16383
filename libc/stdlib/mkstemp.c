/* libc/stdlib/mkstemp.c - mkstemp, mkostemp, mkdtemp: make a file or
 * directory with a new name from a template ending in "XXXXXX" (EINVAL
 * otherwise), which gets the name made.  The six letters come from
 * getrandom; a name that exists already (EEXIST) is retried, up to 100
 * times. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define TRIES 100

static const char letters[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* the XXXXXX of template, or NULL (EINVAL) */
static char *placeholder(char *template)
{
	size_t n = strlen(template);

	if (n < 6 || strcmp(template + n - 6, "XXXXXX")) {
		errno = EINVAL;
		return NULL;
	}
	return template + n - 6;
}

static void fill(char *x)
{
	static unsigned counter;
	unsigned char r[6];

	if (getrandom(r, sizeof(r), 0) != sizeof(r)) /* fall back: varied */
		for (int i = 0; i < 6; i++)
			r[i] = (getpid() >> (i * 3)) + counter * 7 + i * 13;
	counter++;
	for (int i = 0; i < 6; i++)
		x[i] = letters[r[i] % (sizeof(letters) - 1)];
}

int mkostemp(char *template, int flags)
{
	char *x = placeholder(template);

	if (!x)
		return -1;
	for (int i = 0; i < TRIES; i++) {
		int fd;

		fill(x);
		fd = open(template, O_RDWR | O_CREAT | O_EXCL | flags, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	memcpy(x, "XXXXXX", 6);
	return -1;
}

int mkstemp(char *template)
{
	return mkostemp(template, 0);
}

char *mkdtemp(char *template)
{
	char *x = placeholder(template);

	if (!x)
		return NULL;
	for (int i = 0; i < TRIES; i++) {
		fill(x);
		if (mkdir(template, 0700) == 0)
			return template;
		if (errno != EEXIST)
			break;
	}
	memcpy(x, "XXXXXX", 6);
	return NULL;
}
