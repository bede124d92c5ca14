# pid provider: probes at instruction offsets (hex) of dt_trig_add, whose
# layout the trigger fixes in assembly; offsets come from decoding the
# function, so one inside an instruction (2) or past its end (40) names
# no probe, and naming the function alone lists every offset
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
$DTRACE -q -x backend=bpf -n 'pid$target::dt_trig_add:4, pid$target::dt_trig_add:8, pid$target::dt_trig_add:0 { @[probename] = count(); } END { printa("%s %@d\n", @); }' \
	-c "$UT 7" < /dev/null 2>/dev/null | sort | expect 3<<'X' || exit 1

0 7
4 7
8 7
X
for o in 2 40; do
	$DTRACE -q -x backend=bpf -n "pid\$target::dt_trig_add:$o { exit(0); }" -c "$UT 1" < /dev/null 2>&1
done | sed 's/pid[0-9][0-9]*/pidN/g' | expect 3<<'X' || exit 1
dtrace: invalid probe specifier pid$target::dt_trig_add:2 { exit(0); }: probe description pidN::dt_trig_add:2 does not match any probes
dtrace: invalid probe specifier pid$target::dt_trig_add:40 { exit(0); }: probe description pidN::dt_trig_add:40 does not match any probes
X
trig_start 1
$DTRACE -x backend=bpf -l -n 'pid$target::dt_trig_add:' -p $TP | awk '{ print $4, $5 }' > "$D"
trig_go
wait $TP
expect < "$D" 3<<'X'
FUNCTION NAME
dt_trig_add entry
dt_trig_add return
dt_trig_add 0
dt_trig_add 1
dt_trig_add 4
dt_trig_add 8
dt_trig_add 9
X
