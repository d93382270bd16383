/* tests/os/fifo.c - FIFOs (named pipes) and mknod: mkfifo and the inode
 * it makes (S_IFIFO, umask, no size), Linux's open rules (O_RDONLY waits
 * for a writer and O_WRONLY for a reader, interruptibly; O_NONBLOCK
 * reading opens at once and writing fails with ENXIO without a reader;
 * O_RDWR opens at once), data and EOF through it, EPIPE and SIGPIPE,
 * ESPIPE, unlink while open, and mknod's types and errors.
 * "--helper leave DIR" leaves nodes on the disk for tests/e2e/test_fifo.py.
 */
#include <limits.h>
#include <poll.h>
#include <sys/sysmacros.h>

#include "t.h"

#define KERNEL_ADDR ((void *)0xC0000000)

/* fd's poll bits now (no waiting) */
static int revents(int fd, short events)
{
	struct pollfd p = {.fd = fd, .events = events};

	T_EQ(poll(&p, 1, 0), p.revents ? 1 : 0);
	return p.revents;
}

static void mkfifo_makes_a_fifo(void)
{
	struct stat st, lst;

	umask(022);
	T_OK(mkfifo("p", 0666));
	T_OK(stat("p", &st));
	T_TRUE(S_ISFIFO(st.st_mode));
	T_EQ(st.st_mode & 07777, 0644); /* the umask took its part */
	T_EQ(st.st_size, 0);
	T_EQ(st.st_blocks, 0);
	T_EQ(st.st_nlink, 1);
	T_EQ(st.st_rdev, 0);
	T_OK(lstat("p", &lst));
	T_EQ(lst.st_ino, st.st_ino);
	T_TRUE(S_ISFIFO(lst.st_mode));
	umask(077);
	T_OK(mkfifo("q", 0666));
	T_OK(stat("q", &st));
	T_EQ(st.st_mode, S_IFIFO | 0600);
	umask(0);
	T_OK(mkfifo("r", 01777)); /* the sticky bit stays */
	T_OK(stat("r", &st));
	T_EQ(st.st_mode, S_IFIFO | 01777);
}

static void mknod_fifo_and_at(void)
{
	struct stat st;
	int dir;

	umask(0);
	T_OK(mknod("p", S_IFIFO | 0640, 0));
	T_OK(stat("p", &st));
	T_EQ(st.st_mode, S_IFIFO | 0640);
	T_OK(mkdir("d", 0755));
	dir = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	T_OK(mknodat(dir, "p2", S_IFIFO | 0600, 0));
	T_OK(mkfifoat(dir, "p3", 0604));
	T_OK(stat("d/p2", &st));
	T_EQ(st.st_mode, S_IFIFO | 0600);
	T_OK(stat("d/p3", &st));
	T_EQ(st.st_mode, S_IFIFO | 0604);
	T_ERR(mknodat(99, "p4", S_IFIFO | 0600, 0), EBADF);
	T_ERR(mknodat(dir, "d/../../x", S_IFIFO | 0600, 0), ENOENT);
	int file = T_OK(open("f", O_WRONLY | O_CREAT, 0644));
	T_ERR(mknodat(file, "p4", S_IFIFO | 0600, 0), ENOTDIR);
	char abs[PATH_MAX];
	T_TRUE(getcwd(abs, sizeof(abs) - 8) != NULL);
	strcat(abs, "/abs");
	T_OK(mkfifoat(file, abs, 0600)); /* an absolute path: no dirfd */
	T_OK(stat("abs", &st));
	T_TRUE(S_ISFIFO(st.st_mode));
}

static void mknod_regular_file(void)
{
	struct stat st;
	char buf[4];

	umask(022);
	T_OK(mknod("r", S_IFREG | 0666, 0));
	T_OK(stat("r", &st));
	T_EQ(st.st_mode, S_IFREG | 0644);
	T_EQ(st.st_size, 0);
	T_OK(mknod("zero-type", 0640, makedev(1, 3))); /* 0: a regular file */
	T_OK(stat("zero-type", &st));
	T_EQ(st.st_mode, S_IFREG | 0640);
	T_EQ(st.st_rdev, 0); /* dev is only for devices */
	int fd = T_OK(open("zero-type", O_RDONLY));
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_ERR(mknod("r", S_IFREG | 0644, 0), EEXIST); /* never opens it */
}

static void mknod_socket_node(void)
{
	struct stat st;

	T_OK(mknod("s", S_IFSOCK | 0644, 0));
	T_OK(stat("s", &st));
	T_TRUE(S_ISSOCK(st.st_mode));
	T_ERR(open("s", O_RDONLY), ENXIO); /* a name, not a socket */
	T_OK(unlink("s"));
}

/* As root Linux makes device nodes; a user without CAP_MKNOD gets EPERM
 * (the host may run the tests as one). */
static void mknod_device_node(void)
{
	struct stat st;

	if (mknod("c", S_IFCHR | 0600, makedev(1, 3)) != 0) {
		T_EQ(errno, EPERM);
		return;
	}
	T_OK(stat("c", &st));
	T_TRUE(S_ISCHR(st.st_mode));
	T_EQ(major(st.st_rdev), 1);
	T_EQ(minor(st.st_rdev), 3);
	T_EQ(st.st_size, 0);
	if (!t_on_linux()) /* our devices have drivers only in /dev */
		T_ERR(open("c", O_RDONLY), ENXIO);
	T_OK(mknod("b", S_IFBLK | 0600, makedev(259, 300)));
	T_OK(stat("b", &st));
	T_TRUE(S_ISBLK(st.st_mode));
	T_EQ(major(st.st_rdev), 259);
	T_EQ(minor(st.st_rdev), 300);
	T_ERR(mknod("big", S_IFCHR | 0600, 1ULL << 40), EINVAL); /* libc's */
	T_OK(unlink("c"));
	T_OK(unlink("b"));
}

static void mknod_errors(void)
{
	T_OK(mkfifo("p", 0600));
	T_OK(mkdir("d", 0755));
	t_write_file("f", "x", 1);
	T_OK(symlink("nowhere", "dangling"));
	T_ERR(mkfifo("p", 0600), EEXIST);
	T_ERR(mkfifo("f", 0600), EEXIST);
	T_ERR(mkfifo("d", 0600), EEXIST);
	T_ERR(mkfifo("dangling", 0600), EEXIST); /* no following */
	T_ERR(mknod("f", S_IFREG | 0600, 0), EEXIST);
	T_ERR(mkfifo(".", 0600), EEXIST);
	T_ERR(mkfifo("d/..", 0600), EEXIST);
	T_ERR(mkfifo("/", 0600), EEXIST);
	T_ERR(mkfifo("p/", 0600), EEXIST);
	T_ERR(mkfifo("new/", 0600), ENOENT); /* a directory's name */
	T_ERR(mkfifo("", 0600), ENOENT);
	T_ERR(mkfifo("missing/p", 0600), ENOENT);
	T_ERR(mkfifo("f/p", 0600), ENOTDIR);
	T_ERR(mkfifo("p/p", 0600), ENOTDIR);
	T_ERR(mkfifo(NULL, 0600), EFAULT);
	T_ERR(mkfifo(KERNEL_ADDR, 0600), EFAULT);
	/* the type is checked first: S_IFDIR is mkdir's work */
	T_ERR(mknod("new", S_IFDIR | 0755, 0), EPERM);
	T_ERR(mknod("d", S_IFDIR | 0755, 0), EPERM);
	T_ERR(mknod("new", S_IFLNK | 0777, 0), EINVAL);
	T_ERR(mknod("new", 0170000 | 0644, 0), EINVAL);
	T_ERR(mknod("p", 0070000 | 0644, 0), EINVAL);
	T_ERR(mknod(NULL, S_IFDIR, 0), EPERM);
	T_ERR(access("new", F_OK), ENOENT);
}

/* The child opens the other end after ms, writes "hi" if it writes, and
 * exits. */
static pid_t other_end_after(int flags, int ms)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		t_sleep_ms(ms);
		int fd = open("p", flags);
		if (fd < 0)
			_exit(10);
		if ((flags & O_ACCMODE) == O_WRONLY && write(fd, "hi", 2) != 2)
			_exit(11);
		t_sleep_ms(50);
		_exit(0);
	}
	return pid;
}

static void read_open_waits_for_a_writer(void)
{
	char buf[8];

	T_OK(mkfifo("p", 0600));
	pid_t pid = other_end_after(O_WRONLY, 200);
	long long start = t_now_ns();
	int fd = T_OK(open("p", O_RDONLY));
	T_TRUE(t_now_ns() - start >= 150000000LL);
	T_EQ(read(fd, buf, sizeof(buf)), 2);
	T_MEMEQ(buf, "hi", 2);
	T_EQ(read(fd, buf, sizeof(buf)), 0); /* the writer left: EOF */
	T_EXITED(t_wait(pid), 0);
}

static void write_open_waits_for_a_reader(void)
{
	T_OK(mkfifo("p", 0600));
	pid_t pid = other_end_after(O_RDONLY, 200);
	long long start = t_now_ns();
	int fd = T_OK(open("p", O_WRONLY));
	T_TRUE(t_now_ns() - start >= 150000000LL);
	T_EQ(write(fd, "x", 1), 1);
	T_EXITED(t_wait(pid), 0);
}

static void openat_waits_too(void)
{
	char buf[8], cwd[PATH_MAX], after[PATH_MAX];

	T_OK(mkdir("d", 0755));
	T_OK(mkfifo("d/p", 0600));
	T_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	int dir = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(100);
		int fd = openat(dir, "p", O_WRONLY | O_CLOEXEC);
		_exit(fd >= 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC &&
			      write(fd, "at", 2) == 2
			  ? 0
			  : 1);
	}
	int fd = T_OK(openat(dir, "p", O_RDONLY | O_CLOEXEC));
	T_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	T_EQ(read(fd, buf, sizeof(buf)), 2);
	T_MEMEQ(buf, "at", 2);
	T_EXITED(t_wait(pid), 0);
	T_TRUE(getcwd(after, sizeof(after)) != NULL);
	T_STREQ(after, cwd);
}

/* The reader wakes even if the writer came and went before it ran: the
 * wait is for a writer to have opened, not to be open. */
static void brief_writer_wakes_the_reader(void)
{
	char buf[4];

	T_OK(mkfifo("p", 0600));
	pid_t pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(100);
		_exit(close(T_OK(open("p", O_WRONLY))) == 0 ? 0 : 1);
	}
	int fd = T_OK(open("p", O_RDONLY));
	T_EXITED(t_wait(pid), 0);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
}

/* The blocking opens work from a reader and writer that both wait. */
static void many_readers_one_writer(void)
{
	pid_t pids[3];
	char buf[4];

	T_OK(mkfifo("p", 0600));
	for (int i = 0; i < 3; i++) {
		pids[i] = t_fork();
		if (pids[i] == 0) {
			int fd = open("p", O_RDONLY);
			_exit(fd >= 0 && read(fd, buf, 1) == 1 ? 0 : 1);
		}
	}
	t_sleep_ms(100);
	int fd = T_OK(open("p", O_WRONLY));
	T_EQ(write(fd, "abc", 3), 3);
	for (int i = 0; i < 3; i++)
		T_EXITED(t_wait(pids[i]), 0);
}

static void nonblocking_read_open(void)
{
	char buf[4];

	T_OK(mkfifo("p", 0600));
	int rd = T_OK(open("p", O_RDONLY | O_NONBLOCK));
	T_EQ(read(rd, buf, sizeof(buf)), 0); /* no writer: end of file */
	T_EQ(revents(rd, POLLIN), 0); /* no POLLHUP before a writer came */
	int wr = T_OK(open("p", O_WRONLY | O_NONBLOCK));
	T_EQ(fcntl(wr, F_GETFL) & (O_ACCMODE | O_NONBLOCK), O_WRONLY | O_NONBLOCK);
	T_ERR(read(rd, buf, sizeof(buf)), EAGAIN);
	T_EQ(revents(wr, POLLOUT), POLLOUT);
	T_EQ(write(wr, "xy", 2), 2);
	T_EQ(revents(rd, POLLIN), POLLIN);
	T_EQ(read(rd, buf, sizeof(buf)), 2);
	T_MEMEQ(buf, "xy", 2);
	T_OK(close(wr));
	T_EQ(read(rd, buf, sizeof(buf)), 0);
	T_EQ(revents(rd, POLLIN) & POLLHUP, POLLHUP);
}

static void nonblocking_write_open_needs_a_reader(void)
{
	T_OK(mkfifo("p", 0600));
	T_ERR(open("p", O_WRONLY | O_NONBLOCK), ENXIO);
	int rd = T_OK(open("p", O_RDONLY | O_NONBLOCK));
	int wr = T_OK(open("p", O_WRONLY | O_NONBLOCK));
	T_OK(close(wr));
	T_OK(close(rd));
	T_ERR(open("p", O_WRONLY | O_NONBLOCK), ENXIO); /* the reader left */
	T_ERR(open("p", O_WRONLY | O_NONBLOCK | O_CREAT, 0600), ENXIO);
	T_OK(close(T_OK(open("p", O_RDONLY | O_NONBLOCK | O_CREAT, 0600))));
}

static void rdwr_opens_at_once(void)
{
	char buf[8];

	T_OK(mkfifo("p", 0600));
	int fd = T_OK(open("p", O_RDWR));
	T_EQ(write(fd, "abc", 3), 3);
	T_EQ(revents(fd, POLLIN | POLLOUT), POLLIN | POLLOUT);
	T_EQ(read(fd, buf, sizeof(buf)), 3);
	T_MEMEQ(buf, "abc", 3);
	int wr = T_OK(open("p", O_WRONLY | O_NONBLOCK)); /* fd reads */
	int rd = T_OK(open("p", O_RDONLY)); /* fd writes: no wait */
	T_EQ(write(wr, "d", 1), 1);
	T_EQ(read(rd, buf, sizeof(buf)), 1);
	T_OK(fcntl(fd, F_SETFL, O_NONBLOCK));
	T_ERR(read(fd, buf, sizeof(buf)), EAGAIN); /* a writer: no EOF */
}

static void data_through_it(void)
{
	static unsigned char out[100000], in[100000];
	int got = 0, r;

	for (int i = 0; i < (int)sizeof(out); i++)
		out[i] = (unsigned char)(i % 251);
	T_OK(mkfifo("p", 0600));
	pid_t pid = t_fork();
	if (pid == 0) {
		int fd = open("p", O_WRONLY);
		_exit(fd >= 0 && write(fd, out, sizeof(out)) == sizeof(out) ? 0
									   : 1);
	}
	int fd = T_OK(open("p", O_RDONLY));
	while ((r = read(fd, in + got, 3000)) > 0)
		got += r;
	T_EQ(r, 0);
	T_EQ(got, sizeof(out));
	T_MEMEQ(in, out, sizeof(out));
	T_EXITED(t_wait(pid), 0);
	struct stat st;
	T_OK(stat("p", &st));
	T_EQ(st.st_size, 0); /* nothing went to the disk */
	T_EQ(st.st_blocks, 0);
}

static volatile sig_atomic_t got_sig;

static void on_signal(int sig)
{
	got_sig = sig;
}

static void epipe_without_readers(void)
{
	T_OK(mkfifo("p", 0600));
	int rd = T_OK(open("p", O_RDONLY | O_NONBLOCK));
	int wr = T_OK(open("p", O_WRONLY | O_NONBLOCK));
	T_OK(close(rd));
	T_EQ(revents(wr, POLLOUT) & POLLERR, POLLERR);
	signal(SIGPIPE, SIG_IGN);
	T_ERR(write(wr, "x", 1), EPIPE);
	signal(SIGPIPE, on_signal);
	T_ERR(write(wr, "x", 1), EPIPE);
	T_EQ(got_sig, SIGPIPE);
}

static void sigpipe_kills(void)
{
	T_OK(mkfifo("p", 0600));
	int rd = T_OK(open("p", O_RDONLY | O_NONBLOCK));
	int wr = T_OK(open("p", O_WRONLY | O_NONBLOCK));
	T_OK(close(rd));
	write(wr, "x", 1);
}

/* A signal without SA_RESTART ends the wait with EINTR, and the
 * interrupted opener is not left counted as a reader. */
static void open_interrupted(void)
{
	struct sigaction sa = {.sa_handler = on_signal};

	T_OK(mkfifo("p", 0600));
	T_OK(sigaction(SIGUSR1, &sa, NULL));
	pid_t parent = getpid(), pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(100);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	T_ERR(open("p", O_RDONLY), EINTR);
	T_EQ(got_sig, SIGUSR1);
	T_EXITED(t_wait(pid), 0);
	T_ERR(open("p", O_WRONLY | O_NONBLOCK), ENXIO);
}

/* With SA_RESTART the open goes on waiting after the handler. */
static void open_restarted(void)
{
	struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESTART};

	T_OK(mkfifo("p", 0600));
	T_OK(sigaction(SIGUSR1, &sa, NULL));
	pid_t parent = getpid(), pid = t_fork();
	if (pid == 0) {
		t_sleep_ms(100);
		kill(parent, SIGUSR1);
		t_sleep_ms(100);
		int fd = open("p", O_RDONLY);
		char c;
		_exit(fd >= 0 && read(fd, &c, 1) == 1 && c == 'z' ? 0 : 1);
	}
	int fd = T_OK(open("p", O_WRONLY));
	T_EQ(got_sig, SIGUSR1);
	T_EQ(write(fd, "z", 1), 1);
	T_EXITED(t_wait(pid), 0);
}

static void unlink_while_open(void)
{
	struct stat st;
	char buf[8];

	T_OK(mkfifo("p", 0600));
	int rd = T_OK(open("p", O_RDONLY | O_NONBLOCK));
	int wr = T_OK(open("p", O_WRONLY));
	T_OK(unlink("p"));
	T_ERR(stat("p", &st), ENOENT);
	T_EQ(write(wr, "still", 5), 5);
	T_EQ(read(rd, buf, sizeof(buf)), 5);
	T_MEMEQ(buf, "still", 5);
	T_OK(fstat(rd, &st));
	T_TRUE(S_ISFIFO(st.st_mode));
	T_EQ(st.st_nlink, 0);
	T_OK(mkfifo("p", 0600)); /* a new FIFO: none of the old one's */
	T_ERR(open("p", O_WRONLY | O_NONBLOCK), ENXIO);
	T_OK(close(wr));
	T_EQ(read(rd, buf, sizeof(buf)), 0);
}

static void no_positions(void)
{
	struct stat st, fst;
	char buf[4];

	T_OK(mkfifo("p", 0600));
	int fd = T_OK(open("p", O_RDWR));
	T_ERR(lseek(fd, 0, SEEK_SET), ESPIPE);
	T_ERR(lseek(fd, 0, SEEK_CUR), ESPIPE);
	T_ERR(pread(fd, buf, 1, 0), ESPIPE);
	T_ERR(pwrite(fd, "x", 1, 0), ESPIPE);
	T_ERR(ftruncate(fd, 0), EINVAL);
	T_OK(stat("p", &st));
	T_OK(fstat(fd, &fst));
	T_EQ(fst.st_ino, st.st_ino);
	T_EQ(fst.st_dev, st.st_dev);
	T_TRUE(S_ISFIFO(fst.st_mode));
	T_ERR(open("p", O_RDONLY | O_DIRECTORY), ENOTDIR);
	T_OK(close(T_OK(open("p", O_RDWR | O_TRUNC)))); /* O_TRUNC: ignored */
	T_ERR(truncate("p", 0), EINVAL);
}

static void exec_fifo_fails(void)
{
	char *argv[] = {"p", NULL}, *envp[] = {NULL};

	T_OK(mknod("p", S_IFIFO | 0755, 0));
	T_EXEC_ERR("p", argv, envp, EACCES);
	T_ERR(open("p", O_WRONLY | O_NONBLOCK), ENXIO); /* left no reader */
}

static void rename_and_link_a_fifo(void)
{
	struct stat st;

	T_OK(mkfifo("p", 0600));
	T_OK(link("p", "hard"));
	T_OK(rename("p", "moved"));
	T_OK(stat("hard", &st));
	T_EQ(st.st_nlink, 2);
	int rd = T_OK(open("moved", O_RDONLY | O_NONBLOCK));
	int wr = T_OK(open("hard", O_WRONLY | O_NONBLOCK)); /* one pipe */
	T_EQ(write(wr, "1", 1), 1);
	char c;
	T_EQ(read(rd, &c, 1), 1);
	T_OK(chmod("moved", 0640));
	T_OK(stat("hard", &st));
	T_EQ(st.st_mode, S_IFIFO | 0640);
}

/* --helper leave DIR: leaves in DIR a FIFO that carried data, a node of
 * each other kind mknod makes, and exits holding an unlinked FIFO open.
 * tests/e2e/test_fifo.py boots it as init, then checks the disk with
 * e2fsck -fn and debugfs. */
static int helper(int argc, char **argv)
{
	char buf[8];
	int fd, gone;

	if (argc != 2 || strcmp(argv[0], "leave") || chdir(argv[1]) != 0)
		return 127;
	umask(022);
	if (mkfifo("fifo", 0640) != 0 || (fd = open("fifo", O_RDWR)) < 0 ||
	    write(fd, "data", 4) != 4 || read(fd, buf, sizeof(buf)) != 4)
		return 1;
	if (mknod("chr", S_IFCHR | 0600, makedev(1, 3)) != 0 ||
	    mknod("blk", S_IFBLK | 0600, makedev(259, 300)) != 0 ||
	    mknod("sock", S_IFSOCK | 0644, 0) != 0 ||
	    mknod("reg", S_IFREG | 0644, 0) != 0)
		return 2;
	if (mkfifo("gone", 0600) != 0 || (gone = open("gone", O_RDWR)) < 0 ||
	    write(gone, "x", 1) != 1 || unlink("gone") != 0)
		return 3;
	printf("left: fifo chr blk sock reg\n");
	return 0; /* exits with gone open */
}

static const struct t_case cases[] = {
    T(mkfifo_makes_a_fifo),
    T(mknod_fifo_and_at),
    T(mknod_regular_file),
    T(mknod_socket_node),
    T(mknod_device_node),
    T(mknod_errors),
    T(read_open_waits_for_a_writer),
    T(write_open_waits_for_a_reader),
    T(openat_waits_too),
    T(brief_writer_wakes_the_reader),
    T(many_readers_one_writer),
    T(nonblocking_read_open),
    T(nonblocking_write_open_needs_a_reader),
    T(rdwr_opens_at_once),
    T(data_through_it),
    T(epipe_without_readers),
    T_SIG(sigpipe_kills, SIGPIPE),
    T(open_interrupted),
    T(open_restarted),
    T(unlink_while_open),
    T(no_positions),
    T(exec_fifo_fails),
    T(rename_and_link_a_fifo),
};

T_MAIN(cases, helper)
