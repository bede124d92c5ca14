# src/libdtrace/consumer.mk: filled in by its owner
