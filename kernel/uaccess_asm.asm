; kernel/uaccess_asm.asm - copying to and from user memory, surviving bad
; user pointers.
;
; The copy instructions that may touch user memory have their addresses
; listed in uaccess_fixups with where to resume if they fault and the
; page fault cannot be resolved (no region there, or the wrong access):
; the fault handler then continues at the fixup, which returns -EFAULT.

global uaccess_copy, uaccess_strnlen, uaccess_fixups, uaccess_fixups_end

EFAULT equ 14

section .text
; int uaccess_copy(void *dst, const void *src, size_t n): 0 or -EFAULT
uaccess_copy:
        push esi
        push edi
        mov edi, [esp + 12]
        mov esi, [esp + 16]
        mov ecx, [esp + 20]
        mov edx, ecx
        shr ecx, 2                      ; four bytes per step (TCG charges
copy_insn:                              ; per repetition), then the tail
        rep movsd
        mov ecx, edx
        and ecx, 3
copy_tail_insn:
        rep movsb
        xor eax, eax
copy_out:
        pop edi
        pop esi
        ret
copy_fault:
        mov eax, -EFAULT
        jmp copy_out

; long uaccess_strnlen(const char *s, size_t max): the length of the
; string (max if no NUL within max bytes) or -EFAULT
uaccess_strnlen:
        mov edx, [esp + 4]
        xor eax, eax
strnlen_next:
        cmp eax, [esp + 8]
        je strnlen_done
strnlen_insn:
        cmp byte [edx + eax], 0
        je strnlen_done
        inc eax
        jmp strnlen_next
strnlen_done:
        ret
strnlen_fault:
        mov eax, -EFAULT
        ret

section .rodata
align 4
uaccess_fixups:                         ; pairs: faulting eip, resume eip
        dd copy_insn, copy_fault
        dd copy_tail_insn, copy_fault
        dd strnlen_insn, strnlen_fault
uaccess_fixups_end:
