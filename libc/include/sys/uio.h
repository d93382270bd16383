/* sys/uio.h - vectored I/O; struct iovec from kernel/uapi/uio.h. */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <bits/alltypes.h>
#include <kernel/uapi/uio.h>

ssize_t readv(int fd, const struct iovec *iov, int count);
ssize_t writev(int fd, const struct iovec *iov, int count);

#endif
