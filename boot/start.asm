; boot/start.asm - the kernel's first instructions in the higher half.
;
; boot.asm jumps here with paging on; EAX and EBX still hold what the
; Multiboot loader passed.  Set up the boot stack and call kmain(magic,
; mbi), with ebp = 0 so that backtraces end here.

extern kmain
extern boot_stack_top

section .text
global higher_half
higher_half:
        mov esp, boot_stack_top
        xor ebp, ebp                    ; ends the backtrace chain
        push ebx                        ; Multiboot info (physical)
        push eax                        ; Multiboot magic
        call kmain
.hang:  cli                             ; kmain does not return
        hlt
        jmp .hang
