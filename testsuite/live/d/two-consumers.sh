# two dtrace processes on the same syscall at once, each with its own
# predicate and aggregations: neither sees the other's counts
. "$(dirname "$0")/lib.sh"
w=$(mktemp -d /tmp/dt-live-two.XXXXXX)
trap 'rm -rf "$w" "$D"' EXIT
mkfifo "$w/go"
# the trigger waits for a byte on the fifo: both consumers attach first
"$TRIG/trig64" getppid 10000 < "$w/go" &
tp=$!
$DTRACE -q -x backend=bpf -p $tp -n '
BEGIN { printf("ready\n"); }
syscall::getppid:entry /pid == $target/ { @n = count(); }
END { printa("A entry %@d\n", @n); }' > "$w/a" 2>&1 &
$DTRACE -q -x backend=bpf -p $tp -n '
BEGIN { printf("ready\n"); }
syscall::getppid:return /pid == $target && arg0 == $ppid/ {
	@c[execname] = count(); @s = sum(2); @q = lquantize(arg0 == $ppid, 0, 2);
}
END { printa("B %s %@d\n", @c); printa("B sum %@d\n", @s); printa(@q); }' \
	> "$w/b" 2>&1 &
n=0
until grep -q ready "$w/a" 2>/dev/null && grep -q ready "$w/b" 2>/dev/null; do
	n=$((n + 1))
	if [ $n -gt 300 ]; then echo "consumers not ready"; cat "$w/a" "$w/b"; exit 1; fi
	sleep 0.1
done
echo go > "$w/go"
wait
cat "$w/a" "$w/b" | expect 3<<'X' || exit 1
ready
A entry 10000

ready
B trig64 10000
B sum 20000


           value  ------------- Distribution ------------- count    
               0 |                                         0        
               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 10000    
            >= 2 |                                         0        


X
