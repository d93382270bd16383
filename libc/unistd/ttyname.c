/* libc/unistd/ttyname.c - ttyname and ttyname_r: the path of the
 * terminal open on fd.
 *
 * As glibc: ask /proc/self/fd/N first (checking that the path found is
 * the same device), else look through /dev for the character device
 * with fd's device number.  ENOTTY if fd is no terminal, ERANGE if the
 * name does not fit.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libc/internal/fmt.h"

/* is path the character device dev? */
static int is_device(const char *path, dev_t dev)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == dev;
}

static int copy_name(char *buf, size_t size, const char *name)
{
	if (strlen(name) >= size)
		return ERANGE;
	strcpy(buf, name);
	return 0;
}

/* /dev/NAME with the device number dev, into path; 0 or ENOTTY */
static int search_dev(dev_t dev, char *path, size_t size)
{
	DIR *d = opendir("/dev");
	struct dirent *e;
	int found = 0;

	if (!d)
		return ENOTTY;
	while (!found && (e = readdir(d))) {
		if (strlen(e->d_name) + 6 > size || e->d_name[0] == '.')
			continue;
		strcpy(path, "/dev/");
		strcat(path, e->d_name);
		found = is_device(path, dev);
	}
	closedir(d);
	return found ? 0 : ENOTTY;
}

int ttyname_r(int fd, char *buf, size_t size)
{
	char link[32], path[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (!isatty(fd))
		return errno;
	if (fstat(fd, &st) < 0)
		return errno;
	strcpy(link, "/proc/self/fd/");
	__fmt_int(link + strlen(link), fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n > 0) {
		path[n] = 0;
		if (is_device(path, st.st_rdev))
			return copy_name(buf, size, path);
	}
	if (search_dev(st.st_rdev, path, sizeof(path)))
		return ENOTTY;
	return copy_name(buf, size, path);
}

char *ttyname(int fd)
{
	static char buf[PATH_MAX];
	int e = ttyname_r(fd, buf, sizeof(buf));

	if (e) {
		errno = e;
		return NULL;
	}
	return buf;
}
