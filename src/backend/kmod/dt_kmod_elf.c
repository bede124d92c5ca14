/*
 * dt_kmod_elf.c - an executable's functions as the file offsets uprobes
 * want, read through libdtrace's ELF reader (dt_elf.h): .symtab, else
 * .dynsym; each address turned into a file offset by the PT_LOAD segment
 * that maps it.
 */
#include <elf.h>

#include "dt_elf.h"
#include "dt_kmod_elf.h"

typedef struct funcs {
	const dt_elf_t *f_elf;
	int (*f_cb)(void *arg, const char *name, uint64_t off);
	void *f_arg;
	unsigned f_n; /* functions seen */
} funcs_t;

static int one_func(void *arg, const char *name, uint64_t value, uint64_t size,
		    int type)
{
	funcs_t *f = arg;
	uint64_t off;

	/* plain functions only: an IFUNC's address is its resolver's */
	if (type != STT_FUNC)
		return 0;
	f->f_n++;
	/* ARM: bit 0 of a Thumb function's address is not part of it */
	off = dt_elf_va2off(f->f_elf, value & ~1ULL);
	if (off == (uint64_t)-1)
		return 0;
	return f->f_cb(f->f_arg, name, off);
}

int dt_kmod_elf_funcs(const char *path,
		      int (*cb)(void *arg, const char *name, uint64_t off),
		      void *arg)
{
	dt_elf_t *e = dt_elf_read(path);
	funcs_t f = { e, cb, arg, 0 };
	int r;

	if (e == NULL)
		return -1;
	r = dt_elf_funcs(e, SHT_SYMTAB, one_func, &f);
	if (r == 0 && f.f_n == 0)
		r = dt_elf_funcs(e, SHT_DYNSYM, one_func, &f);
	dt_elf_free(e);
	return r < 0 ? -1 : 0;
}
