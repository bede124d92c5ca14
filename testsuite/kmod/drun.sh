#!/bin/sh
# drun.sh - the testsuite/d runner for a busybox guest (no bash, no diff
# needed): same case format, directives and comparisons as testsuite/d/run.
#   drun.sh DTRACE BACKEND DIR...      last line: "N passed, M failed"
# Cases that need the C preprocessor (-C, -H) are skipped when the guest
# has no cpp (they are listed as SKIP and not counted).
dtrace=$1 backend=$2
shift 2
tmp=/tmp/drun.$$
mkdir -p "$tmp"
npass=0 nfail=0 nskip=0
# -C/-H run the C preprocessor: a guest without cpp skips those cases
havecpp=0
command -v cpp > /dev/null 2>&1 && havecpp=1
directive() {
	sed -n "s/.*@@$2:[[:space:]]*\\(.*[^[:space:]]\\)[[:space:]]*\\*\\/.*/\\1/p;
		s/.*@@$2[[:space:]]*\\*\\/.*/yes/p" "$1" | head -n 1
}
for c in $(find "$@" -name '*.d' -type f | sort); do
	dir=$(dirname "$c")
	name=$(basename "$c" .d)
	opts=$(directive "$c" options)
	args=$(directive "$c" args)
	want=$(directive "$c" status)
	want=${want:-0}
	cpuany=$(directive "$c" cpu-any)
	difany=$(directive "$c" dif-offset-any)
	tmo=$(directive "$c" timeout)
	tmo=${tmo:-10}
	case " $opts " in
	*" -C "* | *" -H "*) [ $havecpp -eq 1 ] || { nskip=$((nskip + 1)); echo "SKIP: $c (needs cpp)"; continue; } ;;
	esac
	(cd "$dir" && eval "exec timeout -s KILL $((tmo + 20)) \"\$dtrace\" -x backend=$backend $opts -s $name.d $args" \
		</dev/null >"$tmp/out" 2>"$tmp/err")
	status=$?
	[ -n "$cpuany" ] && sed -E -i 's/^ *[0-9]+( +[0-9]+ +[^ ]*:[^ ]* )/  0\1/' "$tmp/out"
	[ -n "$difany" ] && sed -E -i 's/at DIF offset [0-9]+/at DIF offset N/' "$tmp/err"
	: > "$tmp/empty"
	eo=$dir/$name.out; [ -f "$eo" ] || eo=$tmp/empty
	ee=$dir/$name.err; [ -f "$ee" ] || ee=$tmp/empty
	if cmp -s "$eo" "$tmp/out" && cmp -s "$ee" "$tmp/err" && [ "$status" = "$want" ]; then
		npass=$((npass + 1))
	else
		nfail=$((nfail + 1))
		echo "FAIL: $c [$backend] status $status (want $want)"
		diff -u "$eo" "$tmp/out" 2>/dev/null | head -20 | sed 's/^/  /'
		diff -u "$ee" "$tmp/err" 2>/dev/null | head -10 | sed 's/^/  /'
	fi
done
rm -rf "$tmp"
echo "$npass passed, $nfail failed"
