# 32-bit process (gcc -m32): its calls are syscall:x32, never syscall:x64
. "$(dirname "$0")/lib.sh"
script <<'D'
syscall:x32:getppid:entry /pid == $target/ { @[probemod, execname] = count(); }
syscall:x64:getppid:entry /pid == $target/ { @[probemod, execname] = count(); }
END { printa("%s %s %@d\n", @); }
D
$DTRACE -q -x backend=bpf -s "$D" -c "$TRIG/trig32 getppid 4321" < /dev/null 2>/dev/null | expect 3<<'X' || exit 1
x32 trig32 4321

X
