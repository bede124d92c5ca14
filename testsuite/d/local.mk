# testsuite/d/local.mk: filled in by its owner
