/* drivers/virtio_regs.h - the legacy virtio PCI register block (I/O BAR0
 * offsets), shared by virtio_pci.c and virtqueue.c; see virtio_pci.c. */
#ifndef DRIVERS_VIRTIO_REGS_H
#define DRIVERS_VIRTIO_REGS_H

#define VIRTIO_PCI_HOST_FEATURES 0x00
#define VIRTIO_PCI_GUEST_FEATURES 0x04
#define VIRTIO_PCI_QUEUE_PFN 0x08 /* physical address >> 12; 0: none */
#define VIRTIO_PCI_QUEUE_NUM 0x0C
#define VIRTIO_PCI_QUEUE_SEL 0x0E
#define VIRTIO_PCI_QUEUE_NOTIFY 0x10
#define VIRTIO_PCI_STATUS 0x12
#define VIRTIO_PCI_ISR 0x13
#define VIRTIO_PCI_CONFIG 0x14 /* device-specific, without MSI-X */

#define VIRTIO_PCI_QUEUE_ALIGN 4096 /* the legacy ring layout's */
#define VIRTIO_PCI_QUEUE_ADDR_SHIFT 12

#endif
