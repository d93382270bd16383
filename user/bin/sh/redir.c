/* user/bin/sh/redir.c - redirections: < > >> >| <> <& >& << <<-.
 *
 * A redirection opens its target (or duplicates a descriptor, or closes
 * one with <&- / >&-) and moves the result onto the descriptor named,
 * left to right, so "2>&1 >f" and ">f 2>&1" differ as they should.  A
 * child about to exec simply redirects.  A built-in runs in the shell
 * itself, so there redirect() first saves each descriptor it replaces
 * (a copy above 10, close-on-exec) and redirect_restore() puts them back
 * afterwards.  A here-document's body goes through a pipe: written at
 * once when it fits in the pipe, else by a small child process.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define HEREDOC_DIRECT 4096 /* a pipe holds at least this much */

static void save_fd(struct fd_save *save, int fd)
{
	if (!save)
		return;
	for (int i = 0; i < save->n; i++)
		if (save->v[i].fd == fd)
			return; /* the first copy is the original */
	if (save->n == save->cap) {
		save->cap = save->cap ? save->cap * 2 : 4;
		save->v = xrealloc(save->v, save->cap * sizeof(*save->v));
	}
	save->v[save->n].fd = fd;
	save->v[save->n].copy = fcntl(fd, F_DUPFD_CLOEXEC, 10); /* -1: closed */
	save->n++;
}

void redirect_restore(struct fd_save *save)
{
	for (int i = save->n - 1; i >= 0; i--) {
		int fd = save->v[i].fd, copy = save->v[i].copy;

		if (copy >= 0) {
			dup2(copy, fd);
			close(copy);
		} else {
			close(fd);
		}
	}
	free(save->v);
	save->v = NULL;
	save->n = save->cap = 0;
}

/* FROM becomes TO */
static int move_fd(int from, int to)
{
	if (from == to)
		return 0;
	if (dup2(from, to) < 0) {
		sh_error("%d: %s", to, strerror(errno));
		close(from);
		return -1;
	}
	close(from);
	return 0;
}

/* a pipe whose read end gives BODY */
static int heredoc_fd(const char *body)
{
	size_t len = strlen(body);
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0)
		return -1;
	if (len <= HEREDOC_DIRECT) {
		write_all(fds[1], body, len);
		close(fds[1]);
		return fds[0];
	}
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		become_child();
		_exit(write_all(fds[1], body, len) < 0);
	}
	close(fds[1]);
	return fds[0];
}

static int open_flags(enum redir_op op)
{
	switch (op) {
	case R_IN:
		return O_RDONLY;
	case R_RDWR:
		return O_RDWR | O_CREAT;
	case R_APPEND:
		return O_WRONLY | O_CREAT | O_APPEND;
	default:
		return O_WRONLY | O_CREAT | O_TRUNC; /* > and >| */
	}
}

/* <&N >&N <&- >&- */
static int duplicate(struct redir *r, const char *word)
{
	long long n;

	if (strcmp(word, "-") == 0) {
		close(r->fd);
		return 0;
	}
	if (!parse_number(word, &n) || n < 0 || n > INT_MAX) {
		sh_error("%s: %s", word, strerror(EBADF));
		return -1;
	}
	if (n == r->fd ? fcntl(n, F_GETFD) < 0 : dup2(n, r->fd) < 0) {
		sh_error("%s: %s", word, strerror(errno));
		return -1;
	}
	return 0;
}

static int redirect_one(struct redir *r)
{
	char *word;
	int fd, ret;

	if (r->op == R_HEREDOC) {
		word = r->quoted ? xstrdup(r->word) : expand_heredoc(r->word);
		if (!word)
			return -1;
		fd = heredoc_fd(word);
		free(word);
		if (fd < 0) {
			sh_error("here-document: %s", strerror(errno));
			return -1;
		}
		return move_fd(fd, r->fd);
	}
	word = expand_string(r->word);
	if (!word)
		return -1;
	if (r->op == R_DUPIN || r->op == R_DUPOUT) {
		ret = duplicate(r, word);
	} else if ((fd = open(word, open_flags(r->op), 0666)) < 0) {
		sh_error("%s: %s", word, strerror(errno));
		ret = -1;
	} else {
		ret = move_fd(fd, r->fd);
	}
	free(word);
	return ret;
}

int redirect(struct redir *r, struct fd_save *save)
{
	for (; r; r = r->next) {
		save_fd(save, r->fd);
		if (redirect_one(r) < 0)
			return -1;
	}
	return 0;
}
