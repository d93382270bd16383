/* drivers/virtio_pci.c - the legacy virtio PCI transport (see virtio.h).
 *
 * The legacy register block in I/O BAR0 (virtio 1.x spec, 4.1.4.8):
 *
 *   0x00  device features (32, read)   0x0E  queue select (16)
 *   0x04  driver features (32)         0x10  queue notify (16)
 *   0x08  queue address (32, PFN)      0x12  device status (8)
 *   0x0C  queue size (16, read)        0x13  ISR status (8, read clears)
 *   0x14  device-specific configuration (no MSI-X: we never enable it)
 *
 * Initialisation order (3.1.1, legacy variant): reset (status 0),
 * ACKNOWLEDGE, DRIVER, read and write the features, set up the queues,
 * DRIVER_OK.  Legacy devices have no FEATURES_OK step.
 */
#include "drivers/virtio.h"

#include "drivers/virtio_regs.h"
#include "kernel/uapi/errno.h"
#include "kernel/x86.h"

int virtio_pci_init(struct virtio_dev *dev, const struct pci_device *pci)
{
	const struct pci_bar *bar0 = &pci->bar[0];

	if (!bar0->io || !bar0->base || bar0->size < VIRTIO_PCI_CONFIG)
		return -ENODEV;
	dev->pci = pci;
	dev->io = bar0->base;
	pci_enable(pci, PCI_CMD_IO | PCI_CMD_MASTER);
	virtio_pci_reset(dev);
	outb(dev->io + VIRTIO_PCI_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	outb(dev->io + VIRTIO_PCI_STATUS,
	     VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	dev->host_features = inl(dev->io + VIRTIO_PCI_HOST_FEATURES);
	dev->features = 0;
	return 0;
}

uint32_t virtio_pci_negotiate(struct virtio_dev *dev, uint32_t wanted)
{
	dev->features = dev->host_features & wanted;
	outl(dev->io + VIRTIO_PCI_GUEST_FEATURES, dev->features);
	return dev->features;
}

void virtio_pci_ready(struct virtio_dev *dev)
{
	outb(dev->io + VIRTIO_PCI_STATUS,
	     inb(dev->io + VIRTIO_PCI_STATUS) | VIRTIO_STATUS_DRIVER_OK);
}

void virtio_pci_fail(struct virtio_dev *dev)
{
	outb(dev->io + VIRTIO_PCI_STATUS,
	     inb(dev->io + VIRTIO_PCI_STATUS) | VIRTIO_STATUS_FAILED);
}

/* Writing 0 resets a legacy device at once (no reading back needed). */
void virtio_pci_reset(struct virtio_dev *dev)
{
	outb(dev->io + VIRTIO_PCI_STATUS, 0);
	inb(dev->io + VIRTIO_PCI_ISR); /* drop an interrupt still pending */
}

uint8_t virtio_pci_status(struct virtio_dev *dev)
{
	return inb(dev->io + VIRTIO_PCI_STATUS);
}

uint8_t virtio_isr(struct virtio_dev *dev)
{
	return inb(dev->io + VIRTIO_PCI_ISR);
}

uint8_t virtio_config8(struct virtio_dev *dev, unsigned off)
{
	return inb(dev->io + VIRTIO_PCI_CONFIG + off);
}

uint16_t virtio_config16(struct virtio_dev *dev, unsigned off)
{
	return inw(dev->io + VIRTIO_PCI_CONFIG + off);
}
