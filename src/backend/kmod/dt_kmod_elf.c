/*
 * dt_kmod_elf.c - read an executable's symbol table (.symtab, else
 * .dynsym) and turn each function's address into the file offset uprobes
 * want, through the PT_LOAD segment that maps it.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_kmod_elf.h"

typedef struct elfview {
	unsigned char *d;
	size_t n;
	int is64;
} elfview_t;

static int in_file(const elfview_t *e, uint64_t off, uint64_t len)
{
	return off <= e->n && len <= e->n - off;
}

/* the generic fields we need, whatever the class */
static int phdr(const elfview_t *e, unsigned i, uint64_t *type, uint64_t *off,
		uint64_t *vaddr, uint64_t *filesz)
{
	if (e->is64) {
		const Elf64_Ehdr *h = (const void *)e->d;
		const Elf64_Phdr *p;

		if (!in_file(e, h->e_phoff + (uint64_t)i * sizeof(*p), sizeof(*p)))
			return -1;
		p = (const void *)(e->d + h->e_phoff + (uint64_t)i * sizeof(*p));
		*type = p->p_type, *off = p->p_offset, *vaddr = p->p_vaddr, *filesz = p->p_filesz;
	} else {
		const Elf32_Ehdr *h = (const void *)e->d;
		const Elf32_Phdr *p;

		if (!in_file(e, h->e_phoff + (uint64_t)i * sizeof(*p), sizeof(*p)))
			return -1;
		p = (const void *)(e->d + h->e_phoff + (uint64_t)i * sizeof(*p));
		*type = p->p_type, *off = p->p_offset, *vaddr = p->p_vaddr, *filesz = p->p_filesz;
	}
	return 0;
}

static int shdr(const elfview_t *e, unsigned i, uint64_t *type, uint64_t *off,
		uint64_t *size, uint64_t *link, uint64_t *entsize)
{
	if (e->is64) {
		const Elf64_Ehdr *h = (const void *)e->d;
		const Elf64_Shdr *s;

		if (!in_file(e, h->e_shoff + (uint64_t)i * sizeof(*s), sizeof(*s)))
			return -1;
		s = (const void *)(e->d + h->e_shoff + (uint64_t)i * sizeof(*s));
		*type = s->sh_type, *off = s->sh_offset, *size = s->sh_size;
		*link = s->sh_link, *entsize = s->sh_entsize;
	} else {
		const Elf32_Ehdr *h = (const void *)e->d;
		const Elf32_Shdr *s;

		if (!in_file(e, h->e_shoff + (uint64_t)i * sizeof(*s), sizeof(*s)))
			return -1;
		s = (const void *)(e->d + h->e_shoff + (uint64_t)i * sizeof(*s));
		*type = s->sh_type, *off = s->sh_offset, *size = s->sh_size;
		*link = s->sh_link, *entsize = s->sh_entsize;
	}
	return 0;
}

static int vaddr_to_off(const elfview_t *e, unsigned phnum, uint64_t va, uint64_t *off)
{
	unsigned i;

	for (i = 0; i < phnum; i++) {
		uint64_t type, poff, pva, fsz;

		if (phdr(e, i, &type, &poff, &pva, &fsz) != 0)
			return -1;
		if (type == PT_LOAD && va >= pva && va < pva + fsz) {
			*off = va - pva + poff;
			return 0;
		}
	}
	return -1;
}

static int walk(const elfview_t *e, int (*cb)(void *, const char *, uint64_t), void *arg)
{
	unsigned shnum, phnum, i, want;
	int r = 0;

	if (e->is64) {
		const Elf64_Ehdr *h = (const void *)e->d;

		shnum = h->e_shnum, phnum = h->e_phnum;
	} else {
		const Elf32_Ehdr *h = (const void *)e->d;

		shnum = h->e_shnum, phnum = h->e_phnum;
	}
	for (want = SHT_SYMTAB; want >= SHT_SYMTAB; want = want == SHT_SYMTAB ? SHT_DYNSYM : 0) {
		int found = 0;

		for (i = 0; i < shnum && r == 0; i++) {
			uint64_t type, off, size, link, entsize, stype, stroff, strsize, x, k;

			if (shdr(e, i, &type, &off, &size, &link, &entsize) != 0)
				return -1;
			if (type != want || entsize == 0 || !in_file(e, off, size))
				continue;
			if (shdr(e, (unsigned)link, &stype, &stroff, &strsize, &x, &x) != 0 ||
			    !in_file(e, stroff, strsize))
				continue;
			found = 1;
			for (k = 0; k + entsize <= size && r == 0; k += entsize) {
				uint64_t name, value, foff;
				unsigned info, shndx;

				if (e->is64) {
					const Elf64_Sym *s = (const void *)(e->d + off + k);

					name = s->st_name, value = s->st_value;
					info = s->st_info, shndx = s->st_shndx;
				} else {
					const Elf32_Sym *s = (const void *)(e->d + off + k);

					name = s->st_name, value = s->st_value;
					info = s->st_info, shndx = s->st_shndx;
				}
				if ((info & 0xf) != STT_FUNC || shndx == SHN_UNDEF || value == 0 ||
				    name >= strsize)
					continue;
				if (memchr(e->d + stroff + name, 0, strsize - name) == NULL)
					continue;
				if (vaddr_to_off(e, phnum, value & ~1ULL, &foff) != 0)
					continue; /* ARM Thumb bit cleared above */
				r = cb(arg, (const char *)e->d + stroff + name, foff);
			}
		}
		if (found || want == SHT_DYNSYM)
			break;
	}
	return r < 0 ? -1 : 0;
}

int dt_kmod_elf_funcs(const char *path, int (*cb)(void *arg, const char *name, uint64_t off),
		      void *arg)
{
	FILE *fp = fopen(path, "rb");
	elfview_t e = { NULL, 0, 0 };
	long sz;
	int r = -1;

	if (fp == NULL)
		return -1;
	if (fseek(fp, 0, SEEK_END) != 0 || (sz = ftell(fp)) < (long)sizeof(Elf32_Ehdr) ||
	    fseek(fp, 0, SEEK_SET) != 0)
		goto out;
	e.n = (size_t)sz;
	e.d = malloc(e.n);
	if (e.d == NULL || fread(e.d, 1, e.n, fp) != e.n)
		goto out;
	if (memcmp(e.d, ELFMAG, SELFMAG) != 0)
		goto out;
	e.is64 = e.d[EI_CLASS] == ELFCLASS64;
	if (e.is64 && e.n < sizeof(Elf64_Ehdr))
		goto out;
	r = walk(&e, cb, arg);
out:
	free(e.d);
	fclose(fp);
	return r;
}
