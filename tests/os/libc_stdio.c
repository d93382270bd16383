/* tests/os/libc_stdio.c - the libc's streams: every fopen mode, fdopen,
 * freopen, seeking and telling, ungetc, fgets, getline and getdelim,
 * fread and fwrite, the end-of-file and error flags, tmpfile, popen,
 * fflush(NULL), exit() flushing every stream and _exit() not, perror,
 * remove, fscanf on a stream, and the printf family's output in this
 * environment (the same strings glibc prints; tests/unit/test_printf.c
 * compares the formatter with glibc on the host at length).
 *
 * Where C leaves a choice the cases assert glibc's; the program passes
 * on the Linux host (the os-host suite) and in the OS.
 */
#include <float.h>
#include <limits.h>

#include "t.h"

/* --- helpers */

static void put_file(const char *path, const char *text)
{
	t_write_file(path, text, (long)strlen(text));
}

/* the whole file, as a string (static; up to 64 KiB) */
static const char *file_text(const char *path)
{
	static char buf[1 << 16];
	int fd = T_OK(open(path, O_RDONLY));
	long n = T_OK(read(fd, buf, sizeof(buf) - 1));

	buf[n] = 0;
	T_OK(close(fd));
	return buf;
}

static FILE *must_open(const char *path, const char *mode)
{
	FILE *f = fopen(path, mode);

	if (!f)
		T_FAIL("fopen(%s, %s): %s", path, mode, t_errname(errno));
	return f;
}

/* --- fopen's modes */

static void mode_r(void)
{
	put_file("f", "abc");
	FILE *f = must_open("f", "r");

	T_EQ(fgetc(f), 'a');
	errno = 0;
	T_EQ(fputc('x', f), EOF); /* not open for writing */
	T_EQ(errno, EBADF);
	T_TRUE(ferror(f));
	clearerr(f);
	T_EQ(fgetc(f), 'b');
	T_OK(fclose(f));
	T_STREQ(file_text("f"), "abc");
	errno = 0;
	T_TRUE(fopen("missing", "r") == NULL);
	T_EQ(errno, ENOENT);
}

static void mode_w(void)
{
	put_file("f", "old contents");
	FILE *f = must_open("f", "w");

	T_STREQ(file_text("f"), ""); /* truncated at once */
	T_EQ(fputs("new", f), 1);
	errno = 0;
	T_EQ(fgetc(f), EOF);
	T_EQ(errno, EBADF);
	T_OK(fclose(f));
	T_STREQ(file_text("f"), "new");
	f = must_open("created", "wb");
	T_OK(fclose(f));
	T_EQ(access("created", F_OK), 0);
}

static void mode_a(void)
{
	put_file("f", "abc");
	FILE *f = must_open("f", "a");

	T_EQ(ftell(f), 3); /* "a" starts at the end, as glibc */
	T_EQ(fputs("de", f), 1);
	T_EQ(ftell(f), 5);
	T_OK(fseek(f, 0, SEEK_SET));
	T_EQ(fputs("f", f), 1); /* still at the end */
	T_OK(fclose(f));
	T_STREQ(file_text("f"), "abcdef");
}

static void mode_r_plus(void)
{
	put_file("f", "0123456789");
	FILE *f = must_open("f", "r+");

	T_EQ(fgetc(f), '0');
	T_EQ(fgetc(f), '1');
	T_OK(fseek(f, 0, SEEK_CUR)); /* between reading and writing */
	T_EQ(fputs("AB", f), 1);
	T_OK(fseek(f, 0, SEEK_CUR));
	T_EQ(fgetc(f), '4');
	T_OK(fclose(f));
	T_STREQ(file_text("f"), "01AB456789");
	errno = 0;
	T_TRUE(fopen("missing", "r+") == NULL);
	T_EQ(errno, ENOENT);
}

static void mode_w_plus(void)
{
	put_file("f", "old");
	FILE *f = must_open("f", "w+b");
	char buf[16] = {0};

	T_EQ(fgetc(f), EOF);
	T_TRUE(feof(f));
	T_EQ(fputs("hello", f), 1);
	rewind(f);
	T_EQ(fread(buf, 1, sizeof(buf), f), 5);
	T_STREQ(buf, "hello");
	T_OK(fclose(f));
}

static void mode_a_plus(void)
{
	put_file("f", "abc");
	FILE *f = must_open("f", "a+");

	T_EQ(ftell(f), 0); /* reading starts at the start */
	T_EQ(fgetc(f), 'a');
	T_EQ(fputs("XY", f), 1); /* writing at the end */
	T_OK(fseek(f, 0, SEEK_SET));
	T_EQ(fgetc(f), 'a');
	T_EQ(fgetc(f), 'b');
	T_OK(fclose(f));
	T_STREQ(file_text("f"), "abcXY");
}

static void mode_flags(void)
{
	FILE *f;

	put_file("f", "x");
	errno = 0;
	T_TRUE(fopen("f", "wx") == NULL);
	T_EQ(errno, EEXIST);
	f = must_open("g", "wxe");
	T_EQ(fcntl(fileno(f), F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
	T_OK(fclose(f));
	f = must_open("f", "r");
	T_EQ(fcntl(fileno(f), F_GETFD) & FD_CLOEXEC, 0);
	T_OK(fclose(f));
	errno = 0;
	T_TRUE(fopen("f", "z") == NULL);
	T_EQ(errno, EINVAL);
	errno = 0;
	T_TRUE(fopen("f", "") == NULL);
	T_EQ(errno, EINVAL);
}

/* --- fdopen, freopen, fileno */

static void fdopen_modes(void)
{
	int fd = T_OK(open("f", O_WRONLY | O_CREAT, 0644));
	FILE *f;

	errno = 0;
	T_TRUE(fdopen(fd, "r") == NULL); /* the descriptor cannot read */
	T_EQ(errno, EINVAL);
	f = fdopen(fd, "a");
	T_TRUE(f != NULL);
	T_EQ(fileno(f), fd);
	T_EQ(fcntl(fd, F_GETFL) & O_APPEND, O_APPEND); /* "a" sets it */
	T_EQ(fprintf(f, "%d", 42), 2);
	T_OK(fclose(f));
	T_STREQ(file_text("f"), "42");
	errno = 0;
	T_TRUE(fdopen(fd, "w") == NULL); /* closed with the stream */
	T_EQ(errno, EBADF);
}

static void freopen_stdout(void)
{
	T_TRUE(freopen("out", "w", stdout) == stdout);
	T_EQ(fileno(stdout), 1); /* the same descriptor number */
	T_EQ(printf("to the %s\n", "file"), 12);
	T_OK(fflush(stdout));
	T_STREQ(file_text("out"), "to the file\n");
	T_TRUE(freopen(NULL, "a", stdout) == stdout);
	T_EQ(fcntl(1, F_GETFL) & O_APPEND, O_APPEND);
	errno = 0;
	T_TRUE(freopen("nodir/x", "r", stdout) == NULL);
	T_EQ(errno, ENOENT);
	errno = 0;
	T_EQ(fileno(stdout), -1); /* closed now */
	T_EQ(errno, EBADF);
}

/* --- positions */

static void seek_and_tell(void)
{
	put_file("f", "0123456789");
	FILE *f = must_open("f", "r");
	fpos_t pos;

	T_EQ(ftell(f), 0);
	T_EQ(fgetc(f), '0');
	T_EQ(ftell(f), 1);
	T_OK(fseek(f, 3, SEEK_CUR));
	T_EQ(fgetc(f), '4');
	T_OK(fgetpos(f, &pos));
	T_OK(fseek(f, -2, SEEK_END));
	T_EQ(fgetc(f), '8');
	T_EQ(ftello(f), 9);
	T_OK(fsetpos(f, &pos));
	T_EQ(fgetc(f), '5');
	rewind(f);
	T_EQ(fgetc(f), '0');
	errno = 0;
	T_EQ(fseek(f, 0, 7), -1);
	T_EQ(errno, EINVAL);
	errno = 0;
	T_EQ(fseek(f, -100, SEEK_SET), -1);
	T_EQ(errno, EINVAL);
	T_OK(fclose(f));
}

static void seek_past_end_and_write(void)
{
	FILE *f = must_open("f", "w");
	struct stat st;

	T_OK(fseek(f, 5, SEEK_SET));
	T_EQ(fputs("x", f), 1);
	T_EQ(ftell(f), 6);
	T_OK(fclose(f));
	T_OK(stat("f", &st));
	T_EQ(st.st_size, 6);
	T_MEMEQ(file_text("f"), "\0\0\0\0\0x", 6);
}

static void seek_on_a_pipe(void)
{
	int p[2];
	FILE *f;

	T_OK(pipe(p));
	f = fdopen(p[0], "r");
	T_TRUE(f != NULL);
	errno = 0;
	T_EQ(fseek(f, 0, SEEK_SET), -1);
	T_EQ(errno, ESPIPE);
	errno = 0;
	T_EQ(ftell(f), -1);
	T_EQ(errno, ESPIPE);
	T_OK(fclose(f));
	T_OK(close(p[1]));
}

/* --- characters and lines */

static void ungetc_pushes_back(void)
{
	put_file("f", "abc");
	FILE *f = must_open("f", "r");

	/* before anything was read: into the stream's own area */
	T_EQ(ungetc('1', f), '1');
	T_EQ(ungetc('2', f), '2');
	T_EQ(fgetc(f), '2');
	T_EQ(fgetc(f), '1');
	T_EQ(fgetc(f), 'a');
	T_EQ(ungetc('Z', f), 'Z'); /* not the byte that was there */
	T_EQ(ftell(f), 0);
	T_EQ(fgetc(f), 'Z');
	T_EQ(ungetc(EOF, f), EOF);
	T_EQ(fgetc(f), 'b');
	T_EQ(fgetc(f), 'c');
	T_EQ(fgetc(f), EOF);
	T_TRUE(feof(f));
	T_EQ(ungetc('q', f), 'q'); /* clears the end of file */
	T_TRUE(!feof(f));
	T_EQ(fgetc(f), 'q');
	T_EQ(ungetc('w', f), 'w');
	T_OK(fseek(f, 1, SEEK_SET)); /* a seek drops what was pushed */
	T_EQ(fgetc(f), 'b');
	T_OK(fclose(f));
}

static void fgets_lines(void)
{
	put_file("f", "first line\nx\n\nlast, no newline");
	FILE *f = must_open("f", "r");
	char buf[8];

	T_TRUE(fgets(buf, sizeof(buf), f) == buf);
	T_STREQ(buf, "first l"); /* as much as fits */
	T_TRUE(fgets(buf, sizeof(buf), f) == buf);
	T_STREQ(buf, "ine\n");
	T_TRUE(fgets(buf, sizeof(buf), f) == buf);
	T_STREQ(buf, "x\n");
	T_TRUE(fgets(buf, sizeof(buf), f) == buf);
	T_STREQ(buf, "\n");
	T_TRUE(fgets(buf, 1, f) == buf); /* room for the '\0' only */
	T_STREQ(buf, "");
	T_TRUE(fgets(buf, sizeof(buf), f) == buf);
	T_STREQ(buf, "last, n");
	T_TRUE(fgets(buf, sizeof(buf), f) == buf);
	T_STREQ(buf, "o newli");
	T_TRUE(fgets(buf, sizeof(buf), f) == buf);
	T_STREQ(buf, "ne");
	T_TRUE(fgets(buf, sizeof(buf), f) == NULL);
	T_TRUE(feof(f));
	T_OK(fclose(f));
}

static void getline_and_getdelim(void)
{
	static char longline[10001];
	char *line = NULL;
	size_t size = 0;
	FILE *f = must_open("f", "w+");

	memset(longline, 'L', 10000);
	fprintf(f, "short\n%s\n\nend", longline);
	rewind(f);
	T_EQ(getline(&line, &size, f), 6);
	T_STREQ(line, "short\n");
	T_EQ(getline(&line, &size, f), 10001);
	T_TRUE(size > 10001);
	T_MEMEQ(line, longline, 10000);
	T_EQ(getline(&line, &size, f), 1);
	T_STREQ(line, "\n");
	T_EQ(getline(&line, &size, f), 3);
	T_STREQ(line, "end");
	T_EQ(getline(&line, &size, f), -1);
	T_TRUE(feof(f));
	rewind(f);
	T_EQ(getdelim(&line, &size, 'L', f), 7);
	T_STREQ(line, "short\nL");
	free(line);
	errno = 0;
	T_EQ(getline(NULL, &size, f), -1);
	T_EQ(errno, EINVAL);
	T_OK(fclose(f));
}

static void fread_fwrite_blocks(void)
{
	int in[100], out[100] = {0};
	FILE *f = must_open("f", "w+");

	for (int i = 0; i < 100; i++)
		in[i] = i * i;
	T_EQ(fwrite(in, sizeof(int), 100, f), 100);
	T_EQ(fwrite(in, 0, 100, f), 0);
	T_EQ(fwrite(in, sizeof(int), 0, f), 0);
	rewind(f);
	T_EQ(fread(out, sizeof(int), 60, f), 60);
	T_EQ(fread(out + 60, sizeof(int), 60, f), 40); /* short at the end */
	T_TRUE(feof(f));
	T_TRUE(!ferror(f));
	T_MEMEQ(out, in, sizeof(in));
	T_EQ(fread(out, sizeof(int), 1, f), 0);
	T_OK(fclose(f));
}

/* The end of file sticks until clearerr, as in glibc: data appended
 * later is not read before. */
static void eof_is_sticky(void)
{
	put_file("f", "a");
	FILE *f = must_open("f", "r");
	int fd = T_OK(open("f", O_WRONLY | O_APPEND));

	T_EQ(fgetc(f), 'a');
	T_EQ(fgetc(f), EOF);
	T_EQ(write(fd, "b", 1), 1);
	T_EQ(fgetc(f), EOF);
	clearerr(f);
	T_EQ(fgetc(f), 'b');
	T_OK(close(fd));
	T_OK(fclose(f));
}

static void big_file_round_trip(void)
{
	FILE *f = must_open("f", "w");
	long sum = 0, got = 0;
	int c;

	for (int i = 0; i < 100000; i++) {
		T_EQ(fputc('a' + i % 26, f), 'a' + i % 26);
		sum += 'a' + i % 26;
	}
	T_OK(fclose(f));
	f = must_open("f", "r");
	for (int i = 0; (c = fgetc(f)) != EOF; i++) {
		if (c != 'a' + i % 26)
			T_FAIL("byte %d: %d", i, c);
		got += c;
	}
	T_EQ(got, sum);
	T_OK(fclose(f));
}

/* --- whole streams */

static void tmpfile_is_unlinked(void)
{
	FILE *f = tmpfile();
	struct stat st;
	char buf[8] = {0};

	T_TRUE(f != NULL);
	T_OK(fstat(fileno(f), &st));
	T_EQ(st.st_nlink, 0);
	T_EQ(fputs("temp", f), 1);
	rewind(f);
	T_EQ(fread(buf, 1, 7, f), 4);
	T_STREQ(buf, "temp");
	T_OK(fclose(f));
}

static void fflush_null_flushes_all(void)
{
	FILE *a = must_open("a", "w"), *b = must_open("b", "w");

	T_EQ(fputs("to a", a), 1);
	T_EQ(fputs("to b", b), 1);
	T_STREQ(file_text("a"), "");
	T_OK(fflush(NULL));
	T_STREQ(file_text("a"), "to a");
	T_STREQ(file_text("b"), "to b");
	T_OK(fclose(a));
	T_OK(fclose(b));
}

static FILE *at_exit_stream;

static void say_bye(void)
{
	fputs(" bye", at_exit_stream);
}

/* In a child: output left in a file stream and in stdout (a file). */
static void leave_output(int use_exit)
{
	at_exit_stream = fopen("stream", "w");
	if (!at_exit_stream || !freopen("stdout", "w", stdout))
		_exit(3);
	fputs("pending", at_exit_stream);
	printf("on stdout %d", 1);
	if (use_exit) {
		atexit(say_bye); /* runs before the streams are flushed */
		exit(0);
	}
	_exit(0);
}

static void exit_flushes_every_stream(void)
{
	pid_t pid = t_fork();

	if (pid == 0)
		leave_output(1);
	T_EXITED(t_wait(pid), 0);
	T_STREQ(file_text("stream"), "pending bye");
	T_STREQ(file_text("stdout"), "on stdout 1");
}

static void _exit_flushes_nothing(void)
{
	pid_t pid = t_fork();

	if (pid == 0)
		leave_output(0);
	T_EXITED(t_wait(pid), 0);
	T_STREQ(file_text("stream"), "");
	T_STREQ(file_text("stdout"), "");
}

/* --helper return: leaves output in stdout and returns from main */
static int helper(int argc, char **argv)
{
	if (argc == 1 && !strcmp(argv[0], "return")) {
		printf("returned from main");
		return 7;
	}
	return 127;
}

static void return_from_main_flushes(void)
{
	int p[2];
	char buf[64] = {0};
	pid_t pid;

	T_OK(pipe(p));
	pid = t_fork();
	if (pid == 0) {
		dup2(p[1], 1);
		execv(t_self,
		      (char *[]){(char *)t_self, "--helper", "return", NULL});
		_exit(126);
	}
	T_OK(close(p[1]));
	T_EXITED(t_wait(pid), 7);
	T_EQ(read(p[0], buf, sizeof(buf) - 1), 18);
	T_STREQ(buf, "returned from main");
	T_OK(close(p[0]));
}

/* At exit a stream's unread input goes back to the file, so the next
 * reader of a shared descriptor starts after the first's last line. */
static void exit_gives_back_input(void)
{
	pid_t pid;
	int fd;

	put_file("f", "one\ntwo\nthree\n");
	fd = T_OK(open("f", O_RDONLY));
	pid = t_fork();
	if (pid == 0) {
		char line[16];
		FILE *f = fdopen(fd, "r");

		exit(f && fgets(line, sizeof(line), f) && !strcmp(line, "one\n")
			 ? 0
			 : 3);
	}
	T_EXITED(t_wait(pid), 0);
	T_EQ(lseek(fd, 0, SEEK_CUR), 4);
	T_OK(close(fd));
}

static void popen_read_and_write(void)
{
	char buf[32];
	FILE *f;

	if (access("/bin/sh", X_OK) < 0)
		T_FAIL("no /bin/sh to run commands");
	f = popen("echo hello; exit 3", "r");
	T_TRUE(f != NULL);
	T_TRUE(fgets(buf, sizeof(buf), f) != NULL);
	T_STREQ(buf, "hello\n");
	T_EQ(fgetc(f), EOF);
	T_EXITED(pclose(f), 3);
	f = popen("cat > piped", "w");
	T_TRUE(f != NULL);
	T_EQ(fprintf(f, "through %s\n", "cat"), 12);
	T_EXITED(pclose(f), 0);
	T_STREQ(file_text("piped"), "through cat\n");
	errno = 0;
	T_TRUE(popen("true", "rw") == NULL);
	T_EQ(errno, EINVAL);
}

static void perror_messages(void)
{
	int p[2];
	char buf[128] = {0};

	T_OK(pipe(p));
	T_OK(dup2(p[1], 2));
	errno = EACCES;
	perror("prog");
	errno = ENOENT;
	perror(NULL);
	errno = EISDIR;
	perror("");
	T_OK(close(2));
	T_OK(close(p[1]));
	T_OK(read(p[0], buf, sizeof(buf) - 1));
	T_STREQ(buf, "prog: Permission denied\nNo such file or directory\n"
		     "Is a directory\n");
}

static void closed_standard_stream(void)
{
	T_OK(fclose(stdout));
	errno = 0;
	T_EQ(printf("nothing"), -1);
	T_EQ(errno, EBADF);
	errno = 0;
	T_EQ(fileno(stdout), -1);
	T_EQ(errno, EBADF);
	errno = 0;
	T_EQ(fputs("x", stdout), EOF);
	T_TRUE(ferror(stdout));
}

static void remove_files_and_directories(void)
{
	put_file("f", "x");
	T_OK(mkdir("d", 0755));
	T_OK(remove("f"));
	T_OK(remove("d"));
	T_ERR(access("f", F_OK), ENOENT);
	T_ERR(access("d", F_OK), ENOENT);
	T_ERR(remove("f"), ENOENT);
	T_OK(mkdir("d", 0755));
	put_file("d/x", "x");
	T_ERR(remove("d"), ENOTEMPTY);
}

/* --- formatted I/O on streams */

static void fscanf_from_a_stream(void)
{
	put_file("f", "12 word 3.5\n0x1f rest\nx");
	FILE *f = must_open("f", "r");
	char word[16], rest[16];
	double d = 0;
	int a = 0, b = 0;

	T_EQ(fscanf(f, "%d %15s %lf %i", &a, word, &d, &b), 4);
	T_EQ(a, 12);
	T_STREQ(word, "word");
	T_TRUE(d == 3.5);
	T_EQ(b, 31);
	T_TRUE(fgets(rest, sizeof(rest), f) != NULL);
	T_STREQ(rest, " rest\n");
	T_EQ(fscanf(f, "%d", &a), 0); /* 'x' is no number: left there */
	T_EQ(fgetc(f), 'x');
	T_EQ(fscanf(f, "%d", &a), EOF);
	T_OK(fclose(f));
}

static void fprintf_counts_and_errors(void)
{
	FILE *f = must_open("f", "w");

	T_EQ(fprintf(f, "%s=%d%c", "x", -5, '\n'), 5);
	T_EQ(fprintf(f, "%5.1f|%-4s|%#x", 2.25, "ab", 255u), 15);
	T_OK(fclose(f));
	T_STREQ(file_text("f"), "x=-5\n  2.2|ab  |0xff");
	f = must_open("f", "r");
	errno = 0;
	T_EQ(fprintf(f, "no"), -1);
	T_EQ(errno, EBADF);
	T_OK(fclose(f));
}

/* What glibc prints for these, checked here where the programs run:
 * exact decimal expansions rounded to even, long double, %a, %g. */
static void printf_formats(void)
{
	static const struct {
		const char *want;
		int len;
	} x[] = {
	    {"0 2 2 -0", 8},
	    {"0.12 0.38 0.1 0.3", 17},
	    {"1.000000e+23 1e+22 9.9999999999999992e+22", 41},
	    {"0x1.8p+0 0x1.999999999999ap-4 0x8p-3", 36},
	    {"4.9406564584124654e-324 2.2250738585072014e-308", 47},
	    {"17976931348623157081452742373170435679807056752584499659891747680"
	     "31572607800285387605895586327668781715404589535143824642343213268"
	     "89464182768467546703537516986049910576551282076245490090389328944"
	     "07586850845513394230458323690322294816580855933212334827479782620"
	     "4144723168738177180919299881250404026184124858368.000000",
	     316},
	    {"3.36210314311209350626e-4932 1.18973149535723176502e+4932", 57},
	    {"0.3333333333333333333423684 100 0.0001 1e-05", 44},
	    {"[  -inf] [nan     ] [+INF] [-0X0P+0]", 36},
	    {"[00042] [0xffffffd6] [052] [ 4.20e+01]", 38},
	    {"18446744073709551615 -9223372036854775808 (nil) (null)", 54}};
	char buf[400];

	T_EQ(snprintf(buf, sizeof(buf), "%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5,
		      -0.5),
	     x[0].len);
	T_STREQ(buf, x[0].want);
	T_EQ(snprintf(buf, sizeof(buf), "%.2f %.2f %.1f %.1f", 0.125, 0.375,
		      0.15, 0.25000001),
	     x[1].len);
	T_STREQ(buf, x[1].want);
	T_EQ(snprintf(buf, sizeof(buf), "%e %g %.17g", 1e23, 1e22, 1e23),
	     x[2].len);
	T_STREQ(buf, x[2].want);
	T_EQ(snprintf(buf, sizeof(buf), "%a %a %La", 1.5, 0.1, 1.0L), x[3].len);
	T_STREQ(buf, x[3].want);
	T_EQ(snprintf(buf, sizeof(buf), "%.17g %.17g", DBL_TRUE_MIN, DBL_MIN),
	     x[4].len);
	T_STREQ(buf, x[4].want);
	T_EQ(snprintf(buf, sizeof(buf), "%f", DBL_MAX), x[5].len);
	T_STREQ(buf, x[5].want);
	T_EQ(snprintf(buf, sizeof(buf), "%.20Le %.20Le", LDBL_MIN, LDBL_MAX),
	     x[6].len);
	T_STREQ(buf, x[6].want);
	T_EQ(snprintf(buf, sizeof(buf), "%.25Lf %g %g %g", 1.0L / 3, 100.0,
		      0.0001, 0.00001),
	     x[7].len);
	T_STREQ(buf, x[7].want);
	T_EQ(snprintf(buf, sizeof(buf), "[%6f] [%-8f] [%+F] [%A]",
		      -__builtin_inf(), __builtin_nan(""), __builtin_inf(),
		      -0.0),
	     x[8].len);
	T_STREQ(buf, x[8].want);
	T_EQ(snprintf(buf, sizeof(buf), "[%05d] [%#x] [%#o] [%9.2e]", 42, -42,
		      42, 42.0),
	     x[9].len);
	T_STREQ(buf, x[9].want);
	T_EQ(snprintf(buf, sizeof(buf), "%llu %lld %p %s", ULLONG_MAX,
		      LLONG_MIN, (void *)0, (char *)0),
	     x[10].len);
	T_STREQ(buf, x[10].want);
}

static void sscanf_conversions(void)
{
	char s[16], set[16];
	unsigned u;
	float f;
	long double ld;
	int i, n;
	void *p;

	T_EQ(sscanf(" -42 0x10 1e3 ab]c 1.5 0x7f end",
		    "%i %x %f %[^]]]%c %Lg %p%n", &i, &u, &f, set, s, &ld, &p,
		    &n),
	     7);
	T_EQ(i, -42);
	T_EQ(u, 16);
	T_TRUE(f == 1000.0f);
	T_STREQ(set, "ab");
	T_EQ(s[0], 'c');
	T_TRUE(ld == 1.5L);
	T_TRUE(p == (void *)0x7f);
	T_EQ(n, 27);
	T_EQ(sscanf("", "%d", &i), EOF);
	T_EQ(sscanf("abc", "%d", &i), 0);
	T_EQ(sscanf("7 x", "%d %d", &i, &n), 1);
}

static const struct t_case cases[] = {
    T(mode_r),
    T(mode_w),
    T(mode_a),
    T(mode_r_plus),
    T(mode_w_plus),
    T(mode_a_plus),
    T(mode_flags),
    T(fdopen_modes),
    T(freopen_stdout),
    T(seek_and_tell),
    T(seek_past_end_and_write),
    T(seek_on_a_pipe),
    T(ungetc_pushes_back),
    T(fgets_lines),
    T(getline_and_getdelim),
    T(fread_fwrite_blocks),
    T(eof_is_sticky),
    T(big_file_round_trip),
    T(tmpfile_is_unlinked),
    T(fflush_null_flushes_all),
    T(exit_flushes_every_stream),
    T(_exit_flushes_nothing),
    T(return_from_main_flushes),
    T(exit_gives_back_input),
    T(popen_read_and_write),
    T(perror_messages),
    T(closed_standard_stream),
    T(remove_files_and_directories),
    T(fscanf_from_a_stream),
    T(fprintf_counts_and_errors),
    T(printf_formats),
    T(sscanf_conversions),
};

T_MAIN(cases, helper)
