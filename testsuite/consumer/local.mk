# testsuite/consumer/local.mk - unit tests of the consumer's output: the
# consumer sources are compiled straight into the test (with the shared
# aggregation math), so it does not depend on the rest of libdtrace.
check_PROGRAMS += testsuite/consumer/test_consume
TESTS += testsuite/consumer/test_consume
testsuite_consumer_test_consume_SOURCES = \
	testsuite/consumer/test_consume.c \
	src/libdtrace/dt_printf_fmt.c \
	src/libdtrace/dt_consume.c \
	src/libdtrace/dt_printf.c \
	src/libdtrace/dt_aggprint.c \
	src/libdtrace/dt_errmsg.c \
	src/common/dt_agg.c
