/* kernel/fpu.h - the floating-point and SSE registers of each task.
 *
 * Saved and restored on every task switch (eagerly: simple, and the
 * tasks that use none of it still pay only fxsave/fxrstor).  With FXSR
 * (and SSE) the 512-byte fxsave image is used, else the 108-byte fnsave.
 */
#ifndef KERNEL_FPU_H
#define KERNEL_FPU_H

struct task;

/* Enables the FPU (and SSE if present) and records a clean state. */
void fpu_init(void);
/* Gives t the clean state (a new task). */
void fpu_init_task(struct task *t);
void fpu_save(struct task *t);
void fpu_restore(struct task *t);
/* Saves the FPU state into a 512-byte, 16-aligned image. */
void fpu_save_image(unsigned char *image);

#endif
