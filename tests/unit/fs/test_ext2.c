/* tests/unit/fs/test_ext2.c - ext2 through the VFS calls, checked against
 * e2fsprogs.
 *
 * Every scenario runs on four images made by mke2fs -t ext2: block size
 * 1024 and 4096 times inode size 128 and 256 ("[1k/128]" ... in the case
 * names), each in a forked child with its own temporary directory.  A
 * scenario drives the VFS (vfs_open, vfs_write, vfs_rename...), checks
 * what the VFS reports with exact values and errno codes (Linux's: the
 * expected errors were checked with the same calls on the host's ext4),
 * then unmounts with vfs_unmount_all() and checks the image from the
 * outside: e2fsck -fn must be silent and debugfs must show the expected
 * names, contents, sizes, link counts and block counts.
 *
 * FS_TEST=NAME runs only the scenarios whose name contains NAME (the
 * others pass untried); FS_KEEP=1 keeps each case's directory.
 */
#include "tests/unit/fs/fsutil.h"

struct variant {
	unsigned bsize, isize;
};

static const struct variant variants[] = {
    {1024, 128},
    {1024, 256},
    {4096, 128},
    {4096, 256},
};

static const struct variant *V; /* the child's variant */
static char IMG[512];

#define EXPECT_OK(expr) EXPECT_EQ((expr), 0)

/* ---- setting up and checking images */

/* mke2fs an image of kib KiB (extra mke2fs options) and mount it. */
static bool start(unsigned kib, const char *extra)
{
	snprintf(IMG, sizeof(IMG), "%s", fs_path("img"));
	if (fs_mkfs(IMG, V->bsize, V->isize, kib, extra))
		return false;
	int err = fs_mount(IMG);
	if (err)
		UNIT_FAIL("mounting a fresh image: %d", err);
	return !err;
}

static bool remount(void)
{
	int err = fs_mount(IMG);

	if (err)
		UNIT_FAIL("remounting: %d", err);
	return !err;
}

/* Unmounts and checks the image with e2fsck -fn. */
static void stop(void)
{
	EXPECT_OK(fs_unmount());
	EXPECT_FSCK_CLEAN(IMG);
}

/* Free blocks and inodes of the unmounted image, from its superblock. */
static void free_counts(long long *blocks, long long *inodes)
{
	fs_dfree(IMG, blocks, inodes);
}

/* 512-byte sectors a file of nblocks dense data blocks occupies with its
 * indirect blocks. */
static uint64_t dense_sectors(uint64_t nblocks)
{
	uint64_t p = V->bsize / 4, n = nblocks, meta = 0;

	if (n > 12) {
		n -= 12;
		meta++; /* IND */
		if (n > p) {
			n -= p;
			uint64_t d = MIN(n, p * p);
			meta += 1 + (d + p - 1) / p; /* DIND and its INDs */
			if (n > p * p) {
				n -= p * p;
				meta += 1 + (n + p * p - 1) / (p * p) +
					(n + p - 1) / p;
			}
		}
	}
	return (nblocks + meta) * (V->bsize / 512);
}

/* Sectors for a sparse file whose data blocks are the n logical blocks
 * lb[] (distinct): data plus every indirect block needed to reach them. */
static uint64_t sparse_sectors(const uint64_t *lb, int n)
{
	uint64_t p = V->bsize / 4, keys[256];
	int nk = 0;

	for (int i = 0; i < n; i++) {
		uint64_t b = lb[i], k[3];
		int m = 0;
		if (b < 12) {
			continue;
		} else if (b < 12 + p) {
			k[m++] = 1;
		} else if (b < 12 + p + p * p) {
			b -= 12 + p;
			k[m++] = 2;
			k[m++] = (1ull << 40) | (b / p);
		} else {
			b -= 12 + p + p * p;
			k[m++] = 3;
			k[m++] = (2ull << 40) | (b / (p * p));
			k[m++] = (3ull << 40) | (b / p);
		}
		for (int j = 0; j < m; j++) {
			bool seen = false;
			for (int x = 0; x < nk; x++)
				seen |= keys[x] == k[j];
			if (!seen && nk < 256)
				keys[nk++] = k[j];
		}
	}
	return (uint64_t)(n + nk) * (V->bsize / 512);
}

/* ---- file contents */

/* Writes len bytes of pattern seed at off (pattern offsets are file
 * offsets) through an open file, in 64 KiB pieces. */
static long write_pat(struct file *f, uint32_t seed, uint64_t off, uint64_t len)
{
	static uint8_t buf[65536];

	for (uint64_t done = 0; done < len;) {
		size_t n = (size_t)MIN(len - done, sizeof(buf));
		fs_fill(buf, n, seed, off + done);
		long got = vfs_pwrite(f, buf, n, off + done);
		if (got != (long)n)
			return got < 0 ? got : -EIO;
		done += n;
	}
	return 0;
}

static long write_pat_path(const char *path, uint32_t seed, uint64_t off,
			   uint64_t len)
{
	struct file *f;
	int err = vfs_open(path, O_CREAT | O_RDWR, 0644, &f);

	if (err)
		return err;
	long r = write_pat(f, seed, off, len);
	vfs_close(f);
	return r;
}

/* Checks len bytes at off of the open file: pattern seed, or zeros if
 * seed is 0.  Fails with the first differing offset. */
static bool check_pat(struct file *f, uint32_t seed, uint64_t off, uint64_t len,
		      const char *what)
{
	static uint8_t buf[65536];

	for (uint64_t done = 0; done < len;) {
		size_t n = (size_t)MIN(len - done, sizeof(buf));
		long got = vfs_pread(f, buf, n, off + done);
		if (got != (long)n) {
			UNIT_FAIL("%s: pread of %zu at %llu: got %ld", what, n,
				  (unsigned long long)(off + done), got);
			return false;
		}
		for (size_t i = 0; i < n; i++) {
			uint8_t want = seed ? fs_pat(seed, off + done + i) : 0;
			if (buf[i] != want) {
				UNIT_FAIL("%s: byte at %llu is %#x, want %#x",
					  what,
					  (unsigned long long)(off + done + i),
					  buf[i], want);
				return false;
			}
		}
		done += n;
	}
	return true;
}

static bool check_pat_path(const char *path, uint32_t seed, uint64_t off,
			   uint64_t len)
{
	struct file *f;
	int err = vfs_open(path, O_RDONLY, 0, &f);

	if (err) {
		UNIT_FAIL("open %s: %d", path, err);
		return false;
	}
	bool ok = check_pat(f, seed, off, len, path);
	vfs_close(f);
	return ok;
}

/* The image's copy of path (debugfs dump) equals want[0..len). */
static void expect_image_file(const char *path, const uint8_t *want, size_t len)
{
	size_t got_len = 0;
	uint8_t *got = fs_ddump(IMG, path, &got_len);

	if (!got) {
		UNIT_FAIL("debugfs dump %s: nothing", path);
		return;
	}
	if (got_len != len)
		UNIT_FAIL("debugfs dump %s: %zu bytes, want %zu", path, got_len,
			  len);
	else
		for (size_t i = 0; i < len; i++)
			if (got[i] != want[i]) {
				UNIT_FAIL("debugfs dump %s: byte %zu is %#x, "
					  "want %#x",
					  path, i, got[i], want[i]);
				break;
			}
	free(got);
}

/* The image's copy of path holds pattern seed over [0, len). */
static void expect_image_pat(const char *path, uint32_t seed, size_t len)
{
	uint8_t *want = malloc(len ? len : 1);

	fs_fill(want, len, seed, 0);
	expect_image_file(path, want, len);
	free(want);
}

/* debugfs stat of path: type, links, size, blocks (-1: don't check). */
static void expect_image_stat(const char *path, const char *type,
			      long long links, long long size,
			      long long sectors)
{
	struct fs_dstat d;

	fs_dstat(IMG, path, &d);
	if (d.ino < 0) {
		UNIT_FAIL("debugfs: %s does not exist", path);
		return;
	}
	if (type && strcmp(d.type, type))
		UNIT_FAIL("debugfs: %s is a %s, want %s", path, d.type, type);
	if (links >= 0 && d.links != links)
		UNIT_FAIL("debugfs: %s has %lld links, want %lld", path,
			  d.links, links);
	if (size >= 0 && d.size != size)
		UNIT_FAIL("debugfs: %s has size %lld, want %lld", path, d.size,
			  size);
	if (sectors >= 0 && d.blockcount != sectors)
		UNIT_FAIL("debugfs: %s has Blockcount %lld, want %lld", path,
			  d.blockcount, sectors);
}

static void expect_image_gone(const char *path)
{
	struct fs_dstat d;

	fs_dstat(IMG, path, &d);
	if (d.ino >= 0)
		UNIT_FAIL("debugfs: %s still exists (inode %lld)", path, d.ino);
}

/* Fails unless two sorted name lists are equal, showing where they part. */
static void expect_same_list(const char *what, const char *got,
			     const char *want)
{
	size_t i = 0;

	if (!strcmp(got, want))
		return;
	while (got[i] && got[i] == want[i])
		i++;
	while (i && got[i - 1] != ' ')
		i--;
	UNIT_FAIL("%s: names differ at byte %zu: got \"%.60s\", want \"%.60s\"",
		  what, i, got + i, want + i);
}

/* debugfs "ls -p dir" names, sorted, equal want (sorted, spaces). */
static void expect_image_list(const char *dir, const char *want)
{
	static char got[65536];
	char what[300];

	fs_dls(IMG, dir, got, sizeof(got));
	snprintf(what, sizeof(what), "debugfs ls %s", dir);
	expect_same_list(what, got, want);
}

/* The inode number debugfs shows for path's entry "..". */
static long long image_dotdot(const char *dir)
{
	static char text[65536];
	char *p;

	fs_debugfs(IMG, text, sizeof(text), "ls -p \"%s\"", dir);
	for (char *line = strtok_r(text, "\n", &p); line;
	     line = strtok_r(NULL, "\n", &p)) {
		unsigned long long ino;
		char name[8];
		if (sscanf(line, "/%llu/%*o/%*u/%*u/%7[^/]/", &ino, name) ==
			2 &&
		    !strcmp(name, ".."))
			return (long long)ino;
	}
	return -1;
}

static struct vfs_stat st_of(const char *path)
{
	struct vfs_stat st;
	int err = fs_st(path, &st);

	if (err)
		memset(&st, 0xff, sizeof(st)); /* every field fails a check */
	return st;
}

static struct vfs_stat lst_of(const char *path)
{
	struct vfs_stat st;

	memset(&st, 0, sizeof(st));
	if (vfs_stat(path, &st, false))
		memset(&st, 0xff, sizeof(st));
	return st;
}

/* ---- scenarios */

/* 3000 files in one directory; every other deleted; names recreated in
 * the freed space; all lookups and the listing exact. */
static void big_directory(void)
{
	enum { N = 3000 };
	char path[64];
	struct vfs_stat st;

	if (!start(16384, "-N 4096"))
		return;
	EXPECT_OK(vfs_mkdir("/many", 0755));
	for (int i = 0; i < N; i++) {
		struct file *f;
		snprintf(path, sizeof(path), "/many/f%04d", i);
		int err = vfs_open(path, O_CREAT | O_EXCL | O_WRONLY, 0644, &f);
		if (err) {
			UNIT_FAIL("create %s: %d", path, err);
			return;
		}
		if (i % 500 == 0)
			EXPECT_EQ(vfs_write(f, path, strlen(path)),
				  strlen(path));
		vfs_close(f);
	}
	for (int i = 0; i < N; i++) {
		snprintf(path, sizeof(path), "/many/f%04d", i);
		if (fs_st(path, &st) || !S_ISREG(st.mode)) {
			UNIT_FAIL("stat %s after creating: %d", path,
				  fs_st(path, &st));
			return;
		}
	}
	EXPECT_STREQ(fs_gets("/many/f2500"), "/many/f2500");
	for (int i = 0; i < N; i += 2) {
		snprintf(path, sizeof(path), "/many/f%04d", i);
		int err = vfs_unlink(path);
		if (err) {
			UNIT_FAIL("unlink %s: %d", path, err);
			return;
		}
	}
	uint64_t dir_size = st_of("/many").size;
	for (int i = 0; i < N; i++) {
		snprintf(path, sizeof(path), "/many/f%04d", i);
		int err = fs_st(path, &st), want = i % 2 ? 0 : -ENOENT;
		if (err != want) {
			UNIT_FAIL(
			    "stat %s after deleting every other: %d, want %d",
			    path, err, want);
			return;
		}
	}
	/* 500 new names of the same length fit in the holes */
	for (int i = 0; i < 1000; i += 2) {
		snprintf(path, sizeof(path), "/many/g%04d", i);
		EXPECT_OK(fs_put(path, "g", 1));
	}
	EXPECT_EQ(st_of("/many").size, dir_size);
	EXPECT_OK(fs_put("/many/f0000", "again", 5));
	EXPECT_STREQ(fs_gets("/many/f0000"), "again");
	EXPECT_STREQ(fs_gets("/many/g0998"), "g");
	EXPECT_STREQ(fs_gets("/many/f1001"), "");
	EXPECT_EQ(fs_st("/many/g0001", &st), -ENOENT);

	/* the exact listing */
	static char *names[N + 8];
	static char want[65536];
	int n = 0;
	names[n++] = strdup(".");
	names[n++] = strdup("..");
	names[n++] = strdup("f0000");
	for (int i = 1; i < N; i += 2) {
		snprintf(path, sizeof(path), "f%04d", i);
		names[n++] = strdup(path);
	}
	for (int i = 0; i < 1000; i += 2) {
		snprintf(path, sizeof(path), "g%04d", i);
		names[n++] = strdup(path);
	}
	fs_join_sorted(names, n, want, sizeof(want));
	expect_same_list("readdir /many", fs_list("/many"), want);
	EXPECT_EQ(st_of("/many").nlink, 2);
	stop();
	expect_image_list("/many", want);
	expect_image_stat("/many", "directory", 2, (long long)dir_size, -1);
	expect_image_gone("/many/f0002");
	expect_image_stat("/many/f0001", "regular", 1, 0, 0);
	expect_image_stat("/many/f0000", "regular", 1, 5, V->bsize / 512);
	for (int i = 0; i < n; i++)
		free(names[i]);
}

/* An 8 MiB file: direct, indirect and double-indirect blocks. */
static void file_8mib(void)
{
	const uint64_t size = 8u << 20;
	long long free0, ifree0, free1, ifree1;
	struct file *f;

	if (!start(16384, NULL))
		return;
	EXPECT_OK(fs_unmount());
	free_counts(&free0, &ifree0);
	if (!remount())
		return;
	EXPECT_OK(vfs_open("/big", O_CREAT | O_RDWR | O_EXCL, 0644, &f));
	EXPECT_OK(write_pat(f, 8, 0, size));
	struct vfs_stat st;
	EXPECT_OK(vfs_fstat(f, &st));
	EXPECT_EQ(st.size, size);
	EXPECT_EQ(st.blocks, dense_sectors(size / V->bsize));
	EXPECT(check_pat(f, 8, 0, size, "/big"));
	/* reads across block and indirect boundaries, odd sizes */
	uint64_t p = V->bsize / 4;
	uint64_t edges[] = {12 * V->bsize - 3, (12 + p) * V->bsize - 5,
			    (12 + p + p) * V->bsize - 7, size - 10};
	for (size_t i = 0; i < ARRAY_SIZE(edges); i++)
		if (edges[i] < size)
			EXPECT(check_pat(f, 8, edges[i],
					 MIN(size - edges[i], 10), "edge"));
	uint8_t c;
	EXPECT_EQ(vfs_pread(f, &c, 1, size), 0);
	vfs_close(f);
	stop();
	expect_image_stat("/big", "regular", 1, (long long)size,
			  (long long)dense_sectors(size / V->bsize));
	expect_image_pat("/big", 8, size);
	free_counts(&free1, &ifree1);
	EXPECT_EQ(free0 - free1,
		  dense_sectors(size / V->bsize) / (V->bsize / 512));
	EXPECT_EQ(ifree0 - ifree1, 1);
	/* deleting it gives every block back */
	if (!remount())
		return;
	EXPECT_OK(vfs_unlink("/big"));
	stop();
	free_counts(&free1, &ifree1);
	EXPECT_EQ(free1, free0);
	EXPECT_EQ(ifree1, ifree0);
}

/* A block far out: triple-indirect (70 MiB with 1 KiB blocks, 5 GiB with
 * 4 KiB), in a sparse file; then truncated back to nothing. */
static void triple_indirect(void)
{
	uint64_t off = V->bsize == 1024 ? 70ull << 20 : 5ull << 30;
	long long free0, ifree0, free1, ifree1;
	struct file *f;

	if (!start(16384, NULL))
		return;
	EXPECT_OK(fs_unmount());
	free_counts(&free0, &ifree0);
	if (!remount())
		return;
	EXPECT_OK(vfs_open("/far", O_CREAT | O_RDWR, 0644, &f));
	EXPECT_OK(write_pat(f, 3, off, 4096));
	uint64_t lb[4];
	int n = 0;
	for (uint64_t b = off / V->bsize; b * V->bsize < off + 4096; b++)
		lb[n++] = b;
	struct vfs_stat st;
	EXPECT_OK(vfs_fstat(f, &st));
	EXPECT_EQ(st.size, off + 4096);
	EXPECT_EQ(st.blocks, sparse_sectors(lb, n));
	EXPECT(check_pat(f, 3, off, 4096, "/far data"));
	EXPECT(check_pat(f, 0, off - 8192, 8192, "/far hole before"));
	EXPECT(check_pat(f, 0, 0, 65536, "/far hole at 0"));
	uint8_t c;
	EXPECT_EQ(vfs_pread(f, &c, 1, off + 4096), 0);
	vfs_close(f);
	stop();
	expect_image_stat("/far", "regular", 1, (long long)(off + 4096),
			  (long long)sparse_sectors(lb, n));
	struct fs_dstat d;
	fs_dstat(IMG, "/far", &d);
	EXPECT(strstr(d.text, "(TIND)") != NULL);
	/* the data block on the disk, located by debugfs bmap */
	char out[64];
	fs_debugfs(IMG, out, sizeof(out), "bmap /far %llu",
		   (unsigned long long)(off / V->bsize));
	long long phys = strtoll(out, NULL, 10);
	EXPECT(phys > 0);
	FILE *img = fopen(IMG, "rb");
	uint8_t blk[4096], want[4096];
	fs_fill(want, sizeof(want), 3, off);
	EXPECT(img && !fseek(img, (long)(phys * V->bsize), SEEK_SET) &&
	       fread(blk, 1, MIN(V->bsize, 4096u), img) ==
		   MIN(V->bsize, 4096u));
	if (img)
		fclose(img);
	EXPECT(!memcmp(blk, want, MIN(V->bsize, 4096u)));
	fs_debugfs(IMG, out, sizeof(out), "bmap /far %llu",
		   (unsigned long long)(off / V->bsize - 1));
	EXPECT_EQ(strtoll(out, NULL, 10), 0); /* a hole */
	/* truncating frees data and all three levels */
	if (!remount())
		return;
	EXPECT_OK(vfs_truncate("/far", 0));
	EXPECT_EQ(st_of("/far").blocks, 0);
	EXPECT_EQ(st_of("/far").size, 0);
	stop();
	expect_image_stat("/far", "regular", 1, 0, 0);
	free_counts(&free1, &ifree1);
	EXPECT_EQ(free1, free0);
	EXPECT_EQ(ifree1, ifree0 - 1);
}

/* Holes read as zeros, take no blocks, and fill in correctly. */
static void sparse_file(void)
{
	const uint32_t bs = V->bsize;
	const uint64_t size = 300ull * bs + 1;
	uint8_t *want = calloc(1, size);
	struct file *f;

	if (!start(8192, NULL))
		return;
	EXPECT_OK(vfs_open("/sparse", O_CREAT | O_RDWR, 0644, &f));
	struct {
		uint64_t off, len;
	} w[] = {{0, 100}, {3 * bs + 7, 50}, {20 * bs, bs}, {300ull * bs, 1}};
	for (size_t i = 0; i < ARRAY_SIZE(w); i++) {
		EXPECT_OK(write_pat(f, 5, w[i].off, w[i].len));
		fs_fill(want + w[i].off, w[i].len, 5, w[i].off);
	}
	uint64_t lb[] = {0, 3, 20, 300};
	struct vfs_stat st;
	EXPECT_OK(vfs_fstat(f, &st));
	EXPECT_EQ(st.size, size);
	EXPECT_EQ(st.blocks, sparse_sectors(lb, 4));
	EXPECT(st.blocks * 512 < st.size);
	uint8_t *got = malloc(size);
	EXPECT_EQ(vfs_pread(f, got, size, 0), size);
	EXPECT(!memcmp(got, want, size));
	/* a read that starts in a hole and ends in data */
	EXPECT_EQ(vfs_pread(f, got, 2 * bs, 19 * bs), 2 * bs);
	EXPECT(!memcmp(got, want + 19 * bs, 2 * bs));
	/* fill a hole in the middle of the run */
	EXPECT_OK(write_pat(f, 6, 5 * bs + 1, 10));
	fs_fill(want + 5 * bs + 1, 10, 6, 5 * bs + 1);
	uint64_t lb2[] = {0, 3, 5, 20, 300};
	EXPECT_OK(vfs_fstat(f, &st));
	EXPECT_EQ(st.blocks, sparse_sectors(lb2, 5));
	EXPECT_EQ(vfs_pread(f, got, size, 0), size);
	EXPECT(!memcmp(got, want, size));
	vfs_close(f);
	stop();
	expect_image_stat("/sparse", "regular", 1, (long long)size,
			  (long long)sparse_sectors(lb2, 5));
	expect_image_file("/sparse", want, size);
	free(got);
	free(want);
}

/* mkdir 20 deep, link counts, rmdir errors, removal bottom-up. */
static void nested_dirs(void)
{
	char path[512] = "";
	long long free0, ifree0, free1, ifree1;
	struct vfs_stat st;

	if (!start(4096, NULL))
		return;
	EXPECT_OK(fs_unmount());
	free_counts(&free0, &ifree0);
	if (!remount())
		return;
	uint32_t root_links = st_of("/").nlink;
	for (int i = 0; i < 20; i++) {
		size_t l = strlen(path);
		snprintf(path + l, sizeof(path) - l, "/d%d", i);
		int err = vfs_mkdir(path, 0755);
		if (err) {
			UNIT_FAIL("mkdir %s: %d", path, err);
			return;
		}
	}
	EXPECT_EQ(st_of("/").nlink, root_links + 1);
	EXPECT_EQ(st_of("/d0").nlink, 3);
	EXPECT_EQ(st_of(path).nlink, 2);
	EXPECT_EQ(st_of(path).mode, S_IFDIR | 0755);
	EXPECT_EQ(st_of(path).size, V->bsize);
	EXPECT_EQ(st_of(path).blocks, V->bsize / 512);
	char file[600];
	snprintf(file, sizeof(file), "%s/leaf", path);
	EXPECT_OK(fs_put(file, "deep", 4));
	EXPECT_STREQ(fs_list(path), ". .. leaf");
	/* the errors */
	static const struct {
		const char *path;
		int want;
	} rows[] = {
	    {"/d0", -ENOTEMPTY}, {"/d0/d1/..", -ENOTEMPTY}, {"/d0/.", -EINVAL},
	    {"/nope", -ENOENT},	 {"/nope/d1", -ENOENT},	    {"/", -EBUSY},
	};
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		int got = vfs_rmdir(rows[i].path);
		if (got != rows[i].want)
			UNIT_FAIL("rmdir %s: got %d, want %d", rows[i].path,
				  got, rows[i].want);
	}
	EXPECT_EQ(vfs_rmdir(file), -ENOTDIR);
	EXPECT_EQ(vfs_unlink("/d0"), -EISDIR);
	EXPECT_EQ(vfs_mkdir("/d0", 0755), -EEXIST);
	EXPECT_EQ(vfs_mkdir(file, 0755), -EEXIST);
	EXPECT_EQ(vfs_mkdir("/nope/x", 0755), -ENOENT);
	char through[700];
	snprintf(through, sizeof(through), "%s/x", file);
	EXPECT_EQ(vfs_mkdir(through, 0755), -ENOTDIR);
	/* "." and ".." deep down */
	EXPECT_EQ(st_of("/d0/d1/../d1/./d2/..").ino, st_of("/d0/d1").ino);
	stop();
	expect_image_stat(path, "directory", 2, V->bsize, V->bsize / 512);
	expect_image_stat("/d0", "directory", 3, -1, -1);
	struct fs_dstat parent;
	char up[512];
	snprintf(up, sizeof(up), "%.*s", (int)(strrchr(path, '/') - path),
		 path);
	fs_dstat(IMG, up, &parent);
	EXPECT_EQ(image_dotdot(path), parent.ino);
	size_t len = 0;
	uint8_t *leaf = fs_ddump(IMG, file, &len);
	EXPECT(leaf && len == 4 && !memcmp(leaf, "deep", 4));
	free(leaf);
	/* remove it all, bottom up */
	if (!remount())
		return;
	EXPECT_OK(vfs_unlink(file));
	for (int i = 19; i >= 0; i--) {
		int err = vfs_rmdir(path);
		if (err)
			UNIT_FAIL("rmdir %s: %d", path, err);
		*strrchr(path, '/') = '\0';
	}
	EXPECT_EQ(st_of("/").nlink, root_links);
	EXPECT_EQ(fs_st("/d0", &st), -ENOENT);
	stop();
	expect_image_gone("/d0");
	expect_image_stat("/", "directory", root_links, -1, -1);
	free_counts(&free1, &ifree1);
	EXPECT_EQ(free1, free0);
	EXPECT_EQ(ifree1, ifree0);
}

/* Renames of files and directories, with Linux's errors. */
static void renames(void)
{
	long long free0, ifree0, free1, ifree1;

	if (!start(4096, NULL))
		return;
	EXPECT_OK(vfs_mkdir("/d1", 0755));
	EXPECT_OK(vfs_mkdir("/d2", 0755));
	EXPECT_OK(vfs_mkdir("/d1/sub", 0755));
	EXPECT_OK(vfs_mkdir("/d1/sub/deeper", 0755));
	EXPECT_OK(fs_put("/d1/sub/inside", "in", 2));
	EXPECT_OK(vfs_mkdir("/empty", 0755));
	EXPECT_OK(vfs_mkdir("/full", 0755));
	EXPECT_OK(fs_put("/full/x", "x", 1));
	EXPECT_OK(fs_put("/a", "AAA", 3));
	EXPECT_OK(fs_put("/q", "QQ", 2));
	EXPECT_OK(fs_put("/d1/m", "MMMM", 4));
	EXPECT_OK(fs_put("/victim", "V", 1));
	EXPECT_OK(fs_put("/h1", "H", 1));
	EXPECT_OK(vfs_link("/h1", "/h2"));
	EXPECT_OK(fs_unmount());
	free_counts(&free0, &ifree0);
	if (!remount())
		return;
	uint32_t a_ino = st_of("/a").ino, sub_ino = st_of("/d1/sub").ino;
	uint32_t d1 = st_of("/d1").nlink, d2 = st_of("/d2").nlink;

	static const struct {
		const char *from, *to;
		int want;
	} rows[] = {
	    {"/a", "/b", 0},		     /* same directory */
	    {"/d1/m", "/d2/m2", 0},	     /* across directories */
	    {"/b", "/q", 0},		     /* over an existing file */
	    {"/d1/sub", "/d2/sub", 0},	     /* a directory across parents */
	    {"/d2/sub/deeper", "/empty", 0}, /* a directory over an empty one */
	    {"/d2/sub", "/full", -ENOTEMPTY},
	    {"/d2", "/d2/sub/x", -EINVAL}, /* into its own subdirectory */
	    {"/d2", "/d2/sub", -EINVAL},
	    {"/d2", "/d2/sub/inside", -EINVAL},	   /* before "over a file" */
	    {"/d2/sub/inside", "/d2", -ENOTEMPTY}, /* over an ancestor */
	    {"/d2/sub", "/d2", -ENOTEMPTY},
	    {"/q", "/d1", -EISDIR},  /* file over directory */
	    {"/d1", "/q", -ENOTDIR}, /* directory over file */
	    {"/q", "/q/x", -ENOTDIR},
	    {"/nope", "/x", -ENOENT},
	    {"/q", "/nope/x", -ENOENT},
	    {"/d1/.", "/zz", -EBUSY},
	    {"/d1/..", "/zz", -EBUSY},
	    {"/empty", "/d1/.", -EBUSY},
	    {"/q", "/q", 0}, /* itself: nothing happens */
	    {"/d1", "/d1", 0},
	    {"/h1", "/h2", 0}, /* two links of one file: nothing */
	    {"/victim", "/q2/", -ENOTDIR},
	};
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		int got = vfs_rename(rows[i].from, rows[i].to);
		if (got != rows[i].want)
			UNIT_FAIL("rename %s -> %s: got %d, want %d",
				  rows[i].from, rows[i].to, got, rows[i].want);
	}
	struct vfs_stat st;
	EXPECT_EQ(fs_st("/a", &st), -ENOENT);
	EXPECT_EQ(fs_st("/b", &st), -ENOENT);
	EXPECT_STREQ(fs_gets("/q"), "AAA");
	EXPECT_EQ(st_of("/q").ino, a_ino);
	EXPECT_EQ(st_of("/q").nlink, 1);
	EXPECT_STREQ(fs_gets("/d2/m2"), "MMMM");
	EXPECT_EQ(fs_st("/d1/m", &st), -ENOENT);
	EXPECT_EQ(st_of("/d2/sub").ino, sub_ino);
	EXPECT_STREQ(fs_gets("/d2/sub/inside"), "in");
	EXPECT_EQ(st_of("/d2/sub/..").ino, st_of("/d2").ino);
	EXPECT_EQ(st_of("/d1").nlink, d1 - 1);
	EXPECT_EQ(st_of("/d2").nlink, d2 + 1);
	EXPECT_EQ(st_of("/d2/sub").nlink, 2); /* deeper moved out */
	EXPECT_EQ(st_of("/empty/..").ino, st_of("/").ino);
	EXPECT_EQ(st_of("/h1").nlink, 2);
	EXPECT_EQ(st_of("/h2").ino, st_of("/h1").ino);
	EXPECT_STREQ(fs_list("/d1"), ". ..");
	EXPECT_STREQ(fs_list("/d2"), ". .. m2 sub");
	EXPECT_STREQ(fs_list("/d2/sub"), ". .. inside");
	EXPECT_STREQ(fs_list("/"),
		     ". .. d1 d2 empty full h1 h2 lost+found q victim");
	uint32_t root_links = st_of("/").nlink;
	stop();
	expect_image_list("/",
			  ". .. d1 d2 empty full h1 h2 lost+found q victim");
	expect_image_list("/d2", ". .. m2 sub");
	expect_image_stat("/d1", "directory", d1 - 1, -1, -1);
	expect_image_stat("/d2", "directory", d2 + 1, -1, -1);
	expect_image_stat("/d2/sub", "directory", 2, -1, -1);
	expect_image_stat("/empty", "directory", 2, -1, -1);
	expect_image_stat("/", "directory", root_links, -1, -1);
	struct fs_dstat d;
	fs_dstat(IMG, "/d2", &d);
	EXPECT_EQ(image_dotdot("/d2/sub"), d.ino);
	fs_dstat(IMG, "/", &d);
	EXPECT_EQ(image_dotdot("/empty"), d.ino);
	expect_image_stat("/q", "regular", 1, 3, -1);
	expect_image_gone("/a");
	expect_image_gone("/d1/sub");
	expect_image_gone("/d2/sub/deeper");
	/* the replaced file's and directory's inodes and blocks are free */
	free_counts(&free1, &ifree1);
	EXPECT_EQ(ifree1, ifree0 + 2);
	EXPECT_EQ(free1,
		  free0 + 2); /* QQ's data block, the old /empty's block */
}

/* Hard links: one inode, counted links, the data outlives a name. */
static void hard_links(void)
{
	if (!start(4096, NULL))
		return;
	EXPECT_OK(vfs_mkdir("/d", 0755));
	EXPECT_OK(fs_put("/a", "shared", 6));
	EXPECT_OK(vfs_link("/a", "/d/b"));
	EXPECT_OK(vfs_link("/d/b", "/c"));
	EXPECT_EQ(st_of("/a").nlink, 3);
	EXPECT_EQ(st_of("/d/b").ino, st_of("/a").ino);
	struct file *f;
	EXPECT_OK(vfs_open("/d/b", O_WRONLY | O_APPEND, 0, &f));
	EXPECT_EQ(vfs_write(f, "+more", 5), 5);
	vfs_close(f);
	EXPECT_STREQ(fs_gets("/a"), "shared+more");
	static const struct {
		const char *from, *to;
		int want;
	} rows[] = {
	    {"/d", "/dlink", -EPERM},
	    {"/d", "/a", -EEXIST}, /* the name is checked first */
	    {"/a", "/c", -EEXIST},
	    {"/nope", "/x", -ENOENT},
	    {"/a", "/nope/x", -ENOENT},
	    {"/a", "/a/x", -ENOTDIR},
	    {"/a", "/d/.", -EEXIST},
	    {"/a", "/d/..", -EEXIST},
	};
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		int got = vfs_link(rows[i].from, rows[i].to);
		if (got != rows[i].want)
			UNIT_FAIL("link %s -> %s: got %d, want %d",
				  rows[i].from, rows[i].to, got, rows[i].want);
	}
	EXPECT_OK(vfs_unlink("/a"));
	EXPECT_EQ(st_of("/c").nlink, 2);
	EXPECT_STREQ(fs_gets("/d/b"), "shared+more");
	EXPECT_OK(vfs_unlink("/c"));
	EXPECT_EQ(st_of("/d/b").nlink, 1);
	EXPECT_STREQ(fs_gets("/d/b"), "shared+more");
	/* a link to a symlink is a link to the symlink itself */
	EXPECT_OK(vfs_symlink("d/b", "/sl"));
	EXPECT_OK(vfs_link("/sl", "/sl2"));
	EXPECT_EQ(lst_of("/sl2").mode & S_IFMT, S_IFLNK);
	EXPECT_EQ(lst_of("/sl").nlink, 2);
	stop();
	expect_image_stat("/d/b", "regular", 1, 11, -1);
	expect_image_gone("/a");
	expect_image_gone("/c");
	expect_image_stat("/sl", "symlink", 2, 3, -1);
	size_t len;
	uint8_t *data = fs_ddump(IMG, "/d/b", &len);
	EXPECT(data && len == 11 && !memcmp(data, "shared+more", 11));
	free(data);
}

/* Fast and slow symlinks, readlink, paths through links, loops. */
static void symlinks(void)
{
	char slow[301], buf[512];

	memset(slow, 's', 300);
	slow[300] = '\0';
	memcpy(slow, "/dir/", 5);
	if (!start(4096, NULL))
		return;
	EXPECT_OK(vfs_mkdir("/dir", 0755));
	EXPECT_OK(fs_put("/dir/f", "target text", 11));
	EXPECT_OK(vfs_symlink("dir/f", "/fast"));
	EXPECT_OK(vfs_symlink(slow, "/slow"));
	EXPECT_OK(vfs_symlink("/dir", "/dirlink"));
	EXPECT_OK(
	    vfs_symlink("../dir/f", "/dir/../dir/rel")); /* relative to /dir */
	/* 59 bytes: the longest that fits in the inode */
	char fast59[60];
	memset(fast59, 'f', 59);
	fast59[59] = '\0';
	EXPECT_OK(vfs_symlink(fast59, "/fast59"));
	char slow60[61];
	memset(slow60, 'g', 60);
	slow60[60] = '\0';
	EXPECT_OK(vfs_symlink(slow60, "/slow60"));

	EXPECT_EQ(vfs_readlink("/fast", buf, sizeof(buf)), 5);
	EXPECT(!memcmp(buf, "dir/f", 5));
	EXPECT_EQ(vfs_readlink("/slow", buf, sizeof(buf)), 300);
	EXPECT(!memcmp(buf, slow, 300));
	EXPECT_EQ(vfs_readlink("/slow", buf, 10), 10); /* cut to the buffer */
	EXPECT(!memcmp(buf, slow, 10));
	EXPECT_EQ(vfs_readlink("/fast59", buf, sizeof(buf)), 59);
	EXPECT(!memcmp(buf, fast59, 59));
	EXPECT_EQ(vfs_readlink("/slow60", buf, sizeof(buf)), 60);
	EXPECT(!memcmp(buf, slow60, 60));
	EXPECT_EQ(vfs_readlink("/dir/f", buf, sizeof(buf)), -EINVAL);
	EXPECT_EQ(vfs_readlink("/nope", buf, sizeof(buf)), -ENOENT);

	EXPECT_STREQ(fs_gets("/fast"), "target text");
	EXPECT_STREQ(fs_gets("/dirlink/f"), "target text");
	EXPECT_STREQ(fs_gets("/dir/rel"), "target text");
	EXPECT_EQ(st_of("/fast").ino, st_of("/dir/f").ino);
	struct vfs_stat l = lst_of("/fast");
	EXPECT_EQ(l.mode, S_IFLNK | 0777);
	EXPECT_EQ(l.size, 5);
	EXPECT_EQ(l.blocks, 0);
	EXPECT_EQ(lst_of("/slow").size, 300);
	EXPECT_EQ(lst_of("/slow").blocks, V->bsize / 512);
	EXPECT_EQ(lst_of("/fast59").blocks, 0);
	EXPECT_EQ(lst_of("/slow60").blocks, V->bsize / 512);
	EXPECT_STREQ(fs_list("/dirlink"), ". .. f rel");
	/* loops and dangling links */
	EXPECT_OK(vfs_symlink("loop2", "/loop1"));
	EXPECT_OK(vfs_symlink("loop1", "/loop2"));
	EXPECT_OK(vfs_symlink("self", "/self"));
	EXPECT_OK(vfs_symlink("nowhere", "/dangling"));
	struct file *f;
	struct vfs_stat st;
	EXPECT_EQ(vfs_open("/loop1", O_RDONLY, 0, &f), -ELOOP);
	EXPECT_EQ(vfs_open("/loop1/x", O_RDONLY, 0, &f), -ELOOP);
	EXPECT_EQ(fs_st("/self", &st), -ELOOP);
	EXPECT_EQ(vfs_open("/self", O_RDONLY | O_CREAT, 0644, &f), -ELOOP);
	EXPECT_EQ(vfs_open("/self", O_RDONLY | O_NOFOLLOW, 0, &f), -ELOOP);
	EXPECT_EQ(lst_of("/loop1").mode, S_IFLNK | 0777);
	EXPECT_EQ(vfs_open("/dangling", O_RDONLY, 0, &f), -ENOENT);
	EXPECT_EQ(vfs_symlink("x", "/fast"), -EEXIST);
	EXPECT_EQ(vfs_symlink("", "/empty"), -ENOENT);
	/* 40 links in a chain resolve, 41 do not */
	char name[32], prev[32] = "dir/f";
	for (int i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), "/chain%d", i);
		EXPECT_OK(vfs_symlink(prev, name));
		snprintf(prev, sizeof(prev), "chain%d", i);
	}
	EXPECT_STREQ(fs_gets("/chain40"), "target text");
	EXPECT_EQ(fs_st("/chain41", &st), -ELOOP);
	/* unlink removes the link, not the target */
	EXPECT_OK(vfs_unlink("/dirlink"));
	EXPECT_STREQ(fs_list("/dir"), ". .. f rel");
	/* O_CREAT through a dangling link creates its target, as Linux does */
	int err = vfs_open("/dangling", O_CREAT | O_WRONLY, 0644, &f);
	EXPECT_OK(err);
	if (!err)
		vfs_close(f);
	EXPECT_EQ(st_of("/nowhere").mode, S_IFREG | 0644);
	stop();
	struct fs_dstat d;
	fs_dstat(IMG, "/fast", &d);
	EXPECT_STREQ(d.type, "symlink");
	EXPECT(strstr(d.text, "Fast link dest: \"dir/f\"") != NULL);
	fs_dstat(IMG, "/fast59", &d);
	EXPECT(strstr(d.text, "Fast link dest: \"fffffffff") != NULL);
	expect_image_stat("/slow", "symlink", 1, 300, V->bsize / 512);
	expect_image_file("/slow", (const uint8_t *)slow, 300);
	expect_image_stat("/slow60", "symlink", 1, 60, V->bsize / 512);
	expect_image_file("/slow60", (const uint8_t *)slow60, 60);
	expect_image_stat("/chain41", "symlink", 1, 7, 0);
	expect_image_gone("/dirlink");
}

/* An unlinked file stays readable and writable while open; its inode and
 * blocks are freed at the last close. */
static void unlink_while_open(void)
{
	long long free0, ifree0, free1, ifree1;
	struct file *f, *g;

	if (!start(4096, NULL))
		return;
	EXPECT_OK(fs_unmount());
	free_counts(&free0, &ifree0);
	if (!remount())
		return;
	EXPECT_OK(write_pat_path("/doomed", 9, 0, 100000));
	EXPECT_OK(vfs_open("/doomed", O_RDWR, 0, &f));
	EXPECT_OK(vfs_open("/doomed", O_RDONLY, 0, &g));
	EXPECT_OK(vfs_unlink("/doomed"));
	struct vfs_stat st;
	EXPECT_EQ(fs_st("/doomed", &st), -ENOENT);
	EXPECT_STREQ(fs_list("/"), ". .. lost+found");
	EXPECT_OK(vfs_fstat(f, &st));
	EXPECT_EQ(st.nlink, 0);
	EXPECT_EQ(st.size, 100000);
	EXPECT(check_pat(f, 9, 0, 100000, "unlinked file"));
	EXPECT_OK(write_pat(f, 9, 100000, 50000));
	EXPECT(check_pat(g, 9, 0, 150000, "unlinked file, second description"));
	/* a new file must not get its inode or blocks */
	EXPECT_OK(write_pat_path("/other", 10, 0, 60000));
	EXPECT(check_pat(g, 9, 0, 150000, "unlinked file after another write"));
	EXPECT_OK(vfs_unlink("/other"));
	vfs_close(f);
	EXPECT(check_pat(g, 9, 0, 150000, "after the first close"));
	vfs_close(g);
	stop();
	free_counts(&free1, &ifree1);
	EXPECT_EQ(free1, free0);
	EXPECT_EQ(ifree1, ifree0);
}

/* truncate and ftruncate, shrinking and growing; O_TRUNC. */
static void truncation(void)
{
	const uint32_t bs = V->bsize;
	long long free0, ifree0, free1, ifree1;
	struct file *f;

	if (!start(8192, NULL))
		return;
	EXPECT_OK(fs_unmount());
	free_counts(&free0, &ifree0);
	if (!remount())
		return;
	const uint64_t big =
	    400ull * 1024; /* past the direct blocks either way */
	EXPECT_OK(write_pat_path("/t", 11, 0, big));
	EXPECT_EQ(st_of("/t").blocks, dense_sectors(big / bs));
	/* shrink into the middle of a block: the tail must read as zeros
	 * when the file grows again */
	const uint64_t cut = 5 * bs + 123;
	EXPECT_OK(vfs_truncate("/t", cut));
	EXPECT_EQ(st_of("/t").size, cut);
	EXPECT_EQ(st_of("/t").blocks, dense_sectors(6));
	EXPECT(check_pat_path("/t", 11, 0, cut));
	EXPECT_OK(vfs_truncate("/t", 8 * bs));
	EXPECT_EQ(st_of("/t").size, 8 * bs);
	EXPECT_EQ(st_of("/t").blocks, dense_sectors(6)); /* grew as a hole */
	EXPECT(check_pat_path("/t", 11, 0, cut));
	EXPECT(check_pat_path("/t", 0, cut, 8 * bs - cut));
	/* ftruncate through a description; its offset stays */
	EXPECT_OK(vfs_open("/t", O_RDWR, 0, &f));
	EXPECT_EQ(vfs_lseek(f, 0, SEEK_END), 8 * bs);
	EXPECT_OK(vfs_ftruncate(f, 100));
	struct vfs_stat st;
	EXPECT_OK(vfs_fstat(f, &st));
	EXPECT_EQ(st.size, 100);
	EXPECT_EQ(st.blocks, bs / 512);
	uint8_t c;
	EXPECT_EQ(vfs_read(f, &c, 1), 0);   /* offset past the end */
	EXPECT_EQ(vfs_write(f, "Z", 1), 1); /* makes a hole up to 8 * bs */
	EXPECT_EQ(vfs_fstat(f, &st), 0);
	EXPECT_EQ(st.size, 8 * bs + 1);
	EXPECT(check_pat(f, 0, 100, 8 * bs - 100, "hole after ftruncate"));
	EXPECT_OK(vfs_ftruncate(f, 0));
	EXPECT_OK(vfs_fstat(f, &st));
	EXPECT_EQ(st.size, 0);
	EXPECT_EQ(st.blocks, 0);
	vfs_close(f);
	EXPECT_OK(vfs_open("/t", O_RDONLY, 0, &f));
	EXPECT_EQ(vfs_ftruncate(f, 0), -EINVAL); /* not open for writing */
	vfs_close(f);
	/* O_TRUNC */
	EXPECT_OK(write_pat_path("/t", 12, 0, 3 * bs));
	EXPECT_OK(vfs_open("/t", O_WRONLY | O_TRUNC, 0, &f));
	EXPECT_OK(vfs_fstat(f, &st));
	EXPECT_EQ(st.size, 0);
	EXPECT_EQ(st.blocks, 0);
	EXPECT_EQ(vfs_write(f, "new", 3), 3);
	vfs_close(f);
	EXPECT_STREQ(fs_gets("/t"), "new");
	/* O_TRUNC with O_RDONLY is unspecified by POSIX; Linux truncates */
	EXPECT_OK(fs_put("/t2", "data", 4));
	EXPECT_OK(vfs_open("/t2", O_RDONLY | O_TRUNC, 0, &f));
	vfs_close(f);
	EXPECT_EQ(st_of("/t2").size, 0);
	EXPECT_OK(vfs_mkdir("/dir", 0755));
	EXPECT_EQ(vfs_truncate("/dir", 0), -EISDIR);
	EXPECT_EQ(vfs_truncate("/nope", 0), -ENOENT);
	/* a file into the double-indirect blocks, truncated in steps back
	 * through every level */
	const uint64_t p = bs / 4, whole = (12 + p + 10) * (uint64_t)bs;
	EXPECT_OK(write_pat_path("/steps", 13, 0, whole));
	uint64_t steps[] = {whole - 1,
			    (12 + p) * (uint64_t)bs + 1,
			    (12 + p) * (uint64_t)bs,
			    12ull * bs + 1,
			    12ull * bs,
			    1,
			    0};
	for (size_t i = 0; i < ARRAY_SIZE(steps); i++) {
		EXPECT_OK(vfs_truncate("/steps", steps[i]));
		uint64_t blocks = (steps[i] + bs - 1) / bs;
		if (st_of("/steps").blocks != dense_sectors(blocks))
			UNIT_FAIL("truncate to %llu: %llu sectors, want %llu",
				  (unsigned long long)steps[i],
				  (unsigned long long)st_of("/steps").blocks,
				  (unsigned long long)dense_sectors(blocks));
		if (steps[i] > 1)
			EXPECT(check_pat_path("/steps", 13, steps[i] - 2, 2));
	}
	stop();
	expect_image_stat("/t", "regular", 1, 3, bs / 512);
	expect_image_stat("/steps", "regular", 1, 0, 0);
	expect_image_stat("/t2", "regular", 1, 0, 0);
	free_counts(&free1, &ifree1);
	EXPECT_EQ(free0 - free1, 2); /* /t's block and /dir's */
	EXPECT_EQ(ifree0 - ifree1, 4);
}

/* open's flags and errors. */
static void open_flags(void)
{
	struct file *f = NULL;
	char name255[257], p256[258];

	if (!start(4096, NULL))
		return;
	EXPECT_OK(vfs_mkdir("/d", 0755));
	EXPECT_OK(fs_put("/f", "0123456789", 10));
	name255[0] = '/'; /* "/" and 255 bytes */
	memset(name255 + 1, 'L', 255);
	name255[256] = '\0';
	p256[0] = '/'; /* "/" and 256 bytes */
	memset(p256 + 1, 'M', 256);
	p256[257] = '\0';

	static const struct {
		const char *path;
		int flags, want;
	} rows[] = {
	    {"/f", O_RDONLY | O_DIRECTORY, -ENOTDIR},
	    {"/f/x", O_RDONLY, -ENOTDIR},
	    {"/f/", O_RDONLY, -ENOTDIR},
	    {"/f/x", O_RDONLY | O_CREAT, -ENOTDIR},
	    {"/f/", O_RDONLY | O_CREAT, -EISDIR},
	    {"/newfile/", O_RDWR | O_CREAT, -EISDIR},
	    {"/nope", O_RDONLY, -ENOENT},
	    {"/nope/x", O_RDONLY | O_CREAT, -ENOENT},
	    {"/f", O_CREAT | O_EXCL | O_RDWR, -EEXIST},
	    {"/d", O_CREAT | O_EXCL | O_RDWR, -EEXIST},
	    {"/d", O_CREAT | O_RDWR, -EISDIR},
	    {"/d", O_WRONLY, -EISDIR},
	    {"/d", O_RDWR, -EISDIR},
	    {"/d", O_RDONLY | O_TRUNC, -EISDIR},
	    {"", O_RDONLY, -ENOENT},
	    {"/", O_RDONLY | O_DIRECTORY, 0},
	    {"/d/", O_RDONLY, 0},
	    {"/d/.", O_RDONLY | O_DIRECTORY, 0},
	    {"//d//..//f", O_RDONLY, 0},
	};
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		int got = vfs_open(rows[i].path, rows[i].flags, 0644, &f);
		if (got != rows[i].want)
			UNIT_FAIL("open \"%s\" %#o: got %d, want %d",
				  rows[i].path, rows[i].flags, got,
				  rows[i].want);
		if (!got)
			vfs_close(f);
	}
	/* names of 255 and 256 bytes */
	EXPECT_OK(fs_put(name255, "long", 4));
	EXPECT_STREQ(fs_gets(name255), "long");
	EXPECT_EQ(vfs_open(p256, O_CREAT | O_RDWR, 0644, &f), -ENAMETOOLONG);
	EXPECT_EQ(vfs_open(p256, O_RDONLY, 0, &f), -ENAMETOOLONG);
	EXPECT_EQ(vfs_mkdir(p256, 0755), -ENAMETOOLONG);
	struct vfs_stat st;
	EXPECT_EQ(fs_st(p256, &st), -ENAMETOOLONG);
	EXPECT_EQ(vfs_unlink(p256), -ENAMETOOLONG);
	EXPECT_EQ(vfs_rename("/f", p256), -ENAMETOOLONG);
	EXPECT_EQ(vfs_link("/f", p256), -ENAMETOOLONG);
	EXPECT_EQ(vfs_symlink("/f", p256), -ENAMETOOLONG);
	char mid[400];
	snprintf(mid, sizeof(mid), "%s/x", p256); /* too long in the middle */
	EXPECT_EQ(fs_st(mid, &st), -ENAMETOOLONG);
	/* the walk to the last name comes first, as in Linux */
	char nope256[300], f256[300], d256[300];
	snprintf(nope256, sizeof(nope256), "/nope%s", p256);
	snprintf(f256, sizeof(f256), "/f%s", p256);
	snprintf(d256, sizeof(d256), "/d%s", p256);
	EXPECT_EQ(vfs_open(nope256, O_CREAT | O_RDWR, 0644, &f), -ENOENT);
	EXPECT_EQ(vfs_open(f256, O_CREAT | O_RDWR, 0644, &f), -ENOTDIR);
	EXPECT_EQ(vfs_open(d256, O_CREAT | O_RDWR, 0644, &f), -ENAMETOOLONG);
	EXPECT_EQ(vfs_mkdir(nope256, 0755), -ENOENT);
	EXPECT_EQ(vfs_mkdir(f256, 0755), -ENOTDIR);
	EXPECT_EQ(fs_st(nope256, &st), -ENOENT);
	EXPECT_EQ(vfs_rename("/f", nope256), -ENOENT);
	EXPECT_EQ(vfs_link("/f", nope256), -ENOENT);
	EXPECT_EQ(vfs_symlink("/f", nope256), -ENOENT);
	EXPECT_EQ(vfs_unlink(nope256), -ENOENT);
	EXPECT_EQ(vfs_rmdir(nope256), -ENOENT);
	EXPECT_OK(vfs_mkdir("/d/sub", 0755));
	char dirlong[300];
	snprintf(dirlong, sizeof(dirlong), "/d%s", name255);
	EXPECT_OK(vfs_mkdir(dirlong, 0755));

	/* O_APPEND: every write at the end, whatever the offset */
	EXPECT_OK(vfs_open("/f", O_WRONLY | O_APPEND, 0, &f));
	EXPECT_EQ(vfs_lseek(f, 0, SEEK_SET), 0);
	EXPECT_EQ(vfs_write(f, "ab", 2), 2);
	EXPECT_EQ(vfs_lseek(f, 0, SEEK_CUR), 12);
	EXPECT_EQ(vfs_lseek(f, 3, SEEK_SET), 3);
	EXPECT_EQ(vfs_write(f, "cd", 2), 2);
	char buf[32];
	EXPECT_EQ(vfs_read(f, buf, 1), -EBADF); /* write-only */
	vfs_close(f);
	EXPECT_STREQ(fs_gets("/f"), "0123456789abcd");
	EXPECT_OK(vfs_open("/f", O_RDONLY, 0, &f));
	EXPECT_EQ(vfs_write(f, "x", 1), -EBADF);
	vfs_close(f);
	/* O_EXCL creates when the name is free */
	EXPECT_OK(vfs_open("/excl", O_CREAT | O_EXCL | O_WRONLY, 0600, &f));
	vfs_close(f);
	EXPECT_EQ(st_of("/excl").mode, S_IFREG | 0600);
	/* reading a directory */
	EXPECT_OK(vfs_open("/d", O_RDONLY, 0, &f));
	EXPECT_EQ(vfs_read(f, buf, 8), -EISDIR);
	vfs_close(f);
	stop();
	expect_image_stat(name255, "regular", 1, 4, -1);
	char want[400];
	snprintf(want, sizeof(want), ". .. %s d excl f lost+found",
		 name255 + 1);
	expect_image_list("/", want);
	expect_image_stat(dirlong, "directory", 2, -1, -1);
	expect_image_stat("/d", "directory", 4, -1, -1);
	expect_image_stat("/f", "regular", 1, 14, -1);
}

/* lseek: SEEK_SET, SEEK_CUR, SEEK_END, errors, writing past the end. */
static void seeking(void)
{
	struct file *f;
	char buf[64];

	if (!start(4096, NULL))
		return;
	EXPECT_OK(fs_put("/s", "abcdefghij", 10));
	EXPECT_OK(vfs_open("/s", O_RDWR, 0, &f));
	static const struct {
		int64_t off;
		int whence;
		int64_t want;
	} rows[] = {
	    {0, SEEK_END, 10},	     {-3, SEEK_END, 7},
	    {2, SEEK_CUR, 9},	     {-9, SEEK_CUR, 0},
	    {-1, SEEK_SET, -EINVAL}, {-11, SEEK_END, -EINVAL},
	    {4, SEEK_SET, 4},	     {0, 7, -EINVAL},
	    {0, SEEK_CUR, 4},	     {100, SEEK_END, 110},
	    {5, SEEK_SET, 5},
	};
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		int64_t got = vfs_lseek(f, rows[i].off, rows[i].whence);
		if (got != rows[i].want)
			UNIT_FAIL(
			    "lseek(%lld, %d) row %zu: got %lld, want %lld",
			    (long long)rows[i].off, rows[i].whence, i,
			    (long long)got, (long long)rows[i].want);
	}
	EXPECT_EQ(vfs_read(f, buf, 3), 3);
	EXPECT(!memcmp(buf, "fgh", 3));
	EXPECT_EQ(vfs_lseek(f, 0, SEEK_CUR), 8);
	EXPECT_EQ(vfs_read(f, buf, 64), 2);
	EXPECT_EQ(vfs_read(f, buf, 64), 0);
	EXPECT_EQ(vfs_lseek(f, 20, SEEK_END), 30);
	EXPECT_EQ(vfs_write(f, "Z", 1), 1);
	EXPECT_EQ(vfs_lseek(f, 0, SEEK_END), 31);
	EXPECT_EQ(vfs_lseek(f, 0, SEEK_SET), 0);
	EXPECT_EQ(vfs_read(f, buf, 64), 31);
	EXPECT(!memcmp(
	    buf, "abcdefghij\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0Z", 31));
	vfs_close(f);
	stop();
	expect_image_file(
	    "/s",
	    (const uint8_t
		 *)"abcdefghij\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0Z",
	    31);
}

/* readdir: exact names, types and inode numbers, in pieces, across
 * blocks, after removals. */
struct limited {
	struct fs_names l;
	int room;
};

static int emit_limited(struct dir_context *ctx, const char *name, size_t len,
			uint32_t ino, unsigned type)
{
	struct limited *lim = (struct limited *)ctx;

	if (!lim->room)
		return 1;
	lim->room--;
	return fs_emit(ctx, name, len, ino, type);
}

static void directory_listing(void)
{
	char path[128];

	if (!start(4096, NULL))
		return;
	EXPECT_OK(vfs_mkdir("/d", 0755));
	EXPECT_STREQ(fs_list("/d"), ". ..");
	EXPECT_OK(fs_put("/d/file", "x", 1));
	EXPECT_OK(vfs_mkdir("/d/sub", 0755));
	EXPECT_OK(vfs_symlink("file", "/d/link"));
	struct fs_names l;
	EXPECT_OK(fs_readdir_all("/d", &l));
	EXPECT_EQ(l.n, 5);
	for (int i = 0; i < l.n; i++) {
		struct vfs_stat st;
		snprintf(path, sizeof(path), "/d/%s", l.names[i]);
		EXPECT_OK(vfs_stat(path, &st, false));
		if (st.ino != l.inos[i])
			UNIT_FAIL("readdir %s: inode %u, stat says %u", path,
				  l.inos[i], st.ino);
		unsigned want = S_ISDIR(st.mode)   ? DT_DIR
				: S_ISLNK(st.mode) ? DT_LNK
						   : DT_REG;
		if (l.types[i] != want)
			UNIT_FAIL("readdir %s: type %u, want %u", path,
				  l.types[i], want);
	}
	fs_names_free(&l);
	/* a directory over several blocks, read a few entries at a time */
	char longname[200];
	memset(longname, 'q', sizeof(longname));
	for (int i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "/d/%.100s%03d", longname, i);
		EXPECT_OK(fs_put(path, "", 0));
	}
	EXPECT(st_of("/d").size > V->bsize);
	struct file *f;
	struct limited lim = {.l.ctx.emit = emit_limited};
	EXPECT_OK(vfs_open("/d", O_RDONLY | O_DIRECTORY, 0, &f));
	for (int rounds = 0; rounds < 1000; rounds++) {
		int before = lim.l.n;
		lim.room = 3;
		EXPECT(vfs_readdir(f, &lim.l.ctx) >= 0);
		if (lim.l.n == before)
			break;
	}
	/* rewinding starts over */
	EXPECT_EQ(vfs_lseek(f, 0, SEEK_SET), 0);
	struct fs_names again = {.ctx.emit = fs_emit};
	EXPECT(vfs_readdir(f, &again.ctx) >= 0);
	EXPECT_EQ(again.n, 105);
	fs_names_free(&again);
	vfs_close(f);
	char got[65536];
	fs_join_sorted(lim.l.names, lim.l.n, got, sizeof(got));
	EXPECT_EQ(lim.l.n, 105);
	EXPECT_STREQ(got, fs_list("/d"));
	fs_names_free(&lim.l);
	for (int i = 0; i < 100; i += 3) {
		snprintf(path, sizeof(path), "/d/%.100s%03d", longname, i);
		EXPECT_OK(vfs_unlink(path));
	}
	EXPECT_OK(vfs_rmdir("/d/sub"));
	EXPECT_OK(vfs_unlink("/d/link"));
	EXPECT_OK(fs_readdir_all("/d", &l));
	EXPECT_EQ(l.n, 3 + 66);
	for (int i = 0; i < l.n; i++) {
		int k = l.names[i][0] == 'q' ? atoi(l.names[i] + 100) : -1;
		if (k >= 0 && k % 3 == 0)
			UNIT_FAIL("readdir shows the removed %s", l.names[i]);
	}
	fs_join_sorted(l.names, l.n, got, sizeof(got));
	fs_names_free(&l);
	/* readdir of a file */
	EXPECT_OK(vfs_open("/d/file", O_RDONLY, 0, &f));
	struct fs_names none = {.ctx.emit = fs_emit};
	EXPECT_EQ(vfs_readdir(f, &none.ctx), -ENOTDIR);
	vfs_close(f);
	stop();
	expect_image_list("/d", got);
	expect_image_stat("/d", "directory", 2, -1, -1);
}

/* stat fields against what was made and what debugfs reads. */
static void stat_fields(void)
{
	int64_t before = (int64_t)time(NULL);

	if (!start(4096, NULL))
		return;
	EXPECT_OK(vfs_mkdir("/dir", 0750));
	EXPECT_OK(fs_put("/file", "hello", 5));
	struct file *f;
	EXPECT_OK(vfs_open("/odd", O_CREAT | O_WRONLY, 0604, &f));
	vfs_close(f);
	EXPECT_OK(vfs_symlink("file", "/link"));
	EXPECT_OK(write_pat_path("/two", 1, 0, V->bsize + 1));
	static const struct {
		const char *path;
		bool follow;
		uint32_t mode, nlink;
		int64_t size; /* -1: a block, -2: a block and a byte */
		int blocks;   /* in file system blocks */
	} rows[] = {
	    {"/", true, S_IFDIR | 0755, 4, -1, 1},
	    {"/dir", true, S_IFDIR | 0750, 2, -1, 1},
	    {"/file", true, S_IFREG | 0644, 1, 5, 1},
	    {"/odd", true, S_IFREG | 0604, 1, 0, 0},
	    {"/link", false, S_IFLNK | 0777, 1, 4, 0},
	    {"/link", true, S_IFREG | 0644, 1, 5, 1},
	    {"/two", true, S_IFREG | 0644, 1, -2, 2},
	};
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		struct vfs_stat st;
		memset(&st, 0, sizeof(st));
		EXPECT_OK(vfs_stat(rows[i].path, &st, rows[i].follow));
		uint64_t size = rows[i].size == -1   ? V->bsize
				: rows[i].size == -2 ? V->bsize + 1
						     : (uint64_t)rows[i].size;
		if (st.mode != rows[i].mode || st.nlink != rows[i].nlink ||
		    st.size != size ||
		    st.blocks != (uint64_t)rows[i].blocks * (V->bsize / 512))
			UNIT_FAIL("stat %s: mode %o nlink %u size %llu blocks "
				  "%llu, want %o %u %llu %u",
				  rows[i].path, st.mode, st.nlink,
				  (unsigned long long)st.size,
				  (unsigned long long)st.blocks, rows[i].mode,
				  rows[i].nlink, (unsigned long long)size,
				  rows[i].blocks * (V->bsize / 512));
		if (st.dev != 0x0300)
			UNIT_FAIL("stat %s: dev %#x, want 0x300", rows[i].path,
				  st.dev);
		if (!strcmp(rows[i].path, "/file") &&
		    (st.mtime < before - 1 ||
		     st.mtime > (int64_t)time(NULL) + 1))
			UNIT_FAIL("stat /file: mtime %lld, not now",
				  (long long)st.mtime);
	}
	uint32_t file_ino = st_of("/file").ino, dir_ino = st_of("/dir").ino;
	EXPECT_EQ(st_of("/").ino, 2);
	stop();
	struct fs_dstat d;
	fs_dstat(IMG, "/file", &d);
	EXPECT_EQ(d.ino, file_ino);
	EXPECT(strstr(d.text, "Mode:  0644") != NULL);
	EXPECT_EQ(d.size, 5);
	EXPECT_EQ(d.links, 1);
	EXPECT_EQ(d.blockcount, V->bsize / 512);
	fs_dstat(IMG, "/dir", &d);
	EXPECT_EQ(d.ino, dir_ino);
	EXPECT(strstr(d.text, "Mode:  0750") != NULL);
	fs_dstat(IMG, "/odd", &d);
	EXPECT(strstr(d.text, "Mode:  0604") != NULL);
	expect_image_stat("/", "directory", 4, V->bsize, V->bsize / 512);
}

/* A directory indexed by e2fsck -D (htree) is read linearly, and
 * changing it drops the index flag. */
static void htree_directory(void)
{
	enum { N = 2000 };
	char out[4096];

	snprintf(IMG, sizeof(IMG), "%s", fs_path("img"));
	char stage[512], path[600];
	snprintf(stage, sizeof(stage), "%s", fs_path("stage"));
	EXPECT_OK(fs_sh(out, sizeof(out), "mkdir -p '%s/big'", stage));
	for (int i = 0; i < N; i++) {
		snprintf(path, sizeof(path), "%s/big/entry_%d", stage, i);
		FILE *f = fopen(path, "w");
		if (!f) {
			UNIT_FAIL("cannot make %s", path);
			return;
		}
		if (i == 7)
			fputs("some text\n", f);
		fclose(f);
	}
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "-N 4096 -O dir_index -d '%s'", stage);
	if (fs_mkfs(IMG, V->bsize, V->isize, 16384, cmd))
		return;
	int rc = fs_sh(out, sizeof(out), "e2fsck -fyD '%s' 2>&1", IMG);
	EXPECT(rc == 0 || rc == 1);
	struct fs_dstat d;
	fs_dstat(IMG, "/big", &d);
	if (!(d.flags & 0x1000)) {
		UNIT_FAIL(
		    "the image has no indexed directory (Flags %#llx): %s",
		    d.flags, out);
		return;
	}
	EXPECT_FSCK_CLEAN(IMG);
	if (!remount())
		return;
	struct fs_names l;
	EXPECT_OK(fs_readdir_all("/big", &l));
	EXPECT_EQ(l.n, N + 2);
	static char seen[N];
	memset(seen, 0, sizeof(seen));
	for (int i = 0; i < l.n; i++) {
		int k;
		if (sscanf(l.names[i], "entry_%d", &k) == 1 && k >= 0 && k < N)
			seen[k]++;
	}
	fs_names_free(&l);
	for (int i = 0; i < N; i++)
		if (seen[i] != 1) {
			UNIT_FAIL("readdir shows entry_%d %d times", i,
				  seen[i]);
			break;
		}
	struct vfs_stat st;
	for (int i = 0; i < N; i += 7) {
		snprintf(path, sizeof(path), "/big/entry_%d", i);
		if (fs_st(path, &st)) {
			UNIT_FAIL("stat %s: %d", path, fs_st(path, &st));
			break;
		}
	}
	EXPECT_STREQ(fs_gets("/big/entry_7"), "some text\n");
	EXPECT_EQ(fs_st("/big/entry_2000", &st), -ENOENT);
	/* change it */
	EXPECT_OK(fs_put("/big/added", "new", 3));
	EXPECT_OK(vfs_unlink("/big/entry_5"));
	EXPECT_OK(vfs_rename("/big/entry_6", "/big/renamed"));
	EXPECT_STREQ(fs_gets("/big/added"), "new");
	EXPECT_EQ(fs_st("/big/entry_5", &st), -ENOENT);
	stop();
	fs_dstat(IMG, "/big", &d);
	if (d.flags & 0x1000)
		UNIT_FAIL(
		    "the index flag is still set after changes (Flags %#llx)",
		    d.flags);
	expect_image_stat("/big/added", "regular", 1, 3, -1);
	expect_image_gone("/big/entry_5");
	expect_image_gone("/big/entry_6");
	expect_image_stat("/big/renamed", "regular", 1, 0, 0);
	expect_image_stat("/big/entry_1999", "regular", 1, 0, 0);
}

/* A full disk: writes end with -ENOSPC, then directories, then inodes
 * run out; nothing leaks and the space comes back. */
static void disk_full(void)
{
	long long free0, ifree0, free1, ifree1;
	struct file *f;
	struct vfs_stat st;
	char path[32];

	if (!start(1024, "-N 64 -m 0"))
		return;
	EXPECT_OK(fs_unmount());
	free_counts(&free0, &ifree0);
	if (!remount())
		return;
	EXPECT_OK(vfs_open("/fill", O_CREAT | O_WRONLY, 0644, &f));
	static uint8_t buf[8192];
	fs_fill(buf, sizeof(buf), 4, 0);
	uint64_t total = 0;
	long got = 0;
	for (int i = 0; i < 1000; i++) {
		got = vfs_write(f, buf, sizeof(buf));
		if (got <= 0)
			break;
		total += (uint64_t)got;
	}
	EXPECT_EQ(got, -ENOSPC);
	EXPECT_EQ(vfs_write(f, buf, 1), -ENOSPC);
	vfs_close(f);
	EXPECT(total > 512 * 1024);
	EXPECT_EQ(st_of("/fill").size, total);
	/* a block or so may be left (a data block needing an indirect one):
	 * directories take one each until none is left */
	int dirs = 0, err = 0;
	for (; dirs < 10; dirs++) {
		snprintf(path, sizeof(path), "/nd%d", dirs);
		if ((err = vfs_mkdir(path, 0755)))
			break;
	}
	EXPECT_EQ(err, -ENOSPC);
	EXPECT(dirs <= 2);
	EXPECT_EQ(fs_st(path, &st), -ENOENT);
	/* the data written is intact */
	EXPECT_OK(vfs_open("/fill", O_RDONLY, 0, &f));
	static uint8_t back[8192];
	for (uint64_t off = 0; off < total; off += sizeof(back)) {
		long n = vfs_pread(f, back, sizeof(back), off);
		if (n != (long)MIN(sizeof(back), total - off) ||
		    memcmp(back, buf, (size_t)n)) {
			UNIT_FAIL("reading the full file at %llu: %ld",
				  (unsigned long long)off, n);
			break;
		}
	}
	vfs_close(f);
	stop();
	free_counts(&free1, &ifree1);
	EXPECT_EQ(free1, 0);
	expect_image_stat("/fill", "regular", 1, (long long)total, -1);
	/* inodes run out too */
	if (!remount())
		return;
	EXPECT_OK(vfs_unlink("/fill"));
	for (int i = 0; i < dirs; i++) {
		snprintf(path, sizeof(path), "/nd%d", i);
		EXPECT_OK(vfs_rmdir(path));
	}
	int made = 0;
	for (; made < 100; made++) {
		snprintf(path, sizeof(path), "/i%d", made);
		if ((err = vfs_open(path, O_CREAT | O_WRONLY, 0644, &f)))
			break;
		vfs_close(f);
	}
	EXPECT_EQ(err, -ENOSPC);
	EXPECT_EQ(made, ifree0);
	EXPECT_EQ(fs_st(path, &st), -ENOENT);
	EXPECT_EQ(vfs_mkdir("/nodir", 0755), -ENOSPC);
	EXPECT_EQ(vfs_symlink("x", "/nolink"), -ENOSPC);
	for (int i = 0; i < made; i++) {
		snprintf(path, sizeof(path), "/i%d", i);
		EXPECT_OK(vfs_unlink(path));
	}
	stop();
	free_counts(&free1, &ifree1);
	EXPECT_EQ(ifree1, ifree0);
	EXPECT_EQ(free1, free0);
}

/* vfs_sync leaves the image consistent while still mounted; fsync too. */
static void sync_while_mounted(void)
{
	struct file *f;

	if (!start(4096, NULL))
		return;
	EXPECT_OK(vfs_mkdir("/d", 0755));
	EXPECT_OK(write_pat_path("/d/data", 21, 0, 50000));
	EXPECT_OK(vfs_symlink("d/data", "/l"));
	EXPECT_OK(vfs_sync());
	EXPECT_FSCK_CLEAN(IMG);
	expect_image_pat("/d/data", 21, 50000);
	EXPECT_OK(vfs_open("/d/data", O_WRONLY | O_APPEND, 0, &f));
	EXPECT_OK(write_pat(f, 21, 50000, 10000));
	EXPECT_OK(vfs_fsync(f));
	expect_image_pat("/d/data", 21, 60000);
	vfs_close(f);
	EXPECT_OK(vfs_unlink("/l"));
	EXPECT_OK(vfs_sync());
	EXPECT_FSCK_CLEAN(IMG);
	expect_image_gone("/l");
	stop();
	/* unmounting marks the filesystem clean */
	char out[65536];
	fs_debugfs(IMG, out, sizeof(out), "stats");
	EXPECT(strstr(out, "Filesystem state:         clean") != NULL);
}

/* Everything survives a remount, read through the VFS again. */
static void remount_reads_back(void)
{
	if (!start(4096, NULL))
		return;
	EXPECT_OK(vfs_mkdir("/a", 0700));
	EXPECT_OK(vfs_mkdir("/a/b", 0755));
	EXPECT_OK(write_pat_path("/a/b/f", 31, 0, 70000));
	EXPECT_OK(vfs_symlink("a/b/f", "/s"));
	EXPECT_OK(vfs_link("/a/b/f", "/a/h"));
	EXPECT_OK(fs_unmount());
	if (!remount())
		return;
	EXPECT(check_pat_path("/s", 31, 0, 70000));
	EXPECT_EQ(st_of("/a/h").nlink, 2);
	EXPECT_EQ(st_of("/a").mode, S_IFDIR | 0700);
	EXPECT_EQ(st_of("/a").nlink, 3);
	EXPECT_STREQ(fs_list("/a"), ". .. b h");
	EXPECT_OK(vfs_chdir("/a/b"));
	EXPECT(check_pat_path("f", 31, 0, 70000));
	EXPECT(check_pat_path("../h", 31, 0, 70000));
	EXPECT_OK(fs_put("rel", "r", 1));
	EXPECT_STREQ(fs_gets("/a/b/rel"), "r");
	stop();
	expect_image_stat("/a/b/rel", "regular", 1, 1, -1);
}

/* ---- the table: every scenario on every variant */

#define SCENARIO(fn, secs)                                                     \
	static void fn##_run(void *v)                                          \
	{                                                                      \
		const char *only = getenv("FS_TEST");                          \
		V = v;                                                         \
		if (!only || strstr(#fn, only))                                \
			fn();                                                  \
	}                                                                      \
	TEST(fn##_0)                                                           \
	{                                                                      \
		fs_forked(fn##_run, (void *)&variants[0], secs, true, "");     \
	}                                                                      \
	TEST(fn##_1)                                                           \
	{                                                                      \
		fs_forked(fn##_run, (void *)&variants[1], secs, true, "");     \
	}                                                                      \
	TEST(fn##_2)                                                           \
	{                                                                      \
		fs_forked(fn##_run, (void *)&variants[2], secs, true, "");     \
	}                                                                      \
	TEST(fn##_3)                                                           \
	{                                                                      \
		fs_forked(fn##_run, (void *)&variants[3], secs, true, "");     \
	}

#define CASES4(fn)                                                             \
	{#fn " [1k/128]", fn##_0}, {#fn " [1k/256]", fn##_1},                  \
	    {#fn " [4k/128]", fn##_2},                                         \
	{                                                                      \
#fn " [4k/256]", fn##_3                                        \
	}

SCENARIO(big_directory, 15)
SCENARIO(file_8mib, 15)
SCENARIO(triple_indirect, 15)
SCENARIO(sparse_file, 15)
SCENARIO(nested_dirs, 15)
SCENARIO(renames, 15)
SCENARIO(hard_links, 15)
SCENARIO(symlinks, 15)
SCENARIO(unlink_while_open, 15)
SCENARIO(truncation, 15)
SCENARIO(open_flags, 15)
SCENARIO(seeking, 15)
SCENARIO(directory_listing, 15)
SCENARIO(stat_fields, 15)
SCENARIO(htree_directory, 15)
SCENARIO(disk_full, 15)
SCENARIO(sync_while_mounted, 15)
SCENARIO(remount_reads_back, 15)

UNIT_MAIN(CASES4(big_directory), CASES4(file_8mib), CASES4(triple_indirect),
	  CASES4(sparse_file), CASES4(nested_dirs), CASES4(renames),
	  CASES4(hard_links), CASES4(symlinks), CASES4(unlink_while_open),
	  CASES4(truncation), CASES4(open_flags), CASES4(seeking),
	  CASES4(directory_listing), CASES4(stat_fields),
	  CASES4(htree_directory), CASES4(disk_full),
	  CASES4(sync_while_mounted), CASES4(remount_reads_back))
