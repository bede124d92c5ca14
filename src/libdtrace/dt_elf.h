/*
 * dt_elf.h - the one ELF reader of libdtrace (over libelf): what naming
 * user stack frames (dt_symbols.c), the module's pid provider
 * (dt_kmod_elf.c) and the BPF pid/USDT providers (dt_bpf_elf.c) read from
 * an object: function symbols, PT_LOAD segments (address <-> file
 * offset), notes, DT_NEEDED and PT_INTERP.
 */
#ifndef DT_ELF_H
#define DT_ELF_H

#include <stddef.h>
#include <stdint.h>

typedef struct dt_elf dt_elf_t;

/* one PT_LOAD segment */
typedef struct dt_elf_load {
	uint64_t el_vaddr, el_off, el_filesz;
} dt_elf_load_t;

/* the object at path, or NULL if it is unreadable or not ELF */
dt_elf_t *dt_elf_read(const char *path);
void dt_elf_free(dt_elf_t *e);
/* ELFCLASS64 (else a 32-bit object) */
int dt_elf_is64(const dt_elf_t *e);

const dt_elf_load_t *dt_elf_loads(const dt_elf_t *e, size_t *n);
/* link-time address -> file offset and back, through PT_LOAD; -1: none */
uint64_t dt_elf_va2off(const dt_elf_t *e, uint64_t vaddr);
uint64_t dt_elf_off2va(const dt_elf_t *e, uint64_t off);

/*
 * cb(arg, name, value, size, type) for every defined function (STT_FUNC
 * or STT_GNU_IFUNC, value non-zero, name non-empty) of the symbol tables
 * of type shtype (SHT_SYMTAB or SHT_DYNSYM).  A non-zero return of cb
 * stops the walk and is returned; else 0.
 */
typedef int dt_elf_func_f(void *arg, const char *name, uint64_t value,
			  uint64_t size, int type);
int dt_elf_funcs(const dt_elf_t *e, unsigned shtype, dt_elf_func_f *cb,
		 void *arg);

/*
 * cb(arg, owner, type, desc, descsz) for every note of the SHT_NOTE
 * section named secname; as dt_elf_funcs for cb's return.
 */
typedef int dt_elf_note_f(void *arg, const char *owner, uint32_t type,
			  const char *desc, size_t descsz);
int dt_elf_notes(const dt_elf_t *e, const char *secname, dt_elf_note_f *cb,
		 void *arg);

/* sh_addr of the section named name, or 0 */
uint64_t dt_elf_secaddr(const dt_elf_t *e, const char *name);
/* cb(arg, name) for every DT_NEEDED; as dt_elf_funcs for cb's return */
int dt_elf_needed(const dt_elf_t *e, int (*cb)(void *arg, const char *name),
		  void *arg);
/* the PT_INTERP path (valid until dt_elf_free), or NULL */
const char *dt_elf_interp(const dt_elf_t *e);

/* the value of any defined symbol (.symtab, else .dynsym) of path */
int dt_elf_symval(const char *path, const char *name, uint64_t *val);

#endif /* DT_ELF_H */
