/* tests/unit/fs/test_ext2_fuzz.c - ext2 on corrupted images.
 *
 * Two small populated images (1 KiB blocks with 128-byte inodes, 4 KiB
 * blocks with 256-byte inodes; made once with mke2fs -d
 * from a staging tree: directories, a directory over several blocks,
 * files of various sizes up to double-indirect blocks, fast and slow
 * symlinks, a hard link) are corrupted in their metadata: superblock,
 * group descriptors, bitmaps, the used part of the inode table, directory
 * blocks and indirect blocks, located by parsing the superblock and with
 * debugfs.  Each case (a seed) flips a few random bytes or fields, then in
 * a forked child with a time budget mounts the image, walks the whole
 * tree (readdir, lstat, stat, read every file, readlink), makes a few
 * changes (create, write, mkdir, rename, unlink, truncate) and unmounts.
 *
 * Passing means: no crash, no sanitizer report (leaks are checked in
 * every fifth random case, as the check is slow), no hang, and every error
 * is one a corrupt filesystem may give (-EIO, -EUCLEAN, -ENOENT, ...),
 * never -ENOMEM or a wild value.  The kernel log is quiet
 * (host_log_quiet) and its lines are counted.  Targeted cases check
 * particular damage: bad magic, an absurd block size, inodes_per_group 0,
 * a directory that contains itself, a record length of 0, a block pointer
 * past the end, an indirect block that points to itself, unsupported
 * feature bits.
 *
 * FS_FUZZ_CASE=N runs only random case N (to reproduce a failure);
 * FS_FUZZ_CASES=N runs N random cases instead of 500; FS_FUZZ_FLIPS=N
 * makes up to N changes per image instead of 4.
 */
#include <sys/mman.h>

#include "tests/unit/fs/fsutil.h"

#define GROUPS 10 /* random cases are reported in this many groups */

static unsigned ncases = 500;  /* FS_FUZZ_CASES */
static unsigned max_flips = 4; /* FS_FUZZ_FLIPS */

/* ---- the images and where their metadata lives */

struct region {
	uint32_t off, len;
	int kind;
};

enum { R_SUPER, R_GDT, R_BITMAP, R_ITABLE, R_DIR, R_IND, R_KINDS };

struct base {
	unsigned bsize, isize;
	uint8_t *data;
	size_t size;
	struct region regions[512];
	int nregions;
	char path[512];
};

static struct base bases[2];

static uint32_t get32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void add_region(struct base *b, uint32_t off, uint32_t len, int kind)
{
	if (b->nregions < (int)ARRAY_SIZE(b->regions) && len &&
	    off + len <= b->size)
		b->regions[b->nregions++] = (struct region){off, len, kind};
}

/* Blocks debugfs names in "stat" output: (IND):n, (DIND):n, (TIND):n. */
static void add_indirect(struct base *b, const char *path)
{
	struct fs_dstat d;
	static const char *const keys[] = {"(IND):", "(DIND):", "(TIND):"};

	fs_dstat(b->path, path, &d);
	for (size_t k = 0; k < ARRAY_SIZE(keys); k++)
		for (const char *p = strstr(d.text, keys[k]); p;
		     p = strstr(p + 1, keys[k]))
			add_region(
			    b,
			    (uint32_t)strtoul(p + strlen(keys[k]), NULL, 10) *
				b->bsize,
			    b->bsize, R_IND);
}

/* A directory's blocks, from debugfs "blocks". */
static void add_dir(struct base *b, const char *path)
{
	char out[4096];

	fs_debugfs(b->path, out, sizeof(out), "blocks \"%s\"", path);
	for (char *p = out, *end; *p; p = end) {
		unsigned long blk = strtoul(p, &end, 10);
		if (end == p)
			break;
		add_region(b, (uint32_t)blk * b->bsize, b->bsize, R_DIR);
	}
}

static const char *const tree_dirs[] = {
    "/",	   "/etc",	 "/bin",
    "/users",	   "/users/user", "/users/user/docs",
    "/deep",	   "/deep/a",	 "/deep/a/b",
    "/deep/a/b/c", "/many",
};
static const char *const tree_files[] = {
    "/etc/motd",       "/etc/empty",	       "/bin/medium",
    "/bin/big",	       "/users/user/docs/note", "/deep/a/b/c/leaf",
    "/users/user/hard",
};

/* The staging tree, once per group child. */
static bool make_stage(const char *stage)
{
	char out[4096];

	if (fs_sh(
		out, sizeof(out),
		"set -e; cd '%s'; mkdir -p etc bin users/user/docs deep/a/b/c "
		"many; "
		"echo 'welcome to the fuzzed filesystem' > etc/motd; : > "
		"etc/empty; "
		"head -c 20000 /dev/zero | tr '\\0' m > bin/medium; "
		"i=0; while [ $i -lt 12500 ]; do echo \"line $i of the big "
		"file\"; i=$((i+1)); done > bin/big; "
		"echo note > users/user/docs/note; echo leaf > deep/a/b/c/leaf; "
		"ln users/user/docs/note users/user/hard; "
		"ln -s ../etc/motd bin/fast; "
		"ln -s "
		"/users/user/docs/../../deep/a/b/c/leaf/"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
		"deep/slow; "
		"ln -s ../many users/up; "
		"i=0; while [ $i -lt 60 ]; do : > "
		"many/entry_with_a_long_name_$i; i=$((i+1)); done",
		stage)) {
		UNIT_FAIL("making the staging tree: %s", out);
		return false;
	}
	return true;
}

static bool make_base(struct base *b, unsigned bsize, unsigned isize,
		      const char *stage)
{
	char opts[600];

	b->bsize = bsize;
	b->isize = isize;
	snprintf(b->path, sizeof(b->path), "%s/base%u.img", fs_dir, bsize);
	snprintf(opts, sizeof(opts), "-N 256 -g %u -d '%s'",
		 bsize == 1024 ? 1024 : 256, stage);
	if (fs_mkfs(b->path, bsize, isize, 2048, opts)) /* two groups */
		return false;
	uint8_t *data = fs_slurp(b->path, &b->size);
	if (!data || b->size < 65536) {
		UNIT_FAIL("reading %s", b->path);
		return false;
	}
	/* kept outside the heap, where LeakSanitizer would scan it at
	 * every case's exit */
	b->data = mmap(NULL, b->size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (b->data == MAP_FAILED) {
		UNIT_FAIL("mmap: %s", strerror(errno));
		return false;
	}
	memcpy(b->data, data, b->size);
	free(data);
	/* superblock, descriptors, bitmaps, the used inodes */
	const uint8_t *sb = b->data + 1024;
	uint32_t first = get32(sb + 20), bpg = get32(sb + 32),
		 ipg = get32(sb + 40);
	uint32_t blocks = get32(sb + 4),
		 groups = (blocks - first + bpg - 1) / bpg;
	b->nregions = 0;
	add_region(b, 1024, 264, R_SUPER);
	uint32_t gdt = (first + 1) * bsize;
	add_region(b, gdt, groups * 32, R_GDT);
	for (uint32_t g = 0; g < groups; g++) {
		const uint8_t *gd = b->data + gdt + 32 * g;
		add_region(b, get32(gd) * bsize, bsize, R_BITMAP);
		add_region(b, get32(gd + 4) * bsize, bsize, R_BITMAP);
		uint32_t used = ipg - (gd[14] | gd[15] << 8);
		add_region(b, get32(gd + 8) * bsize, MAX(used, 12u) * isize,
			   R_ITABLE);
	}
	for (size_t i = 0; i < ARRAY_SIZE(tree_dirs); i++)
		add_dir(b, tree_dirs[i]);
	for (size_t i = 0; i < ARRAY_SIZE(tree_files); i++)
		add_indirect(b, tree_files[i]);
	int kinds[R_KINDS] = {0};
	for (int i = 0; i < b->nregions; i++)
		kinds[b->regions[i].kind]++;
	for (int k = 0; k < R_KINDS; k++)
		if (!kinds[k]) {
			UNIT_FAIL("base image %u: no metadata region of kind "
				  "%d found",
				  bsize, k);
			return false;
		}
	return true;
}

static bool make_bases(void)
{
	char stage[512];

	snprintf(stage, sizeof(stage), "%s/stage", fs_dir);
	char out[256];
	fs_sh(out, sizeof(out), "mkdir -p '%s'", stage);
	return make_stage(stage) && make_base(&bases[0], 1024, 128, stage) &&
	       make_base(&bases[1], 4096, 256, stage);
}

/* Writes data as the case's image file; its path in img. */
static bool write_image(const uint8_t *data, size_t size, char *img,
			size_t imgsize)
{
	snprintf(img, imgsize, "%s/case%d.img", fs_dir, (int)getpid());
	FILE *f = fopen(img, "wb");
	bool ok = f && fwrite(data, 1, size, f) == size;

	if (f)
		fclose(f);
	return ok;
}

/* ---- exercising a (maybe broken) filesystem */

struct stats {
	unsigned long cases, refused, mounted, errors, log_lines, entries;
};

static struct stats *shared; /* in memory shared with the case children */

static bool allowed_error(long err)
{
	switch (-err) {
	case EIO:
	case EUCLEAN:
	case ENOENT:
	case ENOTDIR:
	case EISDIR:
	case ELOOP:
	case ENAMETOOLONG:
	case EINVAL:
	case ENOSPC:
	case EFBIG:
	case EEXIST:
	case ENOTEMPTY:
	case EMLINK:
	case EOVERFLOW:
	case EROFS:
	case EPERM:
	case ENXIO:
	case ENODEV: /* a regular file whose mode now says device */
		return true;
	}
	return false;
}

static unsigned long errors_seen;

/* Checks a call's result: a count in [0, max] or an allowed error. */
static bool ok_result(const char *what, const char *path, long r, long max)
{
	if (r >= 0 && r <= max)
		return true;
	if (r < 0 && allowed_error(r)) {
		errors_seen++;
		return false;
	}
	UNIT_FAIL("%s %s: returned %ld", what, path, r);
	return false;
}

static unsigned long walked;

static void walk(const char *dir, int depth)
{
	struct fs_names l;
	char path[1024];

	if (depth > 12 || walked > 3000 || unit_failures)
		return;
	int err = fs_readdir_all(dir, &l);
	if (!ok_result("readdir", dir, err, 0)) {
		fs_names_free(&l);
		return;
	}
	for (int i = 0; i < l.n && walked < 3000 && !unit_failures; i++) {
		walked++;
		if (!strcmp(l.names[i], ".") || !strcmp(l.names[i], ".."))
			continue;
		snprintf(path, sizeof(path), "%s%s%s", dir,
			 strcmp(dir, "/") ? "/" : "", l.names[i]);
		struct vfs_stat st;
		memset(&st, 0, sizeof(st));
		if (!ok_result("lstat", path, vfs_stat(path, &st, false), 0))
			continue;
		if (S_ISDIR(st.mode)) {
			walk(path, depth + 1);
		} else if (S_ISLNK(st.mode)) {
			char buf[PATH_MAX];
			ok_result("readlink", path,
				  vfs_readlink(path, buf, sizeof(buf)),
				  sizeof(buf));
			ok_result("stat", path, fs_st(path, &st), 0);
		} else if (S_ISREG(st.mode)) {
			struct file *f;
			if (!ok_result("open", path,
				       vfs_open(path, O_RDONLY, 0, &f), 0))
				continue;
			static uint8_t buf[65536];
			uint64_t total = 0;
			for (int n = 0; n < 64; n++) { /* at most 4 MiB */
				long got = vfs_read(f, buf, sizeof(buf));
				if (!ok_result("read", path, got,
					       sizeof(buf)) ||
				    !got)
					break;
				total += (uint64_t)got;
			}
			/* a read far out, maybe into indirect blocks */
			ok_result("pread", path,
				  vfs_pread(f, buf, 4096, st.size / 2), 4096);
			vfs_close(f);
		} else {
			/* a device or fifo from a corrupt mode: stat only */
		}
	}
	fs_names_free(&l);
}

/* A few changes; every result must be a count or an allowed error. */
static void change_things(void)
{
	struct file *f;
	static uint8_t buf[20000];

	memset(buf, 'w', sizeof(buf));
	if (ok_result("create", "/fuzz_new",
		      vfs_open("/fuzz_new", O_CREAT | O_RDWR, 0644, &f), 0)) {
		ok_result("write", "/fuzz_new", vfs_write(f, buf, sizeof(buf)),
			  sizeof(buf));
		ok_result("pwrite", "/fuzz_new",
			  vfs_pwrite(f, buf, 100, 300000), 100);
		vfs_close(f);
	}
	ok_result("mkdir", "/fuzz_dir", vfs_mkdir("/fuzz_dir", 0755), 0);
	ok_result("rename", "/fuzz_new",
		  vfs_rename("/fuzz_new", "/fuzz_dir/moved"), 0);
	ok_result("symlink", "/fuzz_link",
		  vfs_symlink("fuzz_dir/moved", "/fuzz_link"), 0);
	ok_result("link", "/fuzz_dir/moved",
		  vfs_link("/fuzz_dir/moved", "/fuzz_hard"), 0);
	if (ok_result("open", "/etc/motd",
		      vfs_open("/etc/motd", O_WRONLY | O_APPEND, 0, &f), 0)) {
		ok_result("append", "/etc/motd", vfs_write(f, "more\n", 5), 5);
		vfs_close(f);
	}
	ok_result("truncate", "/bin/big", vfs_truncate("/bin/big", 5000), 0);
	ok_result("unlink", "/bin/medium", vfs_unlink("/bin/medium"), 0);
	ok_result("unlink", "/many/entry_with_a_long_name_7",
		  vfs_unlink("/many/entry_with_a_long_name_7"), 0);
	ok_result("rename", "/deep/a", vfs_rename("/deep/a", "/users/a"), 0);
	ok_result("rmdir", "/users/user/docs", vfs_rmdir("/users/user/docs"), 0);
	ok_result("unlink", "/fuzz_dir/moved", vfs_unlink("/fuzz_dir/moved"),
		  0);
	ok_result("rmdir", "/fuzz_dir", vfs_rmdir("/fuzz_dir"), 0);
	ok_result("sync", "", vfs_sync(), 0);
}

/* Mounts img, walks, changes, unmounts; counts into shared. */
static void exercise(const char *img)
{
	host_log_quiet = 1;
	unsigned long lines0 = host_log_lines;
	int err = fs_mount(img);

	if (err) {
		if (!allowed_error(err))
			UNIT_FAIL("mount returned %d", err);
		if (shared)
			shared->refused++;
	} else {
		walked = 0;
		walk("/", 0);
		if (!unit_failures)
			change_things();
		if (!unit_failures)
			walk("/", 0);
		err = fs_unmount();
		if (err && !allowed_error(err))
			UNIT_FAIL("unmount returned %d", err);
		if (shared) {
			shared->mounted++;
			shared->entries += walked;
		}
	}
	if (shared) {
		shared->errors += errors_seen;
		shared->log_lines += host_log_lines - lines0;
	}
}

/* ---- random corruption */

static const int kind_weight[R_KINDS] = {8, 8, 8, 36, 28, 12};

static void corrupt(struct base *b, uint8_t *img, uint64_t *rng)
{
	int flips = 1 + (int)(fs_rand(rng) % max_flips);

	for (int i = 0; i < flips; i++) {
		int total = 0, pick, kind = 0;
		for (int k = 0; k < R_KINDS; k++)
			total += kind_weight[k];
		pick = (int)(fs_rand(rng) % (unsigned)total);
		while (pick >= kind_weight[kind])
			pick -= kind_weight[kind++];
		int n = 0, chosen = -1;
		for (int r = 0; r < b->nregions;
		     r++) /* reservoir: a region of that kind */
			if (b->regions[r].kind == kind &&
			    fs_rand(rng) % (unsigned)++n == 0)
				chosen = r;
		if (chosen < 0)
			continue;
		const struct region *r = &b->regions[chosen];
		uint32_t off = r->off + fs_rand(rng) % r->len;
		switch (fs_rand(rng) % 6) {
		case 0: /* a random byte */
			img[off] = (uint8_t)fs_rand(rng);
			break;
		case 1: /* one bit */
			img[off] ^= (uint8_t)(1u << (fs_rand(rng) % 8));
			break;
		case 2: /* a 32-bit field: zero */
			off &= ~3u;
			put32(img + off, 0);
			break;
		case 3: /* a 32-bit field: all ones */
			off &= ~3u;
			put32(img + off, 0xffffffffu);
			break;
		case 4: /* a 32-bit field: a small number (a plausible block) */
			off &= ~3u;
			put32(img + off,
			      fs_rand(rng) %
				  (uint32_t)(b->size / b->bsize + 16));
			break;
		default: /* a 32-bit field: anything */
			off &= ~3u;
			put32(img + off, fs_rand(rng));
			break;
		}
	}
}

struct fuzz_arg {
	unsigned seed;
};

static void random_case(void *arg)
{
	unsigned seed = ((struct fuzz_arg *)arg)->seed;
	uint64_t rng = 0xD1B54A32D192ED03ull * (seed + 7);
	struct base *b = &bases[seed % 2];
	uint8_t *img = malloc(b->size);
	char path[512];

	memcpy(img, b->data, b->size);
	corrupt(b, img, &rng);
	if (!write_image(img, b->size, path, sizeof(path))) {
		UNIT_FAIL("cannot write the case image");
		free(img);
		return;
	}
	free(img);
	if (shared)
		shared->cases++;
	exercise(path);
	remove(path);
	fs_skip_leak_check = seed % 5 != 0; /* leaks: every fifth case */
}

static void random_group(void *arg)
{
	int group = (int)(uintptr_t)arg;
	const char *only = getenv("FS_FUZZ_CASE");
	unsigned first = 1 + (unsigned)group * (ncases / GROUPS),
		 last = first + ncases / GROUPS;
	int failed = 0;
	char first_fail[512] = "";

	if (only) {
		first = (unsigned)atoi(only);
		last = first + 1;
		if (group)
			return;
	}
	if (!bases[0].data) {
		UNIT_FAIL("no base images");
		return;
	}
	shared = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		shared = NULL;
	for (unsigned seed = first; seed < last && failed < 3; seed++) {
		char what[64];
		struct fuzz_arg a = {seed};
		snprintf(what, sizeof(what), "case %u (FS_FUZZ_CASE=%u)", seed,
			 seed);
		int before = unit_failures;
		fs_forked(random_case, &a, 5, false, what);
		if (unit_failures > before) {
			if (!failed++)
				snprintf(first_fail, sizeof(first_fail), "%s",
					 unit_first);
			fprintf(stderr, "fuzz: case %u failed\n", seed);
		}
	}
	if (failed) /* after 3 failures the rest of the group is skipped */
		snprintf(unit_first, sizeof(unit_first),
			 "%d%s of %u cases failed; the first: %.400s", failed,
			 failed >= 3 ? " or more" : "", last - first,
			 first_fail);
	if (shared)
		printf("# cases %u-%u: %lu mounted, %lu refused, %lu errors "
		       "returned, %lu entries "
		       "walked, %lu kernel log lines\n",
		       first, last - 1, shared->mounted, shared->refused,
		       shared->errors, shared->entries, shared->log_lines);
	fflush(stdout);
}

/* ---- targeted damage */

/* Copies base b's image into the case file, hands it to edit, then runs
 * want_refused: the mount must fail; otherwise it is exercised. */
struct targeted {
	const char *name;
	int base;
	void (*edit)(struct base *b, uint8_t *img);
	int refused;  /* 1: the mount must fail; 0: must succeed; -1: either */
	int want_err; /* when refused: the exact error, or 0 for any allowed */
};

static uint8_t *inode_at(struct base *b, uint8_t *img, uint32_t ino)
{
	const uint8_t *sb = img + 1024;
	uint32_t first = get32(sb + 20), ipg = get32(sb + 40);
	uint32_t g = (ino - 1) / ipg, idx = (ino - 1) % ipg;
	const uint8_t *gd = img + (first + 1) * b->bsize + 32 * g;

	return img + get32(gd + 8) * b->bsize + idx * b->isize;
}

/* path's inode number in base b (debugfs); 1 (a reserved inode, harmless
 * to edit) and a failure if it is missing. */
static uint32_t ino_of(struct base *b, const char *path)
{
	struct fs_dstat d;

	fs_dstat(b->path, path, &d);
	if (d.ino <= 0)
		UNIT_FAIL("debugfs finds no %s in %s", path, b->path);
	return d.ino > 0 ? (uint32_t)d.ino : 1;
}

static void bad_magic(struct base *b, uint8_t *img)
{
	(void)b;
	img[1024 + 56] = 0x52;
}

static void absurd_block_size(struct base *b, uint8_t *img)
{
	(void)b;
	put32(img + 1024 + 24, 30); /* 1 KiB << 30 */
}

static void zero_inodes_per_group(struct base *b, uint8_t *img)
{
	(void)b;
	put32(img + 1024 + 40, 0);
}

static void more_blocks_than_device(struct base *b, uint8_t *img)
{
	put32(img + 1024 + 4, (uint32_t)(b->size / b->bsize) * 4);
}

static void incompat_extents(struct base *b, uint8_t *img)
{
	(void)b;
	put32(img + 1024 + 96, get32(img + 1024 + 96) | 0x0040);
}

static void incompat_unknown(struct base *b, uint8_t *img)
{
	(void)b;
	put32(img + 1024 + 96, get32(img + 1024 + 96) | 0x80000000u);
}

static void ro_compat_unknown(struct base *b, uint8_t *img)
{
	(void)b;
	put32(img + 1024 + 100, get32(img + 1024 + 100) | 0x40000000u);
}

static void root_not_a_dir(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, 2);

	ino[1] = (uint8_t)((ino[1] & 0x0f) | 0x80); /* S_IFREG */
}

/* /many's first block: the record length of "." set to 0. */
static void rec_len_zero(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/many"));
	uint8_t *blk = img + get32(ino + 40) * b->bsize;

	blk[4] = blk[5] = 0;
}

/* /etc: an entry whose record length runs past the block. */
static void rec_len_past_block(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/etc"));
	uint8_t *blk = img + get32(ino + 40) * b->bsize;
	uint32_t dot = blk[4] | blk[5] << 8,
		 dotdot = blk[dot + 4] | blk[dot + 5] << 8;

	blk[dot + 4] = (uint8_t)(dotdot + 64);
	blk[dot + 5] = (uint8_t)((dotdot + 64) >> 8);
}

/* /etc/motd: its first block pointer past the end of the filesystem. */
static void block_past_end(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/etc/motd"));

	put32(ino + 40, get32(img + 1024 + 4) + 1000);
}

static void block_all_ones(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/bin/medium"));

	put32(ino + 40 + 4, 0xffffffffu);
}

/* /bin/big's single-indirect block lists itself as its first block. */
static void indirect_points_to_itself(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/bin/big"));
	uint32_t ind = get32(ino + 40 + 12 * 4);

	put32(img + ind * b->bsize, ind);
}

/* /bin/big's indirect pointer names the superblock's block. */
static void indirect_is_metadata(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/bin/big"));

	put32(ino + 40 + 12 * 4, b->bsize == 1024 ? 1 : 0);
}

/* /bin/big's double-indirect block points to itself at every level. */
static void dind_points_to_itself(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/bin/big"));
	uint32_t dind = get32(ino + 40 + 13 * 4);

	if (dind)
		put32(img + dind * b->bsize, dind);
}

/* /deep/a/b gets an entry "self" naming /deep/a/b (a loop), by debugfs. */
static void dir_contains_itself(struct base *b, uint8_t *img)
{
	(void)b;
	(void)img;
}

/* /users/user/docs/note's link count 0 while still named twice. */
static void links_zero(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/users/user/docs/note"));

	ino[26] = ino[27] = 0;
}

/* A size past 4 GiB (i_size_high 1) on a small file: a hole to read. */
static void huge_size(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/etc/motd"));

	put32(ino + 108, 1);
}

/* A slow symlink's size beyond a block. */
static void symlink_too_long(struct base *b, uint8_t *img)
{
	uint8_t *ino = inode_at(b, img, ino_of(b, "/deep/slow"));

	put32(ino + 4, 100000);
}

/* The block bitmap all ones, free counts unchanged: allocation must fail
 * cleanly. */
static void bitmap_full(struct base *b, uint8_t *img)
{
	const uint8_t *sb = img + 1024;
	uint32_t first = get32(sb + 20), bpg = get32(sb + 32),
		 blocks = get32(sb + 4);
	uint32_t groups = (blocks - first + bpg - 1) / bpg;

	for (uint32_t g = 0; g < groups; g++) {
		const uint8_t *gd = img + (first + 1) * b->bsize + 32 * g;
		memset(img + get32(gd) * b->bsize, 0xff, b->bsize);
		memset(img + get32(gd + 4) * b->bsize, 0xff, b->bsize);
	}
}

static const struct targeted targets[] = {
    {"bad magic", 0, bad_magic, 1, 0},
    {"absurd block size", 0, absurd_block_size, 1, 0},
    {"inodes_per_group 0", 1, zero_inodes_per_group, 1, 0},
    {"more blocks than the device", 0, more_blocks_than_device, 1, 0},
    {"unsupported INCOMPAT extents", 0, incompat_extents, 1, -EINVAL},
    {"unknown INCOMPAT bit", 1, incompat_unknown, 1, -EINVAL},
    {"unknown RO_COMPAT bit: read-only", 0, ro_compat_unknown, 0, 0},
    {"root inode not a directory", 0, root_not_a_dir, 1, 0},
    {"rec_len 0", 0, rec_len_zero, 0, 0},
    {"rec_len 0 (4k)", 1, rec_len_zero, 0, 0},
    {"rec_len past the block", 0, rec_len_past_block, 0, 0},
    {"block pointer past the end", 0, block_past_end, 0, 0},
    {"block pointer 0xffffffff", 1, block_all_ones, 0, 0},
    {"indirect block points to itself", 0, indirect_points_to_itself, 0, 0},
    {"indirect block is the superblock", 0, indirect_is_metadata, 0, 0},
    {"double-indirect block points to itself", 0, dind_points_to_itself, 0, 0},
    {"directory contains itself", 0, dir_contains_itself, 0, 0},
    {"link count 0 on a named file", 1, links_zero, 0, 0},
    {"size past 4 GiB, all hole", 0, huge_size, 0, 0},
    {"symlink size past its block", 0, symlink_too_long, 0, 0},
    {"bitmaps all used", 1, bitmap_full, 0, 0},
};

static uint32_t st_ino_of(const char *path)
{
	struct vfs_stat st;

	return fs_st(path, &st) ? 0 : st.ino;
}

static char log_text[16384];

/* Runs the case with the kernel log captured in log_text. */
static int mount_capturing_log(const char *img)
{
	const char *logf = fs_path("kernel.log");
	fflush(stderr);
	int saved = dup(2);
	FILE *f = fopen(logf, "w+");
	int err;

	if (!f || saved < 0)
		return -EIO;
	dup2(fileno(f), 2);
	host_log_quiet = 0;
	err = fs_mount(img);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	host_log_quiet = 1;
	rewind(f);
	size_t n = fread(log_text, 1, sizeof(log_text) - 1, f);
	log_text[n] = '\0';
	fclose(f);
	return err;
}

static void targeted_case(void *arg)
{
	const struct targeted *t = arg;
	struct base *b = &bases[t->base];
	char path[512];

	if (!b->data) {
		UNIT_FAIL("no base images");
		return;
	}
	uint8_t *img = malloc(b->size);
	memcpy(img, b->data, b->size);
	t->edit(b, img);
	if (!write_image(img, b->size, path, sizeof(path))) {
		UNIT_FAIL("cannot write the case image");
		free(img);
		return;
	}
	free(img);
	if (t->edit == dir_contains_itself) {
		char out[512];
		fs_sh(out, sizeof(out),
		      "debugfs -w -R 'ln /deep/a/b /deep/a/b/self' '%s' 2>&1",
		      path);
		struct fs_dstat d;
		fs_dstat(path, "/deep/a/b/self", &d);
		if (d.ino != ino_of(b, "/deep/a/b")) {
			UNIT_FAIL("debugfs did not make the loop: %s", out);
			return;
		}
	}
	int err = mount_capturing_log(path);
	if (t->refused == 1) {
		if (!err)
			UNIT_FAIL("mounted; want a refusal");
		else if (t->want_err && err != t->want_err)
			UNIT_FAIL("mount returned %d, want %d", err,
				  t->want_err);
		else if (!allowed_error(err))
			UNIT_FAIL("mount returned %d", err);
		if (!log_text[0])
			UNIT_FAIL("refused without a message");
		if (t->want_err == -EINVAL && !strstr(log_text, "feature"))
			UNIT_FAIL(
			    "the message does not name the features: %.200s",
			    log_text);
		return;
	}
	if (t->refused == 0 && err) {
		UNIT_FAIL("mount returned %d; want a mount (log: %.200s)", err,
			  log_text);
		return;
	}
	if (!err)
		fs_unmount();
	exercise(path);
	if (unit_failures)
		return;
	/* particular expectations, after the generic ones */
	if (!fs_mount(path)) {
		struct file *f;
		char buf[256];
		struct vfs_stat st;
		if (t->edit == ro_compat_unknown) {
			EXPECT_EQ(
			    vfs_open("/new", O_CREAT | O_WRONLY, 0644, &f),
			    -EROFS);
			EXPECT_EQ(vfs_mkdir("/newdir", 0755), -EROFS);
			EXPECT_EQ(vfs_unlink("/etc/motd"), -EROFS);
			EXPECT_STREQ(fs_gets("/etc/motd"),
				     "welcome to the fuzzed filesystem\n");
		}
		if (t->edit == rec_len_zero) {
			long r = fs_st("/many/entry_with_a_long_name_3", &st);
			if (r != -EIO && r != -EUCLEAN)
				UNIT_FAIL(
				    "lookup in a directory with rec_len 0: %ld",
				    r);
			struct fs_names l;
			r = fs_readdir_all("/many", &l);
			fs_names_free(&l);
			if (r != -EIO && r != -EUCLEAN)
				UNIT_FAIL("readdir of a directory with rec_len "
					  "0: %ld",
					  r);
			r = vfs_open("/many/new", O_CREAT | O_WRONLY, 0644, &f);
			if (r != -EIO && r != -EUCLEAN)
				UNIT_FAIL(
				    "create in a directory with rec_len 0: %ld",
				    r);
			if (!r)
				vfs_close(f);
		}
		if (t->edit == block_past_end) {
			long r = fs_get("/etc/motd", buf, sizeof(buf));
			if (r != -EIO && r != -EUCLEAN)
				UNIT_FAIL("reading a block past the end: %ld",
					  r);
		}
		if (t->edit == dir_contains_itself) {
			EXPECT_EQ(st_ino_of("/deep/a/b/self/self/self"),
				  st_ino_of("/deep/a/b"));
		}
		if (t->edit == huge_size) {
			EXPECT_EQ(fs_st("/etc/motd", &st), 0);
			EXPECT_EQ(st.size,
				  (1ull << 32) +
				      38); /* 33 bytes and "more\n" appended */
			EXPECT_EQ(vfs_open("/etc/motd", O_RDONLY, 0, &f), 0);
			memset(buf, 'x', sizeof(buf));
			EXPECT_EQ(vfs_pread(f, buf, 16, 1ull << 32), 16);
			EXPECT(!memcmp(buf, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
				       16));
			EXPECT_EQ(vfs_pread(f, buf, 100, (1ull << 32) + 30), 8);
			vfs_close(f);
		}
		fs_unmount();
	}
}

/* ---- the table */

#define RANDOM_GROUP(g)                                                        \
	TEST(random_##g)                                                       \
	{                                                                      \
		fs_forked(random_group, (void *)(uintptr_t)(g), 40, true, ""); \
	}

RANDOM_GROUP(0)
RANDOM_GROUP(1)
RANDOM_GROUP(2)
RANDOM_GROUP(3)
RANDOM_GROUP(4)
RANDOM_GROUP(5)
RANDOM_GROUP(6)
RANDOM_GROUP(7)
RANDOM_GROUP(8)
RANDOM_GROUP(9)

static int target_next;

static void target_case(void)
{
	const struct targeted *t = &targets[target_next++];

	fs_forked(targeted_case, (void *)t, 10, true, "");
}

static char base_dir[256];
static pid_t base_owner;

static void remove_bases(void)
{
	if (getpid() == base_owner) /* not in the forked children */
		fs_rmtree(base_dir);
}

int main(void)
{
	static struct unit_case cases[GROUPS + ARRAY_SIZE(targets)];
	static char names[GROUPS][64];
	static void (*const groups[GROUPS])(void) = {
	    random_0, random_1, random_2, random_3, random_4,
	    random_5, random_6, random_7, random_8, random_9,
	};
	int n = 0;
	const char *e = getenv("FS_FUZZ_CASES");

	if (e && atoi(e) >= GROUPS)
		ncases = (unsigned)atoi(e);
	e = getenv("FS_FUZZ_FLIPS");
	if (e && atoi(e) > 0)
		max_flips = (unsigned)atoi(e);
	/* the base images, once, in a directory of their own */
	snprintf(base_dir, sizeof(base_dir), "%s/fstest.XXXXXX", fs_tmproot);
	if (mkdtemp(base_dir)) {
		base_owner = getpid();
		atexit(remove_bases);
		snprintf(fs_dir, sizeof(fs_dir), "%s", base_dir);
		if (!make_bases())
			fprintf(stderr,
				"fuzz: cannot make the base images: %s\n",
				unit_first);
		unit_failures = 0;
		fs_dir[0] = '\0';
	}
	for (int g = 0; g < GROUPS; g++) {
		snprintf(names[g], sizeof(names[g]),
			 "random corruption, cases %u-%u",
			 1 + g * (ncases / GROUPS),
			 (g + 1) * (ncases / GROUPS));
		cases[n++] = (struct unit_case){names[g], groups[g]};
	}
	for (size_t i = 0; i < ARRAY_SIZE(targets); i++)
		cases[n++] = (struct unit_case){targets[i].name, target_case};
	return unit_run(cases, n);
}
