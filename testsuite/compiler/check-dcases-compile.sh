#!/bin/sh
# check-dcases-compile.sh - compile every testsuite/d case with the
# compiler alone (testsuite/compiler/dcases): compile errors must match the
# expected stderr exactly, everything else must compile.
srcdir=${srcdir:-.}
exec ./testsuite/compiler/dcases -x "$srcdir/testsuite/compiler/dcases.xfail" \
    "$srcdir"/testsuite/d/*/*.d
