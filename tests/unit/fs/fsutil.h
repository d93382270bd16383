/* tests/unit/fs/fsutil.h - what the storage-stack host tests share.
 *
 * The Makefile builds each tests/unit/fs/test_X.c alone with the kernel's
 * block cache, VFS and ext2, so the helpers here are static functions.
 *
 *  - Isolation: fs_forked() runs a test body in a forked child with a
 *    fresh kernel state (nothing mounted, empty cache) and a time budget;
 *    the child reports its first failure through a pipe, a crash or a
 *    sanitizer report (non-zero exit) or a timeout fails the case, and the
 *    parent kills the child by its PID.  Each child gets a fresh
 *    temporary directory (mkdtemp under $TMPDIR or /tmp, fs_dir), removed
 *    by the parent afterwards.
 *  - The e2fsprogs tools (mke2fs, e2fsck, debugfs) found on PATH, with
 *    /usr/sbin and /sbin appended: fs_mkfs(), fs_fsck(), fs_debugfs().
 *  - Mounting an image through a file-backed block device: fs_mount(),
 *    fs_unmount().  Leaks are checked (LeakSanitizer at the child's exit)
 *    except for the struct mount, which vfs_unmount_all() keeps by
 *    design (it runs at power-off).
 *  - Short forms of the VFS calls for tests: fs_put() (create and write
 *    a file), fs_get() (read it back), fs_list() (a directory's names,
 *    sorted, one string), fs_st().
 *
 * Kernel headers define the Linux O_* and S_* values themselves, so these
 * tests never include <fcntl.h> or <sys/stat.h>; host files are handled
 * with stdio.
 */
#ifndef TESTS_UNIT_FS_FSUTIL_H
#define TESTS_UNIT_FS_FSUTIL_H

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kernel/bcache.h"
#include "kernel/blockdev.h"
#include "kernel/err.h"
#include "kernel/kernel.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/vfs.h"
#include "tests/unit/host/host.h"
#include "tests/unit/unit.h"

/* The filesystem type every test mounts; mount.c's registry. */
extern struct filesystem_type ext2_fs_type;

static char fs_dir[256]; /* this case's temporary directory */
/* Set by a forked child to exit without LeakSanitizer's check (which
 * costs milliseconds per exit: fuzzing checks a sample of its cases). */
static bool fs_skip_leak_check;
static char fs_tmproot[256]; /* $TMPDIR or /tmp */

__attribute__((constructor)) static void fs_setup(void)
{
	const char *path = getenv("PATH"), *tmp = getenv("TMPDIR");
	static char p[8192];

	/* TAP lines must survive a sanitizer exit of the parent. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	snprintf(p, sizeof(p), "%s:/usr/sbin:/sbin",
		 path ? path : "/usr/bin:/bin");
	setenv("PATH", p, 1);
	snprintf(fs_tmproot, sizeof(fs_tmproot), "%s",
		 tmp && *tmp ? tmp : "/tmp");
}

/* ---- running commands */

/* Runs a shell command (printf-style), its stdout and stderr into out
 * (NUL-terminated, cut to size); returns its exit status, or -1. */
__attribute__((format(printf, 3, 4))) static inline int
fs_sh(char *out, size_t size, const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	FILE *p;
	size_t n = 0;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	fflush(stdout);
	fflush(stderr);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	if (out && size) {
		size_t got;
		while (n + 1 < size &&
		       (got = fread(out + n, 1, size - 1 - n, p)) > 0)
			n += got;
		out[n] = '\0';
	}
	char sink[4096];
	while (fread(sink, 1, sizeof(sink), p) > 0)
		;
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* A path in this case's temporary directory (a static buffer, rotating
 * among 4, so a few can be alive at once). */
static inline const char *fs_path(const char *name)
{
	static char bufs[4][512];
	static int next;
	char *b = bufs[next++ % 4];

	snprintf(b, sizeof(bufs[0]), "%s/%s", fs_dir, name);
	return b;
}

/* mke2fs -q -F -t ext2 with the given block and inode size, size in KiB,
 * extra options (e.g. "-N 4096", "-d DIR"). */
static inline int fs_mkfs(const char *img, unsigned bsize, unsigned isize,
			  unsigned kib, const char *extra)
{
	char out[2048];
	int rc = fs_sh(
	    out, sizeof(out),
	    "rm -f '%s' && mke2fs -q -F -t ext2 -b %u -I %u %s '%s' %uk 2>&1",
	    img, bsize, isize, extra ? extra : "", img, kib);

	if (rc)
		UNIT_FAIL("mke2fs failed (%d): %.300s", rc, out);
	return rc;
}

/* e2fsck -fn; true when it exits 0 and prints nothing but its five passes
 * and the summary line.  On a complaint, fills why with it. */
static inline bool fs_fsck(const char *img, char *why, size_t size)
{
	static char out[65536];
	int rc = fs_sh(out, sizeof(out), "e2fsck -fn '%s' 2>&1", img);
	char *line, *save = NULL;
	bool quiet = true;

	if (why && size)
		why[0] = '\0';
	for (line = strtok_r(out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		unsigned a, b;
		if (!strncmp(line, "e2fsck 1.", 9) ||
		    !strncmp(line, "Pass ", 5))
			continue;
		const char *c = strstr(line, ": ");
		if (c && sscanf(c + 2, "%u/%u files", &a, &b) == 2)
			continue;
		if (quiet && why)
			snprintf(why, size, "%s",
				 line); /* the first complaint */
		quiet = false;
	}
	if (rc && why) {
		size_t l = strlen(why);
		snprintf(why + l, size - l, "%s(exit status %d)", l ? " " : "",
			 rc);
	}
	return rc == 0 && quiet;
}

#define EXPECT_FSCK_CLEAN(img)                                                 \
	do {                                                                   \
		char why_[512] = "";                                           \
		if (!fs_fsck((img), why_, sizeof(why_)))                       \
			UNIT_FAIL("%s:%d: e2fsck -fn: %s", __FILE__, __LINE__, \
				  why_);                                       \
	} while (0)

/* debugfs -R "cmd" img, its standard output into out (stderr dropped). */
static inline int fs_debugfs(const char *img, char *out, size_t size,
			     const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static inline int fs_debugfs(const char *img, char *out, size_t size,
			     const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return fs_sh(out, size, "debugfs -R '%s' '%s' 2>/dev/null", cmd, img);
}

/* A number after key in debugfs output (e.g. "Links: "), or -1. */
static inline long long fs_field(const char *text, const char *key)
{
	const char *p = strstr(text, key);

	return p ? strtoll(p + strlen(key), NULL, 0) : -1;
}

/* debugfs stat of path: links, size, i_blocks and flags; -1 each if it
 * does not exist. */
struct fs_dstat {
	long long links, size, blockcount, flags, ino;
	char type[16];
	char text[8192];
};

static inline void fs_dstat(const char *img, const char *path,
			    struct fs_dstat *d)
{
	fs_debugfs(img, d->text, sizeof(d->text), "stat \"%s\"", path);
	d->links = fs_field(d->text, "Links: ");
	d->size = fs_field(d->text, "Size: ");
	d->blockcount = fs_field(d->text, "Blockcount: ");
	d->flags = fs_field(d->text, "Flags: ");
	d->ino = fs_field(d->text, "Inode: ");
	d->type[0] = '\0';
	const char *t = strstr(d->text, "Type: ");
	if (t)
		sscanf(t + 6, "%15s", d->type);
}

/* Names in debugfs "ls -p DIR" (sorted, space-separated, "." and ".."
 * included, unused records left out) into out; returns the number of
 * entries or -1. */
static inline int fs_dls(const char *img, const char *dir, char *out,
			 size_t size);

/* debugfs "stats": free blocks and free inodes, from the superblock. */
static inline void fs_dfree(const char *img, long long *blocks,
			    long long *inodes)
{
	static char out[65536];

	fs_debugfs(img, out, sizeof(out), "stats");
	*blocks = fs_field(out, "Free blocks:");
	*inodes = fs_field(out, "Free inodes:");
}

/* Reads a host file whole (malloc'd, *len set), or NULL. */
static inline uint8_t *fs_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			cap = cap ? 2 * cap : 65536;
			data = realloc(data, cap);
		}
		got = fread(data + n, 1, cap - n, f);
		n += got;
	} while (got);
	fclose(f);
	*len = n;
	return data;
}

/* debugfs dump of path into a host file, read back (malloc'd) or NULL. */
static inline uint8_t *fs_ddump(const char *img, const char *path, size_t *len)
{
	const char *out = fs_path("dump.out");
	char sink[256];

	remove(out);
	fs_debugfs(img, sink, sizeof(sink), "dump \"%s\" %s", path, out);
	return fs_slurp(out, len);
}

static inline int fs_cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Joins the names sorted, space-separated, into out. */
static inline void fs_join_sorted(char **names, int n, char *out, size_t size)
{
	size_t len = 0;

	qsort(names, n, sizeof(*names), fs_cmp_names);
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		len += snprintf(out + len, len < size ? size - len : 0, "%s%s",
				i ? " " : "", names[i]);
}

static inline int fs_dls(const char *img, const char *dir, char *out,
			 size_t size)
{
	static char text[1 << 20];
	char *names[8192], *line, *save = NULL;
	int n = 0;

	if (fs_debugfs(img, text, sizeof(text), "ls -p \"%s\"", dir))
		return -1;
	/* /ino/mode/uid/gid/name/size/ */
	for (line = strtok_r(text, "\n", &save); line && n < 8192;
	     line = strtok_r(NULL, "\n", &save)) {
		char *p = line;
		int slashes = 0;
		if (!strncmp(line, "/0/", 3))
			continue; /* an unused record (the first of a block) */
		while (*p && slashes < 5)
			slashes += *p++ == '/';
		if (slashes < 5)
			continue;
		char *end = strrchr(p, '/');
		if (!end || end == p)
			continue;
		*end = '\0';
		end = strrchr(p, '/');
		if (!end)
			continue;
		*end = '\0';
		names[n++] = p;
	}
	fs_join_sorted(names, n, out, size);
	return n;
}

/* ---- isolation */

static inline void fs_rmtree(const char *dir)
{
	char out[256];

	if (dir[0])
		fs_sh(out, sizeof(out), "rm -rf '%s'", dir);
}

/* Runs fn(arg) in a forked child with a fresh kernel state, killing it
 * after timeout seconds; the child's failure (or crash, sanitizer exit,
 * timeout) becomes the caller's, prefixed with what (may be "").  With
 * own_dir, the child gets a new fs_dir, removed afterwards.  Returns true
 * if the child passed. */
static inline bool fs_forked(void (*fn)(void *), void *arg, unsigned timeout,
			     bool own_dir, const char *what)
{
	char msg[512] = "", saved_dir[sizeof(fs_dir)];
	int p[2];
	pid_t pid;
	int st = 0;
	size_t n = 0;
	const char *sep = what && *what ? ": " : "";

	if (!what)
		what = "";
	memcpy(saved_dir, fs_dir, sizeof(fs_dir));
	if (own_dir) {
		snprintf(fs_dir, sizeof(fs_dir), "%s/fstest.XXXXXX",
			 fs_tmproot);
		if (!mkdtemp(fs_dir)) {
			UNIT_FAIL("%s: mkdtemp in %s: %s", what, fs_tmproot,
				  strerror(errno));
			memcpy(fs_dir, saved_dir, sizeof(fs_dir));
			return false;
		}
	}
	if (pipe(p)) {
		UNIT_FAIL("pipe: %s", strerror(errno));
		return false;
	}
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		unit_failures = 0;
		unit_first[0] = '\0';
		fn(arg);
		if (unit_failures &&
		    write(p[1], unit_first, strlen(unit_first)) < 0)
			_exit(3);
		close(p[1]);
		if (fs_skip_leak_check)
			_exit(unit_failures ? 1 : 0);
		exit(unit_failures ? 1 : 0); /* LeakSanitizer runs here */
	}
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		UNIT_FAIL("fork: %s", strerror(errno));
		return false;
	}
	uint64_t deadline = (uint64_t)time(NULL) + timeout;
	bool timed_out = false;
	for (;;) {
		struct pollfd pfd = {.fd = p[0], .events = POLLIN};
		int64_t left = (int64_t)(deadline - (uint64_t)time(NULL));
		if (left <= 0) {
			timed_out = true;
			break;
		}
		int r = poll(&pfd, 1, (int)(left * 1000));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		ssize_t got = read(p[0], msg + n, sizeof(msg) - 1 - n);
		if (got <= 0)
			break;
		n += (size_t)got;
		if (n == sizeof(msg) - 1)
			n = sizeof(msg) - 2; /* keep reading to EOF */
	}
	msg[n] = '\0';
	close(p[0]);
	if (timed_out) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		UNIT_FAIL("%s%sno result after %u s (hang?), killed", what, sep,
			  timeout);
	} else {
		/* The pipe is closed; the child is exiting (sanitizer
		 * leak checks may take a moment). */
		for (unsigned waited = 0; waitpid(pid, &st, WNOHANG) == 0;
		     waited++) {
			if (waited > 30 * 100) {
				kill(pid, SIGKILL);
				waitpid(pid, &st, 0);
				break;
			}
			usleep(10000);
		}
		if (msg[0])
			UNIT_FAIL("%s%s%s", what, sep, msg);
		else if (WIFSIGNALED(st))
			UNIT_FAIL("%s%skilled by signal %d (see stderr)", what,
				  sep, WTERMSIG(st));
		else if (WEXITSTATUS(st))
			UNIT_FAIL("%s%sexit status %d without a failed check "
				  "(a sanitizer report? see stderr)",
				  what, sep, WEXITSTATUS(st));
	}
	if (own_dir && getenv("FS_KEEP"))
		fprintf(stderr, "# kept %s\n", fs_dir);
	else if (own_dir)
		fs_rmtree(fs_dir);
	memcpy(fs_dir, saved_dir, sizeof(fs_dir));
	return !timed_out && !msg[0] && WIFEXITED(st) && !WEXITSTATUS(st);
}

/* ---- mounting */

static struct block_device *fs_dev;
static bool fs_registered;

/* Mounts img as the root ("/") through a file-backed device "hda". */
static inline int fs_mount(const char *img)
{
	if (!fs_registered) {
		register_filesystem(&ext2_fs_type);
		fs_registered = true;
	}
	fs_dev = filedev_open(img, "hda");
	if (!fs_dev)
		return -ENODEV;
	int err = vfs_mount("hda", "/", "ext2");
	if (err) {
		bcache_invalidate(fs_dev);
		filedev_close(fs_dev);
		fs_dev = NULL;
	}
	return err;
}

/* vfs_unmount_all(), then forgets the device's cached blocks and closes
 * it; returns vfs_unmount_all()'s result, or a leak of referenced
 * buffers as -EBUSY. */
static inline int fs_unmount(void)
{
	int err = vfs_unmount_all();

	if (fs_dev) {
		int busy = bcache_invalidate(fs_dev);
		filedev_close(fs_dev);
		fs_dev = NULL;
		if (!err && busy)
			err = -EBUSY;
	}
	return err;
}

/* ---- the VFS in short */

/* Creates (or truncates) path and writes len bytes at offset 0; returns
 * 0 or the first error. */
static inline int fs_put(const char *path, const void *data, size_t len)
{
	struct file *f;
	int err = vfs_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644, &f);

	if (err)
		return err;
	long n = len ? vfs_write(f, data, len) : 0;
	vfs_close(f);
	if (n < 0)
		return (int)n;
	return n == (long)len ? 0 : -EIO;
}

/* Reads path whole into buf (at most size bytes); returns the length or
 * -errno. */
static inline long fs_get(const char *path, void *buf, size_t size)
{
	struct file *f;
	int err = vfs_open(path, O_RDONLY, 0, &f);
	size_t n = 0;

	if (err)
		return err;
	while (n < size) {
		long got = vfs_read(f, (char *)buf + n, size - n);
		if (got < 0) {
			vfs_close(f);
			return got;
		}
		if (!got)
			break;
		n += (size_t)got;
	}
	vfs_close(f);
	return (long)n;
}

/* A file's contents as a NUL-terminated string (static buffer), or
 * "<errno N>". */
static inline const char *fs_gets(const char *path)
{
	static char buf[4096];
	long n = fs_get(path, buf, sizeof(buf) - 1);

	if (n < 0)
		snprintf(buf, sizeof(buf), "<errno %ld>", -n);
	else
		buf[n] = '\0';
	return buf;
}

struct fs_names {
	struct dir_context ctx;
	char **names;
	uint32_t *inos;
	unsigned *types;
	int n, cap;
};

static inline int fs_emit(struct dir_context *ctx, const char *name, size_t len,
			  uint32_t ino, unsigned type)
{
	struct fs_names *l = (struct fs_names *)ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->names = realloc(l->names, l->cap * sizeof(*l->names));
		l->inos = realloc(l->inos, l->cap * sizeof(*l->inos));
		l->types = realloc(l->types, l->cap * sizeof(*l->types));
	}
	l->names[l->n] = strndup(name, len);
	l->inos[l->n] = ino;
	l->types[l->n] = type;
	l->n++;
	return 0;
}

static inline void fs_names_free(struct fs_names *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
	free(l->inos);
	free(l->types);
	memset(l, 0, sizeof(*l));
}

/* Reads the directory at path whole into l (names in directory order);
 * 0 or -errno. */
static inline int fs_readdir_all(const char *path, struct fs_names *l)
{
	struct file *f;
	int err = vfs_open(path, O_RDONLY | O_DIRECTORY, 0, &f);

	memset(l, 0, sizeof(*l));
	l->ctx.emit = fs_emit;
	if (err)
		return err;
	for (int rounds = 0; rounds < 100000; rounds++) {
		int before = l->n;
		err = vfs_readdir(f, &l->ctx);
		if (err < 0 || l->n == before)
			break;
	}
	vfs_close(f);
	return err < 0 ? err : 0;
}

/* The directory's names, sorted and space-separated (static buffer), or
 * "<errno N>". */
static inline const char *fs_list(const char *path)
{
	static char out[65536];
	struct fs_names l;
	int err = fs_readdir_all(path, &l);

	if (err)
		snprintf(out, sizeof(out), "<errno %d>", -err);
	else
		fs_join_sorted(l.names, l.n, out, sizeof(out));
	fs_names_free(&l);
	return out;
}

/* stat with follow; the struct is zeroed first.  0 or -errno. */
static inline int fs_st(const char *path, struct vfs_stat *st)
{
	memset(st, 0, sizeof(*st));
	return vfs_stat(path, st, true);
}

/* A deterministic byte pattern: the byte at offset off of stream seed. */
static inline uint8_t fs_pat(uint32_t seed, uint64_t off)
{
	uint64_t x = (off / 4 + 1) * 0x9E3779B97F4A7C15ull ^
		     ((uint64_t)seed << 32 | seed);

	x ^= x >> 29;
	x *= 0xBF58476D1CE4E5B9ull;
	x ^= x >> 32;
	return (uint8_t)(x >> (8 * (off % 4)));
}

static inline void fs_fill(uint8_t *buf, size_t len, uint32_t seed,
			   uint64_t off)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = fs_pat(seed, off + i);
}

/* A small xorshift generator for seeded tests. */
static inline uint32_t fs_rand(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*s = x;
	return (uint32_t)(x >> 16);
}

#endif
