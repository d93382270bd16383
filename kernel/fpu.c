/* kernel/fpu.c - per-task FPU/SSE state (see fpu.h). */
#include "kernel/fpu.h"

#include <stdbool.h>
#include <stdint.h>

#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/task.h"

#define CPUID_FXSR (1u << 24)
#define CPUID_SSE (1u << 25)
#define CR0_MP (1u << 1)
#define CR0_EM (1u << 2)
#define CR0_TS (1u << 3)
#define CR0_NE (1u << 5)
#define CR4_OSFXSR (1u << 9)
#define CR4_OSXMMEXCPT (1u << 10)

static bool have_fxsr;
static uint8_t clean[512] __attribute__((aligned(16)));

static uint32_t cpuid_edx(void)
{
	uint32_t a = 1, b, c, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return d;
}

void fpu_init(void)
{
	uint32_t cr0, cr4, edx = cpuid_edx();

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE;
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	have_fxsr = edx & CPUID_FXSR;
	if (have_fxsr) {
		__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
		cr4 |= CR4_OSFXSR | ((edx & CPUID_SSE) ? CR4_OSXMMEXCPT : 0);
		__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
	}
	__asm__ volatile("fninit");
	fpu_save_image(clean);
	printk("fpu: %s\n", have_fxsr ? (edx & CPUID_SSE ? "x87 + SSE (fxsave)" : "x87 (fxsave)")
				      : "x87 (fnsave)");
}

void fpu_save_image(unsigned char *image)
{
	if (have_fxsr)
		__asm__ volatile("fxsave (%0)" : : "r"(image) : "memory");
	else
		__asm__ volatile("fnsave (%0); frstor (%0)" : : "r"(image) : "memory");
}

void fpu_init_task(struct task *t)
{
	memcpy(t->fpu, clean, sizeof(clean));
}

void fpu_save(struct task *t)
{
	if (t->proc)
		fpu_save_image(t->fpu);
}

void fpu_restore(struct task *t)
{
	if (!t->proc)
		return;
	if (have_fxsr)
		__asm__ volatile("fxrstor (%0)" : : "r"(t->fpu) : "memory");
	else
		__asm__ volatile("frstor (%0)" : : "r"(t->fpu) : "memory");
}
