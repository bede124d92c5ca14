# every syscall at once (two programs, dispatch maps), then exit from
# tick-1s: start to exit in under 2 s; getppid counted exactly
. "$(dirname "$0")/lib.sh"
start=$(date +%s%N)
$DTRACE -q -x backend=bpf -n 'syscall:::entry /pid == $target/ { @[probefunc] = count(); }' \
	-n 'syscall:::return /pid == $target && probefunc == "getppid"/ { @r = count(); }' \
	-n 'profile:::tick-1s { exit(0); }' \
	-c "$TRIG/trig64 getppid 2000" < /dev/null 2>/dev/null > /tmp/dt-live-all.$$
end=$(date +%s%N)
grep -E '^ +getppid +2000$' /tmp/dt-live-all.$$ > /dev/null || { cat /tmp/dt-live-all.$$; rm -f /tmp/dt-live-all.$$; exit 1; }
grep -E '^ +2000$' /tmp/dt-live-all.$$ > /dev/null || { cat /tmp/dt-live-all.$$; rm -f /tmp/dt-live-all.$$; exit 1; }
rm -f /tmp/dt-live-all.$$
ms=$(( (end - start) / 1000000 ))
echo "start to exit: $ms ms"
[ $ms -lt 2000 ]
