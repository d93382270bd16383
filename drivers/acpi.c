/* drivers/acpi.c - ACPI soft-off (S5).
 *
 * RSDP (found in the EBDA or the BIOS area 0xE0000-0xFFFFF) -> RSDT ->
 * FADT ("FACP"), which gives the PM1 control ports and the DSDT.  The S5
 * sleep type lives in the DSDT's AML as  Name(_S5, Package(){a, b, ...}):
 * we find the "_S5_" name and decode the first two package elements,
 * which is all a full AML interpreter would tell us for this object on
 * PC firmware.  Every table is checked for size and checksum before use.
 */
#include "drivers/acpi.h"

#include "kernel/kernel.h"
#include "kernel/pmm.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "kernel/time.h"
#include "kernel/x86.h"

struct rsdp {
	char sig[8];
	uint8_t checksum;
	char oem[6];
	uint8_t revision;
	uint32_t rsdt;
} __attribute__((packed));

struct sdt_header {
	char sig[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem[6], oem_table[8];
	uint32_t oem_rev, creator, creator_rev;
} __attribute__((packed));

/* FADT fields we use, by byte offset from the table start. */
#define FADT_DSDT 40
#define FADT_SMI_CMD 48
#define FADT_ACPI_ENABLE 52
#define FADT_PM1A_CNT 64
#define FADT_PM1B_CNT 68

#define SLP_EN (1u << 13)
#define SCI_EN 1u
#define AML_NAME_OP 0x08
#define AML_PACKAGE_OP 0x12
#define AML_BYTE_PREFIX 0x0A
#define AML_ZERO_OP 0x00
#define AML_ONE_OP 0x01

static bool checksum_ok(const void *p, uint32_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

/* A table at physical pa, if it is mapped, intact and has signature sig. */
static const struct sdt_header *map_table(uint32_t pa, const char *sig)
{
	const struct sdt_header *h;

	if (!pa || pa >= LOWMEM_LIMIT - sizeof(*h))
		return NULL;
	h = P2V(pa);
	if (memcmp(h->sig, sig, 4) || h->length < sizeof(*h) ||
	    pa + h->length > LOWMEM_LIMIT || !checksum_ok(h, h->length))
		return NULL;
	return h;
}

static const struct rsdp *scan_rsdp(uint32_t start, uint32_t len)
{
	for (uint32_t pa = start; pa + sizeof(struct rsdp) <= start + len; pa += 16) {
		const struct rsdp *r = P2V(pa);

		if (!memcmp(r->sig, "RSD PTR ", 8) && checksum_ok(r, sizeof(*r)))
			return r;
	}
	return NULL;
}

static const struct sdt_header *find_fadt(void)
{
	uint32_t ebda = (uint32_t)*(const uint16_t *)P2V(0x40E) << 4;
	const struct rsdp *rsdp = NULL;
	const struct sdt_header *rsdt;

	if (ebda >= 0x80000 && ebda < 0xA0000)
		rsdp = scan_rsdp(ebda, 1024);
	if (!rsdp)
		rsdp = scan_rsdp(0xE0000, 0x20000);
	if (!rsdp || !(rsdt = map_table(rsdp->rsdt, "RSDT")))
		return NULL;
	const uint32_t *entries = (const uint32_t *)(rsdt + 1);
	uint32_t n = (rsdt->length - sizeof(*rsdt)) / 4;
	for (uint32_t i = 0; i < n; i++) {
		const struct sdt_header *t = map_table(entries[i], "FACP");
		if (t)
			return t;
	}
	return NULL;
}

/* Decodes one small integer element of an AML package; advances *p. */
static bool aml_small_int(const uint8_t **p, const uint8_t *end, uint8_t *v)
{
	if (*p >= end)
		return false;
	if (**p == AML_ZERO_OP || **p == AML_ONE_OP) {
		*v = *(*p)++;
		return true;
	}
	if (**p == AML_BYTE_PREFIX && *p + 1 < end) {
		*v = (*p)[1];
		*p += 2;
		return true;
	}
	return false;
}

/* Finds Name(_S5, Package(){a, b, ...}) in the DSDT. */
static bool find_s5(const struct sdt_header *dsdt, uint8_t *a, uint8_t *b)
{
	const uint8_t *start = (const uint8_t *)(dsdt + 1);
	const uint8_t *end = (const uint8_t *)dsdt + dsdt->length;

	for (const uint8_t *p = start + 1; p + 4 < end; p++) {
		if (memcmp(p, "_S5_", 4))
			continue;
		if (p[-1] != AML_NAME_OP && !(p >= start + 2 && p[-1] == '\\' &&
					     p[-2] == AML_NAME_OP))
			continue;
		p += 4;
		if (p >= end || *p++ != AML_PACKAGE_OP || p >= end)
			return false;
		p += ((*p >> 6) & 3) + 1; /* PkgLength: 1 + (bits 7:6) bytes */
		p++; /* NumElements */
		return aml_small_int(&p, end, a) && aml_small_int(&p, end, b);
	}
	return false;
}

static uint32_t field32(const struct sdt_header *t, uint32_t off)
{
	return off + 4 <= t->length ? *(const uint32_t *)((const uint8_t *)t + off) : 0;
}

void acpi_power_off(void)
{
	const struct sdt_header *fadt = find_fadt(), *dsdt;
	uint8_t slp_a, slp_b;
	uint32_t pm1a, pm1b, smi_cmd;

	if (!fadt || !(dsdt = map_table(field32(fadt, FADT_DSDT), "DSDT")) ||
	    !find_s5(dsdt, &slp_a, &slp_b)) {
		kprintf("acpi: no usable FADT/DSDT/_S5: cannot power off\n");
		return;
	}
	pm1a = field32(fadt, FADT_PM1A_CNT);
	pm1b = field32(fadt, FADT_PM1B_CNT);
	smi_cmd = field32(fadt, FADT_SMI_CMD);
	if (!pm1a || pm1a > 0xFFFF) {
		kprintf("acpi: no PM1a control port: cannot power off\n");
		return;
	}
	if (!(inw(pm1a) & SCI_EN) && smi_cmd && smi_cmd <= 0xFFFF) {
		outb(smi_cmd, *((const uint8_t *)fadt + FADT_ACPI_ENABLE));
		for (int i = 0; i < 300 && !(inw(pm1a) & SCI_EN); i++)
			udelay(1000);
	}
	outw(pm1a, (uint16_t)((slp_a << 10) | SLP_EN));
	if (pm1b && pm1b <= 0xFFFF)
		outw(pm1b, (uint16_t)((slp_b << 10) | SLP_EN));
	udelay(100000); /* the machine should be gone by now */
	kprintf("acpi: S5 request ignored\n");
}
