/* kernel/console.c - console output fan-out and a cooked-mode line
 * discipline for typed input.
 *
 * Input arrives one byte at a time from a driver's bottom half through
 * console_input(): printable bytes are echoed and collected in the edit
 * line; backspace/DEL erases; Ctrl-U kills the line; CR or LF completes it
 * and moves it to the cooked ring, where console_read_line() takes it.
 */
#include "kernel/console.h"

#include "drivers/serial.h"
#include "drivers/vga.h"
#include "kernel/poll.h"
#include "kernel/ring.h"
#include "kernel/wait.h"
#include "kernel/x86.h"

#define EDIT_MAX 255

static char edit_line[EDIT_MAX];
static size_t edit_len;
static uint8_t cooked_buf[1024];
static struct ring cooked = { cooked_buf, sizeof(cooked_buf) - 1, 0, 0 };
static volatile unsigned lines_ready;
static struct wait_queue line_typed = WAIT_QUEUE_INIT;

void console_write(const char *s, size_t n)
{
	uint32_t flags = irq_save(); /* keep one message in one piece */

	serial_write(s, n);
	vga_write(s, n);
	irq_restore(flags);
}

static void erase_one(void)
{
	if (edit_len) {
		edit_len--;
		console_write("\b \b", 3);
	}
}

static void complete_line(void)
{
	console_write("\n", 1);
	/* A line that does not fit in the cooked ring is dropped whole. */
	if (ring_space(&cooked) >= edit_len + 1) {
		ring_write(&cooked, edit_line, edit_len);
		ring_put(&cooked, '\n');
		lines_ready++;
		wake_up(&line_typed);
		poll_notify();
	}
	edit_len = 0;
}

void console_input(char c)
{
	switch (c) {
	case '\r':
	case '\n':
		complete_line();
		break;
	case '\b':
	case 0x7f:
		erase_one();
		break;
	case 0x15: /* Ctrl-U */
		while (edit_len)
			erase_one();
		break;
	default:
		if ((unsigned char)c >= ' ' && edit_len < EDIT_MAX) {
			edit_line[edit_len++] = c;
			console_write(&c, 1);
		}
	}
}

bool console_line_ready(void)
{
	return lines_ready != 0;
}

long console_read_line_interruptible(char *buf, size_t size)
{
	if (wait_event_interruptible(&line_typed, lines_ready))
		return -ERESTARTSYS;
	return (long)console_read_line(buf, size);
}

size_t console_read_line(char *buf, size_t size)
{
	size_t len = 0;
	uint8_t c;

	wait_event(&line_typed, lines_ready);
	cli();
	lines_ready--;
	sti();
	while (ring_get(&cooked, &c) && c != '\n')
		if (len + 1 < size)
			buf[len++] = (char)c;
	if (size)
		buf[len] = '\0';
	return len;
}
