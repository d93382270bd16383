/* kernel/exec.c - execve: loading a static ELF32 program and building the
 * initial stack Linux builds, so glibc and musl binaries start here.
 *
 * Two kinds of program load: ET_EXEC at the addresses it was linked at
 * (0x08048000 by default), and ET_DYN without PT_INTERP (gcc -static-pie)
 * moved by a load bias so its first page is at PIE_BASE.  The bias goes
 * into every segment, the entry point, AT_PHDR and the start of brk; the
 * program's own start-up code (glibc's _dl_relocate_static_pie) applies
 * its relocations, so AT_BASE stays 0.  A program with PT_INTERP needs a
 * dynamic linker, which this kernel does not start: -ENOEXEC.
 *
 * The new program goes into a fresh address space; the old one is freed
 * only once everything has loaded, so a failing execve returns its error
 * to a caller that still exists.  Segments are mapped writable while
 * their bytes are read in, then given their final protection.  The stack,
 * from USER_TOP down:
 *
 *   16 random bytes (AT_RANDOM), "i686" (AT_PLATFORM), the path
 *   (AT_EXECFN), the environment strings, the argument strings,
 *   padding to 16, then auxv pairs, NULL, envp[], NULL, argv[], argc
 *   <- esp (16-byte aligned)
 *
 * In a process with several threads, the others end first (Linux's
 * de_thread), once the program is known to be an executable: the new
 * address space must not have anyone else running in it.
 */
#include "kernel/err.h"
#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/mutex.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/segments.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/uaccess.h"
#include "kernel/uapi/errno.h"
#include "kernel/vfs.h"
#include "kernel/vm.h"
#include "kernel/x86.h"

#define EI_NIDENT 16
#define ET_EXEC 2
#define ET_DYN 3
#define EM_386 3
#define PT_LOAD 1
#define PT_INTERP 3
#define PT_PHDR 6
/* Where an ET_DYN program's first page goes: Linux i386's choice for a
 * PIE without address-space randomization (what gdb shows).  Fixed: this
 * kernel has no ASLR.  Between MMAP_BASE and the stack, so brk grows up
 * from the program's end into free space. */
#define PIE_BASE 0x56555000u
#define PF_X 1
#define PF_W 2
#define PF_R 4
#define MAX_PHDRS 16
#define MAX_ARGS 1024
#define ARG_BYTES (128 * 1024) /* argv + envp strings: E2BIG beyond */

enum { AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6,
       AT_BASE = 7, AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12,
       AT_GID = 13, AT_EGID = 14, AT_PLATFORM = 15, AT_HWCAP = 16,
       AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_EXECFN = 31 };

struct elf_header {
	uint8_t ident[EI_NIDENT];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

struct image {
	struct elf_header eh;
	struct elf_phdr ph[MAX_PHDRS];
	uint32_t phdr_addr; /* where the program headers are in memory */
	uint32_t brk; /* end of the highest segment */
};

static int read_headers(struct file *f, struct image *im)
{
	struct elf_header *eh = &im->eh;
	long n = vfs_pread(f, eh, sizeof(*eh), 0);

	if (n < 0)
		return (int)n;
	if (n != sizeof(*eh) || memcmp(eh->ident, "\177ELF", 4) ||
	    eh->ident[4] != 1 /* 32-bit */ || eh->ident[5] != 1 /* LSB */ ||
	    (eh->type != ET_EXEC && eh->type != ET_DYN) || eh->machine != EM_386 ||
	    eh->phentsize != sizeof(struct elf_phdr) || !eh->phnum ||
	    eh->phnum > MAX_PHDRS)
		return -ENOEXEC;
	n = vfs_pread(f, im->ph, eh->phnum * sizeof(struct elf_phdr), eh->phoff);
	if (n != (long)(eh->phnum * sizeof(struct elf_phdr)))
		return n < 0 ? (int)n : -ENOEXEC;
	return 0;
}

/* A dynamically linked program (one naming an interpreter): said once in
 * the log, since the only sign a user gets otherwise is "Exec format
 * error". */
static int refuse_interp(const struct image *im, const char *path)
{
	static bool said;

	for (int i = 0; i < im->eh.phnum; i++) {
		if (im->ph[i].type != PT_INTERP)
			continue;
		if (!said)
			printk("execve: %s: dynamic programs are not supported "
			       "(-ENOEXEC); link with -static or -static-pie\n", path);
		said = true;
		return -ENOEXEC;
	}
	return 0;
}

/* Moves an ET_DYN image to PIE_BASE: its lowest PT_LOAD page goes there
 * and every address in the headers follows.  The image must fit below
 * the stack (Linux: the mapping fails, -ENOMEM). */
static int relocate(struct image *im)
{
	uint32_t low = UINT32_MAX, high = 0, bias;

	if (im->eh.type != ET_DYN)
		return 0;
	for (int i = 0; i < im->eh.phnum; i++) {
		const struct elf_phdr *ph = &im->ph[i];
		if (ph->type != PT_LOAD || !ph->memsz)
			continue;
		if (ph->vaddr + ph->memsz < ph->vaddr)
			return -ENOEXEC;
		low = MIN(low, ALIGN_DOWN(ph->vaddr, PAGE_SIZE));
		high = MAX(high, ph->vaddr + ph->memsz);
	}
	if (!high)
		return -ENOEXEC;
	if (high - low > USER_TOP - USER_STACK_SIZE - PIE_BASE)
		return -ENOMEM;
	bias = PIE_BASE - low;
	for (int i = 0; i < im->eh.phnum; i++)
		im->ph[i].vaddr += bias;
	im->eh.entry += bias;
	return 0;
}

static uint32_t vm_flags(uint32_t pf)
{
	return VM_READ | ((pf & PF_W) ? VM_WRITE : 0) | ((pf & PF_X) ? VM_EXEC : 0);
}

/* Maps and reads one PT_LOAD segment; the page it shares with the one
 * before (if any) is already mapped. */
static int load_segment(struct mm *mm, struct file *f, const struct elf_phdr *ph,
			uint32_t *mapped_end)
{
	uint32_t start = ALIGN_DOWN(ph->vaddr, PAGE_SIZE);
	uint32_t end = ALIGN_UP(ph->vaddr + ph->memsz, PAGE_SIZE);
	long n;
	int err;

	if (ph->filesz > ph->memsz || !user_range_ok(ph->vaddr, ph->memsz) ||
	    end <= start)
		return -ENOEXEC;
	start = MAX(start, *mapped_end);
	if (start < end && (err = mm_map(mm, start, end - start, VM_READ | VM_WRITE)))
		return err;
	*mapped_end = MAX(*mapped_end, end);
	/* Frames for the file's bytes first: left to the faults of the read,
	 * running out of memory would be a short read (-ENOEXEC) or -EFAULT
	 * where Linux says -ENOMEM. */
	if (ph->filesz && (err = mm_populate(mm, ph->vaddr, ph->filesz)))
		return err;
	n = vfs_pread(f, (void *)ph->vaddr, ph->filesz, ph->offset);
	if (n != (long)ph->filesz)
		return n < 0 ? (int)n : -ENOEXEC;
	return 0;
}

/* Loads every PT_LOAD, then sets each range's final protection (a page
 * two segments share gets both's permissions). */
static int load_image(struct mm *mm, struct file *f, struct image *im)
{
	uint32_t mapped_end = 0, prev_end = 0, prev_flags = 0;
	int err;

	for (int i = 0; i < im->eh.phnum; i++) {
		struct elf_phdr *ph = &im->ph[i];
		if (ph->type == PT_PHDR)
			im->phdr_addr = ph->vaddr;
		if (ph->type != PT_LOAD || !ph->memsz)
			continue;
		if (ph->vaddr < mapped_end - (mapped_end ? PAGE_SIZE : 0))
			return -ENOEXEC; /* out of order or overlapping */
		if ((err = load_segment(mm, f, ph, &mapped_end)))
			return err;
		if (!im->phdr_addr && ph->offset == 0)
			im->phdr_addr = ph->vaddr + im->eh.phoff;
		im->brk = MAX(im->brk, ph->vaddr + ph->memsz);
	}
	if (!im->brk)
		return -ENOEXEC;
	for (int i = 0; i < im->eh.phnum; i++) {
		struct elf_phdr *ph = &im->ph[i];
		uint32_t start = ALIGN_DOWN(ph->vaddr, PAGE_SIZE);
		uint32_t end = ALIGN_UP(ph->vaddr + ph->memsz, PAGE_SIZE);
		uint32_t flags = vm_flags(ph->flags);
		if (ph->type != PT_LOAD || !ph->memsz)
			continue;
		mm_protect(mm, start, end - start, flags);
		if (start < prev_end) /* the shared page */
			mm_protect(mm, start, PAGE_SIZE, flags | prev_flags);
		prev_end = end;
		prev_flags = flags;
	}
	return 0;
}

/* Pushes n bytes on the new stack; returns their address (0 on fault). */
static uint32_t push(uint32_t *sp, const void *data, size_t n)
{
	*sp -= n;
	return copy_out((void *)*sp, data, n) ? 0 : *sp;
}

static int push_strings(uint32_t *sp, char *const strs[], int count, uint32_t *addrs)
{
	for (int i = count - 1; i >= 0; i--)
		if (!(addrs[i] = push(sp, strs[i], strlen(strs[i]) + 1)))
			return -EFAULT;
	return 0;
}

static int count_strings(char *const v[], size_t *bytes)
{
	int n = 0;

	for (; v && v[n]; n++) {
		*bytes += strlen(v[n]) + 1;
		if (n >= MAX_ARGS || *bytes > ARG_BYTES)
			return -E2BIG;
	}
	return n;
}

static void random_bytes(uint8_t out[16])
{
	uint64_t x = rdtsc() ^ 0x9E3779B97F4A7C15ull;

	for (int i = 0; i < 16; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		out[i] = (uint8_t)(x >> 24);
	}
}

static int build_stack(struct mm *mm, const struct image *im, const char *path,
		       char *const argv[], char *const envp[], uint32_t *esp)
{
	size_t bytes = 0;
	int argc = count_strings(argv, &bytes), envc = count_strings(envp, &bytes);
	uint32_t sp = USER_TOP, random, platform, execfn, *ptrs, need;
	uint8_t rnd[16];
	int n = 0, err;

	if (argc < 0 || envc < 0)
		return -E2BIG;
	if ((err = mm_map(mm, USER_TOP - USER_STACK_SIZE, USER_STACK_SIZE,
			  VM_READ | VM_WRITE)))
		return err;
	/* The pages the strings and pointers go to (one more page covers
	 * the fixed part: auxv, AT_RANDOM, "i686", alignment), populated for
	 * the reason load_segment gives. */
	need = bytes + strlen(path) + 1 + 4 * (argc + envc) + PAGE_SIZE;
	if ((err = mm_populate(mm, USER_TOP - need, need)))
		return err;
	random_bytes(rnd);
	ptrs = kmalloc((argc + envc + 48) * sizeof(uint32_t));
	if (!ptrs)
		return -ENOMEM;
	random = push(&sp, rnd, sizeof(rnd));
	platform = push(&sp, "i686", 5);
	execfn = push(&sp, path, strlen(path) + 1);
	uint32_t *env_addr = ptrs + argc;
	err = (!random || !platform || !execfn) ? -EFAULT : 0;
	err = err ?: push_strings(&sp, envp, envc, env_addr);
	err = err ?: push_strings(&sp, argv, argc, ptrs);
	if (err)
		goto out;
	/* The pointer block: argc argv[] 0 envp[] 0 auxv[] */
	uint32_t *block = ptrs + argc + envc, aux[] = {
		AT_PHDR, im->phdr_addr, AT_PHENT, sizeof(struct elf_phdr),
		AT_PHNUM, im->eh.phnum, AT_PAGESZ, PAGE_SIZE, AT_BASE, 0,
		AT_FLAGS, 0, AT_ENTRY, im->eh.entry, AT_UID, 0, AT_EUID, 0,
		AT_GID, 0, AT_EGID, 0, AT_PLATFORM, platform, AT_HWCAP, 0,
		AT_CLKTCK, 100, AT_SECURE, 0, AT_RANDOM, random,
		AT_EXECFN, execfn, AT_NULL, 0,
	};
	uint32_t words = 1 + argc + 1 + envc + 1 + ARRAY_SIZE(aux);
	sp = ALIGN_DOWN(sp - words * 4, 16);
	*esp = sp;
	block = kmalloc(words * 4);
	if (!block) {
		err = -ENOMEM;
		goto out;
	}
	block[n++] = argc;
	for (int i = 0; i < argc; i++)
		block[n++] = ptrs[i];
	block[n++] = 0;
	for (int i = 0; i < envc; i++)
		block[n++] = env_addr[i];
	block[n++] = 0;
	memcpy(block + n, aux, sizeof(aux));
	err = copy_out((void *)sp, block, words * 4);
	kfree(block);
out:
	kfree(ptrs);
	return err;
}

/* Remembers the program's absolute path for /proc/self/exe. */
static void exe_path(struct process *p, const char *path)
{
	size_t n = 0;

	if (path[0] != '/') /* relative: good enough for the common cases */
		n = strlcpy(p->exe_path, "/", sizeof(p->exe_path));
	strlcpy(p->exe_path + n, path, sizeof(p->exe_path) - n);
}

static const char *basename_of(const char *path)
{
	const char *base = path;

	for (const char *c = path; *c; c++)
		if (*c == '/' && c[1])
			base = c + 1;
	return base;
}

static void start_registers(struct trap_frame *tf, uint32_t entry, uint32_t esp)
{
	memset(tf, 0, sizeof(*tf));
	tf->eip = entry;
	tf->user_esp = esp;
	tf->cs = USER_CS;
	tf->ds = tf->es = tf->fs = tf->gs = tf->user_ss = USER_DS;
	tf->eflags = EFLAGS_IF | 0x2;
}

static int open_program(const char *path, struct file **f)
{
	struct vfs_stat st;
	int err = vfs_stat(path, &st, true);

	/* The type first: opening a FIFO would wait for a writer, or wake
	 * one.  (fs_lock is held: the file cannot change in between.) */
	if (err)
		return err;
	if (!S_ISREG(st.mode) || !(st.mode & 0111))
		return -EACCES;
	err = vfs_open(path, O_RDONLY, 0, f);
	if (err)
		return err;
	if ((*f)->inode->write_count) { /* someone is writing it */
		vfs_close(*f);
		*f = NULL; /* do_execve closes what it is given back */
		return -ETXTBSY;
	}
	return 0;
}

extern struct mutex fs_lock;

int do_execve(const char *path, char *const argv[], char *const envp[],
	      struct trap_frame *tf)
{
	struct process *p = current_proc();
	struct mm *old, *mm;
	struct image *im = kzalloc(sizeof(*im));
	struct file *f = NULL;
	uint32_t esp = 0;
	int err;

	mutex_lock(&fs_lock);
	err = im ? open_program(path, &f) : -ENOMEM;
	err = err ?: read_headers(f, im);
	err = err ?: refuse_interp(im, path);
	err = err ?: relocate(im);
	if (err)
		goto out;
	if (p->nr_threads > 1) { /* not holding the lock they may wait for */
		mutex_unlock(&fs_lock);
		err = thread_dethread();
		mutex_lock(&fs_lock);
		if (err)
			goto out;
	}
	old = p->mm;
	mm = mm_create();
	if (!mm) {
		err = -ENOMEM;
		goto out;
	}
	p->mm = mm; /* page faults while loading go to the new space */
	mm_activate(mm);
	err = load_image(mm, f, im);
	err = err ?: build_stack(mm, im, path, argv, envp, &esp);
	if (err) {
		p->mm = old;
		mm_activate(old);
		mm_destroy(mm);
		goto out;
	}
	mm->brk_start = mm->brk = ALIGN_UP(im->brk, PAGE_SIZE);
	mm_put(old); /* (a vfork parent may share it: freed by the last) */
	proc_vfork_release(p); /* that parent goes on now */
	current->clear_child_tid = 0; /* an address in the old memory */
	fdtable_close_on_exec(p->fds);
	proc_set_exe(p, f->inode);
	exe_path(p, path);
	strlcpy(p->name, basename_of(path), sizeof(p->name));
	memset(current->tls, 0, sizeof(current->tls)); /* a new program */
	for (int i = 0; i < _NSIG; i++) /* handlers go; ignoring stays */
		if (p->sigactions[i].handler != (void *)SIG_IGN)
			memset(&p->sigactions[i], 0, sizeof(p->sigactions[i]));
	tls_activate();
	start_registers(tf, im->eh.entry, esp);
out:
	if (f)
		vfs_close(f);
	mutex_unlock(&fs_lock);
	kfree(im);
	return err;
}
