# guest-core.sh - sourced by guest-run.sh in the qemu guest: the module
# core's tests (buffer policies, stacks, caller, cwd/root).  Uses ok/ko,
# $D, $GETPPID and /trigger from guest-run.sh.

# the kernel function containing hex address $1 (via /proc/kallsyms: equal
# length lowercase hex strings compare as numbers; 8 digits on 32-bit)
KW=$(awk '{ print length($1); exit }' /proc/kallsyms)
ksym() {
	a=$(printf "%${KW}s" "${1#0x}" | tr ' A-F' '0a-f')
	awk -v a="$a" '$1 <= a && $1 >= b && ($2 == "t" || $2 == "T") { b = $1; n = $3 } END { print n }' /proc/kallsyms
}
# the function of a printed frame: "mod`func+0x1f", "func+0x1f" or "0xffff..."
framefunc() {
	f=$(echo "$1" | sed 's/^ *//; s/.*`//; s/+0x[0-9a-f]*$//')
	case $f in 0x*) ksym "$f" ;; *) echo "$f" ;; esac
}
# compare /tmp/core.out with the lines given (in order; dtrace ends its
# output with an empty line, as DTrace does)
same() { # name line...
	name=$1
	shift
	printf '%s\n' "$@" > /tmp/core.want
	if cmp -s /tmp/core.want /tmp/core.out; then ok "$name"; else ko "$name" "got: $(head -c 300 /tmp/core.out | tr '\n' '|')"; fi
}
# dtrace in the background, the trigger 2 s later (in directory $TDIR)
withtrigger() { # dtrace-args...
	$D -q "$@" > /tmp/core.out 2>&1 &
	dp=$!
	sleep 2
	(cd "${TDIR:-/}" && /trigger 1000)
	( sleep 20; kill -9 $dp 2>/dev/null ) &
	kp=$!
	wait $dp
	kill $kp 2>/dev/null
}
TEXIT='syscall::exit_group:entry /execname == "trigger"/ { exit(0); }'

# --- bufpolicy=fill: 24-byte records (header 16 + one int64), END's 24
# reserved: a 264-byte buffer takes 10, the 11th fills it, tracing stops,
# END still records.  A clause on a full CPU has no effect (n stays 10).
timeout -s KILL 30 $D -q -x bufpolicy=fill -x bufsize=264 \
	-n 'tick-1000hz { n++; printf("%d\n", n); } END { printf("end %d\n", n); }' > /tmp/core.out 2>&1
sort /tmp/core.out > /tmp/core.sorted && mv /tmp/core.sorted /tmp/core.out
same "bufpolicy=fill stops when the buffer fills; END has its reserve" "" 1 10 2 3 4 5 6 7 8 9 "end 10"
timeout -s KILL 30 $D -q -x bufpolicy=fill -x bufsize=16 -n 'END { printf("%d\n", 1); }' > /tmp/core.out 2>&1
same "bufpolicy=fill refuses END records bigger than the buffer" "dtrace: could not enable tracing: END enablings exceed size of principal buffer"

# --- bufpolicy=ring: 240 bytes hold the last 10 records (24 bytes each):
# printf 92..100, then exit()'s record; printed once, at the end
timeout -s KILL 30 $D -q -x bufpolicy=ring -x bufsize=240 \
	-n 'tick-1000hz /n < 100/ { n++; printf("%d\n", n); } tick-1000hz /n == 100/ { n++; exit(0); }' > /tmp/core.out 2>&1
same "bufpolicy=ring keeps the newest records" 92 93 94 95 96 97 98 99 100 ""
# ring with END and more records than fit: 3 printf records of 24 bytes
timeout -s KILL 30 $D -q -x bufpolicy=ring -x bufsize=72 \
	-n 'tick-1000hz /n < 50/ { n++; printf("%d\n", n); } tick-1000hz /n == 50/ { n++; exit(0); } END { printf("end\n"); }' > /tmp/core.out 2>&1
same "bufpolicy=ring: END's record is the newest" 50 end ""

# (ARM: an optimized kprobe runs the handler from a trampoline the
# unwinder cannot walk through, so stack() at fbt entry is unwound from the
# probe's registers, which dt_fbt.c's entry handler hands over through
# dt_stack_probe_regs())
# --- caller and stackdepth at an fbt entry: the first frame is the caller
# of the probed function (the return address it was called with), not
# dtracedrv, kprobes or the function itself.  x86_64: do_syscall_64 (the
# switch of x64_sys_call tail-calls the syscall: its return address is
# do_syscall_64's).  i386: the switch of ia32_sys_call calls it where the
# kernel has one, else __do_fast_syscall_32.  ARM: the entry code calls the
# table itself, on its traced path here ($TEXIT's syscall probe is on), and
# the unwinder stops in it: one frame.
case $flavour in
amd64*) WANTC=do_syscall_64 ;;
686) WANTC=ia32_sys_call; grep -q ' ia32_sys_call$' /proc/kallsyms || WANTC=__do_fast_syscall_32 ;;
rpi) WANTC=__sys_trace_return ;;
esac
# how many frames: at least 2 on x86, exactly 1 on ARM
nframes_ok() { if [ $flavour = rpi ]; then [ "$1" -eq 1 ]; else [ "$1" -ge 2 ]; fi; }
withtrigger -n "fbt::$GETPPID:entry /execname == \"trigger\" && !done/ { done = 1; printf(\"%x %d\n\", caller, stackdepth); } $TEXIT"
set -- $(head -n 1 /tmp/core.out)
cf=$(ksym "${1:-0}")
if [ "$cf" = "$WANTC" ] && nframes_ok "${2:-0}"; then ok "caller/stackdepth at fbt entry ($cf, $2 frames)"; else ko "caller/stackdepth at fbt entry" "want $WANTC, got $cf, $2 frames; $(head -c 200 /tmp/core.out)"; fi

# stack(): the same first frame, as a record
withtrigger -n "fbt::$GETPPID:entry /execname == \"trigger\" && !done/ { done = 1; stack(); } $TEXIT"
first=$(grep -v '^ *$' /tmp/core.out | head -n 1)
nfr=$(grep -cv '^ *$' /tmp/core.out)
ff=$(framefunc "$first")
if [ "$ff" = "$WANTC" ] && nframes_ok "$nfr"; then ok "stack() at fbt entry starts at the caller ($nfr frames)"; else ko "stack() at fbt entry" "first frame '$first' ($ff), want $WANTC; $nfr frames"; fi

# stack() as an aggregation key, alone and followed by another key
withtrigger -n "fbt::$GETPPID:entry /execname == \"trigger\"/ { @[stack()] = count(); } $TEXIT END { printa(@); }"
if grep -q ' 1000$' /tmp/core.out && [ "$(framefunc "$(grep -v '^ *$' /tmp/core.out | head -n 1)")" = "$WANTC" ]; then ok "@[stack()] = count()"; else ko "@[stack()] = count()" "$(head -c 300 /tmp/core.out | tr '\n' '|')"; fi
withtrigger -n "fbt::$GETPPID:entry /execname == \"trigger\"/ { @[stack(2), execname, 7] = count(); } $TEXIT END { printa(\"%k|%s|%d|%@d\n\", @); }"
if grep -q '|trigger|7|1000$' /tmp/core.out; then ok "@[stack(2), execname, 7]: keys after the stack intact"; else ko "@[stack(2), execname, 7]" "$(head -c 300 /tmp/core.out | tr '\n' '|')"; fi

# --- a probe in the timer interrupt: stack() at fbt entry of
# update_process_times starts at the tick code that calls it, then the
# hrtimer interrupt that called that (interrupts off, kprobe or ftrace;
# tick_sched_timer is tick_nohz_handler since 6.9, tick_sched_handle is
# inlined on some kernels)
timeout -s KILL 30 $D -q -n 'fbt::update_process_times:entry /!done/ { done = 1; stack(); } tick-1s { exit(0); }' > /tmp/core.out 2>&1
grep -v '^ *$' /tmp/core.out > /tmp/core.frames
first=$(framefunc "$(head -n 1 /tmp/core.frames)")
second=$(framefunc "$(sed -n 2p /tmp/core.frames)")
case $first/$second in
tick_sched_handle/tick_sched_timer | tick_sched_timer/__hrtimer_run_queues* | tick_nohz_handler/__hrtimer_run_queues* | tick_periodic/tick_handle_periodic)
	ok "stack() at fbt entry in the timer interrupt: $first, $second" ;;
*) ko "stack() at fbt entry in the timer interrupt" "first frames '$first' '$second'; got: $(head -c 300 /tmp/core.out | tr '\n' '|')" ;;
esac

# --- profile in kernel code: the stack is unwound from the interrupted
# registers, so the first frame is the interrupted pc (arg0) in every
# sample, and the unwinder gets past it to its callers
timeout -s KILL 30 $D -q -n 'profile-997 /arg0 != 0 && n < 50/ { n++; @[caller == arg0 ? "same" : "differ"] = count(); @d[stackdepth >= 2 ? "deep" : "shallow"] = count(); } profile-997 /arg0 != 0 && caller != arg0 && !shown/ { shown = 1; printf("differ %x %x\n", arg0, caller); stack(); } tick-1s { exit(0); } END { printa("%s %@d\n", @); printa("%s %@d\n", @d); }' > /tmp/core.out 2>&1
same=$(sed -n 's/^same //p' /tmp/core.out); deep=$(sed -n 's/^deep //p' /tmp/core.out)
if [ "${same:-0}" -ge 50 ] && [ "$deep" = "$same" ] && ! grep -Eq '^(differ|shallow)' /tmp/core.out; then ok "profile: caller is the interrupted pc, stackdepth >= 2 ($same of $same)"; else ko "profile: caller is the interrupted pc, stackdepth >= 2" "$(head -c 300 /tmp/core.out | tr '\n' '|')"; fi
# stack() at profile: frame 0 is arg0's function
timeout -s KILL 30 $D -q -n 'profile-997 /arg0 != 0 && !done/ { done = 1; printf("%x\n", arg0); stack(); } tick-1s { exit(0); }' > /tmp/core.out 2>&1
grep -v '^ *$' /tmp/core.out > /tmp/core.frames
pcf=$(ksym "$(head -n 1 /tmp/core.frames)")
first=$(framefunc "$(sed -n 2p /tmp/core.frames)")
if [ -n "$pcf" ] && [ "$first" = "$pcf" ] && [ $(wc -l < /tmp/core.frames) -ge 3 ]; then ok "profile: stack() starts at arg0 ($pcf)"; else ko "profile: stack() starts at arg0" "arg0 in '$pcf', first frame '$first'; got: $(head -c 300 /tmp/core.out | tr '\n' '|')"; fi

# ustack(), ucaller, ustackdepth from a syscall of the (static) trigger
withtrigger -n "syscall::getppid:entry /execname == \"trigger\" && !done/ { done = 1; printf(\"%d %d\n\", ustackdepth >= 1, ustackdepth < 2 || ucaller != 0); ustack(); } $TEXIT"
n=$(grep -cv '^ *$' /tmp/core.out)
if [ "$(head -n 1 /tmp/core.out)" = "1 1" ] && [ "$n" -ge 2 ]; then ok "ustack()/ustackdepth/ucaller ($((n - 1)) frames)"; else ko "ustack()" "$(head -c 300 /tmp/core.out | tr '\n' '|')"; fi
withtrigger -n "fbt::$GETPPID:entry /execname == \"trigger\"/ { @[ustack(), probefunc] = count(); } $TEXIT END { printa(\"%k%s %@d\n\", @); }"
if grep -q "$GETPPID 1000" /tmp/core.out; then ok "@[ustack(), probefunc]"; else ko "@[ustack(), probefunc]" "$(head -c 300 /tmp/core.out | tr '\n' '|')"; fi

# --- cwd and root: the trigger runs in /d; BEGIN is the consumer's
TDIR=/d withtrigger -n "syscall::getppid:entry /execname == \"trigger\" && !done/ { done = 1; printf(\"[%s] [%s]\n\", cwd, root); } $TEXIT"
same "cwd and root at a syscall probe" "[/d] [/]" ""
(cd /tmp && timeout -s KILL 30 $D -q -n 'BEGIN { printf("%s\n", cwd); exit(0); }' > /tmp/core.out 2>&1)
same "cwd in BEGIN" "/tmp" ""
timeout -s KILL 30 $D -q -n 'profile-97 { trace(cwd); exit(0); }' > /tmp/core.out 2>&1
if grep -q 'illegal operation' /tmp/core.out; then ok "cwd from an interrupt is a DTrace error"; else ko "cwd from an interrupt" "$(head -c 200 /tmp/core.out | tr '\n' '|')"; fi
