/* kernel/namei.c - path resolution: from a path string to an inode.
 *
 * A path is walked one component at a time from the root ("/...") or the
 * working directory.  "." stays, ".." goes up (and, at the root of a
 * mounted filesystem, back over its mount point; at the root it stays).
 * Entering a directory that has a filesystem mounted on it continues in
 * that filesystem's root.  A symlink met in the middle of a path is always
 * followed, the last component only with LOOKUP_FOLLOW (or a trailing
 * slash); its target is resolved from the directory holding the link.
 * At most SYMLINK_MAX_DEPTH links are followed in one resolution (-ELOOP
 * beyond, as in Linux).  Every inode handed out is referenced.
 */
#include "kernel/err.h"
#include "kernel/kmalloc.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"
#include "kernel/vfs_internal.h"

static struct inode *walk(struct inode *start, const char *path, unsigned flags,
			  int *links);

/* Continues into whatever is mounted on inode; passes the reference on. */
static struct inode *cross_mounts(struct inode *inode)
{
	while (inode->mounted) {
		struct inode *root = igrab(inode->mounted->sb->root);
		iput(inode);
		inode = root;
	}
	return inode;
}

/* The directory ".." means from dir, as a referenced inode. */
static struct inode *parent_of(struct inode *dir)
{
	struct mount *m;
	struct inode *up;
	int err;

	while (dir != vfs_root() && (m = mount_of_root(dir)) && m->mountpoint)
		dir = m->mountpoint; /* leave the mounted filesystem */
	if (dir == vfs_root())
		return igrab(dir);
	if (!dir->nlink && dir->parent) /* removed: its entries are gone */
		return igrab(dir->parent);
	err = dir->i_op->lookup(dir, "..", 2, &up);
	return err ? ERR_PTR(err) : cross_mounts(up);
}

/* One component from the directory dir: a referenced inode, symlinks not
 * followed. */
static struct inode *step(struct inode *dir, const char *name, size_t len)
{
	struct inode *child;
	int err;

	if (!S_ISDIR(dir->mode) || !dir->i_op || !dir->i_op->lookup)
		return ERR_PTR(-ENOTDIR);
	if (len == 1 && name[0] == '.')
		return igrab(dir);
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return parent_of(dir);
	if (len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	err = dir->i_op->lookup(dir, name, len, &child);
	if (err)
		return ERR_PTR(err);
	if (S_ISDIR(child->mode) && child->sb == dir->sb)
		inode_set_parent(child, dir);
	return cross_mounts(child);
}

/* Resolves the target of link (consumed) from directory dir. */
static struct inode *follow(struct inode *dir, struct inode *link, int *links)
{
	char *target;
	struct inode *result;
	int n = -EINVAL;

	if (++*links > SYMLINK_MAX_DEPTH) {
		iput(link);
		return ERR_PTR(-ELOOP);
	}
	target = kmalloc(PATH_MAX);
	if (!target) {
		iput(link);
		return ERR_PTR(-ENOMEM);
	}
	if (link->i_op && link->i_op->readlink)
		n = link->i_op->readlink(link, target, PATH_MAX - 1);
	iput(link);
	if (n <= 0) {
		kfree(target);
		return ERR_PTR(n < 0 ? n : -ENOENT);
	}
	target[n] = '\0';
	result = walk(dir, target, LOOKUP_FOLLOW, links);
	kfree(target);
	return result;
}

static const char *skip_slashes(const char *p)
{
	while (*p == '/')
		p++;
	return p;
}

static struct inode *walk(struct inode *start, const char *path, unsigned flags,
			  int *links)
{
	const char *p = path;
	struct inode *cur;

	if (!*path)
		return ERR_PTR(-ENOENT);
	if (!start || !vfs_root())
		return ERR_PTR(-ENOENT); /* nothing mounted yet */
	cur = igrab(*path == '/' ? vfs_root() : start);
	for (p = skip_slashes(p); *p; p = skip_slashes(p)) {
		const char *name = p;
		struct inode *next;

		while (*p && *p != '/')
			p++;
		bool last = !*skip_slashes(p), slash = *p == '/';
		next = step(cur, name, p - name);
		if (!IS_ERR(next) && S_ISLNK(next->mode) &&
		    (!last || slash || (flags & LOOKUP_FOLLOW)))
			next = follow(cur, next, links);
		iput(cur);
		if (IS_ERR(next))
			return next;
		cur = next;
		if (last && slash && !S_ISDIR(cur->mode))
			goto not_dir;
	}
	if ((flags & LOOKUP_DIRECTORY) && !S_ISDIR(cur->mode))
		goto not_dir;
	return cur;
not_dir:
	iput(cur);
	return ERR_PTR(-ENOTDIR);
}

static int check_length(const char *path)
{
	return strnlen(path, PATH_MAX) >= PATH_MAX ? -ENAMETOOLONG : 0;
}

struct inode *namei(const char *path, unsigned flags)
{
	int links = 0, err = check_length(path);

	return err ? ERR_PTR(err) : walk(vfs_cwd(), path, flags, &links);
}

struct inode *namei_parent(const char *path, const char **name, size_t *len)
{
	size_t end = strnlen(path, PATH_MAX), start;
	struct inode *dir;
	char *prefix;
	int links = 0;

	if (end >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (!end)
		return ERR_PTR(-ENOENT);
	if (!vfs_root())
		return ERR_PTR(-ENOENT);
	while (end > 1 && path[end - 1] == '/')
		end--; /* "a/b/" names b */
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	*name = path + start;
	*len = end - start; /* 0 for "/" itself */
	if (start == 0) {
		dir = igrab(vfs_cwd());
	} else {
		prefix = kmalloc(start + 1);
		if (!prefix)
			return ERR_PTR(-ENOMEM);
		memcpy(prefix, path, start);
		prefix[start] = '\0';
		dir = walk(vfs_cwd(), prefix, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &links);
		kfree(prefix);
	}
	if (!IS_ERR(dir) && *len > NAME_MAX) { /* after the walk, as Linux */
		iput(dir);
		return ERR_PTR(-ENAMETOOLONG);
	}
	return dir;
}
