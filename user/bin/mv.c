/* user/bin/mv.c - mv [-fnvT] source dest, or mv [-fnv] source... dir:
 * rename or move files.
 *
 * When the last operand is a directory (and not -T), each source moves
 * into it under its own name; otherwise the one source is renamed to the
 * destination, replacing it.  It is rename(2) either way, so directories
 * move with everything in them.  Between filesystems, where rename fails
 * with EXDEV, a regular file or symbolic link is copied and the original
 * removed; a directory cannot be moved there.
 *
 * -f never asks (mv never asks anyway), -n leaves an existing destination
 * alone, -v says "renamed 'a' -> 'b'", -T takes the destination as a
 * plain name even if it is a directory.  Messages and status follow GNU's
 * mv: a source that cannot be moved gets a message and status 1, and mv
 * goes on with the next. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int no_clobber, verbose, no_target_dir;

static _Noreturn void usage(int opt)
{
	fprintf(stderr, "mv: invalid option -- '%c'\n", opt);
	fputs("usage: mv [-fnvT] source dest\n"
	      "       mv [-fnv] source... directory\n",
	      stderr);
	exit(2);
}

static int fail_move(const char *src, const char *dst, int err)
{
	fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", src, dst,
		strerror(err));
	return 1;
}

static int copy_data(int in, int out)
{
	char buf[16384];
	ssize_t n;

	while ((n = read(in, buf, sizeof buf)) > 0)
		for (ssize_t done = 0, w; done < n; done += w)
			if ((w = write(out, buf + done, n - done)) < 0)
				return -1;
	return n < 0 ? -1 : 0;
}

/* Copies regular file SRC (status ST) to DST, replacing it; 0 or -1. */
static int copy_file(const char *src, const char *dst, const struct stat *st)
{
	int in = open(src, O_RDONLY), out, err;

	if (in < 0)
		return -1;
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 07777);
	if (out < 0) {
		err = errno;
		close(in);
		errno = err;
		return -1;
	}
	int ok =
	    copy_data(in, out) == 0 && fchmod(out, st->st_mode & 07777) == 0;
	err = errno;
	close(in);
	if (close(out) != 0)
		ok = 0;
	errno = err;
	return ok ? 0 : -1;
}

static int copy_symlink(const char *src, const char *dst)
{
	char target[PATH_MAX];
	ssize_t n = readlink(src, target, sizeof target - 1);

	if (n < 0)
		return -1;
	target[n] = '\0';
	if (unlink(dst) != 0 && errno != ENOENT)
		return -1;
	return symlink(target, dst);
}

/* rename() failed with EXDEV: copy SRC to the other filesystem, then
 * remove it. */
static int move_across(const char *src, const char *dst, const struct stat *st)
{
	int r;

	if (S_ISREG(st->st_mode))
		r = copy_file(src, dst, st);
	else if (S_ISLNK(st->st_mode))
		r = copy_symlink(src, dst);
	else
		return fail_move(src, dst, EXDEV);
	if (r != 0 || unlink(src) != 0)
		return fail_move(src, dst, errno);
	return 0;
}

/* The checks rename(2) would do less helpfully, with GNU's messages. */
static int check_destination(const char *src, const char *dst,
			     const struct stat *s, int *skip)
{
	struct stat d;

	*skip = 0;
	if (lstat(dst, &d) != 0) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "mv: cannot stat '%s': %s\n", dst,
			strerror(errno));
		return 1;
	}
	if (s->st_dev == d.st_dev && s->st_ino == d.st_ino) {
		fprintf(stderr, "mv: '%s' and '%s' are the same file\n", src,
			dst);
		return 1;
	}
	if (no_clobber) {
		*skip = 1;
		return 0;
	}
	if (S_ISDIR(s->st_mode) && !S_ISDIR(d.st_mode)) {
		fprintf(stderr,
			"mv: cannot overwrite non-directory '%s' with "
			"directory '%s'\n",
			dst, src);
		return 1;
	}
	if (!S_ISDIR(s->st_mode) && S_ISDIR(d.st_mode)) {
		fprintf(stderr,
			"mv: cannot overwrite directory '%s' with "
			"non-directory\n",
			dst);
		return 1;
	}
	return 0;
}

static int move(const char *src, const char *dst)
{
	struct stat s;
	int skip;

	if (lstat(src, &s) != 0) {
		fprintf(stderr, "mv: cannot stat '%s': %s\n", src,
			strerror(errno));
		return 1;
	}
	if (check_destination(src, dst, &s, &skip) != 0)
		return 1;
	if (skip)
		return 0;
	if (rename(src, dst) != 0) {
		if (errno == EINVAL) {
			fprintf(stderr,
				"mv: cannot move '%s' to a "
				"subdirectory of itself, '%s'\n",
				src, dst);
			return 1;
		}
		if (errno != EXDEV)
			return fail_move(src, dst, errno);
		if (move_across(src, dst, &s) != 0)
			return 1;
	}
	if (verbose)
		printf("renamed '%s' -> '%s'\n", src, dst);
	return 0;
}

/* DIR/(last component of SRC) into BUF; 0, or -1 if too long. */
static int join(char *buf, size_t size, const char *dir, const char *src)
{
	size_t len = strlen(src), dlen = strlen(dir);

	while (len > 1 && src[len - 1] == '/')
		len--;
	size_t start = len;
	while (start > 0 && src[start - 1] != '/')
		start--;
	const char *sep = dlen && dir[dlen - 1] == '/' ? "" : "/";
	return (size_t)snprintf(buf, size, "%s%s%.*s", dir, sep,
				(int)(len - start), src + start) < size
		   ? 0
		   : -1;
}

static int is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int move_into(const char *dir, char **srcs, int n)
{
	int status = 0;

	for (int i = 0; i < n; i++) {
		char dst[PATH_MAX];

		if (join(dst, sizeof dst, dir, srcs[i]) != 0)
			status |= fail_move(srcs[i], dir, ENAMETOOLONG);
		else
			status |= move(srcs[i], dst);
	}
	return status;
}

int main(int argc, char **argv)
{
	int status, c, n;

	opterr = 0;
	while ((c = getopt(argc, argv, "fnvT")) != -1) {
		if (c == 'f')
			no_clobber = 0;
		else if (c == 'n')
			no_clobber = 1;
		else if (c == 'v')
			verbose = 1;
		else if (c == 'T')
			no_target_dir = 1;
		else
			usage(optopt);
	}
	n = argc - optind;
	char **ops = argv + optind, *target = ops[n - 1];
	if (n < 2) {
		if (n == 0)
			fputs("mv: missing file operand\n", stderr);
		else
			fprintf(stderr,
				"mv: missing destination file operand "
				"after '%s'\n",
				ops[0]);
		return 1;
	}
	if (no_target_dir && n > 2) {
		fprintf(stderr, "mv: extra operand '%s'\n", ops[2]);
		return 1;
	}
	if (!no_target_dir && is_directory(target))
		status = move_into(target, ops, n - 1);
	else if (n > 2) {
		struct stat st;
		int err = stat(target, &st) != 0 ? errno : ENOTDIR;

		fprintf(stderr, "mv: target '%s': %s\n", target, strerror(err));
		status = 1;
	} else {
		status = move(ops[0], target);
	}
	if (fflush(stdout) != 0)
		status = 1;
	return status;
}
