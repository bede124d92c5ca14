// SPDX-License-Identifier: MIT OR GPL-2.0
/*
 * dt_symtab.c - relocate and check the hidden-symbol table at load.
 *
 * With a System.map at build time the table holds link-time addresses and
 * those of two exported symbols: the reference (_printk) gives the KASLR
 * slide, the spot symbol (kfree) must then land exactly where the module's
 * own relocation put it, and a hidden symbol must resolve to its own name
 * through kallsyms.  Any difference means the map is not this kernel's: we
 * refuse to load rather than poke wrong addresses.  Without a map, the
 * loader (kernel/dtrace-load) passes addresses from /proc/kallsyms in the
 * ksyms= parameter and the same checks apply to them.
 */
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <linux/version.h>
#include "dt_kmod.h"
#include "dt_symtab.h"
#include "dt_symtab_data.h"

#ifndef DT_SYMTAB_REF
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 15, 0)
#define DT_SYMTAB_REF _printk
#else
#define DT_SYMTAB_REF printk
#endif
#endif
#define DT_STR2(x) #x
#define DT_STR(x) DT_STR2(x)

static char *ksyms;
module_param(ksyms, charp, 0400);
MODULE_PARM_DESC(ksyms, "name=hexaddr,... from /proc/kallsyms when built without a System.map");

static long dt_slide;
static char dt_symtab_status[160];

unsigned long dt_hsym_addr(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dt_hsym_table); i++)
		if (strcmp(dt_hsym_table[i].name, name) == 0)
			return (unsigned long)dt_hsym_table[i].addr;
	return 0;
}

/* Does kallsyms name ADDR as exactly NAME?  1 yes, 0 no, -1 cannot tell. */
static int dt_kallsyms_says(unsigned long addr, const char *name)
{
	char buf[KSYM_SYMBOL_LEN];
	size_t n = strlen(name);

	sprint_symbol(buf, addr);
	if (strncmp(buf, "0x", 2) == 0)
		return -1;	/* data symbol on a kernel without KALLSYMS_ALL */
	return strncmp(buf, name, n) == 0 && strncmp(buf + n, "+0x0/", 5) == 0;
}

static int dt_refuse(const char *why)
{
	pr_err("dtracedrv: symbol table does not match the running kernel %s: %s; refusing to load (rebuild dtracedrv against this kernel's System.map)\n",
	       utsname()->release, why);
	return -ENOEXEC;
}

#if !DT_SYMTAB_FROM_MAP
/* Tells kernel/dtrace-load which /proc/kallsyms entries to pass. */
MODULE_INFO(dt_hsym_wanted, DT_SYMTAB_WANTED);

/* Fill the table from ksyms= ("name=hex,..."); the reference must be there. */
static int dt_symtab_from_param(unsigned long *ref)
{
	char *s, *p, *tok;
	int err = 0;

	if (!ksyms) {
		pr_err("dtracedrv: built without a System.map: load it with dtrace-load, which passes addresses from /proc/kallsyms\n");
		return -EINVAL;
	}
	s = p = kstrdup(ksyms, GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	*ref = 0;
	while ((tok = strsep(&p, ",")) != NULL) {
		char *eq = strchr(tok, '=');
		unsigned long long v;
		size_t i;

		if (!eq || kstrtoull(eq + 1, 16, &v)) {
			err = -EINVAL;
			break;
		}
		*eq = '\0';
		if (strcmp(tok, DT_STR(DT_SYMTAB_REF)) == 0)
			*ref = (unsigned long)v;
		for (i = 0; i < ARRAY_SIZE(dt_hsym_table); i++)
			if (strcmp(dt_hsym_table[i].name, tok) == 0)
				dt_hsym_table[i].addr = v;
	}
	kfree(s);
	if (err)
		pr_err("dtracedrv: malformed ksyms= parameter\n");
	return err;
}
#endif

int dt_symtab_init(void)
{
	unsigned long ref_real = (unsigned long)&DT_SYMTAB_REF;
	const struct dt_hsym *checked = NULL;
	size_t i;
	int r;

#if DT_SYMTAB_FROM_MAP
	unsigned long spot = (unsigned long)DT_SYMTAB_SPOT_ADDR;
	unsigned long spot_real = (unsigned long)&DT_SYMTAB_SPOT;

	/*
	 * Launder the addresses: otherwise GCC may "know" that an address
	 * derived from _printk can never equal that of kfree and fold the
	 * comparison to false.
	 */
	OPTIMIZER_HIDE_VAR(ref_real);
	OPTIMIZER_HIDE_VAR(spot_real);
	if (strcmp(DT_SYMTAB_RELEASE, utsname()->release) != 0) {
		char why[96];

		snprintf(why, sizeof(why), "the table was made for %s", DT_SYMTAB_RELEASE);
		return dt_refuse(why);
	}
	dt_slide = (long)(ref_real - (unsigned long)DT_SYMTAB_REF_ADDR);
	if (spot + dt_slide != spot_real) {
		char why[128];

		snprintf(why, sizeof(why), DT_STR(DT_SYMTAB_SPOT) " is at %px, the table says %px after a slide of %lx",
			 (void *)spot_real, (void *)(spot + dt_slide), dt_slide);
		return dt_refuse(why);
	}
#else
	unsigned long ref_given;

	OPTIMIZER_HIDE_VAR(ref_real);
	r = dt_symtab_from_param(&ref_given);
	if (r)
		return r;
	if (ref_given != ref_real)
		return dt_refuse("ksyms= gives " DT_STR(DT_SYMTAB_REF) " a wrong address (is kptr_restrict hiding /proc/kallsyms?)");
	dt_slide = 0;	/* kallsyms addresses are already the running ones */
#endif
	for (i = 0; i < ARRAY_SIZE(dt_hsym_table); i++) {
		struct dt_hsym *h = &dt_hsym_table[i];

		if (!h->addr) {
			if (h->optional)
				continue;
			return dt_refuse(h->name);
		}
		if (!h->percpu)
			h->addr += dt_slide;
	}
	/* Spot check: the first relocated hidden symbol that kallsyms can name. */
	for (i = 0; i < ARRAY_SIZE(dt_hsym_table); i++) {
		const struct dt_hsym *h = &dt_hsym_table[i];

		if (!h->addr || h->percpu)
			continue;
		r = dt_kallsyms_says((unsigned long)h->addr, h->name);
		if (r == 0) {
			char why[96];

			snprintf(why, sizeof(why), "%s does not resolve to itself after relocation", h->name);
			return dt_refuse(why);
		}
		if (r == 1) {
			checked = h;
			break;
		}
	}
	snprintf(dt_symtab_status, sizeof(dt_symtab_status), "ok (%s, release %s, slide %lx, %s%s)",
		 DT_SYMTAB_FROM_MAP ? "System.map" : "kallsyms at load", DT_SYMTAB_RELEASE[0] ? DT_SYMTAB_RELEASE : "-",
		 dt_slide, checked ? "kallsyms confirms " : "no kallsyms confirmation",
		 checked ? checked->name : "");
	pr_info("dtracedrv: symbol table %s\n", dt_symtab_status);
	return 0;
}

void dt_symtab_show(struct seq_file *m)
{
	size_t i;

	seq_printf(m, "symtab_source: %s\n", DT_SYMTAB_SOURCE);
	seq_printf(m, "symtab: %s\n", dt_symtab_status);
	for (i = 0; i < ARRAY_SIZE(dt_hsym_table); i++)
		if (dt_hsym_table[i].addr)
			seq_printf(m, "symbol: %s %px%s\n", dt_hsym_table[i].name,
				   (void *)(unsigned long)dt_hsym_table[i].addr,
				   dt_hsym_table[i].percpu ? " percpu" : "");
}
