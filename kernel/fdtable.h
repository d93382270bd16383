/* kernel/fdtable.h - a process's file descriptor table.
 *
 * An array of pointers to open file descriptions (each slot holding a
 * reference) plus the close-on-exec bits.  New descriptors take the
 * lowest free number, as POSIX requires; dup() makes a second slot point
 * to the same description, so the two share the offset.
 */
#ifndef KERNEL_FDTABLE_H
#define KERNEL_FDTABLE_H

#include <stdbool.h>
#include <stdint.h>

#define FD_MAX 1024 /* Linux's default RLIMIT_NOFILE */

struct file;

struct fdtable {
	struct file *files[FD_MAX];
	uint32_t cloexec[FD_MAX / 32];
};

/* Installs f (the caller's reference moves to the table) at the lowest
 * free descriptor >= min_fd; returns it, or -EMFILE. */
int fd_install(struct fdtable *t, struct file *f, int min_fd, bool cloexec);
/* The description behind fd (no new reference), or NULL if fd is not open. */
struct file *fd_get(struct fdtable *t, int fd);
/* Closes fd: 0 or -EBADF. */
int fd_close(struct fdtable *t, int fd);
/* dup: the lowest free descriptor >= min_fd sharing oldfd's description;
 * -EBADF, -EMFILE. */
int fd_dup(struct fdtable *t, int oldfd, int min_fd);
/* dup2: newfd (closed first if open) shares oldfd's description; returns
 * newfd, or -EBADF. */
int fd_dup2(struct fdtable *t, int oldfd, int newfd);
bool fd_get_cloexec(struct fdtable *t, int fd);
void fd_set_cloexec(struct fdtable *t, int fd, bool on);
/* fork: dst gets a reference to each of src's descriptions. */
void fdtable_copy(struct fdtable *dst, const struct fdtable *src);
/* exec: closes the descriptors marked close-on-exec. */
void fdtable_close_on_exec(struct fdtable *t);
/* exit: closes everything. */
void fdtable_close_all(struct fdtable *t);

#endif
