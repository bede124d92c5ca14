# testsuite/d/local.mk - `make check` runs every D case against the
# freshly built ./dtrace with the in-process (user) backend.
TESTS += testsuite/d/check-dcases.sh
EXTRA_DIST += testsuite/d
