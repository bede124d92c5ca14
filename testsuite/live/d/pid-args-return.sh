# pid provider: entry arguments (rdi, rsi) and the return value in arg1;
# a uretprobe does not know the returning instruction's offset: arg0 is 0
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../uprobe-lib.sh"
# dt_trig_add(i, 3) returns i + 3 for i = 0..9
$DTRACE -q -x backend=bpf -n '
pid$target::dt_trig_add:entry { @a = sum(arg0); @b = sum(arg1); @n = count(); }
pid$target::dt_trig_add:return { @r = sum(arg1); @o = sum(arg0); @m = max(arg1); }
pid$target::dt_trig_done:return { printf("done returned %d\n", arg1); }
END { printa("arg0 %@d\n", @a); printa("arg1 %@d\n", @b); printa("calls %@d\n", @n);
      printa("ret %@d\n", @r); printa("max %@d\n", @m); printa("ret arg0 %@d\n", @o); }' \
	-c "$UT 10" < /dev/null 2>/dev/null | expect 3<<'X'
done returned 10
arg0 45
arg1 30
calls 10
ret 75
max 12
ret arg0 0

X
