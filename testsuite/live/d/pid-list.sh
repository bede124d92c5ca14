# dtrace -l with -p lists the pid and USDT probes of a running process
# (ids left out: they depend on the probe table before them; rows
# sorted: their order follows the trigger's code layout)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
list() {
	$DTRACE -x backend=bpf -l -n "$1" -p $TP | { read -r h; echo "$h"; LC_ALL=C sort -b -k4,4 -k5,5; }
}
trig_start 1
{
	list 'pid$target:usdt-trig:dt_trig_*:'
	list 'dttest$target:::'
	list 'pid$target::malloc:entry'
	# every function of every object: the trigger's 13, libc's, ld.so's
	$DTRACE -x backend=bpf -l -n 'pid$target:::entry' -p $TP |
		awk 'NR > 1 { n[$3]++ } END { print "usdt-trig", n["usdt-trig"]; print "libc", (n["libc.so.6"] > 1000); print "ld.so", (n["ld-linux-x86-64.so.2"] > 10) }'
} 2>&1 | awk '/^ *ID / { print "ID", $2, $3, $4, $5; next } NF == 5 { print "N", $2, $3, $4, $5; next } { print }' |
	sed "s/\(pid\|dttest\)$TP/\1N/" > "$D"
trig_go
wait $TP
expect < "$D" 3<<'X'
ID PROVIDER MODULE FUNCTION NAME
N pidN usdt-trig dt_trig_add entry
N pidN usdt-trig dt_trig_add return
N pidN usdt-trig dt_trig_done entry
N pidN usdt-trig dt_trig_done return
N pidN usdt-trig dt_trig_global entry
N pidN usdt-trig dt_trig_global return
N pidN usdt-trig dt_trig_guarded entry
N pidN usdt-trig dt_trig_guarded return
N pidN usdt-trig dt_trig_slow entry
N pidN usdt-trig dt_trig_slow return
ID PROVIDER MODULE FUNCTION NAME
N dttestN usdt-trig dt_trig_done done
N dttestN usdt-trig dt_trig_global global
N dttestN usdt-trig dt_trig_guarded guarded
N dttestN usdt-trig dt_trig_slow slow-path
N dttestN usdt-trig main tick
ID PROVIDER MODULE FUNCTION NAME
N pidN libc.so.6 malloc entry
usdt-trig 13
libc 1
ld.so 1
X
