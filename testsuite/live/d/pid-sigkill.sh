# a consumer killed with SIGKILL leaves no uprobe behind: the breakpoint
# byte in the target goes back to the original instruction (push %rbp,
# 55), and neither its uprobe_multi links nor perf uprobes (the fallback
# on kernels before 6.6) are left for bpftool to see
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
trig_start 10
a=$(sym_addr dt_trig_add)
before=$(text_byte $TP $a)
$DTRACE -q -x backend=bpf -n 'pid$target::dt_trig_add:entry, pid$target::dt_trig_add:return, dttest$target:::tick { @ = count(); }' \
	-p $TP > /dev/null 2>&1 &
dp=$!
wait_byte $TP $a cc || echo "uprobe never appeared"
during=$(text_byte $TP $a)
tick=$(text_byte $TP $(usdt_addr tick))
wait_byte $TP $(usdt_addr tick) cc || echo "USDT uprobe never appeared"
count_uprobes() {
	nperf=$(bpftool perf | grep -cE "^pid $dp .* u(ret)?probe ")
	links=$(for f in /proc/$dp/fdinfo/*; do
		grep -q '^link_type:.*probe_multi' $f 2>/dev/null &&
			sed -n 's/^link_id:[[:space:]]*//p' $f
	done)
	nlink=$(echo $links | wc -w)
}
# the last attachment may come a moment after the breakpoints show
n=0
count_uprobes
while [ $((nperf + nlink)) -lt 3 ] && [ $n -lt 50 ]; do
	sleep 0.1
	n=$((n + 1))
	count_uprobes
done
kill -9 $dp
wait $dp 2>/dev/null
sleep 0.2
after=$(text_byte $TP $a)
tick_after=$(text_byte $TP $(usdt_addr tick))
left=$(bpftool perf | grep -c "^pid $dp ")
for l in $links; do bpftool link show id $l > /dev/null 2>&1 && left=$((left + 1)); done
trig_go
wait $TP
echo "function byte $before $during $after" | expect 3<<'X' || exit 1
function byte 55 cc 55
X
echo "usdt site $tick $tick_after, uprobes $((nperf + nlink)), after $left" | expect 3<<'X'
usdt site cc 90, uprobes 3, after 0
X
