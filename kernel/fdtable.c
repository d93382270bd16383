/* kernel/fdtable.c - file descriptor tables (see fdtable.h). */
#include "kernel/fdtable.h"

#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"

static bool valid(int fd)
{
	return fd >= 0 && fd < FD_MAX;
}

void fd_set_cloexec(struct fdtable *t, int fd, bool on)
{
	if (on)
		t->cloexec[fd / 32] |= 1u << (fd % 32);
	else
		t->cloexec[fd / 32] &= ~(1u << (fd % 32));
}

bool fd_get_cloexec(struct fdtable *t, int fd)
{
	return valid(fd) && (t->cloexec[fd / 32] & (1u << (fd % 32)));
}

int fd_install(struct fdtable *t, struct file *f, int min_fd, bool cloexec)
{
	for (int fd = min_fd < 0 ? 0 : min_fd; fd < FD_MAX; fd++) {
		if (!t->files[fd]) {
			t->files[fd] = f;
			fd_set_cloexec(t, fd, cloexec);
			return fd;
		}
	}
	return -EMFILE;
}

struct file *fd_get(struct fdtable *t, int fd)
{
	return valid(fd) ? t->files[fd] : NULL;
}

int fd_close(struct fdtable *t, int fd)
{
	struct file *f = fd_get(t, fd);

	if (!f)
		return -EBADF;
	t->files[fd] = NULL;
	fd_set_cloexec(t, fd, false);
	file_put(f);
	return 0;
}

int fd_dup(struct fdtable *t, int oldfd, int min_fd)
{
	struct file *f = fd_get(t, oldfd);
	int fd;

	if (!f)
		return -EBADF;
	if (!valid(min_fd))
		return -EINVAL;
	fd = fd_install(t, file_get(f), min_fd, false);
	if (fd < 0)
		file_put(f);
	return fd;
}

int fd_dup2(struct fdtable *t, int oldfd, int newfd)
{
	struct file *f = fd_get(t, oldfd);

	if (!f || !valid(newfd))
		return -EBADF;
	if (oldfd == newfd)
		return newfd;
	file_get(f);
	if (t->files[newfd])
		fd_close(t, newfd);
	t->files[newfd] = f;
	fd_set_cloexec(t, newfd, false);
	return newfd;
}

void fdtable_copy(struct fdtable *dst, const struct fdtable *src)
{
	memcpy(dst, src, sizeof(*dst));
	for (int fd = 0; fd < FD_MAX; fd++)
		if (dst->files[fd])
			file_get(dst->files[fd]);
}

void fdtable_close_on_exec(struct fdtable *t)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (t->files[fd] && fd_get_cloexec(t, fd))
			fd_close(t, fd);
}

void fdtable_close_all(struct fdtable *t)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (t->files[fd])
			fd_close(t, fd);
}
