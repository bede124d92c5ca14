# uprobe-lib.sh - shared by the pid/USDT live tests (testsuite/live/d/pid-*.sh,
# usdt-*.sh); sourced after d/lib.sh.  Needs TRIG (the folder holding
# usdt-trig) and DTRACE.
#
#   trig_start N      starts "usdt-trig N wait" held on a fifo; sets TP
#   trig_go           sends it the byte that lets it run
#   sym_addr F, usdt_addr NAME   link-time address of a function / USDT site
#   text_byte P A     the byte at link-time address A in process P, in hex
#   wait_byte P A B   waits (10 s at most) until that byte is B
#   wait_armed P A... waits until every address A has its breakpoint
UT=$TRIG/usdt-trig
UFIFO=$(mktemp -u /tmp/dt-live-fifo.XXXXXX)

trig_start() {
	mkfifo "$UFIFO"
	"$UT" "$1" wait < "$UFIFO" > /dev/null &
	TP=$!
	exec 3> "$UFIFO"
	rm -f "$UFIFO"
}

trig_go() {
	echo x >&3
	exec 3>&-
}

# link-time address (hex) of a function, or of a USDT probe's site
sym_addr() {
	nm "$UT" | awk -v s="$1" '$3 == s { print $1 }'
}
usdt_addr() {
	readelf -n "$UT" | awk -v n="$1" '$1 == "Name:" { name = $2 }
		$1 == "Location:" && name == n { sub(",", "", $2); sub("0x", "", $2); print $2; exit }'
}

# the byte at link-time address A (hex) in process P, in hex: run-time
# address = where the file's offset 0 is mapped + A (the trigger is a PIE
# whose first PT_LOAD is at 0); UMAP: the trigger's path in P's maps if
# that is not $UT
text_byte() {
	base=$(awk -v p="${UMAP:-$UT}" '$6 == p && $3 == "00000000" { split($1, a, "-"); print a[1]; exit }' /proc/$1/maps)
	[ -n "$base" ] && [ -n "$2" ] || return 1
	dd if=/proc/$1/mem bs=1 count=1 skip=$((0x$base + 0x$2)) 2>/dev/null |
		od -An -tx1 | tr -d ' \n'
}

# waits (10 s at most) until the byte at A in process P is B (cc: a
# uprobe's breakpoint is there)
wait_byte() {
	n=0
	while [ "$(text_byte "$1" "$2")" != "$3" ]; do
		n=$((n + 1))
		[ $n -gt 100 ] && return 1
		sleep 0.1
	done
	return 0
}

# a perf uprobe's breakpoint goes in at perf_event_open, its program a
# moment later (PERF_EVENT_IOC_SET_BPF): after the last breakpoint shows,
# give the consumer a moment before letting the target run
wait_armed() {
	p=$1
	shift
	for a in "$@"; do
		wait_byte $p $a cc || return 1
	done
	sleep 0.5
}
