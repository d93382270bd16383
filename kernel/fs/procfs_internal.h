/* kernel/fs/procfs_internal.h - what the parts of /proc share: procfs.c
 * (the root directory, the system-wide files and /proc/net), procfs_pid.c
 * (a directory per process, and /proc/self) and net/procfs_net.c (the
 * text of the /proc/net files).
 *
 * Inode numbers say what an inode is, so read_inode can rebuild any of
 * them: 1 the root, 2.. the system-wide files, PROC_NET_INO.. /proc/net
 * and its files, PROC_SELF_INO the "self" link, and pid << 8 | kind for a
 * process's directory and files.
 */
#ifndef KERNEL_FS_PROCFS_INTERNAL_H
#define KERNEL_FS_PROCFS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

struct dir_context;
struct inode;
struct process;

#define PROC_ROOT_INO 1
#define PROC_NET_INO 100 /* /proc/net; its files are 101.. */
#define PROC_SELF_INO 200
#define PROC_PID_INO(pid, kind) ((uint32_t)(pid) << 8 | (kind))
#define PROC_INO_PID(ino) ((int)((ino) >> 8))
#define PROC_INO_KIND(ino) ((ino) & 0xFF)
#define PROC_TEXT_MAX 8192 /* the first buffer a file's text goes into */
#define PROC_TEXT_LIMIT (1024 * 1024) /* the longest text a file shows */

struct task;

/* A text file: show writes its text (ksnprintf-style: returns the length
 * it wanted; a longer text than size is rendered again into a buffer that
 * big) for the system (show), for one process (show_pid) or for one
 * thread (show_task: the inode's number holds its tid, not a pid). */
struct proc_file {
	const char *name;
	size_t (*show)(char *buf, size_t size);
	size_t (*show_pid)(struct process *p, char *buf, size_t size);
	size_t (*show_task)(struct task *t, char *buf, size_t size);
};

/* The file operations of every text file (inode->private: its proc_file). */
extern const struct file_operations proc_text_fops;

/* net/procfs_net.c: the files of /proc/net (dev, pnp, tcp, udp, lwip). */
extern const struct proc_file proc_net_files[];
extern const size_t proc_net_file_count;

/* procfs_pid.c: fills a process inode or the self link from its number
 * (0 or -ENOENT); looks up "self" or a pid in the root; lists them from
 * position first on. */
int procfs_pid_read_inode(struct inode *inode);
int procfs_pid_lookup(struct inode *root, const char *name, size_t len,
		      struct inode **out);
void procfs_pid_readdir(struct dir_context *ctx, uint64_t first);

#endif
