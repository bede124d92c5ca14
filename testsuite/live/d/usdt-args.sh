# USDT: the trigger's .note.stapsdt probes as dttest$target; arguments
# from register operands (tick: -8@%rbx -4@%edx or the like, built -O2),
# memory operands (slow__path, built -O0: -8@-8(%rbp) ...), globals
# (-8@dt_trig_total(%rip) -4@8+dt_trig_vec(%rip)) and the name's "__"
# read as "-"; with -c and with -p
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
$DTRACE -q -x backend=bpf -n '
dttest$target:::tick, dttest$target:::done { printf("%s %s %s %s %d %d\n", probeprov, probemod, probefunc, probename, arg0, arg1); }
dttest$target:::slow-path { printf("%s %s %d %d %d %d\n", probefunc, probename, arg0, arg1, arg2, arg3); }
dttest$target:::global { printf("%s %s %d %d\n", probefunc, probename, arg0, arg1); }' \
	-c "$UT 3" < /dev/null 2>/dev/null | sed "s/dttest[0-9][0-9]*/dttestN/" | expect 3<<'X' || exit 1
dttestN usdt-trig main tick 0 0
dt_trig_slow slow-path 0 0 0 0
dt_trig_global global 0 7
dttestN usdt-trig main tick 1 -1
dt_trig_slow slow-path 2 -1 1 0
dt_trig_global global 1 7
dttestN usdt-trig main tick 2 -2
dt_trig_slow slow-path 4 -2 2 0
dt_trig_global global 3 7
dttestN usdt-trig dt_trig_done done 3 0

X
trig_start 500
$DTRACE -q -x backend=bpf -n 'dttest$target:::tick { @n = count(); @s = sum(arg1); } dttest$target:::done { exit(0); } END { printa("ticks %@d\n", @n); printa("sum %@d\n", @s); }' \
	-p $TP > "$D" 2>&1 &
dp=$!
wait_armed $TP $(usdt_addr tick) $(usdt_addr done) || { kill $dp $TP; echo "uprobe never appeared"; exit 1; }
trig_go
wait $dp
wait $TP
expect < "$D" 3<<'X'
ticks 500
sum -124750

X
