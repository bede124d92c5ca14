/*
 * dt_bpf_uprobe.h - what the user-space probe files share: the pid
 * provider (dt_bpf_pid.c), USDT (dt_bpf_usdt.c), and what they both use:
 * a process's objects (dt_bpf_uproc.c), the ELF reader (dt_bpf_elf.c) and
 * x86 instruction lengths (dt_bpf_x86len.c).
 */
#ifndef DT_BPF_UPROBE_H
#define DT_BPF_UPROBE_H

#include <stdint.h>
#include <stddef.h>
#include "dt_bpf_impl.h"

/* ---- ELF objects (dt_bpf_elf.c) ---- */

typedef struct dt_elf_func {
	char *ef_name;
	uint64_t ef_vaddr; /* link-time address */
	uint64_t ef_size;
} dt_elf_func_t;

/* one site of a .note.stapsdt note, addresses already relocated for prelink */
typedef struct dt_elf_note {
	char *en_prov, *en_name, *en_args;
	uint64_t en_pc; /* link-time address of the probe's nop */
	uint64_t en_sema; /* link-time address of the semaphore, or 0 */
} dt_elf_note_t;

typedef struct dt_elf_seg {
	uint64_t es_vaddr, es_memsz, es_off;
} dt_elf_seg_t;

typedef struct dt_elf_obj {
	dt_elf_func_t *eo_funcs; /* sorted by address, names unique */
	size_t eo_nfuncs;
	dt_elf_note_t *eo_notes;
	size_t eo_nnotes;
	dt_elf_seg_t *eo_segs; /* PT_LOAD */
	size_t eo_nsegs;
	char **eo_needed; /* DT_NEEDED names */
	size_t eo_nneeded;
	char *eo_interp; /* PT_INTERP, or NULL */
	int eo_is64; /* ELFCLASS64: else a 32-bit (i386) object */
} dt_elf_obj_t;

/* read the function symbols, USDT notes and segments of an ELF file */
int dt_elf_open(const char *path, dt_elf_obj_t *o);
void dt_elf_close(dt_elf_obj_t *o);
/* file offset of a link-time address, or (uint64_t)-1 */
uint64_t dt_elf_off(const dt_elf_obj_t *o, uint64_t vaddr);
/* the value of any symbol (.symtab, else .dynsym) of an ELF file */
int dt_elf_symval(const char *path, const char *name, uint64_t *val);
/* the function holding a link-time address, or NULL */
const dt_elf_func_t *dt_elf_func_at(const dt_elf_obj_t *o, uint64_t vaddr);

/* ---- x86 instruction lengths (dt_bpf_x86len.c) ---- */

/* bytes of the instruction at p (64-bit or 32-bit mode), or -1 */
int dt_x86_insn_len(const uint8_t *p, size_t avail, int is64);
/* 1 if an instruction starts at off in code[0..len), decoding from 0 */
int dt_x86_boundary(const uint8_t *code, size_t len, size_t off, int is64);

/* ---- one process's mapped objects (dt_bpf_uproc.c) ---- */

typedef struct dt_uobj {
	char *uo_path;
	const char *uo_base; /* basename of uo_path: the probe's module */
	uint64_t uo_map0; /* where file offset 0 is mapped (0: not yet) */
	int uo_code; /* some mapping of it is executable */
} dt_uobj_t;

/* the objects process pid maps (or will map: see dt_bpf_uproc.c) */
int dt_uobj_list(int pid, dt_uobj_t **objs, size_t *n);
void dt_uobj_free(dt_uobj_t *objs, size_t n);
int dt_uobj_mod_match(const dt_uobj_t *u, const char *pat);

/* ---- what a uprobe probe keeps in p_priv (one allocation) ---- */

#define DT_UP_MAXSITES 16
typedef struct dt_upriv {
	int up_pid;
	uint32_t up_nsites;
	struct {
		uint64_t off; /* file offset of the instruction */
		uint64_t sema; /* file offset of the USDT semaphore, or 0 */
	} up_site[DT_UP_MAXSITES];
	char up_path[]; /* the object */
} dt_upriv_t;

dt_upriv_t *dt_upriv_new(int pid, const char *path);

/* program type and load options of a uprobe program (dt_bpf_attach.c) */
struct bpf_prog_load_opts;
enum bpf_prog_type dt_bpf_pid_load_opts(struct bpf_prog_load_opts *o);

/* ---- USDT (dt_bpf_usdt.c) ---- */

/* add the USDT probes of provider prefix in process pid matching pd */
int dt_bpf_usdt_provide(dt_bpf_ptab_t *t, const dt_probedesc_t *pd,
			const char *prefix, int pid);
struct xl;
/* argument n of the USDT probe whose arguments are registered as slot */
void dt_bpf_usdt_arg(struct xl *x, uint32_t slot, int n);

#endif /* DT_BPF_UPROBE_H */
