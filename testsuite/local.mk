# testsuite/local.mk - `make check`: unit tests of each part, then the D cases.
include $(top_srcdir)/testsuite/unit/local.mk
include $(top_srcdir)/testsuite/compiler/local.mk
include $(top_srcdir)/testsuite/consumer/local.mk
include $(top_srcdir)/testsuite/d/local.mk
include $(top_srcdir)/testsuite/cmd/local.mk

# the module backend on a real kernel (issue 5): the amd64 flavour
if QEMU_TESTS
TESTS += testsuite/kmod/check-amd64.sh
endif
