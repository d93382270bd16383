/* kernel/monitor_fs.c - the monitor's file commands.
 *
 * Small shell-like commands over the vfs_* calls (the same calls the
 * system calls will make): ls, cat, write, append, mkdir, rmdir, rm, mv,
 * ln, symlink, stat, truncate, sync, and fsbench for throughput figures.
 * Every error is printed with its errno number, as the VFS returned it.
 */
#include "kernel/bcache.h"
#include "kernel/console.h"
#include "kernel/format.h"
#include "kernel/kmalloc.h"
#include "kernel/monitor.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"

static void report(const char *what, const char *path, long err)
{
	if (err < 0)
		kprintf("%s: %s: error %ld\n", what, path, -err);
}

static char type_char(uint32_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR: return 'd';
	case S_IFLNK: return 'l';
	case S_IFCHR: return 'c';
	case S_IFBLK: return 'b';
	case S_IFIFO: return 'p';
	case S_IFSOCK: return 's';
	default: return '-';
	}
}

struct ls_ctx {
	struct dir_context ctx;
	const char *dir;
};

static int ls_entry(struct dir_context *ctx, const char *name, size_t len,
		    uint32_t ino, unsigned type)
{
	struct ls_ctx *l = (struct ls_ctx *)ctx;
	char path[300];
	struct vfs_stat st;

	(void)type;
	ksnprintf(path, sizeof(path), "%s/%.*s", l->dir, (int)len, name);
	if (vfs_stat(path, &st, false) == 0)
		kprintf("%c%04o %3u %8llu %.*s\n", type_char(st.mode),
			st.mode & 07777, st.nlink, st.size, (int)len, name);
	else
		kprintf("? inode %u %.*s\n", ino, (int)len, name);
	return 0;
}

static void cmd_ls(int argc, char **argv)
{
	struct ls_ctx l = { .ctx.emit = ls_entry, .dir = argc > 1 ? argv[1] : "." };
	struct file *f;
	int err = vfs_open(l.dir, O_RDONLY | O_DIRECTORY, 0, &f);

	if (err) {
		report("ls", l.dir, err);
		return;
	}
	report("ls", l.dir, vfs_readdir(f, &l.ctx));
	vfs_close(f);
}

static void cmd_cat(int argc, char **argv)
{
	char buf[512];
	struct file *f;
	long n;
	int err;

	if (argc < 2) {
		kprintf("usage: cat PATH\n");
		return;
	}
	err = vfs_open(argv[1], O_RDONLY, 0, &f);
	if (err) {
		report("cat", argv[1], err);
		return;
	}
	while ((n = vfs_read(f, buf, sizeof(buf))) > 0)
		console_write(buf, (size_t)n);
	report("cat", argv[1], n);
	vfs_close(f);
}

/* write/append PATH WORDS...: the words joined by spaces, and a newline. */
static void put_words(int argc, char **argv, int flags)
{
	struct file *f;
	int err;

	if (argc < 2) {
		kprintf("usage: %s PATH [WORDS...]\n", argv[0]);
		return;
	}
	err = vfs_open(argv[1], O_WRONLY | O_CREAT | flags, 0644, &f);
	if (err) {
		report(argv[0], argv[1], err);
		return;
	}
	for (int i = 2; i < argc && err >= 0; i++) {
		long n = vfs_write(f, argv[i], strlen(argv[i]));
		if (n >= 0)
			n = vfs_write(f, i + 1 < argc ? " " : "\n", 1);
		err = n < 0 ? (int)n : 0;
	}
	report(argv[0], argv[1], err);
	vfs_close(f);
}

static void cmd_write(int argc, char **argv) { put_words(argc, argv, O_TRUNC); }
static void cmd_append(int argc, char **argv) { put_words(argc, argv, O_APPEND); }

/* The one-path commands: PATH -> vfs call. */
#define ONE_PATH(cmd, call)                                                 \
	static void cmd_##cmd(int argc, char **argv)                        \
	{                                                                   \
		if (argc < 2) {						\
			kprintf("usage: " #cmd " PATH\n");	\
			return;						\
		}							\
		report(#cmd, argv[1], call);                                \
	}
ONE_PATH(mkdir, vfs_mkdir(argv[1], 0755))
ONE_PATH(rmdir, vfs_rmdir(argv[1]))
ONE_PATH(rm, vfs_unlink(argv[1]))
ONE_PATH(cd, vfs_chdir(argv[1]))

#define TWO_PATHS(cmd, call)                                                \
	static void cmd_##cmd(int argc, char **argv)                        \
	{                                                                   \
		if (argc < 3) {						\
			kprintf("usage: " #cmd " A B\n");	\
			return;						\
		}							\
		report(#cmd, argv[1], call);                                \
	}
TWO_PATHS(mv, vfs_rename(argv[1], argv[2]))
TWO_PATHS(ln, vfs_link(argv[1], argv[2]))
TWO_PATHS(symlink, vfs_symlink(argv[1], argv[2]))

static void cmd_stat(int argc, char **argv)
{
	struct vfs_stat st;
	char target[256];
	int err;

	if (argc < 2) {
		kprintf("usage: stat PATH\n");
		return;
	}
	err = vfs_stat(argv[1], &st, false);
	if (err) {
		report("stat", argv[1], err);
		return;
	}
	kprintf("%s: inode %u mode %c%04o links %u uid %u gid %u size %llu "
		"blocks %llu mtime %lld\n", argv[1], st.ino, type_char(st.mode),
		st.mode & 07777, st.nlink, st.uid, st.gid, st.size, st.blocks,
		st.mtime);
	if (S_ISLNK(st.mode) && (err = vfs_readlink(argv[1], target, sizeof(target) - 1)) >= 0)
		kprintf("%s -> %.*s\n", argv[1], err, target);
}

static void cmd_truncate(int argc, char **argv)
{
	uint64_t size = 0;

	if (argc < 3) {
		kprintf("usage: truncate PATH SIZE\n");
		return;
	}
	for (const char *p = argv[2]; *p >= '0' && *p <= '9'; p++)
		size = size * 10 + (*p - '0');
	report("truncate", argv[1], vfs_truncate(argv[1], size));
}

static void cmd_sync(int argc, char **argv)
{
	(void)argc, (void)argv;
	report("sync", "/", vfs_sync());
}

extern void cmd_fsbench(int argc, char **argv);

const struct monitor_command monitor_fs_commands[] = {
	{ "ls", "[DIR]  list a directory", cmd_ls },
	{ "cat", "PATH  print a file", cmd_cat },
	{ "write", "PATH WORDS...  replace a file's contents with a line", cmd_write },
	{ "append", "PATH WORDS...  add a line to a file", cmd_append },
	{ "mkdir", "PATH  make a directory", cmd_mkdir },
	{ "rmdir", "PATH  remove an empty directory", cmd_rmdir },
	{ "rm", "PATH  remove a name (unlink)", cmd_rm },
	{ "cd", "DIR  change the working directory", cmd_cd },
	{ "mv", "OLD NEW  rename", cmd_mv },
	{ "ln", "OLD NEW  make a hard link", cmd_ln },
	{ "symlink", "TARGET PATH  make a symbolic link", cmd_symlink },
	{ "stat", "PATH  show an inode", cmd_stat },
	{ "truncate", "PATH SIZE  set a file's size", cmd_truncate },
	{ "sync", "write everything to the disk", cmd_sync },
	{ "fsbench", "[DIR [MIB]]  file throughput figures", cmd_fsbench },
};
const size_t monitor_fs_command_count = ARRAY_SIZE(monitor_fs_commands);
