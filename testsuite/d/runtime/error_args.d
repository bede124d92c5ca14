/* ERROR sees epid, action, fault and address in arg1..arg5 */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	x = 0;
	y = 1 / x;
}

ERROR
{
	printf("%d %d %d %d\n", arg1, arg2, arg4, arg5);
	exit(0);
}
