#!/bin/sh
# a -c target that fails: dtrace reports its exit status
exit 3
