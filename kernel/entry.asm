; kernel/entry.asm - the way into the kernel from an interrupt, exception
; or "int 0x80", and back out.
;
; Each vector has a stub that makes the stack uniform (a dummy error code
; where the CPU pushes none, then the vector number) and jumps to
; trap_common, which saves the rest of a struct trap_frame (kernel/trap.h),
; switches to the kernel's data segments and calls trap_dispatch(frame).
; Before the call it pushes the interrupted eip and ebp as a fake stack
; frame, so backtraces (ours and GDB's) walk on through the interruption.

%include "kernel/segments.inc"

extern trap_dispatch
global trap_return
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
        pushad
        push ds
        push es
        push fs
        push gs
        mov ax, KERNEL_DS
        mov ds, ax
        mov es, ax
        mov eax, esp                    ; struct trap_frame *
        push dword [eax + 56]           ; interrupted eip  } fake frame
        push dword [eax + 24]           ; interrupted ebp  } for backtraces
        mov ebp, esp
        push eax
        call trap_dispatch
        add esp, 12
trap_return:
        pop gs
        pop fs
        pop es
        pop ds
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
