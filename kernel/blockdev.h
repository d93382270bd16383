/* kernel/blockdev.h - block devices: what a disk driver offers the block
 * cache.
 *
 * A driver fills in a struct block_device and registers it under a name
 * ("hda").  Its read/write operations take whole sectors and return when
 * the transfer is complete (the driver queues the request and sleeps
 * until its bottom half finishes it); they return 0 or -errno (-EIO for a
 * device error or timeout, -EINVAL for a range beyond the device).  The
 * host build of the filesystem code registers a file-backed device
 * (tests/unit/host/filedev.c) through the same interface.
 */
#ifndef KERNEL_BLOCKDEV_H
#define KERNEL_BLOCKDEV_H

#include <stdint.h>

struct block_device;

struct block_device_ops {
	int (*read)(struct block_device *dev, uint64_t sector, uint32_t count,
		    void *buf);
	int (*write)(struct block_device *dev, uint64_t sector, uint32_t count,
		     const void *buf);
	/* Makes completed writes durable (the disk's write cache); may be
	 * NULL when there is nothing to flush. */
	int (*flush)(struct block_device *dev);
};

struct block_device {
	char name[16];
	uint32_t sector_size; /* bytes, 512 for ATA */
	uint64_t sectors; /* capacity */
	uint32_t dev_id; /* device number for st_dev/st_rdev (major << 8 | minor) */
	const struct block_device_ops *ops;
	void *private; /* the driver's */
	struct block_device *next; /* registry */
};

/* Adds dev to the registry (its name must be unique). */
void blockdev_register(struct block_device *dev);
/* Removes dev from the registry (host tests; hot-unplug some day). */
void blockdev_unregister(struct block_device *dev);
/* The registered device called name, or NULL. */
struct block_device *blockdev_find(const char *name);
/* The first registered device, for iteration with ->next. */
struct block_device *blockdev_first(void);

/* Checked wrappers: -EINVAL for a range outside the device. */
int blockdev_read(struct block_device *dev, uint64_t sector, uint32_t count,
		  void *buf);
int blockdev_write(struct block_device *dev, uint64_t sector, uint32_t count,
		   const void *buf);
int blockdev_flush(struct block_device *dev);

#endif
