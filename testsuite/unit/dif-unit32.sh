#!/bin/sh
# dif-unit32.sh - build the DIF unit tests with -m32 and run them, so the
# 32-bit paths (64-bit division through the port, 4-byte aligned uint64_t,
# addresses above 4 GiB) run too, with the switch dispatcher (the 64-bit
# dif-unit uses the computed-goto one).  Exit 77 (skip) if -m32 cannot link.
: "${srcdir:=.}"
CC=${CC:-gcc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dif-unit32.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

echo 'int main(void) { return 0; }' > "$tmp/t.c"
if ! $CC -m32 -o "$tmp/t" "$tmp/t.c" >/dev/null 2>&1; then
	echo "SKIP: $CC -m32 cannot link (install gcc-multilib)"
	exit 77
fi
# gcc-multilib provides /usr/include/asm; a cross gcc package can remove
# it, so point asm/ at the multiarch headers ourselves when it is missing
if ! echo '#include <errno.h>' | $CC -m32 -E -x c - >/dev/null 2>&1; then
	ma=$($CC -print-multiarch 2>/dev/null)
	mkdir -p "$tmp/inc"
	[ -n "$ma" ] && [ -d "/usr/include/$ma/asm" ] &&
		ln -s "/usr/include/$ma/asm" "$tmp/inc/asm"
fi
s=$srcdir
$CC -m32 -DDIF_VM_NO_CGOTO -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-missing-field-initializers -I"$tmp/inc" -I"$s/src/common" \
	-o "$tmp/dif-unit32" "$s"/src/common/*.c "$s/src/libdtrace/dt_port_user.c" \
	"$s"/testsuite/unit/unit_fixture.c "$s"/testsuite/unit/test_*.c \
	2>&1 | grep -v '^$' && { echo "FAIL: -m32 build"; exit 1; }
[ -x "$tmp/dif-unit32" ] || { echo "FAIL: -m32 build"; exit 1; }
file "$tmp/dif-unit32" 2>/dev/null | grep -q '32-bit' ||
	{ echo "FAIL: not a 32-bit binary"; exit 1; }
"$tmp/dif-unit32"
