# open of a missing file: copyinstr of the path on entry, errno on return
. "$(dirname "$0")/lib.sh"
script <<'D'
syscall::openat:entry
/pid == $target && copyinstr(arg1) == "/nonexistent/dtrace-trigger"/
{ self->t = 1; }
syscall::openat:return /self->t/ { @[probemod, errno, (int)arg0] = count(); self->t = 0; }
END { printa("%s errno=%d ret=%d %@d\n", @); }
D
for b in trig64 trig32; do
	$DTRACE -q -x backend=bpf -s "$D" -c "$TRIG/$b enoent 5" < /dev/null 2>/dev/null
done | expect 3<<'X' || exit 1
x64 errno=2 ret=-2 5

x32 errno=2 ret=-2 5

X
