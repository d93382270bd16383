/* kernel/pipe.h - pipes (see pipe.c). */
#ifndef KERNEL_PIPE_H
#define KERNEL_PIPE_H

struct file;

/* Makes a pipe: *rd reads from it, *wr writes to it (both referenced);
 * flags may hold O_NONBLOCK.  0 or -ENFILE. */
int pipe_create(struct file **rd, struct file **wr, int flags);

#endif
