/* tests/unit/host/host.h - the host test environment for the kernel's
 * filesystem code (shim.c, filedev.c). */
#ifndef TESTS_UNIT_HOST_HOST_H
#define TESTS_UNIT_HOST_HOST_H

#include <stdint.h>

struct block_device;

extern int host_log_quiet; /* nonzero: kernel log lines are not printed */
extern unsigned long host_log_lines; /* kernel log lines so far */

/* A block device (512-byte sectors) backed by the image file at path,
 * registered under name.  NULL (and a message) if the file cannot be
 * opened.  Writes go straight to the file (pwrite). */
struct block_device *filedev_open(const char *path, const char *name);
/* Unregisters the device, closes the file and frees dev. */
void filedev_close(struct block_device *dev);
/* Counters of the sectors moved, for tests of the cache. */
uint64_t filedev_sectors_read(struct block_device *dev);
uint64_t filedev_sectors_written(struct block_device *dev);
/* After this many more sector writes, every write fails with -EIO
 * (UINT64_MAX: never), to test error paths. */
void filedev_fail_writes_after(struct block_device *dev, uint64_t sectors);

#endif
