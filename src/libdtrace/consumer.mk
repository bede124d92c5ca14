# src/libdtrace/consumer.mk - the consumer: printf formats, record
# formatting, aggregation totals and printing, runtime error messages.
libdtrace_la_SOURCES += \
	src/libdtrace/dt_printf_fmt.h \
	src/libdtrace/dt_printf_fmt.c \
	src/libdtrace/dt_consume_impl.h \
	src/libdtrace/dt_consume.c \
	src/libdtrace/dt_printf.c \
	src/libdtrace/dt_aggprint.c \
	src/libdtrace/dt_errmsg.c
