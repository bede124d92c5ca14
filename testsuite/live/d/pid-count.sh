# pid provider: a function's entry count, with -c (probes attach before
# the child runs: the first call counts too), the executable named a.out,
# and with -p
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
$DTRACE -q -x backend=bpf -n 'pid$target::dt_trig_add:entry { @ = count(); } END { printa("c %@d\n", @); }' \
	-c "$UT 1000" < /dev/null 2>/dev/null | expect 3<<'X' || exit 1
c 1000

X
# "a.out" names the executable, whose probes carry its file name
$DTRACE -q -x backend=bpf -n 'pid$target:a.out:dt_trig_add:entry { @[probemod] = count(); } END { printa("%s %@d\n", @); }' \
	-c "$UT 7" < /dev/null 2>/dev/null | expect 3<<X || exit 1
$(basename "$UT") 7

X
trig_start 1000
$DTRACE -q -x backend=bpf -n 'pid$target::dt_trig_add:entry { @ = count(); } pid$target::dt_trig_done:entry { exit(0); } END { printa("p %@d\n", @); }' \
	-p $TP > "$D" 2>&1 &
dp=$!
wait_armed $TP $(sym_addr dt_trig_add) $(sym_addr dt_trig_done) || { kill $dp $TP; echo "uprobe never appeared"; exit 1; }
trig_go
wait $dp
wait $TP
expect < "$D" 3<<'X'
p 1000

X
