# a bad pointer in a syscall clause: DTrace's runtime error, then ERROR
. "$(dirname "$0")/lib.sh"
$DTRACE -q -x backend=bpf -n 'syscall::getppid:entry /pid == $target/ { this->p = (int *)0; trace(*this->p); }' \
	-n 'dtrace:::ERROR { @[arg4] = count(); }' \
	-c "$TRIG/trig64 getppid 3" < /dev/null 2>&1 | sed 's/(ID [0-9]*: /(ID N: /; s/probe ID [0-9]* /probe ID N /; s/pid [0-9]* has/pid N has/' | grep -v 'has exited$' | expect 3<<'X' || exit 1
dtrace: error on enabled probe ID N (ID N: syscall:x64:getppid:entry): invalid address (0x0) in action #2 at DIF offset 88
dtrace: error on enabled probe ID N (ID N: syscall:x64:getppid:entry): invalid address (0x0) in action #2 at DIF offset 88
dtrace: error on enabled probe ID N (ID N: syscall:x64:getppid:entry): invalid address (0x0) in action #2 at DIF offset 88

                1                3
X
