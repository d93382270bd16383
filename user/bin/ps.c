/* user/bin/ps.c - ps: list the processes, from /proc.
 *
 *   ps [-e | -A]
 *
 * Every process is listed (so -e and -A, "every process", change
 * nothing; they are accepted because fingers type them), in pid order,
 * with the columns of procps's "ps -eo pid,ppid,stat,time,args":
 *
 *	  PID  PPID STAT     TIME COMMAND
 *	    1     0 Ss   00:00:00 /sbin/init
 *
 * Everything comes from /proc/PID/stat (Linux's format: "pid (comm)
 * state ppid pgrp session tty_nr tpgid ... utime stime ... nice
 * num_threads ..."), /proc/PID/cmdline (the arguments, NUL-separated)
 * and the VmLck line of /proc/PID/status.  STAT is the state letter
 * (R running, S sleeping, D disk wait, T stopped, Z zombie...) followed,
 * as in procps, by < (nice below 0), N (nice above 0), L (locked pages),
 * s (session leader), l (several threads) and + (in the foreground
 * process group of its terminal).  TIME is the CPU time used, user plus
 * system.  COMMAND is the argument list, or "[comm]" when there is none
 * (kernel threads, zombies: "[comm] <defunct>").  A process that ends
 * while ps reads it is left out.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

/* procps-ng reads at most 128 KiB of a command line: so do we, so that
 * long ones (shell scripts given with -c) show alike. */
#define CMDLINE_MAX (128 * 1024)

struct proc_info {
	int pid, ppid, pgrp, session, tpgid;
	char state;
	char comm[64];
	unsigned long long utime, stime; /* in clock ticks */
	long nice, threads;
};

/* Reads up to SIZE - 1 bytes of PATH into BUF and terminates them;
 * returns the number of bytes, or -1. */
static long read_small_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0;
	long n;

	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return (long)len;
}

/* The fields after "pid (comm)": numbered as in proc(5), field 3 is the
 * state, 4 ppid, 5 pgrp, 6 session, 8 tpgid, 14 utime, 15 stime, 19 nice,
 * 20 num_threads. */
static int parse_fields(char *s, struct proc_info *p)
{
	char *field[21] = {0};
	int n = 3;

	for (char *tok = strtok(s, " \n"); tok && n <= 20;
	     tok = strtok(NULL, " \n"))
		field[n++] = tok;
	if (n <= 20)
		return -1;
	p->state = field[3][0];
	p->ppid = atoi(field[4]);
	p->pgrp = atoi(field[5]);
	p->session = atoi(field[6]);
	p->tpgid = atoi(field[8]);
	p->utime = strtoull(field[14], NULL, 10);
	p->stime = strtoull(field[15], NULL, 10);
	p->nice = atol(field[19]);
	p->threads = atol(field[20]);
	return 0;
}

/* Parses /proc/PID/stat; 0, or -1 if it is gone or malformed.  comm may
 * hold spaces and parentheses: it ends at the last ')'. */
static int read_stat(int pid, struct proc_info *p)
{
	char path[64], buf[1024], *open_paren, *close_paren;
	size_t len;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_small_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren)
		return -1;
	len = close_paren - open_paren - 1;
	if (len >= sizeof(p->comm))
		len = sizeof(p->comm) - 1;
	memcpy(p->comm, open_paren + 1, len);
	p->comm[len] = '\0';
	p->pid = pid;
	return parse_fields(close_paren + 1, p);
}

/* Whether /proc/PID/status shows locked memory (VmLck above 0). */
static int has_locked_pages(int pid)
{
	char path[64], buf[2048], *line;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (read_small_file(path, buf, sizeof(buf)) <= 0)
		return 0;
	line = strstr(buf, "\nVmLck:");
	return line && strtoul(line + 7, NULL, 10) > 0;
}

/* procps's STAT: the state and its modifiers. */
static void format_stat(const struct proc_info *p, char *out)
{
	*out++ = p->state;
	if (p->nice < 0)
		*out++ = '<';
	else if (p->nice > 0)
		*out++ = 'N';
	if (has_locked_pages(p->pid))
		*out++ = 'L';
	if (p->session == p->pid)
		*out++ = 's';
	if (p->threads > 1)
		*out++ = 'l';
	if (p->tpgid > 0 && p->pgrp == p->tpgid)
		*out++ = '+';
	*out = '\0';
}

/* CPU time as [DD-]HH:MM:SS. */
static void format_time(const struct proc_info *p, char *out, size_t size)
{
	unsigned long hz = getauxval(AT_CLKTCK);
	unsigned long long t = (p->utime + p->stime) / (hz ? hz : 100);
	unsigned days = t / 86400;

	if (days)
		snprintf(out, size, "%u-%02u:%02u:%02u", days,
			 (unsigned)(t / 3600 % 24), (unsigned)(t / 60 % 60),
			 (unsigned)(t % 60));
	else
		snprintf(out, size, "%02u:%02u:%02u", (unsigned)(t / 3600),
			 (unsigned)(t / 60 % 60), (unsigned)(t % 60));
}

/* The arguments joined by spaces (newlines in them become spaces too),
 * as procps-ng shows them in the C locale: other control characters '.',
 * bytes above ASCII '?'; or "[comm]" when there are none. */
static void format_command(const struct proc_info *p, char *out, size_t size)
{
	char path[64];
	long len;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", p->pid);
	len = read_small_file(path, out, size);
	while (len > 0 && out[len - 1] == '\0')
		len--;
	if (len <= 0) {
		snprintf(out, size, "[%s]%s", p->comm,
			 p->state == 'Z' ? " <defunct>" : "");
		return;
	}
	out[len] = '\0';
	for (long i = 0; i < len; i++)
		if (out[i] == '\0' || out[i] == '\n') /* as procps */
			out[i] = ' ';
		else if (iscntrl((unsigned char)out[i]))
			out[i] = '.';
		else if (!isprint((unsigned char)out[i]))
			out[i] = '?';
}

static void show(int pid)
{
	static char command[CMDLINE_MAX];
	struct proc_info p;
	char stat[8], time[32];

	if (read_stat(pid, &p) < 0)
		return; /* it ended meanwhile */
	format_stat(&p, stat);
	format_time(&p, time, sizeof(time));
	format_command(&p, command, sizeof(command));
	printf("%5d %5d %-4s %8s %s\n", p.pid, p.ppid, stat, time, command);
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The pids in /proc, sorted; *count of them.  NULL on error. */
static int *list_pids(size_t *count)
{
	DIR *dir = opendir("/proc");
	struct dirent *entry;
	int *pids = NULL, *grown;
	size_t n = 0, cap = 0;

	if (!dir)
		return NULL;
	while ((entry = readdir(dir))) {
		char *end;
		long pid = strtol(entry->d_name, &end, 10);

		if (!isdigit((unsigned char)entry->d_name[0]) || *end)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			grown = realloc(pids, cap * sizeof(*pids));
			if (!grown) {
				free(pids);
				closedir(dir);
				errno = ENOMEM;
				return NULL;
			}
			pids = grown;
		}
		pids[n++] = (int)pid;
	}
	closedir(dir);
	qsort(pids, n, sizeof(*pids), compare_ints);
	*count = n;
	return pids ? pids : malloc(1);
}

int main(int argc, char **argv)
{
	size_t count;
	int *pids, c;

	opterr = 0;
	while ((c = getopt(argc, argv, "eA")) != -1)
		if (c == '?') {
			fprintf(stderr, "ps: invalid option -- '%c'\n", optopt);
			fputs("usage: ps [-e | -A]\n", stderr);
			return 2;
		}
	if (optind < argc) {
		fprintf(stderr, "ps: extra operand '%s'\nusage: ps [-e | -A]\n",
			argv[optind]);
		return 2;
	}
	pids = list_pids(&count);
	if (!pids) {
		fprintf(stderr, "ps: /proc: %s\n", strerror(errno));
		return 1;
	}
	printf("%5s %5s %-4s %8s %s\n", "PID", "PPID", "STAT", "TIME",
	       "COMMAND");
	for (size_t i = 0; i < count; i++)
		show(pids[i]);
	free(pids);
	return 0;
}
