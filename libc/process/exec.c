/* libc/process/exec.c - the exec family over execve.
 *
 * execv uses environ; the l forms take their arguments as a NULL-ended
 * list (execle: then the environment).  The p forms search PATH when
 * the name has no '/', as glibc does: each directory in turn (an empty
 * entry is the current directory; no PATH means "/bin:/usr/bin"); a
 * directory where the name is missing (ENOENT, ENOTDIR) or not
 * executable (EACCES, reported at the end if nothing ran) is skipped,
 * any other error stops the search.  A file that is executable but not
 * a binary or a #! script (ENOEXEC) is run by /bin/sh, as a shell
 * script.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_PATH "/bin:/usr/bin"

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* execve, and for ENOEXEC: /bin/sh path args... */
static int exec_or_shell(const char *path, char *const argv[],
			 char *const envp[])
{
	int argc = 0;

	execve(path, argv, envp);
	if (errno != ENOEXEC)
		return -1;
	while (argv[argc])
		argc++;
	char *sh_argv[argc + 3];
	int n = 0;

	sh_argv[n++] = "sh";
	sh_argv[n++] = (char *)path;
	for (int i = 1; i < argc; i++)
		sh_argv[n++] = argv[i];
	sh_argv[n] = NULL;
	execve("/bin/sh", sh_argv, envp);
	return -1;
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path = getenv("PATH"), *dir;
	size_t flen = strlen(file);
	int saw_eacces = 0;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return exec_or_shell(file, argv, envp);
	if (flen > NAME_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (!path)
		path = DEFAULT_PATH;
	for (dir = path;; dir++) {
		size_t dlen = strchrnul(dir, ':') - dir;
		char buf[PATH_MAX];

		if (dlen + 1 + flen < sizeof(buf)) {
			memcpy(buf, dir, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			exec_or_shell(dlen ? buf : file, argv, envp);
			if (errno == EACCES)
				saw_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		dir += dlen;
		if (!*dir)
			break;
	}
	if (saw_eacces)
		errno = EACCES;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* the number of arguments in the list arg0, ... up to its NULL */
static int count_list(const char *arg0, va_list *ap)
{
	int n = 0;

	if (arg0)
		for (n = 1; va_arg(*ap, char *); n++)
			;
	return n;
}

/* argv[0..n] = the list and its NULL, which are read from *ap */
static void list_to_argv(char **argv, const char *arg0, va_list *ap, int n)
{
	argv[0] = (char *)arg0;
	for (int i = 1; i <= n; i++)
		argv[i] = va_arg(*ap, char *);
}

int execl(const char *path, const char *arg0, ...)
{
	va_list ap;
	int n;

	va_start(ap, arg0);
	n = count_list(arg0, &ap);
	va_end(ap);
	char *argv[n + 1];

	va_start(ap, arg0);
	list_to_argv(argv, arg0, &ap, n);
	va_end(ap);
	return execv(path, argv);
}

int execlp(const char *file, const char *arg0, ...)
{
	va_list ap;
	int n;

	va_start(ap, arg0);
	n = count_list(arg0, &ap);
	va_end(ap);
	char *argv[n + 1];

	va_start(ap, arg0);
	list_to_argv(argv, arg0, &ap, n);
	va_end(ap);
	return execvp(file, argv);
}

int execle(const char *path, const char *arg0, ...)
{
	char *const *envp;
	va_list ap;
	int n;

	va_start(ap, arg0);
	n = count_list(arg0, &ap);
	va_end(ap);
	char *argv[n + 1];

	va_start(ap, arg0);
	list_to_argv(argv, arg0, &ap, n);
	envp = va_arg(ap, char *const *);
	va_end(ap);
	return execve(path, argv, envp);
}
