/* tests/unit/host/filedev.c - a block device backed by an image file, so
 * the block cache and ext2 run on the host against images made and
 * checked with mke2fs, e2fsck and debugfs. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernel/blockdev.h"
#include "kernel/uapi/errno.h"
#include "tests/unit/host/host.h"

#define SECTOR 512

struct filedev {
	struct block_device dev;
	int fd;
	uint64_t reads, writes, fail_after;
};

static struct filedev *fdev(struct block_device *dev)
{
	return dev->private;
}

static int file_read(struct block_device *dev, uint64_t sector, uint32_t count,
		     void *buf)
{
	struct filedev *f = fdev(dev);
	ssize_t n = pread(f->fd, buf, (size_t)count * SECTOR, (off_t)(sector * SECTOR));

	f->reads += count;
	return n == (ssize_t)count * SECTOR ? 0 : -EIO;
}

static int file_write(struct block_device *dev, uint64_t sector, uint32_t count,
		      const void *buf)
{
	struct filedev *f = fdev(dev);
	ssize_t n;

	if (f->fail_after < count) {
		f->fail_after = 0;
		return -EIO;
	}
	f->fail_after -= count;
	n = pwrite(f->fd, buf, (size_t)count * SECTOR, (off_t)(sector * SECTOR));
	f->writes += count;
	return n == (ssize_t)count * SECTOR ? 0 : -EIO;
}

static int file_flush(struct block_device *dev)
{
	return fsync(fdev(dev)->fd) ? -EIO : 0;
}

static const struct block_device_ops file_ops = {
	.read = file_read,
	.write = file_write,
	.flush = file_flush,
};

struct block_device *filedev_open(const char *path, const char *name)
{
	struct filedev *f = calloc(1, sizeof(*f));
	struct stat st;

	if (!f)
		return NULL;
	f->fd = open(path, O_RDWR);
	if (f->fd < 0 || fstat(f->fd, &st)) {
		perror(path);
		free(f);
		return NULL;
	}
	snprintf(f->dev.name, sizeof(f->dev.name), "%s", name);
	f->dev.sector_size = SECTOR;
	f->dev.sectors = (uint64_t)st.st_size / SECTOR;
	f->dev.dev_id = 0x0300; /* hda's number, as in the kernel */
	f->dev.ops = &file_ops;
	f->dev.private = f;
	f->fail_after = UINT64_MAX;
	blockdev_register(&f->dev);
	return &f->dev;
}

void filedev_close(struct block_device *dev)
{
	blockdev_unregister(dev);
	close(fdev(dev)->fd);
	free(fdev(dev));
}

uint64_t filedev_sectors_read(struct block_device *dev)
{
	return fdev(dev)->reads;
}

uint64_t filedev_sectors_written(struct block_device *dev)
{
	return fdev(dev)->writes;
}

void filedev_fail_writes_after(struct block_device *dev, uint64_t sectors)
{
	fdev(dev)->fail_after = sectors;
}
