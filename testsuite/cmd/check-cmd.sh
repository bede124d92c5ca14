#!/bin/sh
# check-cmd.sh - automake TESTS entry: run the dtrace(1) command-line
# cases with the user backend against the dtrace built in this tree.
srcdir=${srcdir:-.}
exec "$srcdir/testsuite/cmd/run" --backend=user --dtrace=./dtrace
