/* drivers/pci.c - PCI enumeration through configuration mechanism #1.
 *
 * Configuration space is reached through two ports: a 32-bit address
 * (enable bit, bus, device, function, register) goes to 0xCF8 and the
 * register's dword appears at 0xCFC.  The pair is not atomic, so every
 * access runs with interrupts off.
 *
 * pci_init() tries every function of every slot of every bus (a slot whose
 * function 0 answers vendor 0xFFFF is empty; functions 1-7 are looked at
 * only when function 0's header has the multi-function bit), sizes each
 * BAR by writing all-ones and reading back which address bits stick (with
 * decoding off meanwhile, so the device never answers at the bogus
 * address), and keeps the result in a fixed table that drivers search
 * with pci_find_class() / pci_find_id().  The table is written only at
 * boot, so lookups need no locking.
 */
#include "drivers/pci.h"

#include "kernel/format.h"
#include "kernel/kernel.h"
#include "kernel/printk.h"
#include "kernel/x86.h"

#define CONFIG_ADDRESS 0xCF8
#define CONFIG_DATA 0xCFC
#define CONFIG_ENABLE 0x80000000u

#define HEADER_MULTIFUNCTION 0x80
#define BAR_IO 0x1u
#define BAR_MEM_TYPE_64 0x4u
#define BAR_MEM_PREFETCH 0x8u

static struct pci_device devices[PCI_MAX_DEVICES];
static int ndevices;

/* --- raw configuration access by bus/slot/function ------------------- */

static uint32_t cfg_address(int bus, int slot, int func, uint8_t off)
{
	return CONFIG_ENABLE | (uint32_t)bus << 16 | (uint32_t)slot << 11 |
	       (uint32_t)func << 8 | (off & 0xFC);
}

static uint32_t cfg_read32(int bus, int slot, int func, uint8_t off)
{
	uint32_t flags = irq_save();
	uint32_t v;

	outl(CONFIG_ADDRESS, cfg_address(bus, slot, func, off));
	v = inl(CONFIG_DATA);
	irq_restore(flags);
	return v;
}

static void cfg_write32(int bus, int slot, int func, uint8_t off, uint32_t v)
{
	uint32_t flags = irq_save();

	outl(CONFIG_ADDRESS, cfg_address(bus, slot, func, off));
	outl(CONFIG_DATA, v);
	irq_restore(flags);
}

/* Narrow accesses are a read-modify-write of the containing dword's
 * bytes through the data port's byte lanes (0xCFC + off % 4). */
static uint16_t cfg_read16(int bus, int slot, int func, uint8_t off)
{
	return cfg_read32(bus, slot, func, off) >> (8 * (off & 2));
}

static uint8_t cfg_read8(int bus, int slot, int func, uint8_t off)
{
	return cfg_read32(bus, slot, func, off) >> (8 * (off & 3));
}

/* --- the public accessors, by device ---------------------------------- */

uint32_t pci_read32(const struct pci_device *d, uint8_t off)
{
	return cfg_read32(d->bus, d->slot, d->func, off);
}

uint16_t pci_read16(const struct pci_device *d, uint8_t off)
{
	return cfg_read16(d->bus, d->slot, d->func, off);
}

uint8_t pci_read8(const struct pci_device *d, uint8_t off)
{
	return cfg_read8(d->bus, d->slot, d->func, off);
}

void pci_write32(const struct pci_device *d, uint8_t off, uint32_t v)
{
	cfg_write32(d->bus, d->slot, d->func, off, v);
}

void pci_write16(const struct pci_device *d, uint8_t off, uint16_t v)
{
	uint32_t flags = irq_save();

	outl(CONFIG_ADDRESS, cfg_address(d->bus, d->slot, d->func, off));
	outw(CONFIG_DATA + (off & 2), v);
	irq_restore(flags);
}

void pci_write8(const struct pci_device *d, uint8_t off, uint8_t v)
{
	uint32_t flags = irq_save();

	outl(CONFIG_ADDRESS, cfg_address(d->bus, d->slot, d->func, off));
	outb(CONFIG_DATA + (off & 3), v);
	irq_restore(flags);
}

void pci_enable(const struct pci_device *d, uint16_t bits)
{
	uint16_t cmd = pci_read16(d, PCI_COMMAND);

	if ((cmd & bits) != bits)
		pci_write16(d, PCI_COMMAND, cmd | bits);
}

/* --- enumeration ------------------------------------------------------ */

/* What sticks of all-ones written to a BAR register; restores it. */
static uint32_t probe_bar_reg(struct pci_device *d, uint8_t off, uint32_t orig)
{
	uint32_t v;

	pci_write32(d, off, 0xFFFFFFFFu);
	v = pci_read32(d, off);
	pci_write32(d, off, orig);
	return v;
}

/* Sizes BAR i; returns how many BAR slots it used (2 for 64-bit). */
static int size_bar(struct pci_device *d, int i)
{
	uint8_t off = PCI_BAR0 + 4 * i;
	uint32_t orig = pci_read32(d, off), mask = probe_bar_reg(d, off, orig);
	struct pci_bar *b = &d->bar[i];

	if (!mask)
		return 1; /* not implemented */
	if (orig & BAR_IO) {
		mask &= ~3u;
		if (!(mask >> 16)) /* a device decoding only 16 port bits */
			mask |= 0xFFFF0000u;
		b->base = orig & ~3u;
		b->size = ~mask + 1;
		b->io = true;
		return 1;
	}
	b->base = orig & ~0xFu;
	b->size = ~(mask & ~0xFu) + 1;
	b->prefetchable = orig & BAR_MEM_PREFETCH;
	b->is64 = orig & BAR_MEM_TYPE_64;
	if (b->is64 && i < 5) {
		uint32_t hi = pci_read32(d, off + 4);
		if (hi) /* above 4 GiB: unreachable without PAE */
			b->base = 0;
		if (probe_bar_reg(d, off + 4, hi) != 0xFFFFFFFFu)
			b->size = 0; /* bigger than 4 GiB: not ours to map */
		return 2;
	}
	return 1;
}

static void size_bars(struct pci_device *d)
{
	int nbars = d->header_type == 0 ? 6 : d->header_type == 1 ? 2 : 0;
	uint16_t cmd = pci_read16(d, PCI_COMMAND);
	/* A host bridge keeps decoding: it may be the path to RAM (Linux's
	 * mmio_always_on). */
	bool keep = d->class == PCI_CLASS_BRIDGE && d->subclass == 0;

	if (!keep)
		pci_write16(d, PCI_COMMAND,
			    cmd & ~(PCI_CMD_IO | PCI_CMD_MEMORY));
	for (int i = 0; i < nbars;)
		i += size_bar(d, i);
	if (!keep)
		pci_write16(d, PCI_COMMAND, cmd);
}

static void add_function(int bus, int slot, int func)
{
	struct pci_device *d;
	uint32_t id = cfg_read32(bus, slot, func, PCI_VENDOR_ID);
	uint32_t cls = cfg_read32(bus, slot, func, PCI_REVISION);

	if (ndevices == PCI_MAX_DEVICES) {
		pr_warn("pci: more than %d functions; %02x:%02x.%d ignored\n",
			PCI_MAX_DEVICES, bus, slot, func);
		return;
	}
	d = &devices[ndevices++];
	d->bus = bus;
	d->slot = slot;
	d->func = func;
	d->vendor = id & 0xFFFF;
	d->device = id >> 16;
	d->revision = cls & 0xFF;
	d->prog_if = cls >> 8;
	d->subclass = cls >> 16;
	d->class = cls >> 24;
	d->header_type = pci_read8(d, PCI_HEADER_TYPE) & ~HEADER_MULTIFUNCTION;
	d->irq_line = pci_read8(d, PCI_INTERRUPT_LINE);
	d->irq_pin = pci_read8(d, PCI_INTERRUPT_PIN);
	size_bars(d);
}

static void scan_slot(int bus, int slot)
{
	int nfuncs = 1;

	if (cfg_read16(bus, slot, 0, PCI_VENDOR_ID) == 0xFFFF)
		return; /* nothing answers: an empty slot */
	if (cfg_read8(bus, slot, 0, PCI_HEADER_TYPE) & HEADER_MULTIFUNCTION)
		nfuncs = 8;
	for (int f = 0; f < nfuncs; f++)
		if (cfg_read16(bus, slot, f, PCI_VENDOR_ID) != 0xFFFF)
			add_function(bus, slot, f);
}

/* --- the log ---------------------------------------------------------- */

static const struct {
	uint8_t class, subclass; /* subclass 0xFF: any */
	const char *name;
} class_names[] = {
	{ 0x01, 0x01, "IDE" },		 { 0x01, 0x06, "SATA" },
	{ 0x01, 0xFF, "storage" },	 { 0x02, 0x00, "Ethernet" },
	{ 0x02, 0xFF, "network" },	 { 0x03, 0x00, "VGA" },
	{ 0x03, 0xFF, "display" },	 { 0x06, 0x00, "host bridge" },
	{ 0x06, 0x01, "ISA bridge" },	 { 0x06, 0x04, "PCI bridge" },
	{ 0x06, 0xFF, "bridge" },	 { 0x0C, 0x03, "USB" },
	{ 0x0C, 0xFF, "serial bus" },
};

static const char *class_name(const struct pci_device *d)
{
	for (size_t i = 0; i < ARRAY_SIZE(class_names); i++)
		if (class_names[i].class == d->class &&
		    (class_names[i].subclass == d->subclass ||
		     class_names[i].subclass == 0xFF))
			return class_names[i].name;
	return "device";
}

/* " bar4=io 0xc040/16", " bar0=mem 0xfd000000/16M" */
static int format_bar(char *buf, size_t size, int i, const struct pci_bar *b)
{
	const char *unit = "";
	uint32_t n = b->size;

	if (!b->io && n >= 1024 && n % 1024 == 0) {
		n /= 1024;
		unit = "K";
		if (n >= 1024 && n % 1024 == 0) {
			n /= 1024;
			unit = "M";
		}
	}
	return ksnprintf(buf, size, " bar%d=%s %#x/%u%s", i,
			 b->io ? "io" : "mem", b->base, n, unit);
}

/* An IDE controller with both channels in compatibility mode uses the
 * ISA IRQs 14 and 15, whatever its interrupt pin says. */
static bool legacy_ide(const struct pci_device *d)
{
	return d->class == PCI_CLASS_STORAGE &&
	       d->subclass == PCI_SUBCLASS_IDE && !(d->prog_if & 0x05);
}

/* One lspci-like line: "pci 00:01.1 8086:7010 class 01.01.80 IDE
 * bar4=io 0xc040/16 irq 14,15 (legacy)". */
static void log_device(const struct pci_device *d)
{
	char line[256];
	size_t n = ksnprintf(line, sizeof(line),
			     "pci %02x:%02x.%d %04x:%04x class %02x.%02x.%02x",
			     d->bus, d->slot, d->func, d->vendor, d->device,
			     d->class, d->subclass, d->prog_if);

	n += ksnprintf(line + n, sizeof(line) - n, " %s", class_name(d));

	for (int i = 0; i < 6 && n < sizeof(line); i++)
		if (d->bar[i].size)
			n += format_bar(line + n, sizeof(line) - n, i,
					&d->bar[i]);
	if (n < sizeof(line) && legacy_ide(d))
		ksnprintf(line + n, sizeof(line) - n, " irq 14,15 (legacy)");
	else if (n < sizeof(line) && d->irq_pin && d->irq_line != 0xFF)
		ksnprintf(line + n, sizeof(line) - n, " irq %u", d->irq_line);
	printk("%s\n", line);
}

void pci_init(void)
{
	/* Mechanism #1 is there if the address register keeps what we
	 * wrote (Linux's pci_check_type1 does the same). */
	outl(CONFIG_ADDRESS, CONFIG_ENABLE);
	if (inl(CONFIG_ADDRESS) != CONFIG_ENABLE) {
		pr_warn("pci: no configuration mechanism #1; no PCI devices\n");
		return;
	}
	for (int bus = 0; bus < 256; bus++)
		for (int slot = 0; slot < 32; slot++)
			scan_slot(bus, slot);
	for (int i = 0; i < ndevices; i++)
		log_device(&devices[i]);
	printk("pci: %d function%s\n", ndevices, ndevices == 1 ? "" : "s");
}

/* --- lookup ----------------------------------------------------------- */

const struct pci_device *pci_find_class(uint8_t class, uint8_t subclass,
					int index)
{
	for (int i = 0; i < ndevices; i++)
		if (devices[i].class == class &&
		    devices[i].subclass == subclass && index-- == 0)
			return &devices[i];
	return NULL;
}

const struct pci_device *pci_find_id(uint16_t vendor, uint16_t device,
				     int index)
{
	for (int i = 0; i < ndevices; i++)
		if (devices[i].vendor == vendor &&
		    devices[i].device == device && index-- == 0)
			return &devices[i];
	return NULL;
}

int pci_device_count(void)
{
	return ndevices;
}

const struct pci_device *pci_device_at(int i)
{
	return i >= 0 && i < ndevices ? &devices[i] : NULL;
}
