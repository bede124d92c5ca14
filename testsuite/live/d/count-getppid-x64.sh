# 10000 getppid() of a 64-bit process, counted exactly, entry and return
. "$(dirname "$0")/lib.sh"
script <<'D'
syscall::getppid:entry /pid == $target/ { @n = count(); }
syscall::getppid:return /pid == $target/ { @r[probemod] = count(); }
END { printa("entry %@d\n", @n); printa("return %s %@d\n", @r); }
D
$DTRACE -q -x backend=bpf -s "$D" -c "$TRIG/trig64 getppid 10000" < /dev/null 2>/dev/null | expect 3<<'X' || exit 1
entry 10000
return x64 10000

X
