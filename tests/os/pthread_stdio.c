/* tests/os/pthread_stdio.c - the libc shared by threads: several threads
 * printf lines into one stream (a pipe as stdout, a file, unbuffered
 * stderr) and every line arrives whole, each thread's in order;
 * flockfile groups calls; ftrylockfile; threads reading lines from one
 * stream get each line once and whole; malloc, realloc and free from
 * several threads at once keep every block intact.
 */
#include <pthread.h>
#include <sched.h>

#include "t.h"

#define NT 4
#define LINES 400

/* Line i of thread t: "t=T i=IIII " then a payload of a length that
 * varies with i, of one letter per thread, then a newline. */
static int payload_len(int i)
{
	return (i * 37) % 180;
}

static void make_line(char *buf, int t, int i)
{
	int n = sprintf(buf, "t=%d i=%04d ", t, i);

	memset(buf + n, 'a' + t, payload_len(i));
	buf[n + payload_len(i)] = '\n';
	buf[n + payload_len(i) + 1] = 0;
}

/* Checks the output: every line well formed, each thread's lines all
 * there and in order.  Returns NULL or what is wrong. */
static const char *check_lines(char *text, int threads, int lines)
{
	static char why[160];
	int next[NT] = {0}, count = 0;
	char want[256];

	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		int t, i;

		if (!nl || sscanf(line, "t=%d i=%d ", &t, &i) != 2 || t < 0 ||
		    t >= threads || i != next[t]) {
			snprintf(why, sizeof(why), "bad line %d: %.60s", count,
				 line);
			return why;
		}
		make_line(want, t, i);
		if (strncmp(line, want, nl - line + 1)) {
			snprintf(why, sizeof(why), "cut line %d: %.60s", count,
				 line);
			return why;
		}
		next[t]++;
		count++;
		line = nl + 1;
	}
	for (int t = 0; t < threads; t++)
		if (next[t] != lines) {
			snprintf(why, sizeof(why), "thread %d: %d lines", t,
				 next[t]);
			return why;
		}
	return NULL;
}

/* reads fd to its end into a malloc'd string */
static char *read_all(int fd)
{
	size_t size = 1 << 16, len = 0;
	char *buf = malloc(size);
	ssize_t n;

	while (buf && (n = read(fd, buf + len, size - len - 1)) > 0) {
		len += n;
		if (size - len < 4096)
			buf = realloc(buf, size *= 2);
	}
	if (buf)
		buf[len] = 0;
	return buf;
}

enum how { PRINTF, FPRINTF, FPUTS, FWRITE, STDERR };

struct writer {
	enum how how;
	FILE *f;
	int t;
};

static void *write_lines(void *arg)
{
	struct writer *w = arg;
	char line[256];

	for (int i = 0; i < LINES; i++) {
		make_line(line, w->t, i);
		switch (w->how) {
		case PRINTF:
			printf("t=%d i=%04d %.*s\n", w->t, i, payload_len(i),
			       line + 11);
			break;
		case FPRINTF:
			fprintf(w->f, "%s", line);
			break;
		case FPUTS:
			fputs(line, w->f);
			break;
		case FWRITE:
			fwrite(line, 1, strlen(line), w->f);
			break;
		case STDERR:
			fprintf(stderr, "t=%d i=%04d %.*s\n", w->t, i,
				payload_len(i), line + 11);
			break;
		}
		if (i % 50 == 0)
			sched_yield();
	}
	return NULL;
}

static void run_writers(enum how how, FILE *f)
{
	struct writer w[NT];
	pthread_t t[NT];

	for (int i = 0; i < NT; i++) {
		w[i] = (struct writer){how, f, i};
		if (pthread_create(&t[i], NULL, write_lines, &w[i]))
			_exit(2);
	}
	for (int i = 0; i < NT; i++)
		pthread_join(t[i], NULL);
}

/* a child whose stdout (or stderr) is a pipe runs the writers; the
 * parent checks what came through */
static void through_pipe(enum how how)
{
	int p[2];

	T_OK(pipe(p));
	pid_t pid = t_fork();
	if (pid == 0) {
		close(p[0]);
		dup2(p[1], how == STDERR ? 2 : 1);
		close(p[1]);
		run_writers(how, how == STDERR ? stderr : stdout);
		exit(0);
	}
	close(p[1]);
	char *text = read_all(p[0]);
	close(p[0]);
	T_EXITED(t_wait(pid), 0);
	T_TRUE(text != NULL);
	const char *bad = check_lines(text, NT, LINES);
	if (bad)
		T_FAIL("%s", bad);
	free(text);
}

static void printf_to_pipe(void)
{
	through_pipe(PRINTF);
}

static void stderr_to_pipe(void)
{
	through_pipe(STDERR);
}

static void into_file(enum how how, const char *mode)
{
	FILE *f = fopen("out", mode);

	T_TRUE(f != NULL);
	if (mode[0] == 'w' && mode[1] == 0)
		setvbuf(f, NULL, _IOLBF, 0);
	run_writers(how, f);
	T_EQ(fclose(f), 0);
	int fd = T_OK(open("out", O_RDONLY));
	char *text = read_all(fd);
	close(fd);
	T_TRUE(text != NULL);
	const char *bad = check_lines(text, NT, LINES);
	if (bad)
		T_FAIL("%s", bad);
	free(text);
}

static void fprintf_to_file(void)
{
	into_file(FPRINTF, "w");
}

static void fputs_to_file(void)
{
	into_file(FPUTS, "we");
}

static void fwrite_to_file(void)
{
	into_file(FWRITE, "a");
}

/* --- flockfile: several calls as one piece */

static void *grouped(void *arg)
{
	struct writer *w = arg;

	for (int i = 0; i < LINES; i++) {
		flockfile(w->f);
		fprintf(w->f, "t=%d i=%04d ", w->t, i);
		for (int k = 0; k < payload_len(i); k++) {
			putc_unlocked('a' + w->t, w->f);
			if (k == 10)
				sched_yield(); /* the others wait for us */
		}
		fputc('\n', w->f);
		funlockfile(w->f);
	}
	return NULL;
}

static void flockfile_groups(void)
{
	FILE *f = fopen("out", "w+");
	struct writer w[NT];
	pthread_t t[NT];

	T_TRUE(f != NULL);
	for (int i = 0; i < NT; i++) {
		w[i] = (struct writer){FPUTS, f, i};
		T_EQ(pthread_create(&t[i], NULL, grouped, &w[i]), 0);
	}
	for (int i = 0; i < NT; i++)
		T_EQ(pthread_join(t[i], NULL), 0);
	T_EQ(fflush(f), 0);
	char *text = read_all(T_OK(open("out", O_RDONLY)));
	const char *bad = check_lines(text, NT, LINES);
	if (bad)
		T_FAIL("%s", bad);
	free(text);
	fclose(f);
}

static void *try_lock(void *arg)
{
	FILE *f = arg;

	if (ftrylockfile(f) == 0) {
		funlockfile(f);
		return (void *)1;
	}
	return (void *)0;
}

static void ftrylockfile_busy(void)
{
	pthread_t t;
	void *r;

	flockfile(stdout);
	flockfile(stdout); /* recursive */
	T_EQ(ftrylockfile(stdout), 0);
	funlockfile(stdout);
	T_EQ(pthread_create(&t, NULL, try_lock, stdout), 0);
	T_EQ(pthread_join(t, &r), 0);
	T_EQ((long)r, 0);
	funlockfile(stdout);
	T_EQ(pthread_create(&t, NULL, try_lock, stdout), 0);
	T_EQ(pthread_join(t, &r), 0);
	T_EQ((long)r, 0); /* still held once */
	funlockfile(stdout);
	T_EQ(pthread_create(&t, NULL, try_lock, stdout), 0);
	T_EQ(pthread_join(t, &r), 0);
	T_EQ((long)r, 1);
}

/* --- readers: each line to exactly one of them, whole */

#define IN_LINES 4000

static int got[IN_LINES];

static void *read_lines(void *arg)
{
	FILE *f = arg;
	char line[64];
	long n = 0;
	int v;

	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "line %d", &v) != 1 || v < 0 ||
		    v >= IN_LINES || strlen(line) != 10)
			return (void *)-1;
		__atomic_add_fetch(&got[v], 1, __ATOMIC_SEQ_CST);
		n++;
	}
	return (void *)n;
}

static void readers_share_lines(void)
{
	FILE *f = fopen("in", "w");
	pthread_t t[NT];
	long total = 0;
	void *r;

	T_TRUE(f != NULL);
	for (int i = 0; i < IN_LINES; i++)
		fprintf(f, "line %04d\n", i);
	T_EQ(fclose(f), 0);
	f = fopen("in", "r");
	T_TRUE(f != NULL);
	for (int i = 0; i < NT; i++)
		T_EQ(pthread_create(&t[i], NULL, read_lines, f), 0);
	for (int i = 0; i < NT; i++) {
		T_EQ(pthread_join(t[i], &r), 0);
		T_TRUE((long)r >= 0);
		total += (long)r;
	}
	T_EQ(total, IN_LINES);
	for (int i = 0; i < IN_LINES; i++)
		T_EQ(got[i], 1);
	fclose(f);
}

/* --- malloc from several threads */

#define LIVE 64
#define ROUNDS 20000

static unsigned next_rand(unsigned *s)
{
	*s = *s * 1103515245 + 12345;
	return *s >> 8;
}

static void *churn(void *arg)
{
	unsigned seed = (unsigned)(long)arg * 7919 + 1;
	unsigned char *blocks[LIVE] = {0};
	size_t sizes[LIVE] = {0};
	unsigned char tag = (unsigned char)(long)arg;

	for (int r = 0; r < ROUNDS; r++) {
		int k = next_rand(&seed) % LIVE;

		if (blocks[k]) {
			for (size_t i = 0; i < sizes[k]; i += 97)
				if (blocks[k][i] != (unsigned char)(tag + i))
					return (void *)1;
			if (next_rand(&seed) % 4 == 0) {
				size_t n = next_rand(&seed) % 3000 + 1;
				unsigned char *p = realloc(blocks[k], n);

				if (!p)
					return (void *)2;
				for (size_t i = 0; i < n; i++)
					p[i] = (unsigned char)(tag + i);
				blocks[k] = p;
				sizes[k] = n;
				continue;
			}
			free(blocks[k]);
			blocks[k] = NULL;
			continue;
		}
		/* now and then a big one: a mapping of its own */
		size_t n = r % 500 == 0 ? 200000 : next_rand(&seed) % 2000 + 1;
		unsigned char *p = r % 3 ? malloc(n) : calloc(1, n);

		if (!p)
			return (void *)3;
		for (size_t i = 0; i < n; i++)
			p[i] = (unsigned char)(tag + i);
		blocks[k] = p;
		sizes[k] = n;
	}
	for (int k = 0; k < LIVE; k++)
		free(blocks[k]);
	return NULL;
}

static void malloc_from_threads(void)
{
	pthread_t t[NT];
	void *r;

	for (long i = 0; i < NT; i++)
		T_EQ(pthread_create(&t[i], NULL, churn, (void *)(i + 1)), 0);
	for (int i = 0; i < NT; i++) {
		T_EQ(pthread_join(t[i], &r), 0);
		T_EQ((long)r, 0);
	}
}

static const struct t_case cases[] = {
    T(printf_to_pipe),	  T(stderr_to_pipe),	  T(fprintf_to_file),
    T(fputs_to_file),	  T(fwrite_to_file),	  T(flockfile_groups),
    T(ftrylockfile_busy), T(readers_share_lines), T(malloc_from_threads),
};

T_MAIN(cases, NULL)
