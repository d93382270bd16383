/* kernel/tests/ktest_vfs.c - the VFS on the real root filesystem (ext2 on
 * the ATA disk), /dev and /proc, exercised through vfs_* and an fd table
 * exactly as the system calls will.  Everything made here is removed. */
#include "kernel/fdtable.h"
#include "kernel/kmalloc.h"
#include "kernel/ktest.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"

static int open_fd(struct fdtable *t, const char *path, int flags)
{
	struct file *f;
	int err = vfs_open(path, flags, 0644, &f);

	return err ? err : fd_install(t, f, 0, false);
}

KTEST(vfs_root_is_mounted)
{
	struct vfs_stat st;
	char buf[64] = { 0 };
	struct file *f;

	KEXPECT(vfs_root() != NULL);
	KEXPECT_EQ(vfs_stat("/", &st, true), 0);
	KEXPECT(S_ISDIR(st.mode));
	KEXPECT_EQ(st.ino, 2); /* ext2's root inode */
	KEXPECT_EQ(vfs_open("/README", O_RDONLY, 0, &f), 0);
	if (f) {
		KEXPECT_EQ(vfs_read(f, buf, 7), 7);
		KEXPECT_STREQ(buf, "This is");
		vfs_close(f);
	}
}

KTEST(vfs_file_lifecycle)
{
	static struct fdtable t;
	char buf[32] = { 0 };
	int fd = open_fd(&t, "/ktest.txt", O_RDWR | O_CREAT | O_EXCL);

	KEXPECT_EQ(fd, 0);
	KEXPECT_EQ(vfs_write(fd_get(&t, fd), "hello, disk", 11), 11);
	KEXPECT_EQ(vfs_lseek(fd_get(&t, fd), 7, SEEK_SET), 7);
	KEXPECT_EQ(vfs_read(fd_get(&t, fd), buf, sizeof(buf)), 4);
	KEXPECT_STREQ(buf, "disk");
	KEXPECT_EQ(open_fd(&t, "/ktest.txt", O_RDWR | O_CREAT | O_EXCL), -EEXIST);
	KEXPECT_EQ(fd_close(&t, fd), 0);
	KEXPECT_EQ(fd_close(&t, fd), -EBADF);
	KEXPECT_EQ(vfs_rename("/ktest.txt", "/ktest2.txt"), 0);
	KEXPECT_EQ(vfs_unlink("/ktest.txt"), -ENOENT);
	KEXPECT_EQ(vfs_unlink("/ktest2.txt"), 0);
}

/* dup shares the description and so the offset; a second open does not. */
KTEST(vfs_fd_sharing)
{
	static struct fdtable t;
	char c = 0;
	int a = open_fd(&t, "/README", O_RDONLY);
	int b = fd_dup(&t, a, 0);
	int other = open_fd(&t, "/README", O_RDONLY);

	KEXPECT_EQ(a, 0);
	KEXPECT_EQ(b, 1);
	KEXPECT_EQ(other, 2);
	KEXPECT_EQ(vfs_read(fd_get(&t, a), &c, 1), 1);
	KEXPECT_EQ(vfs_read(fd_get(&t, b), &c, 1), 1);
	KEXPECT_EQ(c, 'h'); /* "This": b continued where a stopped */
	KEXPECT_EQ(vfs_read(fd_get(&t, other), &c, 1), 1);
	KEXPECT_EQ(c, 'T');
	KEXPECT_EQ(fd_dup2(&t, other, a), a); /* closes a's old description */
	KEXPECT(fd_get(&t, a) == fd_get(&t, other));
	KEXPECT_EQ(fd_dup(&t, 77, 0), -EBADF);
	fdtable_close_all(&t);
	KEXPECT(fd_get(&t, 0) == NULL);
}

KTEST(vfs_directories_and_errors)
{
	char name[300];

	KEXPECT_EQ(vfs_mkdir("/kt", 0755), 0);
	KEXPECT_EQ(vfs_mkdir("/kt/sub", 0755), 0);
	KEXPECT_EQ(vfs_mkdir("/kt", 0755), -EEXIST);
	KEXPECT_EQ(vfs_rmdir("/kt"), -ENOTEMPTY);
	KEXPECT_EQ(vfs_unlink("/kt"), -EISDIR);
	KEXPECT_EQ(vfs_rmdir("/README"), -ENOTDIR);
	KEXPECT_EQ(vfs_mkdir("/README/x", 0755), -ENOTDIR);
	KEXPECT_EQ(vfs_mkdir("/nonexistent/x", 0755), -ENOENT);
	KEXPECT_EQ(vfs_rename("/kt", "/kt/sub/inside"), -EINVAL);
	KEXPECT_EQ(vfs_rename("/proc/uptime", "/uptime"), -EXDEV);
	memset(name, 'n', sizeof(name));
	name[0] = '/';
	name[257] = '\0'; /* a 256-byte name */
	KEXPECT_EQ(vfs_mkdir(name, 0755), -ENAMETOOLONG);
	KEXPECT_EQ(vfs_rmdir("/kt/sub/.."), -ENOTEMPTY);
	KEXPECT_EQ(vfs_rmdir("/kt/sub/."), -EINVAL);
	KEXPECT_EQ(vfs_rmdir("/kt/sub"), 0);
	KEXPECT_EQ(vfs_rmdir("/kt"), 0);
}

KTEST(vfs_symlinks)
{
	struct vfs_stat st;
	char target[32];

	KEXPECT_EQ(vfs_symlink("/README", "/kt-link"), 0);
	KEXPECT_EQ(vfs_readlink("/kt-link", target, sizeof(target)), 7);
	KEXPECT(!memcmp(target, "/README", 7));
	KEXPECT_EQ(vfs_stat("/kt-link", &st, true), 0);
	KEXPECT(S_ISREG(st.mode));
	KEXPECT_EQ(vfs_stat("/kt-link", &st, false), 0);
	KEXPECT(S_ISLNK(st.mode));
	KEXPECT_EQ(vfs_symlink("/kt-loop2", "/kt-loop1"), 0);
	KEXPECT_EQ(vfs_symlink("/kt-loop1", "/kt-loop2"), 0);
	KEXPECT_EQ(vfs_stat("/kt-loop1", &st, true), -ELOOP);
	KEXPECT_EQ(vfs_unlink("/kt-loop1"), 0);
	KEXPECT_EQ(vfs_unlink("/kt-loop2"), 0);
	KEXPECT_EQ(vfs_unlink("/kt-link"), 0);
}

KTEST(vfs_devices_and_proc)
{
	char buf[128] = { 1, 2, 3 };
	struct file *f;

	KEXPECT_EQ(vfs_open("/dev/zero", O_RDONLY, 0, &f), 0);
	if (f) {
		KEXPECT_EQ(vfs_read(f, buf, 64), 64);
		KEXPECT(buf[0] == 0 && buf[63] == 0);
		vfs_close(f);
	}
	KEXPECT_EQ(vfs_open("/dev/null", O_RDWR, 0, &f), 0);
	if (f) {
		KEXPECT_EQ(vfs_write(f, "gone", 4), 4);
		KEXPECT_EQ(vfs_read(f, buf, 4), 0);
		vfs_close(f);
	}
	KEXPECT_EQ(vfs_open("/proc/mounts", O_RDONLY, 0, &f), 0);
	if (f) {
		long n = vfs_read(f, buf, sizeof(buf) - 1);
		KEXPECT(n > 0);
		buf[n > 0 ? n : 0] = '\0';
		KEXPECT(!strncmp(buf, "hda / ext2 rw 0 0\n", 18));
		vfs_close(f);
	}
	KEXPECT_EQ(vfs_open("/dev/nothing", O_RDONLY, 0, &f), -ENOENT);
}

/* Reads /dev/hda raw: the ext2 superblock's magic at byte 1080. */
KTEST(vfs_block_device_node)
{
	uint8_t magic[2] = { 0 };
	struct file *f;

	KEXPECT_EQ(vfs_open("/dev/hda", O_RDONLY, 0, &f), 0);
	if (f) {
		KEXPECT_EQ(vfs_pread(f, magic, 2, 1080), 2);
		KEXPECT(magic[0] == 0x53 && magic[1] == 0xEF);
		vfs_close(f);
	}
}

/* A file big enough for double-indirect blocks, then truncated. */
KTEST(vfs_large_file_roundtrip)
{
	const size_t size = 3u << 20;
	uint8_t *buf = kmalloc(65536);
	struct file *f;
	struct vfs_stat st;
	uint32_t bad = 0;

	KEXPECT(buf != NULL);
	if (!buf || vfs_open("/kt-big", O_RDWR | O_CREAT | O_TRUNC, 0644, &f)) {
		KEXPECT(!"cannot create /kt-big");
		kfree(buf);
		return;
	}
	for (size_t off = 0; off < size; off += 65536) {
		for (size_t i = 0; i < 65536; i++)
			buf[i] = (uint8_t)((off + i) * 7 / 3);
		KEXPECT_EQ(vfs_write(f, buf, 65536), 65536);
	}
	KEXPECT_EQ(vfs_fsync(f), 0);
	vfs_lseek(f, 0, SEEK_SET);
	for (size_t off = 0; off < size; off += 65536) {
		KEXPECT_EQ(vfs_read(f, buf, 65536), 65536);
		for (size_t i = 0; i < 65536; i++)
			bad += buf[i] != (uint8_t)((off + i) * 7 / 3);
	}
	KEXPECT_EQ(bad, 0);
	KEXPECT_EQ(vfs_ftruncate(f, 1000), 0);
	KEXPECT_EQ(vfs_fstat(f, &st), 0);
	KEXPECT_EQ(st.size, 1000);
	vfs_close(f);
	KEXPECT_EQ(vfs_unlink("/kt-big"), 0);
	kfree(buf);
}
