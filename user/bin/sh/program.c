/* user/bin/sh/program.c - finding programs on $PATH and running them.
 *
 * exec_command() runs in a child about to become the program: it looks
 * the name up in $PATH (the default is /bin:/sbin) unless it has a '/',
 * execs it with the exported variables as its environment, and on
 * failure says why and exits 127 (not found) or 126 (found, but it
 * cannot run).  A file the kernel refuses as not executable (ENOEXEC) is
 * looked at here: with a "#!interpreter [arg]" line the interpreter is
 * exec'd, as Linux's kernel would have done itself; without one it is a
 * shell script and this child runs it; with a NUL byte in its first
 * line it is a binary for some other system.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

/* DIR/NAME ("" for the current directory) */
static char *path_join(const char *dir, size_t len, const char *name)
{
	struct strbuf b = {0};

	sb_addn(&b, dir, len);
	if (len && dir[len - 1] != '/')
		sb_addc(&b, '/');
	sb_adds(&b, name);
	return sb_take(&b);
}

char *find_in_path(const char *name, const char *path, int mode)
{
	struct stat st;

	if (!path)
		path = DEFAULT_PATH;
	for (;;) {
		const char *colon = strchr(path, ':');
		size_t len = colon ? (size_t)(colon - path) : strlen(path);
		char *full = path_join(path, len, name);

		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(full, mode) == 0)
			return full;
		free(full);
		if (!colon)
			return NULL;
		path = colon + 1;
	}
}

/* the "#!interpreter [arg]" of a script, in LINE (changed in place) */
static bool shebang(char *line, char **interp, char **arg)
{
	char *p = line + 2, *end;

	if (line[0] != '#' || line[1] != '!')
		return false;
	line[strcspn(line, "\n")] = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	*interp = p;
	p += strcspn(p, " \t");
	if (*p)
		*p++ = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	*arg = *p ? p : NULL;
	return **interp != '\0';
}

static int count(char **v)
{
	int n = 0;

	while (v[n])
		n++;
	return n;
}

/* the first line of PATH into LINE (NUL-terminated); its length, or -1 */
static ssize_t first_line(const char *path, char *line, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t got = fd < 0 ? -1 : read(fd, line, size - 1);

	if (fd >= 0)
		close(fd);
	line[got > 0 ? got : 0] = '\0';
	return got;
}

static void bad_interpreter(const char *path, const char *interp, int err)
{
	sh_error("%s: %s: bad interpreter: %s", path, interp, strerror(err));
	_exit(err == ENOENT ? 127 : 126);
}

/* PATH was refused with ENOEXEC: an interpreter line, or a script for
 * this shell; returns only if it is neither (a binary file) */
static void run_script(const char *path, char **argv, char **env)
{
	char line[256], *interp, *arg;
	ssize_t got = first_line(path, line, sizeof(line));
	int argc = count(argv), n = 0, fd;
	size_t first;

	if (got < 0)
		return;
	if (shebang(line, &interp, &arg)) {
		char **args = xmalloc((argc + 3) * sizeof(*args));

		args[n++] = interp;
		if (arg)
			args[n++] = arg;
		args[n++] = (char *)path;
		for (int i = 1; i <= argc; i++)
			args[n++] = argv[i];
		execve(interp, args, env);
		bad_interpreter(path, interp, errno);
	}
	first = strcspn(line, "\n");
	if (first < (size_t)got && line[first] == '\0')
		return; /* a NUL in the first line: not a script */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	free(sh.arg0);
	sh.arg0 = xstrdup(path);
	params_set(argc - 1, argv + 1);
	sh_exit(run_file(path, fd));
}

/* exec PATH; returns with errno set if that failed */
static void try_exec(const char *path, char **argv, char **env)
{
	execve(path, argv, env);
	if (errno == ENOEXEC) {
		run_script(path, argv, env);
		errno = ENOEXEC;
	}
}

static void exec_failed(const char *name, int err)
{
	char line[256], *interp, *arg;
	struct stat st;

	if (err == ENOENT && first_line(name, line, sizeof(line)) > 0 &&
	    shebang(line, &interp, &arg)) /* Linux's kernel ran the #! */
		bad_interpreter(name, interp, err);
	if (err == ENOEXEC) {
		sh_error("%s: cannot execute binary file", name);
	} else if (err == EACCES && stat(name, &st) == 0 &&
		   S_ISDIR(st.st_mode)) {
		sh_error("%s: Is a directory", name);
	} else {
		sh_error("%s: %s", name, strerror(err));
	}
	_exit(err == ENOENT || err == ENOTDIR ? 127 : 126);
}

void exec_command(char **argv)
{
	char **env = var_environ();
	const char *name = argv[0], *path = var_get("PATH");
	bool denied = false;

	if (!*name) {
		sh_error(": not found");
		_exit(127);
	}
	if (strchr(name, '/')) {
		try_exec(name, argv, env);
		exec_failed(name, errno);
	}
	if (!path)
		path = DEFAULT_PATH;
	for (;;) {
		const char *colon = strchr(path, ':');
		size_t len = colon ? (size_t)(colon - path) : strlen(path);
		char *full = path_join(path, len, name);

		try_exec(full, argv, env);
		if (errno == EACCES)
			denied = true;
		else if ((errno != ENOENT && errno != ENOTDIR) ||
			 (errno == ENOENT && access(full, F_OK) == 0))
			exec_failed(full, errno); /* ENOENT: its interpreter */
		free(full);
		if (!colon)
			break;
		path = colon + 1;
	}
	if (denied) {
		sh_error("%s: Permission denied", name);
		_exit(126);
	}
	sh_error("%s: not found", name);
	_exit(127);
}

int run_argv(char **argv)
{
	struct job *job = job_new(false, NULL);
	pid_t pid = job_fork(job);

	if (pid < 0) {
		job_drop(job);
		return 126;
	}
	if (pid == 0)
		exec_command(argv);
	return job_wait(job);
}
