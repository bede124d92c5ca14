/* HAVE_SYSCALL_TABLE: asm/syscall.h declares the native sys_call_table (address comes from the symbol table). */
#include <linux/types.h>
#include <asm/syscall.h>
int dtp_sct(void);
int dtp_sct(void) { return sizeof(&sys_call_table); }
