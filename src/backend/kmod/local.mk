# src/backend/kmod/local.mk: the kmod backend's user side (ioctls on
# /dev/dtrace only, so it is always built; available when the device exists).
libdtrace_la_SOURCES += src/backend/kmod/dt_kmod.c src/backend/kmod/dt_kmod_ser.c \
	src/backend/kmod/dt_kmod_ser.h src/backend/kmod/dt_kmod_elf.c \
	src/backend/kmod/dt_kmod_elf.h kernel/dtrace_ioctl.h
EXTRA_DIST += src/backend/kmod/README.md
