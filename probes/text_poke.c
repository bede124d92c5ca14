/* HAVE_TEXT_POKE: x86 text_poke() is declared (the address comes from the symbol table: not exported). */
#include <linux/types.h>
#include <linux/cache.h>
#include <asm/text-patching.h>
int dtp_tp(void);
int dtp_tp(void) { return sizeof(&text_poke); }
