# Makefile - every entry point of the project.
#
#   make            build/kernel.elf and build/disk.img
#   make run        boot in QEMU, serial console on this terminal
#   make iso        build/os.iso (GRUB);  make run-iso  boots it
#   make debug      QEMU stopped at the kernel entry + GDB attached
#   make qemu-gdb / make gdb   the same in two terminals
#   make test       every test; last line "N passed, M failed"
#   make bench      figures (boot time), never pass/fail
#   make format / clean / distclean
#
# CMDLINE sets the kernel command line for run/debug/iso; QEMU_EXTRA adds
# QEMU flags (e.g. QEMU_EXTRA="-d int,cpu_reset"); HOSTFWD sets the host
# ports forwarded to the guest, PCAP=FILE records the network traffic
# (make run PCAP=net.pcap); TEST_ARGS goes to
# tests/run.py (e.g. TEST_ARGS="-k monitor -v"), BENCH_ARGS to the boot
# bench, BENCH_EXEC_ARGS to tools/bench_exec.py (e.g. --setup-linux).

B := build
CC := gcc
NASM := nasm
QEMU := qemu-system-i386
GDB := gdb
MKE2FS := $(shell command -v mke2fs 2>/dev/null || echo /usr/sbin/mke2fs)
PYTHON := python3

# make run's default: /sbin/init, which runs /etc/rc and keeps a shell
# on the console; CMDLINE=init=kmon gives the kernel monitor instead.
CMDLINE ?= init=/sbin/init
ISO_CMDLINE ?= init=/sbin/init
GDBPORT ?= 1234
DISK_SIZE ?= 32M

# lwIP (DESIGN.md, Network): tools/setup-lwip fetches it into the
# git-ignored third_party/; it is compiled with the kernel's flags.
LWIP := third_party/lwip-2.1.3
LWIP_STAMP := $(LWIP)/.verified

# -nostdinc: the kernel sees the compiler's own headers (stddef.h,
# stdint.h, stdarg.h...) and never the host C library's; net/include
# stands in for the few C library headers lwIP includes by name.
KCFLAGS := -m32 -march=i686 -ffreestanding -fno-pie -fno-stack-protector \
	-nostdlib -fno-builtin -fno-omit-frame-pointer -mgeneral-regs-only \
	-fno-asynchronous-unwind-tables -std=gnu11 -O2 -g \
	-Wall -Wextra -Werror -nostdinc \
	-isystem $(shell $(CC) -m32 -print-file-name=include) \
	-I. -I net/include -I net -I $(LWIP)/src/include -MD -MP
KLDFLAGS := -m32 -nostdlib -static -no-pie -T linker.ld \
	-Wl,--build-id=none -Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack
NASMFLAGS := -f elf32 -g -F dwarf -I.

KERNEL_C := $(wildcard kernel/*.c kernel/fs/*.c kernel/fs/ext2/*.c \
	kernel/tests/*.c drivers/*.c net/*.c)
KERNEL_ASM := $(wildcard boot/*.asm kernel/*.asm kernel/tests/*.asm)

# The parts of lwIP the kernel uses (names from its src/Filelists.mk):
# the core, IPv4, the netconn API with the tcpip thread, Ethernet.
LWIP_C := $(addprefix $(LWIP)/src/, \
	$(addprefix core/, init.c def.c dns.c inet_chksum.c ip.c mem.c \
		memp.c netif.c pbuf.c raw.c stats.c sys.c altcp.c \
		altcp_alloc.c altcp_tcp.c tcp.c tcp_in.c tcp_out.c \
		timeouts.c udp.c) \
	$(addprefix core/ipv4/, autoip.c dhcp.c etharp.c icmp.c igmp.c \
		ip4_frag.c ip4.c ip4_addr.c) \
	$(addprefix api/, api_lib.c api_msg.c err.c netbuf.c tcpip.c) \
	netif/ethernet.c)
LWIP_OBJS := $(LWIP_C:$(LWIP)/src/%.c=$(B)/lwip/%.o)

KERNEL_OBJS := $(KERNEL_ASM:%.asm=$(B)/%.o) $(KERNEL_C:%.c=$(B)/%.o) \
	$(LWIP_OBJS)

# The network of run/debug: host ports forwarded to the guest (QEMU
# hostfwd rules, comma-separated; HOSTFWD= for none: two QEMUs cannot
# both forward one port) and PCAP=FILE to record the traffic for
# Wireshark/tshark (QEMU's filter-dump on the netdev).
HOSTFWD ?= tcp:127.0.0.1:7777-:7,tcp:127.0.0.1:8080-:80
PCAP ?=
comma := ,
space := $(subst ,, )
NETDEV := user,id=n0$(subst $(space),,$(foreach r,$(subst $(comma), ,$(HOSTFWD)),$(comma)hostfwd=$(r)))
NET_CAPTURE := $(if $(PCAP),-object filter-dump$(comma)id=f0$(comma)netdev=n0$(comma)file=$(PCAP))

# The contract machine (DESIGN.md; tests use the same flags), with the
# hostfwd rules and capture above.
QEMU_MACHINE := -accel tcg -m 128M \
	-drive file=$(B)/disk.img,format=raw,if=ide,index=0 \
	-netdev $(NETDEV) -device virtio-net-pci,netdev=n0 $(NET_CAPTURE) \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-display none -no-reboot $(QEMU_EXTRA)

.PHONY: all setup run iso run-iso debug debug-iso qemu-gdb gdb test \
	unit-tests bench format clean distclean user

all: setup $(B)/kernel.elf $(B)/disk.img

setup:
	@tools/setup

# --- the kernel: two links, the second with the symbol table of the first.
# The table sits in .rodata, after all text, so adding it moves no
# function; the final check proves it.
$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -c $< -o $@

# lwIP's own files, with the kernel's flags unchanged: lwIP 2.1.3 builds
# warning-free with them in our configuration, so nothing is relaxed.
$(B)/lwip/%.o: $(LWIP)/src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(KCFLAGS) -c $< -o $@

# Every kernel file may include lwIP's headers: fetch lwIP first.
$(LWIP_STAMP):
	tools/setup-lwip
$(LWIP_C): | $(LWIP_STAMP)
$(KERNEL_OBJS): | $(LWIP_STAMP)

$(B)/%.o: %.asm
	@mkdir -p $(dir $@)
	$(NASM) $(NASMFLAGS) -MD $(B)/$*.d -MP $< -o $@

$(B)/ksyms0.S: tools/gen-ksyms
	@mkdir -p $(B)
	tools/gen-ksyms < /dev/null > $@

$(B)/ksyms%.o: $(B)/ksyms%.S
	$(CC) -m32 -c $< -o $@

$(B)/kernel.pass1.elf: $(KERNEL_OBJS) $(B)/ksyms0.o linker.ld
	$(CC) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) $(B)/ksyms0.o -lgcc

$(B)/ksyms1.S: $(B)/kernel.pass1.elf tools/gen-ksyms
	nm -n --defined-only $< | tools/gen-ksyms > $@

$(B)/kernel.elf: $(KERNEL_OBJS) $(B)/ksyms1.o linker.ld
	$(CC) $(KLDFLAGS) -o $@ $(KERNEL_OBJS) $(B)/ksyms1.o -lgcc
	nm -n --defined-only $@ | tools/gen-ksyms | cmp -s - $(B)/ksyms1.S || \
		{ echo "ksyms: text moved between links" >&2; rm -f $@; exit 1; }
	nm -n $@ > $(B)/kernel.sym
	objdump -d -S $@ > $(B)/kernel.asm

# --- user space: the libc (libc/ -> build/libc/libc.a), the programs
# (user/bin/NAME.c or user/bin/NAME/*.c -> build/user/bin/NAME -> /bin/NAME,
# the same for user/sbin -> /sbin) and the test programs (tests/os/NAME.c
# -> build/tests-os/NAME).  Static Linux
# i386 executables (ET_EXEC at 0x08048000): they run on this OS and, as
# the ground truth, on the Linux host.  -nostdinc: only libc/include and
# the compiler's own headers (stddef.h, stdarg.h, stdint.h), never glibc's.
# hello_glibc is the exception: the ordinary glibc static build.
UCFLAGS := -m32 -march=i686 -static -nostdlib -fno-pie -no-pie -ffreestanding \
	-fno-builtin -fno-stack-protector -fno-tree-loop-distribute-patterns \
	-nostdinc -isystem $(shell $(CC) -m32 -print-file-name=include) \
	-std=gnu11 -O2 -g -Wall -Wextra -Werror -I libc/include -I . -MD -MP
ULDFLAGS := -Wl,--build-id=none
LIBC_SRCS := $(filter-out libc/crt/%,$(wildcard libc/*/*.c libc/*/*.S))
LIBC_OBJS := $(patsubst %,$(B)/%.o,$(basename $(LIBC_SRCS)))
UCRT := $(B)/libc/crt/crt0.o
ULIBC := $(B)/libc/libc.a
# a program is one file user/DIR/NAME.c or a directory user/DIR/NAME/
USER_PROGS := $(sort $(basename $(wildcard user/bin/*.c user/sbin/*.c)) \
	$(patsubst %/,%,$(dir $(wildcard user/bin/*/*.c user/sbin/*/*.c))))
USER_BINS := $(patsubst user/%,$(B)/user/%,$(USER_PROGS))
OS_TESTS := $(patsubst tests/os/%.c,$(B)/tests-os/%,$(wildcard tests/os/*.c))

$(B)/libc/%.o: libc/%.c
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -c $< -o $@

$(B)/libc/%.o: libc/%.S
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -c $< -o $@

$(UCRT): libc/crt/crt0.S
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -c $< -o $@

$(ULIBC): $(LIBC_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(B)/user/%: user/%.c $(UCRT) $(ULIBC)
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) $(ULDFLAGS) -o $@ $(UCRT) $< $(ULIBC) -lgcc

USER_DIR_BINS := $(patsubst user/%/,$(B)/user/%,$(sort $(dir $(wildcard user/bin/*/*.c user/sbin/*/*.c))))
.SECONDEXPANSION:
$(USER_DIR_BINS): $(B)/user/%: $$(wildcard user/%/*.c) $$(wildcard user/%/*.h) $(UCRT) $(ULIBC)
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) $(ULDFLAGS) -o $@ $(UCRT) $(filter %.c,$^) $(ULIBC) -lgcc

$(B)/tests-os/%: tests/os/%.c tests/os/t.h $(UCRT) $(ULIBC)
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) $(ULDFLAGS) -o $@ $(UCRT) $< $(ULIBC) -lgcc

$(B)/tests-os/hello_glibc: tests/os/hello_glibc.c
	@mkdir -p $(dir $@)
	$(CC) -m32 -static -O2 -o $@ $<

# a static-pie (ET_DYN) glibc program: the loader's bias and auxv
$(B)/tests-os/static_pie: tests/os/static_pie.c tests/os/t.h
	@mkdir -p $(dir $@)
	$(CC) -m32 -static-pie -O2 -Wall -Wextra -Werror -Wno-format-truncation -o $@ $<

# tests/os/NAME_glibc.c: TAP programs built with the host's glibc, to run
# unchanged (this rule's shorter stem wins over the one above for them)
$(B)/tests-os/%_glibc: tests/os/%_glibc.c
	@mkdir -p $(dir $@)
	$(CC) -m32 -static -O2 -Wall -Wextra -Werror -o $@ $<

user: $(USER_BINS) $(OS_TESTS)

# benchmark programs (tools/bench/NAME.c -> build/bench/NAME), the same
# static i386 kind; make bench puts them on images of their own
BENCH_BINS := $(patsubst tools/bench/%.c,$(B)/bench/%,$(wildcard tools/bench/*.c))

$(B)/bench/%: tools/bench/%.c $(UCRT) $(ULIBC)
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) $(ULDFLAGS) -o $@ $(UCRT) $< $(ULIBC) -lgcc

# --- the root filesystem image, from a staging tree: rootfs/, then
# the programs in /bin and /sbin, the test programs in /tests, and the
# OS's own sources in /usr/src (to read, grep and find inside the OS).
# The programs' copies lose their debug information (two thirds of their
# size), so the image keeps room to work in; build/ keeps it for gdb.
ROOTFS_FILES := $(shell find rootfs -type f 2>/dev/null)
IMAGE_SRCS := $(shell find boot kernel drivers net libc user tests/os \
	-type f \( -name '*.[chS]' -o -name '*.asm' \) 2>/dev/null)
$(B)/disk.img: $(ROOTFS_FILES) Makefile $(USER_BINS) $(OS_TESTS) $(IMAGE_SRCS)
	@rm -rf $(B)/rootfs
	@mkdir -p $(B)/rootfs/dev $(B)/rootfs/proc $(B)/rootfs/sbin $(B)/rootfs/bin \
		$(B)/rootfs/tests
	cp -r rootfs/. $(B)/rootfs/
	$(if $(filter $(B)/user/bin/%,$(USER_BINS)),cp $(filter $(B)/user/bin/%,$(USER_BINS)) $(B)/rootfs/bin/)
	$(if $(filter $(B)/user/sbin/%,$(USER_BINS)),cp $(filter $(B)/user/sbin/%,$(USER_BINS)) $(B)/rootfs/sbin/)
	cp $(OS_TESTS) $(B)/rootfs/tests/
	strip --strip-debug $(patsubst $(B)/user/%,$(B)/rootfs/%,$(USER_BINS)) \
		$(patsubst $(B)/tests-os/%,$(B)/rootfs/tests/%,$(OS_TESTS))
	@echo "  sources -> $(B)/rootfs/usr/src"; mkdir -p $(B)/rootfs/usr/src
	@cp --parents $(IMAGE_SRCS) $(B)/rootfs/usr/src/
	rm -f $@
	$(MKE2FS) -q -F -t ext2 -L root -E root_owner=0:0 -d $(B)/rootfs $@ $(DISK_SIZE)

# --- the GRUB ISO; the command line goes into grub.cfg.
ISO ?= $(B)/os.iso
iso: setup $(ISO)
$(ISO): $(B)/kernel.elf boot/grub.cfg FORCE
	@rm -rf $@.d && mkdir -p $@.d/boot/grub
	cp $(B)/kernel.elf $@.d/boot/kernel.elf
	sed 's|@CMDLINE@|$(ISO_CMDLINE)|' boot/grub.cfg > $@.d/boot/grub/grub.cfg
	grub-mkrescue -o $@ $@.d 2> $@.log || { cat $@.log; exit 1; }
	@rm -rf $@.d
FORCE:

# --- running and debugging.
run: all
	$(QEMU) -kernel $(B)/kernel.elf -append "$(CMDLINE)" $(QEMU_MACHINE) -serial stdio

run-iso: all iso
	$(QEMU) -cdrom $(ISO) $(QEMU_MACHINE) -serial stdio

qemu-gdb: all
	@echo "QEMU waits for GDB on port $(GDBPORT): run 'make gdb' in another terminal"
	$(QEMU) -kernel $(B)/kernel.elf -append "$(CMDLINE)" $(QEMU_MACHINE) \
		-serial stdio -S -gdb tcp:127.0.0.1:$(GDBPORT)

gdb:
	$(GDB) -q -x tools/gdbinit -ex "kconnect $(GDBPORT)" -ex "kentry"

# One terminal: QEMU in the background (serial into build/serial.log),
# GDB in the foreground; QEMU ends with GDB.
debug: all
	@tools/debug $(GDBPORT) -kernel $(B)/kernel.elf -append "$(CMDLINE)" $(QEMU_MACHINE)

debug-iso: all iso
	@tools/debug $(GDBPORT) -cdrom $(ISO) $(QEMU_MACHINE)

# --- tests and figures.
UNIT_TESTS := $(patsubst tests/unit/%.c,$(B)/unit/%,$(wildcard tests/unit/test_*.c))
# -MD -MP: a unit test that includes libc or kernel sources is rebuilt
# when they change
HOSTCFLAGS := -m32 -O1 -g -std=gnu11 -Wall -Wextra -Werror -I. -fno-builtin -pthread -MD -MP
UNIT_SRCS := kernel/format.c kernel/ring.c kernel/cmdline.c kernel/heap.c kernel/string.c

$(B)/unit/%: tests/unit/%.c tests/unit/unit.h $(UNIT_SRCS)
	@mkdir -p $(dir $@)
	$(CC) $(HOSTCFLAGS) -o $@ $< $(UNIT_SRCS)

# Host tests of the storage stack (tests/unit/fs/test_X.c -> build/unit/
# test_fs_X): the block cache, the VFS and ext2 as the kernel builds them,
# over a file-backed block device, with AddressSanitizer and UBSan.
FS_HOST_SRCS := kernel/blockdev.c kernel/bcache.c kernel/vfs.c kernel/namei.c \
	kernel/file.c kernel/inode.c kernel/mount.c kernel/fdtable.c \
	kernel/format.c $(wildcard kernel/fs/ext2/*.c) \
	tests/unit/host/shim.c tests/unit/host/filedev.c
FS_HOST_HDRS := $(wildcard kernel/*.h kernel/fs/ext2/*.h tests/unit/host/*.h tests/unit/fs/*.h)
FS_TESTS := $(patsubst tests/unit/fs/test_%.c,$(B)/unit/test_fs_%,$(wildcard tests/unit/fs/test_*.c))
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=undefined

$(B)/unit/test_fs_%: tests/unit/fs/test_%.c $(FS_HOST_SRCS) $(FS_HOST_HDRS) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(HOSTCFLAGS) $(SANITIZE) -o $@ $< $(filter %.c,$(FS_HOST_SRCS))

# kernel/uapi/ against the host's headers, compiled apart as the names clash
UAPI_HDRS := $(wildcard kernel/uapi/*.h)
$(B)/unit/uapi_names.h: $(UAPI_HDRS)
	@mkdir -p $(dir $@)
	sed -n 's/^#define \([A-Z_][A-Z0-9_]*\)[ \t]\{1,\}[^ \t].*/#ifdef \1\n{ "\1", (long)(\1), 1 },\n#else\n{ "\1", 0, 0 },\n#endif/p' \
		$(UAPI_HDRS) > $@

UAPI_TEST_SRCS := tests/unit/test_uapi.c tests/unit/uapi_host.c tests/unit/uapi_host_gnu.c
$(B)/unit/test_uapi: $(UAPI_TEST_SRCS) tests/unit/uapi_test.h tests/unit/unit.h \
		$(B)/unit/uapi_names.h $(UAPI_HDRS)
	$(CC) $(HOSTCFLAGS) -I $(B)/unit -o $@ $(UAPI_TEST_SRCS)

unit-tests: $(UNIT_TESTS) $(FS_TESTS)

test: all unit-tests
	@$(MAKE) --no-print-directory iso ISO=$(B)/test.iso \
		ISO_CMDLINE="init=/sbin/init ip=10.0.2.15/24:10.0.2.2 -- /tests/hello_glibc from grub" >/dev/null
	@$(MAKE) --no-print-directory iso >/dev/null
	@$(PYTHON) tests/run.py $(TEST_ARGS)

bench: all iso $(BENCH_BINS)
	@$(PYTHON) tools/bench_boot.py $(BENCH_ARGS)
	@$(PYTHON) tools/bench_fs.py
	@$(PYTHON) tools/bench_micro.py
	@$(PYTHON) tools/bench_exec.py $(BENCH_EXEC_ARGS)
	@$(PYTHON) tools/bench_net.py
	@$(PYTHON) tools/bench_threads.py

format:
	clang-format -i $(KERNEL_C) $(wildcard kernel/*.h drivers/*.h tests/unit/*.[ch])

clean:
	rm -rf $(B)

distclean: clean
	rm -rf third_party

-include $(shell find $(B) -name '*.d' 2>/dev/null)
