# src/libdtrace/consumer.mk - the consumer: printf formats, record
# formatting, aggregation totals and printing, runtime error messages.
libdtrace_la_SOURCES += \
	src/libdtrace/dt_printf_fmt.h \
	src/libdtrace/dt_printf_fmt.c
