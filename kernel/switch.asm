; kernel/switch.asm - switching from one task's kernel stack to another's.
;
; switch_to(&old->esp, new_esp) pushes the callee-saved registers on the
; old stack, saves the stack pointer, loads the new one and pops that
; task's registers: it "returns" in the other task, at the point where it
; once called switch_to (or, for a new task, into task_start).

global switch_to, task_start, user_task_start
extern task_trampoline, trap_return

section .text
switch_to:
        mov eax, [esp + 4]              ; &old->esp
        mov edx, [esp + 8]              ; new esp
        push ebp
        push ebx
        push esi
        push edi
        mov [eax], esp
        mov esp, edx
        pop edi
        pop esi
        pop ebx
        pop ebp
        ret

; A new task's stack holds: edi esi ebx ebp (zeros), then task_start as
; the return address, then the function and its argument.
task_start:
        call task_trampoline            ; takes fn and arg from the stack
.hang:  hlt
        jmp .hang

; A new user task's stack holds a struct trap_frame right above: leave
; the kernel through the normal exit of a trap, into user mode.
user_task_start:
        jmp trap_return
