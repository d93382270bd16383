/* drivers/vga.h - the VGA text screen (80x25), a second console. */
#ifndef DRIVERS_VGA_H
#define DRIVERS_VGA_H

#include <stddef.h>

void vga_init(void);
/* Writes n bytes at the cursor, handling \n \r \b \t and scrolling. */
void vga_write(const char *s, size_t n);

#endif
