# a consumer killed with SIGKILL leaves no uprobe behind: the breakpoint
# byte in the target goes back to the original instruction (push %rbp,
# 55) and bpftool sees no perf attachment of the dead consumer
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
nperf=$(bpftool perf | grep -cE "^pid $dp .* u(ret)?probe ")
kill -9 $dp
wait $dp 2>/dev/null
sleep 0.2
after=$(text_byte $TP $a)
tick_after=$(text_byte $TP $(usdt_addr tick))
left=$(bpftool perf | grep -c "^pid $dp ")
trig_go
wait $TP
echo "function byte $before $during $after" | expect 3<<'X' || exit 1
function byte 55 cc 55
X
echo "usdt site $tick $tick_after, uprobes $nperf, after $left" | expect 3<<'X'
usdt site cc 90, uprobes 3, after 0
X
