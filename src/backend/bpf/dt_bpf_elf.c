/*
 * dt_bpf_elf.c - what the pid provider and USDT need from an ELF object:
 * its function symbols (.symtab, else .dynsym), its PT_LOAD segments to
 * turn addresses into file offsets (uprobes are placed by file offset),
 * its .note.stapsdt notes (USDT sites) and its DT_NEEDED/PT_INTERP names.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gelf.h>
#include "dt_bpf_uprobe.h"

static int cmp_func(const void *a, const void *b)
{
	const dt_elf_func_t *x = a, *y = b;
	int c;

	if (x->ef_vaddr != y->ef_vaddr)
		return x->ef_vaddr < y->ef_vaddr ? -1 : 1;
	c = strcmp(x->ef_name, y->ef_name);
	return c;
}

static int cmp_name(const void *a, const void *b)
{
	const dt_elf_func_t *const *x = a, *const *y = b;

	return strcmp((*x)->ef_name, (*y)->ef_name);
}

/* one name, one probe: keep the first (lowest address) of duplicates */
static void unique_names(dt_elf_obj_t *o)
{
	dt_elf_func_t **v;
	size_t k, n = 0;

	if (o->eo_nfuncs < 2)
		return;
	v = malloc(o->eo_nfuncs * sizeof(*v));
	if (v == NULL)
		return;
	for (k = 0; k < o->eo_nfuncs; k++)
		v[k] = &o->eo_funcs[k];
	qsort(v, o->eo_nfuncs, sizeof(*v), cmp_name);
	for (k = 1; k < o->eo_nfuncs; k++) {
		if (strcmp(v[k]->ef_name, v[k - 1]->ef_name) != 0)
			continue;
		/* mark the later one (sorted by address first) */
		if (v[k] < v[k - 1]) {
			dt_elf_func_t *t = v[k];

			v[k] = v[k - 1];
			v[k - 1] = t;
		}
		v[k]->ef_name[0] = '\0';
	}
	free(v);
	for (k = 0; k < o->eo_nfuncs; k++) {
		if (o->eo_funcs[k].ef_name[0] == '\0') {
			free(o->eo_funcs[k].ef_name);
			continue;
		}
		o->eo_funcs[n++] = o->eo_funcs[k];
	}
	o->eo_nfuncs = n;
}

static int read_syms(Elf *e, Elf_Scn *scn, GElf_Shdr *sh, dt_elf_obj_t *o)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t k, n, cap = 0;
	GElf_Sym s;

	if (d == NULL || sh->sh_entsize == 0)
		return 0;
	n = sh->sh_size / sh->sh_entsize;
	for (k = 1; k < n; k++) {
		const char *name;
		int type;

		if (gelf_getsym(d, (int)k, &s) == NULL)
			continue;
		type = GELF_ST_TYPE(s.st_info);
		if ((type != STT_FUNC && type != STT_GNU_IFUNC) ||
		    s.st_shndx == SHN_UNDEF || s.st_value == 0)
			continue;
		name = elf_strptr(e, sh->sh_link, s.st_name);
		if (name == NULL || name[0] == '\0')
			continue;
		if (o->eo_nfuncs == cap) {
			dt_elf_func_t *nf;

			cap = cap ? cap * 2 : 256;
			nf = realloc(o->eo_funcs, cap * sizeof(*nf));
			if (nf == NULL)
				return -1;
			o->eo_funcs = nf;
		}
		o->eo_funcs[o->eo_nfuncs].ef_name = strdup(name);
		if (o->eo_funcs[o->eo_nfuncs].ef_name == NULL)
			return -1;
		o->eo_funcs[o->eo_nfuncs].ef_vaddr = s.st_value;
		o->eo_funcs[o->eo_nfuncs].ef_size = s.st_size;
		o->eo_nfuncs++;
	}
	return 0;
}

/*
 * A stapsdt note's descriptor: pc, base (the link-time address of
 * .stapsdt.base) and semaphore, each a word of the object's class, then
 * "provider\0name\0args\0".
 */
static int read_notes(Elf_Data *d, int is64, uint64_t base_now,
		      dt_elf_obj_t *o)
{
	size_t off = 0, noff, doff, cap = 0;
	GElf_Nhdr nh;

	while ((off = gelf_getnote(d, off, &nh, &noff, &doff)) > 0) {
		const char *desc = (const char *)d->d_buf + doff;
		const char *name = (const char *)d->d_buf + noff;
		size_t w = is64 ? 8 : 4, end = nh.n_descsz;
		uint64_t pc = 0, base = 0, sema = 0;
		const char *p[3];
		size_t at = 3 * w;
		int i;
		dt_elf_note_t *nn;

		if (nh.n_type != 3 || nh.n_namesz != 8 ||
		    memcmp(name, "stapsdt", 8) != 0 || end < 3 * w)
			continue;
		memcpy(&pc, desc, w);
		memcpy(&base, desc + w, w);
		memcpy(&sema, desc + 2 * w, w);
		for (i = 0; i < 3; i++) {
			const char *z;

			if (at >= end)
				break;
			p[i] = desc + at;
			z = memchr(p[i], '\0', end - at);
			if (z == NULL)
				break;
			at += (size_t)(z - p[i]) + 1;
		}
		if (i < 3)
			continue;
		/* prelink moved the object: notes move with .stapsdt.base */
		if (base_now != 0 && base != 0) {
			pc += base_now - base;
			if (sema != 0)
				sema += base_now - base;
		}
		if (o->eo_nnotes == cap) {
			cap = cap ? cap * 2 : 16;
			nn = realloc(o->eo_notes, cap * sizeof(*nn));
			if (nn == NULL)
				return -1;
			o->eo_notes = nn;
		}
		nn = &o->eo_notes[o->eo_nnotes];
		nn->en_prov = strdup(p[0]);
		nn->en_name = strdup(p[1]);
		nn->en_args = strdup(p[2]);
		nn->en_pc = pc;
		nn->en_sema = sema;
		o->eo_nnotes++;
		if (!nn->en_prov || !nn->en_name || !nn->en_args)
			return -1;
	}
	return 0;
}

static int add_str(char ***v, size_t *n, const char *s)
{
	char **nv = realloc(*v, (*n + 1) * sizeof(char *));

	if (nv == NULL)
		return -1;
	*v = nv;
	nv[*n] = strdup(s);
	if (nv[*n] == NULL)
		return -1;
	(*n)++;
	return 0;
}

static int read_dynamic(Elf *e, Elf_Scn *scn, GElf_Shdr *sh, dt_elf_obj_t *o)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t k, n;
	GElf_Dyn dyn;

	if (d == NULL || sh->sh_entsize == 0)
		return 0;
	n = sh->sh_size / sh->sh_entsize;
	for (k = 0; k < n; k++) {
		const char *s;

		if (gelf_getdyn(d, (int)k, &dyn) == NULL ||
		    dyn.d_tag == DT_NULL)
			break;
		if (dyn.d_tag != DT_NEEDED)
			continue;
		s = elf_strptr(e, sh->sh_link, dyn.d_un.d_val);
		if (s != NULL && add_str(&o->eo_needed, &o->eo_nneeded, s) != 0)
			return -1;
	}
	return 0;
}

int dt_elf_open(const char *path, dt_elf_obj_t *o)
{
	int fd, rc = -1, is64;
	Elf *e = NULL;
	Elf_Scn *scn = NULL, *symtab = NULL, *dynsym = NULL, *notes = NULL;
	GElf_Shdr sh, symsh, dynsh, notesh;
	GElf_Ehdr eh;
	GElf_Phdr ph;
	uint64_t base_now = 0;
	size_t shstr, k, nph;

	memset(o, 0, sizeof(*o));
	if (elf_version(EV_CURRENT) == EV_NONE)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	e = elf_begin(fd, ELF_C_READ, NULL);
	if (e == NULL || elf_kind(e) != ELF_K_ELF || gelf_getehdr(e, &eh) == NULL ||
	    elf_getshdrstrndx(e, &shstr) != 0 || elf_getphdrnum(e, &nph) != 0)
		goto out;
	is64 = gelf_getclass(e) == ELFCLASS64;
	o->eo_is64 = is64;
	for (k = 0; k < nph; k++) {
		if (gelf_getphdr(e, (int)k, &ph) == NULL)
			goto out;
		if (ph.p_type == PT_LOAD) {
			dt_elf_seg_t *ns = realloc(o->eo_segs,
				(o->eo_nsegs + 1) * sizeof(*ns));

			if (ns == NULL)
				goto out;
			o->eo_segs = ns;
			ns[o->eo_nsegs].es_vaddr = ph.p_vaddr;
			ns[o->eo_nsegs].es_memsz = ph.p_filesz;
			ns[o->eo_nsegs].es_off = ph.p_offset;
			o->eo_nsegs++;
		}
	}
	while ((scn = elf_nextscn(e, scn)) != NULL) {
		const char *name;

		if (gelf_getshdr(scn, &sh) == NULL)
			continue;
		name = elf_strptr(e, shstr, sh.sh_name);
		if (sh.sh_type == SHT_SYMTAB) {
			symtab = scn;
			symsh = sh;
		} else if (sh.sh_type == SHT_DYNSYM) {
			dynsym = scn;
			dynsh = sh;
		} else if (sh.sh_type == SHT_DYNAMIC) {
			if (read_dynamic(e, scn, &sh, o) != 0)
				goto out;
		} else if (sh.sh_type == SHT_NOTE && name != NULL &&
			   strcmp(name, ".note.stapsdt") == 0) {
			notes = scn;
			notesh = sh;
		} else if (name != NULL && strcmp(name, ".stapsdt.base") == 0) {
			base_now = sh.sh_addr;
		} else if (name != NULL && strcmp(name, ".interp") == 0 &&
			   sh.sh_type == SHT_PROGBITS) {
			Elf_Data *d = elf_getdata(scn, NULL);

			if (d != NULL && d->d_size > 0 &&
			    memchr(d->d_buf, '\0', d->d_size) != NULL)
				o->eo_interp = strdup(d->d_buf);
		}
	}
	(void)notesh;
	if (symtab != NULL) {
		if (read_syms(e, symtab, &symsh, o) != 0)
			goto out;
	}
	if (o->eo_nfuncs == 0 && dynsym != NULL &&
	    read_syms(e, dynsym, &dynsh, o) != 0)
		goto out;
	if (o->eo_nfuncs > 1)
		qsort(o->eo_funcs, o->eo_nfuncs, sizeof(*o->eo_funcs), cmp_func);
	unique_names(o);
	if (notes != NULL) {
		Elf_Data *d = elf_getdata(notes, NULL);

		if (d != NULL && read_notes(d, is64, base_now, o) != 0)
			goto out;
	}
	rc = 0;
out:
	if (e != NULL)
		elf_end(e);
	close(fd);
	if (rc != 0)
		dt_elf_close(o);
	return rc;
}

void dt_elf_close(dt_elf_obj_t *o)
{
	size_t k;

	for (k = 0; k < o->eo_nfuncs; k++)
		free(o->eo_funcs[k].ef_name);
	for (k = 0; k < o->eo_nnotes; k++) {
		free(o->eo_notes[k].en_prov);
		free(o->eo_notes[k].en_name);
		free(o->eo_notes[k].en_args);
	}
	for (k = 0; k < o->eo_nneeded; k++)
		free(o->eo_needed[k]);
	free(o->eo_needed);
	free(o->eo_interp);
	free(o->eo_funcs);
	free(o->eo_notes);
	free(o->eo_segs);
	memset(o, 0, sizeof(*o));
}

uint64_t dt_elf_off(const dt_elf_obj_t *o, uint64_t vaddr)
{
	size_t k;

	for (k = 0; k < o->eo_nsegs; k++) {
		const dt_elf_seg_t *s = &o->eo_segs[k];

		if (vaddr >= s->es_vaddr && vaddr < s->es_vaddr + s->es_memsz)
			return vaddr - s->es_vaddr + s->es_off;
	}
	return (uint64_t)-1;
}

const dt_elf_func_t *dt_elf_func_at(const dt_elf_obj_t *o, uint64_t vaddr)
{
	size_t lo = 0, hi = o->eo_nfuncs;
	const dt_elf_func_t *f;

	/* the last function starting at or below vaddr */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (o->eo_funcs[mid].ef_vaddr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	f = &o->eo_funcs[lo - 1];
	if (vaddr >= f->ef_vaddr + (f->ef_size ? f->ef_size : 1))
		return NULL;
	return f;
}

static int find_sym(Elf *e, int type, const char *name, uint64_t *val)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	GElf_Sym sym;

	while ((scn = elf_nextscn(e, scn)) != NULL) {
		Elf_Data *d;
		size_t k, n;

		if (gelf_getshdr(scn, &sh) == NULL || sh.sh_type != (unsigned)type ||
		    sh.sh_entsize == 0 || (d = elf_getdata(scn, NULL)) == NULL)
			continue;
		n = sh.sh_size / sh.sh_entsize;
		for (k = 1; k < n; k++) {
			const char *s;

			if (gelf_getsym(d, (int)k, &sym) == NULL ||
			    sym.st_shndx == SHN_UNDEF)
				continue;
			s = elf_strptr(e, sh.sh_link, sym.st_name);
			if (s != NULL && strcmp(s, name) == 0) {
				*val = sym.st_value;
				return 0;
			}
		}
	}
	return -1;
}

int dt_elf_symval(const char *path, const char *name, uint64_t *val)
{
	int fd, rc = -1;
	Elf *e;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	e = elf_begin(fd, ELF_C_READ, NULL);
	if (e != NULL && elf_kind(e) == ELF_K_ELF)
		rc = find_sym(e, SHT_SYMTAB, name, val) == 0 ||
		     find_sym(e, SHT_DYNSYM, name, val) == 0 ? 0 : -1;
	if (e != NULL)
		elf_end(e);
	close(fd);
	return rc;
}
