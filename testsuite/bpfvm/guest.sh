# guest.sh - runs inside the qemu guest (as /test.sh, busybox sh): the BPF
# backend's fbt provider on fentry/fexit and, forced with DTRACE_FBT=kprobe,
# on kprobes, against /trigger's known workload; then (if /d.tar is there)
# the testsuite/d cases on the BPF backend.  Last result line:
# "BPFVM-RESULT N passed, M failed".
/bin/busybox --install -s /bin 2>/dev/null
export PATH=/bin:/sbin
mkdir -p /tmp
mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
mount -t debugfs nodev /sys/kernel/debug 2>/dev/null
pass=0 fail=0
ok() { echo "PASS: $1"; pass=$((pass + 1)); }
ko() { echo "FAIL: $1"; fail=$((fail + 1)); }
N=1000
D="/dtrace -x backend=bpf"
EXIT='syscall::exit_group:entry /execname == "trigger"/ { exit(0); }'
READY='BEGIN { printf("ready\n"); }'

# live NAME EXPECTED D-PROGRAM: run dtrace, start the trigger once BEGIN
# has printed "ready", compare everything dtrace printed with EXPECTED
live() {
	name=$1 want=$2 prog=$3
	rm -f /tmp/out
	$D -q -n "$READY $prog $EXIT" > /tmp/out 2>&1 &
	dp=$!
	i=0
	while ! grep -q '^ready$' /tmp/out 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 600 ] || ! kill -0 $dp 2>/dev/null; then
			break
		fi
		sleep 0.1
	done
	rm -f /tmp/dt-bpfvm-$N
	/trigger $N
	( sleep 60; kill -9 $dp 2>/dev/null ) &
	kp=$!
	wait $dp
	kill $kp 2>/dev/null
	printf 'ready\n%b\n' "$want" > /tmp/want
	if cmp -s /tmp/out /tmp/want; then
		ok "$name"
	else
		ko "$name"
		echo "--- expected"; cat /tmp/want; echo "--- got"; head -c 600 /tmp/out
	fi
}

# kprobes MODE EXPECTED-COUNT: how many kprobes on do_sys_openat2 the
# kernel lists while an fbt entry+return clause is enabled (fentry: none)
kprobes() {
	rm -f /tmp/out
	$D -q -n "$READY fbt::do_sys_openat2:entry,fbt::do_sys_openat2:return { }" > /tmp/out 2>&1 &
	dp=$!
	i=0
	while ! grep -q '^ready$' /tmp/out 2>/dev/null && [ $i -lt 600 ] && kill -0 $dp 2>/dev/null; do
		i=$((i + 1)); sleep 0.1
	done
	n=$(grep -c 'do_sys_openat2' /sys/kernel/debug/kprobes/list)
	kill $dp; wait $dp
	if [ "$n" = "$2" ]; then ok "$1: $2 kprobes while enabled"; else ko "$1: $n kprobes while enabled, want $2"; cat /tmp/out; fi
}

# a glob offers only what can be instrumented (DTrace's fbt): on kprobes, a
# function on the kprobe blacklist that ftrace lists is refused when named
# exactly (one line with the reason, exit 1), skipped when a glob matches
# it with others.  F: such a function; G: a glob of its name's prefix that
# matches 2..40 traceable functions, not all blacklisted.
fbt_refused() {
	set -- $(awk 'NR == FNR { bl[$2] = 1; next }
		{ f[++n] = $1 }
		END {
			for (i = 1; i <= n; i++) {
				if (!(f[i] in bl)) continue
				p = f[i]; sub(/_[^_]*$/, "_", p)
				if (p == f[i] || length(p) < 4) continue
				t = 0; b = 0
				for (j = 1; j <= n; j++)
					if (substr(f[j], 1, length(p)) == p) { t++; if (f[j] in bl) b++ }
				if (t >= 2 && t <= 40 && b < t) { print f[i], p "*", t - b; exit }
			}
		}' /sys/kernel/debug/kprobes/blacklist /sys/kernel/tracing/available_filter_functions)
	if [ $# != 3 ]; then ko "kprobe: a blacklisted traceable function to refuse"; return; fi
	F=$1 G=$2
	$D -n "fbt::$F:entry { }" > /tmp/out 2>&1
	st=$?
	if [ $st = 1 ] && grep -q "^dtrace: fbt:vmlinux:$F:entry cannot be instrumented: " /tmp/out; then
		ok "kprobe: fbt::$F:entry (blacklisted) refused with its reason"
	else
		ko "kprobe: fbt::$F:entry (blacklisted) refused with its reason (status $st)"; cat /tmp/out
	fi
	$D -q -n "fbt::$G:entry { } BEGIN { printf(\"ok\\n\"); exit(0); }" > /tmp/out 2>&1
	st=$?
	printf 'ok\n\n' > /tmp/want
	if [ $st = 0 ] && cmp -s /tmp/out /tmp/want; then
		ok "kprobe: fbt::$G:entry skips $F ($3 attached)"
	else
		ko "kprobe: fbt::$G:entry skips $F (status $st)"; cat /tmp/out
	fi
	# a glob that matches F alone: nothing of it attaches, one line says so
	first=${F%"${F#?}"}
	G1="[$first]${F#?}"
	$D -n "fbt::$G1:entry { }" > /tmp/out 2>&1
	st=$?
	if [ $st = 1 ] && grep -qxF "dtrace: no probe of fbt::$G1:entry could be instrumented: Invalid argument" /tmp/out; then
		ok "kprobe: fbt::$G1:entry (only $F) fails with the reason"
	else
		ko "kprobe: fbt::$G1:entry (only $F) fails with the reason (status $st)"; cat /tmp/out
	fi
}

# fentry: a function on the kernel's deny list for tracing programs
# (migrate_disable) is refused when named exactly and left out of a glob
fentry_denied() {
	F=migrate_disable G='migrate_*'
	if ! grep -qx "$F" /sys/kernel/tracing/available_filter_functions; then
		ko "fentry: $F is not traceable here"; return
	fi
	$D -n "fbt::$F:entry { }" > /tmp/out 2>&1
	st=$?
	if [ $st = 1 ] && grep -q "clause fbt::$F:entry at line 1: " /tmp/out; then
		ok "fentry: fbt::$F:entry (denied) refused with its reason"
	else
		ko "fentry: fbt::$F:entry (denied) refused with its reason (status $st)"; cat /tmp/out
	fi
	$D -q -n "fbt::$G:entry { } BEGIN { printf(\"ok\\n\"); exit(0); }" > /tmp/out 2>&1
	st=$?
	printf 'ok\n\n' > /tmp/want
	if [ $st = 0 ] && cmp -s /tmp/out /tmp/want; then
		ok "fentry: fbt::$G:entry leaves $F out"
	else
		ko "fentry: fbt::$G:entry leaves $F out (status $st)"; cat /tmp/out
	fi
}

fbt_tests() { # mode label
	T='/execname == "trigger"/'
	live "$1: fbt entry count (__do_sys_getppid x$N)" "$N\n" \
		"fbt::__do_sys_getppid:entry $T { @n = count(); } END { printa(\"%@d\n\", @n); }"
	live "$1: fbt return count (__do_sys_getppid x$N)" "$N\n" \
		"fbt::__do_sys_getppid:return $T { @n = count(); } END { printa(\"%@d\n\", @n); }"
	live "$1: fbt return arg1 (do_sys_openat2: -ENOENT, then fd 3)" "0 -2\n0 3\n" \
		"fbt::do_sys_openat2:return $T { printf(\"%d %d\n\", arg0, arg1); }"
	live "$1: fbt entry arg0 (do_sys_openat2: AT_FDCWD)" "-100\n-100\n" \
		"fbt::do_sys_openat2:entry $T { printf(\"%d\n\", (int)arg0); }"
	E=fbt:vmlinux:do_sys_openat2:entry R=fbt:vmlinux:do_sys_openat2:return
	live "$1: fbt probe names" "$E\n$R\n$E\n$R\n" \
		"fbt::do_sys_openat2:entry,fbt::do_sys_openat2:return $T { printf(\"%s:%s:%s:%s\n\", probeprov, probemod, probefunc, probename); }"
	live "$1: fbt glob (fbt::__do_sys_getpp*:entry)" "$N\n" \
		"fbt::__do_sys_getpp*:entry $T { @n = count(); } END { printa(\"%@d\n\", @n); }"
}

# args[] typed from BTF: do_sys_openat2(int dfd, const char __user *,
# struct open_how *), do_filp_open(int, struct filename *, ...)
typed_tests() {
	T='/execname == "trigger"/'
	live "$1: typed args[0], args[2]->mode (do_sys_openat2)" "-100 0\n-100 640\n" \
		"fbt::do_sys_openat2:entry $T { printf(\"%d %o\n\", args[0], args[2]->mode); }"
	live "$1: typed stringof(args[1]->name) (do_filp_open)" "/nonexistent-dt-bpfvm\n/tmp/dt-bpfvm-$N\n" \
		"fbt::do_filp_open:entry $T { printf(\"%s\n\", stringof(args[1]->name)); }"
	live "$1: typed return args[1] (do_sys_openat2: long)" "-2\n3\n" \
		"fbt::do_sys_openat2:return $T { printf(\"%d\n\", args[1]); }"
}

if [ -e /sys/kernel/btf/vmlinux ]; then ok "kernel BTF present"; else ko "kernel BTF present"; fi
fbt_tests fentry
typed_tests fentry
kprobes fentry 0

export DTRACE_FBT=kprobe
fbt_tests kprobe
typed_tests kprobe
kprobes kprobe 2
fbt_refused
unset DTRACE_FBT
fentry_denied

# listing: every traceable function, twice, quickly
t0=$(date +%s)
n=$($D -l -P fbt 2>/tmp/lerr | wc -l)
t1=$(date +%s)
if [ "$n" -gt 20000 ]; then ok "dtrace -l -P fbt lists $n lines ($((t1 - t0)) s)"; else ko "dtrace -l -P fbt lists $n lines"; cat /tmp/lerr; fi
# listing everything (no filter) includes fbt where it can run
n=$($D -l 2>/tmp/lerr | grep -c ' fbt ')
if [ "$n" -gt 10000 ]; then ok "dtrace -l lists $n fbt probes"; else ko "dtrace -l lists $n fbt probes"; cat /tmp/lerr; fi
$D -l -n fbt::do_sys_openat2: > /tmp/out 2>&1
printf 'PROVIDER MODULE FUNCTION NAME\nfbt vmlinux do_sys_openat2 entry\nfbt vmlinux do_sys_openat2 return\n' > /tmp/want
if awk '{ print $2, $3, $4, $5 }' /tmp/out | cmp -s - /tmp/want; then ok "dtrace -l -n fbt::do_sys_openat2:"; else ko "dtrace -l -n fbt::do_sys_openat2:"; cat /tmp/out; fi

# a function that does not exist matches nothing, with DTrace's message
$D -n 'fbt::no_such_function_dt:entry {}' > /tmp/out 2>&1
if grep -q 'does not match any probes' /tmp/out; then ok "fbt: unknown function"; else ko "fbt: unknown function"; cat /tmp/out; fi

# the D cases on the BPF backend; a failure listed in testsuite/d's
# xfail-bpf.txt or in this kernel's /xfail.txt (testsuite/bpfvm/xfail-6.1.txt)
# is a known one.  drun.sh prints failures only: a case listed here that
# did not fail passed, and that is a failure (testsuite/d/run on the host
# checks xfail-bpf.txt the same way).
known() { grep -q "^$1[[:space:]]" /d/xfail-bpf.txt /xfail.txt 2>/dev/null; }
if [ -f /d.tar ]; then
	mkdir -p /d && (cd /d && tar xf /d.tar)
	t0=$(date +%s)
	/drun.sh /dtrace bpf $(cat /ddirs) > /tmp/d.log 2>&1
	set -- $(tail -n 1 /tmp/d.log)
	dp=$1 df=${3%,} dk=0
	sed -n 's|^FAIL: /d/\([^ ]*\) .*|\1|p' /tmp/d.log > /tmp/d.failed
	for c in $(cat /tmp/d.failed); do
		if known "$c"; then
			dk=$((dk + 1)); df=$((df - 1))
			echo "known failure: $c"
		fi
	done
	awk '/^FAIL: /{ split($2, a, "/d/"); c = a[2] } /^FAIL: / || /^  /{ print c "\t" $0 }' /tmp/d.log |
		while IFS='	' read -r c line; do
			known "$c" || echo "$line"
		done
	for c in $(sed -n 's/^\([^#][^[:space:]]*\)[[:space:]].*/\1/p' /xfail.txt 2>/dev/null); do
		grep -q "/d/${c%%/*} " /ddirs || continue # its dir did not run
		if ! grep -qx "$c" /tmp/d.failed; then
			echo "FAIL: $c is listed in xfail-6.1.txt but passed"
			dp=$((dp - 1)); df=$((df + 1))
		fi
	done
	echo "D cases (bpf): $dp passed, $df failed, $dk known failures ($(( $(date +%s) - t0 )) s)"
	pass=$((pass + dp)); fail=$((fail + df))
fi

echo "BPFVM-RESULT $pass passed, $fail failed"
