# src/backend/kmod/local.mk: the kmod backend's user side (filled in by its owner)
