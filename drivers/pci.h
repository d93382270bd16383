/* drivers/pci.h - the PCI bus: enumeration, lookup, configuration space.
 *
 * pci_init() walks every bus, device and function once at boot through
 * configuration mechanism #1 (ports 0xCF8/0xCFC), records what it finds in
 * a table and logs one line per function.  Drivers then look their device
 * up by class or by vendor:device id and read its BARs and interrupt line
 * from the table; the config accessors are for anything else (capability
 * lists, device-specific registers).
 */
#ifndef DRIVERS_PCI_H
#define DRIVERS_PCI_H

#include <stdbool.h>
#include <stdint.h>

#define PCI_MAX_DEVICES 64

/* Configuration-space offsets (type 0 header). */
#define PCI_VENDOR_ID 0x00
#define PCI_DEVICE_ID 0x02
#define PCI_COMMAND 0x04
#define PCI_STATUS 0x06
#define PCI_REVISION 0x08
#define PCI_PROG_IF 0x09
#define PCI_SUBCLASS 0x0A
#define PCI_CLASS 0x0B
#define PCI_HEADER_TYPE 0x0E
#define PCI_BAR0 0x10
#define PCI_INTERRUPT_LINE 0x3C
#define PCI_INTERRUPT_PIN 0x3D

/* Bits of the command register. */
#define PCI_CMD_IO 0x0001 /* decode I/O BARs */
#define PCI_CMD_MEMORY 0x0002 /* decode memory BARs */
#define PCI_CMD_MASTER 0x0004 /* may start bus-master (DMA) cycles */

#define PCI_CLASS_STORAGE 0x01
#define PCI_SUBCLASS_IDE 0x01
#define PCI_CLASS_NETWORK 0x02
#define PCI_CLASS_BRIDGE 0x06

struct pci_bar {
	uint32_t base; /* first port, or physical address */
	uint32_t size; /* bytes (ports for an I/O BAR); 0: no such BAR */
	bool io; /* I/O space, else memory */
	bool prefetchable;
	bool is64; /* a 64-bit memory BAR; the next slot is its high half */
};

struct pci_device {
	uint8_t bus, slot, func;
	uint16_t vendor, device;
	uint8_t class, subclass, prog_if, revision;
	uint8_t header_type; /* without the multi-function bit */
	uint8_t irq_line; /* the legacy IRQ the firmware routed, 0xFF none */
	uint8_t irq_pin; /* 1-4 for INTA-INTD, 0 for none */
	struct pci_bar bar[6]; /* a PCI-PCI bridge (header 1) has two */
};

/* Enumerates every bus/device/function and logs them; call once. */
void pci_init(void);

/* The index-th device (from 0) with this class and subclass, or NULL. */
const struct pci_device *pci_find_class(uint8_t class, uint8_t subclass,
					int index);
/* The index-th device (from 0) with this vendor:device id, or NULL. */
const struct pci_device *pci_find_id(uint16_t vendor, uint16_t device,
				     int index);
/* Number of functions found, and the i-th of them (NULL past the end). */
int pci_device_count(void);
const struct pci_device *pci_device_at(int i);

/* Configuration-space access; off must be aligned to the access size. */
uint8_t pci_read8(const struct pci_device *dev, uint8_t off);
uint16_t pci_read16(const struct pci_device *dev, uint8_t off);
uint32_t pci_read32(const struct pci_device *dev, uint8_t off);
void pci_write8(const struct pci_device *dev, uint8_t off, uint8_t v);
void pci_write16(const struct pci_device *dev, uint8_t off, uint16_t v);
void pci_write32(const struct pci_device *dev, uint8_t off, uint32_t v);

/* Sets bits (PCI_CMD_*) in dev's command register, e.g. PCI_CMD_IO |
 * PCI_CMD_MASTER before a driver uses its ports and DMA. */
void pci_enable(const struct pci_device *dev, uint16_t bits);

#endif
