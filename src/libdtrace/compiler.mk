# src/libdtrace/compiler.mk: filled in by its owner
