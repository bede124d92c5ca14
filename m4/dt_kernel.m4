# m4/dt_kernel.m4 - kernel discovery and the kernel feature probe pass.
#
# DT_KERNEL(CONFIG): CONFIG is user, kernel or all (--with-config).
# Finds the TARGET kernel tree (never the running kernel's version), derives
# ARCH/CROSS_COMPILE from --host, runs probes/run-probes (one kbuild pass,
# cached), generates the syscall and hidden-symbol tables, and sets
#   BUILD_KMOD (AM_CONDITIONAL), DT_KSRC, DT_KOBJ, DT_KRELEASE, DT_KARCH,
#   DT_KCROSS, DT_SYSTEM_MAP, dt_kmod_summary.
AC_DEFUN([DT_KERNEL], [
AC_ARG_WITH([linux],
  [AS_HELP_STRING([--with-linux=SRC], [kernel source/headers tree to build the module for])],
  [dt_ksrc=$withval], [dt_ksrc=])
AC_ARG_WITH([linux-obj],
  [AS_HELP_STRING([--with-linux-obj=OBJ], [kernel object (build output) tree, default SRC])],
  [dt_kobj=$withval], [dt_kobj=])
AC_ARG_WITH([system-map],
  [AS_HELP_STRING([--with-system-map=FILE], [the target kernel's System.map (or a vmlinux) for the hidden-symbol table])],
  [dt_sysmap=$withval], [dt_sysmap=])
AC_ARG_WITH([kmoddir],
  [AS_HELP_STRING([--with-kmoddir=DIR], [where make install puts dtracedrv.ko (default: /lib/modules/RELEASE/extra)])],
  [dt_kmoddir=$withval], [dt_kmoddir='/lib/modules/$(DT_KRELEASE)/extra'])
AC_ARG_WITH([probe-cache],
  [AS_HELP_STRING([--with-probe-cache=DIR], [cache of kernel probe results (default ~/.cache/dtrace4linux/probes)])],
  [dt_probe_cache=$withval], [dt_probe_cache="${XDG_CACHE_HOME:-$HOME/.cache}/dtrace4linux/probes"])
AC_ARG_VAR([KERNEL_ARCH], [kernel ARCH= for the module build (default: derived from --host)])
AC_ARG_VAR([KERNEL_CROSS_COMPILE], [kernel CROSS_COMPILE= for the module build (default: derived from --host)])

dt_kmod=no
dt_kmod_summary=
dt_kmod_why=
AS_IF([test "x$1" = xuser], [dt_kmod_summary="not built (--with-config=user)"], [
  # 1. Find the tree.  An explicit --with-linux wins; otherwise the running
  # kernel's build link is only a hint of where to look, then the newest.
  AS_IF([test -z "$dt_ksrc" && test -n "$dt_kobj"], [dt_ksrc=$dt_kobj])
  AS_IF([test -z "$dt_ksrc"], [
    AC_MSG_CHECKING([for a kernel tree])
    for d in /lib/modules/`uname -r`/build `ls -d /lib/modules/*/build 2>/dev/null | sort -rV` \
             `ls -d /usr/src/linux-headers-* 2>/dev/null | grep -v -- '-common' | sort -rV`; do
      AS_IF([test -f "$d/Makefile" && test -f "$d/.config"], [dt_ksrc=$d; break])
    done
    AC_MSG_RESULT([${dt_ksrc:-none}])
  ])
  AS_IF([test -z "$dt_kobj"], [dt_kobj=$dt_ksrc])
  AS_IF([test -z "$dt_ksrc"],
    [dt_kmod_why="no kernel tree found (looked in /lib/modules/*/build and /usr/src/linux-headers-*; use --with-linux=DIR)"],
  [test ! -f "$dt_kobj/.config" || test ! -f "$dt_kobj/Makefile"],
    [dt_kmod_why="$dt_kobj is not a configured kernel tree (.config or Makefile missing)"],
  [
    dt_ksrc=`cd "$dt_ksrc" && pwd`
    dt_kobj=`cd "$dt_kobj" && pwd`
    # 2. The release is the tree's, from its generated headers.
    AC_MSG_CHECKING([kernel release of $dt_kobj])
    dt_krelease=`sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$dt_kobj/include/generated/utsrelease.h" 2>/dev/null`
    AS_IF([test -z "$dt_krelease"], [dt_krelease=`cat "$dt_kobj/include/config/kernel.release" 2>/dev/null`])
    AC_MSG_RESULT([${dt_krelease:-unknown}])
    # 3. ARCH and CROSS_COMPILE from --host unless given.
    AS_CASE([$host_cpu],
      [x86_64|i?86], [dt_karch_def=x86],
      [arm*], [dt_karch_def=arm],
      [aarch64], [dt_karch_def=arm64],
      [dt_karch_def=$host_cpu])
    dt_karch=${KERNEL_ARCH:-$dt_karch_def}
    AS_IF([test -n "${KERNEL_CROSS_COMPILE+set}"], [dt_kcross=$KERNEL_CROSS_COMPILE],
      [test "x$cross_compiling" = xyes || test "x$host_alias" != x && test "x$host_alias" != "x$build_alias"],
        [dt_kcross=${host_alias:-$host}-],
      [dt_kcross=])
    AC_MSG_CHECKING([kernel ARCH and CROSS_COMPILE])
    AC_MSG_RESULT([ARCH=$dt_karch CROSS_COMPILE=$dt_kcross])
    # The tree must be for the arch we build for (a 64-bit tree with an i686
    # host is a mistake the kernel build would report far less clearly).
    dt_tree_arch=`sed -n 's/^CONFIG_X86_64=y/x86_64/p; s/^CONFIG_X86_32=y/i386/p; s/^CONFIG_ARM=y/arm/p; s/^CONFIG_ARM64=y/arm64/p' "$dt_kobj/.config" | head -1`
    AS_CASE([$dt_karch:$host_cpu:$dt_tree_arch],
      [x86:x86_64:i386|x86:i?86:x86_64|arm:*:x86_64|arm:*:i386|x86:*:arm],
        [AC_MSG_ERROR([$dt_kobj is a $dt_tree_arch kernel, but --host is $host (set --host or KERNEL_ARCH)])])
    AS_IF([test -z "$dt_krelease"], [dt_kmod_why="no release string in $dt_kobj"], [
      # 4. The probe pass (one parallel kbuild run, cached).
      AS_MKDIR_P([kernel])
      AC_MSG_CHECKING([kernel features (probes/, one kbuild pass)])
      AS_IF([dt_probe_out=`$SHELL "$srcdir/probes/run-probes" --kdir "$dt_kobj" \
               --arch "$dt_karch" --cross "$dt_kcross" --cache "$dt_probe_cache" \
               --work kernel/probe-pass --out kernel/dt_kconfig.h 2>&1`],
        [dt_probe_msg=`echo "$dt_probe_out" | sed 's/^run-probes: //'`
         AC_MSG_RESULT([$dt_probe_msg])],
        [AC_MSG_RESULT([failed])
         dt_kmod_why="the probe pass failed: $dt_probe_out"])
    ])
    AS_IF([test -z "$dt_kmod_why"], [
      AC_MSG_CHECKING([syscall tables of the target])
      AS_IF([$SHELL "$srcdir/arch/gen-syscalls.sh" "$dt_kobj" kernel/dt_syscalls_data.h >&AS_MESSAGE_LOG_FD 2>&1],
        [dt_abis=`sed -n 's/^#define DT_SYSCALL_ABIS.X.//p' kernel/dt_syscalls_data.h`
         AC_MSG_RESULT([$dt_abis])],
        [AC_MSG_RESULT([failed]); dt_kmod_why="cannot read the syscall tables of $dt_kobj"])
    ])
    AS_IF([test -z "$dt_kmod_why"], [
      # 5. The hidden-symbol table, from the TARGET's System.map.
      AS_CASE([$dt_karch], [x86], [dt_hlist=x86], [arm], [dt_hlist=arm], [dt_hlist=])
      AS_IF([test -z "$dt_sysmap"], [
        for m in "$dt_kobj/System.map" "$dt_ksrc/System.map" "/boot/System.map-$dt_krelease" \
                 "/usr/lib/debug/boot/System.map-$dt_krelease"; do
          AS_IF([test -f "$m" && grep -Eq ' (T|t) _?printk$' "$m"], [dt_sysmap=$m; break])
        done
      ])
      AC_MSG_CHECKING([hidden-symbol table])
      AS_IF([test -z "$dt_hlist"],
        [AC_MSG_RESULT([none for ARCH=$dt_karch]); dt_kmod_why="no hidden-symbol list for ARCH=$dt_karch"],
      [
        dt_symarg=
        AS_CASE([$dt_sysmap],
          [""], [],
          [*vmlinux*], [dt_symarg="--vmlinux $dt_sysmap --nm ${dt_kcross}nm"],
          [dt_symarg="--map $dt_sysmap"])
        # A map named for another release is still used (that is how the
        # mismatch test builds one), but the module will refuse to load.
        dt_symrel=$dt_krelease
        AS_CASE([$dt_sysmap], [*System.map-*], [dt_symrel=`echo "$dt_sysmap" | sed 's/.*System.map-//'`])
        AS_IF([test "x$dt_symrel" != "x$dt_krelease"],
          [AC_MSG_WARN([$dt_sysmap is for $dt_symrel, not $dt_krelease: the module will refuse to load])])
        AS_IF([$SHELL "$srcdir/kernel/gen-symtab.sh" --list "$srcdir/arch/$dt_hlist/hidden-symbols" \
                 --release "$dt_symrel" --out kernel/dt_symtab_data.h $dt_symarg >&AS_MESSAGE_LOG_FD 2>&1],
          [AS_IF([test -n "$dt_sysmap"], [AC_MSG_RESULT([from $dt_sysmap])],
             [AC_MSG_RESULT([no System.map: addresses from /proc/kallsyms at load])])],
          [AC_MSG_RESULT([failed]); dt_kmod_why="cannot build the symbol table from $dt_sysmap (see config.log)"])
      ])
    ])
  ])
  AS_IF([test -z "$dt_kmod_why"], [
    dt_kmod=yes
    dt_abs_src=`cd "$srcdir" && pwd`
    cat > kernel/kmod.env <<DT_EOF
# Written by configure for kernel/kmod-build.
DT_SRCDIR='$dt_abs_src'
DT_KOBJ='$dt_kobj'
DT_KARCH='$dt_karch'
DT_KCROSS='$dt_kcross'
DT_KRELEASE='$dt_krelease'
DT_EOF
    dt_np=`sed -n 's/^#define DT_PROBES_PASSED //p' kernel/dt_kconfig.h`
    dt_nt=`sed -n 's/^#define DT_PROBES_TOTAL //p' kernel/dt_kconfig.h`
    dt_kmod_summary="yes, for $dt_krelease (ARCH=$dt_karch${dt_kcross:+ CROSS_COMPILE=$dt_kcross}; $dt_np/$dt_nt probes; symbol table: ${dt_sysmap:-/proc/kallsyms at load})"
  ], [test "x$1" = xkernel], [AC_MSG_ERROR([cannot build the kernel module: $dt_kmod_why])],
  [
    dt_kmod_summary="skipped: $dt_kmod_why"
    AC_MSG_NOTICE([kernel module skipped: $dt_kmod_why])
  ])
])
AM_CONDITIONAL([BUILD_KMOD], [test "$dt_kmod" = yes])
AC_SUBST([DT_KSRC], [$dt_ksrc])
AC_SUBST([DT_KOBJ], [$dt_kobj])
AC_SUBST([DT_KRELEASE], [$dt_krelease])
AC_SUBST([DT_KMODDIR], [$dt_kmoddir])
AC_SUBST([DT_KARCH], [$dt_karch])
AC_SUBST([DT_KCROSS], [$dt_kcross])
AC_SUBST([DT_SYSTEM_MAP], [$dt_sysmap])
])
