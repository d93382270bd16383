/* tests/os/mmap_file.c - mmap of a regular file: the bytes, offsets
 * (mmap's in bytes, mmap2's in pages), MAP_PRIVATE writes that stay
 * private (copy-on-write: never the file, never another mapping), the
 * descriptor closed or the file unlinked after mmap, munmap and a split
 * region, fork, MAP_SHARED read-only, the rest of the last page zero and
 * SIGBUS past it, system calls reading and writing mapped pages, the
 * errors (EBADF, EACCES, ENODEV, EINVAL), /dev/zero.
 *
 * One difference from Linux, by design (kernel/vm_file.c): a writable
 * MAP_SHARED mapping is -ENODEV here (Linux writes it back to the file).
 */
#include <setjmp.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include "t.h"

#define PAGE 4096
#define RW (PROT_READ | PROT_WRITE)
#define FILE_LEN (3 * PAGE + 100) /* three pages and a bit of a fourth */

/* The byte at offset i of the test file: differs from page to page. */
static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + i / PAGE * 13 + 1);
}

/* Makes the test file "f" (len bytes of the pattern); returns an fd for
 * it opened with flags. */
static int make_file(size_t len, int flags)
{
	static unsigned char buf[8 * PAGE];
	int fd;

	for (size_t i = 0; i < len && i < sizeof(buf); i++)
		buf[i] = pattern(i);
	t_write_file("f", buf, len);
	fd = open("f", flags);
	if (fd < 0)
		T_FAIL("open f: %s", t_errname(errno));
	return fd;
}

static char *map(size_t len, int prot, int flags, int fd, off_t off)
{
	char *p = mmap(NULL, len, prot, flags, fd, off);

	if (p == MAP_FAILED)
		T_FAIL("mmap %zu at %ld: %s", len, (long)off, t_errname(errno));
	return p;
}

/* p holds the file's bytes from offset off for n bytes. */
static void check_bytes(const char *p, size_t off, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] != pattern(off + i))
			T_FAIL("byte %zu (file offset %zu) is %d, want %d", i,
			       off + i, (unsigned char)p[i], pattern(off + i));
}

static void check_zero(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			T_FAIL("byte %zu is %d, want 0", i, p[i]);
}

/* The file on disk still holds the pattern. */
static void check_file(void)
{
	static char buf[FILE_LEN];
	int fd = T_OK(open("f", O_RDONLY));

	T_EQ(read(fd, buf, sizeof(buf)), FILE_LEN);
	check_bytes(buf, 0, FILE_LEN);
	T_OK(close(fd));
}

static void read_only(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, PROT_READ, MAP_PRIVATE, fd, 0);

	check_bytes(p, 0, FILE_LEN);
	check_zero(p + FILE_LEN, 4 * PAGE - FILE_LEN); /* the rest of the page */
	T_OK(munmap(p, FILE_LEN));
	T_OK(close(fd));
}

static void read_only_write_faults(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, PROT_READ, MAP_PRIVATE, fd, 0);

	T_EQ((unsigned char)p[5], pattern(5));
	p[5] = 1; /* SIGSEGV */
}

static void offsets(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(PAGE + 100, PROT_READ, MAP_PRIVATE, fd, 2 * PAGE);
	char *q;

	check_bytes(p, 2 * PAGE, PAGE + 100);
	check_zero(p + PAGE + 100, PAGE - 100);
	/* mmap2 counts in pages */
	q = (char *)syscall(SYS_mmap2, 0, PAGE, PROT_READ, MAP_PRIVATE, fd, 1);
	T_TRUE(q != MAP_FAILED);
	check_bytes(q, PAGE, PAGE);
	T_OK(munmap(q, PAGE));
	T_OK(munmap(p, 2 * PAGE));
	T_OK(close(fd));
}

static void private_write_stays_private(void)
{
	int fd = make_file(FILE_LEN, O_RDWR);
	char *a = map(FILE_LEN, RW, MAP_PRIVATE, fd, 0);
	char *b = map(FILE_LEN, PROT_READ, MAP_PRIVATE, fd, 0);
	char buf[16];

	check_bytes(b, 0, FILE_LEN); /* b's pages are read first */
	memset(a + PAGE - 8, 'w', 16); /* across a page boundary */
	a[FILE_LEN + 10] = 'x'; /* past EOF in the last page: fine */
	T_EQ(a[PAGE], 'w');
	T_EQ(a[FILE_LEN + 10], 'x');
	check_bytes(b, 0, FILE_LEN); /* the other mapping: unchanged */
	T_EQ(pread(fd, buf, 16, PAGE - 8), 16);
	check_bytes(buf, PAGE - 8, 16); /* the file: unchanged */
	char *c = map(FILE_LEN, PROT_READ, MAP_PRIVATE, fd, 0);
	check_bytes(c, 0, FILE_LEN); /* a new mapping: the file's bytes */
	check_zero(c + FILE_LEN, 4 * PAGE - FILE_LEN);
	T_OK(munmap(a, FILE_LEN));
	T_OK(close(fd));
	check_file();
}

static void close_and_unlink_after_mmap(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, RW, MAP_PRIVATE, fd, 0);

	T_OK(close(fd));
	T_OK(unlink("f")); /* the mapping keeps the file */
	check_bytes(p + PAGE, PAGE, FILE_LEN - PAGE);
	check_bytes(p, 0, PAGE);
	T_OK(munmap(p, FILE_LEN));
}

static void munmap_then_touch(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, PROT_READ, MAP_PRIVATE, fd, 0);

	T_OK(close(fd));
	T_OK(munmap(p, FILE_LEN));
	t_peek((unsigned long)p + PAGE); /* SIGSEGV */
}

/* munmap and mprotect split a region: what is left still maps the right
 * file pages, touched before the split or not. */
static void split_region(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, RW, MAP_PRIVATE, fd, 0);

	T_EQ((unsigned char)p[10], pattern(10)); /* page 0 read before */
	T_OK(munmap(p + PAGE, PAGE));
	T_OK(mprotect(p + 3 * PAGE, PAGE, PROT_READ));
	check_bytes(p, 0, PAGE);
	check_bytes(p + 2 * PAGE, 2 * PAGE, PAGE);
	check_bytes(p + 3 * PAGE, 3 * PAGE, 100);
	p[2 * PAGE] = 'x';
	T_EQ(p[2 * PAGE], 'x');
	T_OK(munmap(p, 4 * PAGE));
	T_OK(close(fd));
	check_file();
}

static void fork_shares_then_copies(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, RW, MAP_PRIVATE, fd, 0);
	pid_t pid;

	T_OK(close(fd));
	p[0] = 'p'; /* page 0: written by the parent before fork */
	T_EQ((unsigned char)p[PAGE], pattern(PAGE)); /* page 1: read */
	pid = t_fork(); /* pages 2 and 3: never touched */
	if (pid == 0) {
		if (p[0] != 'p')
			_exit(2);
		check_bytes(p + 1, 1, FILE_LEN - 1);
		p[1] = 'c';
		p[2 * PAGE] = 'c';
		_exit(p[1] == 'c' && p[2 * PAGE] == 'c' ? 0 : 3);
	}
	T_EXITED(t_wait(pid), 0);
	T_EQ((unsigned char)p[1], pattern(1)); /* the child's writes: its own */
	check_bytes(p + 1, 1, FILE_LEN - 1);
	T_OK(munmap(p, FILE_LEN));
	check_file();
}

static void shared_read_only(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, PROT_READ, MAP_SHARED, fd, 0);
	pid_t pid;

	check_bytes(p, 0, FILE_LEN);
	/* read-only for good: the descriptor does not allow writing */
	T_ERR(mprotect(p, PAGE, RW), EACCES);
	pid = t_fork();
	if (pid == 0)
		_exit(p[PAGE] == (char)pattern(PAGE) ? 0 : 1);
	T_EXITED(t_wait(pid), 0);
	T_OK(munmap(p, FILE_LEN));
	T_OK(close(fd));
}

static void shared_writable(void)
{
	int fd = make_file(FILE_LEN, O_RDWR);
	void *p = mmap(NULL, PAGE, RW, MAP_SHARED, fd, 0);

	if (t_on_linux()) { /* Linux writes it back; not done here */
		T_TRUE(p != MAP_FAILED);
	} else {
		T_TRUE(p == MAP_FAILED);
		T_EQ(errno, ENODEV);
	}
}

/* A mapped page wholly past the end of the file: SIGBUS. */
static void past_eof_sigbus(void)
{
	int fd = make_file(100, O_RDONLY);
	char *p = map(2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);

	check_bytes(p, 0, 100);
	check_zero(p + 100, PAGE - 100);
	t_peek((unsigned long)p + PAGE); /* SIGBUS */
}

static sigjmp_buf bus_jump;
static void *bus_addr;
static int bus_code;

static void on_sigbus(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)ctx;
	bus_addr = si->si_addr;
	bus_code = si->si_code;
	siglongjmp(bus_jump, 1);
}

static void sigbus_siginfo(void)
{
	int fd = make_file(100, O_RDONLY);
	char *p = map(3 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	struct sigaction sa = { .sa_sigaction = on_sigbus, .sa_flags = SA_SIGINFO };

	T_OK(sigaction(SIGBUS, &sa, NULL));
	if (sigsetjmp(bus_jump, 1) == 0) {
		t_peek((unsigned long)p + 2 * PAGE + 12);
		T_FAIL("no SIGBUS");
	}
	T_TRUE(bus_addr == p + 2 * PAGE + 12);
	T_EQ(bus_code, BUS_ADRERR);
}

/* read() into, and write() from, mapped pages nobody touched yet: the
 * kernel's own copy faults them in (while it holds the filesystem). */
static void syscalls_on_mapped_pages(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, RW, MAP_PRIVATE, fd, 0);
	char *q = map(FILE_LEN, PROT_READ, MAP_PRIVATE, fd, 0);
	char buf[300];
	int out;

	T_EQ(pread(fd, p + PAGE + 50, 200, 10), 200); /* the file into itself */
	check_bytes(p + PAGE + 50, 10, 200);
	check_bytes(p + PAGE + 250, PAGE + 250, 100);
	out = T_OK(open("g", O_RDWR | O_CREAT | O_TRUNC, 0644));
	T_EQ(write(out, q + 2 * PAGE + 7, 300), 300);
	T_EQ(pread(out, buf, 300, 0), 300);
	check_bytes(buf, 2 * PAGE + 7, 300);
	T_OK(close(out));
	T_OK(close(fd));
	check_file();
}

/* A system call copying to a page past the end of the file: EFAULT. */
static void syscall_past_eof_efault(void)
{
	int fd = make_file(100, O_RDONLY);
	char *p = map(2 * PAGE, RW, MAP_PRIVATE, fd, 0);

	T_ERR(read(fd, p + PAGE, 10), EFAULT);
	T_ERR(write(1, p + PAGE, 10), EFAULT);
	T_EQ(read(fd, p + 50, 10), 10); /* inside the file's page: fine */
}

static void errors(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY), closed, wr, dir, fds[2], s;

	closed = T_OK(dup(fd));
	T_OK(close(closed));
	T_TRUE(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, closed, 0) == MAP_FAILED);
	T_EQ(errno, EBADF);
	T_TRUE(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED);
	T_EQ(errno, EBADF);
	/* not open for reading */
	wr = T_OK(open("f", O_WRONLY));
	T_TRUE(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wr, 0) == MAP_FAILED);
	T_EQ(errno, EACCES);
	/* shared and writable, the descriptor read-only */
	T_TRUE(mmap(NULL, PAGE, RW, MAP_SHARED, fd, 0) == MAP_FAILED);
	T_EQ(errno, EACCES);
	/* not a regular file */
	dir = T_OK(open(".", O_RDONLY));
	T_TRUE(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, dir, 0) == MAP_FAILED);
	T_EQ(errno, ENODEV);
	T_OK(pipe(fds));
	T_TRUE(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fds[0], 0) == MAP_FAILED);
	T_EQ(errno, ENODEV);
	T_TRUE(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fds[1], 0) == MAP_FAILED);
	T_EQ(errno, EACCES); /* the write end: not readable, checked first */
	/* (UDP: Linux maps a TCP socket, for zero-copy receive) */
	s = T_OK(socket(AF_INET, SOCK_DGRAM, 0));
	T_TRUE(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, s, 0) == MAP_FAILED);
	T_EQ(errno, ENODEV);
	/* bad arguments */
	T_TRUE(mmap(NULL, 0, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED);
	T_EQ(errno, EINVAL);
	T_TRUE(mmap(NULL, PAGE, PROT_READ, 0, fd, 0) == MAP_FAILED);
	T_EQ(errno, EINVAL); /* neither shared nor private */
	T_TRUE(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED);
	T_EQ(errno, EINVAL); /* an offset not in whole pages */
	T_TRUE(mmap((void *)0x50000123, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED,
		    fd, 0) == MAP_FAILED);
	T_EQ(errno, EINVAL);
	/* an address that is only a hint need not be aligned */
	char *p = mmap((void *)0x50000123, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	T_TRUE(p != MAP_FAILED && (unsigned long)p % PAGE == 0);
	check_bytes(p, 0, PAGE);
}

/* A mapping of the file replaced by anonymous memory (MAP_FIXED) and
 * the other way round. */
static void fixed_replaces(void)
{
	int fd = make_file(FILE_LEN, O_RDONLY);
	char *p = map(FILE_LEN, PROT_READ, MAP_PRIVATE, fd, 0);
	char *q;

	q = mmap(p + PAGE, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	T_TRUE(q == p + PAGE);
	check_zero(q, PAGE);
	check_bytes(p + 2 * PAGE, 2 * PAGE, PAGE);
	q = mmap(p, PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 3 * PAGE);
	T_TRUE(q == p);
	check_bytes(p, 3 * PAGE, 100);
	check_zero(p + 100, PAGE - 100);
}

static void dev_zero(void)
{
	int fd = T_OK(open("/dev/zero", O_RDWR));
	char *p = map(3 * PAGE, RW, MAP_PRIVATE, fd, 0);

	check_zero(p, 3 * PAGE);
	p[PAGE] = 5;
	T_EQ(p[PAGE], 5);
	T_OK(munmap(p, 3 * PAGE));
}

/* A bigger file, every page read by a touch. */
static void many_pages(void)
{
	enum { N = 64 };
	static unsigned char page[PAGE];
	int fd = T_OK(open("big", O_RDWR | O_CREAT | O_TRUNC, 0644));
	unsigned char *p;

	for (int i = 0; i < N; i++) {
		memset(page, i + 1, PAGE);
		T_EQ(write(fd, page, PAGE), PAGE);
	}
	p = (unsigned char *)map(N * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	for (int i = N - 1; i >= 0; i--)
		if (p[i * PAGE] != i + 1 || p[i * PAGE + PAGE - 1] != i + 1)
			T_FAIL("page %d holds %d", i, p[i * PAGE]);
	T_OK(munmap(p, N * PAGE));
	T_OK(close(fd));
}

static const struct t_case cases[] = {
	T(read_only),
	T_SIG(read_only_write_faults, SIGSEGV),
	T(offsets),
	T(private_write_stays_private),
	T(close_and_unlink_after_mmap),
	T_SIG(munmap_then_touch, SIGSEGV),
	T(split_region),
	T(fork_shares_then_copies),
	T(shared_read_only),
	T(shared_writable),
	T_SIG(past_eof_sigbus, SIGBUS),
	T(sigbus_siginfo),
	T(syscalls_on_mapped_pages),
	T(syscall_past_eof_efault),
	T(errors),
	T(fixed_replaces),
	T(dev_zero),
	T(many_pages),
};

T_MAIN(cases, NULL)
