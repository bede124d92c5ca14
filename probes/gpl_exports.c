/* HAVE_GPL_EXPORTS: a GPL-only export (sprint_symbol) links in a module licensed "Dual MIT/GPL". */
#include <linux/module.h>
#include <linux/kallsyms.h>
MODULE_LICENSE("Dual MIT/GPL");
int dtp_gpl(char *b, unsigned long a);
int dtp_gpl(char *b, unsigned long a) { return sprint_symbol(b, a); }
