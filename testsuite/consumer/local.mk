# testsuite/consumer/local.mk - unit tests of the consumer's output: the
# consumer sources are compiled straight into the test (with the shared
# aggregation math), so it does not depend on the rest of libdtrace.
check_PROGRAMS += testsuite/consumer/test_consume
TESTS += testsuite/consumer/test_consume
testsuite_consumer_test_consume_SOURCES = \
	testsuite/consumer/test_consume.c \
	$(dt_consumer_sources) \
	src/common/dt_agg.c
# per-target flags give these objects their own names, so they never clash
# with the same sources built into libtool libraries
testsuite_consumer_test_consume_CFLAGS = $(AM_CFLAGS)
EXTRA_DIST += testsuite/consumer/README.md
