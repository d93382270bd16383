; kernel/tests/user_blobs.asm - tiny ring-3 programs for the trap tests,
; and the switch into ring 3 and back that runs them (ktest_trap.c).
;
; ktest_enter_user(eip, esp) saves the callee-saved registers and the
; kernel stack pointer, then "returns" to ring 3 with iret.  The user code
; ends in a fault; the trap handler's user_fault_hook copies the trap frame
; and calls ktest_resume_kernel, which restores the saved stack so that
; ktest_enter_user returns to its caller as if it were a normal call.

%include "kernel/segments.inc"

section .bss
saved_esp: resd 1

section .text
global ktest_enter_user, ktest_resume_kernel
ktest_enter_user:
        push ebp
        push ebx
        push esi
        push edi
        mov [saved_esp], esp
        mov eax, [esp + 20]             ; user eip
        mov ecx, [esp + 24]             ; user esp
        push USER_DS                    ; ss
        push ecx                        ; esp
        push 0x202                      ; eflags: IF set
        push USER_CS                    ; cs
        push eax                        ; eip
        mov dx, USER_DS
        mov ds, dx
        mov es, dx
        iret

ktest_resume_kernel:
        mov esp, [saved_esp]
        mov ax, KERNEL_DS
        mov ds, ax
        mov es, ax
        pop edi
        pop esi
        pop ebx
        pop ebp
        sti                             ; the tests run with interrupts on
        ret

; The programs, copied to a user page; each ends by faulting.
global user_blobs_start, user_blobs_end
global user_syscalls, user_read_kernel, user_cli, user_int81, user_port_in
user_blobs_start:
user_syscalls:                          ; two system calls, then ud2
        mov eax, 20                     ; getpid: not implemented yet
        int 0x80
        mov ebx, eax
        mov eax, 0x7fffffff             ; no such system call
        int 0x80
        mov ecx, eax
        mov esi, 0x5a5a5a5a             ; survives the traps?
        ud2
user_read_kernel:                       ; read kernel memory: #PF
        mov eax, [0xC0100000]
        ud2
user_cli:                               ; privileged instruction: #GP
        cli
        ud2
user_int81:                             ; a gate with DPL 0: #GP
        int 0x81
        ud2
user_port_in:                           ; no I/O permission: #GP
        in al, 0x60
        ud2
user_blobs_end:
