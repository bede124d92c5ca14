# src/libdtrace/driver.mk: filled in by its owner
