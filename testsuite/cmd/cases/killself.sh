#!/bin/sh
# a -c target killed by a signal: dtrace names the signal
kill -KILL $$
