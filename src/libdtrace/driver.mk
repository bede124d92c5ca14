# src/libdtrace/driver.mk - libdtrace itself and its driver (options, probe
# matching, the trace loop).  Other fragments append their sources.
lib_LTLIBRARIES += libdtrace.la
libdtrace_la_SOURCES = \
	src/libdtrace/dt_handle.c src/libdtrace/dt_handle.h \
	src/libdtrace/dt_proc.c src/libdtrace/dt_proc.h \
	src/libdtrace/dt_options.c src/libdtrace/dt_options.h \
	src/libdtrace/dt_symbols.c src/libdtrace/dt_symbols.h \
	src/libdtrace/dt_elf.c src/libdtrace/dt_elf.h \
	src/libdtrace/dt_program.h src/libdtrace/dt_compile.h \
	src/libdtrace/dt_consume.h src/backend/backend.h \
	$(dt_compiler_sources) $(dt_consumer_sources)
# libelf reads ELF objects (dt_elf.c) in every build; its headers are in
# the compiler's own paths (LIBELF_CFLAGS is empty), as libbpf's are
libdtrace_la_LIBADD = $(LIBELF_LIBS)
libdtrace_la_LDFLAGS = -version-info 0:0:0
dtraceincdir = $(includedir)/dtrace
dtraceinc_HEADERS = src/libdtrace/dt_handle.h src/libdtrace/dt_options.h \
	src/libdtrace/dt_compile.h src/libdtrace/dt_program.h \
	src/libdtrace/dt_consume.h src/common/dif.h src/common/dt_agg.h \
	src/common/dt_port.h
