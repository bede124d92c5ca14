# testsuite/d/local.mk - `make check` runs every D case against the
# freshly built ./dtrace with the in-process (user) backend.
TESTS += testsuite/d/check-dcases.sh
EXTRA_DIST += testsuite/d
# every D_* tag the compiler can raise must be shown by some case's .err
TESTS += testsuite/d/check-tag-coverage
EXTRA_DIST += testsuite/d/check-tag-coverage
