/* Stand-in for <linux/stddef.h> (see types.h here). */
#ifndef KPORT_LINUX_STDDEF_H
#define KPORT_LINUX_STDDEF_H
#define NULL ((void *)0)
#endif
