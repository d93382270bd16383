/* tests/unit/fs/test_ext2_model.c - ext2 through the VFS against an
 * in-memory model of the tree, on seeded random operation sequences.
 *
 * Each seed (a case of its own, in a forked child) makes an image (block
 * size 1, 2 or 4 KiB and inode size 128 or 256, chosen by the seed), then
 * runs OPS random operations:
 * create and write (random offsets and sizes, some large), truncate,
 * unlink, mkdir, rmdir, rename, link and symlink, with names drawn from a
 * small pool so that collisions and every error path come up.  The model
 * (names, types, contents, allocated blocks, link counts) says what each
 * call must return, with Linux's errno values and Linux's order of checks,
 * and what the tree must look like after it: the paths an operation
 * touched are compared at once (lstat fields, i_blocks, contents,
 * readlink, directory listings), the whole tree at the end.  Then the
 * image is unmounted, checked with e2fsck -fn, mounted again and compared
 * whole again.
 *
 * A failure names the seed and the step.  Environment:
 *   FS_MODEL_SEEDS=N   run seeds 1..N (default 20)
 *   FS_MODEL_SEED=S    run only seed S
 *   FS_MODEL_OPS=K     operations per seed (default 400)
 *   FS_MODEL_VERBOSE=1 print every operation to stderr
 */
#include "tests/unit/fs/fsutil.h"

#define MAXN 400		/* model nodes */
#define MAX_LIVE 160		/* beyond this, operations lean to removal */
#define MAX_FILE (1536u * 1024) /* largest file the model makes */
#define DATA_BUDGET (5u << 20)	/* total bytes in files */
#define PATHLEN 2048

enum { M_FREE, M_REG, M_DIR, M_LNK };

struct ment {
	char *name;
	int node;
};

struct mnode {
	int type;
	uint8_t *data; /* M_REG: size bytes */
	size_t size;
	uint8_t *alloc;	   /* M_REG: bitmap of allocated logical blocks */
	char *target;	   /* M_LNK */
	struct ment *ents; /* M_DIR */
	int nent;
	int parent;    /* M_DIR */
	uint32_t perm; /* permission bits */
	uint32_t ino;  /* learned from the VFS, then must not change */
};

static struct mnode nodes[MAXN];
static uint64_t rng;
static unsigned seed_now, bsize;
static int step_now;
static char desc[PATHLEN * 2 + 64];
static bool verbose;
static size_t data_total;

static const struct {
	unsigned bsize, isize;
} variants[] = {
    {1024, 128}, {4096, 256}, {1024, 256}, {4096, 128}, {2048, 256}};
#define NVARIANTS ((unsigned)ARRAY_SIZE(variants))

#define MFAIL(...)                                                             \
	do {                                                                   \
		char m_[400];                                                  \
		snprintf(m_, sizeof(m_), __VA_ARGS__);                         \
		UNIT_FAIL(                                                     \
		    "seed %u step %d (%s): %s [FS_MODEL_SEED=%u to rerun]",    \
		    seed_now, step_now, desc, m_, seed_now);                   \
	} while (0)

static uint32_t rnd(uint32_t n)
{
	return n ? fs_rand(&rng) % n : 0;
}

/* ---- the model */

static int node_new(int type)
{
	for (int i = 1; i < MAXN; i++) {
		if (nodes[i].type == M_FREE) {
			memset(&nodes[i], 0, sizeof(nodes[i]));
			nodes[i].type = type;
			return i;
		}
	}
	return -1;
}

static void node_free(int n)
{
	struct mnode *m = &nodes[n];

	data_total -= m->size;
	free(m->data);
	free(m->alloc);
	free(m->target);
	for (int i = 0; i < m->nent; i++)
		free(m->ents[i].name);
	free(m->ents);
	memset(m, 0, sizeof(*m));
}

static int live_nodes(void)
{
	int n = 0;

	for (int i = 0; i < MAXN; i++)
		n += nodes[i].type != M_FREE;
	return n;
}

/* Entries naming node n, over all directories. */
static int refs(int n)
{
	int r = 0;

	for (int d = 0; d < MAXN; d++)
		if (nodes[d].type == M_DIR)
			for (int i = 0; i < nodes[d].nent; i++)
				r += nodes[d].ents[i].node == n;
	return r;
}

static uint32_t model_nlink(int n)
{
	if (nodes[n].type != M_DIR)
		return (uint32_t)refs(n);
	uint32_t l = 2;
	for (int i = 0; i < nodes[n].nent; i++)
		l += nodes[nodes[n].ents[i].node].type == M_DIR;
	return l;
}

static int find_ent(int dir, const char *name)
{
	for (int i = 0; i < nodes[dir].nent; i++)
		if (!strcmp(nodes[dir].ents[i].name, name))
			return i;
	return -1;
}

static void add_ent(int dir, const char *name, int node)
{
	struct mnode *d = &nodes[dir];

	d->ents = realloc(d->ents, (d->nent + 1) * sizeof(*d->ents));
	d->ents[d->nent].name = strdup(name);
	d->ents[d->nent].node = node;
	d->nent++;
}

/* Removes entry i of dir; frees its node when nothing names it. */
static void del_ent(int dir, int i, bool free_node)
{
	struct mnode *d = &nodes[dir];
	int node = d->ents[i].node;

	free(d->ents[i].name);
	d->ents[i] = d->ents[--d->nent];
	if (free_node && !refs(node) && nodes[node].type != M_DIR)
		node_free(node);
	else if (free_node && nodes[node].type == M_DIR)
		node_free(node);
}

/* True if a is b or lies below it. */
static bool is_under(int a, int b)
{
	for (int depth = 0; depth < 64; depth++) {
		if (a == b)
			return true;
		if (a == 0)
			return false;
		a = nodes[a].parent;
	}
	return false;
}

static void model_write(int n, uint64_t off, const uint8_t *buf, size_t len)
{
	struct mnode *m = &nodes[n];
	size_t end = (size_t)off + len;

	if (end > m->size) {
		m->data = realloc(m->data, end);
		memset(m->data + m->size, 0, end - m->size);
		data_total += end - m->size;
		m->size = end;
	}
	memcpy(m->data + off, buf, len);
	if (!m->alloc)
		m->alloc = calloc(1, MAX_FILE / 1024 / 8 + 1);
	for (uint64_t b = off / bsize; len && b <= (end - 1) / bsize; b++)
		m->alloc[b / 8] |= (uint8_t)(1u << (b % 8));
}

static void model_truncate(int n, size_t size)
{
	struct mnode *m = &nodes[n];

	if (size > m->size) {
		m->data = realloc(m->data, size);
		memset(m->data + m->size, 0, size - m->size);
	}
	data_total += size;
	data_total -= m->size;
	m->size = size;
	if (m->alloc)
		for (uint64_t b = (size + bsize - 1) / bsize;
		     b < MAX_FILE / 1024; b++)
			m->alloc[b / 8] &= (uint8_t) ~(1u << (b % 8));
}

/* i_blocks the model expects: allocated data blocks and the indirect
 * blocks above them. */
static uint64_t model_sectors(int n)
{
	struct mnode *m = &nodes[n];
	uint64_t p = bsize / 4, data = 0, ind = 0;
	bool dind = false;
	static uint8_t dind_ind[64];

	if (m->type == M_LNK)
		return strlen(m->target) < 60 ? 0 : bsize / 512;
	if (!m->alloc)
		return 0;
	memset(dind_ind, 0, sizeof(dind_ind));
	for (uint64_t b = 0; b < MAX_FILE / 1024; b++) {
		if (!(m->alloc[b / 8] & (1u << (b % 8))))
			continue;
		data++;
		if (b >= 12 && b < 12 + p)
			ind |= 1;
		else if (b >= 12 + p) {
			dind = true;
			uint64_t k = (b - 12 - p) / p;
			if (!(dind_ind[k / 8] & (1u << (k % 8)))) {
				dind_ind[k / 8] |= (uint8_t)(1u << (k % 8));
				ind++;
			}
		}
	}
	return (data + ind + dind) * (bsize / 512);
}

/* ---- locations: every entry of the tree with its path */

struct loc {
	int dir, idx; /* idx -1: the root itself */
	char path[PATHLEN];
};

static struct loc locs[MAXN + 1];
static int nlocs;

static void collect(int dir, const char *prefix, int depth)
{
	struct mnode *d = &nodes[dir];

	for (int i = 0; i < d->nent && nlocs <= MAXN; i++) {
		struct loc *l = &locs[nlocs++];
		l->dir = dir;
		l->idx = i;
		snprintf(l->path, sizeof(l->path), "%s/%s", prefix,
			 d->ents[i].name);
		if (nodes[d->ents[i].node].type == M_DIR && depth < 32)
			collect(d->ents[i].node, l->path, depth + 1);
	}
}

static void collect_all(void)
{
	nlocs = 0;
	locs[nlocs].dir = 0;
	locs[nlocs].idx = -1;
	strcpy(locs[nlocs++].path, "/");
	collect(0, "", 0);
}

static int loc_node(const struct loc *l)
{
	return l->idx < 0 ? 0 : nodes[l->dir].ents[l->idx].node;
}

static bool is_lost_found(const struct loc *l)
{
	return l->dir == 0 && l->idx >= 0 &&
	       !strcmp(nodes[0].ents[l->idx].name, "lost+found");
}

/* A random entry other than the root and lost+found, or NULL. */
static struct loc *pick_entry(void)
{
	for (int tries = 0; tries < 20 && nlocs > 1; tries++) {
		struct loc *l = &locs[1 + rnd(nlocs - 1)];
		if (!is_lost_found(l))
			return l;
	}
	return NULL;
}

static const char *const pool[] = {"a", "b", "c", "d", "e",
				   "f", "g", "h", "x", "y"};

/* A random directory and a name in it (existing or not); path set. */
static void pick_place(int *dir, char *name, size_t size, char *path)
{
	int tries = 0;
	struct loc *l;

	do {
		l = &locs[rnd(nlocs)];
	} while (nodes[loc_node(l)].type != M_DIR && ++tries < 50);
	if (nodes[loc_node(l)].type != M_DIR)
		l = &locs[0];
	*dir = loc_node(l);
	uint32_t r = rnd(100);
	if (r < 90) {
		snprintf(name, size, "%s", pool[rnd(ARRAY_SIZE(pool))]);
	} else if (r < 99) {
		snprintf(name, size, "long_name_%u_", rnd(4));
		size_t len = strlen(name);
		memset(name + len, 'L', 90);
		name[len + 90] = '\0';
	} else {
		memset(name, 'N', 255); /* NAME_MAX */
		name[0] = (char)('0' + rnd(3));
		name[255] = '\0';
	}
	snprintf(path, PATHLEN, "%s/%s", l->idx < 0 ? "" : l->path, name);
}

/* ---- comparing the VFS with the model */

static const char *type_name(int t)
{
	return t == M_REG   ? "file"
	       : t == M_DIR ? "directory"
	       : t == M_LNK ? "symlink"
			    : "none";
}

static bool check_listing(const char *path, int dir);

/* Compares path (lstat, contents, link target) with node n; n < 0: the
 * path must not exist.  deep: a directory's listing too. */
static bool check_node(const char *path, int n, bool deep)
{
	struct vfs_stat st;
	int err;

	memset(&st, 0, sizeof(st));
	err = vfs_stat(path, &st, false);
	if (n < 0) {
		if (err != -ENOENT)
			MFAIL("lstat %s: %d, want -ENOENT", path, err);
		return err == -ENOENT;
	}
	struct mnode *m = &nodes[n];
	if (err) {
		MFAIL("lstat %s: %d, want a %s", path, err, type_name(m->type));
		return false;
	}
	uint32_t want_mode = m->perm | (m->type == M_REG   ? S_IFREG
					: m->type == M_DIR ? S_IFDIR
							   : S_IFLNK);
	if (st.mode != want_mode) {
		MFAIL("lstat %s: mode %o, want %o", path, st.mode, want_mode);
		return false;
	}
	if (st.nlink != model_nlink(n)) {
		MFAIL("lstat %s: nlink %u, want %u", path, st.nlink,
		      model_nlink(n));
		return false;
	}
	if (m->ino && st.ino != m->ino) {
		MFAIL("lstat %s: inode %u, but it was %u", path, st.ino,
		      m->ino);
		return false;
	}
	m->ino = st.ino;
	if (m->type == M_DIR) {
		if (!st.size || st.size % bsize || st.blocks != st.size / 512) {
			MFAIL("lstat %s: directory size %llu, blocks %llu",
			      path, (unsigned long long)st.size,
			      (unsigned long long)st.blocks);
			return false;
		}
		return !deep || check_listing(path, n);
	}
	if (m->type == M_LNK) {
		char buf[PATHLEN];
		int len = vfs_readlink(path, buf, sizeof(buf));
		if (st.size != strlen(m->target) ||
		    len != (int)strlen(m->target) ||
		    memcmp(buf, m->target, (size_t)len)) {
			MFAIL("symlink %s: size %llu, readlink %d, want %zu",
			      path, (unsigned long long)st.size, len,
			      strlen(m->target));
			return false;
		}
		if (st.blocks != model_sectors(n)) {
			MFAIL("symlink %s: blocks %llu, want %llu", path,
			      (unsigned long long)st.blocks,
			      (unsigned long long)model_sectors(n));
			return false;
		}
		return true;
	}
	if (st.size != m->size) {
		MFAIL("lstat %s: size %llu, want %zu", path,
		      (unsigned long long)st.size, m->size);
		return false;
	}
	if (st.blocks != model_sectors(n)) {
		MFAIL("lstat %s: blocks %llu, want %llu", path,
		      (unsigned long long)st.blocks,
		      (unsigned long long)model_sectors(n));
		return false;
	}
	struct file *f;
	err = vfs_open(path, O_RDONLY, 0, &f);
	if (err) {
		MFAIL("open %s: %d", path, err);
		return false;
	}
	static uint8_t buf[MAX_FILE + 16];
	long got = vfs_pread(f, buf, sizeof(buf), 0);
	vfs_close(f);
	if (got != (long)m->size) {
		MFAIL("read %s: %ld bytes, want %zu", path, got, m->size);
		return false;
	}
	for (size_t i = 0; i < m->size; i++) {
		if (buf[i] != m->data[i]) {
			MFAIL("read %s: byte %zu is %#x, want %#x", path, i,
			      buf[i], m->data[i]);
			return false;
		}
	}
	return true;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* readdir of path: exactly ".", ".." and the model's names, each with
 * its inode number. */
static bool check_listing(const char *path, int dir)
{
	struct fs_names l;
	int err = fs_readdir_all(path, &l);
	struct mnode *d = &nodes[dir];
	bool ok = true;

	if (err) {
		MFAIL("readdir %s: %d", path, err);
		return false;
	}
	if (l.n != d->nent + 2) {
		MFAIL("readdir %s: %d entries, want %d", path, l.n,
		      d->nent + 2);
		ok = false;
	}
	char **want = malloc((d->nent + 2) * sizeof(char *));
	int nw = 0;
	want[nw++] = ".";
	want[nw++] = "..";
	for (int i = 0; i < d->nent; i++)
		want[nw++] = d->ents[i].name;
	qsort(want, nw, sizeof(*want), cmp_str);
	char **got = malloc((l.n + 1) * sizeof(char *));
	for (int i = 0; i < l.n; i++)
		got[i] = l.names[i];
	qsort(got, l.n, sizeof(*got), cmp_str);
	for (int i = 0; ok && i < nw; i++) {
		if (strcmp(got[i], want[i])) {
			MFAIL("readdir %s: \"%.40s\" where \"%.40s\" was "
			      "expected",
			      path, got[i], want[i]);
			ok = false;
		}
	}
	for (int i = 0; ok && i < l.n; i++) {
		int e = find_ent(dir, l.names[i]);
		uint32_t want_ino = !strcmp(l.names[i], ".") ? d->ino
				    : !strcmp(l.names[i], "..")
					? nodes[d->parent].ino
				    : e >= 0 ? nodes[d->ents[e].node].ino
					     : 0;
		if (want_ino && l.inos[i] != want_ino) {
			MFAIL("readdir %s: %s has inode %u, want %u", path,
			      l.names[i], l.inos[i], want_ino);
			ok = false;
		}
	}
	free(want);
	free(got);
	fs_names_free(&l);
	return ok;
}

/* The whole tree, every entry, listings included; inode numbers unique. */
static bool check_tree(void)
{
	collect_all();
	for (int i = 0; i < nlocs; i++)
		if (!check_node(locs[i].path, loc_node(&locs[i]), true))
			return false;
	for (int a = 0; a < MAXN; a++)
		for (int b = a + 1; b < MAXN; b++)
			if (nodes[a].type && nodes[b].type && nodes[a].ino &&
			    nodes[a].ino == nodes[b].ino) {
				MFAIL("two files share inode %u", nodes[a].ino);
				return false;
			}
	return true;
}

/* ---- the operations: each computes Linux's answer from the model, makes
 * the call, compares, and applies the change. */

static bool expect_ret(const char *what, long got, long want)
{
	if (verbose)
		fprintf(stderr, "seed %u step %d: %s: %s -> %ld\n", seed_now,
			step_now, desc, what, got);
	if (got != want)
		MFAIL("%s returned %ld, want %ld", what, got, want);
	return got == want;
}

/* The directory part of a path ("/" for "/x"). */
static void parent_path(const char *path, char *out)
{
	const char *s = strrchr(path, '/');

	if (s == path)
		strcpy(out, "/");
	else
		snprintf(out, PATHLEN, "%.*s", (int)(s - path), path);
}

static void op_write(void)
{
	char name[260], path[PATHLEN];
	int dir;
	static uint8_t buf[256 * 1024];

	pick_place(&dir, name, sizeof(name), path);
	int e = find_ent(dir, name), n = e >= 0 ? nodes[dir].ents[e].node : -1;
	bool big = rnd(10) == 0 && data_total < DATA_BUDGET - 512 * 1024;
	size_t len = big ? 1 + rnd(sizeof(buf)) : 1 + rnd(5000);
	uint64_t off = big	? rnd(MAX_FILE - sizeof(buf))
		       : rnd(3) ? rnd(20000)
				: 0;
	bool excl = rnd(4) == 0, append = rnd(6) == 0;
	int want = 0;
	if (n >= 0 && excl)
		want = -EEXIST;
	else if (n >= 0 && nodes[n].type == M_DIR)
		want = -EISDIR;
	else if (n >= 0 && nodes[n].type == M_LNK)
		want =
		    -ENOENT; /* dangling: its target's directory is missing */
	else if (n < 0 && live_nodes() >= MAXN - 1)
		return;
	if (append) /* at the end, wherever that is */
		off = n >= 0 && nodes[n].type == M_REG ? nodes[n].size : 0;
	snprintf(desc, sizeof(desc), "write %zu at %llu to %s%s%s", len,
		 (unsigned long long)off, path, excl ? " O_EXCL" : "",
		 append ? " O_APPEND" : "");
	if (off + len > MAX_FILE)
		return;
	struct file *f = NULL;
	int flags =
	    O_CREAT | O_RDWR | (excl ? O_EXCL : 0) | (append ? O_APPEND : 0);
	uint32_t perm = rnd(2) ? 0644 : 0600;
	if (!expect_ret("open", vfs_open(path, flags, perm, &f), want) || want)
		return;
	if (n < 0) {
		n = node_new(M_REG);
		nodes[n].perm = perm;
		add_ent(dir, name, n);
	}
	for (size_t i = 0; i < len; i++)
		buf[i] = (uint8_t)fs_rand(&rng);
	long got =
	    append ? vfs_write(f, buf, len) : vfs_pwrite(f, buf, len, off);
	vfs_close(f);
	if (!expect_ret("write", got, (long)len))
		return;
	model_write(n, off, buf, len);
	check_node(path, n, false);
}

static void op_truncate(void)
{
	struct loc *l = pick_entry();

	if (!l)
		return;
	int n = loc_node(l);
	size_t size = nodes[n].type == M_REG && rnd(2)
			  ? rnd((uint32_t)nodes[n].size + 1)
			  : rnd(40000);
	bool through_file = rnd(3) == 0;
	snprintf(desc, sizeof(desc), "%struncate %s to %zu",
		 through_file ? "f" : "", l->path, size);
	int want = nodes[n].type == M_DIR   ? -EISDIR
		   : nodes[n].type == M_LNK ? -ENOENT
					    : 0;
	long got;
	if (through_file) {
		struct file *f;
		int err = vfs_open(l->path, O_WRONLY, 0, &f);
		if (err || want) {
			expect_ret("open", err, want);
			if (!err)
				vfs_close(f);
			return;
		}
		got = vfs_ftruncate(f, size);
		vfs_close(f);
	} else {
		got = vfs_truncate(l->path, size);
	}
	if (!expect_ret("truncate", got, want) || want)
		return;
	model_truncate(n, size);
	check_node(l->path, n, false);
}

static void op_unlink(void)
{
	char name[260], path[PATHLEN];
	int dir, e, n;

	if (rnd(5) == 0) {
		pick_place(&dir, name, sizeof(name), path);
		e = find_ent(dir, name);
	} else {
		struct loc *l = pick_entry();
		if (!l)
			return;
		dir = l->dir;
		e = l->idx;
		snprintf(path, sizeof(path), "%s", l->path);
	}
	n = e >= 0 ? nodes[dir].ents[e].node : -1;
	snprintf(desc, sizeof(desc), "unlink %s", path);
	int want = n < 0 ? -ENOENT : nodes[n].type == M_DIR ? -EISDIR : 0;
	if (!expect_ret("unlink", vfs_unlink(path), want) || want)
		return;
	const char *other = NULL; /* another link to the same file */
	for (int i = 0; i < nlocs && !other; i++)
		if (loc_node(&locs[i]) == n && strcmp(locs[i].path, path))
			other = locs[i].path;
	del_ent(dir, e, true);
	check_node(path, -1, false);
	if (other)
		check_node(other, n, false);
}

static void op_mkdir(void)
{
	char name[260], path[PATHLEN], up[PATHLEN];
	int dir;

	pick_place(&dir, name, sizeof(name), path);
	if (strlen(path) > 1200 || live_nodes() >= MAXN - 1)
		return;
	snprintf(desc, sizeof(desc), "mkdir %s", path);
	int want = find_ent(dir, name) >= 0 ? -EEXIST : 0;
	uint32_t perm = rnd(2) ? 0755 : 0710;
	if (!expect_ret("mkdir", vfs_mkdir(path, perm), want) || want)
		return;
	int n = node_new(M_DIR);
	nodes[n].perm = perm;
	nodes[n].parent = dir;
	add_ent(dir, name, n);
	parent_path(path, up);
	if (check_node(path, n, true))
		check_node(up, dir, true);
}

static void op_rmdir(void)
{
	char name[260], path[PATHLEN], up[PATHLEN];
	int dir, e, n;

	if (rnd(5) == 0) {
		pick_place(&dir, name, sizeof(name), path);
		e = find_ent(dir, name);
	} else {
		struct loc *l = pick_entry();
		if (!l)
			return;
		dir = l->dir;
		e = l->idx;
		snprintf(path, sizeof(path), "%s", l->path);
	}
	n = e >= 0 ? nodes[dir].ents[e].node : -1;
	snprintf(desc, sizeof(desc), "rmdir %s", path);
	int want = n < 0		    ? -ENOENT
		   : nodes[n].type != M_DIR ? -ENOTDIR
		   : nodes[n].nent	    ? -ENOTEMPTY
					    : 0;
	if (!expect_ret("rmdir", vfs_rmdir(path), want) || want)
		return;
	del_ent(dir, e, true);
	parent_path(path, up);
	if (check_node(path, -1, false))
		check_node(up, dir, true);
}

/* Linux's answer to rename(src in sdir, dst in ddir): do_renameat2's
 * checks (source an ancestor of the target: -EINVAL; target an ancestor
 * of the source: -ENOTEMPTY), then vfs_rename's (same inode: nothing),
 * then the types. */
static int rename_answer(int sdir, int sn, int ddir, int dn)
{
	if (sdir != ddir && nodes[sn].type == M_DIR && is_under(ddir, sn))
		return -EINVAL;
	if (sdir != ddir && dn >= 0 && nodes[dn].type == M_DIR &&
	    is_under(sdir, dn))
		return -ENOTEMPTY;
	if (dn == sn)
		return 1; /* nothing to do */
	if (dn >= 0 && nodes[sn].type == M_DIR && nodes[dn].type != M_DIR)
		return -ENOTDIR;
	if (dn >= 0 && nodes[sn].type != M_DIR && nodes[dn].type == M_DIR)
		return -EISDIR;
	if (dn >= 0 && nodes[dn].type == M_DIR && nodes[dn].nent)
		return -ENOTEMPTY;
	return 0;
}

static void op_rename(void)
{
	char name[260], path[PATHLEN], src[PATHLEN], up[PATHLEN];
	int ddir;
	struct loc *l = pick_entry();

	if (!l)
		return;
	int sdir = l->dir, sn = loc_node(l);
	char sname[260];
	snprintf(sname, sizeof(sname), "%s", nodes[sdir].ents[l->idx].name);
	snprintf(src, sizeof(src), "%s", l->path);
	pick_place(&ddir, name, sizeof(name), path);
	if (strlen(path) + 300 > 1500)
		return;
	int de = find_ent(ddir, name),
	    dn = de >= 0 ? nodes[ddir].ents[de].node : -1;
	snprintf(desc, sizeof(desc), "rename %s -> %s", src, path);
	int want = rename_answer(sdir, sn, ddir, dn);
	if (!expect_ret("rename", vfs_rename(src, path), want > 0 ? 0 : want) ||
	    want)
		return;
	/* replace the target, move the entry */
	if (de >= 0) {
		del_ent(ddir, de, false);
		if (nodes[dn].type == M_DIR || !refs(dn))
			node_free(dn);
	}
	int se = find_ent(sdir, sname);
	nodes[sdir].ents[se].node = -1;
	del_ent(sdir, se, false);
	add_ent(ddir, name, sn);
	if (nodes[sn].type == M_DIR)
		nodes[sn].parent = ddir;
	parent_path(src, up);
	if (!check_node(src, -1, false) || !check_node(path, sn, true) ||
	    !check_node(up, sdir, true))
		return;
	parent_path(path, up);
	check_node(up, ddir, true);
}

static void op_link(void)
{
	char name[260], path[PATHLEN];
	int ddir;
	struct loc *l = pick_entry();

	if (!l)
		return;
	int sn = loc_node(l);
	pick_place(&ddir, name, sizeof(name), path);
	snprintf(desc, sizeof(desc), "link %s -> %s", l->path, path);
	int want = find_ent(ddir, name) >= 0 ? -EEXIST
		   : nodes[sn].type == M_DIR ? -EPERM
					     : 0;
	if (!expect_ret("link", vfs_link(l->path, path), want) || want)
		return;
	add_ent(ddir, name, sn);
	if (check_node(path, sn, false))
		check_node(l->path, sn, false);
}

static void op_symlink(void)
{
	char name[260], path[PATHLEN], target[400];
	int dir;

	pick_place(&dir, name, sizeof(name), path);
	if (live_nodes() >= MAXN - 1)
		return;
	/* targets that never resolve: a missing top-level directory */
	int len = rnd(4) ? (int)(8 + rnd(52)) : (int)(60 + rnd(300));
	snprintf(target, sizeof(target), "/nonexistent_dir/%0*u", len - 17,
		 rnd(1000000));
	snprintf(desc, sizeof(desc), "symlink %s -> %.40s (%d bytes)", path,
		 target, (int)strlen(target));
	int want = find_ent(dir, name) >= 0 ? -EEXIST : 0;
	if (!expect_ret("symlink", vfs_symlink(target, path), want) || want)
		return;
	int n = node_new(M_LNK);
	nodes[n].perm = 0777;
	nodes[n].target = strdup(target);
	add_ent(dir, name, n);
	check_node(path, n, false);
}

static void op_check(void)
{
	struct loc *l = &locs[rnd(nlocs)];

	snprintf(desc, sizeof(desc), "check %s", l->path);
	check_node(l->path, loc_node(l), true);
}

static void one_op(void)
{
	bool crowded = live_nodes() > MAX_LIVE;
	uint32_t r = rnd(100);

	collect_all();
	if (crowded && r < 50) {
		if (r < 35)
			op_unlink();
		else
			op_rmdir();
		return;
	}
	if (r < 25)
		op_write();
	else if (r < 33)
		op_truncate();
	else if (r < 45)
		op_unlink();
	else if (r < 57)
		op_mkdir();
	else if (r < 65)
		op_rmdir();
	else if (r < 80)
		op_rename();
	else if (r < 88)
		op_link();
	else if (r < 95)
		op_symlink();
	else
		op_check();
}

/* ---- a whole sequence */

static unsigned ops_per_seed(void)
{
	const char *e = getenv("FS_MODEL_OPS");

	return e && atoi(e) > 0 ? (unsigned)atoi(e) : 400;
}

static void run_seed(void *arg)
{
	unsigned seed = (unsigned)(uintptr_t)arg, nops = ops_per_seed();
	char img[512];

	seed_now = seed;
	rng = 0x9E3779B97F4A7C15ull * (seed + 1);
	bsize = variants[seed % NVARIANTS].bsize;
	verbose = getenv("FS_MODEL_VERBOSE") != NULL;
	snprintf(img, sizeof(img), "%s", fs_path("img"));
	snprintf(desc, sizeof(desc), "setup");
	if (fs_mkfs(img, bsize, variants[seed % NVARIANTS].isize, 24576,
		    "-N 1024"))
		return;
	int err = fs_mount(img);
	if (err) {
		MFAIL("mount: %d", err);
		return;
	}
	memset(nodes, 0, sizeof(nodes));
	data_total = 0;
	nodes[0].type = M_DIR;
	nodes[0].parent = 0;
	nodes[0].perm = 0755;
	int lf = node_new(M_DIR);
	nodes[lf].parent = 0;
	nodes[lf].perm = 0700;
	add_ent(0, "lost+found", lf);
	if (!check_tree())
		return;
	for (step_now = 1; step_now <= (int)nops && !unit_failures;
	     step_now++) {
		snprintf(desc, sizeof(desc), "nothing to do");
		one_op();
	}
	if (unit_failures)
		return;
	snprintf(desc, sizeof(desc), "the whole tree after the last step");
	if (!check_tree())
		return;
	snprintf(desc, sizeof(desc), "unmount and e2fsck");
	err = fs_unmount();
	if (err)
		MFAIL("unmount: %d", err);
	char why[512] = "";
	if (!fs_fsck(img, why, sizeof(why))) {
		MFAIL("e2fsck -fn: %s", why);
		return;
	}
	snprintf(desc, sizeof(desc), "the whole tree after a remount");
	err = fs_mount(img);
	if (err) {
		MFAIL("remount: %d", err);
		return;
	}
	check_tree();
	EXPECT_EQ(fs_unmount(), 0);
}

/* ---- the table: one case per seed */

static unsigned first_seed = 1, next_seed;

static void seed_case(void)
{
	fs_forked(run_seed, (void *)(uintptr_t)next_seed++, 20, true, "");
}

int main(void)
{
	const char *one = getenv("FS_MODEL_SEED"),
		   *many = getenv("FS_MODEL_SEEDS");
	unsigned n = 20;
	static struct unit_case cases[100000];
	static char names[100000][48];

	if (one && atoi(one) > 0) {
		first_seed = (unsigned)atoi(one);
		n = 1;
	} else if (many && atoi(many) > 0) {
		n = (unsigned)atoi(many);
	}
	if (n > 100000)
		n = 100000;
	next_seed = first_seed;
	for (unsigned i = 0; i < n; i++) {
		unsigned s = first_seed + i;
		snprintf(names[i], sizeof(names[i]), "seed %u [%uk/%u], %u ops",
			 s, variants[s % NVARIANTS].bsize / 1024,
			 variants[s % NVARIANTS].isize, ops_per_seed());
		cases[i].name = names[i];
		cases[i].fn = seed_case;
	}
	return unit_run(cases, (int)n);
}
