# src/backend/bpf/local.mk - the BPF backend: DIF -> eBPF translation,
# maps, probes (dtrace, profile, syscall, sdt) on the running kernel.
if HAVE_BPF_BACKEND
libdtrace_la_SOURCES += \
	src/backend/bpf/dt_bpf.c src/backend/bpf/dt_bpf_impl.h \
	src/backend/bpf/dt_bpf_xlate.c src/backend/bpf/dt_bpf_xl.h \
	src/backend/bpf/dt_bpf_str.c \
	src/backend/bpf/dt_bpf_args.c src/backend/bpf/dt_bpf_attach.c \
	src/backend/bpf/dt_bpf_fbt.c src/backend/bpf/dt_bpf_pid.c \
	src/backend/bpf/dt_bpf_usdt.c src/backend/bpf/dt_bpf_elf.c \
	src/backend/bpf/dt_bpf_x86len.c src/backend/bpf/dt_bpf_uproc.c \
	src/backend/bpf/dt_bpf_uprobe.h \
	src/backend/bpf/dt_bpf_gen.c \
	src/backend/bpf/dt_bpf_gen.h src/backend/bpf/dt_bpf_insn.h \
	src/backend/bpf/dt_bpf_probes.c src/backend/bpf/dt_bpf_btf.c src/backend/bpf/dt_bpf_btf.h \
	src/backend/bpf/dt_bpf_syscalls.h \
	src/backend/bpf/dt_bpf_perfbuf.c src/backend/bpf/dt_bpf_perfbuf.h \
	src/backend/bpf/dt_bpf_argtype.c
nodist_libdtrace_la_SOURCES = src/backend/bpf/dt_bpf_syscalls.c
libdtrace_la_LIBADD += $(LIBBPF_LIBS) $(LIBELF_LIBS)
CLEANFILES += src/backend/bpf/dt_bpf_syscalls.c
# syscall names come from the uapi headers of the build
src/backend/bpf/dt_bpf_syscalls.c: $(top_srcdir)/src/backend/bpf/gen-syscalls.sh
	$(AM_V_GEN)mkdir -p src/backend/bpf && \
	$(SHELL) $(top_srcdir)/src/backend/bpf/gen-syscalls.sh "$(CC)" > $@.tmp && \
	mv $@.tmp $@
endif
EXTRA_DIST += src/backend/bpf/gen-syscalls.sh src/backend/bpf/README.md
