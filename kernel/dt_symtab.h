/* SPDX-License-Identifier: MIT OR GPL-2.0 */
/*
 * dt_symtab.h - one entry of the hidden-symbol table (kernel addresses the
 * module needs that are not exported).  The generated dt_symtab_data.h holds
 * the entries with their addresses from the TARGET kernel's System.map;
 * dt_symtab.c relocates them by the KASLR slide at load.
 */
#ifndef DT_SYMTAB_H
#define DT_SYMTAB_H

struct dt_hsym {
	const char *name;
	unsigned long long addr;	/* link-time address; 0 = unknown */
	int percpu;			/* an offset into the per-CPU area: not slid */
	int optional;			/* some kernels lack it */
};

#endif /* DT_SYMTAB_H */
