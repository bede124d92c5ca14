# testsuite/local.mk - `make check`: unit tests of each part, then the D cases.
include $(top_srcdir)/testsuite/unit/local.mk
include $(top_srcdir)/testsuite/compiler/local.mk
include $(top_srcdir)/testsuite/consumer/local.mk
include $(top_srcdir)/testsuite/d/local.mk
include $(top_srcdir)/testsuite/cmd/local.mk
