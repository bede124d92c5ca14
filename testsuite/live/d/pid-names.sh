# pid provider: probeprov is pidN, probemod the object's file name,
# probefunc the symbol; libc functions too
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
$DTRACE -q -x backend=bpf -n '
pid$target::dt_trig_done:entry, pid$target::dt_trig_done:return { printf("%s %s %s %s\n", probeprov, probemod, probefunc, probename); }
pid$target:libc.so.6:exit:entry { printf("%s %s %s %s %d\n", probeprov == strjoin("pid", lltostr($target)) ? "pid$target" : probeprov, probemod, probefunc, probename, arg0); }' \
	-c "$UT 2" < /dev/null 2>/dev/null | sed "s/pid[0-9][0-9]*/pidN/" | expect 3<<'X'
pidN usdt-trig dt_trig_done entry
pidN usdt-trig dt_trig_done return
pid$target libc.so.6 exit entry 0

X
