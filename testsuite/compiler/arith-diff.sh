#!/bin/sh
# arith-diff.sh - make check wrapper: the compiler's integer semantics
# against C's, through the freshly built ./dtrace (see arith-diff.py).
srcdir=${srcdir:-.}
command -v python3 >/dev/null 2>&1 || exit 77
status=0
for seed in 1 2 3; do
	python3 "$srcdir/testsuite/compiler/arith-diff.py" ./dtrace 400 "$seed"
	rc=$?
	[ $rc -eq 77 ] && exit 77
	[ $rc -ne 0 ] && status=1
done
exit $status
