/* kernel/paging.h - page directories and page tables (32-bit, no PAE).
 *
 * The kernel half (0xC0000000 and up) maps physical memory linearly and is
 * the same in every address space: 4 KiB pages for the first 4 MiB (the
 * kernel image, where the boot stack's guard page stays unmapped), 4 MiB
 * pages above.  The user half is
 * mapped with 4 KiB pages through page tables taken from the frame
 * allocator.
 */
#ifndef KERNEL_PAGING_H
#define KERNEL_PAGING_H

#include <stdbool.h>
#include <stdint.h>

#define PTE_PRESENT 0x001u
#define PTE_WRITE 0x002u
#define PTE_USER 0x004u
#define PTE_4M 0x080u
#define PTE_ADDR_MASK 0xFFFFF000u

typedef uint32_t pde_t;
typedef uint32_t pte_t;

extern pde_t kernel_page_directory[1024];

/* Maps all of low memory at KERNEL_VBASE, drops the boot identity map and
 * loads the kernel page directory. */
void paging_init(void);
/* Maps the 4 KiB page at va to pa with flags in directory pd (a kernel
 * virtual pointer); returns 0 or -ENOMEM (no frame for a page table) or
 * -EINVAL (va in the kernel half or not page aligned). */
int paging_map(pde_t *pd, uintptr_t va, uintptr_t pa, uint32_t flags);
/* The page-table entry for user address va in pd, making the page table
 * if create (NULL if there is none, or no memory for it). */
pte_t *paging_pte(pde_t *pd, uintptr_t va, bool create);
/* Removes the mapping of va (if any) and returns the frame it mapped, or 0. */
uintptr_t paging_unmap(pde_t *pd, uintptr_t va);
/* Frees the user-half page tables of pd (not the frames they map). */
void paging_free_tables(pde_t *pd);
/* The physical address va maps to in pd, or 0 if unmapped. */
uintptr_t paging_lookup(const pde_t *pd, uintptr_t va);

#endif
