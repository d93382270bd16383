; kernel/entry.asm - the way into the kernel from an interrupt, exception
; or "int 0x80", and back out.
;
; Each vector has a stub that makes the stack uniform (a dummy error code
; where the CPU pushes none, then the vector number) and jumps to
; trap_common, which saves the rest of a struct trap_frame (kernel/trap.h),
; switches to the kernel's data segments and calls trap_dispatch(frame)
; through trap_call_c, which dresses the interruption up as a call so
; that backtraces (ours and GDB's) walk on through it.

%include "kernel/segments.inc"

extern trap_dispatch
global trap_return, pop_gs, pop_fs, pop_es, pop_ds
global trap_vectors

section .text
; Exceptions 8, 10-14 and 17 push an error code; for the others push 0.
%assign i 0
%rep 256
vector_%[i]:
%if !(i == 8 || (i >= 10 && i <= 14) || i == 17)
        push 0
%endif
        push i
        jmp trap_common
%assign i i + 1
%endrep

trap_common:
        cld                             ; a user may have left DF set: the
        pushad                          ; kernel's string copies need it clear
        push ds
        push es
        push fs
        push gs
        mov ax, KERNEL_DS
        mov ds, ax
        mov es, ax
        mov eax, esp                    ; struct trap_frame *
        push dword [eax + 56]           ; the interrupted eip, as if it
        ;                                 had called trap_call_c
; From here the stack looks like an ordinary call from the interrupted
; code, and trap_call_c starts like an ordinary function, so our
; backtraces and GDB's unwinder both walk on into the interrupted code.
trap_call_c:
        push ebp                        ; still the interrupted ebp
        mov ebp, esp
        push eax
        call trap_dispatch
        add esp, 4
        pop ebp
        add esp, 4                      ; the interrupted eip
trap_return:
pop_gs: pop gs                          ; a bad selector faults here: see
pop_fs: pop fs                          ; fix_segment_reload() in trap.c
pop_es: pop es
pop_ds: pop ds
        popad
        add esp, 8                      ; vector number and error code
        iret

section .rodata
align 4
trap_vectors:                           ; the stubs' addresses, for idt.c
%assign i 0
%rep 256
        dd vector_%[i]
%assign i i + 1
%endrep
