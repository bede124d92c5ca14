/* tick-10ms fires until the third time */
/* @@options: -q */
tick-10ms
/++n == 3/
{
	printf("%d\n", n);
	exit(0);
}
