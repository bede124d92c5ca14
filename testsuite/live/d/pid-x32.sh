# pid provider and USDT in a 32-bit (i386) process: entry arguments from
# the stack (cdecl), the return value, and USDT operands of i386 code
# (registers, memory, sym@GOTOFF(%reg) globals); the 32-bit libc
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
$DTRACE -q -x backend=bpf -n '
pid$target::dt_trig_add:entry { @a = sum(arg0); @b = sum(arg1); }
pid$target::dt_trig_add:return { @r = sum(arg1); }
dttest$target:::tick, dttest$target:::global { printf("%s %d %d\n", probename, arg0, arg1); }
dttest$target:::slow-path { printf("%s %d %d %d\n", probename, arg0, arg1, arg2); }
pid$target:libc.so.6:exit:entry { printf("%s %s %d\n", probemod, probefunc, arg0); }
END { printa("arg0 %@d\n", @a); printa("arg1 %@d\n", @b); printa("ret %@d\n", @r); }' \
	-c "$TRIG/usdt-trig32 3" < /dev/null 2>/dev/null | expect 3<<'X'
tick 0 0
slow-path 0 0 0
global 0 7
tick 1 -1
slow-path 2 -1 1
global 1 7
tick 2 -2
slow-path 4 -2 2
global 3 7
libc.so.6 exit 0
arg0 3
arg1 9
ret 12

X
