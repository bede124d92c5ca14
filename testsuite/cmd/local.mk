# testsuite/cmd/local.mk - `make check` runs the dtrace(1) command-line
# cases against the freshly built ./dtrace (include from testsuite/local.mk).
TESTS += testsuite/cmd/check-cmd.sh
EXTRA_DIST += testsuite/cmd
