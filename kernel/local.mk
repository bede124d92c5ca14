# kernel/local.mk - dtracedrv.ko, built by the TARGET kernel's own kbuild.
#
# configure (m4/dt_kernel.m4) found the tree, ran the probe pass and wrote
# kernel/dt_kconfig.h, kernel/dt_syscalls_data.h and kernel/dt_symtab_data.h
# into the build dir.  Here `make` links the module sources (and the shared
# src/common/*.c) into kernel/kbuild/ and runs
# kbuild there (kernel/kmod-build), so the source tree stays untouched (VPATH and distcheck).
# `make install` puts the .ko in $(kmoddir) (--with-kmoddir; default
# /lib/modules/REL/extra).

EXTRA_DIST += kernel/README.md kernel/Kbuild kernel/gen-symtab.sh kernel/dtrace-load kernel/kmod-build \
	kernel/dt_kmod.h kernel/dt_symtab.h kernel/dt_port_kernel.h \
	kernel/dt_main.c kernel/dt_symtab.c kernel/dt_info.c kernel/dt_selftest.c \
	kernel/dt_dev.c kernel/dt_port_kernel.c \
	kernel/dtrace_ioctl.h kernel/dt_trace.h kernel/dt_consume_rec.h \
	kernel/dt_probes.c kernel/dt_load.c kernel/dt_fire.c kernel/dt_enable.c \
	kernel/dt_buf.c kernel/dt_stack.c kernel/dt_cwd.c kernel/compat/dt_compat_stack.h \
	kernel/providers/README.md kernel/providers/dt_profile.c \
	kernel/providers/dt_syscall.c kernel/providers/dt_sdt.c \
	kernel/providers/dt_fbt.c kernel/providers/dt_fbt_refuse.c \
	kernel/providers/dt_fbt.h kernel/providers/dt_fbt_ftrace.c \
	kernel/providers/dt_syscall.h kernel/providers/dt_syscall_fb.c \
	kernel/providers/dt_pid.c \
	kernel/compat/README.md kernel/compat/dt_compat_proc.h kernel/compat/dt_compat_nofault.h \
	probes arch ci testsuite/kmod m4/dt_kernel.m4 m4/dt_user_probes.m4

# what configure generated for the module (m4/dt_kernel.m4)
DISTCLEANFILES += kernel/dt_kconfig.h kernel/dt_symtab_data.h \
	kernel/dt_syscalls_data.h kernel/kmod.env

if BUILD_KMOD
kmoddir = $(DT_KMODDIR)

all-local: dt-kmod-all
clean-local: dt-kmod-clean
install-exec-local: dt-kmod-install
uninstall-local: dt-kmod-uninstall
sbin_SCRIPTS = kernel/dtrace-load

kernel/dtrace-load: $(top_srcdir)/kernel/dtrace-load
	$(AM_V_GEN)mkdir -p kernel && cp $(top_srcdir)/kernel/dtrace-load $@ && chmod +x $@
CLEANFILES += kernel/dtrace-load

dt-kmod-all:
	$(AM_V_at)$(SHELL) $(top_srcdir)/kernel/kmod-build $(top_builddir) modules

dt-kmod-clean:
	-$(SHELL) $(top_srcdir)/kernel/kmod-build $(top_builddir) clean

dt-kmod-install: dt-kmod-all
	$(MKDIR_P) $(DESTDIR)$(kmoddir)
	$(INSTALL_DATA) kernel/dtracedrv.ko $(DESTDIR)$(kmoddir)/dtracedrv.ko

dt-kmod-uninstall:
	-rm -f $(DESTDIR)$(kmoddir)/dtracedrv.ko

endif
