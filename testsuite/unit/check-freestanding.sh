#!/bin/sh
# check-freestanding.sh - compile src/common as the kernel module does
# (freestanding, no libc, __KERNEL__, i386 and x86_64, general registers
# only) and fail on 64-bit division helpers from libgcc, on stack frames
# of 512 bytes or more, or on VLAs.  With an ARM cross compiler present,
# the same for ARMv6 (no __aeabi_*div* calls may appear).
: "${srcdir:=.}"
CC=${CC:-gcc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dif-free.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
s=$srcdir
flags="-D__KERNEL__ -std=gnu11 -ffreestanding -fno-builtin -nostdinc
	-I$s/testsuite/unit/kport -I$s/src/common -Wall -Wextra -Werror
	-Wno-unused-parameter -Wno-missing-field-initializers
	-Wframe-larger-than=512 -Wvla -fno-common
	-Wdeclaration-after-statement -Wmissing-prototypes -Wstrict-prototypes"
passed=0
failed=0

check() { # cc label objsuffix extra-flags... ; sets failed
	cc=$1; label=$2; shift 2
	for f in "$s"/src/common/*.c; do
		o="$tmp/$(basename "$f" .c).$label.o"
		# shellcheck disable=SC2086
		if ! $cc $flags "$@" -c "$f" -o "$o"; then
			echo "FAIL: $label: $f does not compile freestanding"
			failed=$((failed + 1))
			continue
		fi
		bad=$(nm -u "$o" | grep -E '__(u?div|u?mod)di3|__aeabi_(u?l?div|l?div|uldivmod|ldivmod)|__(div|mul|add|sub)(s|d)f3|__float|__fix' )
		if [ -n "$bad" ]; then
			echo "FAIL: $label: $(basename "$f") needs: $bad"
			failed=$((failed + 1))
		else
			passed=$((passed + 1))
		fi
	done
}

check "$CC" i386-O2 -m32 -O2 -mgeneral-regs-only
check "$CC" i386-Os -m32 -Os -mgeneral-regs-only
check "$CC" x86_64-O2 -m64 -O2 -mgeneral-regs-only -mno-red-zone -mcmodel=kernel -fno-pic -fno-pie
for cross in arm-linux-gnueabi-gcc arm-linux-gnueabihf-gcc; do
	if command -v $cross >/dev/null 2>&1; then
		check $cross armv6 -march=armv6 -marm -O2 -mfloat-abi=soft
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
