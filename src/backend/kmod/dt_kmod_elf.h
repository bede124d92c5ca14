/*
 * dt_kmod_elf.h - function symbols of an ELF executable with their file
 * offsets, for the pid provider's uprobes.
 */
#ifndef DT_KMOD_ELF_H
#define DT_KMOD_ELF_H

#include <stdint.h>

/*
 * Call cb(arg, name, file offset) for every defined function symbol of
 * path (32- or 64-bit ELF of either byte order).
 * Stops when cb returns non-zero.  Returns 0, or -1 if path is unreadable
 * or not ELF.
 */
int dt_kmod_elf_funcs(const char *path,
		      int (*cb)(void *arg, const char *name, uint64_t off),
		      void *arg);

#endif /* DT_KMOD_ELF_H */
