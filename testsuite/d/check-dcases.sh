#!/bin/sh
# check-dcases.sh - automake TESTS entry: run the D cases with the user
# backend against the dtrace built in this tree (the current directory).
srcdir=${srcdir:-.}
exec "$srcdir/testsuite/d/run" --backend=user --dtrace=./dtrace
