; boot/boot.asm - Multiboot v1 header and the 32-bit entry point.
;
; A Multiboot loader (GRUB, or QEMU's -kernel) enters _start in protected
; mode with paging off, EAX = 0x2BADB002 and EBX = the physical address of
; the Multiboot information structure.  _start is in .boot, linked at its
; load address (linker.ld says why); the rest of the kernel is linked in
; the higher half but loaded at 1 MiB, so until paging is on its addresses
; must be translated with V2P().
;
; The early page directory maps the first 8 MiB twice with 4 MiB (PSE)
; pages: identity, so the instruction after "enable paging" can still be
; fetched, and at 0xC0000000, where the kernel runs.  paging_init()
; replaces it with the kernel page directory and drops the identity map.
; The code continues in the higher half in boot/start.asm (a file of its
; own so that each file's code is in one section, which keeps GDB's view
; of the debug information sane).

KERNEL_VBASE    equ 0xC0000000
%define V2P(x)  ((x) - KERNEL_VBASE)

MB_MAGIC        equ 0x1BADB002
MB_PAGE_ALIGN   equ 1 << 0
MB_MEMORY_INFO  equ 1 << 1
MB_FLAGS        equ MB_PAGE_ALIGN | MB_MEMORY_INFO

PDE_PRESENT     equ 1 << 0
PDE_WRITE       equ 1 << 1
PDE_4M          equ 1 << 7
CR0_PG          equ 1 << 31
CR0_WP          equ 1 << 16
CR4_PSE         equ 1 << 4

KSTACK_SIZE     equ 16384

extern higher_half

section .multiboot progbits alloc noexec nowrite align=4
align 4
        dd MB_MAGIC
        dd MB_FLAGS
        dd -(MB_MAGIC + MB_FLAGS)

section .data
align 4096
global boot_page_directory
boot_page_directory:
        dd 0x00000000 | PDE_PRESENT | PDE_WRITE | PDE_4M   ; 0-4 MiB identity
        dd 0x00400000 | PDE_PRESENT | PDE_WRITE | PDE_4M   ; 4-8 MiB identity
        times (KERNEL_VBASE >> 22) - 2 dd 0
        dd 0x00000000 | PDE_PRESENT | PDE_WRITE | PDE_4M   ; 0xC0000000
        dd 0x00400000 | PDE_PRESENT | PDE_WRITE | PDE_4M   ; 0xC0400000
        times 1024 - (KERNEL_VBASE >> 22) - 2 dd 0

section .bss
align 4096
global boot_stack_guard, boot_stack_bottom, boot_stack_top
boot_stack_guard:                       ; unmapped by paging_init: an
        resb 4096                       ; overflow faults, not corrupts
boot_stack_bottom:
        resb KSTACK_SIZE
boot_stack_top:

section .boot.text progbits alloc exec nowrite align=16 ; linked where loaded
global _start
_start:
        ; Paging off: every address below is physical.
        mov ecx, cr4
        or ecx, CR4_PSE
        mov cr4, ecx
        mov ecx, V2P(boot_page_directory)
        mov cr3, ecx
        mov ecx, cr0
        or ecx, CR0_PG | CR0_WP
        mov cr0, ecx
        lea ecx, [higher_half]
        jmp ecx                         ; absolute jump into the higher half
