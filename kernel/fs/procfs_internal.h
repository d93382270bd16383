/* kernel/fs/procfs_internal.h - what the two halves of /proc share:
 * procfs.c (the root directory and the system-wide files) and
 * procfs_pid.c (a directory per process, and /proc/self).
 *
 * Inode numbers say what an inode is, so read_inode can rebuild any of
 * them: 1 the root, 2.. the system-wide files, PROC_SELF_INO the "self"
 * link, and pid << 8 | kind for a process's directory and files.
 */
#ifndef KERNEL_FS_PROCFS_INTERNAL_H
#define KERNEL_FS_PROCFS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

struct dir_context;
struct inode;
struct process;

#define PROC_ROOT_INO 1
#define PROC_SELF_INO 200
#define PROC_PID_INO(pid, kind) ((uint32_t)(pid) << 8 | (kind))
#define PROC_INO_PID(ino) ((int)((ino) >> 8))
#define PROC_INO_KIND(ino) ((ino) & 0xFF)
#define PROC_TEXT_MAX 8192 /* longest text a file shows */

/* A text file: show writes its text (ksnprintf-style: returns the length
 * it wanted) for the system (show) or for one process (show_pid). */
struct proc_file {
	const char *name;
	size_t (*show)(char *buf, size_t size);
	size_t (*show_pid)(struct process *p, char *buf, size_t size);
};

/* The file operations of every text file (inode->private: its proc_file). */
extern const struct file_operations proc_text_fops;

/* procfs_pid.c: fills a process inode or the self link from its number
 * (0 or -ENOENT); looks up "self" or a pid in the root; lists them from
 * position first on. */
int procfs_pid_read_inode(struct inode *inode);
int procfs_pid_lookup(struct inode *root, const char *name, size_t len,
		      struct inode **out);
void procfs_pid_readdir(struct dir_context *ctx, uint64_t first);

#endif
