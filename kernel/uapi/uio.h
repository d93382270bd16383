/* kernel/uapi/uio.h - readv/writev's struct iovec (8 bytes on i386) and
 * the most entries one call takes (Linux's UIO_MAXIOV; more: -EINVAL). */
#ifndef UAPI_UIO_H
#define UAPI_UIO_H

struct iovec {
	void *iov_base;
	unsigned long iov_len;
};

#define UIO_MAXIOV 1024

#endif
