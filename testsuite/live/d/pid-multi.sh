# one program and one uprobe_multi link per object, the firing probe told
# apart by the attach cookie: a glob over every libc function counts the
# calls of two known ones exactly (probefunc right per site), entry and
# return together; one clause on every USDT site of the trigger (five
# argument specs: registers, memory, %rip-relative, semaphore: one
# program, the code picked by the cookie) and one on a pid probe and a
# USDT probe of the same object read each site's own arguments.  Again on
# perf uprobes (DTRACE_UPROBE=perf: a program per probe, as on kernels
# before 6.6).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
libc() {
	$DTRACE -q -x backend=bpf -n '
pid$target:libc.so.6::entry /probefunc == "getppid" || probefunc == "read"/ { @e[probefunc] = count(); }
pid$target:libc.so.6::return /probefunc == "getppid"/ { @r[probefunc, probename] = count(); }
END { printa("%s %@d\n", @e); printa("%s %s %@d\n", @r); }' \
		-c "$TRIG/trig64 getppid 1234" < /dev/null 2>/dev/null | expect 3<<'X' || return 1
read 1
getppid 1234
getppid return 1234

X
}
usdt() {
	$DTRACE -q -x backend=bpf -n '
dttest$target::: { printf("%s %s %d %d %d\n", probefunc, probename, arg0, arg1, arg2); }
pid$target::dt_trig_add:entry, dttest$target::main:tick { printf("%s %s %d %d\n", probefunc, probename, arg0, arg1); }' \
		-c "$UT 2" < /dev/null 2>/dev/null | expect 3<<'X' || return 1
dt_trig_add entry 0 3
main tick 0 0 0
main tick 0 0
dt_trig_slow slow-path 0 0 0
dt_trig_guarded guarded 0 0 0
dt_trig_global global 0 7 0
dt_trig_add entry 1 3
main tick 1 -1 0
main tick 1 -1
dt_trig_slow slow-path 2 -1 1
dt_trig_guarded guarded 1 0 0
dt_trig_global global 1 7 0
dt_trig_done done 2 0 0

X
}
libc || { echo "libc with uprobe_multi links"; exit 1; }
usdt || { echo "USDT with uprobe_multi links"; exit 1; }
# perf uprobes, a program per probe: a glob over libc's get* functions
# takes a descriptor per program and per site, hundreds, so dtrace raises
# its soft limit on open files to the hard one (where the hard one allows)
DTRACE_UPROBE=perf usdt || { echo "USDT with perf uprobes"; exit 1; }
getglob() { # ulimit option
	(ulimit $1 && DTRACE_UPROBE=perf $DTRACE -q -x backend=bpf -n '
pid$target:libc.so.6:get*:entry /probefunc == "getppid"/ { @[probefunc] = count(); }
END { printa("%s %@d\n", @); }' -c "$TRIG/trig64 getppid 1234" 2>&1 < /dev/null)
}
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ] || [ "$hard" -ge 1024 ]; then
	getglob "-Sn 256" | expect 3<<'X' || { echo "get* with perf uprobes, 256 open files allowed"; exit 1; }
getppid 1234

X
fi
# with the hard limit low too: one clear line, not a verifier dump
getglob "-n 128" | grep -q ': Too many open files$' ||
	{ echo "get* with perf uprobes: no clear error at 128 open files"; exit 1; }
