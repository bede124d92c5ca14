#!/bin/sh
# a -c target that fails a little after the others have exited
sleep 0.3
exit 3
