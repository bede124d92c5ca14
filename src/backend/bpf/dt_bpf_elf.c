/*
 * dt_bpf_elf.c - what the pid provider and USDT need from an ELF object,
 * gathered through libdtrace's reader (dt_elf.h): its function symbols
 * (.symtab, else .dynsym; sorted, one per name), its PT_LOAD segments to
 * turn addresses into file offsets (uprobes are placed by file offset),
 * its .note.stapsdt notes (USDT sites) and its DT_NEEDED/PT_INTERP names.
 * dt_elf_symval is libdtrace's own (dt_elf.c).
 */
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include "dt_elf.h"
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

/* dt_elf_func_f: append one function */
static int add_func(void *arg, const char *name, uint64_t value, uint64_t size,
		    int type)
{
	dt_elf_obj_t *o = arg;
	dt_elf_func_t *f;

	/* a power-of-two count is full */
	if ((o->eo_nfuncs & (o->eo_nfuncs - 1)) == 0) {
		f = realloc(o->eo_funcs, (o->eo_nfuncs ? 2 * o->eo_nfuncs : 1) *
					 sizeof(*f));
		if (f == NULL)
			return -1;
		o->eo_funcs = f;
	}
	f = &o->eo_funcs[o->eo_nfuncs];
	if ((f->ef_name = strdup(name)) == NULL)
		return -1;
	f->ef_vaddr = value;
	f->ef_size = size;
	o->eo_nfuncs++;
	return 0;
}

typedef struct note_ctx {
	dt_elf_obj_t *nc_obj;
	int nc_is64;
	uint64_t nc_base_now; /* where .stapsdt.base is now */
	size_t nc_cap;
} note_ctx_t;

/*
 * dt_elf_note_f for .note.stapsdt.  The descriptor: pc, base (the
 * link-time address of .stapsdt.base) and semaphore, each a word of the
 * object's class, then "provider\0name\0args\0".
 */
static int add_note(void *arg, const char *owner, uint32_t type,
		    const char *desc, size_t end)
{
	note_ctx_t *c = arg;
	dt_elf_obj_t *o = c->nc_obj;
	size_t w = c->nc_is64 ? 8 : 4, at = 3 * w;
	uint64_t pc = 0, base = 0, sema = 0;
	const char *p[3];
	dt_elf_note_t *nn;
	int i;

	if (type != 3 || strcmp(owner, "stapsdt") != 0 || end < 3 * w)
		return 0;
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
		return 0;
	/* prelink moved the object: notes move with .stapsdt.base */
	if (c->nc_base_now != 0 && base != 0) {
		pc += c->nc_base_now - base;
		if (sema != 0)
			sema += c->nc_base_now - base;
	}
	if (o->eo_nnotes == c->nc_cap) {
		c->nc_cap = c->nc_cap ? c->nc_cap * 2 : 16;
		nn = realloc(o->eo_notes, c->nc_cap * sizeof(*nn));
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
	return !nn->en_prov || !nn->en_name || !nn->en_args ? -1 : 0;
}

static int add_needed(void *arg, const char *s)
{
	dt_elf_obj_t *o = arg;
	char **nv = realloc(o->eo_needed, (o->eo_nneeded + 1) * sizeof(char *));

	if (nv == NULL)
		return -1;
	o->eo_needed = nv;
	if ((nv[o->eo_nneeded] = strdup(s)) == NULL)
		return -1;
	o->eo_nneeded++;
	return 0;
}

int dt_elf_open(const char *path, dt_elf_obj_t *o)
{
	dt_elf_t *e;
	const dt_elf_load_t *l;
	note_ctx_t nc;
	size_t k, n;
	int rc = -1;

	memset(o, 0, sizeof(*o));
	if ((e = dt_elf_read(path)) == NULL)
		return -1;
	o->eo_is64 = dt_elf_is64(e);
	l = dt_elf_loads(e, &n);
	if ((o->eo_segs = calloc(n ? n : 1, sizeof(*o->eo_segs))) == NULL)
		goto out;
	for (k = 0; k < n; k++) {
		o->eo_segs[k].es_vaddr = l[k].el_vaddr;
		o->eo_segs[k].es_memsz = l[k].el_filesz;
		o->eo_segs[k].es_off = l[k].el_off;
	}
	o->eo_nsegs = n;
	if (dt_elf_needed(e, add_needed, o) != 0)
		goto out;
	if (dt_elf_interp(e) != NULL &&
	    (o->eo_interp = strdup(dt_elf_interp(e))) == NULL)
		goto out;
	if (dt_elf_funcs(e, SHT_SYMTAB, add_func, o) != 0)
		goto out;
	if (o->eo_nfuncs == 0 && dt_elf_funcs(e, SHT_DYNSYM, add_func, o) != 0)
		goto out;
	if (o->eo_nfuncs > 1)
		qsort(o->eo_funcs, o->eo_nfuncs, sizeof(*o->eo_funcs), cmp_func);
	unique_names(o);
	nc.nc_obj = o;
	nc.nc_is64 = o->eo_is64;
	nc.nc_base_now = dt_elf_secaddr(e, ".stapsdt.base");
	nc.nc_cap = 0;
	if (dt_elf_notes(e, ".note.stapsdt", add_note, &nc) != 0)
		goto out;
	rc = 0;
out:
	dt_elf_free(e);
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
