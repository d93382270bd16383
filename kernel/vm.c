/* kernel/vm.c - user address spaces: regions, demand zero, copy-on-write
 * (see vm.h).
 *
 * Invariant: a present user PTE is writable only if its region is
 * writable and its frame is not shared (reference count 1).  So a write
 * fault on a present page in a writable region means "shared after fork":
 * copy the frame (or just make it writable if we are the last sharer).
 *
 * A file region (vma->file) differs only in where a missing page comes
 * from: vm_file.c reads it from the file into a private frame.  The hooks
 * here keep its file reference right as regions are split, copied for
 * fork and freed.
 */
#include "kernel/vm.h"

#include "kernel/kernel.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"
#include "kernel/pmm.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "kernel/uapi/errno.h"
#include "kernel/vm_file.h"
#include "kernel/x86.h"

#define KERNEL_PDE_FIRST (KERNEL_VBASE >> 22)

static uint16_t *refs; /* per frame: user mappings of it */
static size_t nframes;

void vm_init(void)
{
	nframes = pmm_ram_top() / PAGE_SIZE;
	refs = kzalloc(nframes * sizeof(*refs));
	if (!refs)
		panic("vm_init: no memory for frame reference counts");
}

static void frame_get(uintptr_t pa)
{
	refs[pa / PAGE_SIZE]++;
}

static void frame_put(uintptr_t pa)
{
	uint16_t *r = &refs[pa / PAGE_SIZE];

	if (*r <= 1) {
		*r = 0;
		pmm_free(pa);
	} else {
		--*r;
	}
}

bool user_range_ok(uint32_t addr, uint32_t len)
{
	return addr + len >= addr && addr + len <= USER_TOP;
}

static struct vma *find_vma(struct mm *mm, uint32_t addr)
{
	for (struct vma *v = mm->vmas; v && v->start <= addr; v = v->next)
		if (addr < v->end)
			return v;
	return NULL;
}

struct vma *mm_find_vma(struct mm *mm, uint32_t addr)
{
	return find_vma(mm, addr);
}

/* Frees a region's record (its pages are gone already). */
static void vma_free(struct vma *v)
{
	vm_file_drop(v);
	kfree(v);
}

struct mm *mm_create(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));
	uintptr_t pd = pmm_alloc();

	if (!mm || !pd) {
		kfree(mm);
		if (pd)
			pmm_free(pd);
		return NULL;
	}
	mm->pd = P2V(pd);
	mm->users = 1;
	memset(mm->pd, 0, PAGE_SIZE);
	memcpy(mm->pd + KERNEL_PDE_FIRST, kernel_page_directory + KERNEL_PDE_FIRST,
	       (1024 - KERNEL_PDE_FIRST) * sizeof(pde_t));
	return mm;
}

void mm_activate(struct mm *mm)
{
	write_cr3(mm ? V2P(mm->pd) : V2P(kernel_page_directory));
}

/* Frees the pages of [start, end) (page aligned) and clears their PTEs. */
static void free_range(struct mm *mm, uint32_t start, uint32_t end)
{
	for (uint32_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte;

		if (!(mm->pd[va >> 22] & PTE_PRESENT)) { /* no table: skip it */
			va = ALIGN_DOWN(va, 0x400000u) + 0x400000u - PAGE_SIZE;
			continue;
		}
		pte = paging_pte(mm->pd, va, false);
		if (pte && (*pte & PTE_PRESENT)) {
			frame_put(*pte & PTE_ADDR_MASK);
			*pte = 0;
			mm->pages--;
			invlpg(va);
		}
	}
}

void mm_destroy(struct mm *mm)
{
	struct vma *v;

	if (!mm)
		return;
	v = mm->vmas;
	if (read_cr3() == V2P(mm->pd))
		mm_activate(NULL); /* never free the tables we run on */
	while (v) {
		struct vma *next = v->next;
		free_range(mm, v->start, v->end);
		vma_free(v);
		v = next;
	}
	paging_free_tables(mm->pd);
	pmm_free(V2P(mm->pd));
	kfree(mm);
}

struct mm *mm_get(struct mm *mm)
{
	mm->users++;
	return mm;
}

void mm_put(struct mm *mm)
{
	if (mm && --mm->users == 0)
		mm_destroy(mm);
}

/* Makes a region boundary at addr, splitting the region around it. */
static int split_at(struct mm *mm, uint32_t addr)
{
	struct vma *v = find_vma(mm, addr), *rest;

	if (!v || v->start == addr)
		return 0;
	rest = kmalloc(sizeof(*rest));
	if (!rest)
		return -ENOMEM;
	*rest = *v;
	rest->start = addr;
	v->end = addr;
	vm_file_split(v, rest);
	v->next = rest;
	return 0;
}

int mm_unmap(struct mm *mm, uint32_t start, uint32_t len)
{
	uint32_t end = start + ALIGN_UP(len, PAGE_SIZE);
	struct vma **p = &mm->vmas;

	if (start % PAGE_SIZE || !len || !user_range_ok(start, end - start))
		return -EINVAL;
	if (split_at(mm, start) || split_at(mm, end))
		return -ENOMEM;
	while (*p) {
		struct vma *v = *p;
		if (v->start >= start && v->end <= end) {
			free_range(mm, v->start, v->end);
			*p = v->next;
			vma_free(v);
		} else {
			p = &v->next;
		}
	}
	return 0;
}

int mm_map(struct mm *mm, uint32_t start, uint32_t len, uint32_t flags)
{
	uint32_t end = start + ALIGN_UP(len, PAGE_SIZE);
	struct vma *v, **p;
	int err;

	if (start % PAGE_SIZE || !len || !user_range_ok(start, end - start))
		return -EINVAL;
	err = mm_unmap(mm, start, end - start);
	if (err)
		return err;
	v = kmalloc(sizeof(*v));
	if (!v)
		return -ENOMEM;
	*v = (struct vma){ .start = start, .end = end, .flags = flags };
	for (p = &mm->vmas; *p && (*p)->start < start; p = &(*p)->next)
		;
	v->next = *p;
	*p = v;
	return 0;
}

/* The PTE flags a present page of region v gets (write only if unshared). */
static uint32_t pte_flags(const struct vma *v, uintptr_t pa)
{
	uint32_t f = PTE_PRESENT;

	if (v->flags & (VM_READ | VM_WRITE | VM_EXEC))
		f |= PTE_USER;
	if ((v->flags & VM_WRITE) && refs[pa / PAGE_SIZE] == 1)
		f |= PTE_WRITE;
	return f;
}

int mm_protect(struct mm *mm, uint32_t start, uint32_t len, uint32_t flags)
{
	uint32_t end = start + ALIGN_UP(len, PAGE_SIZE);

	if (start % PAGE_SIZE || !user_range_ok(start, end - start))
		return -EINVAL;
	for (uint32_t a = start; a < end; a += PAGE_SIZE) {
		struct vma *v = find_vma(mm, a);
		if (!v)
			return -ENOMEM; /* Linux: a hole in the range */
		if ((v->flags & VM_SHARED) && (flags & VM_WRITE))
			return -EACCES; /* shared file pages are never written */
	}
	if (split_at(mm, start) || split_at(mm, end))
		return -ENOMEM;
	for (struct vma *v = mm->vmas; v; v = v->next) {
		if (v->start < start || v->end > end)
			continue;
		v->flags = flags | (v->flags & VM_SHARED);
		for (uint32_t va = v->start; va < v->end; va += PAGE_SIZE) {
			pte_t *pte = paging_pte(mm->pd, va, false);
			if (pte && (*pte & PTE_PRESENT)) {
				*pte = (*pte & PTE_ADDR_MASK) |
				       pte_flags(v, *pte & PTE_ADDR_MASK);
				invlpg(va);
			}
		}
	}
	return 0;
}

bool mm_range_free(struct mm *mm, uint32_t start, uint32_t len)
{
	for (struct vma *v = mm->vmas; v; v = v->next)
		if (v->start < start + len && start < v->end)
			return false;
	return user_range_ok(start, len);
}

uint32_t mm_find_free(struct mm *mm, uint32_t len, uint32_t hint)
{
	uint32_t addr = MAX(ALIGN_UP(hint, PAGE_SIZE), MMAP_BASE);
	uint32_t limit = USER_TOP - USER_STACK_SIZE;

	len = ALIGN_UP(len, PAGE_SIZE);
	for (struct vma *v = mm->vmas; v; v = v->next) {
		if (v->end <= addr)
			continue;
		if (v->start >= addr + len)
			break;
		addr = v->end;
	}
	return addr + len <= limit && addr + len > addr ? addr : 0;
}

/* Fills a missing page of region v with zeros. */
static int demand_zero(struct mm *mm, struct vma *v, uint32_t va, pte_t *pte)
{
	uintptr_t pa = pmm_alloc();

	if (!pa)
		return -ENOMEM;
	memset(P2V(pa), 0, PAGE_SIZE);
	refs[pa / PAGE_SIZE] = 1;
	*pte = pa | pte_flags(v, pa);
	mm->pages++;
	invlpg(va);
	return 0;
}

/* A write to a page shared after fork: copy it, unless we are the last. */
static int copy_on_write(struct vma *v, uint32_t va, pte_t *pte)
{
	uintptr_t old = *pte & PTE_ADDR_MASK, copy;

	if (refs[old / PAGE_SIZE] > 1) {
		copy = pmm_alloc();
		if (!copy)
			return -ENOMEM;
		memcpy(P2V(copy), P2V(old), PAGE_SIZE);
		refs[copy / PAGE_SIZE] = 1;
		frame_put(old);
		old = copy;
	}
	*pte = old | pte_flags(v, old);
	invlpg(va);
	return 0;
}

int vm_fault(struct mm *mm, uint32_t addr, uint32_t err)
{
	uint32_t va = ALIGN_DOWN(addr, PAGE_SIZE);
	struct vma *v = find_vma(mm, addr);
	pte_t *pte;

	if (!v || !(v->flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return -EFAULT;
	if ((err & PF_WRITE) && !(v->flags & VM_WRITE))
		return -EFAULT;
	pte = paging_pte(mm->pd, va, true);
	if (!pte)
		return -ENOMEM;
	if (!(*pte & PTE_PRESENT))
		return v->file ? vm_file_fault(mm, addr, err)
			       : demand_zero(mm, v, va, pte);
	if ((err & PF_WRITE) && !(*pte & PTE_WRITE))
		return copy_on_write(v, va, pte);
	return 0; /* already fixed (e.g. by an earlier fault of the copy) */
}

int mm_populate(struct mm *mm, uint32_t start, uint32_t len)
{
	uint32_t end = ALIGN_UP(start + len, PAGE_SIZE);

	for (uint32_t va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE) {
		struct vma *v = find_vma(mm, va);
		pte_t *pte;

		if (!v)
			return -EFAULT;
		if (v->file)
			continue; /* read on first touch */
		pte = paging_pte(mm->pd, va, true);
		if (!pte)
			return -ENOMEM;
		if (!(*pte & PTE_PRESENT) && demand_zero(mm, v, va, pte))
			return -ENOMEM;
	}
	return 0;
}

int mm_install_page(struct mm *mm, uint32_t addr, uintptr_t pa)
{
	uint32_t va = ALIGN_DOWN(addr, PAGE_SIZE);
	struct vma *v = find_vma(mm, va);
	pte_t *pte;

	if (!v)
		return -EFAULT;
	pte = paging_pte(mm->pd, va, true);
	if (!pte)
		return -ENOMEM;
	if (*pte & PTE_PRESENT)
		return -EEXIST;
	refs[pa / PAGE_SIZE] = 1;
	*pte = pa | pte_flags(v, pa);
	mm->pages++;
	invlpg(va);
	return 0;
}

struct mm *mm_fork(struct mm *mm)
{
	struct mm *child = mm_create();
	struct vma **tail;

	if (!child)
		return NULL;
	child->brk_start = mm->brk_start;
	child->brk = mm->brk;
	tail = &child->vmas;
	for (struct vma *v = mm->vmas; v; v = v->next) {
		struct vma *c = kmalloc(sizeof(*c));
		if (!c)
			goto fail;
		*c = *v;
		c->next = NULL;
		vm_file_dup(c);
		*tail = c;
		tail = &c->next;
		for (uint32_t va = v->start; va < v->end; va += PAGE_SIZE) {
			pte_t *src = paging_pte(mm->pd, va, false), *dst;
			if (!src || !(*src & PTE_PRESENT))
				continue;
			dst = paging_pte(child->pd, va, true);
			if (!dst)
				goto fail;
			*src &= ~PTE_WRITE; /* both now share it read-only */
			*dst = *src;
			frame_get(*src & PTE_ADDR_MASK);
			child->pages++;
		}
	}
	if (read_cr3() == V2P(mm->pd))
		mm_activate(mm); /* flush the now read-only entries */
	return child;
fail:
	mm_destroy(child);
	if (read_cr3() == V2P(mm->pd))
		mm_activate(mm);
	return NULL;
}
