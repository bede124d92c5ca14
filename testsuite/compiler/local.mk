# testsuite/compiler/local.mk - unit tests of the D compiler: snippets
# compiled straight through dt_compile(), checked for exact error tags,
# lines and messages, or for the shape of the program produced, plus a
# structural check of every DIFO (forward branches, final RET ...).
check_PROGRAMS += testsuite/compiler/test_compile
TESTS += testsuite/compiler/test_compile
testsuite_compiler_test_compile_SOURCES = \
	testsuite/compiler/test_compile.c \
	$(dt_compiler_sources) \
	src/libdtrace/dt_printf_fmt.c src/libdtrace/dt_printf_fmt.h \
	src/common/dt_agg.c
# per-target flags give these objects their own names (no clash with the
# same sources built into libdtrace.la)
testsuite_compiler_test_compile_CFLAGS = $(AM_CFLAGS)
EXTRA_DIST += testsuite/compiler/README.md testsuite/fuzz/README.md \
	testsuite/fuzz/fuzz_compile.c testsuite/fuzz/run-fuzz.sh
testsuite_compiler_test_compile_SOURCES += testsuite/compiler/cases.h

# every testsuite/d case through the compiler alone
check_PROGRAMS += testsuite/compiler/dcases
TESTS += testsuite/compiler/check-dcases-compile.sh
testsuite_compiler_dcases_SOURCES = testsuite/compiler/dcases.c \
	$(dt_compiler_sources) \
	src/libdtrace/dt_printf_fmt.c src/libdtrace/dt_printf_fmt.h \
	src/common/dt_agg.c
testsuite_compiler_dcases_CFLAGS = $(AM_CFLAGS)
EXTRA_DIST += testsuite/compiler/check-dcases-compile.sh \
	testsuite/compiler/dcases.xfail

# integer semantics: random expressions evaluated by C and by ./dtrace
TESTS += testsuite/compiler/arith-diff.sh
EXTRA_DIST += testsuite/compiler/arith-diff.sh testsuite/compiler/arith-diff.py
