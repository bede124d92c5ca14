/* ERROR arguments for a bad address */
/* @@options: -q */
/* @@dif-offset-any */
BEGIN
{
	trace(*(int *)16);
}

ERROR
{
	printf("%d %d %d 0x%x\n", arg1, arg2, arg4, arg5);
	exit(0);
}
