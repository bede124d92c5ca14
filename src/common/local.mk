# src/common/local.mk - the DIF virtual machine and shared runtime.  The
# same sources are compiled into dtracedrv.ko by kernel/local.mk.
dt_common_sources = \
	src/common/dif.h src/common/dt_port.h \
	src/common/dif_vm.c src/common/dif_vm.h src/common/dif_impl.h \
	src/common/dif_validate.c src/common/dif_subr.c \
	src/common/dif_names.c \
	src/common/dt_agg.c src/common/dt_agg.h \
	src/common/dt_dynvar.c src/common/dt_dynvar.h \
	src/common/dt_aggbuf.c src/common/dt_aggbuf.h \
	src/common/dt_profile.c src/common/dt_profile.h \
	src/libdtrace/dt_port_user.c

# in libdtrace: the runtime plus the `dtrace -S` disassembler
libdtrace_la_SOURCES += $(dt_common_sources) \
	src/libdtrace/dt_dis.c src/libdtrace/dt_dis.h

# the same objects on their own, for the unit tests
noinst_LTLIBRARIES += libdtcommon.la
libdtcommon_la_SOURCES = $(dt_common_sources) \
	src/libdtrace/dt_dis.c src/libdtrace/dt_dis.h
EXTRA_DIST += src/common/README.md
