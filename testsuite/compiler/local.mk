# testsuite/compiler/local.mk: filled in by its owner
