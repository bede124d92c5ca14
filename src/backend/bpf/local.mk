# src/backend/bpf/local.mk: filled in by its owner
