/* libc/dirent/scandir.c - scandir and alphasort. */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* a malloc'ed copy of d, just as long as its name needs */
static struct dirent *copy_entry(const struct dirent *d)
{
	size_t size = offsetof(struct dirent, d_name) + strlen(d->d_name) + 1;
	struct dirent *c = malloc(size);

	if (c) {
		memcpy(c, d, size);
		c->d_reclen = size;
	}
	return c;
}

static void free_all(struct dirent **list, int n)
{
	while (n > 0)
		free(list[--n]);
	free(list);
}

int scandir(const char *path, struct dirent ***out,
	    int (*filter)(const struct dirent *),
	    int (*compar)(const struct dirent **, const struct dirent **))
{
	DIR *dir = opendir(path);
	struct dirent **list = NULL, *d;
	int n = 0, cap = 0, saved = errno;

	if (!dir)
		return -1;
	for (errno = 0; (d = readdir(dir)); errno = 0) {
		if (filter && !filter(d))
			continue;
		if (n == cap) {
			struct dirent **bigger;

			cap = cap ? 2 * cap : 32;
			bigger = realloc(list, cap * sizeof(*list));
			if (!bigger)
				goto fail;
			list = bigger;
		}
		if (!(list[n] = copy_entry(d)))
			goto fail;
		n++;
	}
	if (errno)
		goto fail;
	closedir(dir);
	if (compar)
		qsort(list, n, sizeof(*list),
		      (int (*)(const void *, const void *))compar);
	*out = list;
	errno = saved;
	return n;
fail:
	saved = errno;
	free_all(list, n);
	closedir(dir);
	errno = saved;
	return -1;
}

int alphasort(const struct dirent **a, const struct dirent **b)
{
	return strcoll((*a)->d_name, (*b)->d_name);
}
