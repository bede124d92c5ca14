/* HAVE_KALLSYMS_EACH_MOD: kallsyms_on_each_symbol()'s callback still takes a struct module * (before 6.2); the address comes from the symbol table. */
#include <linux/kallsyms.h>
#include <linux/module.h>
_Static_assert(__builtin_types_compatible_p(typeof(&kallsyms_on_each_symbol),
	int (*)(int (*)(void *, const char *, struct module *, unsigned long), void *)),
	"6.2+ callback");
int dtp_kem;
