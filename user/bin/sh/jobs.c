/* user/bin/sh/jobs.c - processes, jobs and the terminal.
 *
 * A job is what one pipeline (or one background command) started: its
 * processes, and with job control their process group.  Every child the
 * shell waits for belongs to a job in the list below, foreground ones
 * too, so a single loop, waitpid(-1), can file each status where it
 * belongs whichever process ends first.
 *
 * Job control (an interactive shell on a terminal):
 *   - the shell sits in its own process group, owns the terminal, and
 *     ignores SIGTSTP, SIGTTIN and SIGTTOU; SIGINT only sets a flag (so
 *     ^C at the prompt abandons the line) and SIGQUIT is ignored
 *     (trap.c sets these dispositions);
 *   - each job gets a process group, its first process's pid: parent
 *     and child both call setpgid, so neither can race ahead of it;
 *   - a foreground job is given the terminal (tcsetpgrp) by parent and
 *     child, so ^C goes to it and not to the shell; the shell takes the
 *     terminal back when the job ends (or stops, on Linux's ^Z);
 *   - background jobs keep their own group, off the terminal.
 * Without job control every process stays in the shell's group and a
 * background command ignores SIGINT and SIGQUIT (exec.c).
 *
 * A child starts with the signals the shell changed set back to their
 * defaults (become_child), and with the parent's job list forgotten.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

struct proc {
	pid_t pid;
	int status; /* the wait status */
	bool done, stopped;
};

struct job {
	struct job *next;
	int id;	    /* [N] once in the background, else 0 */
	pid_t pgid; /* with job control */
	struct proc *procs;
	int nprocs;
	bool background;
	char *text; /* the command, for reports */
};

static struct job *jobs;
void jobs_init_terminal(void)
{
	bool foreground;

	sh.ttyfd = fcntl(0, F_DUPFD_CLOEXEC, 10);
	foreground = sh.ttyfd >= 0 && tcgetpgrp(sh.ttyfd) == getpgrp();
	signals_interactive(foreground); /* SIGTTOU ignored from here on */
	if (!foreground)
		return; /* not the terminal's foreground: no job control */
	sh.pgid = getpgrp();
	if (sh.pgid != getpid() && setpgid(0, 0) == 0)
		sh.pgid = getpid();
	if (tcsetpgrp(sh.ttyfd, sh.pgid) < 0)
		return;
	tcgetattr(sh.ttyfd, &sh.tmodes);
	sh.jobctl = true;
}

static void job_free(struct job *job)
{
	struct job **link = &jobs;

	while (*link && *link != job)
		link = &(*link)->next;
	if (*link)
		*link = job->next;
	free(job->procs);
	free(job->text);
	free(job);
}

void become_child(void)
{
	sh.interactive = false;
	sh.jobctl = false;
	signals_child();
	while (jobs) /* the parent's children are not ours */
		job_free(jobs);
}

static int free_id(void)
{
	int id = 1;

	for (struct job *j = jobs; j; j = j->next)
		if (j->id >= id)
			id = j->id + 1;
	return id;
}

/* Finished background jobs wait in the list for "wait PID" or a report;
 * a script that starts many and never waits keeps only the latest. */
#define DONE_JOBS_KEPT 100

static bool job_done(const struct job *job);
static void reap_finished(void);

static void forget_old_jobs(void)
{
	int done = 0;

	for (struct job *j = jobs; j; j = j->next)
		done += j->background && job_done(j);
	for (struct job *j = jobs, *next; j && done > DONE_JOBS_KEPT;
	     j = next) {
		next = j->next;
		if (j->background && job_done(j)) {
			job_free(j);
			done--;
		}
	}
}

struct job *job_new(bool background, const struct node *n)
{
	struct job *job = xmalloc(sizeof(*job)), **link = &jobs;
	struct strbuf text = {0};

	reap_finished(); /* no zombies piling up behind background jobs */
	if (!sh.interactive)
		forget_old_jobs();
	memset(job, 0, sizeof(*job));
	job->background = background;
	job->id = background ? free_id() : 0;
	tree_text(n, &text);
	job->text = sb_take(&text);
	while (*link)
		link = &(*link)->next;
	*link = job;
	return job;
}

int job_id(const struct job *job)
{
	return job->id;
}

void job_drop(struct job *job)
{
	job_free(job);
}

pid_t job_fork(struct job *job)
{
	bool jobctl = sh.jobctl;
	pid_t pid = fork();

	if (pid < 0) {
		sh_error("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if (jobctl) {
			pid_t pgid = job->pgid ? job->pgid : getpid();

			setpgid(0, pgid);
			if (!job->background)
				tcsetpgrp(sh.ttyfd, pgid);
		}
		become_child();
		return 0;
	}
	if (jobctl) {
		if (!job->pgid)
			job->pgid = pid;
		setpgid(pid, job->pgid);
		if (!job->background)
			tcsetpgrp(sh.ttyfd, job->pgid);
	}
	job->procs =
	    xrealloc(job->procs, (job->nprocs + 1) * sizeof(*job->procs));
	job->procs[job->nprocs++] = (struct proc){.pid = pid};
	return pid;
}

int wait_status(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return 128 + WSTOPSIG(wstatus);
}

/* files a status from waitpid where its process is */
static void record(pid_t pid, int wstatus)
{
	for (struct job *j = jobs; j; j = j->next) {
		for (int i = 0; i < j->nprocs; i++) {
			struct proc *p = &j->procs[i];

			if (p->pid != pid)
				continue;
			p->stopped = WIFSTOPPED(wstatus);
			if (!p->stopped) {
				p->done = true;
				p->status = wstatus;
			}
			return;
		}
	}
	/* an orphan we inherited as init, or a here-document writer */
}

static bool job_done(const struct job *job)
{
	for (int i = 0; i < job->nprocs; i++)
		if (!job->procs[i].done)
			return false;
	return true;
}

static bool job_stopped(const struct job *job)
{
	bool any = false;

	for (int i = 0; i < job->nprocs; i++) {
		if (!job->procs[i].done && !job->procs[i].stopped)
			return false;
		any |= job->procs[i].stopped;
	}
	return any;
}

/* until JOB ends or stops; false if ^C interrupted the wait (only when
 * INTERRUPTIBLE: the wait built-in) */
static bool wait_job(struct job *job, bool interruptible)
{
	while (!job_done(job) && !job_stopped(job)) {
		int st;
		pid_t pid;

		if (interruptible && (sh.got_sigint || trap_pending()))
			return false;
		pid = waitpid(-1, &st, WUNTRACED);
		if (pid > 0) {
			record(pid, st);
		} else if (errno != EINTR) { /* ECHILD: reaped by another */
			for (int i = 0; i < job->nprocs; i++)
				job->procs[i].done = true;
		}
	}
	return true;
}

/* the wait built-in's status when a signal ended it */
static int interrupted_status(void)
{
	return 128 + (trap_pending() ? trap_pending() : SIGINT);
}

static void reap_finished(void)
{
	int st;
	pid_t pid;

	while ((pid = waitpid(-1, &st, WNOHANG | WUNTRACED)) > 0)
		record(pid, st);
}

static const char *signal_text(int sig)
{
	static const char *const names[] = {
	    [SIGHUP] = "Hangup",
	    [SIGINT] = "Interrupt",
	    [SIGQUIT] = "Quit",
	    [SIGILL] = "Illegal instruction",
	    [SIGTRAP] = "Trace trap",
	    [SIGABRT] = "Aborted",
	    [SIGBUS] = "Bus error",
	    [SIGFPE] = "Floating point exception",
	    [SIGKILL] = "Killed",
	    [SIGUSR1] = "User defined signal 1",
	    [SIGSEGV] = "Segmentation fault",
	    [SIGUSR2] = "User defined signal 2",
	    [SIGPIPE] = "Broken pipe",
	    [SIGALRM] = "Alarm clock",
	    [SIGTERM] = "Terminated",
	    [SIGTSTP] = "Stopped",
	    [SIGSTOP] = "Stopped",
	};

	if (sig > 0 && (size_t)sig < sizeof(names) / sizeof(names[0]) &&
	    names[sig])
		return names[sig];
	return "Signal";
}

/* "Done", "Exit 3", "Killed" ... for a finished job's report */
static void describe(int wstatus, struct strbuf *b)
{
	if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) {
		sb_adds(b, "Done");
	} else if (WIFEXITED(wstatus)) {
		sb_adds(b, "Exit ");
		sb_addnum(b, WEXITSTATUS(wstatus));
	} else {
		sb_adds(b, signal_text(WTERMSIG(wstatus)));
		if (WCOREDUMP(wstatus))
			sb_adds(b, " (core dumped)");
	}
}

/* "[1]  Done   sleep 1" on FD: STATE, or how the job ended */
static void report(int fd, struct job *job, const char *state)
{
	struct strbuf b = {0};

	sb_addc(&b, '[');
	sb_addnum(&b, job->id);
	sb_adds(&b, "]  ");
	if (state)
		sb_adds(&b, state);
	else
		describe(job->procs[job->nprocs - 1].status, &b);
	while (b.len < 24)
		sb_addc(&b, ' ');
	sb_adds(&b, job->text);
	sb_addc(&b, '\n');
	write_all(fd, b.s, b.len);
	sb_free(&b);
}

/* a foreground job was killed: say so, as other shells do */
static void note_signal(int wstatus)
{
	int sig = WTERMSIG(wstatus);
	struct strbuf b = {0};

	if (sig == SIGINT) {
		if (sh.interactive)
			write_all(2, "\n", 1);
		return;
	}
	if (sig == SIGPIPE)
		return;
	describe(wstatus, &b);
	sb_addc(&b, '\n');
	write_all(2, b.s, b.len);
	sb_free(&b);
}

int job_wait(struct job *job)
{
	int st, status;

	wait_job(job, false);
	if (sh.jobctl)
		tcsetpgrp(sh.ttyfd, sh.pgid);
	if (!job_done(job)) { /* stopped: now a background job */
		job->background = true;
		job->id = free_id();
		write_all(2, "\n", 1);
		report(2, job, "Stopped");
		return 128 + SIGTSTP;
	}
	status =
	    wait_status(job->nprocs ? job->procs[job->nprocs - 1].status : 0);
	for (int i = job->nprocs - 1; i >= 0; i--) {
		st = job->procs[i].status;
		if (!WIFSIGNALED(st))
			continue;
		note_signal(st); /* the last killed process of the pipeline */
		if (sh.jobctl)
			tcsetattr(sh.ttyfd, TCSADRAIN, &sh.tmodes);
		if (sh.interactive && WTERMSIG(st) == SIGINT)
			sh.got_sigint = 1; /* abandon the rest of the line */
		break;
	}
	job_free(job);
	return status;
}

void jobs_report(void)
{
	struct job *j, *next;

	reap_finished();
	for (j = jobs; j; j = next) {
		next = j->next;
		if (j->background && job_done(j)) {
			report(2, j, NULL);
			job_free(j);
		}
	}
}

/* --- built-ins */

/* %N, %%, %+, or NULL for the current job (the most recent) */
static struct job *find_job(const char *spec)
{
	struct job *found = NULL;
	long long id = 0;

	if (spec && strcmp(spec, "%%") && strcmp(spec, "%+") &&
	    (spec[0] != '%' || !parse_number(spec + 1, &id)))
		return NULL;
	for (struct job *j = jobs; j; j = j->next)
		if (j->background && (id ? j->id == id : true))
			found = j;
	return found;
}

/* the job with process PID, and that process */
static struct job *find_pid(pid_t pid, struct proc **proc)
{
	for (struct job *j = jobs; j; j = j->next) {
		for (int i = 0; i < j->nprocs; i++) {
			if (j->procs[i].pid == pid) {
				*proc = &j->procs[i];
				return j;
			}
		}
	}
	return NULL;
}

static int wait_one(const char *arg)
{
	struct proc *proc = NULL;
	struct job *job;
	long long pid;
	int status;

	if (arg[0] == '%') {
		job = find_job(arg);
	} else if (parse_number(arg, &pid) && pid > 0) {
		job = find_pid(pid, &proc);
	} else {
		sh_error("wait: %s: not a pid or job", arg);
		return 2;
	}
	if (!job)
		return 127;
	if (!wait_job(job, true))
		return interrupted_status();
	if (!proc)
		proc = &job->procs[job->nprocs - 1];
	if (WIFSIGNALED(proc->status))
		note_signal(proc->status);
	status = wait_status(proc->status);
	if (job_done(job))
		job_free(job);
	return status;
}

int bi_wait(int argc, char **argv)
{
	int status = 0;

	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			status = wait_one(argv[i]);
		return status;
	}
	for (;;) {
		struct job *j = jobs;

		while (j && !j->background)
			j = j->next;
		if (!j)
			return 0;
		if (!wait_job(j, true))
			return interrupted_status();
		if (job_done(j) && WIFSIGNALED(j->procs[j->nprocs - 1].status))
			note_signal(j->procs[j->nprocs - 1].status);
		if (job_done(j))
			job_free(j);
		else
			j->background =
			    false; /* stopped: wait no more for it */
	}
}

int bi_jobs(int argc, char **argv)
{
	struct job *j, *next;

	(void)argc;
	(void)argv;
	reap_finished();
	for (j = jobs; j; j = next) {
		next = j->next;
		if (!j->background)
			continue;
		if (job_done(j)) {
			report(1, j, NULL);
			job_free(j);
		} else {
			report(1, j, job_stopped(j) ? "Stopped" : "Running");
		}
	}
	return 0;
}

static struct job *job_to_continue(const char *name, int argc, char **argv)
{
	struct job *job;

	if (!sh.jobctl) {
		sh_error("%s: no job control", name);
		return NULL;
	}
	job = find_job(argc > 1 ? argv[1] : NULL);
	if (!job)
		sh_error("%s: %s: no such job", name,
			 argc > 1 ? argv[1] : "current");
	return job;
}

static void continue_job(struct job *job)
{
	for (int i = 0; i < job->nprocs; i++)
		job->procs[i].stopped = false;
	kill(-job->pgid, SIGCONT);
}

int bi_fg(int argc, char **argv)
{
	struct job *job = job_to_continue("fg", argc, argv);

	if (!job)
		return 1;
	write_all(1, job->text, strlen(job->text));
	write_all(1, "\n", 1);
	job->background = false;
	job->id = 0;
	tcsetpgrp(sh.ttyfd, job->pgid);
	continue_job(job);
	return job_wait(job);
}

int bi_bg(int argc, char **argv)
{
	struct job *job = job_to_continue("bg", argc, argv);

	if (!job)
		return 1;
	continue_job(job);
	report(1, job, "Running");
	return 0;
}
