/*
 * arch/dt_regs_user.h - keep glibc's REG_* names out of user-space code.
 *
 * glibc's <sys/ucontext.h> (pulled in by <signal.h>) declares REG_R0..
 * (ARM, under the default __USE_MISC) or REG_RIP.. (x86-64, under
 * _GNU_SOURCE) as enumerators, which cannot be #undef'd and collide with D's
 * register constants.  When configure finds them (DT_HAVE_GLIBC_REG_NAMES),
 * config.h includes this header, so every file that includes config.h before
 * system headers is covered.  We read <sys/ucontext.h> once with glibc's
 * MISC/GNU switches off; its include guard keeps the names out for the rest
 * of the file.  The cost: mcontext fields get glibc's __-prefixed names, so a
 * file that really needs ucontext fields defines DT_KEEP_GLIBC_REG_NAMES.
 * The header never fixes a file's feature macros early: it acts only once
 * _GNU_SOURCE is set or <features.h> has already been read.
 */
#ifndef DT_REGS_USER_H_INCLUDED
#define DT_REGS_USER_H_INCLUDED

#if !defined(__KERNEL__) && !defined(DT_KEEP_GLIBC_REG_NAMES) && \
    (defined(_GNU_SOURCE) || defined(_FEATURES_H))
#include <features.h>
#ifndef _SYS_UCONTEXT_H
#ifdef __USE_MISC
#define DT_REGS_HAD_MISC
#undef __USE_MISC
#endif
#ifdef __USE_GNU
#define DT_REGS_HAD_GNU
#undef __USE_GNU
#endif
#include <sys/ucontext.h>
#ifdef DT_REGS_HAD_MISC
#define __USE_MISC 1
#undef DT_REGS_HAD_MISC
#endif
#ifdef DT_REGS_HAD_GNU
#define __USE_GNU 1
#undef DT_REGS_HAD_GNU
#endif
#endif
#endif

#endif /* DT_REGS_USER_H_INCLUDED */
