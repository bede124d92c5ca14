# src/cmd/local.mk: filled in by its owner
