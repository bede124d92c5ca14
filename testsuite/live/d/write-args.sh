# arguments of write(2), both ABIs
. "$(dirname "$0")/lib.sh"
for b in trig64 trig32; do
	$DTRACE -q -x backend=bpf -n 'syscall::write:entry /pid == $target/ { printf("%s %s %d %d\n", probemod, probefunc, arg0 > 2, arg2); }' \
		-c "$TRIG/$b write 3" < /dev/null 2>/dev/null
done | expect 3<<'X' || exit 1
x64 write 1 1
x64 write 1 2
x64 write 1 3

x32 write 1 1
x32 write 1 2
x32 write 1 3

X
