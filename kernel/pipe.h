/* kernel/pipe.h - pipes and FIFOs (see pipe.c). */
#ifndef KERNEL_PIPE_H
#define KERNEL_PIPE_H

struct file;
struct file_operations;

/* Makes a pipe: *rd reads from it, *wr writes to it (both referenced);
 * flags may hold O_NONBLOCK.  0 or -ENFILE. */
int pipe_create(struct file **rd, struct file **wr, int flags);

/* The operations of an opened FIFO (named pipe): vfs_open gives them to
 * every FIFO inode, whatever its filesystem.  Their open attaches the
 * description to the inode's pipe (made by the first opener, freed by the
 * last close); it never sleeps. */
extern const struct file_operations fifo_fops;

/* The sleeping half of opening a FIFO, for open() once it has released
 * fs_lock: a blocking O_RDONLY waits for a writer to open, a blocking
 * O_WRONLY for a reader.  0 at once for every other file and mode;
 * -ERESTARTSYS if a signal came first (the caller drops f). */
int fifo_wait_partner(struct file *f);

#endif
