/* kernel/blockdev.c - the registry of block devices and checked access
 * (see blockdev.h).  Pure code: also built for the host tests. */
#include "kernel/blockdev.h"

#include "kernel/string.h"
#include "kernel/uapi/errno.h"

static struct block_device *devices;

void blockdev_register(struct block_device *dev)
{
	struct block_device **p = &devices;

	while (*p)
		p = &(*p)->next;
	dev->next = NULL;
	*p = dev;
}

void blockdev_unregister(struct block_device *dev)
{
	for (struct block_device **p = &devices; *p; p = &(*p)->next) {
		if (*p == dev) {
			*p = dev->next;
			return;
		}
	}
}

struct block_device *blockdev_find(const char *name)
{
	for (struct block_device *d = devices; d; d = d->next)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

struct block_device *blockdev_first(void)
{
	return devices;
}

static int check_range(struct block_device *dev, uint64_t sector, uint32_t count)
{
	if (!count || sector >= dev->sectors || count > dev->sectors - sector)
		return -EINVAL;
	return 0;
}

int blockdev_read(struct block_device *dev, uint64_t sector, uint32_t count,
		  void *buf)
{
	int err = check_range(dev, sector, count);

	return err ? err : dev->ops->read(dev, sector, count, buf);
}

int blockdev_write(struct block_device *dev, uint64_t sector, uint32_t count,
		   const void *buf)
{
	int err = check_range(dev, sector, count);

	return err ? err : dev->ops->write(dev, sector, count, buf);
}

int blockdev_flush(struct block_device *dev)
{
	return dev->ops->flush ? dev->ops->flush(dev) : 0;
}
