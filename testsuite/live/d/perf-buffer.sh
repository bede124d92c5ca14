# records through the perf-buffer fallback (DTRACE_BPF_BUFFER=perf):
# printf records, a runtime error record, a committed and a discarded
# speculation, exit(); then a bad DTRACE_BPF_BUFFER value is refused
. "$(dirname "$0")/lib.sh"
script <<'D'
syscall::getppid:entry /pid == $target/ { n++; @c = count(); }
syscall::getppid:entry /pid == $target && n <= 3/ { printf("call %d\n", n); }
syscall::getppid:entry /pid == $target && n == 4/ { s = speculation(); speculate(s); printf("kept %d\n", n); }
syscall::getppid:entry /pid == $target && n == 5/ { t = speculation(); speculate(t); printf("thrown %d\n", n); }
syscall::getppid:entry /pid == $target && n == 6/ { commit(s); discard(t); }
syscall::getppid:entry /pid == $target && n == 7/ { trace(*(int *)8); }
END { printa("total %@d\n", @c); }
D
DTRACE_BPF_BUFFER=perf $DTRACE -q -x backend=bpf -x nspec=2 -s "$D" -c "$TRIG/trig64 getppid 100" < /dev/null 2>&1 |
	sed 's/ID [0-9]*/ID N/g; s/DIF offset [0-9]*/DIF offset N/' | expect 3<<'X' || exit 1
call 1
call 2
call 3
kept 4
dtrace: error on enabled probe ID N (ID N: syscall:x64:getppid:entry): invalid address (0x8) in action #1 at DIF offset N
total 100

X
DTRACE_BPF_BUFFER=bogus $DTRACE -q -x backend=bpf -n 'BEGIN { exit(0); }' 2>&1 | expect 3<<'X' || exit 1
dtrace: failed to open backend bpf: DTRACE_BPF_BUFFER must be ring, perf or auto
X
# the map types a running consumer holds: a perf event array (4), no ring
# buffer (27) with perf; the other way round with ring
for m in perf ring; do
	DTRACE_BPF_BUFFER=$m $DTRACE -q -x backend=bpf -n 'BEGIN { printf("ready\n"); } tick-1s { exit(0); } /* dt-perfbuf-check-'$$' */' > "$D.$m" 2>&1 &
	n=0
	until grep -q ready "$D.$m" 2>/dev/null || [ $n -gt 100 ]; do sleep 0.1; n=$((n + 1)); done
	for p in $(pgrep -f "dt-perfbuf-check-$$ "); do
		cat /proc/$p/fdinfo/* 2>/dev/null | sed -n 's/^map_type:[[:space:]]*\(4\|27\)$/\1/p'
	done | sort -u | tr '\n' ' '
	echo "$m"
	wait
	rm -f "$D.$m"
done | expect 3<<'X' || exit 1
4 perf
27 ring
X
