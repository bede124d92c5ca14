# a buffer far too small for 20000 records: every record is either printed
# or counted in "dtrace: N drops on CPU k", never both, never neither
. "$(dirname "$0")/lib.sh"
out=$(mktemp /tmp/dt-live-drops.XXXXXX)
trap 'rm -f "$D" "$out" "$out.err"' EXIT
$DTRACE -q -x backend=bpf -b 8k -x switchrate=1s \
	-n 'syscall::getppid:entry /pid == $target/ { printf("%d\n", 1); }' \
	-c "$TRIG/trig64 getppid 20000" < /dev/null > "$out" 2> "$out.err"
printed=$(grep -c '^1$' "$out")
dropped=$(sed -n 's/^dtrace: \([0-9]*\) drops\{0,1\} on CPU [0-9]*$/\1/p' "$out.err" |
	awk '{ s += $1 } END { print s + 0 }')
other=$(grep -v '^dtrace: [0-9]* drops\{0,1\} on CPU [0-9]*$' "$out.err" | wc -l)
echo "$((printed + dropped)) $other $([ "$dropped" -gt 0 ] && echo some-dropped)" |
	expect 3<<'X' || { cat "$out.err"; exit 1; }
20000 0 some-dropped
X
