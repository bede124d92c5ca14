/* BEGIN output before the first tick */
/* @@options: -q */
BEGIN
{
	printf("begin\n");
}

tick-5ms
/!done/
{
	done = 1;
	printf("tick\n");
	exit(0);
}
