/* libc/stdlib/realpath.c - realpath: the absolute path of a file with no
 * ".", ".." or symbolic link in it.
 *
 * Walks the path one component at a time, appending each to the result
 * and checking it with lstat; a symbolic link is replaced by its target
 * in what is left to walk (from the root if it is absolute), at most 40
 * times (ELOOP, as the kernel).  Every component must exist (ENOENT)
 * and all but the last be directories (ENOTDIR).  The result goes to
 * resolved (PATH_MAX bytes) or, if that is NULL, to a malloc'ed copy.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40

static char *too_long(void)
{
	errno = ENAMETOOLONG;
	return NULL;
}

/* replaces the walked link by its target: todo becomes target + rest
 * (rest is empty or starts with '/') */
static int follow(const char *link, char *todo, const char *rest,
		  int *absolute)
{
	char target[PATH_MAX];
	ssize_t n = readlink(link, target, sizeof(target) - 1);
	size_t rest_len = strlen(rest);

	if (n < 0)
		return -1;
	if (n + rest_len >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memmove(todo + n, rest, rest_len + 1);
	memcpy(todo, target, n);
	*absolute = target[0] == '/';
	return 0;
}

char *realpath(const char *restrict path, char *restrict resolved)
{
	char out[PATH_MAX], todo[PATH_MAX], *p = todo;
	size_t len = 0; /* of out; 0 stands for "/" */
	int links = 0;
	struct stat st;

	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	if (!*path) {
		errno = ENOENT;
		return NULL;
	}
	if (strlen(path) >= PATH_MAX)
		return too_long();
	strcpy(todo, path);
	if (path[0] != '/') {
		if (!getcwd(out, sizeof(out)))
			return NULL;
		len = strcmp(out, "/") ? strlen(out) : 0;
	}
	out[len] = 0;
	while (*p) {
		char *name = p + strspn(p, "/");
		size_t n = strcspn(name, "/");
		int absolute;

		p = name + n;
		if (!n || (n == 1 && name[0] == '.'))
			continue;
		if (n == 2 && name[0] == '.' && name[1] == '.') {
			while (len && out[--len] != '/')
				;
			out[len] = 0;
			continue;
		}
		if (len + 1 + n >= PATH_MAX)
			return too_long();
		out[len] = '/';
		memcpy(out + len + 1, name, n);
		out[len + 1 + n] = 0;
		if (lstat(out, &st) < 0)
			return NULL;
		if (S_ISLNK(st.st_mode)) {
			if (++links > MAX_LINKS) {
				errno = ELOOP;
				return NULL;
			}
			if (follow(out, todo, p, &absolute) < 0)
				return NULL;
			p = todo;
			if (absolute)
				len = 0;
			out[len] = 0;
			continue;
		}
		len += 1 + n;
		if (*p && !S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return NULL;
		}
	}
	if (!len)
		strcpy(out, "/");
	if (!resolved)
		return strdup(out);
	return strcpy(resolved, out);
}
