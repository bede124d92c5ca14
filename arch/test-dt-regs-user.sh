#!/bin/sh
# arch/test-dt-regs-user.sh - prove arch/dt_regs_user.h removes glibc's REG_*
# collision for every compiler given (default: native, ARM EABI, i686).
# Fails if a compiler collides WITH the header, or if the test could not
# fail (no collision WITHOUT it, on a glibc that has the names).
set -u
here=$(cd "$(dirname "$0")" && pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
body='#include <signal.h>
#include <sys/ucontext.h>
enum { REG_R0 = 100, REG_RIP = 101, REG_EIP = 102 };
int f(ucontext_t *u) { return REG_R0 + REG_RIP + (int)sizeof(*u); }'
printf '#define _GNU_SOURCE 1\n#include "%s/dt_regs_user.h"\n%s\n' "$here" "$body" > "$t/with.c"
printf '#define _GNU_SOURCE 1\n%s\n' "$body" > "$t/without.c"
rc=0
for cc in ${*:-gcc arm-linux-gnueabi-gcc i686-linux-gnu-gcc}; do
	command -v "$cc" >/dev/null || { echo "SKIP $cc (not installed)"; continue; }
	if "$cc" -std=gnu11 -Wall -Wextra -Werror -c "$t/with.c" -o "$t/o" 2>"$t/err"; then w=ok; else w=FAIL; rc=1; fi
	if "$cc" -c "$t/without.c" -o "$t/o" 2>/dev/null; then wo="no collision"; else wo="collides"; fi
	echo "$cc: without header: $wo; with header: $w"
done
exit $rc
