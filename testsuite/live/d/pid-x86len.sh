# the instruction-length decoder behind pid offset probes agrees with
# objdump on every instruction of every function of the 64-bit and 32-bit
# libc (SSE, AVX, AVX-512 code included) and of the triggers
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
w=$(mktemp -d /tmp/dt-live-x86.XXXXXX)
trap 'rm -rf "$w" "$D"' EXIT
${CC:-gcc} -std=gnu11 -O1 -Wall -Wextra -Werror -Wno-unused-parameter \
	-I"$top/src/common" -I"$top/src/libdtrace" -I"$top/src/backend" \
	-I"$top/src/backend/bpf" -o "$w/check" "$top/testsuite/live/x86len-check.c" \
	"$top/src/backend/bpf/dt_bpf_x86len.c" "$top/src/backend/bpf/dt_bpf_elf.c" \
	"$top/src/libdtrace/dt_elf.c" -lelf || exit 1
for f in /usr/lib/x86_64-linux-gnu/libc.so.6 /usr/lib32/libc.so.6 \
	 "$TRIG/usdt-trig" "$TRIG/usdt-trig32"; do
	[ -f "$f" ] || { echo "$f missing"; exit 1; }
	"$w/check" "$f" > "$w/ours" || exit 1
	objdump -d --no-show-raw-insn "$f" |
		awk -F: '/^ *[0-9a-f]+:\t/ { gsub(/ /, "", $1); print $1 }' |
		sort -u > "$w/theirs"
	n=$(grep -vc FAIL "$w/ours")
	bad=$(grep -c FAIL "$w/ours")
	grep -v FAIL "$w/ours" | sort -u | comm -23 - "$w/theirs" > "$w/diff"
	# a libc has tens of thousands of instructions: that many were checked
	[ "$n" -gt 50 ] || echo "$f: only $n instructions"
	echo "$(basename "$f"): not understood $bad, not objdump's $(wc -l < "$w/diff")"
done | expect 3<<'X'
libc.so.6: not understood 0, not objdump's 0
libc.so.6: not understood 0, not objdump's 0
usdt-trig: not understood 0, not objdump's 0
usdt-trig32: not understood 0, not objdump's 0
X
