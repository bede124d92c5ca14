# torture-guest.sh - runs in the qemu guest (busybox sh): fbt:::entry on as
# many functions as the module allows plus syscall:::entry with
# stringof(arg0..arg5), under load, for $SECS s; then the same with the
# consumer killed -9 halfway; dmesg must stay clean and the module unload.
/bin/busybox --install -s /bin 2>/dev/null
export PATH=/bin:/sbin
mkdir -p /tmp
SECS=$(cat /secs 2>/dev/null || echo 60)
pass=0 fail=0
ok() { echo "PASS: $1"; pass=$((pass + 1)); }
ko() { echo "FAIL: $1${2:+ ($2)}"; fail=$((fail + 1)); }
FBT=$(cat /fbtmax 2>/dev/null || echo 8192)
[ "$FBT" -gt 0 ] 2>/dev/null && fbtarg="fbt_max=$FBT" || fbtarg=
insmod /dtracedrv.ko $fbtarg && ok "insmod $fbtarg" || ko insmod
load() {
	while :; do /trigger 2000; ls -R /sys/kernel > /dev/null 2>&1; cat /proc/dtrace/info /proc/self/status > /dev/null; done
}
load & l1=$!
load & l2=$!
P='fbt:::entry { @f[probefunc] = count(); }
syscall:::entry { printf("%s %s %s %s %s %s\n", stringof(arg0), stringof(arg1), stringof(arg2), stringof(arg3), stringof(arg4), stringof(arg5)); }'
mark() { echo "dt-torture: $*" > /dev/kmsg; echo "MARK $*"; }
for phase in full kill9; do
	t0=$(date +%s)
	mark "phase $phase start"
	ne=$(dmesg | grep -c 'dtracedrv: enabled')
	/dtrace -x backend=kmod -q -n "$P" > /tmp/tort.out 2> /tmp/tort.err &
	dp=$!
	# the clock starts once every probe is attached (1024 kprobes take
	# tens of seconds under qemu: each walks all ftrace records)
	i=0
	while [ $(dmesg | grep -c 'dtracedrv: enabled') -eq $ne ] && [ $i -lt 600 ]; do sleep 1; i=$((i + 1)); done
	mark "phase $phase enabled after $i s"
	dmesg | grep -E 'dtracedrv: (fbt entry on|enabled)' | tail -n 2
	if [ $phase = full ]; then
		sleep "$SECS"; mark "phase $phase SIGINT"; kill -INT $dp
		( sleep 120; kill -9 $dp ) 2>/dev/null & kp=$!
		wait $dp; st=$?
		kill $kp 2>/dev/null
		echo "phase $phase: dtrace exit $st after $(( $(date +%s) - t0 )) s; $(grep -c . /tmp/tort.out) lines out, $(grep -c 'error on enabled probe' /tmp/tort.err) error lines; fbt functions aggregated: $(grep -c '^ *[a-z_0-9]* *[0-9][0-9]*$' /tmp/tort.out)"
		head -c 300 /tmp/tort.err | grep -v 'error on enabled' | head -3
		[ $st -eq 0 ] && ok "torture $SECS s, stopped with SIGINT" || ko "torture $SECS s" "exit $st"
	else
		sleep $((SECS / 2)); mark "phase $phase SIGKILL"; kill -9 $dp; wait $dp 2>/dev/null
		mark "phase $phase consumer gone"
		# the bound: every probe off and everything freed within 1 s
		ms=$(dmesg | grep 'dtracedrv: consumer closed' | tail -n 1 | sed 's/.* in \([0-9]*\) ms.*/\1/')
		if [ -n "$ms" ] && [ "$ms" -lt 1000 ]; then ok "kill -9 halfway: all probes off and freed in $ms ms"; else ko "kill -9 halfway: teardown took ${ms:-?} ms"; fi
		# a new consumer gets the device (the dead fbt kprobes are still
		# being unregistered in the background, which slows it down)
		t1=$(date +%s)
		if timeout -s KILL 180 /dtrace -x backend=kmod -q -n 'BEGIN { printf("again\n"); exit(0); }' | grep -qx again; then
			ok "kill -9 halfway: device usable again ($(( $(date +%s) - t1 )) s)"
		else
			ko "kill -9 halfway: device not usable again"
		fi
	fi
done
mark "phases done"
kill $l1 $l2; wait 2>/dev/null
dmesg | grep -E 'dtracedrv: (enabled|consumer closed)'
if dmesg | grep -Eq 'BUG:|Oops|WARNING:|Call Trace|lockup|stall'; then ko "dmesg clean" "$(dmesg | grep -E 'BUG:|Oops|WARNING:|Call Trace|lockup|stall' | head -3 | tr '\n' '|')"; else ok "dmesg clean"; fi
rmmod dtracedrv && ok rmmod || ko rmmod
echo "KMOD-RESULT $pass passed, $fail failed"
