# src/backend/user/local.mk: filled in by its owner
