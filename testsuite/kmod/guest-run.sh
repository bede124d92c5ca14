# guest-run.sh - runs inside the qemu guest (as /test.sh, busybox sh):
# load dtracedrv, run the testsuite/d cases on the kmod backend and the live
# provider tests, check dmesg, unload.  Last line: "N passed, M failed".
/bin/busybox --install -s /bin 2>/dev/null
export PATH=/bin:/sbin
mkdir -p /tmp
flavour=$(cat /flavour)
pass=0 fail=0
ok() { echo "PASS: $1"; pass=$((pass + 1)); }
ko() { echo "FAIL: $1${2:+ ($2)}"; fail=$((fail + 1)); }
D="/dtrace -x backend=kmod"

if insmod /dtracedrv.ko; then ok "insmod"; else ko "insmod"; echo "$pass passed, $((fail + 1)) failed"; exit 1; fi
grep -E '^(udiv64|built_for):' /proc/dtrace/info

# the D cases (the same files testsuite/d/run compares)
mkdir -p /d && (cd /d && tar xf /d.tar)
t0=$(date +%s)
/drun.sh /dtrace kmod $(cat /ddirs) > /tmp/d.log 2>&1
grep -v '^[0-9]* passed' /tmp/d.log | grep -v '^SKIP'
echo "D cases skipped (no cpp in the guest): $(grep -c '^SKIP' /tmp/d.log)"
set -- $(tail -n 1 /tmp/d.log)
echo "D cases: $1 passed, $3 failed ($(( $(date +%s) - t0 )) s)"
pass=$((pass + $1)); fail=$((fail + ${3%,}))

# live provider tests: a trigger program with a known workload
live() { # name expected-line dtrace-args... (trigger started 2 s later)
	name=$1 want=$2
	shift 2
	$D -q "$@" > /tmp/live.out 2>&1 &
	dp=$!
	sleep 2
	/trigger 1000
	( sleep 20; kill -9 $dp 2>/dev/null ) &
	kp=$!
	wait $dp
	kill $kp 2>/dev/null
	if grep -qx -- "$want" /tmp/live.out; then ok "$name"; else ko "$name" "got: $(head -c 200 /tmp/live.out | tr '\n' '|')"; fi
}
# the getppid syscall's kernel function on each architecture
case $flavour in
amd64*) GETPPID=__x64_sys_getppid ;;
686) GETPPID=__ia32_sys_getppid ;;
*) GETPPID=sys_getppid ;;
esac
EXIT='syscall::exit_group:entry /execname == "trigger"/ { exit(0); }'
live "syscall entry count (getppid x1000)" 1000 -n "syscall::getppid:entry /execname == \"trigger\"/ { @n = count(); } $EXIT END { printa(\"%@d\n\", @n); }"
live "syscall return value" "ret 1000" -n "syscall::getppid:return /execname == \"trigger\"/ { @n = count(); } $EXIT END { printa(\"ret %@d\n\", @n); }"
live "syscall copyinstr(arg1) of openat" "/tmp/dt-trigger-1000" -n "syscall::openat:entry /execname == \"trigger\"/ { printf(\"%s\n\", copyinstr(arg1)); } $EXIT"
live "fbt entry on $GETPPID" 1000 -n "fbt::$GETPPID:entry /execname == \"trigger\"/ { @n = count(); } $EXIT END { printa(\"%@d\n\", @n); }"
live "fbt return on $GETPPID" 1000 -n "fbt::$GETPPID:return /execname == \"trigger\"/ { @n = count(); } $EXIT END { printa(\"%@d\n\", @n); }"
# pid: the trigger waits 3 s, dtrace attaches with -p meanwhile
/trigger 1000 3 &
tp=$!
sleep 0.2
timeout -s KILL 30 $D -q -p $tp -n 'pid$target::dt_trigger_fn:entry { @n = count(); } pid$target::dt_trigger_fn:return /arg1 == 1000/ { @r = count(); } syscall::exit_group:entry /pid == $target/ { exit(0); } END { printa("%@d\n", @n); printa("last return %@d\n", @r); }' > /tmp/live.out 2>&1
wait $tp
if grep -qx 1000 /tmp/live.out && grep -qx "last return 1" /tmp/live.out; then ok "pid entry/return on the trigger (-p)"; else ko "pid entry/return on the trigger (-p)" "got: $(head -c 300 /tmp/live.out | tr '\n' '|')"; fi
# fbt on every function and pid's probeprov: the file is in the initramfs
# once the probe table takes that many fbt functions (kernel/dt_probes.c)
[ -f /guest-prov-scale.sh ] && . /guest-prov-scale.sh
if [ -x /trigger32 ]; then
	$D -q -n 'syscall:x32:getppid:entry /execname == "trigger32"/ { @n = count(); } syscall:x32:exit_group:entry /execname == "trigger32"/ { exit(0); } END { printa("%@d\n", @n); }' > /tmp/live.out 2>&1 &
	dp=$!; sleep 2; /trigger32 500; wait $dp
	if grep -qx 500 /tmp/live.out; then ok "x32 (ia32) syscall ABI"; else ko "x32 (ia32) syscall ABI" "$(head -c 200 /tmp/live.out)"; fi
fi
# the syscall provider without its tracepoints (syscall_fallback=1): the
# same counts through the fallback (kprobes on x64_sys_call/ia32_sys_call here)
ALLSYS="syscall:::entry,syscall:::return /execname == \"trigger\"/ { @[probefunc, probename] = count(); } $EXIT"
case $flavour in amd64*) fb=yes ;; *) fb=no ;; esac
if [ $fb = no ] && [ -w /sys/module/dtracedrv/parameters/syscall_fallback ]; then
	# no dispatcher to hook and no table patching on this kernel yet: the
	# fallback must be refused cleanly
	echo 1 > /sys/module/dtracedrv/parameters/syscall_fallback
	timeout -s KILL 30 $D -q -n 'syscall::getppid:entry { exit(0); }' > /tmp/once.out 2>&1
	if grep -q 'could not enable tracing' /tmp/once.out && dmesg | grep -q 'syscall provider: no tracepoints and no fallback'; then ok "fallback refused cleanly on this kernel"; else ko "fallback refused cleanly" "$(head -c 200 /tmp/once.out | tr '\n' '|')"; fi
	echo 0 > /sys/module/dtracedrv/parameters/syscall_fallback
fi
if [ $fb = yes ] && [ -w /sys/module/dtracedrv/parameters/syscall_fallback ]; then
	live "every syscall of the trigger (tracepoints)" "exit_group entry" -n "$ALLSYS END { printa(\"%s %s %@d\n\", @); printf(\"exit_group entry\n\"); }"
	sort /tmp/live.out > /tmp/sys-tp.out
	echo 1 > /sys/module/dtracedrv/parameters/syscall_fallback
	live "every syscall of the trigger (fallback)" "exit_group entry" -n "$ALLSYS END { printa(\"%s %s %@d\n\", @); printf(\"exit_group entry\n\"); }"
	sort /tmp/live.out > /tmp/sys-fb.out
	if cmp -s /tmp/sys-tp.out /tmp/sys-fb.out && [ $(wc -l < /tmp/sys-fb.out) -gt 5 ]; then ok "fallback: per-syscall counts identical to the tracepoints' ($(wc -l < /tmp/sys-fb.out) lines)"; else ko "fallback: per-syscall counts identical" "$(diff /tmp/sys-tp.out /tmp/sys-fb.out | head -6 | tr '\n' '|')"; fi
	live "fallback: syscall entry count (getppid x1000)" 1000 -n "syscall::getppid:entry /execname == \"trigger\"/ { @n = count(); } $EXIT END { printa(\"%@d\n\", @n); }"
	live "fallback: syscall return value" "ret 1000" -n "syscall::getppid:return /execname == \"trigger\" && arg0 == arg1/ { @n = count(); } $EXIT END { printa(\"ret %@d\n\", @n); }"
	live "fallback: copyinstr(arg1) of openat" "/tmp/dt-trigger-1000" -n "syscall::openat:entry /execname == \"trigger\"/ { printf(\"%s\n\", copyinstr(arg1)); } $EXIT"
	if [ -x /trigger32 ]; then
		$D -q -n 'syscall:x32:getppid:entry /execname == "trigger32"/ { @n = count(); } syscall:x32:exit_group:entry /execname == "trigger32"/ { exit(0); } END { printa("%@d\n", @n); }' > /tmp/live.out 2>&1 &
		dp=$!; sleep 2; /trigger32 500; wait $dp
		if grep -qx 500 /tmp/live.out; then ok "fallback: x32 (ia32) syscall ABI"; else ko "fallback: x32 (ia32) syscall ABI" "$(head -c 200 /tmp/live.out)"; fi
	fi
	if dmesg | grep -q 'dtracedrv: syscall provider on the dispatchers'; then ok "fallback: attached on the dispatchers"; else ko "fallback: attached on the dispatchers" "$(dmesg | grep 'syscall provider' | tail -n 1)"; fi
	echo 0 > /sys/module/dtracedrv/parameters/syscall_fallback
fi
once() { # name expected-line dtrace-args...
	name=$1 want=$2
	shift 2
	timeout -s KILL 30 $D -q "$@" > /tmp/once.out 2>&1
	if grep -qx -- "$want" /tmp/once.out; then ok "$name"; else ko "$name" "got: $(head -c 200 /tmp/once.out | tr '\n' '|')"; fi
}
once "sdt sched_switch fires" switched -n 'sdt:::sched_switch { n++; } tick-1s { printf("%s\n", n > 0 ? "switched" : "none"); exit(0); }'
once "profile-97 fires" profiled -n 'profile-97 { n++; } tick-1s { printf("%s\n", n > 0 ? "profiled" : "none"); exit(0); }'
once "tick-10 about 10 per second" ticks -n 'tick-10 { n++; } tick-2s { printf("%s\n", n >= 10 && n <= 30 ? "ticks" : "bad"); exit(0); }'
once "fbt with interrupts off (update_process_times)" fired -n 'fbt::update_process_times:entry { n++; } tick-1s { printf("%s\n", n > 0 ? "fired" : "none"); exit(0); }'
once "aggregation by execname from a syscall" yes -n 'syscall:::entry { @[execname] = count(); } tick-1s { exit(0); } END { printf("yes\n"); }'

# the module core: buffer policies, stacks, caller, cwd/root
[ -f /guest-core.sh ] && . /guest-core.sh

# SIGKILL of the consumer: everything is torn down, the device is free again
$D -q -n 'syscall:::entry { @[probefunc] = count(); } fbt::vfs_*:entry { @f[probefunc] = count(); }' > /dev/null 2>&1 &
dp=$!
sleep 4
kill -9 $dp
wait $dp 2>/dev/null
t0=$(date +%s)
once "device free again after kill -9" again -n 'BEGIN { printf("again\n"); exit(0); }'

if dmesg | grep -Eq 'BUG:|Oops|WARNING:|Call Trace|lockup'; then ko "dmesg clean" "$(dmesg | grep -E 'BUG:|Oops|WARNING:|Call Trace|lockup' | head -3 | tr '\n' '|')"; else ok "dmesg clean"; fi
if rmmod dtracedrv; then ok "rmmod"; else ko "rmmod"; fi
echo "KMOD-RESULT $pass passed, $fail failed"
