/*
 * dt_symbols.c - symbol lookup for the consumer: kernel addresses from
 * /proc/kallsyms (module "vmlinux", or the module named in [brackets]),
 * user addresses through /proc/PID/maps and the ELF symbol tables (.symtab
 * and .dynsym) of the mapped file, whose base name is the module
 * ("libc.so.6").  The kernel table is read once; maps are read once per
 * process and ELF files once per path (through dt_elf.h, and kept: the
 * file is closed again), so a process that has exited since its first
 * lookup still resolves.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dt_elf.h"
#include "dt_symbols.h"

typedef struct sym {
	uint64_t s_addr;
	uint64_t s_size; /* 0: unknown (up to the next symbol) */
	uint32_t s_name; /* offset in the table's names */
	uint32_t s_mod; /* kernel: offset of the module name */
} sym_t;

typedef struct symtab {
	sym_t *st_syms;
	uint32_t st_n, st_cap;
	char *st_names;
	size_t st_nlen, st_ncap;
} symtab_t;

/* one ELF file's function symbols, by virtual address */
typedef struct elffile {
	char *ef_path;
	const char *ef_base; /* module name */
	symtab_t ef_tab;
	dt_elf_load_t *ef_load; /* PT_LOAD: file offset -> vaddr */
	uint32_t ef_nload;
	int ef_ok;
	struct elffile *ef_next;
} elffile_t;

typedef struct mapping {
	uint64_t m_start, m_end, m_off;
	elffile_t *m_file;
} mapping_t;

typedef struct proc {
	int64_t p_pid;
	mapping_t *p_maps;
	uint32_t p_n;
	time_t p_read; /* when p_maps was read */
	struct proc *p_next;
} proc_t;

struct dt_symbols {
	int ktried;
	symtab_t ktab;
	elffile_t *files;
	proc_t *procs;
};

/* s appended to the table's names at *off */
static int tab_name(symtab_t *t, const char *s, uint32_t *off)
{
	size_t len = strlen(s) + 1;

	if (t->st_nlen + len > t->st_ncap) {
		size_t nc = t->st_ncap ? 2 * t->st_ncap : 65536;
		char *p;

		while (nc < t->st_nlen + len)
			nc *= 2;
		if ((p = realloc(t->st_names, nc)) == NULL)
			return -1;
		t->st_names = p;
		t->st_ncap = nc;
	}
	*off = (uint32_t)t->st_nlen;
	memcpy(t->st_names + *off, s, len);
	t->st_nlen += len;
	return 0;
}

static int tab_add(symtab_t *t, uint64_t addr, uint64_t size, const char *name,
		   uint32_t mod)
{
	uint32_t off;

	if (t->st_n == t->st_cap) {
		uint32_t nc = t->st_cap ? 2 * t->st_cap : 1024;
		sym_t *p = realloc(t->st_syms, nc * sizeof(*p));

		if (p == NULL)
			return -1;
		t->st_syms = p;
		t->st_cap = nc;
	}
	if (tab_name(t, name, &off) != 0)
		return -1;
	t->st_syms[t->st_n].s_addr = addr;
	t->st_syms[t->st_n].s_size = size;
	t->st_syms[t->st_n].s_name = off;
	t->st_syms[t->st_n].s_mod = mod;
	t->st_n++;
	return 0;
}

/* a name offset for a string kept in the same table (module names); 0
 * (the first name's) if it cannot be kept */
static uint32_t tab_str(symtab_t *t, const char *s)
{
	uint32_t off;

	return tab_name(t, s, &off) == 0 ? off : 0;
}

static int sym_cmp(const void *a, const void *b)
{
	const sym_t *x = a, *y = b;

	if (x->s_addr != y->s_addr)
		return x->s_addr < y->s_addr ? -1 : 1;
	/* sized symbols first: they bound the lookup */
	return (x->s_size == 0) - (y->s_size == 0);
}

/* the symbol containing addr: the last one at or below it */
static const sym_t *tab_find(const symtab_t *t, uint64_t addr)
{
	uint32_t lo = 0, hi = t->st_n;
	const sym_t *s;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (t->st_syms[mid].s_addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	s = &t->st_syms[lo - 1];
	/* among symbols at the same address, the first (sized) one */
	while (s > t->st_syms && s[-1].s_addr == s->s_addr)
		s--;
	if (s->s_size != 0 && addr >= s->s_addr + s->s_size)
		return NULL;
	return s;
}

/* ---- kernel ---- */

static void kload(dt_symbols_t *s)
{
	FILE *f = fopen("/proc/kallsyms", "r");
	char line[512], prev[128] = "";
	uint32_t vmlinux, mod = 0;

	s->ktried = 1;
	if (f == NULL)
		return;
	vmlinux = tab_str(&s->ktab, "vmlinux");
	while (fgets(line, sizeof(line), f) != NULL) {
		unsigned long long a;
		char type, name[256], m[128];
		int n;

		m[0] = '\0';
		n = sscanf(line, "%llx %c %255s [%127[^]]]", &a, &type, name, m);
		if (n < 3 || a == 0)
			continue; /* addresses hidden (kptr_restrict) */
		if (type != 't' && type != 'T' && type != 'w' && type != 'W')
			continue;
		if (m[0] == '\0') {
			mod = vmlinux;
		} else if (strcmp(m, prev) != 0) {
			snprintf(prev, sizeof(prev), "%s", m);
			mod = tab_str(&s->ktab, m);
		}
		if (tab_add(&s->ktab, a, 0, name, mod) != 0)
			break;
	}
	fclose(f);
	if (s->ktab.st_n > 1)
		qsort(s->ktab.st_syms, s->ktab.st_n, sizeof(sym_t), sym_cmp);
}

/* ---- ELF files ---- */

/* dt_elf_func_f: one function of the file */
static int elf_sym(void *arg, const char *name, uint64_t value, uint64_t size,
		   int type)
{
	elffile_t *ef = arg;

	return tab_add(&ef->ef_tab, value, size, name, 0);
}

static void elf_read(elffile_t *ef)
{
	dt_elf_t *e = dt_elf_read(ef->ef_path);
	const dt_elf_load_t *l;
	size_t n;

	if (e == NULL)
		return;
	l = dt_elf_loads(e, &n);
	ef->ef_load = malloc((n ? n : 1) * sizeof(*l));
	if (ef->ef_load == NULL)
		goto out;
	if (n > 0)
		memcpy(ef->ef_load, l, n * sizeof(*l));
	ef->ef_nload = (uint32_t)n;
	/* both tables: a stripped library keeps only .dynsym */
	if (dt_elf_funcs(e, SHT_SYMTAB, elf_sym, ef) == 0)
		(void)dt_elf_funcs(e, SHT_DYNSYM, elf_sym, ef);
	/* an object without function symbols has no table at all */
	if (ef->ef_tab.st_n > 1)
		qsort(ef->ef_tab.st_syms, ef->ef_tab.st_n, sizeof(sym_t),
		      sym_cmp);
	ef->ef_ok = 1;
out:
	dt_elf_free(e);
}

static elffile_t *elf_get(dt_symbols_t *s, const char *path)
{
	elffile_t *ef;
	const char *b;

	for (ef = s->files; ef != NULL; ef = ef->ef_next)
		if (strcmp(ef->ef_path, path) == 0)
			return ef;
	if ((ef = calloc(1, sizeof(*ef))) == NULL)
		return NULL;
	if ((ef->ef_path = strdup(path)) == NULL) {
		free(ef);
		return NULL;
	}
	b = strrchr(ef->ef_path, '/');
	ef->ef_base = b != NULL ? b + 1 : ef->ef_path;
	elf_read(ef);
	ef->ef_next = s->files;
	s->files = ef;
	return ef;
}

/* ---- processes ---- */

/*
 * A process's executable mappings from /proc/PID/maps; kept when the file
 * cannot be read (the process is gone), so a grabbed target's frames are
 * still named after it exits.
 */
static void proc_read(dt_symbols_t *s, proc_t *p)
{
	char path[64], line[4096];
	mapping_t *maps = NULL;
	uint32_t n = 0;
	FILE *f;

	p->p_read = time(NULL);
	snprintf(path, sizeof(path), "/proc/%lld/maps", (long long)p->p_pid);
	if ((f = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		unsigned long long a, b, off;
		char perm[8];
		int k = 0;
		char *file;
		mapping_t *m;

		if (sscanf(line, "%llx-%llx %7s %llx %*s %*s %n", &a, &b, perm,
			   &off, &k) < 4 || k == 0)
			continue;
		file = line + k;
		file[strcspn(file, "\n")] = '\0';
		if (perm[2] != 'x' || file[0] != '/')
			continue;
		m = realloc(maps, (n + 1) * sizeof(*m));
		if (m == NULL)
			break;
		maps = m;
		m[n].m_start = a;
		m[n].m_end = b;
		m[n].m_off = off;
		m[n].m_file = elf_get(s, file);
		n++;
	}
	fclose(f);
	if (n == 0) {
		free(maps);
		return;
	}
	free(p->p_maps);
	p->p_maps = maps;
	p->p_n = n;
}

static proc_t *proc_get(dt_symbols_t *s, int64_t pid)
{
	proc_t *p;

	for (p = s->procs; p != NULL; p = p->p_next)
		if (p->p_pid == pid)
			return p;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->p_pid = pid;
	p->p_next = s->procs;
	s->procs = p;
	proc_read(s, p);
	return p;
}

void dt_symbols_grab(dt_symbols_t *s, int64_t pid)
{
	if (s != NULL)
		(void)proc_get(s, pid);
}

static int ulookup(dt_symbols_t *s, int64_t pid, uint64_t addr,
		   const char **mod, const char **sym, uint64_t *symaddr)
{
	proc_t *p = proc_get(s, pid);
	uint32_t k, j;
	int again = 1;

	if (p == NULL)
		return -1;
retry:
	for (k = 0; k < p->p_n; k++) {
		const mapping_t *m = &p->p_maps[k];
		const elffile_t *ef = m->m_file;
		uint64_t foff, vaddr;
		const sym_t *sy = NULL;

		if (addr < m->m_start || addr >= m->m_end)
			continue;
		if (ef == NULL)
			return -1;
		*mod = ef->ef_base;
		*sym = NULL;
		*symaddr = 0;
		/* file offset -> the address the ELF file's symbols use */
		foff = addr - m->m_start + m->m_off;
		for (j = 0; j < ef->ef_nload; j++) {
			const dt_elf_load_t *l = &ef->ef_load[j];

			if (foff >= l->el_off && foff - l->el_off < l->el_filesz) {
				vaddr = foff - l->el_off + l->el_vaddr;
				sy = tab_find(&ef->ef_tab, vaddr);
				if (sy != NULL) {
					*sym = ef->ef_tab.st_names + sy->s_name;
					*symaddr = addr - (vaddr - sy->s_addr);
				}
				break;
			}
		}
		return 0;
	}
	/* an object mapped since the maps were read (dlopen): read again */
	if (again && time(NULL) != p->p_read) {
		again = 0;
		proc_read(s, p);
		goto retry;
	}
	return -1;
}

dt_symbols_t *dt_symbols_create(void)
{
	return calloc(1, sizeof(dt_symbols_t));
}

void dt_symbols_destroy(dt_symbols_t *s)
{
	if (s == NULL)
		return;
	while (s->procs != NULL) {
		proc_t *p = s->procs;

		s->procs = p->p_next;
		free(p->p_maps);
		free(p);
	}
	while (s->files != NULL) {
		elffile_t *ef = s->files;

		s->files = ef->ef_next;
		free(ef->ef_tab.st_syms);
		free(ef->ef_tab.st_names);
		free(ef->ef_load);
		free(ef->ef_path);
		free(ef);
	}
	free(s->ktab.st_syms);
	free(s->ktab.st_names);
	free(s);
}

int dt_symbols_lookup(void *arg, int user, int64_t pid, uint64_t addr,
		      const char **mod, const char **sym, uint64_t *symaddr)
{
	dt_symbols_t *s = arg;
	const sym_t *sy;

	if (s == NULL)
		return -1;
	if (user)
		return ulookup(s, pid, addr, mod, sym, symaddr);
	if (!s->ktried)
		kload(s);
	if ((sy = tab_find(&s->ktab, addr)) == NULL)
		return -1;
	*mod = s->ktab.st_names + sy->s_mod;
	*sym = s->ktab.st_names + sy->s_name;
	*symaddr = sy->s_addr;
	return 0;
}
