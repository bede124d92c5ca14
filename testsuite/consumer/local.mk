# testsuite/consumer/local.mk: filled in by its owner
