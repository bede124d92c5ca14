# USDT with a semaphore: attaching raises it (the code behind it runs and
# the probe fires every time), a SIGKILLed consumer lowers it again
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
$DTRACE -q -x backend=bpf -n 'dttest$target:::guarded { @n = count(); @s = sum(arg0); } END { printa("guarded %@d\n", @n); printa("sum %@d\n", @s); }' \
	-c "$UT 10" < /dev/null 2>/dev/null | expect 3<<'X' || exit 1
guarded 10
sum 45

X
trig_start 10
s=$(sym_addr dttest_guarded_semaphore)
before=$(text_byte $TP $s)
$DTRACE -q -x backend=bpf -n 'dttest$target:::guarded { @ = count(); }' -p $TP > /dev/null 2>&1 &
dp=$!
wait_byte $TP $s 01 || echo "the semaphore never went up"
during=$(text_byte $TP $s)
kill -9 $dp
wait $dp 2>/dev/null
sleep 0.2
after=$(text_byte $TP $s)
trig_go
wait $TP
echo "semaphore $before $during $after" | expect 3<<'X'
semaphore 00 01 00
X
