# testsuite/unit/local.mk - unit tests of the DIF VM and shared runtime.
check_PROGRAMS += testsuite/unit/dif-unit testsuite/unit/dif-dis
testsuite_unit_dif_unit_SOURCES = \
	testsuite/unit/unit.h testsuite/unit/unit_fixture.c \
	testsuite/unit/test_ops.c testsuite/unit/test_faults.c \
	testsuite/unit/test_validate.c testsuite/unit/test_vars.c \
	testsuite/unit/test_subr.c testsuite/unit/test_store.c \
	testsuite/unit/test_agg.c testsuite/unit/test_misc.c
testsuite_unit_dif_unit_LDADD = libdtcommon.la
testsuite_unit_dif_dis_SOURCES = testsuite/unit/dis_listing.c
testsuite_unit_dif_dis_LDADD = libdtcommon.la

TESTS += testsuite/unit/dif-unit testsuite/unit/dif-dis \
	testsuite/unit/dif-unit32.sh testsuite/unit/check-freestanding.sh
EXTRA_DIST += testsuite/unit/README.md testsuite/unit/dis-expected.txt \
	testsuite/unit/dif-unit32.sh testsuite/unit/check-freestanding.sh \
	testsuite/unit/kport/README.md testsuite/unit/kport/dt_port_kernel.h \
	testsuite/unit/kport/linux/types.h testsuite/unit/kport/linux/stddef.h
