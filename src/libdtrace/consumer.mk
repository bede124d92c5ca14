# src/libdtrace/consumer.mk - the consumer: printf formats, record
# formatting, aggregation totals and printing, runtime error messages.
#
# Makefile.am includes this fragment before driver.mk, which sets
# libdtrace_la_SOURCES with '=', so automake refuses a '+=' here.  The
# sources are named in a variable instead; driver.mk adds
# $(dt_consumer_sources) to libdtrace_la_SOURCES.
dt_consumer_sources = \
	src/libdtrace/dt_printf_fmt.h \
	src/libdtrace/dt_printf_fmt.c \
	src/libdtrace/dt_consume_impl.h \
	src/libdtrace/dt_consume.c \
	src/libdtrace/dt_printf.c \
	src/libdtrace/dt_aggprint.c \
	src/libdtrace/dt_errmsg.c
