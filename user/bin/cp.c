/* user/bin/cp.c - cp [-fnrRvT] source dest, or cp [-fnrRv] source... dir:
 * copy files, and with -r whole trees.
 *
 * A copy gets its source's permission bits (less the umask, as GNU's cp
 * without -p); an existing destination file is overwritten in place and
 * keeps its mode.  With -r (or -R) directories are copied with everything
 * in them and symbolic links are copied as links; without it a symbolic
 * link is followed and a directory is skipped with a message.  -f removes
 * a destination that cannot be opened and tries again; -n leaves
 * existing destinations alone; -v prints "'a' -> 'b'" for each copy; -T
 * takes the destination as a plain name even if it is a directory.
 *
 * Not supported: -p (there is no utimensat here to preserve times with)
 * and device files or FIFOs inside a tree (there is no mknod).  A copy of
 * a directory into itself is refused before anything is copied.  An item
 * that cannot be copied gets a message and status 1, and cp goes on. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH_UP 256 /* ".." steps looked at by inside() */

static int force, no_clobber, recursive, verbose, no_target_dir;
static mode_t mask;
static char buf[65536];

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "cp: invalid option -- '%c'\n", opt);
	fputs("usage: cp [-fnrRvT] source dest\n"
	      "       cp [-fnrRv] source... directory\n",
	      stderr);
	exit(2);
}

static int fail(const char *what, const char *path, int err)
{
	fflush(stdout);
	fprintf(stderr, "cp: %s '%s': %s\n", what, path, strerror(err));
	return 1;
}

static void copied(const char *src, const char *dst)
{
	if (verbose)
		printf("'%s' -> '%s'\n", src, dst);
}

static int copy_path(const char *src, const char *dst, int top);

/* Copies the bytes of IN to OUT; 0, or the failing side's message. */
static int copy_data(int in, int out, const char *src, const char *dst)
{
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail("error reading", src, errno);
		if (n == 0)
			return 0;
		for (ssize_t done = 0, w; done < n; done += w)
			if ((w = write(out, buf + done, n - done)) < 0)
				return fail("error writing", dst, errno);
	}
}

/* Opens DST for writing, creating it with MODE if need be; with -f a
 * destination that cannot be opened is removed and made anew. */
static int open_destination(const char *dst, mode_t mode)
{
	int fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 && force && errno != ENOENT && unlink(dst) == 0)
		fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
	return fd;
}

static int copy_file(const char *src, const char *dst, const struct stat *st)
{
	int in = open(src, O_RDONLY), out, status;

	if (in < 0)
		return fail("cannot open", src, errno);
	out = open_destination(dst, st->st_mode & 07777);
	if (out < 0) {
		status = fail("cannot create regular file", dst, errno);
		close(in);
		return status;
	}
	status = copy_data(in, out, src, dst);
	close(in);
	if (close(out) != 0 && status == 0)
		status = fail("error writing", dst, errno);
	if (status == 0)
		copied(src, dst);
	return status;
}

static int copy_symlink(const char *src, const char *dst)
{
	char target[PATH_MAX];
	ssize_t n = readlink(src, target, sizeof target - 1);

	if (n < 0)
		return fail("cannot read symbolic link", src, errno);
	target[n] = '\0';
	if (unlink(dst) != 0 && errno != ENOENT)
		return fail("cannot remove", dst, errno);
	if (symlink(target, dst) != 0)
		return fail("cannot create symbolic link", dst, errno);
	copied(src, dst);
	return 0;
}

/* The names in directory PATH but . and .., as a NULL-ended array; NULL
 * with errno set on failure. */
static char **read_names(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL, **bigger;
	size_t n = 0, cap = 0;
	int err;

	if (!d)
		return NULL;
	while ((errno = 0, e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 16;
			if (!(bigger = realloc(names, cap * sizeof *names)))
				goto fail;
			names = bigger;
		}
		if (!(names[n++] = strdup(e->d_name)))
			goto fail;
	}
	if (errno)
		goto fail;
	closedir(d);
	if (!names && !(names = malloc(sizeof *names)))
		return NULL;
	names[n] = NULL;
	return names;
fail:
	err = errno;
	while (n > 0)
		free(names[--n]);
	free(names);
	closedir(d);
	errno = err;
	return NULL;
}

/* A/B into OUT (PATH_MAX bytes); 0, or -1 if too long. */
static int join(char *out, const char *a, const char *b)
{
	size_t alen = strlen(a);
	const char *sep = alen && a[alen - 1] == '/' ? "" : "/";

	return snprintf(out, PATH_MAX, "%s%s%s", a, sep, b) < PATH_MAX ? 0 : -1;
}

static int copy_entries(const char *src, const char *dst)
{
	char **names = read_names(src);
	/* the paths live on the heap: a deep tree must not use up the stack */
	char *s = malloc(2 * PATH_MAX), *d = s + PATH_MAX;
	int status = 0;

	if (!names || !s) {
		status = fail("cannot access", src, errno);
		free(s);
		return status;
	}
	for (char **name = names; *name; name++) {
		if (join(s, src, *name) != 0 || join(d, dst, *name) != 0)
			status |= fail("cannot copy", *name, ENAMETOOLONG);
		else
			status |= copy_path(s, d, 0);
		free(*name);
	}
	free(names);
	free(s);
	return status;
}

static int copy_dir(const char *src, const char *dst, const struct stat *st,
		    int exists)
{
	int status;

	/* made writable for us first; the real mode comes at the end */
	if (!exists && mkdir(dst, (st->st_mode & 07777) | 0700) != 0)
		return fail("cannot create directory", dst, errno);
	copied(src, dst);
	status = copy_entries(src, dst);
	if (!exists && chmod(dst, st->st_mode & 07777 & ~mask) != 0)
		status |= fail("cannot set permissions of", dst, errno);
	return status;
}

/* Is directory DST (or where it would be made) SRC itself or inside it?
 * Walks up from DST's parent with "..". */
static int inside(const char *dst, const struct stat *src)
{
	char path[PATH_MAX];
	struct stat st, up;
	size_t len = strlen(dst);

	while (len > 1 && dst[len - 1] == '/')
		len--;
	while (len > 0 && dst[len - 1] != '/')
		len--;
	if (len == 0)
		strcpy(path, ".");
	else
		snprintf(path, sizeof path, "%.*s", (int)len, dst);
	for (int i = 0; i < MAX_DEPTH_UP && stat(path, &st) == 0; i++) {
		if (st.st_dev == src->st_dev && st.st_ino == src->st_ino)
			return 1;
		size_t n = strlen(path);
		if (n + 4 >= sizeof path)
			return 0;
		strcpy(path + n, "/..");
		if (stat(path, &up) != 0 ||
		    (up.st_dev == st.st_dev && up.st_ino == st.st_ino))
			return 0; /* reached the root */
	}
	return 0;
}

/* Checks SRC (status S) against DST; sets *exists; returns 1 after a
 * message if the copy must not happen, 2 to skip it quietly, else 0. */
static int check_destination(const char *src, const char *dst,
			     const struct stat *s, int *exists)
{
	struct stat d;

	*exists = lstat(dst, &d) == 0;
	if (!*exists && errno != ENOENT) {
		fail("cannot stat", dst, errno);
		return 1;
	}
	if (!*exists)
		return 0;
	if (s->st_dev == d.st_dev && s->st_ino == d.st_ino) {
		fprintf(stderr, "cp: '%s' and '%s' are the same file\n", src,
			dst);
		return 1;
	}
	if (no_clobber)
		return 2;
	if (S_ISDIR(s->st_mode) && !S_ISDIR(d.st_mode)) {
		fprintf(stderr,
			"cp: cannot overwrite non-directory '%s' with "
			"directory '%s'\n",
			dst, src);
		return 1;
	}
	if (!S_ISDIR(s->st_mode) && S_ISDIR(d.st_mode)) {
		fprintf(stderr,
			"cp: cannot overwrite directory '%s' with "
			"non-directory\n",
			dst);
		return 1;
	}
	return 0;
}

static int copy_path(const char *src, const char *dst, int top)
{
	struct stat st;
	int exists, r;

	if ((recursive ? lstat(src, &st) : stat(src, &st)) != 0)
		return fail("cannot stat", src, errno);
	if (S_ISDIR(st.st_mode) && !recursive) {
		fprintf(stderr,
			"cp: -r not specified; omitting directory "
			"'%s'\n",
			src);
		return 1;
	}
	if ((r = check_destination(src, dst, &st, &exists)) != 0)
		return r == 1;
	if (S_ISDIR(st.st_mode)) {
		if (top && inside(dst, &st)) {
			fprintf(stderr,
				"cp: cannot copy a directory, '%s', "
				"into itself, '%s'\n",
				src, dst);
			return 1;
		}
		return copy_dir(src, dst, &st, exists);
	}
	if (S_ISLNK(st.st_mode))
		return copy_symlink(src, dst);
	if (!S_ISREG(st.st_mode) && recursive)
		return fail("cannot copy special file", src, ENOTSUP);
	return copy_file(src, dst, &st);
}

/* DIR/(last component of SRC) into OUT; 0, or -1 if too long. */
static int target_in(char *out, const char *dir, const char *src)
{
	size_t len = strlen(src);

	while (len > 1 && src[len - 1] == '/')
		len--;
	size_t start = len;
	while (start > 0 && src[start - 1] != '/')
		start--;
	char name[PATH_MAX];
	snprintf(name, sizeof name, "%.*s", (int)(len - start), src + start);
	return join(out, dir, name);
}

static int is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int copy_into(const char *dir, char **srcs, int n)
{
	int status = 0;

	for (int i = 0; i < n; i++) {
		char dst[PATH_MAX];

		if (target_in(dst, dir, srcs[i]) != 0)
			status |= fail("cannot copy", srcs[i], ENAMETOOLONG);
		else
			status |= copy_path(srcs[i], dst, 1);
	}
	return status;
}

static int bad_target(const char *target)
{
	struct stat st;

	int err = stat(target, &st) != 0 ? errno : ENOTDIR;

	fprintf(stderr, "cp: target '%s': %s\n", target, strerror(err));
	return 1;
}

int main(int argc, char **argv)
{
	int status, c, n;

	opterr = 0;
	while ((c = getopt(argc, argv, "fnrRvT")) != -1) {
		switch (c) {
		case 'f':
			force = 1;
			break;
		case 'n':
			no_clobber = 1;
			break;
		case 'r':
		case 'R':
			recursive = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'T':
			no_target_dir = 1;
			break;
		default:
			usage(optopt);
		}
	}
	n = argc - optind;
	char **ops = argv + optind;
	if (n < 2) {
		if (n == 0)
			fputs("cp: missing file operand\n", stderr);
		else
			fprintf(stderr,
				"cp: missing destination file operand "
				"after '%s'\n",
				ops[0]);
		return 1;
	}
	mask = umask(0);
	umask(mask);
	const char *target = ops[n - 1];
	if (no_target_dir && n > 2) {
		fprintf(stderr, "cp: extra operand '%s'\n", ops[2]);
		return 1;
	}
	if (!no_target_dir && is_directory(target))
		status = copy_into(target, ops, n - 1);
	else if (n > 2)
		status = bad_target(target);
	else
		status = copy_path(ops[0], target, 1);
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
