# sdt arguments typed from BTF: sched_switch's args[1] and args[2] are
# struct task_struct * (a TRACE_EVENT), sched_wakeup's args[0] too (a
# DEFINE_EVENT of a class), so ->comm, ->pid and ->tgid read the tasks.
# The trigger sleeps in read() until the consumer is ready, so it is woken,
# switched in and (when it exits) switched out while traced.
. "$(dirname "$0")/lib.sh"
mountpoint -q /sys/kernel/tracing 2>/dev/null ||
	mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
w=$(mktemp -d /tmp/dt-live-sdt.XXXXXX)
trap 'rm -rf "$w" "$D"' EXIT
mkfifo "$w/go"
# read-write: the open does not wait for a writer, the read() does
"$TRIG/trig64" getppid 1 <> "$w/go" &
tp=$!
script <<'D'
BEGIN { printf("ready\n"); }
sdt:sched::sched_switch /args[1]->pid == $target/
{
	out[stringof(args[1]->comm)] = 1;
	tgid = args[1]->tgid;
}
sdt:sched::sched_switch /args[2]->pid == $target/ { in[stringof(args[2]->comm)] = 1; }
sdt:sched::sched_wakeup /args[0]->pid == $target/ { woken[stringof(args[0]->comm)] = 1; }
END
{
	printf("switched out: trig64 %d\n", out["trig64"]);
	printf("switched in: trig64 %d\n", in["trig64"]);
	printf("woken: trig64 %d\n", woken["trig64"]);
	printf("tgid is the target: %d\n", tgid == $target);
}
D
$DTRACE -q -x backend=bpf -s "$D" -p $tp > "$w/out" 2>&1 &
n=0
until grep -q ready "$w/out" 2>/dev/null; do
	n=$((n + 1))
	if [ $n -gt 300 ]; then echo "consumer not ready"; cat "$w/out"; kill $tp; exit 1; fi
	sleep 0.1
done
echo go > "$w/go"
wait
expect < "$w/out" 3<<'X' || exit 1
ready
switched out: trig64 1
switched in: trig64 1
woken: trig64 1
tgid is the target: 1

X
