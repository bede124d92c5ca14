# m4/dt_user_probes.m4 - user-space feature probes.
#
# DT_USER_PROBES: does glibc's <sys/ucontext.h>/<signal.h> with _GNU_SOURCE
# declare REG_* register names (REG_R0.. on ARM, REG_RIP.. on x86-64) that
# would collide with D's register constants?  If so define
# DT_HAVE_GLIBC_REG_NAMES and have config.h include arch/dt_regs_user.h,
# which keeps them out of every file that includes config.h first.
AC_DEFUN([DT_USER_PROBES], [
AC_CACHE_CHECK([whether glibc defines REG_* register names with _GNU_SOURCE],
  [dt_cv_glibc_reg_names],
  [AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#define _GNU_SOURCE 1
#include <signal.h>
#include <sys/ucontext.h>
#if !defined(REG_R0) && !defined(REG_RIP) && !defined(REG_EIP) && !defined(REG_PC)
#error no REG_ names
#endif
]], [[]])], [dt_cv_glibc_reg_names=yes], [dt_cv_glibc_reg_names=no])])
AS_IF([test "$dt_cv_glibc_reg_names" = yes], [
  AC_DEFINE([DT_HAVE_GLIBC_REG_NAMES], [1],
    [Define if glibc's <sys/ucontext.h> declares REG_* names with _GNU_SOURCE])
  dt_abs_srcdir=`cd "$srcdir" && pwd`
  AC_DEFINE_UNQUOTED([DT_REGS_USER_H], ["$dt_abs_srcdir/arch/dt_regs_user.h"],
    [The header that keeps glibc's REG_* names out of user-space code])
  # Prove the header works with this compiler (also the cross one).
  AC_CACHE_CHECK([whether arch/dt_regs_user.h hides them], [dt_cv_regs_user_ok],
    [AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#define _GNU_SOURCE 1
#include "$dt_abs_srcdir/arch/dt_regs_user.h"
#include <signal.h>
#include <sys/ucontext.h>
enum { REG_R0 = 100, REG_RIP = 101, REG_EIP = 102, REG_PC = 103 };
]], [[ucontext_t uc; (void)uc; return REG_R0 + REG_RIP;]])],
      [dt_cv_regs_user_ok=yes], [dt_cv_regs_user_ok=no])])
  AS_IF([test "$dt_cv_regs_user_ok" != yes],
    [AC_MSG_ERROR([arch/dt_regs_user.h does not hide glibc's REG_* names with this compiler])])
])
AH_BOTTOM([/* Keep glibc's REG_* names out of user-space code (arch/dt_regs_user.h). */
#if defined(DT_REGS_USER_H) && !defined(__KERNEL__)
# include DT_REGS_USER_H
#endif])
])
