# src/common/local.mk: filled in by its owner
