/* drivers/vga.c - VGA text-mode screen at physical 0xB8000.
 *
 * 80x25 cells of (character, attribute); the hardware cursor follows the
 * output through the CRT controller's cursor-location registers.  Output
 * only: the keyboard half of this console comes with the tty layer.
 */
#include "drivers/vga.h"

#include <stdint.h>

#include "kernel/kernel.h"
#include "kernel/string.h"
#include "kernel/x86.h"

#define COLS 80
#define ROWS 25
#define ATTR 0x0700 /* light grey on black */
#define CRTC_INDEX 0x3D4
#define CRTC_DATA 0x3D5

static uint16_t *const screen = P2V(0xB8000);
static unsigned row, col;

static void move_cursor(void)
{
	unsigned pos = row * COLS + col;

	outb(CRTC_INDEX, 0x0F);
	outb(CRTC_DATA, pos & 0xFF);
	outb(CRTC_INDEX, 0x0E);
	outb(CRTC_DATA, pos >> 8);
}

static void clear_row(unsigned r)
{
	for (unsigned c = 0; c < COLS; c++)
		screen[r * COLS + c] = ATTR | ' ';
}

static void newline(void)
{
	col = 0;
	if (++row < ROWS)
		return;
	memmove(screen, screen + COLS, (ROWS - 1) * COLS * sizeof(*screen));
	clear_row(ROWS - 1);
	row = ROWS - 1;
}

void vga_init(void)
{
	for (unsigned r = 0; r < ROWS; r++)
		clear_row(r);
	row = col = 0;
	move_cursor();
}

static void put_char(char c)
{
	switch (c) {
	case '\n': newline(); break;
	case '\r': col = 0; break;
	case '\b': if (col) col--; break;
	case '\t': col = (col + 8) & ~7u; if (col >= COLS) newline(); break;
	default:
		screen[row * COLS + col] = ATTR | (uint8_t)c;
		if (++col == COLS)
			newline();
	}
}

void vga_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put_char(s[i]);
	move_cursor();
}
