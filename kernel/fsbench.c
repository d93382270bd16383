/* kernel/fsbench.c - the monitor's "fsbench": file throughput through the
 * VFS, measured inside the kernel (make bench drives it).
 *
 *   fsbench [DIR [MIB]]   (default "/" and 64)
 *
 * Writes MIB MiB to DIR/fsbench.dat in 64 KiB writes and fsyncs (write
 * rate, including getting it onto the disk), drops the block cache and
 * reads it back (cold), reads 16 MiB of it twice (the second read warm,
 * from the cache), then creates and deletes 500 small files (rate).
 * Prints "fsbench NAME VALUE UNIT" lines, then removes what it made.
 */
#include "kernel/bcache.h"
#include "kernel/blockdev.h"
#include "kernel/format.h"
#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/vfs.h"

#define CHUNK (64 * 1024)
#define WARM_MIB 16
#define SMALL_FILES 500

void cmd_fsbench(int argc, char **argv);

static void figure(const char *name, uint64_t bytes, uint64_t ns)
{
	uint64_t kbps = ns ? bytes * 1000000u / ns : 0; /* bytes/ms = kB/s */

	kprintf("fsbench %s %u.%02u MB/s\n", name, (unsigned)(kbps / 1000),
		(unsigned)(kbps % 1000 / 10));
}

static void drop_caches(void)
{
	vfs_sync();
	for (struct block_device *d = blockdev_first(); d; d = d->next)
		bcache_invalidate(d);
}

/* Reads (or writes) bytes of path in CHUNK pieces; returns ns or 0. */
static uint64_t stream(const char *path, uint8_t *buf, uint64_t bytes, bool write)
{
	uint64_t t0 = time_ns(), done = 0;
	struct file *f;
	int flags = write ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY;

	if (vfs_open(path, flags, 0644, &f))
		return 0;
	while (done < bytes) {
		long n = write ? vfs_write(f, buf, CHUNK) : vfs_read(f, buf, CHUNK);
		if (n <= 0)
			break;
		done += (uint64_t)n;
	}
	if (write)
		vfs_fsync(f);
	vfs_close(f);
	return done == bytes ? time_ns() - t0 : 0;
}

static void small_files(const char *dir)
{
	char path[200];
	uint64_t t0 = time_ns(), ns;
	int made = 0;

	ksnprintf(path, sizeof(path), "%s/fsbench.d", dir);
	if (vfs_mkdir(path, 0755))
		return;
	for (int i = 0; i < SMALL_FILES; i++) {
		struct file *f;
		ksnprintf(path, sizeof(path), "%s/fsbench.d/f%d", dir, i);
		if (vfs_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644, &f))
			break;
		made += vfs_write(f, path, 100) == 100;
		vfs_close(f);
	}
	vfs_sync();
	ns = time_ns() - t0;
	kprintf("fsbench small_create %u files/s\n",
		(unsigned)(ns ? made * 1000000000ull / ns : 0));
	for (int i = 0; i < SMALL_FILES; i++) {
		ksnprintf(path, sizeof(path), "%s/fsbench.d/f%d", dir, i);
		vfs_unlink(path);
	}
	ksnprintf(path, sizeof(path), "%s/fsbench.d", dir);
	vfs_rmdir(path);
}

void cmd_fsbench(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/";
	uint64_t mib = 64, ns;
	char path[200];
	uint8_t *buf = kmalloc(CHUNK);

	if (argc > 2) {
		mib = 0;
		for (const char *p = argv[2]; *p >= '0' && *p <= '9'; p++)
			mib = mib * 10 + (*p - '0');
	}
	if (!buf || !mib)
		return;
	for (int i = 0; i < CHUNK; i++)
		buf[i] = (uint8_t)(i * 31 + 7);
	ksnprintf(path, sizeof(path), "%s/fsbench.dat", dir);
	ns = stream(path, buf, mib << 20, true);
	if (!ns) {
		kprintf("fsbench: writing %s failed\n", path);
		goto out;
	}
	figure("write_fsync", mib << 20, ns);
	drop_caches();
	figure("read_cold", mib << 20, stream(path, buf, mib << 20, false));
	stream(path, buf, MIN(mib, WARM_MIB) << 20, false);
	figure("read_warm", MIN(mib, WARM_MIB) << 20,
	       stream(path, buf, MIN(mib, WARM_MIB) << 20, false));
	vfs_unlink(path);
	small_files(dir);
out:
	vfs_sync();
	kfree(buf);
}
