/*
 * dt_elf.c - the ELF reader behind dt_elf.h, over libelf/gelf so that
 * 32- and 64-bit objects of either byte order read the same way.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gelf.h>
#include "dt_elf.h"

struct dt_elf {
	int e_fd;
	Elf *e_elf;
	int e_is64;
	dt_elf_load_t *e_loads;
	size_t e_nloads;
	char *e_interp;
};

dt_elf_t *dt_elf_read(const char *path)
{
	dt_elf_t *e;
	size_t k, nph;
	GElf_Phdr ph;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return NULL;
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return NULL;
	e->e_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (e->e_fd < 0) {
		free(e);
		return NULL;
	}
	e->e_elf = elf_begin(e->e_fd, ELF_C_READ, NULL);
	if (e->e_elf == NULL || elf_kind(e->e_elf) != ELF_K_ELF ||
	    elf_getphdrnum(e->e_elf, &nph) != 0)
		goto fail;
	e->e_is64 = gelf_getclass(e->e_elf) == ELFCLASS64;
	e->e_loads = calloc(nph ? nph : 1, sizeof(*e->e_loads));
	if (e->e_loads == NULL)
		goto fail;
	for (k = 0; k < nph; k++) {
		if (gelf_getphdr(e->e_elf, (int)k, &ph) == NULL)
			goto fail;
		if (ph.p_type == PT_LOAD) {
			dt_elf_load_t *l = &e->e_loads[e->e_nloads++];

			l->el_vaddr = ph.p_vaddr;
			l->el_off = ph.p_offset;
			l->el_filesz = ph.p_filesz;
		} else if (ph.p_type == PT_INTERP && e->e_interp == NULL &&
			   ph.p_filesz > 0) {
			size_t size;
			const char *img = elf_rawfile(e->e_elf, &size);

			if (img != NULL && ph.p_offset <= size &&
			    ph.p_filesz <= size - ph.p_offset)
				e->e_interp = strndup(img + ph.p_offset,
						      ph.p_filesz);
		}
	}
	return e;
fail:
	dt_elf_free(e);
	return NULL;
}

void dt_elf_free(dt_elf_t *e)
{
	if (e == NULL)
		return;
	if (e->e_elf != NULL)
		elf_end(e->e_elf);
	close(e->e_fd);
	free(e->e_loads);
	free(e->e_interp);
	free(e);
}

int dt_elf_is64(const dt_elf_t *e)
{
	return e->e_is64;
}

const dt_elf_load_t *dt_elf_loads(const dt_elf_t *e, size_t *n)
{
	*n = e->e_nloads;
	return e->e_loads;
}

/* a (va: an address, else a file offset) through the PT_LOAD holding it */
static uint64_t through_load(const dt_elf_t *e, uint64_t a, int va)
{
	size_t k;

	for (k = 0; k < e->e_nloads; k++) {
		const dt_elf_load_t *l = &e->e_loads[k];
		uint64_t from = va ? l->el_vaddr : l->el_off;
		uint64_t to = va ? l->el_off : l->el_vaddr;

		if (a >= from && a - from < l->el_filesz)
			return a - from + to;
	}
	return (uint64_t)-1;
}

uint64_t dt_elf_va2off(const dt_elf_t *e, uint64_t vaddr)
{
	return through_load(e, vaddr, 1);
}

uint64_t dt_elf_off2va(const dt_elf_t *e, uint64_t off)
{
	return through_load(e, off, 0);
}

/* the next section of type shtype after scn (NULL: from the start) */
static Elf_Scn *next_of(const dt_elf_t *e, Elf_Scn *scn, unsigned shtype,
			GElf_Shdr *sh)
{
	while ((scn = elf_nextscn(e->e_elf, scn)) != NULL)
		if (gelf_getshdr(scn, sh) != NULL && sh->sh_type == shtype)
			return scn;
	return NULL;
}

/* as next_of, for a table: its data and number of entries */
static Elf_Scn *next_table(const dt_elf_t *e, Elf_Scn *scn, unsigned shtype,
			   GElf_Shdr *sh, Elf_Data **d, size_t *n)
{
	while ((scn = next_of(e, scn, shtype, sh)) != NULL) {
		if (sh->sh_entsize == 0 || (*d = elf_getdata(scn, NULL)) == NULL)
			continue;
		*n = sh->sh_size / sh->sh_entsize;
		return scn;
	}
	return NULL;
}

/*
 * cb for the defined symbols of the shtype tables; funcs: functions only.
 * Entry 0 is the reserved null symbol.
 */
static int walk_syms(const dt_elf_t *e, unsigned shtype, int funcs,
		     dt_elf_func_f *cb, void *arg)
{
	Elf_Scn *scn = NULL;
	Elf_Data *d;
	GElf_Shdr sh;
	GElf_Sym s;
	size_t k, n;
	int r;

	while ((scn = next_table(e, scn, shtype, &sh, &d, &n)) != NULL) {
		for (k = 1; k < n; k++) {
			const char *name;
			int type;

			if (gelf_getsym(d, (int)k, &s) == NULL ||
			    s.st_shndx == SHN_UNDEF)
				continue;
			type = GELF_ST_TYPE(s.st_info);
			if (funcs && ((type != STT_FUNC && type != STT_GNU_IFUNC) ||
				      s.st_value == 0))
				continue;
			name = elf_strptr(e->e_elf, sh.sh_link, s.st_name);
			if (name == NULL || name[0] == '\0')
				continue;
			if ((r = cb(arg, name, s.st_value, s.st_size, type)) != 0)
				return r;
		}
	}
	return 0;
}

int dt_elf_funcs(const dt_elf_t *e, unsigned shtype, dt_elf_func_f *cb,
		 void *arg)
{
	return walk_syms(e, shtype, 1, cb, arg);
}

int dt_elf_notes(const dt_elf_t *e, const char *secname, dt_elf_note_f *cb,
		 void *arg)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	size_t shstr;

	if (elf_getshdrstrndx(e->e_elf, &shstr) != 0)
		return 0;
	while ((scn = next_of(e, scn, SHT_NOTE, &sh)) != NULL) {
		const char *name = elf_strptr(e->e_elf, shstr, sh.sh_name);
		Elf_Data *d;
		size_t off = 0, noff, doff;
		GElf_Nhdr nh;
		int r;

		if (name == NULL || strcmp(name, secname) != 0 ||
		    (d = elf_getdata(scn, NULL)) == NULL)
			continue;
		while ((off = gelf_getnote(d, off, &nh, &noff, &doff)) > 0) {
			const char *owner = (const char *)d->d_buf + noff;

			/* the owner must be a string for cb to compare it */
			if (nh.n_namesz == 0 || owner[nh.n_namesz - 1] != '\0')
				continue;
			r = cb(arg, owner, nh.n_type,
			       (const char *)d->d_buf + doff, nh.n_descsz);
			if (r != 0)
				return r;
		}
	}
	return 0;
}

uint64_t dt_elf_secaddr(const dt_elf_t *e, const char *name)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	size_t shstr;

	if (elf_getshdrstrndx(e->e_elf, &shstr) != 0)
		return 0;
	while ((scn = elf_nextscn(e->e_elf, scn)) != NULL) {
		const char *s;

		if (gelf_getshdr(scn, &sh) == NULL)
			continue;
		s = elf_strptr(e->e_elf, shstr, sh.sh_name);
		if (s != NULL && strcmp(s, name) == 0)
			return sh.sh_addr;
	}
	return 0;
}

int dt_elf_needed(const dt_elf_t *e, int (*cb)(void *arg, const char *name),
		  void *arg)
{
	Elf_Scn *scn = NULL;
	Elf_Data *d;
	GElf_Shdr sh;
	GElf_Dyn dyn;
	size_t k, n;
	int r;

	while ((scn = next_table(e, scn, SHT_DYNAMIC, &sh, &d, &n)) != NULL) {
		for (k = 0; k < n; k++) {
			const char *s;

			if (gelf_getdyn(d, (int)k, &dyn) == NULL ||
			    dyn.d_tag == DT_NULL)
				break;
			if (dyn.d_tag != DT_NEEDED)
				continue;
			s = elf_strptr(e->e_elf, sh.sh_link, dyn.d_un.d_val);
			if (s != NULL && (r = cb(arg, s)) != 0)
				return r;
		}
	}
	return 0;
}

const char *dt_elf_interp(const dt_elf_t *e)
{
	return e->e_interp;
}

typedef struct symval {
	const char *sv_name;
	uint64_t sv_val;
} symval_t;

static int symval_cb(void *arg, const char *name, uint64_t value,
		     uint64_t size, int type)
{
	symval_t *sv = arg;

	if (strcmp(name, sv->sv_name) != 0)
		return 0;
	sv->sv_val = value;
	return 1;
}

int dt_elf_symval(const char *path, const char *name, uint64_t *val)
{
	dt_elf_t *e = dt_elf_read(path);
	symval_t sv = { name, 0 };
	int rc = -1;

	if (e == NULL)
		return -1;
	if (walk_syms(e, SHT_SYMTAB, 0, symval_cb, &sv) == 1 ||
	    walk_syms(e, SHT_DYNSYM, 0, symval_cb, &sv) == 1) {
		*val = sv.sv_val;
		rc = 0;
	}
	dt_elf_free(e);
	return rc;
}
