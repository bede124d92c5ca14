# pid provider: probes at instruction offsets (hex) of dt_trig_add, whose
# layout the trigger fixes in assembly; an offset past the function's end
# names no probe
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
$DTRACE -q -x backend=bpf -n 'pid$target::dt_trig_add:4, pid$target::dt_trig_add:8, pid$target::dt_trig_add:0 { @[probename] = count(); } END { printa("%s %@d\n", @); }' \
	-c "$UT 7" < /dev/null 2>/dev/null | sort | expect 3<<'X' || exit 1

0 7
4 7
8 7
X
$DTRACE -q -x backend=bpf -n 'pid$target::dt_trig_add:40 { exit(0); }' -c "$UT 1" < /dev/null 2>&1 |
	sed 's/pid[0-9][0-9]*/pidN/g' | expect 3<<'X'
dtrace: invalid probe specifier pid$target::dt_trig_add:40 { exit(0); }: probe description pidN::dt_trig_add:40 does not match any probes
X
