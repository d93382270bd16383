/* tests/os/files.c - files and directories through the system calls:
 * open/creat/openat and their errors, read/write/lseek/_llseek/pread/
 * pwrite/readv/writev, O_APPEND and O_TRUNC, stat64 fields, getdents64,
 * mkdir/rmdir/unlink/rename/link/symlink/readlink, chdir/fchdir/getcwd,
 * truncate, access, umask/chmod, fsync/sync.  Every case runs in a fresh
 * empty directory (t.h).  Linux is the ground truth: where POSIX leaves a
 * choice, the case asserts what Linux does.
 */
#include <sys/syscall.h>
#include <sys/uio.h>

#include "t.h"

#define KERNEL_ADDR                                                            \
	((void *)0xC0000000) /* above user space on our OS; unmapped on Linux  \
			      */

static struct stat st_of(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		T_FAIL("stat %s: %s", path, t_errname(errno));
	return st;
}

static off_t size_of(const char *path)
{
	return st_of(path).st_size;
}

/* --- open and its errors */

static void open_missing(void)
{
	T_ERR(open("nope", O_RDONLY), ENOENT);
	T_ERR(open("nodir/f", O_WRONLY | O_CREAT, 0644), ENOENT);
	T_ERR(open("", O_RDONLY), ENOENT);
	T_ERR(open("", O_WRONLY | O_CREAT, 0644), ENOENT);
}

static void open_excl(void)
{
	t_write_file("f", "x", 1);
	T_ERR(open("f", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	T_ERR(open(".", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	T_OK(symlink("dangling", "l"));
	/* O_EXCL does not follow a final symlink, even a dangling one */
	T_ERR(open("l", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	T_ERR(access("dangling", F_OK), ENOENT);
	int fd = T_OK(open("g", O_WRONLY | O_CREAT | O_EXCL, 0644));
	T_OK(close(fd));
}

static void open_enotdir(void)
{
	t_write_file("f", "x", 1);
	T_ERR(open("f/x", O_RDONLY), ENOTDIR);
	T_ERR(open("f/x", O_WRONLY | O_CREAT, 0644), ENOTDIR);
	T_ERR(open("f/", O_RDONLY), ENOTDIR);
	T_ERR(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
	T_ERR(mkdir("f/d", 0755), ENOTDIR);
	T_ERR(stat("f/.", &(struct stat){0}), ENOTDIR);
}

static void open_eisdir(void)
{
	char buf[4];

	T_OK(mkdir("d", 0755));
	T_ERR(open("d", O_WRONLY), EISDIR);
	T_ERR(open("d", O_RDWR), EISDIR);
	T_ERR(open("d", O_RDONLY | O_CREAT, 0644), EISDIR);
	T_ERR(open("d", O_WRONLY | O_TRUNC), EISDIR);
	int fd = T_OK(open("d", O_RDONLY));
	T_ERR(read(fd, buf, sizeof(buf)), EISDIR);
	T_ERR(write(fd, "x", 1), EBADF);
	int fd2 = T_OK(open("d/", O_RDONLY | O_DIRECTORY));
	T_OK(close(fd2));
	T_OK(close(fd));
}

static void open_enametoolong(void)
{
	static char name[300], path[4200];

	memset(name, 'a', 255);
	T_ERR(open(name, O_RDONLY), ENOENT); /* 255 is allowed */
	name[255] = 'a';
	T_ERR(open(name, O_RDONLY), ENAMETOOLONG);
	T_ERR(open(name, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
	T_ERR(mkdir(name, 0755), ENAMETOOLONG);
	T_ERR(stat(name, &(struct stat){0}), ENAMETOOLONG);
	/* a path of 4095 bytes is allowed, 4096 (PATH_MAX with the NUL) is not
	 */
	for (int i = 0; i < 4094; i += 2)
		memcpy(path + i, "./", 2);
	path[4094] = 'x';
	T_ERR(open(path, O_RDONLY), ENOENT);
	path[4095] = 'x';
	T_ERR(open(path, O_RDONLY), ENAMETOOLONG);
}

static void open_efault(void)
{
	T_ERR(open(NULL, O_RDONLY), EFAULT);
	T_ERR(open(KERNEL_ADDR, O_RDONLY), EFAULT);
	T_ERR(open((char *)-1, O_RDONLY), EFAULT);
	T_ERR(open(NULL, O_WRONLY | O_CREAT, 0644), EFAULT);
	T_ERR(mkdir(NULL, 0755), EFAULT);
	T_ERR(unlink(KERNEL_ADDR), EFAULT);
}

static void open_lowest_fd(void)
{
	t_write_file("f", "x", 1);
	int a = T_OK(open("f", O_RDONLY));
	int b = T_OK(open("f", O_RDONLY));
	T_EQ(a, 3);
	T_EQ(b, 4);
	T_OK(close(a));
	T_EQ(open("f", O_RDONLY), 3);
	T_OK(close(0));
	T_EQ(open("f", O_RDONLY), 0);
}

static void open_access_modes(void)
{
	char buf[4];
	int r = T_OK(open("f", O_RDONLY | O_CREAT, 0644));
	int w = T_OK(open("f", O_WRONLY));
	int rw = T_OK(open("f", O_RDWR));

	T_ERR(write(r, "x", 1), EBADF);
	T_EQ(write(w, "ab", 2), 2);
	T_ERR(read(w, buf, 1), EBADF);
	T_EQ(read(rw, buf, 4), 2);
	T_EQ(write(rw, "c", 1), 1);
	T_EQ(read(r, buf, 4), 3);
	T_MEMEQ(buf, "abc", 3);
	T_EQ(fcntl(r, F_GETFL) & O_ACCMODE, O_RDONLY);
	T_EQ(fcntl(w, F_GETFL) & O_ACCMODE, O_WRONLY);
	T_EQ(fcntl(rw, F_GETFL) & O_ACCMODE, O_RDWR);
}

static void open_creat_mode(void)
{
	umask(022);
	int fd = T_OK(open("f", O_WRONLY | O_CREAT, 0777));
	T_EQ(st_of("f").st_mode, S_IFREG | 0755);
	T_OK(close(fd));
	/* the mode only matters when the file is created */
	fd = T_OK(open("f", O_WRONLY | O_CREAT, 0600));
	T_EQ(st_of("f").st_mode, S_IFREG | 0755);
	T_OK(close(fd));
	umask(0);
	fd = T_OK(open("g", O_WRONLY | O_CREAT, 06777));
	T_EQ(st_of("g").st_mode, S_IFREG | 06777);
	T_OK(close(fd));
}

static void open_trunc(void)
{
	char buf[8];

	t_write_file("f", "0123456789", 10);
	int fd = T_OK(open("f", O_RDWR | O_TRUNC));
	T_EQ(size_of("f"), 0);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_EQ(write(fd, "ab", 2), 2);
	T_OK(close(fd));
	/* without O_TRUNC the old bytes past the write stay */
	t_write_file("f", "0123456789", 10);
	fd = T_OK(open("f", O_WRONLY));
	T_EQ(write(fd, "ab", 2), 2);
	T_OK(close(fd));
	fd = T_OK(open("f", O_RDONLY));
	T_EQ(read(fd, buf, 8), 8);
	T_MEMEQ(buf, "ab234567", 8);
}

static void open_append(void)
{
	char buf[16];

	t_write_file("f", "0123", 4);
	int fd = T_OK(open("f", O_WRONLY | O_APPEND));
	T_EQ(lseek(fd, 0, SEEK_CUR), 0);
	T_EQ(write(fd, "ab", 2), 2);
	T_EQ(lseek(fd, 0, SEEK_CUR), 6);
	T_EQ(lseek(fd, 1, SEEK_SET), 1);
	T_EQ(write(fd, "cd", 2), 2); /* still at the end */
	T_EQ(lseek(fd, 0, SEEK_CUR), 8);
	/* a second description of the same file appends after the first's write
	 */
	int fd2 = T_OK(open("f", O_WRONLY | O_APPEND));
	T_EQ(write(fd2, "e", 1), 1);
	T_EQ(write(fd, "f", 1), 1);
	T_OK(close(fd));
	fd = T_OK(open("f", O_RDONLY));
	T_EQ(read(fd, buf, sizeof(buf)), 10);
	T_MEMEQ(buf, "0123abcdef", 10);
}

static void creat_call(void)
{
	char buf[4];

	umask(022);
	t_write_file("f", "0123456789", 10);
	int fd = T_OK(creat("f", 0777)); /* an existing file: truncated */
	T_EQ(size_of("f"), 0);
	T_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
	T_ERR(read(fd, buf, 1), EBADF);
	T_EQ(write(fd, "x", 1), 1);
	T_OK(close(fd));
	fd = T_OK(creat("g", 0666));
	T_EQ(st_of("g").st_mode, S_IFREG | 0644);
	T_ERR(creat("nodir/g", 0644), ENOENT);
	T_OK(mkdir("d", 0755));
	T_ERR(creat("d", 0644), EISDIR);
}

static void openat_calls(void)
{
	char path[4200];

	T_OK(mkdir("d", 0755));
	t_write_file("f", "x", 1);
	int dfd = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	int fd = T_OK(openat(dfd, "x", O_WRONLY | O_CREAT, 0644));
	T_EQ(write(fd, "hello", 5), 5);
	T_OK(close(fd));
	T_EQ(size_of("d/x"), 5);
	fd = T_OK(openat(AT_FDCWD, "d/x", O_RDONLY));
	T_OK(close(fd));
	int ffd = T_OK(open("f", O_RDONLY));
	T_ERR(openat(ffd, "x", O_RDONLY), ENOTDIR);
	T_ERR(openat(99, "x", O_RDONLY), EBADF);
	T_ERR(openat(-5, "x", O_RDONLY), EBADF);
	T_ERR(openat(dfd, "missing", O_RDONLY), ENOENT);
	/* an absolute path ignores the directory fd, even a bad one */
	T_TRUE(getcwd(path, 4000) != NULL);
	strcat(path, "/d/x");
	fd = T_OK(openat(99, path, O_RDONLY));
	T_OK(close(fd));
	fd = T_OK(openat(dfd, "..", O_RDONLY | O_DIRECTORY));
	T_EQ(st_of(".").st_ino, ({
		     struct stat s;
		     T_OK(fstat(fd, &s));
		     s.st_ino;
	     }));
}

/* --- reading, writing, seeking */

static void read_write(void)
{
	char buf[16];
	int fd = T_OK(open("f", O_RDWR | O_CREAT, 0644));

	T_EQ(write(fd, "hello", 5), 5);
	T_EQ(lseek(fd, 0, SEEK_CUR), 5);
	T_EQ(read(fd, buf, sizeof(buf)), 0); /* at the end */
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_EQ(read(fd, buf, 3), 3);
	T_MEMEQ(buf, "hel", 3);
	T_EQ(read(fd, buf, sizeof(buf)), 2);
	T_MEMEQ(buf, "lo", 2);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_EQ(write(fd, buf, 0), 0);
	T_EQ(read(fd, buf, 0), 0);
	T_EQ(size_of("f"), 5);
}

static void read_write_large(void)
{
	static unsigned char out[200000], in[200000];
	int fd = T_OK(open("f", O_RDWR | O_CREAT, 0644));
	int got = 0, r;

	for (int i = 0; i < (int)sizeof(out); i++)
		out[i] = (unsigned char)(i * 7 + i / 251);
	T_EQ(write(fd, out, sizeof(out)), sizeof(out));
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	while ((r = read(fd, in + got, 777)) > 0)
		got += r;
	T_EQ(r, 0);
	T_EQ(got, sizeof(out));
	T_MEMEQ(in, out, sizeof(out));
	T_EQ(size_of("f"), sizeof(out));
}

static void lseek_whence(void)
{
	char buf[4];

	t_write_file("f", "0123456789", 10);
	int fd = T_OK(open("f", O_RDWR));
	T_EQ(lseek(fd, 3, SEEK_SET), 3);
	T_EQ(lseek(fd, 2, SEEK_CUR), 5);
	T_EQ(lseek(fd, -1, SEEK_END), 9);
	T_EQ(lseek(fd, 0, SEEK_END), 10);
	T_EQ(lseek(fd, 4, SEEK_SET), 4);
	T_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	T_ERR(lseek(fd, -100, SEEK_CUR), EINVAL);
	T_ERR(lseek(fd, -11, SEEK_END), EINVAL);
	T_ERR(lseek(fd, 0, 5), EINVAL);
	T_ERR(lseek(fd, 0, -1), EINVAL);
	T_EQ(lseek(fd, 0, SEEK_CUR), 4); /* failures leave the offset alone */
	T_EQ(read(fd, buf, 1), 1);
	T_EQ(buf[0], '4');
	T_ERR(lseek(99, 0, SEEK_SET), EBADF);
}

static void lseek_hole(void)
{
	char buf[8];

	t_write_file("f", "ab", 2);
	int fd = T_OK(open("f", O_RDWR));
	T_EQ(lseek(fd, 10000, SEEK_SET), 10000); /* past the end is fine */
	T_EQ(size_of("f"), 2);
	T_EQ(read(fd, buf, 1), 0);
	T_EQ(write(fd, "z", 1), 1);
	T_EQ(size_of("f"), 10001);
	T_EQ(pread(fd, buf, 8, 5000), 8);
	T_MEMEQ(buf, "\0\0\0\0\0\0\0\0", 8);
	T_EQ(pread(fd, buf, 8, 9996), 5);
	T_MEMEQ(buf, "\0\0\0\0z", 5);
}

/* the old 32-bit lseek (19), which the libc's lseek does not use */
static void lseek_syscall32(void)
{
	t_write_file("f", "0123456789", 10);
	int fd = T_OK(open("f", O_RDONLY));
	T_EQ(syscall(SYS_lseek, fd, 7, SEEK_SET), 7);
	T_EQ(syscall(SYS_lseek, fd, -2, SEEK_CUR), 5);
	T_EQ(syscall(SYS_lseek, fd, 0, SEEK_END), 10);
	T_ERR(syscall(SYS_lseek, fd, -1, SEEK_SET), EINVAL);
	T_EQ(lseek(fd, 0, SEEK_CUR), 10);
}

/* _llseek, pwrite64 and ftruncate64 with offsets past 4 GiB (a sparse file) */
static void llseek_past_4g(void)
{
	const off_t big = (1LL << 32) + 5;
	long long result = 0;
	char c = 0;

	int fd = T_OK(open("f", O_RDWR | O_CREAT, 0644));
	T_EQ(lseek(fd, big, SEEK_SET), big);
	T_EQ(syscall(SYS__llseek, fd, 1, 6, &result, SEEK_SET), 0);
	T_EQ(result, (1LL << 32) + 6);
	T_EQ(pwrite(fd, "q", 1, big), 1);
	T_EQ(size_of("f"), big + 1);
	T_EQ(lseek(fd, 0, SEEK_END), big + 1);
	T_EQ(pread(fd, &c, 1, big), 1);
	T_EQ(c, 'q');
	T_EQ(pread(fd, &c, 1, 1LL << 32), 1);
	T_EQ(c, 0);
	T_OK(ftruncate(fd, 3));
	T_EQ(size_of("f"), 3);
}

static void pread_pwrite(void)
{
	char buf[8];
	int p[2];

	t_write_file("f", "0123456789", 10);
	int fd = T_OK(open("f", O_RDWR));
	T_EQ(lseek(fd, 2, SEEK_SET), 2);
	T_EQ(pwrite(fd, "ab", 2, 6), 2);
	T_EQ(lseek(fd, 0, SEEK_CUR), 2); /* the offset did not move */
	T_EQ(pread(fd, buf, 4, 5), 4);
	T_MEMEQ(buf, "5ab8", 4);
	T_EQ(lseek(fd, 0, SEEK_CUR), 2);
	T_EQ(pread(fd, buf, 8, 10), 0);
	T_EQ(pwrite(fd, "z", 1, 12), 1); /* extends the file */
	T_EQ(size_of("f"), 13);
	T_ERR(pread(fd, buf, 1, -1), EINVAL);
	T_ERR(pwrite(fd, buf, 1, -1), EINVAL);
	T_OK(pipe(p));
	T_ERR(pread(p[0], buf, 1, 0), ESPIPE);
	T_ERR(pwrite(p[1], buf, 1, 0), ESPIPE);
}

static void readv_writev(void)
{
	char a[3], b[10];
	struct iovec out[] = {
	    {"abc", 3},
	    {NULL, 0},
	    {"defgh", 5},
	    {"i", 1},
	};
	struct iovec in[] = {{a, sizeof(a)}, {b, sizeof(b)}};
	static struct iovec many[1025];

	int fd = T_OK(open("f", O_RDWR | O_CREAT, 0644));
	T_EQ(writev(fd, out, 4), 9);
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_EQ(readv(fd, in, 2), 9);
	T_MEMEQ(a, "abc", 3);
	T_MEMEQ(b, "defghi", 6);
	T_EQ(readv(fd, in, 2), 0);
	T_EQ(writev(fd, out, 0), 0);
	T_ERR(writev(fd, out, -1), EINVAL);
	for (int i = 0; i < 1025; i++)
		many[i] = (struct iovec){"x", 1};
	T_EQ(writev(fd, many, 1024), 1024);
	T_ERR(writev(fd, many, 1025), EINVAL);
	T_ERR(readv(fd, many, 1025), EINVAL);
	T_ERR(writev(fd, NULL, 1), EFAULT);
	T_ERR(writev(99, out, 1), EBADF);
}

/* --- status */

static void stat_fields(void)
{
	static char data[1000];
	struct stat st, fst, dot;
	long now = time(NULL);

	umask(022);
	t_write_file("f", data, sizeof(data));
	st = st_of("f");
	T_EQ(st.st_mode, S_IFREG | 0644);
	T_EQ(st.st_size, 1000);
	T_EQ(st.st_nlink, 1);
	T_EQ(st.st_uid, geteuid());
	T_EQ(st.st_gid, getegid());
	T_EQ(st.st_rdev, 0);
	T_TRUE(st.st_blksize >= 512);
	T_TRUE(st.st_blocks >= 2); /* 512-byte units */
	T_TRUE(st.st_ino != 0);
	T_EQ(st.__st_ino, (unsigned long)st.st_ino);
	T_TRUE(st.st_mtime >= now - 5 && st.st_mtime <= now + 5);
	T_TRUE(st.st_ctime >= now - 5 && st.st_ctime <= now + 5);
	T_TRUE(st.st_atim.tv_nsec >= 0 && st.st_atim.tv_nsec < 1000000000);
	int fd = T_OK(open("f", O_RDONLY));
	T_OK(fstat(fd, &fst));
	T_EQ(fst.st_ino, st.st_ino);
	T_EQ(fst.st_dev, st.st_dev);
	T_EQ(fst.st_size, 1000);
	dot = st_of(".");
	T_EQ(dot.st_dev, st.st_dev);
	T_TRUE(S_ISDIR(dot.st_mode));
	T_OK(mkdir("d", 0700));
	T_EQ(st_of("d").st_mode, S_IFDIR | 0700);
	T_EQ(st_of("d").st_nlink, 2);
	T_EQ(st_of(".").st_nlink, dot.st_nlink + 1);
	T_EQ(st_of("d/..").st_ino, dot.st_ino);
	T_ERR(stat("missing", &st), ENOENT);
	T_ERR(fstat(99, &st), EBADF);
}

static void stat_updates(void)
{
	t_write_file("f", "abc", 3);
	int fd = T_OK(open("f", O_WRONLY | O_APPEND));
	T_EQ(write(fd, "de", 2), 2);
	struct stat st;
	T_OK(fstat(fd, &st));
	T_EQ(st.st_size, 5);
	T_OK(ftruncate(fd, 1));
	T_OK(fstat(fd, &st));
	T_EQ(st.st_size, 1);
}

static void lstat_readlink(void)
{
	char buf[64];
	struct stat st;

	T_OK(symlink("target", "l"));
	T_OK(lstat("l", &st));
	T_TRUE(S_ISLNK(st.st_mode));
	T_EQ(st.st_size, 6);
	T_ERR(stat("l", &st), ENOENT); /* dangling */
	t_write_file("target", "12345678", 8);
	T_OK(stat("l", &st));
	T_TRUE(S_ISREG(st.st_mode));
	T_EQ(st.st_size, 8);
	memset(buf, '#', sizeof(buf));
	T_EQ(readlink("l", buf, sizeof(buf)), 6);
	T_MEMEQ(buf, "target#", 7); /* no NUL added */
	T_EQ(readlink("l", buf, 3), 3);
	T_MEMEQ(buf, "tar", 3);
	T_ERR(readlink("target", buf, sizeof(buf)), EINVAL);
	T_ERR(readlink("missing", buf, sizeof(buf)), ENOENT);
	T_ERR(readlink("l", buf, 0), EINVAL);
	T_ERR(readlink("l", NULL, 10), EFAULT);
}

static void fstatat_calls(void)
{
	struct stat st;

	T_OK(mkdir("d", 0755));
	t_write_file("d/f", "abc", 3);
	T_OK(symlink("f", "d/l"));
	int dfd = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	T_OK(fstatat(dfd, "f", &st, 0));
	T_EQ(st.st_size, 3);
	T_OK(fstatat(dfd, "l", &st, 0));
	T_TRUE(S_ISREG(st.st_mode));
	T_OK(fstatat(dfd, "l", &st, AT_SYMLINK_NOFOLLOW));
	T_TRUE(S_ISLNK(st.st_mode));
	T_OK(fstatat(AT_FDCWD, "d/f", &st, 0));
	T_EQ(st.st_size, 3);
	T_ERR(fstatat(dfd, "f", &st, 0x1234), EINVAL);
	T_ERR(fstatat(99, "f", &st, 0), EBADF);
}

/* --- directories */

struct listing {
	int n;
	char names[16][32];
	unsigned char types[16];
};

/* every entry of the directory fd, read bufsize bytes at a time */
static struct listing list_dir(int fd, int bufsize)
{
	struct listing l = {0};
	char buf[1024];
	int n;

	while ((n = getdents64(fd, buf, bufsize)) > 0) {
		for (int off = 0; off < n;) {
			struct dirent *d = (struct dirent *)(buf + off);

			T_TRUE(d->d_reclen % 8 == 0);
			T_TRUE(d->d_reclen >= 19 + strlen(d->d_name) + 1);
			T_TRUE(l.n < 16);
			strcpy(l.names[l.n], d->d_name);
			l.types[l.n++] = d->d_type;
			off += d->d_reclen;
		}
	}
	T_EQ(n, 0);
	return l;
}

static unsigned char type_in(const struct listing *l, const char *name)
{
	int found = 0;
	unsigned char type = 0;

	for (int i = 0; i < l->n; i++)
		if (!strcmp(l->names[i], name)) {
			found++;
			type = l->types[i];
		}
	if (found != 1)
		T_FAIL("\"%s\" listed %d times", name, found);
	return type;
}

static void getdents_listing(void)
{
	char buf[64];

	T_OK(mkdir("d", 0755));
	t_write_file("d/a", "", 0);
	t_write_file("d/bb", "", 0);
	t_write_file("d/a-longer-name-than-the-others", "", 0);
	T_OK(mkdir("d/s", 0755));
	T_OK(symlink("a", "d/l"));
	int fd = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	for (int bufsize = 1024; bufsize >= 64; bufsize /= 4) {
		T_EQ(lseek(fd, 0, SEEK_SET), 0);
		struct listing l = list_dir(fd, bufsize);
		T_EQ(l.n, 7);
		T_EQ(type_in(&l, "."), DT_DIR);
		T_EQ(type_in(&l, ".."), DT_DIR);
		T_EQ(type_in(&l, "a"), DT_REG);
		T_EQ(type_in(&l, "bb"), DT_REG);
		T_EQ(type_in(&l, "a-longer-name-than-the-others"), DT_REG);
		T_EQ(type_in(&l, "s"), DT_DIR);
		T_EQ(type_in(&l, "l"), DT_LNK);
	}
	T_EQ(getdents64(fd, buf, sizeof(buf)), 0); /* still at the end */
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_ERR(getdents64(fd, buf, 8), EINVAL); /* too small for one record */
	int ffd = T_OK(open("d/a", O_RDONLY));
	T_ERR(getdents64(ffd, buf, sizeof(buf)), ENOTDIR);
	T_ERR(getdents64(99, buf, sizeof(buf)), EBADF);
	T_ERR(getdents64(fd, NULL, sizeof(buf)), EFAULT);
}

/* getdents (141): the older records, 4-byte aligned, d_type last */
struct old_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};

static void getdents_old_format(void)
{
	char buf[256];
	struct listing l = {0};
	long n;

	T_OK(mkdir("d", 0755));
	t_write_file("d/file", "", 0);
	T_OK(mkdir("d/sub", 0755));
	int fd = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	while ((n = syscall(SYS_getdents, fd, buf, 40)) > 0) {
		for (long off = 0; off < n;) {
			struct old_dirent *d = (struct old_dirent *)(buf + off);

			T_TRUE(d->d_reclen % 4 == 0);
			T_TRUE(d->d_reclen >= 10 + strlen(d->d_name) + 2);
			T_TRUE(d->d_ino != 0);
			T_TRUE(l.n < 16);
			strcpy(l.names[l.n], d->d_name);
			l.types[l.n++] = (unsigned char)buf[off + d->d_reclen - 1];
			off += d->d_reclen;
		}
	}
	T_EQ(n, 0);
	T_EQ(l.n, 4);
	T_EQ(type_in(&l, "."), DT_DIR);
	T_EQ(type_in(&l, "file"), DT_REG);
	T_EQ(type_in(&l, "sub"), DT_DIR);
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_ERR(syscall(SYS_getdents, fd, buf, 8), EINVAL);
	T_ERR(syscall(SYS_getdents, fd, NULL, sizeof(buf)), EFAULT);
}

/* utimensat and futimens: set, UTIME_OMIT, UTIME_NOW, and the errors */
static void set_times(void)
{
	struct stat st;
	struct timespec t[2] = { { 1000000, 0 }, { 2000000, 0 } };
	time_t now = time(NULL);

	t_write_file("f", "x", 1);
	T_OK(utimensat(AT_FDCWD, "f", t, 0));
	T_OK(stat("f", &st));
	T_EQ(st.st_atime, 1000000);
	T_EQ(st.st_mtime, 2000000);
	t[0].tv_nsec = UTIME_OMIT;
	t[1].tv_sec = 3000000;
	T_OK(utimensat(AT_FDCWD, "f", t, 0));
	T_OK(stat("f", &st));
	T_EQ(st.st_atime, 1000000);
	T_EQ(st.st_mtime, 3000000);
	int fd = T_OK(open("f", O_RDONLY));
	T_OK(futimens(fd, NULL)); /* both now */
	T_OK(fstat(fd, &st));
	T_TRUE(st.st_mtime >= now && st.st_atime >= now);
	T_OK(symlink("f", "l"));
	t[0] = t[1] = (struct timespec){ 4000000, 0 };
	T_OK(utimensat(AT_FDCWD, "l", t, AT_SYMLINK_NOFOLLOW));
	T_OK(lstat("l", &st));
	T_EQ(st.st_mtime, 4000000);
	T_OK(stat("f", &st));
	T_TRUE(st.st_mtime >= now); /* the target kept its time */
	T_ERR(utimensat(AT_FDCWD, "nope", NULL, 0), ENOENT);
	T_ERR(utimensat(AT_FDCWD, "f", NULL, 0x4000), EINVAL);
	t[0].tv_nsec = 1000000000;
	T_ERR(utimensat(AT_FDCWD, "f", t, 0), EINVAL);
	struct timespec *volatile bad = (struct timespec *)1;
	T_ERR(utimensat(AT_FDCWD, "f", bad, 0), EFAULT);
	T_ERR(futimens(99, NULL), EBADF);
}

static void getdents_after_unlink(void)
{
	T_OK(mkdir("d", 0755));
	t_write_file("d/a", "", 0);
	t_write_file("d/b", "", 0);
	T_OK(unlink("d/a"));
	int fd = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	struct listing l = list_dir(fd, 1024);
	T_EQ(l.n, 3);
	T_EQ(type_in(&l, "b"), DT_REG);
}

static void mkdir_rmdir(void)
{
	T_OK(mkdir("d", 0755));
	T_ERR(mkdir("d", 0755), EEXIST);
	T_OK(mkdir("e/", 0755));
	T_ERR(mkdir("a/b", 0755), ENOENT);
	T_OK(mkdir("d/sub", 0755));
	T_ERR(rmdir("d"), ENOTEMPTY);
	T_OK(rmdir("d/sub"));
	T_OK(rmdir("d"));
	T_ERR(rmdir("d"), ENOENT);
	t_write_file("f", "", 0);
	T_ERR(rmdir("f"), ENOTDIR);
	T_ERR(rmdir("e/."), EINVAL);
	T_ERR(rmdir("."), EINVAL);
	T_ERR(rmdir(".."), ENOTEMPTY);
	T_ERR(mkdir("f", 0755), EEXIST);
	T_OK(symlink("e", "l"));
	T_ERR(rmdir("l"), ENOTDIR);
	T_ERR(mkdir("l", 0755), EEXIST);
}

static void unlink_calls(void)
{
	char buf[4];
	struct stat st;

	t_write_file("f", "abc", 3);
	int fd = T_OK(open("f", O_RDONLY));
	T_OK(unlink("f"));
	T_ERR(unlink("f"), ENOENT);
	T_ERR(stat("f", &st), ENOENT);
	/* the open file lives on */
	T_EQ(read(fd, buf, 3), 3);
	T_MEMEQ(buf, "abc", 3);
	T_OK(fstat(fd, &st));
	T_EQ(st.st_nlink, 0);
	T_OK(mkdir("d", 0755));
	T_ERR(unlink("d"), EISDIR);
	T_ERR(unlink("d/"), EISDIR);
	T_OK(symlink("d", "l"));
	T_OK(unlink("l")); /* the link, not the directory */
	T_OK(stat("d", &st));
}

static void unlinkat_calls(void)
{
	struct stat st;

	T_OK(mkdir("d", 0755));
	t_write_file("d/f", "", 0);
	int dfd = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	T_OK(unlinkat(dfd, "f", 0));
	T_ERR(fstatat(dfd, "f", &st, 0), ENOENT);
	T_OK(mkdir("d/s", 0755));
	T_ERR(unlinkat(dfd, "s", 0), EISDIR);
	T_OK(unlinkat(dfd, "s", AT_REMOVEDIR));
	T_ERR(unlinkat(AT_FDCWD, "d", 0x1), EINVAL);
	T_OK(unlinkat(AT_FDCWD, "d", AT_REMOVEDIR));
}

static void rename_calls(void)
{
	char buf[8];

	t_write_file("a", "abc", 3);
	T_OK(rename("a", "b"));
	T_ERR(stat("a", &(struct stat){0}), ENOENT);
	T_EQ(size_of("b"), 3);
	t_write_file("c", "12345", 5);
	int fd = T_OK(open("b", O_RDONLY));
	T_OK(rename("c", "b")); /* replaces b; the open b lives on */
	T_EQ(size_of("b"), 5);
	T_EQ(read(fd, buf, 8), 3);
	T_OK(rename("b", "b"));
	T_ERR(rename("missing", "x"), ENOENT);
	T_ERR(rename("b", "nodir/x"), ENOENT);
	T_OK(mkdir("d", 0755));
	T_OK(mkdir("e", 0755));
	t_write_file("e/x", "", 0);
	T_ERR(rename("d", "b"), ENOTDIR);
	T_ERR(rename("b", "d"), EISDIR);
	T_ERR(rename("d", "e"), ENOTEMPTY);
	T_ERR(rename("e", "e/sub"), EINVAL);
	T_OK(mkdir("f", 0755));
	T_OK(rename("d", "f")); /* over an empty directory */
	T_ERR(stat("d", &(struct stat){0}), ENOENT);
	T_OK(rename("f", "e/f"));
	T_TRUE(S_ISDIR(st_of("e/f").st_mode));
	T_EQ(st_of("e").st_nlink, 3);
}

static void link_calls(void)
{
	char buf[8];
	struct stat a, b;

	t_write_file("f", "abc", 3);
	T_OK(link("f", "g"));
	T_OK(stat("f", &a));
	T_OK(stat("g", &b));
	T_EQ(a.st_ino, b.st_ino);
	T_EQ(a.st_nlink, 2);
	int fd = T_OK(open("g", O_WRONLY | O_APPEND));
	T_EQ(write(fd, "d", 1), 1);
	T_EQ(size_of("f"), 4);
	T_OK(unlink("f"));
	T_EQ(st_of("g").st_nlink, 1);
	fd = T_OK(open("g", O_RDONLY));
	T_EQ(read(fd, buf, 8), 4);
	T_MEMEQ(buf, "abcd", 4);
	T_ERR(link("g", "g"), EEXIST);
	T_ERR(link("missing", "h"), ENOENT);
	T_OK(mkdir("d", 0755));
	T_ERR(link("d", "d2"), EPERM);
	T_ERR(link("g", "nodir/h"), ENOENT);
}

static void symlink_calls(void)
{
	char buf[8];

	t_write_file("f", "abc", 3);
	T_OK(symlink("f", "l"));
	int fd = T_OK(open("l", O_RDONLY));
	T_EQ(read(fd, buf, 8), 3);
	T_ERR(symlink("x", "l"), EEXIST);
	T_ERR(symlink("x", "f"), EEXIST);
	T_ERR(open("l", O_RDONLY | O_NOFOLLOW), ELOOP);
	T_OK(symlink("l2", "l1"));
	T_OK(symlink("l1", "l2"));
	T_ERR(open("l1", O_RDONLY), ELOOP);
	T_ERR(stat("l1", &(struct stat){0}), ELOOP);
	T_OK(mkdir("d", 0755));
	t_write_file("d/x", "xy", 2);
	T_OK(symlink("d", "ld"));
	T_EQ(size_of("ld/x"), 2);
	T_OK(chdir("ld"));
	T_EQ(size_of("x"), 2);
	T_OK(chdir(".."));
	T_OK(symlink("/", "root"));
	T_TRUE(S_ISDIR(st_of("root/.").st_mode));
	T_ERR(symlink("", "empty"), ENOENT);
	/* O_CREAT through a dangling symlink creates its target */
	T_OK(symlink("new", "ln"));
	fd = T_OK(open("ln", O_WRONLY | O_CREAT, 0644));
	T_OK(close(fd));
	T_TRUE(S_ISREG(st_of("new").st_mode));
}

static void chdir_getcwd(void)
{
	char start[4096], buf[4096];
	int len;

	T_TRUE(getcwd(start, sizeof(start)) == start);
	T_EQ(start[0], '/');
	len = strlen(start);
	T_OK(mkdir("d", 0755));
	T_OK(chdir("d"));
	T_TRUE(getcwd(buf, sizeof(buf)) == buf);
	T_EQ(strlen(buf), len + 2);
	T_TRUE(!strncmp(buf, start, len) && !strcmp(buf + len, "/d"));
	T_OK(chdir(".."));
	T_TRUE(getcwd(buf, sizeof(buf)) == buf);
	T_STREQ(buf, start);
	T_ERR(chdir("missing"), ENOENT);
	t_write_file("f", "", 0);
	T_ERR(chdir("f"), ENOTDIR);
	T_ERR(chdir(NULL), EFAULT);
	int dfd = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	int ffd = T_OK(open("f", O_RDONLY));
	T_OK(fchdir(dfd));
	T_TRUE(getcwd(buf, sizeof(buf)) == buf);
	T_TRUE(!strcmp(buf + len, "/d"));
	T_ERR(fchdir(ffd), ENOTDIR);
	T_ERR(fchdir(99), EBADF);
	/* too small a buffer: ERANGE; the kernel's result counts the NUL */
	T_TRUE(getcwd(buf, len + 2) == NULL);
	T_EQ(errno, ERANGE);
	T_TRUE(getcwd(buf, 0) == NULL);
	T_EQ(errno, ERANGE);
	T_EQ(syscall(SYS_getcwd, buf, len + 3), len + 3);
	T_TRUE(getcwd(KERNEL_ADDR, 100) == NULL);
	T_EQ(errno, EFAULT);
	T_OK(chdir("/"));
	T_TRUE(getcwd(buf, sizeof(buf)) == buf);
	T_STREQ(buf, "/");
}

static void cwd_removed(void)
{
	char buf[4096];

	T_OK(mkdir("d", 0755));
	T_OK(chdir("d"));
	T_OK(rmdir("../d"));
	T_TRUE(getcwd(buf, sizeof(buf)) == NULL);
	T_EQ(errno, ENOENT);
	T_ERR(open("x", O_WRONLY | O_CREAT, 0644), ENOENT);
	T_ERR(mkdir("x", 0755), ENOENT);
	T_OK(chdir(".."));
}

/* --- sizes, permissions, syncing */

static void truncate_calls(void)
{
	static char buf[5000];
	int p[2];

	memset(buf, 'x', 100);
	t_write_file("f", buf, 100);
	T_OK(truncate("f", 10));
	T_EQ(size_of("f"), 10);
	int fd = T_OK(open("f", O_RDWR));
	T_OK(ftruncate(fd, 5000));
	T_EQ(size_of("f"), 5000);
	T_EQ(read(fd, buf, sizeof(buf)), 5000);
	for (int i = 0; i < 5000; i++)
		if (buf[i] != (i < 10 ? 'x' : 0))
			T_FAIL("byte %d is %d after growing", i, buf[i]);
	T_EQ(lseek(fd, 0, SEEK_CUR), 5000);
	T_OK(ftruncate(fd, 0));
	T_EQ(lseek(fd, 0, SEEK_CUR), 5000); /* the offset stays */
	T_ERR(truncate("f", -1), EINVAL);
	T_ERR(ftruncate(fd, -1), EINVAL);
	T_ERR(truncate("missing", 0), ENOENT);
	T_OK(mkdir("d", 0755));
	T_ERR(truncate("d", 0), EISDIR);
	int ro = T_OK(open("f", O_RDONLY));
	T_ERR(ftruncate(ro, 0), EINVAL);
	T_OK(pipe(p));
	T_ERR(ftruncate(p[1], 0), EINVAL);
	T_ERR(ftruncate(99, 0), EBADF);
	/* the 32-bit calls, which the libc does not use */
	T_OK(syscall(SYS_truncate, "f", 7));
	T_EQ(size_of("f"), 7);
	T_OK(syscall(SYS_ftruncate, fd, 3));
	T_EQ(size_of("f"), 3);
}

static void access_calls(void)
{
	umask(022);
	t_write_file("f", "", 0);
	T_OK(access("f", F_OK));
	T_OK(access("f", R_OK | W_OK));
	T_OK(access(".", R_OK | W_OK | X_OK));
	T_ERR(access("missing", F_OK), ENOENT);
	T_ERR(access("f/x", F_OK), ENOTDIR);
	T_ERR(access("f", 8), EINVAL);
	T_OK(chmod("f", 0755));
	T_OK(access("f", X_OK));
	T_OK(faccessat(AT_FDCWD, "f", R_OK, 0));
	if (geteuid() == 0) {
		/* root may read and write anything, but execute only what has
		 * an execute bit */
		T_OK(chmod("f", 0));
		T_OK(access("f", R_OK | W_OK));
		T_ERR(access("f", X_OK), EACCES);
	} else {
		T_OK(chmod("f", 0444));
		T_ERR(access("f", W_OK), EACCES);
	}
}

static void umask_chmod(void)
{
	struct stat st;

	umask(027);
	T_EQ(umask(022), 027);
	T_EQ(umask(0777 | 07000), 022);
	T_EQ(umask(027), 0777); /* only the permission bits are kept */
	int fd = T_OK(open("f", O_WRONLY | O_CREAT, 0777));
	T_EQ(st_of("f").st_mode, S_IFREG | 0750);
	T_OK(mkdir("d", 0777));
	T_EQ(st_of("d").st_mode, S_IFDIR | 0750);
	T_OK(chmod("f", 0600));
	T_EQ(st_of("f").st_mode, S_IFREG | 0600);
	T_OK(fchmod(fd, 04711));
	T_OK(fstat(fd, &st));
	T_EQ(st.st_mode, S_IFREG | 04711);
	T_OK(chmod("d", 01777));
	T_EQ(st_of("d").st_mode, S_IFDIR | 01777);
	T_ERR(chmod("missing", 0600), ENOENT);
	T_ERR(fchmod(99, 0600), EBADF);
	T_OK(symlink("f", "l"));
	T_OK(chmod("l", 0640)); /* follows the link */
	T_EQ(st_of("f").st_mode, S_IFREG | 0640);
}

static void fsync_sync(void)
{
	int p[2];

	t_write_file("f", "abc", 3);
	int fd = T_OK(open("f", O_RDWR));
	T_EQ(write(fd, "x", 1), 1);
	T_OK(fsync(fd));
	T_OK(fdatasync(fd));
	sync();
	T_ERR(fsync(99), EBADF);
	T_OK(pipe(p));
	T_ERR(fsync(p[0]), EINVAL);
	int dfd = T_OK(open(".", O_RDONLY | O_DIRECTORY));
	T_OK(fsync(dfd));
}

static void dev_null_zero(void)
{
	char buf[64];

	int n = T_OK(open("/dev/null", O_RDWR));
	T_EQ(write(n, "abc", 3), 3);
	T_EQ(read(n, buf, sizeof(buf)), 0);
	int z = T_OK(open("/dev/zero", O_RDONLY));
	memset(buf, 'x', sizeof(buf));
	T_EQ(read(z, buf, sizeof(buf)), sizeof(buf));
	for (int i = 0; i < (int)sizeof(buf); i++)
		T_EQ(buf[i], 0);
	struct stat st;
	T_OK(fstat(n, &st));
	T_TRUE(S_ISCHR(st.st_mode));
}

/* bad user pointers give EFAULT, never a crash */
static void bad_pointers(void)
{
	struct stat st;
	char buf[8];

	t_write_file("f", "abc", 3);
	int fd = T_OK(open("f", O_RDWR));
	T_ERR(read(fd, NULL, 3), EFAULT);
	T_ERR(read(fd, KERNEL_ADDR, 3), EFAULT);
	T_ERR(write(fd, NULL, 3), EFAULT);
	T_ERR(write(fd, KERNEL_ADDR, 3), EFAULT);
	T_ERR(stat("f", NULL), EFAULT);
	T_ERR(stat("f", KERNEL_ADDR), EFAULT);
	T_ERR(fstat(fd, KERNEL_ADDR), EFAULT);
	T_ERR(stat(KERNEL_ADDR, &st), EFAULT);
	T_ERR(rename("f", NULL), EFAULT);
	T_ERR(symlink(NULL, "l"), EFAULT);
	T_ERR(pread(fd, KERNEL_ADDR, 1, 0), EFAULT);
	/* nothing moved */
	T_EQ(lseek(fd, 0, SEEK_CUR), 0);
	T_EQ(read(fd, buf, 8), 3);
}

static const struct t_case cases[] = {
    T(open_missing),   T(open_excl),	     T(open_enotdir),
    T(open_eisdir),    T(open_enametoolong), T(open_efault),
    T(open_lowest_fd), T(open_access_modes), T(open_creat_mode),
    T(open_trunc),     T(open_append),	     T(creat_call),
    T(openat_calls),   T(read_write),	     T(read_write_large),
    T(lseek_whence),   T(lseek_hole),	     T(lseek_syscall32),
    T(llseek_past_4g), T(pread_pwrite),	     T(readv_writev),
    T(stat_fields),    T(stat_updates),	     T(lstat_readlink),
    T(fstatat_calls),  T(getdents_listing),  T(getdents_after_unlink), T(getdents_old_format), T(set_times),
    T(mkdir_rmdir),    T(unlink_calls),	     T(unlinkat_calls),
    T(rename_calls),   T(link_calls),	     T(symlink_calls),
    T(chdir_getcwd),   T(cwd_removed),	     T(truncate_calls),
    T(access_calls),   T(umask_chmod),	     T(fsync_sync),
    T(dev_null_zero),  T(bad_pointers),
};

T_MAIN(cases, NULL)
