# src/cmd/local.mk - dtrace(1).  Built at the top of the build tree, so the
# uninstalled command runs as ./dtrace.
sbin_PROGRAMS += dtrace
dtrace_SOURCES = src/cmd/dtrace.c
dtrace_LDADD = libdtrace.la
dist_man_MANS += src/cmd/dtrace.1
