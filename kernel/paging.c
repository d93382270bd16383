/* kernel/paging.c - building and editing page directories (see paging.h). */
#include "kernel/paging.h"

#include "kernel/kernel.h"
#include "kernel/pmm.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/x86.h"

#define PDE_INDEX(va) ((va) >> 22)
#define PTE_INDEX(va) (((va) >> 12) & 0x3FF)
#define KERNEL_PDE_FIRST PDE_INDEX(KERNEL_VBASE)

pde_t kernel_page_directory[1024] __attribute__((aligned(4096)));
/* The first 4 MiB of the kernel half (the kernel image) in 4 KiB pages, so
 * that single pages such as the boot stack's guard can be left unmapped. */
static pte_t kernel_image_table[1024] __attribute__((aligned(4096)));

extern char boot_stack_guard[];

void paging_init(void)
{
	for (uint32_t pa = 0; pa < 0x400000; pa += PAGE_SIZE)
		kernel_image_table[pa >> PAGE_SHIFT] = pa | PTE_PRESENT | PTE_WRITE;
	kernel_image_table[V2P(boot_stack_guard) >> PAGE_SHIFT] = 0;
	kernel_page_directory[KERNEL_PDE_FIRST] =
		V2P(kernel_image_table) | PTE_PRESENT | PTE_WRITE;
	for (uint32_t pa = 0x400000; pa < LOWMEM_LIMIT; pa += 0x400000)
		kernel_page_directory[KERNEL_PDE_FIRST + (pa >> 22)] =
			pa | PTE_PRESENT | PTE_WRITE | PTE_4M;
	write_cr3(V2P(kernel_page_directory));
}

pte_t *paging_pte(pde_t *pd, uintptr_t va, bool create)
{
	pde_t *pde = &pd[PDE_INDEX(va)];

	if (!(*pde & PTE_PRESENT)) {
		uintptr_t pt;

		if (!create || !(pt = pmm_alloc()))
			return NULL;
		memset(P2V(pt), 0, PAGE_SIZE);
		/* Permissions are decided per page, in the PTE. */
		*pde = pt | PTE_PRESENT | PTE_WRITE | PTE_USER;
	}
	return (pte_t *)P2V(*pde & PTE_ADDR_MASK) + PTE_INDEX(va);
}

int paging_map(pde_t *pd, uintptr_t va, uintptr_t pa, uint32_t flags)
{
	pte_t *pte;

	if (va >= KERNEL_VBASE || va % PAGE_SIZE || pa % PAGE_SIZE)
		return -EINVAL;
	pte = paging_pte(pd, va, true);
	if (!pte)
		return -ENOMEM;
	*pte = pa | flags | PTE_PRESENT;
	invlpg(va);
	return 0;
}

uintptr_t paging_unmap(pde_t *pd, uintptr_t va)
{
	pte_t *pte = va < KERNEL_VBASE ? paging_pte(pd, va, false) : NULL;
	uintptr_t pa;

	if (!pte || !(*pte & PTE_PRESENT))
		return 0;
	pa = *pte & PTE_ADDR_MASK;
	*pte = 0;
	invlpg(va);
	return pa;
}

uintptr_t paging_lookup(const pde_t *pd, uintptr_t va)
{
	pde_t pde = pd[PDE_INDEX(va)];
	const pte_t *pt;

	if (!(pde & PTE_PRESENT))
		return 0;
	if (pde & PTE_4M)
		return (pde & 0xFFC00000u) | (va & 0x3FFFFFu);
	pt = P2V(pde & PTE_ADDR_MASK);
	if (!(pt[PTE_INDEX(va)] & PTE_PRESENT))
		return 0;
	return (pt[PTE_INDEX(va)] & PTE_ADDR_MASK) | (va & 0xFFFu);
}

void paging_free_tables(pde_t *pd)
{
	for (unsigned i = 0; i < KERNEL_PDE_FIRST; i++) {
		if (pd[i] & PTE_PRESENT)
			pmm_free(pd[i] & PTE_ADDR_MASK);
		pd[i] = 0;
	}
	write_cr3(read_cr3()); /* flush the TLB of the old user mappings */
}
