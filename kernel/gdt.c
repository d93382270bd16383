/* kernel/gdt.c - the global descriptor table and the task-state segment.
 *
 * Flat segments (base 0, limit 4 GiB) for kernel and user code and data;
 * protection comes from paging.  The TSS exists to give the CPU the kernel
 * stack (ss0:esp0) to switch to when a trap arrives from ring 3.  Its I/O
 * permission bitmap offset points past its limit: user code may not touch
 * I/O ports.
 *
 * A second TSS is the double-fault task (IDT entry 8 is a task gate): a
 * double fault usually means the kernel stack overflowed into its guard
 * page, so the handler must run on a stack of its own, which only a task
 * switch guarantees.  The switch saves the faulting context in the main
 * TSS, where tss_saved_state() reads it for the panic report.
 */
#include "kernel/segments.h"

#include "kernel/kernel.h"
#include "kernel/paging.h"
#include "kernel/string.h"
#include "kernel/task.h"
#include "kernel/trap.h"

struct gdt_entry {
	uint16_t limit_lo;
	uint16_t base_lo;
	uint8_t base_mid;
	uint8_t access;
	uint8_t flags_limit_hi;
	uint8_t base_hi;
} __attribute__((packed));

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
} __attribute__((packed));

struct gdt_ptr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

#define ACC_PRESENT 0x80
#define ACC_DPL3 0x60
#define ACC_CODE_DATA 0x10
#define ACC_CODE_READ 0x0A
#define ACC_DATA_WRITE 0x02
#define ACC_TSS32 0x09
#define FLAG_4K_32BIT 0xC0

static struct gdt_entry gdt[GDT_ENTRIES];
static struct tss tss, double_fault_tss;
static uint8_t double_fault_stack[8192] __attribute__((aligned(16)));

static void set_entry(int i, uint32_t base, uint32_t limit, uint8_t access,
		      uint8_t flags)
{
	gdt[i] = (struct gdt_entry){
		.limit_lo = limit & 0xFFFF,
		.base_lo = base & 0xFFFF,
		.base_mid = (base >> 16) & 0xFF,
		.access = access,
		.flags_limit_hi = flags | ((limit >> 16) & 0x0F),
		.base_hi = base >> 24,
	};
}

static void init_double_fault_task(void);

static void load_gdt(void)
{
	struct gdt_ptr p = { sizeof(gdt) - 1, (uint32_t)gdt };

	__asm__ volatile("lgdt %0\n\t"
			 "ljmp %1, $1f\n"
			 "1:\n\t"
			 "mov %2, %%ds\n\t"
			 "mov %2, %%es\n\t"
			 "mov %2, %%ss\n\t"
			 "mov %3, %%fs\n\t"
			 "mov %3, %%gs\n\t"
			 "ltr %w4"
			 :
			 : "m"(p), "i"(KERNEL_CS), "r"(KERNEL_DS), "r"(0),
			   "r"(TSS_SEL)
			 : "memory");
}

void gdt_init(void)
{
	uint8_t code = ACC_PRESENT | ACC_CODE_DATA | ACC_CODE_READ | 0x08;
	uint8_t data = ACC_PRESENT | ACC_CODE_DATA | ACC_DATA_WRITE;

	set_entry(GDT_KERNEL_CS, 0, 0xFFFFF, code, FLAG_4K_32BIT);
	set_entry(GDT_KERNEL_DS, 0, 0xFFFFF, data, FLAG_4K_32BIT);
	set_entry(GDT_USER_CS, 0, 0xFFFFF, code | ACC_DPL3, FLAG_4K_32BIT);
	set_entry(GDT_USER_DS, 0, 0xFFFFF, data | ACC_DPL3, FLAG_4K_32BIT);

	memset(&tss, 0, sizeof(tss));
	tss.ss0 = KERNEL_DS;
	tss.iomap_base = sizeof(tss); /* beyond the limit: no I/O bitmap */
	set_entry(GDT_TSS, (uint32_t)&tss, sizeof(tss) - 1,
		  ACC_PRESENT | ACC_TSS32, 0);
	init_double_fault_task();
	load_gdt();
}

static void init_double_fault_task(void)
{
	struct tss *t = &double_fault_tss;

	memset(t, 0, sizeof(*t));
	t->eip = (uint32_t)double_fault_task;
	t->esp = (uint32_t)double_fault_stack + sizeof(double_fault_stack);
	t->cs = KERNEL_CS;
	t->ss = t->ds = t->es = KERNEL_DS;
	t->cr3 = V2P(kernel_page_directory);
	t->eflags = 0x2; /* interrupts off */
	t->iomap_base = sizeof(*t);
	set_entry(GDT_DOUBLEFAULT_TSS, (uint32_t)t, sizeof(*t) - 1,
		  ACC_PRESENT | ACC_TSS32, 0);
}

void tss_saved_state(struct trap_frame *tf)
{
	*tf = (struct trap_frame){
		.gs = tss.gs, .fs = tss.fs, .es = tss.es, .ds = tss.ds,
		.edi = tss.edi, .esi = tss.esi, .ebp = tss.ebp,
		.esp_at_pushad = tss.esp - 20, /* as a kernel trap frame has it */
		.ebx = tss.ebx, .edx = tss.edx, .ecx = tss.ecx, .eax = tss.eax,
		.trapno = T_DOUBLE_FAULT,
		.eip = tss.eip, .cs = tss.cs, .eflags = tss.eflags,
		.user_esp = tss.esp, .user_ss = tss.ss,
	};
}

void tss_set_kernel_stack(uint32_t esp0)
{
	tss.esp0 = esp0;
}

uint32_t tss_get_kernel_stack(void)
{
	return tss.esp0;
}

/* set_thread_area's flags, as sys_set_thread_area packs them. */
#define TLS_32BIT 0x01
#define TLS_CONTENTS(f) (((f) >> 1) & 3)
#define TLS_READ_EXEC_ONLY 0x08
#define TLS_LIMIT_IN_PAGES 0x10
#define TLS_NOT_PRESENT 0x20
#define TLS_USEABLE 0x40

void gdt_load_tls(const struct task *t)
{
	/* fs or gs may hold the selector of an entry about to be cleared
	 * (execve): an interrupt taken from here to the return to user mode
	 * would save and reload it, and reloading a cleared entry faults in
	 * the kernel.  Null selectors always load; the task's own come back
	 * from its trap frame on the way out. */
	__asm__ volatile("mov %0, %%fs; mov %0, %%gs" : : "r"(0));
	for (int i = 0; i < 3; i++) {
		uint32_t f = t->tls[i].flags;
		uint8_t type, access;

		if (!t->tls[i].used) {
			memset(&gdt[GDT_TLS_MIN + i], 0, sizeof(gdt[0]));
			continue;
		}
		if (TLS_CONTENTS(f) & 2) /* code */
			type = 0x8 | ((f & TLS_READ_EXEC_ONLY) ? 0 : 0x2);
		else /* data, maybe expand-down */
			type = ((f & TLS_READ_EXEC_ONLY) ? 0 : 0x2) |
			       ((TLS_CONTENTS(f) & 1) ? 0x4 : 0);
		access = ((f & TLS_NOT_PRESENT) ? 0 : ACC_PRESENT) | ACC_DPL3 |
			 ACC_CODE_DATA | type | 0x1 /* accessed */;
		set_entry(GDT_TLS_MIN + i, t->tls[i].base, t->tls[i].limit, access,
			  ((f & TLS_LIMIT_IN_PAGES) ? 0x80 : 0) |
			  ((f & TLS_32BIT) ? 0x40 : 0) |
			  ((f & TLS_USEABLE) ? 0x10 : 0));
	}
}
