# guest-prov-scale.sh - sourced by guest-run.sh in the qemu guest (busybox
# sh; ok/ko/$D from there): pid probes say "pidNNN" in probeprov, and
# fbt:::entry takes every function of the kernel through one ftrace_ops,
# fbt:::return a glob through one fprobe (or batched kretprobes).

# dtrace -q ARGS in the background into /tmp/live.out; once this session's
# probes are enabled (dmesg; at most MAXWAIT s, the seconds taken left in
# $waited) the trigger makes 1000 calls; dtrace is killed after KILLAFTER s
enabled_run() { # MAXWAIT KILLAFTER ARGS...
	maxw=$1 ka=$2
	shift 2
	ne=$(dmesg | grep -c 'dtracedrv: enabled')
	t0=$(date +%s)
	$D -q "$@" > /tmp/live.out 2>&1 &
	dp=$!
	i=0
	while [ $i -lt $((maxw * 2)) ] && [ "$(dmesg | grep -c 'dtracedrv: enabled')" -le "$ne" ]; do sleep 0.5; i=$((i + 1)); done
	waited=$(( $(date +%s) - t0 ))
	sleep 1
	/trigger 1000
	( sleep $ka; kill -9 $dp 2>/dev/null ) &
	kp=$!
	wait $dp
	kill $kp 2>/dev/null
}

# pid probes name their provider pidNNN (probeprov), as DTrace does
/trigger 10 3 &
tp=$!
sleep 0.2
timeout -s KILL 30 $D -q -p $tp -n 'pid$target::dt_trigger_fn:entry { printf("%s\n", probeprov); exit(0); }' > /tmp/live.out 2>&1
wait $tp
if grep -qx "pid$tp" /tmp/live.out; then ok "pid probeprov is pid$tp"; else ko "pid probeprov is pid$tp" "got: $(head -c 200 /tmp/live.out | tr '\n' '|')"; fi
# (one ftrace_ops is the x86 path; other kernels keep per-function kprobes)
case $flavour in
amd64*|686)
# fbt:::entry on every function: one ftrace_ops (the time is reported, not asserted)
t0=$(date +%s)
timeout -s KILL 300 $D -q -n 'fbt:::entry { n++; } tick-1s { printf("%s\n", n > 10000 ? "many" : "few"); exit(0); }' > /tmp/live.out 2>&1
t1=$(( $(date +%s) - t0 ))
nf=$(dmesg | sed -n 's/.*fbt entry on \([0-9]*\) functions through one ftrace_ops.*/\1/p' | tail -n 1)
if grep -qx many /tmp/live.out && [ "${nf:-0}" -gt 20000 ]; then ok "fbt:::entry on all ${nf} functions in $t1 s"; else ko "fbt:::entry on all functions" "$t1 s, ${nf:-?} functions, got: $(head -c 200 /tmp/live.out | tr '\n' '|')"; fi
;;
esac
# fbt entry with the functions found through /proc/kallsyms: the path where
# the kernel's own lookups are sealed against IBT (6.12), forced here since
# qemu's CPU has no IBT; only where the module has that path (x86 ftrace_ops)
# (x86_64 only: the i386 guest hung in this test; sealing is x86_64's IBT)
fp=/sys/module/dtracedrv/parameters/fbt_ksyms_file
case $flavour in amd64*) ;; *) fp=/nonexistent ;; esac
if [ -w $fp ]; then
	echo 1 > $fp
	# taking the previous session's functions off the ops takes seconds
	# under qemu: the trigger waits for this session's enabling
	enabled_run 60 30 -n "fbt::$GETPPID:entry /execname == \"trigger\"/ { @n = count(); } $EXIT END { printa(\"%@d\n\", @n); }"
	if grep -qx 1000 /tmp/live.out; then ok "fbt entry on $GETPPID (functions from /proc/kallsyms)"; else ko "fbt entry on $GETPPID (functions from /proc/kallsyms)" "got: $(head -c 200 /tmp/live.out | tr '\n' '|')"; fi
	echo 0 > $fp
	nk=$(dmesg | sed -n 's/.*fbt: \([0-9]*\) of [0-9]* \/proc\/kallsyms symbols taken.*/\1/p' | tail -n 1)
	if [ "${nk:-0}" -ge 1 ]; then ok "/proc/kallsyms resolved $nk site(s)"; else ko "/proc/kallsyms resolution" "no dmesg line: $(dmesg | grep 'dtracedrv: fbt' | tail -n 2 | tr '\n' '|')"; fi
fi
# fbt return at scale: one fprobe where the kernel has it (6.12 here: a
# glob of thousands of functions), kretprobes registered in one batch
# elsewhere (a smaller glob: each costs a full ftrace update); plus the
# exact count and value (arg1: the parent's pid) of one function's return
case $flavour in
amd64-6.12) RG='fbt::[a-f]*:return,fbt::*sys_get*:return' ;;
*) RG='fbt::*sys_get*:return' ;;
esac
enabled_run 200 60 -n "$RG { n++; } fbt::$GETPPID:return /execname == \"trigger\"/ { @n = count(); @p[arg1] = count(); } $EXIT END { printa(\"%@d\n\", @n); printa(\"ppid %d %@d\n\", @p); printf(\"%s\n\", n >= 1000 ? \"many\" : \"few\"); }"
t1=$waited
how=$(dmesg | grep -E 'dtracedrv: fbt return on' | tail -n 1 | sed 's/.*dtracedrv: fbt return on //')
if grep -qx 1000 /tmp/live.out && grep -qx "ppid $$ 1000" /tmp/live.out && grep -qx many /tmp/live.out; then
	ok "fbt return on $RG ($how; enabled after $t1 s): $GETPPID x1000, arg1 = ppid"
else
	ko "fbt return on $RG" "$how; got: $(head -c 200 /tmp/live.out | tr '\n' '|')"
fi
