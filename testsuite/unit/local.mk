# testsuite/unit/local.mk: filled in by its owner
